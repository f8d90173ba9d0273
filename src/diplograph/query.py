"""Canned SPARQL queries: discovery, parameters, execution and result formats.

A canned query is a ``.rq`` file in ``queries/`` (installed as the package ``diplograph.queries``) whose first comment lines are a header::

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
from typing import TYPE_CHECKING, Mapping, Sequence, Union

from .engine import DEFAULT_ENGINE, EngineError, LoadedGraph, Result, Term, load_graph, substitute_params
from .paths import queries_dir, user_queries_dir

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
    "terminal_safe",
    "article_names",
    "default_graph_path",
    "graph_or_default",
    "query_dirs",
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


Dirs = Union[Path, Sequence[Path], None]


def query_dirs(directory: Dirs = None) -> list[Path]:
    """Folders searched for a query name, first match wins: ``directory`` when given (one folder or
    several), else the user's ``DIPLOGRAPH_QUERIES`` folder (if set) then the canned queries. A user's
    folder comes first so their own ``people.rq`` can replace the canned one."""
    if directory is None:
        user = user_queries_dir()
        return ([user] if user else []) + [queries_dir()]
    return [Path(directory)] if isinstance(directory, (str, Path)) else [Path(d) for d in directory]


def list_queries(directory: Dirs = None) -> list[QuerySpec]:
    """All queries in the search folders (see :func:`query_dirs`), one per name, sorted by name."""
    found: dict[str, Path] = {}
    for folder in query_dirs(directory):
        if not folder.is_dir():
            raise QueryError(f"queries folder not found: {folder}")
        for p in sorted(folder.glob("*.rq")):
            found.setdefault(p.stem, p)
    return [parse_header(p, p.read_text(encoding="utf-8")) for _, p in sorted(found.items())]


def get_query(name_or_path: str | Path, directory: Dirs = None) -> QuerySpec:
    """A query by name (``people``, looked up in :func:`query_dirs`) or a path to any ``.rq`` file."""
    candidate = Path(name_or_path)
    if candidate.suffix == ".rq" or candidate.is_file() or len(candidate.parts) > 1:
        if not candidate.is_file():
            raise QueryError(f"query file not found: {candidate}")
        return parse_header(candidate, candidate.read_text(encoding="utf-8"))
    for folder in query_dirs(directory):
        path = folder / f"{name_or_path}.rq"
        if path.is_file():
            return parse_header(path, path.read_text(encoding="utf-8"))
    known = ", ".join(q.name for q in list_queries(directory))
    raise QueryError(f"unknown query {str(name_or_path)!r}; known: {known}")


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
    """``graph/diplograph.ttl`` in the working directory: where ``diplograph build`` writes by default.
    Only the current folder is looked at, never the install or a checkout, so a command reads the
    graph of the folder the user is in."""
    return DEFAULT_GRAPH


def graph_or_default(path: str | Path | None) -> Path:
    """The graph file a command reads: ``path`` if given, else ``./graph/diplograph.ttl``; a missing
    default is one line saying what was looked for and how to make it (a missing explicit file is
    reported by whoever opens it, with its name)."""
    if path is not None:
        return Path(path)
    if not DEFAULT_GRAPH.is_file():
        raise EngineError(f"no graph file given and no {DEFAULT_GRAPH} in {Path.cwd()}: run `diplograph build "
                          "ARTICLES` here first, or name a graph file")
    return DEFAULT_GRAPH


def run_query(
    name_or_path: str | Path,
    graph_path: str | Path | None = None,
    params: Mapping[str, str] | None = None,
    engine: str = DEFAULT_ENGINE,
    graph: LoadedGraph | None = None,
    directory: Dirs = None,
) -> Result:
    """Run a canned query over a local graph file (default ``./graph/diplograph.ttl``) or an already
    loaded ``graph``; ``directory`` is where query names are looked up (see :func:`query_dirs`)."""
    spec = get_query(name_or_path, directory)
    bindings = bind_params(spec, params)
    if graph is None:
        graph = load_graph(graph_or_default(graph_path), engine)
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


# Characters a terminal acts on or that reorder the line rather than print: C0/C1 controls (ESC starts
# colour and cursor sequences, BEL rings), DEL, bidi embeddings/overrides/isolates (U+202E shows text
# reversed), other invisible format characters, line/paragraph separators, surrogates, private use.
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Co"})


def terminal_safe(text: str) -> str:
    """``text`` with every character a terminal would act on shown as an escape (``\\x1b``, ``\\u202e``):
    a value in the graph (from an article or a hostile store) cannot recolour, clear or reorder the screen."""
    if text.isprintable():  # the common case, in one C-level pass
        return text
    out = []
    for ch in text:
        if ch == "\n":
            out.append("⏎")
        elif ch in "\t\r":
            out.append(" ")
        elif unicodedata.category(ch) in _UNSAFE_CATEGORIES:
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
        else:
            out.append(ch)
    return "".join(out)


ARTICLE_PREFIX = "https://w3id.org/diplograph/id/article/"


def _cell(term: Term | None, names: Mapping[str, str] | None = None) -> str:
    """A human-readable cell: prefixed IRIs (an article as its file name when `names` knows it), bare
    literal text, every control character made visible (see :func:`terminal_safe`)."""
    if term is None:
        return ""
    value = term.value
    if term.kind == "uri":
        if names and value in names:
            value = names[value]
        else:
            for long, short in SHORT_PREFIXES:
                if value.startswith(long):
                    value = short + value[len(long) :]
                    break
    elif term.kind == "bnode":
        value = "_:" + value
    return terminal_safe(unicodedata.normalize("NFC", value))


SEPARATOR = " │ "
MIN_COLUMN = 6  # narrower than this a column shows too little to be worth keeping legible


def fit_widths(natural: Sequence[int], total: int, floors: Sequence[int] | None = None) -> list[int]:
    """Column widths no larger than ``natural`` whose sum with the separators fits ``total`` columns,
    taken from the widest columns first (a long title gives way before a short date). A column never
    goes below its floor (its header, at most MIN_COLUMN), so a very narrow terminal gets a wider table
    rather than unreadable columns."""
    widths = list(natural)
    if total <= 0 or not widths:
        return widths
    floors = [min(f, MIN_COLUMN) for f in (floors or [MIN_COLUMN] * len(widths))]
    budget = total - len(SEPARATOR) * (len(widths) - 1)
    while sum(widths) > budget:
        i = max(range(len(widths)), key=lambda k: widths[k] - floors[k])
        if widths[i] <= floors[i]:
            break
        widths[i] -= 1
    return widths


def format_table(result: Result, max_width: int = 60, width: int = 0,
                 names: Mapping[str, str] | None = None) -> str:
    """An aligned plain-text table; columns align in a terminal with Vietnamese diacritics.

    ``max_width`` caps each cell (0: no cap); ``width`` is the whole table's width (0: no limit), the
    widest columns are cut to fit it; ``names`` maps article IRIs to the file names shown instead."""
    header = [terminal_safe(v) for v in result.vars]
    body = [[_truncate(_cell(t, names), max_width) for t in row] for row in result.rows]
    natural = [display_width(h) for h in header]
    for row in body:
        for i, cell in enumerate(row):
            natural[i] = max(natural[i], display_width(cell))
    widths = fit_widths(natural, width, [display_width(h) for h in header])
    if widths != natural:
        header = [_truncate(h, w) for h, w in zip(header, widths, strict=True)]
        body = [[_truncate(c, w) for c, w in zip(row, widths, strict=True)] for row in body]

    def line(cells: Sequence[str]) -> str:
        return SEPARATOR.join(c + " " * (widths[i] - display_width(c)) for i, c in enumerate(cells)).rstrip()

    rule = "─┼─".join("─" * w for w in widths)
    lines = [line(header), rule] + [line(r) for r in body]
    lines.append(f"({len(result.rows)} row{'s' if len(result.rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def article_names(graph: LoadedGraph, result: Result) -> dict[str, str]:
    """File names (``dg:sourceFile``) of the articles named in ``result``, for the table to show instead
    of their hash IRIs; articles with no or several file names keep their IRI."""
    wanted = {t.value for row in result.rows for t in row
              if t is not None and t.kind == "uri" and t.value.startswith(ARTICLE_PREFIX)}
    if not wanted:
        return {}
    found: dict[str, set[str]] = {}
    rows = graph.select("SELECT ?a ?f WHERE { ?a <https://w3id.org/diplograph/ontology#sourceFile> ?f }").rows
    for a, f in rows:
        if a is not None and f is not None and a.value in wanted:
            found.setdefault(a.value, set()).add(f.value)
    return {a: next(iter(fs)) for a, fs in found.items() if len(fs) == 1}


def format_json(result: Result) -> str:
    """W3C SPARQL 1.1 Query Results JSON; unbound variables are absent from a binding."""
    doc = {
        "head": {"vars": list(result.vars)},
        "results": {
            "bindings": [
                {v: t.to_json() for v, t in zip(result.vars, row, strict=False) if t is not None} for row in result.rows
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


def format_result(result: Result, fmt: str = "table", max_width: int = 60, width: int = 0,
                  names: Mapping[str, str] | None = None) -> str:
    """Render ``result`` as ``table`` (see :func:`format_table` for ``width`` and ``names``), ``csv``,
    ``tsv`` or ``json`` (those three always carry the full IRIs and values)."""
    if fmt == "table":
        return format_table(result, max_width, width, names)
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
    directory: Dirs = None,
) -> Result:
    """Run a canned query on a SPARQL endpoint; ``named_graph`` becomes the query's default graph.

    The graph is given as the protocol's ``default-graph-uri`` parameter rather than a ``FROM``
    clause written into the text, so the query file stays as it is; Oxigraph, Fuseki and GraphDB
    all honour it. Parameters are substituted as escaped literals (see :func:`substitute_params`).
    """
    spec = get_query(name_or_path, directory)
    text = substitute_params(spec.text, bind_params(spec, params)) if spec.params else spec.text
    return endpoint.select(text, default_graph=named_graph)
