"""Shapes hold on what real articles write (issue 16, item 15): found on the first 2,000 corpus articles,
reproduced here with invented sentences."""
from __future__ import annotations

from pathlib import Path

from diplograph.build import build_graph
from diplograph.engine import load_graph
from diplograph.query import run_query
from diplograph.validate import shacl_violations

ARTICLES = {
    # a caption's initial glued to the lead ("H Ngày 15-5, …") and a one-letter "name" after a title
    "caption.txt": "Đoàn đại biểu thăm Lào\nH Ngày 15-5, Chủ tịch Quốc hội Trần Văn Bảo tiếp Thủ tướng Lào H. "
                   "Tại buổi tiếp, Thủ tướng Lào Bun Xay cảm ơn Việt Nam.\n",
    # an organization named as the venue of a meeting
    "venue.txt": "Gặp gỡ tại Lầu Năm Góc\nChiều 3/4, tại Lầu Năm Góc, Bộ trưởng Quốc phòng Mỹ John Reed đã có cuộc gặp "
                 "với Bộ trưởng Quốc phòng Nhật Bản Kenji Ono.\n",
}


def test_real_constructions_conform_to_the_shapes(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for name, text in ARTICLES.items():
        (src / name).write_text(text, encoding="utf-8")
    report = build_graph([src], tmp_path / "out", html=False)
    assert report.read == 2
    assert report.violations == []
    graph = load_graph(str(tmp_path / "out" / "diplograph.ttl"))
    names = {row["name"] for row in run_query("people", graph=graph).dicts()}
    assert all(len(n.replace(".", "").strip()) >= 2 for n in names), names
    places = {row.get("place") for row in run_query("conferences", graph=graph).dicts()}
    assert "Lầu Năm Góc" in places  # the venue as written, a Place
    from rdflib import Graph
    g = Graph().parse(tmp_path / "out" / "diplograph.ttl")
    assert shacl_violations(g) == []
