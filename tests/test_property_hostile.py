"""Property-based tests (hypothesis): arbitrary Unicode never crashes the reader or the extractor
(ArticleError is the only allowed exception), and the Turtle written always parses back, in rdflib and
in pyoxigraph, to a graph isomorphic to the one built. Examples are bounded so the suite stays fast.
"""
from __future__ import annotations

import unicodedata

import pyoxigraph
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rdflib import Graph
from rdflib.compare import isomorphic

from diplograph.build import serialize_turtle
from diplograph.extract import extract
from diplograph.facts import ArticleFacts
from diplograph.mapper import to_graph
from diplograph.reader import ArticleError, decode, normalize, read_text, sentences

BOUNDED = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Vietnamese article vocabulary mixed with anything: pure random text rarely looks like a fact, so the
# generated articles splice titles, names, meeting words, dates and agreements between arbitrary text.
WORDS = ["Bộ trưởng", "Thủ tướng", "Ngoại giao", "Bùi Thanh Sơn", "Phạm Minh Chính", "Shinzo Abe", "hội nghị",
         "Hội nghị Ngoại giao lần thứ 32", "hội đàm với", "chủ trì", "phát biểu", "dự", "ngày 13/12/2021", "tại Hà Nội",
         "Bộ Ngoại giao tổ chức", "Hiệp định EVFTA", "ký kết", "phê chuẩn", "năm 2022", "chủ đề năm 2022:", "“",
         "”", "\"", ".", ",", ";", ":", "\n", "\n\n", "(Ảnh: Lâm Khánh/TTXVN)", "Theo TTXVN", "ông", "bà", "Đại sứ",
         "https://example.vn/a.html", " date 2021-12 ", "đề nghị", "tập trung", "Thứ nhất,", "thăm chính thức Nhật Bản",
         "Bộ trưởng Ngoại giao Bùi Thanh Sơn chủ trì hội nghị", "Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Nhật Bản",
         "Ngày 13/12/2021, Bộ Ngoại giao tổ chức Hội nghị Ngoại giao lần thứ 32 tại Hà Nội.",
         "Phó Thủ tướng, Bộ trưởng Phạm Bình Minh phát biểu chỉ đạo", "Hai bên ký kết Hiệp định"]
HOSTILE = ['"""', "'''", "\\", ">", "<", "{", "}", "#", "@prefix", "^^", "\x00", "\r", "\u2028", "\ufeff", "\u200b",
           "\u00d0", "\ud800", "\U0010ffff", "\u0301", "<script>", "]]>", "\\u0022", "%", "$", "`"]
TOKENS = st.one_of(st.sampled_from(WORDS), st.sampled_from(HOSTILE), st.text(max_size=12))
ARTICLE = st.lists(TOKENS, max_size=60).map(" ".join)


def _read_or_none(text: str):
    try:
        return read_text(text, "prop.txt")
    except ArticleError:
        return None


@BOUNDED
@given(st.text(max_size=400))
@example("\r\r\r")
@example("\ufeff\u200b \u00a0")
@example("Ð" * 3)
@example("\ud800\udfff")
def test_reader_never_crashes_on_any_unicode(text: str) -> None:
    article = _read_or_none(text)
    if article is not None:
        assert article.paragraphs and all(p.strip() for p in article.paragraphs)
        assert all("\n" not in p and "\r" not in p for p in article.paragraphs)
        for p in article.paragraphs:
            assert unicodedata.is_normalized("NFC", p)
            assert "".join(s.replace(" ", "") for s in sentences(p)) == p.replace(" ", "")  # nothing lost


@BOUNDED
@given(st.binary(max_size=600))
@example(b"\xff\xfe")
@example(b"\xfe\xff\x00")
@example(b"\xef\xbb\xbf")
@example(b"\x00" * 10)
def test_decoder_never_crashes_on_any_bytes(data: bytes) -> None:
    try:
        text = decode(data, "prop.txt")
    except ArticleError as exc:
        assert str(exc).startswith("prop.txt: ")
        return
    assert isinstance(text, str)
    _read_or_none(text)


@BOUNDED
@given(ARTICLE)
def test_extractor_never_crashes_on_generated_articles(text: str) -> None:
    article = _read_or_none(text)
    if article is None:
        return
    facts = extract(article)
    assert ArticleFacts.from_dict(facts.to_dict()) == facts


@BOUNDED
@given(st.text(max_size=300))
def test_extractor_never_crashes_on_any_unicode(text: str) -> None:
    article = _read_or_none(text)
    if article is not None:
        extract(article)


