"""The per-article time budget: an article whose extraction runs too long is stopped and skipped by name.

Two ways to interrupt a running article, one for each place articles run:

* in a process's main thread (the sequential build and every worker of the local pool), a real-time
  interval timer (SIGALRM) whose handler raises `OverBudget`;
* in any other thread (a Dask worker runs its tasks in a thread pool, where signals cannot be used),
  a watchdog timer thread that raises `OverBudget` asynchronously in the article's thread
  (CPython's ``PyThreadState_SetAsyncExc``).

Either way Python code is interrupted at its next bytecode; a single call into C that never returns to
Python is not (none is known to). `OverBudget` is a BaseException, so no ``except Exception`` inside
the extractor swallows it.
"""
from __future__ import annotations

import ctypes
import signal
import threading
from contextlib import contextmanager
from typing import Iterator


class OverBudget(BaseException):
    """Raised inside an article's extraction when its time budget is spent."""


def _on_alarm(signum, frame) -> None:  # noqa: ARG001
    raise OverBudget


def over_budget_reason(seconds: float) -> str:
    """What a skipped article's line says (the same in the local and the distributed build)."""
    return f"took more than {seconds:g} s to map (time budget per article)"


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Interrupt the block with `OverBudget` after `seconds` (no limit when None or 0)."""
    if not seconds:
        yield
        return
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        return
    with _watchdog(seconds):
        yield


@contextmanager
def _watchdog(seconds: float) -> Iterator[None]:
    """`time_budget` off the main thread: a timer thread raises `OverBudget` in this thread.

    The lock makes "the block ended" and "the timer fired" exclusive: once the block has ended the
    timer raises nothing, and an exception the timer sent but that is still pending when the block
    ends is withdrawn and raised here instead, so it can never fire later, in unrelated code."""
    target = threading.get_ident()
    lock = threading.Lock()
    state = {"active": True, "fired": False}

    def fire() -> None:
        with lock:
            if state["active"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), ctypes.py_object(OverBudget))

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        with lock:
            state["active"] = False
            fired = state["fired"]
        if fired:
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), None)  # a pending one, withdrawn
            raise OverBudget
