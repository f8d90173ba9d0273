"""Push to and query a REAL Oxigraph server: same rows as locally, idempotent, atomic, clear errors, no secrets."""
from __future__ import annotations

import socket
import threading
from pathlib import Path
from typing import Iterator

import pytest
from click.testing import CliRunner

from diplograph.cli import main
from diplograph.engine import load_graph, sort_key
from diplograph.export import read_triples
from diplograph.push import DEFAULT_NAMED_GRAPH, Endpoint, RemoteError, count_triples, push_graph, push_triples
from diplograph.query import list_queries, run_query, run_remote_query

pytestmark = pytest.mark.store

ROOT = Path(__file__).resolve().parent.parent
REAL_GRAPH = ROOT / "graph" / "diplograph.ttl"
FIXTURE = Path(__file__).parent / "data" / "fixture.ttl"
# The real graph once the build pipeline has produced it, else the hand-written fixture.
GRAPH = REAL_GRAPH if REAL_GRAPH.is_file() and REAL_GRAPH.stat().st_size > 0 else FIXTURE
SECRET = "s3cr3t-Pa55-never-print"
TOKEN = "tok-9f8e7d-never-print"


@pytest.fixture(scope="module")
def endpoint(oxigraph_server) -> Endpoint:
    return Endpoint.from_urls(oxigraph_server.query_url, oxigraph_server.update_url, timeout=30)


@pytest.fixture(scope="module")
def pushed(endpoint: Endpoint) -> Endpoint:
    push_graph(GRAPH, endpoint)
    return endpoint


@pytest.fixture(scope="module")
def local_graph():
    return load_graph(GRAPH, "oxigraph")


def graphs_on_server(endpoint: Endpoint) -> set[str]:
    res = endpoint.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    return {row[0].value for row in res.rows}


def test_push_loads_every_triple(pushed: Endpoint) -> None:
    assert count_triples(pushed) == len(read_triples(GRAPH))


@pytest.mark.parametrize("name", [q.name for q in list_queries()])
def test_every_canned_query_gives_the_same_rows_remotely(name: str, pushed: Endpoint, local_graph) -> None:
    local = run_query(name, graph=local_graph)
    remote = run_remote_query(name, pushed, named_graph=DEFAULT_NAMED_GRAPH)
    assert remote.vars == local.vars
    if GRAPH == FIXTURE:
        assert local.rows, "a query with no rows on the fixture proves nothing"
    assert sorted(remote.rows, key=sort_key) == sorted(local.rows, key=sort_key)
    assert remote.rows == local.rows  # same engine, same ORDER BY


@pytest.mark.parametrize("value", ['Sơn', 'x" || true || "', "\\u0022 } #", "a\\\\u0022b", "Bùi\nThanh"])
def test_parameters_bind_the_same_way_remotely(value: str, pushed: Endpoint, local_graph) -> None:
    for name, param in [("person-posts", "person"), ("evidence", "about")]:
        local = run_query(name, graph=local_graph, params={param: value})
        remote = run_remote_query(name, pushed, {param: value}, DEFAULT_NAMED_GRAPH)
        assert remote.rows == local.rows


def test_push_twice_replaces_instead_of_duplicating(endpoint: Endpoint) -> None:
    graph = "https://example.org/twice"
    push_graph(FIXTURE, endpoint, graph, chunk_size=37)
    first = count_triples(endpoint, graph)
    push_graph(FIXTURE, endpoint, graph, chunk_size=100)
    assert count_triples(endpoint, graph) == first == 245
    assert not any(g.startswith("urn:diplograph:push:") for g in graphs_on_server(endpoint))


def test_push_replaces_old_content(endpoint: Endpoint, tmp_path: Path) -> None:
    graph = "https://example.org/replace"
    small = tmp_path / "small.ttl"
    small.write_text('<http://e/a> <http://e/p> "vừa" .\n')
    push_graph(FIXTURE, endpoint, graph)
    push_graph(small, endpoint, graph)
    rows = endpoint.select(f"SELECT ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}").rows
    assert [r[0].value for r in rows] == ["vừa"]


