"""The Turtle writer (`diplograph.ttl`) writes the very bytes pyoxigraph's serializer writes.

The build writes Turtle one subject block at a time (so an incremental build can rewrite only the
blocks that changed) instead of having pyoxigraph parse and serialize the whole graph; these tests
compare the two on every kind of term: IRIs that fit a prefix and those that do not (every character
class of a local name, at the start, in the middle and at the end), hostile literal text, typed
literals (dates, numbers and booleans written bare), blank nodes, several objects and predicates.
"""
from __future__ import annotations

import random

import pytest

from diplograph.mapper import PREFIXES, Literal, Triples, iri
from diplograph.ttl import escape_local_name, writer

ID = PREFIXES["id"]
DG = PREFIXES["dg"]
XSD = PREFIXES["xsd"]


def _ox_turtle(triples: Triples) -> bytes:
    return triples.turtle_by_pyoxigraph()


def _one(local: str) -> tuple[bytes, bytes]:
    t = Triples()
    t.add((iri(ID + "s"), iri(DG + "p"), iri(ID + local)))
    t.add((iri(ID + local), iri(DG + "p"), Literal("x")))
    return t.turtle(), _ox_turtle(t)


# every BMP character that may appear in an IRI, plus some astral ones
_CHARS = [chr(c) for c in range(0x21, 0x3000) if chr(c) not in '<>"{}|^`\\' and not 0x7F <= c <= 0x9F] + \
         [chr(c) for c in (0x3001, 0xD7FF, 0xF900, 0xFDCF, 0xFDD0, 0xFDF0, 0xFFFD, 0x10000, 0x1F600, 0xEFFFF, 0xF0000)]


@pytest.mark.parametrize("where", ["start", "middle", "end", "alone"])
def test_local_names_are_written_as_pyoxigraph_writes_them(where: str) -> None:
    # one graph per position, every character in it, so pyoxigraph serializes once
    t = Triples()
    n = 0
    for c in _CHARS:
        local = {"start": c + "ab", "middle": "a" + c + "b", "end": "ab" + c, "alone": c}[where]
        try:
            node = iri(ID + local)
        except ValueError:  # not a valid IRI at all
            continue
        t.add((iri(ID + "s"), iri(DG + "p"), node))
        n += 1
    assert n > 10_000
    assert t.turtle() == _ox_turtle(t)


def test_dots_and_escapes_in_local_names() -> None:
    for local in [".", "..", "a.", "a..b", ".a", "-a", "_a", "a-", "a_", "person/x", "a/b/c.", "~x", "x%20y",
                  "a:b", ":", "1", "1.5", "·", "a·", "\u0300", "a\u0300", "x?y=z&w#f", "(a)", "a,b;c", "'q'"]:
        got, want = _one(local)
        assert got == want, local
    assert escape_local_name("article/0abc") == "article\\/0abc"
    assert escape_local_name("a b") is None


def test_prefix_itself_and_other_namespaces() -> None:
    t = Triples()
    for value in [ID, DG, "https://example.org/x", "http://www.w3.org/2001/XMLSchema#date", "urn:x:y",
                  "https://w3id.org/diplograph/id", "https://schema.org/name", "http://www.w3.org/ns/prov#"]:
        t.add((iri(ID + "s"), iri(DG + "p"), iri(value)))
        t.add((iri(value), iri(DG + "p"), Literal("v")))
    t.add((iri(ID + "s"), iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")))
    assert t.turtle() == _ox_turtle(t)


def test_literals_of_every_kind() -> None:
    rng = random.Random(3)
    hostile = ['"""', "'''", "\\", "\\u0022", "a\nb", "\r\t\x08\x0c", "\x00\x01\x1f\x7f", "\ufffe\uffff", "<script>",
               "@prefix x: <y> .", "^^", "}", "#", " .", "Đ\u0301", "\U0001F600", "'", '"', "a\\\"b", ""]
    t = Triples()
    s = iri(ID + "s")
    for i, text in enumerate(hostile):
        t.add((s, iri(DG + f"p{i % 3}"), Literal(text)))
        t.add((s, iri(DG + f"p{i % 3}"), Literal(text, lang="vi")))
        t.add((s, iri(DG + "en"), Literal(text, lang="en-GB")))
    for dt, values in {"integer": ["1", "-2", "+3", "01", "1.0", "x", ""], "decimal": ["1.5", ".5", "-.5", "1.", "1", "+0.0"],
                       "double": ["1e5", "1.5E-3", ".5e1", "1.e2", "e5", "1.5", "-1E+2", "."], "boolean": ["true", "false", "1", "True"],
                       "date": ["2017-01-02"], "gYear": ["2017"], "gYearMonth": ["2017-05"], "anyURI": ["https://x/?a=\"b\""],
                       "string": ["plain"]}.items():
        for v in values:
            t.add((s, iri(DG + "typed"), Literal(v, datatype=iri(XSD + dt))))
    t.add((s, iri(DG + "other"), Literal("v", datatype=iri("https://example.org/dt#x"))))
    for _ in range(200):
        text = "".join(chr(rng.choice([rng.randrange(0x20, 0x7F), rng.randrange(0xA0, 0x3000), rng.randrange(0, 0x20)]))
                       for _ in range(rng.randrange(0, 12)))
        t.add((iri(ID + f"r{rng.randrange(20)}"), iri(DG + f"q{rng.randrange(4)}"), Literal(text, lang="vi")))
    assert t.turtle() == _ox_turtle(t)


def test_blank_nodes_and_many_objects() -> None:
    t = Triples()
    for i in range(30):
        t.add((f"_:b{i % 7}", iri(DG + f"p{i % 4}"), f"_:c{i}"))
        t.add((f"_:b{i % 7}", iri(DG + f"p{i % 4}"), Literal(str(i))))
    assert t.turtle() == _ox_turtle(t)


def test_empty_graph() -> None:
    assert Triples().turtle() == _ox_turtle(Triples()) == b""


def test_header_lists_prefixes_as_pyoxigraph_does() -> None:
    w = writer(PREFIXES)
    t = Triples()
    t.add((iri(ID + "s"), iri(DG + "p"), Literal("x")))
    assert t.turtle().startswith(w.header.encode())
    assert len(w.header.splitlines()) == len(PREFIXES)
