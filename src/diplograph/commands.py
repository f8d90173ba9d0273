"""The list of CLI commands, one import per feature module."""
from __future__ import annotations

COMMANDS: list = []
