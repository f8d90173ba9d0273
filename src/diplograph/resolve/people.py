"""People across articles: one canonical name per person."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from ..ids import same_person
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


def _spellings(given: list[str], positions: dict[str, set[str]], reports: dict[str, int]
               ) -> tuple[dict[str, str], list[str], dict[str, set[str]], dict[str, int]]:
    """Rules person.spelling and person.misspelling (`ids.same_person`): spellings of one name are one
    person, named by its most reported spelling, and so is a rare misspelling by tone marks of a far more
    reported name with the same post. The name of each spelling, the names left, and their posts and
    reports (those of all their forms)."""
    spelled = same_person(given, positions, reports, DOMINANT)
    names = sorted(set(spelled.values()))
    if len(names) < len(given):
        merged_positions: dict[str, set[str]] = {}
        merged_reports: dict[str, int] = {}
        for n in given:
            rep = spelled[n]
            if n in positions:
                merged_positions.setdefault(rep, set()).update(positions[n])
            merged_reports[rep] = merged_reports.get(rep, 0) + reports.get(n, 0)
        positions, reports = merged_positions, merged_reports
    return spelled, names, positions, reports


def person_keys(names: Iterable[str], positions: dict[str, set[str]] | None = None,
                reports: dict[str, int] | None = None) -> dict[str, str]:
    """Canonical name of every name: spellings and misspellings of one name to one of them (rules
    person.spelling and person.misspelling, `ids.same_person`), then initials and lone surnames to the
    one full name.

    A surname alone that several full names end with ("Tổng thống Trump": Donald, Ivanka, Donald J.
    Trump) goes to the one of them that holds the same post somewhere (`positions`: title heads by
    name), and among several such, to one reported in at least DOMINANT times as many articles as the
    next (`reports`: articles by name); otherwise it stays a node of its own."""
    given = sorted(set(names))
    # the rules below see each spelling's name only, with the posts and reports of all its forms
    spelled, names, positions, reports = _spellings(given, positions or {}, reports or {})
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
    return {n: res[spelled[n]] for n in given}


