"""CLI commands ``queries``, ``query``, ``export`` and ``push``: thin click wrappers over the library.

Every failure the user can cause (missing graph, unknown query or parameter, unreachable
endpoint, HTTP error, timeout) is reported as one line on stderr with a non-zero exit; stdout only
ever carries results, so ``diplograph query … --format json > out.json`` never writes an error
document into ``out.json``.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .engine import DEFAULT_ENGINE, ENGINES, EngineError, load_graph
from .export import EXPORT_FORMATS, export_graph
from .push import DEFAULT_CHUNK, DEFAULT_NAMED_GRAPH, DEFAULT_TIMEOUT, Endpoint, cleanup_command, push_graph
from .query import (
    FORMATS,
    article_names,
    format_result,
    get_query,
    graph_or_default,
    list_queries,
    query_dirs,
    run_query,
    run_remote_query,
    terminal_safe,
)


def _fail(exc: Exception) -> None:
    raise click.ClickException(terminal_safe(" ".join(str(exc).split())) or type(exc).__name__)


def _table_width(width: int | None) -> int:
    """``--width``, else the terminal's width when stdout is one (COLUMNS overrides), else no limit:
    a table piped to a file or a pager keeps its full cells."""
    if width is not None:
        return max(0, width)
    if sys.stdout.isatty():
        import shutil

        return shutil.get_terminal_size().columns
    return 0


def _parse_params(values: tuple[str, ...]) -> dict[str, str]:
    params: dict[str, str] = {}
    for item in values:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(f"expected NAME=VALUE, got {item!r}", param_hint="--param")
        params[name.strip()] = value
    return params


def _write(text: str) -> None:
    """Write UTF-8 bytes to stdout whatever the locale, so Vietnamese never turns into '?'."""
    # click 8.5 serves get_binary_stream through a deprecating module __getattr__ (typed as object)
    out = click.get_binary_stream("stdout")  # type: ignore[operator]
    out.write(text.encode("utf-8"))
    out.flush()


def _dirs(queries_dir: Path | None) -> list[Path] | None:
    """Query folders for ``--queries-dir DIR``: the user's folder first, then the default search path."""
    return [queries_dir, *query_dirs()] if queries_dir else None


QUERIES_DIR = click.option(
    "--queries-dir", type=click.Path(file_okay=False, path_type=Path), default=None, metavar="DIR",
    help="A folder of your own .rq files, searched before the canned queries (also: DIPLOGRAPH_QUERIES=DIR).")


def _target_graph(named_graph: str | None, default_graph: bool) -> str | None:
    if default_graph and named_graph:
        raise click.UsageError("use either --named-graph or --default-graph")
    return None if default_graph else (named_graph or DEFAULT_NAMED_GRAPH)


