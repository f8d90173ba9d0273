"""The build: input paths to a validated Turtle graph (and its HTML view), atomically.

Each article is mapped on its own (in a process pool for large inputs, with a per-article cache keyed
by content hash), so one bad file is reported and skipped while the others are mapped. The graph is
assembled as a `mapper.Triples` set and written by pyoxigraph in one canonical order; rdflib is used
only where a Graph object is needed (the HTML view, SHACL), because at archive scale its store and
serializer took longer than the extraction itself.
"""
from __future__ import annotations

import json
import os
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from rdflib import Graph

from .atomic import write_atomic  # noqa: F401  (re-exported: viz and tests import it from here)
from .extract import extract
from .facts import ArticleFacts
from .mapper import Triples, to_triples
from .reader import ArticleError, read_file

ARTICLE_SUFFIXES = {".txt", ".html", ".htm"}
# SHACL (pyshacl, pure Python) takes tens of seconds on archive-sized graphs: the build checks graphs up
# to this size and reports larger ones as not checked (`diplograph validate` checks any file).
SHACL_MAX_TRIPLES = 30_000
# Below this many articles to map, a process pool costs more than it saves.
POOL_MIN_ARTICLES = 64


@dataclass
class BuildReport:
    read: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    facts: Counter = field(default_factory=Counter)
    triples: int = 0
    turtle: Path | None = None
    html: Path | None = None
    violations: list[str] = field(default_factory=list)
    cached: int = 0
    validated: bool = True  # False when the graph was too large for SHACL in the build

    def summary(self) -> str:
        lines = [f"articles read: {self.read}, skipped: {len(self.skipped)}" + (f" (cached: {self.cached})" if self.cached else "")]
        for f, why in self.skipped:
            lines.append(f"  skipped {f}: {why}")
        lines.append("facts: " + ", ".join(f"{k} {self.facts[k]}" for k in ("people", "posts", "meetings", "participants", "agreements", "priorities")))
        lines.append(f"triples: {self.triples}")
        if not self.validated:
            lines.append(f"SHACL: not checked ({self.triples} triples > {SHACL_MAX_TRIPLES}; "
                         "run `diplograph validate` on the file)")
        elif self.violations:
            lines.append(f"SHACL: {len(self.violations)} violation(s)")
            lines.extend(f"  {v}" for v in self.violations[:20])
        else:
            lines.append("SHACL: conforms")
        if self.turtle:
            lines.append(f"wrote {self.turtle}")
        if self.html:
            lines.append(f"wrote {self.html}")
        return "\n".join(lines)


