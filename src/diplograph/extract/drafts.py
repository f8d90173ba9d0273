"""Facts as the passes build them, before they become `facts` dataclasses (no dependencies: every pass imports it)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..facts import Post


@dataclass
class MeetingDraft:
    """A meeting as the passes build it (several mentions merge into one before it becomes a `MeetingFact`)."""

    key: str
    kind: str
    kind_word: str
    name: str
    named: bool  # the text gives a real name (not built from parties)
    sentence_index: int
    date: str | None = None
    place: str | None = None
    organizer: str | None = None
    status: str = "held"
    format: str | None = None
    participants: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)  # (name, role) -> (evidence, rule)
    background: bool = False  # mentioned in passing ("kể từ sau Hội nghị lần thứ nhất"): not the meeting in focus
    variants: list[str] = field(default_factory=list)
    evidence: str = ""
    visitor: str | None = None
    part_of: str | None = None
    span_start: int = -1  # where its mention starts in its sentence (for the frame rules)
    rules: list[str] = field(default_factory=list)  # every rule that found a mention of it (the first made it)
    merged_into: MeetingDraft | None = None  # the meeting this mention was merged into (`merge.add_meeting`)
    slot: int = -1  # its position in `ArticleContext.meetings` once added (the merge index refers to it)

    def names(self) -> set[str]:
        return {n for n, _ in self.participants}

    def canonical(self) -> MeetingDraft:
        """The meeting this mention was merged into (itself when it was added as a meeting of its own)."""
        return self.merged_into or self


def cap(s: str) -> str:
    """The text with its first letter in upper case (a name read from inside a sentence)."""
    return s[:1].upper() + s[1:] if s else s


def word_set(s: str) -> set[str]:
    """The case-folded words of a text."""
    return {w.casefold() for w in re.findall(r"\w+", s)}


@dataclass
class Mention:
    name: str
    start: int  # char offsets in the sentence
    end: int
    tok_start: int
    tok_end: int  # exclusive
    posts: list[Post] = field(default_factory=list)
    short: bool = False  # a single word: a short form to resolve against full names
    title_start: int = -1  # char offset where the title chain before the name starts (or the name itself)
    after_end: int = -1  # char offset where the titles after the name end (or the name's end)


@dataclass
class TitleSpan:
    tok_start: int
    tok_end: int  # exclusive
    head: str
    kind: str
