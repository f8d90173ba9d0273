"""Corpus files (.jsonl, .jsonl.gz) as build input: one article a line, the same graph as the same
articles as files, a bad line reported by its number and skipped while the others are mapped."""
from __future__ import annotations

import gzip
import json
import shutil
from itertools import islice
from pathlib import Path

import pytest
from click.testing import CliRunner

from diplograph.build import build_graph
from diplograph.cli import main
from diplograph.corpus import CorpusArticle, read_corpus

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED_CORPUS = ROOT.parent / "shared" / "corpus" / "baomoi-2017.jsonl.gz"


def _seed_records() -> list[dict]:
    return [{"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in sorted(SEEDS.glob("*.txt"))]


def _write_jsonl(path: Path, lines: list[str]) -> Path:
    data = ("\n".join(lines) + "\n").encode("utf-8")
    path.write_bytes(gzip.compress(data) if path.name.endswith(".gz") else data)
    return path


@pytest.mark.parametrize("name", ["seeds.jsonl", "seeds.jsonl.gz"])
def test_corpus_gives_the_same_graph_as_the_files(tmp_path: Path, name: str) -> None:
    corpus = _write_jsonl(tmp_path / name, [json.dumps(r, ensure_ascii=False) for r in _seed_records()])
    from_files = build_graph([SEEDS], tmp_path / "files", html=False, validate=False, jobs=1)
    from_corpus = build_graph([corpus], tmp_path / "corpus", html=False, validate=True, jobs=1)
    assert from_corpus.read == from_files.read == 5 and not from_corpus.skipped
    assert from_corpus.violations == []
    assert (tmp_path / "corpus" / "diplograph.ttl").read_bytes() == (tmp_path / "files" / "diplograph.ttl").read_bytes()


def test_bad_lines_are_reported_by_number_and_skipped(tmp_path: Path) -> None:
    good = _seed_records()
    lines = [
        json.dumps(good[0], ensure_ascii=False),               # 1
        "{not json",                                           # 2
        json.dumps(["a", "list"]),                             # 3
        json.dumps({"text": "Bộ trưởng Bùi Thanh Sơn."}),      # 4: no id
        json.dumps({"id": "x", "text": 42}),                   # 5: text not a string
        json.dumps({"id": "../etc/passwd", "text": "abc"}),    # 6: id that is a path
        json.dumps({"id": "blank", "text": "   "}),            # 7: reader refuses it
        "",                                                    # 8: blank, ignored
        json.dumps(good[1], ensure_ascii=False),               # 9
    ]
    corpus = _write_jsonl(tmp_path / "c.jsonl", lines)
    corpus.write_bytes(corpus.read_bytes() + b"\xff\xfe bad bytes\n")  # 10: not UTF-8
    got = list(read_corpus(corpus))
    problems = {label.rsplit(":", 1)[1]: why for label, why in (g for g in got if isinstance(g, tuple))}
    assert set(problems) == {"2", "3", "4", "5", "6", "7", "10"}, problems
    assert problems["2"].startswith("not JSON") and "JSON object" in problems["3"]
    assert '"id"' in problems["4"] and '"text"' in problems["5"] and "cannot name" in problems["6"]
    assert "empty" in problems["7"] and problems["10"] == "not UTF-8"
    articles = [g for g in got if isinstance(g, CorpusArticle)]
    assert [a.label for a in articles] == [f"{corpus}:1", f"{corpus}:9"]
    report = build_graph([corpus], tmp_path / "out", html=False, validate=False, jobs=1)
    assert report.read == 2 and len(report.skipped) == 7
    res = CliRunner().invoke(main, ["build", str(corpus), "-o", str(tmp_path / "out2"), "--no-html"])
    assert res.exit_code == 1  # lines were skipped
    assert f"warning: {corpus}:2: not JSON" in res.stderr and "articles read: 2, skipped: 7" in res.stdout


def test_url_date_and_headline_become_article_metadata(tmp_path: Path) -> None:
    rec = _seed_records()[0]
    body = rec["text"].split("\n", 1)[1]
    corpus = _write_jsonl(tmp_path / "c.jsonl", [json.dumps(
        {"id": "a1", "text": body, "url": "https://example.vn/a1", "date": "2017-03-04",
         "headline": "Tiêu đề thử nghiệm"}, ensure_ascii=False)])
    (got,) = list(read_corpus(corpus))
    assert isinstance(got, CorpusArticle)
    art = got.article
    assert (art.source, art.url, art.date, art.headline) == ("a1.txt", "https://example.vn/a1", "2017-03-04",
                                                             "Tiêu đề thử nghiệm")


def test_truncated_gzip_keeps_the_lines_read_and_says_where_it_stopped(tmp_path: Path) -> None:
    lines = [json.dumps(r, ensure_ascii=False) for r in _seed_records()]
    data = gzip.compress(("\n".join(lines) + "\n").encode("utf-8"))
    corpus = tmp_path / "cut.jsonl.gz"
    corpus.write_bytes(data[: len(data) - 200])
    got = list(read_corpus(corpus))
    assert isinstance(got[-1], tuple) and "cannot read the file from this line on" in got[-1][1]
    assert sum(isinstance(g, CorpusArticle) for g in got) >= 1


def test_real_lines_of_the_shared_corpus(tmp_path: Path) -> None:
    """A few real lines: the diplomacy ones give facts, none is refused, and the graph conforms."""
    assert SHARED_CORPUS.is_file(), f"the shared corpus is missing: {SHARED_CORPUS}"
    picked: list[str] = []
    with gzip.open(SHARED_CORPUS, "rt", encoding="utf-8") as fh:
        for line in islice(fh, 3000):
            if "Bộ trưởng Ngoại giao" in line or "Thủ tướng" in line:
                picked.append(line.rstrip("\n"))
            if len(picked) == 8:
                break
    assert len(picked) == 8
    corpus = _write_jsonl(tmp_path / "real.jsonl.gz", picked)
    report = build_graph([corpus], tmp_path / "out", html=False, validate=True, jobs=1)
    assert report.read == 8 and not report.skipped and report.violations == []
    assert report.facts["people"] > 0
    ids = {json.loads(l)["id"] for l in picked}
    ttl = (tmp_path / "out" / "diplograph.ttl").read_text(encoding="utf-8")
    assert all(f'"{i}.txt"' in ttl for i in ids)


def test_corpus_with_cache_is_refused_by_name(tmp_path: Path) -> None:
    corpus = _write_jsonl(tmp_path / "c.jsonl", [json.dumps(_seed_records()[0], ensure_ascii=False)])
    shutil.copytree(SEEDS, tmp_path / "in")
    report = build_graph([tmp_path / "in", corpus], tmp_path / "out", html=False, validate=False,
                         cache_dir=tmp_path / "cache")
    assert report.read == 5 and report.skipped == [(str(corpus), "corpus files are not read by a build with --cache")]
