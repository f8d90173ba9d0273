"""The build on a Dask cluster: the same graph as `build.build_graph`, byte for byte, from partitions
that the workers read themselves.

An archive of millions of articles is more than one machine re-maps after every rule change; Dask
(`pip install 'diplograph[dask]'`) gives a cluster of worker processes, local (`local:N`, a
`LocalCluster`) or remote (`tcp://HOST:PORT`). The stages:

1. **Partitions** (here, on the client): article files in chunks of `partition_size`, and JSON-lines
   corpus shards in line ranges of that size (a shard's lines are counted by a task on a worker).
   Tasks are given paths and line ranges, never article text: pickling text through the scheduler
   costs more than mapping it.
2. **Extraction** (workers): each partition is read and its articles extracted (`extract`), with the
   per-article fact cache of `cache` when a cache folder is given (files keyed by their bytes, corpus
   articles by their line), so a re-run extracts only new or changed articles. A bad article is
   reported with its file (or `shard:line`) and skipped, as locally. The facts stay in the workers'
   memory; only each article's source and agreement summary comes back.
3. **Resolution**: people on the workers, as a shuffle by surname (`surname_bucket`, the blocking key
   of `resolve.person_keys`, so each bucket gives the archive's answer); meetings on the workers too, as
   a shuffle by kind family (`meeting_bucket`: `same_features` never joins two families, so each
   bucket's greedy clustering in article order is exactly the archive's, `cluster_bucket`); here, the
   clusters merged in the order they were made are named, and agreements resolved, by
   `resolve.resolve_clustered` (the code `resolve_inputs` of the local build runs). Within a family
   the clustering is one task (see docs/distributed.md for what splitting further needs).
4. **Mapping** (workers): each partition's articles are mapped (`mapper.ArticleMapper`) against the
   part of the resolution they use, and its own triples written as one sorted N-Triples shard
   `shards/part-NNNNN.nt`. Facts of nodes several articles speak of (a person's name, an agreement's
   labels: `mapper.fold`'s claims) are shuffled by node into `SHUFFLE_BUCKETS` buckets and folded per
   bucket in article order into `shards/nodes-NNN.nt`: what `mapper.assemble` does, split by node.
5. **Merge** (here, streaming): the sorted shards are merged line by line into subject blocks and
   written as `diplograph.ttl` by `ttl`, the writer of the local build, holding one subject at a time.

A worker that dies is replaced by Dask, which runs its lost tasks again from their inputs; every task
is a pure function of its partition (the shards are written atomically), so the output is the same.
"""
from __future__ import annotations

import gzip
import heapq
import os
import shutil
import tempfile
import uuid
import zlib
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Hashable, Iterable, Sequence

from .build import SHACL_MAX_TRIPLES, BuildReport, article_budget_seconds, collect, locked_folders
from .facts import ArticleFacts

if TYPE_CHECKING:
    from distributed import Client, Future

    from .cache import FactCache
    from .resolve import Resolution

DEFAULT_PARTITION_SIZE = 1000
SHUFFLE_BUCKETS = 8  # claim buckets (and nodes-NNN.nt shards); fixed, so the shard names never depend on the cluster
SHARDS = "shards"
PART_SUFFIX = ".nt"


class SchedulerError(Exception):
    """The `--scheduler` value is not `local`, `local:N` or a `tcp://` address, or Dask is missing."""


@dataclass(frozen=True)
class Partition:
    """What one task reads: article files, or a range of lines (1-based, inclusive) of a corpus shard."""

    index: int
    files: tuple[str, ...] = ()
    corpus: str | None = None
    lines: tuple[int, int] | None = None
    base: str = ""  # the client's folder: relative paths are read from there (a remote worker's is another)

    def real(self, path: str) -> str:
        return os.path.join(self.base, path) if self.base else path

    @property
    def name(self) -> str:
        return f"part-{self.index:05d}"


