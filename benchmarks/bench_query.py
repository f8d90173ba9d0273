"""Benchmark the embedded engines on a synthetic graph of about a million triples.

The graph follows docs/model.md (articles, people, dated posts, meetings with participations,
agreements with actions, priorities, mentions), generated from a fixed seed so runs compare. For
each engine it reports parse time, Turtle serialization time and the median time of every canned
query (parameters at their defaults), and writes a markdown table to benchmarks/query_results.md.

    .venv/bin/python benchmarks/bench_query.py --triples 1000000 --repeat 3 --timeout 120

rdflib is pure Python: each of its steps is bounded by ``--timeout`` (SIGALRM) so a slow query is
reported as "> N s" instead of stalling the run.
"""
from __future__ import annotations

import argparse
import gc
import platform
import random
import signal
import statistics
import sys
import time
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from diplograph.engine import load_graph  # noqa: E402
from diplograph.query import bind_params, list_queries  # noqa: E402

DG = "https://w3id.org/diplograph/ontology#"
ID = "https://w3id.org/diplograph/id/"
SCHEMA = "https://schema.org/"
PROV = "http://www.w3.org/ns/prov#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
XSD = "http://www.w3.org/2001/XMLSchema#"

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
MIDDLE = ["Văn", "Thị", "Minh", "Thanh", "Quốc", "Đức", "Hữu", "Xuân", "Anh", "Hoài"]
GIVEN = ["Sơn", "Chính", "Hà", "Dũng", "Lan", "Hùng", "Phúc", "Trang", "Tuấn", "Hằng", "Nam", "Việt"]
POSITIONS = ["Bộ trưởng", "Thứ trưởng", "Đại sứ", "Thủ tướng", "Phó Thủ tướng", "Chủ tịch", "Vụ trưởng", "Tổng Lãnh sự"]
KINDS = [("hội nghị", "Conference"), ("hội đàm", "Talks"), ("thăm", "Visit"), ("tiếp", "Reception"),
         ("điện đàm", "PhoneCall"), ("diễn đàn", "Forum"), ("hội kiến", "CourtesyCall")]
ACTIONS = [("ký kết", "Signed"), ("phê chuẩn", "Ratified"), ("đàm phán", "Negotiating"), ("triển khai", "Implementing")]
ROLES = ["chair", "speaker", "attendee", "attendee"]
TOPICS = ["ngoại giao kinh tế", "bảo hộ công dân", "hội nhập quốc tế", "ngoại giao vaccine", "biên giới lãnh thổ",
          "ngoại giao văn hóa", "công tác người Việt Nam ở nước ngoài", "hợp tác đa phương"]


