"""Shared fixtures.

``oxigraph_server`` starts a REAL Oxigraph server (the ``oxigraph`` binary from the PyPI package of
the same name) on a free loopback port. If it cannot start, the tests FAIL: a silently skipped
store test would hide a broken push.
"""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest

TESTS_DIR = Path(__file__).resolve().parent
DATA_DIR = TESTS_DIR / "data"
FIXTURE_GRAPH = DATA_DIR / "fixture.ttl"


@pytest.fixture(scope="session")
def fixture_graph() -> Path:
    return FIXTURE_GRAPH


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def oxigraph_binary() -> str:
    candidate = Path(sys.executable).parent / "oxigraph"
    if candidate.is_file():
        return str(candidate)
    found = shutil.which("oxigraph")
    if not found:
        pytest.fail("the `oxigraph` binary is missing: pip install oxigraph (it is in the [test] extras)")
    return found


@dataclass
class OxigraphServer:
    base: str
    process: subprocess.Popen

    @property
    def query_url(self) -> str:
        return self.base + "/query"

    @property
    def update_url(self) -> str:
        return self.base + "/update"


def _wait_until_up(proc: subprocess.Popen, base: str, deadline: float) -> bool:
    url = base + "/query?query=" + urllib.request.quote("ASK { ?s ?p ?o }")
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        try:
            req = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
            with urllib.request.urlopen(req, timeout=2) as resp:
                if resp.status == 200:
                    return True
        except (urllib.error.URLError, ConnectionError, OSError):
            time.sleep(0.1)
    return False


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphServer]:
    """A running ``oxigraph serve`` on 127.0.0.1, stopped (only this process) at the end of the session."""
    binary = oxigraph_binary()
    errors = []
    for attempt in range(3):  # a port picked as free can be taken before the server binds it
        port = free_port()
        location = tmp_path_factory.mktemp(f"oxigraph-{attempt}")
        log = open(location.parent / f"oxigraph-{attempt}.log", "w+b")
        proc = subprocess.Popen(
            [binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
            stdout=log, stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        if _wait_until_up(proc, base, time.monotonic() + 30):
            try:
                yield OxigraphServer(base, proc)
            finally:
                proc.terminate()
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                log.close()
            return
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.seek(0)
        errors.append(log.read().decode("utf-8", "replace")[-500:])
        log.close()
    pytest.fail("could not start the Oxigraph server: " + " | ".join(errors))
