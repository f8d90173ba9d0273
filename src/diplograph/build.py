"""The build: input paths to a validated Turtle graph (and its HTML view), atomically.

Each article is mapped on its own (in a process pool for large inputs), so one bad file is reported and
skipped while the others are mapped. The graph is assembled as a `mapper.Triples` set of N-Triples terms
and written in one canonical order by `ttl` (the bytes pyoxigraph writes); rdflib is used only where a
Graph object is needed (the HTML view, SHACL), because at archive scale its store and serializer took
longer than the extraction itself. With a cache folder the build is incremental: facts come from the
per-article fact cache (`cache`) and the graph of the last build is brought up to date (`graphstate`),
writing the same bytes a full build writes.
"""
from __future__ import annotations

import errno
import gc
import json
import os
import sys
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Sequence

from .atomic import write_atomic  # noqa: F401  (re-exported: viz and tests import it from here)
from .budget import OverBudget, over_budget_reason, time_budget
from .facts import ArticleFacts

if TYPE_CHECKING:  # imported when needed: a build with nothing to do never loads rdflib or the extractor
    from rdflib import Graph

    from .corpus import CorpusArticle
    from .mapper import Triples

ARTICLE_SUFFIXES = {".txt", ".html", ".htm"}
# SHACL (pyshacl, pure Python) takes tens of seconds on archive-sized graphs: the build checks graphs up
# to this size and reports larger ones as not checked (`diplograph validate` checks any file).
SHACL_MAX_TRIPLES = 30_000
# Below this many articles to map, a process pool costs more than it saves.
POOL_MIN_ARTICLES = 64
# `diplograph build` exit statuses: 0 all read, 1 a file was skipped, 2 nothing could be read, and
# this one when the output could not be written (full disk, read-only or forbidden folder).
EXIT_OUTPUT_ERROR = 3


class OutputError(Exception):
    """The Turtle or the HTML could not be written; the message is one line (the file and the reason).

    Before, the OSError went up as a traceback and exit status 1, which means "a file was
    skipped"; the previous outputs are left as they were either way (temporary file, then rename)."""


def _io_reason(exc: OSError) -> str:
    return exc.strerror or str(exc) or type(exc).__name__


@contextmanager
def _writing(path: Path):
    """Turn an OSError while writing `path` into a one-line `OutputError`."""
    try:
        yield
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {_io_reason(exc)}") from None


# Time budget per article (seconds): an article whose mapping takes longer is reported by name and
# skipped, so one pathological text never holds the build (the slowest input found maps in ~4 s).
DEFAULT_ARTICLE_BUDGET = 30.0
ENV_ARTICLE_BUDGET = "DIPLOGRAPH_ARTICLE_BUDGET"
_budget: float | None = None  # of the running build; forked pool workers inherit it


def article_budget_seconds(value: float | None, warnings: list[str]) -> float:
    """The budget given to `build_graph`, else `DIPLOGRAPH_ARTICLE_BUDGET`, else the default."""
    import math

    if value is not None:
        if not (isinstance(value, (int, float)) and math.isfinite(value) and value > 0):
            raise ValueError(f"article_budget must be a positive number of seconds, got {value!r}")
        return float(value)
    raw = os.environ.get(ENV_ARTICLE_BUDGET)
    if raw is None or raw == "":
        return DEFAULT_ARTICLE_BUDGET
    try:
        budget = float(raw)
    except ValueError:
        budget = math.nan
    if not (math.isfinite(budget) and budget > 0):
        warnings.append(f"{ENV_ARTICLE_BUDGET}={raw!r} is not a positive number of seconds; "
                        f"using {DEFAULT_ARTICLE_BUDGET:g} s")
        return DEFAULT_ARTICLE_BUDGET
    return budget


