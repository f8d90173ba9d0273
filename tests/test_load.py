"""Bulk loading the shards of a distributed build into REAL stores started by the tests: Oxigraph
(`oxigraph load`, then `oxigraph serve-read-only`) and Virtuoso 7 (Debian's `virtuoso-t`, loaded with
`ld_dir` / `rdf_loader_run` / `checkpoint` through isql). The five contract queries give the local
build's rows over SPARQL. A missing store FAILS (Virtuoso is installed by .ci/run), never skips.
"""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Iterator

import pytest
from click.testing import CliRunner

from corpus_sample import write_shards
from diplograph.build import build_graph
from diplograph.cli import main
from diplograph.distributed import build_distributed, shard_files
from diplograph.engine import load_graph, sort_key
from diplograph.load import LoadError, input_files, load_virtuoso, parse_target, virtuoso_ini
from diplograph.push import DEFAULT_NAMED_GRAPH, Endpoint
from diplograph.query import run_query, run_remote_query

pytestmark = [pytest.mark.store, pytest.mark.dask]
CONTRACT = ("people", "conferences", "participants", "agreements", "priorities")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def answers(url: str, proc: subprocess.Popen, seconds: float) -> bool:
    """Whether the SPARQL endpoint at `url` answers an ASK before the deadline (and the server lives)."""
    deadline = time.monotonic() + seconds
    ask = url + "?query=" + urllib.request.quote("ASK { ?s ?p ?o }")
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        try:
            req = urllib.request.Request(ask, headers={"Accept": "application/sparql-results+json"})
            with urllib.request.urlopen(req, timeout=2) as resp:
                if resp.status == 200:
                    return True
        except (urllib.error.URLError, ConnectionError, OSError):
            time.sleep(0.2)
    return False


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    """(output folder of a distributed build on a 1-worker LocalCluster that the build starts and
    stops itself, `--scheduler local:1`; Turtle of the local build)."""
    shards = write_shards(tmp_path_factory.mktemp("corpus"), 200, 4, step=37)
    local = tmp_path_factory.mktemp("local")
    build_graph(shards, local, html=False, validate=False, jobs=1)
    out = tmp_path_factory.mktemp("dist")
    build_distributed(shards, out, scheduler="local:1", partition_size=30, validate=False)
    assert (out / "diplograph.ttl").read_bytes() == (local / "diplograph.ttl").read_bytes()
    return out, local / "diplograph.ttl"


@pytest.fixture(scope="module")
def local_graph(built):
    return load_graph(built[1], "oxigraph")


def same_rows(endpoint: Endpoint, local_graph, named_graph: str | None) -> None:
    for name in CONTRACT:
        local = run_query(name, graph=local_graph)
        remote = run_remote_query(name, endpoint, named_graph=named_graph)
        assert remote.vars == local.vars, name
        assert sorted(remote.rows, key=sort_key) == sorted(local.rows, key=sort_key), name
    assert run_query("people", graph=local_graph).rows and run_query("conferences", graph=local_graph).rows


def triple_count(endpoint: Endpoint, named_graph: str | None) -> int:
    got = endpoint.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", default_graph=named_graph)
    return int(got.rows[0][0].value)


# ----------------------------------------------------------------------------- Oxigraph
def oxigraph_binary() -> str:
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.is_file() else shutil.which("oxigraph")
    if not found:
        pytest.fail("the `oxigraph` command is missing: pip install oxigraph (it is in the [test] extras)")
    return found


