"""diplograph installed from a wheel works from any folder: nothing it needs lives only in the checkout.

The wheel is built from a copy of the checkout (so stale `build/` leftovers cannot ship), installed
into a fresh venv in a temporary folder, and every command is run from an empty temporary folder with
no DIPLOGRAPH_HOME. To stay fast and offline (beyond PyPI for the build backend), the venv sees the
dependencies already installed for the tests through a .pth line and the wheel is installed with
``--no-deps``; with DIPLOGRAPH_INSTALL_FULL=1 (a step of .ci/run) the wheel is installed with its
declared dependencies from PyPI instead, which also proves the dependency list is complete.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from diplograph import __version__

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
FULL = os.environ.get("DIPLOGRAPH_INSTALL_FULL") == "1"
# what a source tree needs to build a wheel; nothing else is copied (no .venv, build/, graph/, .git)
SOURCE_ITEMS = ("pyproject.toml", "README.md", "LICENSE", "src", "queries", "ontology")


@dataclass
class Installed:
    python: Path
    script: Path
    wheel: Path
    workdir: Path  # empty folder the commands run in

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items()
               if k not in ("DIPLOGRAPH_HOME", "DIPLOGRAPH_QUERIES", "PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
        env["PATH"] = f"{self.script.parent}{os.pathsep}{env.get('PATH', '')}"
        env["PYTHONUTF8"] = "1"
        return env

    def run(self, *args: str, ok: bool = True) -> subprocess.CompletedProcess:
        res = subprocess.run([str(self.script), *args], cwd=self.workdir, env=self.env(), capture_output=True,
                             text=True, timeout=300)
        if ok:
            assert res.returncode == 0, f"diplograph {' '.join(args)} exited {res.returncode}:\n{res.stdout}\n{res.stderr}"
        return res


def _copy_source(dest: Path) -> Path:
    dest.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "*.pyc")
    for item in SOURCE_ITEMS:
        src = REPO / item
        assert src.exists(), f"{item} is missing from the checkout"
        if src.is_dir():
            shutil.copytree(src, dest / item, ignore=ignore)
        else:
            shutil.copy2(src, dest / item)
    return dest


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    base = tmp_path_factory.mktemp("install")
    source = _copy_source(base / "source")
    wheels = base / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(source)],
                   check=True, timeout=600, capture_output=True)
    (wheel,) = wheels.glob("diplograph-*.whl")
    env_dir = base / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    if FULL:
        subprocess.run([str(python), "-m", "pip", "install", "-q", str(wheel)], check=True, timeout=1200)
    else:
        # the test venv's site-packages, after the new venv's own: the dependencies are found there, but
        # the editable diplograph is not (its finder is installed by a .pth file that a .pth line does not run)
        # (written after the install, so pip never sees the editable diplograph as already installed)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
                       check=True, timeout=300)
        purelib = Path(sysconfig.get_paths()["purelib"])
        site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                   check=True, capture_output=True, text=True).stdout.strip())
        (site / "zz_test_deps.pth").write_text(f"{purelib}\n")
    workdir = base / "work"
    workdir.mkdir()
    return Installed(python, env_dir / "bin" / "diplograph", wheel, workdir)


def test_the_wheel_carries_queries_ontology_shapes_and_license(installed: Installed) -> None:
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    for rq in (REPO / "queries").glob("*.rq"):
        assert f"diplograph/queries/{rq.name}" in names
    assert {"diplograph/ontology/shapes.ttl", "diplograph/ontology/diplograph.ttl"} <= names
    assert any(n.endswith(".dist-info/LICENSE") or n.endswith("licenses/LICENSE") for n in names), sorted(names)[-8:]


def test_installed_package_is_the_wheel_not_the_checkout(installed: Installed) -> None:
    res = subprocess.run([str(installed.python), "-c",
                          "import diplograph, diplograph.paths as p; print(diplograph.__file__); print(p.queries_dir())"],
                         cwd=installed.workdir, env=installed.env(), capture_output=True, text=True, check=True)
    module, queries = res.stdout.split()
    venv_dir = installed.python.parent.parent
    assert Path(module).is_relative_to(venv_dir) and Path(queries).is_relative_to(venv_dir), res.stdout
    assert not Path(module).is_relative_to(REPO)


def test_commands_work_from_an_empty_folder(installed: Installed) -> None:
    work = installed.workdir
    shutil.copytree(SEEDS, work / "my-articles")
    n_articles = len(list(SEEDS.glob("*.txt")))

    built = installed.run("build", "my-articles")
    assert f"articles read: {n_articles}, skipped: 0" in built.stdout
    assert "SHACL: conforms" in built.stdout
    assert (work / "graph" / "diplograph.ttl").stat().st_size > 1000

    listed = installed.run("queries")
    for rq in (REPO / "queries").glob("*.rq"):
        assert rq.stem in listed.stdout

    people = installed.run("query", "people")  # default graph: ./graph/diplograph.ttl
    assert "Bùi Thanh Sơn" in people.stdout and "row" in people.stdout.splitlines()[-1]

    checked = installed.run("validate")
    assert checked.stdout.strip() == "graph/diplograph.ttl: valid"

    exported = installed.run("export", "--format", "nt", "-o", "g.nt")
    lines = [l for l in (work / "g.nt").read_text(encoding="utf-8").splitlines() if l.strip()]
    triples = int(next(l for l in built.stdout.splitlines() if l.startswith("triples:")).split()[1])
    assert len(lines) == triples and f"wrote {triples} triples to g.nt" in exported.stderr

    viewed = installed.run("viz", "-o", "view.html")
    page = (work / "view.html").read_text(encoding="utf-8")
    assert "<html" in page.lower() and "Bùi Thanh Sơn" in page
    assert "nodes" in viewed.stdout


def test_version_and_python_dash_m(installed: Installed) -> None:
    assert installed.run("--version").stdout.strip() == f"diplograph, version {__version__}"
    res = subprocess.run([str(installed.python), "-m", "diplograph", "--version"], cwd=installed.workdir,
                         env=installed.env(), capture_output=True, text=True, check=True)
    assert res.stdout.strip() == f"diplograph, version {__version__}"
