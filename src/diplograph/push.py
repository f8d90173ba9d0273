"""Talk to a SPARQL 1.1 store: replace a named graph with the local graph, and run canned queries remotely.

Push is an atomic replace. The triples go in chunks (``INSERT DATA``) into a fresh temporary named
graph; then ONE update request ``DROP SILENT GRAPH <g> ; MOVE GRAPH <tmp> TO GRAPH <g>`` swaps it
in. Stores run one update request in one transaction (Oxigraph, Fuseki/TDB2, GraphDB), so readers
see the old graph or the new one, never a mix, and pushing twice leaves the same data, not a
duplicate. If any chunk fails, the temporary graph is dropped and the target is untouched.

Every RDF term is written by pyoxigraph's N-Triples serializer (escaped quotes, backslashes,
newlines; IRIs validated so ``>`` cannot appear), never by formatting raw text into the update.

Credentials come from ``DIPLOGRAPH_USER`` / ``DIPLOGRAPH_PASSWORD`` (HTTP Basic) or
``DIPLOGRAPH_TOKEN`` (Bearer), or from ``user:pass@`` in the URL, which is stripped from the URL
before use. They are never printed: every error message goes through :meth:`Endpoint.scrub`.
"""
from __future__ import annotations

import base64
import hashlib
import http.client
import json
import math
import os
import re
import socket
import threading
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Sequence
from urllib.parse import SplitResult, unquote, urlencode, urlsplit, urlunsplit

import pyoxigraph as ox

from . import __version__
from .engine import EngineError, Result, Term
from .export import read_triples

DEFAULT_NAMED_GRAPH = "https://w3id.org/diplograph/graph"
DEFAULT_CHUNK = 5000
DEFAULT_TIMEOUT = 60.0

ENV_USER = "DIPLOGRAPH_USER"
ENV_PASSWORD = "DIPLOGRAPH_PASSWORD"
ENV_TOKEN = "DIPLOGRAPH_TOKEN"


class RemoteError(EngineError):
    """The endpoint could not be reached, answered 4xx/5xx, or timed out. Message is one line, no secrets."""


def _http_url(url: str) -> tuple[SplitResult, str]:
    """The parts and the host of an http(s) endpoint URL; RemoteError (one line, credentials redacted) for anything
    else, also for what urllib raises ValueError on: ``http://[::1/q`` (an unclosed IPv6 literal),
    ``http://host:99999/q`` (a port out of range), which were tracebacks."""
    try:
        parts = urlsplit(url)
    except ValueError as exc:  # "Invalid IPv6 URL": a constant message, nothing of the URL in it
        raise RemoteError(f"endpoint is not a valid URL ({exc}): {_redact_url(url)!r}") from None
    try:
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number from 0 to 65535
    except ValueError:
        # neither the URL nor urllib's message (both quote the port: `http://user:secret` puts a
        # password there) is shown, only where it points
        raise RemoteError(f"endpoint {parts.scheme}://{parts.hostname or ''}: the port is not a number "
                          "from 0 to 65535") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise RemoteError(f"endpoint must be an http(s) URL, got {_redact_url(url)!r}")
    return parts, parts.hostname


def _strip_userinfo(url: str) -> tuple[str, str | None, str | None]:
    """Split ``http://user:pass@host/x`` into the URL without credentials, user and password."""
    parts, host = _http_url(url)
    if parts.username is None and parts.password is None:
        return url, None, None
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    netloc = host + (f":{parts.port}" if parts.port else "")
    clean = urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))
    return clean, unquote(parts.username or "") or None, unquote(parts.password or "") or None


