"""Incremental builds: the graph of the last cached build, kept so that only what changed is redone.

A full build resolves every article, maps every article and writes every subject's Turtle block; on a
10,000-article archive that is seconds of work even when the facts come from the cache. With `--cache`
the build also keeps, in `CACHE/graph/`:

* per article (by file path): its source name, content digest, what resolution reads of it
  (`resolve.res_input`), the answers its mapping got from the resolution (`mapper.ResView` deps), the
  subjects it wrote to and its fact counts;
* per subject, in 512 shards by a hash of the subject: each article's contribution (its triples with
  that subject and its claims on it, see `mapper.fold`);
* an index of the Turtle file it wrote: the subjects in order and the byte length of each block.

The next build hashes only files whose size, mtime or inode changed (`cache.FactCache`), resolves the
archive again from the kept summaries (cheap: no facts are loaded), and maps again only new and changed
articles and those whose resolution answers changed (a new article can merge a meeting, or make "Trump"
the one "Donald Trump"). The subjects those articles wrote to before or write to now are assembled again
from all their contributions, and their blocks are spliced into the previous Turtle file. A removed
article's contributions are dropped from every subject it wrote to. Since a block depends only on its
subject's triples (written in canonical order by `ttl`), the result is byte for byte what a full build
writes; tests/test_incremental.py checks this after adds, edits, removals, renames and merges.

When nothing changed (same files, same digests) the previous Turtle is still current and nothing is
written. Everything here is checked before use: the state and every shard carry a sha256 of their
payload, and the previous Turtle file must have the size and sha256 the state recorded; anything that
does not match makes the build start over from the facts (a cold build), never patch a damaged base.
Files are written through temporary files and renames; shards get new names when their content changes
and old ones are removed only after the new state is in place, so a build killed at any moment leaves
a state that is either the old or the new one, or one that fails its checks.

The state and shards are `marshal` data (plain tuples, strings, dicts): unlike pickle, loading them
never runs code, and it is several times faster.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import sys
import time
import zlib
from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path
from sys import intern
from typing import TYPE_CHECKING, Any, Callable, Iterable

from .atomic import write_atomic

if TYPE_CHECKING:
    from .facts import ArticleFacts

NSHARDS = 512
STATE = "state.bin"
_STATE_MAGIC = b"DGSTATE1\n"
_SHARD_MAGIC = b"DGSHARD1\n"
_VERSION = 1


def graph_salt(fact_salt: str) -> str:
    """Changes whenever facts, resolution, mapping or the Turtle writer may change: `fact_salt` (the fact
    cache's salt) already hashes every code and data file of the package, wherever it lives."""
    import pyoxigraph

    h = hashlib.sha256(f"{_VERSION}|{fact_salt}|{pyoxigraph.__version__}|{sys.version}|{marshal.version}".encode())
    return h.hexdigest()[:32]


def _seal(magic: bytes, obj: Any) -> bytes:
    payload = marshal.dumps(obj)
    return magic + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload


def _open(magic: bytes, raw: bytes) -> object:
    """The payload of a sealed file; ValueError when it is damaged in any way."""
    if not raw.startswith(magic):
        raise ValueError("not a diplograph state file")
    digest, payload = raw[len(magic):len(magic) + 64], raw[len(magic) + 65:]
    if raw[len(magic) + 64:len(magic) + 65] != b"\n" or hashlib.sha256(payload).hexdigest().encode() != digest:
        raise ValueError("checksum mismatch")
    try:
        return marshal.loads(payload)
    except (EOFError, ValueError, TypeError) as exc:  # pragma: no cover - the checksum was right
        raise ValueError(f"bad payload: {exc}") from None


def shard_of(subject: str) -> int:
    return zlib.crc32(subject.encode("utf-8")) % NSHARDS


# ----------------------------------------------------------------------------- per-article records
# record = (source, digest, res_input, deps, counts, people names)
R_SOURCE, R_DIGEST, R_RES, R_DEPS, R_COUNTS, R_PEOPLE = range(6)


def fact_counts(facts) -> tuple[int, int, int, int, int]:
    """(posts, meetings, participants, agreements, priorities) of one article."""
    return (sum(len(p.posts) for p in facts.people), len(facts.meetings),
            sum(len(m.participants) for m in facts.meetings), len(facts.agreements), len(facts.priorities))


@dataclass
class GraphState:
    salt: str
    out: tuple[str, int, str] | None = None  # (Turtle path, size, sha256) of the last build's output
    records: dict[str, tuple] = field(default_factory=dict)
    subjects_of: dict[str, bytes] = field(default_factory=dict)  # path -> marshal of its subjects
    subjects: list[str] = field(default_factory=list)  # subjects of the Turtle file, in order
    lengths: list[int] = field(default_factory=list)  # byte length of each subject's block
    header: bytes = b""
    shards: dict[int, tuple[str, str]] = field(default_factory=dict)  # shard -> (file name, sha256)
    triples: int = 0

    # -------------------------------------------------------------- load / save
    @classmethod
    def load(cls, folder: Path, salt: str) -> "GraphState | None":
        """The state of the last build, or None when there is none, it is damaged or stale."""
        try:
            raw = (folder / STATE).read_bytes()
        except OSError:
            return None
        try:
            d = _open(_STATE_MAGIC, raw)
            if not isinstance(d, dict) or d.get("version") != _VERSION or d.get("salt") != salt:
                return None
            st = cls(salt=salt, out=tuple(d["out"]) if d["out"] else None, records=d["records"],
                     subjects_of=d["subjects_of"], subjects=d["subjects"], lengths=d["lengths"],
                     header=d["header"], shards=d["shards"], triples=d["triples"])
            if len(st.subjects) != len(st.lengths):
                raise ValueError("bad index")
            return st
        except (ValueError, KeyError, TypeError):
            return None

    def save(self, folder: Path) -> None:
        d = {"version": _VERSION, "salt": self.salt, "out": self.out, "records": self.records,
             "subjects_of": self.subjects_of, "subjects": self.subjects, "lengths": self.lengths,
             "header": self.header, "shards": self.shards, "triples": self.triples}
        write_atomic(folder / STATE, _seal(_STATE_MAGIC, d), durable=False)

    def base_output(self) -> bytes | None:
        """The Turtle the last build wrote, when it is still there, whole and unchanged."""
        if self.out is None:
            return None
        path, size, digest = self.out
        try:
            if os.stat(path).st_size != size:
                return None
            data = Path(path).read_bytes()
        except OSError:
            return None
        if len(data) != size or hashlib.sha256(data).hexdigest() != digest:
            return None
        if not data.startswith(self.header) or len(self.header) + sum(self.lengths) != size:
            return None
        return data


def _load_shard(folder: Path, entry: tuple[str, str] | None) -> dict:
    if entry is None:
        return {}
    name, digest = entry
    raw = (folder / name).read_bytes()  # OSError: the caller starts over
    if hashlib.sha256(raw).hexdigest() != digest:
        raise ValueError(f"shard {name}: checksum mismatch")
    shard = _open(_SHARD_MAGIC, raw)
    if not isinstance(shard, dict):
        raise ValueError(f"shard {name}: not a shard")
    return shard


# ----------------------------------------------------------------------------- the build
@dataclass
class Outcome:
    data: bytes | None  # the new Turtle (None: the previous file is current and was not rewritten)
    triples: int
    records: dict[str, tuple]  # path -> record of every article in the graph
    mapped: int = 0  # articles mapped into the graph in this build
    mapped_again: int = 0  # of which unchanged articles whose resolution changed


def group(triples: Iterable[tuple[str, str, str]], claims: Iterable[tuple[str, tuple]]) -> dict[str, tuple[tuple, tuple]]:
    """One article's triples and claims by subject: subject -> ((predicate, object) pairs, claims)."""
    from .mapper import group_by_key

    pairs = group_by_key((s, (p, o)) for s, p, o in triples)
    by_node = group_by_key(claims)
    out = {s: (tuple(dict.fromkeys(ps)) if len(ps) > 1 else tuple(ps), tuple(by_node.get(s, ()))) for s, ps in pairs.items()}
    for node, cl in by_node.items():
        if node not in out:
            out[node] = ((), tuple(cl))
    return out


def subject_block(subject: str, contributions: dict[str, tuple], writer) -> tuple[bytes | None, int]:
    """The Turtle block of a subject from every article's contribution (None when nothing is left)."""
    from .mapper import fold

    po: dict[str, dict[str, None]] = {}
    with_claims = []
    for path, (source, pairs, claims) in contributions.items():
        for p, o in pairs:
            objs = po.get(p)
            if objs is None:
                po[p] = {o: None}
            else:
                objs[o] = None
        if claims:
            with_claims.append(((source, path), claims))
    if with_claims:
        first = with_claims[0][1]
        if (len(first) == 1 or not any(c[0] == "A" for c in first)) and all(cl == first for _, cl in with_claims):
            # every article claims the same (a lexicon country named in every article): claims made
            # again change nothing (see `mapper.fold`), so their order does not matter
            ordered = list(first)
        else:
            with_claims.sort(key=lambda x: x[0])
            ordered = [c for _, cl in with_claims for c in cl]
        for p, o in fold(subject, ordered):
            objs = po.get(p)
            if objs is None:
                po[p] = {o: None}
            else:
                objs[o] = None
    if not po:
        return None, 0
    return writer.block(subject, po).encode("utf-8"), sum(map(len, po.values()))


def splice(old: bytes, header: bytes, subjects: list[str], lengths: list[int],
           changes: dict[str, bytes | None]) -> tuple[bytes, list[str], list[int]]:
    """The previous Turtle with the blocks of `changes` replaced, inserted (new subjects, at their
    place in the order) or removed (None)."""
    offsets = list(accumulate(lengths, initial=len(header)))
    n = len(subjects)
    pieces = [header]
    new_subjects: list[str] = []
    new_lengths: list[int] = []
    pos = 0
    for s in sorted(changes):
        i = bisect_left(subjects, s, pos)
        if i > pos:
            pieces.append(old[offsets[pos]:offsets[i]])
            new_subjects.extend(subjects[pos:i])
            new_lengths.extend(lengths[pos:i])
        pos = i + 1 if i < n and subjects[i] == s else i
        block = changes[s]
        if block is not None:
            pieces.append(block)
            new_subjects.append(s)
            new_lengths.append(len(block))
    if pos < n:
        pieces.append(old[offsets[pos]:])
        new_subjects.extend(subjects[pos:])
        new_lengths.extend(lengths[pos:])
    return b"".join(pieces), new_subjects, new_lengths


def update(folder: Path, salt: str, out_path: Path, articles: list[tuple[str, str, str]],
           get_facts: Callable[[list[str]], dict], log: Callable[[str], None] | None = None,
           inputs: dict[str, tuple] | None = None) -> tuple[Outcome, GraphState | None]:
    """Bring the kept graph up to date with `articles` and return the Turtle to write and the state to
    `commit` once it is written (None: nothing to write).

    `articles`: (path, source, digest) of every readable article of this build. `get_facts(paths)`:
    path -> facts of those it can give (from the fact cache, else mapped); it is asked for new and
    changed articles, and for unchanged ones whose resolution changed. An article it cannot give is
    left out of the graph (the caller reports why). `inputs`: path -> `res_input` of facts that
    `get_facts` made with them (filled as it runs; the others are made here).
    """
    inputs = inputs if inputs is not None else {}
    out_path = Path(os.path.abspath(out_path))
    state = GraphState.load(folder, salt)
    base = state.base_output() if state is not None else None
    if state is not None and base is None:
        if log:
            log("graph state does not match the previous Turtle file; building the graph again")
        state = None  # the Turtle the state describes is gone or changed: start over
    if state is None:
        return _update(folder, salt, out_path, articles, get_facts, None, None, inputs)
    try:
        return _update(folder, salt, out_path, articles, get_facts, state, base, inputs)
    except Exception as exc:  # a shard missing or damaged, anything unexpected in the kept state
        if log:
            log(f"graph state not usable ({type(exc).__name__}: {exc}); building the graph again from the facts")
        return _update(folder, salt, out_path, articles, get_facts, None, None, inputs)


def _update(folder: Path, salt: str, out_path: Path, articles: list[tuple[str, str, str]],
            get_facts: Callable[[list[str]], dict], state: GraphState | None, base: bytes | None,
            inputs: dict[str, tuple]) -> tuple[Outcome, GraphState | None]:
    old_records = state.records if state is not None else {}
    current = {path: (source, digest) for path, source, digest in articles}
    removed = [p for p in old_records if p not in current]
    clean = {p for p, sd in current.items() if p in old_records and old_records[p][:2] == sd}  # same name, same content
    # facts of new and changed articles (mapped, or from the fact cache)
    fresh = [p for p in current if p not in clean]
    facts: dict[str, ArticleFacts] = dict(get_facts(fresh)) if fresh else {}
    excluded = {p for p in fresh if p not in facts}  # cannot be read: left out of the graph
    if state is not None and not removed and not facts and not any(p in old_records for p in excluded):
        # nothing changed (but files that still cannot be read): the previous Turtle is current
        assert state.out is not None  # a loaded state has an output
        if state.out[0] == str(out_path):
            return Outcome(None, state.triples, old_records), None
        state.out = (str(out_path), state.out[1], state.out[2])
        return Outcome(base, state.triples, old_records), state

    from .mapper import PREFIXES, ArticleMapper, ResView, deps_hold, role_triples
    from .resolve import res_input, resolve_inputs
    from .ttl import writer as ttl_writer

    # ---- resolution of the whole archive again (unchanged articles from their kept summaries);
    # unchanged articles whose answers changed are mapped again
    resin = {p: inputs.get(p) or res_input(f) for p, f in facts.items()}
    resin.update((p, old_records[p][R_RES]) for p in clean)
    again = 0
    while True:
        order = sorted((current[p][0], p) for p in current if p not in excluded)
        res = resolve_inputs([(path, source, resin[path]) for source, path in order])
        stale = [path for source, path in order
                 if path in clean and path not in facts and not deps_hold(res, path, source, old_records[path][R_DEPS])]
        if not stale:
            break
        got = get_facts(stale)
        facts.update(got)
        again += len(got)
        lost = [p for p in stale if p not in got]
        if not lost:
            break
        excluded.update(lost)  # unreadable now: left out, and the archive resolved again without it
    source_of = {path: source for source, path in order}
    dirty = [path for _, path in order if path in facts]
    gone = set(dirty) | set(removed) | excluded

    mapper = ArticleMapper()
    records = {p: r for p, r in old_records.items() if p in source_of and p not in gone}
    subjects_of = {p: state.subjects_of[p] for p in records} if state is not None else {}
    contributions: dict[str, dict[str, tuple]] = {}  # path -> subject -> (pairs, claims)
    for path in dirty:
        f = facts[path]
        view = ResView(res, path, source_of[path], record=True)
        article_triples, claims = mapper.map_article(f, view)
        contributions[path] = group(article_triples, claims)
        records[path] = (source_of[path], current[path][1], resin[path], view.recorded(), fact_counts(f),
                         tuple(sorted({intern(p.name) for p in f.people})))
        subjects_of[path] = marshal.dumps(tuple(contributions[path]))
    if state is None:
        contributions[""] = group(role_triples(), ())  # in every graph; never changes
    # ---- subjects to write again: those the changed articles wrote to before and write to now
    affected: set[str] = set()
    if state is not None:
        for path in gone:
            old = state.subjects_of.get(path)
            if old is not None:
                affected.update(marshal.loads(old))
    incoming = _by_subject(contributions, source_of)
    affected.update(incoming)
    w = ttl_writer(PREFIXES)
    changes, delta, new_shards = _reassemble(folder, state, affected, incoming, gone, w)
    # ---- the Turtle: the previous file with the changed blocks spliced in, or written whole
    header = w.header.encode("utf-8")
    if state is not None:
        assert base is not None  # a state is used only with the Turtle it describes
        data, subjects, lengths = splice(base, header, state.subjects, state.lengths, changes)
        triples = state.triples + delta
    else:
        subjects = sorted(s for s, b in changes.items() if b is not None)
        blocks = [b for s in subjects if (b := changes[s]) is not None]  # (all of them: subjects have a block)
        lengths = [len(b) for b in blocks]
        data = header + b"".join(blocks)
        triples = delta
    shard_files = _write_shards(folder, state, new_shards)
    new_state = GraphState(salt=salt, out=(str(out_path), len(data), hashlib.sha256(data).hexdigest()),
                           records=records, subjects_of=subjects_of, subjects=subjects, lengths=lengths,
                           header=header, shards=shard_files, triples=triples)
    return Outcome(data, triples, records, len(dirty), again), new_state


def _by_subject(contributions: dict[str, dict[str, tuple]], source_of: dict[str, str]) -> dict[str, dict[str, tuple]]:
    """path -> subject -> (pairs, claims) turned into subject -> path -> (source, pairs, claims)."""
    incoming: dict[str, dict[str, tuple]] = {}
    for path, by_subject in contributions.items():
        source = source_of.get(path, "")
        for s, (pairs, claims) in by_subject.items():
            c = incoming.get(s)
            if c is None:
                incoming[s] = {path: (source, pairs, claims)}
            else:
                c[path] = (source, pairs, claims)
    return incoming


def _reassemble(folder: Path, state: GraphState | None, affected: set[str], incoming: dict[str, dict[str, tuple]],
                gone: set[str], w) -> tuple[dict[str, bytes | None], int, dict[int, dict]]:
    """The new block of each affected subject (None: nothing left) from its kept contributions (less
    those of `gone` articles) and the incoming ones; the change in triple count; the updated shards."""
    by_shard: dict[int, list[str]] = {}
    for s in affected:
        by_shard.setdefault(shard_of(s), []).append(s)
    changes: dict[str, bytes | None] = {}
    delta = 0
    new_shards: dict[int, dict] = {}
    for n, subjects in by_shard.items():
        shard = _load_shard(folder, state.shards.get(n)) if state is not None else {}
        for s in subjects:
            old_count, contribs = shard.get(s, (0, {}))
            if contribs:
                contribs = {p: c for p, c in contribs.items() if p not in gone}
            new = incoming.get(s)
            if new:
                contribs.update(new)
            block, count = subject_block(s, contribs, w)
            changes[s] = block
            delta += count - old_count
            if contribs:
                shard[s] = (count, contribs)
            else:
                shard.pop(s, None)
        new_shards[n] = shard
    return changes, delta, new_shards


def _write_shards(folder: Path, state: GraphState | None, new_shards: dict[int, dict]) -> dict[int, tuple[str, str]]:
    """Write the changed shards (under new names: the current state still names the old files) and
    return the shard table of the new state."""
    shard_files = dict(state.shards) if state is not None else {}
    folder.mkdir(parents=True, exist_ok=True)
    for n, shard in new_shards.items():
        if not shard:
            shard_files.pop(n, None)
            continue
        raw = _seal(_SHARD_MAGIC, shard)
        digest = hashlib.sha256(raw).hexdigest()
        name = f"s{n:03d}-{digest[:24]}.bin"
        if shard_files.get(n) != (name, digest):
            write_atomic(folder / name, raw, durable=False)
            shard_files[n] = (name, digest)
    return shard_files


def commit(folder: Path, new_state: GraphState) -> None:
    """Save the state (after the Turtle it describes was written) and remove shards it no longer names."""
    new_state.save(folder)
    keep = {name for name, _ in new_state.shards.values()} | {STATE}
    now = time.time()
    for entry in os.scandir(folder):
        if entry.name in keep:
            continue
        try:
            # shards of earlier builds; temporary files left by killed builds (not a running one's)
            if entry.name.endswith(".bin") or (entry.name.endswith(".tmp") and now - entry.stat().st_mtime > 3600):
                os.unlink(entry.path)
        except OSError:
            pass