@click.command("queries")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@QUERIES_DIR
def queries(fmt: str, queries_dir: Path | None) -> None:
    """List the canned queries: name, title and parameters (with defaults)."""
    try:
        specs = list_queries(_dirs(queries_dir))
    except EngineError as exc:
        _fail(exc)
    if fmt == "json":
        doc = [
            {
                "name": s.name,
                "title": s.title,
                "description": s.description,
                "params": [{"name": p.name, "default": p.default, "meaning": p.meaning} for p in s.params],
            }
            for s in specs
        ]
        _write(json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
        return
    lines = []
    for s in specs:  # a user's own .rq header may hold anything: shown terminal-safe
        lines.append(terminal_safe(f"{s.name}  —  {s.title}"))
        for p in s.params:
            default = f'"{p.default}"' if p.default else '""'
            lines.append(terminal_safe(f"    --param {p.name}=…  (default {default}) {p.meaning}"))
    _write("\n".join(lines) + "\n")


@click.command("query")
@click.argument("name")
@click.option("--graph", "graph_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Graph file to query [default: graph/diplograph.ttl].")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE", help="Bind a query parameter (repeatable).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("--engine", type=click.Choice(list(ENGINES)), default=DEFAULT_ENGINE, show_default=True,
              help="Embedded engine; maplib (fastest on large results) needs pip install 'diplograph[maplib]'.")
@click.option("--endpoint", default=None, metavar="QUERY_URL", help="Run on a SPARQL endpoint instead of a local file.")
@click.option("--named-graph", default=None, metavar="IRI",
              help=f"With --endpoint: the named graph to query [default: {DEFAULT_NAMED_GRAPH}].")
@click.option("--default-graph", is_flag=True, help="With --endpoint: query the store's default graph.")
@click.option("--timeout", type=float, default=DEFAULT_TIMEOUT, show_default=True, help="Seconds, with --endpoint.")
@click.option("--max-width", type=int, default=60, show_default=True, help="Table cell width; 0 = no limit.")
@click.option("--width", type=int, default=None,
              help="Table width in columns; wide columns are cut to fit [default: the terminal's width; no limit when piped].")
@click.option("--iris", "show_iris", is_flag=True, help="Table: show articles as IRIs, not as their file names.")
@QUERIES_DIR
def query(name: str, graph_path: Path | None, params: tuple[str, ...], fmt: str, engine: str, endpoint: str | None,
          named_graph: str | None, default_graph: bool, timeout: float, max_width: int, width: int | None,
          show_iris: bool, queries_dir: Path | None) -> None:
    """Run canned query NAME (or a path to a .rq file) over the graph and print the rows.

    The table (for reading in a terminal) shows an article by its file name, cuts cells to fit the
    terminal and shows control characters as escapes; csv, tsv and json carry the values unchanged."""
    values = _parse_params(params)
    names: dict[str, str] = {}
    try:
        if endpoint:
            ep = Endpoint.from_urls(endpoint, timeout=timeout)
            result = run_remote_query(name, ep, values, _target_graph(named_graph, default_graph), _dirs(queries_dir))
        else:
            if named_graph or default_graph:
                raise click.UsageError("--named-graph/--default-graph only apply with --endpoint")
            dirs = _dirs(queries_dir)
            get_query(name, dirs)  # unknown query names fail before a big graph is parsed
            graph = load_graph(graph_or_default(graph_path), engine)
            result = run_query(name, params=values, engine=engine, graph=graph, directory=dirs)
            if fmt == "table" and not show_iris:
                names = article_names(graph, result)
        _write(format_result(result, fmt, max_width, _table_width(width) if fmt == "table" else 0, names))
    except EngineError as exc:
        _fail(exc)


@click.command("export")
@click.argument("source", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(list(EXPORT_FORMATS)), default="ttl", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Output file (written atomically); default: stdout.")
@click.option("--named-graph", default=None, metavar="IRI", help="For nq/trig: put the triples in this named graph.")
def export(source: Path | None, fmt: str, output: Path | None, named_graph: str | None) -> None:
    """Write graph SOURCE [default: graph/diplograph.ttl] as Turtle, N-Triples, N-Quads, TriG or JSON-LD."""
    try:
        n = export_graph(graph_or_default(source), output, fmt, named_graph)
    except EngineError as exc:
        _fail(exc)
    if output is not None:
        click.echo(f"wrote {n} triples to {output}", err=True)


@click.command("push")
@click.argument("source", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--endpoint", required=True, metavar="QUERY_URL", help="SPARQL query URL (Oxigraph: http://host:7878/query).")
@click.option("--update-endpoint", default=None, metavar="UPDATE_URL",
              help="SPARQL update URL [default: the query URL, as on Fuseki]; Oxigraph: http://host:7878/update.")
@click.option("--named-graph", default=None, metavar="IRI", help=f"Graph to replace [default: {DEFAULT_NAMED_GRAPH}].")
@click.option("--default-graph", is_flag=True, help="Replace the store's default graph instead of a named graph.")
@click.option("--chunk-size", type=click.IntRange(min=1), default=DEFAULT_CHUNK, show_default=True, help="Triples per INSERT DATA.")
@click.option("--timeout", type=float, default=DEFAULT_TIMEOUT, show_default=True, help="Seconds per request.")
@click.option("--cleanup", is_flag=True, help="Only drop the urn:diplograph:push:* temporary graphs interrupted pushes left.")
def push(source: Path | None, endpoint: str, update_endpoint: str | None, named_graph: str | None,
         default_graph: bool, chunk_size: int, timeout: float, cleanup: bool) -> None:
    """Replace a named graph of a SPARQL 1.1 store with graph SOURCE [default: graph/diplograph.ttl].

    Credentials: DIPLOGRAPH_USER and DIPLOGRAPH_PASSWORD (HTTP Basic) or DIPLOGRAPH_TOKEN (Bearer).
    """
    target = _target_graph(named_graph, default_graph)
    try:
        ep = Endpoint.from_urls(endpoint, update_endpoint, timeout=timeout)
        if cleanup:  # the whole of --cleanup is in push.cleanup_command
            click.echo(cleanup_command(ep), err=True)
            return
        report = push_graph(graph_or_default(source), ep, target, chunk_size)
    except EngineError as exc:
        _fail(exc)
    where = f"<{report.graph}>" if report.graph else "the default graph"
    click.echo(f"pushed {report.triples} triples in {report.chunks} chunk(s) to {where} at {ep.update_url}", err=True)
