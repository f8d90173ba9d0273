"""Canned queries: headers, same rows on both engines, answers on the fixture, parameters as data, formats, CLI."""
from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from diplograph.cli import main
from diplograph.engine import Result, Term, load_graph, sort_key
from diplograph.query import (
    QueryError,
    display_width,
    format_result,
    get_query,
    list_queries,
    parse_header,
    run_query,
)

FIXTURE = Path(__file__).parent / "data" / "fixture.ttl"
ID = "https://w3id.org/diplograph/id/"
CONTRACT = {
    "people": ["person", "name", "title", "organization", "asOf", "article"],
    "conferences": ["conference", "name", "date", "place", "organizer"],
    "participants": ["conference", "person", "name", "role"],
    "agreements": ["agreement", "abbreviation", "name", "action", "article"],
    "priorities": ["priority", "year", "text", "setBy", "conference", "article"],
}
ALL = [q.name for q in list_queries()]
ENGINES = ("oxigraph", "rdflib", "maplib")


@pytest.fixture(scope="module")
def graphs():
    return {engine: load_graph(FIXTURE, engine) for engine in ENGINES}


def run(name: str, graphs, engine: str = "oxigraph", **params: str) -> Result:
    return run_query(name, params=params, graph=graphs[engine])


def values(result: Result, var: str) -> list[str | None]:
    i = result.vars.index(var)
    return [None if row[i] is None else row[i].value for row in result.rows]


# ----------------------------------------------------------------------------- headers
def test_at_least_twelve_queries_besides_the_contract_ones() -> None:
    assert set(CONTRACT) <= set(ALL)
    assert len(set(ALL) - set(CONTRACT)) >= 12


@pytest.mark.parametrize("name", ALL)
def test_every_query_has_a_header_and_declares_what_it_uses(name: str) -> None:
    spec = get_query(name)
    assert spec.text.startswith("# title: ")
    assert spec.title and spec.description and spec.title != name
    assert re.search(r"^# param: ", spec.text, re.M)
    for p in spec.params:
        assert p.meaning, f"{name}: parameter {p.name} has no meaning"
        assert re.search(rf"[?$]{p.name}\b", spec.text.split("SELECT", 1)[1]), p.name


def test_header_parsing_of_defaults_and_meanings(tmp_path: Path) -> None:
    f = tmp_path / "x.rq"
    text = ("# title: T\n# description: D\n# param: person = Bùi Thanh Sơn — part of a name\n"
            "# param: year = — a year\n# param: q = \"a b\" -- quoted default\nSELECT * WHERE { }\n")
    spec = parse_header(f, text)
    assert [(p.name, p.default, p.meaning) for p in spec.params] == [
        ("person", "Bùi Thanh Sơn", "part of a name"), ("year", "", "a year"), ("q", "a b", "quoted default")]


@pytest.mark.parametrize("name", sorted(CONTRACT))
def test_contract_queries_keep_their_variables(name: str, graphs) -> None:
    assert run(name, graphs).vars == CONTRACT[name]


# ----------------------------------------------------------------------------- engines agree
def order_variables(text: str) -> list[str]:
    """The variables an ``ORDER BY`` clause sorts on, in order (``COALESCE(STR(?x), "")`` → ``x``)."""
    clause = re.search(r"^ORDER BY (.*)$", text, re.M)
    return re.findall(r"[?$](\w+)", clause.group(1)) if clause else []


def assert_same_answer(text: str, a: Result, b: Result) -> None:
    """``b`` answers query ``text`` as ``a`` does: same variables, same rows, same order where it is defined.

    Rows are compared as multisets, and the sequence of the values the ``ORDER BY`` sorts on must
    be the same in both results. Where the ORDER BY is total (its keys tell every row apart) that
    is the same order; where it is not (``priorities`` sorts on year, text and article only), rows
    with equal keys may come in either order, which SPARQL allows and engines do differ on.
    """
    assert a.vars == b.vars
    assert Counter(a.rows) == Counter(b.rows)
    keys = [a.vars.index(v) for v in order_variables(text)]
    assert len(keys) == len(order_variables(text))  # every sort key is projected, so the check is complete

    def sequence(res: Result) -> list[tuple[str, ...]]:
        return [tuple("" if row[i] is None else row[i].value for i in keys) for row in res.rows]

    assert sequence(a) == sequence(b)


