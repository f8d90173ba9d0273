"""Benchmark of the viz page: HTML size, write time and settle time in headless Chromium.

Run:  .venv/bin/python benchmarks/bench_viz.py            # all cases, writes benchmarks/viz_results.md
      .venv/bin/python benchmarks/bench_viz.py --screenshot  # only docs/screenshot-seeds.png

"Settle" is the time from navigation start until the page has finished its layout and switched
physics off (``window.diplograph.settleMs``, measured by the page itself), plus the wall time
Playwright waited for it.  Pages are opened from file:// with every http(s) request aborted, so
the numbers are what an offline reader sees.  The 2,000-node bound used by
tests/test_viz_browser.py comes from these measurements.
"""
from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from rdflib import Graph

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from diplograph import viz  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SEEDS_FIXTURE = ROOT / "tests" / "data" / "viz_seeds.ttl"
REAL_GRAPH = ROOT / "graph" / "diplograph.ttl"
SCREENSHOT = ROOT / "docs" / "screenshot-seeds.png"
RESULTS = ROOT / "benchmarks" / "viz_results.md"


def _launch(p: Any) -> Any:
    return p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def open_and_settle(browser: Any, html: Path, viewport: tuple[int, int] = (1400, 900),
                    timeout_s: float = 120.0) -> tuple[Any, float, int]:
    """Open ``html`` offline; return (page, wall seconds to settle, page-measured settle ms)."""
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    context.route("**/*", lambda route: route.abort() if route.request.url.startswith(("http:", "https:"))
                  else route.continue_())
    page = context.new_page()
    t = time.monotonic()
    page.goto(html.resolve().as_uri())
    page.wait_for_function("() => !!(window.diplograph && window.diplograph.settled === true)",
                           timeout=timeout_s * 1000)
    wall = time.monotonic() - t
    return page, wall, int(page.evaluate("window.diplograph.settleMs"))


def measure(browser: Any, name: str, graph: Graph, runs: int = 3, **kwargs: Any) -> dict[str, Any]:
    """Write the page for ``graph`` and open it ``runs`` times; medians of the timings."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "page.html"
        t = time.monotonic()
        report = viz.write_html(graph, out, **kwargs)
        write_s = time.monotonic() - t
        walls, settles = [], []
        physics = None
        for _ in range(runs):
            page, wall, settle = open_and_settle(browser, out)
            physics = page.evaluate("window.diplograph.data.meta.physics")
            assert page.evaluate("window.diplograph.physicsEnabled()") is False
            walls.append(wall)
            settles.append(settle)
            page.context.close()
    return {"name": name, "nodes": report["nodes"], "edges": report["edges"], "bytes": report["bytes"],
            "write_s": write_s, "wall_s": statistics.median(walls), "settle_ms": statistics.median(settles),
            "settle_max_ms": max(settles), "physics": physics}


def take_screenshot(ttl: Path = REAL_GRAPH, png: Path = SCREENSHOT, max_nodes: int = 500,
                    viewport: tuple[int, int] = (1400, 900), **kwargs: Any) -> Path:
    """Render ``ttl`` and save a screenshot of the page (the README image).

    Falls back to the hand-built fixture when the real graph has not been built yet.
    """
    from playwright.sync_api import sync_playwright

    source = ttl if ttl.exists() else SEEDS_FIXTURE
    graph = Graph().parse(source, format="turtle")
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        out = Path(tmp) / "page.html"
        viz.write_html(graph, out, max_nodes=max_nodes, **kwargs)
        browser = _launch(p)
        page, _, _ = open_and_settle(browser, out, viewport=viewport)
        # Show what a click gives: the details of the most connected person, without zooming in.
        page.evaluate("""() => { const d = window.diplograph;
            const people = d.data.nodes.filter(n => n.type === 'person').sort((a, b) => b.size - a.size);
            if (people.length) { d.network.selectNodes([people[0].id]); d.showNode(people[0].id); } }""")
        page.wait_for_timeout(300)
        png.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(png))
        browser.close()
    print(f"screenshot of {source} -> {png}")
    return png


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--screenshot", action="store_true", help="only write docs/screenshot-seeds.png")
    parser.add_argument("--graph", type=Path, default=REAL_GRAPH, help="graph for the screenshot")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if args.screenshot:
        take_screenshot(args.graph)
        return
    from playwright.sync_api import sync_playwright

    cases: list[tuple[str, Graph, dict[str, Any]]] = [
        ("seeds-like fixture (tests/data/viz_seeds.ttl)", Graph().parse(SEEDS_FIXTURE, format="turtle"), {})]
    if REAL_GRAPH.exists():
        cases.append(("graph/diplograph.ttl (--max-nodes 500)", Graph().parse(REAL_GRAPH, format="turtle"), {"max_nodes": 500}))
        cases.append(("graph/diplograph.ttl (all nodes)", Graph().parse(REAL_GRAPH, format="turtle"), {"max_nodes": None}))
    cases += [
        ("synthetic 500 nodes (physics polish)", viz.synthetic_graph(500), {"max_nodes": None}),
        ("synthetic 2,000 nodes (opens on 300, default)", viz.synthetic_graph(2000), {"max_nodes": None}),
        ("synthetic 2,000 nodes, all in the opening view, physics forced on", viz.synthetic_graph(2000),
         {"max_nodes": None, "physics_max_nodes": 10_000, "start_nodes": 2000}),
        ("synthetic 2,000 nodes, --max-nodes 500", viz.synthetic_graph(2000), {"max_nodes": 500}),
    ]
    rows = []
    with sync_playwright() as p:
        browser = _launch(p)
        version = browser.version
        for name, graph, kwargs in cases:
            row = measure(browser, name, graph, runs=args.runs, **kwargs)
            print(f"{name}: {row}")
            rows.append(row)
        browser.close()
    lines = [
        "# viz benchmark",
        "",
        "Written by `benchmarks/bench_viz.py` (re-run it to refresh). Pages opened from file:// in headless",
        f"Chromium {version} (`/usr/bin/chromium`) with the network blocked; {platform.machine()}, "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}. Timings are medians of {args.runs} loads.",
        "",
        "Settle = navigation start until the layout is done and physics is switched off, as measured by the",
        "page (`window.diplograph.settleMs`); wall = what Playwright waited for that, including parsing the HTML.",
        "",
        "| case | nodes | edges | HTML size | write (Python) | settle (page) | settle max | wall | physics |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        lines.append(f"| {r['name']} | {r['nodes']:,} | {r['edges']:,} | {r['bytes'] / 1024:,.0f} KiB | "
                     f"{r['write_s']:.2f} s | {r['settle_ms']:,} ms | {r['settle_max_ms']:,} ms | {r['wall_s']:.2f} s | "
                     f"{'polish then off' if r['physics'] else 'off (precomputed)'} |")
    lines += [
        "",
        "About 460 KiB of every page is the inlined vis-network 9.1.2 build (from pyvis' bundled files).",
        "A graph of more than 300 nodes opens on 300 of them (`--start`; all nodes stay in the page's data),",
        "so its opening view always gets the bounded physics polish; an opening view above 800 nodes would",
        "skip it: forcing it on for 2,000 nodes costs several seconds of CPU. Real archives:",
        "`benchmarks/viz_archive_results.md`.",
        "tests/test_viz_browser.py allows the 2,000-node page 15 s to settle (`SETTLE_BOUND_2000_S`).",
        "",
    ]
    RESULTS.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
