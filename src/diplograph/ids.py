"""Identity of what articles name: the keys that say two names are one thing, and the IRIs minted from them.

An IRI of a person, an organization or place that is not in the lexicon, a meeting or an agreement
named in text is ``<readable>-<digest>`` (`minted`; an agreement with an abbreviation of letters and
digits is ``agreement/<abbreviation in lower case>``, the lexicon's IRI; lexicon entries keep theirs):

* ``readable`` is the ASCII slug of the name (`slug`: tone marks and other accents dropped, ``đ`` as
  ``d``, lower case, other characters as ``-``), cut to `READABLE` characters: the part a person reads
  and types, never what tells two things apart;
* ``digest`` is the first `DIGEST` hex digits of the SHA-256 of the thing's identity key (UTF-8 of its
  NFC form): ``Nguyễn Văn An`` and ``Nguyễn Văn Ân`` share the slug ``nguyen-van-an`` and get two IRIs,
  and so do ``Путин`` and ``Лавров`` (slug ``x``) and two long names sharing their first 90 characters.

Why not IRIs with the Unicode name in them (``id/person/Nguyễn_Văn_An``, which Turtle allows)? Such an
IRI is one string of code points: the NFC and NFD forms of one name, or a Cyrillic ``а`` for a Latin
``a``, are different resources that look the same; the HTTP form of the IRI (its URI, percent-encoded,
as stores and browsers show it, ``Nguy%E1%BB%85n_V%C4%83n_An``) is a second spelling of it; and a
40-word name is a 400-character IRI. ASCII IRIs are identical as IRIs and URIs, in every store
(Oxigraph, Jena/Fuseki, GraphDB, Virtuoso), shell and URL bar, and as Turtle prefixed names; the
slug keeps them readable, the digest keeps them distinct. The digest depends on the key alone, so an
IRI is the same in every build, whatever else the articles say (a new article never renames a node).

Which names are one thing is decided by keys, each a named rule (docs/model.md, "Identity"):

* a person is its canonical name as resolution decides it (`resolve.person_keys`); spellings of one
  name are one person by the rule ``person.spelling`` (`person_spelling_key`): case, spaces,
  hyphens and dots (``Kim Jong-un`` and ``Kim Jong Un``), the old and new tone placement, and the
  accents of a name that is not written in Vietnamese (``Erdoğan``, ``Erdogan``); a rare name that
  differs from a far more reported one with the same post only by tone marks is a misspelling of it
  (``person.misspelling``, `same_person`);
* an organization or a place named in the text is its `name_key` (``entity.spelling``: case, spaces
  and punctuation, tone placement, as the lexicon looks names up);
* a meeting is a cluster of reports (resolution), and its IRI carries the fullest name and the date;
* an agreement is its abbreviation (case-insensitive) or, without one, the `name_key` of its name.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from typing import Iterable

from .keys import STRIP_COMBINING
from .keys import slug as slug  # the one slug (`keys.slug`), re-exported for the IRI code
from .lexicon import spelling_key

READABLE = 90  # characters of slug kept in an IRI
# hex digits of SHA-256: 40 bits. Only names sharing a slug can collide: n of them with p ~ n²/2⁴¹
# (under 1/20,000 for 10,000 names in a script without ASCII letters, whose slug is `x`)
DIGEST = 10


def digest(key: str) -> str:
    """The first `DIGEST` hex digits of the SHA-256 of the key's NFC form."""
    return hashlib.sha256(unicodedata.normalize("NFC", key).encode("utf-8", "surrogatepass")).hexdigest()[:DIGEST]


def minted(readable: str, key: str) -> str:
    """``<slug of readable, cut to READABLE>-<digest of key>``: an IRI's local part."""
    return f"{slug(readable)[:READABLE].rstrip('-') or 'x'}-{digest(key)}"