def _roundtrip(facts: list[ArticleFacts]) -> None:
    graph = to_graph(facts)
    data = serialize_turtle(graph)
    back = Graph().parse(data=data, format="turtle")
    assert isomorphic(back, graph)
    store = pyoxigraph.Store()
    store.load(data, format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(graph)
    nt = store.dump(format=pyoxigraph.RdfFormat.N_TRIPLES, from_graph=pyoxigraph.DefaultGraph())
    assert isomorphic(Graph().parse(data=nt.decode("utf-8"), format="nt"), graph)  # what pyoxigraph read
    assert serialize_turtle(back) == data  # the writer is canonical: same graph, same bytes


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ARTICLE, min_size=1, max_size=3))
def test_turtle_of_generated_articles_parses_back_isomorphic(texts: list[str]) -> None:
    facts = []
    for i, text in enumerate(texts):
        article = _read_or_none(text)
        if article is not None:
            article.source = f"{i:03d}_prop {text[:5]!r}.txt"
            facts.append(extract(article))
    if facts:
        _roundtrip(facts)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.text(min_size=1, max_size=40), evidence=st.text(max_size=80), headline=st.text(min_size=1, max_size=40),
       url=st.text(max_size=30), credit=st.text(max_size=20))
def test_turtle_of_arbitrary_fact_strings_parses_back_isomorphic(name: str, evidence: str, headline: str, url: str,
                                                                  credit: str) -> None:
    """Facts straight into the mapper, with strings the reader would have cleaned: the writer alone must cope."""
    clean = [normalize(x) for x in (name, evidence, headline, url, credit)]
    name, evidence, headline, url, credit = clean
    if not name.strip() or not headline.strip():
        return
    d = {"source": f"{headline[:10]}.txt", "content_hash": "ab" * 32, "headline": headline, "url": url or None,
         "date": "2021-12-13", "credits": [credit] if credit else [],
         "people": [{"name": name, "posts": [{"title": f"Bộ trưởng {evidence[:10]}", "position": "Bộ trưởng",
                                              "organization": evidence[:15] or None, "qualifier": None,
                                              "evidence": evidence}], "aliases": []}],
         "meetings": [{"key": "m0", "name": f"Hội nghị {name}", "kind": "Conference", "kind_word": "hội nghị",
                       "date": "2021-12-13", "place": evidence[:8] or None, "organizer": headline[:12],
                       "status": "held", "format": None, "part_of": None,
                       "participants": [{"name": name, "role": "chair", "evidence": evidence}],
                       "variants": [headline], "theme": None, "evidence": evidence}],
         "agreements": [{"name": f"Hiệp định {name}", "abbreviation": None, "action": "ký kết", "action_type": "Signed",
                         "tense": "done", "evidence": evidence}],
         "priorities": [{"text": evidence or name, "year": 2022, "set_by": name, "meeting": "m0", "kind": "task",
                         "evidence": evidence}],
         "organizations": []}
    _roundtrip([ArticleFacts.from_dict(d)])


# Invisible marks: Unicode's format characters (Cf) and the variation selectors, mixed in anywhere.
INVISIBLE = sorted({chr(cp) for cp in range(0x110000) if unicodedata.category(chr(cp)) == "Cf"}
                   | {chr(cp) for cp in (0x034F, *range(0x180B, 0x1810), *range(0xFE00, 0xFE10), *range(0xE0100, 0xE01F0))})
CLEAN_ARTICLE = st.lists(st.sampled_from(WORDS), min_size=1, max_size=40).map(" ".join)


def _facts_or_error(text: str):
    try:
        d = extract(read_text(text, "prop.txt")).to_dict()
    except ArticleError as exc:
        return ("error", str(exc))
    return d


@BOUNDED
@given(CLEAN_ARTICLE, st.lists(st.tuples(st.integers(min_value=0), st.sampled_from(INVISIBLE)), min_size=1, max_size=30))
@example("Phó Thủ tướng, Bộ trưởng Phạm Bình Minh phát biểu chỉ đạo", [(i, m) for i, m in enumerate("\u200e\u200f\u2063\u034f\ufe0f\u2066")])
def test_invisible_marks_anywhere_give_the_facts_of_the_clean_text(text: str, inserts: list[tuple[int, str]]) -> None:
    dirty = text
    for pos, mark in inserts:
        at = pos % (len(dirty) + 1)
        dirty = dirty[:at] + mark + dirty[at:]
    assert _facts_or_error(dirty) == _facts_or_error(text)


def test_every_invisible_mark_is_dropped_by_normalize() -> None:
    assert normalize("Phạm B" + "".join(INVISIBLE) + "ình Minh") == "Phạm Bình Minh"