@dataclass
class Extracted:
    """A partition's facts (kept on the worker until mapped), what the client needs of them, and the
    partition's names by surname bucket for the people shuffle (`name_buckets`)."""

    facts: list[ArticleFacts]
    summary: "Summary"
    names: list[dict[str, tuple[int, set[str]]]] = field(default_factory=list)
    # per bucket, the partition's meeting reports (`meeting_buckets`): (article's index here, place in it, report)
    meetings: list[list[tuple[int, int, tuple]]] = field(default_factory=list)


@dataclass
class Summary:
    """The compact part of a partition that goes to the client: resolution inputs and counts."""

    sources: list[str]
    inputs: list[tuple]
    skipped: list[tuple[str, str]]
    people: frozenset[str]
    counts: Counter
    cached: int = 0


@dataclass
class Mapped:
    """A mapped partition: claims by shuffle bucket, each claim (rank, order in article, node, claim)."""

    buckets: list[list[tuple]] = field(default_factory=list)


# ----------------------------------------------------------------------------- tasks (run on workers)
def count_lines(path: str) -> int:
    """Lines of a corpus shard (the last one counted without its newline); 0 when it cannot be read,
    in which case the one partition given to it reports the reason as the local build does."""
    opener = gzip.open if path.lower().endswith(".gz") else open
    n, last = 0, b"\n"
    try:
        with opener(path, "rb") as fh:
            while chunk := fh.read(1 << 20):
                n += chunk.count(b"\n")
                last = chunk[-1:]
    except (OSError, EOFError, zlib.error):
        return n + 1  # the partition reading up to here reports the read error with its line
    return n + (last != b"\n")


def _safe_extract(make: Callable[[Any], ArticleFacts], arg: Any, budget: float | None = None
                  ) -> tuple[ArticleFacts | None, str | None]:
    """`make(arg)` within the time budget per article, or the reason the article was skipped (the
    local build's wording). Tasks run in a worker's thread pool, so the budget is the watchdog of
    `budget.time_budget`, not SIGALRM."""
    from .budget import OverBudget, over_budget_reason, time_budget
    from .reader import ArticleError

    try:
        with time_budget(budget):
            return make(arg), None
    except OverBudget:  # a BaseException: never caught as the Exception below
        return None, over_budget_reason(budget or 0)
    except ArticleError as exc:
        return None, str(exc).split(": ", 1)[-1]
    except Exception as exc:  # a bug on one article must not stop the others
        return None, f"internal error: {type(exc).__name__}: {exc}"


def extract_partition(part: Partition, cache_dir: str | None = None, budget: float | None = None) -> Extracted:
    """Read and extract one partition (the facts from the fact cache when it has them); an article
    over `budget` seconds is skipped by name, as in the local build."""
    from .build import count_facts, map_file
    from .cache import FactCache
    from .corpus import read_corpus
    from .extract import extract
    from .resolve import res_input

    cache = None
    if cache_dir is not None:
        try:
            cache = FactCache.entry_for(Path(cache_dir))
        except OSError:
            cache = None
    facts: list[ArticleFacts] = []
    skipped: list[tuple[str, str]] = []
    cached = 0
    for path in part.files:  # named as given (messages), read from `part.real(path)`
        real = part.real(path)
        hit = cache.get(Path(real)) if cache else None
        if hit is None:
            af, why = _safe_extract(map_file, real, budget)
            if af is None:
                skipped.append((path, why or "unknown error"))
                continue
            if cache:
                _keep(cache, None, af, Path(real))
        else:
            cached += 1
            af = hit
        facts.append(af)
    if part.corpus is not None:
        raw: list[bytes] = []
        real = part.real(part.corpus)

        def label(text: str) -> str:  # `real:LINE` as `corpus:LINE`, the path as the user gave it
            return part.corpus + text[len(real):] if part.corpus is not None and text.startswith(real) else text

        for got in read_corpus(real, part.lines, raw):
            if isinstance(got, tuple):
                skipped.append((label(got[0]), got[1]))
                continue
            digest = cache.digest_of(raw[-1]) if cache else None
            hit = cache.load(digest) if cache and digest else None
            if hit is None:
                af, why = _safe_extract(extract, got.article, budget)
                if af is None:
                    skipped.append((label(got.label), why or "unknown error"))
                    continue
                if cache:
                    _keep(cache, digest, af)
            else:
                cached += 1
                af = hit
            facts.append(af)
    counts = count_facts(facts)
    del counts["people"]  # distinct names across the archive: counted by the client from `people`
    inputs = [res_input(a) for a in facts]
    # the client resolves agreements only: names and posts go to the people shuffle, meeting reports to
    # the meetings' shuffle by kind family
    return Extracted(facts, Summary([a.source for a in facts], [((), (), r[2], ()) for r in inputs], skipped,
                                    frozenset(p.name for a in facts for p in a.people), counts, cached),
                     name_buckets(inputs), meeting_buckets(inputs))


