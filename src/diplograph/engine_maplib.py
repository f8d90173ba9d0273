"""The maplib engine: the graph as polars columns, SPARQL evaluated as DataFrame joins.

Oxigraph answers a query by index lookups, one per triple pattern and row; on the large contract
queries of a 10,000-article graph (27k rows, seven patterns each) that is over 300 ms. maplib joins
whole columns and answers them 3-5x faster, but it loads a graph about twice as slowly, so it pays
off when a graph is loaded once and queried several times (a notebook, a benchmark), not for a
one-shot `diplograph query`, which keeps Oxigraph as its default. See ``docs/queries.md``.
"""
from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Mapping, Sequence

import pyoxigraph as ox

from .sparql_terms import RDF_LANGSTRING, SPARQL_TOKEN, VARNAME, XSD, EngineError, Result, Row, Term, substitute_params

# --------------------------------------------------------------------------- maplib
# maplib (https://github.com/DataTreehouse/maplib) keeps every predicate as polars columns and
# evaluates SPARQL as DataFrame joins, which is what makes the large contract queries fast. Its
# Python package drags in polars and pyarrow (~0.25 s to import), so it is imported only when the
# engine is asked for, and it is an optional extra (``pip install 'diplograph[maplib]'``).
_MAPLIB_FORMATS: dict[ox.RdfFormat, str] = {
    ox.RdfFormat.TURTLE: "turtle",
    ox.RdfFormat.N_TRIPLES: "ntriples",
    ox.RdfFormat.RDF_XML: "rdf/xml",
}
# Directives of a Turtle file, found at the positions of "prefix"/"base" in the lowered text.
_TTL_PREFIX = re.compile(rb"(?i:prefix)\s+([^\s:<>]*):\s*<([^>\s]*)>")
_TTL_BASE = re.compile(rb"(?i:base)\s*<([^>\s]*)>")
_DIRECTIVE_BEFORE = frozenset(bytes([c]) for c in b"@ \t\r\n.>")
_DIRECTIVE_AFTER = frozenset(bytes([c]) for c in b" \t\r\n:<")
# A COUNT aggregate ``COUNT(…)`` up to its opening parenthesis, and the ``AS ?var`` after the closing one.
_COUNT_OPEN = re.compile(r"(?<![\w:?$])COUNT\s*\(", re.IGNORECASE)
_AS_VAR = re.compile(r"\s*AS\s*[?$](" + VARNAME + ")", re.IGNORECASE)
# The single (non-multi) types maplib reports, from ``repr(RDFType)`` (the class has no accessors).
_MAPLIB_TYPE = re.compile(r'RDFType\.(?:(IRI|BlankNode|None)\(\)|Literal\("([^"]*)"\))\Z')
_MAPLIB_FIELD_IRI, _MAPLIB_FIELD_BNODE, _MAPLIB_FIELD_LANG, _MAPLIB_FIELD_NONE = "I", "B", "l", "N"
_INTEGER_TYPES = frozenset(
    XSD + t for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
                      "nonPositiveInteger", "negativeInteger", "unsignedLong", "unsignedInt", "unsignedShort",
                      "unsignedByte")
)
_MULTI_TAG = 0xE000  # first character of a cell of a multi-typed column: which member type holds it


def _import_maplib():  # -> the maplib module
    try:
        import maplib
    except ImportError as exc:
        raise EngineError("the maplib engine is not installed: pip install 'diplograph[maplib]'") from exc
    return maplib


def _one_line(exc: BaseException) -> str:
    """maplib's messages span several lines (the query is quoted back); keep the telling one."""
    text = str(exc)
    for line in text.splitlines():
        if line.strip().startswith("message:"):
            return line.strip()[len("message:") :].strip()[:300]
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return first[:300] or type(exc).__name__


