"""The CLI follows the user and says only what is true: defaults read the current folder, a missing
default names what was looked for, summaries count what was ignored, `build` and `validate` agree on
SHACL, and input folders do not leak files from outside (symlinks) or from the build's own output."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from diplograph.build import build_graph, collect
from diplograph.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def _run(args: list[str], cwd: Path, env: dict[str, str] | None = None):
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, args, env=env)
    finally:
        os.chdir(old)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding ./graph/diplograph.ttl built from the seeds."""
    work = tmp_path_factory.mktemp("built")
    res = _run(["build", str(SEEDS), "--no-html"], work)
    assert res.exit_code == 0, res.output
    return work


@pytest.mark.parametrize("args", [["query", "people"], ["export"], ["validate"], ["viz"],
                                  ["push", "--endpoint", "http://127.0.0.1:9/query"]])
def test_missing_default_graph_is_one_line_naming_what_was_looked_for(tmp_path: Path, args: list[str]) -> None:
    res = _run(args, tmp_path)
    assert res.exit_code != 0
    lines = [l for l in res.output.splitlines() if l.strip()]
    assert len(lines) == 1, res.output
    assert "graph/diplograph.ttl" in lines[0] and str(tmp_path) in lines[0] and "diplograph build" in lines[0]


@pytest.mark.parametrize("args, expect", [(["query", "people"], "Bùi Thanh Sơn"), (["validate"], "graph/diplograph.ttl: valid"),
                                          (["export", "--format", "nt"], "<https://w3id.org/diplograph/id/person/bui-thanh-son-ef93b086fb>")])
def test_defaults_read_the_graph_of_the_current_folder(built: Path, args: list[str], expect: str) -> None:
    res = _run(args, built)
    assert res.exit_code == 0, res.output
    assert expect in res.output


def test_viz_default_reads_current_folder(built: Path) -> None:
    res = _run(["viz", "-o", "v.html"], built)
    assert res.exit_code == 0, res.output
    assert "Bùi Thanh Sơn" in (built / "v.html").read_text(encoding="utf-8")


def test_build_without_arguments_or_seeds_says_what_it_needs(tmp_path: Path) -> None:
    res = _run(["build"], tmp_path)
    assert res.exit_code == 2
    assert "no articles named and no ./seeds/ folder" in res.output and not (tmp_path / "graph").exists()


def test_build_without_arguments_reads_local_seeds(tmp_path: Path) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    res = _run(["build", "--no-html"], tmp_path)
    assert res.exit_code == 0, res.output
    assert "articles read: 5" in res.output and (tmp_path / "graph" / "diplograph.ttl").is_file()


def test_no_validate_says_skipped_not_conforms(tmp_path: Path) -> None:
    res = _run(["build", str(SEEDS), "--no-html", "--no-validate"], tmp_path)
    assert res.exit_code == 0
    assert "SHACL: skipped" in res.output and "conforms" not in res.output


def test_build_and_validate_agree_on_a_graph_violating_the_shapes(tmp_path: Path) -> None:
    """Shapes demanding what no person has: the build writes the graph, names the first violation in a
    warning and exits 0; validate on that file exits 1 with the same violations."""
    home = tmp_path / "home"
    (home / "ontology").mkdir(parents=True)
    (home / "ontology" / "shapes.ttl").write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n@prefix dg: <https://w3id.org/diplograph/ontology#> .\n"
        "dg:Strict a sh:NodeShape ; sh:targetClass dg:Person ;\n"
        "  sh:property [ sh:path dg:neverThere ; sh:minCount 1 ] .\n", encoding="utf-8")
    env = {"DIPLOGRAPH_HOME": str(home)}
    res = _run(["build", str(SEEDS), "--no-html"], tmp_path, env)
    assert res.exit_code == 0
    assert "SHACL: 2 violation(s)" in res.stdout and "warning: the graph does not conform" in res.stderr
    assert "person/bui-thanh-son-ef93b086fb" in res.stderr.split("first:", 1)[1]
    assert (tmp_path / "graph" / "diplograph.ttl").is_file()
    checked = _run(["validate"], tmp_path, env)
    shacl = [l for l in checked.stderr.splitlines() if ": SHACL: " in l]
    assert checked.exit_code == 1 and len(shacl) == 2 and all("neverThere" in l for l in shacl)
    assert "graph/diplograph.ttl: 2 problem(s)" in checked.stderr
    assert _run(["validate"], tmp_path).exit_code == 0  # the shipped shapes accept it


def test_wrote_only_when_written(tmp_path: Path) -> None:
    args = ["build", str(SEEDS), "--no-html", "--cache", str(tmp_path / "cache")]
    first = _run(args, tmp_path)
    assert "wrote graph/diplograph.ttl" in first.output
    again = _run(args, tmp_path)
    assert again.exit_code == 0 and "wrote" not in again.output
    assert "unchanged graph/diplograph.ttl" in again.output


