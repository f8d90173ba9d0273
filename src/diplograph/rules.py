"""Extraction rules as named objects: an id, a one-line doc and examples.

Every fact the extractor writes names the rule that made it (`Post.rule`, `Participant.rule`,
`MeetingFact.rules`, `AgreementFact.rule`, `PriorityFact.rule`); the graph carries it as
`dg:extractedBy` and `diplograph explain` prints it. A rule is declared once, where its pattern or
function lives, with `rule(...)`, which registers it and returns its id:

    ATTEND_LIST = rule("role.attendee.list-sentence",
                       "An attendee list in its own sentence: 'Cùng dự có A; B.'",
                       examples=[Example("Hội nghị Ngoại vụ lần thứ 3 khai mạc tại Hà Nội. Cùng dự có "
                                         "Thứ trưởng Ngoại giao Lê Văn A.",
                                         {"kind": "participant", "name": "Lê Văn A", "role": "attendee"})])

Examples are run as golden tests (`tests/test_rules.py`): the example text is extracted as an
article (its first line is the headline) and the expected fact must (or, with `present=False`,
must not) come out. Examples use invented names, never a dev article's people or sentences.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Example:
    """An article text (first line: headline) and one fact expected in its extraction.

    `expect` keys: `kind` is one of person, post, meeting, participant, agreement, priority, no-person;
    then `name` (person or meeting name; for a meeting, words that must all appear in its name),
    `title` (a post's title as written), `role` (chair, speaker, attendee), `meeting` (words of the
    meeting's name, for a participant), `kind_of` (meeting class, e.g. Talks), `place`, `date`,
    `status`, `abbr`, `action_type`, `year`, `text` (words of a priority). Only the keys given are
    checked. `present=False` makes it a counter-example: no such fact may come out. How each key is
    compared (whole values, word sets, date prefixes; case-insensitive, accent-sensitive) is set out in
    tests/test_rules.py, which runs the examples.
    """

    text: str
    expect: dict[str, Any]
    present: bool = True


@dataclass(frozen=True)
class Rule:
    id: str
    doc: str
    examples: tuple[Example, ...] = field(default=())

    @property
    def pass_name(self) -> str:
        """The pass a rule belongs to: the first part of its id (`role`, `post`, `meeting`, …)."""
        return self.id.split(".", 1)[0]


RULES: dict[str, Rule] = {}


def rule(rule_id: str, doc: str, examples: list[Example] | tuple[Example, ...] = ()) -> str:
    """Register a rule and return its id (the value a fact carries)."""
    if rule_id in RULES and RULES[rule_id].doc != doc:
        raise ValueError(f"rule {rule_id!r} is declared twice with different docs")
    RULES[rule_id] = Rule(rule_id, doc, tuple(examples))
    return rule_id


def get(rule_id: str) -> Rule | None:
    return RULES.get(rule_id)


# ----------------------------------------------------------------------------- fallbacks
# A fact whose `rule` is empty (written before its extractor named a rule, or by code that does not
# name one yet) is attributed to the fallback rule of its kind, so that every node of the graph and
# every line of `diplograph explain` names a rule. They are ordinary rules with examples; the examples
# only check that such a fact comes out (any rule may make it).
FALLBACK_POST = rule(
    "post.unspecified",
    "Fallback: a post (title before a person's name) whose extraction rule was not recorded.",
    examples=[Example("Thứ trưởng Ngoại giao Lê Văn Ân thăm Lào\n"
                      "Ngày 3/4, Thứ trưởng Ngoại giao Lê Văn Ân đã hội đàm với Thứ trưởng Ngoại giao Lào Khamla Sithong.",
                      {"kind": "post", "name": "Lê Văn Ân", "title": "Thứ trưởng Ngoại giao"})])
FALLBACK_PARTICIPANT = rule(
    "role.unspecified",
    "Fallback: a participation in a meeting (chair, speaker or attendee) whose extraction rule was not recorded.",
    examples=[Example("Hội đàm Việt Nam - Lào\n"
                      "Ngày 3/4, Thứ trưởng Ngoại giao Lê Văn Ân đã hội đàm với Thứ trưởng Ngoại giao Lào Khamla Sithong.",
                      {"kind": "participant", "name": "Khamla Sithong", "kind_of": "Talks"})])
FALLBACK_MEETING = rule(
    "meeting.unspecified",
    "Fallback: a meeting whose mentions were found by no recorded rule.",
    examples=[Example("Hội đàm Việt Nam - Lào\n"
                      "Ngày 3/4, Thứ trưởng Ngoại giao Lê Văn Ân đã hội đàm với Thứ trưởng Ngoại giao Lào Khamla Sithong.",
                      {"kind": "meeting", "kind_of": "Talks", "status": "held"}),
              Example("Tin ngắn\nNgười phát ngôn Bộ Ngoại giao Trần Thị Hoa chủ trì họp báo thường kỳ.",
                      {"kind": "meeting"}, present=False)])
FALLBACK_AGREEMENT = rule(
    "agreement.unspecified",
    "Fallback: an action on an agreement (signed, ratified, ...) whose extraction rule was not recorded.",
    examples=[Example("Tin ngắn\nHai bên đã ký Hiệp định Thương mại tự do Việt Nam - Israel (VIFTA).",
                      {"kind": "agreement", "abbr": "VIFTA", "status": "done"})])
FALLBACK_PRIORITY = rule(
    "priority.unspecified",
    "Fallback: a priority or task whose extraction rule was not recorded.",
    examples=[Example("Ba trọng tâm\nBộ trưởng Ngoại giao Hoàng Văn Sơn nêu 3 trọng tâm cho năm 2025. "
                      "Thứ nhất, đẩy mạnh ngoại giao kinh tế. Thứ hai, bảo vệ công dân ở nước ngoài.",
                      {"kind": "priority", "text": "ngoại giao kinh tế", "year": 2025})])

FALLBACKS = {"post": FALLBACK_POST, "participant": FALLBACK_PARTICIPANT, "meeting": FALLBACK_MEETING,
             "agreement": FALLBACK_AGREEMENT, "priority": FALLBACK_PRIORITY}


def or_fallback(kind: str, rule_id: str) -> str:
    """The rule id a fact of `kind` (post, participant, meeting, agreement, priority) is attributed to:
    its own, or the fallback of its kind when it names none."""
    return rule_id or FALLBACKS[kind]
