"""Command-line interface: a thin click layer over the library modules."""
from __future__ import annotations

import click

from . import __version__


@click.group()
@click.version_option(__version__, prog_name="diplograph")
def main() -> None:
    """Build and query a knowledge graph of Vietnamese diplomacy from news articles."""


def _register() -> None:
    # Each feature module owns its commands; importing them here keeps this file thin.
    from .commands import COMMANDS

    for command in COMMANDS:
        main.add_command(command)


_register()


if __name__ == "__main__":
    main()
