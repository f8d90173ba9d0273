"""Generate a seeded corpus of diplomacy news articles with the facts planted in them.

    python benchmarks/make_corpus.py 10000 /tmp/corpus      # writes /tmp/corpus/*.txt and /tmp/corpus/planted.json

Why generated articles: the speed targets are set for a whole archive (10,000 articles) and the real
corpus cannot ship with the repository. A generator lets the benchmark and a CI test measure at any
size, reproducibly (same N and seed, same bytes), and it knows every fact it wrote, so the benchmark
can check that making the pipeline faster did not make it miss facts (recall of planted facts).

The articles follow the genre of `seeds/` and the corpus: a date line, a headline, a lead with a
relative date ("Sáng 13-12", "Ngày 11/1"), people with title chains, titles after a comma and group
lists, conferences with chair, speakers and attendees, talks, visits and receptions, agreements with
acronym and full name, numbered priorities for a year, and page furniture the reader must drop
(bylines, photo credits, "BÌNH LUẬN" comment boxes, "Tin mới" lists). A share of the articles is off
topic. Facts are planted only in sentence forms a correct extractor reads (the forms of
tests/test_extract.py and tests/test_people.py); names are built from syllable lists, never taken
from real people. Names written in furniture and credits are recorded as `forbidden`: they must never
become people.

`score(store, planted)` measures recall of the planted facts on a built graph loaded into pyoxigraph;
benchmarks/run.py and tests/test_bench_small.py share it.
"""
from __future__ import annotations

import json
import random
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

# ----------------------------------------------------------------------------- name material
VN_SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý",
               "Trịnh", "Đinh", "Tô", "Võ", "Tạ", "Lương"]
VN_MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Quốc", "Xuân", "Ngọc", "Hồng", "Minh", "Trọng", "Công", "Thế", "Bá", "Kim"]
VN_GIVEN = ["Tùng", "Hùng", "Tuấn", "Dũng", "Phúc", "Trang", "Khánh", "Thắng", "Hiếu", "Nghĩa", "Lâm", "Toàn",
            "Hằng", "Thảo", "Quân", "Tâm", "Hưng", "Đạt", "Khoa", "Vinh", "Duy", "Tiến", "Luân", "Khải"]
# Foreign given names: the lexicon's list of foreign given names marks where such names start.
FOREIGN_GIVEN = ["Adrian", "Alain", "Andrea", "Andreas", "Anna", "Boris", "Carlos", "Christian", "Daniel", "David",
                 "Diego", "Edward", "Eric", "Fernando", "Francis", "Frank", "Alberto", "Catherine", "Dmitry", "Claude"]
FOREIGN_SYLL_A = ["Kor", "Mal", "Ter", "Wes", "Bran", "Hal", "Dor", "Fen", "Gal", "Mar", "Ost", "Ren", "Sel", "Vol",
                  "Lind", "Berg", "Kal", "Mor"]
FOREIGN_SYLL_B = ["vanen", "dorf", "sson", "ville", "mont", "quist", "haven", "stein", "lund", "ova", "ring", "worth",
                  "berg", "ardo", "ezza", "ovic"]

COUNTRIES = ["Nhật Bản", "Hàn Quốc", "Pháp", "Đức", "Ấn Độ", "Lào", "Campuchia", "Singapore", "Indonesia", "Thái Lan",
             "Canada", "Chile", "Brazil", "Australia", "Italy", "Hà Lan", "Phần Lan", "Thụy Điển", "Ba Lan", "Mexico",
             "Argentina", "Malaysia", "Philippines", "New Zealand", "Hungary", "Israel", "Kazakhstan", "Mông Cổ"]
CITIES = ["Hà Nội", "Đà Nẵng", "Hải Phòng", "Cần Thơ", "Huế"]

