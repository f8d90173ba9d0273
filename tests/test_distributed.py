"""The build on a REAL Dask LocalCluster of 2 worker processes gives the local build's bytes.

Real articles are drawn from the shared corpus in the test (tests/corpus_sample.py) and written as
JSON-lines shards; the local build (`build_graph`) of the same shards is the reference. A worker killed
in the middle of the run is replaced by Dask and the output is still the same; bad lines are reported
with their shard and line, as locally. Dask missing FAILS these tests (it is in the [test] extras).
"""
from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpus_sample import write_shards
from diplograph.build import build_graph
from diplograph.cli import main
from diplograph.distributed import (
    SHUFFLE_BUCKETS,
    Partition,
    SchedulerError,
    build_distributed,
    count_lines,
    parse_scheduler,
    partitions,
    shard_files,
)
from diplograph.mapper import Triples

pytestmark = pytest.mark.dask
ARTICLES = 300


@pytest.fixture(scope="module")
def client():
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        pytest.fail("dask[distributed] is missing: pip install -e '.[test]' (or '.[dask]')")
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, host="127.0.0.1")
    c = Client(cluster)
    try:
        yield c
    finally:
        c.close()
        cluster.close()


@pytest.fixture(scope="module")
def shards(tmp_path_factory) -> list[Path]:
    return write_shards(tmp_path_factory.mktemp("corpus"), ARTICLES, 5)


@pytest.fixture(scope="module")
def local(shards, tmp_path_factory):
    out = tmp_path_factory.mktemp("local")
    report = build_graph(shards, out, html=False, validate=False, jobs=2)
    return report, (out / "diplograph.ttl").read_bytes()