@lru_cache(maxsize=100_000)
def surname_bucket(name: str) -> int:
    """The people shuffle's bucket of a name: by its last word, the blocking key of
    `resolve.person_keys` (an initial or a lone surname is only ever resolved to a full name ending
    with the same word) and of the spelling rules it applies first (`ids.same_person`: spellings and
    misspellings of a name share its `ids.accent_key`, whose last word is taken), so each bucket resolves
    on its own to exactly the archive's answer."""
    from .ids import accent_key

    words = accent_key(name).split()
    return zlib.crc32((words[-1] if words else "").encode("utf-8")) % SHUFFLE_BUCKETS


def name_buckets(inputs: list[tuple]) -> list[dict[str, tuple[int, set[str]]]]:
    """Per bucket: name -> (articles naming it, title heads it holds), what `resolve_inputs` counts
    before `person_keys` (`res_input`: names r[0], positions r[3])."""
    buckets: list[dict[str, tuple[int, set[str]]]] = [{} for _ in range(SHUFFLE_BUCKETS)]
    for r in inputs:
        for name in r[0]:
            b = buckets[surname_bucket(name)]
            n, held = b.get(name, (0, set()))
            b[name] = (n + 1, held)
        for name, position in r[3]:
            b = buckets[surname_bucket(name)]
            n, held = b.get(name, (0, set()))
            held.add(position)
            b[name] = (n, held)
    return buckets


def pick_names(extracted: Extracted, bucket: int) -> dict[str, tuple[int, set[str]]]:
    """One surname bucket of an extracted partition (the people shuffle's send side)."""
    return extracted.names[bucket]


def resolve_people(*parts: dict[str, tuple[int, set[str]]]) -> dict[str, str]:
    """`resolve.person_keys` of one surname bucket of the whole archive; only the names it changes."""
    from .resolve import person_keys

    reports: dict[str, int] = {}
    positions: dict[str, set[str]] = {}
    for part in parts:
        for name, (n, held) in part.items():
            reports[name] = reports.get(name, 0) + n
            if held:
                positions.setdefault(name, set()).update(held)
    return {n: k for n, k in person_keys(reports, positions, reports).items() if n != k}


def _keep(cache: "FactCache", digest: str | None, facts: ArticleFacts, path: Path | None = None) -> None:
    """Write a fact cache entry (of a file, or of a corpus line's digest); a failure only costs a re-run."""
    try:
        if path is not None:
            cache.put(path, facts)
        elif digest is not None:
            cache.store(digest, facts)
    except OSError:
        pass


def meeting_bucket(m: tuple) -> int:
    """The meetings' shuffle bucket of a report: by its kind family (`resolve.meeting_family`), which
    `same_features` never crosses, so each bucket clusters on its own to exactly the archive's clusters."""
    from .resolve import meeting_family

    return zlib.crc32((meeting_family(m) or "").encode("utf-8")) % SHUFFLE_BUCKETS


def meeting_buckets(inputs: list[tuple]) -> list[list[tuple[int, int, tuple]]]:
    """Per bucket: the meeting reports of a partition's articles (`res_input`: r[1]), each (index of its
    article in the partition, place in the article, report)."""
    buckets: list[list[tuple[int, int, tuple]]] = [[] for _ in range(SHUFFLE_BUCKETS)]
    for j, r in enumerate(inputs):
        for pos, m in enumerate(r[1]):
            buckets[meeting_bucket(m)].append((j, pos, m))
    return buckets