@pytest.mark.parametrize("other", ["rdflib", "maplib"])
@pytest.mark.parametrize("name", ALL)
def test_every_engine_returns_the_rows_of_oxigraph(name: str, other: str, graphs) -> None:
    a, b = run(name, graphs, "oxigraph"), run(name, graphs, other)
    assert a.rows, f"{name} returns nothing on the fixture: the comparison would prove nothing"
    assert_same_answer(get_query(name).text, a, b)
    if not re.search(r"^ORDER BY", get_query(name).text, re.M):
        assert sorted(a.rows, key=sort_key) == sorted(b.rows, key=sort_key)


def test_order_check_tells_a_wrong_order_from_a_tie() -> None:
    text = "SELECT ?a ?b WHERE { }\nORDER BY ?a"
    x, y, z = Term.literal("x"), Term.literal("y"), Term.literal("z")
    base = Result(["a", "b"], [(x, y), (x, z), (y, z)])
    assert_same_answer(text, base, Result(["a", "b"], [(x, z), (x, y), (y, z)]))  # a tie on ?a: either order
    with pytest.raises(AssertionError):
        assert_same_answer(text, base, Result(["a", "b"], [(y, z), (x, y), (x, z)]))  # ?a out of order
    with pytest.raises(AssertionError):
        assert_same_answer(text, base, Result(["a", "b"], [(x, y), (x, y), (y, z)]))  # a row changed


# ----------------------------------------------------------------------------- answers on the fixture
def test_person_posts_is_a_dated_history_with_articles(graphs) -> None:
    res = run("person-posts", graphs)
    assert values(res, "asOf") == ["2021-01-11", "2021-12-13", "2022-03"]
    assert values(res, "title") == ["Thứ trưởng Thường trực Bộ Ngoại giao", "Bộ trưởng Bộ Ngoại giao", "Bộ trưởng Bộ Ngoại giao"]
    assert values(res, "article") == [ID + "article/a1", ID + "article/a2", ID + "article/a3"]
    chinh = run("person-posts", graphs, person="phạm minh")
    assert values(chinh, "asOf") == ["2021-12", "2021-12-13"]  # xsd:gYearMonth and xsd:date, sorted as text
    assert len(run("person-posts", graphs, person="").rows) == 6


def test_post_holders_gives_first_and_last_dates(graphs) -> None:
    res = run("post-holders", graphs, post="Bộ trưởng Bộ Ngoại giao")
    assert [(r[2].value, r[3].value, r[4].value, r[5].value) for r in res.rows] == [
        ("Bùi Thanh Sơn", "2021-12-13", "2022-03", "2")]


def test_roles_default_to_chair_and_speaker(graphs) -> None:
    res = run("roles", graphs)
    assert sorted(zip(values(res, "name"), values(res, "roleLabel"), strict=True)) == [
        ("Bùi Thanh Sơn", "chair"), ("Bùi Thanh Sơn", "speaker"), ("Phạm Minh Chính", "chair")]
    assert values(run("roles", graphs, role="attendee"), "name") == ["Tô Anh Dũng", "Hayashi Yoshimasa"]


def test_conference_timeline_filters_by_year_and_kind(graphs) -> None:
    assert values(run("conference-timeline", graphs), "date") == [None, "2021-12-13", "2022-03-05"]
    assert values(run("conference-timeline", graphs, year="2021"), "name") == ["Hội nghị Ngoại giao lần thứ 32"]
    talks = run("conference-timeline", graphs, kind="HỘI ĐÀM")
    assert values(talks, "partOf") == ["Chuyến thăm chính thức Nhật Bản"]


def test_agreement_history_lists_actions_in_publication_order(graphs) -> None:
    res = run("agreement-history", graphs, agreement="evfta")
    assert values(res, "action") == ["ký kết", "triển khai"]
    assert values(res, "actionType") == ["signed", "implemented"]
    assert values(res, "published") == ["2021-01-11", "2022-03"]


def test_priorities_recur_across_years(graphs) -> None:
    rec = run("priority-recurrence", graphs)
    assert [(r[0].value, r[1].value, r[2].value, r[3].value) for r in rec.rows] == [
        ("đẩy mạnh ngoại giao kinh tế", "2", "2021", "2022")]
    assert run("priority-recurrence", graphs, min_years="3").rows == []
    by_year = run("priorities-by-year", graphs, keyword="kinh tế")
    assert values(by_year, "year") == ["2021", "2022"]


def test_co_participation_counts_pairs_once(graphs) -> None:
    res = run("co-participation", graphs)
    pairs = [(r[1].value, r[3].value) for r in res.rows]
    assert len(pairs) == len(set(pairs)) == 4
    assert ("Phạm Minh Chính", "Bùi Thanh Sơn") not in pairs  # each pair in one direction only


