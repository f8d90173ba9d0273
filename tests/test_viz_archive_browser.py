"""The HTML view on a real archive (issue 17), in headless Chromium with the network blocked.

The page is built once per module from the 1,498 articles of the shared 2017 corpus that mention
"ngoại giao" (read from ../shared/corpus next to the checkout, as .ci/run's scorer gates do; written
to a temporary folder, never into the repo). A missing corpus, Chromium or playwright FAILS.
Every wait waits for a state the page reports (settled, labels drawn for the current view,
animation finished), never for a fixed time. The expected counts are recomputed here from the
page's own JSON, independently of the page script.
"""
from __future__ import annotations

import gzip
import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any, Iterator

import pytest

from diplograph.build import build_graph
from test_viz_browser import Opened, browser, node_dom_position, open_offline, png_pixels  # noqa: F401 - fixture

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "baomoi-2017.jsonl.gz"
DIM_BACKGROUND = "#e4e7eb"


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    if not CORPUS.is_file():
        pytest.fail(f"{CORPUS} is missing: the archive view is tested on the shared corpus")
    base = tmp_path_factory.mktemp("archive")
    subset = base / "ngoai-giao.jsonl"
    count = 0
    with gzip.open(CORPUS, "rt", encoding="utf-8") as src, subset.open("w", encoding="utf-8") as out:
        for line in src:
            if "ngoại giao" in unicodedata.normalize("NFC", json.loads(line)["text"]).lower():
                out.write(line)
                count += 1
    assert count >= 1000, count
    report = build_graph([subset], base / "out", validate=False)
    html = base / "out" / "diplograph.html"
    assert report.html == html and html.is_file()
    m = re.search(r'<script type="application/json" id="dg-data">(.*?)</script>', html.read_text(encoding="utf-8"), re.S)
    assert m
    return {"html": html, "data": json.loads(m.group(1)), "articles": count}


@pytest.fixture()
def opened(browser: Any, archive: dict[str, Any]) -> Iterator[Opened]:  # noqa: F811
    o = open_offline(browser, archive["html"], timeout_s=60)
    o.page.wait_for_function("() => window.diplograph.labelsCurrent()")
    yield o
    o.page.context.close()


def adjacency(data: dict[str, Any]) -> dict[str, set[str]]:
    adj: dict[str, set[str]] = defaultdict(set)
    for e in data["edges"]:
        adj[e["from"]].add(e["to"])
        adj[e["to"]].add(e["from"])
    return adj


