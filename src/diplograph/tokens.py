"""Tokens with character offsets, and the word classes the extraction rules share."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .wordclasses import word_set

TOKEN_RE = re.compile(r"(?:[^\W\d_]\.){1,3}(?=[\s,]|$)|\w+(?:[-–'’.]\w+)*|[^\w\s]")


class Token(NamedTuple):
    """A token and its character offsets. A named tuple rather than a frozen dataclass: sentences are
    tokenized once per article build and a frozen dataclass's __init__ was a visible share of it."""

    text: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def is_cap(self) -> bool:
        return self.text[0].isupper()


# The same tokens, each followed by the spaces after it: `findall` gives strings (no match objects),
# and the offsets follow from the lengths. A third faster than `finditer` with `group`/`start`/`end`.
_TOKEN_SPACE_RE = re.compile(r"(" + TOKEN_RE.pattern + r")(\s*)")


def tokenize(text: str) -> list[Token]:
    new = tuple.__new__
    out: list[Token] = []
    append = out.append
    pos = len(text) - len(text.lstrip())
    for word, space in _TOKEN_SPACE_RE.findall(text, pos):
        end = pos + len(word)
        append(new(Token, (word, pos, end)))
        pos = end + len(space)
    return out


# Honorifics dropped before a name (never part of it).
HONORIFICS = word_set("honorifics")  # data/word_classes.ttl
# Capitalised words that open a clause; they never belong to a personal name.
CAP_STOP = word_set("clause-openers")  # data/word_classes.ttl
# Capitalised function words that never stand inside a personal name: a run of capitals stops there.
STRICT_STOP = word_set("name-breakers")  # data/word_classes.ttl
# Lowercase words that may stand inside a title's complement although they follow another lowercase word.
TITLE_INNER = word_set("title-inner-words")  # data/word_classes.ttl
# Function words that end a complement even right after a capitalised word.
STRONG_BREAKERS = word_set("strong-breakers")  # data/word_classes.ttl
# Words allowed inside a complement even though they also end clauses elsewhere.
INNER_LINKS = word_set("inner-links")  # data/word_classes.ttl
# Lowercase words that always end a title complement (verbs, tense and linking words).
BREAKERS = word_set("complement-breakers")  # data/word_classes.ttl


_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnprstvx])?"
    r"[aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]{1,3}"
    r"(?:ng|nh|ch|[cmnpt])?")
_INITIAL = re.compile(r"(?:[^\W\d_]\.){1,3}")


@lru_cache(maxsize=1 << 16)
def is_vietnamese_syllable(word: str) -> bool:
    """A capitalised single Vietnamese syllable (no hyphen, no foreign letters, plausible shape).

    Cached: the same few thousand words are asked about over and over in a build."""
    if not word or "-" in word or "." in word or not word.isalpha():
        return False
    low = word.lower()
    if any(c in "fjwz" for c in low):
        return False
    if len(low) > 7:
        return False
    return _SYLLABLE.fullmatch(low) is not None


def is_initial(word: str) -> bool:
    return "." in word and _INITIAL.fullmatch(word) is not None


ROMAN = re.compile(r"^(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)$")
NAME_PARTICLES = word_set("name-particles")  # data/word_classes.ttl
