"""`diplograph explain`: the facts of one article, each with its rule and sentence."""
from __future__ import annotations

import json
import sys

import click


@click.command("explain")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--fact", "fact", default=None, metavar="TEXT",
              help="Only facts whose text contains TEXT (accents and case optional).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: one block per fact; json: a list of objects (kind, text, rule, doc, sentence, ...).")
def explain(file: str, fact: str | None, fmt: str) -> None:
    """Every fact extracted from FILE (an article .txt or .html) with the rule that made it and its sentence."""
    from .explain import as_text, matching
    from .explain import explain as explain_file
    from .reader import ArticleError

    try:
        items = matching(explain_file(file), fact)
    except ArticleError as exc:
        raise click.ClickException(str(exc)) from exc
    if fmt == "json":
        click.echo(json.dumps([e.to_dict() for e in items], ensure_ascii=False, indent=2))
    elif items:
        click.echo(as_text(items))
    else:
        click.echo("no fact" + (f" matches {fact!r}" if fact else ""), err=True)
        sys.exit(1 if fact else 0)
