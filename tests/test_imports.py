"""The package's import structure: no cycles between its modules, no private names imported across them.

Read from the source (every import statement, including those inside functions, which are cycles all
the same when both sides run; imports under ``if TYPE_CHECKING:`` are annotations only and skipped).
"""
from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

PKG = Path(__file__).resolve().parents[1] / "src" / "diplograph"


def _modules() -> dict[str, Path]:
    mods = {}
    for p in PKG.rglob("*.py"):
        parts = list(p.relative_to(PKG.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        mods[".".join(parts)] = p
    return mods


def _type_checking_lines(tree: ast.AST) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for inner in node.body:
                lines.update(range(inner.lineno, (inner.end_lineno or inner.lineno) + 1))
    return lines


def _imports(name: str, path: Path, mods: dict[str, Path]):
    """(target module, imported names) of each runtime import of module ``name``."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _type_checking_lines(tree)
    for node in ast.walk(tree):
        if getattr(node, "lineno", None) in skip:
            continue
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "diplograph":
                continue
            names = [a.name for a in node.names]
            yield target, names
            for n in names:  # `from . import extract`: the module itself
                if f"{target}.{n}" in mods:
                    yield f"{target}.{n}", []
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name.split(".")[0] == "diplograph":
                    yield a.name, []


def test_no_import_cycles() -> None:
    mods = _modules()
    graph = nx.DiGraph()
    for name, path in mods.items():
        for target, _ in _imports(name, path, mods):
            if target in mods and target != name and not name.startswith(target + "."):
                graph.add_edge(name, target)  # a submodule importing its own package is not a cycle here
    cycles = [c for c in nx.simple_cycles(graph) if len(c) > 1]
    assert not cycles, f"{len(cycles)} import cycle(s), e.g. {cycles[:3]}"
    assert graph.number_of_edges() > 50  # the walk really saw the package's imports


def test_no_private_names_across_modules() -> None:
    mods = _modules()
    private = []
    for name, path in mods.items():
        for target, names in _imports(name, path, mods):
            private += [f"{name} imports {target}.{n}" for n in names if n.startswith("_") and not n.startswith("__")]
    assert not private, private
