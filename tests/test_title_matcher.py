"""The fast title matcher finds exactly what the full title regex finds (it only skips hopeless alternatives)."""
from __future__ import annotations

import sys
from pathlib import Path

from diplograph.lexicon import load
from diplograph.reader import read_file, sentences

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

TRICKY = [
    "Bộ trưởng Bộ-trưởng", "ſinh viên Thủ tướng", "BỘ TRƯỞNG Ngoại giao", "thứ  trưởng Lê Văn A", "Phó Thủ tướng\tThường trực",
    "İstanbul: Bộ trưởng Kemal", "-Bộ trưởng", "_Bộ trưởng", "Bộ trưởng_", "Thủ tướng-Chủ tịch", "ThủTướng", "Đại sứ Đại sứ quán",
    "Chủ tịch nước Chủ tịch Quốc hội", "", "Bộ", "ông Bộ trưởng.",
]


def _sentences(tmp_path: Path) -> list[str]:
    from make_corpus import generate

    generate(60, tmp_path, seed=11)
    out = list(TRICKY)
    for f in [*sorted((ROOT / "seeds").glob("*.txt")), *sorted(tmp_path.glob("*.txt"))]:
        for p in read_file(f).paragraphs:
            out.extend(sentences(p))
    return out


def test_finditer_and_match_agree_with_the_full_regex(tmp_path):
    tm = load().title_re
    for s in _sentences(tmp_path):
        assert [(m.start(), m.end(), m.group(0)) for m in tm.finditer(s)] == \
               [(m.start(), m.end(), m.group(0)) for m in tm.regex.finditer(s)], s
        for pos in range(len(s)):
            a, b = tm.match(s, pos), tm.regex.match(s, pos)
            assert (a and a.span()) == (b and b.span()), (s, pos)
