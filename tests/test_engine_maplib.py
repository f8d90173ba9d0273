"""The maplib engine answers like Oxigraph: canned queries, exact terms, loading, errors, and the
differences it has are the documented ones (each pinned here, so a maplib upgrade that changes one
fails a test instead of changing answers quietly).

maplib is in the [test] extras: if it is not installed these tests fail, they never skip.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from diplograph.cli import main
from diplograph.engine import XSD, EngineError, Term, load_graph, sort_key
from diplograph.engine_maplib import MaplibGraph, count_variables, turtle_safe_for_parallel_parsing
from diplograph.query import get_query, list_queries, run_query
from test_query import assert_same_answer

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "data" / "fixture.ttl"
REAL_GRAPH = ROOT / "graph" / "diplograph.ttl"
ALL = [q.name for q in list_queries()]


@pytest.fixture(scope="module")
def engines() -> dict[tuple[str, str], object]:
    return {(path.name, engine): load_graph(path, engine) for path in (FIXTURE, REAL_GRAPH)
            for engine in ("oxigraph", "maplib")}


# ----------------------------------------------------------------------------- canned queries
@pytest.mark.parametrize("graph", [FIXTURE.name, REAL_GRAPH.name])
@pytest.mark.parametrize("name", ALL)
def test_every_canned_query_gives_the_rows_of_oxigraph(name: str, graph: str, engines) -> None:
    a = run_query(name, graph=engines[graph, "oxigraph"])
    b = run_query(name, graph=engines[graph, "maplib"])
    assert isinstance(engines[graph, "maplib"], MaplibGraph)
    assert_same_answer(get_query(name).text, a, b)


def test_the_comparison_is_not_vacuous(engines) -> None:
    """Every canned query answers on the fixture, and all but one on the real graph."""
    empty = {g: [n for n in ALL if not run_query(n, graph=engines[g, "maplib"]).rows]
             for g in (FIXTURE.name, REAL_GRAPH.name)}
    assert empty[FIXTURE.name] == []
    assert len(empty[REAL_GRAPH.name]) <= 1, empty


def test_graphs_hold_the_same_number_of_triples(engines) -> None:
    for g in (FIXTURE.name, REAL_GRAPH.name):
        assert len(engines[g, "maplib"]) == len(engines[g, "oxigraph"]) > 0


# ----------------------------------------------------------------------------- exact terms
XSD_NS = "http://www.w3.org/2001/XMLSchema#"
# Terms maplib must give back exactly as Oxigraph does. Numbers are written in the canonical form
# both engines print (Oxigraph canonicalises what it parses; the adapter prints maplib's like it).
TRICKY = [
    ox.Literal(""),
    ox.Literal('tab\there "quoted" back\\slash\nnew line\r\x01\x7f ơ\u0301 \u2028 \u2029 end\\'),
    ox.Literal("\\t is not a tab, \\n not a newline"),
    ox.Literal('a "@en inside'),
    ox.Literal('ends with ">', language="en"),
    ox.Literal('x"^^<http://e/t>'),
    ox.Literal('"quoted"@vi'),
    ox.Literal("Bùi Thanh Sơn", language="VI"),
    ox.Literal("Hello", language="en-GB"),
    ox.Literal("Zürich", language="de-CH-1996"),
    ox.Literal("@", language="en"),
    ox.Literal("a@b", language="en"),
    ox.Literal("-5", datatype=ox.NamedNode(XSD_NS + "integer")),
    ox.Literal("2.5", datatype=ox.NamedNode(XSD_NS + "decimal")),
    ox.Literal("100", datatype=ox.NamedNode(XSD_NS + "decimal")),
    ox.Literal("1E3", datatype=ox.NamedNode(XSD_NS + "double")),
    ox.Literal("1.5e-7", datatype=ox.NamedNode(XSD_NS + "double")),
    ox.Literal("1e20", datatype=ox.NamedNode(XSD_NS + "double")),
    ox.Literal("NaN", datatype=ox.NamedNode(XSD_NS + "double")),
    ox.Literal("-INF", datatype=ox.NamedNode(XSD_NS + "double")),
    ox.Literal("true", datatype=ox.NamedNode(XSD_NS + "boolean")),
    ox.Literal("false", datatype=ox.NamedNode(XSD_NS + "boolean")),
    ox.Literal("2017", datatype=ox.NamedNode(XSD_NS + "gYear")),
    ox.Literal("2017-03", datatype=ox.NamedNode(XSD_NS + "gYearMonth")),
    ox.Literal("2017-03-05", datatype=ox.NamedNode(XSD_NS + "date")),
    ox.Literal("2017-03-05T10:00:00.25Z", datatype=ox.NamedNode(XSD_NS + "dateTime")),
    ox.Literal("2017-03-05T03:00:00Z", datatype=ox.NamedNode(XSD_NS + "dateTime")),
    ox.Literal("10:00:00.5", datatype=ox.NamedNode(XSD_NS + "time")),
    ox.Literal("P1Y2M", datatype=ox.NamedNode(XSD_NS + "duration")),
    ox.Literal("1.1", datatype=ox.NamedNode(XSD_NS + "float")),
    ox.Literal("18446744073709551615", datatype=ox.NamedNode(XSD_NS + "unsignedLong")),
    ox.Literal("0FB7", datatype=ox.NamedNode(XSD_NS + "hexBinary")),
    ox.Literal("x", datatype=ox.NamedNode(XSD_NS + "string")),
    ox.Literal("https://e.org/a b", datatype=ox.NamedNode(XSD_NS + "anyURI")),
    ox.Literal("not a number", datatype=ox.NamedNode("http://e/custom#type")),
    ox.Literal('<http://e/looks-like-an-iri>', datatype=ox.NamedNode("http://e/custom#type")),
    ox.NamedNode("http://e/o?q=1&r=%20#frag"),
    ox.NamedNode("http://e/Sơn"),
    ox.NamedNode("urn:x:a@b"),
]


@pytest.fixture(scope="module")
def tricky(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """Each tricky object under its own predicate (single-typed columns) and all under one (a multi-typed column)."""
    quads = []
    for i, obj in enumerate(TRICKY):
        quads.append(ox.Quad(ox.NamedNode(f"http://e/s{i}"), ox.NamedNode(f"http://e/p{i}"), obj))
        quads.append(ox.Quad(ox.NamedNode(f"http://e/s{i}"), ox.NamedNode("http://e/all"), obj))
    path = tmp_path_factory.mktemp("tricky") / "tricky.nt"
    path.write_bytes(ox.serialize(quads, format=ox.RdfFormat.N_TRIPLES))
    return {engine: load_graph(path, engine) for engine in ("oxigraph", "maplib")}


def test_every_tricky_term_comes_back_unchanged_in_a_multi_typed_column(tricky) -> None:
    query = "SELECT ?s ?o WHERE { ?s <http://e/all> ?o } ORDER BY ?s"
    a, b = tricky["oxigraph"].select(query), tricky["maplib"].select(query)
    assert len(a.rows) == len(TRICKY)
    assert sorted(b.rows, key=sort_key) == sorted(a.rows, key=sort_key)


@pytest.mark.parametrize("i", range(len(TRICKY)))
def test_every_tricky_term_comes_back_unchanged_in_its_own_column(tricky, i: int) -> None:
    query = f"SELECT ?o ?s WHERE {{ ?s <http://e/p{i}> ?o }}"
    a, b = tricky["oxigraph"].select(query), tricky["maplib"].select(query)
    assert b.rows == a.rows and len(a.rows) == 1


def test_language_tags_are_lower_case_and_keep_their_region(tricky) -> None:
    i = next(i for i, t in enumerate(TRICKY) if isinstance(t, ox.Literal) and t.value == "Hello")
    res = tricky["maplib"].select(f"SELECT ?o WHERE {{ <http://e/s{i}> <http://e/p{i}> ?o }}")
    assert res.rows == [(Term("literal", "Hello", "en-gb"),)]


def test_blank_nodes_are_blank_nodes_and_stay_the_same_node(tmp_path: Path) -> None:
    """Labels differ from Oxigraph's (they are scoped to one result) but one node keeps one label."""
    nt = tmp_path / "b.ttl"
    nt.write_text('_:a <http://e/p> _:b .\n_:b <http://e/q> "x" .\n<http://e/s> <http://e/p> _:a .\n')
    res = load_graph(nt, "maplib").select("SELECT ?x ?y ?z WHERE { ?x <http://e/p> ?y . ?y <http://e/p> ?z }")
    assert len(res.rows) == 1
    x, y, z = res.rows[0]
    assert x == Term("uri", "http://e/s") and y.kind == z.kind == "bnode" and y != z
    res = load_graph(nt, "maplib").select("SELECT ?b ?v WHERE { ?b <http://e/q> ?v . ?a <http://e/p> ?b }")
    assert res.rows[0][0] == z and res.rows[0][1] == Term.literal("x")


