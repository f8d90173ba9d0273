"""Lexicons loaded from the RDF data files in `data/`: titles, organizations, places, agreements, names.

The files are Turtle so that the same IRIs serve as graph nodes (a country in the lexicon is the
country node in the built graph). They are compiled once per process into automata and regexes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterator, Sequence

import ahocorasick
from rdflib import Graph, Literal, Namespace
from rdflib.namespace import RDF, RDFS, SKOS

from .keys import slug as slug  # re-exported: `lexicon.slug` names the one slug of `keys`
from .paths import DATA_DIR

DG = Namespace("https://w3id.org/diplograph/ontology#")
LEX = Namespace("https://w3id.org/diplograph/lexicon#")
ID = Namespace("https://w3id.org/diplograph/id/")
SCHEMA = Namespace("https://schema.org/")


@dataclass(frozen=True)
class Entry:
    iri: str
    label_vi: str
    label_en: str | None
    kind: str  # country | place | org | outlet | agreement


@dataclass
class TitleHead:
    label: str
    label_en: str
    kind: str  # post | rank | royal | nopost
    case_sensitive: bool


@dataclass
class Lexicon:
    titles: dict[str, TitleHead] = field(default_factory=lambda: _SpellingDict())  # spelling_key(label) -> head
    title_re: "TitleMatcher | None" = None  # finditer / match / search like a compiled regex
    gazetteer: ahocorasick.Automaton | None = None  # surface form -> (surface, Entry)
    by_iri: dict[str, Entry] = field(default_factory=dict)
    by_label: dict[str, Entry] = field(default_factory=lambda: _SpellingDict())  # spelling_key(surface) -> Entry
    agreements: dict[str, Entry] = field(default_factory=dict)  # abbreviation -> Entry
    # the abbreviations in one automaton: a sentence without any of them needs no abbreviation search
    agreement_abbreviations: ahocorasick.Automaton | None = None
    agreement_names: dict[str, Entry] = field(default_factory=dict)  # casefolded vi name/variant -> Entry
    places_by_label: dict[str, Entry] = field(default_factory=lambda: _SpellingDict())  # spelling_key -> place/country
    surnames: frozenset[str] = frozenset()

    def title_matcher(self) -> "TitleMatcher":
        """The title heads' matcher (finditer / match / search like a compiled regex) of a loaded lexicon."""
        assert self.title_re is not None, "Lexicon.title_matcher needs a loaded lexicon"
        return self.title_re

    def find(self, text: str) -> list[tuple[int, int, Entry]]:
        """Gazetteer matches on word boundaries, longest first and non-overlapping."""
        found = []
        assert self.gazetteer is not None, "Lexicon.find needs a loaded lexicon"
        for end, (surface, entry) in self.gazetteer.iter(text):
            start = end - len(surface) + 1
            if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-"):
                continue
            if end + 1 < len(text) and (text[end + 1].isalnum() or text[end + 1] == "-" and end + 2 < len(text) and text[end + 2].isalnum()):
                continue
            found.append((start, end + 1, entry))
        found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
        out: list[tuple[int, int, Entry]] = []
        last = -1
        for m in found:
            if m[0] >= last:
                out.append(m)
                last = m[1]
        return out

    def lookup(self, text: str) -> Entry | None:
        return self.by_label.get(spelling_key(text))

    def place_entry(self, text: str) -> Entry | None:
        """The entry of a place as an article writes it, also with a state's prefix the lexicon leaves out
        ("Vương quốc Bỉ" is Bỉ); any kind of entry (the caller decides what a venue that is an org becomes)."""
        entry = self.lookup(text)
        if entry is None and (m := PLACE_PREFIX.match(text)):
            entry = self.lookup(text[m.end():])
        return entry


