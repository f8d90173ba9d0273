"""Where the data files the code needs come from: the canned queries, the ontology, the SHACL shapes.

They are read through `importlib.resources` from the subpackages `diplograph.queries` and
`diplograph.ontology`. Those are the checkout's top-level `queries/` and `ontology/` folders (users read
and edit them there), mapped into the package by pyproject.toml: a wheel carries them inside the
package, an editable install reads the checkout's files, and there is never a second copy to keep in
step. Nothing here depends on where the package sits relative to a checkout, so an installed
`diplograph` works from any folder.

Overrides, for running against files other than the installed ones:

* ``DIPLOGRAPH_HOME=DIR``: read ``DIR/queries/`` and ``DIR/ontology/`` instead of the packaged copies
  (e.g. a checkout whose queries are being edited, with an older diplograph installed);
* ``DIPLOGRAPH_QUERIES=DIR``: a folder of the user's own ``.rq`` files, searched before the canned
  queries (a file there with a canned query's name replaces it); ``--queries-dir`` does the same per
  command.
"""
from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"

HOME_ENV = "DIPLOGRAPH_HOME"
QUERIES_ENV = "DIPLOGRAPH_QUERIES"


def _home() -> Path | None:
    env = os.environ.get(HOME_ENV)
    return Path(env) if env else None


def _packaged(subpackage: str) -> Path:
    """The folder of a data subpackage. pip installs wheels unpacked, so the resource is a real folder;
    a zipped install (no file system path) is refused with a message instead of failing later."""
    root = files(f"diplograph.{subpackage}")
    if not isinstance(root, Path):
        raise RuntimeError(f"diplograph.{subpackage} is not installed as files on disk ({root!r})")
    return root


def queries_dir() -> Path:
    """The canned queries: ``$DIPLOGRAPH_HOME/queries`` when set, else the packaged ones."""
    home = _home()
    return home / "queries" if home else _packaged("queries")


def user_queries_dir() -> Path | None:
    """The folder named by ``DIPLOGRAPH_QUERIES``, if any (searched before the canned queries)."""
    env = os.environ.get(QUERIES_ENV)
    return Path(env) if env else None


def ontology_dir() -> Path:
    """The ontology and its SHACL shapes: ``$DIPLOGRAPH_HOME/ontology`` when set, else the packaged ones."""
    home = _home()
    return home / "ontology" if home else _packaged("ontology")


def shapes_file() -> Path:
    """The SHACL shapes every build and `diplograph validate` check graphs against."""
    return ontology_dir() / "shapes.ttl"