@pytest.fixture(scope="module")
def distributed(client, shards, tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    report = build_distributed(shards, out, client=client, partition_size=40, validate=False)
    return report, out


def test_two_workers_give_the_local_build_byte_for_byte(local, distributed) -> None:
    (local_report, local_bytes), (report, out) = local, distributed
    assert report.read == local_report.read >= ARTICLES - 5  # a few corpus articles may be refused by the reader
    assert (out / "diplograph.ttl").read_bytes() == local_bytes
    assert report.triples == local_report.triples > 1000
    assert report.facts == local_report.facts and report.facts["meetings"] > 0


def test_bad_lines_are_reported_with_shard_and_line_and_skipped_as_locally(local, distributed, shards) -> None:
    (local_report, _), (report, _) = local, distributed
    assert sorted(report.skipped) == sorted(local_report.skipped)
    labels = {label for label, _ in report.skipped}
    assert f"{shards[1]}:4" in labels and f"{shards[1]}:7" in labels  # the broken line, the record with no text
    assert any("not JSON" in why for _, why in report.skipped)


def test_shards_have_deterministic_names_and_hold_exactly_the_graph(distributed, local) -> None:
    _, out = distributed
    files = shard_files(out / "shards")
    names = [f.name for f in files]
    parts = [n for n in names if n.startswith("part-")]
    assert parts == [f"part-{i:05d}.nt" for i in range(len(parts))] and len(parts) >= 8  # 5 shards of 60 lines by 40
    assert [n for n in names if n.startswith("nodes-")] == [f"nodes-{b:03d}.nt" for b in range(SHUFFLE_BUCKETS)]
    lines: set[bytes] = set()
    for f in files:
        data = f.read_bytes().splitlines(keepends=True)
        assert data == sorted(data)  # each shard sorted: the merge streams them
        lines.update(data)
    assert lines == set(Triples.from_turtle(local[1]).ntriples().splitlines(keepends=True))


def test_a_worker_killed_during_the_run_is_replaced_and_the_output_is_the_same(client, shards, local, distributed,
                                                                               tmp_path) -> None:
    killed: list[int] = []

    def kill_one(stage: str, done: int, total: int) -> None:
        if stage == "extract" and done == 1 and not killed:
            busy = sorted(w for w, keys in client.processing().items() if keys)  # workers with partitions in hand
            pids = client.run(os.getpid)
            if busy:
                os.kill(pids[busy[0]], signal.SIGKILL)
                killed.append(pids[busy[0]])

    report = build_distributed(shards, tmp_path, client=client, partition_size=20, validate=False, on_done=kill_one)
    assert killed, "no worker had a partition in hand when the first one finished: the test proved nothing"
    with pytest.raises(ProcessLookupError):
        os.kill(killed[0], 0)
    assert (tmp_path / "diplograph.ttl").read_bytes() == local[1]
    assert sorted(report.skipped) == sorted(local[0].skipped)
    client.wait_for_workers(2, timeout=60)  # the nanny started a new worker in its place
    assert killed[0] not in client.run(os.getpid).values()


def test_a_cached_rerun_extracts_nothing_and_writes_the_same_bytes(client, shards, local, tmp_path) -> None:
    cache = tmp_path / "cache"
    first = build_distributed(shards, tmp_path / "a", client=client, partition_size=80, validate=False, cache_dir=cache)
    assert first.cached == 0 and any(cache.rglob("*.json"))
    again = build_distributed(shards, tmp_path / "b", client=client, partition_size=80, validate=False, cache_dir=cache)
    assert again.cached == again.read == local[0].read
    assert (tmp_path / "b" / "diplograph.ttl").read_bytes() == (tmp_path / "a" / "diplograph.ttl").read_bytes() == local[1]


def test_cli_on_a_running_scheduler_writes_the_local_bytes(client, shards, local, tmp_path) -> None:
    address = client.scheduler.address
    assert address.startswith("tcp://127.0.0.1:")
    out = tmp_path / "cli"
    result = CliRunner().invoke(main, ["build", *map(str, shards), "-o", str(out), "--scheduler", address,
                                       "--partition-size", "100", "--no-validate"])
    assert result.exit_code == 1, result.output  # 1: lines were skipped, as the local build says
    assert (out / "diplograph.ttl").read_bytes() == local[1]
    assert f"warning: {shards[1]}:4: not JSON" in result.stderr
    assert f"articles read: {local[0].read}" in result.stdout and f"wrote {out / 'diplograph.ttl'}" in result.stdout
    assert f"wrote {len(shard_files(out / 'shards'))} shards in {out / 'shards'}" in result.stdout
    assert not (out / "diplograph.html").exists()


@pytest.mark.parametrize("value", ["local:0", "local:x", "spark://h:1", "tcp://"])
def test_cli_refuses_a_scheduler_it_cannot_use_in_one_line(value: str, shards, tmp_path) -> None:
    result = CliRunner().invoke(main, ["build", str(shards[0]), "-o", str(tmp_path), "--scheduler", value])
    assert result.exit_code == 2
    assert "--scheduler" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "diplograph.ttl").exists()


def test_scheduler_values() -> None:
    assert parse_scheduler("local:3") == ("local", 3)
    assert parse_scheduler("tcp://10.0.0.5:8786") == ("remote", "tcp://10.0.0.5:8786")
    with pytest.raises(SchedulerError):
        parse_scheduler("local:-1")


def test_partitions_follow_the_local_reading_order(tmp_path) -> None:
    files = [tmp_path / f"{i}.txt" for i in range(5)]
    got = partitions(files, [tmp_path / "a.jsonl", tmp_path / "b.jsonl.gz"], [7, 0], 3)  # base "": paths as given
    assert got == [
        Partition(0, files=tuple(map(str, files[:3]))), Partition(1, files=tuple(map(str, files[3:]))),
        Partition(2, corpus=str(tmp_path / "a.jsonl"), lines=(1, 3)),
        Partition(3, corpus=str(tmp_path / "a.jsonl"), lines=(4, 6)),
        Partition(4, corpus=str(tmp_path / "a.jsonl"), lines=(7, 9)),
        Partition(5, corpus=str(tmp_path / "b.jsonl.gz"), lines=(1, 3)),  # empty or unreadable: read for its reason
    ]


def test_count_lines_counts_a_last_line_without_newline(tmp_path) -> None:
    p = tmp_path / "x.jsonl"
    p.write_bytes(b"a\nb\nc")
    assert count_lines(str(p)) == 3
    p.write_bytes(b"a\nb\n")
    assert count_lines(str(p)) == 2



