"""A push that fails half way leaves the remote named graph as it was (REAL Oxigraph server). Adds to
tests/test_push.py, which fails the third INSERT chunk: here the swap itself fails, the push is
interrupted (Ctrl-C) between chunks, and the pushed file is broken half way through."""
from __future__ import annotations

from pathlib import Path

import pytest

from diplograph.engine import EngineError, sort_key
from diplograph.push import Endpoint, RemoteError, push_graph

pytestmark = pytest.mark.store

FIXTURE = Path(__file__).parent / "data" / "fixture.ttl"
GRAPH = "https://example.org/hostile-push"


@pytest.fixture()
def endpoint(oxigraph_server) -> Endpoint:
    ep = Endpoint.from_urls(oxigraph_server.query_url, oxigraph_server.update_url, timeout=30)
    push_graph(FIXTURE, ep, GRAPH)
    return ep


def _rows(ep: Endpoint) -> list:
    return sorted(ep.select(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{GRAPH}> {{ ?s ?p ?o }} }}").rows, key=sort_key)


def _temp_graphs(ep: Endpoint) -> list[str]:
    res = ep.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    return [r[0].value for r in res.rows if r[0].value.startswith("urn:diplograph:push:")]


def _other(tmp_path: Path) -> Path:
    f = tmp_path / "other.ttl"
    f.write_text("".join(f'<http://e/s{i}> <http://e/p> "{i} \\"}} ; DROP ALL #" .\n' for i in range(40)))
    return f


@pytest.mark.parametrize("fail_on", ["MOVE", "DROP SILENT GRAPH <https://example.org/hostile-push>"])
def test_failed_swap_leaves_the_target(fail_on: str, endpoint: Endpoint, monkeypatch: pytest.MonkeyPatch,
                                       tmp_path: Path) -> None:
    before = _rows(endpoint)
    assert len(before) == 245
    real = Endpoint.update

    def flaky(self: Endpoint, text: str) -> None:
        if text.startswith(fail_on) or (fail_on == "MOVE" and "MOVE " in text and "INSERT" not in text):
            raise RemoteError("update failed: HTTP 503 simulated")
        real(self, text)

    monkeypatch.setattr(Endpoint, "update", flaky)
    with pytest.raises(RemoteError, match="simulated"):
        push_graph(_other(tmp_path), endpoint, GRAPH, chunk_size=7)
    monkeypatch.setattr(Endpoint, "update", real)
    assert _rows(endpoint) == before
    assert _temp_graphs(endpoint) == []


def test_interrupted_push_leaves_the_target_and_cleans_up(endpoint: Endpoint, monkeypatch: pytest.MonkeyPatch,
                                                          tmp_path: Path) -> None:
    before = _rows(endpoint)
    real = Endpoint.update
    calls = {"n": 0}

    def interrupted(self: Endpoint, text: str) -> None:
        if text.startswith("INSERT DATA"):
            calls["n"] += 1
            if calls["n"] == 2:
                raise KeyboardInterrupt  # Ctrl-C between two chunks
        real(self, text)

    monkeypatch.setattr(Endpoint, "update", interrupted)
    with pytest.raises(KeyboardInterrupt):
        push_graph(_other(tmp_path), endpoint, GRAPH, chunk_size=10)
    monkeypatch.setattr(Endpoint, "update", real)
    assert _rows(endpoint) == before
    assert _temp_graphs(endpoint) == []


def test_broken_file_is_refused_before_anything_is_sent(endpoint: Endpoint, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    before = _rows(endpoint)
    broken = tmp_path / "broken.ttl"
    broken.write_text(FIXTURE.read_text(encoding="utf-8")[:5000] + '\n<http://e/a> <http://e/b> "unterminated\n')
    sent: list[str] = []
    real = Endpoint.update
    monkeypatch.setattr(Endpoint, "update", lambda self, text: (sent.append(text), real(self, text)))
    with pytest.raises(EngineError, match="cannot parse .*broken.ttl"):
        push_graph(broken, endpoint, GRAPH, chunk_size=10)
    assert sent == []
    assert _rows(endpoint) == before
