"""Facts from one article: people with dated posts, meetings with roles, agreements, priorities.

The passes run in order over one `ArticleContext` (`context.py`): the sentence analyses (tokens,
titles, names: `sentence.py`), people resolved within the article (`persons.py`), meetings and
participation (`meetings/`, `participation.py`, with `dates.py` and `places.py`), agreements
(`agreements.py`) and priorities (`priorities.py`). Each fact carries the id of the rule that made it.
"""
from __future__ import annotations

from ..facts import ArticleFacts
from ..lexicon import Lexicon
from ..reader import Article
from .agreements import find_agreements
from .context import ArticleContext, build_context
from .dates import REVIEW_RE
from .meetings.find import find_meetings
from .meetings.merge import finish_meetings
from .persons import rejections, resolve_people
from .priorities import find_priorities

__all__ = ["ArticleContext", "analyse", "build_context", "extract", "run"]


def run(ctx: ArticleContext) -> ArticleFacts:
    """Every pass over the context, in order; the article's facts."""
    resolve_people(ctx)
    find_meetings(ctx)
    meetings = finish_meetings(ctx.meeting_set)
    # an article without a date of its own is dated by its main meeting when the year came from the text
    article_date = ctx.article.date
    main = meetings[0] if meetings else None
    if article_date is None and main and main.date and REVIEW_RE.search(main.name + " " + " ".join(main.variants)):
        article_date = main.date
    people = list(ctx.people.values())
    agreements = find_agreements(ctx)
    priorities = find_priorities(ctx, main.key if main else None)
    orgs = sorted({e.iri for an in ctx.analyses for _, _, e in an.found if e.kind == "org"})
    return ArticleFacts(source=ctx.article.source, content_hash=ctx.article.content_hash, headline=ctx.article.headline,
                        url=ctx.article.url, date=article_date, credits=ctx.article.credits, people=people,
                        meetings=meetings, agreements=agreements, priorities=priorities, organizations=orgs)


def analyse(article: Article, lex: Lexicon | None = None, explain: bool = False) -> tuple[ArticleFacts, ArticleContext]:
    """The facts of one article and the context the passes left (tests read its work counters)."""
    ctx = build_context(article, lex)
    facts = run(ctx)
    if explain:
        facts.rejected = rejections(ctx)
    return facts, ctx


def extract(article: Article, lex: Lexicon | None = None, explain: bool = False) -> ArticleFacts:
    """The facts of one article; with `explain`, also the names refused as persons and the rule that refused
    each (`ArticleFacts.rejected`, read by `diplograph explain`)."""
    return analyse(article, lex, explain)[0]
