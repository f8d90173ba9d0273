"""Benchmark of the archive view (issue 17): open + settle time of the page in headless Chromium on
real builds, and what the page costs the default build of 10,000 articles, before and after.

Run:  .venv/bin/python benchmarks/bench_viz_archive.py              # both parts, writes benchmarks/viz_archive_results.md
      .venv/bin/python benchmarks/bench_viz_archive.py --skip-build # only the browser part
      .venv/bin/python benchmarks/bench_viz_archive.py --screenshots # docs/screenshot-archive*.png

Articles are read from the shared corpus (../shared/corpus/baomoi-2017.jsonl.gz next to the checkout)
into a temporary folder, never into the repo. "Open + settle" is the wall time from navigation start
until the page reports ``window.diplograph.settled`` (physics polish done and switched off, view
fitted) and has drawn its labels for that view; pages are opened from file:// with the network blocked.

"Before" is the viz module of ``--base`` (default cd15937, the last commit before issue 17), loaded
from git into this process and swapped in for the build's page step, so both versions run in one
session on the same machine load, alternating.
"""
from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from diplograph import viz  # noqa: E402
from diplograph.build import build_graph  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "baomoi-2017.jsonl.gz"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
RESULTS = ROOT / "benchmarks" / "viz_archive_results.md"
SETTLED = "() => !!(window.diplograph && window.diplograph.settled && window.diplograph.labelsCurrent())"


def write_subset(path: Path, *, diplomacy: bool, limit: int | None) -> int:
    """Write corpus articles to ``path`` (those mentioning "ngoại giao" when ``diplomacy``)."""
    n = 0
    with gzip.open(CORPUS, "rt", encoding="utf-8") as src, path.open("w", encoding="utf-8") as out:
        for line in src:
            if diplomacy and "ngoại giao" not in unicodedata.normalize("NFC", json.loads(line)["text"]).lower():
                continue
            out.write(line)
            n += 1
            if limit is not None and n >= limit:
                break
    return n


def open_and_settle(browser: Any, html: Path) -> tuple[Any, float, int]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.route("**/*", lambda route: route.abort() if route.request.url.startswith(("http:", "https:"))
                  else route.continue_())
    page = context.new_page()
    t = time.monotonic()
    page.goto(html.resolve().as_uri())
    page.wait_for_function(SETTLED, timeout=120_000)
    return page, time.monotonic() - t, int(page.evaluate("window.diplograph.settleMs"))


def browser_part(tmp: Path, runs: int) -> list[dict[str, Any]]:
    from playwright.sync_api import sync_playwright

    rows = []
    cases = [("first 1,000 corpus articles mentioning “ngoại giao”", True, 1000),
             ("all 1,498 corpus articles mentioning “ngoại giao”", True, None),
             ("first 10,000 corpus articles", False, 10_000)]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, diplomacy, limit in cases:
            src = tmp / f"in-{diplomacy}-{limit}.jsonl"
            n = write_subset(src, diplomacy=diplomacy, limit=limit)
            out = tmp / f"out-{diplomacy}-{limit}"
            build_graph([src], out, validate=False)
            html = out / "diplograph.html"
            walls, settles = [], []
            add_all = 0.0
            for _ in range(runs):
                page, wall, settle = open_and_settle(browser, html)
                info: dict[str, Any] = page.evaluate("""() => { const d = window.diplograph;
                    return {nodes: d.data.nodes.length, edges: d.data.edges.length, view: d.nodes.length,
                            viewEdges: d.edges.length, labels: d.labelBoxes.length}; }""")
                walls.append(wall)
                settles.append(settle)
                if len(walls) == 1:  # "Add all nodes": every node of the page drawn, labels included
                    t = time.monotonic()
                    page.click("#dg-all")
                    page.wait_for_function("() => window.diplograph.labelsCurrent()")
                    add_all = time.monotonic() - t
                page.context.close()
            rows.append({"name": name, "articles": n, "bytes": html.stat().st_size, **info, "addAll": add_all,
                         "wall": statistics.median(walls), "wall_max": max(walls), "settle": statistics.median(settles)})
            print(rows[-1], flush=True)
        browser.close()
    return rows