class _CacheUnwritable(Exception):
    """The cache folder could not be written: the build goes on without it (a warning, never the end)."""


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
    shacl_skipped: bool = False  # validation was turned off (`--no-validate`)
    turtle_written: bool = False  # False: the Turtle on disk was already this graph (incremental build)
    ignored: int = 0  # files in the input folders that are not articles (other suffixes, hidden, refused links)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (path, why) of inputs left out on purpose
    warnings: list[str] = field(default_factory=list)  # one line each, e.g. a cache that cannot be written

    def summary(self) -> str:
        """What the build did, line by line; every statement is about what happened in this build (a
        file is said to be written only when it was, SHACL "conforms" only when it was checked)."""
        lines = [f"articles read: {self.read}, skipped: {len(self.skipped)}, ignored: {self.ignored}"
                 + (f" (cached: {self.cached})" if self.cached else "")]
        for f, why in self.skipped:
            lines.append(f"  skipped {f}: {why}")
        if not self.read:
            lines.append("nothing written (no article was read)")
            return "\n".join(lines)
        lines.append("facts: " + ", ".join(f"{k} {self.facts[k]}" for k in ("people", "posts", "meetings", "participants", "agreements", "priorities")))
        lines.append(f"triples: {self.triples}")
        if self.shacl_skipped:
            lines.append("SHACL: skipped (--no-validate)")
        elif not self.validated:
            lines.append(f"SHACL: not checked ({self.triples} triples > {SHACL_MAX_TRIPLES}; "
                         "run `diplograph validate` on the file)")
        elif self.violations:
            lines.append(f"SHACL: {len(self.violations)} violation(s)")
            lines.extend(f"  {v}" for v in self.violations[:20])
        else:
            lines.append("SHACL: conforms")
        if self.turtle:
            lines.append(f"wrote {self.turtle}" if self.turtle_written else f"unchanged {self.turtle} (already this graph)")
        if self.html:
            lines.append(f"wrote {self.html}")
        return "\n".join(lines)


@dataclass
class Inputs:
    """What `collect` found: article files, corpus files, problems with the named paths, and what was
    left out of the folders on purpose (`ignored` counts files; `notes` says why for the ones worth a warning)."""

    files: list[Path] = field(default_factory=list)
    corpora: list[Path] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)
    ignored: int = 0
    notes: list[tuple[str, str]] = field(default_factory=list)


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _already_read(folder: str, key: tuple[int, int], seen: dict[tuple[int, int], str], out: "Inputs") -> bool:
    """Whether the walk reached a folder it read already (then noted in `out`; else it is recorded).
    Reached again below itself, it is a symlink loop (a problem: the link cannot be read as a folder);
    reached by another path (a link inside the tree to another of its folders), it is the same folder
    and nothing is lost (a note; before, its real path was reported as a loop and the build exited 1)."""
    first = seen.get(key)
    if first is None:
        seen[key] = folder
        return False
    if _inside(folder, first):
        out.problems.append((folder, "symlink loop, folder already read"))
    else:
        out.notes.append((folder, f"the same folder as {first}, already read"))
    return True


def _without_build_page(folder: str, names: list[str], outputs: set[str], out: "Inputs") -> list[str]:
    """The file names of a folder without the page a build wrote in it, if one did (noted in `out`): a
    folder that is this build's output, or that holds the lock file every build leaves (an earlier
    build's output under another name, or `-o` the input folder itself). That diplograph.html is a view
    of a graph, never an article."""
    if PAGE_FILE not in names or not (LOCK_FILE in names or os.path.realpath(folder) in outputs):
        return names
    out.notes.append((PAGE_FILE if folder == "." else os.path.join(folder, PAGE_FILE),
                      "the HTML view of a diplograph build, not read"))
    out.ignored += 1
    return [n for n in names if n != PAGE_FILE]


