"""Unit tests of diplograph.viz without a browser: graph reading, filters, escaping, determinism.

The browser behaviour (filters, search, XSS, settle time) is tested in test_viz_browser.py.
"""
from __future__ import annotations

import base64
import hashlib
import inspect
import json
import random
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Graph

from diplograph import viz
from diplograph.cli import main

DATA = Path(__file__).parent / "data"
SEEDS = DATA / "viz_seeds.ttl"
XSS = DATA / "viz_xss.ttl"
ID = "https://w3id.org/diplograph/id/"


@pytest.fixture(scope="module")
def seeds() -> Graph:
    return Graph().parse(SEEDS, format="turtle")


@pytest.fixture(scope="module")
def view(seeds: Graph) -> viz.View:
    return viz.collect(seeds)


def page_json(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="dg-data">(.*?)</script>', html, re.S)
    assert m, "data block missing"
    return json.loads(m.group(1))


# ------------------------------------------------------------------ reading the model


def test_nodes_by_type_follow_the_model(view: viz.View) -> None:
    counts: dict[str, int] = {}
    for n in view.nodes.values():
        counts[n.type] = counts.get(n.type, 0) + 1
    assert counts == {"person": 4, "organization": 4, "conference": 3, "agreement": 2, "priority": 2}
    # a plain place is not an actor node; a country (dg:Country, dg:Place) is an organization
    assert ID + "place/ha-noi" not in view.nodes
    assert view.nodes[ID + "org/nhat-ban"].type == "organization"
    assert view.nodes[ID + "org/nhat-ban"].label_en == "Japan"


def test_meeting_format_is_read() -> None:
    g = Graph().parse(data=f"""@prefix dg: <https://w3id.org/diplograph/ontology#> .
        <{ID}meeting/m> a dg:Conference ; dg:format "online" ; dg:status "held" .""", format="turtle")
    assert viz.collect(g).nodes[ID + "meeting/m"].details["format"] == "online"


def test_nary_nodes_collapse_into_labelled_edges(view: viz.View) -> None:
    rel = {(s.rsplit("/", 1)[-1], t.rsplit("/", 1)[-1]): sorted(e.relations) for (s, t), e in view.edges.items()}
    assert len(rel) == 18
    assert rel[("bui-thanh-son", "bo-ngoai-giao")] == ["holds post in"]
    assert rel[("bui-thanh-son", "hoi-nghi-ngoai-giao-31")] == ["chaired"]
    assert rel[("pham-minh-chinh", "hoi-nghi-ngoai-giao-31")] == ["spoke at"]
    assert rel[("hayashi-yoshimasa", "hoi-dam-viet-nam-nhat-ban-2022")] == ["attended"]
    assert rel[("bo-ngoai-giao", "hoi-nghi-ngoai-giao-31")] == ["organized"]
    assert rel[("pham-minh-chinh", "r1")] == ["set priority"]
    assert rel[("r1", "hoi-nghi-ngoai-giao-31")] == ["set at"]
    # meeting in the same article → agreement, and article-level co-mention when no meeting
    assert rel[("hoi-dam-viet-nam-nhat-ban-2022", "cptpp")] == ["mentions agreement"]
    assert rel[("lien-minh-chau-au", "evfta")] == ["mentions agreement"]
    # no n-ary node, article or place became a node
    assert not [i for i in view.nodes if "/post/" in i or "/participation/" in i or "/article/" in i]


def test_posts_over_time_and_evidence(view: viz.View) -> None:
    son = view.nodes[ID + "person/bui-thanh-son"]
    posts = son.details["posts"]
    assert [(p["title"], p["asOf"]) for p in posts] == [
        ("Thứ trưởng Thường trực Bộ Ngoại giao", "2020-12-01"),
        ("Bộ trưởng Bộ Ngoại giao", "2021-12-14"),
    ]
    assert posts[0]["qualifier"] == "standing" and posts[0]["organization"] == "Bộ Ngoại giao"
    edge = view.edges[(ID + "person/bui-thanh-son", ID + "org/bo-ngoai-giao")]
    assert sorted(edge.years) == ["2020", "2021"]
    assert any("chủ trì hội nghị" in f.get("evidence", "") and f["article"].endswith("/a1") for f in edge.facts)
    assert view.articles[ID + "article/a1"]["file"] == "001_aaaa.txt"


def test_meetings_and_priorities_keep_their_own_year(view: viz.View) -> None:
    assert view.nodes[ID + "meeting/hoi-nghi-ngoai-giao-31"].years == {"2021"}
    assert view.nodes[ID + "priority/r1"].years == {"2022"}
    # the person who set a 2022 priority in Dec 2021 appears in both years
    assert view.nodes[ID + "person/pham-minh-chinh"].years == {"2021", "2022"}


# ------------------------------------------------------------------ selection


@pytest.mark.parametrize(("kwargs", "n_nodes", "n_edges"), [
    ({}, 15, 18),
    ({"year": 2022}, 11, 9),
    ({"year": "2021"}, 8, 8),
    ({"year": 2020}, 2, 1),
    ({"year": 1999}, 0, 0),
    ({"types": ["person", "conference"]}, 7, 5),
    ({"around": "Bùi Thanh Sơn", "depth": 1}, 5, 5),
    ({"around": "bui thanh son", "depth": 0}, 1, 0),
    ({"around": "Ministry of Foreign Affairs", "depth": 1}, 5, 5),
])
def test_select_counts(view: viz.View, kwargs: dict, n_nodes: int, n_edges: int) -> None:
    sel = viz.select(view, **kwargs)
    assert (len(sel.nodes), len(sel.edges)) == (n_nodes, n_edges)
    assert all(s in sel.nodes and t in sel.nodes for s, t in sel.edges)


def test_types_filter_keeps_only_those_types(view: viz.View) -> None:
    sel = viz.select(view, types=["agreement", "conference"])
    assert {view.nodes[n].type for n in sel.nodes} == {"agreement", "conference"}
    with pytest.raises(viz.VizError, match="unknown type"):
        viz.select(view, types=["person", "spaceship"])


def test_around_unknown_name_is_an_error(view: viz.View) -> None:
    with pytest.raises(viz.VizError, match="no node named"):
        viz.select(view, around="Nobody Here")


def test_max_nodes_keeps_most_central_and_counts_the_rest(view: viz.View) -> None:
    sel = viz.select(view, max_nodes=5)
    # degree: meeting 31 has 5 links; the talks, the ministry and Bùi Thanh Sơn 4; EVFTA wins the tie at 3
    assert sel.nodes == sorted(ID + p for p in ("meeting/hoi-nghi-ngoai-giao-31", "meeting/hoi-dam-viet-nam-nhat-ban-2022",
                                                "org/bo-ngoai-giao", "person/bui-thanh-son", "agreement/evfta"))
    assert sum(sel.left_out_by_type.values()) == 10
    assert sel.left_out_edges == 18 - len(sel.edges)
    # the around node is kept even when it is not among the most central
    sel = viz.select(view, around="Ngoại giao vaccine", depth=2, max_nodes=1)
    assert sel.nodes == [ID + "priority/r2"]


# ------------------------------------------------------------------ the page


def test_write_html_signature_is_the_agreed_one() -> None:
    params = inspect.signature(viz.write_html).parameters
    assert list(params)[:2] == ["graph", "out_path"]
    # every node goes into the page (max_nodes None); the page opens on the 300 most central (start_nodes)
    expected = {"year": None, "around": None, "depth": 2, "types": None, "max_nodes": None, "communities": False,
                "start_nodes": 300}
    for name, default in expected.items():
        assert params[name].kind is inspect.Parameter.KEYWORD_ONLY
        assert params[name].default == default


def test_report_and_page_data(seeds: Graph, tmp_path: Path) -> None:
    out = tmp_path / "sub" / "g.html"
    report = viz.write_html(seeds, out, max_nodes=10)
    assert report["nodes"] == 10 and report["edges"] == 13
    assert report["left_out"] == {"nodes": 5, "edges": 5,
                                  "by_type": {"organization": 3, "agreement": 1, "priority": 1}}
    data = page_json(out.read_text(encoding="utf-8"))
    assert len(data["nodes"]) == 10 and len(data["edges"]) == 13
    assert data["meta"]["leftOutNodes"] == 5 and data["meta"]["totalNodes"] == 15
    ids = {n["id"] for n in data["nodes"]}
    assert all(e["from"] in ids and e["to"] in ids for e in data["edges"])
    evfta = next(n for n in data["nodes"] if n["iri"].endswith("/evfta"))
    assert evfta["label"] == "EVFTA" and evfta["labelEn"] == "EU-Vietnam Free Trade Agreement"
    # the most connected node is drawn biggest, a leaf smallest
    biggest = max(data["nodes"], key=lambda n: n["size"])
    assert biggest["iri"].endswith("/hoi-nghi-ngoai-giao-31")
    son = next(n for n in data["nodes"] if n["iri"].endswith("/bui-thanh-son"))
    giang = next(n for n in data["nodes"] if n["iri"].endswith("/dang-hoang-giang"))
    assert son["size"] > giang["size"]


def test_html_is_self_contained(seeds: Graph, tmp_path: Path) -> None:
    out = tmp_path / "g.html"
    viz.write_html(seeds, out)
    html = out.read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]*\bsrc\s*=", html, re.I)
    assert not re.search(r"<link\b", html, re.I)
    assert "@import" not in html
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", html, re.I)
    assert "cdnjs" not in html and "jsdelivr" not in html and "unpkg" not in html
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp and "unsafe-inline" not in csp.split("style-src")[0]
    # every executable script is allowed by hash, and nothing else is
    scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
    assert len(scripts) == 2
    for body in scripts:
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    assert "@license" in scripts[0] and "Apache" in scripts[0] and "MIT" in scripts[0]  # vis-network licence kept


