"""Indexed resolution gives the clusters of comparing every report with every cluster.

`resolve` only compares a meeting with clusters indexed under its (kind family, date) or (kind family,
participant), relying on `_same_meeting` rejecting every other pair. If the rules of `_same_meeting`
change so that this no longer holds, this test fails: the reference below compares with all clusters.
"""
from __future__ import annotations

import sys
from pathlib import Path

from diplograph.build import collect_inputs, map_files
from diplograph.resolve import resolve
from diplograph.resolve import same_meeting as _same_meeting

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))


def _reference_clusters(articles, person_key) -> list[list[tuple[str, str]]]:
    clusters: list[list] = []
    for a in sorted(articles, key=lambda a: a.source):
        for m in a.meetings:
            pm = {person_key.get(p.name, p.name) for p in m.participants if p.role != "host"}
            for cl in clusters:
                a2, m2 = cl[0]
                if a2.source == a.source:
                    continue
                if _same_meeting(m, m2, pm, {person_key.get(p.name, p.name) for p in m2.participants if p.role != "host"}):
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


def _visit_article(source: str, date: str | None, place: str, visitor: str = "Nguyễn Xuân Phúc", title: str = "Thủ tướng"):
    from diplograph.facts import ArticleFacts, MeetingFact, Participant, PersonFact, Post

    name = f"Chuyến thăm {place} của {title} {visitor}"
    m = MeetingFact(key="m1", name=name, kind="Visit", kind_word="chuyến thăm", date=date, place=place,
                    participants=[Participant(visitor, "attendee")])
    return ArticleFacts(source=source, content_hash=source, headline=name, url=None, date=date,
                        people=[PersonFact(visitor, [Post(title, title)])], meetings=[m])


def test_reports_of_one_visit_a_few_days_apart_are_one_visit():
    """A visit lasts days and each report dates it by its own news: same visitor, same place, days apart
    (and titles written differently) is one trip; a week and more apart, another place or another
    visitor is another."""
    arts = [_visit_article("a", "2017-06-05", "Nhật Bản"),
            _visit_article("b", "2017-06-07", "Nhật Bản", title="Thủ tướng Chính phủ"),
            _visit_article("c", "2017-06-30", "Nhật Bản"),  # another trip
            _visit_article("d", "2017-06-06", "Hàn Quốc"),  # another place
            _visit_article("e", "2017-06-06", "Nhật Bản", visitor="Phạm Bình Minh")]  # another visitor
    res = resolve(arts)
    groups = sorted(sorted(a.source for a, _ in cl) for cl in res.meetings.values())
    assert groups == [["a", "b"], ["c"], ["d"], ["e"]]
    assert sorted(sorted(s for s, _ in cl) for cl in _reference_clusters(arts, res.person_key)) == groups


def test_lone_surname_goes_to_the_full_name_holding_its_post_and_reported_most():
    from diplograph.resolve import person_keys

    names = ["Donald Trump", "Ivanka Trump", "Melania Trump", "Trump", "Abe", "Shinzo Abe", "Akie Abe", "Kim"]
    positions = {"Donald Trump": {"tổng thống"}, "Ivanka Trump": {"cố vấn"}, "Melania Trump": {"đệ nhất phu nhân"},
                 "Trump": {"tổng thống"}, "Abe": {"thủ tướng"}, "Shinzo Abe": {"thủ tướng"}, "Akie Abe": {"thủ tướng"}}
    reports = {"Donald Trump": 40, "Ivanka Trump": 3, "Melania Trump": 2, "Trump": 5, "Abe": 2,
               "Shinzo Abe": 4, "Akie Abe": 2}
    keys = person_keys(names, positions, reports)
    assert keys["Trump"] == "Donald Trump"  # the only one holding the post
    assert keys["Abe"] == "Abe"  # two hold it and neither is reported 5 times as often: left alone
    reports["Shinzo Abe"] = 10
    assert person_keys(names, positions, reports)["Abe"] == "Shinzo Abe"
    assert person_keys(names)["Trump"] == "Trump"  # without posts, three candidates: left alone
