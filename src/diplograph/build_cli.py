"""`diplograph build` and `diplograph validate`.

Exit codes: 0 all is well; 1 something is wrong but there is a result (`build`: an article file was
skipped; `validate`: the graph does not conform); 2 nothing to work on (no article could be read, no
graph file); 3 (`build`) the output could not be written. `build` and `validate` check the same shapes
and agree on the violations: `build` names them in a warning and still exits 0 (one odd article must not
fail an archive's build), `validate` exits 1 on the same file.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from .build import EXIT_OUTPUT_ERROR, OutputError, build_graph


def _one_line(text: object) -> str:
    """A file name or reason as one printable line: a name with a newline or an escape sequence in it
    must not forge more warnings or recolour the terminal."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in str(text))


DEFAULT_INPUT = Path("seeds")


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("-o", "--out", "out_dir", default="graph", show_default=True, type=click.Path(), help="Output folder.")
@click.option("-j", "--jobs", type=int, default=None, help="Worker processes (default: all cores).")
@click.option("--cache", "cache_dir", type=click.Path(), default=None, help="Per-article fact cache folder (incremental builds).")
@click.option("--no-html", is_flag=True, help="Do not write the HTML view.")
@click.option("--no-validate", is_flag=True, help="Skip SHACL validation.")
@click.option("--follow-links", is_flag=True, help="Follow symbolic links that lead outside an input folder.")
@click.option("--scheduler", default=None, metavar="local[:N]|tcp://HOST:PORT",
              help="Build on a Dask cluster (pip install 'diplograph[dask]'): N local workers, or a running scheduler.")
@click.option("--partition-size", type=click.IntRange(min=1), default=None,
              help="Articles per partition with --scheduler (default 1000).")
@click.option("--shards-only", is_flag=True, help="With --scheduler: write OUT/shards/*.nt only, not the merged Turtle.")
def build(paths: tuple[str, ...], out_dir: str, jobs: int | None, cache_dir: str | None, no_html: bool,
          no_validate: bool, follow_links: bool, scheduler: str | None, partition_size: int | None,
          shards_only: bool) -> None:
    """Map articles to OUT/diplograph.ttl: .txt/.html files, folders of them, and corpus files
    (.jsonl or .jsonl.gz, one JSON article a line: id, text, optional url, date, headline).
    With no PATHS, reads ./seeds/. With --scheduler, on a Dask cluster: one N-Triples shard per
    partition in OUT/shards/ and the same OUT/diplograph.ttl, byte for byte (no HTML view)."""
    if scheduler is None and (partition_size is not None or shards_only):
        raise click.UsageError("--partition-size and --shards-only go with --scheduler")
    if scheduler is not None and jobs is not None:
        raise click.UsageError("--jobs is for the local build; with --scheduler give local:N workers")
    if not paths:
        if not DEFAULT_INPUT.is_dir():
            raise click.UsageError(f"no articles named and no ./{DEFAULT_INPUT}/ folder in {Path.cwd()}: give article "
                                   "files, folders or a corpus .jsonl[.gz], e.g. `diplograph build my-articles/`")
        paths = (str(DEFAULT_INPUT),)
    try:  # an output that cannot be written is one line and its own exit status
        if scheduler is not None:
            report = _build_on_cluster(paths, out_dir, scheduler, partition_size, shards_only, not no_validate,
                                       cache_dir, follow_links)
        else:
            report = build_graph(paths, out_dir, jobs=jobs, html=not no_html, validate=not no_validate,
                                 progress=sys.stderr.isatty(), cache_dir=cache_dir, follow_links=follow_links)
    except OutputError as exc:
        click.echo(f"error: {_one_line(exc)}", err=True)
        sys.exit(EXIT_OUTPUT_ERROR)
    for w in report.warnings:
        click.echo(f"warning: {_one_line(w)}", err=True)
    for f, why in report.notes:
        click.echo(f"warning: {_one_line(f)}: {_one_line(why)}", err=True)
    for f, why in report.skipped:
        click.echo(f"warning: {_one_line(f)}: {_one_line(why)}", err=True)
    summary = report.summary().split("\n")
    if shards_only:  # the shards were not merged: their lines, where two partitions' shared triples count twice
        summary = [f"{line} (at most: lines of the shards, not merged)" if line.startswith("triples: ") else line
                   for line in summary]
    click.echo("\n".join(_one_line(line) for line in summary if not line.startswith("  skipped")))
    if scheduler is not None and report.read:
        from .distributed import SHARDS, shard_files

        click.echo(f"wrote {len(shard_files(Path(out_dir) / SHARDS))} shards in {_one_line(Path(out_dir) / SHARDS)}")
    if report.read == 0:
        click.echo("error: no article could be read (the previous graph, if any, is left as it was)", err=True)
        sys.exit(2)
    if report.violations:
        # a warning, not a failure: one odd article must not fail the build of an archive; `validate` fails on it
        click.echo(f"warning: the graph does not conform to the SHACL shapes ({len(report.violations)} violation(s), "
                   f"first: {_one_line(report.violations[0])}); it was written, and `diplograph validate` exits 1 on it",
                   err=True)
    if report.skipped:
        sys.exit(1)


def _build_on_cluster(paths: tuple[str, ...], out_dir: str, scheduler: str, partition_size: int | None,
                      shards_only: bool, validate: bool, cache_dir: str | None, follow_links: bool):
    """`build_distributed`, with its errors as the local build's (a scheduler that is wrong: usage)."""
    try:
        from .distributed import DEFAULT_PARTITION_SIZE, SchedulerError, build_distributed
    except ImportError as exc:  # pragma: no cover - a broken install
        raise click.UsageError(f"--scheduler: {exc}") from None
    try:
        return build_distributed(paths, out_dir, scheduler=scheduler, partition_size=partition_size or DEFAULT_PARTITION_SIZE,
                                 merge=not shards_only, validate=validate, progress=sys.stderr.isatty(),
                                 cache_dir=cache_dir, follow_links=follow_links)
    except SchedulerError as exc:
        raise click.UsageError(str(exc)) from None
    except OSError as exc:
        raise OutputError(f"cannot write {out_dir}: {exc.strerror or exc}") from None


@click.command()
@click.argument("file", required=False, type=click.Path(path_type=Path))
def validate(file: Path | None) -> None:
    """Check graph FILE [default: ./graph/diplograph.ttl]: parses in rdflib and pyoxigraph, conforms to the
    SHACL shapes (ontology/shapes.ttl, shipped in the package)."""
    from .engine import EngineError
    from .inputs import InputError, check_input_file
    from .query import graph_or_default
    from .validate import validate_file

    try:
        path = graph_or_default(file)
    except EngineError as exc:
        click.echo(f"error: {_one_line(exc)}", err=True)
        sys.exit(2)
    if path.exists():  # a FIFO, a device or a huge file: one line, nothing opened
        try:
            check_input_file(path)
        except InputError as exc:
            click.echo(f"error: {_one_line(exc)}", err=True)
            sys.exit(1)
    problems = validate_file(path)
    if problems:
        for p in problems:
            click.echo(_one_line(p), err=True)
        click.echo(f"{_one_line(path)}: {len(problems)} problem(s)", err=True)
        sys.exit(1)
    click.echo(f"{_one_line(path)}: valid")
