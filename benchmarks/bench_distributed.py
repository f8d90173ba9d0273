"""The build on Dask (`--scheduler local:N`) against the local process pool, on generated articles.

    .venv/bin/python benchmarks/bench_distributed.py --n 100000          # writes benchmarks/distributed_results.md
    .venv/bin/python benchmarks/bench_distributed.py --n 5000 --no-write # a quick look

Both builds run as child processes on the same generated corpus (benchmarks/make_corpus.py, seeded;
a folder of .txt files, generated once and reused from `--work`): wall and CPU seconds (the process
tree's, from `run.run_measured`), peak memory of the tree (sum of RSS, sampled), and for the Dask build
the wall seconds of each stage and the client's peak RSS before and after resolution (the one stage
that runs on the client; `distributed.build_distributed(stats=…)`). The two Turtle files are compared
byte for byte. On a machine shared with other work, compare the ratios of one run, not the seconds.
"""
from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import run  # noqa: E402  (benchmarks/run.py: run_measured, CPU)

from diplograph.load import virtuoso_ini  # noqa: E402

CHILD_DIST = """
import json, sys
from diplograph.distributed import build_distributed
stats = {"measure_summaries": True}
r = build_distributed([sys.argv[1]], sys.argv[2], scheduler=sys.argv[3], partition_size=int(sys.argv[4]),
                      validate=False, stats=stats)
stats.pop("measure_summaries")
print(json.dumps({"read": r.read, "triples": r.triples, **stats}))
"""
CHILD_LOCAL = """
import json, sys, time
from diplograph.build import build_graph
r = build_graph([sys.argv[1]], sys.argv[2], html=False, validate=False)
print(json.dumps({"read": r.read, "triples": r.triples}))
"""


def corpus(n: int, work: Path) -> Path:
    src = work / f"gen-{n}"
    if not (src / "planted.json").is_file():
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"), str(n), str(src)], check=True,
                       stdout=subprocess.DEVNULL)
    return src


def measure(code: str, *args: str) -> dict:
    wall, peak, out = run.run_measured([sys.executable, "-c", code, *args])
    got = json.loads(out.strip().splitlines()[-1])
    got.update(wall_s=round(wall, 1), cpu_s=round(run.CPU[-1], 1), peak_tree_mb=round(peak / 2**20))
    return got


def table(n: int, workers: int, size: int, local: dict, dist: dict, same: bool) -> str:
    def ratio(a: float, b: float) -> str:
        return f"{a / b:.2f}" if b else "-"

    lines = [
        f"# Distributed build (Dask `--scheduler local:{workers}`) vs the local pool: {n:,} generated articles",
        "",
        f"This machine: {run.os.cpu_count()} cores shared with other work (Python {platform.python_version()}); "
        f"partitions of {size} articles; {time.strftime('%Y-%m-%d')}.",
        "",
        "| measure | local pool | Dask | Dask / local |",
        "|---|---|---|---|",
        f"| wall | {local['wall_s']} s | {dist['wall_s']} s | {ratio(dist['wall_s'], local['wall_s'])} |",
        f"| CPU (process tree) | {local['cpu_s']} s | {dist['cpu_s']} s | {ratio(dist['cpu_s'], local['cpu_s'])} |",
        f"| peak memory (tree, sum of RSS) | {local['peak_tree_mb']} MB | {dist['peak_tree_mb']} MB | "
        f"{ratio(dist['peak_tree_mb'], local['peak_tree_mb'])} |",
        f"| triples | {local['triples']:,} | {dist['triples']:,} | Turtle byte-identical: {'yes' if same else 'NO'} |",
        "",
        "Dask build by stage (wall seconds, client side):",
        "",
        "| stage | seconds |",
        "|---|---|",
    ]
    for key in (k for k in dist if k.endswith("_s") and k not in ("wall_s", "cpu_s")):  # the stages, in their order
        lines.append(f"| {key[:-2]} | {dist[key]} |")
    lines += [
        "",
        f"Client peak RSS before resolution {dist['rss_before_resolve_mb']:.0f} MB, after {dist['rss_after_resolve_mb']:.0f} MB "
        f"(resolution inputs pickled: {dist['summary_bytes'] / 2**20:.1f} MB, {dist['summary_bytes'] / max(1, dist['read']):.0f} bytes "
        "an article).",
        "",
    ]
    return "\n".join(lines)





def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for_port(port: int, seconds: float) -> None:
    import socket

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port} after {seconds} s")


def bench_load(out: Path, work: Path, triples: int) -> list[str]:
    """`diplograph load` of the Dask build's shards into a new Oxigraph store and a new Virtuoso
    database (a server started here, stopped after): wall seconds and triples per second."""
    import shutil

    rows = []
    store = work / "oxigraph-store"
    shutil.rmtree(store, ignore_errors=True)
    t = time.perf_counter()
    subprocess.run([*run.CLI, "load", str(out), "--into", f"oxigraph:{store}"], check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - t
    rows.append(f"| Oxigraph (`oxigraph load`, files in parallel) | {wall:.1f} s | {triples / wall:,.0f} |")
    binary = shutil.which("virtuoso-t")
    if binary:
        db = work / "virtuoso-db"
        shutil.rmtree(db, ignore_errors=True)
        db.mkdir()
        sql, http = free_port(), free_port()
        (db / "virtuoso.ini").write_text(virtuoso_ini(db, out.resolve(), sql, http, buffers=170_000))
        proc = subprocess.Popen([binary, "+foreground", "+configfile", str(db / "virtuoso.ini")], cwd=db,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            _wait_for_port(sql, 120)
            t = time.perf_counter()
            subprocess.run([*run.CLI, "load", str(out), "--into", f"virtuoso:127.0.0.1:{sql}"], check=True, cwd=ROOT,
                           stdout=subprocess.DEVNULL)
            wall = time.perf_counter() - t
            rows.append(f"| Virtuoso 7 (ld_dir, 2 × rdf_loader_run, checkpoint) | {wall:.1f} s | {triples / wall:,.0f} |")
        finally:
            proc.terminate()
            proc.wait(timeout=60)
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--partition-size", type=int, default=1000)
    ap.add_argument("--work", type=Path, default=Path("/tmp/diplograph-bench-distributed"))
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--load-only", type=int, default=0, metavar="TRIPLES",
                    help="only time the bulk loads of the last Dask build in --work (its triple count)")
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    if args.load_only:
        print("\n".join(["| store | load | triples/s |", "|---|---|---|",
                         *bench_load(args.work / "out-dask", args.work, args.load_only)]))
        return 0
    src = corpus(args.n, args.work)
    local = measure(CHILD_LOCAL, str(src), str(args.work / "out-local"))
    dist = measure(CHILD_DIST, str(src), str(args.work / "out-dask"), f"local:{args.workers}", str(args.partition_size))
    same = (args.work / "out-local" / "diplograph.ttl").read_bytes() == (args.work / "out-dask" / "diplograph.ttl").read_bytes()
    text = table(args.n, args.workers, args.partition_size, local, dist, same)
    text += "\n".join(["", "Bulk load of the shards:", "", "| store | load | triples/s |", "|---|---|---|",
                       *bench_load(args.work / "out-dask", args.work, dist["triples"]), ""])
    print(text)
    print(json.dumps({"local": local, "dask": dist}), file=sys.stderr)
    if not args.no_write:
        (ROOT / "benchmarks" / "distributed_results.md").write_text(text, encoding="utf-8")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
