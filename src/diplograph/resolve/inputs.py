"""What resolution reads of one article (`res_input`): plain tuples, strings and frozensets."""
from __future__ import annotations

from sys import intern
from typing import Iterable, cast

from ..facts import ArticleFacts, MeetingFact
from ..keys import norm, ordinals, slug

_FILLER = set("hội nghị cuộc của và các năm với giữa tại về cho trong lần thứ chuyến thăm".split())


def meeting_words(m: MeetingFact) -> set[str]:
    return set(norm(m.name).split()) - _FILLER


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
    names = tuple(sorted(cast("list[str]", intern_all({p.name for p in a.people} | {x.name for m in a.meetings for x in m.participants}))))
    meetings = tuple(
        tuple(intern_all((m.key, m.kind, m.date, m.name, m.kind_word, m.place, m.organizer, m.status, m.format)))
        + (tuple(intern_all(x.name for x in m.participants if x.role != "host")), frozenset(intern_all(meeting_words(m))),
           frozenset(intern_all(ordinals(m.name))), intern(slug(f"{m.kind} {m.name}")[:90]))
        for m in a.meetings)
    agreements = tuple(tuple(intern_all((g.abbreviation, g.name))) for g in a.agreements)
    positions = tuple(sorted({(intern(p.name), intern(post.position.casefold())) for p in a.people for post in p.posts}))
    return names, meetings, agreements, positions


def intern_all(items: Iterable[str | None]) -> list[str | None]:
    return [x if x is None else intern(x) for x in items]


