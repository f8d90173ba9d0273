"""The viz page in a real browser: Debian's headless Chromium driven by Playwright, network blocked.

These tests fail (never skip) when /usr/bin/chromium or playwright is missing, because a viz page
that was never opened in a browser is not tested.  Every page is opened from file:// with all
http(s)/ws(s) requests aborted and recorded; a request, a failed request, a console error or an
uncaught exception fails the test.
"""
from __future__ import annotations

import re
import shutil
import struct
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import pytest
from rdflib import Graph

from diplograph import viz

pytestmark = pytest.mark.browser

DATA = Path(__file__).parent / "data"
SEEDS = DATA / "viz_seeds.ttl"
XSS = DATA / "viz_xss.ttl"
ID = "https://w3id.org/diplograph/id/"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SETTLE_BOUND_2000_S = 15.0
"""Bound for the 2,000-node page to settle (it opens on 300 nodes, polished by physics, then physics off);
benchmarks/viz_results.md measured a median of 1.6 s, max 1.7 s, on a 2-CPU machine, so this leaves room
for slow CI machines."""


# ------------------------------------------------------------------ browser plumbing


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:  # pragma: no cover - the test extra provides it
        pytest.fail(f"playwright is not installed ({exc}); pip install -e '.[test]'")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@dataclass
class Opened:
    """A page opened offline, with everything that went wrong while it ran."""

    page: Any
    blocked: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    load_s: float = 0.0

    def assert_clean(self) -> None:
        assert self.blocked == [], f"page tried to reach the network: {self.blocked}"
        assert self.failed == [], f"failed requests: {self.failed}"
        assert self.errors == [], f"console errors: {self.errors}"


def open_offline(browser: Any, html: Path, timeout_s: float = 60.0, viewport: tuple[int, int] = (1400, 900)) -> Opened:
    """Open ``html`` from file:// with the network blocked and wait until the page says it settled."""
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    page = context.new_page()
    opened = Opened(page)

    def block(route: Any) -> None:
        opened.blocked.append(route.request.url)
        route.abort()

    context.route(re.compile(r"^(https?|wss?|ftp)://"), block)
    def seen(request: Any) -> None:
        if not request.url.startswith(("file:", "data:", "blob:", "about:")) and request.url not in opened.blocked:
            opened.blocked.append(request.url)

    page.on("request", seen)
    page.on("requestfailed", lambda r: opened.failed.append(f"{r.url} {r.failure}"))
    page.on("console", lambda m: opened.errors.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: opened.errors.append(f"uncaught: {e}"))
    t = time.monotonic()
    page.goto(html.resolve().as_uri())
    page.wait_for_function("() => !!(window.diplograph && window.diplograph.settled === true)", timeout=timeout_s * 1000)
    opened.load_s = time.monotonic() - t
    return opened


def wait_frames(page: Any, frames: int) -> None:
    """Let the page render `frames` animation frames (a physics simulation that still ran would move
    nodes in them): a count of frames actually drawn, where a fixed sleep is only a guess."""
    page.evaluate("""n => new Promise(done => { let left = n;
        const tick = () => (--left <= 0 ? done() : requestAnimationFrame(tick)); requestAnimationFrame(tick); })""",
                  frames)


def node_dom_position(page: Any, node_id: str) -> tuple[float, float]:
    """Page coordinates of a node's centre, for real mouse events on the canvas."""
    x, y = page.evaluate(
        """id => { const n = window.diplograph.network; const p = n.canvasToDOM(n.getPositions([id])[id]);
                   const r = document.getElementById('dg-graph').getBoundingClientRect();
                   return [r.left + p.x, r.top + p.y]; }""", node_id)
    return x, y


# ------------------------------------------------------------------ tiny PNG decoder (no Pillow)