@settings(max_examples=60, deadline=None)
@given(value=st.text(st.characters(blacklist_categories=("Cs",)), max_size=30),
       lang=st.sampled_from([None, "vi", "EN-us"]))
def test_any_literal_text_comes_back_unchanged_from_maplib(value: str, lang: str | None) -> None:
    data = ox.serialize([ox.Triple(ox.NamedNode("http://e/s"), ox.NamedNode("http://e/p"), ox.Literal(value, language=lang))],
                        format=ox.RdfFormat.N_TRIPLES)
    import maplib

    model = maplib.Model()
    model.reads(data.decode("utf-8"), format="ntriples")
    rows = MaplibGraph(model).select("SELECT ?o ?s WHERE { ?s ?p ?o }").rows
    assert rows == [(Term.literal(value, lang), Term("uri", "http://e/s"))]


# ----------------------------------------------------------------------------- projections and computed values
def test_columns_follow_the_projection_and_select_star_follows_oxigraph(tricky) -> None:
    for query in ("SELECT ?o ?p ?s WHERE { ?s ?p ?o } LIMIT 3", "SELECT ?p ?s WHERE { ?s ?p ?o } LIMIT 3",
                  "SELECT * WHERE { ?s ?p ?o OPTIONAL { ?o <http://e/none> ?x } } LIMIT 3",
                  "SELECT * WHERE { ?s <http://e/all> ?o . ?s ?p ?o2 }"):
        a, b = tricky["oxigraph"].select(query), tricky["maplib"].select(query)
        assert b.vars == a.vars, query
        if "LIMIT" not in query:
            assert sorted(b.rows, key=sort_key) == sorted(a.rows, key=sort_key)