def _origin(url: str) -> tuple[str, str, int]:
    """(scheme, host, port) of an http(s) URL, the port made explicit: what "the same origin" compares."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    return scheme, (parts.hostname or "").lower(), port or (443 if scheme == "https" else 80)


def _redact_url(url: str) -> str:
    """``url`` with any ``userinfo@`` replaced by ``***@`` (for messages about malformed URLs)."""
    scheme, sep, rest = url.partition("://")
    if not sep:  # "user:pass@host" without a scheme still carries credentials (tests/test_hostile_injection.py)
        scheme, rest = "", url
    authority, slash, tail = rest.partition("/")
    if "@" in authority:
        authority = "***@" + authority.rsplit("@", 1)[1]
    return scheme + sep + authority + slash + tail


@dataclass
class Endpoint:
    """A SPARQL endpoint pair (query, update) with credentials kept out of URLs and messages."""

    query_url: str
    update_url: str
    user: str | None = field(default=None, repr=False)
    password: str | None = field(default=None, repr=False)
    token: str | None = field(default=None, repr=False)
    timeout: float = DEFAULT_TIMEOUT
    _label: str | None = field(default=None, repr=False, compare=False)
    # origin (scheme, host, port) -> (user, password) from a ``user:pass@`` in that URL: sent to that
    # origin only. Before, credentials written into the query URL went to an update URL elsewhere too.
    url_credentials: dict[tuple[str, str, int], tuple[str | None, str | None]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        # `--timeout nan` / `inf` / a negative number went as far as the socket layer and came back as a
        # ValueError or OverflowError traceback; the deadline of every request needs a real, positive one
        t = self.timeout
        if isinstance(t, bool) or not isinstance(t, (int, float)) or not math.isfinite(t) or t <= 0:
            raise RemoteError(f"timeout (--timeout) must be a positive number of seconds, got {t!r}")
        self.timeout = float(t)

    @classmethod
    def from_urls(cls, query_url: str, update_url: str | None = None, timeout: float = DEFAULT_TIMEOUT) -> "Endpoint":
        """Build from URLs and the environment; update URL defaults to the query URL (Fuseki style).

        ``DIPLOGRAPH_USER``/``PASSWORD``/``TOKEN`` go to both URLs (the user named both); a
        ``user:pass@`` written in one URL goes only to URLs of the same origin."""
        env_user, env_password = os.environ.get(ENV_USER) or None, os.environ.get(ENV_PASSWORD) or None
        per_origin: dict[tuple[str, str, int], tuple[str | None, str | None]] = {}
        cleaned = []
        for url in (query_url, update_url or query_url):
            clean, user, password = _strip_userinfo(url)
            cleaned.append(clean)
            if user or password:
                per_origin.setdefault(_origin(clean), (env_user or user, env_password or password))
        token = os.environ.get(ENV_TOKEN) or None
        return cls(cleaned[0], cleaned[1], env_user, env_password, token, timeout, url_credentials=per_origin)

    def _basic_pairs(self) -> list[tuple[str | None, str | None]]:
        pairs = [(self.user, self.password)] + list(self.url_credentials.values())
        return [(u, p) for u, p in pairs if u or p]

    def secrets(self) -> list[str]:
        """What must never be printed: passwords, token, and the Basic header values made of them (a
        server may echo our request headers back in an error body)."""
        found = [s for s in (self.password, self.token) if s]
        for user, password in self._basic_pairs():
            if password:
                found.append(password)
            found.append(base64.b64encode(f"{user or ''}:{password or ''}".encode("utf-8")).decode("ascii"))
        return found

    def scrub(self, text: str) -> str:
        """Remove credentials (and any ``user:pass@`` in URLs) from ``text`` and make it one line."""
        text = " ".join(str(text).split())
        for secret in sorted(self.secrets(), key=len, reverse=True):
            text = text.replace(secret, "***")
        text = re.sub(r"(https?://)[^/\s@]*@", r"\1***@", text)
        return text

    def _authorization(self, url: str) -> str | None:
        """The ``Authorization`` header for a request to ``url``: the token, else the credentials
        written in a URL of the same origin, else those of the environment (or given directly)."""
        if self.token:
            return f"Bearer {self.token}"
        user, password = self.url_credentials.get(_origin(url)) or (self.user, self.password)
        if user or password:
            raw = f"{user or ''}:{password or ''}".encode("utf-8")
            return "Basic " + base64.b64encode(raw).decode("ascii")
        return None

    @contextmanager
    def doing(self, label: str) -> Iterator[None]:
        """Name the request(s) made inside the block in errors ("update (INSERT DATA chunk 3 of 9)"),
        so a timeout says which step of a push it stopped."""
        before, self._label = self._label, label
        try:
            yield
        finally:
            self._label = before

    def _request(self, what: str, url: str, body: bytes, content_type: str, accept: str | None) -> bytes:  # noqa: C901
        """POST ``body`` to ``url`` and return the response body of a 2xx answer.

        Done with :mod:`http.client` rather than urllib/SPARQLWrapper because of two things urllib
        cannot be told: (1) a redirect is never followed — urllib re-sent our ``Authorization``
        header to whatever origin ``Location`` named and turned the POST into a GET, so an update was
        lost while the push reported success; (2) ``timeout`` is a deadline for the whole request
        (connect, send, headers, body), not per socket read — a server trickling one byte every few
        seconds held a urllib request for ever. A watchdog timer shuts the socket down at the deadline.
        """
        label = f"{what} ({self._label})" if self._label else what
        parts, host = _http_url(url)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        headers = {"Content-Type": content_type, "User-Agent": f"diplograph/{__version__}", "Connection": "close"}
        if accept:
            headers["Accept"] = accept
        auth = self._authorization(url)
        if auth:
            headers["Authorization"] = auth
        timeout = self.timeout
        cls = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
        conn = cls(host, parts.port, timeout=timeout)
        expired = threading.Event()

        def expire() -> None:
            expired.set()  # before looking at the socket: see the check after connect()
            sock = conn.sock
            if sock is not None:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

        deadline = time.monotonic() + timeout
        timer = threading.Timer(timeout, expire)
        timer.daemon = True
        timer.start()
        timed_out = RemoteError(f"{label} at {url} timed out after {timeout:g} s (deadline for the whole request)")
        chunks: list[bytes] = []
        try:
            try:
                conn.connect()
            except (socket.timeout, TimeoutError):
                raise timed_out from None
            except OSError as exc:
                reason = exc.strerror or str(exc) or type(exc).__name__
                raise RemoteError(self.scrub(f"{label} at {url} failed: cannot connect ({reason})")) from None
            if expired.is_set():  # the timer fired while connecting: conn.sock was not there to shut down
                raise timed_out
            try:
                conn.request("POST", path, body=body, headers=headers)
                resp = conn.getresponse()
                while True:
                    remaining = deadline - time.monotonic()
                    if remaining <= 0 or expired.is_set():
                        raise timed_out
                    if conn.sock is not None:
                        conn.sock.settimeout(remaining)
                    chunk = resp.read1(1 << 16)
                    if not chunk:
                        break
                    chunks.append(chunk)
            except (socket.timeout, TimeoutError):
                raise timed_out from None
            except (http.client.HTTPException, OSError) as exc:
                if expired.is_set():
                    raise timed_out from None
                reason = (exc.strerror if isinstance(exc, OSError) else None) or str(exc) or type(exc).__name__
                raise RemoteError(self.scrub(f"{label} at {url} failed: {reason}")[:300]) from None
            if expired.is_set():
                raise timed_out  # the shutdown at the deadline looks like the end of the body
        finally:
            timer.cancel()
            conn.close()
        data = b"".join(chunks)
        status = resp.status
        if 300 <= status < 400:
            where = resp.getheader("Location") or "(no Location)"
            raise RemoteError(self.scrub(
                f"{label} at {url} failed: HTTP {status} redirect to {_redact_url(where)[:200]} not followed "
                "(credentials are never sent to another address, and an update must not turn into a GET): "
                "give the final URL as the endpoint"))
        if status >= 400:
            detail = ""
            if status not in (401, 403, 407):  # an auth failure body may echo what we sent: never shown
                detail = self.scrub(data[:400].decode("utf-8", "replace"))[:200]
            raise RemoteError(self.scrub(f"{label} at {url} failed: HTTP {status} {resp.reason}" + (f": {detail}" if detail else "")))
        if not 200 <= status < 300:
            raise RemoteError(self.scrub(f"{label} at {url} failed: unexpected HTTP {status} {resp.reason}"))
        return data

    def update(self, text: str) -> None:
        """Send one SPARQL Update request (``application/sparql-update``; SPARQL 1.1 Protocol 2.2.2)."""
        self._request("update", self.update_url, text.encode("utf-8"), "application/sparql-update; charset=utf-8", None)

    def select(self, text: str, default_graph: str | None = None) -> Result:
        """Run a SELECT; ``default_graph`` is sent as the protocol's ``default-graph-uri``."""
        form = [("query", text)] + ([("default-graph-uri", default_graph)] if default_graph else [])
        raw = self._request("query", self.query_url, urlencode(form).encode("ascii"),
                            "application/x-www-form-urlencoded", "application/sparql-results+json")
        try:
            data = json.loads(raw.decode("utf-8"))
            names = list(data["head"]["vars"])
            rows = [
                tuple(Term.from_json(b[v]) if v in b else None for v in names)
                for b in data["results"]["bindings"]
            ]
        except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError) as exc:
            raise RemoteError(f"query at {self.query_url} returned something that is not SPARQL JSON results ({type(exc).__name__})") from None
        return Result(names, rows)


