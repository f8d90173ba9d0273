"""Checking a graph: it parses in two independent parsers and conforms to the SHACL shapes."""
from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from .paths import ontology_dir


def shacl_violations(graph: Graph, shapes: Path | None = None) -> list[str]:
    """Readable lines, one per SHACL violation (empty when the graph conforms)."""
    from pyshacl import validate
    from rdflib.namespace import RDF, SH

    shapes_graph = Graph().parse(shapes or ontology_dir() / "shapes.ttl", format="turtle")
    conforms, report, _ = validate(graph, shacl_graph=shapes_graph, inference="none", advanced=False)
    if conforms:
        return []
    out = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        msg = report.value(result, SH.resultMessage)
        out.append(f"{focus} {path.n3(report.namespace_manager) if path is not None else ''}: {msg}")
    return sorted(out)


def validate_file(path: str | Path) -> list[str]:
    """Problems with a Turtle file: parse errors in rdflib or pyoxigraph, then SHACL violations."""
    import pyoxigraph

    path = Path(path)
    problems: list[str] = []
    try:
        data = path.read_bytes()
    except OSError as exc:
        return [f"{path}: cannot read ({exc.strerror})"]
    try:
        graph = Graph().parse(data=data, format="turtle")
    except Exception as exc:
        return [f"{path}: rdflib cannot parse it: {exc}"]
    try:
        n = sum(1 for _ in pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.TURTLE))
        if n != len(graph):
            problems.append(f"{path}: pyoxigraph reads {n} triples, rdflib {len(graph)}")
    except Exception as exc:
        problems.append(f"{path}: pyoxigraph cannot parse it: {exc}")
    problems.extend(shacl_violations(graph))
    return problems
