"""Writing a file so that a crash at any moment leaves either the old file or the new one, never half."""
from __future__ import annotations

import os
from pathlib import Path


def write_atomic(path: str | Path, data: bytes, *, durable: bool = True) -> None:
    """Write through a temporary file in the same folder and rename it over `path`.

    `durable` fsyncs before the rename (outputs people keep); the per-article cache skips it, since a
    lost entry is only mapped again.
    """
    write_atomic_many([(Path(path), data)], durable=durable)


def write_atomic_many(items: list[tuple[Path, bytes]], *, durable: bool = True) -> None:
    """Write several files as one unit: every temporary file is written (and fsynced) first, and only
    then are they renamed, one after the other. A failure while writing any of them (a full disk)
    renames none, so the outputs of a build are never the Turtle of one build and the HTML of another;
    only a crash between two renames (microseconds) can leave one renamed."""
    import tempfile

    temps: list[tuple[str, Path]] = []
    try:
        for path, data in items:
            path = Path(path)
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            temps.append((tmp, path))
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                if durable:
                    fh.flush()
                    os.fsync(fh.fileno())
            os.chmod(tmp, 0o644)
        while temps:
            tmp, path = temps[0]
            os.replace(tmp, path)
            temps.pop(0)
    except BaseException:
        for tmp, _ in temps:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        raise