def nn(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def generate(path: Path, target: int, seed: int = 7) -> int:
    """Write a seeded synthetic graph of about ``target`` triples to ``path`` (N-Triples); returns the count."""
    rnd = random.Random(seed)
    scale = target / 1_000_000
    n_articles, n_people, n_orgs = int(20_000 * scale), int(5_000 * scale), max(50, int(1_000 * scale))
    n_posts, n_meetings, n_parts = int(30_000 * scale), int(10_000 * scale), int(40_000 * scale)
    n_agreements, n_actions, n_priorities = max(20, int(500 * scale)), int(10_000 * scale), int(8_000 * scale)
    t: list[ox.Triple] = []
    add = lambda s, p, o: t.append(ox.Triple(s, nn(p), o))  # noqa: E731
    vi = lambda s: ox.Literal(s, language="vi")  # noqa: E731
    typ = lambda s, c: add(s, RDF_TYPE, nn(DG + c))  # noqa: E731

    for role in ("chair", "speaker", "attendee"):
        typ(nn(DG + role), "Role")
        add(nn(DG + role), RDFS_LABEL, ox.Literal(role, language="en"))
    for _, a in ACTIONS:
        typ(nn(DG + a), "ActionType")
        add(nn(DG + a), RDFS_LABEL, ox.Literal(a.lower(), language="en"))

    orgs = [nn(f"{ID}org/o{i}") for i in range(n_orgs)]
    for i, o in enumerate(orgs):
        typ(o, "Country" if i % 5 == 0 else "Organization")
        add(o, RDFS_LABEL, vi(f"Tổ chức {i}"))
        add(o, RDFS_LABEL, ox.Literal(f"Organization {i}", language="en"))
    places = [nn(f"{ID}place/p{i}") for i in range(200)]
    for i, p in enumerate(places):
        typ(p, "Place")
        add(p, RDFS_LABEL, vi(f"Địa điểm {i}"))

    articles, dates = [], []
    for i in range(n_articles):
        a = nn(f"{ID}article/{i:08x}")
        d = f"{rnd.randint(2015, 2024)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
        articles.append(a)
        dates.append(d)
        typ(a, "Article")
        add(a, SCHEMA + "headline", vi(f"Tin ngoại giao số {i} về {rnd.choice(TOPICS)}"))
        add(a, SCHEMA + "url", nn(f"https://baoquocte.vn/tin-{i}.html"))
        add(a, SCHEMA + "datePublished", ox.Literal(d, datatype=nn(XSD + "date")))
        add(a, DG + "sourceFile", ox.Literal(f"{i:06d}_{rnd.getrandbits(64):016x}.txt"))
        add(a, DG + "contentHash", ox.Literal(f"{rnd.getrandbits(128):032x}"))
        for o in rnd.sample(orgs, 3):
            add(a, DG + "mentions", o)

    def src() -> tuple[ox.NamedNode, str]:
        k = rnd.randrange(n_articles)
        return articles[k], dates[k]

    people, names = [], []
    for i in range(n_people):
        p = nn(f"{ID}person/p{i}")
        name = f"{rnd.choice(SURNAMES)} {rnd.choice(MIDDLE)} {rnd.choice(GIVEN)}"
        if i == 0:
            name = "Bùi Thanh Sơn"
        people.append(p)
        names.append(name)
        typ(p, "Person")
        add(p, SCHEMA + "name", vi(name))
        add(p, RDFS_LABEL, vi(name))
        add(p, PROV + "wasDerivedFrom", src()[0])

    for i in range(n_posts):
        h = nn(f"{ID}post/{i:08x}")
        a, d = src()
        pos = rnd.choice(POSITIONS)
        org = rnd.randrange(n_orgs)
        typ(h, "PostHolding")
        add(h, DG + "holder", people[0] if i % 500 == 0 else rnd.choice(people))
        add(h, DG + "title", vi(f"{pos} Tổ chức {org}"))
        add(h, DG + "position", vi(pos))
        add(h, DG + "organization", orgs[org])
        add(h, DG + "asOf", ox.Literal(d, datatype=nn(XSD + "date")))
        add(h, PROV + "wasDerivedFrom", a)
        add(h, DG + "evidence", vi(f"{pos} Tổ chức {org} phát biểu tại sự kiện \"số {i}\"."))

    meetings, mdates = [], []
    for i in range(n_meetings):
        m = nn(f"{ID}meeting/m{i}")
        a, d = src()
        kind, cls = rnd.choice(KINDS)
        meetings.append(m)
        mdates.append(d)
        typ(m, "Conference")
        if cls != "Conference":
            typ(m, cls)
        add(m, SCHEMA + "name", vi(f"{kind.capitalize()} số {i}"))
        add(m, RDFS_LABEL, vi(f"{kind.capitalize()} số {i}"))
        add(m, DG + "kind", vi(kind))
        add(m, DG + "date", ox.Literal(d, datatype=nn(XSD + "date")))
        add(m, DG + "place", rnd.choice(places))
        add(m, DG + "organizer", rnd.choice(orgs))
        add(m, DG + "status", ox.Literal("held" if rnd.random() < 0.9 else "planned"))
        add(m, DG + "format", ox.Literal("in person" if rnd.random() < 0.8 else "online"))
        add(m, PROV + "wasDerivedFrom", a)
        add(m, DG + "evidence", vi(f"{kind.capitalize()} số {i} đã diễn ra."))

    for i in range(n_parts):
        x = nn(f"{ID}participation/{i:08x}")
        typ(x, "Participation")
        add(x, DG + "meeting", meetings[rnd.randrange(n_meetings)])
        add(x, DG + "participant", people[0] if i % 400 == 0 else rnd.choice(people))
        add(x, DG + "role", nn(DG + rnd.choice(ROLES)))
        add(x, PROV + "wasDerivedFrom", src()[0])
        add(x, DG + "evidence", vi(f"Câu trích dẫn tham gia số {i}."))

    agreements = []
    for i in range(n_agreements):
        g = nn(f"{ID}agreement/a{i}")
        agreements.append(g)
        typ(g, "Agreement")
        add(g, SCHEMA + "name", vi(f"Hiệp định hợp tác số {i}"))
        add(g, RDFS_LABEL, vi(f"Hiệp định hợp tác số {i}"))
        add(g, DG + "abbreviation", ox.Literal(f"HD{i}"))
    for i in range(n_actions):
        x = nn(f"{ID}agreement-action/{i:08x}")
        act, cls = rnd.choice(ACTIONS)
        typ(x, "AgreementAction")
        add(x, DG + "agreement", rnd.choice(agreements))
        add(x, DG + "action", vi(act))
        add(x, DG + "actionType", nn(DG + cls))
        add(x, DG + "tense", ox.Literal(rnd.choice(["done", "ongoing", "planned"])))
        add(x, PROV + "wasDerivedFrom", src()[0])
        add(x, DG + "evidence", vi(f"Hai bên {act} hiệp định."))

    for i in range(n_priorities):
        x = nn(f"{ID}priority/{i:08x}")
        year = rnd.randint(2015, 2024)
        typ(x, "Priority")
        add(x, DG + "text", vi(f"Đẩy mạnh {rnd.choice(TOPICS)}"))
        add(x, DG + "year", ox.Literal(str(year), datatype=nn(XSD + "gYear")))
        add(x, DG + "priorityKind", ox.Literal("task" if rnd.random() < 0.9 else "theme"))
        add(x, DG + "setBy", rnd.choice(people))
        add(x, DG + "setAt", rnd.choice(meetings))
        add(x, PROV + "wasDerivedFrom", src()[0])
        add(x, DG + "evidence", vi(f"Năm {year} cần đẩy mạnh."))

    ox.serialize(t, str(path), format=ox.RdfFormat.TURTLE,
                 prefixes={"dg": DG, "schema": SCHEMA, "prov": PROV, "xsd": XSD})
    return len(t)


class StepTimeout(BaseException):
    pass


def bounded(fn, timeout: int):  # -> (result or None, seconds or None)
    """Run ``fn`` with a SIGALRM bound; returns (None, None) if it runs over."""
    def on_alarm(signum, frame):
        raise StepTimeout()

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(timeout)
    start = time.perf_counter()
    try:
        out = fn()
        return out, time.perf_counter() - start
    except StepTimeout:
        return None, None
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def serialize(graph, engine: str, out: Path) -> None:
    """Write the loaded graph as Turtle with the engine's own serializer."""
    if engine == "oxigraph":
        triples = (ox.Triple(q.subject, q.predicate, q.object) for q in graph.store)
        ox.serialize(triples, str(out), format=ox.RdfFormat.TURTLE)
    else:
        graph.graph.serialize(destination=str(out), format="ox-turtle" if engine == "oxrdflib" else "turtle")


def fmt(seconds: float | None, timeout: int) -> str:
    if seconds is None:
        return f"> {timeout} s"
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--timeout", type=int, default=120, help="seconds per rdflib step")
    ap.add_argument("--engines", default="oxigraph,oxrdflib,rdflib")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "query_results.md")
    ap.add_argument("--workdir", type=Path, default=ROOT / "benchmarks" / "out")
    args = ap.parse_args()
    engines = args.engines.split(",")
    args.workdir.mkdir(parents=True, exist_ok=True)
    graph_file = args.workdir / f"synthetic-{args.triples}.ttl"
    start = time.perf_counter()
    n = generate(graph_file, args.triples)
    print(f"generated {n} triples in {time.perf_counter() - start:.1f} s -> {graph_file}", flush=True)

    specs = list_queries()
    table: dict[str, dict[str, str]] = {}
    rows: dict[str, dict[str, str]] = {}
    for engine in engines:
        gc.collect()
        graph, t_parse = bounded(lambda: load_graph(graph_file, engine), args.timeout * 3)
        table.setdefault("parse (load Turtle)", {})[engine] = fmt(t_parse, args.timeout * 3)
        print(f"[{engine}] parse {fmt(t_parse, args.timeout * 3)}", flush=True)
        if graph is None:
            continue
        _, t_ser = bounded(lambda: serialize(graph, engine, args.workdir / f"out-{engine}.ttl"), args.timeout * 3)
        table.setdefault("serialize (Turtle)", {})[engine] = fmt(t_ser, args.timeout * 3)
        print(f"[{engine}] serialize {fmt(t_ser, args.timeout * 3)}", flush=True)
        for spec in specs:
            bindings = bind_params(spec)
            times, count = [], None
            for _ in range(args.repeat):
                res, secs = bounded(lambda: graph.select(spec.text, bindings), args.timeout)
                if secs is None:
                    times = None
                    break
                times.append(secs)
                count = len(res.rows)
                if secs > 10:  # one run of a slow query is enough to rank it
                    break
            table.setdefault(f"query `{spec.name}`", {})[engine] = fmt(statistics.median(times) if times else None, args.timeout)
            rows.setdefault(spec.name, {})[engine] = "" if count is None else str(count)
            print(f"[{engine}] {spec.name}: {table[f'query `{spec.name}`'][engine]} ({count} rows)", flush=True)
        del graph
        gc.collect()

    lines = [
        "# Query benchmark",
        "",
        f"Synthetic graph following docs/model.md: **{n:,} triples** (seed 7), generated by `benchmarks/bench_query.py`.",
        f"Median of {args.repeat} runs (a single run when one takes over 10 s); rdflib steps are cut at {args.timeout} s (parse/serialize at {args.timeout * 3} s).",
        "Parameterised queries run with their default values. `oxigraph` = pyoxigraph in-memory store (the default engine),",
        "`oxrdflib` = rdflib API over an Oxigraph store, `rdflib` = pure rdflib.",
        "",
        "Command:",
        "",
        "```",
        f".venv/bin/python benchmarks/bench_query.py --triples {args.triples} --repeat {args.repeat} --timeout {args.timeout} --engines {args.engines}",
        "```",
        "",
        f"Machine: {platform.machine()}, Python {platform.python_version()}, {platform.system()}; "
        f"pyoxigraph {ox.__version__ if hasattr(ox, '__version__') else ''}.",
        "",
        "| step | " + " | ".join(engines) + " | rows |",
        "|---|" + "---|" * len(engines) + "---|",
    ]
    for step, per in table.items():
        name = step.split("`")[1] if "`" in step else None
        nrows = rows.get(name, {}).get("oxigraph", "") if name else ""
        lines.append(f"| {step} | " + " | ".join(per.get(e, "") for e in engines) + f" | {nrows} |")
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
