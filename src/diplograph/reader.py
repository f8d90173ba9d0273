"""Reading an article: bytes to clean text with metadata, credits cut out and page furniture removed.

Everything downstream sees only `Article.paragraphs`: text that is safe to mine for facts. Bylines,
photo credits and comment boxes are separated here, once, so no extraction rule has to know about them.
"""
from __future__ import annotations

import hashlib
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable


class ArticleError(ValueError):
    """An input that cannot be read as an article; the message names the problem."""


@dataclass
class Article:
    source: str
    headline: str
    paragraphs: list[str]
    url: str | None = None
    date: str | None = None  # YYYY-MM-DD, YYYY-MM or YYYY, as far as the article states it
    credits: list[str] = field(default_factory=list)
    content_hash: str = ""

    @property
    def year(self) -> int | None:
        return int(self.date[:4]) if self.date else None

    @property
    def month(self) -> int | None:
        return int(self.date[5:7]) if self.date and len(self.date) >= 7 else None


# ----------------------------------------------------------------------------- decoding
_VI_LETTERS = set("ăâđêôơưĂÂĐÊÔƠƯáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")


def _vietnamese_score(text: str) -> float:
    text = unicodedata.normalize("NFC", text)
    letters = sum(c.isalpha() for c in text) or 1
    bad = text.count("\ufffd") + sum(1 for c in text if unicodedata.category(c) in ("Cc", "Co") and c not in "\n\r\t")
    return (sum(c in _VI_LETTERS for c in text) - 5 * bad) / letters


def decode(data: bytes, name: str = "<bytes>") -> str:
    """Decode article bytes: BOMs first, then strict UTF-8, then a detector checked against Vietnamese.

    Windows-1258 writes Vietnamese with combining marks, so a detector guessing cp1252 produces
    plausible Latin text; comparing how Vietnamese each candidate decoding looks settles it.
    """
    if not data.strip():
        raise ArticleError(f"{name}: empty file")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    if b"\x00" in data[:4096]:
        # UTF-16 without BOM has a NUL in every other byte of ASCII text
        even, odd = data[0:4096:2].count(0), data[1:4096:2].count(0)
        half = min(len(data), 4096) / 2
        if odd > 0.3 * half and even < 0.05 * half:
            return data.decode("utf-16-le", errors="replace")
        if even > 0.3 * half and odd < 0.05 * half:
            return data.decode("utf-16-be", errors="replace")
        raise ArticleError(f"{name}: binary file (NUL bytes), not a text article")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # The encoding is chosen on a sample: detecting and scoring a 19 MB file took 15-20 s.
    sample = data[:_DETECT_SAMPLE]
    candidates: dict[str, str] = {}
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(sample).best()
        if best is not None and best.encoding:
            candidates[best.encoding] = str(best)
    except Exception:  # the detector is a hint, never a reason to fail
        pass
    for enc in ("cp1258", "utf-8"):
        candidates.setdefault(enc, sample.decode(enc, errors="replace"))
    enc, text = max(candidates.items(), key=lambda kv: _vietnamese_score(kv[1]))
    if _vietnamese_score(text) < -0.05:
        raise ArticleError(f"{name}: unknown encoding (no decoding gives readable text)")
    if len(data) <= _DETECT_SAMPLE:
        return text
    try:
        return data.decode(enc, errors="replace")
    except LookupError:  # a detector name Python does not know: the sample decoded, so decode as it did
        return str(from_bytes(data).best())


_DETECT_SAMPLE = 256 * 1024


