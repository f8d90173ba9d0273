"""What resolution decides: one key per person, meeting cluster and agreement."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Hashable, NamedTuple

from ..facts import ArticleFacts, MeetingFact


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


_FILLER = set("hội nghị cuộc của và các năm với giữa tại về cho trong lần thứ chuyến thăm".split())