def png_pixels(png: bytes) -> tuple[int, int, list[tuple[int, ...]]]:
    """Decode an 8-bit RGB/RGBA non-interlaced PNG (what Chromium writes) into pixel tuples."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    height = depth = ctype = interlace = 0
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos:pos + 8])
        chunk = png[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", chunk)
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    assert depth == 8 and ctype in (2, 6) and interlace == 0, (depth, ctype, interlace)
    bpp = 3 if ctype == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    prev = bytearray(stride)
    pixels: list[tuple[int, ...]] = []
    for row in range(height):
        ftype = raw[row * (stride + 1)]
        line = bytearray(raw[row * (stride + 1) + 1:(row + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if ftype == 1:
                line[i] = (line[i] + a) & 0xFF
            elif ftype == 2:
                line[i] = (line[i] + b) & 0xFF
            elif ftype == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        pixels.extend(tuple(line[i:i + 3]) for i in range(0, stride, bpp))
        prev = line
    return width, height, pixels


def hex_rgb(color: str) -> tuple[int, int, int]:
    return int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16)


# ------------------------------------------------------------------ fixtures


@pytest.fixture(scope="module")
def seeds_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("viz") / "seeds.html"
    viz.write_html(Graph().parse(SEEDS, format="turtle"), out)
    return out


@pytest.fixture()
def seeds_page(browser: Any, seeds_html: Path) -> Iterator[Opened]:
    opened = open_offline(browser, seeds_html)
    yield opened
    opened.page.context.close()


def node_id(page: Any, slug: str) -> str:
    found = page.evaluate("iri => window.diplograph.idByIri(iri)", ID + slug)
    assert found, slug
    return found


# ------------------------------------------------------------------ tests


def test_page_loads_offline_with_expected_graph(seeds_page: Opened) -> None:
    page = seeds_page.page
    seeds_page.assert_clean()
    counts = page.evaluate("""() => { const d = window.diplograph;
        return [d.nodes.length, d.edges.length, Object.keys(d.network.body.nodes).length,
                d.network.body.edgeIndices.length, d.visibleNodeIds().length]; }""")
    assert counts == [15, 18, 15, 18, 15]
    assert page.evaluate("window.diplograph.physicsEnabled()") is False
    assert page.evaluate("window.diplograph.network.physics.options.enabled") is False
    legend = page.inner_text("#dg-legend")
    for label in ("Person", "Organization", "Conference", "Agreement", "Priority", "holds post in", "chaired",
                  "spoke at", "attended", "organized", "set priority", "set at", "mentions agreement"):
        assert label in legend
    assert page.inner_text("#dg-status").startswith("15 nodes, 18 edges shown · 15 in view of 15")
    assert page.evaluate("typeof vis") == "object"  # vis-network came from the inlined script


def test_type_filter_hides_nodes_and_their_edges(seeds_page: Opened) -> None:
    page = seeds_page.page
    page.click('#dg-legend input[data-type="person"]')
    hidden = page.evaluate("""() => { const d = window.diplograph;
        return d.data.nodes.filter(n => d.network.body.nodes[n.id].options.hidden).map(n => n.type); }""")
    assert sorted(hidden) == ["person"] * 4
    assert len(page.evaluate("window.diplograph.visibleNodeIds()")) == 11
    # edges touching a person go too: 7 edges have no person at either end
    assert len(page.evaluate("window.diplograph.visibleEdgeIds()")) == 7
    assert page.evaluate("""() => Object.values(window.diplograph.network.body.edges)
        .filter(e => e.options.hidden).length""") == 11
    page.click('#dg-legend input[data-type="person"]')
    assert len(page.evaluate("window.diplograph.visibleNodeIds()")) == 15
    seeds_page.assert_clean()


def test_year_filter_matches_the_python_selection(seeds_page: Opened) -> None:
    page = seeds_page.page
    view = viz.collect(Graph().parse(SEEDS, format="turtle"))
    for year, n_nodes, n_edges in (("2022", 11, 9), ("2021", 8, 8), ("2020", 2, 1)):
        # a year is the range January–December of it, typed into the from/to month fields
        page.fill("#dg-from", f"{year}-01")
        page.fill("#dg-to", f"{year}-12")
        visible = page.evaluate("""() => window.diplograph.visibleNodeIds().map(id =>
            window.diplograph.data.nodes.find(n => n.id === id).iri).sort()""")
        expected = viz.select(view, year=year)
        assert visible == expected.nodes
        assert (len(visible), len(page.evaluate("window.diplograph.visibleEdgeIds()"))) == (n_nodes, n_edges)
    assert ID + "meeting/hoi-nghi-ngoai-giao-31" not in visible  # 2020: the 2021 meeting is gone
    page.click("#dg-range-clear")
    assert len(page.evaluate("window.diplograph.visibleNodeIds()")) == 15
    seeds_page.assert_clean()


def test_search_finds_focuses_and_explains_a_node(seeds_page: Opened) -> None:
    page = seeds_page.page
    son = node_id(page, "person/bui-thanh-son")
    page.fill("#dg-search", "bui thanh son")  # no accents, lower case
    page.press("#dg-search", "Enter")
    assert page.evaluate("window.diplograph.network.getSelectedNodes()") == [son]
    # the view zooms to the neighbourhood; the animation has ended when the page says so (a state, not a time)
    page.wait_for_function("() => !window.diplograph.animating && window.diplograph.labelsCurrent()")
    # the node and its neighbours (depth 1) are lit, everything else is dimmed
    lit = set(page.evaluate("window.diplograph.litNodeIds()"))
    view = viz.collect(Graph().parse(SEEDS, format="turtle"))
    expected = {node_id(page, iri[len(ID):]) for iri in viz.select(view, around="Bùi Thanh Sơn", depth=1).nodes}
    assert lit == expected and son in lit and len(lit) == 5
    assert set(page.evaluate("window.diplograph.dimmedNodeIds()")) == set(page.evaluate("window.diplograph.inViewIds()")) - lit
    x, y = node_dom_position(page, son)
    box = page.eval_on_selector("#dg-graph", "e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }")
    assert box[0] < x < box[2] and box[1] < y < box[3]
    details = page.inner_text("#dg-details")
    assert "Bùi Thanh Sơn" in details
    assert "Thứ trưởng Thường trực Bộ Ngoại giao — Bộ Ngoại giao (as of 2020-12-01)" in details
    assert "Bộ trưởng Bộ Ngoại giao — Bộ Ngoại giao (as of 2021-12-14)" in details
    assert "chủ trì hội nghị" in details and "001_aaaa.txt" in details
    hrefs = page.eval_on_selector_all("#dg-details a", "els => els.map(a => a.href)")
    assert "https://baoquocte.vn/khai-mac-hoi-nghi-ngoai-giao-31.html" in hrefs
    # a name that is not there says so instead of selecting something else
    page.fill("#dg-search", "Nobody Here")
    page.press("#dg-search", "Enter")
    assert "No node matches" in page.inner_text("#dg-status")
    seeds_page.assert_clean()


def test_click_and_hover_show_details(seeds_page: Opened) -> None:
    page = seeds_page.page
    evfta = node_id(page, "agreement/evfta")
    x, y = node_dom_position(page, evfta)
    page.mouse.move(x, y)
    page.wait_for_selector("#dg-tooltip:not([hidden])")
    assert "Hiệp định thương mại tự do" in page.inner_text("#dg-tooltip")
    page.mouse.click(x, y)
    details = page.inner_text("#dg-details")
    assert "EU-Vietnam Free Trade Agreement" in details
    assert "Hiệp định EVFTA có hiệu lực từ ngày 1/8/2020." in details  # action evidence
    assert "EVFTA sau một năm thực thi" in details  # its source article headline
    seeds_page.assert_clean()


def test_screenshot_is_not_blank_and_shows_every_type_colour(seeds_page: Opened) -> None:
    png = seeds_page.page.locator("#dg-graph").screenshot()
    width, height, pixels = png_pixels(png)
    assert width > 500 and height > 500
    colours = set(pixels)
    assert len(colours) > 50, len(colours)
    for style in viz.TYPE_STYLE.values():
        assert hex_rgb(style["color"]) in colours, f"no {style['label']} node drawn"


def test_injected_markup_never_runs_and_shows_as_text(browser: Any, tmp_path: Path) -> None:
    out = tmp_path / "xss.html"
    viz.write_html(Graph().parse(XSS, format="turtle"), out)
    opened = open_offline(browser, out)
    page = opened.page
    ids = page.evaluate("window.diplograph.data.nodes.map(n => n.id)")
    assert len(ids) == 4
    for nid in ids:  # hover and click every node with the real mouse
        x, y = node_dom_position(page, nid)
        page.mouse.move(x, y)
        page.wait_for_selector("#dg-tooltip:not([hidden])")
        page.mouse.click(x, y)
        # the click has been handled when the node is selected and its details are shown
        page.wait_for_function("""id => window.diplograph.network.getSelectedNodes()[0] === id
            && document.getElementById('dg-details').textContent.trim().length > 0""", arg=nid)
        assert page.evaluate("window.__pwned") is None
        assert page.evaluate("document.querySelectorAll('#dg-details img, #dg-details script, #dg-details iframe, "
                             "#dg-details svg, #dg-details b, #dg-tooltip img, #dg-tooltip script').length") == 0
    page.fill("#dg-search", "Mallory")
    page.press("#dg-search", "Enter")
    details = page.inner_text("#dg-details")
    assert "Mallory <script>window.__pwned=1</script>" in details
    assert 'Mallory <img src=x onerror="window.__pwned=1">' in details  # English label, as text
    assert '<img src=x onerror="window.__pwned=1">' in details  # evidence sentence, as text
    assert "Giám đốc <svg onload=" in details
    # the headline is shown, but the javascript: URL never becomes a link
    assert "</script><script>window.__pwned=1</script>" in details
    assert page.eval_on_selector_all("a", "els => els.filter(a => !/^https?:/.test(a.href)).length") == 0
    for eid in page.evaluate("window.diplograph.data.edges.map(e => e.id)"):
        page.evaluate("id => window.diplograph.showEdge(id)", eid)
        assert page.evaluate("window.__pwned") is None
        assert page.evaluate("document.querySelectorAll('#dg-details img, #dg-details svg, #dg-details b').length") == 0
    assert page.evaluate("document.querySelectorAll('img, iframe, svg').length") == 0
    assert page.evaluate("document.scripts.length") == 3
    assert page.evaluate("window.__pwned") is None
    opened.assert_clean()
    page.context.close()


def test_left_out_banner_and_community_colouring(browser: Any, tmp_path: Path) -> None:
    out = tmp_path / "cut.html"
    viz.write_html(Graph().parse(SEEDS, format="turtle"), out, max_nodes=10, communities=True)
    opened = open_offline(browser, out)
    page = opened.page
    banner = page.inner_text("#dg-banner")
    assert "Left out 5 less central nodes (3 organization, 1 agreement, 1 priority)" in banner
    assert page.input_value("#dg-colour") == "community"
    assert "Communities" in page.inner_text("#dg-legend")
    colours = page.evaluate("""() => window.diplograph.data.nodes.map(n =>
        window.diplograph.nodes.get(n.id).color.background)""")
    palette = set(viz.COMMUNITY_COLORS)
    assert set(colours) <= palette and len(set(colours)) > 1
    page.select_option("#dg-colour", "type")
    colours = page.evaluate("""() => window.diplograph.data.nodes.map(n =>
        [n.type, window.diplograph.nodes.get(n.id).color.background])""")
    assert all(c == viz.TYPE_STYLE[t]["color"] for t, c in colours)
    opened.assert_clean()
    page.context.close()


def test_around_view_selects_the_centre(browser: Any, tmp_path: Path) -> None:
    out = tmp_path / "around.html"
    report = viz.write_html(Graph().parse(SEEDS, format="turtle"), out, around="Bùi Thanh Sơn", depth=1)
    assert report["nodes"] == 5
    opened = open_offline(browser, out)
    page = opened.page
    page.wait_for_function("() => window.diplograph.network.getSelectedNodes().length === 1")
    assert page.evaluate("window.diplograph.network.getSelectedNodes()") == [node_id(page, "person/bui-thanh-son")]
    assert "within 1 step(s) of Bùi Thanh Sơn" in page.inner_text("#dg-banner")
    opened.assert_clean()
    page.context.close()


def test_2000_node_graph_settles_with_physics_off(browser: Any, tmp_path: Path) -> None:
    out = tmp_path / "big.html"
    report = viz.write_html(viz.synthetic_graph(2000), out, max_nodes=None)
    assert report["nodes"] == 2000
    opened = open_offline(browser, out, timeout_s=SETTLE_BOUND_2000_S)
    page = opened.page
    assert opened.load_s < SETTLE_BOUND_2000_S
    settle_ms = page.evaluate("window.diplograph.settleMs")
    assert 0 < settle_ms < SETTLE_BOUND_2000_S * 1000
    assert page.evaluate("window.diplograph.physicsEnabled()") is False
    # all 2,000 nodes are in the page, the view opens on 300; "add all" draws every one
    assert page.evaluate("[window.diplograph.data.nodes.length, window.diplograph.nodes.length]") == [2000, 300]
    page.click("#dg-all")
    assert page.evaluate("[window.diplograph.nodes.length, window.diplograph.edges.length]") == [2000, report["edges"]]
    # nothing moves any more: positions are the same a second later
    before = page.evaluate("JSON.stringify(window.diplograph.network.getPositions())")
    wait_frames(page, 60)
    assert page.evaluate("JSON.stringify(window.diplograph.network.getPositions())") == before
    page.evaluate("window.diplograph.setYear('2021')")
    shown = len(page.evaluate("window.diplograph.visibleNodeIds()"))
    assert 0 < shown < 2000
    opened.assert_clean()
    page.context.close()


def test_mid_size_graph_uses_physics_then_stops(browser: Any, tmp_path: Path) -> None:
    out = tmp_path / "mid.html"
    viz.write_html(viz.synthetic_graph(300), out, max_nodes=None)
    opened = open_offline(browser, out)
    page = opened.page
    assert page.evaluate("window.diplograph.data.meta.physics") is True
    assert page.evaluate("window.diplograph.physicsEnabled()") is False
    before = page.evaluate("JSON.stringify(window.diplograph.network.getPositions())")
    wait_frames(page, 60)
    assert page.evaluate("JSON.stringify(window.diplograph.network.getPositions())") == before
    opened.assert_clean()
    page.context.close()