def pick_meetings(extracted: Extracted, ranks: list[int], bucket: int) -> list[tuple[int, int, str, tuple]]:
    """One bucket of a partition's meeting reports, each (rank of its article, place in the article,
    source, report): the meetings' shuffle's send side."""
    sources = extracted.summary.sources
    return [(ranks[j], pos, sources[j], m) for j, pos, m in extracted.meetings[bucket]]


def cluster_bucket(person_key: dict[str, str], *parts: list[tuple[int, int, str, tuple]]) -> list[list[tuple[int, int, str, tuple]]]:
    """`resolve.cluster_meetings` of one bucket of the whole archive's reports, in article order: the
    clusters in the order they were made, their reports as `pick_meetings` gives them."""
    from .resolve import cluster_meetings
    from .resolve.inputs import M_KEY

    articles: list[tuple[Hashable, str, tuple]] = []
    place: dict[tuple[Hashable, str], tuple[int, int]] = {}  # (rank, key of the report) -> (rank, place)
    for rank, pos, src, m in sorted((x for part in parts for x in part), key=lambda x: (x[0], x[1])):
        if not articles or articles[-1][0] != rank:
            articles.append((rank, src, ((), [], (), ())))
        articles[-1][2][1].append(m)
        place[(rank, m[M_KEY])] = (rank, pos)
    return [[(*place[(uid, m[M_KEY])], src, m) for uid, src, m in cl] for cl in cluster_meetings(articles, person_key)]


def summary_of(extracted: Extracted) -> Summary:
    """The part of an extracted partition the client gathers (run where the facts are)."""
    return extracted.summary


def map_partition(extracted: Extracted, ranks: list[int], person_key: dict[str, str], view: tuple, shard: str) -> Mapped:
    """Map a partition's articles (`ranks`: their places in the archive's order; `person_key` and
    `view`: the resolution they read, see `_views`); write their own triples as the sorted N-Triples
    shard `shard` and return the claims on shared nodes, bucketed for the shuffle."""
    from .atomic import write_atomic
    from .mapper import ArticleMapper, ResView
    from .resolve import Resolution

    meeting_key, summary, first_report, agreement_key = view
    res = Resolution(person_key=person_key, meeting_key=meeting_key, summary=summary, first_report=first_report,
                     agreement_key=agreement_key)
    mapper = ArticleMapper()
    lines: set[str] = set()
    out = Mapped([[] for _ in range(SHUFFLE_BUCKETS)])
    for rank, a in zip(ranks, extracted.facts, strict=True):
        triples, claims = mapper.map_article(a, ResView(res, rank, a.source))
        lines.update(f"{s} {p} {o} .\n" for s, p, o in triples)
        for seq, (node, claim) in enumerate(claims):
            out.buckets[bucket_of(node)].append((rank, seq, node, claim))
    write_atomic(shard, "".join(sorted(lines)).encode("utf-8"), durable=False)
    return out


def bucket_of(node: str) -> int:
    """The shuffle bucket of a node: a stable hash (never Python's `hash`, salted per process)."""
    return zlib.crc32(node.encode("utf-8")) % SHUFFLE_BUCKETS


def pick(mapped: Mapped, bucket: int) -> list[tuple]:
    """One bucket of a mapped partition (run where the partition was mapped: the shuffle's send side)."""
    return mapped.buckets[bucket]


def fold_bucket(bucket: int, shard: str, *parts: list[tuple]) -> int:
    """Fold the claims of one bucket in article order (`mapper.fold`) with the role triples whose
    subject falls in it; write the sorted shard, return its triple count."""
    from .atomic import write_atomic
    from .mapper import fold, group_by_key, role_triples

    claims = sorted((c for part in parts for c in part), key=lambda c: (c[0], c[1]))
    lines = {f"{s} {p} {o} .\n" for s, p, o in role_triples() if bucket_of(s) == bucket}
    for node, cl in group_by_key((node, claim) for _, _, node, claim in claims).items():
        lines.update(f"{node} {p} {o} .\n" for p, o in fold(node, cl))
    write_atomic(shard, "".join(sorted(lines)).encode("utf-8"), durable=False)
    return len(lines)


