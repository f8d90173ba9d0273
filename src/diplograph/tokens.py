"""Tokens with character offsets, and the word classes the extraction rules share."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

TOKEN_RE = re.compile(r"(?:[^\W\d_]\.){1,3}(?=[\s,]|$)|\w+(?:[-–'’.]\w+)*|[^\w\s]")


class Token(NamedTuple):
    """A token and its character offsets. A named tuple rather than a frozen dataclass: sentences are
    tokenized once per article build and a frozen dataclass's __init__ was a visible share of it."""

    text: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def is_cap(self) -> bool:
        return self.text[0].isupper()


# The same tokens, each followed by the spaces after it: `findall` gives strings (no match objects),
# and the offsets follow from the lengths. A third faster than `finditer` with `group`/`start`/`end`.
_TOKEN_SPACE_RE = re.compile(r"(" + TOKEN_RE.pattern + r")(\s*)")


def tokenize(text: str) -> list[Token]:
    new = tuple.__new__
    out: list[Token] = []
    append = out.append
    pos = len(text) - len(text.lstrip())
    for word, space in _TOKEN_SPACE_RE.findall(text, pos):
        end = pos + len(word)
        append(new(Token, (word, pos, end)))
        pos = end + len(space)
    return out


# Honorifics dropped before a name (never part of it).
HONORIFICS = {"ông", "bà", "ngài", "Ngài", "Ông", "Bà", "đồng chí", "Đồng chí", "Sheik", "Sheikh", "Samdech", "Tiến sĩ",
              "TS", "PGS", "GS", "thầy", "cô", "anh", "chị", "Quý ngài", "Thống chế", "Sếch", "Xăm-đéc", "Tê-chô",
              "Techo", "Samdech Techo", "Xăm-đéc Tê-chô"}
# Capitalised words that open a clause; they never belong to a personal name.
CAP_STOP = {
    "Tại", "Trong", "Theo", "Sau", "Khi", "Với", "Ngày", "Sáng", "Chiều", "Tối", "Trưa", "Đêm", "Hai", "Ba", "Các", "Những",
    "Đây", "Ông", "Bà", "Tuy", "Nhưng", "Trước", "Hôm", "Đó", "Cùng", "Và", "Còn", "Về", "Từ", "Để", "Do", "Vì", "Nếu",
    "Một", "Năm", "Tháng", "Vào", "Dù", "Đến", "Tới", "Như", "Cũng", "Đồng", "Thay", "Nhân", "Nhận", "Phát", "Tham", "Dự",
    "Quang", "Toàn", "Lễ", "Cuộc", "Buổi", "Phiên", "Đoàn", "Thứ", "Hiện", "Bên", "Phía", "Ngoài", "Riêng", "Chính",
    "Thủ", "Bộ", "Chủ", "Phó", "Tổng", "Ủy", "Ban", "Hội", "Hiệp", "Nhà", "Người", "Đại", "Trung", "Việt", "Liên",
    "Tân", "Cựu", "Quyền", "Tin", "Ảnh", "Nguồn", "Báo", "Hãng", "Đài", "Kênh", "Tờ", "Trang", "Thông", "Tiếp", "Kết",
    "Đặc", "Mặc", "Trường", "Quỹ", "Vụ", "Cục", "Sở", "Viện", "Ngân", "Tập", "Quân", "Tòa", "Học", "Cơ", "Lực", "Hải", "Không", "Sheik", "Sheikh", "Samdech", "Bởi", "Cả", "Mỗi", "Nhiều", "Ai", "Gì", "Này", "Kể", "Lúc", "Rồi", "Sẽ", "Đã", "Đang", "Vừa", "Chỉ",
    "Giữa", "Ở", "Qua", "Bằng", "Cho", "Của", "Là", "Có", "Chưa", "Mới", "Thế", "Tuần", "Quý", "Đầu", "Cuối",
    "Anh", "Chị", "Em", "Ngài", "Đồng chí", "Tiến", "Sĩ", "Trưởng", "Phần", "Điều", "Việc", "Vấn", "Mục", "Tổ", "Nay",
}
# Capitalised function words that never stand inside a personal name: a run of capitals stops there.
STRICT_STOP = {
    "Tại", "Trong", "Theo", "Sau", "Khi", "Với", "Ngày", "Sáng", "Chiều", "Tối", "Trưa", "Đêm", "Các", "Những", "Đây",
    "Ông", "Bà", "Tuy", "Nhưng", "Trước", "Hôm", "Cùng", "Và", "Còn", "Về", "Từ", "Để", "Do", "Vì", "Nếu", "Một", "Vào",
    "Dù", "Đến", "Tới", "Như", "Cũng", "Thay", "Nhận", "Phát", "Tham", "Dự", "Lễ", "Cuộc", "Buổi", "Phiên", "Đoàn",
    "Hiện", "Bên", "Phía", "Riêng", "Tin", "Ảnh", "Nguồn", "Báo", "Hãng", "Đài", "Kênh", "Tờ", "Bởi", "Mỗi", "Nhiều",
    "Ai", "Gì", "Này", "Lúc", "Rồi", "Sẽ", "Đã", "Đang", "Vừa", "Chỉ", "Giữa", "Ở", "Qua", "Bằng", "Cho", "Của", "Là",
    "Có", "Không", "Chưa", "Liệu", "Nếu như", "Vậy", "Song", "Tuần", "Quý", "Cuối", "Điều", "Việc", "Vấn", "Ngoài", "Tuy nhiên", "Trên", "Dưới",
}
# Lowercase words that may stand inside a title's complement although they follow another lowercase word.
TITLE_INNER = {"thường", "trực", "thứ", "nhất", "nhì", "đặc", "mệnh", "toàn", "quyền", "tại", "của", "và", "về",
               "nước", "ngoài", "người", "cấp", "cao", "phụ", "trách", "danh", "truyền", "thông", "an", "ninh",
               "quốc", "gia", "thời", "sự", "kênh", "hình", "trung", "ương", "khóa", "khuyết", "chấp", "hành", "phủ",
               "viện", "đại", "diện", "thương", "mại", "châu", "đương", "nhiệm", "mới", "biệt"}
