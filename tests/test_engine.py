"""Engines load the same graph, convert terms the same way, and bind parameters as data."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplograph.engine import (
    ENGINES,
    EngineError,
    Term,
    escape_string,
    load_graph,
    substitute_params,
    term_from_oxigraph,
    term_from_rdflib,
)

FIXTURE = Path(__file__).parent / "data" / "fixture.ttl"
FIXTURE_TRIPLES = 245


@pytest.mark.parametrize("engine", ENGINES)
def test_every_engine_loads_every_triple(engine: str) -> None:
    assert len(load_graph(FIXTURE, engine)) == FIXTURE_TRIPLES


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib", "maplib"])
def test_quad_files_are_merged_into_the_default_graph(engine: str, tmp_path: Path) -> None:
    trig = tmp_path / "g.trig"
    trig.write_text('<http://e/a> <http://e/p> "x" .\n<http://e/g> { <http://e/b> <http://e/p> "y" . }\n')
    res = load_graph(trig, engine).select("SELECT ?s WHERE { ?s <http://e/p> ?o } ORDER BY ?s")
    assert [r[0].value for r in res.rows] == ["http://e/a", "http://e/b"]


def test_missing_and_broken_files_raise_engine_errors(tmp_path: Path) -> None:
    with pytest.raises(EngineError, match="not found"):
        load_graph(tmp_path / "nope.ttl")
    bad = tmp_path / "bad.ttl"
    bad.write_text("<http://e/a> <http://e/p> .")
    for engine in ("oxigraph", "rdflib", "maplib"):
        with pytest.raises(EngineError, match="cannot parse"):
            load_graph(bad, engine)
    with pytest.raises(EngineError, match="unknown engine"):
        load_graph(FIXTURE, "virtuoso")


def test_xsd_string_and_simple_literals_are_one_term() -> None:
    from rdflib import Literal, URIRef
    from rdflib.namespace import XSD

    a = term_from_oxigraph(ox.Literal("x"))  # pyoxigraph reports xsd:string
    b = term_from_rdflib(Literal("x"))  # rdflib reports no datatype
    c = term_from_rdflib(Literal("x", datatype=XSD.string))
    assert a == b == c == Term("literal", "x")
    assert term_from_oxigraph(ox.Literal("x", language="VI")) == term_from_rdflib(Literal("x", lang="vi"))
    assert term_from_rdflib(URIRef("http://e/a")).to_json() == {"type": "uri", "value": "http://e/a"}
    assert Term.literal("2021", datatype="http://www.w3.org/2001/XMLSchema#gYear").to_json() == {
        "type": "literal", "value": "2021", "datatype": "http://www.w3.org/2001/XMLSchema#gYear"}


def test_escape_string_leaves_no_raw_quote_backslash_or_control_character() -> None:
    out = escape_string('a"b\\c\nd\te\r\x01\x7f')
    assert out == 'a\\"b\\\\c\\nd\\te\\r\\u0001\\u007F'


def test_substitution_skips_strings_iris_and_comments() -> None:
    q = ('SELECT ?v WHERE { BIND("?x" AS ?s) BIND(<http://e/?x> AS ?i) # ?x in a comment\n'
         "BIND('''?x''' AS ?t) BIND(?x AS ?v) }")
    out = substitute_params(q, {"x": Term.literal("V")})
    assert out.count('"V"') == 1
    assert '"?x"' in out and "<http://e/?x>" in out and "# ?x in a comment" in out and "'''?x'''" in out
    # a longer variable sharing the prefix is a different variable
    assert substitute_params("SELECT ?xy WHERE { BIND(?x AS ?xy) }", {"x": Term.literal("1")}) == \
        'SELECT ?xy WHERE { BIND("1" AS ?xy) }'


def test_substitution_refuses_a_parameter_the_query_does_not_use() -> None:
    with pytest.raises(EngineError, match=r"\?person"):
        substitute_params('SELECT * WHERE { ?s ?p "?person" }', {"person": Term.literal("x")})


NASTY = st.lists(
    st.one_of(
        st.sampled_from(list('"\'\\{}#<>?$.;\n\r\t') + ["\\u0022", '"""', "'''", "\u0301", "ơ", "} ; DROP ALL ; #"]),
        st.characters(blacklist_categories=("Cs",)),
    ),
    max_size=20,
).map("".join)


