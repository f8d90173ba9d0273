"""I/O failures of the build (issue 16): a full disk or a read-only output folder is one line and its own
exit status (3), never a traceback nor the status that means "a file was skipped" (1); a cache that cannot
be written is a warning and the build goes on. Tests run as root, where chmod does not stop writes: the
failures are simulated by monkeypatching `os.replace` / `tempfile.mkstemp` for the folder concerned."""
from __future__ import annotations

import errno
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from diplograph.build import EXIT_OUTPUT_ERROR
from diplograph.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))[:3]


@pytest.fixture()
def src(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    for f in SEEDS:
        shutil.copy(f, d / f.name)
    return d


def _fail_replace_under(folder: Path, code: int, monkeypatch: pytest.MonkeyPatch) -> None:
    real = os.replace

    def replace(a, b, *args, **kwargs):
        if str(Path(b).resolve()).startswith(str(folder.resolve())):
            raise OSError(code, os.strerror(code), str(b))
        return real(a, b, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)


def _fail_mkstemp_under(folder: Path, code: int, monkeypatch: pytest.MonkeyPatch) -> None:
    real = tempfile.mkstemp

    def mkstemp(*args, dir=None, **kwargs):
        if dir is not None and str(Path(dir).resolve()).startswith(str(folder.resolve())):
            raise OSError(code, os.strerror(code), str(dir))
        return real(*args, dir=dir, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)


def _build(args: list[str]):
    return CliRunner().invoke(main, ["build", *args])


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS, errno.EACCES])
@pytest.mark.parametrize("how", ["replace", "mkstemp"])
def test_an_output_folder_that_cannot_be_written_is_one_line_and_exit_3(code: int, how: str, src: Path, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    first = _build([str(src), "-o", str(out), "--no-validate"])
    assert first.exit_code == 0, first.output
    before = {p.name: p.read_bytes() for p in out.iterdir() if not p.name.startswith(".")}
    (src / "new.txt").write_bytes(SEEDS[0].read_bytes().replace(b"Minh", b"Minh Anh"))
    (_fail_replace_under if how == "replace" else _fail_mkstemp_under)(out, code, monkeypatch)
    res = _build([str(src), "-o", str(out), "--no-validate"])
    assert res.exit_code == EXIT_OUTPUT_ERROR == 3, (res.exit_code, res.output, res.exception)
    assert isinstance(res.exception, SystemExit)  # not a traceback
    errors = [l for l in res.stderr.splitlines() if l.startswith("error:")]
    assert len(errors) == 1 and os.strerror(code) in errors[0] and str(out) in errors[0], res.stderr
    assert "Traceback" not in res.output
    # the previous outputs are whole
    assert {p.name: p.read_bytes() for p in out.iterdir() if not p.name.startswith(".")} == before


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS])
def test_a_cache_that_cannot_be_written_is_a_warning_and_the_build_goes_on(code: int, src: Path, tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    out, cache = tmp_path / "out", tmp_path / "cache"
    plain = _build([str(src), "-o", str(tmp_path / "plain"), "--no-validate"])
    assert plain.exit_code == 0
    _fail_replace_under(cache, code, monkeypatch)
    res = _build([str(src), "-o", str(out), "--cache", str(cache), "--no-validate", "-j", "1"])
    assert res.exit_code == 0, (res.output, res.exception)
    warnings = [l for l in res.stderr.splitlines() if l.startswith("warning:")]
    assert warnings and all("cache" in w for w in warnings) and os.strerror(code) in warnings[0], res.stderr
    assert len(warnings) == 1, warnings
    assert (out / "diplograph.ttl").read_bytes() == (tmp_path / "plain" / "diplograph.ttl").read_bytes()
    assert (out / "diplograph.html").read_bytes() == (tmp_path / "plain" / "diplograph.html").read_bytes()


def test_a_cache_folder_that_cannot_be_created_is_a_warning(src: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    res = _build([str(src), "-o", str(tmp_path / "out"), "--cache", str(blocker / "cache"), "--no-validate"])
    assert res.exit_code == 0, (res.output, res.exception)
    assert any(l.startswith("warning:") and "cache" in l for l in res.stderr.splitlines()), res.stderr
    assert (tmp_path / "out" / "diplograph.ttl").stat().st_size > 0
