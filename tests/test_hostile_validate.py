"""`diplograph validate FILE`: two parsers (rdflib and pyoxigraph) and SHACL (ontology/shapes.ttl); a
non-zero exit and one readable line per problem when anything is wrong."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from diplograph.cli import main
from diplograph.validate import validate_file

ROOT = Path(__file__).resolve().parents[1]
GOOD = ROOT / "graph" / "diplograph.ttl"
PREFIXES = ("@prefix dg: <https://w3id.org/diplograph/ontology#> .\n@prefix schema: <https://schema.org/> .\n"
            "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n")


def _validate(path: Path):
    return CliRunner().invoke(main, ["validate", str(path)])


def test_good_graph_is_valid_in_the_installed_command() -> None:
    script = Path(sys.executable).parent / "diplograph"
    res = subprocess.run([str(script), "validate", str(GOOD)], capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == f"{GOOD}: valid" and res.stderr == ""
    assert validate_file(GOOD) == []


@pytest.mark.parametrize("text, expected", [
    ('<http://e/a> <http://e/b> "unterminated .\n', ["rdflib cannot parse it", "pyoxigraph cannot parse it"]),
    ("<http://e/a> <http://e/b> <http://e/c>\n", ["rdflib cannot parse it", "pyoxigraph cannot parse it"]),
    ("@prefix : <http://e/> .\n:a :b :c ; ; .\n:a :b \"\"\"open", ["rdflib cannot parse it", "pyoxigraph cannot parse it"]),
    ("<http://e/a b> <http://e/b> \"x\" .\n", ["pyoxigraph cannot parse it"]),  # rdflib accepts a space in an IRI
    ("\x89PNG\r\n\x1a\n\x00\x00", ["cannot parse it"]),
])
def test_broken_turtle_is_reported_by_each_parser(tmp_path: Path, text: str, expected: list[str]) -> None:
    f = tmp_path / "broken.ttl"
    f.write_bytes(text.encode("utf-8", "surrogateescape") if isinstance(text, str) else text)
    res = _validate(f)
    assert res.exit_code == 1
    lines = res.stderr.strip().splitlines()
    for e in expected:
        assert any(e in line and line.startswith(f"{f}: ") for line in lines), res.stderr
    assert lines[-1] == f"{f}: {len(lines) - 1} problem(s)"
    assert res.stdout == ""


def test_shacl_violations_are_listed_one_per_line(tmp_path: Path) -> None:
    f = tmp_path / "shapes.ttl"
    f.write_text(PREFIXES + "<https://w3id.org/diplograph/id/person/x> a dg:Person .\n"
                 "<https://w3id.org/diplograph/id/post/p> a dg:PostHolding ; dg:holder <https://w3id.org/diplograph/id/org/o> ;"
                 ' dg:asOf "someday" .\n', encoding="utf-8")
    res = _validate(f)
    assert res.exit_code == 1
    lines = res.stderr.strip().splitlines()
    shacl = [line for line in lines if "SHACL:" in line]
    assert any("person/x" in line and "schema:name" in line for line in shacl), res.stderr
    assert any("post/p" in line and "dg:holder" in line for line in shacl), res.stderr
    assert any("post/p" in line and "dg:title" in line for line in shacl), res.stderr
    assert lines[-1] == f"{f}: {len(shacl)} problem(s)"
    assert not any("parse" in line for line in lines)


def test_a_good_copy_with_one_triple_removed_fails_shacl(tmp_path: Path) -> None:
    text = GOOD.read_text(encoding="utf-8")
    assert "schema:name" in text
    f = tmp_path / "damaged.ttl"
    lines = text.split("\n")
    # drop the first schema:name line of a person: the person has no name any more
    i = next(i for i, line in enumerate(lines) if line.strip().startswith("schema:name") and line.rstrip().endswith(";"))
    del lines[i]
    f.write_text("\n".join(lines), encoding="utf-8")
    problems = validate_file(f)
    assert problems and all("SHACL" in p for p in problems), problems


@pytest.mark.parametrize("content, message", [(None, "cannot read"), (b"", "empty file"), (b"  \n", "empty file")])
def test_missing_and_empty_files(tmp_path: Path, content: bytes | None, message: str) -> None:
    f = tmp_path / "g.ttl"
    if content is not None:
        f.write_bytes(content)
    res = _validate(f)
    assert res.exit_code == 1 and message in res.stderr and f"{f}: 1 problem(s)" in res.stderr


@pytest.mark.parametrize("command", [["validate", "{f}"], ["viz", "{f}", "-o", "{out}"],
                                     ["query", "people", "--graph", "{f}", "--engine", "rdflib"]])
def test_a_hostile_iri_never_reaches_the_terminal_raw(tmp_path: Path, command: list[str]) -> None:
    """Issue 16 items 3 and 11: an IRI written with Turtle escapes for ESC, BEL and a line break (rdflib
    accepts it) was logged by rdflib verbatim on stderr, which cleared the screen, rang the bell and
    printed a forged second line; every library warning is now one `warning:` line with escapes."""
    f = tmp_path / "hostile.ttl"
    f.write_text(PREFIXES + "<https://w3id.org/x/a\\u001B[2J\\u0007b\\u000Aforged: line> a dg:Person .\n",
                 encoding="utf-8")
    script = Path(sys.executable).parent / "diplograph"
    args = [a.format(f=f, out=tmp_path / "v.html") for a in command]
    res = subprocess.run([str(script), *args], capture_output=True, text=True, timeout=120)
    out = res.stdout + res.stderr
    assert not any(c in out for c in "\x1b\x07\x7f"), out
    assert not any(line.startswith("forged") for line in out.splitlines()), out
    for line in res.stderr.splitlines():
        assert line.startswith(("warning: ", str(f))), line
    if command[0] == "validate":
        assert res.returncode == 1 and "pyoxigraph cannot parse it" in res.stdout + res.stderr
    else:
        assert "warning: https://w3id.org/x/a\\x1b[2J\\x07b" in res.stderr


@pytest.mark.parametrize("command", [["query", "people", "--graph", "{f}"], ["query", "people", "--graph", "{f}", "--engine", "maplib"],
                                     ["export", "{f}", "--format", "nt"],
                                     ["push", "{f}", "--endpoint", "http://127.0.0.1:9/q", "--update-endpoint", "http://127.0.0.1:9/u"]])
@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_query_export_and_push_name_a_fifo_or_device_for_what_it_is(tmp_path: Path, command: list[str], kind: str) -> None:
    """Issue 16 item 11, every file the CLI opens: a named pipe or a device given as the graph is one line
    saying what it is (before: `graph file not found`, for a file that is there), and nothing is opened."""
    import os

    f = tmp_path / "graph.ttl"
    if kind == "fifo":
        os.mkfifo(f)
    else:
        f = Path("/dev/zero")
    res = CliRunner().invoke(main, [a.format(f=f) for a in command])
    assert res.exit_code == 1
    expected = "a named pipe" if kind == "fifo" else "a device"
    assert res.output.strip().splitlines() == [f"Error: {f}: not a regular file ({expected})"]