# Character classes as compiled regexes rather than str.translate tables or a per-character
# unicodedata.category loop: on 2-10 KB articles those took 1.5 ms each, most of reading an archive.
_SPACES = re.compile("[\u00a0\u202f\u2007\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u3000\t]")
# Invisible marks of the BMP, removed: every format character (category Cf: zero-width spaces and
# joiners, the soft hyphen, bidi marks, embeddings and isolates, invisible operators, the BOM, ...),
# the variation selectors U+FE00-FE0F, the Mongolian free variation selectors and the combining
# grapheme joiner. Inserted inside a name (``Phạm B\u200eình Minh``) any one of them cut the name short
# and lost its facts. The astral ones (tags, U+E0100-E01EF selectors, ...) are in `_ASTRAL_INVISIBLE`:
# a class with many astral ranges made this pass four times slower on every article.
# tests/test_reader.py checks both against unicodedata on every code point.
_ZERO = re.compile(
    "[\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180b-\u180f\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufe00-\ufe0f\ufeff\ufff9-\ufffb]")
_ASTRAL_INVISIBLE = frozenset(chr(cp) for cp in (
    0x110BD, 0x110CD, *range(0x13430, 0x13440), *range(0x1BCA0, 0x1BCA4), *range(0x1D173, 0x1D17B), 0xE0001,
    *range(0xE0020, 0xE0080), *range(0xE0100, 0xE01F0)))
# Unicode categories Cc (control, except the line feed), Cs (surrogates) and Co (private use), and every
# astral character, which `_drop_wide` keeps unless it is private use or in `_ASTRAL_INVISIBLE` (one
# astral range is as fast as none; astral characters are rare, so the callback seldom runs).
_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\uf8ff\U00010000-\U0010ffff]")


def _drop_wide(m: "re.Match[str]") -> str:
    c = m.group()
    if c <= "\uf8ff":  # C0/C1 control, surrogate, BMP private use
        return ""
    cp = ord(c)
    if cp >= 0xF0000:  # planes 15-16 are private use, but for their last two (non)characters
        return "" if (cp & 0xFFFF) < 0xFFFE else c
    return "" if c in _ASTRAL_INVISIBLE else c


def strip_controls(text: str) -> str:
    """``text`` without control, surrogate, private-use and astral invisible characters."""
    return _CONTROL.sub(_drop_wide, text)


_MULTI_SPACE = re.compile(" {2,}")


