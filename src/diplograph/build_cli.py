"""`diplograph build` and `diplograph validate`."""
from __future__ import annotations

import sys

import click

from .build import EXIT_OUTPUT_ERROR, OutputError, build_graph


def _one_line(text: str) -> str:
    """A file name or reason as one printable line: a name with a newline or an escape sequence in it
    must not forge more warnings or recolour the terminal."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in str(text))


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("-o", "--out", "out_dir", default="graph", show_default=True, type=click.Path(), help="Output folder.")
@click.option("-j", "--jobs", type=int, default=None, help="Worker processes (default: all cores).")
@click.option("--cache", "cache_dir", type=click.Path(), default=None, help="Per-article fact cache folder (incremental builds).")
@click.option("--no-html", is_flag=True, help="Do not write the HTML view.")
@click.option("--no-validate", is_flag=True, help="Skip SHACL validation.")
def build(paths: tuple[str, ...], out_dir: str, jobs: int | None, cache_dir: str | None, no_html: bool, no_validate: bool) -> None:
    """Map articles (.txt, .html files and folders; default seeds/) to OUT/diplograph.ttl."""
    try:  # issue 16 hook: an output that cannot be written is one line and its own exit status
        report = build_graph(paths or ("seeds",), out_dir, jobs=jobs, html=not no_html, validate=not no_validate,
                             progress=sys.stderr.isatty(), cache_dir=cache_dir)
    except OutputError as exc:
        click.echo(f"error: {_one_line(exc)}", err=True)
        sys.exit(EXIT_OUTPUT_ERROR)
    for w in report.warnings:
        click.echo(f"warning: {_one_line(w)}", err=True)
    for f, why in report.skipped:
        click.echo(f"warning: {_one_line(f)}: {_one_line(why)}", err=True)
    click.echo(report.summary().split("\n", 1)[0] + "\n" + "\n".join(
        l for l in report.summary().split("\n")[1:] if not l.startswith("  skipped")))
    if report.read == 0:
        click.echo("error: no article could be read", err=True)
        sys.exit(2)
    if report.skipped:
        sys.exit(1)


@click.command()
@click.argument("file", default="graph/diplograph.ttl", type=click.Path())
def validate(file: str) -> None:
    """Check a graph: parses in rdflib and pyoxigraph, conforms to ontology/shapes.ttl."""
    from .validate import validate_file

    problems = validate_file(file)
    if problems:
        for p in problems:
            click.echo(p, err=True)
        click.echo(f"{file}: {len(problems)} problem(s)", err=True)
        sys.exit(1)
    click.echo(f"{file}: valid")
