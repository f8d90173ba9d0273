"""Per-article fact cache keyed by the file's content hash, so a rebuild maps only new or changed articles.

Two layers, both keyed by sha256(extractor version + file bytes):

* one JSON entry per article (`ab/abcd….json`), each carrying a checksum of its own payload: a truncated
  or corrupted entry is detected, dropped and rebuilt, never trusted;
* a pack (`pack.pickle`) of the facts of the last build plus a stat index (path, size, mtime, inode →
  digest). Re-reading and re-hashing 10,000 unchanged files and parsing 10,000 JSON entries took longer
  than the 2 s an incremental build may take; with the pack, an unchanged file costs one `stat` and a
  dict lookup. The pack carries a checksum too, and a mismatch makes the cache fall back to the entries.
  The pack itself is `marshal` data (index, and each article's facts as a separate pickle): an
  incremental build unpickles only the facts it needs. The facts are pickles: the cache folder must be
  as trusted as the code (it is the user's own folder, written only by diplograph).

A file whose size, mtime, inode or ctime changed, or that was changed just before it was hashed, is
hashed again (the rule is in `FactCache.digest`), so an edited article is always re-mapped,
and a removed article simply is not asked for: its facts drop out of the next pack and the next graph.
The graph built from the facts is kept next to them by `graphstate` (in `graph/`).
"""
from __future__ import annotations

import hashlib
import json
import marshal
import pickle
import time
from functools import lru_cache
from pathlib import Path

from .atomic import write_atomic
from .facts import ArticleFacts

# Bump when extraction rules change so stale facts are not reused.
EXTRACTOR_VERSION = "1"
PACK = "pack.pickle"
_MAGIC = b"DGPACK4\n"  # 4: the stat index has ctime and the time of hashing (see `FactCache.digest`)
# A file changed less than this before it was hashed is hashed again next time (timestamp granularity
# of the coarsest common file systems: FAT has 2 s).
RACY_NS = 2_000_000_000


def _package_files(root: Path) -> list[Path]:
    """Every code and data file of the package under `root` (*.py, data/*.ttl, viz assets, ...),
    sorted by relative path; byte-code caches and hidden files are not part of it."""
    out = []
    for f in root.rglob("*"):
        rel = f.relative_to(root).parts
        if f.is_file() and "__pycache__" not in rel and not any(p.startswith(".") for p in rel) \
                and f.suffix not in (".pyc", ".pyo") and not f.name.endswith("~"):
            out.append(f)
    return sorted(out, key=lambda f: f.relative_to(root).as_posix())


def _salt_of(root: Path) -> str:
    """A hash of the extractor version and of every file of the package (path and bytes): any change
    to the code or the data, wherever it is, makes every cached fact stale."""
    h = hashlib.sha256(EXTRACTOR_VERSION.encode())
    for f in _package_files(root):
        data = f.read_bytes()
        h.update(f"{f.relative_to(root).as_posix()}\0{len(data)}\0".encode())
        h.update(data)
    return h.hexdigest()[:16]


@lru_cache(maxsize=1)
def _version_salt() -> str:
    return _salt_of(Path(__file__).resolve().parent)


