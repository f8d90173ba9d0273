"""Resolution across articles: one key per real person, meeting, agreement and priority.

Keys are derived from normalized content (names, dates, abbreviations), never from counters, so the
same articles always give the same IRIs whatever order they are read in.

Resolution reads only a small summary of each article (`res_input`: names, meeting features,
agreement names), made once per article content, so an incremental build (`graphstate`) resolves its
whole archive again from these summaries without the articles' facts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from sys import intern
from typing import Hashable, Iterable, NamedTuple, cast

from .facts import ArticleFacts, MeetingFact
from .keys import initial_match, norm, norm_cached, ordinals, slug
from .lexicon import place_key

_WORDS = re.compile(r"\w+")
_INITIALS = re.compile(r"(?:\w\.)+ ")


class MeetingSummary(NamedTuple):
    """What the graph says of a meeting node, from all the reports in its cluster."""
    best_name: str  # the fullest name (dated reports first)
    kind_word: str  # as written in the report with the best name
    date: str | None  # first date in the cluster
    place: str | None  # first place
    organizers: tuple[str, ...]  # organizers in cluster order (the mapper keeps the first organization)
    status: str  # held when any report says held
    format: str | None  # first format


@dataclass
class Resolution:
    person_key: dict[str, str] = field(default_factory=dict)  # name as extracted -> canonical name
    meeting_key: dict[tuple[str, str], str] = field(default_factory=dict)  # (article source, meeting key) -> meeting id
    meetings: dict[str, list[tuple[ArticleFacts, MeetingFact]]] = field(default_factory=dict)  # filled by `resolve`
    agreement_key: dict[tuple[str, str], str] = field(default_factory=dict)  # (source, abbr or name) -> agreement id
    clusters: dict[str, list[tuple[Hashable, str]]] = field(default_factory=dict)  # meeting id -> (article uid, meeting key)
    summary: dict[str, MeetingSummary] = field(default_factory=dict)  # meeting id -> summary
    # meeting id -> (article uid, meeting key) of the first report, in article order, mapped to it: that
    # report writes the meeting's own triples
    first_report: dict[str, tuple[Hashable, str]] = field(default_factory=dict)


_KIND_FAMILY = {"Conference": "conf", "Summit": "conf", "Session": "conf", "Meeting": "meet", "Forum": "conf",
                "Talks": "talks", "PhoneCall": "talks", "Negotiation": "talks", "Dialogue": "talks",
                "Consultation": "consult", "CourtesyCall": "call", "Reception": "reception", "Visit": "visit"}
_FILLER = set("hội nghị cuộc của và các năm với giữa tại về cho trong lần thứ chuyến thăm".split())
_BILATERAL = ("talks", "call", "reception", "meet")


def _meeting_words(m: MeetingFact) -> set[str]:
    return set(norm(m.name).split()) - _FILLER


def same_meeting(a: MeetingFact, b: MeetingFact, pa: set[str], pb: set[str]) -> bool:
    """Whether report `a` is of the meeting first reported as `b` (pa, pb: their participants' keys).

    The reference rule; `resolve` applies the same rule to precomputed features (`_same_features`),
    and tests/test_resolve_index.py checks the clusters of both agree."""
    if _KIND_FAMILY.get(a.kind) != _KIND_FAMILY.get(b.kind):
        return False
    if a.date and b.date and _dates_differ(a.kind, a.date, b.date):
        return False
    if not (a.date and b.date) and not (pa & pb):
        return False  # without dates, only shared participants can tell two reports are of one meeting
    people_words = set(norm(" ".join(pa | pb)).split())
    wa, wb = _meeting_words(a) - people_words, _meeting_words(b) - people_words
    nums_a, nums_b = ordinals(a.name), ordinals(b.name)
    if nums_a and nums_b and not (nums_a <= nums_b or nums_b <= nums_a):
        return False
    if a.kind == "Visit":
        # one visitor makes many trips: the same destination, and the same day when either is undated… is not enough
        if not (a.place and b.place and place_key(a.place) == place_key(b.place)):
            return False
        return bool(pa & pb)
    if _KIND_FAMILY.get(a.kind) in _BILATERAL:
        # bilateral meetings: the same parties on the same day (one leader holds several calls a day)
        return bool(a.date and b.date) and len(pa) >= 2 and pa == pb
    if not wa or not wb:
        return False
    overlap = len(wa & wb) / min(len(wa), len(wb))
    if not (a.date and b.date):
        # undated reports: only a near-identical name with a shared participant is the same meeting
        jaccard = len(wa & wb) / len(wa | wb)
        return jaccard >= 0.7 and min(len(wa), len(wb)) >= 3 and bool(pa & pb)
    return overlap >= 0.5 or (overlap >= 0.3 and len(pa & pb) >= 1) or len(pa & pb) >= 2


# ----------------------------------------------------------------------------- per-article summaries
# res_input(a) = (names, meetings, agreements, positions):
#   names: the names of people and participants, sorted
#   meetings: per meeting (key, kind, date, name, kind_word, place, organizer, status, format,
#             participant names, name words without filler, ordinals, slug of "kind name" cut to 90)
#   agreements: per agreement (abbreviation, name)
#   positions: (name, casefolded title head) of every post stated in the article
# Plain tuples, strings and frozensets: they go to the incremental state with `marshal`.
M_KEY, M_KIND, M_DATE, M_NAME, M_KIND_WORD, M_PLACE, M_ORG, M_STATUS, M_FORMAT, M_PARTS, M_WORDS, M_ORDS, M_SLUG = range(13)


def res_input(a: ArticleFacts) -> tuple:
    """What resolution reads of one article (independent of its file name)."""
    # strings are interned: the same name in many articles is one object, which `marshal` then writes
    # once and reads back as one (the incremental state loads several times faster)
    names = tuple(sorted(cast("list[str]", _intern({p.name for p in a.people} | {x.name for m in a.meetings for x in m.participants}))))
    meetings = tuple(
        tuple(_intern((m.key, m.kind, m.date, m.name, m.kind_word, m.place, m.organizer, m.status, m.format)))
        + (tuple(_intern(x.name for x in m.participants if x.role != "host")), frozenset(_intern(_meeting_words(m))),
           frozenset(_intern(ordinals(m.name))), intern(slug(f"{m.kind} {m.name}")[:90]))
        for m in a.meetings)
    agreements = tuple(tuple(_intern((g.abbreviation, g.name))) for g in a.agreements)
    positions = tuple(sorted({(intern(p.name), intern(post.position.casefold())) for p in a.people for post in p.posts}))
    return names, meetings, agreements, positions


def _intern(items: Iterable[str | None]) -> list[str | None]:
    return [x if x is None else intern(x) for x in items]


# A visit lasts days, and each report dates it by the day of its own news (arrival, talks, departure):
# two reports of one visitor's trip to one place this close together are the same trip.
VISIT_DAYS = 7


@lru_cache(maxsize=100_000)
def _days_apart(d1: str, d2: str) -> int:
    """Days between two xsd:date strings; a large number when either is not a full date."""
    import datetime

    try:
        return abs((datetime.date.fromisoformat(d1) - datetime.date.fromisoformat(d2)).days)
    except ValueError:
        return 1 << 30


def _dates_differ(kind: str, d1: str, d2: str) -> bool:
    """Do two reports' dates tell two meetings apart? (Visits: only more than VISIT_DAYS apart.)"""
    return d1 != d2 and not (kind == "Visit" and _days_apart(d1, d2) <= VISIT_DAYS)


def _same_features(a: tuple, b: tuple) -> bool:
    """`same_meeting` on precomputed features (family, date, words, ordinals, kind, place, people,
    people's name words); a is the new report, b the first report of a cluster of the same family."""
    date_a, date_b = a[1], b[1]
    dated = bool(date_a and date_b)
    pa, pb = a[6], b[6]
    if dated:
        if _dates_differ(a[4], date_a, date_b):
            return False
    elif not (pa & pb):
        return False
    nums_a, nums_b = a[3], b[3]
    if nums_a and nums_b and not (nums_a <= nums_b or nums_b <= nums_a):
        return False
    if a[4] == "Visit":
        if not (a[5] and b[5] and a[5] == b[5]):
            return False
        return bool(pa & pb)
    if a[0] in _BILATERAL:
        return dated and len(pa) >= 2 and pa == pb
    people_words = a[7] | b[7]
    wa, wb = a[2] - people_words, b[2] - people_words
    if not wa or not wb:
        return False
    shared = len(wa & wb)
    overlap = shared / min(len(wa), len(wb))
    if not dated:
        jaccard = shared / len(wa | wb)
        return jaccard >= 0.7 and min(len(wa), len(wb)) >= 3 and bool(pa & pb)
    return overlap >= 0.5 or (overlap >= 0.3 and len(pa & pb) >= 1) or len(pa & pb) >= 2


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
def _name_words(name: str) -> frozenset[str]:
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


def resolve_inputs(articles: list[tuple[Hashable, str, tuple]], person_key: dict[str, str] | None = None) -> Resolution:
    """Resolution of articles given as (uid, source, res_input), already in article order (by source).

    `uid` tells articles apart (two files may share a source name); `person_key` may be given when the
    caller has it already (it is `person_keys` of all the names)."""
    res = Resolution()
    if person_key is None:
        positions: dict[str, set[str]] = {}
        reports: dict[str, int] = {}
        for _, _, r in articles:
            for name in r[0]:
                reports[name] = reports.get(name, 0) + 1
            for name, position in (r[3] if len(r) > 3 else ()):
                positions.setdefault(name, set()).add(position)
        person_key = person_keys(reports, positions, reports)
    res.person_key = person_key
    # ---- meetings: greedy clustering in a stable order. A report joins the first cluster (in creation
    # order) whose first report `same_meeting` accepts (no chaining). That test rejects every pair of
    # another kind family, and every pair without the same date that shares no participant; so only the
    # clusters indexed under the report's (family, date) or (family, participant) can accept it, and
    # trying those in creation order gives the clusters of trying them all, which was quadratic on an
    # archive (minutes for 10,000 articles). tests/test_resolve_index.py compares with trying them all.
    # A dated report can only join a cluster whose first report has its date or no date: the clusters
    # indexed by participant are kept apart for undated first reports (`by_person_undated`), and a
    # dated report looks only there and under its date; the others would all fail the date test.
    clusters: list[list[tuple[Hashable, str, tuple]]] = []  # (uid, source, meeting input)
    firsts: list[tuple[str, tuple]] = []  # (source, features) of each cluster's first report
    by_date: dict[tuple[str | None, str], list[int]] = {}
    by_person: dict[tuple[str | None, str], list[int]] = {}
    by_person_undated: dict[tuple[str | None, str], list[int]] = {}
    pk = person_key.get
    empty: frozenset[str] = frozenset()
    for uid, source, r in articles:
        for m in r[1]:
            pm = frozenset([pk(n, n) for n in m[M_PARTS]])
            family = _KIND_FAMILY.get(m[M_KIND])
            date = m[M_DATE]
            pw = empty.union(*map(_name_words, pm)) if pm else empty
            feats = (family, date, m[M_WORDS], m[M_ORDS], m[M_KIND], place_key(m[M_PLACE]), pm, pw)
            if date:
                cands = by_date.get((family, date), ())
                # a visit may join a cluster dated a few days apart (VISIT_DAYS): its visitors' clusters
                index = by_person if family == "visit" else by_person_undated
            else:
                cands = ()
                index = by_person
            if pm:
                more = [i for person in pm for i in index.get((family, person), ())]
                if more:
                    cands = sorted(set(cands).union(more))
            for i in cands:
                source2, f2 = firsts[i]
                if source2 != source and _same_features(feats, f2):
                    clusters[i].append((uid, source, m))
                    break
            else:
                i = len(clusters)
                clusters.append([(uid, source, m)])
                firsts.append((source, feats))
                if date:
                    by_date.setdefault((family, date), []).append(i)
                for person in pm:
                    by_person.setdefault((family, person), []).append(i)
                    if not date:
                        by_person_undated.setdefault((family, person), []).append(i)
    for cl in clusters:
        # the IRI comes from the fullest name and the date: stable across reruns and article order
        best = max((m for _, _, m in cl), key=lambda m: (bool(m[M_DATE]), len(m[M_NAME]), m[M_NAME]))
        date = next((m[M_DATE] for _, _, m in cl if m[M_DATE]), None)
        mid = best[M_SLUG] + (f"-{date}" if date else "")
        while mid in res.clusters:
            mid += "-x"
        mid = intern(mid)
        res.clusters[mid] = [(uid, m[M_KEY]) for uid, _, m in cl]
        orgs = tuple(dict.fromkeys(m[M_ORG] for _, _, m in cl if m[M_ORG]))
        res.summary[mid] = MeetingSummary(
            best[M_NAME], best[M_KIND_WORD], date, next((m[M_PLACE] for _, _, m in cl if m[M_PLACE]), None), orgs,
            "held" if any(m[M_STATUS] == "held" for _, _, m in cl) else "planned",
            next((m[M_FORMAT] for _, _, m in cl if m[M_FORMAT]), None))
        for _, source, m in cl:
            res.meeting_key[(source, m[M_KEY])] = mid
    for uid, source, r in articles:
        for m in r[1]:
            res.first_report.setdefault(res.meeting_key[(source, m[M_KEY])], (uid, m[M_KEY]))
    # ---- agreements: abbreviation first, else normalized name; a name seen with an abbreviation anywhere maps to it
    name_to_abbr: dict[str, str] = {}
    for _, _, r in articles:
        for abbr, name in r[2]:
            if abbr and name:
                name_to_abbr.setdefault(norm_cached(name), abbr)
    for _, source, r in articles:
        for abbr, name in r[2]:
            target = abbr or (name_to_abbr.get(norm_cached(name)) if name else None)
            res.agreement_key[(source, abbr or name or "")] = _slug(target) if target else _slug(name or "")[:90]
    return res


@lru_cache(maxsize=100_000)
def _slug(text: str) -> str:
    return slug(text)


def resolve(articles: list[ArticleFacts]) -> Resolution:
    articles = sorted(articles, key=lambda a: a.source)
    res = resolve_inputs([(i, a.source, res_input(a)) for i, a in enumerate(articles)])
    for mid, members in res.clusters.items():
        res.meetings[mid] = [(articles[cast(int, i)], next(m for m in articles[cast(int, i)].meetings if m.key == key))
                             for i, key in members]  # uids are the indexes given above
    return res