class _Words(dict):
    """str.translate table keeping letters, marks and digits and making every other character a space."""

    def __missing__(self, cp: int) -> int:
        v = self[cp] = cp if unicodedata.category(chr(cp))[0] in "LMN" else 0x20
        return v


_WORDS = _Words()


def name_key(text: str) -> str:
    """What two spellings of one name share: NFC, case-folded, every run of spaces and punctuation as
    one space, and `lexicon.spelling_key` (tone placement, a final i/y): ``Bộ Ngoại giao Mỹ`` and
    ``Bộ ngoại giao Mỹ``, ``Sở Xây dựng TP.HCM`` and ``Sở Xây dựng TP HCM``; never accents
    (``Ân`` is not ``An``)."""
    words = unicodedata.normalize("NFC", text).casefold().translate(_WORDS).split()
    return spelling_key(" ".join(words))


# letters found only in Vietnamese among the Latin-script languages of the news, in NFD (a base letter, then
# its marks in canonical order): ă (breve on a: ğ is Turkish), â ê ô (circumflex), ơ ư (horn), a vowel with
# the hook above or the dot below of the tones hỏi and nặng; and đ
_VIETNAMESE_LETTER = re.compile("[đĐ]|[aA][\u0300-\u036f]*\u0306|[aeoAEO][\u0300-\u036f]*\u0302"
                                "|[ouOU][\u0300-\u036f]*\u031b|[aeiouyAEIOUY][\u0300-\u036f]*[\u0309\u0323]")


def _vietnamese(name: str) -> bool:
    """Whether a name is written as Vietnamese: a Vietnamese-only letter, or a Vietnamese surname first."""
    if not name.isascii() and _VIETNAMESE_LETTER.search(unicodedata.normalize("NFD", name)):
        return True
    words = name.split()
    return bool(words) and spelling_key(words[0]) in _surname_keys()


@lru_cache(maxsize=1)
def _surname_keys() -> frozenset[str]:
    """The spelling keys of the lexicon's Vietnamese surnames (read on first use)."""
    from .lexicon import load

    return frozenset(spelling_key(s) for s in load().surnames)


def person_spelling_key(name: str) -> str:
    """The rule ``person.spelling``: names with one key are spellings of one name. The `name_key`;
    for a name not written as Vietnamese (no ă â ê ô ơ ư đ, hook or dot below, and not opening with a
    Vietnamese surname), also without accents: ``Bruno Rodríguez`` is ``Bruno Rodriguez``, while
    ``Nguyễn Văn Ân`` is not ``Nguyễn Văn An`` (a Vietnamese tone mark makes another name)."""
    return _spelling_of(name, name_key(name))


def _spelling_of(name: str, key: str) -> str:
    """`person_spelling_key` of a name whose `name_key` is known."""
    if key.isascii() or _vietnamese(name):
        return key
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", key).translate(STRIP_COMBINING))


def _bare(key: str) -> str:
    """A `name_key` without accents and marks, ``đ`` as ``d`` (see `accent_key`)."""
    if key.isascii():
        return key
    return unicodedata.normalize("NFD", key.replace("đ", "d")).translate(STRIP_COMBINING)


def spelling_representatives(names: Iterable[str], reports: dict[str, int] | None = None,
                             keys: dict[str, str] | None = None) -> dict[str, str]:
    """Each name -> the spelling that stands for its `person_spelling_key` group: the one reported in
    most articles (`reports`), then the one with most letters beyond ASCII (the accented form), then
    the fewest capitals (``al-Assad`` before ``Al-Assad``), then the first in code point order
    (`keys`: the names' `person_spelling_key` when known)."""
    reports = reports or {}
    groups: dict[str, list[str]] = {}
    for n in names:
        groups.setdefault(keys[n] if keys is not None else person_spelling_key(n), []).append(n)
    out: dict[str, str] = {}
    for group in groups.values():
        if len(group) == 1:
            out[group[0]] = group[0]
            continue
        rep = min(group, key=lambda n: (-reports.get(n, 0), -sum(not c.isascii() for c in n),
                                        sum(c.isupper() for c in n), n))
        for n in group:
            out[n] = rep
    return out


