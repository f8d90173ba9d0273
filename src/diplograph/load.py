"""Bulk loading a build's output into a store that outgrows one file: Oxigraph and Virtuoso.

`diplograph push` sends a graph over SPARQL Update in chunks, which is right for a graph of thousands
of articles; an archive's hundreds of millions of triples go through the store's own bulk loader,
reading the N-Triples shards of a distributed build (`distributed`, `OUT/shards/*.nt`) in parallel:

* **Oxigraph**: `oxigraph load --location DIR --file SHARD ...` (the `oxigraph` command of the PyPI
  package of that name; it loads the files in parallel and atomically). Into the default graph, or
  `graph`. The folder must be new or empty (a bulk load appends; a second load into one store would
  mix two builds), unless `append`.
* **Virtuoso 7** (Debian `virtuoso-opensource`): the bulk loader through `isql`: the graph is emptied,
  the shard folder registered with `ld_dir`, `rdf_loader_run()` run in several sessions at once, then
  `checkpoint`; the load list is checked for files that failed. The server reads the files itself,
  so the folder must be on the server's machine and listed in `DirsAllowed` of its virtuoso.ini.

Jena TDB2 takes the same shards: `tdb2.tdbloader --loader=parallel --loc DIR OUT/shards/*.nt`
(docs/distributed.md).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from .distributed import SHARDS, shard_files
from .push import DEFAULT_NAMED_GRAPH, ENV_PASSWORD, ENV_USER

ENV_ISQL = "DIPLOGRAPH_ISQL"  # the isql client of Virtuoso (Debian: isql-vt)
VIRTUOSO_LOADERS = 2  # rdf_loader_run() sessions at once (Virtuoso's advice: about cores / 2.5)


class LoadError(Exception):
    """The load could not be done; the message is one line (what failed and why)."""


@dataclass
class Target:
    kind: str  # "oxigraph" | "virtuoso"
    where: str  # a folder (oxigraph) or HOST:PORT of isql (virtuoso)


def parse_target(value: str) -> Target:
    """`oxigraph:DIR` or `virtuoso:HOST:PORT`."""
    kind, _, where = value.partition(":")
    if kind not in ("oxigraph", "virtuoso") or not where:
        raise LoadError(f"--into {value!r}: give oxigraph:DIR or virtuoso:HOST:PORT")
    if kind == "virtuoso":
        host, _, port = where.rpartition(":")
        if not host or not port.isdigit():
            raise LoadError(f"--into {value!r}: give virtuoso:HOST:PORT (the isql port, 1111 by default)")
    return Target(kind, where)


def input_files(out: Path) -> list[Path]:
    """The files to load: the shards of a build output folder (`OUT/shards/`), else the graph file
    itself (`OUT/diplograph.ttl`, or a file named directly)."""
    out = Path(out)
    if out.is_file():
        return [out]
    if (out / SHARDS).is_dir():
        found = shard_files(out / SHARDS)
        if found:
            return found
    if (out / "diplograph.ttl").is_file():
        return [out / "diplograph.ttl"]
    raise LoadError(f"nothing to load in {out}: no {SHARDS}/*.nt (diplograph build --scheduler …) and no diplograph.ttl")


def _binary(name: str, env: str | None = None, *alternatives: str) -> str:
    if env and os.environ.get(env):
        return os.environ[env]
    beside = Path(sys.executable).parent / name  # the venv's own (pip install oxigraph)
    if beside.is_file():
        return str(beside)
    for candidate in (name, *alternatives):
        found = shutil.which(candidate)
        if found:
            return found
    raise LoadError(f"the `{name}` command is not installed"
                    + (" (pip install oxigraph)" if name == "oxigraph" else " (Debian: apt-get install virtuoso-opensource)"))


def _last_lines(text: str, n: int = 3) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return " | ".join(lines[-n:])[:400]


def load_oxigraph(files: list[Path], location: Path, graph: str | None = None, append: bool = False) -> None:
    """Bulk-load `files` into the Oxigraph store at `location` (its default graph, or `graph`)."""
    location = Path(location)
    if location.exists() and any(location.iterdir()) and not append:
        raise LoadError(f"{location} is not empty: a bulk load adds to a store; give a new folder (or --append)")
    cmd = [_binary("oxigraph"), "load", "--location", str(location), "--file", *map(str, files)]
    if graph:
        cmd += ["--graph", graph]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        raise LoadError(f"oxigraph load failed (exit {done.returncode}): {_last_lines(done.stderr + done.stdout)}")


def _sql_string(text: str) -> str:
    if any(c in text for c in "\0\n\r"):
        raise LoadError(f"cannot name {text!r} in isql (a control character)")
    return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'"


def _graph_iri(graph: str) -> str:
    import pyoxigraph as ox

    try:
        return ox.NamedNode(graph).value
    except ValueError as exc:
        raise LoadError(f"invalid graph IRI {graph!r}: {exc}") from None


class Isql:
    """`isql HOST:PORT USER PASSWORD` sessions (credentials from DIPLOGRAPH_USER/PASSWORD, default
    dba/dba; isql takes the password as an argument, so it is visible to the machine's other users in
    the process list while a load runs)."""

    def __init__(self, where: str) -> None:
        self.binary = _binary("isql-vt", ENV_ISQL, "isql")
        self.where = where
        self.user = os.environ.get(ENV_USER) or "dba"
        self.password = os.environ.get(ENV_PASSWORD) or "dba"

    def _cmd(self) -> list[str]:
        return [self.binary, self.where, self.user, self.password, "VERBOSE=OFF", "BANNER=OFF", "PROMPT=OFF"]

    def start(self, script: str) -> subprocess.Popen:
        proc = subprocess.Popen(self._cmd(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                text=True)
        assert proc.stdin is not None
        proc.stdin.write(script + "\n")
        proc.stdin.close()
        return proc

    def finish(self, proc: subprocess.Popen, what: str) -> str:
        assert proc.stdout is not None
        output = proc.stdout.read()
        proc.wait()
        errors = [line for line in output.splitlines() if "*** Error" in line or line.startswith("*** ")]
        if proc.returncode != 0 or errors:
            detail = self.scrub(_last_lines("\n".join(errors) or output))
            raise LoadError(f"virtuoso {what} at {self.where} failed: {detail or f'isql exit {proc.returncode}'}")
        return output

    def run(self, script: str, what: str) -> str:
        return self.finish(self.start(script), what)

    def scrub(self, text: str) -> str:
        return text.replace(self.password, "***") if self.password else text


def load_virtuoso(files: list[Path], where: str, graph: str = DEFAULT_NAMED_GRAPH, loaders: int = VIRTUOSO_LOADERS) -> int:
    """Replace `graph` in the Virtuoso server at `where` (HOST:PORT of isql) by the triples of `files`,
    through Virtuoso's bulk loader; returns the number of files loaded.

    The files must all be in one folder (the shards of a build) that the server may read."""
    folders = {f.resolve().parent for f in files}
    if len(folders) != 1:
        raise LoadError("the files to load into Virtuoso must be in one folder (the shards of one build)")
    folder = str(folders.pop())
    suffixes = {"".join(f.suffixes[-1:]) for f in files}
    if suffixes - {".nt", ".ttl", ".nq"} or len(suffixes) != 1:
        raise LoadError("Virtuoso loads one kind of file here: .nt shards or one .ttl graph")
    pattern = "*" + suffixes.pop() if len(files) > 1 else files[0].name
    g = _graph_iri(graph)
    isql = Isql(where)
    isql.run(f"log_enable(3, 1);\nDELETE FROM DB.DBA.RDF_QUAD WHERE G = iri_to_id({_sql_string(g)});\n"
             f"DELETE FROM DB.DBA.load_list WHERE ll_file LIKE {_sql_string(folder + '/%')};\n"
             f"ld_dir({_sql_string(folder)}, {_sql_string(pattern)}, {_sql_string(g)});\n", "ld_dir")
    sessions = [isql.start("rdf_loader_run();") for _ in range(max(1, loaders))]
    for proc in sessions:
        isql.finish(proc, "rdf_loader_run")
    out = isql.run("checkpoint;\nSELECT 'LOADED', COUNT(*) FROM DB.DBA.load_list WHERE ll_file LIKE "
                   f"{_sql_string(folder + '/%')} AND ll_state = 2 AND ll_error IS NULL;\n"
                   "SELECT 'FAILED', ll_file, ll_error FROM DB.DBA.load_list WHERE ll_file LIKE "
                   f"{_sql_string(folder + '/%')} AND ll_error IS NOT NULL;\n", "checkpoint")
    failed = [line for line in out.splitlines() if line.startswith("FAILED")]
    if failed:
        raise LoadError(f"virtuoso could not load {len(failed)} file(s): {_last_lines(failed[0], 1)}")
    loaded = [line.split() for line in out.splitlines() if line.startswith("LOADED")]
    count = int(loaded[0][1]) if loaded and loaded[0][1:] and loaded[0][1].isdigit() else -1
    if count != len(files):
        raise LoadError(f"virtuoso loaded {count} of {len(files)} file(s) from {folder} (is it in DirsAllowed "
                        "of the server's virtuoso.ini?)")
    return count


def load(out: Path, into: str, graph: str | None = None, append: bool = False) -> tuple[Target, list[Path]]:
    """Load a build's output (`out`: its folder, or a graph file) into the store named by `into`."""
    target = parse_target(into)
    files = input_files(Path(out))
    if target.kind == "oxigraph":
        load_oxigraph(files, Path(target.where), graph, append)
    else:
        load_virtuoso(files, target.where, graph or DEFAULT_NAMED_GRAPH)
    return target, files


# The settings a Virtuoso 7 server needs to bulk-load a build (docs/distributed.md): its database files
# under `db`, SQL and HTTP on loopback ports, the shards' folder allowed to `ld_dir`, UTF-8, case kept.
_VIRTUOSO_INI = """[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
LockFile = {db}/virtuoso.lck
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
DirsAllowed = ., {data}
NumberOfBuffers = {buffers}
MaxDirtyBuffers = {dirty}
CaseMode = 2
[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerThreads = 4
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 600
"""


def virtuoso_ini(db: Path, data: Path, sql_port: int, http_port: int, buffers: int = 10_000) -> str:
    """A `virtuoso.ini` for a server of our own that loads the shards in `data` (`virtuoso-t -f -c INI`).

    `buffers` is Virtuoso's NumberOfBuffers (8 KB pages: 10,000 = 80 MB; about 2/3 of the memory to give
    it for a large load), its MaxDirtyBuffers three quarters of that."""
    return _VIRTUOSO_INI.format(db=db, data=data, sql=sql_port, http=http_port, buffers=buffers,
                                dirty=buffers * 3 // 4)
