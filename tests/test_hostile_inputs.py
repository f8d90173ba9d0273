"""Hostile and broken input files (issue 6): the same facts whatever the encoding, a clear one-line
reason for every file that cannot be read, the rest of the corpus still mapped, nothing that hangs.

Tests run as root in CI, where `chmod 000` does not stop reads: an unreadable file is simulated by
making `Path.open` raise PermissionError for it (and the real chmod is applied too, so the test also
means something for a normal user).
"""
from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Graph, Literal, URIRef

from diplograph import reader
from diplograph.build import build_graph, map_file, serialize_turtle
from diplograph.extract import extract
from diplograph.mapper import to_graph
from diplograph.reader import MAX_SENTENCE_CHARS, MAX_TEXT_CHARS, ArticleError, read_file, read_text, sentences
from test_reader import to_cp1258

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "002_d4cf4740f0e46a42.txt"
SEED_TEXT = SEED.read_text(encoding="utf-8")
DG = "https://w3id.org/diplograph/ontology#"


def facts_of(path: Path) -> dict:
    d = map_file(path).to_dict()
    d.pop("source")
    return d


@pytest.fixture(scope="module")
def clean_facts(tmp_path_factory: pytest.TempPathFactory) -> dict:
    d = tmp_path_factory.mktemp("clean")
    f = d / "article.txt"
    f.write_bytes(SEED_TEXT.encode("utf-8"))
    facts = facts_of(f)
    assert facts["people"] and facts["meetings"] and facts["agreements"] and facts["priorities"]
    return facts


# ----------------------------------------------------------------------------- encodings
def _with_zero_width(text: str) -> str:
    # zero-width spaces and joiners, a soft hyphen and a BOM inside words and between them
    out = text.replace("Bộ Ngoại giao", "Bộ\u200b Ngoại\u2060 giao", 3).replace("năm", "n\u00adăm", 5)
    return out.replace(". ", ".\u200c \ufeff", 5)


ENCODINGS = {
    "utf-8 with BOM": lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
    "utf-16 le with BOM": lambda t: b"\xff\xfe" + t.encode("utf-16-le"),
    "utf-16 be with BOM": lambda t: b"\xfe\xff" + t.encode("utf-16-be"),
    "utf-16 le without BOM": lambda t: t.encode("utf-16-le"),
    "utf-16 be without BOM": lambda t: t.encode("utf-16-be"),
    "windows-1258 combining tones": to_cp1258,
    "NFD decomposed": lambda t: unicodedata.normalize("NFD", t).encode("utf-8"),
    "U+00D0 eth for Đ": lambda t: t.replace("Đ", "\u00d0").replace("đ", "\u00f0").encode("utf-8"),
    "zero-width characters": lambda t: _with_zero_width(t).encode("utf-8"),
    "non-breaking spaces": lambda t: t.replace(" ", "\u00a0").encode("utf-8"),
    "narrow and ideographic spaces": lambda t: t.replace(" ", "\u202f", 200).replace(" ", "\u3000", 100).encode("utf-8"),
    "CRLF line ends": lambda t: t.replace("\n", "\r\n").encode("utf-8"),
    "lone CR line ends": lambda t: t.replace("\n", "\r").encode("utf-8"),
    "all at once": lambda t: b"\xff\xfe" + unicodedata.normalize("NFD", _with_zero_width(t)).replace("\n", "\r\n")
                                            .replace(" ", "\u00a0", 300).replace("Đ", "\u00d0").encode("utf-16-le"),
}


def invisible_marks() -> list[str]:
    """Every code point a reader should drop as invisible: Unicode's format characters (Cf: bidi
    marks and embeddings, invisible operators, tags, the BOM, ...), variation selectors (U+FE00-FE0F,
    U+E0100-E01EF), Mongolian free variation selectors and the combining grapheme joiner."""
    extra = [0x034F, *range(0x180B, 0x1810), *range(0xFE00, 0xFE10), *range(0xE0100, 0xE01F0)]
    return [chr(cp) for cp in range(0x110000) if unicodedata.category(chr(cp)) == "Cf"] + [chr(cp) for cp in extra]