def test_unbound_variables_and_empty_results(tricky) -> None:
    g = tricky["maplib"]
    res = g.select("SELECT ?never ?o WHERE { ?s <http://e/p0> ?o OPTIONAL { ?s <http://e/none> ?never } }")  # p0: ""
    assert res.vars == ["never", "o"] and res.rows == [(None, Term.literal(""))]
    assert g.select("SELECT ?s WHERE { ?s <http://e/none> ?o }").rows == []
    res = g.select("SELECT ?x ?y WHERE { VALUES ?x { 1 2 } OPTIONAL { ?x <http://e/none> ?y } } ORDER BY ?x")
    assert [r[1] for r in res.rows] == [None, None]


def test_aggregates_and_numbers_are_typed_and_written_as_oxigraph_does(tricky) -> None:
    query = ('SELECT (COUNT(*) AS ?n) (COUNT(DISTINCT ?p) AS ?preds) (SUM(1) AS ?sum) (AVG(1) AS ?avg1) '
             '(AVG(?i) AS ?avg) (1.5 * 2 AS ?dec) (1e0 / 4 AS ?dbl) (1e3 AS ?big) (STRLEN("Sơn") AS ?len) '
             '(3 > 2 AS ?gt) WHERE { ?s ?p ?o VALUES ?i { 1 2 } }')
    a, b = tricky["oxigraph"].select(query), tricky["maplib"].select(query)
    assert b.vars == a.vars and b.rows == a.rows
    n = b.rows[0][0]
    assert n == Term.literal(str(4 * len(TRICKY)), datatype=XSD + "integer")  # not maplib's xsd:unsignedInt
    assert b.rows[0][4] == Term.literal("1.5", datatype=XSD + "decimal")  # AVG: decimal, not maplib's integer


def test_count_inside_a_sub_query_is_an_integer_too(tricky) -> None:
    query = ("SELECT ?n ?m WHERE { { SELECT (COUNT(*) AS ?n) WHERE { ?s <http://e/all> ?o } } BIND(?n + 1 AS ?m) }")
    a, b = tricky["oxigraph"].select(query), tricky["maplib"].select(query)
    assert b.rows == a.rows == [(Term.literal(str(len(TRICKY)), datatype=XSD + "integer"),
                                 Term.literal(str(len(TRICKY) + 1), datatype=XSD + "integer"))]


