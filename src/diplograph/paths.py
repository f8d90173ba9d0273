"""Where the project's data files live.

The canned queries and the ontology are top-level folders of the repository (users read and edit
them there), so the package looks for them next to its source tree; DIPLOGRAPH_HOME overrides.
"""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"


def project_root() -> Path:
    env = os.environ.get("DIPLOGRAPH_HOME")
    if env:
        return Path(env)
    return PACKAGE_DIR.parent.parent


def queries_dir() -> Path:
    return project_root() / "queries"


def ontology_dir() -> Path:
    return project_root() / "ontology"
