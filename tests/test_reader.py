"""Reading articles: encodings, normalization, metadata, credits and page furniture."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplograph import reader
from diplograph.reader import ArticleError, decode, normalize, read_file, read_text, sentences

ROOT = Path(__file__).resolve().parent.parent
TEXT = "Thủ tướng Nguyễn Xuân Phúc hội đàm với Thủ tướng Nhật Bản Shinzo Abe."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
def test_unicode_encodings_decode_to_the_same_text(encoding):
    data = TEXT.encode(encoding)
    if encoding == "utf-16-le":
        data = b"\xff\xfe" + data
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    assert normalize(decode(data)) == TEXT


def to_cp1258(text: str) -> bytes:
    """Windows-1258 writes tone marks as combining characters after a precomposed base letter."""
    import unicodedata

    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFD", ch)
            tone = next(c for c in decomposed if c in "\u0300\u0301\u0303\u0309\u0323")
            base = unicodedata.normalize("NFC", decomposed.replace(tone, ""))
            out += base.encode("cp1258") + tone.encode("cp1258")
    return bytes(out)


def test_windows_1258_is_detected():
    data = to_cp1258(TEXT)
    assert normalize(decode(data)) == TEXT


def test_normalize_fixes_lookalikes_and_spaces():
    raw = "\u00d0ổi mới\u00a0và\u200b hội nhập\r\nNFD: Vie\u0302\u0323t Nam\rxong"
    out = normalize(raw)
    assert out == "Đổi mới và hội nhập\nNFD: Việt Nam\nxong"


def test_empty_and_binary_inputs_raise_named_errors(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n\t ")
    with pytest.raises(ArticleError, match="empty.txt: empty"):
        read_file(empty)
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(ArticleError, match="photo.txt: binary"):
        read_file(binary)


def test_metadata_lines_and_headline():
    a = read_text("https://example.vn/a.html\n date 2021-12 Ðổi mới công tác đối ngoại\n\nSáng 13-12, hội nghị diễn ra.")
    assert a.url == "https://example.vn/a.html"
    assert a.date == "2021-12"
    assert a.headline == "Đổi mới công tác đối ngoại"


@pytest.mark.parametrize("line,date", [("Thứ ba 10/01/2023 17:37", "2023-01-10"), ("15/12/2021 - 14:32", "2021-12-15"),
                                       ("Cập nhật: 07/01/2025", "2025-01-07")])
def test_datelines(line, date):
    a = read_text(f"Tiêu đề bài báo\n{line}\nNội dung bài viết ở đây.")
    assert a.date == date
    assert all(line not in p for p in a.paragraphs)


def test_credits_are_cut_out_of_the_text():
    a = read_text("Tiêu đề\nBộ trưởng phát biểu. (Ảnh: Lâm Khánh/TTXVN)\nNội dung. Ảnh: Hoàng Hà.Theo đánh giá, tốt.\nMinh Tân")
    assert {"Lâm Khánh", "TTXVN", "Hoàng Hà", "Minh Tân"} <= set(a.credits)
    body = " ".join(a.paragraphs)
    assert "Lâm Khánh" not in body and "Hoàng Hà" not in body and "Minh Tân" not in body


def test_a_caption_credit_ending_in_an_agency_acronym_leaves_the_next_sentence_whole():
    """Crawls glue the caption's credit to the next sentence ("Ảnh: A B/TTXVN Tháp tùng …"): after an
    agency acronym the next capitalised word opens the text; an agency name of two words stays one credit."""
    a = read_text("Tiêu đề\nThủ tướng thăm Nhật Bản. Ảnh: Văn Hải/TTXVN Tháp tùng Thủ tướng có Bộ trưởng Lê Văn Tám.\n"
                  "Hai bên hội đàm. Ảnh: Minh Anh/Getty Images\nKết thúc.")
    body = " ".join(a.paragraphs)
    assert "Tháp tùng Thủ tướng có Bộ trưởng Lê Văn Tám" in body
    assert {"Văn Hải", "TTXVN", "Getty Images"} <= set(a.credits) and "TTXVN Tháp" not in a.credits
    assert "Getty" not in body and "Văn Hải" not in body


@pytest.mark.parametrize("caption, credit, text", [
    ("Ảnh: Reuters. Tổng thống Mỹ John Carter nói.", "Reuters", "Tổng thống Mỹ John Carter nói."),
    ("Ảnh: AP Tổng thống Mỹ John Carter nói.", "AP", "Tổng thống Mỹ John Carter nói."),
    ("Ảnh: AFP Báo Straits Times cho biết.", "AFP", "Báo Straits Times cho biết."),
    ("Ảnh: BBC News Thủ tướng Ý Marco Bellini nói.", "BBC News", "Thủ tướng Ý Marco Bellini nói."),
    ("Ảnh: MINH PHƯƠNG Bộ trưởng Lê Văn Tám nói.", "MINH PHƯƠNG", "Bộ trưởng Lê Văn Tám nói."),
    ("Ảnh: H. Nguyễn Bộ trưởng Lê Văn Tám nói.", "H. Nguyễn", "Bộ trưởng Lê Văn Tám nói."),
    ("Ảnh: Interfax Nguồn tin từ Bộ Ngoại giao cho biết.", "Interfax", "Nguồn tin từ Bộ Ngoại giao cho biết."),
])
def test_a_caption_credit_run_into_the_next_sentence_ends_where_the_sentence_starts(caption: str, credit: str,
                                                                                     text: str) -> None:
    """A word of two letters or more with a full stop ends a credit ("Reuters."; "H." is an initial); after an
    acronym only another all-capital word or an agency's second word ("News") goes on."""
    a = read_text("Tiêu đề\nHai bên hội đàm. " + caption)
    assert credit in a.credits
    assert text in " ".join(a.paragraphs)


