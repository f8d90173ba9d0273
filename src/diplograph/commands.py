"""The list of CLI commands, one import per feature module."""
from __future__ import annotations

COMMANDS: list = []

from .build_cli import build, validate  # noqa: E402

COMMANDS += [build, validate]

from .viz_cli import viz  # noqa: E402

COMMANDS += [viz]

from .query_cli import export, push, queries, query  # noqa: E402

COMMANDS += [query, queries, export, push]

from .explain_cli import explain  # noqa: E402

COMMANDS += [explain]

from .load_cli import load_command  # noqa: E402

COMMANDS += [load_command]