def test_untrusted_text_is_escaped(tmp_path: Path) -> None:
    out = tmp_path / "x.html"
    viz.write_html(Graph().parse(XSS, format="turtle"), out)
    html = out.read_text(encoding="utf-8")
    assert "<script>window" not in html and "<img" not in html and "<iframe" not in html and "<svg" not in html
    assert "\u2028" not in html and "\u2029" not in html
    assert len(re.findall(r"^<script", html, re.M)) == 3  # the JSON block, vis-network, the app
    data = page_json(html)
    names = {n["name"] for n in data["nodes"]}
    assert "Mallory <script>window.__pwned=1</script>" in names
    assert any("\u2028" in n for n in names)  # survives the round trip as data


@settings(max_examples=200, deadline=None)
@given(st.recursive(st.text() | st.integers() | st.none(),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                    max_leaves=12))
def test_json_for_html_roundtrips_and_never_closes_a_script(value: object) -> None:
    text = viz._json_for_html(value)
    assert not set(text) & {"<", ">", "&", "\u2028", "\u2029"}
    assert json.loads(text) == value


def test_same_graph_gives_byte_identical_html(seeds: Graph, tmp_path: Path) -> None:
    a, b = tmp_path / "a.html", tmp_path / "b.html"
    viz.write_html(seeds, a, communities=True)
    # same triples, parsed in another order, into a fresh store
    lines = seeds.serialize(format="nt").splitlines()
    random.Random(3).shuffle(lines)
    viz.write_html(Graph().parse(data="\n".join(lines), format="nt"), b, communities=True)
    assert a.read_bytes() == b.read_bytes()


