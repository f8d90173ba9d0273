"""Corpus files as build input: JSON lines (``.jsonl``, or gzipped ``.jsonl.gz``), one article a line.

Each line is an object with ``id`` and ``text`` (strings) and optionally ``url``, ``date``
(``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``) and ``headline``. A line becomes the same `Article` the
reader makes of a file ``<id>.txt`` holding the text (the URL, date and headline are put in front as
the reader's header lines), so building from the corpus or from its articles written out as files
gives the same graph. A bad line (not JSON, not an object, no id or text, an article the reader
refuses) is reported with its line number and skipped; the other lines are read. Lines are read with
a size limit, so a corpus that is one huge line cannot fill the memory.
"""
from __future__ import annotations

import gzip
import json
import re
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterator, cast

from .reader import MAX_BYTES, Article, ArticleError, read_text

CORPUS_SUFFIXES = (".jsonl", ".jsonl.gz")
MAX_LINE_BYTES = MAX_BYTES  # one article's line: the reader's limit for one article file
_URL = re.compile(r"^https?://\S+$")
_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?")


def is_corpus(path: Path) -> bool:
    """A corpus file by its name (``.jsonl`` or ``.jsonl.gz``, any case)."""
    return path.name.lower().endswith(CORPUS_SUFFIXES)


@dataclass
class CorpusArticle:
    """An article read from a corpus line; `label` (``corpus.jsonl:12``) names it in messages."""

    label: str
    article: Article


def _open(path: Path) -> BinaryIO:
    return cast(BinaryIO, gzip.open(path, "rb") if path.name.lower().endswith(".gz") else path.open("rb"))


def article_from_record(record: object, source_label: str) -> Article:
    """A corpus record (a decoded JSON line) to an Article; ArticleError names what is wrong."""
    if not isinstance(record, dict):
        raise ArticleError(f"{source_label}: not a JSON object")
    ident, text = record.get("id"), record.get("text")
    if isinstance(ident, int) and not isinstance(ident, bool):
        ident = str(ident)
    if not isinstance(ident, str) or not ident.strip():
        raise ArticleError(f"{source_label}: no \"id\" (a non-empty string)")
    if not isinstance(text, str):
        raise ArticleError(f"{source_label}: no \"text\" (a string)")
    ident = ident.strip()
    if "/" in ident or "\\" in ident or ident in (".", "..") or any(not c.isprintable() for c in ident):
        raise ArticleError(f"{source_label}: id {ident!r} cannot name an article (no slashes or control characters)")
    head: list[str] = []
    url, date, headline = record.get("url"), record.get("date"), record.get("headline")
    if isinstance(url, str) and _URL.match(url.strip()):
        head.append(url.strip())
    if isinstance(date, str) and _DATE.match(date.strip()):
        head.append(f"date {_DATE.match(date.strip()).group(0)}")  # type: ignore[union-attr]
    if isinstance(headline, str) and headline.strip() and not text.lstrip().startswith(headline.strip()):
        head.append(headline.strip())
    return read_text("\n".join(head + [text]), source=f"{ident}.txt")


def _drop_rest(fh: BinaryIO, line: bytes) -> None:
    """Read the rest of an over-long line in pieces and drop it."""
    if not line.endswith(b"\n"):
        while (rest := fh.readline(1 << 20)) and not rest.endswith(b"\n"):
            pass


def read_corpus(path: str | Path, lines: tuple[int, int] | None = None, raw: list[bytes] | None = None
                ) -> Iterator[CorpusArticle | tuple[str, str]]:
    """The articles of a corpus file in order; a bad line or a read error is yielded as (label, reason)
    in its place, and reading goes on with the next line (a read error ends the file).

    `lines` (first, last) reads only those line numbers (1-based, inclusive; the others are skipped
    unparsed): the partitions of a distributed build. `raw`, when given, gets each article's line bytes
    appended as it is yielded (the distributed build's fact cache is keyed by them)."""
    path = Path(path)
    first, last = lines if lines is not None else (1, 1 << 62)
    try:
        fh = _open(path)
    except OSError as exc:
        yield str(path), f"cannot read ({exc.strerror or exc})"
        return
    lineno = 0
    with fh:
        while True:
            try:
                line = fh.readline(MAX_LINE_BYTES + 1)
            except (OSError, EOFError, zlib.error) as exc:  # a truncated or corrupt .gz
                yield f"{path}:{lineno + 1}", f"cannot read the file from this line on ({exc})"
                return
            if not line:
                return
            lineno += 1
            if lineno > last:
                return
            if lineno < first:
                _drop_rest(fh, line)  # a line before the range
                continue
            label = f"{path}:{lineno}"
            if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
                _drop_rest(fh, line)
                yield label, f"line too long (> {MAX_LINE_BYTES // (1024 * 1024)} MB)"
                continue
            if not line.strip():
                continue  # blank lines separate nothing and name no article
            try:
                record = json.loads(line.decode("utf-8"))
            except UnicodeDecodeError:
                yield label, "not UTF-8"
                continue
            except json.JSONDecodeError as exc:
                yield label, f"not JSON ({exc.msg} at column {exc.colno})"
                continue
            try:
                article = CorpusArticle(label, article_from_record(record, label))
            except ArticleError as exc:
                yield label, str(exc).split(": ", 1)[-1]
                continue
            if raw is not None:
                raw.append(line)
            yield article