# Function words that end a complement even right after a capitalised word.
STRONG_BREAKERS = {"đã", "sẽ", "đang", "vừa", "mới", "cũng", "có", "được", "bị", "cho", "với", "khi", "sau", "trước",
                   "trong", "ngày", "tháng", "năm", "là", "rằng", "để", "nhằm", "nhưng", "mà", "thì", "các", "những",
                   "một", "từ", "đến", "tới", "nói", "cho biết", "làm", "kiêm"}
# Words allowed inside a complement even though they also end clauses elsewhere.
INNER_LINKS = {"tại", "của", "và", "về", "nhất"}
# Lowercase words that always end a title complement (verbs, tense and linking words).
BREAKERS = {
    "đã", "sẽ", "đang", "vừa", "mới", "cũng", "có", "được", "bị", "cho", "với", "khi", "sau", "trước", "trong", "ngày",
    "tháng", "năm", "sáng", "chiều", "tối", "hôm", "lúc", "nói", "cho biết", "tuyên", "khẳng", "nhấn", "gặp", "đàm",
    "tiếp", "thăm", "dự", "chủ", "phát", "trao", "gửi", "chào", "đón", "mời", "ký", "nêu", "đề", "yêu", "cảm", "bày",
    "đánh", "chúc", "thay", "mặt", "nhưng", "mà", "thì", "là", "rằng", "này", "đó", "kia", "để", "nhằm", "vì", "do",
    "từ", "đến", "tới", "ra", "vào", "lên", "xuống", "đi", "về", "các", "những", "một", "hai", "ba", "nhiều", "cùng",
    "tham", "điện", "hoan", "nghênh", "tỏ", "nhận", "trả", "lời", "phỏng", "vấn", "kêu", "gọi", "lưu", "ý", "nhất",
}


_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnprstvx])?"
    r"[aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]{1,3}"
    r"(?:ng|nh|ch|[cmnpt])?")
_INITIAL = re.compile(r"(?:[^\W\d_]\.){1,3}")


@lru_cache(maxsize=1 << 16)
def is_vietnamese_syllable(word: str) -> bool:
    """A capitalised single Vietnamese syllable (no hyphen, no foreign letters, plausible shape).

    Cached: the same few thousand words are asked about over and over in a build."""
    if not word or "-" in word or "." in word or not word.isalpha():
        return False
    low = word.lower()
    if any(c in "fjwz" for c in low):
        return False
    if len(low) > 7:
        return False
    return _SYLLABLE.fullmatch(low) is not None


def is_initial(word: str) -> bool:
    return "." in word and _INITIAL.fullmatch(word) is not None


ROMAN = re.compile(r"^(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)$")
NAME_PARTICLES = {"al", "bin", "ibn", "de", "da", "dos", "das", "del", "van", "von", "der", "le", "la", "di", "du", "el"}