@pytest.fixture(scope="module")
def oxigraph_loaded(built, tmp_path_factory) -> Iterator[Endpoint]:
    out, _ = built
    store = tmp_path_factory.mktemp("oxstore") / "store"
    result = CliRunner().invoke(main, ["load", str(out), "--into", f"oxigraph:{store}"])
    assert result.exit_code == 0, result.output
    assert f"loaded {len(shard_files(out / 'shards'))} file(s) into oxigraph" in result.output
    for _ in range(3):  # a port picked as free can be taken before the server binds it
        port = free_port()
        proc = subprocess.Popen([oxigraph_binary(), "serve-read-only", "--location", str(store), "--bind",
                                 f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        if answers(base + "/query", proc, 30):
            try:
                yield Endpoint.from_urls(base + "/query", timeout=60)
            finally:
                stop(proc)
            return
        stop(proc)
    pytest.fail("could not start oxigraph serve-read-only on the loaded store")


def test_oxigraph_bulk_load_gives_the_local_rows(oxigraph_loaded: Endpoint, local_graph) -> None:
    same_rows(oxigraph_loaded, local_graph, None)


def test_oxigraph_store_holds_as_many_triples_as_the_local_graph(oxigraph_loaded: Endpoint, built) -> None:
    from diplograph.mapper import Triples

    assert triple_count(oxigraph_loaded, None) == len(Triples.from_turtle(built[1].read_bytes()))


def test_oxigraph_load_refuses_a_store_that_is_not_empty(built, tmp_path) -> None:
    (tmp_path / "x").write_text("something")
    result = CliRunner().invoke(main, ["load", str(built[0]), "--into", f"oxigraph:{tmp_path}"])
    assert result.exit_code == 1 and "is not empty" in result.output and "Traceback" not in result.output


# ----------------------------------------------------------------------------- Virtuoso



@pytest.fixture(scope="module")
def virtuoso(built, tmp_path_factory) -> Iterator[tuple[str, Endpoint]]:
    """A Virtuoso 7 server on free loopback ports, its files in a temporary folder, allowed to read
    the build's shards; (isql address, SPARQL endpoint). Stopped (only this process) at the end."""
    binary = shutil.which("virtuoso-t")
    if not binary:
        pytest.fail("virtuoso-t is missing: apt-get install virtuoso-opensource (.ci/run installs it)")
    errors = []
    for attempt in range(3):
        db = tmp_path_factory.mktemp(f"virtuoso-{attempt}")
        sql, http = free_port(), free_port()
        ini = db / "virtuoso.ini"
        ini.write_text(virtuoso_ini(db, built[0].resolve(), sql, http))
        log = open(db / "stdout.log", "w+b")
        proc = subprocess.Popen([binary, "+foreground", "+configfile", str(ini)], cwd=db, stdout=log,
                                stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{http}/sparql"
        if answers(url, proc, 90):
            try:
                yield f"127.0.0.1:{sql}", Endpoint.from_urls(url, timeout=120)
            finally:
                stop(proc)
                log.close()
            return
        stop(proc)
        log.seek(0)
        errors.append(log.read().decode("utf-8", "replace")[-400:])
        log.close()
    pytest.fail("could not start Virtuoso: " + " | ".join(errors))


@pytest.fixture(scope="module")
def virtuoso_loaded(virtuoso, built) -> Endpoint:
    address, endpoint = virtuoso
    result = CliRunner().invoke(main, ["load", str(built[0]), "--into", f"virtuoso:{address}"])
    assert result.exit_code == 0, result.output
    return endpoint


def test_virtuoso_bulk_load_gives_the_local_rows(virtuoso_loaded: Endpoint, local_graph) -> None:
    same_rows(virtuoso_loaded, local_graph, DEFAULT_NAMED_GRAPH)


def test_virtuoso_load_again_replaces_the_graph(virtuoso, virtuoso_loaded: Endpoint, built) -> None:
    from diplograph.mapper import Triples

    expected = len(Triples.from_turtle(built[1].read_bytes()))
    assert triple_count(virtuoso_loaded, DEFAULT_NAMED_GRAPH) == expected
    assert load_virtuoso(input_files(built[0]), virtuoso[0]) == len(shard_files(built[0] / "shards"))
    assert triple_count(virtuoso_loaded, DEFAULT_NAMED_GRAPH) == expected  # replaced, not doubled


def test_virtuoso_names_a_file_it_could_not_load(virtuoso, built, tmp_path) -> None:
    broken = tmp_path / "shards"
    broken.mkdir()
    shutil.copy(shard_files(built[0] / "shards")[0], broken / "part-00000.nt")
    (broken / "part-00001.nt").write_text('<https://example.org/a> <https://example.org/p> "no end\n')
    with pytest.raises(LoadError, match="part-00001.nt"):
        load_virtuoso(shard_files(broken), virtuoso[0], "https://example.org/broken")


# ----------------------------------------------------------------------------- arguments
@pytest.mark.parametrize("value", ["oxigraph:", "virtuoso:host", "virtuoso:host:port", "fuseki:x", "nothing"])
def test_a_target_it_cannot_use_is_refused(value: str) -> None:
    with pytest.raises(LoadError, match="--into"):
        parse_target(value)


def test_nothing_to_load_is_one_line(tmp_path) -> None:
    result = CliRunner().invoke(main, ["load", str(tmp_path), "--into", f"oxigraph:{tmp_path / 'store'}"])
    assert result.exit_code == 1 and "nothing to load" in result.output