# ----------------------------------------------------------------------------- the client side
def parse_scheduler(value: str) -> tuple[str, int | str]:
    """('local', N) or ('remote', address) from `local`, `local:N` or `tcp://HOST:PORT`."""
    v = value.strip()
    if v == "local":
        return "local", max(1, min(os.cpu_count() or 1, 8))
    if v.startswith("local:"):
        n = v.split(":", 1)[1]
        if not n.isdigit() or int(n) < 1:
            raise SchedulerError(f"--scheduler {value!r}: local:N needs a number of workers N >= 1")
        return "local", int(n)
    if v.startswith(("tcp://", "tls://")) and len(v) > 6:
        return "remote", v
    raise SchedulerError(f"--scheduler {value!r}: give local, local:N (N workers on this machine) or tcp://HOST:PORT")


def connect(scheduler: str) -> tuple["Client", Callable[[], None]]:
    """A Dask client for the scheduler value, and what closes it (and the local cluster it started)."""
    kind, arg = parse_scheduler(scheduler)
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise SchedulerError("--scheduler needs Dask: pip install 'diplograph[dask]'") from None
    if kind == "remote":
        try:
            client = Client(str(arg), timeout="30s")
        except OSError as exc:
            raise SchedulerError(f"cannot reach the Dask scheduler at {arg}: {exc}") from None
        return client, client.close
    cluster = LocalCluster(n_workers=int(arg), threads_per_worker=1, processes=True, dashboard_address=None,
                           host="127.0.0.1")
    client = Client(cluster)

    def close() -> None:
        client.close()
        cluster.close()

    return client, close


def partitions(files: Sequence[Path], corpora: Sequence[Path], line_counts: Sequence[int], size: int,
               base: str = "") -> list[Partition]:
    """Partitions in the local build's reading order: the files (sorted), then each corpus's lines."""
    out: list[Partition] = []
    for i in range(0, len(files), size):
        out.append(Partition(len(out), files=tuple(str(f) for f in files[i:i + size]), base=base))
    for corpus, n in zip(corpora, line_counts, strict=True):
        for first in range(1, max(n, 1) + 1, size):
            out.append(Partition(len(out), corpus=str(corpus), lines=(first, first + size - 1), base=base))
    return out


def _views(res: "Resolution", sources: list[list[str]]) -> tuple[dict[str, str], list[tuple]]:
    """The part of the resolution each partition's mapping reads (see `mapper.ResView`), so the workers
    are not sent the whole archive's meetings. Person names are sent whole but only where they change
    (a short form to its full name: the view falls back to the name itself)."""
    person_key = {n: k for n, k in res.person_key.items() if n != k}
    meetings_by_source: dict[str, dict] = {}
    for (source, key), mid in res.meeting_key.items():
        meetings_by_source.setdefault(source, {})[(source, key)] = mid
    agreements_by_source: dict[str, dict] = {}
    for (source, name), key in res.agreement_key.items():
        agreements_by_source.setdefault(source, {})[(source, name)] = key
    views = []
    for part_sources in sources:
        meeting_key: dict = {}
        agreement_key: dict = {}
        for source in set(part_sources):
            meeting_key.update(meetings_by_source.get(source, {}))
            agreement_key.update(agreements_by_source.get(source, {}))
        mids = set(meeting_key.values())
        views.append((meeting_key, {m: res.summary[m] for m in mids}, {m: res.first_report[m] for m in mids},
                      agreement_key))
    return person_key, views


def _bar(progress: bool, total: int, what: str):
    if not progress:
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="partition", desc=what, leave=False)