def test_page_furniture_is_dropped():
    a = read_text("Báo Sơn La điện tử - Tin tức cập nhật trong ngày\nTiêu đề thật\nNội dung chính.\nTheo ĐCSVN\n"
                  "BÌNH LUẬN\nBạn còn 500/500 ký tự\nTin mới\nThủ tướng Phạm Minh Chính thăm Brazil")
    assert a.headline == "Tiêu đề thật"
    text = " ".join(a.paragraphs)
    assert "Phạm Minh Chính" not in text and "ký tự" not in text
    assert "ĐCSVN" in a.credits


def test_sentences_split_glued_text_but_not_initials():
    s = sentences("Hội nghị kết thúc.Phát biểu tại đó, Cố vấn H.R. McMaster nói. Ông I. Dodon đến TP. Hồ Chí Minh.")
    assert s == ["Hội nghị kết thúc.", "Phát biểu tại đó, Cố vấn H.R. McMaster nói.", "Ông I. Dodon đến TP. Hồ Chí Minh."]


def _invisible(cp: int) -> bool:
    """Format characters (Cf), variation selectors, Mongolian free variation selectors, CGJ."""
    return (unicodedata.category(chr(cp)) == "Cf" or cp == 0x034F or 0x180B <= cp <= 0x180F
            or 0xFE00 <= cp <= 0xFE0F or 0xE0100 <= cp <= 0xE01EF)


def test_control_class_matches_unicode_categories_on_every_code_point():
    """normalize drops Cc (but the line feed), Cs, Co and the astral invisible marks with one regex
    and a callback: they must be exactly those, or articles would lose letters or keep controls. A
    dropped character unassigned in this Python's Unicode may be a format character of a later one."""
    from diplograph.reader import strip_controls

    wrong = []
    for cp in range(0x110000):
        c = chr(cp)
        should = (c != "\n" and unicodedata.category(c) in ("Cc", "Cs", "Co")) or (cp > 0xFFFF and _invisible(cp))
        dropped = strip_controls(c) == ""
        if should != dropped and not (dropped and unicodedata.category(c) == "Cn"):
            wrong.append(hex(cp))
    assert wrong == []


