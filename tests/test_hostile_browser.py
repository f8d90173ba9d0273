"""No article text runs in the HTML: a hostile ARTICLE file goes through `diplograph build` to the page,
which is opened in headless Chromium (network blocked); every node is hovered and clicked and every edge
shown, and the payloads must show as text and never run. Fails (never skips) without Chromium.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph, URIRef

from test_viz_browser import browser, node_dom_position, open_offline  # noqa: F401 - the fixture is used

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
DG = "https://w3id.org/diplograph/ontology#"
RUN = "window.__pwned=1"

ARTICLE = f"""https://example.vn/a.html?q="><script>{RUN}</script>
Tin <img src=x onerror="{RUN}"> nóng </script><script>{RUN}</script>
Ngày 13/12/2021, Bộ Ngoại giao tổ chức Hội nghị Ngoại giao lần thứ 32 <img src=x onerror={RUN}> tại Hà Nội.
Bộ trưởng Ngoại giao Bùi Thanh Sơn chủ trì hội nghị và phát biểu: "<script>{RUN}</script>" <svg onload={RUN}>.
Thủ tướng Phạm Minh Chính dự và phát biểu chỉ đạo <iframe src="javascript:{RUN}"></iframe>.
Hai bên ký kết Hiệp định EVFTA <b onmouseover="{RUN}">ngay</b> {{{{constructor.constructor('{RUN}')()}}}}.
Đại sứ Nguyễn Văn An' onclick='{RUN}' dự hội nghị. (Ảnh: <img src=x onerror={RUN}>/TTXVN)
"""


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("hostile")
    src = base / "in"
    src.mkdir()
    (src / f'666_<img src=x onerror="{RUN}">.txt').write_text(ARTICLE, encoding="utf-8")
    (src / "002.txt").write_bytes((ROOT / "seeds" / "002_d4cf4740f0e46a42.txt").read_bytes())
    out = base / "out"
    res = subprocess.run([sys.executable, "-m", "diplograph.cli", "build", str(src), "-o", str(out)],
                         capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert res.returncode == 0, res.stderr
    return out


def test_payloads_reach_the_graph_as_data(hostile_build: Path) -> None:
    g = Graph().parse(hostile_build / "diplograph.ttl", format="turtle")
    texts = [str(o) for o in g.objects()]
    assert any("<script>window.__pwned=1</script>" in t for t in texts)
    assert any("<svg onload=window.__pwned=1>" in t for t in texts)
    assert any('666_<img src=x onerror="window.__pwned=1">.txt' == str(t) for t in g.objects(None, URIRef(DG + "sourceFile")))
    html = (hostile_build / "diplograph.html").read_text(encoding="utf-8")
    assert "<script>window.__pwned" not in html and "<img src=x" not in html  # escaped in the page source too


def test_hostile_article_never_runs_in_the_browser(browser: Any, hostile_build: Path) -> None:  # noqa: F811
    opened = open_offline(browser, hostile_build / "diplograph.html")
    page = opened.page
    ids = page.evaluate("window.diplograph.data.nodes.map(n => n.id)")
    assert len(ids) > 5
    shown = []
    for nid in ids:
        x, y = node_dom_position(page, nid)
        page.mouse.move(x, y)
        page.mouse.click(x, y)
        page.evaluate("id => window.diplograph.showNode ? window.diplograph.showNode(id) : null", nid)
        shown.append(page.inner_text("#dg-details"))
        assert page.evaluate("window.__pwned") is None, nid
        assert page.evaluate("document.querySelectorAll('#dg-details img, #dg-details script, #dg-details iframe, "
                             "#dg-details svg, #dg-details b, #dg-tooltip img, #dg-tooltip svg').length") == 0
    for eid in page.evaluate("window.diplograph.data.edges.map(e => e.id)"):
        page.evaluate("id => window.diplograph.showEdge(id)", eid)
        shown.append(page.inner_text("#dg-details"))
        assert page.evaluate("window.__pwned") is None
    page.fill("#dg-search", "<script>")
    page.press("#dg-search", "Enter")
    text = "\n".join(shown)
    assert f"<script>{RUN}</script>" in text  # shown as text
    assert f"<svg onload={RUN}>" in text
    assert page.evaluate("document.querySelectorAll('img, iframe, svg, b').length") == 0
    assert page.evaluate("document.scripts.length") == 3
    assert page.eval_on_selector_all("a", "els => els.filter(a => !/^https?:/.test(a.href)).length") == 0
    assert page.evaluate("window.__pwned") is None
    opened.assert_clean()
    page.context.close()
