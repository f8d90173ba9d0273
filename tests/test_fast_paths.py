"""Shortcuts taken for speed must give exactly what the plain code gives.

The extractor skips tokenizing sentences that can hold no name and tokenizes with `findall`; these
tests run the plain way and the fast way over every sentence of the sample articles plus sentences
built to sit on the edges of the shortcut (a name as the first word, initials, particles, acronyms).
"""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplograph.extract import names, prefilter
from diplograph.extract import sentence as people
from diplograph.lexicon import load
from diplograph.reader import read_file, sentences
from diplograph.tokens import TOKEN_RE, Token, tokenize

ROOT = Path(__file__).resolve().parent.parent
EDGE = [
    "Putin cho biết ông sẽ tới thăm.",
    "Phúc nhấn mạnh điều đó.",
    "Trong khi đó, mọi việc vẫn bình thường.",
    "Hội nghị diễn ra trong hai ngày.",
    "Tập trung vào phát triển kinh tế.",
    "Quang cũng cho biết như vậy.",
    "các bên v.v. đều đồng ý.",
    "ông al-Assad nói.",
    "h.r. mcmaster phát biểu.",
    "“Chúng tôi sẽ hợp tác”, ông nói.",
    "NATO và EU họp.",
    "de Gaulle từng nói vậy.",
    "  Thủ tướng cho biết.",
    "",
    "...",
    "tiếp tục thúc đẩy hợp tác",
    "Kim ngạch tăng mạnh.",
    "Công an tỉnh vào cuộc.",
    "Y tế là ưu tiên.",
    "Công.ty nói.",
    "Lavrov (Nga) nói.",
    "NATO họp.",
    "Bà nói.",
    "Hùng cho biết thêm.",
    "XII khóa họp.",
    "Inc tăng.",
    "Ivanka cũng tới.",
    # a title or a gazetteer entry holds every capital (no name), or seems to but does not
    "Tại Hà Nội, Thủ tướng đã phát biểu.",
    "Bộ trưởng Bộ Ngoại giao cho biết Việt Nam sẵn sàng.",
    "Ông cho biết Việt Nam và Nhật Bản sẽ hợp tác.",
    "Thành phố Hồ Chí Minh phát triển mạnh.",
    "Hồ Chí Minh là lãnh tụ.",
    "Tổng thống Nga Putin cho biết.",
    "Thủ tướng Việt Nam Nguyễn Xuân Phúc tới Nhật Bản.",
    "Putin, Tổng thống Nga, nói.",
    "Đại sứ Việt Nam tại Mỹ de Việt Nam nói.",
    "Bộ trưởng v.v. Việt Nam.",
    "Bộ trưởng al-Assad tới Việt Nam.",
    "Văn phòng Chủ tịch nước Việt Nam thông báo.",
    "Việt Nam-Lào hợp tác, Thủ tướng nói.",
    "Việt Nam’s Thủ tướng nói.",
    "Trong chuyến thăm Nhật Bản, Chủ tịch nước gặp Thủ tướng.",
    "Công an Hà Nội cho biết.",
    "NATO và Liên minh châu Âu họp tại Brussels.",
    "“Chúng tôi hợp tác với Việt Nam”, Bộ trưởng nói.",
]


def _sample_sentences() -> list[str]:
    out = list(EDGE)
    for f in sorted((ROOT / "seeds").glob("*")):
        if f.suffix in (".txt", ".html", ".htm"):
            art = read_file(f)
            for p in art.paragraphs:
                out.extend(sentences(p))
    return out


def _view(an: people.SentenceAnalysis) -> list[tuple]:
    return [(m.name, m.start, m.end, m.short, m.title_start, m.after_end,
             [(p.title, p.position, p.organization, p.qualifier) for p in m.posts]) for m in an.mentions()]


def test_fast_path_gives_the_same_mentions_as_the_full_analysis(monkeypatch):
    lex = load()
    sents = _sample_sentences()
    fast = [(_view(a := people.SentenceAnalysis(s, lex)), a.toks, a.found) for s in sents]
    took_fast_path = sum(1 for s in sents if "toks" not in people.SentenceAnalysis(s, lex).__dict__)
    quick_names = sum(1 for s in sents if prefilter.quick_names(s, lex))
    spans_skipped = sum(1 for s in sents
                        if ((a := people.SentenceAnalysis(s, lex)).titled or a.found) and "toks" not in a.__dict__)
    monkeypatch.setattr(people, "quick_names", lambda sentence, lex: None)
    monkeypatch.setattr(people, "no_name_outside", lambda *args: False)
    full = [(_view(a := people.SentenceAnalysis(s, lex)), a.toks, a.found) for s in sents]
    assert fast == full
    assert took_fast_path >= 10  # the comparison covered sentences that really skipped the analysis
    assert quick_names >= 3  # and sentences whose first word is a short-form candidate
    assert spans_skipped >= 10  # and sentences whose capitals all stand in titles or gazetteer entries


