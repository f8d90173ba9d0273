"""Resolution across articles: one key per real person, meeting, agreement and priority.

Keys are derived from normalized content (names, dates, abbreviations), never from counters, so the
same articles always give the same IRIs whatever order they are read in.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .facts import ArticleFacts, MeetingFact
from .lexicon import slug


def norm(text: str) -> str:
    text = unicodedata.normalize("NFC", text or "").casefold()
    return " ".join(re.findall(r"\w+", text))


def _initial_match(short: str, full: str) -> bool:
    """'I. Dodon' is 'Igor Dodon'; 'H.R. McMaster' is 'Herbert Raymond McMaster'."""
    s, f = short.split(), full.split()
    if len(s) < 2 or s[-1] != f[-1] or not re.fullmatch(r"(?:\w\.)+", s[0]):
        return False
    initials = [c for c in s[0] if c != "."]
    return len(f) - 1 >= 1 and all(i.casefold() == w[0].casefold() for i, w in zip(initials, f[:-1]))


@dataclass
class Resolution:
    person_key: dict[str, str] = field(default_factory=dict)  # name as extracted -> canonical name
    meeting_key: dict[tuple[str, str], str] = field(default_factory=dict)  # (article source, meeting key) -> meeting id
    meetings: dict[str, list[tuple[ArticleFacts, MeetingFact]]] = field(default_factory=dict)
    agreement_key: dict[tuple[str, str], str] = field(default_factory=dict)  # (source, abbr or name) -> agreement id


_KIND_FAMILY = {"Conference": "conf", "Summit": "conf", "Session": "conf", "Meeting": "meet", "Forum": "conf",
                "Talks": "talks", "PhoneCall": "talks", "Negotiation": "talks", "Dialogue": "talks",
                "Consultation": "consult", "CourtesyCall": "call", "Reception": "reception", "Visit": "visit"}
_FILLER = set("hội nghị cuộc của và các năm với giữa tại về cho trong lần thứ chuyến thăm".split())


def _meeting_words(m: MeetingFact) -> set[str]:
    return set(norm(m.name).split()) - _FILLER


def _same_meeting(a: MeetingFact, b: MeetingFact, pa: set[str], pb: set[str]) -> bool:
    if _KIND_FAMILY.get(a.kind) != _KIND_FAMILY.get(b.kind):
        return False
    if a.date and b.date and a.date != b.date:
        return False
    if not (a.date and b.date) and not (pa & pb):
        return False  # without dates, only shared participants can tell two reports are of one meeting
    people_words = set(norm(" ".join(pa | pb)).split())
    wa, wb = _meeting_words(a) - people_words, _meeting_words(b) - people_words
    from .extract import ordinals

    nums_a, nums_b = ordinals(a.name), ordinals(b.name)
    if nums_a and nums_b and not (nums_a <= nums_b or nums_b <= nums_a):
        return False
    if a.kind == "Visit":
        # one visitor makes many trips: the same destination, and the same day when either is undated… is not enough
        if not (a.place and b.place and a.place == b.place):
            return False
        return bool(pa & pb)
    if _KIND_FAMILY.get(a.kind) in ("talks", "call", "reception", "meet"):
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


def resolve(articles: list[ArticleFacts]) -> Resolution:
    res = Resolution()
    articles = sorted(articles, key=lambda a: a.source)
    # ---- people: exact names, then initials to full names
    names = sorted({p.name for a in articles for p in a.people} | {x.name for a in articles for m in a.meetings for x in m.participants})
    full = [n for n in names if not re.match(r"(?:\w\.)+ ", n)]
    multi = [f for f in full if len(f.split()) >= 2]
    # both rules below need the same last word: names indexed by it give the same candidates, in the
    # same order, without comparing every name with every name (quadratic on an archive)
    full_by_last: dict[str, list[str]] = {}
    for f in full:
        if f.split():
            full_by_last.setdefault(f.split()[-1], []).append(f)
    multi_by_last: dict[str, list[str]] = {}
    for f in multi:
        multi_by_last.setdefault(f.split()[-1], []).append(f)
    for n in names:
        target = n
        if re.match(r"(?:\w\.)+ ", n):
            cands = [f for f in full_by_last.get(n.split()[-1], []) if _initial_match(n, f)]
            if len(cands) == 1:
                target = cands[0]
        elif len(n.split()) == 1 and not n[:1].islower():
            # a surname alone in one article ("Tổng thống Trump") is the one full name elsewhere that ends with it
            cands = list(multi_by_last.get(n, []))
            if len(cands) == 1:
                target = cands[0]
        res.person_key[n] = target
    # ---- meetings: greedy clustering in a stable order. A report joins the first cluster (in creation
    # order) whose first report `_same_meeting` accepts (no chaining). That test rejects every pair of
    # another kind family, and every pair without the same date that shares no participant; so only the
    # clusters indexed under the report's (family, date) or (family, participant) can accept it, and
    # trying those in creation order gives the clusters of trying them all, which was quadratic on an
    # archive (minutes for 10,000 articles). tests/test_resolve_index.py compares with trying them all.
    clusters: list[list[tuple[ArticleFacts, MeetingFact]]] = []
    firsts: list[tuple[ArticleFacts, MeetingFact, set[str]]] = []
    by_date: dict[tuple[str | None, str], list[int]] = {}
    by_person: dict[tuple[str | None, str], list[int]] = {}
    for a in articles:
        for m in a.meetings:
            pm = {res.person_key.get(p.name, p.name) for p in m.participants}
            family = _KIND_FAMILY.get(m.kind)
            cands: set[int] = set(by_date.get((family, m.date), ())) if m.date else set()
            for person in pm:
                cands.update(by_person.get((family, person), ()))
            for i in sorted(cands):
                a2, m2, p2 = firsts[i]
                if a2.source != a.source and _same_meeting(m, m2, pm, p2):
                    clusters[i].append((a, m))
                    break
            else:
                i = len(clusters)
                clusters.append([(a, m)])
                firsts.append((a, m, pm))
                if m.date:
                    by_date.setdefault((family, m.date), []).append(i)
                for person in pm:
                    by_person.setdefault((family, person), []).append(i)
    for cl in clusters:
        # the IRI comes from the fullest name and the date: stable across reruns and article order
        best = max((m for _, m in cl), key=lambda m: (bool(m.date), len(m.name), m.name))
        date = next((m.date for _, m in cl if m.date), None)
        mid = slug(f"{best.kind} {best.name}")[:90] + (f"-{date}" if date else "")
        while mid in res.meetings and res.meetings[mid] is not cl:
            mid += "-x"
        res.meetings[mid] = cl
        for a, m in cl:
            res.meeting_key[(a.source, m.key)] = mid
    # ---- agreements: abbreviation first, else normalized name; a name seen with an abbreviation anywhere maps to it
    name_to_abbr: dict[str, str] = {}
    for a in articles:
        for g in a.agreements:
            if g.abbreviation and g.name:
                name_to_abbr.setdefault(norm(g.name), g.abbreviation)
    for a in articles:
        for g in a.agreements:
            abbr = g.abbreviation or (name_to_abbr.get(norm(g.name)) if g.name else None)
            key = slug(abbr) if abbr else slug(g.name or "")[:90]
            res.agreement_key[(a.source, g.abbreviation or g.name or "")] = key
    return res
