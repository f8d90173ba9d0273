"""Resolution of a whole archive from the per-article inputs: people, then meetings, then agreements."""
from __future__ import annotations

from functools import lru_cache
from sys import intern
from typing import Hashable, Iterable, cast

from ..facts import ArticleFacts
from ..ids import agreement_local, meeting_local
from ..keys import norm_cached
from .inputs import M_DATE, M_FORMAT, M_KEY, M_KIND, M_KIND_WORD, M_NAME, M_ORG, M_PLACE, M_SLUG, M_STATUS, res_input
from .meetings import Report, cluster_meetings
from .model import MeetingSummary, Resolution
from .people import person_keys


@lru_cache(maxsize=100_000)
def _agreement_local(abbreviation: str | None, name: str | None) -> str:
    return agreement_local(abbreviation, name)


def _person_key(articles: list[tuple[Hashable, str, tuple]]) -> dict[str, str]:
    """`person_keys` of every name, with the posts each name holds and the articles that report it."""
    positions: dict[str, set[str]] = {}
    reports: dict[str, int] = {}
    for _, _, r in articles:
        for name in r[0]:
            reports[name] = reports.get(name, 0) + 1
        for name, position in (r[3] if len(r) > 3 else ()):
            positions.setdefault(name, set()).add(position)
    return person_keys(reports, positions, reports)


def _name_clusters(res: Resolution, clusters: list[list[Report]]) -> None:
    """One id per cluster (from its fullest name and its date: stable across reruns and article order)
    and the summary of what its reports say."""
    for cl in clusters:
        best = max((m for _, _, m in cl), key=lambda m: (bool(m[M_DATE]), len(m[M_NAME]), m[M_NAME]))
        date = next((m[M_DATE] for _, _, m in cl if m[M_DATE]), None)
        # the slug says what the meeting is; the digest of kind, fullest name and date tells apart two
        # meetings whose slugs agree (ids.meeting_local); meetings with all three equal are numbered
        mid = base = meeting_local(best[M_SLUG], best[M_KIND], best[M_NAME], date)
        n = 1
        while mid in res.clusters:
            n += 1
            mid = f"{base}-{n}"
        mid = intern(mid)
        res.clusters[mid] = [(uid, m[M_KEY]) for uid, _, m in cl]
        orgs = tuple(dict.fromkeys(m[M_ORG] for _, _, m in cl if m[M_ORG]))
        res.summary[mid] = MeetingSummary(
            best[M_NAME], best[M_KIND_WORD], date, next((m[M_PLACE] for _, _, m in cl if m[M_PLACE]), None), orgs,
            "held" if any(m[M_STATUS] == "held" for _, _, m in cl) else "planned",
            next((m[M_FORMAT] for _, _, m in cl if m[M_FORMAT]), None))
        for _, source, m in cl:
            res.meeting_key[(source, m[M_KEY])] = mid


def _agreement_keys(res: Resolution, articles: list[tuple[Hashable, str, tuple]]) -> None:
    """Abbreviation first, else normalized name; a name seen with an abbreviation anywhere maps to it."""
    name_to_abbr: dict[str, str] = {}
    for _, _, r in articles:
        for abbr, name in r[2]:
            if abbr and name:
                name_to_abbr.setdefault(norm_cached(name), abbr)
    for _, source, r in articles:
        for abbr, name in r[2]:
            target = abbr or (name_to_abbr.get(norm_cached(name)) if name else None)
            res.agreement_key[(source, abbr or name or "")] = _agreement_local(target, name)


def resolve_inputs(articles: list[tuple[Hashable, str, tuple]], person_key: dict[str, str] | None = None) -> Resolution:
    """Resolution of articles given as (uid, source, res_input), already in article order (by source).

    `uid` tells articles apart (two files may share a source name); `person_key` may be given when the
    caller has it already (it is `person_keys` of all the names)."""
    person_key = person_key if person_key is not None else _person_key(articles)
    reports = ((uid, source, m) for uid, source, r in articles for m in r[1])
    return resolve_clustered(articles, person_key, cluster_meetings(articles, person_key), reports)


def resolve_clustered(articles: list[tuple[Hashable, str, tuple]], person_key: dict[str, str],
                      clusters: list[list[Report]], reports: Iterable[Report]) -> Resolution:
    """`resolve_inputs` with the meeting clusters made elsewhere: `clusters` in the order
    `cluster_meetings` creates them, `reports` every meeting report in article order. The distributed
    build clusters each kind family's reports on a worker (`same_features` never joins two families)
    and gives the merged clusters here; the articles' own meeting lists are not read."""
    res = Resolution()
    res.person_key = person_key
    _name_clusters(res, clusters)
    for uid, source, m in reports:
        res.first_report.setdefault(res.meeting_key[(source, m[M_KEY])], (uid, m[M_KEY]))
    _agreement_keys(res, articles)
    return res


def resolve(articles: list[ArticleFacts]) -> Resolution:
    """Resolution of articles' facts (sorted by source), with each meeting cluster's facts."""
    articles = sorted(articles, key=lambda a: a.source)
    res = resolve_inputs([(i, a.source, res_input(a)) for i, a in enumerate(articles)])
    for mid, members in res.clusters.items():
        res.meetings[mid] = [(articles[cast(int, i)], next(m for m in articles[cast(int, i)].meetings if m.key == key))
                             for i, key in members]  # uids are the indexes given above
    return res
