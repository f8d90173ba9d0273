"""Command-line interface: a thin click layer over the library modules."""
from __future__ import annotations

import logging

import click

from . import __version__


class _WarningLine(logging.Handler):
    """Library warnings as one ``warning:`` line each, control characters shown as escapes: rdflib logs
    a malformed IRI of a hostile graph verbatim (``<…\x1b[2J\x07…\n forged line>`` cleared the screen,
    rang the bell and printed a second, forged line), and Python's default handler wrote it raw."""

    def emit(self, record: logging.LogRecord) -> None:
        from .query import terminal_safe

        try:
            click.echo(f"warning: {terminal_safe(record.getMessage())}", err=True)
        except Exception:  # a warning that cannot be shown must not end the command
            self.handleError(record)


def _warnings_on_one_line() -> None:
    root = logging.getLogger()
    if not any(isinstance(h, _WarningLine) for h in root.handlers):
        handler = _WarningLine(logging.WARNING)
        root.addHandler(handler)


@click.group()
@click.version_option(__version__, prog_name="diplograph")
def main() -> None:
    """Build and query a knowledge graph of Vietnamese diplomacy from news articles."""
    _warnings_on_one_line()


def _register() -> None:
    # Each feature module owns its commands; importing them here keeps this file thin.
    from .commands import COMMANDS

    for command in COMMANDS:
        main.add_command(command)


_register()


if __name__ == "__main__":
    main()