def test_communities_are_seeded_and_numbered_by_size(tmp_path: Path) -> None:
    g = viz.synthetic_graph(300)
    first = viz.write_html(g, tmp_path / "a.html", communities=True, max_nodes=None)
    data = page_json((tmp_path / "a.html").read_text(encoding="utf-8"))
    assert first["nodes"] == 300
    sizes = data["communitySizes"]
    # communities of the connected part; the nodes without an edge are one "unconnected" group
    assert sizes == sorted(sizes, reverse=True) and sum(sizes) + data["meta"]["unconnected"] == 300
    assert data["meta"]["unconnected"] == sum(1 for n in data["nodes"] if n["isolated"]) > 0
    assert {n["community"] for n in data["nodes"] if n["isolated"]} == {viz.UNCONNECTED}
    assert data["meta"]["colorBy"] == "community"


def test_synthetic_graph_has_the_requested_size() -> None:
    view = viz.collect(viz.synthetic_graph(2000))
    assert len(view.nodes) == 2000
    assert {n.type for n in view.nodes.values()} == set(viz.NODE_TYPES)


# ------------------------------------------------------------------ CLI


def test_cli_writes_page_and_reports_left_out(tmp_path: Path) -> None:
    out = tmp_path / "g.html"
    result = CliRunner().invoke(main, ["viz", str(SEEDS), "-o", str(out), "--max-nodes", "10"])
    assert result.exit_code == 0, result.output
    assert "10 nodes, 13 edges" in result.output
    assert "left out 5 less central nodes (3 organization, 1 agreement, 1 priority)" in result.output
    assert page_json(out.read_text(encoding="utf-8"))["meta"]["leftOutNodes"] == 5


