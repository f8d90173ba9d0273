"""Typed facts extracted from one article, before resolution across articles.

Plain dataclasses so they pickle across worker processes and serialize to the per-article cache.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Post:
    title: str  # as written, fullest form
    position: str  # head of the title, e.g. "Bộ trưởng"
    organization: str | None = None  # label of the organization or country the post belongs to
    qualifier: str | None = None  # former, acting, candidate
    evidence: str = ""
    rule: str = ""  # id of the rule that made it (diplograph.rules)


@dataclass
class PersonFact:
    name: str
    posts: list[Post] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)  # short forms seen in the article


@dataclass
class Participant:
    name: str
    role: str  # chair | speaker | attendee
    evidence: str = ""
    rule: str = ""  # id of the rule that made it (diplograph.rules)


@dataclass
class MeetingFact:
    key: str  # unique within the article
    name: str
    kind: str  # class local name: Conference, Talks, Visit, Reception, ...
    kind_word: str  # as written: hội nghị, hội đàm, thăm ...
    date: str | None = None
    place: str | None = None
    organizer: str | None = None
    status: str = "held"  # held | planned
    format: str | None = None  # online | in person | hybrid
    part_of: str | None = None  # key of the visit it was held during
    participants: list[Participant] = field(default_factory=list)
    variants: list[str] = field(default_factory=list)
    theme: str | None = None
    evidence: str = ""
    rules: list[str] = field(default_factory=list)  # ids of the rules that found its mentions


@dataclass
class AgreementFact:
    name: str | None
    abbreviation: str | None
    action: str  # as written
    action_type: str  # Signed | Ratified | Negotiating | Implementing | InForce | Mentioned
    tense: str  # done | ongoing | planned
    evidence: str = ""
    rule: str = ""  # id of the rule that made it (diplograph.rules)


@dataclass
class PriorityFact:
    text: str
    year: int | None
    set_by: str | None
    meeting: str | None  # key of the meeting where it was set
    kind: str = "task"  # theme | task
    evidence: str = ""
    rule: str = ""  # id of the rule that made it (diplograph.rules)


@dataclass
class Rejection:
    """A name the extractor refused as a person (filled only by `extract(article, explain=True)`)."""

    text: str
    rule: str  # id of the rule that refused it (diplograph.rules)
    sentence: str = ""


@dataclass
class ArticleFacts:
    source: str
    content_hash: str
    headline: str
    url: str | None
    date: str | None
    credits: list[str] = field(default_factory=list)
    people: list[PersonFact] = field(default_factory=list)
    meetings: list[MeetingFact] = field(default_factory=list)
    agreements: list[AgreementFact] = field(default_factory=list)
    priorities: list[PriorityFact] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)  # IRIs of lexicon organizations mentioned
    rejected: list[Rejection] = field(default_factory=list)  # names refused as persons (explain=True only)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "ArticleFacts":
        d = dict(d)
        d["people"] = [PersonFact(p["name"], [Post(**x) for x in p["posts"]], p.get("aliases", [])) for p in d["people"]]
        d["meetings"] = [MeetingFact(**{**m, "participants": [Participant(**x) for x in m["participants"]]}) for m in d["meetings"]]
        d["agreements"] = [AgreementFact(**a) for a in d["agreements"]]
        d["priorities"] = [PriorityFact(**p) for p in d["priorities"]]
        d["rejected"] = [Rejection(**r) for r in d.get("rejected", ())]
        return cls(**d)
