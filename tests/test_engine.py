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


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
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
    for engine in ("oxigraph", "rdflib"):
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
def test_any_value_binds_as_exactly_one_literal_on_both_engines(value: str) -> None:
    """Whatever the text, the bound query still has one row whose value is the text itself."""
    query = 'SELECT ?v ?n WHERE { BIND(?x AS ?v) BIND(STRLEN(?x) AS ?n) }'
    term = Term.literal(value)
    for engine in ("oxigraph", "rdflib"):
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
    for engine in ("oxigraph", "rdflib"):
        _EMPTY[engine] = load_graph(empty, engine)
