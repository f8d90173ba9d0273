"""Incremental builds (`--cache`) write exactly what a full build of the same files writes.

`graphstate` keeps the last build's graph (per-subject contributions of each article, the resolution
answers each article was mapped with, the Turtle file's block index) and redoes only what changed. The
risk is an answer it does not notice has changed: a new article that gives "Trump" its one full name,
merges two reports of a meeting, names an agreement's abbreviation, or spells a person's or an
organization's name first. The property test below drives random sequences of adds, edits, removals,
renames and copies over synthetic facts built to collide in all those ways, and compares every
incremental result with a full build. Other tests: a damaged or missing state, shard or previous
Turtle file is never trusted (the build starts over and is still right); a build with nothing to do
writes nothing; the CLI-level add/remove on real files.
"""
from __future__ import annotations

import hashlib
import os
import random
import shutil
import sys
from pathlib import Path

import pytest

from diplograph import graphstate
from diplograph.atomic import write_atomic
from diplograph.build import build_graph
from diplograph.facts import AgreementFact, ArticleFacts, MeetingFact, Participant, PersonFact, Post, PriorityFact
from diplograph.mapper import to_triples

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
sys.path.insert(0, str(ROOT / "benchmarks"))

# names built to resolve into each other: initials, lone surnames, two full names for one surname,
# spellings of one name (rule person.spelling: the most reported spelling names the person, so the
# label moves when counts change), and names that share a slug but are other people (Ân, Cyrillic)
NAMES = ["Donald Trump", "Trump", "D. Trump", "Ivanka Trump", "Igor Dodon", "I. Dodon", "Dodon", "Nguyễn Văn An",
         "Nguyễn văn An", "NGUYỄN VĂN AN", "Nguyễn Văn Ân", "Trần Thị Bình", "Bình", "Lê Văn Cường", "H.R. McMaster",
         "Herbert Raymond McMaster", "McMaster", "H. R. McMaster", "Phạm Bình Minh", "Minh", "Vladimir Putin", "Putin",
         "Путин", "Лавров", "Kim Jong-un", "Kim Jong Un"]
# a long name: two that differ after its first 90 characters are two nodes (issue 16, item 6)
_LONG = "Ủy ban hỗn hợp về hợp tác kinh tế, thương mại, khoa học, kỹ thuật và văn hóa giữa Việt Nam và Cộng hòa"
ORGS = ["Bộ Ngoại giao", "bộ ngoại giao", "Bộ Ngoại giao.", "Việt Nam", "Hội Hữu nghị", "hội hữu nghị", "Liên Hợp Quốc",
        "Hà Nội", "Bộ Công Thương", "Hội Ân", "Hội Xyz An", "Hội Xyz Ân", _LONG + " Séc", _LONG + " Slovakia", None]
PLACES = ["Hà Nội", "hà nội", "Paris", "Lào", "Sân bay X", "Sân bay Ân", "Sân bay An", None]
MEETING_NAMES = ["Hội nghị Ngoại giao lần thứ 30", "Hội nghị Ngoại giao", "Hội nghị Ngoại giao lần thứ 31",
                 "Hội nghị tổng kết công tác đối ngoại năm 2017", "Hội nghị tổng kết công tác đối ngoại",
                 "Diễn đàn Kinh tế Việt Nam", "hội đàm", "cuộc gặp", "chuyến thăm Lào", _LONG + " Séc lần thứ 2",
                 _LONG + " Séc lần thứ 3"]
KINDS = ["Conference", "Summit", "Session", "Forum", "Talks", "PhoneCall", "Reception", "CourtesyCall", "Visit", "Meeting",
         "Dialogue", "Consultation", "Negotiation"]
DATES = ["2017-08-09", "2017-08-10", "2017-08", "2017", None, None]
AGREEMENTS = [("Hiệp định Thương mại tự do Việt Nam - EU", "EVFTA"), ("Hiệp định Thương mại tự do Việt Nam - EU", None),
              (None, "EVFTA"), ("Hiệp định EVFTA", "EVFTA"), ("Hiệp định Đối tác Kinh tế X", None),
              ("Hiệp định Đối tác Kinh tế X", "XEPA"), (None, "XEPA"), ("Hiệp định Đối tác Toàn diện và Tiến bộ xuyên Thái Bình Dương", "CPTPP"),
              (None, "CPTPP"), ("Hiệp định mới", None), ("Hiệp định " + _LONG + " Séc", None),
              ("Hiệp định " + _LONG + " Slovakia", None)]