def turtle_safe_for_parallel_parsing(path: Path) -> bool:
    """Whether maplib may split this Turtle file into chunks parsed in parallel.

    maplib's parallel Turtle reader (oxttl's ``split_slice_for_parallel_parsing``) gives every chunk
    the prefixes declared at the top of the file. A prefix first declared further down makes a
    chunk fail (and :func:`_read_maplib` then parses the file in one piece), but a prefix or base
    declared again with another IRI makes later chunks expand names with the old one — silently
    wrong IRIs (tested). So the parallel reader is used only when no prefix is declared with two
    IRIs and at most one base is declared.

    The scan looks at every "prefix"/"base" (case-insensitive, as SPARQL-style directives are) that
    stands where a directive can start (after ``@``, whitespace, ``.`` or ``>``, before whitespace,
    ``:`` or ``<``); one that does not read as a directive (a comment inside it, or the word in a
    literal) also answers False. Text inside literals can therefore only cost speed, never
    correctness. About 0.15 s on the 38 MB of a 10,000-article graph (reading plus lowering it).
    """
    data = path.read_bytes()
    lowered = data.lower()
    prefixes: dict[bytes, bytes] = {}
    bases: set[bytes] = set()
    for keyword, pattern in ((b"prefix", _TTL_PREFIX), (b"base", _TTL_BASE)):
        pos = lowered.find(keyword)
        while pos != -1:
            end = pos + len(keyword)
            standalone = (pos == 0 or data[pos - 1 : pos] in _DIRECTIVE_BEFORE) and \
                (end == len(data) or data[end : end + 1] in _DIRECTIVE_AFTER)
            if standalone:
                m = pattern.match(data, pos)
                if not m:
                    return False
                if keyword == b"base":
                    bases.add(m.group(1))
                elif prefixes.setdefault(m.group(1), m.group(2)) != m.group(2):
                    return False
            pos = lowered.find(keyword, end)
    return len(bases) <= 1


def _read_maplib(path: Path, fmt: str):  # -> maplib.Model
    """A maplib model holding the triples of ``path`` (``fmt``: a maplib format name).

    Turtle and N-Triples are parsed in parallel when that is safe (about 1.3× faster on two cores);
    if the parallel reader fails the file is parsed again in one piece, so an error message is the
    sequential parser's and a file the chunking misjudged is still read right. ``checked=True``:
    the unchecked mode was not faster and lets broken IRIs through.
    """
    maplib = _import_maplib()
    parallel = fmt == "ntriples" or (fmt == "turtle" and turtle_safe_for_parallel_parsing(path))
    if parallel:
        model = maplib.Model()
        try:
            model.read(str(path), format=fmt, parallel=True, checked=True)
            return model
        except BaseException as exc:  # any parse error, or a Rust panic (not an Exception)
            if not isinstance(exc, Exception) and not _is_panic(exc):
                raise
    model = maplib.Model()
    model.read(str(path), format=fmt, parallel=False, checked=True)
    return model


def _is_panic(exc: BaseException) -> bool:
    """A Rust panic inside maplib reaches Python as ``pyo3_runtime.PanicException``, a BaseException."""
    return type(exc).__name__ == "PanicException"


def load_maplib(path: Path, ox_fmt: ox.RdfFormat) -> "MaplibGraph":
    """Parse ``path`` into a :class:`MaplibGraph`; quad formats are merged into the default graph.

    maplib reads Turtle, N-Triples and RDF/XML but no quad format (and reads JSON-LD named graphs
    into named graphs, which canned queries would not see), so TriG, N-Quads and JSON-LD are parsed
    by pyoxigraph and handed over as one N-Triples file without the graph names — the same merge
    the other engines do.
    """
    try:
        if ox_fmt in _MAPLIB_FORMATS:
            return MaplibGraph(_read_maplib(path, _MAPLIB_FORMATS[ox_fmt]))
        with tempfile.TemporaryDirectory(prefix="diplograph-maplib-") as tmp:
            merged = Path(tmp) / "merged.nt"
            triples = (ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(path=str(path), format=ox_fmt))
            ox.serialize(triples, output=str(merged), format=ox.RdfFormat.N_TRIPLES)
            return MaplibGraph(_read_maplib(merged, "ntriples"))
    except BaseException as exc:
        if not _is_panic(exc):
            raise  # parse errors are Exceptions: load_graph words them
        raise EngineError(f"cannot parse {path}: maplib failed (internal error: {_one_line(exc)})") from exc


