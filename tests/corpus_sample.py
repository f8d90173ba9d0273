"""Real articles for the distributed-build and bulk-load tests, drawn from the shared corpus in the test.

The corpus is found as ../shared/corpus relative to the repository root (as the scorer gates of
.ci/run find ../shared/eval); a missing corpus FAILS the tests that need it. Its text is never
copied into the repository: the shards are written into the test's temporary folder.
"""
from __future__ import annotations

import gzip
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "baomoi-2017.jsonl.gz"
BAD_JSON = b'{"id": "broken", "text": \n'
NO_TEXT = b'{"id": "no-text"}\n'


def write_shards(folder: Path, articles: int, shards: int, step: int = 29) -> list[Path]:
    """`articles` corpus lines (every `step`-th line, so they span the year) dealt round-robin into
    `shards` JSON-lines files (the last one gzipped), with a line that is not JSON and a record with
    no text in the second shard: both must be reported with their shard and line, and skipped."""
    if not CORPUS.is_file():
        pytest.fail(f"the shared corpus is missing: {CORPUS} (the tests need ../shared/corpus beside the checkout)")
    picked: list[bytes] = []
    with gzip.open(CORPUS, "rb") as fh:
        for i, line in enumerate(fh):
            if i % step == 0:
                picked.append(line)
                if len(picked) == articles:
                    break
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in range(shards):
        lines = picked[k::shards]
        if k == 1:
            lines = lines[:3] + [BAD_JSON] + lines[3:5] + [NO_TEXT] + lines[5:]
        data = b"".join(lines)
        if k == shards - 1:
            path = folder / f"shard-{k}.jsonl.gz"
            path.write_bytes(gzip.compress(data, mtime=0))
        else:
            path = folder / f"shard-{k}.jsonl"
            path.write_bytes(data)
        paths.append(path)
    return paths