def test_relative_paths_are_read_from_the_clients_folder_and_named_as_given(client, shards, local, tmp_path,
                                                                            monkeypatch) -> None:
    # the workers were started in another folder (a remote worker's is another machine's): they are given
    # the client's folder and read from there, and messages name the paths as the user wrote them
    monkeypatch.chdir(shards[0].parent)
    report = build_distributed([s.name for s in shards], tmp_path, client=client, partition_size=100, validate=False)
    assert (tmp_path / "diplograph.ttl").read_bytes() == local[1]
    assert f"{shards[1].name}:4" in {label for label, _ in report.skipped}


def test_progress_bars_count_partitions(client, shards, tmp_path, capsys) -> None:
    ticks: list[tuple[str, int, int]] = []
    build_distributed(shards, tmp_path, client=client, partition_size=100, validate=False, progress=True,
                      on_done=lambda *tick: ticks.append(tick))
    err = capsys.readouterr().err
    for stage, total in (("extract", 5), ("map", 5), ("shuffle", SHUFFLE_BUCKETS)):  # 5 shards of 60-62 lines
        assert f"{stage}:   0%" in err and f"0/{total} [" in err, err[-500:]  # a bar over the stage's partitions
        assert [done for s, done, n in ticks if s == stage and n == total] == list(range(1, total + 1))


def test_people_resolved_per_surname_bucket_give_the_archives_names(shards) -> None:
    from diplograph.distributed import extract_partition, pick_names, resolve_people
    from diplograph.resolve import res_input, resolve_inputs

    parts = [extract_partition(Partition(i, corpus=str(s), lines=(1, 10_000))) for i, s in enumerate(shards)]
    facts = sorted((a for p in parts for a in p.facts), key=lambda a: a.source)
    whole = resolve_inputs([(i, a.source, res_input(a)) for i, a in enumerate(facts)]).person_key
    by_bucket: dict[str, str] = {}
    for b in range(SHUFFLE_BUCKETS):
        by_bucket.update(resolve_people(*[pick_names(p, b) for p in parts]))
    assert by_bucket == {n: k for n, k in whole.items() if n != k}
    assert by_bucket, "no short form resolved to a full name: the test proves nothing"


def test_meetings_clustered_per_family_bucket_give_the_archives_clusters(shards) -> None:
    """The meetings' shuffle: each kind-family bucket clustered apart, the clusters merged in the order
    they were made, give exactly the whole archive's clusters and meeting ids."""
    from diplograph.distributed import cluster_bucket, extract_partition, meeting_bucket, pick_meetings
    from diplograph.resolve import res_input, resolve_clustered, resolve_inputs

    parts = [extract_partition(Partition(i, corpus=str(s), lines=(1, 10_000))) for i, s in enumerate(shards)]
    order = sorted((a.source, i, j) for i, p in enumerate(parts) for j, a in enumerate(p.facts))
    ranks = [[0] * len(p.facts) for p in parts]
    for rank, (_, i, j) in enumerate(order):
        ranks[i][j] = rank
    inputs = [(rank, src, res_input(parts[i].facts[j])) for rank, (src, i, j) in enumerate(order)]
    whole = resolve_inputs(inputs)
    buckets = [cluster_bucket(whole.person_key, *[pick_meetings(p, ranks[i], b) for i, p in enumerate(parts)])
               for b in range(SHUFFLE_BUCKETS)]
    assert sum(1 for got in buckets if got) >= 3, "the reports fell into fewer than 3 buckets: the test proves little"
    assert all(len({meeting_bucket(m) for cl in got for _, _, _, m in cl}) <= 1 for got in buckets)
    clusters = sorted((cl for got in buckets for cl in got), key=lambda cl: (cl[0][0], cl[0][1]))
    reports = [(r, s, m) for r, _, s, m in sorted((x for cl in clusters for x in cl), key=lambda x: (x[0], x[1]))]
    agreements_only = [(r, s, ((), (), x[2], ())) for r, s, x in inputs]
    split = resolve_clustered(agreements_only, whole.person_key, [[(r, s, m) for r, _, s, m in cl] for cl in clusters], reports)
    assert split.clusters == whole.clusters and split.meeting_key == whole.meeting_key
    assert split.first_report == whole.first_report and split.summary == whole.summary
    assert split.agreement_key == whole.agreement_key
    assert any(len(members) > 1 for members in whole.clusters.values()), "no meeting reported twice: the test proves little"


