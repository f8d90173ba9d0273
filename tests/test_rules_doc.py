"""docs/rules.md is the registry's catalogue, regenerated whenever a rule changes."""
from __future__ import annotations

from pathlib import Path

from diplograph.catalog import all_rules
from diplograph.rules_doc import markdown

ROOT = Path(__file__).resolve().parents[1]


def test_rules_doc_is_current():
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == markdown(), \
        "run: python -m diplograph.rules_doc > docs/rules.md"


def test_every_rule_is_listed_once():
    text = markdown()
    for r in all_rules():
        assert text.count(f"`{r.id}`") == 1