def load_base_viz(rev: str) -> Any:
    """The viz module of git revision ``rev``, importable next to today's (relative imports work)."""
    source = subprocess.run(["git", "show", f"{rev}:src/diplograph/viz.py"], cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout
    spec = importlib.util.spec_from_loader("diplograph._viz_base", loader=None)
    assert spec
    module = importlib.util.module_from_spec(spec)
    module.__package__ = "diplograph"
    sys.modules["diplograph._viz_base"] = module
    exec(compile(source, f"{rev}:src/diplograph/viz.py", "exec"), module.__dict__)  # noqa: S102 - our own file
    return module


def _cpu() -> float:
    """CPU seconds of this process and its reaped children (the build's worker pool): less disturbed
    than wall time by the other jobs of a shared machine."""
    import resource

    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def build_part(tmp: Path, base_rev: str, runs: int) -> dict[str, Any]:
    from rdflib import Graph

    base = load_base_viz(base_rev)
    src = tmp / "first10k.jsonl"
    write_subset(src, diplomacy=False, limit=10_000)
    new_page = viz.html_page
    times: dict[str, list[float]] = {"no page": [], "before": [], "after": []}
    cpus: dict[str, list[float]] = {"no page": [], "before": [], "after": []}
    sizes: dict[str, int] = {}
    for _ in range(runs):
        for variant in ("before", "after", "no page"):
            viz.html_page = base.html_page if variant == "before" else new_page  # the build imports it at call time
            out = tmp / f"out10k-{variant}"
            t, c = time.monotonic(), _cpu()
            build_graph([src], out, html=variant != "no page")
            times[variant].append(time.monotonic() - t)
            cpus[variant].append(_cpu() - c)
            if variant != "no page":
                sizes[variant] = (out / "diplograph.html").stat().st_size
            print(variant, f"{times[variant][-1]:.2f} s, CPU {cpus[variant][-1]:.2f} s", flush=True)
    viz.html_page = new_page
    graph = Graph().parse(tmp / "out10k-after" / "diplograph.ttl", format="turtle")
    step: dict[str, list[float]] = {"before": [], "after": []}
    step_cpu: dict[str, list[float]] = {"before": [], "after": []}
    for _ in range(runs):
        for variant, fn in (("before", base.html_page), ("after", new_page)):
            t, c = time.monotonic(), time.process_time()
            page, report = fn(graph)
            step[variant].append(time.monotonic() - t)
            step_cpu[variant].append(time.process_time() - c)
    med = {k: statistics.median(v) for k, v in times.items()}
    return {"times": times, "median": med, "cpus": cpus, "cpu_median": {k: statistics.median(v) for k, v in cpus.items()},
            "sizes": sizes, "triples": len(graph),
            "step": {k: statistics.median(v) for k, v in step.items()},
            "step_cpu": {k: statistics.median(v) for k, v in step_cpu.items()}, "step_runs": step,
            "nodes": report["nodes"], "edges": report["edges"]}


def screenshots() -> None:
    """docs/screenshot-archive.png (the opening view) and docs/screenshot-archive-focus.png (a search)."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as t, sync_playwright() as p:
        tmp = Path(t)
        src = tmp / "in.jsonl"
        write_subset(src, diplomacy=True, limit=None)
        build_graph([src], tmp / "out", validate=False)
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page, _, _ = open_and_settle(browser, tmp / "out" / "diplograph.html")
        page.screenshot(path=str(ROOT / "docs" / "screenshot-archive.png"))
        page.fill("#dg-search", "Phạm Bình Minh")
        page.press("#dg-search", "Enter")
        page.wait_for_function("() => !window.diplograph.animating && window.diplograph.labelsCurrent()")
        page.click("#dg-arrange")
        page.wait_for_function("() => !window.diplograph.animating && window.diplograph.labelsCurrent()")
        page.screenshot(path=str(ROOT / "docs" / "screenshot-archive-focus.png"))
        browser.close()
    print("wrote docs/screenshot-archive.png and docs/screenshot-archive-focus.png")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--base", default="cd15937", help="git revision of the viz module to compare with")
    parser.add_argument("--skip-build", action="store_true", help="only the browser part")
    parser.add_argument("--screenshots", action="store_true", help="only write the docs screenshots")
    args = parser.parse_args()
    if not CORPUS.is_file():
        sys.exit(f"{CORPUS} is missing")
    if args.screenshots:
        screenshots()
        return
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        rows = browser_part(tmp, args.runs)
        build = None if args.skip_build else build_part(tmp, args.base, args.runs)
    version = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip()
    lines = [
        "# viz benchmark on real archives (issue 17)",
        "",
        "Written by `benchmarks/bench_viz_archive.py` (re-run it to refresh). "
        f"{version}, headless; {platform.machine()}, {os.cpu_count()} CPUs (shared), Python {platform.python_version()}.",
        "",
        "## Open + settle in headless Chromium",
        "",
        f"Medians of {args.runs} loads; wall = navigation start until the page is settled (physics polish done, view",
        "fitted) and its labels are drawn for that view; settle = the page's own `settleMs`. The page holds every",
        "node of the graph; vis-network draws the opening view.",
        "",
        "| build | articles | nodes / edges in the page | opening view (nodes / edges) | labels drawn | HTML | open + settle (wall) | max | settle (page) | Add all nodes |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(f"| {r['name']} | {r['articles']:,} | {r['nodes']:,} / {r['edges']:,} | {r['view']:,} / {r['viewEdges']:,} | "
                     f"{r['labels']} | {r['bytes'] / 2**20:.1f} MiB | {r['wall']:.2f} s | {r['wall_max']:.2f} s | {r['settle']:,} ms | "
                     f"{r['addAll']:.2f} s |")
    if build:
        m = build["median"]
        lines += [
            "",
            "## What the page costs the default build of 10,000 articles",
            "",
            f"The first 10,000 articles of the corpus ({build['triples']:,} triples; the page holds {build['nodes']:,} nodes, "
            f"{build['edges']:,} edges). `build_graph(paths, out)` with its defaults (HTML on; SHACL skipped above 30,000 triples),",
            f"wall times, {args.runs} runs of each variant alternating in one session; before = viz of {args.base}.",
            "",
            "| variant | wall, runs (s) | wall median | CPU, runs (s) | CPU median | HTML |",
            "|---|---|---:|---|---:|---:|",
        ]
        cm = build["cpu_median"]
        for k in ("no page", "before", "after"):
            size = f"{build['sizes'][k] / 2**20:.1f} MiB" if k in build["sizes"] else ""
            lines.append(f"| {k} | {', '.join(f'{x:.2f}' for x in build['times'][k])} | {m[k]:.2f} s | "
                         f"{', '.join(f'{x:.2f}' for x in build['cpus'][k])} | {cm[k]:.2f} s | {size} |")
        s, sc = build["step"], build["step_cpu"]
        lines += [
            "",
            f"The page step alone (`html_page` on the parsed graph, medians of {args.runs}): before {s['before']:.2f} s wall / "
            f"{sc['before']:.2f} s CPU, after {s['after']:.2f} s wall / {sc['after']:.2f} s CPU. Against the build without a page, "
            f"the page adds {(s['after'] - s['before']) / m['no page'] * 100:+.1f}% wall "
            f"({(sc['after'] - sc['before']) / cm['no page'] * 100:+.1f}% CPU) to what it added before.",
            f"Whole builds, after / before: wall {m['after'] / m['before']:.3f}, CPU {cm['after'] / cm['before']:.3f} "
            "(whole-build wall times on this shared machine vary far more than the difference: see the runs).",
        ]
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
