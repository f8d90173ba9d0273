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


# ----------------------------------------------------------------------------- one build at a time, outputs as one unit
def test_the_turtle_and_the_html_are_written_as_one_unit(src: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk fills up while the HTML is written: the Turtle of the new build must not be left next
    to the HTML of the old one (before: the Turtle was renamed in place before the page was written)."""
    out = tmp_path / "out"
    assert _build([str(src), "-o", str(out), "--no-validate"]).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir() if not p.name.startswith(".")}
    (src / "new.txt").write_bytes(SEEDS[0].read_bytes().replace(b"Minh", b"Minh Anh"))
    real = tempfile.mkstemp

    def mkstemp(*args, prefix="", **kwargs):
        if prefix.startswith(".diplograph.html"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(*args, prefix=prefix, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    res = _build([str(src), "-o", str(out), "--no-validate"])
    assert res.exit_code == EXIT_OUTPUT_ERROR, (res.output, res.exception)
    assert {p.name: p.read_bytes() for p in out.iterdir() if not p.name.startswith(".")} == before
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_a_second_build_into_the_same_folder_waits_for_the_first(src: Path, tmp_path: Path) -> None:
    """Holds the output folder's lock as a running build would: a build started meanwhile must wait
    (saying so) and write nothing until the lock is released, then finish normally."""
    import fcntl
    import subprocess
    import sys
    import time

    out = tmp_path / "out"
    out.mkdir()
    lock = open(out / ".diplograph.lock", "a+")
    fcntl.lockf(lock.fileno(), fcntl.LOCK_EX)
    proc = subprocess.Popen([sys.executable, "-m", "diplograph.cli", "build", str(src), "-o", str(out), "--no-validate"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        deadline = time.monotonic() + 8
        while time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.2)
        assert proc.poll() is None, "the second build did not wait: " + proc.communicate()[1]
        assert not (out / "diplograph.ttl").exists() and not (out / "diplograph.html").exists()
    finally:
        fcntl.lockf(lock.fileno(), fcntl.LOCK_UN)
        lock.close()
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert "waiting" in err and "another build" in err, err
    assert (out / "diplograph.ttl").stat().st_size > 0 and (out / "diplograph.html").stat().st_size > 0


def test_two_concurrent_builds_into_one_folder_leave_the_outputs_of_one(tmp_path: Path) -> None:
    import subprocess
    import sys

    sets = []
    for i, chosen in enumerate([SEEDS[:2], SEEDS[1:]]):
        d = tmp_path / f"in{i}"
        d.mkdir()
        for f in chosen:
            shutil.copy(f, d / f.name)
        sets.append(d)
    refs = []
    for i, d in enumerate(sets):
        ref = tmp_path / f"ref{i}"
        assert _build([str(d), "-o", str(ref), "--no-validate"]).exit_code == 0
        refs.append(((ref / "diplograph.ttl").read_bytes(), (ref / "diplograph.html").read_bytes()))
    out = tmp_path / "out"
    for _ in range(3):
        procs = [subprocess.Popen([sys.executable, "-m", "diplograph.cli", "build", str(d), "-o", str(out), "--no-validate"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT) for d in sets]
        assert [p.wait(timeout=300) for p in procs] == [0, 0]
        pair = ((out / "diplograph.ttl").read_bytes(), (out / "diplograph.html").read_bytes())
        assert pair in refs, "the Turtle of one build and the HTML of the other"


def test_a_killed_build_never_leaves_its_lock_to_its_pool_workers(tmp_path: Path) -> None:
    """A build mapping with a process pool is killed (SIGKILL): its workers may live on as orphans,
    but the lock must go with the build, so the next build does not wait for ever."""
    import signal
    import subprocess
    import sys
    import time

    big = tmp_path / "big"
    big.mkdir()
    for i in range(200):
        f = SEEDS[i % len(SEEDS)]
        (big / f"{i:03d}.txt").write_bytes(f.read_bytes() + f"\nBài số {i}.".encode())
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "diplograph.cli", "build", str(big), "-o", str(out), "-j", "2",
                             "--no-validate", "--no-html"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    time.sleep(4)  # the pool is mapping by now
    children = subprocess.run(["pgrep", "-P", str(proc.pid)], capture_output=True, text=True).stdout.split()
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    try:
        again = subprocess.run([sys.executable, "-m", "diplograph.cli", "build", str(SEEDS[0]), "-o", str(out),
                                "--no-validate", "--no-html"], capture_output=True, text=True, cwd=ROOT, timeout=60)
        assert again.returncode == 0, again.stderr
        assert "waiting" not in again.stderr
    finally:
        for pid in children:  # only the workers of the build this test started
            try:
                os.kill(int(pid), signal.SIGKILL)
            except (ProcessLookupError, ValueError):
                pass


# ----------------------------------------------------------------------------- the cache and files edited in place
def _edit_in_place_keeping_size_mtime_and_inode(path: Path, old: bytes, new: bytes) -> None:
    assert len(old) == len(new)
    st = path.stat()
    data = path.read_bytes()
    assert old in data
    with open(path, "r+b") as fh:  # same inode
        fh.write(data.replace(old, new))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))  # mtime restored
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (st.st_size, st.st_mtime_ns, st.st_ino)


@pytest.mark.parametrize("racy_window", ["default", "none"])
def test_an_edit_in_place_with_size_mtime_and_inode_restored_is_seen(racy_window: str, src: Path, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """`racy_window` "none" checks the ctime rule alone (no file counts as just written)."""
    from diplograph import cache as cache_mod
    from diplograph.build import build_graph

    if racy_window == "none":
        monkeypatch.setattr(cache_mod, "RACY_NS", 0, raising=False)
    out, cache = tmp_path / "out", tmp_path / "cache"
    build_graph([src], out, html=False, validate=False, cache_dir=cache)
    victim = next(f for f in sorted(src.glob("*.txt")) if b"Minh" in f.read_bytes())
    _edit_in_place_keeping_size_mtime_and_inode(victim, b"Minh", b"Ninh")
    build_graph([src], out, html=False, validate=False, cache_dir=cache)
    build_graph([src], tmp_path / "cold", html=False, validate=False)
    assert (out / "diplograph.ttl").read_bytes() == (tmp_path / "cold" / "diplograph.ttl").read_bytes()
    assert b"Ninh" in (out / "diplograph.ttl").read_bytes()


def test_an_unchanged_file_is_not_read_again(src: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The stat index still spares unchanged files a read (once they are older than the racy window)."""
    from diplograph import cache as cache_mod

    monkeypatch.setattr(cache_mod, "RACY_NS", 0, raising=False)
    c = cache_mod.FactCache(tmp_path / "cache")
    files = sorted(src.glob("*.txt"))
    digests = [c.digest(f) for f in files]
    c._index, c._new_index = c._new_index, {}
    reads: list[Path] = []
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: (reads.append(self), real(self))[1])
    assert [c.digest(f) for f in files] == digests
    assert reads == []
    os.chmod(files[0], 0o600)  # a metadata change moves ctime: hashed again (and still the same digest)
    c._index, c._new_index = c._new_index, {}
    assert [c.digest(f) for f in files] == digests
    assert reads == [files[0]]