def count_variables(query: str) -> set[str]:
    """Names of the variables a ``COUNT(…) AS ?v`` binds anywhere in ``query`` (sub-queries too).

    Strings, IRIs and comments are blanked first (with :data:`SPARQL_TOKEN`), so ``"COUNT("`` in a
    literal is not an aggregate, and the parentheses are matched so ``COUNT(DISTINCT STR(?x))``
    finds its ``AS``.
    """
    code = SPARQL_TOKEN.sub(lambda m: m.group() if m.lastgroup == "var" else " " * len(m.group()), query)
    names: set[str] = set()
    for m in _COUNT_OPEN.finditer(code):
        depth, pos = 1, m.end()
        while depth and pos < len(code):
            depth += {"(": 1, ")": -1}.get(code[pos], 0)
            pos += 1
        alias = _AS_VAR.match(code, pos)
        if alias:
            names.add(alias.group(1))
    return names


def _decimal_text(text: str) -> str:
    """Oxigraph's form of an ``xsd:decimal``: no exponent, no trailing zeros, no bare point.

    maplib holds decimals as polars ``Decimal(38, 12)`` and prints all twelve places
    (``1.500000000000``); Oxigraph canonicalises decimals it parses and computes (``1.5``, ``3``).
    """
    out = _plain_digits(text)
    if out is None:
        return text
    return "0" if out in ("-0", "") else out


def _float_text(text: str) -> str:
    """Oxigraph's form of an ``xsd:double``/``xsd:float`` (Rust's ``Display``): shortest digits
    that read back to the same value, never an exponent, no ``.0`` on whole numbers, ``INF``/``NaN``.

    polars prints the same shortest digits but Python-style (``1e+20``, ``1000.0``, ``inf``).
    """
    low = text.lower()
    if low in ("nan", "+nan", "-nan"):
        return "NaN"
    if low in ("inf", "+inf", "infinity"):
        return "INF"
    if low in ("-inf", "-infinity"):
        return "-INF"
    out = _plain_digits(text)
    return text if out is None else out


def _plain_digits(text: str) -> str | None:
    """A number written without exponent and without trailing fractional zeros; None if no number."""
    from decimal import Decimal, InvalidOperation

    try:
        out = format(Decimal(text), "f")
    except InvalidOperation:
        return None
    if "." in out:
        out = out.rstrip("0").rstrip(".")
    return out


_FRACTION_ZEROS = re.compile(r"(\.[0-9]*?)0+(?=Z?$)")


def _datetime_text(text: str) -> str:
    """An ``xsd:dateTime`` as Oxigraph writes it: fractional seconds without trailing zeros
    (polars prints them in groups of three: ``10:00:00.250``)."""
    return _FRACTION_ZEROS.sub(lambda m: m.group(1) if len(m.group(1)) > 1 else "", text)


class _Member:
    """One RDF type a result column can hold, and how its cells become :class:`Term` objects."""

    __slots__ = ("kind", "datatype", "fix")

    def __init__(self, kind: str, datatype: str | None = None, fix=None) -> None:
        self.kind = kind  # uri, bnode, lang or literal
        self.datatype = datatype
        self.fix = fix  # lexical-form normaliser for numbers, or None

    def term(self, body: str) -> Term:
        if self.kind == "uri":
            return Term("uri", body)
        if self.kind == "bnode":
            return Term("bnode", body)
        if self.kind == "lang":
            lang, _, value = body.partition("@")  # a language tag never contains "@"
            return Term.literal(value, lang)
        return Term.literal(self.fix(body) if self.fix else body, None, self.datatype)