def _wait(client: "Client", futures: list["Future"], progress: bool, what: str,
          on_done: Callable[[str, int, int], None] | None) -> list:
    """Results of the futures in their order, with a progress bar over them as they finish."""
    from distributed import as_completed

    bar = _bar(progress, len(futures), what)
    done = 0
    try:
        for _ in as_completed(futures):
            done += 1
            if bar:
                bar.update(1)
            if on_done:
                on_done(what, done, len(futures))
    finally:
        if bar:
            bar.close()
    return client.gather(futures)


def build_distributed(paths: Iterable[str | Path], out_dir: str | Path = "graph", *, scheduler: str = "local",
                      client: "Client | None" = None, partition_size: int = DEFAULT_PARTITION_SIZE,
                      merge: bool = True, validate: bool = True, progress: bool = False,
                      cache_dir: str | Path | None = None, follow_links: bool = False,
                      on_done: Callable[[str, int, int], None] | None = None, stats: dict | None = None,
                      article_budget: float | None = None) -> BuildReport:
    """Build the graph of `paths` on a Dask cluster (`scheduler`, or an open `client`): the shards in
    `out_dir/shards/` and, with `merge`, `out_dir/diplograph.ttl`, byte-identical to `build_graph`'s.

    `on_done(stage, done, total)` is called as partitions finish (the progress bar's ticks); `stats`, when
    given, gets the wall seconds of each stage and the client's peak memory around resolution (for
    benchmarks/bench_distributed.py). No HTML view is written (an archive that needs a cluster is too
    large for the one-page view; `diplograph viz` makes one of a part). The output folder and the cache must be reachable by the workers at
    the same paths (a shared file system on a real cluster). An article whose extraction takes more
    than `article_budget` seconds (default: `DIPLOGRAPH_ARTICLE_BUDGET`, else 30 s, as `build_graph`)
    is skipped and reported by name."""
    if partition_size < 1:
        raise ValueError(f"partition_size must be >= 1, got {partition_size}")
    out_dir = Path(out_dir)
    close: Callable[[], None] | None = None
    if client is None:
        client, close = connect(scheduler)
    try:
        # the local build's locks (output and cache folders), held by the client for the whole build:
        # a second build into the same folder, local or distributed, waits for this one
        with locked_folders(out_dir, Path(cache_dir) if cache_dir else None, None):
            return _build(client, paths, out_dir, partition_size=partition_size, merge=merge, validate=validate,
                          progress=progress, cache_dir=str(Path(cache_dir).resolve()) if cache_dir else None,
                          follow_links=follow_links, on_done=on_done, stats=stats if stats is not None else {},
                          article_budget=article_budget)
    finally:
        if close:
            close()