# ----------------------------------------------------------------------------- time budget per article
def _slow_on(victim: str, seconds: float, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make mapping `victim` take `seconds` (the pool forks, so workers inherit the patch)."""
    import time

    from diplograph import build as build_mod

    real = build_mod.map_file

    def slow(path):
        if Path(path).name == victim:
            time.sleep(seconds)  # bounded: the test fails, not hangs, if the budget does not work
        return real(path)

    monkeypatch.setattr(build_mod, "map_file", slow)


@pytest.mark.parametrize("pool", [False, True])
def test_an_article_over_its_time_budget_is_skipped_by_name(pool: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    from diplograph.build import POOL_MIN_ARTICLES, build_graph

    src = tmp_path / "in"
    src.mkdir()
    n = POOL_MIN_ARTICLES + 6 if pool else 3
    for i in range(n):
        f = SEEDS[i % len(SEEDS)]
        (src / f"{i:03d}.txt").write_bytes(f.read_bytes() + f"\nBài số {i}.".encode())
    victim = "001.txt"
    ref = tmp_path / "ref-in"
    shutil.copytree(src, ref)
    (ref / victim).unlink()
    build_graph([ref], tmp_path / "ref", html=False, validate=False, jobs=2 if pool else 1)
    _slow_on(victim, 20, monkeypatch)
    start = time.monotonic()
    report = build_graph([src], tmp_path / "out", html=False, validate=False, jobs=2 if pool else 1, article_budget=1.5)
    elapsed = time.monotonic() - start
    assert elapsed < 15, f"the slow article held the build {elapsed:.0f} s"
    assert [(Path(f).name, why) for f, why in report.skipped] == [(victim, "took more than 1.5 s to map (time budget per article)")]
    assert report.read == n - 1
    # the other articles give the graph they give without the slow one (same bytes, same order)
    assert (tmp_path / "out" / "diplograph.ttl").read_bytes() == (tmp_path / "ref" / "diplograph.ttl").read_bytes()


def test_the_time_budget_comes_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, src: Path) -> None:
    from diplograph import build as build_mod

    original = build_mod.map_file
    victim = sorted(src.glob("*.txt"))[0].name
    _slow_on(victim, 20, monkeypatch)
    monkeypatch.setenv("DIPLOGRAPH_ARTICLE_BUDGET", "1")
    res = _build([str(src), "-o", str(tmp_path / "out"), "--no-validate", "--no-html"])
    assert res.exit_code == 1, (res.output, res.exception)
    assert f"warning: {src / victim}: took more than 1 s to map (time budget per article)" in res.stderr, res.stderr
    monkeypatch.setattr(build_mod, "map_file", original)
    for bad in ("soon", "nan", "-3", "inf", "0"):  # a warning, and the default budget
        monkeypatch.setenv("DIPLOGRAPH_ARTICLE_BUDGET", bad)
        res = _build([str(src), "-o", str(tmp_path / "out"), "--no-validate", "--no-html"])
        assert res.exit_code == 0, (res.output, res.exception)
        assert f"warning: DIPLOGRAPH_ARTICLE_BUDGET={bad!r} is not a positive number of seconds; using 30 s" in res.stderr, res.stderr


@pytest.mark.parametrize("layout", ["output is the input folder", "output is '.' in the input folder",
                                    "an earlier build's output, under another name, inside the input"])
def test_a_build_never_reads_the_page_of_a_build_back_as_an_article(tmp_path: Path, layout: str,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 16 item 13: `build in -o in`, `build . -o .`, or an old output folder under the input read the
    build's own diplograph.html back as an article (headline "diplograph", a person-less Article node)."""
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEEDS[0], src / SEEDS[0].name)
    if layout.startswith("output is the"):
        args, out = ["build", str(src), "-o", str(src), "--no-validate"], src
    elif layout.startswith("output is '.'"):
        monkeypatch.chdir(src)
        args, out = ["build", ".", "-o", ".", "--no-validate"], src
    else:
        first = CliRunner().invoke(main, ["build", str(ROOT / "seeds"), "-o", str(src / "old-out"), "--no-validate"])
        assert first.exit_code == 0, first.output
        out = tmp_path / "new-out"
        args = ["build", str(src), "-o", str(out), "--no-validate"]
    for _ in range(2):  # the second build finds the first one's page
        res = CliRunner().invoke(main, args)
        assert res.exit_code == 0, res.output
    ttl = (out / "diplograph.ttl").read_text(encoding="utf-8")
    assert ttl.count("dg:sourceFile") == 1 and f'"{SEEDS[0].name}"' in ttl and '"diplograph.html"' not in ttl
    assert "the HTML view of a diplograph build, not read" in res.output


def test_a_page_named_diplograph_html_in_a_folder_no_build_wrote_is_an_article(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "diplograph.html").write_text("<html><head><title>Hội đàm</title></head><body><article><p>Ngày 3/3/2021, "
                                         "Bộ trưởng Ngoại giao Bùi Thanh Sơn hội đàm với Bộ trưởng Ngoại giao Lào "
                                         "Saleumxay Kommasith.</p></article></body></html>", encoding="utf-8")
    res = CliRunner().invoke(main, ["build", str(src), "-o", str(tmp_path / "out"), "--no-validate", "--no-html"])
    assert res.exit_code == 0, res.output
    assert '"diplograph.html"' in (tmp_path / "out" / "diplograph.ttl").read_text(encoding="utf-8")