class _CellCache(dict):
    """Cell text -> Term for one column, converting each distinct cell once (None stays None)."""

    def __init__(self, decode) -> None:
        super().__init__({None: None})
        self.decode = decode

    def __missing__(self, cell: str) -> Term:
        term = self[cell] = self.decode(cell)
        return term


class MaplibGraph:
    """A ``maplib.Model``: the graph as polars columns, queried with hash joins.

    Results are read from ``query(…, solution_mappings=True)``: a DataFrame whose cells are the
    *values* (IRI text, blank node label, literal as a native polars value, language strings as a
    struct of value and tag) plus the RDF type of every variable. That is unambiguous; the plain
    ``query()`` DataFrame is not (a column that holds only ``xsd:gYearMonth`` literals comes back
    as bare ``2021-01`` text, indistinguishable from a plain string, and quotes inside literals are
    not escaped). Each column is turned into one string per cell by polars (a type tag, the value
    as text), and each distinct string becomes a :class:`Term` once, like :func:`rows_from_tsv`.
    Columns follow the projection as Oxigraph's parser reads it (maplib's DataFrame can order them
    differently), which also gives ``SELECT *`` Oxigraph's column order.

    Differences from Oxigraph, and what the adapter does about each:

    * ``COUNT`` is typed ``xsd:unsignedInt`` by maplib, ``xsd:integer`` by SPARQL 1.1 and Oxigraph:
      normalised to ``xsd:integer`` for the variables a ``COUNT(…) AS ?v`` binds (found with the
      SPARQL lexer). Only those: maplib gives data literals typed ``xsd:unsignedInt`` the same
      polars type, so a blanket rule would retype data.
    * ``AVG`` of integers is typed ``xsd:integer`` but holds a float (``1.5``): reported as
      ``xsd:decimal``, the type SPARQL and Oxigraph give it (maplib computes it as a double, so its
      digits can differ from Oxigraph's 18-place decimal, e.g. ``1.6666666666666667``).
    * Decimals, doubles and floats are printed the way Oxigraph prints them (``1.5`` not
      ``1.500000000000``, ``1000`` not ``1000.0``), so values computed by a query compare equal.
    * ``xsd:dateTime`` is written with fractional seconds trimmed and ``Z`` for UTC, as Oxigraph does.
    * Not fixable here, because maplib keeps values, not lexical forms, from the moment it reads the
      file: ``"007"^^xsd:integer`` comes back as ``7`` (Oxigraph also canonicalises numbers), decimals
      have at most 12 places, ``xsd:dateTime`` is converted to UTC (``…T10:00:00+07:00`` →
      ``…T03:00:00Z``, and one without a timezone gains ``Z``), and literals that do not fit maplib's
      native type are **dropped while reading, silently** — ``"2017-03-05Z"^^xsd:date``,
      ``"1"^^xsd:boolean``, ``"2021-02-30"^^xsd:date``, an ``xsd:integer`` beyond 64 bits. Graphs
      written by ``diplograph build`` hold none of these (dates are plain ``YYYY-MM-DD``,
      ``xsd:gYear``/``gYearMonth`` are kept as text), and every canned query gives Oxigraph's rows.
    * Left as maplib gives them: derived datatypes keep their name (``"5"^^xsd:int``,
      ``xsd:dateTimeStamp``), where Oxigraph's store reports ``xsd:integer``/``xsd:dateTime``: maplib's
      answer is the term in the file. ``STR()`` of a decimal, double or dateTime is maplib's text
      (``"1.500000000000"``, ``"1000.0"``, ``"2017-03-05 03:00:00.000000+00:00"``): by then it is a
      plain string, and rewriting strings would corrupt real text. ``MIN``/``MAX`` over a variable
      holding several datatypes are unbound, and ``ORDER BY`` on such a variable groups types in
      another order than Oxigraph (SPARQL leaves most of that order undefined); canned queries
      aggregate and sort ``STR(…)`` or single-typed values only.
    * Blank node labels differ (``_:b1`` is read as ``b1_0``); labels are scoped to one result anyway.
    * Some SPARQL is not implemented by maplib (``BNODE()``, ``isNumeric``, ``ASK``/``DESCRIBE``,
      a ``SELECT`` without variables): an :class:`EngineError` names it. RDF 1.2 directional
      language strings (``"…"@ar--rtl``) cannot be read.
    """

    engine = "maplib"

    def __init__(self, model) -> None:  # model: maplib.Model
        self.model = model

    def select(self, query: str, bindings: Mapping[str, Term] | None = None) -> Result:
        if bindings:
            query = substitute_params(query, bindings)
        names = _projection(query)
        if not names:
            # maplib panics on a result without columns (tested with 0.20.26); say so instead.
            raise EngineError("the maplib engine cannot run a SELECT that projects no variable")
        try:
            solutions = self.model.query(query, solution_mappings=True)
        except Exception as exc:  # maplib.MaplibException: unsupported function, parse error …
            raise EngineError(f"maplib cannot run this query: {_one_line(exc)}") from exc
        except BaseException as exc:  # a Rust panic is a pyo3 PanicException, not an Exception
            if not _is_panic(exc):
                raise
            raise EngineError(f"maplib failed on this query (internal error: {_one_line(exc)})") from exc
        return Result(names, _maplib_rows(solutions, names, count_variables(query)))

    def __len__(self) -> int:
        return self.model.size()


