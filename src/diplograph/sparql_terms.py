"""Engine-neutral SPARQL values: terms, rows and results, the lexer that binds parameters as data.

Shared by the embedded engines (`engine`, `engine_maplib`) and the remote endpoints (`push`), so that
rows from any of them compare and print alike. Kept apart from `engine` so the optional maplib engine
can use them while `engine` loads it on demand (no import cycle).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Mapping

XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_STRING = XSD + "string"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
RDF_DIRLANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#dirLangString"


class EngineError(Exception):
    """A graph that cannot be read or a query that cannot run; the CLI prints it as one line."""




_ECHAR = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def check_graph_file(path: Path) -> None:
    """EngineError unless ``path`` is a regular file: a named pipe would block the parse for ever and a
    device such as /dev/zero fill the memory (`inputs.check_input_file`; any size, a store holds graphs
    larger than rdflib can)."""
    from .inputs import InputError, check_input_file

    try:
        check_input_file(path, max_bytes=None)
    except InputError as exc:
        raise EngineError(str(exc)) from None


def escape_string(text: str) -> str:
    """Escape ``text`` for a double-quoted N-Triples / Turtle / SPARQL string.

    Backslash, quote and every control character are escaped, so the result is one line and can
    never close the string early (used by the TSV writer; the push path uses pyoxigraph's own
    serializer).
    """
    out: list[str] = []
    for ch in text:
        if ch in _ECHAR:
            out.append(_ECHAR[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return "".join(out)


@dataclass(frozen=True)
class Term:
    """One RDF term in a result row, engine-neutral.

    ``kind`` is ``uri``, ``literal`` or ``bnode`` as in SPARQL JSON results. Simple literals and
    ``xsd:string`` literals are the same thing in RDF 1.1, so ``datatype`` is ``None`` for both (and
    for language-tagged strings): engines disagree on which form they report.
    """

    kind: str
    value: str
    lang: str | None = None
    datatype: str | None = None

    def key(self) -> tuple[str, str, str, str]:
        """A sort key giving a total, deterministic order on terms."""
        return (self.kind, self.value, self.lang or "", self.datatype or "")

    def to_json(self) -> dict[str, str]:
        """The binding object of the SPARQL 1.1 Query Results JSON format."""
        obj = {"type": self.kind, "value": self.value}
        if self.lang:
            obj["xml:lang"] = self.lang
        elif self.datatype:
            obj["datatype"] = self.datatype
        return obj

    def n3(self) -> str:
        """N-Triples form (used by the TSV results format and by remote parameter binding)."""
        if self.kind == "uri":
            return f"<{self.value}>"
        if self.kind == "bnode":
            return f"_:{self.value}"
        text = f'"{escape_string(self.value)}"'
        if self.lang:
            return f"{text}@{self.lang}"
        if self.datatype:
            return f"{text}^^<{self.datatype}>"
        return text

    @staticmethod
    def literal(value: str, lang: str | None = None, datatype: str | None = None) -> "Term":
        if datatype in (XSD_STRING, RDF_LANGSTRING):
            datatype = None
        return Term("literal", value, lang.lower() if lang else None, datatype)

    @staticmethod
    def from_json(obj: Mapping[str, str]) -> "Term":
        """Read a binding of a SPARQL JSON result (also the legacy ``typed-literal`` type)."""
        kind = obj["type"]
        if kind in ("literal", "typed-literal"):
            return Term.literal(obj["value"], obj.get("xml:lang"), obj.get("datatype"))
        return Term(kind, obj["value"])


# --------------------------------------------------------------------------- binding by substitution
# SPARQL tokens that may contain '?', '$', '#' or braces without being syntax: strings, IRIs, comments.
VARNAME = (r"[A-Za-z0-9_\u00B7\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u037D\u037F-\u1FFF\u200C-\u200D\u203F-\u2040"
            r"\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD]+")
SPARQL_TOKEN = re.compile(
    r'''(?P<long1>'\'\'(?:[^'\\]|\\.|'(?!''))*'\'\')'''
    r'''|(?P<long2>"""(?:[^"\\]|\\.|"(?!""))*""")'''
    r"""|(?P<str1>'(?:[^'\\\n\r]|\\.)*')"""
    r'''|(?P<str2>"(?:[^"\\\n\r]|\\.)*")'''
    r"""|(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)"""
    r"""|(?P<comment>\#[^\n\r]*)"""
    r"""|(?P<var>[?$]""" + VARNAME + ")",
    re.DOTALL,
)


def substitute_params(text: str, bindings: Mapping[str, Term]) -> str:
    """Replace each parameter variable token by its value as an escaped N-Triples term.

    This is SEP-0007 substitution done on tokens — used for Oxigraph (whose native substitution
    only accepts projected variables) and for remote endpoints, which cannot take bindings. The
    lexer skips strings, IRIs and comments, so only real ``?name`` tokens are replaced, and the
    value is a single string token (quotes, backslashes and control characters escaped) that
    cannot end the string, open a block or start a comment.
    """
    out: list[str] = []
    pos = 0
    used: set[str] = set()
    for m in SPARQL_TOKEN.finditer(text):
        if m.lastgroup == "var" and m.group()[1:] in bindings:
            out.append(text[pos : m.start()])
            out.append(bindings[m.group()[1:]].n3())
            used.add(m.group()[1:])
            pos = m.end()
    out.append(text[pos:])
    unused = sorted(set(bindings) - used)
    if unused:
        # A declared parameter that the lexer cannot find would silently not filter anything.
        raise EngineError(f"parameter variable not found in the query: {', '.join('?' + u for u in unused)}")
    return "".join(out)



Row = tuple["Term | None", ...]


@dataclass
class Result:
    """A SELECT result: projected variable names and one tuple per solution (``None`` = unbound)."""

    vars: list[str]
    rows: list[Row] = field(default_factory=list)

    def dicts(self) -> list[dict[str, str]]:
        """Rows as ``{var: value}`` with plain string values — handy in a notebook."""
        return [{v: t.value for v, t in zip(self.vars, row, strict=False) if t is not None} for row in self]

    def __iter__(self) -> Iterator[Row]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)