def test_count_variables_are_found_by_the_lexer() -> None:
    q = ('SELECT ?a (count(DISTINCT STR(?x)) AS ?n) (COUNT(*)AS $m) (SUM(?c) AS ?s) WHERE {'
         ' { SELECT ?a (COUNT(?y) AS ?c) WHERE { ?a ?p ?y } GROUP BY ?a }'
         ' BIND("COUNT(?z) AS ?fake" AS ?t) # COUNT(?w) AS ?comment\n'
         ' ?a <http://e/COUNT(x)AS?iri> ?x }')
    assert count_variables(q) == {"n", "m", "c"}
    assert count_variables("SELECT ?x WHERE { ?x <http://e/p> ?count }") == set()


def test_a_data_literal_typed_unsigned_int_keeps_its_type(tmp_path: Path) -> None:
    """Only COUNT results are retyped: maplib gives data literals the same column type."""
    ttl = tmp_path / "u.ttl"
    ttl.write_text(f'<http://e/s> <http://e/p> "5"^^<{XSD}unsignedInt> .\n')
    res = load_graph(ttl, "maplib").select("SELECT ?o (COUNT(?o) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?o")
    assert res.rows == [(Term.literal("5", datatype=XSD + "unsignedInt"), Term.literal("1", datatype=XSD + "integer"))]


# ----------------------------------------------------------------------------- differences that stay (pinned)
def test_known_difference_literals_maplib_cannot_hold_are_dropped_while_reading(tmp_path: Path) -> None:
    """maplib reads literals into native columns and silently drops those that do not fit; Oxigraph keeps
    them. Graphs written by ``diplograph build`` hold none (see MaplibGraph's docstring)."""
    odd = [f'"2017-03-05Z"^^<{XSD}date>', f'"1"^^<{XSD}boolean>', f'"2021-02-30"^^<{XSD}date>',
           f'"99999999999999999999999"^^<{XSD}integer>', f'"abc"^^<{XSD}int>']
    ttl = tmp_path / "odd.ttl"
    ttl.write_text("".join(f"<http://e/s> <http://e/p{i}> {lit} .\n" for i, lit in enumerate(odd)) +
                   '<http://e/s> <http://e/ok> "kept" .\n')
    assert len(load_graph(ttl, "oxigraph")) == len(odd) + 1
    assert len(load_graph(ttl, "maplib")) == 1


def test_known_difference_values_not_lexical_forms(tmp_path: Path) -> None:
    ttl = tmp_path / "v.ttl"
    ttl.write_text(f'<http://e/s> <http://e/dt> "2017-03-05T10:00:00+07:00"^^<{XSD}dateTime> .\n'
                   f'<http://e/s> <http://e/local> "2017-03-05T10:00:00"^^<{XSD}dateTime> .\n'
                   f'<http://e/s> <http://e/i> "5"^^<{XSD}int> .\n'
                   f'<http://e/s> <http://e/d> "0.1234567890123456"^^<{XSD}decimal> .\n')
    ml, ox_graph = load_graph(ttl, "maplib"), load_graph(ttl, "oxigraph")
    q = "SELECT ?dt ?local ?i ?d WHERE { ?s <http://e/dt> ?dt ; <http://e/local> ?local ; <http://e/i> ?i ; <http://e/d> ?d }"
    assert ml.select(q).rows == [(Term.literal("2017-03-05T03:00:00Z", datatype=XSD + "dateTime"),  # in UTC
                                  Term.literal("2017-03-05T10:00:00Z", datatype=XSD + "dateTime"),  # gains a zone
                                  Term.literal("5", datatype=XSD + "int"),  # Oxigraph: xsd:integer
                                  Term.literal("0.123456789012", datatype=XSD + "decimal"))]  # 12 places
    assert ox_graph.select(q).rows == [(Term.literal("2017-03-05T10:00:00+07:00", datatype=XSD + "dateTime"),
                                        Term.literal("2017-03-05T10:00:00", datatype=XSD + "dateTime"),
                                        Term.literal("5", datatype=XSD + "integer"),
                                        Term.literal("0.1234567890123456", datatype=XSD + "decimal"))]