_EMPTY_STORE: ox.Store | None = None


def _projection(query: str) -> list[str]:
    """The variables ``query`` projects, in order, as Oxigraph parses it (also for ``SELECT *``).

    The query is parsed by pyoxigraph against an empty store; the solutions are never iterated, so
    nothing is evaluated. This also gives maplib queries Oxigraph's syntax error messages and the
    same "only SELECT" rule as the other engines.
    """
    global _EMPTY_STORE
    if _EMPTY_STORE is None:
        _EMPTY_STORE = ox.Store()
    try:
        solutions = _EMPTY_STORE.query(query)
    except SyntaxError as exc:
        raise EngineError(f"SPARQL syntax error: {exc}") from exc
    if not isinstance(solutions, ox.QuerySolutions):
        raise EngineError("only SELECT queries are supported")
    return [v.value for v in solutions.variables]


def _maplib_rows(solutions, names: Sequence[str], counts: set[str]) -> list[Row]:
    """Rows of :class:`Term` from maplib ``SolutionMappings``, columns in the order of ``names``."""
    import polars as pl

    df = solutions.mappings
    types = solutions.rdf_types
    exprs: list = []
    decoders: list = []
    for name in names:
        if name not in df.columns:  # never bound: every cell unbound
            exprs.append(pl.lit(None, dtype=pl.String).alias(name))
            decoders.append(None)
            continue
        expr, decode = _maplib_column(pl, name, df.schema[name], repr(types.get(name)), name in counts)
        exprs.append(expr.alias(name))
        decoders.append(decode)
    if not len(df):
        return []
    cells = df.select(exprs)
    columns = []
    for series, decode in zip(cells.get_columns(), decoders, strict=False):
        if decode is None:
            columns.append([None] * len(df))
        else:
            columns.append(list(map(_CellCache(decode).__getitem__, series.to_list())))
    return list(zip(*columns, strict=False))