def fold_accents(text: str) -> str:
    """Text without accents (đ as d) and case: the key for matching what people type ("bui thanh son")."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def normalize(text: str) -> str:
    """NFC, look-alike letters, odd spaces and line ends: the same article always reads the same."""
    text = _SPACES.sub(" ", _ZERO.sub("", text))
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    # before NFC: a mark or control between a letter and its tone mark would keep them apart
    text = unicodedata.normalize("NFC", strip_controls(text))
    text = text.replace("\u00d0", "\u0110").replace("\u00f0", "\u0111")  # Ð/ð (eth) written for Đ/đ
    text = _MULTI_SPACE.sub(" ", text)
    return "\n".join(line.strip() for line in text.split("\n"))


# ----------------------------------------------------------------------------- furniture
# A line that starts the page's furniture: everything from it on is comments, related stories, footer.
_END_MARKERS = re.compile(
    r"^(?:BÌNH LUẬN|Bình luận(?: \(\d+\))?|Ý kiến bạn đọc|Gửi bình luận|Viết bình luận|Tin mới|Tin liên quan|"
    r"Tin cùng chuyên mục|Tin khác|Các tin khác|Bài viết liên quan|Bài liên quan|Xem thêm|Đọc thêm|Đọc tiếp|"
    r"Tin nổi bật|Tin đọc nhiều|Có thể bạn quan tâm|Chia sẻ bài viết|Từ khóa|Từ khoá|Tags?)\s*:?\s*$"
    r"|^(?:Tối đa:? ?\d+ ký tự|Bạn còn \d+/\d+ ký tự|Hiện chưa có bình luận|Bạn vui lòng nhập|Vui lòng nhập)",
    re.IGNORECASE,
)
# Lines that are page chrome wherever they stand.
_DROP_LINE = re.compile(
    r"^(?:Bạn đang xem:|Trang chủ\s*[>»/]|Địa chỉ:|Điện thoại:|Đường dây nóng|Hotline:|Fax:|E-?mail:|Liên hệ quảng cáo|"
    r"Giấy phép|Bản quyền|Copyright|©|Tổng biên tập:|Phó Tổng biên tập:|Cơ quan chủ quản|Chịu trách nhiệm)"
    r"|(?:Tin tức cập nhật|cập nhật trong ngày|điện tử - Tin tức|Báo điện tử .{0,40}$)",
    re.IGNORECASE,
)
_RELATED_BRACKET = re.compile(r"\[[^\[\]\n]{8,200}\]")  # inline "[Related headline]" links
_URL_LINE = re.compile(r"^(https?://\S+)$")
_DATE_LINE = re.compile(r"^date\s+(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?\b\s*(.*)$", re.IGNORECASE)
_DATELINE = re.compile(
    r"^(?:(?:Thứ (?:hai|ba|tư|năm|sáu|bảy)|Chủ nhật|Cập nhật|Ngày đăng|Đăng ngày|Ngày|Published)\s*:?,?\s*)?"
    r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s*[-|,]?\s*\d{1,2}[:h]\d{2}(?::\d{2})?)?(?:\s*(?:\(?GMT[+-]\d+\)?|SA|CH|AM|PM))?\s*$",
    re.IGNORECASE,
)


def _parse_iso_line(m: re.Match) -> str | None:
    y, mo, d = m.group(1), m.group(2), m.group(3)
    return valid_date(int(y), int(mo) if mo else None, int(d) if d else None)


def valid_date(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """`YYYY`, `YYYY-MM` or `YYYY-MM-DD` when it is a real calendar date, else None: "date 2021-13-45"
    or "31/2/2021" in an article would become an ill-typed xsd:date that breaks SHACL and the engines."""
    import datetime

    if not 1000 <= year <= 9999 or (day is not None and month is None):
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        datetime.date(year, month, day)
    except ValueError:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


# ----------------------------------------------------------------------------- credits
_AGENCY_TAIL = r"(?:/\s*[A-ZĐ][\w.+ ]{1,20})?"
# A photo credit, "(Ảnh: X)"; the "(" and spaces before the word are taken by `_sub_credits`.
_PHOTO = re.compile(
    r"(?:Ảnh|Nguồn ảnh|Ảnh minh họa|Ảnh tư liệu|Photo|Nguồn)\s*:\s*"
    r"((?:[A-ZĐÀ-Ỹ][\w.\-]*|[a-z]+\.(?:com|vn|net|org))(?: +[A-ZĐÀ-Ỹ][\w\-]*){0,3}"
    # the agency after "/": an acronym alone ("/TTXVN": a capitalised word after it opens the text run
    # into the caption, "TTXVN Tháp tùng …"), or a name of up to two words ("/Getty Images")
    r"(?: */ *(?:[A-ZĐ]{2,}[A-ZĐ.+\-]*(?![\w])|[A-ZĐ][\w.+\-]*(?: +[A-ZĐ][\w\-]*)?))?)"
    r"\s*\)?\.?",
)
_THEO = re.compile(r"\(?\b[Tt]heo\s+(?:phóng viên\s+)?([A-ZĐ][\w.+\-]*(?:\s+[A-ZĐ][\w.\-]*){0,3}|Bộ [A-ZĐ]\w*(?: \w+){0,2})\)?")
# Capitalised words that start a sentence rather than continue a credited name.
_CREDIT_STOP = {"Tại", "Trong", "Theo", "Sau", "Khi", "Với", "Ngày", "Sáng", "Chiều", "Tối", "Hai", "Các", "Những",
                "Đây", "Ông", "Bà", "Tuy", "Nhưng", "Trước", "Hôm", "Đó", "Cùng", "Thủ", "Bộ", "Phó", "Chủ", "Đại",
                "Quang", "Toàn", "Phát", "Người", "Lễ", "Cuộc", "Buổi", "Một", "Hội", "Năm", "Vào", "Từ", "Dù", "Để", "Nguồn"}


def _split_credit(raw: str) -> list[str]:
    out = []
    for part in re.split(r"[/()]|\s-\s|,", raw):
        part = re.sub(r"^\s*(?:[Tt]heo|Nguồn:?|Ảnh:?|phóng viên)\s+", "", part.strip(" .-–:"))
        part = re.sub(r"\b(?:lược dịch|tổng hợp|biên dịch)\b", "", part).strip(" .-–:")
        if part and len(part) <= 40:
            out.append(part)
    return out


# Second words of an agency's name after an all-capital first word ("ABC News", "US Navy").
_AGENCY_SECOND = {"News", "Images", "Navy", "Times", "Post", "Press", "Today", "Online"}


def _credit_ended(prev: str, word: str) -> bool:
    """Does the credit end before `word`? Crawls run the caption's credit into the next sentence:
    "Ảnh: Reuters. Tổng thống …" (a word of two letters or more with a full stop ends it; "H." is an
    initial), "Ảnh: AP Tổng thống …", "AFP Báo …" (after an acronym only another all-capital word or an
    agency's second word goes on: "GETTY IMAGES", "MINH PHƯƠNG", "BBC News")."""
    if word in _CREDIT_STOP:
        return True
    if prev.endswith(".") and len(prev.rstrip(".")) >= 2:
        return True  # "Reuters." ends a sentence; "H." is an initial
    if len(prev) >= 2 and prev.isalpha() and prev.isupper() and not word.isupper() and word not in _AGENCY_SECOND:
        return True
    return False


def _trim_credit_name(raw: str) -> tuple[str, int]:
    """Cut a credit at the first word that opens the next sentence (captions run into text in crawls)."""
    words = raw.split(" ")
    keep: list[str] = []
    for w in words:
        if keep and _credit_ended(keep[-1], w):
            break
        keep.append(w)
    text = " ".join(keep)
    return text, len(text)


def extract_credits(text: str) -> tuple[str, list[str]]:
    """Take photo credits, sources and a closing signature out of the text; return (text, credits)."""
    credits: list[str] = []

    def photo(m: re.Match) -> str:
        name, n = _trim_credit_name(m.group(1))
        credits.extend(_split_credit(name))
        rest = m.group(0)[m.start(1) - m.start(0) + n:]
        rest = rest if rest.strip(" ).") else ""
        return ". " + rest.lstrip(" ).")

    if "Ảnh" in text or "Nguồn" in text or "Photo" in text:  # what _PHOTO needs; it is slow to fail
        text = _sub_credits(text, _PHOTO, photo, _photo_start)
    # closing signature: a short tail after the last sentence ("… ./. Minh Tân", "TTXVN/Tin Tức")
    lines = text.split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    if lines:
        last = lines[-1]
        m = re.search(r"(?:[.!?…\"”»)]|/\.)\s+([^.!?…\"”]{1,60})$", last)
        tail = m.group(1).strip() if m else (last.strip() if len(last.split()) <= 6 and len(lines) > 1 else "")
        if tail and _looks_like_signature(tail):
            credits.extend(_split_credit(tail))
            lines[-1] = last[: len(last) - len(m.group(1))] if m else ""
            lines[-1] = lines[-1].rstrip()
    text = "\n".join(lines)

    def theo(m: re.Match) -> str:
        credits.extend(_split_credit(m.group(1)))
        return " "

    # "Theo X" closing a line or paragraph is a source credit; "Theo X, …" in a sentence is a source of a statement.
    text = _sub_credits(text, _SOURCE_CREDIT, theo, _source_start)
    seen: list[str] = []
    for c in credits:
        if c not in seen:
            seen.append(c)
    return text, seen


# Both credit patterns once began with what may stand before the credit word ("(", spaces, a line or
# sentence start): the regex engine then tried them at every character of the text, which was most of
# the time spent on credits. They now begin with the credit word, which the engine scans for quickly,
# and the start is widened by hand (tests/test_reader.py compares with the one-pattern definitions).
# "Theo X" at the end of a line, where a line or a sentence starts, maybe in parentheses.
_SOURCE_CREDIT = re.compile(r"(?m)[Tt]heo\s+(?:phóng viên\s+)?([^\n.,;:]{2,40}?)\)?\s*$")
_SENTENCE_END = frozenset('.!?…"”)')


def _line_or_sentence_start(text: str, at: int) -> bool:
    r"""`(?m)(?:^|(?<=[.!?…"”)]\s))` at `at`."""
    return at == 0 or text[at - 1] == "\n" or (at >= 2 and text[at - 1].isspace() and text[at - 2] in _SENTENCE_END)


def _source_start(text: str, at: int, floor: int) -> int:
    r"""Where `(?m)(?:^|(?<=[.!?…"”)]\s))\(?` before "Theo" at `at` begins (not before `floor`), or -1."""
    if at - 1 >= floor and text[at - 1] == "(" and _line_or_sentence_start(text, at - 1):
        return at - 1
    return at if _line_or_sentence_start(text, at) else -1


def _photo_start(text: str, at: int, floor: int) -> int:
    r"""Where `\(?\s*` before the credit word at `at` begins at the leftmost (not before `floor`)."""
    start = at
    while start > floor and text[start - 1].isspace():
        start -= 1
    if start > floor and text[start - 1] == "(":
        start -= 1
    return start


def _sub_credits(text: str, pattern: re.Pattern, repl: Callable[[re.Match], str],
                 widen: Callable[[str, int, int], int]) -> str:
    """`re.sub` of (what `widen` accepts before a match) + `pattern`, leftmost and non-overlapping."""
    out: list[str] = []
    pos = last = 0
    search = pattern.search
    while (m := search(text, pos)) is not None:
        start = widen(text, m.start(), last)
        if start < 0:
            pos = m.start() + 1
            continue
        out.append(text[last:start])
        out.append(repl(m))
        last = pos = m.end()
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)


