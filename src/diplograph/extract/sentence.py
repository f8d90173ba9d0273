"""People and their posts: title chains before a name, titles after a comma or dash, group lists.

A person is an office holder only when a title stands next to the name somewhere in the article;
bare capitalised words are never enough (places, outlets and missiles look like names too).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..facts import Post
from ..lexicon import Entry, Lexicon, fold
from ..rules import Example, rule
from ..tokens import (
    BREAKERS,
    CAP_STOP,
    HONORIFICS,
    INNER_LINKS,
    NAME_PARTICLES,
    ROMAN,
    STRICT_STOP,
    STRONG_BREAKERS,
    TITLE_INNER,
    TOKEN_RE,
    Token,
    is_initial,
    is_vietnamese_syllable,
    tokenize,
)

QUALIFIERS = {"quyền": "acting", "cựu": "former", "nguyên": "former", "tân": "new", "ứng cử viên": "candidate",
              "ứng viên": "candidate"}
MINISTRY_FIELDS = ["Ngoại giao", "Quốc phòng", "Công an", "Tài chính", "Thương mại", "Công Thương", "Tư pháp", "Nội vụ",
                   "Y tế", "Kinh tế", "Năng lượng", "Nội các", "An ninh Nội địa", "Giáo dục", "Giao thông", "Ngoại thương"]
ORG_HEADS = ("Bộ", "Ban", "Ủy ban", "Văn phòng", "Vụ", "Cục", "Viện", "Học viện", "Tổng cục", "Sở", "Hội đồng",
             "Quân đội", "Ngân hàng", "Tập đoàn", "Đại sứ quán", "Tòa án", "Quốc hội", "Chính phủ", "Hạ viện",
             "Thượng viện", "Nghị viện", "Tổ chức", "Liên minh", "Hiệp hội", "Đảng", "Trung tâm", "Cơ quan", "Lực lượng",
             "Quân khu", "Hải quân", "Không quân", "Thông tấn xã", "Đài", "Kênh", "Nhà Trắng", "Điện Kremlin")


# Words that open an organization or a place named after a person ("Trường Đại học Tôn Đức Thắng",
# "đường Nguyễn Huệ"): the name after them is an eponym, not a person.
EPONYM_HEADS = {"BV", "Trường", "trường", "Đại học", "đại học", "Học viện", "Bệnh viện", "bệnh viện", "Quỹ", "Giải", "giải",
                "Đường", "đường", "Phố", "phố", "Cầu", "cầu", "Làng", "Lăng", "lăng", "Nhà hát", "Sân bay", "sân bay",
                "Bảo tàng", "bảo tàng", "Tượng đài", "Công viên", "Quảng trường", "quảng trường", "Huân chương",
                "huân chương", "Thành phố", "thành phố", "Khu lưu niệm", "Nhà lưu niệm", "Đền", "Chùa", "Tàu", "tàu"}
# Capitalised words that open the next clause when a crawl glued a caption to the text ("… Pierre Leroy Tiếp
# đó, …"): they end a foreign name.
RUN_IN_OPENERS = {"Tiếp", "Sau", "Trong", "Tại", "Theo", "Khi", "Cùng", "Nhân", "Ngay", "Trước", "Còn", "Đây", "Đó"}
# Words that continue a state's name after a country ("Trung Hoa Dân Quốc", "Triều Tiên Dân chủ"): no given name.
STATE_NAME_WORDS = {"Dân", "Quốc", "Cộng", "Hòa", "Hoà", "Liên", "Bang", "Vương", "Nhân", "Xã", "Hội", "Chủ", "Đảng"}
# Words before a post that make it part of another post ("Trợ lý Bộ trưởng", "Phó Tổng Tham mưu trưởng").
POST_MODIFIERS = {"trợ lý": "Trợ lý", "trợ lý đặc biệt": "Trợ lý đặc biệt", "phó": "Phó", "thư ký": "Thư ký"}
# Lower-case words that lead a place inside a complement ("Trưởng Đoàn đại biểu Quốc hội thành phố Cần Thơ").
PLACE_LEADS = {"thành", "phố", "tỉnh", "quận", "huyện", "xã", "thị", "trấn", "bang", "thủ", "đô", "vùng"}

R_TITLE = rule(
    "post.title-next-to-name",
    "A post is a title head from the lexicon with its complement, right before the name or after it past a comma or dash.",
    [Example("Tiếp\nChiều 4/5, Bộ trưởng Bộ Ngoại giao Lê Văn Tám đã tiếp Đại sứ Nhật Bản Kenji Ono.",
             {"kind": "post", "name": "Lê Văn Tám", "title": "Bộ trưởng Bộ Ngoại giao"}),
     Example("Tiếp\nChiều 4/5, ông Lê Văn Tám, Thứ trưởng Bộ Ngoại giao, đã tiếp Đại sứ Nhật Bản Kenji Ono.",
             {"kind": "post", "name": "Lê Văn Tám", "title": "Thứ trưởng Bộ Ngoại giao"})])
R_COUNTRY_PREFIX = rule(
    "person.name.strip-transliterated-country",
    "A transliterated (hyphenated) country between a title and a name belongs to the post, not the name.",
    [Example("Thủ tướng thăm Việt Nam\nThủ tướng Ca-dắc-xtan Ba-khứt Xa-ghin-ta-ép sẽ thăm Việt Nam.",
             {"kind": "person", "name": "Ba-khứt Xa-ghin-ta-ép"}),
     Example("Thủ tướng thăm Việt Nam\nThủ tướng Ca-dắc-xtan Ba-khứt Xa-ghin-ta-ép sẽ thăm Việt Nam.",
             {"kind": "person", "name": "Ca-dắc-xtan Ba-khứt Xa-ghin-ta-ép"}, present=False),
     Example("Tổng thống tiếp khách\nTổng thống Vla-đi-mia Pu-tin tiếp Bộ trưởng Ngoại giao Lê Văn An.",
             {"kind": "person", "name": "Vla-đi-mia Pu-tin"})])
R_NOT_A_NAME = rule(
    "person.refuse.not-a-name",
    "A run of capitals that is a place, organization, acronym, a field of government or no full name is no person.",
    [Example("Hợp tác\nBộ trưởng Bộ Ngoại giao Lê Văn Tám thăm Hà Nội và gặp đại diện Quỹ Tiền tệ Quốc tế.",
             {"kind": "person", "name": "Quỹ Tiền"}, present=False)])
R_EPONYM = rule(
    "person.refuse.eponym",
    "A name that ends an organization or place named after a person (Trường Đại học X, đường X) is no person.",
    [Example("Hội thảo\nHiệu trưởng Trường Đại học Phan Văn Trị Lê Văn Minh phát biểu.",
             {"kind": "person", "name": "Phan Văn Trị"}, present=False)])
R_RUN_IN = rule(
    "person.name.caption-run-in",
    "A capitalised clause opener glued to a foreign name by a caption run-in ends the name.",
    [Example("Hội đàm\nThủ tướng Trần Văn Bảo và Tổng thống Pháp Paul Durand Tiếp đó, hai nhà lãnh đạo hội đàm.",
             {"kind": "person", "name": "Paul Durand"})])
R_COMPOUND = rule(
    "post.refuse.compound",
    "A title word inside a compound (Đại sứ quán, chính quyền Tổng thống) is no post or qualifier.",
    [Example("Thăm đại sứ quán\nChủ tịch Quốc hội Trần Văn Bảo thăm Đại sứ Quán Việt Nam tại Pháp.",
             {"kind": "person", "name": "Quán Việt Nam"}, present=False)])
R_CAPACITY = rule(
    "person.refuse.capacity",
    "After 'cương vị <post>' (in the capacity of) the capitals are the post's complement, not its holder.",
    [Example("Gặp\nTổng thống Ác-hen-ti-na nhớ chuyến thăm năm 2008 trên cương vị Thị trưởng Bu-ê-nốt Ai-rết.",
             {"kind": "person", "name": "Bu-ê-nốt Ai-rết"}, present=False)])
R_POST_AFTER_FORMS = rule(
    "post.after-name.forms",
    "A post after the name in parentheses ('A (Tổng Thư ký Ủy ban X)') or after 'được bầu làm', 'được bổ nhiệm làm'.",
    [Example("Dẫn đầu đoàn\nThứ trưởng Bộ Tài chính Lê Văn Khang (Tổng Thư ký Ủy ban Quốc gia APEC) dẫn đầu đoàn.",
             {"kind": "post", "name": "Lê Văn Khang", "title": "Tổng Thư ký Ủy ban Quốc gia APEC"}),
     Example("Điện mừng\nNhân dịp ông Omar Nabil được bầu làm Thủ tướng Ai Cập, Chủ tịch nước Lê Văn Khang đã gửi điện mừng.",
             {"kind": "post", "name": "Omar Nabil", "title": "Thủ tướng Ai Cập"})])
R_TITLE_DASH = rule(
    "post.title-dash-name",
    "A post, a dash, then the name: 'Bộ trưởng Bộ Tư pháp - Đỗ Văn A'.",
    [Example("Phát biểu\nBộ trưởng Bộ Tư pháp - Đỗ Văn Khang phát biểu bế mạc hội nghị.",
             {"kind": "post", "name": "Đỗ Văn Khang", "title": "Bộ trưởng Bộ Tư pháp"})])
R_GIVEN_NAME_WORD = rule(
    "person.name.common-word-given-name",
    "A full name may end in a capitalised common word ('Lưu Văn Bằng').",
    [Example("Dự lễ\nBộ trưởng Bộ Công an Lưu Văn Bằng dự lễ.", {"kind": "person", "name": "Lưu Văn Bằng"})])
R_MODIFIER = rule(
    "post.compose.modifier",
    "A modifier before a post (Phó, Trợ lý, Thư ký) composes a new post with it.",
    [Example("Phát biểu\nTrợ lý Bộ trưởng Bộ Công Thương Cao Văn Hào phát biểu.",
             {"kind": "post", "name": "Cao Văn Hào", "title": "Trợ lý Bộ trưởng Bộ Công Thương"})])
R_LOWER_COMPLEMENT = rule(
    "post.complement.lower-case",
    "An organization's lower-case field (Sở kế hoạch và đầu tư) or a place lead (thành phố X) stays in the post.",
    [Example("Phát biểu\nGiám đốc Sở kế hoạch và đầu tư Mai Văn Tân phát biểu.",
             {"kind": "post", "name": "Mai Văn Tân", "title": "Giám đốc Sở kế hoạch và đầu tư"})])


ORG_FIRST_WORDS = {"Bộ", "Sở", "Ban", "Vụ", "Cục", "Viện", "Ủy", "Uỷ", "Hội", "Tổng", "Văn", "Phòng", "Trung", "Học"}


# Words after which a title is an office being taken or given, not the next name's post.
TAKES_OFFICE = {"chức", "làm", "thành", "cử", "bầu", "nhận", "vị", "thế", "nhiệm", "kế", "ghế"}
ORG_SUFFIXES = {"Inc", "Inc.", "Corp", "Corp.", "Corporation", "Ltd", "Ltd.", "Co", "Group", "Center", "Centre",
                "Markets", "Airways", "Airlines", "Bank", "University", "Institute", "Foundation", "Company",
                "Holdings", "Motors", "Systems", "Technologies", "Times", "Post", "News", "Journal", "Agency",
                "Council", "Committee", "Party", "Club", "Association", "Ministry", "Office", "Force", "Army"}


_DIGIT = re.compile(r"\d")
_ARABIC_ARTICLE = re.compile(r"(?:al|el|ad|as|ash|bin|ibn)-[A-Z]")


@dataclass
class Mention:
    name: str
    start: int  # char offsets in the sentence
    end: int
    tok_start: int
    tok_end: int  # exclusive
    posts: list[Post] = field(default_factory=list)
    short: bool = False  # a single word: a short form to resolve against full names
    title_start: int = -1  # char offset where the title chain before the name starts (or the name itself)
    after_end: int = -1  # char offset where the titles after the name end (or the name's end)


@dataclass
class _TitleSpan:
    tok_start: int
    tok_end: int  # exclusive
    head: str
    kind: str


class SentenceAnalysis:
    """Token-level view of one sentence: titles, gazetteer spans, name runs."""

    def __init__(self, sentence: str, lex: Lexicon, defer: bool = False):
        """`defer`: leave the token-level analysis until something asks for it (see `__getattr__`)."""
        self.text = sentence
        self.lex = lex
        self.found = lex.find(sentence)  # gazetteer matches, kept for the article-level rules
        self.low = fold(sentence)  # shared with the meeting finders (extract.py)
        title_matches = list(lex.title_matcher().finditer(sentence, self.low))
        self.titled = bool(title_matches)  # a title stands in the sentence (posts can only come from one)
        self.title_matches = title_matches  # kept for the article-level rules (bare titles, coreference)
        self._quick: list[Token] | None = None
        if not self.found and not title_matches:
            self._quick = _quick_names(sentence, lex)
            if self._quick is not None:
                # tokens are made on first use (see __getattr__), which for most such sentences is never
                self._empty()
                if self._quick and not is_vietnamese_syllable(self._quick[0].text):
                    self.name_tokens.add(0)
                return
        elif _no_name_outside(sentence, self.found, title_matches, lex):
            # every capital stands in a title or a place/organization that `clean_run` strips: no name,
            # so no mention, whatever the titles (a title with no name makes no post)
            self._quick = []
            self._empty()
            return
        if defer:
            self._pending = title_matches
            return
        self._analyze(title_matches)

    def _empty(self) -> None:
        self._paren_abbr: set[int] = set()
        self.gaz: dict[int, tuple[int, Entry]] = {}  # token start index -> (token end exclusive, entry)
        self.gaz_cover: dict[int, Entry] = {}
        self.titles: list[_TitleSpan] = []
        self.title_cover: dict[int, _TitleSpan] = {}
        self.name_tokens: set[int] = set()
        self._candidates: list[tuple[int, int]] = []

    def _analyze(self, title_matches: list[re.Match]) -> None:
        """Tokens, gazetteer and title spans in tokens, and the name candidates."""
        self._empty()
        lex, sentence = self.lex, self.text
        self.toks = tokenize(sentence)
        # a parenthesised abbreviation may stand inside a post's complement: "đại sứ Mỹ tại Trung Quốc (TQ) Terry Branstad"
        toks = self.toks
        self._paren_abbr = {x for k in range(len(toks) - 2) if toks[k].text == "(" and toks[k + 2].text == ")"
                            and toks[k + 1].text.isupper() for x in (k, k + 1, k + 2)} if "(" in sentence else set()
        if self.found or title_matches:
            starts = {t.start: i for i, t in enumerate(self.toks)}
            ends = {t.end: i for i, t in enumerate(self.toks)}
        for s, e, entry in self.found:
            if s in starts and e in ends:
                i, j = starts[s], ends[e] + 1
                self.gaz[i] = (j, entry)
                for k in range(i, j):
                    self.gaz_cover[k] = entry
        for m in title_matches:
            if m.start() not in starts:
                continue
            i = starts[m.start()]
            j = i
            while j < len(self.toks) and self.toks[j].end <= m.end():
                j += 1
            head = lex.titles[m.group(0)]
            if i in self.gaz_cover and i not in self.gaz:
                continue  # "Chủ tịch nước" inside "Văn phòng Chủ tịch nước", "Quốc Vương" inside "Trung Quốc Vương Nghị"
            if j < len(self.toks) and ((self.toks[j].text.lower() == "quán" and head.label.lower().endswith(("sứ", "sự")))
                                       or (self.toks[j].text.lower() == "quốc" and head.label.lower().endswith("vương"))):
                continue  # R_COMPOUND: "Đại sứ Quán Việt Nam" is the embassy, "Tiểu vương quốc" an emirate
            span = _TitleSpan(i, j, head.label, head.kind)
            self.titles.append(span)
            for k in range(i, j):
                self.title_cover[k] = span
        self.refused: list[tuple[int, int, str]] = []  # (start, end, rule id) of runs refused as names
        for a, b in self.name_runs():
            b = self._given_name_word(a, b)
            self._refusal = R_NOT_A_NAME
            cleaned = self.clean_run(a, b)
            if cleaned is None or not self.valid_name(*cleaned):
                self.refused.append((self.toks[a].start, self.toks[b - 1].end, self._refusal))
                continue
            a, b = cleaned
            if b - a == 1 and all(is_vietnamese_syllable(t.text) for t in self.toks[a:b]):
                if b < len(self.toks) and f"{self.toks[a].text} {self.toks[b].text}" in MINISTRY_FIELDS:
                    continue  # "Bộ trưởng Ngoại giao": a field of government, not a short name
                self._candidates.append((a, b))
                continue
            self._candidates.append((a, b))
            self.name_tokens.update(range(a, b))

    def __getattr__(self, name: str):
        # only called when normal lookup fails: the analysis of a deferred sentence, or `toks` of a
        # sentence that took the fast path
        pending = self.__dict__.pop("_pending", None)
        if pending is not None:
            self._analyze(pending)
            return getattr(self, name)
        if name == "toks":
            self.toks = tokenize(self.text)
            return self.toks
        raise AttributeError(name)

    # -------------------------------------------------------------- names
    def name_runs(self) -> list[tuple[int, int]]:
        """Runs of consecutive tokens that can stand in a personal name: not in a title, and an initial,
        an Arabic article ("al-Assad"), a particle between capitals ("de", "bin") or a capitalised word
        that opens no clause (tests/test_fast_paths.py checks this against a token-by-token reference)."""
        # Most tokens are lower-case words that none of these tests can accept (an initial needs a dot,
        # an Arabic article a hyphen, a particle its list, a name word a capital): pick the others in
        # one comprehension, then test those.
        particles = NAME_PARTICLES
        toks = self.toks
        maybe = [i for i, t in enumerate(toks)
                 if t[0][0].isupper() or "." in t[0] or "-" in t[0] or t[0] in particles]
        runs: list[tuple[int, int]] = []
        start = last = -2
        title_cover = self.title_cover
        n = len(toks)
        for i in maybe:
            t = toks[i][0]
            if i in title_cover:
                continue
            namey = (("." in t and is_initial(t)) or ("-" in t and _ARABIC_ARTICLE.match(t))
                     or (t in particles and 0 < i < n - 1 and toks[i + 1][0][0].isupper() and toks[i - 1][0][0].isupper())
                     or (t[0].isupper() and t[0].isalnum() and t not in STRICT_STOP and not t.isdigit()))
            if not namey:
                continue
            if i != last + 1:
                if start >= 0:
                    runs.append((start, last + 1))
                start = i
            last = i
        if start >= 0:
            runs.append((start, last + 1))
        return runs

    def _given_name_word(self, i: int, j: int) -> int:
        """R_GIVEN_NAME_WORD: a capitalised common word ("Bằng") ends a Vietnamese full name it follows
        ("Lưu Văn Bằng"): a surname and one more syllable, then the word, then no other capital."""
        toks = self.toks
        if j - i == 2 and j < len(toks) and toks[j].text in STRICT_STOP and is_vietnamese_syllable(toks[j].text) \
                and toks[i].text in self.lex.surnames and all(is_vietnamese_syllable(t.text) for t in toks[i:j]) \
                and j not in self.title_cover and (j + 1 == len(toks) or not toks[j + 1].text[:1].isupper()):
            return j + 1
        return j

    def clean_run(self, i: int, j: int) -> tuple[int, int] | None:
        """Strip places, countries, organizations and clause words off the front of a capitalised run."""
        toks = self.toks
        changed = True
        while i < j and changed:
            changed = False
            if i + 1 < j and f"{toks[i].text} {toks[i + 1].text}" in MINISTRY_FIELDS:
                i += 2  # "Bộ trưởng Công Thương Trần Tuấn Anh"
                changed = True
                continue
            if i in self.gaz:
                end, entry = self.gaz[i]
                # keep a Vietnamese full name that merely starts like a place ("Thái Bình Minh"), unless what
                # follows the place is itself a full name ("Hà Nội Hoàng Trung Hải")
                rest_is_name = end + 1 < j and toks[end].text in self.lex.surnames
                if rest_is_name or not (entry.kind == "place" and j - i >= 3 and toks[i].text in self.lex.surnames
                                        and all(is_vietnamese_syllable(t.text) for t in toks[i:j])):
                    i = end
                    changed = True
                    continue
            if i in self.gaz_cover and i not in self.gaz:
                i += 1
                changed = True
                continue
            if toks[i].text in HONORIFICS or (len(toks[i].text) > 1 and toks[i].text.replace("-", "").isupper()
                                                and j - i > 1 and not is_initial(toks[i].text)):
                i += 1
                changed = True
                continue
            if toks[i].text in CAP_STOP and toks[i].text not in self.lex.surnames:
                i += 1
                changed = True
        if i >= j:
            return None
        if i > 0 and (toks[i - 1].text in EPONYM_HEADS or (i > 1 and f"{toks[i - 2].text} {toks[i - 1].text}" in EPONYM_HEADS)):
            self._refusal = R_EPONYM
            return None
        span = self.title_cover.get(i - 1) if i > 0 else None
        if span is not None and span.tok_start >= 2 and \
                f"{toks[span.tok_start - 2].text} {toks[span.tok_start - 1].text}".lower() in ("cương vị", "chức vụ", "cương vị là"):
            self._refusal = R_CAPACITY  # "trên cương vị Thị trưởng Bu-ê-nốt Ai-rết": the post's place, no holder named
            return None
        if i > 0 and j - i >= 3 and ("-" in toks[i].text or "-" in toks[i + 1].text) \
                and toks[i + 1].text not in NAME_PARTICLES \
                and toks[i + 1].text not in ("Bin", "Ben", "Al", "El", "Von", "Van", "De") \
                and ((i - 1) in self.title_cover or self.title_ending_at(i - 1) is not None):
            # R_COUNTRY_PREFIX: "Thủ tướng Hung-ga-ri Vích-to Ô-ban", "Thủ tướng Xri Lan-ca Ra-nin Vích-re-mê-sinh-hê"
            if "-" in toks[i].text and toks[i].text not in self.lex.surnames:
                i += 1
            elif j - i >= 4 and "-" in toks[i + 1].text and "-" not in toks[i].text and not is_vietnamese_syllable(toks[i + 1].text):
                i += 2
            while i < j and toks[i].text in HONORIFICS:
                i += 1
            if i >= j:
                return None
        if j - i > 1 and toks[j - 1].text in RUN_IN_OPENERS and j < len(toks) and toks[j].text[:1].islower() \
                and not all(is_vietnamese_syllable(t.text) for t in toks[i:j - 1]):
            j -= 1  # R_RUN_IN
        # an organization or outlet inside the run means it is not a name
        if self.gaz_cover and any(k in self.gaz_cover and self.gaz_cover[k].kind in ("org", "outlet") for k in range(i, j)):
            inner = [k for k in range(i, j) if k in self.gaz_cover]
            if len(inner) == j - i:
                return None
        return i, j

    def valid_name(self, i: int, j: int) -> bool:
        words = [t.text for t in self.toks[i:j]]
        if not words or len(words) > 5:
            return False
        if len(words) == 1 and len(words[0].replace(".", "")) < 2:
            return False  # R_NOT_A_NAME: one letter ("H Ngày 15-5", a caption's initial) names nobody
        if all(is_vietnamese_syllable(w) for w in words):
            if len(words) == 2 and words[0] not in self.lex.surnames and not self._foreign_lead(i):
                return False  # "Quỹ Tiền", "Trung Hoa": two capitals without a surname are no full name
            return True  # one syllable: a short form, resolved later
        if any(w.isdigit() or _DIGIT.search(w) for w in words):
            return False
        if all(w.isupper() and len(w) > 1 and not ROMAN.match(w) for w in words):
            return False  # acronyms: agencies, organizations
        entry = self.lex.lookup(" ".join(words))
        if entry is not None:
            return False
        if len(words) == 1 and "-" in words[0] and all(self.lex.lookup(w) is not None for w in words[0].split("-")):
            return False  # R_COUNTRY_PAIR: "Nga-Mỹ", "Trung-Ấn" are two countries, not a name
        if any(w in ("Bộ", "Vụ", "Cục", "Ban", "Sở", "Viện", "Ủy", "Tập", "Đại") for w in words[1:]) \
                and not all(is_vietnamese_syllable(w) for w in words):
            return False  # "Bắc Mỹ Bộ Ngoại": a department's name ran into the next organization
        if words[-1] in ORG_SUFFIXES or any(w in ORG_SUFFIXES for w in words[1:]):
            return False  # "Tesla Inc", "RBC Capital Markets", "Qatar Airways"
        if self.gaz_cover and any(k in self.gaz_cover and self.gaz_cover[k].kind == "country" for k in range(i, j)):
            return False  # a country inside the run: an organization's name ("Đại học Fulbright Việt Nam")
        return True

    def _foreign_lead(self, i: int) -> bool:
        """R_FOREIGN_SHORT_NAME: a stripped capitalised honorific ("Thủ tướng Cam-pu-chia Xăm-đéc Tê-chô Hun
        Xen") or a foreign country ending a post right before two syllables makes them a foreign name, surname
        or not ("Trung Hoa Dân Quốc" is a state's name, not a person)."""
        if i == 0:
            return False
        prev = self.toks[i - 1].text
        e = self.gaz_cover.get(i - 1)
        if prev in HONORIFICS and prev[:1].isupper() and (i - 1) not in self.title_cover and e is None:
            return True
        # a foreign country closing a post's complement ("Phát ngôn viên Bộ Ngoại giao Trung Quốc Cảnh Sảng"),
        # unless the two words go on with the state's own name ("Trung Hoa Dân Quốc")
        return (e is not None and e.kind == "country" and e.label_vi != "Việt Nam" and (i - 1) not in self.gaz
                and self.toks[i].text not in STATE_NAME_WORDS and self.title_ending_at(i - 1) is not None)

    # -------------------------------------------------------------- titles
    def _gap_ok(self, a: int, b: int) -> bool:
        """Can tokens a..b-1 stand between a title head and the name (the title's complement)?"""
        if b - a > 14:
            return False
        if b > a and self.toks[b - 1].text.lower() in ("của", "tại", "và", "về", "người", "cấp"):
            return False  # a dangling link word: the title continues into something that is not there
        org_open = False
        lower_run = 0
        paren = self._paren_abbr
        for k in range(a, b):
            t = self.toks[k]
            w = t.text
            if k in paren:
                continue
            if k in self.name_tokens:
                return False  # another person stands between
            if w.lower() == "này" and k > a and self.toks[k - 1].text.lower() == "nước":
                continue  # "Tổng thống nước này Moon Jae-in"
            if not t.is_word:
                if w in "-–" and a < k < b - 1:
                    continue
                if w in "-–" and k == b - 1 and k > a:
                    continue  # R_TITLE_DASH: "Bộ trưởng Bộ Tư pháp - Đỗ Văn A"
                return False
            if w[0].isupper() or w.isupper():
                org_open = w in ORG_FIRST_WORDS
                lower_run = 0
                continue
            if k in self.gaz_cover:
                continue  # inside a place or organization ("Cộng hòa xã hội chủ nghĩa Việt Nam")
            lw = w.lower()
            if lw in PLACE_LEADS and k + 1 < b:
                continue  # R_LOWER_COMPLEMENT: "thành phố Cần Thơ"
            if org_open and lw not in STRONG_BREAKERS and lw not in BREAKERS and not w.isdigit() and lower_run < 5:
                lower_run += 1
                continue  # R_LOWER_COMPLEMENT: "Sở kế hoạch và đầu tư" (at most five words after the head)
            prev = self.toks[k - 1] if k > 0 else None
            prev_cap = prev is not None and prev.text[0].isupper()
            if lw in STRONG_BREAKERS or (lw in BREAKERS and lw not in INNER_LINKS and not prev_cap):
                return False
            if lw in TITLE_INNER:
                continue
            if prev is None or not prev.text[0].isupper():
                return False
        return True

    def _qualify(self, start: int) -> tuple[int, str | None]:
        """Extend a title to the left over 'Quyền', 'cựu', 'ứng cử viên'."""
        toks = self.toks
        if start >= 2 and toks[start - 1].text.lower() == "quyền" and toks[start - 2].text.lower() == "chính":
            return start, None  # R_COMPOUND: "chính quyền Tổng thống Trump" is no acting president
        if start >= 3 and " ".join(t.text.lower() for t in toks[start - 3:start]) in QUALIFIERS:
            return start - 3, QUALIFIERS[" ".join(t.text.lower() for t in toks[start - 3:start])]
        if start >= 2 and " ".join(t.text.lower() for t in toks[start - 2:start]) in QUALIFIERS:
            return start - 2, QUALIFIERS[" ".join(t.text.lower() for t in toks[start - 2:start])]
        if start >= 1 and toks[start - 1].text.lower() in QUALIFIERS:
            return start - 1, QUALIFIERS[toks[start - 1].text.lower()]
        return start, None

    def title_ending_at(self, j: int) -> tuple[int, int, _TitleSpan] | None:
        """The title whose complement ends at token j (inclusive): nearest head with a clean gap."""
        best = None
        for span in self.titles:
            if span.tok_end - 1 <= j and (best is None or span.tok_end > best.tok_end):
                if self._gap_ok(span.tok_end, j + 1):
                    best = span
        if best is None:
            return None
        # a nearer head with a bad gap means the nearer clause is not a title: keep best only if no head sits in its gap
        return best.tok_start, j + 1, best

    def title_starting_at(self, i: int) -> tuple[int, int, _TitleSpan] | None:
        """A title that starts at token i and runs forward (titles after a name)."""
        start, _ = self._qualify_forward(i)
        span = self.title_cover.get(start)
        if span is None or span.tok_start != start:
            return None
        j = span.tok_end
        k = j
        lower_run = 0
        while k < len(self.toks) and k - j < 10:
            t = self.toks[k]
            w = t.text
            if not t.is_word:
                if w in "-–" and k + 1 < len(self.toks) and self.toks[k + 1].is_cap and self.toks[k - 1].is_cap:
                    k += 1
                    continue
                break
            if k in self.title_cover or k in self.name_tokens:
                break
            if w[0].isupper():
                if self._looks_like_person_start(k):
                    break
                lower_run = 0
                k += 1
                continue
            lw = w.lower()
            if lw in STRONG_BREAKERS or (lw in BREAKERS and lw not in INNER_LINKS):
                break
            if lw in TITLE_INNER:
                k += 1
                continue
            if k >= 2 and f"{self.toks[k - 2].text.lower()} {self.toks[k - 1].text.lower()}" == "phụ trách":
                lower_run = -3  # "phụ trách các vấn đề Đông Á": what the post is in charge of belongs to it
                k += 1
                continue
            lower_run += 1
            if lower_run > 2 or not self.toks[k - 1].text[0].isupper():
                break
            k += 1
        while k > j and self.toks[k - 1].text.lower() in ("tại", "của", "và", "về", "người", "cấp", "kiêm", "phụ trách"):
            k -= 1
        return i, k, span

    def _qualify_forward(self, i: int) -> tuple[int, str | None]:
        toks = self.toks
        for n in (3, 2, 1):
            if i + n <= len(toks) and " ".join(t.text.lower() for t in toks[i:i + n]) in QUALIFIERS:
                return i + n, QUALIFIERS[" ".join(t.text.lower() for t in toks[i:i + n])]
        return i, None

    def _looks_like_person_start(self, k: int) -> bool:
        if k > 0 and (self.toks[k - 1].text in EPONYM_HEADS
                      or (k > 1 and f"{self.toks[k - 2].text} {self.toks[k - 1].text}" in EPONYM_HEADS)):
            return False  # R_EPONYM: "Trường Đại học Tôn Đức Thắng" goes on as the post's organization
        words: list[str] = []
        while k < len(self.toks) and self.toks[k].is_cap and k not in self.gaz_cover and len(words) < 4:
            words.append(self.toks[k].text)
            k += 1
        return len(words) >= 2 and words[0] in self.lex.surnames and all(is_vietnamese_syllable(w) for w in words)

    def _modifier(self, a: int) -> tuple[int, str | None]:
        """R_MODIFIER: 'Trợ lý', 'Phó' right before a post compose a post with it."""
        toks = self.toks
        for n in (3, 2, 1):
            if a >= n:
                words = " ".join(t.text.lower() for t in toks[a - n:a])
                if words in POST_MODIFIERS:
                    return a - n, POST_MODIFIERS[words]
        return a, None

    def make_post(self, a: int, b: int, span: _TitleSpan, evidence: str) -> Post | None:
        if span.kind == "nopost":
            return None
        position = span.head
        if a == span.tok_start:
            a2, mod = self._modifier(a)
            if mod is not None:
                a, position = a2, f"{mod} {span.head}"
        start, qualifier = self._qualify(a)
        title = self.text[self.toks[start].start:self.toks[b - 1].end].strip(" ,-–")
        title = re.sub(r"\s+", " ", title)
        if qualifier is None:
            _, qualifier = self._qualify_forward(a)
        complement = self.text[self.toks[span.tok_end].start:self.toks[b - 1].end] if b > span.tok_end else ""
        org = self.organization_of(span.head, complement)
        rule_id = R_MODIFIER if position != span.head else R_TITLE
        return Post(title=title, position=position, organization=org, qualifier=qualifier, evidence=evidence, rule=rule_id)

    def organization_of(self, head: str, complement: str) -> str | None:
        """The organization a post belongs to, from the words after the title head."""
        complement = re.sub(r"\s+", " ", complement).strip()
        # the head may carry its organization ("Chủ tịch Quốc hội", "Ủy viên Bộ Chính trị")
        for org_word in ("Quốc hội", "Bộ Chính trị", "Trung ương Đảng", "Ban Bí thư"):
            if org_word in head and not complement:
                known = self.lex.lookup(org_word)
                return known.label_vi if known else org_word
        complement = re.sub(r"^(?:(?:thường trực|Thường trực|thứ nhất|thứ hai|đặc mệnh toàn quyền|phụ trách|cấp cao)\s*)+", "", complement)
        if not complement:
            return None
        matches = self.lex.find(complement)
        country = next((ent for _, _, ent in matches if ent.kind == "country"), None)
        country_label = country.label_vi if country and country.label_vi != "Việt Nam" else None
        for fieldname in MINISTRY_FIELDS:
            if complement == fieldname or complement.startswith(fieldname + " ") or complement.startswith(fieldname + " và"):
                if fieldname == "Ngoại giao" and re.match(r"Ngoại giao và [A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ]", complement):
                    base = "Bộ " + complement.split(" " + country.label_vi)[0] if country else "Bộ " + complement
                    return base if not country_label else f"{base} {country_label}"
                base = "Bộ " + fieldname
                return f"{base} {country_label}" if country_label else base
        for s, stop, entry in matches:
            if entry.kind in ("org",):
                rest = complement[stop:].strip()
                if country is not None and country_label and rest.startswith(country.label_vi) and entry.label_vi in ("Quốc hội", "Chính phủ", "Bộ Ngoại giao", "Bộ Quốc phòng"):
                    return f"{entry.label_vi} {country_label}"
                if s == 0:
                    return entry.label_vi
        if complement.startswith(ORG_HEADS):
            org = complement
            if country:
                org = org.split(" tại ")[0]
            org = re.split(r" (?:tại|của) ", org)[0].strip()
            return org
        if country is not None:
            return country.label_vi
        return None

    # -------------------------------------------------------------- people
    def mentions(self) -> list[Mention]:
        if self._quick is not None:
            # a lone first word (see `_quick_names`): no title anywhere, so no post; a one-word short form
            return [Mention(name=t.text, start=t.start, end=t.end, tok_start=0, tok_end=1, short=True,
                            title_start=t.start, after_end=t.end) for t in self._quick]
        out: list[Mention] = []
        for i, j in self._candidates:
            name = self.text[self.toks[i].start:self.toks[j - 1].end]
            m = Mention(name=name, start=self.toks[i].start, end=self.toks[j - 1].end, tok_start=i, tok_end=j,
                        short=(j - i == 1))
            m.posts = self._posts_for(i, j)
            m.title_start = self._chain_start if self._chain_start is not None else m.start
            m.after_end = self._after_end if self._after_end is not None else m.end
            out.append(m)
        self._share_group_titles(out)
        return out

    def _skip_honorific_back(self, k: int) -> tuple[int, bool]:
        toks = self.toks
        if k >= 1 and f"{toks[k - 1].text} {toks[k].text}" in HONORIFICS:
            return k - 2, True
        if k >= 0 and toks[k].text in HONORIFICS:
            return k - 1, True
        return k, False

    def _posts_for(self, i: int, j: int) -> list[Post]:
        toks = self.toks
        posts: list[Post] = []
        # ---- before the name
        k, hon = self._skip_honorific_back(i - 1)
        if k >= 0 and toks[k].text == "là" and not hon:
            k -= 1
        comma_form = False
        if k >= 0 and toks[k].text == "," and k >= 1:
            comma_form = True
            k -= 1
        chain: list[Post] = []
        self._chain_first = None
        first = True
        while k >= 0:
            # "Theo Bộ trưởng Quốc phòng Mỹ, Donald Trump …": a title before a comma names someone else,
            # unless an honorific marks the name as its apposition (", bà Busaya Mathelin")
            found = self.title_ending_at(k)
            if found is not None and first and comma_form and not hon:
                a0, _ = self._qualify(found[0])
                if a0 > 0 and toks[a0 - 1].text not in (",", ";", ":", "(", "“", '"'):
                    found = None  # the title closes a clause of its own ("nhậm chức Bộ trưởng …, Donald Trump ký")
            if found is None and first and comma_form:
                # "chiến lược gia trưởng của Trump, Steve Bannon": a person possessor is not part of the post
                m = self._possessor_title(k)
                found = m
            if found is None:
                break
            a, b, span = found
            if a >= 2 and toks[a - 1].text == "của" and (owner := self.title_ending_at(a - 2)) is not None \
                    and owner[2].kind != "nopost":
                # "người phát ngôn của Thủ tướng Đức": the post is the spokesperson's, of the chancellor
                a, span = owner[0], owner[2]
            post = self.make_post(a, b, span, self.text)
            if post is None:
                break
            chain.insert(0, post)
            first = False
            a, _ = self._qualify(a)
            self._chain_first = a
            if a >= 2 and toks[a - 1].text in (",", "và", "kiêm", "-", "–") and (prev := self.title_ending_at(a - 2)) is not None:
                if self._other_country(prev, chain[0]):
                    break  # "Phó Tổng thống Indonesia, Phó Thủ tướng Thái Lan, …": a list of office holders
                if toks[a - 1].text == "và" and self._countries_in((a, b, span)) and not self._countries_in(prev) \
                        and prev[1] == prev[2].tok_end:
                    break  # "Thủ tướng và Tổng thống Pháp X": a bare title of someone else, then X's post
                pa, _ = self._qualify(prev[0])
                if pa > 0 and toks[pa - 1].text.lower() in TAKES_OFFICE:
                    break  # "nhậm chức Bộ trưởng Quốc phòng, Tổng thống X": someone else's office
                if pa > 0 and toks[pa - 1].text.lower() in ("của", "với", "cho", "tới", "đến") \
                        and self._countries_in(prev) and not self._countries_in((a, b, span)):
                    break  # "đề xuất của Chủ tịch Thượng viện Haiti, Chủ tịch Quốc hội X": two people
                k = a - 2
                continue
            break
        posts.extend(chain)
        self._chain_start = self.toks[self._chain_first].start if chain and self._chain_first is not None else None
        # ---- after the name: ", Tổng thống Moldova", " - Bí thư Trung ương Đảng"
        self._after_end = None
        k = j
        if k < len(toks) and toks[k].text == "(":
            close = next((x for x in range(k + 1, min(k + 12, len(toks))) if toks[x].text == ")"), None)
            if close is not None and close + 1 < len(toks) and toks[close + 1].text == ",":
                k = close + 1  # "Hoan Ết-xtê-ban (Joan Esteban Lazo), Chủ tịch Quốc hội Cu-ba"
        while j - i > 1 and k + 1 < len(toks) and (toks[k].text in (",", "-", "–", "(") or (toks[k].text in ("kiêm", "làm") and posts)
                                                   or self._elected_as(k) is not None):
            step = self._elected_as(k)
            found = self.title_starting_at(k + (step or 1))
            if found is None:
                break
            if toks[k].text == "(" and not (found[1] < len(toks) and toks[found[1]].text == ")"):
                break  # R_POST_PARENTHESIS: "Lê Văn A (Tổng Thư ký Ủy ban Quốc gia APEC)" — the whole parenthesis is the post
            a, b, span = found
            if any(c[0] == b for c in self._candidates):
                break  # the title belongs to the next name ("A, Thứ trưởng B")
            post = self.make_post(a, b, span, self.text)
            if post is None:
                break
            posts.append(post)
            self._after_end = toks[b - 1].end
            k = b
        return posts

    def _elected_as(self, k: int) -> int | None:
        """R_POST_ELECTED: 'X được bầu làm <post>', 'X được bổ nhiệm làm <post>': the number of words before the post."""
        words = [t.text.lower() for t in self.toks[k:k + 4]]
        for n, phrase in ((3, ["được", "bầu", "làm"]), (4, ["được", "bổ", "nhiệm", "làm"]), (3, ["được", "bầu", "giữ"]),
                          (2, ["trở", "thành"])):
            if words[:n] == phrase:
                return n
        return None

    def _countries_in(self, found) -> set[str]:
        a, b, span = found
        return {e.label_vi for k in range(span.tok_end, b) if (e := self.gaz_cover.get(k)) and e.kind == "country"
                and e.label_vi != "Việt Nam"}

    def _other_country(self, found, post: Post) -> bool:
        """Does the earlier title in a comma chain name another country than the later one?"""
        a, b, span = found
        countries = {e.label_vi for k in range(span.tok_end, b) if (e := self.gaz_cover.get(k)) and e.kind == "country"}
        here = {e.label_vi for _, _, e in self.lex.find(post.title) if e.kind == "country"}
        return bool(countries) and bool(here) and not (countries & here)

    def _possessor_title(self, k: int):
        toks = self.toks
        # find "... của <Name>" ending at k
        m = k
        while m >= 0 and toks[m].is_cap:
            m -= 1
        if m >= 1 and toks[m].text == "của" and m < k:
            found = self.title_ending_at(m - 1)
            return found
        return None

    def _share_group_titles(self, mentions: list[Mention]) -> None:
        if not self.titles and not mentions:
            return  # nothing to share (and no need to tokenize a sentence that took the fast path)
        toks = self.toks
        # a title followed by a colon and the names: "Ủy viên Bộ Chính trị: A, B, C"
        for span in self.titles:
            e = span.tok_end
            # allow complement up to the colon
            colon = None
            for k in range(e, min(e + 12, len(toks))):
                if toks[k].text == ":":
                    colon = k
                    break
                if toks[k].text in (".", ";", ","):
                    break
            if colon is None or not self._gap_ok(e, colon):
                continue
            post = self.make_post(span.tok_start, colon, span, self.text)
            if post is None:
                continue
            for m in mentions:
                if m.tok_start > colon and not self._list_broken(colon + 1, m.tok_start, mentions):
                    if not any(p.title == post.title for p in m.posts):
                        m.posts.insert(0, post)
        # "các Phó Thủ tướng A, B và C": plural title shared along the list
        for idx, m in enumerate(mentions):
            if not m.posts:
                continue
            start = m.tok_start
            k, _ = self._skip_honorific_back(start - 1)
            # walk back over the title chain to see if it is plural
            found = self.title_ending_at(k)
            if not found:
                continue
            a, _, _ = found
            if a == 0 or toks[a - 1].text.lower() not in ("các", "những", "hai"):
                continue
            last = m
            for n in mentions[idx + 1:]:
                between = [t.text for t in toks[last.tok_end:n.tok_start]]
                if between in ([","], ["và"], [";"]) and not n.posts:
                    n.posts = [*m.posts]
                    last = n
                else:
                    break

    def _list_broken(self, a: int, b: int, mentions: list[Mention]) -> bool:
        """Is there anything but names, their after-titles and separators between a and b?"""
        toks = self.toks
        for k in range(a, b):
            w = toks[k].text
            if k in self.title_cover or w[:1].isupper():
                continue  # a list item's own post ("Lê Văn A, Phó Chủ tịch Quốc hội; …") does not break the list
            if w in (".",) or w.lower() in BREAKERS and w.lower() not in ("và",):
                return True
        return False


# An initial ("v.v.", "H.R.") as the tokenizer finds it; it can never follow a word character.
_INITIAL_TOKEN = re.compile(r"(?<!\w)(?:[^\W\d_]\.){1,3}(?=[\s,]|$)")


def _has_initial(text: str) -> bool:
    """`_INITIAL_TOKEN.search(text)`, asked only where a dot follows a one-letter word.

    The pattern opens with a look-behind, so the engine tries it at every character; almost every
    sentence has a dot, but after a word of several letters, which no initial is (tested in
    tests/test_fast_paths.py)."""
    at = text.find(".", 1)
    while at > 0:
        if text[at - 1].isalnum() and (at == 1 or not (text[at - 2].isalnum() or text[at - 2] == "_")):
            return _INITIAL_TOKEN.search(text) is not None
        at = text.find(".", at + 1)
    return False
_SPACES = re.compile(r"\s*")


def _after_spaces(text: str, pos: int = 0) -> int:
    """Where the spaces at `pos` end."""
    m = _SPACES.match(text, pos)
    return m.end() if m is not None else pos


def _opens_no_name(first: str, surnames: frozenset[str]) -> bool:
    """Is a capitalised first word of a sentence no name: not a name word (`name_runs`), or a clause
    word or honorific that `clean_run` strips?"""
    return (not first[0].isupper() or first in STRICT_STOP or first in HONORIFICS
            or (first in CAP_STOP and first not in surnames))


def _quick_names(sentence: str, lex: Lexicon) -> list[Token] | None:
    """The name candidates of a sentence found without tokenizing it, or None when it must be tokenized.

    Called only when no title and no gazetteer entry was found. A token can start a name only if it
    has a capital, is an initial, or is a particle standing between capitals (`name_runs`). With no
    capital after the first word and no initial, only the first word can be one, alone: a clause word
    there ("Trong", "Các", or "Hội" that is no surname) is stripped by `clean_run`, any other capitalised
    word stays as a one-word short form ("Putin cho biết …", "Kim ngạch …"), which the article-level
    rules resolve or drop. This replays `clean_run`, `valid_name` and the field-of-government test of
    `__init__` on that one word (tests/test_fast_paths.py compares both ways on every sample sentence).
    Most sentences of an article pass this test, and tokenizing them was a third of extraction time.
    """
    pos = _after_spaces(sentence)
    m = TOKEN_RE.match(sentence, pos)
    if m is None:
        return []
    rest = sentence[m.end():]
    # str.islower() (C speed) is False when any character is upper case; only then look closer
    if (not rest.islower() and any(map(str.isupper, rest))) or _has_initial(rest):
        return None
    first = m.group(0)
    if (first.islower() or not any(map(str.isupper, first))) and "." not in first:
        return []  # no capital anywhere: no name
    if len(first) < 2:
        return []  # one letter: rejected by `valid_name`
    if not first.isalpha():
        return None  # an initial, a hyphenated or dotted word: the full analysis decides
    if _opens_no_name(first, lex.surnames):
        return []
    if is_vietnamese_syllable(first):
        nxt = TOKEN_RE.match(sentence, _after_spaces(sentence, m.end()))
        if nxt is not None and f"{first} {nxt.group(0)}" in MINISTRY_FIELDS:
            return []  # "Công an …", "Y tế …": a field of government
    elif (first.isupper() and len(first) > 1 and not ROMAN.match(first)) or lex.lookup(first) is not None \
            or first in ORG_SUFFIXES:
        return []  # rejected by `valid_name`
    return [Token(first, m.start(), m.end())]


_PARTICLE_WORD = re.compile(r"(?<![\w-])(?:" + "|".join(sorted(NAME_PARTICLES)) + r")(?![\w-])")
_JOINERS = "-–'’."


def _token_edge(text: str, start: int, end: int) -> bool:
    """Do `start` and `end` fall on token boundaries (`TOKEN_RE` joins words with - – ' ’ .)?"""
    if start > 0:
        before = text[start - 1]
        if before.isalnum() or before == "_" or (before in _JOINERS and start > 1 and
                                                 (text[start - 2].isalnum() or text[start - 2] == "_")):
            return False
    if end < len(text):
        after = text[end]
        if after.isalnum() or after == "_" or (after in _JOINERS and end + 1 < len(text) and
                                               (text[end + 1].isalnum() or text[end + 1] == "_")):
            return False
    return True


def _no_name_outside(sentence: str, found: list[tuple[int, int, Entry]], title_matches: list[re.Match],
                     lex: Lexicon) -> bool:
    """True when the full analysis of a sentence with titles or gazetteer entries would find no name.

    A name needs a capitalised word, an initial, an Arabic article or a particle outside the titles
    (`name_runs`). Capitals inside a gazetteer entry are stripped off the front of their run by
    `clean_run`, except a place written like a Vietnamese full name ("Hồ Chí Minh"), which this test
    leaves to the full analysis. The first word of the sentence may stand outside every span when
    `clean_run` strips it too (a clause word or an honorific) or it cannot be in a run at all. Any
    doubt (a span off the token boundaries, a title inside a gazetteer entry, another capital) answers
    False. Two thirds of the sentences that carry a title or a place hold no name; tokenizing them was
    a fifth of extraction time (tests/test_fast_paths.py compares both ways).
    """
    if _has_initial(sentence):
        return False
    if "-" in sentence and _ARABIC_ARTICLE.search(sentence):
        return False
    spans: list[tuple[int, int]] = []
    surnames = lex.surnames
    for s, e, entry in found:
        if not _token_edge(sentence, s, e):
            return False
        if entry.kind == "place":
            words = sentence[s:e].split()
            if len(words) >= 3 and words[0] in surnames:
                return False  # kept as a name by `clean_run` ("Hồ Chí Minh")
        spans.append((s, e))
    for m in title_matches:
        s, e = m.span()
        if not _token_edge(sentence, s, e):
            return False
        for gs, ge, _ in found:
            if gs < s < ge:
                return False  # a title inside a gazetteer entry is dropped by the analysis
        spans.append((s, e))
    spans.sort()
    pieces: list[str] = []
    pos = 0
    for s, e in spans:
        if s > pos:
            pieces.append(sentence[pos:s])
        if e > pos:
            pos = e
    pieces.append(sentence[pos:])
    lead = _after_spaces(sentence)
    outside = "\x00".join(pieces)
    if spans[0][0] > lead:  # the first word stands outside every span
        fm = TOKEN_RE.match(sentence, lead)
        if fm is None:
            return False  # no token there: the full analysis decides
        first = fm.group(0)
        if first.isalpha() and not _opens_no_name(first, surnames):
            return False  # a word that can start a name
        outside = outside[fm.end():]
    if not outside.islower() and any(map(str.isupper, outside)):
        return False
    if _PARTICLE_WORD.search(outside):
        return False
    return True


def find_people(sentence: str, lex: Lexicon) -> list[Mention]:
    return SentenceAnalysis(sentence, lex).mentions()
