"""Nothing lost: a build killed at any moment leaves the previous graph whole, and a damaged fact cache
(truncated, garbage, wrong checksum, empty) is detected and rebuilt, never trusted.
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Graph

from diplograph.build import LOCK_FILE, build_graph, collect_inputs, map_files
from diplograph.cache import PACK

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
N_COPIES = 800


def _cli_build(src: Path, out: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "diplograph.cli", "build", str(src), "-o", str(out), *extra],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)


def _parses(data: bytes) -> int:
    n = sum(1 for _ in pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.TURTLE))
    assert n == len(Graph().parse(data=data, format="turtle")) > 0
    return n


def test_build_killed_at_random_moments_leaves_the_previous_graph(tmp_path: Path) -> None:
    big = tmp_path / "big"
    big.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for i in range(N_COPIES):  # distinct articles: each copy ends with its own sentence
        (big / f"{i:05d}.txt").write_text(seeds[i % len(seeds)].read_text(encoding="utf-8") + f"\nBài số {i}.\n",
                                          encoding="utf-8")
    # the graph a complete build of `big` writes, and how long that takes
    ref = tmp_path / "ref"
    t = time.monotonic()
    ref_build = _cli_build(big, ref, "--cache", str(tmp_path / "refcache"))
    ttl_s = None  # when the Turtle appeared: a kill well before that must leave the old graph
    while ref_build.poll() is None:
        if ttl_s is None and (ref / "diplograph.ttl").exists():
            ttl_s = time.monotonic() - t
        time.sleep(0.02)
    assert ref_build.wait(timeout=300) == 0
    full_s = time.monotonic() - t
    ttl_s = ttl_s or full_s
    new_ttl, new_html = (ref / "diplograph.ttl").read_bytes(), (ref / "diplograph.html").read_bytes()

    out = tmp_path / "out"
    build_graph([SEEDS], out)  # the previous graph: the seeds
    old_ttl, old_html = (out / "diplograph.ttl").read_bytes(), (out / "diplograph.html").read_bytes()
    assert old_ttl != new_ttl and _parses(old_ttl)
    rng = random.Random(6)
    # one kill surely before the Turtle is renamed in place (the share of the build spent before it
    # changes as extraction gets faster), random ones, and one near the end
    moments = sorted([0.3 * ttl_s] + [rng.uniform(0.2, 1.0) * full_s for _ in range(3)]) + [0.97 * full_s]
    states = []
    cache = tmp_path / "cache"
    for moment in moments:
        proc = _cli_build(big, out, "--cache", str(cache))
        time.sleep(moment)
        finished = proc.poll() is not None
        if not finished:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
        ttl, html = (out / "diplograph.ttl").read_bytes(), (out / "diplograph.html").read_bytes()
        # each file is the old one or the new one, whole: never a mix, never half written
        assert ttl in (old_ttl, new_ttl), f"killed at {moment:.1f} s: a graph that is neither old nor new"
        assert html in (old_html, new_html)
        _parses(ttl)
        if ttl == new_ttl:  # the rename happened: the next kill must leave THIS graph
            old_ttl = new_ttl
        if html == new_html:
            old_html = new_html
        visible = {p.name for p in out.iterdir() if not p.name.startswith(".")}
        assert visible == {"diplograph.ttl", "diplograph.html"}, visible
        stray = [p.name for p in out.iterdir() if p.name.startswith(".") and p.name != LOCK_FILE]
        assert all(n.endswith(".tmp") for n in stray), stray
        states.append((round(moment, 1), finished, ttl == new_ttl, len(stray)))
    # at least one kill landed before the new graph was in place
    assert any(not new for _, _, new, _ in states), states
    # stray temporary files and a half-filled cache do not break the next build: it writes the full graph
    assert _cli_build(big, out, "--cache", str(cache)).wait(timeout=300) == 0
    assert (out / "diplograph.ttl").read_bytes() == new_ttl
    assert (out / "diplograph.html").read_bytes() == new_html


# ----------------------------------------------------------------------------- cache corruption
def _fresh() -> tuple[list[Path], list[dict]]:
    files, _ = collect_inputs([SEEDS])
    facts, skipped, hits = map_files(files, jobs=1)
    assert not skipped and hits == 0
    return files, [f.to_dict() for f in facts]


@pytest.fixture()
def warm_cache(tmp_path: Path) -> tuple[Path, list[Path], list[dict]]:
    files, expected = _fresh()
    cache = tmp_path / "cache"
    facts, _, hits = map_files(files, jobs=1, cache_dir=cache)
    assert hits == 0 and [f.to_dict() for f in facts] == expected
    assert (cache / PACK).is_file() and len(list(cache.rglob("*.json"))) == len(files)
    return cache, files, expected


def _garbage(data: bytes) -> bytes:
    return os.urandom(len(data))


def _truncate(data: bytes) -> bytes:
    return data[: len(data) // 2]


def _empty(data: bytes) -> bytes:
    return b""


def _wrong_checksum_entry(data: bytes) -> bytes:
    # valid JSON, believable facts, but the payload no longer matches its checksum
    wrapper = json.loads(data)
    payload = json.loads(wrapper["payload"])
    payload["people"] = [{"name": "Kẻ Giả Mạo", "posts": [], "aliases": []}]
    wrapper["payload"] = json.dumps(payload, ensure_ascii=False, sort_keys=True)
    return json.dumps(wrapper).encode("utf-8")


def _wrong_type_entry(data: bytes) -> bytes:
    payload = json.dumps({"people": "not a list"})
    return json.dumps({"sha256": hashlib.sha256(payload.encode()).hexdigest(), "payload": payload}).encode()


ENTRY_DAMAGE = {"truncated": _truncate, "garbage": _garbage, "wrong checksum": _wrong_checksum_entry,
                "empty file": _empty, "checksum right but not facts": _wrong_type_entry,
                "not utf-8": lambda d: b"\xff\xfe" + d}


@pytest.mark.parametrize("damage", list(ENTRY_DAMAGE))
def test_damaged_cache_entry_is_rebuilt_not_trusted(damage: str, warm_cache) -> None:
    cache, files, expected = warm_cache
    (cache / PACK).unlink()  # the pack would serve the facts without the entries
    entries = sorted(cache.rglob("*.json"))
    entries[0].write_bytes(ENTRY_DAMAGE[damage](entries[0].read_bytes()))
    facts, skipped, hits = map_files(files, jobs=1, cache_dir=cache)
    assert not skipped and hits == len(files) - 1  # the damaged entry was not used ...
    assert [f.to_dict() for f in facts] == expected  # ... and its article was mapped again
    assert "Kẻ Giả Mạo" not in json.dumps([f.to_dict() for f in facts], ensure_ascii=False)
    again, _, hits = map_files(files, jobs=1, cache_dir=cache)
    assert hits == len(files) and [f.to_dict() for f in again] == expected  # and rewritten whole


def _wrong_checksum_pack(data: bytes) -> bytes:
    magic_end = data.index(b"\n") + 1
    digest = data[magic_end:magic_end + 64]
    return data[:magic_end] + digest[::-1] + data[magic_end + 64:]


PACK_DAMAGE = {"truncated": _truncate, "garbage": _garbage, "wrong checksum": _wrong_checksum_pack, "empty file": _empty,
               "magic only": lambda d: d[: d.index(b"\n") + 1]}


@pytest.mark.parametrize("damage", list(PACK_DAMAGE))
def test_damaged_pack_falls_back_to_the_entries(damage: str, warm_cache) -> None:
    cache, files, expected = warm_cache
    pack = cache / PACK
    pack.write_bytes(PACK_DAMAGE[damage](pack.read_bytes()))
    entries = sorted(cache.rglob("*.json"))
    entries[-1].write_bytes(b"")
    facts, skipped, hits = map_files(files, jobs=1, cache_dir=cache)
    assert not skipped and hits == len(files) - 1
    assert [f.to_dict() for f in facts] == expected


def test_a_pack_with_a_bad_checksum_is_never_unpickled(warm_cache, tmp_path: Path) -> None:
    """The pack is a pickle; one whose checksum does not match is dropped before pickle.loads runs."""
    cache, files, expected = warm_cache
    marker = tmp_path / "pwned"

    class Exploit:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    payload = pickle.dumps(Exploit())
    pack = cache / PACK
    magic = pack.read_bytes()[: pack.read_bytes().index(b"\n") + 1]
    pack.write_bytes(magic + b"0" * 64 + b"\n" + payload)
    facts, _, hits = map_files(files, jobs=1, cache_dir=cache)
    assert not marker.exists()
    assert hits == len(files) and [f.to_dict() for f in facts] == expected


def test_cache_written_by_a_killed_build_is_usable(tmp_path: Path) -> None:
    """Entries half written by a killed worker are temporary files: never read as entries."""
    files, expected = _fresh()
    cache = tmp_path / "cache"
    map_files(files, jobs=1, cache_dir=cache)
    (cache / PACK).unlink()
    entry = sorted(cache.rglob("*.json"))[0]
    (entry.parent / "tmpabcd.tmp").write_bytes(entry.read_bytes()[:10])  # what a kill mid-write leaves
    entry.unlink()
    facts, skipped, hits = map_files(files, jobs=1, cache_dir=cache)
    assert not skipped and hits == len(files) - 1 and [f.to_dict() for f in facts] == expected