def _maplib_column(pl, name: str, dtype, rdf_type: str, counted: bool):  # -> (polars Expr, decode)
    """A polars expression giving each cell of column ``name`` as text, and the function that turns
    that text into a :class:`Term`.

    A single-typed column is its value as text. A multi-typed column is a struct with one field per
    type (``I`` IRIs, ``B`` blank nodes, ``<datatype>`` literals, the language-string value plus
    ``l`` its tag); its text is one private-use character naming the field, then the value.
    """
    col = pl.col(name)
    if isinstance(dtype, pl.Struct) and not rdf_type.startswith("RDFType.Literal("):
        fields = {f.name: f.dtype for f in dtype.fields}
        members: list[_Member] = []
        parts = []
        for field, fdtype in fields.items():
            if field in (_MAPLIB_FIELD_LANG, _MAPLIB_FIELD_NONE):
                continue  # the tag goes with the language-string value; N is an always-null placeholder
            if field == _MAPLIB_FIELD_IRI:
                member, text = _Member("uri"), col.struct.field(field)
            elif field == _MAPLIB_FIELD_BNODE:
                member, text = _Member("bnode"), col.struct.field(field)
            elif field == f"<{RDF_LANGSTRING}>":
                member = _Member("lang")
                text = col.struct.field(_MAPLIB_FIELD_LANG) + pl.lit("@") + col.struct.field(field)
            elif field.startswith("<") and field.endswith(">"):
                member, text = _literal_member(pl, col.struct.field(field), fdtype, field[1:-1], counted, name)
            else:
                raise EngineError(f"unexpected maplib result column ?{name}: field {field!r}")
            parts.append(pl.lit(chr(_MULTI_TAG + len(members))) + text)
            members.append(member)
        if not members:
            return pl.lit(None, dtype=pl.String), None

        def decode(cell: str) -> Term:
            return members[ord(cell[0]) - _MULTI_TAG].term(cell[1:])

        return pl.coalesce(parts), decode
    m = _MAPLIB_TYPE.match(rdf_type)
    if not m:
        raise EngineError(f"unsupported maplib result type for ?{name}: {rdf_type}")
    kind, datatype = m.groups()
    if kind == "None":
        return pl.lit(None, dtype=pl.String), None
    if kind == "IRI":
        return col, _Member("uri").term
    if kind == "BlankNode":
        return col, _Member("bnode").term
    if datatype == RDF_LANGSTRING:
        return col.struct.field(_MAPLIB_FIELD_LANG) + pl.lit("@") + col.struct.field(f"<{RDF_LANGSTRING}>"), \
            _Member("lang").term
    member, text = _literal_member(pl, col, dtype, datatype, counted, name)
    return text, member.term


def _literal_member(pl, expr, dtype, datatype: str, counted: bool, name: str):  # -> (_Member, Expr)
    """How literals of ``datatype`` held as polars ``dtype`` become lexical forms (see MaplibGraph)."""
    if dtype == pl.String:
        return _Member("literal", datatype), expr
    if dtype == pl.Boolean or dtype == pl.Date or dtype.is_integer():
        if counted and datatype == XSD + "unsignedInt":
            datatype = XSD + "integer"  # COUNT: SPARQL's type, not maplib's
        return _Member("literal", datatype), expr.cast(pl.String)
    if dtype.is_float():
        if datatype in _INTEGER_TYPES:  # AVG of integers: maplib's type says integer, the value is a float
            return _Member("literal", XSD + "decimal", _decimal_text), expr.cast(pl.String)
        return _Member("literal", datatype, _float_text), expr.cast(pl.String)
    if isinstance(dtype, pl.Decimal):
        return _Member("literal", datatype, _decimal_text), expr.cast(pl.String)
    if isinstance(dtype, pl.Datetime):
        if dtype.time_zone is None:
            return _Member("literal", datatype, _datetime_text), expr.dt.to_string("%Y-%m-%dT%H:%M:%S%.f")
        utc = expr.dt.convert_time_zone("UTC").dt.to_string("%Y-%m-%dT%H:%M:%S%.f")
        return _Member("literal", datatype, _datetime_text), utc + pl.lit("Z")
    if dtype == pl.Null:
        return _Member("literal", datatype), expr.cast(pl.String)
    raise EngineError(f"unsupported maplib value type for ?{name}: {dtype} ({datatype})")
