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

from ..facts import AgreementFact, PersonFact, Post, PriorityFact
from ..lexicon import Lexicon, load
from ..reader import Article, sentences
from .drafts import MeetingDraft, Mention, cap
from .meetings.merge import MeetingSet
from .sentence import SentenceAnalysis


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
    candidates: dict[str, PersonFact] = field(default_factory=dict)  # canonical name -> mentions' posts so far
    people: dict[str, PersonFact] = field(default_factory=dict)  # canonical name -> person with posts
    canon: dict[str, str] = field(default_factory=dict)  # surface -> canonical full name
    meeting_set: MeetingSet = field(default_factory=MeetingSet)  # the article's meetings and their merge index
    agreements: dict[str, AgreementFact] = field(default_factory=dict)  # abbreviation or folded name -> first action
    priorities: list[PriorityFact] = field(default_factory=list)
    priority_keys: set[tuple[int, str]] = field(default_factory=set)  # (year, folded text) of those found
    last_date: str | None = None  # the last meeting date read ("Cùng ngày, …" refers to it)
    ref_year: int | None = None  # cache of `reference_year`

    @property
    def meetings(self) -> list[MeetingDraft]:
        """The article's meetings so far, in order of first mention."""
        return self.meeting_set.meetings

    def add_meeting(self, mt: MeetingDraft) -> None:
        """The one entry point for meetings: a new mention joins the first earlier meeting it is the same
        as (`meetings.merge.same_meeting`), else becomes a meeting; its rules travel with it (`mt.rules`)."""
        self.meeting_set.add(mt)

    def add_posts(self, name: str, written: str, posts: list[Post]) -> None:
        """The one entry point for posts: a mention written `written` of the person `name` holds `posts`
        (each with its rule, `Post.rule`). A name becomes a candidate with its first post."""
        if not posts and name not in self.candidates:
            return
        pf = self.candidates.setdefault(name, PersonFact(name))
        if name != written and written not in pf.aliases:
            pf.aliases.append(written)
        pf.posts.extend(posts)

    def add_agreement(self, fact: AgreementFact, renamed_by: str | None = None) -> None:
        """The one entry point for agreement actions: one per abbreviation (else name), the first kept,
        except that a later mention naming an agreement known so far only by its abbreviation gives it its
        name (and an abbreviation-only mention borrows the name found before). `renamed_by`: the rule by
        which this mention's fuller name replaces the earlier one's (the earlier action kept unless it was
        a mere mention)."""
        key = fact.abbreviation or (fact.name or "").casefold()
        prev = self.agreements.get(key)
        if fact.name is None and prev is not None:
            fact.name = prev.name
        if prev is None or (not prev.name and fact.name):
            self.agreements[key] = fact
        elif renamed_by is not None:
            prev.name, prev.rule = fact.name, renamed_by
            if prev.action_type == "Mentioned":
                prev.action, prev.action_type, prev.tense, prev.evidence = (fact.action, fact.action_type, fact.tense,
                                                                             fact.evidence)

    def add_priority(self, text: str, year: int | None, setter: str | None, kind: str, evidence: str, rule: str,
                     meeting: str | None) -> None:
        """The one entry point for priorities: a direction of at least four words for a known year, once
        per (year, text); a theme is capitalised."""
        text = text.strip(" .;:,\"“”")
        text = re.sub(r"^(?:và|cũng như)\s+", "", text)
        if len(text.split()) < 4 or year is None:
            return
        key = (year, text.casefold())
        if key in self.priority_keys:
            return
        self.priority_keys.add(key)
        self.priorities.append(PriorityFact(text=cap(text) if kind == "theme" else text, year=year, set_by=setter,
                                            meeting=meeting, kind=kind, evidence=evidence, rule=rule))

    def add_participant(self, mt: MeetingDraft, name: str, role: str, evidence: str, rule: str, keep: bool = False) -> None:
        """The one entry point for participation: `name` took part in `mt` as `role`, by `rule`, read in
        `evidence`. With `keep`, an earlier participation of that name and role keeps its evidence and rule."""
        key = (name, role)
        if keep and key in mt.participants:
            return
        mt.participants[key] = (evidence, rule)
        self.meeting_set.touched(mt)


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
