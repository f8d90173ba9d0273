"""A push that fails half way leaves the remote named graph as it was (REAL Oxigraph server). Adds to
tests/test_push.py, which fails the third INSERT chunk: here the swap itself fails, the push is
interrupted (Ctrl-C) between chunks, and the pushed file is broken half way through."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from diplograph.cli import main
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


# ----------------------------------------------------------------------------- stale temporary graphs
def _all_temp_graphs(ep: Endpoint) -> list[str]:
    res = ep.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    return sorted(r[0].value for r in res.rows if r[0].value.startswith("urn:diplograph:push:"))


def _killed_push(ep: Endpoint, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, target: str | None) -> None:
    """A push killed between two chunks: nothing runs after the kill, not even the DROP of its temporary graph."""
    real = Endpoint.update
    calls = {"n": 0}

    class Killed(BaseException):
        pass

    def killed(self: Endpoint, text: str) -> None:
        if text.startswith("INSERT DATA"):
            calls["n"] += 1
            if calls["n"] == 2:
                raise Killed
        elif calls["n"] >= 2:
            raise Killed  # the process is gone: its cleanup never reaches the store
        real(self, text)

    monkeypatch.setattr(Endpoint, "update", killed)
    with pytest.raises(Killed):
        push_graph(_other(tmp_path), ep, target, chunk_size=10)
    monkeypatch.setattr(Endpoint, "update", real)


def test_the_next_push_to_the_target_removes_what_a_killed_push_left(endpoint: Endpoint, monkeypatch: pytest.MonkeyPatch,
                                                                     tmp_path: Path) -> None:
    before = _rows(endpoint)
    _killed_push(endpoint, monkeypatch, tmp_path, GRAPH)
    _killed_push(endpoint, monkeypatch, tmp_path, "https://example.org/another-target")
    stale = _all_temp_graphs(endpoint)
    assert len(stale) == 2, stale
    assert _rows(endpoint) == before
    push_graph(FIXTURE, endpoint, GRAPH)
    left = _all_temp_graphs(endpoint)
    assert len(left) == 1 and left[0] in stale, "only the other target's temporary graph may stay"
    assert _rows(endpoint) == before
    # the other target's push cleans its own
    push_graph(FIXTURE, endpoint, "https://example.org/another-target")
    assert _all_temp_graphs(endpoint) == []
    endpoint.update("DROP SILENT GRAPH <https://example.org/another-target>")


def test_push_cleanup_removes_every_temporary_graph_and_nothing_else(endpoint: Endpoint, oxigraph_server,
                                                                     monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    before = _rows(endpoint)
    _killed_push(endpoint, monkeypatch, tmp_path, GRAPH)
    _killed_push(endpoint, monkeypatch, tmp_path, None)
    # a graph left by an older version (no target key in its IRI)
    endpoint.update("INSERT DATA { GRAPH <urn:diplograph:push:0b8f4a2e-old> { <http://e/a> <http://e/b> <http://e/c> } }")
    assert len(_all_temp_graphs(endpoint)) == 3
    res = CliRunner().invoke(main, ["push", "--cleanup", "--endpoint", oxigraph_server.query_url,
                                    "--update-endpoint", oxigraph_server.update_url])
    assert res.exit_code == 0, res.stderr
    assert "removed 3 temporary graph(s)" in res.stderr
    assert _all_temp_graphs(endpoint) == []
    assert _rows(endpoint) == before
    res = CliRunner().invoke(main, ["push", "--cleanup", "--endpoint", oxigraph_server.query_url,
                                    "--update-endpoint", oxigraph_server.update_url])
    assert res.exit_code == 0 and "removed 0 temporary graph(s)" in res.stderr