_WORD_AT_START = re.compile(r"(?<![\w-])\w+")
_WORD = re.compile(r"\w+")
try:  # characters the regex engine treats as equal ignoring case beyond str.lower() (ſ ~ s, K ~ k, …)
    from re._casefix import _EXTRA_CASES  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - older Pythons
    _EXTRA_CASES = {}
_FOLD = {k: min([k, *v]) for k, v in _EXTRA_CASES.items()}
_FOLD = {k: v for k, v in _FOLD.items() if k != v}
# str.translate on Vietnamese text looks every character up in the table: only call it when one of
# the rare characters to fold is there at all.
_FOLD_RE = re.compile("[" + "".join(re.escape(chr(k)) for k in sorted(_FOLD)) + "]") if _FOLD else None


def _fold(word: str) -> str | None:
    """The key two words share when the regex engine can match them ignoring case; None when
    str.lower() changes the length (then the key would not be safe and the full regex decides)."""
    low = word.lower()
    if len(low) != len(word):
        return None
    return low.translate(_FOLD) if _FOLD_RE is not None and _FOLD_RE.search(low) else low


# ----------------------------------------------------------------------------- spelling variants
# Vietnamese writes some syllables two ways: "sĩ"/"sỹ", "lý"/"lí" (i or y after a consonant) and
# "hòa"/"hoà", "ủy"/"uỷ" (old and new tone placement). Both are the same word: lexicon keys are folded
# to one form, and patterns and the gazetteer accept both. Each swap keeps the length, so offsets found
# on a folded text stand in the original.
_Y_TO_I = str.maketrans("yýỳỷỹỵ", "iíìỉĩị")
_TONE_MOVES = {  # new placement -> old placement (the folded form)
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uý": "úy", "uỳ": "ùy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_TONE_RE = re.compile("|".join(_TONE_MOVES) + "|" + "|".join(_TONE_MOVES.values()))
_I_AFTER_CONSONANT = re.compile(r"(?<=[bcdđghklmnpqrstvx])[iíìỉĩịyýỳỷỹỵ](?!\w)")
_SPACE_RUN = re.compile(r"\s+")


def spelling_key(text: str) -> str:
    """The key two spellings of one word or phrase share: case-folded, spaces collapsed, a final i/y
    after a consonant written as i, and the tone mark on the first vowel of oa/oe/uy ("Uỷ ban" and
    "Ủy ban", "Thượng nghị sỹ" and "Thượng nghị sĩ" have one key)."""
    low = _SPACE_RUN.sub(" ", text.strip()).casefold()
    low = _TONE_RE.sub(lambda m: _TONE_MOVES.get(m.group(0), m.group(0)), low)
    return _I_AFTER_CONSONANT.sub(lambda m: m.group(0).translate(_Y_TO_I), low)


_I_TO_Y = dict(zip("iíìỉĩị", "yýỳỷỹỵ", strict=True))
_OLD_TO_NEW = {v: k for k, v in _TONE_MOVES.items()}
_I_Y_SWAP = {**_I_TO_Y, **{v: k for k, v in _I_TO_Y.items()}}


def spelling_pattern(word: str) -> str:
    """A regex for one word that matches its spelling variants (see `spelling_key`)."""
    key = spelling_key(word)
    out = []
    i = 0
    while i < len(key):
        two = key[i:i + 2]
        if two in _OLD_TO_NEW:
            new = _OLD_TO_NEW[two]
            out.append(f"(?:{re.escape(two)}|{re.escape(new)})")
            i += 2
            continue
        c = key[i]
        if c in _I_TO_Y and i > 0 and key[i - 1] in "bcdđghklmnpqrstvx" and i == len(key) - 1:
            out.append(f"[{c}{_I_TO_Y[c]}]")
        else:
            out.append(re.escape(c))
        i += 1
    return "".join(out)


def spelling_variants(text: str, limit: int = 8) -> list[str]:
    """The other spellings of a phrase, as written with each variant swapped (at most `limit`)."""
    forms = {text}
    for m in _TONE_RE.finditer(text.lower()):
        two = text[m.start():m.end()]
        low = two.lower()
        alt = _TONE_MOVES.get(low) or _OLD_TO_NEW.get(low)
        if alt:
            alt = alt if two.islower() else alt[:1].upper() + alt[1:]
            forms |= {f[:m.start()] + alt + f[m.end():] for f in forms}
    for m in _I_AFTER_CONSONANT.finditer(text.lower()):
        c = text[m.start()]
        swap = _I_Y_SWAP.get(c.lower())
        if swap:
            swap = swap if c.islower() else swap.upper()
            forms |= {f[:m.start()] + swap + f[m.end():] for f in forms}
    forms.discard(text)
    return sorted(forms)[:limit]


# Words a state's name may open with in the text ("Vương quốc Bỉ", "Cộng hòa Pháp", "LB Nga"); the lexicon
# names it without them. `PLACE_PREFIX` strips one from the front, `PLACE_PREFIX_BEFORE` finds one just before
# a lexicon match (to keep the place as written).
_PLACE_PREFIX_WORDS = "Vương quốc|Cộng hòa|Cộng hoà|Liên bang|CHND|CHDCND|CHLB|LB"
PLACE_PREFIX = re.compile(r"(?:" + _PLACE_PREFIX_WORDS + r"|Nhà nước)\s+")
PLACE_PREFIX_BEFORE = re.compile(r"(?:" + _PLACE_PREFIX_WORDS + r")\s+$")


class _SpellingDict(dict):
    """A dict keyed by `spelling_key`: `d[text]` finds the entry whatever the spelling variant."""

    def __getitem__(self, key: str):
        return dict.__getitem__(self, spelling_key(key))

    def get(self, key, default=None):
        return dict.get(self, spelling_key(key), default)

    def __contains__(self, key) -> bool:
        return dict.__contains__(self, spelling_key(key))

    def __setitem__(self, key: str, value) -> None:
        dict.__setitem__(self, spelling_key(key), value)

    def setdefault(self, key, default=None):
        return dict.setdefault(self, spelling_key(key), default)


class TitleMatcher:
    r"""The title regex, matched by first word: same matches, a fraction of the time.

    The title lexicon is one alternation of ~150 heads, longest first, in `(?<![\w-])…(?![\w-])`.
    Python's regex engine tries every alternative at every character, which made title matching one of
    the largest costs of extraction. A title can only start where a word starts, and the word there
    must be the title's first word (words are separated by `\s+` and the title ends before any word
    character), equal up to case where the head is case-insensitive. So at each word start this tries
    only the alternatives whose first word folds to the same key, in their original order; skipped
    alternatives cannot match there, so the first match (and every match of `finditer`) is the one
    the full regex finds. Words whose lower case changes length go to the full regex. `regex` keeps
    the full pattern; a test checks both agree on every sentence of the samples.
    """

    def __init__(self, parts: list[str], heads: list[tuple[str, bool]]):
        self.regex = re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])")
        self.pattern = self.regex.pattern
        self._parts = parts
        index: dict[str, list[int]] = {}
        for i, (label, _) in enumerate(heads):
            first = _WORD.match(label)
            key = _fold(first.group(0)) if first else None
            if key is None or first is None:  # a head that does not start with a plain word: the full regex only
                raise ValueError(f"title head {label!r} cannot be indexed by its first word")
            keys = {key} | {k for v in spelling_variants(first.group(0)) if (k := _fold(v)) is not None}
            for k in sorted(keys):
                index.setdefault(k, []).append(i)
        self._buckets = {k: re.compile(r"(?:" + "|".join(parts[i] for i in idx) + r")(?![\w-])")
                         for k, idx in index.items()}
        # first words found in one pass over the folded sentence (C speed), then checked as whole words
        self._auto = ahocorasick.Automaton()
        for k in self._buckets:
            self._auto.add_word(k, k)
        self._auto.make_automaton()

    def finditer(self, text: str, low: str | None = None) -> Iterator[re.Match]:
        """`low`: `fold(text)` when the caller has it already (it may be None, then it is computed)."""
        low = low if low is not None else _fold(text)
        if low is None:  # lower-casing moves offsets: the full regex, unchanged
            yield from self.regex.finditer(text)
            return
        cands = []
        n = len(text)
        for end, key in self._auto.iter(low):
            start = end - len(key) + 1
            if start > 0:
                c = text[start - 1]
                if c.isalnum() or c in "_-":
                    continue
            if end + 1 < n:
                c = text[end + 1]
                if c.isalnum() or c == "_":
                    continue
            cands.append((start, key))
        cands.sort()
        pos = 0
        buckets = self._buckets
        for start, key in cands:
            if start < pos:
                continue
            m = buckets[key].match(text, start)
            if m:
                yield m
                pos = m.end()

    def search(self, text: str) -> re.Match | None:
        return next(self.finditer(text), None)

    def match(self, text: str, pos: int = 0) -> re.Match | None:
        """Like `regex.match`: a title starting at `pos`."""
        w = _WORD_AT_START.match(text, pos)
        key = _fold(w.group(0)) if w else None
        if key is None:
            return self.regex.match(text, pos)  # odd cases: the full pattern decides
        rx = self._buckets.get(key)
        return rx.match(text, pos) if rx is not None else None