def test_cli_filters_and_errors(tmp_path: Path) -> None:
    out = tmp_path / "g.html"
    runner = CliRunner()
    r = runner.invoke(main, ["viz", str(SEEDS), "-o", str(out), "--year", "2022", "--types",
                             "person,organization,conference,agreement,priority", "--communities"])
    assert r.exit_code == 0, r.output
    assert "11 nodes, 9 edges" in r.output
    r = runner.invoke(main, ["viz", str(SEEDS), "-o", str(out), "--around", "Bùi Thanh Sơn", "--depth", "1"])
    assert r.exit_code == 0 and "5 nodes, 5 edges" in r.output
    assert page_json(out.read_text(encoding="utf-8"))["meta"]["center"] is not None
    r = runner.invoke(main, ["viz", str(SEEDS), "-o", str(out), "--around", "Nobody"])
    assert r.exit_code != 0 and "no node named" in r.output
    r = runner.invoke(main, ["viz", str(SEEDS), "-o", str(out), "--types", "person,robot"])
    assert r.exit_code != 0 and "unknown type" in r.output
    r = runner.invoke(main, ["viz", str(tmp_path / "missing.ttl"), "-o", str(out)])
    assert r.exit_code != 0


# ------------------------------------------------------------------ the archive page (issue 17)


def test_pagerank_is_networkx_pagerank_in_plain_python() -> None:
    import networkx as nx

    path = nx.path_graph(["a", "b", "c"])
    pr = viz.pagerank(path)
    # networkx.pagerank(path_graph(3)) = {a: 0.2567568, b: 0.4864865, c: 0.2567568}
    assert pr["b"] == pytest.approx(0.4864865, abs=1e-5) and pr["a"] == pytest.approx(0.2567568, abs=1e-5)
    star = nx.star_graph(4)
    star.add_node(99)  # a node without edges spreads its rank evenly, the sum stays 1
    pr = viz.pagerank(star)
    assert sum(pr.values()) == pytest.approx(1.0)
    assert pr[0] > pr[1] == pr[2] == pr[3] == pr[4] > pr[99]
    assert viz.pagerank(nx.Graph()) == {}


def test_communities_cover_the_connected_part_and_group_the_unconnected() -> None:
    import networkx as nx

    g = nx.Graph([("a", "b"), ("b", "c"), ("c", "a"), ("x", "y")])
    g.add_nodes_from(["lone1", "lone2"])
    comm = viz.communities(g)
    assert comm["lone1"] == comm["lone2"] == viz.UNCONNECTED
    assert comm["a"] == comm["b"] == comm["c"] == 0 and comm["x"] == comm["y"] == 1