# (title as written, organization) — posts of Vietnamese officials
VN_POSTS = ["Bộ trưởng Bộ Ngoại giao", "Thứ trưởng Bộ Ngoại giao", "Thứ trưởng Thường trực Bộ Ngoại giao",
            "Bộ trưởng Bộ Công Thương", "Bộ trưởng Bộ Tài chính", "Phó Thủ tướng", "Chủ tịch Quốc hội",
            "Phó Chủ tịch Quốc hội", "Bộ trưởng Bộ Quốc phòng", "Thứ trưởng Bộ Công an", "Bộ trưởng Bộ Tư pháp",
            "Thứ trưởng Bộ Công Thương", "Bộ trưởng Bộ Nội vụ", "Chủ tịch nước", "Phó Chủ tịch nước"]
CHAIN_PREFIX = ["Ủy viên Bộ Chính trị", "Ủy viên Trung ương Đảng", "Bí thư Trung ương Đảng"]
# titles of foreign officials: {c} is the country
FOREIGN_POSTS = ["Ngoại trưởng {c}", "Thủ tướng {c}", "Tổng thống {c}", "Bộ trưởng Ngoại giao {c}",
                 "Phó Thủ tướng {c}", "Đại sứ {c} tại Việt Nam", "Bộ trưởng Thương mại {c}"]

CONFERENCES = [
    ("Hội nghị tổng kết công tác năm {y}", "review"),
    ("Hội nghị Ngoại vụ toàn quốc lần thứ {n}", "plain"),
    ("Hội nghị Đối tác Kinh tế Việt Nam - {c} lần thứ {n}", "plain"),
    ("Hội nghị Ngoại giao kinh tế năm {y}", "plain"),
    ("Hội nghị hợp tác an ninh khu vực lần thứ {n}", "plain"),
    ("Diễn đàn Hợp tác Kinh tế Việt Nam - {c} lần thứ {n}", "plain"),
]
ORGANIZERS = ["Bộ Ngoại giao", "Bộ Công Thương", "Bộ Quốc phòng", "Bộ Tài chính"]

# priority items are composed (verb, object, scope): thousands of distinct texts, as in a real archive,
# so a priority node is shared by a few articles, not by thousands
PRIORITY_VERBS = ["đẩy mạnh", "nâng cao hiệu quả", "tăng cường", "chủ động triển khai", "làm tốt", "đổi mới",
                  "phát huy", "bảo đảm", "mở rộng", "củng cố", "hoàn thiện", "tập trung thúc đẩy"]
PRIORITY_OBJECTS = ["ngoại giao kinh tế", "công tác bảo hộ công dân", "hợp tác đa phương", "hội nhập quốc tế",
                    "công tác thông tin đối ngoại", "công tác người Việt Nam ở nước ngoài", "ngoại giao văn hóa",
                    "quan hệ với các nước láng giềng", "công tác biên giới lãnh thổ", "ngoại giao vaccine",
                    "hợp tác quốc phòng an ninh", "xúc tiến thương mại và đầu tư", "công tác tham mưu chiến lược",
                    "đào tạo cán bộ đối ngoại", "quan hệ với các đối tác chiến lược"]
PRIORITY_SCOPES = ["phục vụ phát triển đất nước", "trong tình hình mới", "một cách thực chất và hiệu quả",
                   "ở các địa phương", "trong khu vực và trên thế giới", "theo hướng chuyên nghiệp, hiện đại",
                   "gắn với chuyển đổi số", "vì lợi ích quốc gia dân tộc"]
THEME_HEADS = ["Chủ động, sáng tạo", "Đoàn kết, kỷ cương", "Hành động quyết liệt", "Đổi mới, hội nhập",
               "Kỷ cương, trách nhiệm", "Bản lĩnh, năng động", "Chuyên nghiệp, hiện đại", "Tăng tốc, bứt phá"]
THEME_TAILS = ["hiệu quả vượt bậc", "vì lợi ích quốc gia", "nâng tầm vị thế đất nước", "phục vụ phát triển bền vững",
               "đồng hành cùng địa phương", "vì hòa bình và hợp tác", "đóng góp trách nhiệm", "hướng tới tương lai"]
