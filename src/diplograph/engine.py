"""Embedded SPARQL engines behind one small interface.

The graph is queried in-process by Oxigraph (``pyoxigraph``, the default: it parses and queries a
million triples an order of magnitude faster than rdflib, see ``benchmarks/query_results.md``) or
by plain rdflib (pure Python, no native wheel needed). ``oxrdflib`` — rdflib's API over an Oxigraph
store — is also available so the benchmark can show what the rdflib layer costs. ``maplib`` (an
optional extra: a columnar SPARQL engine on polars) answers the big contract queries 5–9× faster
than Oxigraph on a 10,000-article graph, because it joins whole columns with hash joins instead of
one index lookup per row; :class:`MaplibGraph` documents where its answers differ and what the
adapter normalises.

Every engine returns rows of :class:`Term`, an engine-neutral value shaped like a binding of the
W3C SPARQL 1.1 JSON results format, so results from two engines (or from a remote endpoint) can be
compared and printed by the same code.

Parameters are bound as RDF terms, never pasted as text: rdflib gets them as ``initBindings``;
for Oxigraph (whose native ``substitutions`` only accept *projected* variables, SEP-0007) and for
remote endpoints the variable tokens are replaced by escaped N-Triples terms found by a SPARQL
lexer (:func:`substitute_params`), so a value can never close a string or open a block. The
cross-engine test checks that the two mechanisms return the same rows.
"""
from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Iterable, Mapping, Protocol, Sequence

import pyoxigraph as ox

from .sparql_terms import (  # noqa: F401  (re-exported: the engine's interface, as callers import it)
    RDF_DIRLANGSTRING,
    RDF_LANGSTRING,
    SPARQL_TOKEN,
    VARNAME,
    XSD,
    XSD_STRING,
    EngineError,
    Result,
    Row,
    Term,
    check_graph_file,
    escape_string,
    substitute_params,
)

ENGINES: tuple[str, ...] = ("oxigraph", "rdflib", "oxrdflib", "maplib")
DEFAULT_ENGINE = "oxigraph"

#: file extension -> (pyoxigraph format, rdflib format name)
FORMATS: dict[str, tuple[ox.RdfFormat, str]] = {
    ".ttl": (ox.RdfFormat.TURTLE, "turtle"),
    ".turtle": (ox.RdfFormat.TURTLE, "turtle"),
    ".nt": (ox.RdfFormat.N_TRIPLES, "nt"),
    ".nq": (ox.RdfFormat.N_QUADS, "nquads"),
    ".trig": (ox.RdfFormat.TRIG, "trig"),
    ".jsonld": (ox.RdfFormat.JSON_LD, "json-ld"),
    ".json": (ox.RdfFormat.JSON_LD, "json-ld"),
    ".rdf": (ox.RdfFormat.RDF_XML, "xml"),
    ".owl": (ox.RdfFormat.RDF_XML, "xml"),
}


# --------------------------------------------------------------------------- neutral terms

def term_from_oxigraph(term: object) -> Term:
    """Convert a pyoxigraph term to a :class:`Term`."""
    if isinstance(term, ox.NamedNode):
        return Term("uri", term.value)
    if isinstance(term, ox.BlankNode):
        return Term("bnode", term.value)
    if isinstance(term, ox.Literal):
        return Term.literal(term.value, term.language, term.datatype.value)
    raise EngineError(f"unsupported RDF term in result: {type(term).__name__}")


# --------------------------------------------------------------------------- Oxigraph results as rows
# Converting a solution cell by cell (one pyoxigraph object, three attribute reads and one Term per
# cell) cost about as much as evaluating the query on large results. Instead Oxigraph writes the
# whole result as SPARQL TSV in Rust, and each *distinct* TSV token is turned into a Term once:
# a 27k-row result has ~160k cells but only ~10k distinct terms. The TSV writer is pyoxigraph's
# (sparesults): IRIs as <…>, blank nodes as _:…, literals as "…" (escapes \t \n \r \" \\) with
# @lang[--dir] or ^^<datatype>, and xsd:integer/decimal/double/boolean written bare when their
# lexical form is valid Turtle. Rows are the same Terms as :func:`term_from_oxigraph` gives
# (tested on every kind of term).
_TSV_UNESCAPE = {"t": "\t", "n": "\n", "r": "\r", '"': '"', "\\": "\\"}
_TSV_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_TURTLE_INTEGER = re.compile(r"[+-]?[0-9]+")
_TURTLE_DECIMAL = re.compile(r"[+-]?[0-9]*\.[0-9]+")
_TURTLE_DOUBLE = re.compile(r"[+-]?(?:[0-9]+\.[0-9]*|\.?[0-9]+)[eE][+-]?[0-9]+")


def _tsv_unescape(match: re.Match) -> str:
    try:
        return _TSV_UNESCAPE[match.group(1)]
    except KeyError:
        raise EngineError(f"unexpected escape in a result term: \\{match.group(1)}") from None


