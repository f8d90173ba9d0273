"""Dates of meetings, resolved against the article's date."""

from __future__ import annotations

import re

from ..reader import valid_date
from .context import ArticleContext

DATE_RE = re.compile(
    r"(?:(?P<part>[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa|[Đđ]êm)\s+)?(?:(?:ngày|hôm|các ngày|trong các ngày|từ ngày)\s+)?"
    r"(?<![\d/.,-])(?P<d>\d{1,2})(?:\s*(?:-|–|và|đến)\s*\d{1,2})?\s*[/-]\s*(?P<m>\d{1,2})(?:\s*[/-]\s*(?P<y>\d{4}))?(?![\d/])"
)
DATE_TEXT_RE = re.compile(r"[Nn]gày (?P<d>\d{1,2}) tháng (?P<m>\d{1,2})(?: năm (?P<y>\d{4}))?")
REVIEW_RE = re.compile(r"tổng kết(?: công tác)?(?: của)?(?: năm)? (?P<y>\d{4})", re.I)

def resolve_date(ctx: ArticleContext, sentence: str, context: str = "") -> str | None:
    m = next((x for x in [*DATE_RE.finditer(sentence), *DATE_TEXT_RE.finditer(sentence)]
              if 1 <= int(x.group("d")) <= 31 and 1 <= int(x.group("m")) <= 12), None)
    if not m:
        return None
    d, mo = int(m.group("d")), int(m.group("m"))
    y = m.group("y")
    year = int(y) if y else None
    if year is None:
        around = f"{context} {sentence}"
        if ctx.article.year and ctx.article.date and len(ctx.article.date) >= 4:
            year = ctx.article.year
            if ctx.article.month and mo > ctx.article.month + 1:
                year -= 1
        elif (r := REVIEW_RE.search(around)) and (mo <= 3 or mo >= 11):
            year = int(r.group("y")) + (1 if mo <= 3 else 0)
        else:
            # a full date elsewhere in the same sentence gives the year ("chiều 3/7 … từ ngày 3-8/7/2017")
            for mm in DATE_RE.finditer(sentence):
                if mm.group("y") and int(mm.group("m")) == mo:
                    year = int(mm.group("y"))
                    break
    if year is None:
        return None
    return valid_date(year, mo, d)  # "31/2" is no date: an ill-typed xsd:date broke SHACL (tests/test_hostile_inputs.py)
