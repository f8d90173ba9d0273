"""`query --format table` has terminal manners: it fits a width, names articles by file, and never
lets a value act on the terminal (ESC sequences, BEL, DEL, C1 controls, bidi overrides)."""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from diplograph.cli import main
from diplograph.engine import Result, Term
from diplograph.query import display_width, fit_widths, format_table, terminal_safe

ROOT = Path(__file__).resolve().parents[1]
GRAPH = ROOT / "graph" / "diplograph.ttl"
HOSTILE = ["\x1b[2J\x1b[31mred", "bell\x07", "del\x7f", "c1\x85\x9b31m", "\u202eevil.exe", "iso\u2066late\u2069",
           "mark\u200f", "line\u2028sep", "nul\x00", "zw\u200bsp"]
BAD = {"Cc", "Cf", "Zl", "Zp", "Cs", "Co"}


def _unsafe(text: str) -> list[str]:
    return [c for c in text if c != "\n" and unicodedata.category(c) in BAD]


@pytest.mark.parametrize("value", HOSTILE)
def test_control_and_bidi_characters_are_escaped_in_every_cell(value: str) -> None:
    res = Result(["a", "b"], [(Term.literal(value), Term("uri", "https://e.vn/" + value))])
    out = format_table(res, max_width=0)
    assert _unsafe(out) == [], repr(out)
    assert terminal_safe(value) in out


def test_escapes_are_readable() -> None:
    assert terminal_safe("a\x1bb\u202ec") == "a\\x1bb\\u202ec"
    assert terminal_safe("Bùi Thanh Sơn") == "Bùi Thanh Sơn"


@pytest.mark.parametrize("width", [40, 60, 80, 120])
def test_table_fits_the_width(width: int) -> None:
    res = Result(["person", "title", "date"], [
        (Term("uri", "https://w3id.org/diplograph/id/person/bui-thanh-son"),
         Term.literal("Ủy viên Ban Chấp hành Trung ương Đảng, Bộ trưởng Bộ Ngoại giao"), Term.literal("2021-01-11"))
    ] * 3)
    out = format_table(res, max_width=0, width=width)
    lines = out.splitlines()
    assert all(display_width(l) <= width for l in lines), out
    natural = format_table(res, max_width=0).splitlines()[2]
    if display_width(natural) > width:
        assert "…" in lines[2] and len(lines) == len(res.rows) + 3  # the long title was cut, not wrapped
    else:
        assert lines[2] == natural
    assert lines[2].endswith("2021-01-11") or width < 60


def test_fit_widths_takes_from_the_widest_and_keeps_floors() -> None:
    assert fit_widths([10, 50, 10], 50) == [10, 24, 10]
    assert fit_widths([10, 50, 10], 0) == [10, 50, 10]
    assert fit_widths([10, 10], 5, [4, 4]) == [4, 4]  # never below the floor, even when it cannot fit


def test_cli_shows_article_file_names_and_fits_width() -> None:
    runner = CliRunner()
    res = runner.invoke(main, ["query", "people", "--graph", str(GRAPH), "--max-width", "0", "--width", "0"])
    assert res.exit_code == 0, res.output
    assert "000_3ced0a2d290664d0.txt" in res.output and "id:article/" not in res.output
    iris = runner.invoke(main, ["query", "people", "--graph", str(GRAPH), "--iris"])
    assert "id:article/" in iris.output and ".txt" not in iris.output
    narrow = runner.invoke(main, ["query", "people", "--graph", str(GRAPH), "--width", "70"])
    assert narrow.exit_code == 0 and all(display_width(l) <= 70 for l in narrow.output.splitlines())
    csv = runner.invoke(main, ["query", "people", "--graph", str(GRAPH), "--format", "csv"])
    assert "https://w3id.org/diplograph/id/article/" in csv.output  # machine formats keep the IRIs


def test_cli_escapes_hostile_values_of_a_graph_and_a_users_query(tmp_path: Path) -> None:
    def nt(v: str) -> str:
        return "".join(c if c.isprintable() and c not in '"\\' else f"\\u{ord(c):04X}" for c in v)

    lines = [f'<http://e/s{i}> <http://e/p> "{nt(v)}" .' for i, v in enumerate(HOSTILE)]
    graph = tmp_path / "hostile.nt"
    graph.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rq = tmp_path / "mine.rq"
    rq.write_text("# title: values \x1b[31m of p\nSELECT ?x WHERE { ?s <http://e/p> ?x } ORDER BY ?x\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["query", str(rq), "--graph", str(graph), "--max-width", "0"])
    assert res.exit_code == 0, res.output
    assert _unsafe(res.output) == [] and "\\x1b[2J" in res.output and "\\u202eevil.exe" in res.output
    assert f"({len(HOSTILE)} rows)" in res.output
    listed = CliRunner().invoke(main, ["queries", "--queries-dir", str(tmp_path)])
    assert "mine  —  values \\x1b[31m of p" in listed.output and _unsafe(listed.output) == []


def test_users_query_folder_by_option_or_environment(tmp_path: Path) -> None:
    (tmp_path / "count-people.rq").write_text(
        "# title: How many people\nPREFIX dg: <https://w3id.org/diplograph/ontology#>\n"
        "SELECT (COUNT(?p) AS ?n) WHERE { ?p a dg:Person }\n", encoding="utf-8")
    runner = CliRunner()
    by_option = runner.invoke(main, ["query", "count-people", "--graph", str(GRAPH), "--queries-dir", str(tmp_path)])
    assert by_option.exit_code == 0 and by_option.output.splitlines()[2].strip() == "2", by_option.output
    by_env = runner.invoke(main, ["query", "count-people", "--graph", str(GRAPH)], env={"DIPLOGRAPH_QUERIES": str(tmp_path)})
    assert by_env.exit_code == 0 and by_env.output.splitlines()[2].strip() == "2"
    listed = runner.invoke(main, ["queries"], env={"DIPLOGRAPH_QUERIES": str(tmp_path)})
    assert "count-people  —  How many people" in listed.output and "people  —" in listed.output  # canned ones too
    unknown = runner.invoke(main, ["query", "count-people", "--graph", str(GRAPH)])
    assert unknown.exit_code != 0 and "unknown query 'count-people'" in unknown.output


def test_default_width_is_the_terminals_and_unlimited_when_piped(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from diplograph import query_cli

    monkeypatch.setenv("COLUMNS", "72")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert query_cli._table_width(None) == 72
    assert query_cli._table_width(100) == 100
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False)
    assert query_cli._table_width(None) == 0
