"""The article context every pass reads and writes.

One `ArticleContext` per article: its sentences and their analyses (tokens, titles, gazetteer matches,
name mentions), then what the passes found so far (people, meetings). Passes are functions of the
context; they hand results to each other only through its typed fields, never through attributes
patched onto objects. Facts are written through the `add_*` entry points, each with its rule id.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..facts import PersonFact
from ..lexicon import Lexicon, load
from ..reader import Article, sentences
from .sentence import Mention, SentenceAnalysis


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


def cap(s: str) -> str:
    """The text with its first letter in upper case (a name read from inside a sentence)."""
    return s[:1].upper() + s[1:] if s else s


def word_set(s: str) -> set[str]:
    """The case-folded words of a text."""
    return {w.casefold() for w in re.findall(r"\w+", s)}


class Mentions:
    """The name mentions of each sentence. An article with a title somewhere has them all made at once;
    one without (most articles of an archive outside diplomacy) makes a sentence's mentions only when a
    pass asks for them: nobody there becomes a person, and names matter only where a meeting word might
    stand inside one."""

    def __init__(self, analyses: list[SentenceAnalysis], eager: bool):
        self._analyses = analyses
        self.eager = eager
        self._done: dict[int, list[Mention]] = {i: an.mentions() for i, an in enumerate(analyses)} if eager else {}

    def __getitem__(self, si: int) -> list[Mention]:
        got = self._done.get(si)
        if got is None:
            got = self._done[si] = self._analyses[si].mentions()
        return got

    def __iter__(self) -> Iterator[list[Mention]]:
        return (self[i] for i in range(len(self._analyses)))


@dataclass
class ArticleContext:
    """What the passes know of one article. Built by `build_context`; read and written by the passes."""

    article: Article
    lex: Lexicon
    sents: list[str]
    para_of: list[int]  # paragraph index of each sentence
    analyses: list[SentenceAnalysis]
    titled: bool  # a title stands somewhere in the article (else nobody can be a person)
    mentions: Mentions
    people: dict[str, PersonFact] = field(default_factory=dict)  # canonical name -> person with posts
    canon: dict[str, str] = field(default_factory=dict)  # surface -> canonical full name
    meetings: list[MeetingDraft] = field(default_factory=list)
    last_date: str | None = None  # the last meeting date read ("Cùng ngày, …" refers to it)
    ref_year: int | None = None  # cache of `reference_year`
    work: dict[str, int] = field(default_factory=dict)  # counters of work done (merge comparisons), for tests

    def count(self, what: str, n: int = 1) -> None:
        self.work[what] = self.work.get(what, 0) + n


def build_context(article: Article, lex: Lexicon | None = None) -> ArticleContext:
    """The sentences of an article (paragraph by paragraph) and their analyses."""
    lex = lex or load()
    sents: list[str] = []
    para_of: list[int] = []
    for pi, p in enumerate(article.paragraphs):
        for s in sentences(p):
            sents.append(s)
            para_of.append(pi)
    analyses = [SentenceAnalysis(s, lex, defer=True) for s in sents]
    # A person needs a title next to the name, and posts come only from titles in the same sentence.
    titled = any(an.titled for an in analyses)
    return ArticleContext(article=article, lex=lex, sents=sents, para_of=para_of, analyses=analyses, titled=titled,
                          mentions=Mentions(analyses, eager=titled))


def reference_year(ctx: ArticleContext) -> int:
    """The article's year: its date's, else the latest year it writes (0 when it writes none)."""
    if ctx.ref_year is None:
        years = [int(y) for y in re.findall(r"\b((?:19|20)\d\d)\b", " ".join(ctx.sents))]
        ctx.ref_year = ctx.article.year or (max(years) if years else 0)
    return ctx.ref_year


def past_year(ctx: ArticleContext, text: str) -> bool:
    """A year before the article's own stands in `text`."""
    m = re.search(r"(?:tháng\s+\d{1,2}\s*[/-]\s*|năm\s+|hồi\s+)((?:19|20)\d\d)\b", text)
    ref = reference_year(ctx)
    return bool(m and ref and int(m.group(1)) < ref)


def plausible_year(ctx: ArticleContext, year: int) -> bool:
    """A year a direction can be set for: the article's year or the next (any recent year when undated)."""
    ref = reference_year(ctx)
    return bool(ref) and ref <= year <= ref + 1


def person_name(ctx: ArticleContext, m: Mention) -> str | None:
    """The canonical name of the person a mention names, or None when it names no person of the article."""
    name = ctx.canon.get(m.name, m.name)
    return name if name in ctx.people else None