def _looks_like_signature(tail: str) -> bool:
    tail = tail.strip(" -–")
    words = [w for w in re.split(r"[\s/()]+", tail) if w]
    if not words or len(words) > 8:
        return False
    if re.search(r"\b(?:theo|lược dịch|tổng hợp|TTXVN|Tin Tức)\b", tail, re.IGNORECASE):
        return True
    caps = [w for w in words if w[0].isupper() or w.isupper()]
    return len(caps) == len(words) and len(words) <= 4


# ----------------------------------------------------------------------------- article
MAX_TEXT_CHARS = 200_000
"""Longest article text read, in characters after normalization. The largest of 12,000 real articles
of the 2017 corpus has 26,000 characters of text (99% have under 9,000); a file with more is not one
news article (a dump, a log, a 1 MB line), and extraction time grows with the text, so it is refused
with a clear message instead of keeping a build busy for minutes."""


def read_text(text: str, source: str = "<text>") -> Article:
    """Parse already-decoded article text."""
    if len(text) > 4 * MAX_TEXT_CHARS:  # refuse before normalizing megabytes of it
        raise ArticleError(f"{source}: article text too long ({len(text):,} characters > {MAX_TEXT_CHARS:,}): "
                           "not a single news article")
    text = normalize(text)
    if not text.strip():
        raise ArticleError(f"{source}: empty article (whitespace only)")
    if len(text) > MAX_TEXT_CHARS:
        raise ArticleError(f"{source}: article text too long ({len(text):,} characters > {MAX_TEXT_CHARS:,}): "
                           "not a single news article")
    lines = text.split("\n")
    url = date = None
    headline = ""
    body: list[str] = []
    for line in lines:
        if _END_MARKERS.search(line):
            break
        if not line:
            body.append("")
            continue
        if url is None and not body and (m := _URL_LINE.match(line)):
            url = m.group(1)
            continue
        if date is None and (m := _DATE_LINE.match(line)):
            date = _parse_iso_line(m)
            line = m.group(4).strip()
            if not line:
                continue
        if (m := _DATELINE.match(line)) and len(line) < 60:
            date = date or valid_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            continue
        if len(line) < 160 and _DROP_LINE.search(line):
            continue
        body.append(line)
    joined = "\n".join(body)
    joined = _RELATED_BRACKET.sub(" ", joined)
    joined, credits = extract_credits(joined)
    paragraphs = [p.strip() for p in joined.split("\n") if p.strip() and re.search(r"\w", p)]
    if not paragraphs:
        raise ArticleError(f"{source}: no article text after removing page furniture")
    headline = paragraphs[0]
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Article(source=source, headline=headline, paragraphs=paragraphs, url=url, date=date,
                   credits=credits, content_hash=digest)


