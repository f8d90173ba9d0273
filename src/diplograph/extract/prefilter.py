"""Fast paths: can this sentence hold a name at all? Answered with the name rules themselves
(`names`), never a copy of them."""
from __future__ import annotations

import re
from typing import Any

from ..lexicon import Entry, Lexicon
from ..tokens import NAME_PARTICLES, TOKEN_RE, Token
from .names import ARABIC_ARTICLE, clean_run, is_name_token, run_candidate

# An initial ("v.v.", "H.R.") as the tokenizer finds it; it can never follow a word character.
INITIAL_TOKEN = re.compile(r"(?<!\w)(?:[^\W\d_]\.){1,3}(?=[\s,]|$)")

def has_initial(text: str) -> bool:
    """`INITIAL_TOKEN.search(text)`, asked only where a dot follows a one-letter word.

    The pattern opens with a look-behind, so the engine tries it at every character; almost every
    sentence has a dot, but after a word of several letters, which no initial is (tested in
    tests/test_fast_paths.py)."""
    at = text.find(".", 1)
    while at > 0:
        if text[at - 1].isalnum() and (at == 1 or not (text[at - 2].isalnum() or text[at - 2] == "_")):
            return INITIAL_TOKEN.search(text) is not None
        at = text.find(".", at + 1)
    return False

_SPACES = re.compile(r"\s*")

def after_spaces(text: str, pos: int = 0) -> int:
    """Where the spaces at `pos` end."""
    m = _SPACES.match(text, pos)
    return m.end() if m is not None else pos

class RunView:
    """The first words of a sentence, alone: what the name rules read when no gazetteer entry and no title
    stands in them (the `names.TokenView` of a sentence the fast paths do not tokenize). Made for most
    sentences of an article, so it is a slotted object whose empty spans are shared (never written)."""

    __slots__ = ("toks", "lex")
    gaz: dict[int, tuple[int, Entry]] = {}
    gaz_cover: dict[int, Entry] = {}
    title_cover: dict[int, Any] = {}

    def __init__(self, toks: list[Token], lex: Lexicon):
        self.toks = toks
        self.lex = lex

    def title_ending_at(self, j: int) -> None:
        return None


def opens_name(first: Token, lex: Lexicon) -> bool:
    """Can the first word of a sentence start a name (`names.is_name_token`) that `names.clean_run` keeps?"""
    view = RunView([first], lex)
    return is_name_token(view, 0) and clean_run(view, 0, 1)[0] is not None


def quick_names(sentence: str, lex: Lexicon) -> list[Token] | None:
    """The name candidates of a sentence found without tokenizing it, or None when it must be tokenized.

    Called only when no title and no gazetteer entry was found. A token can start a name only if it
    has a capital, is an initial, or is a particle standing between capitals (`names.name_runs`). With no
    capital after the first word and no initial, only the first word can be one, alone: the name rules
    (`names.run_candidate`: `clean_run`, `valid_name`, the field-of-government test) decide on it and the
    word after it, as the full analysis does ("Putin cho biết …" is a one-word short form, "Trong …" none;
    tests/test_fast_paths.py compares both ways on every sample sentence). Most sentences of an article
    pass this test, and tokenizing them was a third of extraction time.
    """
    pos = after_spaces(sentence)
    m = TOKEN_RE.match(sentence, pos)
    if m is None:
        return []
    rest = sentence[m.end():]
    # str.islower() (C speed) is False when any character is upper case; only then look closer
    if (not rest.islower() and any(map(str.isupper, rest))) or has_initial(rest):
        return None
    first = m.group(0)
    if (first.islower() or not any(map(str.isupper, first))) and "." not in first:
        return []  # no capital anywhere: no name
    if not first.isalpha():
        return None  # an initial, a hyphenated or dotted word: the full analysis decides
    toks = [Token(first, m.start(), m.end())]
    view = RunView(toks, lex)
    if not is_name_token(view, 0):
        return []
    nxt = TOKEN_RE.match(sentence, after_spaces(sentence, m.end()))  # the field-of-government test reads it
    if nxt is not None:
        toks.append(Token(nxt.group(0), nxt.start(), nxt.end()))
    return toks[:1] if run_candidate(view, 0, 1)[0] is not None else []