PRIORITIES = ["Đẩy mạnh ngoại giao kinh tế", "đẩy mạnh ngoại giao kinh tế", "Bảo vệ chủ quyền", "Hội nhập quốc tế"]
# rule ids: "" stands for a fact whose rule is not recorded (its kind's fallback rule); the others are
# not registered (their nodes have no comment), which changes nothing to how they are kept
RULE_IDS = ["", "", "test.rule-a", "test.rule-b", "test.rule-c"]


def _article(rng: random.Random, source: str) -> ArticleFacts:
    date = rng.choice(["2017-08-09", "2017-08-10", "2016-01-02", None])
    people = []
    for name in rng.sample(NAMES, rng.randrange(0, 4)):
        posts = [Post(title=rng.choice(["Bộ trưởng Ngoại giao", "bộ trưởng ngoại giao", "Thủ tướng", "Đại sứ"]),
                      position=rng.choice(["Bộ trưởng", "Thủ tướng", "Đại sứ"]), organization=rng.choice(ORGS),
                      qualifier=rng.choice([None, None, "nguyên"]), evidence=f"{name} giữ chức.",
                      rule=rng.choice(RULE_IDS))
                 for _ in range(rng.randrange(0, 3))]
        people.append(PersonFact(name, posts))
    meetings = []
    for i in range(rng.randrange(0, 4)):
        parts = [Participant(n, rng.choice(["chair", "speaker", "attendee"]), f"{n} dự.", rng.choice(RULE_IDS))
                 for n in rng.sample(NAMES, rng.randrange(0, 4))]
        meetings.append(MeetingFact(
            key=f"m{i}", name=rng.choice(MEETING_NAMES), kind=rng.choice(KINDS), kind_word=rng.choice(["hội nghị", "Hội nghị", "hội đàm", "thăm"]),
            date=rng.choice(DATES), place=rng.choice(PLACES), organizer=rng.choice(ORGS),
            status=rng.choice(["held", "held", "planned"]), format=rng.choice([None, "online", "hybrid"]),
            part_of=f"m{rng.randrange(0, i)}" if i and rng.random() < 0.3 else None, participants=parts,
            variants=rng.sample(MEETING_NAMES, rng.randrange(0, 2)), evidence=f"Câu về cuộc họp {i}.",
            rules=rng.sample(RULE_IDS[1:], rng.randrange(0, 3))))
    agreements = [AgreementFact(name, abbr, rng.choice(["ký", "đàm phán", "phê chuẩn"]),
                                rng.choice(["Signed", "Negotiating", "Ratified", "Mentioned"]),
                                rng.choice(["done", "ongoing", "planned"]), f"Câu về {abbr or name}.", rng.choice(RULE_IDS))
                  for name, abbr in rng.sample(AGREEMENTS, rng.randrange(0, 3))]
    priorities = [PriorityFact(rng.choice(PRIORITIES), rng.choice([2017, 2018, None]), rng.choice(NAMES + [None]),
                               rng.choice([m.key for m in meetings] + [None]), rng.choice(["task", "theme"]), "Câu ưu tiên.",
                               rng.choice(RULE_IDS))
                  for _ in range(rng.randrange(0, 3))]
    orgs = rng.sample(["https://w3id.org/diplograph/id/org/bo-ngoai-giao", "https://w3id.org/diplograph/id/place/viet-nam",
                       "https://w3id.org/diplograph/id/org/khong-co"], rng.randrange(0, 3))
    h = hashlib.sha256(repr(rng.random()).encode()).hexdigest()
    return ArticleFacts(source=source, content_hash=h, headline=f"Tin {h[:6]} \"đặc biệt\"", url=rng.choice([None, f"https://x.vn/{h[:8]}"]),
                        date=date, credits=rng.sample(["Minh Anh", "TTXVN"], rng.randrange(0, 2)), people=people,
                        meetings=meetings, agreements=agreements, priorities=priorities, organizations=orgs)