ORDINALS = ["Thứ nhất", "Thứ hai", "Thứ ba", "Thứ tư"]
COUNT_WORDS = {2: "2", 3: "3", 4: "4"}

AGREEMENT_KINDS = [("Hiệp định Thương mại tự do Việt Nam - {c}", "V{x}FTA"),
                   ("Hiệp định Đối tác Kinh tế Việt Nam - {c}", "V{x}EPA"),
                   ("Hiệp định Khuyến khích và Bảo hộ đầu tư Việt Nam - {c}", "V{x}IPA")]
AGREEMENT_ACTIONS = ["Hai bên đã ký {name} ({abbr}).", "Hai nước đã ký kết {name} ({abbr}) vào năm ngoái.",
                     "Hai bên đang đàm phán {name} ({abbr}).", "Quốc hội đã phê chuẩn {name} ({abbr})."]

FILLER_DIPLO = [
    "Hai bên đánh giá cao những bước phát triển tích cực trong quan hệ hợp tác song phương thời gian qua.",
    "Kim ngạch thương mại song phương tiếp tục tăng trưởng ổn định trong bối cảnh kinh tế thế giới nhiều biến động.",
    "Các bên nhất trí tăng cường trao đổi đoàn các cấp, nhất là đoàn cấp cao, và phát huy hiệu quả các cơ chế hợp tác hiện có.",
    "Hội nghị đã thảo luận sôi nổi về tình hình thế giới và khu vực, dự báo những xu hướng lớn trong thời gian tới.",
    "Công tác đối ngoại đã góp phần giữ vững môi trường hòa bình, ổn định và nâng cao vị thế của đất nước.",
    "Hai bên nhất trí phối hợp chặt chẽ tại các diễn đàn đa phương, nhất là trong khuôn khổ Liên hợp quốc và ASEAN.",
    "Hợp tác trong các lĩnh vực giáo dục, văn hóa, du lịch và giao lưu nhân dân tiếp tục được mở rộng.",
    "Các đại biểu cho rằng cần tiếp tục đổi mới tư duy, nâng cao chất lượng công tác tham mưu chiến lược.",
    "Hai bên trao đổi ý kiến về các vấn đề quốc tế và khu vực cùng quan tâm, trong đó có vấn đề Biển Đông.",
    "Các đại biểu đánh giá cao kết quả đạt được và đề xuất nhiều giải pháp thiết thực cho thời gian tới.",
    "Đây là dịp để các cơ quan liên quan rà soát kết quả thực hiện các thỏa thuận đã đạt được.",
    "Nhiều doanh nghiệp bày tỏ mong muốn mở rộng đầu tư vào các lĩnh vực năng lượng tái tạo và hạ tầng.",
]
FILLER_OFF = [
    "Giá rau xanh tại các chợ đầu mối tăng nhẹ so với tuần trước do thời tiết mưa kéo dài.",
    "Đội tuyển bóng đá giành chiến thắng thuyết phục trong trận đấu tối qua trước sự cổ vũ của hàng nghìn khán giả.",
    "Nhiều tuyến đường nội đô bị ngập sâu sau trận mưa lớn kéo dài hơn hai giờ đồng hồ.",
    "Các chuyên gia khuyến cáo người dân nên tiêm vắc xin đầy đủ và giữ gìn vệ sinh cá nhân.",
    "Thị trường chứng khoán khép lại phiên giao dịch với sắc xanh chiếm ưu thế ở nhóm cổ phiếu ngân hàng.",
    "Lễ hội hoa xuân thu hút đông đảo du khách trong và ngoài nước đến tham quan, chụp ảnh.",
    "Giá vàng trong nước biến động mạnh theo diễn biến của thị trường thế giới.",
    "Công an huyện đã tạm giữ hai đối tượng để điều tra làm rõ hành vi trộm cắp tài sản.",
    "Học sinh cả nước bước vào kỳ thi quan trọng với tâm lý khá thoải mái.",
    "Các hãng hàng không tăng thêm chuyến bay phục vụ nhu cầu đi lại dịp cuối năm.",
]
COMMENT_LINES = ["Bài viết rất hay và bổ ích.", "Mong hai nước ngày càng phát triển.", "Cảm ơn tác giả.",
                 "Thông tin rất kịp thời."]
