"""Two halves of a serial step at once: one in this process, one in a forked child.

After extraction the build is serial: map every article against the resolution, then write the Turtle
blocks. On a 10,000-article archive that is two seconds of one core while the other waits. Both steps
are pure functions of data this process already holds, so a forked child (which inherits it without
copying or pickling) can do the second half while this process does the first; only the child's
result comes back, pickled through a pipe. If forking is not possible, or the child fails in any way,
the second half is simply done here: the result never depends on whether the child helped.
"""
from __future__ import annotations

import os
import pickle
import signal
from typing import Callable, TypeVar

A = TypeVar("A")
B = TypeVar("B")


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def split(first: Callable[[], A], second: Callable[[], B], *, parallel: bool = True) -> tuple[A, B]:
    """`(first(), second())`, with `second` run in a forked child when `parallel` and possible."""
    if not parallel or not hasattr(os, "fork") or cores() < 2:
        return first(), second()
    try:
        r, w = os.pipe()
        pid = os.fork()
    except OSError:
        return first(), second()
    if pid == 0:  # the child: compute, send, leave without running the parent's cleanup
        code = 1
        try:
            os.close(r)
            data = pickle.dumps(second(), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(w, "wb") as fh:
                fh.write(data)
            code = 0
        finally:
            os._exit(code)
    os.close(w)
    done = False
    try:
        a = first()
        with os.fdopen(r, "rb") as fh:
            data = fh.read()  # the child blocks on a full pipe until this read: no deadlock
        done = True
    finally:
        if not done:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        _, status = os.waitpid(pid, 0)
    if os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0:
        try:
            return a, pickle.loads(data)
        except Exception:  # a truncated or damaged result: do it here
            pass
    return a, second()