def term_from_tsv(token: str) -> Term | None:
    """Read one cell of pyoxigraph's SPARQL TSV output (empty = unbound)."""
    if not token:
        return None
    first = token[0]
    if first == "<":
        if token.startswith("<<"):
            raise EngineError("unsupported RDF term in result: Triple")
        if token[-1] != ">":
            raise EngineError(f"unreadable result term: {token[:80]!r}")
        return Term("uri", token[1:-1])
    if first == '"':
        end = token.rfind('"')  # language tags and datatype IRIs contain no quote
        if end <= 0:
            raise EngineError(f"unreadable result term: {token[:80]!r}")
        value = token[1:end]
        if "\\" in value:
            value = _TSV_ESCAPE.sub(_tsv_unescape, value)
        suffix = token[end + 1 :]
        if not suffix:
            return Term.literal(value)
        if suffix[0] == "@":
            lang, _, direction = suffix[1:].partition("--")
            return Term.literal(value, lang, RDF_DIRLANGSTRING if direction else None)
        if suffix.startswith("^^<") and suffix[-1] == ">":
            return Term.literal(value, None, suffix[3:-1])
        raise EngineError(f"unreadable result term: {token[:80]!r}")
    if token.startswith("_:"):
        return Term("bnode", token[2:])
    if token in ("true", "false"):
        return Term.literal(token, None, XSD + "boolean")
    for pattern, datatype in ((_TURTLE_INTEGER, "integer"), (_TURTLE_DECIMAL, "decimal"), (_TURTLE_DOUBLE, "double")):
        if pattern.fullmatch(token):
            return Term.literal(token, None, XSD + datatype)
    raise EngineError(f"unreadable result term: {token[:80]!r}")


class _TermCache(dict):
    """UTF-8 TSV token -> Term, parsing each distinct token once (``cache[token]``)."""

    def __missing__(self, token: bytes) -> Term | None:
        term = self[token] = term_from_tsv(token.decode("utf-8"))
        return term


def rows_from_tsv(data: bytes, width: int) -> list[Row]:
    """The rows of a UTF-8 SPARQL TSV result with ``width`` variables (the header line is skipped).

    Lines are split as bytes (cheaper to hash than decoded text) and each distinct cell is decoded
    and converted once; the same :class:`Term` (immutable) is shared by every row that holds it.
    """
    start = data.find(b"\n") + 1  # after the header line
    if not start or not data.endswith(b"\n"):
        raise EngineError("unreadable query result")
    if start == len(data):  # header only: no solution
        return []
    body = data[start:-1]
    if width == 0:  # SELECT with no variable: one empty line per solution
        return [()] * (body.count(b"\n") + 1)
    lines = body.split(b"\n")
    # Tabs and newlines inside literals are escaped, so every line has width - 1 tabs.
    if body.count(b"\t") != len(lines) * (width - 1):
        raise EngineError("unreadable query result (cells do not line up with the variables)")
    get = _TermCache().__getitem__
    return [tuple(map(get, line.split(b"\t"))) for line in lines]


def term_from_rdflib(term: object) -> Term:
    """Convert an rdflib term to a :class:`Term` (lexical form kept, not the Python value)."""
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, URIRef):
        return Term("uri", str(term))
    if isinstance(term, BNode):
        return Term("bnode", str(term))
    if isinstance(term, Literal):
        return Term.literal(str(term), term.language, str(term.datatype) if term.datatype else None)
    raise EngineError(f"unsupported RDF term in result: {type(term).__name__}")


def term_to_oxigraph(term: Term) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if term.kind == "uri":
        return ox.NamedNode(term.value)
    if term.kind == "bnode":
        return ox.BlankNode(term.value)
    if term.lang:
        return ox.Literal(term.value, language=term.lang)
    if term.datatype:
        return ox.Literal(term.value, datatype=ox.NamedNode(term.datatype))
    return ox.Literal(term.value)


def term_to_rdflib(term: Term):  # -> rdflib.term.Identifier
    from rdflib import BNode, Literal, URIRef

    if term.kind == "uri":
        return URIRef(term.value)
    if term.kind == "bnode":
        return BNode(term.value)
    if term.lang:
        return Literal(term.value, lang=term.lang)
    if term.datatype:
        return Literal(term.value, datatype=URIRef(term.datatype))
    return Literal(term.value)



# --------------------------------------------------------------------------- loaded graphs
class LoadedGraph(Protocol):
    """A graph held in memory by one engine."""

    engine: str

    def select(self, query: str, bindings: Mapping[str, Term] | None = None) -> Result:
        """Run a SELECT query with variables pre-bound to RDF terms."""
        ...

    def __len__(self) -> int:
        ...


def rdf_format(path: Path, fmt: str | None = None) -> tuple[ox.RdfFormat, str]:
    """The serialization of ``path``, from ``fmt`` (an extension like ``ttl``) or the file suffix."""
    key = "." + fmt.lstrip(".").lower() if fmt else path.suffix.lower()
    if key not in FORMATS:
        raise EngineError(f"unknown RDF format {key!r} for {path} (known: {', '.join(sorted(FORMATS))})")
    return FORMATS[key]