_PARTICLE_WORD = re.compile(r"(?<![\w-])(?:" + "|".join(sorted(NAME_PARTICLES)) + r")(?![\w-])")

_JOINERS = "-–'’."

def _token_edge(text: str, start: int, end: int) -> bool:
    """Do `start` and `end` fall on token boundaries (`TOKEN_RE` joins words with - – ' ’ .)?"""
    if start > 0:
        before = text[start - 1]
        if before.isalnum() or before == "_" or (before in _JOINERS and start > 1 and
                                                 (text[start - 2].isalnum() or text[start - 2] == "_")):
            return False
    if end < len(text):
        after = text[end]
        if after.isalnum() or after == "_" or (after in _JOINERS and end + 1 < len(text) and
                                               (text[end + 1].isalnum() or text[end + 1] == "_")):
            return False
    return True

def _spans(sentence: str, found: list[tuple[int, int, Entry]], title_matches: list[re.Match],
           surnames: frozenset[str]) -> list[tuple[int, int]] | None:
    """The gazetteer and title spans of a sentence, sorted; None when one is off the token boundaries, is a
    place written like a Vietnamese full name ("Hồ Chí Minh", kept as a name by `clean_run`), or is a title
    inside a gazetteer entry (dropped by the analysis)."""
    spans: list[tuple[int, int]] = []
    for s, e, entry in found:
        if not _token_edge(sentence, s, e):
            return None
        if entry.kind == "place":
            words = sentence[s:e].split()
            if len(words) >= 3 and words[0] in surnames:
                return None
        spans.append((s, e))
    for m in title_matches:
        s, e = m.span()
        if not _token_edge(sentence, s, e) or any(gs < s < ge for gs, ge, _ in found):
            return None
        spans.append((s, e))
    return sorted(spans)


def no_name_outside(sentence: str, found: list[tuple[int, int, Entry]], title_matches: list[re.Match],
                    lex: Lexicon) -> bool:
    """True when the full analysis of a sentence with titles or gazetteer entries would find no name.

    A name needs a capitalised word, an initial, an Arabic article or a particle outside the titles
    (`name_runs`). Capitals inside a gazetteer entry are stripped off the front of their run by
    `clean_run`, except a place written like a Vietnamese full name ("Hồ Chí Minh"), which this test
    leaves to the full analysis. The first word of the sentence may stand outside every span when
    `clean_run` strips it too (a clause word or an honorific) or it cannot be in a run at all. Any
    doubt (a span off the token boundaries, a title inside a gazetteer entry, another capital) answers
    False. Two thirds of the sentences that carry a title or a place hold no name; tokenizing them was
    a fifth of extraction time (tests/test_fast_paths.py compares both ways).
    """
    if has_initial(sentence) or ("-" in sentence and ARABIC_ARTICLE.search(sentence)):
        return False
    spans = _spans(sentence, found, title_matches, lex.surnames)
    if spans is None:
        return False
    pieces: list[str] = []
    pos = 0
    for s, e in spans:
        if s > pos:
            pieces.append(sentence[pos:s])
        if e > pos:
            pos = e
    pieces.append(sentence[pos:])
    lead = after_spaces(sentence)
    outside = "\x00".join(pieces)
    if spans[0][0] > lead:  # the first word stands outside every span
        fm = TOKEN_RE.match(sentence, lead)
        if fm is None:
            return False  # no token there: the full analysis decides
        if fm.group(0).isalpha() and opens_name(Token(fm.group(0), fm.start(), fm.end()), lex):
            return False  # a word that can start a name
        outside = outside[fm.end():]
    if not outside.islower() and any(map(str.isupper, outside)):
        return False
    return not _PARTICLE_WORD.search(outside)
