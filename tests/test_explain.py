"""`diplograph explain`: every fact of one article with its rule and sentence (invented article)."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from diplograph import explain as ex
from diplograph import rules
from diplograph.cli import main
from diplograph.facts import ArticleFacts, Rejection
from diplograph.reader import fold_accents, read_file

ARTICLE = ("Hội đàm Việt Nam - Lào\n"
           "Ngày 3/4/2026, tại Hà Nội, Thứ trưởng Ngoại giao Lê Văn Ân đã hội đàm với Thứ trưởng Ngoại giao Lào "
           "Khamla Sithong. Hai bên đã ký Hiệp định Thương mại tự do Việt Nam - Israel (VIFTA).\n"
           "Thứ trưởng Lê Văn Ân nêu 2 trọng tâm cho năm 2026. Thứ nhất, đẩy mạnh hợp tác kinh tế. "
           "Thứ hai, tăng cường giao lưu nhân dân.\n")


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "hoi-dam.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_every_fact_names_a_rule_and_its_sentence(article):
    items = ex.explain(article)
    kinds = {e.kind for e in items}
    assert {"post", "meeting", "participant", "agreement", "priority"} <= kinds
    for e in items:
        assert e.kind in ex.KINDS
        assert e.text and e.sentence
        assert e.rule, e  # a fact without a rule of its own is attributed to its kind's fallback
        assert all(rules.get(r) is not None for r in e.rules)
        assert e.doc == " | ".join(rules.get(r).doc for r in e.rules)
        assert e.rule == ", ".join(e.rules)
        # the sentence is one of the article's own (the headline is one too)
        assert e.sentence in ARTICLE
    facts = ex._extract_explaining(read_file(article))
    if not any(p.rule for person in facts.people for p in person.posts):  # before the extractor names its rules
        assert {e.rule for e in items if e.kind != "rejected"} <= set(rules.FALLBACKS.values())
        assert {e.kind: e.rule for e in items if e.kind != "rejected"} == {
            "post": "post.unspecified", "meeting": "meeting.unspecified", "participant": "role.unspecified",
            "agreement": "agreement.unspecified", "priority": "priority.unspecified"}
    participants = [e for e in items if e.kind == "participant"]
    assert {(e.details["person"], e.details["meeting"]) for e in participants} >= {("Lê Văn Ân", "Hội đàm Việt Nam - Lào")}
    assert all(e.details["role"] in ("chair", "speaker", "attendee", "host") for e in participants)


def test_fact_filter_ignores_accents_and_case(article):
    items = ex.explain(article)
    got = ex.matching(items, "le van an")
    assert got and all("Lê Văn Ân" in e.text for e in got)
    assert {e.kind for e in got} >= {"post", "participant"}
    assert ex.matching(items, "VIFTA") == ex.matching(items, "vifta") != []
    assert ex.matching(items, "HỢP TÁC KINH TẾ") == ex.matching(items, "hop tac kinh te") != []
    assert ex.matching(items, "đ") == ex.matching(items, "D")
    assert ex.matching(items, "no such fact") == []
    assert ex.matching(items, None) == items


def test_cli_text_and_json(article):
    runner = CliRunner()
    out = runner.invoke(main, ["explain", str(article)])
    assert out.exit_code == 0, out.output
    assert "rule: post.unspecified" in out.output or "rule: post." in out.output
    assert "sentence: Ngày 3/4/2026" in out.output
    out = runner.invoke(main, ["explain", str(article), "--fact", "khamla", "--format", "json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert isinstance(data, list) and data
    for obj in data:
        assert {"kind", "text", "rule", "sentence", "doc"} <= obj.keys()
        assert all(isinstance(obj[k], str) for k in ("kind", "text", "rule", "sentence", "doc"))
        assert obj["rule"] and "khamla" in fold_accents(obj["text"])
    out = runner.invoke(main, ["explain", str(article), "--fact", "nobody at all"])
    assert out.exit_code == 1 and "no fact" in out.output


def test_cli_reports_an_unreadable_file(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    out = CliRunner().invoke(main, ["explain", str(bad)])
    assert out.exit_code != 0 and "Traceback" not in out.output


def test_rejections_are_printed_when_the_extractor_gives_them(article, monkeypatch):
    import diplograph.extract as extract_mod

    real = extract_mod.extract
    seen = {}

    def extract(article, lex=None, explain=False):
        seen["explain"] = explain
        facts = real(article, lex)
        facts.rejected = [Rejection("Tôn Đức Thắng", "name.eponym", "Bảo tàng Tôn Đức Thắng mở cửa.")]
        return facts

    monkeypatch.setattr(extract_mod, "extract", extract)
    items = ex.explain(article)
    assert seen == {"explain": True}
    [rej] = [e for e in items if e.kind == "rejected"]
    assert (rej.text, rej.rule, rej.sentence) == ("Tôn Đức Thắng", "name.eponym", "Bảo tàng Tôn Đức Thắng mở cửa.")


def test_an_extractor_without_explain_is_called_plainly(article, monkeypatch):
    import diplograph.extract as extract_mod

    real = extract_mod.extract
    monkeypatch.setattr(extract_mod, "extract", lambda article, lex=None: real(article, lex))
    assert [e for e in ex.explain(article) if e.kind == "rejected"] == []


def test_rejections_survive_the_fact_cache_format():
    f = ArticleFacts("a.txt", "h", "Tin", None, None, rejected=[Rejection("Quán Việt Nam", "name.x", "Câu.")])
    assert ArticleFacts.from_dict(f.to_dict()) == f
    d = f.to_dict()
    del d["rejected"]  # entries written before the field existed
    assert ArticleFacts.from_dict(d).rejected == []
