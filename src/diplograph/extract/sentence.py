"""People and their posts: title chains before a name, titles after a comma or dash, group lists.

A person is an office holder only when a title stands next to the name somewhere in the article;
bare capitalised words are never enough (places, outlets and missiles look like names too).
"""
from __future__ import annotations

import re

from ..lexicon import Entry, Lexicon, fold
from ..rules import Example, rule
from ..tokens import (
    Token,
    is_vietnamese_syllable,
    tokenize,
)
from .drafts import Mention, TitleSpan
from .names import given_name_word, name_runs, run_candidate
from .prefilter import no_name_outside, quick_names
from .titles import counterpart_post, posts_after, posts_before, share_group_titles, title_ending_at

R_COMPOUND = rule(
    "post.refuse.compound",
    "A title word inside a compound (Đại sứ quán, chính quyền Tổng thống) is no post or qualifier.",
    [Example("Thăm đại sứ quán\nChủ tịch Quốc hội Trần Văn Bảo thăm Đại sứ Quán Việt Nam tại Pháp.",
             {"kind": "person", "name": "Quán Việt Nam"}, present=False)])


class SentenceAnalysis:
    """Token-level view of one sentence: titles, gazetteer spans, name runs."""

    def __init__(self, sentence: str, lex: Lexicon, defer: bool = False):
        """`defer`: leave the token-level analysis until something asks for it (see `__getattr__`)."""
        self.text = sentence
        self.lex = lex
        self.found = lex.find(sentence)  # gazetteer matches, kept for the article-level rules
        self.low = fold(sentence)  # shared with the meeting finders (extract.py)
        title_matches = list(lex.title_matcher().finditer(sentence, self.low))
        self.titled = bool(title_matches)  # a title stands in the sentence (posts can only come from one)
        self.title_matches = title_matches  # kept for the article-level rules (bare titles, coreference)
        self._quick: list[Token] | None = None
        if not self.found and not title_matches:
            self._quick = quick_names(sentence, lex)
            if self._quick is not None:
                # tokens are made on first use (see __getattr__), which for most such sentences is never
                self._empty()
                if self._quick and not is_vietnamese_syllable(self._quick[0].text):
                    self.name_tokens.add(0)
                return
        elif no_name_outside(sentence, self.found, title_matches, lex):
            # every capital stands in a title or a place/organization that `clean_run` strips: no name,
            # so no mention, whatever the titles (a title with no name makes no post)
            self._quick = []
            self._empty()
            return
        if defer:
            self._pending = title_matches
            return
        self._analyze(title_matches)

    def _empty(self) -> None:
        self.paren_abbr: set[int] = set()
        self.gaz: dict[int, tuple[int, Entry]] = {}  # token start index -> (token end exclusive, entry)
        self.gaz_cover: dict[int, Entry] = {}
        self.titles: list[TitleSpan] = []
        self.title_cover: dict[int, TitleSpan] = {}
        self.name_tokens: set[int] = set()
        self.candidates: list[tuple[int, int]] = []

    def _analyze(self, title_matches: list[re.Match]) -> None:
        """Tokens, gazetteer and title spans in tokens, and the name candidates."""
        self._empty()
        lex, sentence = self.lex, self.text
        self.toks = tokenize(sentence)
        # a parenthesised abbreviation may stand inside a post's complement: "đại sứ Mỹ tại Trung Quốc (TQ) Terry Branstad"
        toks = self.toks
        self.paren_abbr = {x for k in range(len(toks) - 2) if toks[k].text == "(" and toks[k + 2].text == ")"
                            and toks[k + 1].text.isupper() for x in (k, k + 1, k + 2)} if "(" in sentence else set()
        if self.found or title_matches:
            starts = {t.start: i for i, t in enumerate(self.toks)}
            ends = {t.end: i for i, t in enumerate(self.toks)}
        for s, e, entry in self.found:
            if s in starts and e in ends:
                i, j = starts[s], ends[e] + 1
                self.gaz[i] = (j, entry)
                for k in range(i, j):
                    self.gaz_cover[k] = entry
        for m in title_matches:
            if m.start() not in starts:
                continue
            i = starts[m.start()]
            j = i
            while j < len(self.toks) and self.toks[j].end <= m.end():
                j += 1
            head = lex.titles[m.group(0)]
            if i in self.gaz_cover and i not in self.gaz:
                continue  # "Chủ tịch nước" inside "Văn phòng Chủ tịch nước", "Quốc Vương" inside "Trung Quốc Vương Nghị"
            if j < len(self.toks) and ((self.toks[j].text.lower() == "quán" and head.label.lower().endswith(("sứ", "sự")))
                                       or (self.toks[j].text.lower() == "quốc" and head.label.lower().endswith("vương"))):
                continue  # R_COMPOUND: "Đại sứ Quán Việt Nam" is the embassy, "Tiểu vương quốc" an emirate
            span = TitleSpan(i, j, head.label, head.kind)
            self.titles.append(span)
            for k in range(i, j):
                self.title_cover[k] = span
        self.refused: list[tuple[int, int, str]] = []  # (start, end, rule id) of runs refused as names
        for a, b in name_runs(self):
            cleaned, why = run_candidate(self, a, b)
            if cleaned is None:
                if why is not None:
                    self.refused.append((self.toks[a].start, self.toks[given_name_word(self, a, b) - 1].end, why))
                continue
            a, b = cleaned
            self.candidates.append((a, b))
            if not (b - a == 1 and is_vietnamese_syllable(self.toks[a].text)):
                self.name_tokens.update(range(a, b))

    def title_ending_at(self, j: int) -> tuple[int, int, TitleSpan] | None:
        """The title ending at token j (`titles.title_ending_at`): the name rules read it through `names.TokenView`."""
        return title_ending_at(self, j)

    def __getattr__(self, name: str):
        # only called when normal lookup fails: the analysis of a deferred sentence, or `toks` of a
        # sentence that took the fast path
        pending = self.__dict__.pop("_pending", None)
        if pending is not None:
            self._analyze(pending)
            return getattr(self, name)
        if name == "toks":
            self.toks = tokenize(self.text)
            return self.toks
        raise AttributeError(name)

    # -------------------------------------------------------------- names


    # -------------------------------------------------------------- people
    def mentions(self) -> list[Mention]:
        if self._quick is not None:
            # a lone first word (see `_quick_names`): no title anywhere, so no post; a one-word short form
            return [Mention(name=t.text, start=t.start, end=t.end, tok_start=0, tok_end=1, short=True,
                            title_start=t.start, after_end=t.end) for t in self._quick]
        out: list[Mention] = []
        for i, j in self.candidates:
            name = self.text[self.toks[i].start:self.toks[j - 1].end]
            m = Mention(name=name, start=self.toks[i].start, end=self.toks[j - 1].end, tok_start=i, tok_end=j,
                        short=(j - i == 1))
            m.posts, chain_start, prefix_post = posts_before(self, i, j)
            after_end = posts_after(self, i, j, m.posts, prefix_post)
            m.title_start = chain_start if chain_start is not None else m.start
            m.after_end = after_end if after_end is not None else m.end
            if not m.posts and j - i > 1 and (cp := counterpart_post(self, i, out)) is not None:
                m.posts, m.title_start = [cp[0]], cp[1]  # R_COUNTERPART: "gặp người đồng cấp Nga X"
            out.append(m)
        share_group_titles(self, out)
        return out


def find_people(sentence: str, lex: Lexicon) -> list[Mention]:
    return SentenceAnalysis(sentence, lex).mentions()