def graph_term(iri: str | None) -> str:
    """``GRAPH <iri>`` target for an update, validated by pyoxigraph; ``None`` means the default graph."""
    if iri is None:
        return "DEFAULT"
    try:
        return "GRAPH " + str(ox.NamedNode(iri))
    except ValueError as exc:
        raise RemoteError(f"invalid named graph IRI: {exc}") from None


def _chunks(items: Sequence[ox.Triple], size: int) -> Iterable[Sequence[ox.Triple]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


@dataclass
class PushReport:
    triples: int
    chunks: int
    graph: str | None


def push_triples(
    triples: Sequence[ox.Triple],
    endpoint: Endpoint,
    named_graph: str | None = DEFAULT_NAMED_GRAPH,
    chunk_size: int = DEFAULT_CHUNK,
) -> PushReport:
    """Atomically replace ``named_graph`` (``None`` = default graph) on ``endpoint`` with ``triples``."""
    if chunk_size < 1:
        raise RemoteError("chunk size must be at least 1")
    if any(isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode) for t in triples):
        # Blank node labels are scoped to one request: chunking would split one node into several.
        raise RemoteError("the graph has blank nodes; diplograph graphs have none (docs/model.md) — skolemize them first")
    target = graph_term(named_graph)
    with endpoint.doing("removing stale temporary graphs"):
        cleanup_temporary(endpoint, named_graph)
    tmp_iri = f"{temporary_prefix(named_graph)}{uuid.uuid4()}"
    tmp = graph_term(tmp_iri)
    chunks = 0
    total = -(-len(triples) // chunk_size)
    try:
        for chunk in _chunks(triples, chunk_size):
            data = ox.serialize(chunk, format=ox.RdfFormat.N_TRIPLES)
            assert data is not None  # serialized to bytes (no output given)
            body = data.decode("utf-8")
            with endpoint.doing(f"INSERT DATA chunk {chunks + 1} of {total}"):
                endpoint.update(f"INSERT DATA {{ {tmp} {{\n{body}}} }}")
            chunks += 1
        with endpoint.doing("move into the target graph"):
            if chunks:
                drop = f"DROP SILENT {target} ;\n" if named_graph else ""
                endpoint.update(f"{drop}MOVE {tmp} TO {target}")
            else:
                endpoint.update(f"DROP SILENT {target}" if named_graph else "CLEAR SILENT DEFAULT")
    except BaseException:
        try:
            with endpoint.doing("dropping the temporary graph"):
                endpoint.update(f"DROP SILENT {tmp}")
        except RemoteError:
            pass  # the original error is the one to report; the next push removes a stale temporary graph
        raise
    _confirm(endpoint, named_graph, len(set(triples)))
    return PushReport(len(triples), chunks, named_graph)


TEMP_PREFIX = "urn:diplograph:push:"
_ALL = object()  # cleanup_temporary: every target


def temporary_prefix(named_graph: str | None) -> str:
    """IRI prefix of the temporary graphs of pushes to ``named_graph``: ``urn:diplograph:push:<key>:``
    with a key derived from the target, so that the next push to the same target finds the graphs an
    interrupted push left (a killed process never runs its ``DROP``) without touching other targets."""
    key = hashlib.sha256((named_graph if named_graph is not None else "default graph").encode("utf-8")).hexdigest()[:16]
    return f"{TEMP_PREFIX}{key}:"


def cleanup_temporary(endpoint: Endpoint, named_graph: "str | None | object" = _ALL) -> list[str]:
    """Drop the temporary graphs earlier pushes left on the store; return their IRIs.

    With a target (``None`` = the default graph), only the temporary graphs of pushes to that target
    go (a push does this before loading); without one (``diplograph push --cleanup``) every
    ``urn:diplograph:push:*`` graph goes, including those of older versions, which had no target key.
    A push running at the same moment to the same target loses its temporary graph: its count check
    then fails, so it reports an error instead of a wrong graph.
    """
    prefix = TEMP_PREFIX if named_graph is _ALL else temporary_prefix(named_graph)  # type: ignore[arg-type]
    literal = str(ox.Literal(prefix))
    res = endpoint.select(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), {literal})) }}")
    stale = sorted(row[0].value for row in res.rows if row[0] is not None and row[0].value.startswith(prefix))
    if stale:
        endpoint.update(" ;\n".join(f"DROP SILENT {graph_term(g)}" for g in stale))
    return stale


