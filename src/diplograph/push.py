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

import json
import os
import socket
import urllib.error
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence
from urllib.parse import unquote, urlsplit, urlunsplit

import pyoxigraph as ox

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


def _strip_userinfo(url: str) -> tuple[str, str | None, str | None]:
    """Split ``http://user:pass@host/x`` into the URL without credentials, user and password."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise RemoteError(f"endpoint must be an http(s) URL, got {_redact_url(url)!r}")
    if parts.username is None and parts.password is None:
        return url, None, None
    host = parts.hostname
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    netloc = host + (f":{parts.port}" if parts.port else "")
    clean = urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))
    return clean, unquote(parts.username or "") or None, unquote(parts.password or "") or None


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

    @classmethod
    def from_urls(cls, query_url: str, update_url: str | None = None, timeout: float = DEFAULT_TIMEOUT) -> "Endpoint":
        """Build from URLs and the environment; update URL defaults to the query URL (Fuseki style)."""
        q, qu, qp = _strip_userinfo(query_url)
        u, uu, up = _strip_userinfo(update_url or query_url)
        user = os.environ.get(ENV_USER) or qu or uu
        password = os.environ.get(ENV_PASSWORD) or qp or up
        token = os.environ.get(ENV_TOKEN) or None
        return cls(q, u, user, password, token, timeout)

    def secrets(self) -> list[str]:
        return [s for s in (self.password, self.token) if s]

    def scrub(self, text: str) -> str:
        """Remove credentials (and any ``user:pass@`` in URLs) from ``text`` and make it one line."""
        text = " ".join(str(text).split())
        for secret in sorted(self.secrets(), key=len, reverse=True):
            text = text.replace(secret, "***")
        import re

        text = re.sub(r"(https?://)[^/\s@]*@", r"\1***@", text)
        return text

    def _wrapper(self, update: bool):  # -> SPARQLWrapper
        from SPARQLWrapper import BASIC, JSON, POST, POSTDIRECTLY, SPARQLWrapper

        sw = SPARQLWrapper(self.query_url, updateEndpoint=self.update_url)
        sw.setMethod(POST)
        sw.setTimeout(max(1, int(round(self.timeout))))
        sw.setOnlyConneg(True)  # no format=/output= parameters: Accept header only
        if update:
            sw.setRequestMethod(POSTDIRECTLY)  # body is application/sparql-update
        else:
            sw.setReturnFormat(JSON)
        if self.token:
            sw.addCustomHttpHeader("Authorization", f"Bearer {self.token}")
        elif self.user or self.password:
            sw.setHTTPAuth(BASIC)
            sw.setCredentials(self.user or "", self.password or "")
        return sw

    def _call(self, what: str, url: str, sw):  # -> SPARQLWrapper QueryResult
        """Run a request, turning every failure into a one-line :class:`RemoteError`."""
        from SPARQLWrapper.SPARQLExceptions import (
            EndPointInternalError,
            EndPointNotFound,
            QueryBadFormed,
            SPARQLWrapperException,
            Unauthorized,
            URITooLong,
        )

        codes = {QueryBadFormed: 400, Unauthorized: 401, EndPointNotFound: 404, URITooLong: 414, EndPointInternalError: 500}
        try:
            return sw.query()
        except tuple(codes) as exc:
            detail = self.scrub(getattr(exc, "msg", "") or "")
            detail = detail.split("Response:", 1)[-1].strip()[:200]
            raise RemoteError(self.scrub(f"{what} at {url} failed: HTTP {codes[type(exc)]}" + (f": {detail}" if detail else ""))) from None
        except urllib.error.HTTPError as exc:
            raise RemoteError(self.scrub(f"{what} at {url} failed: HTTP {exc.code} {exc.reason}")) from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, (socket.timeout, TimeoutError)):
                raise RemoteError(f"{what} at {url} timed out after {self.timeout:g} s") from None
            raise RemoteError(self.scrub(f"{what} at {url} failed: cannot connect ({reason})")) from None
        except (socket.timeout, TimeoutError):
            raise RemoteError(f"{what} at {url} timed out after {self.timeout:g} s") from None
        except (ConnectionError, OSError) as exc:
            raise RemoteError(self.scrub(f"{what} at {url} failed: {exc}")) from None
        except SPARQLWrapperException as exc:
            raise RemoteError(self.scrub(f"{what} at {url} failed: {exc}")[:300]) from None

    def update(self, text: str) -> None:
        """Send one SPARQL Update request."""
        sw = self._wrapper(update=True)
        sw.setQuery(text)
        self._call("update", self.update_url, sw)

    def select(self, text: str, default_graph: str | None = None) -> Result:
        """Run a SELECT; ``default_graph`` is sent as the protocol's ``default-graph-uri``."""
        sw = self._wrapper(update=False)
        sw.setQuery(text)
        if default_graph:
            sw.addParameter("default-graph-uri", default_graph)
        response = self._call("query", self.query_url, sw)
        try:
            raw = response.response.read()
            data = json.loads(raw.decode("utf-8"))
            names = list(data["head"]["vars"])
            rows = [
                tuple(Term.from_json(b[v]) if v in b else None for v in names)
                for b in data["results"]["bindings"]
            ]
        except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
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
    tmp_iri = f"urn:diplograph:push:{uuid.uuid4()}"
    tmp = graph_term(tmp_iri)
    chunks = 0
    try:
        for chunk in _chunks(triples, chunk_size):
            data = ox.serialize(chunk, format=ox.RdfFormat.N_TRIPLES)
            assert data is not None  # serialized to bytes (no output given)
            body = data.decode("utf-8")
            endpoint.update(f"INSERT DATA {{ {tmp} {{\n{body}}} }}")
            chunks += 1
        if chunks:
            drop = f"DROP SILENT {target} ;\n" if named_graph else ""
            endpoint.update(f"{drop}MOVE {tmp} TO {target}")
        else:
            endpoint.update(f"DROP SILENT {target}" if named_graph else "CLEAR SILENT DEFAULT")
    except BaseException:
        try:
            endpoint.update(f"DROP SILENT {tmp}")
        except RemoteError:
            pass  # the original error is the one to report; a stray urn:diplograph:push graph is harmless
        raise
    return PushReport(len(triples), chunks, named_graph)


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