def _build(client: "Client", paths: Iterable[str | Path], out_dir: Path, *, partition_size: int, merge: bool,  # noqa: C901
           validate: bool, progress: bool, cache_dir: str | None, follow_links: bool,
           on_done: Callable[[str, int, int], None] | None, stats: dict, article_budget: float | None) -> BuildReport:
    import resource

    clock = _Clock(stats)
    report = BuildReport(shacl_skipped=not validate)
    budget = article_budget_seconds(article_budget, report.warnings)
    found = collect(paths, exclude=(out_dir, cache_dir), follow_links=follow_links)
    report.skipped.extend(found.problems)
    report.ignored, report.notes = found.ignored, found.notes
    token = uuid.uuid4().hex[:12]
    base = os.getcwd()
    counts = client.gather([client.submit(count_lines, os.path.join(base, c), key=f"dg-count-{i}-{token}")
                            for i, c in enumerate(found.corpora)]) if found.corpora else []
    parts = partitions(found.files, found.corpora, counts, partition_size, base)
    stats["partitions"] = len(parts)
    clock("partition")
    if not parts:
        return report
    extracted = [client.submit(extract_partition, p, cache_dir, budget, key=f"dg-extract-{p.index}-{token}", retries=2)
                 for p in parts]
    summaries = _wait(client, [client.submit(summary_of, e, key=f"dg-summary-{i}-{token}")
                               for i, e in enumerate(extracted)], progress, "extract", on_done)
    clock("extract")
    # ---- resolution, on the compact summaries, in the local build's order (by source, stable)
    order = sorted(((src, i, j) for i, s in enumerate(summaries) for j, src in enumerate(s.sources)))
    ranks: list[list[int]] = [[0] * len(s.sources) for s in summaries]
    for rank, (_, i, j) in enumerate(order):
        ranks[i][j] = rank
    people: set[str] = set()
    for s in summaries:
        report.skipped.extend(s.skipped)
        report.facts.update(s.counts)
        report.cached += s.cached
        people |= s.people
    report.read = len(order)
    if not order:
        return report  # nothing could be read: the previous graph stays as it was
    report.facts["people"] = len(people)
    from .resolve import resolve_clustered

    # people: resolved on the workers, one surname bucket each (a shuffle of the partitions' names)
    people_keys = _wait(client, [client.submit(resolve_people, *[client.submit(pick_names, e, b, key=f"dg-names-{i}-{b}-{token}")
                                                                 for i, e in enumerate(extracted)],
                                               key=f"dg-people-{b}-{token}", retries=2)
                                 for b in range(SHUFFLE_BUCKETS)], progress, "people", on_done)
    person_key: dict[str, str] = {}
    for keys in people_keys:
        person_key.update(keys)
    clock("people")
    stats["rss_before_resolve_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if stats.get("measure_summaries"):  # what the client holds per article (the benchmark's projection)
        import pickle

        stats["summary_bytes"] = sum(len(pickle.dumps(s.inputs, protocol=pickle.HIGHEST_PROTOCOL)) for s in summaries)
    clock("gather")
    # meetings: clustered on the workers, one kind-family bucket each (a shuffle of the partitions' reports);
    # the clusters, merged in the order they were made, are named here with the agreements
    [people_future] = client.scatter([person_key], broadcast=True)
    buckets = _wait(client, [client.submit(cluster_bucket, people_future,
                                           *[client.submit(pick_meetings, e, ranks[i], b, key=f"dg-meets-{i}-{b}-{token}")
                                             for i, e in enumerate(extracted)], key=f"dg-cluster-{b}-{token}", retries=2)
                             for b in range(SHUFFLE_BUCKETS)], progress, "meetings", on_done)
    clusters = sorted((cl for got in buckets for cl in got), key=lambda cl: (cl[0][0], cl[0][1]))
    reports = [(rank, src, m) for rank, _, src, m in sorted((x for cl in clusters for x in cl), key=lambda x: (x[0], x[1]))]
    del buckets
    clock("meetings")
    res = resolve_clustered([(rank, src, summaries[i].inputs[j]) for rank, (src, i, j) in enumerate(order)], person_key,
                            [[(rank, src, m) for rank, _, src, m in cl] for cl in clusters], reports)
    del clusters, reports
    person_key, views = _views(res, [s.sources for s in summaries])
    stats["rss_after_resolve_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    clock("resolve")
    del res, order
    # ---- mapping and the claims' shuffle, into a fresh shard folder renamed over the last one
    out_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{SHARDS}-", dir=out_dir.resolve()))  # absolute: workers write there
    os.chmod(staging, 0o755)  # mkdtemp's 0700 would keep a store's server (another user) from reading the shards
    try:
        [person_future] = client.scatter([person_key], broadcast=True)  # one object (a dict would scatter per key)
        mapped = [client.submit(map_partition, extracted[i], ranks[i], person_future, views[i],
                                str(staging / f"{p.name}{PART_SUFFIX}"), key=f"dg-map-{i}-{token}", retries=2)
                  for i, p in enumerate(parts)]
        del views
        _wait(client, mapped, progress, "map", on_done)
        clock("map")
        folded = [client.submit(fold_bucket, b, str(staging / f"nodes-{b:03d}{PART_SUFFIX}"),
                                *[client.submit(pick, m, b, key=f"dg-pick-{i}-{b}-{token}") for i, m in enumerate(mapped)],
                                key=f"dg-fold-{b}-{token}", retries=2)
                  for b in range(SHUFFLE_BUCKETS)]
        _wait(client, folded, progress, "shuffle", on_done)
        clock("shuffle")
        del extracted, mapped  # the workers drop the facts (releasing futures; `cancel` trips the scheduler)
        shards_dir = _swap(staging, out_dir / SHARDS)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if merge:
        shards = shard_files(shards_dir)
        turtle = out_dir / "diplograph.ttl"
        report.triples = write_streamed(turtle, merged_turtle(shards))
        report.turtle, report.turtle_written = turtle, True
        clock("merge")
        _check(report, turtle, validate)
    else:
        report.validated = not validate
        report.triples = sum(_count_lines(f) for f in shard_files(shards_dir))  # an upper bound: shards may share triples
    return report


class _Clock:
    """Wall seconds of each stage into `stats` (stage name -> seconds since the previous stage)."""

    def __init__(self, stats: dict) -> None:
        import time

        self.stats, self.now, self.last = stats, time.perf_counter, time.perf_counter()

    def __call__(self, stage: str) -> None:
        t = self.now()
        self.stats[f"{stage}_s"] = round(t - self.last, 3)
        self.last = t


def _count_lines(path: Path) -> int:
    with path.open("rb") as fh:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))


