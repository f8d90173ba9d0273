"""Checking a graph: it parses in two independent parsers and conforms to the SHACL shapes."""
from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from .paths import shapes_file


def shacl_violations(graph: Graph, shapes: Path | None = None) -> list[str]:
    """Readable lines, one per SHACL violation (empty when the graph conforms); the shapes are the
    packaged ``ontology/shapes.ttl`` unless ``shapes`` names another file."""
    from pyshacl import validate
    from rdflib.namespace import RDF, SH

    shapes_graph = Graph().parse(data=(shapes or shapes_file()).read_bytes(), format="turtle")
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


def _one_line(exc: BaseException, limit: int = 300) -> str:
    """A parser's message on one line (rdflib's span several and quote the bytes around the error)."""
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"


def validate_file(path: str | Path) -> list[str]:
    """Problems with a Turtle file, one line each: parse errors in rdflib and in pyoxigraph (both always
    run, so a file one of them accepts and the other rejects is reported), triple counts that differ,
    then SHACL violations against ontology/shapes.ttl (checked when at least one parser read the file).
    An empty list means the file is valid."""
    import logging

    import pyoxigraph

    from .inputs import InputError, check_input_file

    path = Path(path)
    problems: list[str] = []
    if path.exists():  # a missing file is reported below as unreadable, with the system's reason
        try:
            check_input_file(path)  # a FIFO would block the read, /dev/zero fill the memory
        except InputError as exc:
            return [str(exc)]
    try:
        data = path.read_bytes()
    except OSError as exc:
        return [f"{path}: cannot read ({exc.strerror or exc})"]
    if not data.strip():
        return [f"{path}: empty file, no graph"]
    graph: Graph | None = None
    rdflib_log = logging.getLogger("rdflib")
    level = rdflib_log.level
    rdflib_log.setLevel(logging.ERROR)  # rdflib warns on bad IRIs on stderr; pyoxigraph reports them below
    # (from here to the end: the SHACL step makes the graph's terms again)
    try:
        graph = Graph().parse(data=data, format="turtle")
    except Exception as exc:
        problems.append(f"{path}: rdflib cannot parse it: {_one_line(exc)}")
    ox_triples: list | None = None
    try:
        ox_triples = list(pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.TURTLE))
    except Exception as exc:
        problems.append(f"{path}: pyoxigraph cannot parse it: {_one_line(exc)}")
    if graph is not None and ox_triples is not None and len(set(ox_triples)) != len(graph):
        problems.append(f"{path}: pyoxigraph reads {len(set(ox_triples))} triples, rdflib {len(graph)}")
    if graph is None and ox_triples is not None:
        nt = pyoxigraph.serialize(ox_triples, format=pyoxigraph.RdfFormat.N_TRIPLES)
        graph = Graph().parse(data=nt, format="nt")
    try:
        if graph is not None:  # SHACL makes terms of the graph's IRIs again: rdflib would warn once more
            problems.extend(f"{path}: SHACL: {v}" for v in shacl_violations(graph))
    finally:
        rdflib_log.setLevel(level)
    return problems
