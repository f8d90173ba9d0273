"""Indexed resolution gives the clusters of comparing every report with every cluster.

`resolve` only compares a meeting with clusters indexed under its (kind family, date) or (kind family,
participant), relying on `_same_meeting` rejecting every other pair. If the rules of `_same_meeting`
change so that this no longer holds, this test fails: the reference below compares with all clusters.
"""
from __future__ import annotations

import sys
from pathlib import Path

from diplograph.build import collect_inputs, map_files
from diplograph.resolve import _same_meeting, resolve

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))


def _reference_clusters(articles, person_key) -> list[list[tuple[str, str]]]:
    clusters: list[list] = []
    for a in sorted(articles, key=lambda a: a.source):
        for m in a.meetings:
            pm = {person_key.get(p.name, p.name) for p in m.participants}
            for cl in clusters:
                a2, m2 = cl[0]
                if a2.source == a.source:
                    continue
                if _same_meeting(m, m2, pm, {person_key.get(p.name, p.name) for p in m2.participants}):
                    cl.append((a, m))
                    break
            else:
                clusters.append([(a, m)])
    return sorted([(a.source, m.key) for a, m in cl] for cl in clusters)


def test_indexed_clusters_equal_all_pairs(tmp_path):
    from make_corpus import generate

    generate(150, tmp_path, seed=5)
    files, _ = collect_inputs([tmp_path, ROOT / "seeds"])
    facts, _, _ = map_files(files, jobs=1)
    # the same meetings reported again under other names: cross-article merges must happen
    for f in facts[:40]:
        copy = type(f).from_dict(f.to_dict())
        copy.source = "z" + f.source
        facts.append(copy)
    res = resolve(facts)
    got = sorted([(a.source, m.key) for a, m in cl] for cl in res.meetings.values())
    assert got == _reference_clusters(facts, res.person_key)
    assert any(len(cl) > 1 for cl in got)