def read_html(html: str, source: str) -> str:
    """Main text of an HTML page through trafilatura (navigation, scripts and comments dropped)."""
    import trafilatura

    extracted = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True,
                                    with_metadata=True, output_format="txt")
    if not extracted:
        raise ArticleError(f"{source}: no main text found in the HTML page")
    meta = trafilatura.extract_metadata(html)
    head: list[str] = []
    if meta is not None:
        if getattr(meta, "url", None):
            head.append(str(meta.url))
        if getattr(meta, "date", None):
            head.append(f"date {meta.date}")
    # trafilatura's metadata header (with_metadata) is YAML-like; keep only the text after it
    body = re.sub(r"^---\n.*?\n---\n", "", extracted, flags=re.S)
    title = getattr(meta, "title", None) if meta is not None else None
    if title and not body.startswith(title):
        head.append(title)
    return "\n".join(head + [body])


MAX_BYTES = 20 * 1024 * 1024
"""Largest file read. News pages are kilobytes of text and at most a few megabytes of HTML; a bigger
file is refused from its size alone, before a byte is read (a 50 MB file costs one `stat`)."""


MAX_HTML_BYTES = 5 * 1024 * 1024
"""Largest HTML page read. trafilatura needs about 5 s per MB of markup (measured on pages padded with
navigation blocks), so a bigger page is refused rather than holding a build for minutes; real article
pages are well under 2 MB."""