def _check(report: BuildReport, turtle: Path, validate: bool) -> None:
    """SHACL on graphs the local build would check (the same limit)."""
    if validate and report.triples <= SHACL_MAX_TRIPLES:
        from .mapper import Triples
        from .validate import shacl_violations

        report.violations = shacl_violations(Triples.from_turtle(turtle.read_bytes()).to_rdflib())
    else:
        report.validated = not validate or report.triples <= SHACL_MAX_TRIPLES


def _swap(staging: Path, target: Path) -> Path:
    """Put the new shard folder in place of the old one (two renames; the old folder is removed after)."""
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}-old-{uuid.uuid4().hex[:8]}")
        os.replace(target, old)
    os.replace(staging, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    return target


def shard_files(folder: Path) -> list[Path]:
    """The shards of a distributed build, in name order (`part-*` then `nodes-*`)."""
    return sorted(p for p in Path(folder).iterdir() if p.suffix == PART_SUFFIX and not p.name.startswith("."))


def merged_turtle(shards: Sequence[Path]) -> Iterable[tuple[str, int]]:
    """The Turtle of the union of sorted N-Triples shards, in pieces (text, triples in it): the
    local build's bytes (`mapper.Triples.turtle`: subjects sorted, one block each, by `ttl`), with
    one subject's triples in memory at a time. Lines of one subject are contiguous in the merge
    because a subject term (an IRI) never contains a space and always ends with `>`."""
    from .mapper import PREFIXES
    from .ttl import writer

    w = writer(PREFIXES)
    handles = [open(p, encoding="utf-8", newline="") for p in shards]
    try:
        subject: str | None = None
        po: dict[str, dict[str, None]] = {}
        pieces: list[str] = [w.header]
        count = 0
        for line in heapq.merge(*handles):
            s, p, rest = line.split(" ", 2)
            if s != subject:
                if subject is not None:
                    pieces.append(w.block(subject, po))
                    if len(pieces) >= 4096:
                        yield "".join(pieces), count
                        pieces, count = [], 0
                subject, po = s, {}
            objs = po.get(p)
            if objs is None:
                objs = po[p] = {}
            o = rest[:-3]  # " .\n"
            if o not in objs:
                objs[o] = None
                count += 1
        if subject is not None:
            pieces.append(w.block(subject, po))
        yield "".join(pieces), count
    finally:
        for h in handles:
            h.close()


def write_streamed(path: Path, pieces: Iterable[tuple[str, int]]) -> int:
    """Write text pieces to `path` through a temporary file in its folder, fsynced and renamed (as
    `atomic.write_atomic`, which takes the whole file as bytes: the merged Turtle of an archive is
    written as it is made instead); returns the sum of the pieces' counts."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    total = 0
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            for text, count in pieces:
                fh.write(text)
                total += count
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return total
