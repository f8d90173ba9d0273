"""Hostile SPARQL servers (small http.server fakes on 127.0.0.1, plus the REAL Oxigraph server for the
success path): a redirect never carries credentials to another origin and never passes for success, a
store that does not keep the triples makes the push fail, a trickling server cannot hold a request past
its deadline, and stale temporary graphs of interrupted pushes are cleaned up."""
from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

import pytest
from click.testing import CliRunner

from diplograph.cli import main
from diplograph.push import Endpoint, RemoteError, count_triples, push_graph

FIXTURE = Path(__file__).parent / "data" / "fixture.ttl"
TOKEN = "tok-redirect-never-forward"
SECRET = "pw-redirect-never-forward"


class _Server:
    """A ThreadingHTTPServer on a free loopback port, serving `handler` in a daemon thread."""

    def __init__(self, handler: type[BaseHTTPRequestHandler]) -> None:
        self.srv = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.srv.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.srv.server_address[1]}"
        self.thread = threading.Thread(target=self.srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.srv.shutdown()
        self.srv.server_close()
        self.thread.join(5)


class _Quiet(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass

    def _body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""


def _count_json(n: int) -> bytes:
    return json.dumps({"head": {"vars": ["n"]}, "results": {"bindings": [{"n": {
        "type": "literal", "value": str(n), "datatype": "http://www.w3.org/2001/XMLSchema#integer"}}]}}).encode()


@pytest.fixture()
def recorder() -> Iterator[tuple[str, list[dict]]]:
    """The "other origin": records every request's method and headers and answers 200 (an empty count)."""
    seen: list[dict] = []

    class Handler(_Quiet):
        def _reply(self) -> None:
            seen.append({"method": self.command, "path": self.path, "headers": dict(self.headers), "body": self._body()})
            body = _count_json(0)
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = _reply

    server = _Server(Handler)
    yield server.base, seen
    server.close()


@pytest.fixture()
def redirector(recorder) -> Iterator[str]:
    """Answers every request with `302 Location: <recorder>/update` (another port: another origin)."""
    other = recorder[0]

    class Handler(_Quiet):
        def _reply(self) -> None:
            self._body()
            self.send_response(302)
            self.send_header("Location", other + "/update")
            self.send_header("Content-Length", "0")
            self.end_headers()

        do_GET = do_POST = _reply

    server = _Server(Handler)
    yield server.base
    server.close()


def _cli(args: list[str], monkeypatch: pytest.MonkeyPatch, **env: str):
    for k in ("DIPLOGRAPH_USER", "DIPLOGRAPH_PASSWORD", "DIPLOGRAPH_TOKEN"):
        monkeypatch.delenv(k, raising=False)
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    return CliRunner().invoke(main, args)


def _leaked(seen: list[dict]) -> list[dict]:
    return [r for r in seen if any(k.lower() == "authorization" for k in r["headers"])]


@pytest.mark.parametrize("env", [{"DIPLOGRAPH_TOKEN": TOKEN}, {"DIPLOGRAPH_USER": "u", "DIPLOGRAPH_PASSWORD": SECRET}])
def test_a_redirecting_update_endpoint_gets_no_credentials_across_origins_and_no_success(
        env: dict, redirector: str, recorder, monkeypatch: pytest.MonkeyPatch) -> None:
    _, seen = recorder
    res = _cli(["push", str(FIXTURE), "--endpoint", recorder[0] + "/query", "--update-endpoint", redirector + "/update",
                "--timeout", "5"], monkeypatch, **env)
    assert res.exit_code != 0, res.stderr
    assert "pushed" not in res.stderr
    assert "redirect" in res.stderr and len(res.stderr.strip().splitlines()) == 1, res.stderr
    assert _leaked([r for r in seen if r["path"].startswith("/update")]) == []
    assert not [r for r in seen if r["path"].startswith("/update")], "the redirect was followed"
    assert TOKEN not in res.stderr and SECRET not in res.stderr


def test_a_redirecting_query_endpoint_gets_no_credentials_across_origins(redirector: str, recorder,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    _, seen = recorder
    res = _cli(["query", "people", "--endpoint", redirector + "/query", "--timeout", "5"], monkeypatch,
               DIPLOGRAPH_TOKEN=TOKEN)
    assert res.exit_code != 0 and "redirect" in res.stderr, res.stderr
    assert res.stdout == ""
    assert seen == [], "the redirect was followed"


def test_a_store_that_keeps_nothing_makes_the_push_fail(recorder, monkeypatch: pytest.MonkeyPatch) -> None:
    """A server that answers 200 to every update but stores nothing: the count check after the move fails."""
    base, seen = recorder
    res = _cli(["push", str(FIXTURE), "--endpoint", base + "/query", "--update-endpoint", base + "/update",
                "--timeout", "5"], monkeypatch)
    assert res.exit_code != 0, res.stderr
    assert "pushed" not in res.stderr
    assert "0 triples" in res.stderr and "245" in res.stderr, res.stderr


@pytest.mark.store
def test_a_push_to_the_real_store_is_confirmed_by_its_count(oxigraph_server, monkeypatch: pytest.MonkeyPatch) -> None:
    ep = Endpoint.from_urls(oxigraph_server.query_url, oxigraph_server.update_url, timeout=30)
    asked: list[str] = []
    real = Endpoint.select
    monkeypatch.setattr(Endpoint, "select", lambda self, text, default_graph=None: (asked.append(text), real(self, text, default_graph))[1])
    report = push_graph(FIXTURE, ep, "https://example.org/confirmed")
    assert report.triples == 245
    assert any("COUNT" in q and "https://example.org/confirmed" in q for q in asked)
    assert count_triples(ep, "https://example.org/confirmed") == 245


@pytest.fixture()
def recorder2() -> Iterator[tuple[str, list[dict]]]:
    """A second recording server: another origin (another port)."""
    seen: list[dict] = []

    class Handler(_Quiet):
        def _reply(self) -> None:
            seen.append({"method": self.command, "path": self.path, "headers": dict(self.headers), "body": self._body()})
            self.send_response(204)
            self.send_header("Content-Length", "0")
            self.end_headers()

        do_GET = do_POST = _reply

    server = _Server(Handler)
    yield server.base, seen
    server.close()


def test_credentials_written_in_one_url_go_to_that_origin_only(recorder, recorder2, monkeypatch: pytest.MonkeyPatch) -> None:
    (qbase, qseen), (ubase, useen) = recorder, recorder2
    for k in ("DIPLOGRAPH_USER", "DIPLOGRAPH_PASSWORD", "DIPLOGRAPH_TOKEN"):
        monkeypatch.delenv(k, raising=False)
    ep = Endpoint.from_urls(qbase.replace("http://", f"http://u:{SECRET}@") + "/query", ubase + "/update", timeout=5)
    ep.update("CLEAR SILENT GRAPH <http://e/g>")
    ep.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert _leaked(useen) == [] and len(useen) == 1, "the query URL's credentials went to the update origin"
    assert len(_leaked(qseen)) == 1  # and they do go to their own origin
    # the same origin written another way (explicit default port, upper-case host) shares them
    same = Endpoint.from_urls(f"http://u:{SECRET}@LOCALHOST:80/q", "http://localhost/u", timeout=5)
    assert same._authorization(same.update_url) == same._authorization(same.query_url) is not None
    assert SECRET not in repr(same) and SECRET not in same.scrub(f"x {SECRET} y")


# ----------------------------------------------------------------------------- total deadline per request
TRICKLE_EVERY = 0.5  # seconds between two bytes
TRICKLE_MAX = 40  # bytes: the fake stops after 20 s whatever the client does (bounded)


@pytest.fixture(params=["headers", "body"])
def trickler(request) -> Iterator[str]:
    """Sends its answer one byte every TRICKLE_EVERY s: the status line itself ("headers"), or a body
    announced with a large Content-Length ("body"). No single socket read ever waits a whole second."""
    where = request.param

    class Handler(_Quiet):
        def _reply(self) -> None:
            self._body()
            if where == "body":
                self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
                                 b"Content-Length: 100000\r\n\r\n")
                self.wfile.flush()
            for i in range(TRICKLE_MAX):
                try:
                    self.wfile.write(b"HTTP/1.1 200 OK\r\n"[i:i + 1] if where == "headers" else b" ")
                    self.wfile.flush()
                except OSError:
                    return  # the client gave up: what we want
                time.sleep(TRICKLE_EVERY)
            self.close_connection = True

        do_GET = do_POST = _reply

    server = _Server(Handler)
    yield server.base
    server.close()


@pytest.mark.parametrize("command", ["push", "query"])
def test_timeout_is_a_deadline_for_the_whole_request(command: str, trickler: str, recorder,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    # push: a well-behaved query endpoint (the look for stale temporary graphs passes), a trickling update one
    args = (["push", str(FIXTURE), "--endpoint", recorder[0] + "/query", "--update-endpoint", trickler + "/update"]
            if command == "push" else ["query", "people", "--endpoint", trickler + "/query"])
    start = time.monotonic()
    res = _cli(args + ["--timeout", "1.5"], monkeypatch)
    elapsed = time.monotonic() - start
    assert res.exit_code != 0, res.stderr
    assert elapsed < 5, f"took {elapsed:.1f} s with --timeout 1.5"
    assert "timed out after 1.5 s" in res.stderr and len(res.stderr.strip().splitlines()) == 1, res.stderr
    # the error says which request: the first INSERT chunk of the push, or the query
    assert ("update (INSERT DATA chunk 1 of 1)" if command == "push" else "query at") in res.stderr, res.stderr


def test_endpoint_requests_are_bounded_by_the_deadline_in_the_library(trickler: str) -> None:
    ep = Endpoint.from_urls(trickler + "/query", timeout=1.0)
    start = time.monotonic()
    with pytest.raises(RemoteError, match="timed out after 1 s"):
        ep.select("SELECT * WHERE { ?s ?p ?o }")
    assert time.monotonic() - start < 4


# ----------------------------------------------------------------------------- bad CLI values
@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "-1", "0", "-0.5"])
@pytest.mark.parametrize("command", ["push", "query"])
def test_a_timeout_that_is_not_a_positive_number_is_a_clear_error(value: str, command: str, recorder,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    base, seen = recorder
    args = (["push", str(FIXTURE), "--endpoint", base + "/query"] if command == "push"
            else ["query", "people", "--endpoint", base + "/query"])
    res = _cli(args + ["--timeout", value], monkeypatch)
    assert res.exit_code != 0 and isinstance(res.exception, SystemExit), (res.output, res.exception)
    assert "--timeout" in res.stderr and "positive number of seconds" in res.stderr, res.stderr
    assert len(res.stderr.strip().splitlines()) == 1, res.stderr
    assert seen == [], "nothing is sent with a bad timeout"


def test_endpoint_refuses_a_bad_timeout_in_the_library() -> None:
    for bad in (float("nan"), float("inf"), -1.0, 0.0):
        with pytest.raises(RemoteError, match="positive number of seconds"):
            Endpoint.from_urls("http://127.0.0.1:9/query", timeout=bad)


def test_a_parameter_that_is_not_utf8_is_a_clear_error(tmp_path: Path) -> None:
    """A shell passes bytes: `--param person=$'\\xff'` arrives as a lone surrogate (surrogateescape)."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    for param in (b"person=B\xf9i", b"\xff=x", b"person=\xed\xa0\x80"):
        res = subprocess.run([sys.executable, "-m", "diplograph.cli", "query", "person-posts", "--graph", str(FIXTURE),
                              "--param", param], capture_output=True, cwd=root, timeout=120)
        err = res.stderr.decode("utf-8", "replace")
        assert res.returncode not in (0,) and "Traceback" not in err, err
        assert "not valid UTF-8" in err and len(err.strip().splitlines()) == 1, err
        assert res.stdout == b""


@pytest.mark.parametrize("url", ["http://[::1/query", "http://127.0.0.1:99999/query", "http://u:s3cr3t@127.0.0.1:99999/q",
                                 "http://user:s3cr3t", "http://h:-1/q", "http://u:s3cr3t@[::1/q"])
@pytest.mark.parametrize("command", ["push", "query", "cleanup"])
def test_an_endpoint_url_urllib_cannot_split_is_a_clear_error(url: str, command: str,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 16 item 14, more bad CLI values: an unclosed IPv6 literal or a port out of range raised
    `ValueError: Invalid IPv6 URL` / `Port out of range 0-65535` tracebacks; the port's text (where a
    password typed without a host ends up) is never shown."""
    args = {"push": ["push", str(FIXTURE), "--endpoint", url],
            "query": ["query", "people", "--endpoint", url],
            "cleanup": ["push", "--cleanup", "--endpoint", "http://127.0.0.1:9/q", "--update-endpoint", url]}[command]
    res = _cli(args, monkeypatch)
    assert res.exit_code == 1 and isinstance(res.exception, SystemExit), (res.output, res.exception)
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: endpoint"), res.stderr
    assert "s3cr3t" not in res.output + res.stderr and "Traceback" not in res.stderr