def file_kind(mode: int) -> str:
    for test, name in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a device"),
                       (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "not a file"


def read_file(path: str | Path) -> Article:
    """Read one article file (.txt or .html), raising ArticleError with the file name on bad input."""
    path = Path(path)
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            # a FIFO named .txt would block the build forever, /dev/zero would fill the memory
            raise ArticleError(f"{path}: not a regular file ({file_kind(st.st_mode)})")
        size = st.st_size
        if path.suffix.lower() in (".html", ".htm") and size > MAX_HTML_BYTES:
            raise ArticleError(f"{path}: HTML page too large ({size / (1024 * 1024):.0f} MB > "
                               f"{MAX_HTML_BYTES // (1024 * 1024)} MB)")
        if size > MAX_BYTES:
            raise ArticleError(f"{path}: file too large ({size / (1024 * 1024):.0f} MB > {MAX_BYTES // (1024 * 1024)} MB)")
        with path.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)  # a file growing while read still stops at the limit
        if len(data) > MAX_BYTES:
            raise ArticleError(f"{path}: file too large (> {MAX_BYTES // (1024 * 1024)} MB)")
    except ArticleError:
        raise
    except OSError as exc:
        raise ArticleError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    text = decode(data, str(path))
    if path.suffix.lower() in (".html", ".htm"):
        text = read_html(text, str(path))
    return read_text(text, source=source_name(path))