@pytest.mark.parametrize(("name", "kind", "date", "parties", "label"), [
    ("Chuyến thăm chính thức Nhật Bản của Thủ tướng Nguyễn Xuân Phúc", "thăm", "2017-06-06",
     ["Nguyễn Xuân Phúc"], "Thăm Nhật Bản · 6/6/2017"),
    ("Thủ tướng Chính phủ Nguyễn Xuân Phúc hội đàm với Thủ tướng Shinzo Abe", "hội đàm", "",
     ["Shinzo Abe", "Nguyễn Xuân Phúc"], "Hội đàm Nguyễn Xuân Phúc – Shinzo Abe"),
    ("Chuyến thăm hữu nghị chính thức Việt Nam của Chủ tịch Quốc hội Campuchia Heng Samrin", "thăm", "2017-06-23",
     ["Heng Samrin"], "Heng Samrin thăm Việt Nam · 23/6/2017"),
    ("Hội nghị Quan chức cao cấp Diễn đàn khu vực ASEAN (SOM ARF)", "hội nghị", "2017-08", [], "Hội nghị SOM ARF · 8/2017"),
    ("Hội nghị các quan chức cấp cao của Hiệp hội các quốc gia Đông Nam Á lần thứ 24", "hội nghị", "", [],
     "Hội nghị các quan chức cấp cao"),
    # two long names and a date: the parties are cut, the date kept, the whole within the bound
    ("Chủ tịch nước Trần Đại Quang chào xã giao Tổng thống Maria Luisa Poncela Garcia", "chào xã giao", "2017-05-24",
     ["Trần Đại Quang", "Maria Luisa Poncela Garcia"], "Chào xã giao Trần Đại Quang… · 24/5/2017"),
])
def test_meeting_labels_are_short(name: str, kind: str, date: str, parties: list[str], label: str) -> None:
    node = viz.VNode(iri=ID + "meeting/m", type="conference", label=name, details={"kind": kind, "date": date})
    assert viz.short_label(node, parties) == label
    assert len(viz.short_label(node, parties)) <= viz.MEETING_LABEL_MAX


def test_periods_keep_the_month_when_known() -> None:
    assert [viz._period(v) for v in ("2017-06-23", "2017-06", "2017", "", "2017-13-01", "x")] == [
        "2017-06", "2017-06", "2017", "", "2017", ""]


def test_large_graph_page_holds_every_node_and_opens_on_the_top_people_and_meetings(tmp_path: Path) -> None:
    g = viz.synthetic_graph(1200)
    report = viz.write_html(g, tmp_path / "a.html")
    data = page_json((tmp_path / "a.html").read_text(encoding="utf-8"))
    assert report["nodes"] == len(data["nodes"]) == 1200 and report["start"] == 300
    start = set(data["meta"]["start"])
    assert len(start) == 300 and data["meta"]["startCut"] is True
    by_id = {n["id"]: n for n in data["nodes"]}
    assert {by_id[i]["type"] for i in start} == {"person", "conference"}
    # positions only for the opening view; the page places the others when they are added
    assert all(("x" in n) == (n["id"] in start) for n in data["nodes"])
    # meetings get a month period from their date, edges carry periods too
    assert any(len(p) == 7 for n in data["nodes"] if n["type"] == "conference" for p in n["t"])
    assert any(e["t"] for e in data["edges"])
    # a small graph opens on everything
    viz.write_html(g, tmp_path / "b.html", start_nodes=5000)
    assert len(page_json((tmp_path / "b.html").read_text(encoding="utf-8"))["meta"]["start"]) == 1200
    viz.write_html(g, tmp_path / "c.html")
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "c.html").read_bytes()


def test_cli_start_option_sets_the_opening_view(tmp_path: Path) -> None:
    out = tmp_path / "g.html"
    r = CliRunner().invoke(main, ["viz", str(SEEDS), "-o", str(out), "--start", "5"])
    assert r.exit_code == 0, r.output
    assert "15 nodes, 18 edges" in r.output and "opens on the 5 people and meetings of highest PageRank" in r.output
    data = page_json(out.read_text(encoding="utf-8"))
    assert len(data["nodes"]) == 15 and len(data["meta"]["start"]) == 5
    types = {n["id"]: n["type"] for n in data["nodes"]}
    assert {types[i] for i in data["meta"]["start"]} <= {"person", "conference"}


def test_terms_are_made_once_and_title_is_a_term() -> None:
    assert viz.DG.Person is viz.DG.Person
    assert viz.DG.Person == viz.URIRef("https://w3id.org/diplograph/ontology#Person")
    assert viz.DG.title == viz.URIRef("https://w3id.org/diplograph/ontology#title")  # not str.title
    assert viz.DG["format"] == viz.URIRef("https://w3id.org/diplograph/ontology#format")
    assert str(viz.DG) == "https://w3id.org/diplograph/ontology#"