@settings(max_examples=150, deadline=None)
@given(value=NASTY)
def test_any_value_binds_as_exactly_one_literal_on_every_engine(value: str) -> None:
    """Whatever the text, the bound query still has one row whose value is the text itself."""
    query = 'SELECT ?v ?n WHERE { BIND(?x AS ?v) BIND(STRLEN(?x) AS ?n) }'
    term = Term.literal(value)
    for engine in _EMPTY:
        graph = _EMPTY[engine]
        res = graph.select(query, {"x": term})
        assert len(res.rows) == 1, engine
        assert res.rows[0][0] == term, engine
        assert int(res.rows[0][1].value) == len(value), engine


_EMPTY = {}


@pytest.fixture(autouse=True, scope="module")
def _empty_graphs(tmp_path_factory: pytest.TempPathFactory) -> None:
    empty = tmp_path_factory.mktemp("empty") / "empty.ttl"
    empty.write_text("")
    for engine in ("oxigraph", "rdflib", "maplib"):
        _EMPTY[engine] = load_graph(empty, engine)


# ----------------------------------------------------------------------------- Oxigraph rows via TSV
def _plain_rows(store: ox.Store, query: str) -> list[tuple]:
    """Rows converted one pyoxigraph term at a time (the straightforward way)."""
    solutions = store.query(query)
    width = len(solutions.variables)
    return [tuple(None if sol[i] is None else term_from_oxigraph(sol[i]) for i in range(width)) for sol in solutions]


XSD_NS = "http://www.w3.org/2001/XMLSchema#"
_ODD_OBJECTS = [
    ox.Literal(""),
    ox.Literal('tab\there "quoted" back\\slash\nnew line\r\x01\x7f ơ\u0301 \u2028 end\\'),
    ox.Literal("\\t is not a tab"),
    ox.Literal("Bùi Thanh Sơn", language="VI"),
    ox.Literal("Hello", language="en-GB"),
    ox.Literal("مرحبا", language="ar", direction=ox.BaseDirection.RTL),
    ox.Literal("007", datatype=ox.NamedNode(XSD_NS + "integer")),
    ox.Literal("-5", datatype=ox.NamedNode(XSD_NS + "integer")),
    ox.Literal("+1.50", datatype=ox.NamedNode(XSD_NS + "decimal")),
    ox.Literal("1E3", datatype=ox.NamedNode(XSD_NS + "double")),
    ox.Literal("NaN", datatype=ox.NamedNode(XSD_NS + "double")),
    ox.Literal("true", datatype=ox.NamedNode(XSD_NS + "boolean")),
    ox.Literal("1", datatype=ox.NamedNode(XSD_NS + "boolean")),
    ox.Literal("2017-03", datatype=ox.NamedNode(XSD_NS + "gYearMonth")),
    ox.Literal("2017-03-05", datatype=ox.NamedNode(XSD_NS + "date")),
    ox.Literal("x", datatype=ox.NamedNode(XSD_NS + "string")),
    ox.Literal("not a number", datatype=ox.NamedNode("http://e/custom#type")),
    ox.NamedNode("http://e/o?q=1&r=%20#frag"),
    ox.BlankNode("b1"),
]


@pytest.fixture(scope="module")
def odd_store() -> ox.Store:
    store = ox.Store()
    for i, obj in enumerate(_ODD_OBJECTS):
        s = ox.BlankNode("s") if i % 5 == 0 else ox.NamedNode(f"http://e/s{i % 3}")
        store.add(ox.Quad(s, ox.NamedNode(f"http://e/p{i % 2}"), obj))
    return store


