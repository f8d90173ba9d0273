"""Meetings across articles: reports of one meeting become one cluster.

One rule, `same_features`, on the features of two reports (`MeetingFeatures`); `same_meeting` is that rule
on two `MeetingFact`s, and `cluster_meetings` applies it through an index (tests/test_resolve_index.py
checks the clusters equal those of trying every earlier cluster).
"""
from __future__ import annotations

import datetime
from functools import lru_cache
from typing import Hashable, NamedTuple

from ..facts import MeetingFact
from ..keys import ordinals
from ..kinds import family, is_bilateral_family
from ..lexicon import place_key
from .inputs import M_DATE, M_KIND, M_ORDS, M_PARTS, M_PLACE, M_WORDS, meeting_words
from .people import name_words

# A visit lasts days, and each report dates it by the day of its own news (arrival, talks, departure):
# two reports of one visitor's trip to one place this close together are the same trip.
VISIT_DAYS = 7


class MeetingFeatures(NamedTuple):
    """What the rule compares of a report: its kind family, date, name words, ordinals, kind, place (the
    lexicon's name), participants (person keys, hosts left out) and the words of their names."""

    family: str | None
    date: str | None
    words: frozenset[str]
    ordinals: frozenset[str]
    kind: str
    place: str | None
    people: frozenset[str]
    people_words: frozenset[str]


@lru_cache(maxsize=100_000)
def _days_apart(d1: str, d2: str) -> int:
    """Days between two xsd:date strings; a large number when either is not a full date."""
    try:
        return abs((datetime.date.fromisoformat(d1) - datetime.date.fromisoformat(d2)).days)
    except ValueError:
        return 1 << 30


def dates_differ(kind: str, d1: str, d2: str) -> bool:
    """Do two reports' dates tell two meetings apart? (Visits: only more than VISIT_DAYS apart.)"""
    return d1 != d2 and not (kind == "Visit" and _days_apart(d1, d2) <= VISIT_DAYS)


def _union_words(people: frozenset[str]) -> frozenset[str]:
    empty: frozenset[str] = frozenset()
    return empty.union(*map(name_words, people)) if people else empty


def features_of_input(m: tuple, people: frozenset[str]) -> MeetingFeatures:
    """The features of a meeting summary of `res_input` whose participants have the keys `people`."""
    return MeetingFeatures(family(m[M_KIND]), m[M_DATE], m[M_WORDS], m[M_ORDS], m[M_KIND], place_key(m[M_PLACE]),
                           people, _union_words(people))


def features_of(m: MeetingFact, people: set[str] | frozenset[str]) -> MeetingFeatures:
    """The features of a meeting fact whose participants have the keys `people`."""
    pm = frozenset(people)
    return MeetingFeatures(family(m.kind), m.date, frozenset(meeting_words(m)), frozenset(ordinals(m.name)), m.kind,
                           place_key(m.place), pm, _union_words(pm))


def same_features(a: MeetingFeatures, b: MeetingFeatures) -> bool:
    """Is report `a` of the meeting first reported as `b`? The one rule of meetings across articles."""
    if a.family != b.family:
        return False
    dated = bool(a.date and b.date)
    pa, pb = a.people, b.people
    if dated:
        if dates_differ(a.kind, a.date, b.date):  # type: ignore[arg-type]
            return False
    elif not (pa & pb):
        return False  # without dates, only shared participants can tell two reports are of one meeting
    if a.ordinals and b.ordinals and not (a.ordinals <= b.ordinals or b.ordinals <= a.ordinals):
        return False
    if a.kind == "Visit":
        # one visitor makes many trips: the same destination, and the same day when either is undated… is not enough
        if not (a.place and b.place and a.place == b.place):
            return False
        return bool(pa & pb)
    if is_bilateral_family(a.family):
        # bilateral meetings: the same parties on the same day (one leader holds several calls a day)
        return dated and len(pa) >= 2 and pa == pb
    people_words = a.people_words | b.people_words
    wa, wb = a.words - people_words, b.words - people_words
    if not wa or not wb:
        return False
    shared = len(wa & wb)
    overlap = shared / min(len(wa), len(wb))
    if not dated:
        # undated reports: only a near-identical name with a shared participant is the same meeting
        jaccard = shared / len(wa | wb)
        return jaccard >= 0.7 and min(len(wa), len(wb)) >= 3 and bool(pa & pb)
    return overlap >= 0.5 or (overlap >= 0.3 and len(pa & pb) >= 1) or len(pa & pb) >= 2


def same_meeting(a: MeetingFact, b: MeetingFact, pa: set[str], pb: set[str]) -> bool:
    """Whether report `a` is of the meeting first reported as `b` (pa, pb: their participants' keys)."""
    return same_features(features_of(a, pa), features_of(b, pb))


Report = tuple[Hashable, str, tuple]  # (article uid, source, meeting summary of res_input)


class _ClusterIndex:
    """Clusters by (family, date) and (family, participant). `same_features` rejects every pair of another
    family, and every pair without the same date that shares no participant; so only the clusters indexed
    under the report's (family, date) or (family, participant) can accept it. A dated report can only join
    a cluster whose first report has its date or no date: clusters indexed by participant are kept apart
    for undated first reports, and a dated report looks only there and under its date (a visit also looks
    at its visitors' dated clusters: it may join one a few days apart)."""

    def __init__(self) -> None:
        self.by_date: dict[tuple[str | None, str], list[int]] = {}
        self.by_person: dict[tuple[str | None, str], list[int]] = {}
        self.by_person_undated: dict[tuple[str | None, str], list[int]] = {}

    def candidates(self, f: MeetingFeatures) -> list[int] | tuple[int, ...]:
        if f.date:
            cands: list[int] | tuple[int, ...] = self.by_date.get((f.family, f.date), ())
            index = self.by_person if f.family == "visit" else self.by_person_undated
        else:
            cands, index = (), self.by_person
        if f.people:
            more = [i for person in f.people for i in index.get((f.family, person), ())]
            if more:
                cands = sorted(set(cands).union(more))
        return cands

    def add(self, i: int, f: MeetingFeatures) -> None:
        if f.date:
            self.by_date.setdefault((f.family, f.date), []).append(i)
        for person in f.people:
            self.by_person.setdefault((f.family, person), []).append(i)
            if not f.date:
                self.by_person_undated.setdefault((f.family, person), []).append(i)


def meeting_family(m: tuple) -> str | None:
    """The kind family of a meeting report (of `res_input`): `same_features` never joins reports of two
    families, so the reports of each family can be clustered apart (the distributed build's shuffle)."""
    return family(m[M_KIND])


def cluster_meetings(articles: list[tuple[Hashable, str, tuple]], person_key: dict[str, str]) -> list[list[Report]]:
    """Greedy clustering in a stable order: a report joins the first cluster (in creation order) whose first
    report `same_features` accepts (no chaining), never one of its own article; else it starts a cluster."""
    clusters: list[list[Report]] = []
    firsts: list[tuple[str, MeetingFeatures]] = []  # (source, features) of each cluster's first report
    index = _ClusterIndex()
    pk = person_key.get
    for uid, source, r in articles:
        for m in r[1]:
            f = features_of_input(m, frozenset([pk(n, n) for n in m[M_PARTS]]))
            for i in index.candidates(f):
                source2, f2 = firsts[i]
                if source2 != source and same_features(f, f2):
                    clusters[i].append((uid, source, m))
                    break
            else:
                i = len(clusters)
                clusters.append([(uid, source, m)])
                firsts.append((source, f))
                index.add(i, f)
    return clusters
