"""The per-article time budget (`budget.time_budget`) in the main thread and in other threads (where a
Dask worker runs its tasks)."""
from __future__ import annotations

import threading
import time

import pytest

from diplograph.budget import OverBudget, time_budget


def _spin(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:  # pure Python: interruptible at any bytecode
        pass


def _in_thread(fn) -> list:
    out: list = []

    def run() -> None:
        try:
            out.append(fn())
        except BaseException as exc:  # noqa: BLE001  (the test looks at what was raised)
            out.append(exc)

    t = threading.Thread(target=run)
    t.start()
    t.join(30)
    assert not t.is_alive(), "the budget did not stop the thread"
    return out


@pytest.mark.parametrize("where", ["main", "thread"])
def test_a_block_over_its_budget_is_stopped(where: str) -> None:
    def job():
        start = time.monotonic()
        try:
            with time_budget(0.3):
                _spin(10)
        except OverBudget:
            return time.monotonic() - start
        return None

    took = job() if where == "main" else _in_thread(job)[0]
    assert isinstance(took, float) and took < 5


@pytest.mark.parametrize("where", ["main", "thread"])
def test_a_block_within_its_budget_is_never_interrupted_later(where: str) -> None:
    def job():
        with time_budget(0.2):
            x = sum(range(1000))
        _spin(0.6)  # past the budget, outside the block: nothing may fire here
        return x

    got = job() if where == "main" else _in_thread(job)[0]
    assert got == sum(range(1000))


def test_no_budget_means_no_limit() -> None:
    with time_budget(None):
        _spin(0.05)
    with time_budget(0):
        _spin(0.05)


@pytest.mark.parametrize("where", ["main", "thread"])
def test_a_block_that_ends_after_its_budget_is_over_budget(where: str) -> None:
    """The rule is the elapsed time: a block that ends normally, but late (here it sleeps in C, past the
    budget, where no interruption can reach it in a thread), is over budget all the same."""
    def job():
        try:
            with time_budget(0.05):
                time.sleep(0.2)
        except OverBudget:
            return "over"
        return "within"

    got = job() if where == "main" else _in_thread(job)[0]
    assert got == "over"


def test_the_watchdog_sends_again_when_its_exception_is_dropped() -> None:
    """An exception raised in a `gc` callback is printed and dropped by the interpreter (a Dask worker
    runs one on every collection): the watchdog must send again, or the block runs on."""
    import gc

    dropped = []

    def swallow(phase, info) -> None:  # noqa: ARG001
        try:
            _spin(0.02)  # the first send lands here, inside the callback
        except OverBudget:
            dropped.append(True)

    def job():
        start = time.monotonic()
        gc.callbacks.append(swallow)
        try:
            with time_budget(0.01):
                gc.collect()  # the callback swallows the first exception
                _spin(10)
        except OverBudget:
            return time.monotonic() - start
        finally:
            gc.callbacks.remove(swallow)
        return None

    took = _in_thread(job)[0]
    assert dropped and isinstance(took, float) and took < 5