def source_name(path: Path) -> str:
    """The file name as text: a name that is not valid UTF-8 (undecodable bytes arrive from the file
    system as lone surrogates) gets U+FFFD for them, since a lone surrogate cannot be written in RDF and
    crashed the whole build."""
    return path.name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


# ----------------------------------------------------------------------------- sentences
_ABBREV_DOT = re.compile(r"(?:\b[A-ZĐ]\.|\bTP\.|\bTX\.|\bTS\.|\bThS\.|\bGS\.|\bPGS\.|\bSt\.|\bMr\.|\bMrs\.|\bDr\.|\bNo\.|\bv\.v\.)$")


MAX_SENTENCE_CHARS = 1000
"""Longest sentence handed to extraction. Real sentences are shorter (2017 corpus: 99.9% under 730
characters, 87 of 245,000 over 1,000, mostly lists); many extraction rules look at the whole sentence
around each match, so their cost grows with the square of its length, and a 10,000-character
"sentence" without a full stop (a table flattened into one line) took minutes. Longer sentences are
cut at the last comma, semicolon or space before the limit (see `_cut_long`)."""


def _cut_long(sentence: str, limit: int = MAX_SENTENCE_CHARS) -> list[str]:
    """Pieces of at most `limit` characters, cut after a comma or semicolon when there is one in the
    second half of the window, else at a space, else hard (a run without spaces)."""
    out: list[str] = []
    while len(sentence) > limit:
        window = sentence[:limit]
        cut = max(window.rfind(", "), window.rfind("; "))
        if cut < limit // 2:
            cut = window.rfind(" ")
        if cut < limit // 2:
            cut = limit - 1
        piece, sentence = sentence[:cut + 1].strip(), sentence[cut + 1:].strip()
        if piece:
            out.append(piece)
    if sentence:
        out.append(sentence)
    return out


def sentences(paragraph: str) -> list[str]:
    """Split a paragraph into sentences, also where crawls glued them ("năm qua.Phát biểu").

    Initials (H.R. McMaster, I. Dodon), TP./TX. and decimals do not end a sentence. A sentence longer
    than MAX_SENTENCE_CHARS is cut into pieces (see MAX_SENTENCE_CHARS for why).
    """
    return [piece for s in _split_sentences(paragraph) for piece in _cut_long(s)]


_SENTENCE_PUNCT = re.compile(r"[.!?…;]|(?<=\.)/")


def _split_sentences(paragraph: str) -> list[str]:
    out: list[str] = []
    start = 0
    n = len(paragraph)
    i = 0
    find = _SENTENCE_PUNCT.search
    while i < n:
        hit = find(paragraph, i)  # jump to the next candidate end instead of testing every character
        if hit is None:
            break
        i = hit.start()
        c = paragraph[i]
        j = i + 1
        while j < n and paragraph[j] in ".!?…/\"”’»)":
            j += 1
        k = j
        while k < n and paragraph[k] == " ":
            k += 1
        if k >= n:
            break
        nxt = paragraph[k]
        if c == ";":
            i = j
            continue
        # the longest abbreviation is 4 characters: 8 are enough for it and the boundary before it
        if c == "." and _ABBREV_DOT.search(paragraph, max(start, i - 7), i + 1):
            i = j
            continue
        if c == "." and i > 0 and paragraph[i - 1].isdigit() and nxt.isdigit():
            i = j
            continue
        if nxt in "*•" and k + 1 < n and paragraph[k + 1] == " ":
            out.append(paragraph[start:j].strip())  # a bullet opens the next item: "… 2017. * Tại cuộc gặp …"
            start = k + 1
            while start < n and paragraph[start] == " ":
                start += 1
        elif nxt.isupper() or nxt in "\"“‘«(" or nxt.isdigit() and k > j:
            out.append(paragraph[start:j].strip())
            start = k
        i = j
    tail = paragraph[start:].strip()
    if tail:
        out.append(tail)
    return [s for s in out if s]
