"""People across articles: one canonical name per person."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from ..keys import initial_match, norm

_INITIALS = re.compile(r"(?:\w\.)+ ")

# How many times more articles the full name a lone surname goes to must have than the next candidate.
DOMINANT = 5


def _narrow(name: str, cands: list[str], positions: dict[str, set[str]], reports: dict[str, int]) -> list[str]:
    """Full names a short form may stand for: those holding one of its posts, then the dominant one."""
    if len(cands) > 1 and (mine := positions.get(name)):
        cands = [c for c in cands if positions.get(c, set()) & mine]
        if len(cands) > 1:
            ranked = sorted(cands, key=lambda c: (-reports.get(c, 0), c))
            if reports.get(ranked[0], 0) >= DOMINANT * max(1, reports.get(ranked[1], 0)):
                cands = ranked[:1]
    return cands


@lru_cache(maxsize=100_000)
def name_words(name: str) -> frozenset[str]:
    # norm(" ".join(names)).split() is the union of each name's words: \w+ runs never cross the spaces
    return frozenset(norm(name).split())


def person_keys(names: Iterable[str], positions: dict[str, set[str]] | None = None,
                reports: dict[str, int] | None = None) -> dict[str, str]:
    """Canonical name of every name: exact names, then initials and lone surnames to the one full name.

    A surname alone that several full names end with ("Tổng thống Trump": Donald, Ivanka, Donald J.
    Trump) goes to the one of them that holds the same post somewhere (`positions`: title heads by
    name), and among several such, to one reported in at least DOMINANT times as many articles as the
    next (`reports`: articles by name); otherwise it stays a node of its own."""
    names = sorted(set(names))
    positions = positions or {}
    reports = reports or {}
    res: dict[str, str] = {}
    full = [n for n in names if not _INITIALS.match(n)]
    # both rules below need the same last word: names indexed by it give the same candidates, in the
    # same order, without comparing every name with every name (quadratic on an archive)
    full_by_last: dict[str, list[str]] = {}
    multi_by_last: dict[str, list[str]] = {}
    for f in full:
        words = f.split()
        if words:
            full_by_last.setdefault(words[-1], []).append(f)
            if len(words) >= 2:
                multi_by_last.setdefault(words[-1], []).append(f)
    for n in names:
        target = n
        if _INITIALS.match(n):
            cands = _narrow(n, [f for f in full_by_last.get(n.split()[-1], []) if initial_match(n, f)],
                            positions, reports)
            if len(cands) == 1:
                target = cands[0]
        elif len(n.split()) == 1 and not n[:1].islower():
            # a surname alone in one article ("Tổng thống Trump") is the one full name elsewhere that ends with it
            cands = _narrow(n, multi_by_last.get(n, []), positions, reports)
            if len(cands) == 1:
                target = cands[0]
        res[n] = target
    return res


