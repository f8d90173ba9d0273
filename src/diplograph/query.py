"""Canned SPARQL queries: discovery, parameters, execution and result formats.

A canned query is a ``.rq`` file in ``queries/`` whose first comment lines are a header::

    # title: A person's posts over time
    # description: …
    # param: person = Bùi Thanh Sơn — part of the person's name (case-insensitive); empty = everyone

A parameter binds the SPARQL variable of the same name (``?person``) to a plain string literal.
Binding is done by the engine (rdflib initBindings), or — for Oxigraph and remote endpoints — by
replacing the variable *token* with an escaped N-Triples literal found by a SPARQL lexer that
skips strings, IRIs and comments (:func:`diplograph.engine.substitute_params`). Either way,
quotes, braces or ``#`` in a value stay data and cannot change the query. Canned queries use parameter variables only inside expressions
(FILTER, BIND, IF), never in the projection, so both ways give the same rows.

Library use (e.g. in a notebook)::

    from diplograph.query import run_query
    res = run_query("person-posts", graph_path="graph/diplograph.ttl", params={"person": "Phạm Minh Chính"})
    res.vars, res.rows, res.dicts()
"""
from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Mapping, Sequence

from .engine import DEFAULT_ENGINE, EngineError, LoadedGraph, Result, Term, load_graph, substitute_params
from .paths import project_root, queries_dir

if TYPE_CHECKING:
    from .push import Endpoint

__all__ = [
    "Param",
    "QuerySpec",
    "Result",
    "QueryError",
    "list_queries",
    "get_query",
    "run_query",
    "run_remote_query",
    "bind_params",
    "substitute_params",
    "format_result",
    "default_graph_path",
]

DEFAULT_GRAPH = Path("graph") / "diplograph.ttl"
FORMATS = ("table", "csv", "tsv", "json")


class QueryError(EngineError):
    """A query that cannot be found, has a bad header, or was given unknown parameters."""


@dataclass(frozen=True)
class Param:
    """A query parameter declared in the header: ``# param: name = default — meaning``."""

    name: str
    default: str
    meaning: str


@dataclass(frozen=True)
class QuerySpec:
    """A canned query: its file, header and SPARQL text."""

    name: str
    path: Path
    title: str
    description: str
    params: tuple[Param, ...] = field(default_factory=tuple)
    text: str = ""

    @property
    def param_names(self) -> list[str]:
        return [p.name for p in self.params]


_HEADER = re.compile(r"^#\s*(title|description|param)\s*:\s*(.*?)\s*$")
# "name = default — meaning"; the separator is an em dash, or " -- " for ASCII keyboards.
_PARAM = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*(?:—|\s--\s)\s*(.*)$")
_PARAM_NO_MEANING = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$")


def parse_header(path: Path, text: str) -> QuerySpec:
    """Read the ``# title/description/param`` comment header at the top of a query file."""
    title, description, params = "", "", []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            break
        m = _HEADER.match(stripped)
        if not m:
            continue
        key, value = m.groups()
        if key == "title":
            title = value
        elif key == "description":
            description = value
        elif value.lower() not in ("", "none"):
            pm = _PARAM.match(value) or _PARAM_NO_MEANING.match(value)
            if not pm:
                raise QueryError(f"{path.name}: bad param line {value!r} (expected 'name = default — meaning')")
            name, default = pm.group(1), pm.group(2).strip()
            meaning = pm.group(3).strip() if pm.re is _PARAM else ""
            if len(default) >= 2 and default[0] == default[-1] and default[0] in "\"'":
                default = default[1:-1]
            params.append(Param(name, default, meaning))
    return QuerySpec(path.stem, path, title or path.stem, description, tuple(params), text)


def list_queries(directory: Path | None = None) -> list[QuerySpec]:
    """All canned queries in ``directory`` (default: the project's ``queries/``), sorted by name."""
    directory = directory or queries_dir()
    if not directory.is_dir():
        raise QueryError(f"queries folder not found: {directory}")
    return [parse_header(p, p.read_text(encoding="utf-8")) for p in sorted(directory.glob("*.rq"))]


