"""The list of CLI commands, one import per feature module."""
from __future__ import annotations

COMMANDS: list = []

from .viz_cli import viz  # noqa: E402

COMMANDS += [viz]