class LiteralAnchored:
    """A case-insensitive regex whose every match starts with one of a few literal words, matched
    only where an Aho-Corasick pass over the folded text finds one of them.

    Python's regex engine tries a large alternation at every character; a sentence-long scan for the
    meeting kind words cost as much as tokenizing the sentence. `finditer` and `search` give the same
    matches as the regex's own (same leftmost-first order, no overlaps): the regex is still what
    decides at each candidate start, and a start without a literal cannot begin a match. Text whose
    lower case changes length falls back to the plain regex.
    """

    def __init__(self, regex: re.Pattern, literals: Sequence[str], required: Sequence[str] | None = None):
        """`literals`: every match starts with one; `required`: every match contains one (for `search`)."""
        self.regex = regex
        self._required = ahocorasick.Automaton()  # `search` runs the regex only when one of these occurs
        for lit in required or literals:
            key = _fold(lit) or lit
            self._required.add_word(key, key)
        self._required.make_automaton()
        self._auto = ahocorasick.Automaton()
        for lit in literals:
            folded = _fold(lit)
            if folded is None or not folded:
                raise ValueError(f"literal {lit!r} cannot be folded")
            self._auto.add_word(folded, len(folded))
        self._auto.make_automaton()

    def _starts(self, low: str) -> list[int]:
        found = [end - n + 1 for end, n in self._auto.iter(low)]
        return sorted(set(found)) if len(found) > 1 else found

    def finditer(self, text: str, low: str | None = None) -> Iterator[re.Match]:
        low = low if low is not None else _fold(text)
        if low is None:
            yield from self.regex.finditer(text)
            return
        pos = 0
        match = self.regex.match
        for start in self._starts(low):
            if start < pos:
                continue
            m = match(text, start)
            if m:
                yield m
                pos = max(m.end(), start + 1)

    def search(self, text: str, low: str | None = None) -> re.Match | None:
        """The first match: the plain regex, run only when one of the literals occurs at all."""
        low = low if low is not None else _fold(text)
        if low is not None and next(self._required.iter(low), None) is None:
            return None
        return self.regex.search(text)