def test_org_mentions_per_year(graphs) -> None:
    res = run("org-mentions-by-year", graphs, year="2021")
    assert [(r[2].value, r[3].value) for r in res.rows] == [("Bộ Ngoại giao", "2"), ("Chính phủ", "2"), ("Nhật Bản", "1")]


def test_entity_finds_by_name_or_iri_ending(graphs) -> None:
    by_name = run("entity", graphs)
    by_iri = run("entity", graphs, entity="person/bui-thanh-son")
    assert by_name.rows == by_iri.rows
    edges = {(r[1].value, re.split("[#/]", r[2].value)[-1], r[3].value.rsplit("/", 1)[-1]) for r in by_name.rows}
    assert ("in", "holder", "p1") in edges and ("in", "participant", "x4") in edges and ("out", "name", "Bùi Thanh Sơn") in edges


def test_evidence_keeps_the_sentence_verbatim(graphs) -> None:
    res = run("evidence", graphs, fact="post/p2")
    assert values(res, "evidence") == [
        'Bộ trưởng Ngoại giao Bùi Thanh Sơn phát biểu: "Ngoại giao đi trước" \\ mở đường.\nCâu thứ hai # không phải chú thích } {']
    assert values(res, "sourceFile") == ["001_5bfd67e8d18ffaa3.txt"]
    about = run("evidence", graphs, about="EVFTA")
    assert set(values(about, "factIri")) == {ID + "agreement-action/aa1", ID + "agreement-action/aa2"}


def test_article_additions_marks_what_is_new(graphs) -> None:
    latest = run("article-additions", graphs)
    assert set(values(latest, "source")) == {ID + "article/a3"}
    new = dict(zip(values(latest, "fact"), values(latest, "new"), strict=True))
    assert new[ID + "person/bui-thanh-son"] == "false"  # already in a1 and a2
    assert new[ID + "post/p3"] == "true"
    first = run("article-additions", graphs, article="000_3ced0a2d290664d0.txt")
    assert set(values(first, "new")) == {"true"} and len(first.rows) == 4


# ----------------------------------------------------------------------------- parameters are data
@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("evil", ['x")) || true || ((" ', "x' } UNION { ?s ?p ?o } #", '"}#', "\\", "Sơn\"\n}"])
def test_injection_attempts_match_nothing(engine: str, evil: str, graphs) -> None:
    assert run("person-posts", graphs, engine, person=evil).rows == []


def test_unknown_parameter_is_an_error(graphs) -> None:
    with pytest.raises(QueryError, match="no parameter"):
        run("person-posts", graphs, persn="x")


@settings(max_examples=40, deadline=None)
@given(fragment=st.text(max_size=6))
def test_person_filter_matches_python_substring_semantics(fragment: str) -> None:
    names = {"Bùi Thanh Sơn": 3, "Phạm Minh Chính": 2, "Hayashi Yoshimasa": 1}
    needle = unicodedata.normalize("NFC", fragment).lower()
    expected = sum(n for name, n in names.items() if needle in name.lower())
    for engine in _GRAPHS:
        assert len(run("person-posts", _GRAPHS, engine, person=fragment).rows) == expected, engine


_GRAPHS = {engine: load_graph(FIXTURE, engine) for engine in ("oxigraph", "maplib")}


# ----------------------------------------------------------------------------- formats
def test_json_is_w3c_sparql_results(graphs) -> None:
    doc = json.loads(format_result(run("people", graphs), "json"))
    assert set(doc) == {"head", "results"} and doc["head"] == {"vars": CONTRACT["people"]}
    first = doc["results"]["bindings"][0]
    assert first["person"] == {"type": "uri", "value": ID + "person/bui-thanh-son"}
    assert first["name"] == {"type": "literal", "value": "Bùi Thanh Sơn", "xml:lang": "vi"}
    assert first["asOf"] == {"type": "literal", "value": "2021-01-11", "datatype": "http://www.w3.org/2001/XMLSchema#date"}
    partial = json.loads(format_result(Result(["a", "b"], [(Term.literal("x"), None)]), "json"))
    assert partial["results"]["bindings"] == [{"a": {"type": "literal", "value": "x"}}]  # unbound = absent


def test_csv_quotes_and_keeps_text_verbatim(graphs) -> None:
    res = run("evidence", graphs, fact="post/p2")
    out = format_result(res, "csv")
    assert out.startswith(",".join(res.vars) + "\r\n")
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert rows[1][res.vars.index("evidence")] == res.rows[0][res.vars.index("evidence")].value