def _with_every_invisible_mark(text: str) -> str:
    """One invisible mark after every letter, cycling through all of them (each one lands in names)."""
    marks = invisible_marks()
    out: list[str] = []
    n = 0
    for c in text:
        out.append(c)
        if c.isalpha():
            out.append(marks[n % len(marks)])
            n += 1
    assert n > 3 * len(marks)
    return "".join(out)


ENCODINGS["every invisible mark (Cf, variation selectors, CGJ)"] = lambda t: _with_every_invisible_mark(t).encode("utf-8")
ENCODINGS["bidi marks and isolates in names"] = lambda t: (
    t.replace("Phạm Bình Minh", "Phạm B\u200eình\u2063 M\u034finh\ufe0f").replace("Bộ Ngoại giao", "\u2066Bộ\u200f Ngoại giao\u2069")
).encode("utf-8")


@pytest.mark.parametrize("name", list(ENCODINGS))
def test_every_encoding_gives_the_same_facts(name: str, clean_facts: dict, tmp_path: Path) -> None:
    data = ENCODINGS[name](SEED_TEXT)
    assert data != SEED_TEXT.encode("utf-8")
    f = tmp_path / "article.txt"
    f.write_bytes(data)
    assert facts_of(f) == clean_facts


def test_windows_1258_really_has_combining_marks() -> None:
    data = to_cp1258(SEED_TEXT)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert "\u0301" in data.decode("cp1258")  # the tone marks are separate characters in this encoding