fold = _fold  # public name: lower case as the regex engine compares ignoring case (None if offsets move)


def _labels(g: Graph, s) -> tuple[str, str | None, list[str]]:
    vi = en = None
    alts = []
    for p in (RDFS.label, SKOS.prefLabel, SCHEMA.name):
        for o in g.objects(s, p):
            if isinstance(o, Literal):
                if o.language == "vi" and vi is None:
                    vi = str(o)
                elif o.language == "en" and en is None:
                    en = str(o)
    for o in g.objects(s, SKOS.altLabel):
        alts.append(str(o))
    return vi or "", en, alts


def _load_titles(g: Graph, lex: Lexicon) -> None:
    """Title heads (posts, ranks, royal titles, words that are no post) and their matcher."""
    kinds = {LEX.Title: "post", LEX.Rank: "rank", LEX.RoyalTitle: "royal", LEX.NotAPost: "nopost"}
    for cls, kind in kinds.items():
        for s in g.subjects(RDF.type, cls):
            vi, en, _ = _labels(g, s)
            cs = (s, LEX.caseSensitive, Literal(True)) in g
            lex.titles[vi] = TitleHead(vi, en or vi, kind, cs)
    heads = sorted(lex.titles.values(), key=lambda h: -len(h.label))
    parts = []
    for h in heads:
        pat = r"\s+".join(spelling_pattern(w) if not h.case_sensitive else re.escape(w) for w in h.label.split())
        parts.append(pat if h.case_sensitive else "(?i:" + pat + ")")
    lex.title_re = TitleMatcher(parts, [(h.label, h.case_sensitive) for h in heads])


