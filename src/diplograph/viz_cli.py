"""`diplograph viz`: write the offline interactive HTML view of a built graph."""
from __future__ import annotations

from pathlib import Path

import click


@click.command("viz")
@click.argument("graph", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("graph/diplograph.html"), show_default=True, help="HTML file to write.")
@click.option("--year", type=int, default=None, help="Only what is dated in this year.")
@click.option("--around", default=None, metavar="NAME",
              help='Only the neighbourhood of this node (e.g. "Bùi Thanh Sơn"; accents optional).')
@click.option("--depth", type=click.IntRange(min=0), default=2, show_default=True,
              help="Steps from --around to include.")
@click.option("--types", default=None, metavar="T1,T2",
              help="Node types to keep: person,organization,conference,agreement,priority.")
@click.option("--max-nodes", type=click.IntRange(min=1), default=None,
              help="Put only the N most central nodes in the page (default: all); the page and stdout say what was left out.")
@click.option("--start", "start_nodes", type=click.IntRange(min=1), default=300, show_default=True,
              help="On a larger graph, open on the N people and meetings of highest PageRank (the rest by search and expansion).")
@click.option("--communities", is_flag=True, help="Colour by Louvain community instead of node type.")
@click.option("--size-by", type=click.Choice(["degree", "betweenness"]), default="degree", show_default=True,
              help="Centrality used for node size and for --max-nodes.")
def viz(graph: Path | None, output: Path, year: int | None, around: str | None, depth: int, types: str | None,
        max_nodes: int | None, start_nodes: int, communities: bool, size_by: str) -> None:
    """Write GRAPH (Turtle, default ./graph/diplograph.ttl) as a self-contained offline HTML page."""
    from rdflib import Graph

    from .engine import EngineError
    from .inputs import InputError, check_input_file
    from .query import graph_or_default
    from .viz import VizError, describe, write_html

    try:
        graph = check_input_file(graph_or_default(graph))  # FIFOs, devices and huge files refused
    except (EngineError, InputError) as exc:
        raise click.ClickException(str(exc)) from exc
    g = Graph()
    try:
        g.parse(graph, format="turtle")
    except Exception as exc:  # rdflib raises several parser-specific types
        raise click.ClickException(f"cannot read {graph}: {exc}") from exc
    try:
        report = write_html(g, output, year=year, around=around, depth=depth,
                            types=types.split(",") if types else None, max_nodes=max_nodes,
                            communities=communities, size_by=size_by, start_nodes=start_nodes)
    except VizError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(describe(report))
