"""Checks on a graph file before a command opens it (`validate`, `viz`), with the reader's rules.

A FIFO named graph.ttl would block the command forever and /dev/zero would fill the memory, so what is
not a regular file is refused by its kind, from one `stat`, as `reader.read_file` refuses it for an
article. A graph file has its own size limit: graphs are much larger than articles (about 80 bytes a
triple; the 10,000-article benchmark graph is tens of MB), but rdflib holds about 1 KB of memory per
triple, so a file over MAX_GRAPH_BYTES (some 6 million triples) would exhaust the memory of an ordinary
machine before any answer.
"""
from __future__ import annotations

import stat
from pathlib import Path

from .reader import file_kind

MAX_GRAPH_BYTES = 512 * 1024 * 1024


class InputError(ValueError):
    """A file a command cannot open as a graph; the message is one line naming the file."""


def check_input_file(path: str | Path, max_bytes: int | None = MAX_GRAPH_BYTES) -> Path:
    """`path` if it is a regular file of at most `max_bytes` (None: any size); InputError otherwise."""
    path = Path(path)
    try:
        st = path.stat()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{path}: not a regular file ({file_kind(st.st_mode)})")
    if max_bytes is not None and st.st_size > max_bytes:
        raise InputError(f"{path}: file too large ({st.st_size / (1024 * 1024):.0f} MB > "
                         f"{max_bytes // (1024 * 1024)} MB)")
    return path