def test_tsv_rows_are_one_line_with_escaped_terms(graphs) -> None:
    res = run("evidence", graphs, fact="post/p2")
    lines = format_result(res, "tsv").split("\n")
    assert lines[0] == "\t".join("?" + v for v in res.vars)
    assert lines[2] == "" and len(lines) == 3
    cells = lines[1].split("\t")
    assert len(cells) == len(res.vars)
    assert cells[res.vars.index("evidence")].endswith('\\nCâu thứ hai # không phải chú thích } {"@vi')
    assert cells[res.vars.index("article")] == f"<{ID}article/a2>"


def test_table_columns_line_up_with_vietnamese_text(graphs) -> None:
    out = format_result(run("people", graphs), "table")
    lines = [line for line in out.splitlines()[:-1] if "│" in line]
    positions = {tuple(display_width(line[: m.start()]) for m in re.finditer("│", line)) for line in lines}
    assert len(positions) == 1


def test_display_width_counts_marks_zero_and_wide_characters_two() -> None:
    assert display_width(unicodedata.normalize("NFD", "Sơn")) == display_width("Sơn") == 3
    assert display_width("東京") == 4


# ----------------------------------------------------------------------------- CLI
def test_cli_json_as_the_scorer_reads_it() -> None:
    for name, expected_vars in CONTRACT.items():
        result = CliRunner().invoke(main, ["query", name, "--graph", str(FIXTURE), "--format", "json"])
        assert result.exit_code == 0, result.output
        doc = json.loads(result.stdout_bytes.decode("utf-8"))
        assert doc["head"]["vars"] == expected_vars
        assert all(isinstance(b[v]["value"], str) for b in doc["results"]["bindings"] for v in b)
        assert doc["results"]["bindings"]


def test_installed_script_runs_the_scorer_command() -> None:
    script = Path(sys.executable).parent / "diplograph"
    out = subprocess.run([str(script), "query", "participants", "--graph", str(FIXTURE), "--format", "json"],
                         capture_output=True, check=True)
    doc = json.loads(out.stdout.decode("utf-8"))
    assert sorted(b["role"]["value"] for b in doc["results"]["bindings"]) == ["attendee", "attendee", "chair", "chair", "speaker"]


def test_cli_params_engines_and_paths(tmp_path: Path) -> None:
    runner = CliRunner()
    args = ["query", "person-posts", "--graph", str(FIXTURE), "--format", "csv", "--param", "person=Phạm Minh Chính"]
    ox_out = runner.invoke(main, args + ["--engine", "oxigraph"])
    rl_out = runner.invoke(main, args + ["--engine", "rdflib"])
    ml_out = runner.invoke(main, args + ["--engine", "maplib"])
    assert ox_out.exit_code == rl_out.exit_code == ml_out.exit_code == 0
    assert ox_out.stdout == rl_out.stdout == ml_out.stdout and "Thủ tướng Chính phủ" in ox_out.stdout
    rq = tmp_path / "mine.rq"
    rq.write_text("# title: mine\nSELECT ?n WHERE { ?p a <https://w3id.org/diplograph/ontology#Person> ; <https://schema.org/name> ?n } ORDER BY ?n\n")
    by_path = runner.invoke(main, ["query", str(rq), "--graph", str(FIXTURE), "--format", "tsv"])
    assert by_path.exit_code == 0 and by_path.stdout.splitlines()[1] == '"Bùi Thanh Sơn"@vi'


@pytest.mark.parametrize("args, message", [
    (["query", "nope"], "unknown query"),
    (["query", "people", "--graph", "/nonexistent/g.ttl"], "not found"),
    (["query", "people", "--param", "x=1"], "no parameter"),
    (["query", "people", "--param", "novalue"], "NAME=VALUE"),
])
def test_cli_errors_are_one_line_and_non_zero(args: list[str], message: str) -> None:
    if "--graph" not in args:
        args = args + ["--graph", str(FIXTURE)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code != 0
    assert message in result.stderr and result.stdout == ""


def test_queries_lists_names_titles_and_params() -> None:
    result = CliRunner().invoke(main, ["queries", "--format", "json"])
    doc = {q["name"]: q for q in json.loads(result.stdout)}
    assert set(doc) == set(ALL)
    assert doc["person-posts"]["params"][0]["name"] == "person"
    assert doc["person-posts"]["params"][0]["default"] == "Bùi Thanh Sơn"
    text = CliRunner().invoke(main, ["queries"]).stdout
    assert "person-posts  —  A person's posts over time" in text and "--param person=" in text