def test_empty_folder_and_folder_without_articles_say_so(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    other = tmp_path / "other"
    other.mkdir()
    (other / "notes.md").write_text("x")
    (other / "data.csv").write_text("x")
    res = _run(["build", "empty", "other", "--no-html"], tmp_path)
    assert res.exit_code == 2
    assert "empty: no .txt, .html or .htm article in this folder (it is empty)" in res.stderr
    assert "other: no .txt, .html or .htm article in this folder (2 other file(s) ignored)" in res.stderr
    assert "articles read: 0, skipped: 2, ignored: 2" in res.stdout and "SHACL" not in res.stdout


def test_ignored_files_are_counted(tmp_path: Path) -> None:
    src = tmp_path / "in"
    shutil.copytree(SEEDS, src)
    (src / "README.md").write_text("x")
    (src / ".hidden.txt").write_text("x")
    res = _run(["build", "in", "--no-html", "--no-validate"], tmp_path)
    assert res.exit_code == 0 and "articles read: 5, skipped: 0, ignored: 2" in res.stdout


def test_symlinks_outside_the_input_folder_are_refused_unless_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.copy(SEEDS / sorted(os.listdir(SEEDS))[0], outside / "secret.txt")
    src = tmp_path / "in"
    shutil.copytree(SEEDS, src)
    (src / "link-dir").symlink_to(outside)
    (src / "link.txt").symlink_to(outside / "secret.txt")
    (src / "sub").mkdir()
    (src / "sub" / "inside.txt").symlink_to(src / sorted(os.listdir(SEEDS))[1])  # inside: fine
    found = collect([src])
    names = sorted(p.name for p in found.files)
    assert "secret.txt" not in names and "link.txt" not in names and "inside.txt" in names
    assert len(found.notes) == 2 and all("outside" in why and "--follow-links" in why for _, why in found.notes)
    res = _run(["build", "in", "--no-html", "--no-validate"], tmp_path)
    warnings = [l for l in res.stderr.splitlines() if l.startswith("warning:")]
    assert len(warnings) == 2 and all(len(w.splitlines()) == 1 for w in warnings)
    followed = collect([src], follow_links=True)
    assert {"secret.txt", "link.txt"} <= {p.name for p in followed.files}


def test_output_and_cache_folders_inside_the_input_are_not_read(tmp_path: Path) -> None:
    src = tmp_path / "in"
    shutil.copytree(SEEDS, src)
    first = build_graph([src], src / "graph", html=True, validate=False, cache_dir=src / "cache")
    assert first.read == 5 and (src / "graph" / "diplograph.html").is_file()
    second = build_graph([src], src / "graph", html=True, validate=False)
    assert second.read == 5, second.skipped  # the HTML view is not read back as a sixth article
    assert {Path(p).name for p, _ in second.notes} == {"graph"}
    third = build_graph([src], src / "graph", html=False, validate=False, cache_dir=src / "cache")
    assert third.read == 5 and {Path(p).name for p, _ in third.notes} == {"graph", "cache"}


@pytest.mark.parametrize("command", ["validate", "viz"])
def test_validate_and_viz_refuse_fifos_devices_and_huge_files(tmp_path: Path, command: str,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    fifo = tmp_path / "pipe.ttl"
    os.mkfifo(fifo)  # opening it would block forever
    res = _run([command, str(fifo)], tmp_path)
    assert res.exit_code == 1 and "not a regular file (a named pipe)" in res.output
    assert len(res.output.strip().splitlines()) == 1, res.output
    res = _run([command, "/dev/zero"], tmp_path)
    assert res.exit_code == 1 and "not a regular file (a device)" in res.output
    assert len(res.output.strip().splitlines()) == 1, res.output
    from diplograph import inputs

    big = tmp_path / "big.ttl"
    big.write_bytes(b"# " + b"x" * 3000 + b"\n")
    monkeypatch.setattr(inputs, "MAX_GRAPH_BYTES", 1024)
    monkeypatch.setattr(inputs.check_input_file, "__defaults__", (1024,))
    res = _run([command, str(big)], tmp_path)
    assert res.exit_code == 1 and "file too large" in res.output and len(res.output.strip().splitlines()) == 1


def test_validate_file_refuses_a_fifo_without_opening_it(tmp_path: Path) -> None:
    from diplograph.validate import validate_file

    fifo = tmp_path / "g.ttl"
    os.mkfifo(fifo)
    assert validate_file(fifo) == [f"{fifo}: not a regular file (a named pipe)"]
