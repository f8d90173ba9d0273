"""Normalized keys of names, shared by extraction, resolution and the mapper (one definition each).

`slug` is the stable ASCII part of minted IRIs; `norm` the comparison form of a name; `initial_match`
says an initialled name is a full one ('I. Dodon' is 'Igor Dodon'); `ordinals` the numbers that tell
one meeting of a series from another.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_WORDS = re.compile(r"\w+")


def norm(text: str) -> str:
    """NFC, case-folded, words joined by one space (punctuation dropped)."""
    text = unicodedata.normalize("NFC", text or "").casefold()
    return " ".join(_WORDS.findall(text))


@lru_cache(maxsize=200_000)
def norm_cached(text: str) -> str:
    return norm(text)


def initial_match(short: str, full: str) -> bool:
    """'I. Dodon' is 'Igor Dodon'; 'H.R. McMaster' is 'Herbert Raymond McMaster'."""
    s, f = short.split(), full.split()
    if len(s) < 2 or s[-1] != f[-1] or not re.fullmatch(r"(?:\w\.)+", s[0]):
        return False
    initials = [c for c in s[0] if c != "."]
    return len(f) - 1 >= 1 and all(i.casefold() == w[0].casefold() for i, w in zip(initials, f[:-1], strict=False))


_ORDINAL_WORDS = {"nhất": "1", "hai": "2", "ba": "3", "tư": "4", "năm": "5", "sáu": "6", "bảy": "7", "tám": "8",
                  "chín": "9", "mười": "10"}


def ordinals(name: str) -> set[str]:
    """Numbers that tell one meeting of a series from another: digits, and words after 'thứ' ('lần thứ hai')."""
    low = name.lower()
    nums = set(re.findall(r"\d+", low))
    nums |= {_ORDINAL_WORDS[w] for w in re.findall(r"thứ (\w+)", low) if w in _ORDINAL_WORDS}
    return nums


class _Combining(dict):
    """str.translate table deleting combining characters, filled on first sight of each character."""

    def __missing__(self, cp: int) -> int | None:
        v = self[cp] = None if unicodedata.combining(chr(cp)) else cp
        return v


STRIP_COMBINING = _Combining()  # str.translate table: combining marks deleted (shared with `ids`)
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """ASCII slug of a Vietnamese label, the stable part of minted IRIs ('đ' is 'd', marks dropped).
    The combining marks are deleted by str.translate (several times faster than a per-character test)."""
    text = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    if not text.isascii():
        text = text.translate(STRIP_COMBINING)
    return _NOT_SLUG.sub("-", text.lower()).strip("-") or "x"
