"""Writing a file so that a crash at any moment leaves either the old file or the new one, never half."""
from __future__ import annotations

import os
from pathlib import Path


def write_atomic(path: str | Path, data: bytes, *, durable: bool = True) -> None:
    """Write through a temporary file in the same folder and rename it over `path`.

    `durable` fsyncs before the rename (outputs people keep); the per-article cache skips it, since a
    lost entry is only mapped again.
    """
    import tempfile  # here: a build with nothing to write never pays for importing it

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            if durable:
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