class World:
    """Files as (path -> (source, digest, facts)); incremental builds through `graphstate`."""

    def __init__(self, tmp: Path):
        self.files: dict[str, tuple[str, str, ArticleFacts]] = {}
        self.folder = tmp / "graph"
        self.out = tmp / "out" / "diplograph.ttl"
        self.asked: list[str] = []

    def full(self) -> tuple[bytes, int]:
        facts = [f for _, (_, _, f) in sorted(self.files.items())]  # files in path order, as the build reads them
        triples = to_triples(facts)
        return triples.turtle(), len(triples)

    def incremental(self, out: Path | None = None) -> tuple[bytes, graphstate.Outcome]:
        out = out or self.out
        articles = [(p, s, d) for p, (s, d, _) in sorted(self.files.items())]
        self.asked = []

        def get_facts(paths: list[str]) -> dict:
            self.asked.extend(paths)
            return {p: self.files[p][2] for p in paths}

        outcome, state = graphstate.update(self.folder, "test-salt", out, articles, get_facts)
        if outcome.data is not None:
            write_atomic(out, outcome.data)
        if state is not None:
            graphstate.commit(self.folder, state)
        return out.read_bytes(), outcome

    def check(self) -> graphstate.Outcome:
        got, outcome = self.incremental()
        want, n = self.full()
        assert got == want
        assert outcome.triples == n
        return outcome


def _digest(facts: ArticleFacts) -> str:
    return hashlib.sha256(facts.content_hash.encode()).hexdigest()