class FactCache:
    def __init__(self, folder: Path, use_pack: bool = True):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.salt = _version_salt()
        self.use_pack = use_pack
        # path -> (size, mtime, inode, ctime, hashed at, digest), and digest -> pickled facts, as left by
        # the last build (facts are unpickled only when asked for: an incremental build needs few of them)
        self._index: dict[str, tuple[int, int, int, int, int, str]] = {}
        self._blobs: dict[str, bytes] = {}
        if use_pack:
            self._load_pack()
        self._new_index: dict[str, tuple[int, int, int, int, int, str]] = {}
        self._new_blobs: dict[str, bytes] = {}
        self._dirty = False

    @classmethod
    def entry_for(cls, folder: Path) -> "FactCache":
        """A cache that only writes JSON entries (what a worker process needs): no pack is read."""
        return cls(folder, use_pack=False)

    # -------------------------------------------------------------- pack
    def _load_pack(self) -> None:
        try:
            raw = (self.folder / PACK).read_bytes()
        except OSError:
            return
        try:
            if not raw.startswith(_MAGIC):
                raise ValueError("not a pack")
            digest, payload = raw[len(_MAGIC):len(_MAGIC) + 64], raw[len(_MAGIC) + 65:]
            if hashlib.sha256(payload).hexdigest().encode() != digest:
                raise ValueError("checksum mismatch")
            salt, index, blobs = marshal.loads(payload)
            if salt != self.salt:
                return  # the extractor changed: every fact is stale
            self._index, self._blobs = index, blobs
        except Exception:  # a damaged pack is dropped; the JSON entries still serve
            try:
                (self.folder / PACK).unlink()
            except OSError:
                pass

    def save(self) -> None:
        """Write the pack of this build's files (only when something changed since the last one).

        It keeps the facts of every file of this build, also of those whose facts were not needed
        (an unchanged article in an incremental build): their pickled facts are carried over."""
        if not self.use_pack or (not self._dirty and self._new_index.keys() == self._index.keys()):
            return
        blobs = {}
        for *_, digest in self._new_index.values():
            blob = self._new_blobs.get(digest) or self._blobs.get(digest)
            if blob is not None:
                blobs[digest] = blob
        payload = marshal.dumps((self.salt, self._new_index, blobs))
        # not fsynced: a pack lost in a crash fails its checksum and the JSON entries serve
        write_atomic(self.folder / PACK, _MAGIC + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload,
                     durable=False)

    # -------------------------------------------------------------- keys
    def digest(self, path: Path) -> str:
        """Content digest of the file (raises OSError when the file cannot be read).

        The rule: the digest recorded for the path is reused only when size, mtime, inode AND ctime are
        all unchanged, and the file had not changed in the `RACY_NS` before it was hashed; otherwise the
        content is hashed again. Size, mtime and inode alone were fooled by an edit in place of the
        same size with the mtime put back (`touch -d`, `os.utime`, an editor or a copy that keeps
        times): the stale facts stayed. Putting the mtime back moves the ctime, which no user can set.
        A file changed just before it was hashed may change again within the file system's timestamp
        granularity without any stat field moving (git's "racy" files): such an entry is not trusted
        until a build finds it older than the window.
        """
        st = path.stat()
        key = str(path)
        known = self._new_index.get(key) or self._index.get(key)
        stamp = (st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns)
        if (known is not None and len(known) == 6 and known[:4] == stamp
                and max(st.st_mtime_ns, st.st_ctime_ns) + RACY_NS < known[4]):
            digest, hashed_at = known[5], known[4]
        else:
            hashed_at = time.time_ns()
            digest = hashlib.sha256(self.salt.encode() + path.read_bytes()).hexdigest()
            self._dirty = True
        self._new_index[key] = (*stamp, hashed_at, digest)
        return digest

    _digest = digest

    def _entry(self, digest: str) -> Path:
        return self.folder / digest[:2] / f"{digest}.json"

    # -------------------------------------------------------------- get / put
    def get(self, path: Path) -> ArticleFacts | None:
        try:
            digest = self.digest(path)
        except OSError:
            return None
        return self.facts(digest, path)

    def facts(self, digest: str, path: Path) -> ArticleFacts | None:
        """The facts of content `digest` (from the pack, else its JSON entry) named after `path`."""
        facts = None
        blob = self._new_blobs.get(digest) or self._blobs.get(digest)
        if blob is not None:
            try:
                facts = pickle.loads(blob)
            except Exception:  # pragma: no cover - the pack's checksum was right: not expected
                facts = None
            if not isinstance(facts, ArticleFacts):
                facts = None
        if facts is None:
            facts = self._read_entry(digest)
            if facts is None:
                return None
            self._new_blobs[digest] = pickle.dumps(facts, protocol=pickle.HIGHEST_PROTOCOL)
            self._dirty = True
        # two files may share content (and so facts): each gets its own copy with its own name
        from .reader import source_name  # a name that is not UTF-8 must not reach RDF (tests/test_hostile_inputs.py)

        facts.source = source_name(path)
        return facts

    def _read_entry(self, digest: str) -> ArticleFacts | None:
        entry = self._entry(digest)
        try:
            raw = entry.read_bytes()
        except OSError:
            return None
        try:
            wrapper = json.loads(raw)
            payload = wrapper["payload"]
            if hashlib.sha256(payload.encode("utf-8")).hexdigest() != wrapper["sha256"]:
                raise ValueError("checksum mismatch")
            return ArticleFacts.from_dict(json.loads(payload))
        except (ValueError, KeyError, TypeError):
            try:
                entry.unlink()
            except OSError:
                pass
            return None

    def put(self, path: Path, facts: ArticleFacts) -> None:
        """Write the JSON entry of a freshly mapped article."""
        try:
            digest = self.digest_of(path.read_bytes())
        except OSError:
            return
        self.store(digest, facts)

    def digest_of(self, data: bytes) -> str:
        """The key of an article given as bytes (a file's content, or one corpus line: the distributed
        build caches corpus articles by their line, see `distributed`)."""
        return hashlib.sha256(self.salt.encode() + data).hexdigest()

    def load(self, digest: str) -> ArticleFacts | None:
        """The facts kept under `digest` in its JSON entry (checked), as they were stored."""
        return self._read_entry(digest)

    def store(self, digest: str, facts: ArticleFacts) -> None:
        """Write the JSON entry of `digest` (atomically; several workers may write entries at once)."""
        payload = json.dumps(facts.to_dict(), ensure_ascii=False, sort_keys=True)
        data = json.dumps({"sha256": hashlib.sha256(payload.encode("utf-8")).hexdigest(), "payload": payload})
        write_atomic(self._entry(digest), data.encode("utf-8"), durable=False)

    def record(self, path: Path, facts: ArticleFacts) -> None:
        """Remember freshly mapped facts for the pack (the entry was written by `put`, maybe in a worker)."""
        try:
            digest = self.digest(path)
        except OSError:
            return
        self._new_blobs[digest] = pickle.dumps(facts, protocol=pickle.HIGHEST_PROTOCOL)
        self._dirty = True
