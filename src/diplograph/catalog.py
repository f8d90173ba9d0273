"""The rule catalogue: every rule of the registry (`rules.py`) once the extractor has declared them.

The extractor's modules declare their rules when they are imported, so the full list needs the
extractor; `rules.py` itself must not import it (the extractor imports `rules`: that would be a
cycle). What needs every rule (the mapper's rule nodes, `explain`, `docs/rules.md`) asks here.
"""
from __future__ import annotations

from . import extract  # noqa: F401  (importing the extractor registers its rules)
from .rules import RULES, Rule


def all_rules() -> list[Rule]:
    """Every registered rule, sorted by id."""
    return [RULES[k] for k in sorted(RULES)]


def get(rule_id: str) -> Rule | None:
    """One rule by its id, or None when no module declares it."""
    return RULES.get(rule_id)