def assert_labels_do_not_overlap(page: Any) -> list[dict[str, Any]]:
    """The labels drawn for the current view: none overlaps another, all inside the canvas, each box
    at least as wide as the text measured here with the page's font, each for a lit node."""
    page.wait_for_function("() => window.diplograph.labelsCurrent() && !window.diplograph.animating")
    boxes = page.evaluate("window.diplograph.labelBoxes")
    width, height = page.evaluate("(() => { const c = document.querySelector('#dg-graph canvas'); return [c.clientWidth, c.clientHeight]; })()")
    measured = page.evaluate("""texts => { const c = document.createElement('canvas').getContext('2d');
        c.font = "12px system-ui, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif";
        return texts.map(t => c.measureText(t).width); }""", [b["text"] for b in boxes])
    lit = set(page.evaluate("window.diplograph.litNodeIds()"))
    for b, w in zip(boxes, measured, strict=True):
        assert b["w"] >= w and b["h"] >= 12, b
        assert 0 <= b["x"] and b["x"] + b["w"] <= width and 0 <= b["y"] and b["y"] + b["h"] <= height, b
        assert b["id"] in lit
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not (a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"]
                        and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"]), (a, b)
    return boxes


def test_archive_page_opens_on_the_top_people_and_meetings_with_readable_labels(opened: Opened, archive: dict[str, Any]) -> None:
    page, data = opened.page, archive["data"]
    opened.assert_clean()
    assert len(data["nodes"]) > 2000 and len(data["edges"]) > 3000  # the whole archive is in the page
    start = data["meta"]["start"]
    assert len(start) == 300 and data["meta"]["startCut"]
    assert sorted(page.evaluate("window.diplograph.inViewIds()")) == sorted(start)
    by_id = {n["id"]: n for n in data["nodes"]}
    assert {by_id[i]["type"] for i in start} == {"person", "conference"}
    assert page.evaluate("window.diplograph.physicsEnabled()") is False
    # fitted: every node of the view is on the canvas
    inside = page.evaluate("""() => { const d = window.diplograph, n = d.network, c = document.querySelector('#dg-graph canvas');
        const pos = n.getPositions(d.inViewIds());
        return Object.values(pos).every(p => { const q = n.canvasToDOM(p); return q.x >= 0 && q.y >= 0 && q.x <= c.clientWidth && q.y <= c.clientHeight; }); }""")
    assert inside
    boxes = assert_labels_do_not_overlap(page)
    assert len(boxes) >= 20
    # zoomed in around the centre, nodes spread and labels that did not fit appear (still none overlapping)
    page.evaluate("window.diplograph.network.moveTo({scale: window.diplograph.network.getScale() * 3})")
    zoomed = assert_labels_do_not_overlap(page)
    assert {b["id"] for b in zoomed} - {b["id"] for b in boxes}
    page.evaluate("window.diplograph.network.fit()")
    assert [b["id"] for b in assert_labels_do_not_overlap(page)] == [b["id"] for b in boxes]
    # the labels drawn are those of the most important nodes: the node of highest PageRank has one
    top = max(start, key=lambda i: by_id[i]["pr"])
    assert top in {b["id"] for b in boxes}
    # a meeting's label is short, its full name in the data (and the details panel)
    meeting_boxes = [b for b in boxes if by_id[b["id"]]["type"] == "conference"]
    assert meeting_boxes and all(len(b["text"]) <= 48 for b in meeting_boxes)
    assert any(len(by_id[b["id"]]["name"]) > len(b["text"]) for b in meeting_boxes)
    # the communities are of the connected part; the nodes without an edge are "unconnected"
    assert {n["community"] for n in data["nodes"] if n["isolated"]} == {-1}
    assert banner_says_opening(page)


def banner_says_opening(page: Any) -> bool:
    return "Opened on the 300 people and meetings of highest PageRank" in page.inner_text("#dg-banner")


def test_search_focus_dims_the_rest_expands_and_goes_back(opened: Opened, archive: dict[str, Any]) -> None:
    page, data = opened.page, archive["data"]
    adj = adjacency(data)
    by_id = {n["id"]: n for n in data["nodes"]}
    page.fill("#dg-search", "pham binh minh")  # accents optional
    page.press("#dg-search", "Enter")
    page.wait_for_function("() => !window.diplograph.animating && window.diplograph.labelsCurrent()")
    minh = page.evaluate("window.diplograph.network.getSelectedNodes()")[0]
    assert by_id[minh]["name"] == "Phạm Bình Minh"
    expected = {minh} | adj[minh]
    lit = set(page.evaluate("window.diplograph.litNodeIds()"))
    assert lit == expected and len(lit) > 10
    in_view = set(page.evaluate("window.diplograph.inViewIds()"))
    dimmed = set(page.evaluate("window.diplograph.dimmedNodeIds()"))
    assert expected <= in_view and dimmed == in_view - expected and len(dimmed) > 200
    # what vis-network draws: dimmed nodes grey, lit ones in their type's colour
    colours = page.evaluate("""() => { const b = window.diplograph.network.body.nodes; const out = {};
        Object.keys(b).forEach(id => { out[id] = b[id].options.color.background; }); return out; }""")
    assert all(colours[i] == DIM_BACKGROUND for i in dimmed)
    assert all(colours[i] == next(t["color"] for t in data["types"] if t["key"] == by_id[i]["type"]) for i in lit)
    assert "Phạm Bình Minh" in page.inner_text("#dg-details")
    before = [b for b in assert_labels_do_not_overlap(page) if b["id"] in lit]
    # "Arrange" lays the focus out on an ellipse around him: same nodes, more of their labels readable
    page.click("#dg-arrange")
    after = [b for b in assert_labels_do_not_overlap(page) if b["id"] in lit]
    assert set(page.evaluate("window.diplograph.litNodeIds()")) == expected
    assert len(after) > len(before) and len(after) >= 0.75 * len(expected)
    # "others: hidden" hides instead of dimming
    page.select_option("#dg-others", "hide")
    assert set(page.evaluate("window.diplograph.visibleNodeIds()")) == expected
    page.select_option("#dg-others", "dim")
    # depth 2 reaches the neighbours' neighbours (at most 200 nodes, highest PageRank first)
    page.select_option("#dg-depth", "2")
    lit2 = set(page.evaluate("window.diplograph.litNodeIds()"))
    two = expected | {o for n in adj[minh] for o in adj[n]}
    assert expected < lit2 <= two and len(lit2) == min(len(two), 200)
    page.select_option("#dg-depth", "1")
    # double-click a meeting of his with neighbours not in the view yet: they are added and lit
    target = page.evaluate("""ids => { const d = window.diplograph, n = d.network;
        for (const id of ids) { const p = n.canvasToDOM(n.getPositions([id])[id]);
            if (n.getNodeAt(p) === id) return id; } return null; }""",
                           sorted((i for i in adj[minh] if adj[i] - in_view), key=lambda i: -len(adj[i] - in_view)))
    assert target, "no neighbour with unseen neighbours can be clicked"
    before_view = len(in_view)
    x, y = node_dom_position(page, target)
    page.mouse.dblclick(x, y)
    page.wait_for_function("id => { const f = window.diplograph.state.focus; return !!f && f.expanded.indexOf(id) >= 0; }", arg=target)
    grown = set(page.evaluate("window.diplograph.inViewIds()"))
    assert adj[target] <= grown and len(grown) > before_view
    lit3 = set(page.evaluate("window.diplograph.litNodeIds()"))
    assert {target} | adj[target] <= lit3
    # back: the focus on the meeting before the expansion, then on Phạm Bình Minh; forward again
    page.click("#dg-back")
    page.click("#dg-back")
    assert set(page.evaluate("window.diplograph.litNodeIds()")) == expected
    page.click("#dg-forward")
    page.click("#dg-forward")
    assert set(page.evaluate("window.diplograph.litNodeIds()")) == lit3
    page.click("#dg-reset")
    assert sorted(page.evaluate("window.diplograph.inViewIds()")) == sorted(data["meta"]["start"])
    assert page.evaluate("window.diplograph.dimmedNodeIds()") == []
    opened.assert_clean()


def in_range(periods: list[str], lo: str, hi: str) -> bool:
    return any((lo <= p <= hi) if len(p) == 7 else (lo[:4] <= p <= hi[:4]) for p in periods)


def test_time_range_brush_and_relation_filter_update_the_counts(opened: Opened, archive: dict[str, Any]) -> None:
    page, data = opened.page, archive["data"]
    by_id = {n["id"]: n for n in data["nodes"]}
    start = set(data["meta"]["start"])
    months = page.evaluate("window.diplograph.months")
    assert len(months) > 6
    i0, i1 = months.index("2017-01"), months.index("2017-06")
    y = page.evaluate("window.diplograph.timelineY()")
    page.mouse.move(page.evaluate(f"window.diplograph.timelineX({i0})"), y)
    page.mouse.down()
    page.mouse.move(page.evaluate(f"window.diplograph.timelineX({i1})"), y, steps=5)
    page.mouse.up()
    page.wait_for_function("() => window.diplograph.state.from !== ''")
    assert page.evaluate("[window.diplograph.state.from, window.diplograph.state.to]") == ["2017-01", "2017-06"]
    assert page.input_value("#dg-from") == "2017-01" and page.input_value("#dg-to") == "2017-06"
    shown = {i for i in start if in_range(by_id[i]["t"], "2017-01", "2017-06")}
    edges = [e for e in data["edges"] if e["from"] in shown and e["to"] in shown and in_range(e["t"], "2017-01", "2017-06")]
    assert 0 < len(shown) < len(start)
    assert set(page.evaluate("window.diplograph.visibleNodeIds()")) == shown
    assert len(page.evaluate("window.diplograph.visibleEdgeIds()")) == len(edges) > 0
    assert page.inner_text("#dg-status").startswith(f"{len(shown)} nodes, {len(edges)} edges shown")
    people = sum(1 for i in shown if by_id[i]["type"] == "person")
    assert page.inner_text('#dg-legend [data-count-type="person"]') == f"({people:,} / {sum(1 for n in data['nodes'] if n['type'] == 'person'):,})"
    # the relations legend filters: without "attended" only the other relations' edges stay
    page.click('#dg-legend input[data-rel="attended"]')
    kept = [e for e in edges if set(e["rels"]) - {"attended"}]
    assert len(kept) < len(edges)
    assert len(page.evaluate("window.diplograph.visibleEdgeIds()")) == len(kept)
    assert page.inner_text('#dg-legend [data-count-rel="attended"]') == "(0)"
    assert page.inner_text("#dg-status").startswith(f"{len(shown)} nodes, {len(kept)} edges shown")
    # minimum number of articles per node
    page.fill("#dg-min-art", "3")
    page.press("#dg-min-art", "Enter")
    page.wait_for_function("() => window.diplograph.state.minArticles === 3")
    assert set(page.evaluate("window.diplograph.visibleNodeIds()")) == {i for i in shown if by_id[i]["na"] >= 3}
    page.click("#dg-range-clear")
    assert page.evaluate("window.diplograph.state.from") == ""
    opened.assert_clean()


def test_png_and_selection_exports(opened: Opened, archive: dict[str, Any]) -> None:
    page, data = opened.page, archive["data"]
    with page.expect_download() as dl:
        page.click("#dg-png")
    png = Path(dl.value.path()).read_bytes()
    width, height, pixels = png_pixels(png)
    canvas = page.evaluate("(() => { const c = document.querySelector('#dg-graph canvas'); return [c.width, c.height]; })()")
    assert [width, height] == canvas and len(set(pixels)) > 50
    page.fill("#dg-search", "Phạm Bình Minh")
    page.press("#dg-search", "Enter")
    lit = set(page.evaluate("window.diplograph.litNodeIds()"))
    with page.expect_download() as dl:
        page.click("#dg-list-dl")
    text = Path(dl.value.path()).read_text(encoding="utf-8")
    iris = re.findall(r"^  <([^>]+)>  # ", text, re.M)
    by_id = {n["id"]: n for n in data["nodes"]}
    assert sorted(iris) == sorted(by_id[i]["iri"] for i in lit)
    assert text.startswith(f"# diplograph: {len(lit)} nodes, focus Phạm Bình Minh") and "VALUES ?node {" in text
    assert page.evaluate("window.diplograph.selectionText()") == text
    page.click("#dg-list-copy")  # the clipboard, or the copy command where the page may not write it
    page.wait_for_function("() => document.getElementById('dg-status').textContent.startsWith('Copied')")
    assert page.inner_text("#dg-status") == f"Copied {len(lit)} IRIs (SPARQL VALUES block)"
    opened.assert_clean()