NEWS_TITLES = ["Giá xăng giảm nhẹ từ chiều nay", "Thời tiết miền Bắc chuyển lạnh", "Khai mạc triển lãm ảnh nghệ thuật",
               "Hàng nghìn người tham gia chạy bộ vì cộng đồng", "Ra mắt sách về lịch sử ngoại giao"]
AGENCIES = ["TTXVN", "VNA", "Báo Quốc tế"]


@dataclass
class Person:
    name: str
    title: str  # main post as written


@dataclass
class Planted:
    """Facts one article states in forms a correct extractor reads."""
    file: str
    posts: list[tuple[str, str]] = field(default_factory=list)  # (name, title)
    meetings: list[dict] = field(default_factory=list)  # {kind, name, date, participants: [[name, role]]}
    agreements: list[tuple[str, str]] = field(default_factory=list)  # (abbreviation, name)
    priorities: list[tuple[int, str]] = field(default_factory=list)  # (year, text)
    forbidden: list[str] = field(default_factory=list)  # names in credits and furniture: never people


class Generator:
    def __init__(self, seed: int = 2024):
        self.r = random.Random(seed)
        from diplograph.lexicon import load

        self.lex = load()
        self._vn_pool = self._make_vn_pool(600)
        self._foreign_pool = self._make_foreign_pool(300)

    # -------------------------------------------------------------- names
    def _clean(self, name: str) -> bool:
        """A generated name must not contain a place, country or organization (it would not be a name)."""
        return not self.lex.find(name) and self.lex.lookup(name) is None

    def _make_vn_pool(self, n: int) -> list[str]:
        out: set[str] = set()
        while len(out) < n:
            name = f"{self.r.choice(VN_SURNAMES)} {self.r.choice(VN_MIDDLE)} {self.r.choice(VN_GIVEN)}"
            if self._clean(name):
                out.add(name)
        return sorted(out)

    def _make_foreign_pool(self, n: int) -> list[str]:
        out: set[str] = set()
        while len(out) < n:
            name = f"{self.r.choice(FOREIGN_GIVEN)} {self.r.choice(FOREIGN_SYLL_A)}{self.r.choice(FOREIGN_SYLL_B)}"
            if self._clean(name):
                out.add(name)
        return sorted(out)

    def vn(self, exclude: set[str]) -> str:
        while True:
            n = self.r.choice(self._vn_pool)
            if n not in exclude and n.split()[-1] not in {x.split()[-1] for x in exclude}:
                exclude.add(n)
                return n

    def foreign(self, exclude: set[str]) -> str:
        while True:
            n = self.r.choice(self._foreign_pool)
            if n not in exclude and n.split()[-1] not in {x.split()[-1] for x in exclude}:
                exclude.add(n)
                return n

    # -------------------------------------------------------------- pieces
    def filler(self, pool: list[str], k: int) -> str:
        return " ".join(self.r.sample(pool, k))

    def furniture(self, p: Planted, used: set[str]) -> list[str]:
        lines: list[str] = []
        if self.r.random() < 0.6:
            lines.append("BÌNH LUẬN")
            for _ in range(self.r.randint(1, 3)):
                who = self.vn(used)
                p.forbidden.append(who)
                lines.append(who)
                lines.append(self.r.choice(COMMENT_LINES))
        if self.r.random() < 0.6:
            lines.append("Tin mới")
            lines.extend(self.r.sample(NEWS_TITLES, 3))
        return lines

    def credit(self, p: Planted, used: set[str]) -> str:
        who = self.vn(used)
        p.forbidden.append(who)
        return f"Ảnh: {who}/{self.r.choice(AGENCIES)}"

    # -------------------------------------------------------------- articles
    def article(self, i: int) -> tuple[str, Planted]:
        p = Planted(file=f"a{i:06d}.txt")
        kind = self.r.choices(["conference", "talks", "visit", "reception", "offtopic"], [4, 2, 1, 1, 2])[0]
        self.year, self.month = self.r.randint(2016, 2024), self.r.randint(1, 12)
        used: set[str] = set()
        body: list[str] = getattr(self, f"_{kind}")(p, used, self.year, self.month)
        year, month = self.year, self.month  # a conference may move the article's month
        # sizes skewed like the real corpus (mean about 3.5 KB), from 2 KB to 10 KB
        target = self.r.choice([2000, 2000, 2200, 2400, 2600, 2800, 3000, 3300, 3600, 4200, 5000, 6500, 8500])
        pool = FILLER_OFF if kind == "offtopic" else FILLER_DIPLO
        # pad with paragraphs of filler up to the target size (2-10 KB)
        while sum(len(x.encode()) for x in body) < target:
            body.insert(self.r.randint(2, len(body)), self.filler(pool, self.r.randint(2, 5)))
        if kind != "offtopic" and self.r.random() < 0.5:
            self._agreement(p, body)
        if kind == "conference" and self.r.random() < 0.7:
            self._priorities(p, body, year, month)
        sig = self.vn(used)
        p.forbidden.append(sig)
        body.append(sig)
        lines = [f"https://news.example.vn/bai-viet-{i}.html", f"date {year}-{month:02d}", *body, *self.furniture(p, used)]
        return "\n".join(lines) + "\n", p

    def _headline_and_lead(self, headline: str, lead: str, p: Planted, used: set[str]) -> list[str]:
        lead = f"{lead} {self.credit(p, used)}" if self.r.random() < 0.5 else lead
        return [headline, lead]

    def _conference(self, p: Planted, used: set[str], year: int, month: int) -> list[str]:
        template, kind = self.r.choice(CONFERENCES)
        # a review of year N is held in December of N or January of N+1
        if kind == "review":
            month = self.r.choice([12, 1])
            ref_year = year if month == 12 else year - 1
        else:
            ref_year = year
        name = template.format(y=ref_year, n=self.r.randint(10, 40), c=self.r.choice(COUNTRIES))
        day = self.r.randint(1, 28)
        self.month = month
        organizer = self.r.choice(ORGANIZERS)
        city = self.r.choice(CITIES)
        chair, speaker, attendee = (Person(self.vn(used), t) for t in self.r.sample(VN_POSTS, 3))
        when = self.r.choice([f"Sáng {day}-{month}", f"Ngày {day}/{month}", f"Chiều {day}/{month}"])
        lead = f"{when}, tại {city}, {organizer} tổ chức {name}."
        fronted = self.r.random() < 0.5  # title chain before the name, else titles after it
        chain = fronted and self.r.random() < 0.6
        prefix = f"{self.r.choice(CHAIN_PREFIX)}, " if chain else ""
        lines = self._headline_and_lead(f"{organizer} tổ chức {name[0].lower()}{name[1:]}", lead, p, used)
        if fronted:
            lines.append(f"{prefix}{chair.title} {chair.name} chủ trì hội nghị.")
        else:
            lines.append(f"Đồng chí {chair.name}, {chair.title} chủ trì hội nghị.")
        lines.append(f"Phát biểu khai mạc hội nghị, {speaker.title} {speaker.name} nêu rõ những kết quả quan trọng đã đạt được.")
        lines.append(f"Tham dự hội nghị có {attendee.title} {attendee.name}.")
        parts = [[chair.name, "chair"], [speaker.name, "speaker"], [attendee.name, "attendee"]]
        # a group list: "Dự có các đồng chí Ủy viên Bộ Chính trị: A, <title>; B, <title>."
        if self.r.random() < 0.4:
            g1, g2 = Person(self.vn(used), self.r.choice(VN_POSTS)), Person(self.vn(used), self.r.choice(VN_POSTS))
            lines.append(f"Dự có các đồng chí Ủy viên Bộ Chính trị: {g1.name}, {g1.title}; {g2.name}, {g2.title}.")
            p.posts += [(g1.name, "Ủy viên Bộ Chính trị"), (g2.name, "Ủy viên Bộ Chính trị"),
                        (g1.name, g1.title), (g2.name, g2.title)]
        p.posts += [(chair.name, chair.title), (speaker.name, speaker.title), (attendee.name, attendee.title)]
        if chain:
            p.posts.append((chair.name, prefix.rstrip(", ")))
        p.meetings.append({"kind": "Conference", "name": name, "date": f"{year:04d}-{month:02d}-{day:02d}",
                           "participants": parts})
        self._setter = chair.name
        return lines

    def _talks(self, p: Planted, used: set[str], year: int, month: int) -> list[str]:
        day = self.r.randint(1, 28)
        a = Person(self.vn(used), self.r.choice(VN_POSTS))
        country = self.r.choice(COUNTRIES)
        b = Person(self.foreign(used), self.r.choice(FOREIGN_POSTS).format(c=country))
        verb, kind = self.r.choice([("hội đàm với", "Talks"), ("điện đàm với", "PhoneCall")])
        lead = f"Chiều {day}/{month}, {a.title} {a.name} {verb} {b.title} {b.name}."
        lines = self._headline_and_lead(f"Việt Nam và {country} thúc đẩy hợp tác", lead, p, used)
        lines.append(f"Tại cuộc {verb.split()[0]} {verb.split()[1]}, hai bên nhất trí tăng cường hợp tác trên nhiều lĩnh vực.")
        p.posts += [(a.name, a.title), (b.name, b.title)]
        p.meetings.append({"kind": kind, "name": None, "date": f"{year:04d}-{month:02d}-{day:02d}",
                           "participants": [[a.name, "attendee"], [b.name, "attendee"]]})
        return lines

    def _visit(self, p: Planted, used: set[str], year: int, month: int) -> list[str]:
        a = Person(self.vn(used), self.r.choice(["Thứ trưởng Bộ Ngoại giao", "Bộ trưởng Bộ Công Thương", "Phó Thủ tướng",
                                                 "Chủ tịch Quốc hội", "Bộ trưởng Bộ Ngoại giao"]))
        country = self.r.choice(COUNTRIES)
        lead = f"Từ ngày {self.r.randint(1, 20)}/{month}, {a.title} {a.name} thăm chính thức {country}."
        lines = self._headline_and_lead(f"Thúc đẩy quan hệ Việt Nam - {country}", lead, p, used)
        p.posts.append((a.name, a.title))
        p.meetings.append({"kind": "Visit", "name": None, "date": None, "participants": [[a.name, "attendee"]]})
        return lines

    def _reception(self, p: Planted, used: set[str], year: int, month: int) -> list[str]:
        day = self.r.randint(1, 28)
        a = Person(self.vn(used), self.r.choice(VN_POSTS))
        country = self.r.choice(COUNTRIES)
        b = Person(self.foreign(used), f"Đại sứ {country} tại Việt Nam")
        lead = f"Ngày {day}/{month}, tại {self.r.choice(CITIES)}, {a.title} {a.name} tiếp {b.title} {b.name}."
        lines = self._headline_and_lead(f"Tiếp Đại sứ {country}", lead, p, used)
        p.posts += [(a.name, a.title), (b.name, b.title)]
        p.meetings.append({"kind": "Reception", "name": None, "date": f"{year:04d}-{month:02d}-{day:02d}",
                           "participants": [[a.name, "attendee"], [b.name, "attendee"]]})
        return lines

    def _offtopic(self, p: Planted, used: set[str], year: int, month: int) -> list[str]:
        return [self.r.choice(NEWS_TITLES), self.filler(FILLER_OFF, 3)]

    def _agreement(self, p: Planted, body: list[str]) -> None:
        template, abbr_t = self.r.choice(AGREEMENT_KINDS)
        country = self.r.choice(COUNTRIES)
        letters = "".join(c for c in unicodedata.normalize("NFKD", country) if c.isascii() and c.isalpha())
        name = template.format(c=country)
        abbr = abbr_t.format(x=letters[:1].upper() + letters[-1:].upper())
        if abbr in self.lex.agreements:
            return
        body.insert(self.r.randint(2, len(body)), self.r.choice(AGREEMENT_ACTIONS).format(name=name, abbr=abbr))
        p.agreements.append((abbr, name))

    def _priorities(self, p: Planted, body: list[str], year: int, month: int) -> None:
        setter = self._setter
        target_year = year + 1 if month == 12 else year
        title = next(t for n, t in p.posts if n == setter)
        if self.r.random() < 0.3:
            theme = f"{self.r.choice(THEME_HEADS)}, {self.r.choice(THEME_TAILS)}"
            body.insert(3, f"{title} {setter} phát động chủ đề năm {target_year} là: “{theme}”.")
            p.priorities.append((target_year, theme))
            return
        k = self.r.choice([2, 3, 4])
        objects = self.r.sample(PRIORITY_OBJECTS, k)
        items = [f"{self.r.choice(PRIORITY_VERBS)} {o} {self.r.choice(PRIORITY_SCOPES)}" for o in objects]
        lines = [f"{title} {setter} nêu {COUNT_WORDS[k]} trọng tâm cho năm {target_year}."]
        lines += [f"{ORDINALS[j]}, {it}." for j, it in enumerate(items)]
        at = len(body) - 1
        body[at:at] = lines
        p.priorities += [(target_year, it) for it in items]