def test_cli_shards_only_writes_the_shards_and_no_turtle(client, shards, distributed, tmp_path) -> None:
    out = tmp_path / "shards-only"
    result = CliRunner().invoke(main, ["build", *map(str, shards), "-o", str(out), "--scheduler", client.scheduler.address,
                                       "--partition-size", "40", "--shards-only", "--no-validate"])
    assert result.exit_code == 1, result.output
    assert not (out / "diplograph.ttl").exists()
    files = shard_files(out / "shards")
    assert [f.read_bytes() for f in files] == [f.read_bytes() for f in shard_files(distributed[1] / "shards")]
    lines = sum(len(f.read_bytes().splitlines()) for f in files)
    assert f"triples: {lines} (at most: lines of the shards, not merged)" in result.stdout
    assert lines >= distributed[0].triples


def test_spellings_of_one_name_share_a_people_bucket() -> None:
    """The people shuffle's buckets keep together what `person_keys` may merge: the spellings
    (`person.spelling`: hyphens, accents of a foreign name) and the misspellings by a tone mark
    (`person.misspelling`) of one name, and a lone surname with its full names."""
    from diplograph.distributed import surname_bucket
    from diplograph.resolve import person_keys

    pairs = [("Kim Jong-un", "Kim Jong Un"), ("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"),
             ("Nguyễn Văn Ân", "Nguyễn Văn An"), ("Donald Trump", "Trump")]
    for a, b in pairs:
        assert surname_bucket(a) == surname_bucket(b), (a, b)
    # and the merge those buckets make possible really happens across the hyphen
    keys = person_keys(["Kim Jong-un", "Kim Jong Un"], {}, {"Kim Jong-un": 3, "Kim Jong Un": 1})
    assert keys["Kim Jong Un"] == keys["Kim Jong-un"] == "Kim Jong-un"


def test_the_time_budget_per_article_holds_on_the_workers(client, shards, tmp_path: Path) -> None:
    """Tasks run in the workers' threads (no SIGALRM there): the watchdog stops an article over its
    budget and the build reports it by shard and line with the local build's reason, then goes on."""
    report = build_distributed(shards, tmp_path / "out", client=client, partition_size=40, validate=False,
                               article_budget=1e-4)
    over = [(where, why) for where, why in report.skipped if "time budget per article" in why]
    # a tenth of a millisecond: (almost) every real article takes longer, interrupted or not (the rule is
    # the elapsed time, so the count does not depend on when the watchdog got the GIL)
    assert len(over) >= ARTICLES * 9 // 10
    assert report.read <= ARTICLES - len(over)
    assert all(why == "took more than 0.0001 s to map (time budget per article)" for _, why in over)
    assert all(":" in where and where.split(":")[-1].isdigit() for where, _ in over)  # shard:line


def test_a_distributed_build_waits_for_a_build_holding_the_output_folder(client, shards, tmp_path: Path, capfd) -> None:
    """The local build's lock on the output folder: held by another process (a build), the distributed
    build says it waits and starts only once the lock is released."""
    import subprocess
    import sys
    import time

    from diplograph.build import LOCK_FILE

    out = tmp_path / "out"
    out.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", (
        "import fcntl, os, sys, time\n"
        f"fd = os.open({str(out / LOCK_FILE)!r}, os.O_RDWR | os.O_CREAT, 0o644)\n"
        "fcntl.lockf(fd, fcntl.LOCK_EX)\n"
        "print('held', flush=True)\n"
        "time.sleep(3)\n")], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        start = time.monotonic()
        report = build_distributed(shards[:1], out, client=client, partition_size=40, validate=False)
        waited = time.monotonic() - start
    finally:
        holder.wait(30)
    assert "waiting: another build is using the output folder" in capfd.readouterr().err
    assert holder.returncode == 0 and waited >= 1.0  # it started only after the holder let go
    assert report.read > 0 and (out / "diplograph.ttl").is_file()
