"""Per-article fact cache keyed by the file's content hash, so a rebuild maps only new or changed articles.

Each entry carries a checksum of its own payload: a truncated or corrupted entry is detected, dropped
and rebuilt, never trusted.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from .facts import ArticleFacts

# Bump when extraction rules change so stale facts are not reused.
EXTRACTOR_VERSION = "1"


def _version_salt() -> str:
    src = Path(__file__).resolve().parent
    h = hashlib.sha256(EXTRACTOR_VERSION.encode())
    for name in ("reader.py", "people.py", "extract.py", "tokens.py", "lexicon.py"):
        h.update((src / name).read_bytes())
    for f in sorted((src / "data").glob("*.ttl")):
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


class FactCache:
    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.salt = _version_salt()

    def _key(self, path: Path) -> Path:
        digest = hashlib.sha256(self.salt.encode() + path.read_bytes()).hexdigest()
        return self.folder / digest[:2] / f"{digest}.json"

    def get(self, path: Path) -> ArticleFacts | None:
        try:
            entry = self._key(path)
            raw = entry.read_bytes()
        except OSError:
            return None
        try:
            wrapper = json.loads(raw)
            payload = wrapper["payload"]
            if hashlib.sha256(payload.encode("utf-8")).hexdigest() != wrapper["sha256"]:
                raise ValueError("checksum mismatch")
            facts = ArticleFacts.from_dict(json.loads(payload))
        except (ValueError, KeyError, TypeError):
            try:
                entry.unlink()
            except OSError:
                pass
            return None
        facts.source = path.name
        return facts

    def put(self, path: Path, facts: ArticleFacts) -> None:
        try:
            entry = self._key(path)
        except OSError:
            return
        payload = json.dumps(facts.to_dict(), ensure_ascii=False, sort_keys=True)
        data = json.dumps({"sha256": hashlib.sha256(payload.encode("utf-8")).hexdigest(), "payload": payload})
        entry.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(data)
        os.replace(tmp, entry)
