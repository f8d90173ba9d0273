"""`diplograph load`: a build's output into a store through the store's bulk loader (see `load`)."""
from __future__ import annotations

import time
from pathlib import Path

import click

from .load import LoadError, load


@click.command("load")
@click.argument("out", type=click.Path(path_type=Path), default=Path("graph"))
@click.option("--into", "into", required=True, metavar="oxigraph:DIR|virtuoso:HOST:PORT",
              help="The store: an Oxigraph folder (new or empty), or a Virtuoso server's isql address.")
@click.option("--graph", "graph", default=None, metavar="IRI",
              help="Named graph to load into (Oxigraph: default graph if not given; Virtuoso: replaced, "
                   "default https://w3id.org/diplograph/graph).")
@click.option("--append", is_flag=True, help="Oxigraph: add to a store that is not empty.")
def load_command(out: Path, into: str, graph: str | None, append: bool) -> None:
    """Bulk-load OUT (a build's output folder: its shards/*.nt, else its diplograph.ttl; or a graph
    file) into a store. Virtuoso reads the files itself: they must be on its machine, in a folder of
    its DirsAllowed."""
    start = time.perf_counter()
    try:
        target, files = load(out, into, graph, append)
    except LoadError as exc:
        raise click.ClickException(" ".join(str(exc).split())) from None
    click.echo(f"loaded {len(files)} file(s) into {target.kind} {target.where} in {time.perf_counter() - start:.1f} s")
