"""Turtle from N-Triples terms, one subject block at a time: the bytes pyoxigraph's serializer writes.

The build used to write Turtle by sorting N-Triples lines, having pyoxigraph parse them and serialize
them again (2.5 s for 690,000 triples, more than the graph took to make). pyoxigraph's Turtle writer
(oxttl's `LowLevelTriGSerializer`) is a streaming writer over the triples in the order given: one
`@prefix` line per prefix (longest namespace first), then for each run of triples with the same
subject one block, `S P O` with ` , O` for another object of the same predicate and ` ;\\n\\tP O` for
another predicate, closed by ` .\\n`. Its terms are the N-Triples terms with three changes: `a` for
rdf:type, a prefixed name for an IRI that starts with a prefix's namespace when the rest is a valid
local name (with `\\`-escapes for `/`, `#`, `~` …), and a datatype written as a prefixed name (numbers
and booleans bare). Literal text keeps the N-Triples escaping pyoxigraph made when the term was
created, so article text is never escaped here.

Writing blocks separately lets an incremental build rewrite only the subjects that changed
(`graphstate`). `tests/test_ttl.py` compares this writer with pyoxigraph's on every kind of term.
"""
from __future__ import annotations

import re
from functools import lru_cache

RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_BARE = {
    _XSD + "boolean": re.compile(r"(?:true|false)\Z"),
    _XSD + "integer": re.compile(r"[+-]?[0-9]+\Z"),
    _XSD + "decimal": re.compile(r"[+-]?[0-9]*\.[0-9]+\Z"),
    _XSD + "double": re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)[eE][+-]?[0-9]+\Z"),
}

# PN_CHARS_BASE, PN_CHARS_U and PN_CHARS of the Turtle grammar (as oxttl's lexer tests them)
_BASE = ("A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D"
         "\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\U00010000-\U000EFFFF")
_FIRST = re.compile(f"[{_BASE}_:0-9]")
_PLAIN_LOCAL = re.compile(f"[{_BASE}_:0-9][{_BASE}_:0-9\\-\u00B7\u0300-\u036F\u203F-\u2040]*\\Z")
# a local name made only of name characters and characters that may be escaped with a backslash
_LOCAL = re.compile(f"[{_BASE}_:0-9\\-\u00B7\u0300-\u036F\u203F-\u2040.~!$&'()*+,;=/?#@%]+\\Z")
_ESCAPE_AFTER_FIRST = re.compile(r"[~!$&'()*+,;=/?#@%]")  # escapable characters that are not name characters
_ESCAPABLE = frozenset("_~.-!$&'()*+,;=/?#@%")
_NEXT_PREDICATE = " ;\n\t"


_MINTED = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_/-]*\Z")  # the ids diplograph mints: kind/slug-or-hash


def escape_local_name(local: str) -> str | None:
    """The local name as oxttl writes it (`\\`-escapes), or None when it cannot be one (then the IRI
    is written whole): the first character a name start or escaped, the others name characters or
    escaped, a dot kept except at the end."""
    if _MINTED.match(local):
        return local.replace("/", "\\/")
    if _PLAIN_LOCAL.match(local):
        return local
    if not local or not _LOCAL.match(local):
        return None
    first, rest = local[0], local[1:]
    if not _FIRST.match(first):
        if first not in _ESCAPABLE:
            return None
        first = "\\" + first
    rest = _ESCAPE_AFTER_FIRST.sub(r"\\\g<0>", rest)
    if rest.endswith("."):
        rest = rest[:-1] + "\\."
    return first + rest


class _Terms(dict):
    """N-Triples term -> Turtle term, computed on first use."""

    def __init__(self, writer: "TurtleWriter", predicates: bool = False):
        super().__init__()
        self._writer = writer
        if predicates:
            self[RDF_TYPE] = "a"

    def __missing__(self, t: str) -> str:
        if len(self) > 2_000_000:  # a long-lived process building many graphs: bounded memory
            self.clear()
        if t[0] == '"' and t[-1] != ">":  # plain or language-tagged literal: written as it is
            self[t] = t
            return t
        v = self[t] = self._writer.term(t)
        return v


class TurtleWriter:
    """Turtle terms and subject blocks for one set of prefixes."""

    def __init__(self, prefixes: dict[str, str]):
        self.prefixes = _prefix_order(tuple(sorted(prefixes.items())))
        self.header = "".join(f"@prefix {name}: <{ns}> .\n" for name, ns in self.prefixes)
        self._terms = _Terms(self)
        self._predicates = _Terms(self, predicates=True)

    def iri(self, value: str) -> str:
        """An IRI (without angle brackets) as a prefixed name when one fits, else `<iri>`."""
        for name, ns in self.prefixes:
            if value.startswith(ns):
                local = value[len(ns):]
                if not local:
                    return name + ":"
                esc = escape_local_name(local)
                if esc is not None:
                    return f"{name}:{esc}"
        return f"<{value}>"

    def term(self, t: str) -> str:
        """The Turtle form of an N-Triples term made by pyoxigraph (IRI, literal or blank node)."""
        c = t[0]
        if c == "<":
            return self.iri(t[1:-1])
        if c == '"' and t[-1] == ">":  # typed literal: "value"^^<datatype>
            i = t.rfind('"^^<')
            dt = t[i + 4:-1]
            bare = _BARE.get(dt)
            if bare is not None and bare.match(t[1:i]):
                return t[1:i]
            return f"{t[:i + 1]}^^{self.iri(dt)}"
        return t  # plain or language-tagged literal, blank node: as in N-Triples

    def block(self, s: str, po: dict) -> str:
        """The block of subject `s` (predicate -> objects, any order) in canonical (sorted) order."""
        terms, preds = self._terms, self._predicates
        parts = []
        for p in (sorted(po) if len(po) > 1 else po):
            objs = po[p]
            if len(objs) == 1:
                (o,) = objs
                # plain and language-tagged literals are written as they are (not kept in `terms`)
                parts.append(preds[p] + " " + (o if o[0] == '"' and o[-1] != ">" else terms[o]))
            else:
                parts.append(preds[p] + " " + " , ".join([o if o[0] == '"' and o[-1] != ">" else terms[o]
                                                          for o in sorted(objs)]))
        return f"{terms[s]} {_NEXT_PREDICATE.join(parts)} .\n"


@lru_cache(maxsize=8)
def _prefix_order(items: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    """Prefixes in the order pyoxigraph writes (and tries) them: longest namespace first, ties as
    its unstable sort leaves them, so asked of pyoxigraph itself once."""
    import pyoxigraph as ox

    if not items:
        return ()
    node = ox.NamedNode("http://example.org/x")
    data = ox.serialize([ox.Triple(node, node, node)], format=ox.RdfFormat.TURTLE, prefixes=dict(items))
    assert data is not None  # serialized to bytes (no output given)
    order = re.findall(r"^@prefix ([^:]*): <", data.decode("utf-8"), flags=re.M)
    ns = dict(items)
    return tuple((name, ns[name]) for name in order)


_WRITERS: dict[tuple, TurtleWriter] = {}


def writer(prefixes: dict[str, str]) -> TurtleWriter:
    key = tuple(sorted(prefixes.items()))
    w = _WRITERS.get(key)
    if w is None:
        w = _WRITERS[key] = TurtleWriter(prefixes)
    return w