class OxigraphGraph:
    """An in-memory ``pyoxigraph.Store``; triples of every graph of the file go to the default graph."""

    engine = "oxigraph"

    def __init__(self, store: ox.Store) -> None:
        self.store = store

    def select(self, query: str, bindings: Mapping[str, Term] | None = None) -> Result:
        if bindings:
            query = substitute_params(query, bindings)
        try:
            solutions = self.store.query(query)
        except SyntaxError as exc:
            raise EngineError(f"SPARQL syntax error: {exc}") from exc
        if not isinstance(solutions, ox.QuerySolutions):
            raise EngineError("only SELECT queries are supported")
        names = [v.value for v in solutions.variables]
        # Evaluated and written as TSV by Oxigraph, then converted one distinct term at a time.
        tsv = solutions.serialize(format=ox.QueryResultsFormat.TSV)
        assert tsv is not None  # serialized to bytes (no output given)
        return Result(names, rows_from_tsv(tsv, len(names)))

    def __len__(self) -> int:
        return len(self.store)

    def quads(self) -> Iterable[ox.Quad]:
        return self.store.quads_for_pattern(None, None, None, None)


class RdflibGraph:
    """An ``rdflib.Graph`` — pure rdflib, or rdflib's API over an Oxigraph store (``oxrdflib``)."""

    def __init__(self, graph, engine: str = "rdflib") -> None:  # graph: rdflib.Graph
        self.graph = graph
        self.engine = engine

    def select(self, query: str, bindings: Mapping[str, Term] | None = None) -> Result:
        init = {}
        if bindings and self.engine == "oxrdflib":
            query = substitute_params(query, bindings)  # oxrdflib maps initBindings to substitutions
        elif bindings:
            init = {k: term_to_rdflib(v) for k, v in bindings.items()}
        try:
            res = self.graph.query(query, initBindings=init)
        except Exception as exc:  # rdflib raises pyparsing errors and plain exceptions
            raise EngineError(f"query failed: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from exc
        if res.type != "SELECT":
            raise EngineError("only SELECT queries are supported")
        names = [str(v) for v in res.vars]
        rows: list[Row] = [
            tuple(None if row[i] is None else term_from_rdflib(row[i]) for i in range(len(names))) for row in res
        ]
        return Result(names, rows)

    def __len__(self) -> int:
        return len(self.graph)


def load_graph(path: str | Path, engine: str = DEFAULT_ENGINE, fmt: str | None = None) -> LoadedGraph:
    """Parse an RDF file into an in-memory graph of ``engine`` (``oxigraph``, ``rdflib``, ``oxrdflib``, ``maplib``).

    Quad formats (TriG, N-Quads) are merged into the default graph, so canned queries — which
    have no ``GRAPH`` clauses — see every triple whatever the file's layout.
    """
    path = Path(path)
    if engine not in ENGINES:
        raise EngineError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
    if not path.exists():
        raise EngineError(f"graph file not found: {path}")
    check_graph_file(path)
    ox_fmt, rdflib_fmt = rdf_format(path, fmt)
    try:
        if engine == "oxigraph":
            store = ox.Store()
            if ox_fmt.supports_datasets:
                for quad in ox.parse(path=str(path), format=ox_fmt):
                    store.add(ox.Quad(quad.subject, quad.predicate, quad.object, ox.DefaultGraph()))
            else:
                store.bulk_load(path=str(path), format=ox_fmt)
            return OxigraphGraph(store)
        if engine == "maplib":
            from .engine_maplib import load_maplib

            return load_maplib(path, ox_fmt)
        import rdflib

        if engine == "oxrdflib":
            graph = rdflib.Graph(store="Oxigraph")
            ox_names = {ox.RdfFormat.TURTLE: "ox-turtle", ox.RdfFormat.N_TRIPLES: "ox-ntriples"}
            graph.parse(str(path), format=ox_names.get(ox_fmt, rdflib_fmt))
            return RdflibGraph(graph, "oxrdflib")
        if ox_fmt.supports_datasets:
            ds = rdflib.Dataset()
            ds.parse(str(path), format=rdflib_fmt)
            graph = rdflib.Graph()
            for s, p, o, _g in ds.quads((None, None, None, None)):
                graph.add((s, p, o))
        else:
            graph = rdflib.Graph()
            graph.parse(str(path), format=rdflib_fmt)
        return RdflibGraph(graph, "rdflib")
    except EngineError:
        raise
    except (SyntaxError, ValueError, OSError, Exception) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise EngineError(f"cannot parse {path}: {first}") from exc


def timed(fn, *args, **kwargs):  # -> tuple[result, seconds]
    """Call ``fn`` and return ``(result, elapsed seconds)``; used by the benchmark."""
    start = time.perf_counter()
    out = fn(*args, **kwargs)
    return out, time.perf_counter() - start


def sort_key(row: Sequence[Term | None]) -> tuple:
    """A total order on rows (unbound first) for order-insensitive comparisons."""
    return tuple(("",) if t is None else ("~",) + t.key() for t in row)