@pytest.mark.parametrize("seed", range(6))
def test_random_adds_edits_removals_renames_equal_full_builds(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    w = World(tmp_path)
    for _ in range(25):
        folder = rng.choice(["a", "a", "b"])  # the same file name in two folders: two articles, one source name
        src = f"{rng.randrange(40):03d}.txt"
        f = _article(rng, src)
        w.files[f"/corpus/{folder}/{src}"] = (src, _digest(f), f)
    w.check()
    remapped = 0
    for _step in range(30):
        op = rng.choice(["add", "add", "edit", "remove", "rename", "copy", "nothing"])
        paths = sorted(w.files)
        if op == "add" or not paths:
            src = f"{rng.randrange(60):03d}.txt"
            f = _article(rng, src)
            w.files[f"/corpus/{rng.choice('abc')}/{src}"] = (src, _digest(f), f)
        elif op == "edit":
            p = rng.choice(paths)
            f = _article(rng, w.files[p][0])
            w.files[p] = (w.files[p][0], _digest(f), f)
        elif op == "remove":
            del w.files[rng.choice(paths)]
        elif op == "rename":
            p = rng.choice(paths)
            src, d, f = w.files.pop(p)
            new = f"{rng.randrange(60):03d}.txt"
            w.files[f"/corpus/{rng.choice('abc')}/{new}"] = (new, d, ArticleFacts.from_dict({**f.to_dict(), "source": new}))
        elif op == "copy":
            src, d, f = w.files[rng.choice(paths)]
            new = f"{rng.randrange(60):03d}.txt"
            w.files[f"/corpus/c/{new}"] = (new, d, ArticleFacts.from_dict({**f.to_dict(), "source": new}))
        if not w.files:
            continue
        outcome = w.check()
        remapped += outcome.mapped_again
        if op == "nothing":
            assert outcome.data is None and w.asked == []  # nothing to do: nothing mapped, nothing written
    assert remapped > 0  # some builds had to map unchanged articles again because their resolution changed


def test_a_rule_node_goes_with_the_last_article_that_uses_it(tmp_path: Path) -> None:
    w = World(tmp_path)

    def art(src: str, agreement_rule: str | None, meeting_rules: list[str]) -> ArticleFacts:
        h = hashlib.sha256(src.encode()).hexdigest()
        ags = [] if agreement_rule is None else [AgreementFact(None, "EVFTA", "ký", "Signed", "done", "Câu.", agreement_rule)]
        ms = [MeetingFact("m0", "Hội nghị Ngoại giao lần thứ 30", "Conference", "hội nghị", "2017-08-09", rules=meeting_rules)]
        return ArticleFacts(src, h, "Tin", None, "2017-08-09", meetings=ms, agreements=ags)

    rule_a, rule_b = "<https://w3id.org/diplograph/id/rule/test.rule-a>", "<https://w3id.org/diplograph/id/rule/test.rule-b>"
    for src, f in [("a.txt", art("a.txt", "", ["test.rule-a"])), ("b.txt", art("b.txt", "test.rule-b", ["test.rule-a"])),
                   ("c.txt", art("c.txt", "", ["test.rule-b"]))]:
        w.files[f"/c/{src}"] = (src, _digest(f), f)
    w.check()
    nt = to_triples(f for _, _, f in w.files.values())
    meeting = next(s for s, _, o in nt if o == "<https://w3id.org/diplograph/ontology#Conference>")
    assert {o for s, p, o in nt if s == meeting and p.endswith("#extractedBy>")} == {rule_a, rule_b}  # one merged meeting
    del w.files["/c/a.txt"]
    w.check()
    assert b"agreement.unspecified" in w.incremental()[0]  # c.txt still uses the fallback
    del w.files["/c/b.txt"]
    got = w.check()
    data = w.incremental()[0]
    assert b"rule-a" not in data and b"rule-b" in data and got.triples > 0
    del w.files["/c/c.txt"]
    w.check()
    assert b"rule/" not in w.incremental()[0] and b"rule\\/" not in w.incremental()[0]


def test_a_new_article_changes_how_others_resolve(tmp_path: Path) -> None:
    """'Trump' alone resolves to the one full name ending with it; a second full name undoes that."""
    w = World(tmp_path)

    def art(src: str, names: list[str], meeting: tuple | None = None) -> None:
        f = ArticleFacts(source=src, content_hash=hashlib.sha1(src.encode()).hexdigest() * 2, headline=src, url=None,
                         date="2017-08-09", people=[PersonFact(n) for n in names])
        if meeting:
            f.meetings = [MeetingFact("m0", meeting[0], "Conference", "hội nghị", date="2017-08-09",
                                      participants=[Participant(n, "attendee") for n in meeting[1]])]
        w.files[f"/c/{src}"] = (src, _digest(f), f)

    art("a.txt", ["Trump"], ("Hội nghị Ngoại giao lần thứ 30", ["Trump", "Bình"]))
    art("b.txt", ["Bình"])
    w.check()
    art("c.txt", ["Donald Trump"])
    assert w.check().mapped_again == 1  # a.txt mapped again: its 'Trump' is now Donald Trump
    art("d.txt", ["Ivanka Trump"])
    assert w.check().mapped_again == 1  # and back: two full names end with Trump, a.txt's is Trump again
    art("e.txt", [], ("Hội nghị Ngoại giao lần thứ 30", ["Bình", "Trump"]))
    w.check()  # joins a.txt's meeting
    del w.files["/c/d.txt"]
    w.check()
    del w.files["/c/a.txt"]
    w.check()  # the meeting's first report is gone: e.txt's report now writes the meeting node


def _build(src: Path, out: Path, cache: Path | None = None) -> bytes:
    report = build_graph([src], out, html=False, validate=False, cache_dir=cache)
    assert report.read > 0
    return (out / "diplograph.ttl").read_bytes()


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    from make_corpus import generate

    src = tmp_path / "src"
    generate(60, src, seed=11)
    for f in sorted(SEEDS.glob("*.txt")):
        shutil.copy(f, src / f.name)
    return src


def _state_files(cache: Path) -> list[Path]:
    return sorted((cache / "graph").iterdir())


@pytest.mark.parametrize("damage", ["state truncated", "state garbage", "state flipped byte", "shard flipped byte",
                                    "shard missing", "shard emptied", "turtle edited", "turtle removed",
                                    "state from another build"])
def test_damaged_graph_state_is_never_trusted(tmp_path: Path, corpus: Path, damage: str) -> None:
    cache, out = tmp_path / "cache", tmp_path / "out"
    _build(corpus, out, cache)
    other = tmp_path / "other"
    shutil.copytree(corpus, other)
    (other / "a000001.txt").unlink()
    other_state = None
    if damage == "state from another build":
        _build(other, tmp_path / "other-out", tmp_path / "other-cache")
        other_state = (tmp_path / "other-cache" / "graph" / graphstate.STATE).read_bytes()
    # one article changes, so the build would patch the previous graph through the state
    victim = corpus / "a000002.txt"
    victim.write_text(victim.read_text(encoding="utf-8") + "\nThêm một câu.\n", encoding="utf-8")
    state = cache / "graph" / graphstate.STATE
    shards = [p for p in _state_files(cache) if p.name.startswith("s")]
    turtle = out / "diplograph.ttl"
    raw = state.read_bytes()
    if damage == "state truncated":
        state.write_bytes(raw[: len(raw) // 2])
    elif damage == "state garbage":
        state.write_bytes(os.urandom(len(raw)))
    elif damage == "state flipped byte":
        state.write_bytes(raw[:-5] + bytes([raw[-5] ^ 1]) + raw[-4:])
    elif damage.startswith("shard"):
        for shard in shards:  # every shard: whichever the change needs is damaged
            data = shard.read_bytes()
            if damage == "shard flipped byte":
                shard.write_bytes(data[:-3] + bytes([data[-3] ^ 0x40]) + data[-2:])
            elif damage == "shard missing":
                shard.unlink()
            else:
                shard.write_bytes(b"")
    elif damage == "turtle edited":
        data = turtle.read_bytes()
        turtle.write_bytes(data.replace(b"dg:Article", b"dg:Articel", 1))
    elif damage == "turtle removed":
        turtle.unlink()
    else:
        state.write_bytes(other_state)
    got = _build(corpus, out, cache)
    assert got == _build(corpus, tmp_path / "full")
    assert _build(corpus, out, cache) == got  # and the state written now is sound


def test_nothing_changed_writes_nothing(tmp_path: Path, corpus: Path) -> None:
    cache, out = tmp_path / "cache", tmp_path / "out"
    first = _build(corpus, out, cache)
    turtle = out / "diplograph.ttl"
    before = turtle.stat()
    files_before = {p.name: p.stat().st_mtime_ns for p in _state_files(cache)}
    report = build_graph([corpus], out, html=False, validate=False, cache_dir=cache)
    assert report.cached == report.read and report.triples == len(to_triples_of(corpus))
    after = turtle.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert {p.name: p.stat().st_mtime_ns for p in _state_files(cache)} == files_before
    assert turtle.read_bytes() == first
    # another output folder: the current Turtle is written there too
    assert _build(corpus, tmp_path / "elsewhere", cache) == first


def to_triples_of(src: Path):
    from diplograph.build import collect_inputs, map_files

    files, _ = collect_inputs([src])
    facts, _, _ = map_files(files, jobs=1)
    return to_triples(facts)


def test_add_edit_remove_real_files_equal_full_builds(tmp_path: Path, corpus: Path) -> None:
    cache, out = tmp_path / "cache", tmp_path / "out"
    first = _build(corpus, out, cache)
    assert first == _build(corpus, tmp_path / "full0")
    seed = sorted(SEEDS.glob("*.txt"))[2]
    # a copy of a seed under another name: same content, second source file
    shutil.copy(seed, corpus / "zz_copy.txt")
    assert _build(corpus, out, cache) == _build(corpus, tmp_path / "full1")
    # an edit that changes who is who in another article
    (corpus / "zz_copy.txt").write_text(seed.read_text(encoding="utf-8").replace("Bộ trưởng", "Thứ trưởng", 1),
                                        encoding="utf-8")
    assert _build(corpus, out, cache) == _build(corpus, tmp_path / "full2")
    (corpus / "zz_copy.txt").unlink()
    assert _build(corpus, out, cache) == first
    # a file that cannot be read any more drops out like a removed one
    victim = corpus / "a000005.txt"
    text = victim.read_bytes()
    victim.write_bytes(b"")
    report = build_graph([corpus], out, html=False, validate=False, cache_dir=cache)
    assert [f for f, _ in report.skipped] == [str(victim)]
    assert (out / "diplograph.ttl").read_bytes() == _build_without(corpus, victim, tmp_path / "full3")
    victim.write_bytes(text)
    assert _build(corpus, out, cache) == first


def _build_without(src: Path, victim: Path, out: Path) -> bytes:
    report = build_graph([src], out, html=False, validate=False)
    assert [f for f, _ in report.skipped] == [str(victim)]
    return (out / "diplograph.ttl").read_bytes()


def test_fast_slug_is_the_lexicon_slug() -> None:
    from diplograph.ids import slug
    from diplograph.lexicon import slug as lexicon_slug

    rng = random.Random(4)
    texts = NAMES + [n for n in ORGS + PLACES + MEETING_NAMES if n] + ["", "---", "Ðặng", "ﬁ ligature", "Ⅻ", "x\u0301y",
                                                                      "Đ\u0303", "Hội nghị  lần thứ 30!", "\U0001F600"]
    for f in SEEDS.glob("*.txt"):
        texts.extend(f.read_text(encoding="utf-8").split(". "))
    texts.extend("".join(chr(rng.randrange(0x20, 0x2000)) for _ in range(rng.randrange(1, 20))) for _ in range(3000))
    for t in texts:
        assert slug(t) == lexicon_slug(t), t