def accent_key(name: str) -> str:
    """`name_key` without any accent or mark and with ``đ`` as ``d`` (letters of other scripts kept):
    what a name and its misspelling by a tone mark share (rule ``person.misspelling``)."""
    return _bare(name_key(name))


def same_person(names: Iterable[str], positions: dict[str, set[str]], reports: dict[str, int],
                dominant: int) -> dict[str, str]:
    """Each name -> the name it is a spelling or a misspelling of (itself when none), by two rules:

    * ``person.spelling``: names with one `person_spelling_key` are one person, named by
      `spelling_representatives`;
    * ``person.misspelling``: a name that differs from another only by accents and marks
      (`accent_key`: ``Trấn Đại Quang``, ``Trần Đại Quang``) is a misspelling of it when they hold a
      post of the same title somewhere (`positions`) and the other is reported in at least `dominant`
      times as many articles (`reports`); among several, the most reported. Two people whose names
      differ by a tone mark (``Nguyễn Văn An``, ``Nguyễn Văn Ân``) stay two unless one is written in
      far more articles with the other's post."""
    keys = {n: name_key(n) for n in names}
    spelled = spelling_representatives(keys, reports, {n: _spelling_of(n, k) for n, k in keys.items()})
    pos: dict[str, set[str]] = {}
    rep: dict[str, int] = {}
    for n, r in spelled.items():
        pos.setdefault(r, set()).update(positions.get(n, ()))
        rep[r] = rep.get(r, 0) + reports.get(n, 0)
    by_accents: dict[str, list[str]] = {}
    for r in sorted(rep):
        by_accents.setdefault(_bare(keys[r]), []).append(r)
    target: dict[str, str] = {}
    for group in by_accents.values():
        if len(group) < 2:
            continue
        for n in group:
            cands = [c for c in group if c != n and pos[c] & pos[n] and rep[c] >= dominant * max(1, rep[n])]
            if cands:
                target[n] = min(cands, key=lambda c: (-rep[c], c))
    out: dict[str, str] = {}
    for n, r in spelled.items():
        while r in target:  # the most reported of a group is never a misspelling: this ends
            r = target[r]
        out[n] = r
    return out


def person_local(canonical: str) -> str:
    """``person/<this>``: the person's canonical name (resolution's), exactly as NFC."""
    return minted(canonical, canonical)


def entity_local(text: str) -> str:
    """``org/<this>`` or ``place/<this>``: an organization or place not in the lexicon, by `name_key`."""
    return minted(text, name_key(text))


_ABBREVIATION = re.compile(r"[a-z0-9]+\Z")


def agreement_local(abbreviation: str | None, name: str | None) -> str:
    """``agreement/<this>``: an abbreviation of ASCII letters and digits as it is, in lower case (the
    lexicon's IRIs: ``agreement/evfta``); another abbreviation, or a name, as `minted` (the key
    tagged, so no name and abbreviation ever share an IRI)."""
    if abbreviation:
        low = unicodedata.normalize("NFC", abbreviation).casefold()
        if _ABBREVIATION.match(low):
            return low
        return minted(abbreviation, "abbreviation\x1f" + low)
    return minted(name or "", "name\x1f" + name_key(name or ""))


def meeting_local(readable: str, kind: str, name: str, date: str | None) -> str:
    """``meeting/<this>``: the slug of kind and fullest name (`readable`, precomputed per report), the
    date, and the digest of kind, name and date. Two meetings resolution keeps apart with the same
    kind, name and date are numbered by the caller (``-2``, ``-3``, in order of first report)."""
    head = readable[:READABLE].rstrip("-") or "x"
    if date:
        return f"{head}-{date}-{digest(chr(0x1f).join((kind, name, date)))}"
    return f"{head}-{digest(chr(0x1f).join((kind, name)))}"