def collect_inputs(paths: Iterable[str | Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Files to read under the given files and folders; problems with the paths themselves."""
    files: list[Path] = []
    problems: list[tuple[str, str]] = []
    seen_dirs: set[tuple[int, int]] = set()
    for p in paths:
        p = Path(p)
        if not p.exists():
            problems.append((str(p), "no such file or folder"))
            continue
        if p.is_file():
            files.append(p)
            continue
        for root, dirs, names in os.walk(p, followlinks=True):
            try:
                st = os.stat(root)
            except OSError as exc:
                problems.append((root, f"cannot read folder ({exc.strerror})"))
                dirs[:] = []
                continue
            if (st.st_dev, st.st_ino) in seen_dirs:
                problems.append((root, "symlink loop, folder already read"))
                dirs[:] = []
                continue
            seen_dirs.add((st.st_dev, st.st_ino))
            dirs.sort()
            for n in sorted(names):
                f = Path(root) / n
                if f.suffix.lower() in ARTICLE_SUFFIXES and not n.startswith("."):
                    files.append(f)
    return sorted(set(files), key=lambda f: str(f)), problems


def map_file(path: str | Path) -> ArticleFacts:
    """One article file to its facts; raises ArticleError on bad input."""
    article = read_file(path)
    return extract(article)


def _map_safe(path: str, cache_dir: str | None = None) -> tuple[str, ArticleFacts | None, str | None]:
    """Map one file in a worker; the facts travel back pickled (cheaper than dicts), and the worker
    writes the cache entry itself so JSON encoding is spread over the pool."""
    try:
        facts = map_file(path)
    except ArticleError as exc:
        return path, None, str(exc).split(": ", 1)[-1]
    except Exception as exc:  # a bug on one article must not stop the others
        return path, None, f"internal error: {type(exc).__name__}: {exc}"
    if cache_dir is not None:
        from .cache import FactCache

        FactCache.entry_for(Path(cache_dir)).put(Path(path), facts)
    return path, facts, None


def _map_chunk(paths: list[str], cache_dir: str | None) -> list[tuple[str, ArticleFacts | None, str | None]]:
    return [_map_safe(p, cache_dir) for p in paths]


def _chunks(items: list[str], jobs: int) -> list[list[str]]:
    """Contiguous chunks, several per worker so a slow chunk does not leave a core idle at the end."""
    size = max(1, min(512, -(-len(items) // (jobs * 6))))
    return [items[i:i + size] for i in range(0, len(items), size)]


def map_files(files: list[Path], jobs: int | None = None, progress: bool = False,
              cache_dir: Path | None = None) -> tuple[list[ArticleFacts], list[tuple[str, str]], int]:
    """Facts of every file (from the cache when its content was mapped before), problems, cache hits.

    Facts come back in the order of `files`. Large inputs are mapped in a process pool sized to the
    cores; the lexicons are compiled once in this process before the pool forks, so workers inherit
    them instead of each parsing the Turtle lexicons again.
    """
    from .cache import FactCache
    from .lexicon import load

    cache = FactCache(cache_dir) if cache_dir else None
    found: dict[str, ArticleFacts] = {}
    skipped: list[tuple[str, str]] = []
    todo: list[str] = []
    hits = 0
    for f in files:
        got = cache.get(f) if cache else None
        if got is not None:
            found[str(f)] = got
            hits += 1
        else:
            todo.append(str(f))
    jobs = jobs or (os.cpu_count() or 1)
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(todo), unit="article", disable=len(todo) < 50, leave=False)
    cdir = str(cache.folder) if cache else None
    pool = None
    results: Iterable[list[tuple[str, ArticleFacts | None, str | None]]]
    if jobs > 1 and len(todo) >= POOL_MIN_ARTICLES:
        load()  # compiled before the fork: inherited by the workers
        import multiprocessing

        ctx = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
        pool = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx)
        chunks = _chunks(todo, jobs)
        results = pool.map(_map_chunk, chunks, [cdir] * len(chunks))
    else:
        results = ([_map_safe(p, cdir)] for p in todo)
    try:
        for chunk in results:
            for path, af, err in chunk:
                if bar:
                    bar.update(1)
                if af is None:
                    skipped.append((path, err or "unknown error"))
                    continue
                found[path] = af
                if cache:
                    cache.record(Path(path), af)
    finally:
        if pool:
            pool.shutdown()
        if bar:
            bar.close()
    if cache:
        cache.save()
    facts = [found[str(f)] for f in files if str(f) in found]
    return facts, skipped, hits


def count_facts(facts: list[ArticleFacts]) -> Counter:
    c: Counter = Counter()
    c["people"] = len({p.name for a in facts for p in a.people})
    c["posts"] = sum(len(p.posts) for a in facts for p in a.people)
    c["meetings"] = sum(len(a.meetings) for a in facts)
    c["participants"] = sum(len(m.participants) for a in facts for m in a.meetings)
    c["agreements"] = sum(len(a.agreements) for a in facts)
    c["priorities"] = sum(len(a.priorities) for a in facts)
    return c


def serialize_turtle(graph: Graph | Triples) -> bytes:
    """Turtle in one canonical order (see `mapper.Triples.turtle`): equal graphs give equal bytes."""
    if isinstance(graph, Graph):
        graph = Triples.from_rdflib(graph)
    return graph.turtle()


def build_graph(paths: Iterable[str | Path], out_dir: str | Path = "graph", *, jobs: int | None = None,
                html: bool = True, validate: bool = True, progress: bool = False,
                cache_dir: str | Path | None = None,
                log: Callable[[str], None] | None = None) -> BuildReport:
    """Map the articles under `paths` and write `out_dir/diplograph.ttl` (and `.html`)."""
    out_dir = Path(out_dir)
    report = BuildReport()
    files, problems = collect_inputs(paths)
    report.skipped.extend(problems)
    facts, skipped, hits = map_files(files, jobs=jobs, progress=progress,
                                     cache_dir=Path(cache_dir) if cache_dir else None)
    report.skipped.extend(skipped)
    report.cached = hits
    report.read = len(facts)
    if not facts:
        return report  # nothing mapped: the previous graph stays as it was
    report.facts = count_facts(facts)
    triples = to_triples(facts)
    report.triples = len(triples)
    graph: Graph | None = None
    if validate and len(triples) <= SHACL_MAX_TRIPLES:
        from .validate import shacl_violations

        graph = triples.to_rdflib()
        report.violations = shacl_violations(graph)
    else:
        report.validated = not validate or len(triples) <= SHACL_MAX_TRIPLES
    data = serialize_turtle(triples)
    turtle = out_dir / "diplograph.ttl"
    write_atomic(turtle, data)
    report.turtle = turtle
    if html:
        try:
            from .viz import write_html

            write_html(graph if graph is not None else triples.to_rdflib(), out_dir / "diplograph.html")
            report.html = out_dir / "diplograph.html"
        except ImportError:
            pass
    return report


def facts_json(facts: list[ArticleFacts]) -> str:
    return json.dumps([f.to_dict() for f in facts], ensure_ascii=False, indent=1, sort_keys=True)