def _load_agreements(g: Graph, lex: Lexicon) -> None:
    """Agreements by IRI, abbreviation and casefolded name."""
    for s in sorted(g.subjects(RDF.type, DG.Agreement), key=str):
        vi, en, alts = _labels(g, s)
        abbr = str(g.value(s, DG.abbreviation) or "")
        en = str(g.value(s, DG.englishName) or en or "")
        entry = Entry(str(s), vi, en or None, "agreement")
        lex.by_iri[str(s)] = entry
        if abbr:
            lex.agreements[abbr] = entry
        for surface in [vi, *alts]:
            lex.agreement_names[surface.casefold()] = entry


@lru_cache(maxsize=1)
def load() -> Lexicon:
    lex = Lexicon()
    g = Graph()
    for name in ("titles", "places", "organizations", "agreements", "names"):
        g.parse(DATA_DIR / f"{name}.ttl", format="turtle")

    _load_titles(g, lex)
    auto = ahocorasick.Automaton()

    def add(surface: str, entry: Entry) -> None:
        for written in (surface, *spelling_variants(surface)):
            for form in {written, written[:1].upper() + written[1:]}:
                if form and form not in auto:
                    auto.add_word(form, (form, entry))
                lex.by_label.setdefault(form, entry)

    for cls, kind in ((DG.Country, "country"), (LEX.NewsOutlet, "outlet"), (DG.Organization, "org"), (DG.Place, "place")):
        for s in sorted(g.subjects(RDF.type, cls), key=str):  # IRIs: the order of their strings
            if str(s) in lex.by_iri:
                continue
            vi, en, alts = _labels(g, s)
            entry = Entry(str(s), vi, en, kind)
            lex.by_iri[str(s)] = entry
            for surface in [vi, *alts] + ([en] if en and kind in ("country", "outlet") else []):
                add(surface, entry)
                if kind in ("country", "place"):
                    lex.places_by_label.setdefault(surface, entry)
    _load_agreements(g, lex)
    auto.make_automaton()
    lex.gazetteer = auto
    abbrs = ahocorasick.Automaton()
    for abbr in lex.agreements:
        abbrs.add_word(abbr, abbr)
    if len(abbrs):
        abbrs.make_automaton()
    lex.agreement_abbreviations = abbrs
    lex.surnames = frozenset(str(o) for o in g.objects(LEX.names, LEX.vietnameseSurname))
    return lex


def place_key(text: str | None) -> str | None:
    """The lexicon's name of a place written otherwise ("Hoa Kỳ" -> "Mỹ"): what resolution compares."""
    if not text:
        return text
    entry = load().place_entry(text)
    return entry.label_vi if entry is not None and entry.kind in ("place", "country") else text