@pytest.mark.parametrize("query", [
    "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o",
    # unbound cells in the middle, at the end and whole unbound rows
    "SELECT ?o ?x ?s WHERE { ?s ?p ?o OPTIONAL { ?s <http://e/none> ?x } } ORDER BY ?o ?s",
    "SELECT ?x WHERE { ?s ?p ?o OPTIONAL { ?s <http://e/none> ?x } }",
    "SELECT (STR(?o) AS ?t) (LANG(?o) AS ?l) (DATATYPE(?o) AS ?d) (STRLEN(STR(?o)) AS ?n) (?n > 3 AS ?b)"
    " (1.5 * 2 AS ?dec) (1e0 / 3 AS ?dbl) WHERE { ?s ?p ?o } ORDER BY ?o",
    "SELECT * WHERE { }",
    "SELECT * WHERE { ?s ?p ?o FILTER(false) }",
])
def test_oxigraph_rows_are_the_terms_a_plain_conversion_gives(odd_store: ox.Store, query: str) -> None:
    from diplograph.engine import OxigraphGraph

    res = OxigraphGraph(odd_store).select(query)
    assert res.vars == [v.value for v in odd_store.query(query).variables]
    assert res.rows == _plain_rows(odd_store, query)


def test_every_canned_query_gives_the_rows_of_a_plain_conversion() -> None:
    from diplograph.query import bind_params, list_queries

    graph = load_graph(FIXTURE, "oxigraph")
    for spec in list_queries():
        text = substitute_params(spec.text, bind_params(spec)) if spec.params else spec.text
        rows = graph.select(text).rows
        assert rows == _plain_rows(graph.store, text), spec.name
        assert rows, spec.name  # every canned query answers on the fixture: the comparison is not vacuous


@pytest.mark.parametrize("token,datatype", [
    ("7", "integer"), ("-5", "integer"), ("+01", "integer"), ("1.5", "decimal"), (".5", "decimal"),
    ("-0.50", "decimal"), ("1.5E3", "double"), ("1e-7", "double"), (".5e+1", "double"), ("2.E0", "double"),
    ("true", "boolean"), ("false", "boolean"),
])
def test_bare_tsv_numbers_and_booleans_are_typed_literals(token: str, datatype: str) -> None:
    from diplograph.engine import term_from_tsv

    assert term_from_tsv(token) == term_from_oxigraph(ox.Literal(token, datatype=ox.NamedNode(XSD_NS + datatype)))


def test_shared_cells_are_converted_once_into_equal_terms() -> None:
    from diplograph.engine import rows_from_tsv

    data = '?a\t?b\n<http://e/x>\t"v"@VI\n<http://e/x>\t\n\t"v"@VI\n'.encode()
    rows = rows_from_tsv(data, 2)
    assert rows == [(Term("uri", "http://e/x"), Term("literal", "v", "vi")), (Term("uri", "http://e/x"), None),
                    (None, Term("literal", "v", "vi"))]
    assert rows[0][0] is rows[1][0] and rows[0][1] is rows[2][1]


@pytest.mark.parametrize("data", [b"?a\n<<( <http://e/a> <http://e/p> <http://e/b> )>>\n", b"?a\n\"x\n", b"?a\tb\n1\n",
                                  b"?a\nnot-a-term\n", b'?a\n"x"^^xsd:int\n', b'?a\n"a\\qb"\n'])
def test_unreadable_or_unsupported_cells_are_engine_errors(data: bytes) -> None:
    from diplograph.engine import rows_from_tsv

    with pytest.raises(EngineError):
        rows_from_tsv(data, data.split(b"\n")[0].count(b"\t") + 1)


@settings(max_examples=200, deadline=None)
@given(value=NASTY, lang=st.sampled_from([None, "vi", "EN-us"]))
def test_any_literal_text_comes_back_unchanged_from_oxigraph(value: str, lang: str | None) -> None:
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://e/s"), ox.NamedNode("http://e/p"), ox.Literal(value, language=lang)))
    query = "SELECT ?o ?s WHERE { ?s ?p ?o }"
    from diplograph.engine import OxigraphGraph

    rows = OxigraphGraph(store).select(query).rows
    assert rows == _plain_rows(store, query)
    assert rows[0][0].value == value