def generate(n: int, out: str | Path, seed: int = 2024) -> list[Planted]:
    """Write n articles and planted.json into `out`; same n and seed give the same bytes."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    gen = Generator(seed)
    planted: list[Planted] = []
    for i in range(n):
        text, p = gen.article(i)
        (out / p.file).write_text(text, encoding="utf-8")
        planted.append(p)
    data = [p.__dict__ for p in planted]
    (out / "planted.json").write_text(json.dumps(data, ensure_ascii=False, indent=0), encoding="utf-8")
    return planted


def load_planted(folder: str | Path) -> list[dict]:
    return json.loads((Path(folder) / "planted.json").read_text(encoding="utf-8"))


# ----------------------------------------------------------------------------- scoring
_Q = """PREFIX dg: <https://w3id.org/diplograph/ontology#> PREFIX schema: <https://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
SCORE_QUERIES = {
    "posts": _Q + """SELECT ?file ?name ?title WHERE { ?h a dg:PostHolding ; dg:holder ?p ; dg:title ?title ;
        prov:wasDerivedFrom ?a . ?p schema:name ?name . ?a dg:sourceFile ?file }""",
    "meetings": _Q + """SELECT ?file ?name ?date WHERE { ?m a dg:Conference ; prov:wasDerivedFrom ?a .
        { ?m schema:name ?name } UNION { ?m dg:nameVariant ?name } OPTIONAL { ?m dg:date ?date } ?a dg:sourceFile ?file }""",
    "participants": _Q + """SELECT ?file ?kind ?name ?role WHERE { ?x a dg:Participation ; dg:meeting ?m ;
        dg:participant ?p ; dg:role ?r ; prov:wasDerivedFrom ?a . ?m a ?kind . ?p schema:name ?name .
        ?r rdfs:label ?role . ?a dg:sourceFile ?file }""",
    "agreements": _Q + """SELECT ?file ?abbr ?name WHERE { ?act a dg:AgreementAction ; dg:agreement ?g ;
        prov:wasDerivedFrom ?a . ?g dg:abbreviation ?abbr . { ?g schema:name ?name } UNION { ?g skos:altLabel ?name }
        ?a dg:sourceFile ?file }""",
    "priorities": _Q + """SELECT ?file ?year ?text WHERE { ?p a dg:Priority ; dg:text ?text ; dg:year ?year ;
        prov:wasDerivedFrom ?a . ?a dg:sourceFile ?file }""",
    "names": _Q + """SELECT ?file ?name WHERE { ?p a dg:Person ; schema:name ?name ; prov:wasDerivedFrom ?a .
        ?a dg:sourceFile ?file }""",
}
DG = "https://w3id.org/diplograph/ontology#"