@pytest.mark.parametrize("sentence,expected", [
    ("Putin cho biết ông sẽ tới thăm.", [Token("Putin", 0, 5)]),
    ("Kim ngạch tăng mạnh.", [Token("Kim", 0, 3)]),
    ("Công an tỉnh vào cuộc.", []),  # a field of government, not a short name
    ("Trong khi đó, mọi việc vẫn bình thường.", []),
    ("Ông nói vậy.", []),
    ("NATO họp.", []),  # an acronym is no name
    ("các bên v.v. đều đồng ý.", None),  # an initial: the full analysis decides
    ("ông al-Assad nói.", None),
    ("Phúc nói với Trump.", None),
])
def test_quick_names(sentence, expected):
    assert prefilter.quick_names(sentence, load()) == expected


def test_tokenize_equals_the_plain_finditer_definition():
    sents = _sample_sentences() + ["  lead spaces", "tab\tand\u00a0nbsp", "H.R. McMaster, I. Dodon", "a_b c–d 1.000,5"]
    for s in sents:
        plain = [Token(m.group(0), m.start(), m.end()) for m in TOKEN_RE.finditer(s)]
        assert tokenize(s) == plain, s


def test_literal_anchored_finders_match_like_their_regexes():
    from diplograph.extract import participation
    from diplograph.extract.meetings import words

    sents = _sample_sentences() + [
        "HỘI NGHỊ thượng đỉnh và Hội Nghị Cấp Cao; cuộc gặp gỡ, gặp mặt rồi tiếp tục tiếp đón và thăm.",
        "Sau Hội nghị, tại cuộc hội đàm và trong buổi làm việc, ông phát biểu; Bế mạc.",
        "gặp \u017fong phương với \u212aỳ họp",  # long s and Kelvin sign: equal to s and K ignoring case
        "İstanbul: hội đàm",  # lower case changes the length: the plain regex decides
        "tiếptiếp tiếp-tiếp _tiếp tiếp_",
    ]
    finders = [(words.KIND_FINDER, words.KIND_RE), (words.ANAPHORA_FINDER, words.ANAPHORA),
               (participation.ROLE_VERB_FINDER, participation.ROLE_VERB_FINDER.regex)]
    found = 0
    for finder, regex in finders:
        for s in sents:
            want = [(m.start(), m.end(), m.lastgroup) for m in regex.finditer(s)]
            assert [(m.start(), m.end(), m.lastgroup) for m in finder.finditer(s)] == want, s
            first = regex.search(s)
            got = finder.search(s, people.SentenceAnalysis(s, load()).low)
            assert (got and got.span()) == (first and first.span()), s
            found += len(want)
    assert found > 50


def _namey(an: people.SentenceAnalysis, i: int) -> bool:
    """The plain, token-by-token rule `name_runs` applies (its reference definition)."""
    return names.is_name_token(an, i)


def test_inlined_name_runs_agree_with_namey():
    lex = load()
    sents = _sample_sentences() + ["Ông Bashar al-Assad và Charles de Gaulle, H.R. McMaster, Kim Jong-un, 2017 Trump.",
                                   "Tổng thống Ludwig van Beethoven gặp ông van der Berg",
                                   "Chủ tịch Ủy ban châu Âu Ursula von der Leyen gặp Thủ tướng",
                                   "Tham gia đoàn có Phó Tổng Giám đốc TTXVN Đoàn Thị Tuyết Nhung và Đoàn đại biểu",
                                   "Phó Thủ tướng Hàn Quốc Choi Sang –Mok và ông Bae Hun – Giám đốc Trung tâm",
                                   "Đại tá Đỗ Văn Xuyền -Trưởng Công an huyện xác nhận"]
    checked = 0
    for s in sents:
        an = people.SentenceAnalysis(s, lex)
        toks = an.toks
        ref, i = [], 0
        while i < len(toks):
            if _namey(an, i):
                j = i
                while j < len(toks) and _namey(an, j):
                    j += 1
                ref.append((i, j))
                i = j
            else:
                i += 1
        assert names.name_runs(an) == ref, s
        checked += len(ref)
    assert checked > 30