def test_failed_push_leaves_the_target_as_it_was(endpoint: Endpoint, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    graph = "https://example.org/atomic"
    push_graph(FIXTURE, endpoint, graph)
    before = sorted(endpoint.select(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}").rows, key=sort_key)
    real_update = Endpoint.update
    calls = {"insert": 0}

    def flaky(self: Endpoint, text: str) -> None:
        if text.startswith("INSERT DATA"):
            calls["insert"] += 1
            if calls["insert"] == 3:
                raise RemoteError("update failed: HTTP 500 simulated")
        real_update(self, text)

    monkeypatch.setattr(Endpoint, "update", flaky)
    other = tmp_path / "other.ttl"
    other.write_text("".join(f'<http://e/s{i}> <http://e/p> "{i}" .\n' for i in range(50)))
    with pytest.raises(RemoteError, match="simulated"):
        push_graph(other, endpoint, graph, chunk_size=10)
    assert calls["insert"] == 3
    after = sorted(endpoint.select(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}").rows, key=sort_key)
    assert after == before
    assert not any(g.startswith("urn:diplograph:push:") for g in graphs_on_server(endpoint))


def test_push_to_the_default_graph(endpoint: Endpoint, local_graph) -> None:
    push_graph(FIXTURE, endpoint, None)
    assert count_triples(endpoint, None) == 245
    push_graph(FIXTURE, endpoint, None)
    assert count_triples(endpoint, None) == 245
    res = run_remote_query("people", endpoint, named_graph=None)
    assert res.rows == run_query("people", FIXTURE).rows


def test_a_named_graph_iri_cannot_break_out_of_the_update(endpoint: Endpoint) -> None:
    with pytest.raises(RemoteError, match="invalid named graph"):
        push_triples(read_triples(FIXTURE), endpoint, "http://e/g> { <http://e/x> <http://e/y> <http://e/z> } } ; DROP ALL ; #")


# ----------------------------------------------------------------------------- CLI, errors, secrets
def cli(args: list[str], monkeypatch: pytest.MonkeyPatch, **env: str):
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    return CliRunner().invoke(main, args)


def assert_no_secret(result) -> None:
    text = result.stdout + result.stderr
    assert SECRET not in text and TOKEN not in text and "u5er:" not in text


def test_cli_push_and_remote_query(oxigraph_server, monkeypatch: pytest.MonkeyPatch) -> None:
    graph = "https://example.org/cli"
    res = cli(["push", str(FIXTURE), "--endpoint", oxigraph_server.query_url.replace("http://", f"http://u5er:{SECRET}@"),
               "--update-endpoint", oxigraph_server.update_url, "--named-graph", graph],
              monkeypatch, DIPLOGRAPH_PASSWORD=SECRET)
    assert res.exit_code == 0, res.stderr
    assert "245 triples" in res.stderr
    assert_no_secret(res)
    q = cli(["query", "people", "--endpoint", oxigraph_server.query_url, "--named-graph", graph, "--format", "csv"], monkeypatch)
    local = CliRunner().invoke(main, ["query", "people", "--graph", str(FIXTURE), "--format", "csv"])
    assert q.exit_code == 0 and q.stdout == local.stdout


def test_dead_port_is_a_one_line_error(monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # bound but not listening: connections are refused
        url = f"http://u5er:{SECRET}@127.0.0.1:{port}/query"
        res = cli(["push", str(FIXTURE), "--endpoint", url], monkeypatch, DIPLOGRAPH_TOKEN=TOKEN, DIPLOGRAPH_PASSWORD=SECRET)
        assert res.exit_code != 0
        assert "cannot connect" in res.stderr and len(res.stderr.strip().splitlines()) == 1
        assert_no_secret(res)
        res = cli(["query", "people", "--endpoint", url], monkeypatch)
        assert res.exit_code != 0 and "cannot connect" in res.stderr and res.stdout == ""
        assert_no_secret(res)


def test_http_error_status_is_reported(oxigraph_server, monkeypatch: pytest.MonkeyPatch) -> None:
    res = cli(["push", str(FIXTURE), "--endpoint", oxigraph_server.base + "/no-such-endpoint"], monkeypatch, DIPLOGRAPH_PASSWORD=SECRET)
    assert res.exit_code != 0 and "HTTP 404" in res.stderr and len(res.stderr.strip().splitlines()) == 1
    assert_no_secret(res)
    # the query endpoint refuses updates
    res = cli(["push", str(FIXTURE), "--endpoint", oxigraph_server.query_url], monkeypatch)
    assert res.exit_code != 0 and "HTTP 4" in res.stderr


@pytest.fixture()
def silent_server() -> Iterator[str]:
    """A loopback TCP server that accepts connections and never answers."""
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(8)
    conns: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        srv.settimeout(0.2)
        while not stop.is_set():
            try:
                conns.append(srv.accept()[0])
            except OSError:
                continue

    t = threading.Thread(target=accept, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{srv.getsockname()[1]}"
    stop.set()
    t.join(2)
    for c in conns:
        c.close()
    srv.close()


def test_timeout_is_reported(silent_server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    res = cli(["push", str(FIXTURE), "--endpoint", silent_server + "/query", "--timeout", "1"], monkeypatch, DIPLOGRAPH_PASSWORD=SECRET)
    assert res.exit_code != 0 and "timed out" in res.stderr
    assert_no_secret(res)
    res = cli(["query", "people", "--endpoint", silent_server + "/query", "--timeout", "1"], monkeypatch)
    assert res.exit_code != 0 and "timed out" in res.stderr


def test_scrub_removes_credentials_everywhere() -> None:
    ep = Endpoint("http://h/q", "http://h/u", "user", SECRET, TOKEN)
    msg = ep.scrub(f"failed at http://user:{SECRET}@h/q with {TOKEN}\nsecond line")
    assert SECRET not in msg and TOKEN not in msg and "\n" not in msg
    assert SECRET not in repr(ep) and TOKEN not in repr(ep)