def _rows(store, query: str) -> list[tuple[str, ...]]:
    return [tuple(t.value if t is not None else None for t in sol) for sol in store.query(query)]


def score(store, planted: list[dict]) -> dict[str, float | int]:
    """Recall of planted facts per kind and overall, and forbidden names that became people.

    `store` is a pyoxigraph.Store holding the built graph. A planted meeting is found when a meeting
    derived from its article has its name as a prefix of one of its names (or, for meetings named from
    their parties, its kind) and its date; each planted participant when a participation of that
    article has the person, the role and the meeting's kind.
    """
    posts = set(_rows(store, SCORE_QUERIES["posts"]))
    meetings: dict[str, list[tuple[str, str | None]]] = {}
    for f, name, date in _rows(store, SCORE_QUERIES["meetings"]):
        meetings.setdefault(f, []).append((name.casefold(), date))
    parts = {(f, k.removeprefix(DG), n, r) for f, k, n, r in _rows(store, SCORE_QUERIES["participants"])}
    kinds = {(f, k) for f, k, _, _ in parts}
    agreements = {(f, a, n) for f, a, n in _rows(store, SCORE_QUERIES["agreements"])}
    prios = {(f, int(y), t) for f, y, t in _rows(store, SCORE_QUERIES["priorities"])}
    names = set(_rows(store, SCORE_QUERIES["names"]))
    found = {k: [0, 0] for k in ("posts", "meetings", "participants", "agreements", "priorities")}
    forbidden = 0
    for p in planted:
        f = p["file"]
        for name, title in p["posts"]:
            found["posts"][1] += 1
            found["posts"][0] += (f, name, title) in posts
        for m in p["meetings"]:
            found["meetings"][1] += 1
            if m["name"]:
                ok = any(n.startswith(m["name"].casefold()) and d == m["date"] for n, d in meetings.get(f, []))
            else:
                ok = (f, m["kind"]) in kinds and (m["date"] is None or any(d == m["date"] for _, d in meetings.get(f, [])))
            found["meetings"][0] += ok
            for name, role in m["participants"]:
                found["participants"][1] += 1
                found["participants"][0] += (f, m["kind"], name, role) in parts
        for abbr, name in p["agreements"]:
            found["agreements"][1] += 1
            found["agreements"][0] += (f, abbr, name) in agreements
        for year, text in p["priorities"]:
            found["priorities"][1] += 1
            found["priorities"][0] += (f, year, text) in prios
        forbidden += sum(1 for n in p["forbidden"] if (f, n) in names)
    out: dict[str, float | int] = {k: (a / b if b else 1.0) for k, (a, b) in found.items()}
    total = sum(b for _, b in found.values())
    out["recall"] = sum(a for a, _ in found.values()) / total if total else 1.0
    out["planted"] = total
    out["forbidden"] = forbidden
    return out


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__.split("\n\n")[1])
        return 2
    n, out = int(argv[0]), argv[1]
    seed = int(argv[2]) if len(argv) > 2 else 2024
    planted = generate(n, out, seed)
    print(f"wrote {n} articles and {sum(len(p.posts) + len(p.meetings) + len(p.agreements) + len(p.priorities) for p in planted)}"
          f" planted facts to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
