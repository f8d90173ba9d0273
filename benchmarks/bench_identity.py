"""Cost of the identity keys and IRIs (issue 16, item 6): resolution, mapping and Turtle of real articles.

    .venv/bin/python benchmarks/bench_identity.py /tmp/facts.pickle --make 2000   # extract once (slow part)
    .venv/bin/python benchmarks/bench_identity.py /tmp/facts.pickle               # time this version
    PYTHONPATH=/tmp/base/src .venv/bin/python benchmarks/bench_identity.py /tmp/facts.pickle   # time another

Extraction does not change with the IRIs, so the facts of the first N corpus articles are extracted once
and pickled; each run then times, in one process (the forked halves of the mapper and of the Turtle
writer are turned off, so CPU time is all the work), `resolve_inputs` + mapping + `Triples.turtle`, and
prints the median CPU seconds of `--repeat` runs, the triple count and the number of persons. Alternate
runs of two versions on the loaded machine and compare medians.
"""
from __future__ import annotations

import argparse
import gzip
import json
import pickle
import statistics
import time
from pathlib import Path

CORPUS = Path("/work/shared/corpus/baomoi-2017.jsonl.gz")


def make(path: Path, n: int) -> None:
    from diplograph.corpus import article_from_record
    from diplograph.extract import extract

    facts = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            try:
                facts.append(extract(article_from_record(r, f"{r['id']}.txt")))
            except Exception:  # an article the reader refuses is left out, as a build would
                continue
            if len(facts) >= n:
                break
    path.write_bytes(pickle.dumps(facts))
    print(f"{len(facts)} articles' facts -> {path}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("facts", type=Path)
    ap.add_argument("--make", type=int, default=0, help="extract the first N corpus articles into FACTS")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    if args.make:
        make(args.facts, args.make)
        return
    from diplograph import mapper

    mapper.PARALLEL_MIN_ARTICLES = mapper.PARALLEL_MIN_SUBJECTS = 1 << 60  # one process: CPU time is all the work
    facts = pickle.loads(args.facts.read_bytes())
    times = []
    for _ in range(args.repeat):
        t0 = time.process_time()
        triples = mapper.to_triples(facts)
        data = triples.turtle()
        times.append(time.process_time() - t0)
    persons = sum(1 for _, _, o in triples if o == "<https://w3id.org/diplograph/ontology#Person>")
    print(f"{mapper.__file__}: median {statistics.median(times):.3f} s CPU of {[round(t, 3) for t in times]}; "
          f"{len(triples)} triples, {persons} persons, {len(data)} bytes of Turtle")


if __name__ == "__main__":
    main()
