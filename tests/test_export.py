"""Export writes every format so that independent parsers read back the same graph, atomically."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner
from rdflib.compare import isomorphic

from diplograph.cli import main
from diplograph.engine import EngineError
from diplograph.export import export_graph

FIXTURE = Path(__file__).parent / "data" / "fixture.ttl"
GRAPH_IRI = "https://w3id.org/diplograph/graph"
RDFLIB_FORMAT = {"ttl": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig", "jsonld": "json-ld"}
OX_FORMAT = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "nq": ox.RdfFormat.N_QUADS,
             "trig": ox.RdfFormat.TRIG, "jsonld": ox.RdfFormat.JSON_LD}


def source_graph() -> rdflib.Graph:
    return rdflib.Graph().parse(FIXTURE, format="turtle")


def rdflib_read(path: Path, fmt: str) -> tuple[rdflib.Graph, set[str]]:
    """The triples of ``path`` read by rdflib, and the names of the graphs they were in."""
    if fmt in ("nq", "trig"):
        ds = rdflib.Dataset()
        ds.parse(path, format=RDFLIB_FORMAT[fmt])
        g = rdflib.Graph()
        names = set()
        for s, p, o, c in ds.quads((None, None, None, None)):
            g.add((s, p, o))
            names.add(str(c.identifier if hasattr(c, "identifier") else c))
        return g, names
    return rdflib.Graph().parse(path, format=RDFLIB_FORMAT[fmt]), set()


def oxigraph_as_rdflib(path: Path, fmt: str) -> rdflib.Graph:
    """The triples of ``path`` read by pyoxigraph, converted via N-Triples to an rdflib graph."""
    quads = list(ox.parse(path=str(path), format=OX_FORMAT[fmt]))
    triples = [ox.Triple(q.subject, q.predicate, q.object) if isinstance(q, ox.Quad) else q for q in quads]
    nt = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    return rdflib.Graph().parse(data=nt.decode("utf-8"), format="nt")


@pytest.mark.parametrize("fmt", ["ttl", "nt", "nq", "trig", "jsonld"])
def test_export_round_trips_through_rdflib_and_oxigraph(fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"g.{fmt}"
    named = GRAPH_IRI if fmt in ("nq", "trig") else None
    assert export_graph(FIXTURE, out, fmt, named) == 245
    expected = source_graph()
    by_rdflib, names = rdflib_read(out, fmt)
    assert isomorphic(by_rdflib, expected)
    assert isomorphic(oxigraph_as_rdflib(out, fmt), expected)
    if named:
        assert names == {GRAPH_IRI}


def test_turtle_keeps_difficult_literals(tmp_path: Path) -> None:
    out = tmp_path / "g.ttl"
    export_graph(FIXTURE, out, "ttl")
    g = rdflib.Graph().parse(out, format="turtle")
    evidence = {str(o) for o in g.objects(predicate=rdflib.URIRef("https://w3id.org/diplograph/ontology#evidence"))}
    assert 'Bộ trưởng Ngoại giao Bùi Thanh Sơn phát biểu: "Ngoại giao đi trước" \\ mở đường.\nCâu thứ hai # không phải chú thích } {' in evidence


def test_export_is_byte_for_byte_deterministic_across_processes(tmp_path: Path) -> None:
    outs = []
    for i in range(2):
        out = tmp_path / f"g{i}.ttl"
        subprocess.run([sys.executable, "-c", f"from diplograph.export import export_graph; export_graph({str(FIXTURE)!r}, {str(out)!r}, 'ttl')"],
                       check=True, env={**os.environ, "PYTHONHASHSEED": str(i + 1)})
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]


def test_failed_export_leaves_the_old_file_and_no_temp_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "g.ttl"
    out.write_text("old")

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr("diplograph.atomic.os.replace", broken_replace)
    with pytest.raises(OSError):
        export_graph(FIXTURE, out, "ttl")
    assert out.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.ttl"]


def test_bad_options_are_refused_before_writing(tmp_path: Path) -> None:
    out = tmp_path / "g.nt"
    with pytest.raises(EngineError, match="quad format"):
        export_graph(FIXTURE, out, "nt", named_graph=GRAPH_IRI)
    with pytest.raises(EngineError, match="named graph"):
        export_graph(FIXTURE, tmp_path / "g.nq", "nq", named_graph="http://e/a>b")
    assert list(tmp_path.iterdir()) == []


def test_cli_export_to_stdout_and_file(tmp_path: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(main, ["export", str(FIXTURE), "--format", "nt"])
    assert res.exit_code == 0
    g = rdflib.Graph().parse(data=res.stdout_bytes.decode("utf-8"), format="nt")
    assert isomorphic(g, source_graph())
    out = tmp_path / "sub" / "g.trig"
    res = runner.invoke(main, ["export", str(FIXTURE), "--format", "trig", "-o", str(out), "--named-graph", GRAPH_IRI])
    assert res.exit_code == 0 and "245 triples" in res.stderr
    assert rdflib_read(out, "trig")[1] == {GRAPH_IRI}
    res = runner.invoke(main, ["export", str(tmp_path / "missing.ttl")])
    assert res.exit_code != 0 and "not found" in res.stderr
