"""Nothing executed, nothing injected: SPARQL parameters stay data, and endpoint credentials never show
in output or errors, even when a hostile server echoes the request back (HTTP 401 and 500 bodies).
"""
from __future__ import annotations

import base64
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

import pytest
from click.testing import CliRunner

from diplograph.cli import main
from diplograph.engine import EngineError, load_graph, sort_key
from diplograph.push import Endpoint, RemoteError, push_graph
from diplograph.query import get_query, list_queries, run_query

FIXTURE = Path(__file__).parent / "data" / "fixture.ttl"
SECRET = "pa55-Hostile-7q!never"
TOKEN = "tok-hostile-5e4d-never"
USER = "agent-u5er"

PAYLOADS = [
    '") || true || ("', "') || true || ('", '"}} UNION {{ ?s ?p ?o }} #', "x } ; DROP ALL ; #", "# comment to end",
    "\\", "\\\\", '\\"', "\\u0022) || true || (\\u0022", '"""', "'''", "}", "{", "> <http://e/x>", "<http://e/x>",
    "?person", "$person", "?s ?p ?o", "\"@en", '"^^<http://www.w3.org/2001/XMLSchema#integer>', "\n} #\n", "\r",
    "\u2028", "\x00", "Sơn\" . } SELECT * WHERE { ?s ?p ?o } #",
]
NO_MATCH = "zzq-nothing-matches-this"
ENGINES = ("oxigraph", "rdflib", "maplib")


@pytest.fixture(scope="module")
def graphs():
    return {engine: load_graph(FIXTURE, engine) for engine in ENGINES}


def _params() -> list[tuple[str, str]]:
    return [(q.name, p.name) for q in list_queries() for p in get_query(q.name).params]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("query,param", _params())
def test_payloads_in_any_parameter_act_as_a_value_that_matches_nothing(query: str, param: str, engine: str,
                                                                       graphs) -> None:
    """A payload gives the rows a harmless unmatched value gives: it never widens, drops or errors the query."""
    def rows(value: str):
        try:
            return sorted(run_query(query, params={param: value}, graph=graphs[engine]).rows, key=sort_key)
        except EngineError as exc:
            return f"error: {type(exc).__name__}"

    baseline = rows(NO_MATCH)
    for payload in PAYLOADS:
        assert rows(payload) == baseline, f"{query} ?{param} = {payload!r} changed the query"


def test_a_payload_matching_data_is_found_verbatim(tmp_path: Path) -> None:
    """Parameters are data both ways: a name that really contains the payload is found by it."""
    evil = 'Bùi "Sơn" } # \\ \'\'\''
    ttl = tmp_path / "g.ttl"
    ttl.write_text(FIXTURE.read_text(encoding="utf-8").replace('"Bùi Thanh Sơn"@vi', '"Bùi Thanh Sơn ' + evil.replace("\\", "\\\\").replace('"', '\\"') + '"@vi'),
                   encoding="utf-8")
    for engine in ENGINES:
        res = run_query("person-posts", params={"person": evil}, graph=load_graph(ttl, engine))
        assert len(res.rows) == 3, engine


# ----------------------------------------------------------------------------- credentials
class _EchoHandler(BaseHTTPRequestHandler):
    """Answers every request with `status` and a body that repeats the request line and headers back."""

    status = 401

    def _reply(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        auth = self.headers.get("Authorization", "")  # first, so no length cut in a message hides it
        echo = f"{auth} {auth.split(' ')[-1]}\n{self.requestline}\n{self.headers}\n".encode() + body[:200]
        self.send_response(self.status)
        if self.status == 401:
            self.send_header("WWW-Authenticate", 'Basic realm="echo"')
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(echo)))
        self.end_headers()
        self.wfile.write(echo)

    do_GET = do_POST = _reply

    def log_message(self, *args) -> None:  # keep the test output clean
        pass


@pytest.fixture(params=[401, 500, 400, 403])
def echo_server(request) -> Iterator[str]:
    handler = type("Handler", (_EchoHandler,), {"status": request.param})
    srv = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield f"127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()
    srv.server_close()
    t.join(5)


FORBIDDEN = [SECRET, TOKEN, base64.b64encode(f"{USER}:{SECRET}".encode()).decode(),
             base64.b64encode(f":{SECRET}".encode()).decode()]


def _assert_clean(text: str) -> None:
    for s in FORBIDDEN:
        assert s not in text, f"credential leaked: {s!r} in {text!r}"
    assert f"{USER}:" not in text


def _run(args: list[str], monkeypatch: pytest.MonkeyPatch, **env: str):
    for k in ("DIPLOGRAPH_USER", "DIPLOGRAPH_PASSWORD", "DIPLOGRAPH_TOKEN"):
        monkeypatch.delenv(k, raising=False)
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    return CliRunner().invoke(main, args)


def test_credentials_in_the_url_never_leak_when_the_server_echoes_them(echo_server: str,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"http://{USER}:{SECRET}@{echo_server}/sparql"
    for args in (["push", str(FIXTURE), "--endpoint", url],
                 ["query", "people", "--endpoint", url],
                 ["push", str(FIXTURE), "--endpoint", f"http://{echo_server}/q", "--update-endpoint", url]):
        res = _run(args, monkeypatch)
        assert res.exit_code != 0
        assert "HTTP 4" in res.stderr or "HTTP 5" in res.stderr, res.stderr
        assert len(res.stderr.strip().splitlines()) == 1, res.stderr
        _assert_clean(res.stdout + res.stderr)
        _assert_clean(repr(res.exception) if res.exception and not isinstance(res.exception, SystemExit) else "")


def test_credentials_from_the_environment_never_leak(echo_server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    for env in ({"DIPLOGRAPH_USER": USER, "DIPLOGRAPH_PASSWORD": SECRET}, {"DIPLOGRAPH_TOKEN": TOKEN}):
        for args in (["push", str(FIXTURE), "--endpoint", f"http://{echo_server}/sparql"],
                     ["query", "people", "--endpoint", f"http://{echo_server}/sparql"]):
            res = _run(args, monkeypatch, **env)
            assert res.exit_code != 0 and len(res.stderr.strip().splitlines()) == 1, res.stderr
            _assert_clean(res.stdout + res.stderr)


def test_library_errors_carry_no_credentials(echo_server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    for k in ("DIPLOGRAPH_USER", "DIPLOGRAPH_PASSWORD", "DIPLOGRAPH_TOKEN"):
        monkeypatch.delenv(k, raising=False)
    ep = Endpoint.from_urls(f"http://{USER}:{SECRET}@{echo_server}/sparql", timeout=5)
    assert SECRET not in ep.query_url and SECRET not in repr(ep)
    with pytest.raises(RemoteError) as info:
        push_graph(FIXTURE, ep, "https://example.org/g")
    _assert_clean(str(info.value) + repr(info.value))
    assert info.value.__cause__ is None or SECRET not in repr(info.value.__cause__)
    with pytest.raises(RemoteError) as info:
        ep.select("SELECT * WHERE { ?s ?p ?o }")
    _assert_clean(str(info.value))


def test_malformed_endpoint_urls_with_credentials_are_redacted(monkeypatch: pytest.MonkeyPatch) -> None:
    for url in (f"ftp://{USER}:{SECRET}@host/x", f"http://{USER}:{SECRET}@/x", f"{USER}:{SECRET}@host"):
        res = _run(["push", str(FIXTURE), "--endpoint", url], monkeypatch)
        assert res.exit_code != 0
        _assert_clean(res.stdout + res.stderr)