def test_known_difference_computed_text_and_mixed_type_aggregates(tmp_path: Path) -> None:
    ttl = tmp_path / "m.ttl"
    ttl.write_text(f'<http://e/s> <http://e/p> "2021-01-11"^^<{XSD}date> , "2021-02"^^<{XSD}gYearMonth> .\n')
    ml, ox_graph = load_graph(ttl, "maplib"), load_graph(ttl, "oxigraph")
    q = "SELECT (MIN(?o) AS ?min) (MIN(STR(?o)) AS ?minText) (STR(1.5) AS ?dec) (STR(1e3) AS ?dbl) WHERE { ?s ?p ?o }"
    assert ml.select(q).rows == [(None, Term.literal("2021-01-11"), Term.literal("1.500000000000"), Term.literal("1000.0"))]
    assert ox_graph.select(q).rows == [(Term.literal("2021-01-11", datatype=XSD + "date"), Term.literal("2021-01-11"),
                                        Term.literal("1.5"), Term.literal("1000"))]


# ----------------------------------------------------------------------------- errors
@pytest.mark.parametrize("query, message", [
    ("SELEC ?x WHERE { }", "SPARQL syntax error"),
    ("ASK { ?s ?p ?o }", "only SELECT"),
    ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "only SELECT"),
    ("SELECT ?b WHERE { BIND(BNODE() AS ?b) }", "maplib cannot run this query: The function `BNODE` is not implemented"),
    ("SELECT * WHERE { }", "projects no variable"),  # maplib itself panics on this
    ("SELECT * WHERE { <http://e/s0> <http://e/p0> \"\" }", "projects no variable"),
])
def test_queries_maplib_cannot_run_are_one_line_engine_errors(tricky, query: str, message: str) -> None:
    with pytest.raises(EngineError, match=message.replace("(", r"\(").replace("*", r"\*")) as info:
        tricky["maplib"].select(query)
    assert "\n" not in str(info.value)


def test_parse_errors_name_the_file(tmp_path: Path) -> None:
    for name, text in [("bad.ttl", "<http://e/a> <http://e/p> ."), ("bad.nt", '<http://e/a> <http://e/p> "x"\n'),
                       ("bad.trig", "<http://e/g> { <http://e/a> <http://e/p> }"), ("bad.rdf", "<rdf:RDF"),
                       ("iri.ttl", '<http://e/a b> <http://e/p> "x" .')]:
        path = tmp_path / name
        path.write_text(text)
        with pytest.raises(EngineError, match=f"cannot parse {path}") as info:
            load_graph(path, "maplib")
        assert "\n" not in str(info.value)


@pytest.mark.parametrize("suffix, text", [
    ("trig", '<http://e/a> <http://e/p> "x" .\n<http://e/g> { <http://e/b> <http://e/p> "y" . }\n'),
    ("nq", '<http://e/a> <http://e/p> "x" .\n<http://e/b> <http://e/p> "y" <http://e/g> .\n'),
    ("jsonld", json.dumps([{"@id": "http://e/a", "http://e/p": "x"},
                           {"@id": "http://e/g", "@graph": [{"@id": "http://e/b", "http://e/p": "y"}]}])),
])
def test_quad_files_merge_into_the_default_graph(tmp_path: Path, suffix: str, text: str) -> None:
    path = tmp_path / f"g.{suffix}"
    path.write_text(text)
    q = "SELECT ?s ?o WHERE { ?s <http://e/p> ?o } ORDER BY ?s"
    assert load_graph(path, "maplib").select(q).rows == load_graph(path, "oxigraph").select(q).rows != []


def test_a_quad_file_merges_every_graph(tmp_path: Path) -> None:
    path = tmp_path / "g.trig"
    path.write_text('<http://e/a> <http://e/p> "x" .\n<http://e/g1> { <http://e/b> <http://e/p> "y" . }\n'
                    '<http://e/g2> { <http://e/c> <http://e/p> "z" . <http://e/a> <http://e/p> "x" . }\n')
    graph = load_graph(path, "maplib")
    res = graph.select("SELECT ?s WHERE { ?s <http://e/p> ?o } ORDER BY ?s")
    assert [r[0].value for r in res.rows] == ["http://e/a", "http://e/b", "http://e/c"]  # the duplicate is one triple
    assert len(graph) == 3


