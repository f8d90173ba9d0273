"""The archive benchmark in CI size: correctness only, never time.

A few hundred generated articles (benchmarks/make_corpus.py): the build finds the planted facts
(recall ≥ 0.95, no credit or comment-box name as a person), and an incremental build with `--cache`
after adding, changing or removing one article writes the very bytes a full build of the same files
writes.
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from diplograph.build import build_graph

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from make_corpus import Generator, generate, load_planted, score  # noqa: E402

N = 240


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    generate(N, folder, seed=7)
    return folder


def _turtle(src: Path, out: Path, cache: Path | None = None) -> bytes:
    report = build_graph([src], out, html=False, validate=False, cache_dir=cache)
    assert not report.skipped
    return (out / "diplograph.ttl").read_bytes()


def test_generation_is_reproducible(tmp_path, corpus):
    again = tmp_path / "again"
    generate(N, again, seed=7)
    for f in sorted(corpus.iterdir()):
        assert (again / f.name).read_bytes() == f.read_bytes(), f.name


def test_planted_facts_are_found(tmp_path, corpus):
    _turtle(corpus, tmp_path / "out")
    store = ox.Store()
    store.bulk_load(path=str(tmp_path / "out" / "diplograph.ttl"), format=ox.RdfFormat.TURTLE)
    result = score(store, load_planted(corpus))
    assert result["planted"] > 4 * N
    assert result["recall"] >= 0.95, result
    assert result["forbidden"] == 0, result


def test_incremental_builds_equal_full_builds(tmp_path, corpus):
    src = tmp_path / "src"
    shutil.copytree(corpus, src)
    cache, out = tmp_path / "cache", tmp_path / "out"
    first = _turtle(src, out, cache)
    assert first == _turtle(src, tmp_path / "full0")

    # add one article
    extra, _ = Generator(99).article(0)
    (src / "zz_new.txt").write_text(extra, encoding="utf-8")
    report = build_graph([src], out, html=False, validate=False, cache_dir=cache)
    assert report.cached == N  # only the new article was mapped
    added = (out / "diplograph.ttl").read_bytes()
    assert added != first and added == _turtle(src, tmp_path / "full1")

    # change one article: its old facts go, the new ones come
    victim = src / "a000003.txt"
    victim.write_text(victim.read_text(encoding="utf-8").replace("hội nghị", "Hội nghị", 1) + "\nThêm một dòng.\n",
                      encoding="utf-8")
    changed = _turtle(src, out, cache)
    assert changed == _turtle(src, tmp_path / "full2")

    # remove the added article: the graph is the first one again (with the changed article)
    (src / "zz_new.txt").unlink()
    removed = _turtle(src, out, cache)
    assert removed == _turtle(src, tmp_path / "full3")
    assert b"zz_new.txt" not in removed


def test_duplicate_content_under_two_names_keeps_both_sources(tmp_path, corpus):
    src = tmp_path / "src"
    src.mkdir()
    for name in ("a000001.txt", "a000002.txt"):
        shutil.copy(corpus / name, src / name)
    shutil.copy(corpus / "a000001.txt", src / "copy.txt")
    cache = tmp_path / "cache"
    cold = _turtle(src, tmp_path / "o1", cache)
    warm = _turtle(src, tmp_path / "o2", cache)
    assert cold == warm == _turtle(src, tmp_path / "o3")
    assert b'"copy.txt"' in warm and b'"a000001.txt"' in warm