def collect_inputs(paths: Iterable[str | Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Files to read under the given files and folders; problems with the paths themselves."""
    found = collect(paths)
    return found.files, found.problems


def collect(paths: Iterable[str | Path], exclude: Iterable[str | Path | None] = (), follow_links: bool = False) -> Inputs:
    """Article files under the given files and folders, and corpus files (.jsonl, .jsonl.gz) named directly.

    In a folder, only .txt/.html/.htm files that are not hidden are articles; the others are counted as
    ignored. A symbolic link that leads outside the folder named on the command line is not followed
    unless `follow_links` (a link to /etc or a home folder would otherwise pull arbitrary files into a
    graph); the folders in `exclude` (the build's output and cache) are never read, so `diplograph build .`
    does not read its own HTML view back as an article. A folder with no article in it is a problem."""
    from .corpus import is_corpus

    out = Inputs()
    files: set[str] = set()
    skip_dirs = {os.path.realpath(e) for e in exclude if e}
    seen_dirs: dict[tuple[int, int], str] = {}  # folder (device, inode) -> the path it was first read by
    for p in paths:
        p = Path(p)
        if not p.exists():
            out.problems.append((str(p), "broken symbolic link" if p.is_symlink() else "no such file or folder"))
            continue
        if p.is_file() and is_corpus(p):
            out.corpora.append(p)
            continue
        if not p.is_dir():
            files.add(str(p))  # named explicitly: read (the reader refuses FIFOs and devices itself)
            continue
        base = os.path.realpath(p)
        before, ignored_before = len(files), out.ignored
        for root, dirs, names in os.walk(p, followlinks=True):
            try:
                st = os.stat(root)
            except OSError as exc:
                out.problems.append((root, f"cannot read folder ({exc.strerror})"))
                dirs[:] = []
                continue
            if _already_read(root, (st.st_dev, st.st_ino), seen_dirs, out):
                dirs[:] = []
                continue
            prefix = str(Path(root))  # the file names below are str(Path(root) / name), made without a Path each
            keep = []
            for d in sorted(dirs):
                full = os.path.join(prefix, d)
                real = os.path.realpath(full)
                if real in skip_dirs:
                    out.notes.append((full, "output or cache folder of this build, not read"))
                    continue
                if os.path.islink(full) and not follow_links and not _inside(real, base):
                    out.notes.append((full, f"symbolic link to {real}, outside {p}: not followed (--follow-links)"))
                    out.ignored += 1
                    continue
                keep.append(d)
            # real folders before links to folders: a folder linked from inside the tree is read by its
            # own path, and the link is the one noted as the same folder
            dirs[:] = sorted(keep, key=lambda d: os.path.islink(os.path.join(prefix, d)))
            for n in _without_build_page(prefix, names, skip_dirs, out):
                if n.startswith(".") or os.path.splitext(n)[1].lower() not in ARTICLE_SUFFIXES:
                    out.ignored += 1
                    continue
                full = n if prefix == "." else os.path.join(prefix, n)
                if not follow_links and os.path.islink(full) and not _inside(os.path.realpath(full), base):
                    out.notes.append((full, f"symbolic link to {os.path.realpath(full)}, outside {p}: "
                                            "not read (--follow-links)"))
                    out.ignored += 1
                    continue
                files.add(full)
        if len(files) == before:
            other = out.ignored - ignored_before
            out.problems.append((str(p), "no .txt, .html or .htm article in this folder"
                                 + (f" ({other} other file(s) ignored)" if other else " (it is empty)")))
    out.files = [Path(f) for f in sorted(files)]
    return out


def map_file(path: str | Path) -> ArticleFacts:
    """One article file to its facts; raises ArticleError on bad input."""
    from .extract import extract
    from .reader import read_file

    return extract(read_file(path))


def _map_safe(item: "str | CorpusArticle", cache_dir: str | None = None, inputs: bool = False
              ) -> tuple[str, ArticleFacts | None, str | None, tuple | None]:
    """Map one file in a worker: (path, facts, reason when it cannot be read, resolution input).

    The facts travel back pickled (cheaper than dicts); the worker writes the cache entry itself so
    JSON encoding is spread over the pool, and with `inputs` it also makes what resolution reads of
    the article (`resolve.res_input`), which would otherwise be made after the pool, on one core."""
    from .reader import ArticleError

    path = item if isinstance(item, str) else item.label
    try:
        try:
            with time_budget(_budget):
                if isinstance(item, str):
                    facts = map_file(item)
                else:  # a corpus line, already read (see `corpus.read_corpus`)
                    from .extract import extract

                    facts = extract(item.article)
        except OverBudget:
            return path, None, over_budget_reason(_budget or 0), None
    except ArticleError as exc:
        return path, None, str(exc).split(": ", 1)[-1], None
    except Exception as exc:  # a bug on one article must not stop the others
        return path, None, f"internal error: {type(exc).__name__}: {exc}", None
    if cache_dir is not None and isinstance(item, str):
        from .cache import FactCache

        try:
            FactCache.entry_for(Path(cache_dir)).put(Path(path), facts)
        except OSError:
            pass  # a cache entry is only an optimisation; the parent warns when the cache cannot be saved
    if inputs:
        from .resolve import res_input

        return path, facts, None, res_input(facts)
    return path, facts, None, None


@contextmanager
def _collector_off(collect_after: bool = False):
    """The cyclic garbage collector off for a block (restored after, with one collection if asked).

    The build makes millions of small objects (terms, tuples, facts) and no reference cycles: the
    collector only re-scans live objects over and over (a fifth of an incremental build's time,
    5-10% of extraction)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collect_after:
            gc.collect()
        if enabled:
            gc.enable()


def _map_chunk(paths: "Sequence[str | CorpusArticle]", cache_dir: str | None, inputs: bool = False
               ) -> list[tuple[str, ArticleFacts | None, str | None, tuple | None]]:
    # One collection per chunk, for whatever a library (HTML extraction, encoding detection) may leave
    # in cycles; the objects inherited from the parent were frozen before the fork, so that pass is
    # about a millisecond.
    with _collector_off(collect_after=True):
        return [_map_safe(p, cache_dir, inputs) for p in paths]


def _chunks(items: Sequence, jobs: int) -> list[list]:
    """Contiguous chunks, several per worker so a slow chunk does not leave a core idle at the end."""
    # small enough that the last chunks end close together (a 512-article chunk is over a second of
    # work, which one core spent alone at the end), large enough that sending chunks costs nothing
    size = max(1, min(96, -(-len(items) // (jobs * 6))))
    return [list(items[i:i + size]) for i in range(0, len(items), size)]


def _map_paths(todo: "Sequence[str | CorpusArticle]", jobs: int | None, progress: bool, cache_dir: str | None, inputs: bool = False
               ) -> Iterable[tuple[str, ArticleFacts | None, str | None, tuple | None]]:
    """`_map_safe` of each path, in order; a process pool for large inputs, with the lexicons
    compiled before the pool forks so workers inherit them instead of each parsing the Turtle
    lexicons again."""
    jobs = jobs or (os.cpu_count() or 1)
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(todo), unit="article", disable=len(todo) < 50, leave=False)
    pool = None
    results: Iterable[list[tuple[str, ArticleFacts | None, str | None, tuple | None]]]
    if jobs > 1 and len(todo) >= POOL_MIN_ARTICLES:
        from .lexicon import load

        load()  # compiled before the fork: inherited by the workers
        import multiprocessing

        gc.freeze()  # what the workers inherit is never scanned by their collections (see `_map_chunk`)
        from concurrent.futures import ProcessPoolExecutor

        ctx = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
        pool = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx)
        chunks = _chunks(todo, jobs)
        results = pool.map(_map_chunk, chunks, [cache_dir] * len(chunks), [inputs] * len(chunks))
    else:
        results = ([_map_safe(p, cache_dir, inputs)] for p in todo)
    try:
        for chunk in results:
            for item in chunk:
                if bar:
                    bar.update(1)
                yield item
    finally:
        if pool:
            pool.shutdown()
            gc.unfreeze()
        if bar:
            bar.close()


def map_files(files: list[Path], jobs: int | None = None, progress: bool = False,
              cache_dir: Path | None = None) -> tuple[list[ArticleFacts], list[tuple[str, str]], int]:
    """Facts of every file (from the cache when its content was mapped before), problems, cache hits.

    Facts come back in the order of `files`. Large inputs are mapped in a process pool sized to the
    cores (see `_map_paths`).
    """
    from .cache import FactCache

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
    for path, af, err, _ in _map_paths(todo, jobs, progress, str(cache.folder) if cache else None):
        if af is None:
            skipped.append((path, err or "unknown error"))
            continue
        found[path] = af
        if cache:
            cache.record(Path(path), af)
    if cache:
        try:
            cache.save()
        except OSError:
            pass  # only an optimisation: the next run maps these files again
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


def serialize_turtle(graph: "Graph | Triples") -> bytes:
    """Turtle in one canonical order (see `mapper.Triples.turtle`): equal graphs give equal bytes."""
    from .mapper import Triples

    if not isinstance(graph, Triples):
        graph = Triples.from_rdflib(graph)
    return graph.turtle()


def build_graph(paths: Iterable[str | Path], out_dir: str | Path = "graph", *, jobs: int | None = None,
                html: bool = True, validate: bool = True, progress: bool = False,
                cache_dir: str | Path | None = None,
                log: Callable[[str], None] | None = None, article_budget: float | None = None,
                follow_links: bool = False) -> BuildReport:
    """Map the articles under `paths` (files, folders, corpus files; see `collect`) and write
    `out_dir/diplograph.ttl` (and `.html`).

    The build holds an exclusive lock on the output folder (and on the cache folder) from start to end:
    a second build into the same folder waits for the first (see `locked_folders`). An article whose mapping
    takes more than `article_budget` seconds (default: `DIPLOGRAPH_ARTICLE_BUDGET`, else 30 s) is
    skipped with that reason; the others give the graph they give without it."""
    global _budget
    warnings: list[str] = []
    budget = article_budget_seconds(article_budget, warnings)
    with locked_folders(Path(out_dir), Path(cache_dir) if cache_dir else None, log), _collector_off():
        previous, _budget = _budget, budget
        try:
            report = _build_graph(paths, out_dir, jobs=jobs, html=html, validate=validate, progress=progress,
                                  cache_dir=cache_dir, log=log, follow_links=follow_links)
        finally:
            _budget = previous
    report.warnings[:0] = warnings
    return report


LOCK_FILE = ".diplograph.lock"
PAGE_FILE = "diplograph.html"  # the HTML view a build writes next to diplograph.ttl


@contextmanager
def locked_folders(out_dir: Path, cache_dir: Path | None, log: Callable[[str], None] | None):
    """Hold exclusive locks on `LOCK_FILE` in the output folder and the cache folder.

    Two builds into one `-o` used to interleave: each wrote its own Turtle and HTML, so the folder could
    end with the Turtle of one and the HTML of the other (and a shared cache with a mix of states). The
    second build now waits, saying so once on stderr (or `log`). The locks are taken in one order
    (sorted paths) so two builds sharing folders crosswise cannot deadlock; the lock file stays (removing
    it would let a third build lock a different file). A cache folder that cannot hold a lock is left to
    the cache's own warning; where there is no `fcntl` (Windows) there is no lock.

    POSIX record locks (`fcntl.lockf`), not `flock`: a `flock` lock belongs to the open file, which the
    forked pool workers share, so a build killed with SIGKILL left its orphaned workers holding it and
    every later build waited for ever; a record lock belongs to this process alone and goes with it.
    (It does not exclude two builds in two threads of one process.)
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    folders = sorted({out_dir.resolve(), *([cache_dir.resolve()] if cache_dir else [])}, key=str)
    held: list[int] = []
    try:
        for folder in folders:
            try:
                folder.mkdir(parents=True, exist_ok=True)
                fd = os.open(folder / LOCK_FILE, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
            except OSError as exc:
                if folder == out_dir.resolve():
                    raise OutputError(f"cannot write {out_dir}: {_io_reason(exc)}") from None
                continue  # the cache: the build reports it cannot write there, and goes on
            held.append(fd)
            try:
                fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                if exc.errno not in (errno.EACCES, errno.EAGAIN):
                    continue  # a file system without locks: build as before
                what = "output" if folder == out_dir.resolve() else "cache"
                message = f"waiting: another build is using the {what} folder {folder} (lock {LOCK_FILE})"
                (log or (lambda m: print(m, file=sys.stderr, flush=True)))(message)
                fcntl.lockf(fd, fcntl.LOCK_EX)
        yield
    finally:
        for fd in reversed(held):
            os.close(fd)  # closing the last descriptor releases the lock


def _build_graph(paths: Iterable[str | Path], out_dir: str | Path, *, jobs: int | None, html: bool, validate: bool,
                 progress: bool, cache_dir: str | Path | None, log: Callable[[str], None] | None,
                 follow_links: bool) -> BuildReport:
    out_dir = Path(out_dir)
    report = BuildReport(shacl_skipped=not validate)
    found = collect(paths, exclude=(out_dir, cache_dir), follow_links=follow_links)
    report.skipped.extend(found.problems)
    report.ignored, report.notes = found.ignored, found.notes
    if cache_dir:
        for corpus in found.corpora:  # the fact cache and the kept graph are keyed by article file
            report.skipped.append((str(corpus), "corpus files are not read by a build with --cache"))
        try:
            return _build_cached(found.files, out_dir, Path(cache_dir), report, jobs=jobs, html=html, validate=validate,
                                 progress=progress, log=log)
        except _CacheUnwritable as exc:
            # built again, without the cache
            report = BuildReport(skipped=list(found.problems), warnings=[str(exc)], shacl_skipped=not validate,
                                 ignored=found.ignored, notes=list(found.notes))
    from .corpus import read_corpus

    todo: list[str | CorpusArticle] = [str(f) for f in found.files]
    for corpus in found.corpora:
        for got in read_corpus(corpus):
            if isinstance(got, tuple):
                report.skipped.append(got)
            else:
                todo.append(got)
    facts: list[ArticleFacts] = []
    inputs: list[tuple | None] = []
    for path, af, err, resin in _map_paths(todo, jobs, progress, None, inputs=True):
        if af is None:
            report.skipped.append((path, err or "unknown error"))
        else:
            facts.append(af)
            inputs.append(resin)
    report.read = len(facts)
    if not facts:
        return report  # nothing mapped: the previous graph stays as it was
    report.facts = count_facts(facts)
    from .mapper import to_triples

    triples = to_triples(facts, inputs)
    report.triples = len(triples)
    data = triples.turtle()
    _finish(report, out_dir, data, triples, html=html, validate=validate)
    return report


def _finish(report: BuildReport, out_dir: Path, data: bytes | None, triples: "Triples | None", *,
            html: bool, validate: bool) -> None:
    """SHACL (small graphs), then the Turtle (unless `data` is None: the file is current) and the HTML,
    written as one unit: both temporary files first, then both renamed (`write_atomic_many`), so a
    failure while writing either (a full disk) leaves both previous files."""
    graph = None
    if validate and report.triples <= SHACL_MAX_TRIPLES:
        from .validate import shacl_violations

        graph = _rdflib_graph(triples, out_dir / "diplograph.ttl", data)
        report.violations = shacl_violations(graph)
    else:
        report.validated = not validate or report.triples <= SHACL_MAX_TRIPLES
    turtle, page = out_dir / "diplograph.ttl", out_dir / PAGE_FILE
    outputs: list[tuple[Path, bytes]] = [(turtle, data)] if data is not None else []
    report.turtle_written = data is not None  # None: the file on disk already held this graph
    if html:
        try:
            from .viz import html_page
        except ImportError:
            html = False
        else:
            outputs.append((page, html_page(graph if graph is not None else _rdflib_graph(triples, turtle, data))[0]))
    if outputs:
        from .atomic import write_atomic_many

        with _writing(Path(" and ".join(str(p) for p, _ in outputs))):
            write_atomic_many(outputs)
    report.turtle = turtle
    if html:
        report.html = page


def _rdflib_graph(triples: "Triples | None", turtle: Path, data: bytes | None) -> "Graph":
    if triples is not None:
        return triples.to_rdflib()
    from .mapper import Triples

    return Triples.from_turtle(data if data is not None else turtle.read_bytes()).to_rdflib()


def _build_cached(files: list[Path], out_dir: Path, cache_dir: Path, report: BuildReport, *, jobs: int | None,  # noqa: C901
                  html: bool, validate: bool, progress: bool, log: Callable[[str], None] | None) -> BuildReport:
    """An incremental build: facts from the fact cache, the graph brought up to date by `graphstate`."""
    from . import graphstate
    from .cache import FactCache

    def unwritable(exc: OSError) -> _CacheUnwritable:
        return _CacheUnwritable(f"cache {cache_dir}: cannot write ({_io_reason(exc)}); built without it")

    try:
        cache = FactCache(cache_dir)
    except OSError as exc:
        raise unwritable(exc) from None
    articles: list[tuple[str, str, str]] = []  # (path, source, digest)
    digests: dict[str, str] = {}
    unreadable: list[str] = []
    for f in files:
        try:
            digest = cache.digest(f)
        except OSError:
            unreadable.append(str(f))  # mapped below for its reason
            continue
        key = str(f)
        digests[key] = digest
        articles.append((key, _source_name(f), digest))
    mapped = 0  # articles whose facts were extracted in this build (not from the cache)
    resins: dict[str, tuple] = {}  # resolution inputs made by the workers with the facts

    def get_facts(paths: list[str]) -> dict[str, ArticleFacts]:
        nonlocal mapped
        got: dict[str, ArticleFacts] = {}
        todo = []
        for p in paths:
            facts = cache.facts(digests[p], Path(p))
            if facts is not None:
                got[p] = facts
            else:
                todo.append(p)
        for path, af, err, resin in _map_paths(todo, jobs, progress, str(cache.folder), inputs=True):
            if af is None:
                report.skipped.append((path, err or "unknown error"))
                continue
            mapped += 1
            got[path] = af
            if resin is not None:  # (graphstate makes the missing ones)
                resins[path] = resin
            cache.record(Path(path), af)
        return got

    for path, _af, err, _ in _map_paths(unreadable, 1, False, None):
        report.skipped.append((path, err or "unknown error"))  # a file that cannot even be stat'ed
    if not articles:
        return report
    try:
        outcome, new_state = graphstate.update(cache_dir / "graph", graphstate.graph_salt(cache.salt),
                                               out_dir / "diplograph.ttl", articles, get_facts, log, resins)
    except OSError as exc:  # the graph state's shards could not be written
        raise unwritable(exc) from None
    try:
        cache.save()
    except OSError as exc:
        report.warnings.append(str(unwritable(exc)).replace("built without it", "the facts will be mapped again next time"))
    report.read = len(outcome.records)
    report.cached = report.read - mapped
    if not outcome.records:
        return report  # nothing could be read: the previous graph stays as it was
    report.facts = _count_records(outcome.records)
    report.triples = outcome.triples
    _finish(report, out_dir, outcome.data, None, html=html, validate=validate)
    if new_state is not None:  # after the Turtle it describes is in place
        try:
            graphstate.commit(cache_dir / "graph", new_state)
        except OSError as exc:
            if not report.warnings:
                report.warnings.append(str(unwritable(exc)).replace("built without it", "the next build is a cold one"))
    return report


def _source_name(path: Path) -> str:
    from .reader import source_name

    return source_name(path)


def _count_records(records: dict[str, tuple]) -> Counter:
    from .graphstate import R_COUNTS, R_PEOPLE

    c: Counter = Counter()
    c["people"] = len({n for r in records.values() for n in r[R_PEOPLE]})
    for r in records.values():
        posts, meetings, participants, agreements, priorities = r[R_COUNTS]
        c["posts"] += posts
        c["meetings"] += meetings
        c["participants"] += participants
        c["agreements"] += agreements
        c["priorities"] += priorities
    return c


def facts_json(facts: list[ArticleFacts]) -> str:
    return json.dumps([f.to_dict() for f in facts], ensure_ascii=False, indent=1, sort_keys=True)