# ----------------------------------------------------------------------------- parallel Turtle parsing
def _big_turtle(path: Path, redefine: bool) -> None:
    lines = ["@prefix a: <http://e/first#> ."]
    lines += [f'a:s{i} a:p "v{i} @prefix a: <http://e/in-a-literal#> ." .' for i in range(500)]
    if redefine:
        lines.append("@prefix a: <http://e/second#> .")
    lines += [f'a:t{i} a:p "w{i}" .' for i in range(3000)]  # well over 2 x 16 KiB: maplib splits the file
    path.write_text("\n".join(lines) + "\n")


def test_a_prefix_declared_again_turns_parallel_parsing_off(tmp_path: Path) -> None:
    """maplib's parallel reader expands a redeclared prefix with its first IRI (wrong IRIs, no error)."""
    path = tmp_path / "redefine.ttl"
    _big_turtle(path, redefine=True)
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?s <http://e/second#p> ?o }"
    # read in parallel, 885 of the 3000 come out under http://e/first# (maplib 0.20.26, two threads)
    assert load_graph(path, "maplib").select(q).rows == load_graph(path, "oxigraph").select(q).rows
    assert load_graph(path, "maplib").select(q).rows[0][0].value == "3000"
    assert not turtle_safe_for_parallel_parsing(path)
    base = tmp_path / "base.ttl"
    base.write_text("@base <http://e/one/> .\n<a> <p> <b> .\nBASE <http://e/two/>\n<a> <p> <b> .\n")
    assert not turtle_safe_for_parallel_parsing(base)
    assert len(load_graph(base, "maplib")) == len(load_graph(base, "oxigraph")) == 2
    hidden = tmp_path / "hidden.ttl"  # a directive the scanner cannot read is taken as a redeclaration
    hidden.write_text(path.read_text().replace("@prefix a: <http://e/second#> .", "@prefix a: # why\n<http://e/second#> ."))
    assert not turtle_safe_for_parallel_parsing(hidden)
    assert load_graph(hidden, "maplib").select(q).rows[0][0].value == "3000"


def test_directives_only_at_the_top_allow_parallel_parsing(tmp_path: Path) -> None:
    path = tmp_path / "plain.ttl"
    _big_turtle(path, redefine=False)
    # "@prefix a: <…in-a-literal#>" inside the literals reads as a redeclaration: parsed in one piece, still right
    assert not turtle_safe_for_parallel_parsing(path)
    path.write_text(path.read_text().replace(" @prefix a: <http://e/in-a-literal#> .", " a database, a:prefix, based"))
    assert turtle_safe_for_parallel_parsing(path)  # words that merely contain the keywords do not count
    assert turtle_safe_for_parallel_parsing(REAL_GRAPH)
    q = "SELECT ?s ?o WHERE { ?s <http://e/first#p> ?o }"
    assert sorted(load_graph(path, "maplib").select(q).rows, key=sort_key) == \
        sorted(load_graph(path, "oxigraph").select(q).rows, key=sort_key)


# ----------------------------------------------------------------------------- CLI and import cost
def test_cli_engine_maplib_prints_what_oxigraph_prints() -> None:
    runner = CliRunner()
    for name in ("people", "participants", "post-holders"):
        args = ["query", name, "--graph", str(REAL_GRAPH), "--format", "json"]
        a, b = runner.invoke(main, args + ["--engine", "oxigraph"]), runner.invoke(main, args + ["--engine", "maplib"])
        assert a.exit_code == b.exit_code == 0, b.output
        assert json.loads(a.stdout) == json.loads(b.stdout)


def test_a_missing_maplib_is_a_one_line_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "maplib", None)  # what `import maplib` sees when it is not installed
    with pytest.raises(EngineError, match=r"not installed: pip install 'diplograph\[maplib\]'"):
        load_graph(FIXTURE, "maplib")
    result = CliRunner().invoke(main, ["query", "people", "--graph", str(FIXTURE), "--engine", "maplib"])
    assert result.exit_code != 0 and "not installed" in result.stderr and result.stdout == ""


def test_maplib_is_imported_only_when_used() -> None:
    code = ("import sys, diplograph.cli, diplograph.query, diplograph.engine as e;"
            "print('maplib' in sys.modules, 'polars' in sys.modules);"
            f"e.load_graph({str(FIXTURE)!r}, 'maplib'); print('maplib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "False", "True"]