def test_invisible_class_matches_unicode_categories_on_every_code_point():
    """normalize drops every invisible mark of the BMP with one regex (the astral ones: see above).
    Every such code point of this Python's Unicode must match; anything else that matches must be
    unassigned here (a format character of a later Unicode version), never a letter or a mark in use."""
    from diplograph.reader import _ZERO

    wrong = [hex(cp) for cp in range(0x10000)
             if (_invisible(cp) != bool(_ZERO.match(chr(cp)))) and not (_ZERO.match(chr(cp)) and unicodedata.category(chr(cp)) == "Cn")]
    assert wrong == []


def test_normalize_drops_controls_and_private_use_but_keeps_line_breaks():
    raw = "Thủ\x07 tướng\u00a0\u00a0Nguyễn\ue000 Xuân\u200b Phúc\r\nphát\x85 biểu\U000f0001 .  \n\n  Hết"
    assert normalize(raw) == "Thủ tướng Nguyễn Xuân Phúc\nphát biểu .\n\nHết"


_PLAIN_SOURCE_CREDIT = re.compile(
    r"(?m)(?:^|(?<=[.!?…\"”)]\s))\(?[Tt]heo\s+(?:phóng viên\s+)?([^\n.,;:]{2,40}?)\)?\s*$")
_PLAIN_PHOTO = re.compile(r"\(?\s*" + reader._PHOTO.pattern)
_CREDIT_EDGES = [
    "Theo TTXVN", "(Theo VnExpress)", "Hội nghị kết thúc. Theo Reuters\nDòng sau", "theo đó, hai bên đồng ý.",
    "Xem thêm (Theo AP)\n\nTheo Tin Tức.", "a.\u00a0Theo BBC", "x)(Theo AFP)", "((Theo AFP)", "Theo theo Theo AP",
    "\nTheo phóng viên Minh Anh\n", "Nói. (Theo X)\r\nTheo Y  \n", "”\tTheo Z)", "Theo ", "(Theo\n", "",
    "Theo A. Theo B", "abc Theo X", "?\nTheo TTXVN/VOV\n\n", "(Ảnh: TTXVN)", "Hội nghị. ( Ảnh : Minh Anh )",
    "(Ảnh minh họa: Reuters)Ảnh: AP", "Nguồn ảnh: VGP/Quang Hiếu.", "( (Photo: AFP)", "x  \n Nguồn: vnexpress.net",
    "Ảnh tư liệu Ảnh: A (Ảnh: B)",
]
_PIECES = ["Theo", "theo", " ", "\n", "(", ")", ".", ",", "AP", "phóng viên", "”", "\t", "x", "Tin Tức", "\u00a0",
           "Ảnh", "Ảnh minh họa", "Nguồn", ":", "VGP/Quang", "Photo", "reuters.com"]


def _both_ways(text: str) -> None:
    repl = lambda m: f"<{m.group(1)}>"  # noqa: E731
    assert reader._sub_credits(text, reader._SOURCE_CREDIT, repl, reader._source_start) \
        == _PLAIN_SOURCE_CREDIT.sub(repl, text)
    assert reader._sub_credits(text, reader._PHOTO, repl, reader._photo_start) == _PLAIN_PHOTO.sub(repl, text)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join))
def test_credit_scans_equal_their_one_pattern_definitions(text):
    _both_ways(text)


@pytest.mark.parametrize("text", _CREDIT_EDGES)
def test_credit_scans_on_edge_texts(text):
    _both_ways(text)


def test_credit_scans_on_the_sample_articles():
    texts = [f.read_text(encoding="utf-8", errors="replace") for f in sorted((ROOT / "seeds").glob("*"))]
    assert len(texts) >= 5
    for text in texts:
        _both_ways(text)
