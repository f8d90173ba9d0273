"""The build end to end: bad input reported and skipped, atomic output, determinism, committed graph current."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyoxigraph
from rdflib import Graph

from diplograph.build import build_graph, collect_inputs, map_files, serialize_turtle
from diplograph.mapper import to_graph

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def _facts():
    files, _ = collect_inputs([SEEDS])
    facts, skipped, _ = map_files(files, jobs=1)
    assert not skipped
    return facts


def test_turtle_is_byte_identical_between_runs_and_parses_in_oxigraph():
    a = serialize_turtle(to_graph(_facts()))
    b = serialize_turtle(to_graph(list(reversed(_facts()))))
    assert a == b
    assert b"_:" not in a  # no blank nodes
    n = sum(1 for _ in pyoxigraph.parse(a, format=pyoxigraph.RdfFormat.TURTLE))
    assert n == len(Graph().parse(data=a, format="turtle")) > 100


def test_committed_graph_is_current(tmp_path):
    build_graph([SEEDS], tmp_path, html=True, validate=False)
    assert (tmp_path / "diplograph.ttl").read_bytes() == (ROOT / "graph" / "diplograph.ttl").read_bytes(), \
        "graph/ is stale: run `diplograph build`"
    assert (tmp_path / "diplograph.html").read_bytes() == (ROOT / "graph" / "diplograph.html").read_bytes()


def test_one_conference_node_for_three_reports():
    g = to_graph(_facts())
    rows = list(g.query("""PREFIX dg: <https://w3id.org/diplograph/ontology#> PREFIX prov: <http://www.w3.org/ns/prov#>
        SELECT ?c (COUNT(DISTINCT ?a) AS ?n) WHERE { ?c a dg:Conference ; dg:date ?d ; prov:wasDerivedFrom ?a .
        FILTER(STR(?d) = "2021-01-11") } GROUP BY ?c"""))
    assert len(rows) == 1 and int(rows[0][1]) == 3


def test_bad_files_are_skipped_and_the_rest_mapped(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_bytes((SEEDS / "002_d4cf4740f0e46a42.txt").read_bytes())
    (src / "empty.txt").write_bytes(b"")
    (src / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)) * 4)
    (src / "loop").symlink_to(src)
    report = build_graph([src, tmp_path / "missing"], tmp_path / "out", html=False, validate=False)
    assert report.read == 1
    reasons = {Path(f).name: why for f, why in report.skipped}
    assert "empty" in reasons["empty.txt"] and "binary" in reasons["image.txt"]
    assert "no such file" in reasons["missing"]
    assert report.facts["agreements"] >= 3


def test_cli_exit_codes_and_previous_graph_kept(tmp_path):
    out = tmp_path / "out"
    ok = subprocess.run([sys.executable, "-m", "diplograph.cli", "build", str(SEEDS), "-o", str(out), "--no-html"],
                        capture_output=True, text=True, cwd=ROOT)
    assert ok.returncode == 0, ok.stderr
    before = (out / "diplograph.ttl").read_bytes()
    empty = tmp_path / "empty"
    empty.mkdir()
    bad = subprocess.run([sys.executable, "-m", "diplograph.cli", "build", str(empty), "-o", str(out), "--no-html"],
                         capture_output=True, text=True, cwd=ROOT)
    assert bad.returncode == 2 and "no article" in bad.stderr
    assert (out / "diplograph.ttl").read_bytes() == before
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_cache_reuses_facts_and_rejects_corruption(tmp_path):
    cache = tmp_path / "cache"
    files, _ = collect_inputs([SEEDS])
    first, _, hits0 = map_files(files, jobs=1, cache_dir=cache)
    again, _, hits1 = map_files(files, jobs=1, cache_dir=cache)
    assert (hits0, hits1) == (0, len(files))
    assert [f.to_dict() for f in sorted(first, key=lambda f: f.source)] == [f.to_dict() for f in sorted(again, key=lambda f: f.source)]
    entry = next(cache.rglob("*.json"))
    entry.write_text(entry.read_text()[:-40])
    pack = cache / "pack.pickle"
    raw = bytearray(pack.read_bytes())
    raw[-10] ^= 0xFF  # a damaged pack is dropped: the JSON entries serve, and the damaged entry is re-mapped
    pack.write_bytes(bytes(raw))
    _, _, hits2 = map_files(files, jobs=1, cache_dir=cache)
    assert hits2 == len(files) - 1
    _, _, hits3 = map_files(files, jobs=1, cache_dir=cache)  # the pack was rewritten whole
    assert hits3 == len(files)


def test_forked_split_gives_the_same_result_as_serial_and_survives_a_failing_child(monkeypatch):
    """The serial tail of a build runs half in a forked child: the result must not depend on it."""
    import os

    from diplograph import forked

    data = [str(i) * 3 for i in range(50_000)]
    serial = forked.split(lambda: data[:10], lambda: "".join(data), parallel=False)
    assert forked.split(lambda: data[:10], lambda: "".join(data)) == serial
    parent = os.getpid()

    def dies_in_child():
        if os.getpid() != parent:
            os._exit(3)  # the child fails: the parent must do the work itself
        return "done here"

    assert forked.split(lambda: 1, dies_in_child) == (1, "done here")


def test_build_with_the_forked_tail_writes_the_committed_graph(tmp_path, monkeypatch):
    """Mapping and Turtle writing split with a forked child (as on large archives) give the same bytes."""
    from diplograph import mapper

    monkeypatch.setattr(mapper, "PARALLEL_MIN_ARTICLES", 2)
    monkeypatch.setattr(mapper, "PARALLEL_MIN_SUBJECTS", 2)
    build_graph([SEEDS], tmp_path, html=False, validate=False)
    assert (tmp_path / "diplograph.ttl").read_bytes() == (ROOT / "graph" / "diplograph.ttl").read_bytes()


def test_every_fact_node_names_its_rule_and_the_shapes_require_it():
    from diplograph.mapper import Triples
    from diplograph.validate import shacl_violations

    data = (ROOT / "graph" / "diplograph.ttl").read_bytes()
    g = Graph().parse(data=data, format="turtle")
    assert shacl_violations(g) == []
    rows = list(g.query("""PREFIX dg: <https://w3id.org/diplograph/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?n ?r ?label ?doc WHERE { VALUES ?c { dg:PostHolding dg:Participation dg:Conference dg:AgreementAction dg:Priority }
        ?n a ?c . OPTIONAL { ?n dg:extractedBy ?r . ?r a dg:ExtractionRule ; rdfs:label ?label ; rdfs:comment ?doc } }"""))
    assert rows and all(r is not None and doc for _, r, _, doc in rows)
    # a fact node without its rule, and a rule without its doc, are reported
    t = Triples.from_turtle(data)
    node = next(s for s, p, o in t if o == "<https://w3id.org/diplograph/ontology#Priority>")
    del t.spo[node]["<https://w3id.org/diplograph/ontology#extractedBy>"]
    rule = next(s for s, p, o in t if o == "<https://w3id.org/diplograph/ontology#ExtractionRule>")
    del t.spo[rule]["<http://www.w3.org/2000/01/rdf-schema#comment>"]
    problems = shacl_violations(t.to_rdflib())
    assert any(node[1:-1] in p and "extractedBy" in p for p in problems), problems
    assert any(rule[1:-1] in p and "comment" in p for p in problems), problems