# ----------------------------------------------------------------------------- bad files in a corpus
def _make_corpus(src: Path) -> dict[str, str]:
    """A folder with two good articles and one file of every broken kind; name -> expected reason."""
    src.mkdir()
    (src / "good.txt").write_bytes(SEED.read_bytes())
    (src / "good2.txt").write_bytes((ROOT / "seeds" / "000_3ced0a2d290664d0.txt").read_bytes())
    (src / "empty.txt").write_bytes(b"")
    (src / "blank.txt").write_bytes(b" \n\t\r\n \xc2\xa0\n")
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00" + os.urandom(4096)
    (src / "photo.txt").write_bytes(png)
    with open(src / "huge.txt", "wb") as fh:  # 50 MB (sparse): refused from its size
        fh.truncate(50 * 1024 * 1024)
    line = " ".join(SEED_TEXT.split())
    (src / "oneline.txt").write_text((line + " ") * (1_000_000 // len(line.encode("utf-8")) + 1), encoding="utf-8")
    os.mkfifo(src / "pipe.txt")  # reading it would block forever
    (src / "loop").symlink_to(src)  # a folder symlink loop
    (src / "self.txt").symlink_to(src / "self.txt")  # a file symlink loop
    (src / "dangling.txt").symlink_to(src / "nowhere.txt")
    (src / "folder.txt").mkdir()  # a folder named like an article, with one inside
    (src / "folder.txt" / "inner.txt").write_bytes(SEED.read_bytes())
    return {"empty.txt": "empty", "blank.txt": "empty", "photo.txt": "binary", "huge.txt": "too large",
            "oneline.txt": "too long", "pipe.txt": "named pipe", "self.txt": "cannot read",
            "dangling.txt": "cannot read", "loop": "symlink loop"}


def test_cli_build_reports_each_bad_file_on_one_line_and_maps_the_rest(tmp_path: Path) -> None:
    expected = _make_corpus(tmp_path / "in")
    out = tmp_path / "out"
    t = time.monotonic()
    res = subprocess.run([sys.executable, "-m", "diplograph.cli", "build", str(tmp_path / "in"), "-o", str(out), "--no-html",
                          "-j", "1"], capture_output=True, text=True, cwd=ROOT, timeout=120)
    elapsed = time.monotonic() - t
    assert res.returncode == 1, res.stderr  # something was skipped
    warnings = [line for line in res.stderr.splitlines() if line.startswith("warning: ")]
    assert len(warnings) == len(expected), res.stderr
    for name, reason in expected.items():
        line = next((w for w in warnings if f"/{name}:" in w), None)
        assert line is not None, f"no warning for {name}: {res.stderr}"
        assert reason in line, line
    assert "articles read: 3, skipped: 9" in res.stdout  # good, good2 and folder.txt/inner.txt
    g = Graph().parse(out / "diplograph.ttl", format="turtle")
    assert len(set(g.subjects(URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), URIRef(DG + "Article")))) == 2
    assert elapsed < 60, f"a build of broken files took {elapsed:.0f} s"


def test_unreadable_file_is_reported_and_the_rest_mapped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_bytes(SEED.read_bytes())
    locked = src / "locked.txt"
    locked.write_bytes(SEED.read_bytes())
    locked.chmod(0)
    real_open = Path.open

    def guarded(self: Path, *args, **kwargs):
        if self.name == "locked.txt":  # root ignores chmod 000: make the read fail as it would for a user
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", guarded)
    with pytest.raises(ArticleError, match=r"locked.txt: cannot read \(Permission denied\)"):
        read_file(locked)
    report = build_graph([src], tmp_path / "out", html=False, validate=False, jobs=1)
    assert report.read == 1
    assert [(Path(f).name, why) for f, why in report.skipped] == [("locked.txt", "cannot read (Permission denied)")]


def test_nothing_readable_exits_2_and_keeps_the_previous_graph(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "diplograph.ttl").write_bytes(b"<http://e/a> <http://e/b> <http://e/c> .\n")
    src = tmp_path / "in"
    src.mkdir()
    (src / "empty.txt").write_bytes(b"")
    (src / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)))
    res = subprocess.run([sys.executable, "-m", "diplograph.cli", "build", str(src), "-o", str(out), "--no-html"],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert res.returncode == 2
    assert "error: no article could be read" in res.stderr
    assert (out / "diplograph.ttl").read_bytes() == b"<http://e/a> <http://e/b> <http://e/c> .\n"


def test_50_mb_file_is_refused_without_reading_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    monkeypatch.setattr(Path, "open", lambda *a, **k: pytest.fail("a 50 MB file must be refused from its size"))
    t = time.monotonic()
    with pytest.raises(ArticleError, match=r"big.txt: file too large \(50 MB > 20 MB\)"):
        read_file(big)
    assert time.monotonic() - t < 1


def test_a_real_50_mb_text_file_is_refused_quickly(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    chunk = SEED.read_bytes()
    with open(big, "wb") as fh:
        for _ in range(50 * 1024 * 1024 // len(chunk) + 1):
            fh.write(chunk)
    t = time.monotonic()
    with pytest.raises(ArticleError, match="file too large"):
        map_file(big)
    assert time.monotonic() - t < 1


def test_file_just_under_the_size_limit_with_long_text_is_refused_as_too_long(tmp_path: Path) -> None:
    f = tmp_path / "dump.txt"
    chunk = SEED.read_bytes()
    f.write_bytes(chunk * (3 * 1024 * 1024 // len(chunk)))  # 3 MB of articles glued together
    t = time.monotonic()
    with pytest.raises(ArticleError, match=r"dump.txt: article text too long \([\d,]+ characters > 200,000\)"):
        map_file(f)
    assert time.monotonic() - t < 10


def test_one_megabyte_line_is_refused_quickly_with_the_reason(tmp_path: Path) -> None:
    f = tmp_path / "line.txt"
    line = " ".join(SEED_TEXT.split())
    f.write_text((line + " ") * (1_000_000 // len(line.encode()) + 1), encoding="utf-8")
    assert f.read_text().count("\n") == 0 and f.stat().st_size > 1_000_000
    t = time.monotonic()
    with pytest.raises(ArticleError, match="line.txt: article text too long"):
        map_file(f)
    assert time.monotonic() - t < 5


# Payloads that made extraction quadratic in the length of a sentence: meeting words, names with titles,
# talks with parties, mixed, all without a full stop. Measured before the fix: 10,000 characters of
# "hội nghị ngoại giao" took 39 s and 1 MB of "Bộ trưởng Nguyễn Văn An" 538 s.
PATHOLOGICAL = {
    "meeting words": "hội nghị ngoại giao ",
    "capitalised meeting words": "Hội Nghị Ngoại Giao ",
    "titles and names": "Bộ trưởng Nguyễn Văn An ",
    "talks with a party": "hội đàm với Thủ tướng Nhật Bản Shinzo Abe ",
    "organizer far away": "hội nghị ngoại giao do Bộ Ngoại giao ",
    "mixed": "Bộ trưởng Nguyễn Văn An, hội nghị thăm Nhật Bản, ký kết Hiệp định EVFTA ",
    "one long word": "a",
    "punctuation": "(((\"“«[{",
}


@pytest.mark.parametrize("name", list(PATHOLOGICAL))
def test_longest_accepted_line_is_mapped_in_bounded_time(name: str) -> None:
    pattern = PATHOLOGICAL[name]
    line = (pattern * (MAX_TEXT_CHARS // len(pattern)))[: MAX_TEXT_CHARS - 20] + " tổ chức"
    extract(read_text("Tiêu đề\nNội dung."))  # lexicons loaded outside the timing
    t = time.monotonic()
    try:
        extract(read_text("Tiêu đề\n" + line))
    except ArticleError as exc:
        assert name == "punctuation" and "no article text" in str(exc)
    elapsed = time.monotonic() - t
    assert elapsed < 30, f"{name}: {elapsed:.1f} s for {MAX_TEXT_CHARS:,} characters on one line"


def test_time_grows_linearly_with_a_line_of_meeting_words() -> None:
    def timed(n: int) -> float:
        text = "Tiêu đề\n" + ("hội nghị ngoại giao " * (n // 20))
        t = time.monotonic()
        extract(read_text(text))
        return time.monotonic() - t

    extract(read_text("Tiêu đề\nNội dung."))
    small, large = timed(10_000), timed(80_000)
    assert large < 8 * small * 2.5 + 0.5, f"10k: {small:.2f} s, 80k: {large:.2f} s: not linear"


def test_overlong_sentences_are_cut_at_commas_then_spaces() -> None:
    clause = "các đại biểu thảo luận về công tác đối ngoại"
    long = ", ".join([clause] * 200) + "."
    pieces = sentences(long)
    assert len(pieces) > 1 and all(len(p) <= MAX_SENTENCE_CHARS for p in pieces)
    assert all(p.endswith(",") for p in pieces[:-1])  # cut after a comma
    assert " ".join(pieces) == long  # nothing lost
    spaces = sentences("x " * 3000)
    assert all(len(p) <= MAX_SENTENCE_CHARS for p in spaces) and "".join(spaces).replace(" ", "") == "x" * 3000
    solid = sentences("y" * 2500)
    assert [len(p) for p in solid] == [1000, 1000, 500]
    normal = "Bộ trưởng Bùi Thanh Sơn phát biểu tại hội nghị. Hội nghị kết thúc."
    assert sentences(normal) == ["Bộ trưởng Bùi Thanh Sơn phát biểu tại hội nghị.", "Hội nghị kết thúc."]


# ----------------------------------------------------------------------------- HTML pages
HTML = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title>
<script>var x = "Thủ tướng Scriptus Maximus hội đàm với Bộ trưởng Javas Cript"; document.write(x);</script>
<style>.a {{ content: "Bộ trưởng Stylus Sheet" }}</style></head><body>
<nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/tg">Thế giới</a></li>
<li><a href="/x">Chủ tịch Navi Gation thăm Lào</a></li></ul></nav>
<!-- Thủ tướng Commentus Hidden hội đàm với Tổng thống Comment Only -->
<header><div class="menu">Thời sự | Chính trị | Đối ngoại</div></header>
<article><h1>{title}</h1>{paragraphs}</article>
<aside><h3>Tin liên quan</h3><ul><li><a href="/y">Bộ trưởng Sidebar Person dự hội nghị</a></li></ul></aside>
<script type="application/ld+json">{{"@type": "NewsArticle", "author": "Bộ trưởng Json Ld"}}</script>
<footer>Bản quyền © Báo Điện tử. Địa chỉ: Hà Nội</footer>
<script>window.__pwned = 1;</script></body></html>"""


def test_html_page_keeps_the_article_and_drops_scripts_comments_navigation(tmp_path: Path) -> None:
    lines = [line for line in SEED_TEXT.split("\n") if line.strip()]
    title = lines[0].replace(" date 2021-01 ", "")
    paragraphs = "".join(f"<p>{line}</p>\n" for line in lines[1:])
    page = tmp_path / "page.html"
    page.write_text(HTML.format(title=title, paragraphs=paragraphs), encoding="utf-8")
    facts = map_file(page)
    names = {p.name for p in facts.people}
    txt = tmp_path / "page.txt"
    txt.write_bytes(SEED.read_bytes())
    expected = {p.name for p in map_file(txt).people}
    assert expected and expected <= names
    body = " ".join([facts.headline] + [m.evidence for m in facts.meetings] + [p.name for p in facts.people])
    for junk in ("Scriptus", "Javas", "Stylus", "Navi", "Commentus", "Sidebar", "Json", "__pwned", "Bản quyền"):
        assert junk not in body and not any(junk in n for n in names), junk
    article = read_file(page)
    assert not any("Scriptus" in p or "Navi Gation" in p or "Commentus" in p for p in article.paragraphs)


def test_html_pages_without_an_article_give_no_facts_or_a_named_error(tmp_path: Path) -> None:
    shell = tmp_path / "shell.html"
    shell.write_text("<html><head><script>var a = 'Thủ tướng Xa Lộ hội đàm';</script></head><body><nav><a href='/'>"
                     "Trang chủ</a></nav></body></html>", encoding="utf-8")
    facts = map_file(shell)  # trafilatura falls back to the navigation text: an article with nothing in it
    assert not facts.people and not facts.meetings and "Xa Lộ" not in facts.headline
    empty = tmp_path / "empty.html"
    empty.write_text("<html><head><script>var a = 1;</script></head><body></body></html>", encoding="utf-8")
    with pytest.raises(ArticleError, match="empty.html: no main text"):
        map_file(empty)


# ----------------------------------------------------------------------------- metacharacters and names
META = ('"""', "'''", "\\", "\\u0022", ">", "<", "{", "}", "#", "@prefix x: <http://e/> .", "^^xsd:date", "\\n", "${x}",
        "?s", "%00", "<script>alert(1)</script>")


def _meta_article() -> str:
    payload = " ".join(META)
    return ("Bộ trưởng Bùi Thanh Sơn chủ trì Hội nghị Ngoại giao lần thứ 32 " + payload + "\n"
            "Ngày 13/12/2021, Bộ Ngoại giao tổ chức Hội nghị Ngoại giao lần thứ 32 tại Hà Nội.\n"
            f"Bộ trưởng Ngoại giao Bùi Thanh Sơn chủ trì hội nghị và phát biểu: {payload} đối ngoại.\n"
            f"Thủ tướng Phạm Minh Chính dự và phát biểu chỉ đạo {payload}.\n"
            f"Hai bên ký kết Hiệp định EVFTA {payload}.\n")


def test_turtle_and_sparql_metacharacters_survive_as_data(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / 'meta """ {x} #.txt').write_text(_meta_article(), encoding="utf-8")
    report = build_graph([src], tmp_path / "out", html=True, validate=True, jobs=1)
    assert report.read == 1 and not report.skipped and report.violations == []
    data = (tmp_path / "out" / "diplograph.ttl").read_bytes()
    g = Graph().parse(data=data, format="turtle")
    n = sum(1 for _ in pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.TURTLE))
    assert n == len(g) > 20
    evidence = [str(o) for o in g.objects(None, URIRef(DG + "evidence"))]
    assert any(all(m in e for m in META) for e in evidence), evidence
    files = {str(o) for o in g.objects(None, URIRef(DG + "sourceFile"))}
    assert files == {'meta """ {x} #.txt'}
    assert serialize_turtle(g) == data  # re-serializing the parsed graph gives the same bytes
    html = (tmp_path / "out" / "diplograph.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html


def test_very_long_and_one_syllable_names(tmp_path: Path) -> None:
    long_name = "Nguyễn " + " ".join(["Văn"] * 60) + " An"
    foreign = "Đại sứ " + " ".join(f"Xyzzy{i}" for i in range(40))
    text = ("Bộ trưởng Ngoại giao gặp gỡ\n"
            f"Ngày 5/3/2022, Bộ trưởng Ngoại giao {long_name} hội đàm với Ngoại trưởng Lavrov tại Hà Nội.\n"
            f"Ông Sơn và bà Hà cùng dự. {foreign} phát biểu. Thủ tướng Abe hội đàm với Tổng thống Putin.\n"
            f"Chủ tịch {'Ư' * 5000} dự hội nghị.\n")
    facts = extract(read_text(text, "names.txt"))
    g = to_graph([facts])
    data = serialize_turtle(g)
    assert sum(1 for _ in pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.TURTLE)) == len(g)
    for s in g.subjects():
        assert len(str(s)) < 200, f"IRI too long: {s}"
    for name in (p.name for p in facts.people):
        assert g.value(predicate=URIRef("https://schema.org/name"), object=Literal(name, lang="vi")) is not None


def test_control_characters_and_private_use_never_reach_the_graph() -> None:
    text = "Tiêu đề\x00\x07\x1b[31m\nBộ trưởng Bùi Thanh Sơn\ue000 chủ trì hội nghị\x0b\x0c ngày 3/3/2022.\ud800"
    facts = extract(read_text(text))
    g = to_graph([facts])
    assert facts.people and Graph().parse(data=serialize_turtle(g), format="turtle").isomorphic(g)
    for o in g.objects():
        if isinstance(o, Literal):
            assert not any(unicodedata.category(c) in ("Cc", "Co", "Cs") for c in str(o)), repr(o)


def test_non_utf8_garbage_is_refused_or_read_never_crashes(tmp_path: Path) -> None:
    for i, data in enumerate([bytes(range(128, 256)) * 20, b"\xc3" * 3000, b"\xff\xfe" + b"\x00\xd8" * 10,
                              b"\xfe\xff\xd8\x00", "Bộ trưởng".encode("utf-32"), b"\x1b[0m" * 100]):
        f = tmp_path / f"g{i}.txt"
        f.write_bytes(data)
        try:
            facts = map_file(f)
        except ArticleError as exc:
            assert f"{f.name}: " in str(exc) and "\n" not in str(exc)
        else:
            to_graph([facts])


def test_reader_limits_are_what_the_docs_say() -> None:
    assert reader.MAX_BYTES == 20 * 1024 * 1024
    assert MAX_TEXT_CHARS == 200_000 and MAX_SENTENCE_CHARS == 1000
    guarantees = (ROOT / "docs" / "guarantees.md").read_text(encoding="utf-8")
    assert "20 MB" in guarantees and "200,000 characters" in guarantees and "1,000 characters" in guarantees


def test_special_files_are_refused_by_kind(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(ArticleError, match="pipe.txt: not a regular file \\(a named pipe\\)"):
        read_file(fifo)
    dev = tmp_path / "zero.txt"
    dev.symlink_to("/dev/zero")
    with pytest.raises(ArticleError, match="zero.txt: not a regular file \\(a device\\)"):
        read_file(dev)
    with pytest.raises(ArticleError, match="not a regular file \\(a folder\\)"):
        read_file(tmp_path)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_a_file_name_cannot_forge_warnings_or_escape_sequences(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_bytes(SEED.read_bytes())
    (src / "bad\nwarning: forged.txt: all good\x1b[2J.txt").write_bytes(b"")
    res = subprocess.run([sys.executable, "-m", "diplograph.cli", "build", str(src), "-o", str(tmp_path / "out"),
                          "--no-html"], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert res.returncode == 1
    warnings = [line for line in res.stderr.splitlines() if line.startswith("warning: ")]
    assert len(warnings) == 1 and "\x1b" not in res.stderr
    assert warnings[0].endswith("\\x1b[2J.txt: empty file") and "bad\\nwarning: forged" in warnings[0]


def test_big_files_in_a_legacy_encoding_or_garbage_are_refused_quickly(tmp_path: Path) -> None:
    """The encoding is detected on a sample: detecting on 19 MB took 15-20 s."""
    cp = to_cp1258(SEED_TEXT)
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes(cp * (19 * 1024 * 1024 // len(cp)))
    garbage = tmp_path / "garbage.txt"
    garbage.write_bytes(bytes(range(128, 256)) * (19 * 1024 * 1024 // 128))
    for f, reason in ((legacy, "article text too long"), (garbage, "unknown encoding")):
        t = time.monotonic()
        with pytest.raises(ArticleError, match=f"{f.name}: {reason}"):
            map_file(f)
        assert time.monotonic() - t < 5, f.name


def test_legacy_encoding_is_detected_from_the_sample_and_applied_to_the_whole_file(tmp_path: Path) -> None:
    f = tmp_path / "long.txt"
    text = SEED_TEXT + "\n" + "Đoàn đại biểu Việt Nam dự hội nghị. " * 9000 + "\nKết thúc với chữ Đ và ữ."
    f.write_bytes(to_cp1258(text))
    assert f.stat().st_size > reader._DETECT_SAMPLE
    assert reader.normalize(reader.decode(f.read_bytes())).endswith("Kết thúc với chữ Đ và ữ.")


def test_oversized_html_page_is_refused_from_its_size(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    paras = "".join(f"<p>{line}</p>" for line in SEED_TEXT.split("\n") if line.strip())
    junk = "<div class='ad'><a href='/x'>Tin khác</a></div>" * (6 * 1024 * 1024 // 47)
    page.write_text(f"<html><body><article>{paras}</article>{junk}</body></html>", encoding="utf-8")
    t = time.monotonic()
    with pytest.raises(ArticleError, match=r"page.html: HTML page too large \(6 MB > 5 MB\)"):
        map_file(page)
    assert time.monotonic() - t < 1


def test_file_names_that_are_not_utf8_are_mapped_with_a_replacement_character(tmp_path: Path) -> None:
    """Undecodable bytes in a name arrive as lone surrogates, which RDF cannot carry: the whole build crashed."""
    src = tmp_path / "in"
    src.mkdir()
    with open(os.path.join(os.fsencode(src), b"bad\xff name.txt"), "wb") as fh:
        fh.write(SEED.read_bytes())
    open(os.path.join(os.fsencode(src), b"empty\xfe.txt"), "wb").close()
    (src / "ok.txt").write_bytes((ROOT / "seeds" / "000_3ced0a2d290664d0.txt").read_bytes())
    for attempt in ("fresh", "cached"):
        res = subprocess.run([sys.executable, "-m", "diplograph.cli", "build", str(src), "-o", str(tmp_path / "out"),
                              "--cache", str(tmp_path / "cache")], capture_output=True, text=True, cwd=ROOT,
                             timeout=120)
        assert res.returncode == 1, (attempt, res.stderr)
        assert "Traceback" not in res.stderr
        warnings = [line for line in res.stderr.splitlines() if line.startswith("warning: ")]
        assert len(warnings) == 1 and "empty\\udcfe.txt: empty file" in warnings[0], res.stderr
        g = Graph().parse(tmp_path / "out" / "diplograph.ttl", format="turtle")
        assert {str(o) for o in g.objects(None, URIRef(DG + "sourceFile"))} == {"bad\ufffd name.txt", "ok.txt"}


@pytest.mark.parametrize("date_line", ["date 0000-00-00", "date 2021-13-45", "date 9999-99", "date 2021-02-30",
                                       "45/13/2021", "31/02/2021 10:00"])
def test_impossible_dates_never_become_ill_typed_literals(date_line: str, tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(
        f"https://e.vn/a\n{date_line}\nBộ trưởng Bùi Thanh Sơn chủ trì hội nghị\n"
        "Ngày 31/2, Bộ Ngoại giao tổ chức Hội nghị Ngoại giao lần thứ 32 tại Hà Nội. Bộ trưởng Ngoại giao "
        "Bùi Thanh Sơn chủ trì hội nghị ngày 45/13/2021 và 29/2/2021.\n", encoding="utf-8")
    res = subprocess.run([sys.executable, "-m", "diplograph.cli", "build", str(src), "-o", str(tmp_path / "out"),
                          "--no-html"], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert res.returncode == 0 and "Traceback" not in res.stderr, res.stderr
    assert "SHACL: conforms" in res.stdout, res.stdout
    g = Graph().parse(tmp_path / "out" / "diplograph.ttl", format="turtle")
    for o in g.objects():
        if isinstance(o, Literal) and o.datatype is not None:
            assert o.ill_typed is False, o
    assert reader.valid_date(2024, 2, 29) == "2024-02-29" and reader.valid_date(2021, 2, 29) is None


# ----------------------------------------------------------------------------- controls in literals (issue 16)
BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _bad_in_literal(text: str) -> list[str]:
    return [c for c in text if unicodedata.category(c) == "Cc" or c in BIDI]


def test_a_file_name_with_escape_sequences_bel_del_and_bidi_controls_never_reaches_a_literal(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    name = "\x1b[2J\x1b]0;pwned\x07 bell\x07 del\x7f csi\x9b31m \u202eevil\u202c \u2066iso\u2069 tab\tcr\r.txt"
    (src / name).write_bytes(SEED.read_bytes())
    report = build_graph([src], tmp_path / "out", html=False, validate=False)
    assert report.read == 1 and not report.skipped
    g = Graph().parse(tmp_path / "out" / "diplograph.ttl", format="turtle")
    files = [str(o) for o in g.objects(None, URIRef(DG + "sourceFile"))]
    assert len(files) == 1 and "pwned" in files[0] and files[0].endswith(".txt"), files
    for o in g.objects():
        if isinstance(o, Literal):
            assert _bad_in_literal(str(o)) == [], repr(o)


def test_the_mapper_cleans_every_literal_even_of_facts_the_reader_never_saw() -> None:
    """Facts made by hand (a library user, a cache of an older version): controls in every string field."""
    from diplograph.facts import ArticleFacts

    dirty = "\x1b[31mBùi\x00 Thanh\x07 Sơn\x7f\x85\x9b\u202e\u2067\n\t"
    d = {"source": f"{dirty}.txt", "content_hash": "cd" * 32, "headline": f"Tiêu đề {dirty}", "url": f"https://e.vn/{dirty}",
         "date": "2021-12-13", "credits": [f"TTXVN {dirty}"],
         "people": [{"name": f"Bùi Thanh Sơn {dirty}", "posts": [{"title": f"Bộ trưởng {dirty}", "position": "Bộ trưởng",
                                                                  "organization": f"Bộ Ngoại giao {dirty}", "qualifier": None,
                                                                  "evidence": f"Câu {dirty}"}], "aliases": [f"Sơn {dirty}"]}],
         "meetings": [{"key": "m0", "name": f"Hội nghị {dirty}", "kind": "Conference", "kind_word": "hội nghị",
                       "date": "2021-12-13", "place": f"Hà Nội {dirty}", "organizer": f"Bộ {dirty}",
                       "status": "held", "format": None, "part_of": None,
                       "participants": [{"name": f"Bùi Thanh Sơn {dirty}", "role": "chair", "evidence": f"Câu {dirty}"}],
                       "variants": [f"Hội nghị {dirty}"], "theme": f"Chủ đề {dirty}", "evidence": f"Câu {dirty}"}],
         "agreements": [{"name": f"Hiệp định {dirty}", "abbreviation": None, "action": "ký kết", "action_type": "Signed",
                         "tense": "done", "evidence": f"Câu {dirty}"}],
         "priorities": [{"text": f"Ưu tiên {dirty}", "year": 2022, "set_by": f"Bùi Thanh Sơn {dirty}", "meeting": "m0",
                         "kind": "task", "evidence": f"Câu {dirty}"}],
         "organizations": []}
    g = to_graph([ArticleFacts.from_dict(d)])
    literals = [str(o) for o in g.objects() if isinstance(o, Literal)]
    assert any("Bùi" in x for x in literals) and any("Tiêu đề" in x for x in literals)
    for x in literals:
        assert _bad_in_literal(x) == [], repr(x)


def test_a_link_to_another_folder_of_the_input_is_the_same_folder_not_a_loop(tmp_path: Path) -> None:
    """Issue 16 item 4 (links in an input folder): `alias -> sub` inside the input made the build report
    the real folder `sub` as a "symlink loop", count it as skipped and exit 1, though every article was
    read; now the link is noted as the same folder, each article read once, exit 0."""
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "sub" / "a.txt").write_bytes(SEED.read_bytes())
    (src / "alias").symlink_to("sub")
    res = subprocess.run([sys.executable, "-m", "diplograph.cli", "build", str(src), "-o", str(tmp_path / "out"),
                          "--no-html", "-j", "1"], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert res.returncode == 0, res.stderr
    assert res.stderr.strip().splitlines() == [f"warning: {src / 'alias'}: the same folder as {src / 'sub'}, already read"]
    assert "articles read: 1, skipped: 0" in res.stdout