def test_agreement_finder_matches_like_its_regex():
    from diplograph.extract import agreements as extract

    sents = _sample_sentences() + ["Hiệp định EVFTA, hiệp ước và Thoả thuận Paris; Tuyên bố chung, Nghị định thư.",
                                   "Hiệp địnhX không; công ước-Y", "HIỆP ĐỊNH in capitals is no trigger"]
    n = 0
    for s in sents:
        want = [m.span() for m in extract.AGREEMENT_RE.finditer(s)]
        assert [m.span() for m in extract.AGREEMENT_FINDER.finditer(s)] == want, s
        n += len(want)
    assert n >= 5


def test_article_without_titles_defers_its_sentences_and_finds_the_same_facts():
    """An article with no title anywhere has no person; its sentences are analysed only where a meeting
    word asks. The facts must equal those of analysing every sentence."""
    from diplograph.extract import build_context, run
    from diplograph.extract.context import Mentions
    from diplograph.reader import read_text

    text = ("Hội nghị về phát triển du lịch Đồng bằng sông Cửu Long\ndate 2017-05-04\n"
            "Sáng 4/5, tại Cần Thơ, Hội nghị về phát triển du lịch Đồng bằng sông Cửu Long đã diễn ra. "
            "Ông Nguyễn Văn A cho biết, Hiệp định EVFTA sẽ mở ra cơ hội. Cuộc gặp với Putin không diễn ra.\n"
            "Năm 2017, hai bên chủ trương tiếp tục đẩy mạnh hợp tác du lịch; mở rộng đường bay thẳng.")
    art = read_text(text, "t.txt")
    ctx = build_context(art)
    assert not ctx.titled and not ctx.mentions.eager
    lazy = run(ctx).to_dict()
    assert any("_pending" in an.__dict__ for an in ctx.analyses)  # some sentences were never analysed
    eager_ctx = build_context(art)
    eager_ctx.titled = True
    eager_ctx.mentions = Mentions(eager_ctx.analyses, eager=True)
    eager = run(eager_ctx).to_dict()
    assert lazy == eager
    assert lazy["agreements"] and lazy["priorities"] and not lazy["people"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["a", "H", "R", ".", " ", ",", "_", "1", "ab", "Đ", "\n", "v.v.", "²", "-"]),
                max_size=12).map("".join))
def test_initial_prefilter_agrees_with_the_pattern(text):
    assert prefilter.has_initial(text) == (prefilter.INITIAL_TOKEN.search(text) is not None)


def test_initial_prefilter_on_the_sample_sentences():
    sents = _sample_sentences()
    assert sum(prefilter.has_initial(s) for s in sents) >= 1
    for s in sents:
        assert prefilter.has_initial(s) == (prefilter.INITIAL_TOKEN.search(s) is not None), s


_FIRST_WORDS = ["Putin", "Trong", "Các", "Hội", "Ông", "Bà", "Công", "Y", "Kim", "NATO", "ASEAN", "XII", "Lê", "Nguyễn",
                "Trump", "Airways", "Mỹ", "Hà", "Đó", "Sau", "H", "Abe", "Macron", "Tập", "Bộ", "Ngoại", "Quỹ", "Inc",
                "Samdech", "Ngài", "Tiến", "Sheikh", "McMaster", "Obama"]
_TAILS = ["cho biết hai bên sẽ hợp tác.", "an sẽ tăng cường tuần tra.", "tế đã có nhiều tiến bộ.", "giao nhấn mạnh điều đó.",
          "ngạch tăng mạnh.", "đã phát biểu tại hội nghị.", "và các nước thảo luận."]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_FIRST_WORDS), st.sampled_from(_TAILS))
def test_quick_names_is_the_name_rules_on_the_first_word(first, tail):
    """A sentence whose only capital is its first word: the fast path (which calls `names.run_candidate` on
    that word) gives the mentions of the full analysis (tokens, name runs, the same rules)."""
    lex = load()
    sentence = f"{first} {tail}"
    fast = _view(people.SentenceAnalysis(sentence, lex))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(people, "quick_names", lambda s, lx: None)
        full = _view(people.SentenceAnalysis(sentence, lex))
    assert fast == full, sentence
