"""Write the graph in the serializations triple stores load: Turtle, N-Triples, N-Quads, TriG, JSON-LD.

Serialization goes through pyoxigraph (fast, and its Turtle is checked by an independent parser —
rdflib — in the tests). Triples are sorted before writing so the same graph always gives the same
bytes, which keeps diffs of exported graphs meaningful. Files are written to a temporary file in
the target folder and renamed, so a reader never sees half a graph and a failed export leaves the
previous file in place.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import BinaryIO, Iterable

import pyoxigraph as ox

from .atomic import write_atomic
from .engine import EngineError, check_graph_file, rdf_format

EXPORT_FORMATS: dict[str, ox.RdfFormat] = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
}

PREFIXES: dict[str, str] = {
    "dg": "https://w3id.org/diplograph/ontology#",
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def read_triples(path: str | Path, fmt: str | None = None) -> list[ox.Triple]:
    """All distinct triples of an RDF file (quads of every graph merged), sorted deterministically."""
    path = Path(path)
    if not path.exists():
        raise EngineError(f"graph file not found: {path}")
    check_graph_file(path)
    ox_fmt, _ = rdf_format(path, fmt)
    try:
        seen = {ox.Triple(q.subject, q.predicate, q.object) if isinstance(q, ox.Quad) else q
                for q in ox.parse(path=str(path), format=ox_fmt)}
    except (SyntaxError, ValueError, OSError) as exc:
        raise EngineError(f"cannot parse {path}: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from exc
    return sorted(seen, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


def serialize_triples(triples: Iterable[ox.Triple], fmt: str, named_graph: str | None = None) -> bytes:
    """Serialize ``triples`` as ``fmt``; for ``nq``/``trig`` they go to ``named_graph`` if given."""
    if fmt not in EXPORT_FORMATS:
        raise EngineError(f"unknown export format {fmt!r} (choose from {', '.join(EXPORT_FORMATS)})")
    ox_fmt = EXPORT_FORMATS[fmt]
    items: list = list(triples)
    if ox_fmt.supports_datasets:
        try:
            graph = ox.NamedNode(named_graph) if named_graph else ox.DefaultGraph()
        except ValueError as exc:
            raise EngineError(f"invalid named graph IRI: {exc}") from exc
        items = [ox.Quad(t.subject, t.predicate, t.object, graph) for t in items]
    elif named_graph:
        raise EngineError(f"--named-graph needs a quad format (nq or trig), not {fmt}")
    prefixes = PREFIXES if fmt in ("ttl", "trig", "jsonld") else None
    data = ox.serialize(items, format=ox_fmt, prefixes=prefixes)
    assert data is not None  # serialized to bytes (no output given)
    return data


def export_graph(
    source: str | Path,
    out: str | Path | None,
    fmt: str = "ttl",
    named_graph: str | None = None,
    stream: BinaryIO | None = None,
) -> int:
    """Export ``source`` as ``fmt`` to ``out`` (or ``stream``/stdout when ``out`` is None); returns the triple count."""
    triples = read_triples(source)
    data = serialize_triples(triples, fmt, named_graph)
    if out is None:
        target = stream or sys.stdout.buffer
        target.write(data)
        target.flush()
    else:
        write_atomic(out, data)
    return len(triples)
