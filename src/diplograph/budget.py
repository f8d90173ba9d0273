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

The rule is the elapsed time, not the interruption: a block that ends normally but took longer than
its budget raises `OverBudget` as it leaves. Without this the outcome would depend on scheduling: the
watchdog needs the GIL to fire (a thread switch comes every 5 ms), so short articles over a tiny budget
ended before it could, and an exception it sent while the thread ran a garbage-collector callback
(Dask's `GCDiagnosis`) was printed and dropped there. For the same reason the watchdog keeps sending
until the block has ended.
"""
from __future__ import annotations

import ctypes
import signal
import threading
import time
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
    with _interrupt(seconds):
        start = time.monotonic()
        yield
        if time.monotonic() - start > seconds:  # ended, but late: over budget all the same
            raise OverBudget


@contextmanager
def _interrupt(seconds: float) -> Iterator[None]:
    """Stop the block once `seconds` have passed: SIGALRM in the main thread, else the watchdog."""
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


RESEND = 0.05
"""Seconds between the watchdog's sends while the block it interrupts is still running."""


def _start_timer(seconds: float, fn) -> threading.Timer:
    timer = threading.Timer(seconds, fn)
    timer.daemon = True
    timer.start()
    return timer


@contextmanager
def _watchdog(seconds: float) -> Iterator[None]:
    """`time_budget` off the main thread: a timer thread raises `OverBudget` in this thread.

    The lock makes "the block ended" and "the timer fired" exclusive: once the block has ended the
    timer raises nothing, and an exception the timer sent but that is still pending when the block
    ends is withdrawn and raised here instead, so it can never fire later, in unrelated code. An
    exception raised where the interpreter drops it (a `gc` callback) would leave the block running,
    so the timer sends again every `RESEND` seconds until the block has ended."""
    target = threading.get_ident()
    lock = threading.Lock()
    state: dict = {"active": True, "fired": False, "timer": None}

    def fire() -> None:
        with lock:
            if state["active"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), ctypes.py_object(OverBudget))
                state["timer"] = _start_timer(RESEND, fire)

    with lock:
        state["timer"] = _start_timer(seconds, fire)
    try:
        yield
    finally:
        while True:  # a send that lands here, before the timer is stopped, must not skip stopping it
            try:
                with lock:
                    state["timer"].cancel()
                    state["active"] = False
                    fired = state["fired"]
                break
            except OverBudget:
                pass
        if fired:
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), None)  # a pending one, withdrawn
            raise OverBudget