def cleanup_command(endpoint: Endpoint) -> str:
    """``diplograph push --cleanup``: drop every temporary graph on the store; the line to print."""
    with endpoint.doing("removing temporary graphs"):
        stale = cleanup_temporary(endpoint)
    return f"removed {len(stale)} temporary graph(s) from {endpoint.update_url}"


def _confirm(endpoint: Endpoint, named_graph: str | None, expected: int) -> None:
    """Fail unless the store now holds ``expected`` triples in the target graph.

    A 2xx answer is not proof: a proxy or a misconfigured server may answer 200 to anything (before
    this check, a redirected update became a GET that stored nothing and the push reported success).
    The default graph may be the union of all graphs on some stores, so there it must hold at least
    ``expected``.
    """
    with endpoint.doing("count check after the move"):
        found = count_triples(endpoint, named_graph)
    ok = found >= expected if named_graph is None else found == expected
    if not ok:
        where = f"<{named_graph}>" if named_graph else "the default graph"
        raise RemoteError(f"the store did not confirm the push: {found} triples in {where} at {endpoint.query_url} "
                          f"after the move, expected {expected}")


def push_graph(
    path: str | Path,
    endpoint: Endpoint,
    named_graph: str | None = DEFAULT_NAMED_GRAPH,
    chunk_size: int = DEFAULT_CHUNK,
) -> PushReport:
    """Read an RDF file and atomically replace ``named_graph`` on ``endpoint`` with its triples."""
    graph_term(named_graph)  # validate before reading a big file
    return push_triples(read_triples(path), endpoint, named_graph, chunk_size)


def count_triples(endpoint: Endpoint, named_graph: str | None = DEFAULT_NAMED_GRAPH) -> int:
    """Number of triples in ``named_graph`` (``None`` = default graph) on the endpoint."""
    pattern = "?s ?p ?o" if named_graph is None else f"{graph_term(named_graph)} {{ ?s ?p ?o }}"
    res = endpoint.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}")
    return int(res.rows[0][0].value) if res.rows and res.rows[0][0] is not None else 0