def get_query(name_or_path: str | Path, directory: Path | None = None) -> QuerySpec:
    """A canned query by name (``people``) or a path to any ``.rq`` file."""
    candidate = Path(name_or_path)
    if candidate.suffix == ".rq" or candidate.is_file() or len(candidate.parts) > 1:
        if not candidate.is_file():
            raise QueryError(f"query file not found: {candidate}")
        return parse_header(candidate, candidate.read_text(encoding="utf-8"))
    directory = directory or queries_dir()
    path = directory / f"{name_or_path}.rq"
    if not path.is_file():
        known = ", ".join(q.name for q in list_queries(directory))
        raise QueryError(f"unknown query {str(name_or_path)!r}; known: {known}")
    return parse_header(path, path.read_text(encoding="utf-8"))


def _shown(text: str) -> str:
    """``text`` printable whatever it holds: bytes that were not UTF-8 shown as ``\\xff``."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace") if _has_surrogate(text) else text


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _check_text(text: str, what: str) -> None:
    """A command-line value that was not UTF-8 arrives as lone surrogates (Python's surrogateescape);
    it cannot become an RDF literal, nor be printed, and went up as a UnicodeEncodeError traceback."""
    if _has_surrogate(text):
        raise QueryError(f"{what}: the value is not valid UTF-8 (got \"{_shown(text)}\")")


def bind_params(spec: QuerySpec, params: Mapping[str, str] | None = None) -> dict[str, Term]:
    """Values for every declared parameter (given or default) as plain string literals.

    Unknown names are an error rather than silently ignored: a typo would otherwise return the
    unfiltered default answer and look right.
    """
    params = dict(params or {})
    for name, value in params.items():
        _check_text(name, f"--param name {_shown(name)}")
        _check_text(str(value), f"--param {_shown(name)}")
    unknown = sorted(set(params) - set(spec.param_names))
    if unknown:
        declared = ", ".join(spec.param_names) or "none"
        raise QueryError(f"query {spec.name!r} has no parameter {', '.join(unknown)} (parameters: {declared})")
    return {p.name: Term.literal(unicodedata.normalize("NFC", str(params.get(p.name, p.default)))) for p in spec.params}


def default_graph_path() -> Path:
    """``graph/diplograph.ttl`` in the working directory, else in the project root."""
    if DEFAULT_GRAPH.is_file():
        return DEFAULT_GRAPH
    alt = project_root() / DEFAULT_GRAPH
    return alt if alt.is_file() else DEFAULT_GRAPH


def run_query(
    name_or_path: str | Path,
    graph_path: str | Path | None = None,
    params: Mapping[str, str] | None = None,
    engine: str = DEFAULT_ENGINE,
    graph: LoadedGraph | None = None,
) -> Result:
    """Run a canned query over a local graph file (or an already loaded ``graph``)."""
    spec = get_query(name_or_path)
    bindings = bind_params(spec, params)
    if graph is None:
        graph = load_graph(graph_path or default_graph_path(), engine)
    return graph.select(spec.text, bindings)


# --------------------------------------------------------------------------- result formats
def display_width(text: str) -> int:
    """Terminal columns of ``text``: wide/fullwidth characters count 2, combining marks 0."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def _truncate(text: str, limit: int) -> str:
    """Cut ``text`` to ``limit`` columns with an ellipsis, never splitting a base from its marks."""
    if limit <= 0 or display_width(text) <= limit:
        return text
    out, width = [], 0
    for ch in text:
        w = 0 if (unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf")) else (
            2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
        )
        if width + w > limit - 1:
            break
        out.append(ch)
        width += w
    return "".join(out) + "…"


SHORT_PREFIXES: tuple[tuple[str, str], ...] = (
    ("https://w3id.org/diplograph/id/", "id:"),
    ("https://w3id.org/diplograph/ontology#", "dg:"),
    ("http://www.w3.org/2001/XMLSchema#", "xsd:"),
    ("https://schema.org/", "schema:"),
    ("http://www.w3.org/ns/prov#", "prov:"),
    ("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdf:"),
    ("http://www.w3.org/2000/01/rdf-schema#", "rdfs:"),
    ("http://www.w3.org/2004/02/skos/core#", "skos:"),
)


def _cell(term: Term | None) -> str:
    """A human-readable cell: prefixed IRIs, bare literal text, control characters made visible."""
    if term is None:
        return ""
    value = term.value
    if term.kind == "uri":
        for long, short in SHORT_PREFIXES:
            if value.startswith(long):
                value = short + value[len(long) :]
                break
    elif term.kind == "bnode":
        value = "_:" + value
    value = unicodedata.normalize("NFC", value)
    return "".join("⏎" if ch == "\n" else " " if ch in "\t\r" else ch for ch in value)


def format_table(result: Result, max_width: int = 60) -> str:
    """An aligned plain-text table; columns align in a terminal with Vietnamese diacritics."""
    header = list(result.vars)
    body = [[_truncate(_cell(t), max_width) for t in row] for row in result.rows]
    widths = [display_width(h) for h in header]
    for row in body:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], display_width(cell))

    def line(cells: Sequence[str]) -> str:
        return " │ ".join(c + " " * (widths[i] - display_width(c)) for i, c in enumerate(cells)).rstrip()

    rule = "─┼─".join("─" * w for w in widths)
    lines = [line(header), rule] + [line(r) for r in body]
    lines.append(f"({len(result.rows)} row{'s' if len(result.rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def format_json(result: Result) -> str:
    """W3C SPARQL 1.1 Query Results JSON; unbound variables are absent from a binding."""
    doc = {
        "head": {"vars": list(result.vars)},
        "results": {
            "bindings": [
                {v: t.to_json() for v, t in zip(result.vars, row) if t is not None} for row in result.rows
            ]
        },
    }
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def format_csv(result: Result) -> str:
    """W3C SPARQL 1.1 CSV results: plain values (IRI text, literal lexical form), CRLF lines."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(result.vars)
    for row in result.rows:
        writer.writerow(["" if t is None else ("_:" + t.value if t.kind == "bnode" else t.value) for t in row])
    return buf.getvalue()


def format_tsv(result: Result) -> str:
    """W3C SPARQL 1.1 TSV results: ``?var`` header, terms in N-Triples syntax, tabs/newlines escaped."""
    lines = ["\t".join("?" + v for v in result.vars)]
    for row in result.rows:
        lines.append("\t".join("" if t is None else t.n3() for t in row))
    return "\n".join(lines) + "\n"


def format_result(result: Result, fmt: str = "table", max_width: int = 60) -> str:
    """Render ``result`` as ``table``, ``csv``, ``tsv`` or ``json``."""
    if fmt == "table":
        return format_table(result, max_width)
    if fmt == "json":
        return format_json(result)
    if fmt == "csv":
        return format_csv(result)
    if fmt == "tsv":
        return format_tsv(result)
    raise QueryError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")


def parse_json_result(data: Mapping) -> Result:
    """Read a SPARQL JSON results document (from a remote endpoint) into a :class:`Result`."""
    names = list(data["head"]["vars"])
    rows = []
    for b in data["results"]["bindings"]:
        rows.append(tuple(Term.from_json(b[v]) if v in b else None for v in names))
    return Result(names, rows)


def run_remote_query(
    name_or_path: str | Path,
    endpoint: "Endpoint",
    params: Mapping[str, str] | None = None,
    named_graph: str | None = None,
) -> Result:
    """Run a canned query on a SPARQL endpoint; ``named_graph`` becomes the query's default graph.

    The graph is given as the protocol's ``default-graph-uri`` parameter rather than a ``FROM``
    clause written into the text, so the query file stays as it is; Oxigraph, Fuseki and GraphDB
    all honour it. Parameters are substituted as escaped literals (see :func:`substitute_params`).
    """
    spec = get_query(name_or_path)
    text = substitute_params(spec.text, bind_params(spec, params)) if spec.params else spec.text
    return endpoint.select(text, default_graph=named_graph)
