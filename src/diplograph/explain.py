"""`diplograph explain`: every fact of one article with the rule that made it and its sentence.

A library function (`explain(path)`, a list of `Explanation`), the click command (`explain_cli`) only
formats it. A fact that names no rule is attributed to its kind's fallback rule (`rules.or_fallback`),
as the graph does, so every line names a rule.
"""
from __future__ import annotations

import inspect
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .facts import ArticleFacts
from .reader import fold_accents

KINDS = ("post", "meeting", "participant", "agreement", "priority", "rejected")


@dataclass(frozen=True)
class Explanation:
    kind: str  # post | meeting | participant | agreement | priority | rejected
    text: str  # the fact in one line
    rule: str  # the rule id (for a meeting found by several rules: the ids joined by ", ")
    sentence: str  # the sentence it came from
    doc: str = ""  # the rule's doc (for several rules: joined by " | ")
    rules: tuple[str, ...] = ()  # every rule id (one, but for meetings)
    details: dict[str, Any] = field(default_factory=dict)  # the fact's fields (person, role, meeting, ...)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["rules"] = list(self.rules)
        return d


def _doc(rule_id: str) -> str:
    from . import rules

    found = rules.get(rule_id)
    return found.doc if found is not None else ""


def _make(kind: str, text: str, rule_ids: list[str], sentence: str, **details: Any) -> Explanation:
    ids = tuple(dict.fromkeys(rule_ids))
    return Explanation(kind, text, ", ".join(ids), sentence, " | ".join(_doc(r) for r in ids), ids,
                       {k: v for k, v in details.items() if v is not None})


def explanations(facts: ArticleFacts) -> list[Explanation]:
    """The facts of one article as explanations, in the order they were extracted (posts by person,
    then meetings each followed by its participants, agreements, priorities, refused names)."""
    from . import catalog  # noqa: F401  (the extractor's rules are registered when it is imported)
    from .rules import or_fallback

    out: list[Explanation] = []
    for p in facts.people:
        for post in p.posts:
            out.append(_make("post", f"{p.name}: {post.title}", [or_fallback("post", post.rule)], post.evidence,
                             person=p.name, title=post.title, position=post.position,
                             organization=post.organization, qualifier=post.qualifier))
    names = {m.key: m.name for m in facts.meetings}
    for m in facts.meetings:
        where = ", ".join(x for x in (m.date, m.place) if x)
        out.append(_make("meeting", f"{m.name} ({m.kind}{', ' + where if where else ''}; {m.status})",
                         [or_fallback("meeting", r) for r in m.rules or [""]], m.evidence,
                         name=m.name, meeting_kind=m.kind, date=m.date, place=m.place, organizer=m.organizer,
                         status=m.status, part_of=names.get(m.part_of or "")))
        for part in m.participants:
            out.append(_make("participant", f"{part.name} ({part.role}) at {m.name}",
                             [or_fallback("participant", part.rule)], part.evidence,
                             person=part.name, role=part.role, meeting=m.name))
    for ag in facts.agreements:
        name = ag.name or ag.abbreviation or ""
        if ag.name and ag.abbreviation:
            name = f"{ag.name} ({ag.abbreviation})"
        out.append(_make("agreement", f"{ag.action} {name} ({ag.action_type}, {ag.tense})",
                         [or_fallback("agreement", ag.rule)], ag.evidence, name=ag.name, abbreviation=ag.abbreviation,
                         action=ag.action, action_type=ag.action_type, tense=ag.tense))
    for pr in facts.priorities:
        out.append(_make("priority", pr.text + (f" ({pr.year})" if pr.year else ""), [or_fallback("priority", pr.rule)],
                         pr.evidence, year=pr.year, set_by=pr.set_by, priority_kind=pr.kind,
                         meeting=names.get(pr.meeting or "")))
    for r in facts.rejected:
        out.append(_make("rejected", r.text, [r.rule] if r.rule else [], r.sentence))
    return out


def _extract_explaining(article) -> ArticleFacts:
    """`extract(article, explain=True)` when the extractor takes `explain` (it then records the names
    it refused as persons), else `extract(article)`."""
    from . import extract as extract_module

    extract: Any = extract_module.extract  # (typed loosely: the `explain` parameter may not exist yet)
    try:
        takes_explain = "explain" in inspect.signature(extract).parameters
    except (TypeError, ValueError):  # pragma: no cover - a plain function has a signature
        takes_explain = False
    return extract(article, explain=True) if takes_explain else extract(article)


def explain(path: str | Path) -> list[Explanation]:
    """Every fact of the article file at `path`, with its rule and sentence (raises reader.ArticleError)."""
    from .reader import read_file

    return explanations(_extract_explaining(read_file(path)))


def matching(items: list[Explanation], fact: str | None) -> list[Explanation]:
    """The explanations whose text contains `fact` (accent- and case-insensitive; None: all)."""
    if not fact:
        return items
    want = fold_accents(fact)
    return [e for e in items if want in fold_accents(e.text)]


def as_text(items: list[Explanation]) -> str:
    """One block per fact: kind and fact, then the rule and its doc, then the sentence."""
    lines = []
    for e in items:
        lines.append(f"{e.kind:<11} {e.text}")
        lines.append(f"{'':<11} rule: {e.rule or '(none)'}" + (f" — {e.doc}" if e.doc else ""))
        if e.sentence:
            lines.append(f"{'':<11} sentence: {e.sentence}")
    return "\n".join(lines)
