"""Posts: title heads and their complements before and after a name, composed posts, titles shared
along a list (the post rules of a sentence analysis)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..facts import Post
from ..lexicon import Entry
from ..rules import Example, rule
from ..tokens import BREAKERS, HONORIFICS, INNER_LINKS, STRONG_BREAKERS, TITLE_INNER, is_vietnamese_syllable
from ..wordclasses import meanings, word_set, words
from .drafts import Mention, TitleSpan
from .names import ENGLISH_TITLE_WORDS, EPONYM_HEADS, MINISTRY_FIELDS, PARTY_OR_MINISTRY_WORDS, eponym_in_complement

if TYPE_CHECKING:  # annotations only: the analysis calls these functions
    from .sentence import SentenceAnalysis

QUALIFIERS = meanings("qualifiers")  # data/word_classes.ttl

ORG_HEADS = words("organization-heads")  # data/word_classes.ttl
ORG_HEAD_SET = frozenset(ORG_HEADS)

# Words before a post that make it part of another post ("Trợ lý Bộ trưởng", "Phó Tổng Tham mưu trưởng").
POST_MODIFIERS = meanings("post-modifiers")  # data/word_classes.ttl

LOWER_MINISTRY_FIELDS = {f.casefold() for f in MINISTRY_FIELDS}  # R_LOWER_FIELD

# R_RELATIONAL: heads whose post is "of" the title right after them ("Cố vấn Tổng thống Nga X" is the adviser)
RELATIONAL_HEADS = word_set("relational-heads")  # data/word_classes.ttl

# Lower-case words that lead a place inside a complement ("Trưởng Đoàn đại biểu Quốc hội thành phố Cần Thơ").
PLACE_LEADS = word_set("place-leads")  # data/word_classes.ttl

R_TITLE = rule(
    "post.title-next-to-name",
    "A post is a title head from the lexicon with its complement, right before the name or after it past a comma or dash.",
    [Example("Tiếp\nChiều 4/5, Bộ trưởng Bộ Ngoại giao Lê Văn Tám đã tiếp Đại sứ Nhật Bản Kenji Ono.",
             {"kind": "post", "name": "Lê Văn Tám", "title": "Bộ trưởng Bộ Ngoại giao"}),
     Example("Tiếp\nChiều 4/5, ông Lê Văn Tám, Thứ trưởng Bộ Ngoại giao, đã tiếp Đại sứ Nhật Bản Kenji Ono.",
             {"kind": "post", "name": "Lê Văn Tám", "title": "Thứ trưởng Bộ Ngoại giao"})])

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

R_MODIFIER = rule(
    "post.compose.modifier",
    "A modifier before a post (Phó, Trợ lý, Thư ký) composes a new post with it.",
    [Example("Phát biểu\nTrợ lý Bộ trưởng Bộ Công Thương Cao Văn Hào phát biểu.",
             {"kind": "post", "name": "Cao Văn Hào", "title": "Trợ lý Bộ trưởng Bộ Công Thương"})])

R_LOWER_COMPLEMENT = rule(
    "post.complement.lower-case",
    "An organization's lower-case field (Sở kế hoạch và đầu tư; after a name up to five words that end at a capital or "
    "punctuation: 'X, cựu Thứ trưởng Bộ tài chính Mỹ,') or a place lead (thành phố X) stays in the post; a lower-case "
    "verb after the post's place ends it.",
    [Example("Phát biểu\nGiám đốc Sở kế hoạch và đầu tư Mai Văn Tân phát biểu.",
             {"kind": "post", "name": "Mai Văn Tân", "title": "Giám đốc Sở kế hoạch và đầu tư"}),
     Example("Phát biểu\nÔng John Reed, cựu Thứ trưởng Bộ tài chính Mỹ, cho biết kinh tế sẽ phục hồi.",
             {"kind": "post", "name": "John Reed", "title": "cựu Thứ trưởng Bộ tài chính Mỹ"}),
     Example("Phát biểu\nÔng Lê Văn Tám, Phó Giám đốc Sở y tế Quảng Nam cam kết sẽ xử lý.",
             {"kind": "post", "name": "Lê Văn Tám", "title": "Phó Giám đốc Sở y tế Quảng Nam cam"}, present=False)])

R_RELATIONAL = rule(
    "post.compose.relational",
    "A relational post right before another title ('Cố vấn Tổng thống Nga X', 'Người phát ngôn Tổng thống Y', 'Chánh Văn "
    "phòng Thủ tướng Z') composes one post: the name holds the relational post, not the title after it.",
    [Example("Họp báo\nNgười phát ngôn Tổng thống Nga Ivan Petrov cho biết hai bên sẽ gặp nhau.",
             {"kind": "post", "name": "Ivan Petrov", "title": "Người phát ngôn Tổng thống Nga"}),
     Example("Tháp tùng\nTháp tùng có Chánh Văn phòng Thủ tướng Lý Văn Minh.",
             {"kind": "post", "name": "Lý Văn Minh", "title": "Chánh Văn phòng Thủ tướng"}),
     Example("Họp báo\nPhát ngôn viên Tổng thống Carter, ông John Reed phủ nhận thông tin này.",
             {"kind": "post", "name": "Carter", "title": "Phát ngôn viên Tổng thống"}, present=False)])
R_COUNTERPART = rule(
    "post.counterpart",
    "'A gặp người đồng cấp <country> B': B holds A's post of that country ('Ngoại trưởng Mỹ A … người đồng cấp Nga B' → "
    "'Ngoại trưởng Nga').",
    [Example("Gặp\nNgày 7/7, Ngoại trưởng Mỹ John Carter đã gặp người đồng cấp Nga Ivan Petrov tại Hamburg.",
             {"kind": "post", "name": "Ivan Petrov", "title": "Ngoại trưởng Nga"}),
     Example("Gặp\nNgày 7/7, Ngoại trưởng Mỹ John Carter đã gặp người đồng cấp Nga Ivan Petrov tại Hamburg.",
             {"kind": "participant", "name": "Ivan Petrov", "meeting": "John Carter"})])
R_OBJECT_TITLE = rule(
    "post.refuse.object-title",
    "A title after 'với', 'gặp', 'tiếp' … before a comma ('Tại cuộc gặp với Tổng Giám đốc WHO, Thủ tướng X …') is the "
    "object's, not a post in the next name's chain.",
    [Example("Gặp\nTại cuộc gặp với Tổng Giám đốc WHO, Thủ tướng Trần Văn Bảo chúc mừng ông John Reed.",
             {"kind": "post", "name": "Trần Văn Bảo", "title": "Tổng Giám đốc WHO"}, present=False)])
R_LOWER_FIELD = rule(
    "post.complement.lower-field",
    "A field of government in lower case right after a post's head stays in the post ('bộ trưởng ngoại giao Trung Quốc "
    "X', 'X, ủy viên Quốc vụ, bộ trưởng ngoại giao Trung Quốc').",
    [Example("Tiếp\nTổng Bí thư Trần Văn Bảo tiếp ông Lý Minh, ủy viên Quốc vụ, bộ trưởng ngoại giao Trung Quốc.",
             {"kind": "post", "name": "Lý Minh", "title": "bộ trưởng ngoại giao Trung Quốc"}),
     Example("Gặp\nHôm qua, bộ trưởng quốc phòng Mỹ John Carter đã tới Hà Nội.",
             {"kind": "post", "name": "John Carter", "title": "bộ trưởng quốc phòng Mỹ"})])
R_NOPOST_COMPLEMENT = rule(
    "post.complement.nopost-word",
    "A no-post word right after a post's head is its complement ('Thủ tướng Quốc vụ viện Trung Quốc X').",
    [Example("Hội kiến\nChủ tịch nước hội kiến với Thủ tướng Quốc Vụ viện Trung Quốc Lý Minh Quang.",
             {"kind": "post", "name": "Lý Minh Quang", "title": "Thủ tướng Quốc Vụ viện Trung Quốc"})])
R_NEXT_HOLDER = rule(
    "post.after-name.next-holder-chain",
    "Titles after a name's comma that run on to another name ('A, Phó Thủ tướng, Bộ trưởng B') are B's posts, not A's.",
    [Example("Mặc niệm\nChủ tịch nước Lê Văn Tám, Phó Thủ tướng, Bộ trưởng Bộ Ngoại giao Trần Văn Bảo cùng các đại biểu "
             "dành phút mặc niệm.", {"kind": "post", "name": "Lê Văn Tám", "title": "Phó Thủ tướng"}, present=False),
     Example("Mặc niệm\nChủ tịch nước Lê Văn Tám, Phó Thủ tướng, Bộ trưởng Bộ Ngoại giao Trần Văn Bảo cùng các đại biểu "
             "dành phút mặc niệm.", {"kind": "post", "name": "Trần Văn Bảo", "title": "Phó Thủ tướng"})])
R_PLURAL_TITLE = rule(
    "post.refuse.plural-title",
    "A plural title ('hai Thủ tướng', 'các Bộ trưởng') before a comma is no post of the next name in a title chain.",
    [Example("Trao công hàm\nTrước sự chứng kiến của hai Thủ tướng, Thứ trưởng Bộ Ngoại giao Lê Văn Tám đã trao công hàm.",
             {"kind": "post", "name": "Lê Văn Tám", "title": "Thủ tướng"}, present=False),
     Example("Trao công hàm\nTrước sự chứng kiến của hai Thủ tướng, Thứ trưởng Bộ Ngoại giao Lê Văn Tám đã trao công hàm.",
             {"kind": "post", "name": "Lê Văn Tám", "title": "Thứ trưởng Bộ Ngoại giao"})])
R_GROUP_TITLE_SCOPE = rule(
    "post.group-title.until-next-colon",
    "A group title before a colon ('các đồng chí Ủy viên Bộ Chính trị: A, B; các đồng chí Ủy viên Trung ương Đảng: C') is shared up to the next colon, where the next group title takes over.",
    [Example("Đoàn đại biểu\nĐoàn gồm các đồng chí Ủy viên Bộ Chính trị: Lê Văn Tám - Phó Thủ tướng; các đồng chí Ủy viên Trung ương Đảng: Trần Văn Bảy - Bộ trưởng Bộ Tư pháp, Hoàng Văn Chín - Thứ trưởng Bộ Ngoại giao.",
             {"kind": "post", "name": "Trần Văn Bảy", "title": "Ủy viên Bộ Chính trị"}, present=False),
     Example("Đoàn đại biểu\nĐoàn gồm các đồng chí Ủy viên Bộ Chính trị: Lê Văn Tám - Phó Thủ tướng; các đồng chí Ủy viên Trung ương Đảng: Trần Văn Bảy - Bộ trưởng Bộ Tư pháp, Hoàng Văn Chín - Thứ trưởng Bộ Ngoại giao.",
             {"kind": "post", "name": "Hoàng Văn Chín", "title": "Ủy viên Trung ương Đảng"}),
     Example("Đoàn đại biểu\nĐoàn gồm các đồng chí Ủy viên Bộ Chính trị: Lê Văn Tám - Phó Thủ tướng; Trần Văn Bảy - Bộ trưởng Bộ Tư pháp.",
             {"kind": "post", "name": "Trần Văn Bảy", "title": "Ủy viên Bộ Chính trị"})])

R_THIS_COUNTRY = rule(
    "post.complement.this-country",
    "'nước này' (this country) ending a post refers back to a country named before: the post is written without it ('Bộ trưởng Quốc phòng nước này X' → 'Bộ trưởng Quốc phòng').",
    [Example("Quốc phòng\nTheo Reuters, Bộ trưởng Quốc phòng nước này John Reed ngày 12/5 cho biết Australia sẽ tăng chi tiêu.",
             {"kind": "post", "name": "John Reed", "title": "Bộ trưởng Quốc phòng"}),
     Example("Quốc phòng\nTheo Reuters, Bộ trưởng Quốc phòng nước này John Reed ngày 12/5 cho biết Australia sẽ tăng chi tiêu.",
             {"kind": "post", "name": "John Reed", "title": "Bộ trưởng Quốc phòng nước này"}, present=False),
     Example("Quốc phòng\nBộ trưởng Quốc phòng Australia John Reed ngày 12/5 cho biết nước này sẽ tăng chi tiêu.",
             {"kind": "post", "name": "John Reed", "title": "Bộ trưởng Quốc phòng Australia"})])

R_POSSESSOR_BEFORE = rule(
    "post.possessor.before-name",
    "In '<post> của <title> Y' right before Y, Y is the possessor: Y holds only <title>; the post before 'của' is someone else's.",
    [Example("Bầu cử\nÔng Tom Baker, cựu trợ lý của Tổng thống Mỹ John Carter, cho biết.",
             {"kind": "post", "name": "John Carter", "title": "cựu trợ lý của Tổng thống Mỹ"}, present=False),
     Example("Bầu cử\nÔng Tom Baker, cựu trợ lý của Tổng thống Mỹ John Carter, cho biết.",
             {"kind": "post", "name": "John Carter", "title": "Tổng thống Mỹ"}),
     Example("Họp báo\nNgày 8/6, người phát ngôn của Tổng thống Nga Ivan Petrov tuyên bố hai bên sẽ gặp nhau.",
             {"kind": "post", "name": "Ivan Petrov", "title": "người phát ngôn của Tổng thống Nga"})])

# R_OBJECT_TITLE: words after which a title is the object of a verb or preposition, not part of the next name's chain.
OBJECT_LEADS = word_set("object-leads")  # data/word_classes.ttl
FRONTED_LEAD = re.compile(r"^\s*(?:\*\s*)?(?:Tại|Trong|Sau|Qua|Khi|Trước|Nhân|Gặp|Tiếp|Hội kiến|Điện đàm|Hội đàm)\b[^,;]*$")

# R_PLURAL_TITLE: words before a title that make it plural ("hai Thủ tướng", "các Bộ trưởng").
PLURAL_LEADS = word_set("plural-leads")  # data/word_classes.ttl

ORG_FIRST_WORDS = word_set("organization-first-words")  # data/word_classes.ttl

# Words after which a title is an office being taken or given, not the next name's post.
TAKES_OFFICE = word_set("takes-office")  # data/word_classes.ttl


R_ORG_NAMED_BY_TITLE = rule(
    "post.complement.org-named-by-title",
    "A title word right after an organization's first word names the organization ('Cục trưởng Cục Lãnh sự X': the "
    "Consular Department), inside the complement of the title before it, not a post of its own.",
    [Example("Lãnh sự\nCục trưởng Cục Lãnh sự Bộ Ngoại giao Lê Văn Tám cho biết thủ tục đã đơn giản hơn.",
             {"kind": "post", "name": "Lê Văn Tám", "title": "Cục trưởng Cục Lãnh sự Bộ Ngoại giao"}),
     Example("Lãnh sự\nTổng Lãnh sự Việt Nam tại Lào Lê Văn Tám cho biết thủ tục đã đơn giản hơn.",
             {"kind": "post", "name": "Lê Văn Tám", "title": "Cục trưởng"}, present=False)])
R_INNER_PLURAL = rule(
    "post.complement.inner-plural",
    "'các' between capitals inside a post's complement ('Tư lệnh Tối cao các Lực lượng Vũ trang X'), the compound "
    "'Nội các' (cabinet: 'Chánh Văn phòng Nội các Nhật Bản X') and a capital's compound ('đảng Dân chủ') stay in the post.",
    [Example("Điện đàm\nChánh Văn phòng Nội các Nhật Bản Taro Yamada cho biết hai bên sẽ gặp nhau.",
             {"kind": "post", "name": "Taro Yamada", "title": "Chánh Văn phòng Nội các Nhật Bản"}),
     Example("Điện đàm\nPhó Tư lệnh Tối cao các Lực lượng Vũ trang Oman Khalid bin Said Al-Rawahi đã điện đàm với Bộ "
             "trưởng Quốc phòng Lê Văn Tám.",
             {"kind": "post", "name": "Khalid bin Said Al-Rawahi", "title": "Phó Tư lệnh Tối cao các Lực lượng Vũ trang Oman"}),
     Example("Họp\nBộ trưởng Ngoại giao các nước ASEAN đã họp tại Hà Nội.", {"kind": "no-person"}),
     Example("Phỏng vấn\nBà Mary Reed, nghị sĩ đảng Dân chủ từ bang Ohio, nói với báo chí.",
             {"kind": "post", "name": "Mary Reed", "title": "nghị sĩ đảng Dân chủ"})])


def inner_plural(an: SentenceAnalysis, k: int) -> bool:
    """R_INNER_PLURAL: token k is 'các' inside an organization's name of a complement (between a capital and a
    capital that opens no name) or closes the compound 'Nội các'."""
    toks = an.toks
    if toks[k].text != "các" or k == 0:
        return False
    if not toks[k - 1].text[:1].isupper() and not (k >= 2 and toks[k - 2].text[:1].isupper()
                                                   and toks[k - 1].text in TITLE_INNER):
        return False  # "Tối cao các Lực lượng": a capital, or a capital and an inner word ("cao"), before it
    if toks[k - 1].text == "Nội":
        return True
    return k + 1 < len(toks) and toks[k + 1].text[:1].isupper() and (k + 1) not in an.name_tokens \
        and (k + 1) not in an.title_cover


R_IN_CHARGE_OF = rule(
    "post.complement.in-charge-of",
    "What a post is in charge of ('phụ trách vấn đề Mỹ', up to four lower-case words after 'phụ trách') stays in the "
    "post before the name: 'Tổng giám đốc phụ trách vấn đề châu Âu của Bộ Ngoại giao Nhật Bản X'.",
    [Example("Đối thoại\nTổng giám đốc phụ trách vấn đề châu Âu của Bộ Ngoại giao Nhật Bản Taro Yamada đã tới Hà Nội.",
             {"kind": "post", "name": "Taro Yamada",
              "title": "Tổng giám đốc phụ trách vấn đề châu Âu của Bộ Ngoại giao Nhật Bản"})])


def in_charge_of(an: SentenceAnalysis, k: int) -> bool:
    """R_IN_CHARGE_OF: token k is one of the four lower-case words after 'phụ trách' (no strong breaker)."""
    toks = an.toks
    if toks[k].text.lower() in STRONG_BREAKERS:
        return False
    for back in range(1, 5):
        if k - back - 1 < 0:
            return False
        if toks[k - back - 1].text.lower() == "phụ" and toks[k - back].text.lower() == "trách":
            return all(t.is_word for t in toks[k - back + 1:k + 1])
    return False


def lower_word_ok(an: SentenceAnalysis, k: int, b: int, org_open: bool, lower_run: int) -> bool | None:
    """A lower-case word k of a title's complement: it may stand there (True), ends it (False), or
    goes on an organization's lower-case field (None: counted in `lower_run`)."""
    w = an.toks[k].text
    lw = w.lower()
    if lw in PLACE_LEADS and k + 1 < b:
        return True  # R_LOWER_COMPLEMENT: "thành phố Cần Thơ"
    if in_charge_of(an, k):
        return True  # R_IN_CHARGE_OF: "Tổng giám đốc phụ trách vấn đề Mỹ của Bộ Ngoại giao X"
    if org_open and lw not in STRONG_BREAKERS and lw not in BREAKERS and not w.isdigit() and lower_run < 5:
        return None  # R_LOWER_COMPLEMENT: "Sở kế hoạch và đầu tư" (at most five words after the head)
    prev = an.toks[k - 1] if k > 0 else None
    prev_cap = prev is not None and prev.text[0].isupper()
    if lw in STRONG_BREAKERS or (lw in BREAKERS and lw not in INNER_LINKS and not prev_cap):
        return False
    return lw in TITLE_INNER or prev_cap


def lower_field(an: SentenceAnalysis, k: int) -> bool:
    """R_LOWER_FIELD: tokens k, k+1 are a field of government written in lower case ('ngoại giao', 'quốc phòng')
    right after a post's head, as news outlets write long posts."""
    toks = an.toks
    return k + 1 < len(toks) and toks[k].text.islower() and \
        f"{toks[k].text} {toks[k + 1].text}".casefold() in LOWER_MINISTRY_FIELDS


def punct_ok(an: SentenceAnalysis, k: int, a: int, b: int) -> bool:
    """May the punctuation token k stand inside the complement at tokens a..b-1? A dash (R_TITLE_DASH: 'Bộ trưởng Bộ
    Tư pháp - Đỗ Văn A') and an '&' of a ministry or glued inside a company's name (R_COMPANY_FRONT: 'Bộ TT&TT',
    'Mega T&T')."""
    w, t = an.toks[k].text, an.toks[k]
    if w in "-–" and (a < k < b - 1 or (k == b - 1 and k > a)):
        return True
    return w == "&" and a < k < b - 1 and (k in an.gaz_cover or an.toks[k - 1].end == t.start
                                          and t.end == an.toks[k + 1].start)


def gap_ok(an: SentenceAnalysis, a: int, b: int) -> bool:
    """Can tokens a..b-1 stand between a title head and the name (the title's complement)?"""
    if b - a > 14:
        return False
    if b > a and an.toks[b - 1].text.lower() in ("của", "tại", "và", "về", "người", "cấp"):
        return False  # a dangling link word: the title continues into something that is not there
    org_open = False
    lower_run = 0
    for k in range(a, b):
        t = an.toks[k]
        w = t.text
        if k in an.paren_abbr:
            continue
        if k in an.name_tokens:
            return False  # another person stands between
        if w.lower() == "này" and k > a and an.toks[k - 1].text.lower() == "nước":
            continue  # "Tổng thống nước này Moon Jae-in"
        if not t.is_word:
            if punct_ok(an, k, a, b):
                continue
            return False
        if w[0].isupper() or w.isupper():
            org_open = w in ORG_FIRST_WORDS
            lower_run = 0
            continue
        if k in an.gaz_cover:
            continue  # inside a place or organization ("Cộng hòa xã hội chủ nghĩa Việt Nam")
        if (k == a and k + 1 < b and lower_field(an, k)) or (k == a + 1 and lower_field(an, a)):
            continue  # R_LOWER_FIELD: "bộ trưởng ngoại giao Trung Quốc Vương Nghị"
        if inner_plural(an, k):
            continue  # R_INNER_PLURAL: "Tư lệnh Tối cao các Lực lượng Vũ trang", "Chánh Văn phòng Nội các"
        ok = lower_word_ok(an, k, b, org_open, lower_run)
        if ok is None:
            lower_run += 1
        elif not ok:
            return False
    return True


def qualify(an: SentenceAnalysis, start: int) -> tuple[int, str | None]:
    """Extend a title to the left over 'Quyền', 'cựu', 'ứng cử viên'."""
    toks = an.toks
    if start >= 2 and toks[start - 1].text.lower() == "quyền" and toks[start - 2].text.lower() == "chính":
        return start, None  # R_COMPOUND: "chính quyền Tổng thống Trump" is no acting president
    if start >= 3 and " ".join(t.text.lower() for t in toks[start - 3:start]) in QUALIFIERS:
        return start - 3, QUALIFIERS[" ".join(t.text.lower() for t in toks[start - 3:start])]
    if start >= 2 and " ".join(t.text.lower() for t in toks[start - 2:start]) in QUALIFIERS:
        return start - 2, QUALIFIERS[" ".join(t.text.lower() for t in toks[start - 2:start])]
    if start >= 1 and toks[start - 1].text.lower() in QUALIFIERS:
        return start - 1, QUALIFIERS[toks[start - 1].text.lower()]
    return start, None


def title_ending_at(an: SentenceAnalysis, j: int) -> tuple[int, int, TitleSpan] | None:
    """The title whose complement ends at token j (inclusive): nearest head with a clean gap."""
    best = None
    for span in an.titles:
        if span.tok_end - 1 <= j and (best is None or span.tok_end > best.tok_end):
            if gap_ok(an, span.tok_end, j + 1):
                best = span
    if best is None:
        return None
    if best.kind == "nopost":
        # R_NOPOST_COMPLEMENT: "Thủ tướng Quốc vụ viện Trung Quốc X": a no-post word right after a post is its complement
        prev = next((sp for sp in an.titles if sp.tok_end == best.tok_start and sp.kind != "nopost"), None)
        if prev is not None and gap_ok(an, prev.tok_end, j + 1):
            best = prev
    outer = org_named_by_title(an, best, j)
    if outer is not None:
        best = outer  # R_ORG_NAMED_BY_TITLE: "Cục trưởng Cục Lãnh sự X": "Lãnh sự" names the department
    # a nearer head with a bad gap means the nearer clause is not a title: keep best only if no head sits in its gap
    return best.tok_start, j + 1, best


def org_named_by_title(an: SentenceAnalysis, span: TitleSpan, j: int) -> TitleSpan | None:
    """R_ORG_NAMED_BY_TITLE: a title head right after an organization's first word ('Cục Lãnh sự', 'Văn phòng Thủ
    tướng') is the organization's name, inside the complement of the title before it: that title, when there is one."""
    for n in (1, 2):
        k = span.tok_start - n
        if k < 1 or " ".join(t.text for t in an.toks[k:span.tok_start]) not in ORG_HEAD_SET:
            continue
        prev = next((sp for sp in an.titles if sp.tok_end == k and sp.kind != "nopost"), None)
        if prev is not None and gap_ok(an, prev.tok_end, j + 1):
            return prev
    return None


def title_starting_at(an: SentenceAnalysis, i: int) -> tuple[int, int, TitleSpan] | None:
    """A title that starts at token i and runs forward (titles after a name)."""
    start, _ = qualify_forward(an, i)
    span = an.title_cover.get(start)
    if span is None or span.tok_start != start:
        return None
    j = span.tok_end
    k = j
    lower_run = 0
    org_open = False
    while k < len(an.toks) and k - j < 10:
        t = an.toks[k]
        w = t.text
        if not t.is_word:
            if w in "-–&" and k + 1 < len(an.toks) and an.toks[k + 1].is_cap and an.toks[k - 1].is_cap \
                    and (w != "&" or an.toks[k - 1].end == t.start and t.end == an.toks[k + 1].start):
                k += 1  # "Bộ Lao động - Thương binh", R_COMPANY_FRONT: "Tổng giám đốc Vina T&T"
                continue
            break
        if k in an.title_cover or k in an.name_tokens:
            break
        if w[0].isupper():
            if looks_like_person_start(an, k):
                m = k
                while m < len(an.toks) and an.toks[m].is_cap:
                    m += 1
                if not eponym_in_complement(an, k, m):
                    break  # R_EPONYM_COMPLEMENT: "A - Giám đốc Học viện … quốc gia Y," goes on as the organization
            if glued_clause_opener(an, k):
                break  # R_RUN_IN: "… ngoại giao Mỹ Trong tương lai", "… Yên Bái Ngày 9/6": the next clause, glued on
            lower_run = 0
            org_open = w in ORG_FIRST_WORDS and w not in ("Trung", "Tổng")  # R_LOWER_COMPLEMENT: "Bộ tài chính Mỹ"
            k += 1
            continue
        if k == j and lower_field(an, k):
            k += 2  # R_LOWER_FIELD: "bộ trưởng ngoại giao Trung Quốc"
            continue
        step = lower_after_step(an, k, lower_run, org_open)
        if step is None:
            break
        lower_run = step
        org_open = org_open or w in LOWER_ORG_HEADS  # R_LOWER_COMPLEMENT: "giám đốc viện chính sách X"
        k += 1
    while k > j and an.toks[k - 1].text.lower() in ("tại", "của", "và", "về", "người", "cấp", "kiêm", "phụ trách"):
        k -= 1
    return i, k, span


# R_LOWER_COMPLEMENT: a capital and a lower-case word that is otherwise a breaker, one compound ("đảng Dân chủ")
CAPITAL_COMPOUNDS = word_set("capital-compounds")  # data/word_classes.ttl
# R_LOWER_COMPLEMENT: an organization's first word written in lower case ("giám đốc viện chính sách New American")
LOWER_ORG_HEADS = frozenset({"viện", "bộ", "sở", "cục", "vụ", "ban", "ủy", "uỷ"})
# R_LOWER_COMPLEMENT: lower-case words that go on a post after its place ("Đại sứ Mỹ ở Trung Quốc", "… thuộc Bộ …")
PLACE_FOLLOWERS = frozenset({"ở", "thuộc", "tại", "của", "về", "phụ", "bên", "cạnh", "kiêm"})


def org_field_closes(an: SentenceAnalysis, k: int, room: int) -> bool:
    """R_LOWER_COMPLEMENT: do the lower-case words from token k (at most `room`, none a breaker) end at a capital or
    at punctuation, as an organization's field does ('Bộ tài chính Mỹ', 'Văn phòng chính phủ,'), not at a verb?"""
    toks = an.toks
    for x in range(k, min(len(toks), k + room + 1)):
        w = toks[x].text
        if not toks[x].is_word:
            return w in ",.;:)" and x > k
        if w[0].isupper():
            return not any(c[0] == x and c[1] - c[0] > 1 for c in an.candidates)  # a name there: no field of it
        if w.lower() in STRONG_BREAKERS or w.lower() in BREAKERS:
            return False
    return False


def glued_clause_opener(an: SentenceAnalysis, k: int) -> bool:
    """R_RUN_IN: the capital at token k opens the next clause glued to a post ('Trong tương lai', 'Ngày 9/6')."""
    toks = an.toks
    if k + 1 >= len(toks):
        return False
    nxt = toks[k + 1].text
    return (toks[k].text in ("Trong", "Tại", "Theo", "Sau", "Khi", "Trước") and nxt.islower()) or \
        (toks[k].text in ("Ngày", "Sáng", "Chiều", "Tối", "Trưa", "Đêm", "Hôm")
         and (nxt[:1].isdigit() or nxt in ("nay", "qua", "cùng", "mai")))  # not "Tối cao" (supreme)


def after_place(an: SentenceAnalysis, k: int) -> bool:
    """R_LOWER_COMPLEMENT: the capitals right before token k name a place after a lower-case place lead
    ('huyện Quế Võ')."""
    toks = an.toks
    m = k - 1
    while m >= 0 and toks[m].text[:1].isupper():
        m -= 1
    return m < k - 1 and m >= 0 and toks[m].text in PLACE_LEADS


def lower_after_step(an: SentenceAnalysis, k: int, lower_run: int, org_open: bool) -> int | None:
    """A lower-case word k of a title after a name: the count of lower-case words run so far once it is taken, or
    None where it ends the title. After an organization's first word ('Bộ', 'Văn phòng', 'Ủy ban') up to five
    lower-case words of its field stay (R_LOWER_COMPLEMENT: 'cựu Thứ trưởng Bộ tài chính Mỹ')."""
    w = an.toks[k].text
    lw = w.lower()
    if lw in PLACE_LEADS and k + 1 < len(an.toks) and an.toks[k + 1].text[:1].isupper() and (k + 1) not in an.name_tokens:
        return lower_run  # R_LOWER_COMPLEMENT: "Bí thư Đảng ủy xã Châu Bình"
    plural_inside = inner_plural(an, k) or f"{an.toks[k - 1].text} {w}" in CAPITAL_COMPOUNDS  # "Tối cao các", "Dân chủ"
    if (lw in STRONG_BREAKERS or (lw in BREAKERS and lw not in INNER_LINKS)) and not plural_inside:
        return None
    if lw not in PLACE_FOLLOWERS and an.toks[k - 1].text != "Pháp" and (
            ((place := an.gaz_cover.get(k - 1)) is not None and place.kind in ("country", "place")
             and an.gaz_cover.get(k) is not place) or after_place(an, k)):
        return None  # R_LOWER_COMPLEMENT: "Sở y tế Quảng Nam | cam kết": the post ends at its place ("Pháp chế" is law)
    if lw in TITLE_INNER or plural_inside:
        return lower_run
    if k >= 2 and f"{an.toks[k - 2].text.lower()} {an.toks[k - 1].text.lower()}" == "phụ trách":
        return -3  # "phụ trách các vấn đề Đông Á": what the post is in charge of belongs to it
    if org_open and 0 <= lower_run < 5 and not w.isdigit() and org_field_closes(an, k, 5 - lower_run):
        return lower_run + 1
    lower_run += 1
    if lower_run > 2 or not an.toks[k - 1].text[0].isupper():
        return None
    return lower_run


def qualify_forward(an: SentenceAnalysis, i: int) -> tuple[int, str | None]:
    toks = an.toks
    for n in (3, 2, 1):
        if i + n <= len(toks) and " ".join(t.text.lower() for t in toks[i:i + n]) in QUALIFIERS:
            return i + n, QUALIFIERS[" ".join(t.text.lower() for t in toks[i:i + n])]
    return i, None


def looks_like_person_start(an: SentenceAnalysis, k: int) -> bool:
    if k > 0 and an.toks[k - 1].text in PLACE_LEADS and k not in an.name_tokens:
        return False  # R_REGION_GLUED: "xã Châu Bình" is a place the name rules refused, not a name
    if k > 0 and (an.toks[k - 1].text in EPONYM_HEADS
                  or (k > 1 and f"{an.toks[k - 2].text} {an.toks[k - 1].text}" in EPONYM_HEADS)):
        return False  # R_EPONYM: "Trường Đại học Tôn Đức Thắng" goes on as the post's organization
    words: list[str] = []
    while k < len(an.toks) and an.toks[k].is_cap and k not in an.gaz_cover and len(words) < 4:
        words.append(an.toks[k].text)
        k += 1
    if len(words) == 2 and words[0] in PARTY_OR_MINISTRY_WORDS and k < len(an.toks) and an.toks[k].is_word \
            and an.toks[k].text[:1].islower():
        return False  # R_ORG_WORD_AFTER_TITLE: "Chủ tịch Phòng Thương mại …" goes on as the organization
    return len(words) >= 2 and words[0] in an.lex.surnames and all(is_vietnamese_syllable(w) for w in words)


def modifier(an: SentenceAnalysis, a: int) -> tuple[int, str | None]:
    """R_MODIFIER: 'Trợ lý', 'Phó' right before a post compose a post with it."""
    toks = an.toks
    for n in (3, 2, 1):
        if a >= n:
            words = " ".join(t.text.lower() for t in toks[a - n:a])
            if words in POST_MODIFIERS:
                return a - n, POST_MODIFIERS[words]
    prev = an.title_cover.get(a - 1) if a > 0 else None
    if prev is not None and prev.tok_end == a and prev.head.casefold() in RELATIONAL_HEADS:
        return prev.tok_start, prev.head  # R_RELATIONAL: "Cố vấn Tổng thống Nga X": X is the adviser
    return a, None


R_ENGLISH_IN_POST = rule(
    "post.complement.english-words-cut",
    "English title words left inside a Vietnamese post ('Tổng thống Kazakh President X') end it: they repeat the post in "
    "English and are no part of it.",
    [Example("Hội đàm\nThủ tướng Lê Văn Tám hội đàm với Tổng thống Kazakh President Nurlan Abenov.",
             {"kind": "post", "name": "Nurlan Abenov", "title": "Tổng thống Kazakh"}),
     Example("Hội đàm\nThủ tướng Lê Văn Tám hội đàm với Tổng thống Kazakh President Nurlan Abenov.",
             {"kind": "post", "name": "Nurlan Abenov", "title": "Tổng thống Kazakh President"}, present=False)])


def make_post(an: SentenceAnalysis, a: int, b: int, span: TitleSpan, evidence: str) -> Post | None:
    if span.kind == "nopost":
        return None
    english = next((k for k in range(span.tok_end, b) if an.toks[k].text in ENGLISH_TITLE_WORDS), None)
    if english is not None:
        b = english  # R_ENGLISH_IN_POST: "Tổng thống Kazakh President X"
    if b - 2 >= span.tok_end and an.toks[b - 2].text.lower() == "nước" and an.toks[b - 1].text == "này":
        b -= 2  # R_THIS_COUNTRY: "Bộ trưởng Quốc phòng nước này X": a reference back, no part of the post
    position = span.head
    relational = False
    if a == span.tok_start:
        a2, mod = modifier(an, a)
        relational = mod is not None and mod.casefold() in RELATIONAL_HEADS
        if relational and any(c[0] == b and c[1] - c[0] == 1 for c in an.candidates):
            mod, relational = None, False  # "Phát ngôn viên Tổng thống Trump, Sean Spicer": a short form owns the title
        if mod is not None:
            a, position = a2, f"{mod} {span.head}"
    start, qualifier = qualify(an, a)
    title = an.text[an.toks[start].start:an.toks[b - 1].end].strip(" ,-–")
    title = re.sub(r"\s+", " ", title)
    if qualifier is None:
        _, qualifier = qualify_forward(an, a)
    complement = an.text[an.toks[span.tok_end].start:an.toks[b - 1].end] if b > span.tok_end else ""
    org = organization_of(an, span.head, complement)
    rule_id = R_TITLE if position == span.head else R_RELATIONAL if relational else R_MODIFIER
    return Post(title=title, position=position, organization=org, qualifier=qualifier, evidence=evidence, rule=rule_id)


def organization_of(an: SentenceAnalysis, head: str, complement: str) -> str | None:
    """The organization a post belongs to, from the words after the title head."""
    complement = re.sub(r"\s+", " ", complement).strip()
    # the head may carry its organization ("Chủ tịch Quốc hội", "Ủy viên Bộ Chính trị")
    for org_word in ("Quốc hội", "Bộ Chính trị", "Trung ương Đảng", "Ban Bí thư"):
        if org_word in head and not complement:
            known = an.lex.lookup(org_word)
            return known.label_vi if known else org_word
    complement = re.sub(r"^(?:(?:thường trực|Thường trực|thứ nhất|thứ hai|đặc mệnh toàn quyền|phụ trách|cấp cao)\s*)+", "", complement)
    if not complement:
        return None
    matches = an.lex.find(complement)
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


def skip_honorific_back(an: SentenceAnalysis, k: int) -> tuple[int, bool]:
    toks = an.toks
    if k >= 1 and f"{toks[k - 1].text} {toks[k].text}" in HONORIFICS:
        return k - 2, True
    if k >= 0 and toks[k].text in HONORIFICS:
        return k - 1, True
    return k, False


def title_before(an: SentenceAnalysis, k: int, first: bool, comma_form: bool, hon: bool,
                 name: tuple[int, int]) -> tuple[int, int, TitleSpan, bool] | None:
    """The title ending at token k of a chain before the name at tokens `name` (the possessor's post after
    'của' taken), and whether the name is that possessor (R_POSSESSOR_BEFORE: then the title after 'của'
    is the name's and the post before it someone else's)."""
    toks = an.toks
    # "Theo Bộ trưởng Quốc phòng Mỹ, Donald Trump …": a title before a comma names someone else,
    # unless an honorific marks the name as its apposition (", bà Busaya Mathelin")
    found = title_ending_at(an, k)
    if found is not None and first and comma_form and not hon:
        a0, _ = qualify(an, found[0])
        if a0 > 0 and toks[a0 - 1].text not in (",", ";", ":", "(", "“", '"'):
            found = None  # the title closes a clause of its own ("nhậm chức Bộ trưởng …, Donald Trump ký")
    if found is None and first and comma_form:
        # "chiến lược gia trưởng của Trump, Steve Bannon": a person possessor is not part of the post
        found = possessor_title(an, k)
    if found is None:
        return None
    a, b, span = found
    if a >= 2 and toks[a - 1].text == "của" and (owner := title_ending_at(an, a - 2)) is not None \
            and owner[2].kind != "nopost":
        if not comma_form and first and possessor_name(an, owner[0], *name):
            return a, b, span, True  # R_POSSESSOR_BEFORE: "A, trợ lý của Tổng thống Y": Y holds only "Tổng thống"
        # "người phát ngôn của Thủ tướng Đức, ông X": the post is the spokesperson's, of the chancellor
        return owner[0], b, owner[2], False
    return a, b, span, False


def possessor_name(an: SentenceAnalysis, owner_start: int, i: int, j: int) -> bool:
    """R_POSSESSOR_BEFORE: is the name after '<post> của <title>' the possessor? Yes when the post is
    another person's apposition ('A, (một) cố vấn của …'), plural ('các cố vấn của …'), the name a short
    form ('… của Tổng thống Trump') or followed by 'là' ('… của Tổng thống Trump là ông X'); a clause
    that opens with the post and a full name ('người phát ngôn của Tổng thống Nga Dmitry Peskov tuyên
    bố') names its holder."""
    toks = an.toks
    a0, _ = qualify(an, owner_start)
    k0 = a0 - 1
    if k0 >= 0 and toks[k0].text.lower() in ("các", "những", "nhiều"):
        return True
    if k0 >= 0 and toks[k0].text.lower() == "một":
        k0 -= 1
    if k0 >= 1 and toks[k0].text == "," and any(c[1] == k0 for c in an.candidates):
        return True
    return j - i == 1 or (j < len(toks) and toks[j].text.lower() == "là")


def plural_title(an: SentenceAnalysis, start: int) -> bool:
    """R_PLURAL_TITLE: a title led by a number or plural word ('hai Thủ tướng', 'các Bộ trưởng')."""
    a, _ = qualify(an, start)
    return a > 0 and an.toks[a - 1].text.lower() in PLURAL_LEADS


def chain_to_next_name(an: SentenceAnalysis, b: int) -> bool:
    """R_NEXT_HOLDER: from token b, titles joined by commas run on to the start of another name."""
    toks = an.toks
    for _ in range(4):
        if b >= len(toks) or toks[b].text != "," or b + 1 >= len(toks):
            return False
        nxt = title_starting_at(an, b + 1)
        if nxt is None:
            return False
        b = nxt[1]
        if any(c[0] == b for c in an.candidates):
            return True
    return False


R_APPOSITION_OWNER = rule(
    "post.chain.apposition-owner",
    "A title right after 'ông A,' (a name with an honorific and no title before it) is A's apposition: it does not run on as the first "
    "post of the chain of the next name ('ông A, Phó Bí thư X, Thống đốc Y B': B is no Phó Bí thư).",
    [Example("Dự lễ\nDự lễ có ông Lê Văn Tám, Phó Bí thư Đảng ủy ngoài nước, Thống đốc tỉnh Kaluga Ivan Petrov.",
             {"kind": "post", "name": "Ivan Petrov", "title": "Phó Bí thư Đảng ủy ngoài nước"}, present=False),
     Example("Dự lễ\nDự lễ có ông Lê Văn Tám, Phó Bí thư Đảng ủy ngoài nước, Thống đốc tỉnh Kaluga Ivan Petrov.",
             {"kind": "post", "name": "Lê Văn Tám", "title": "Phó Bí thư Đảng ủy ngoài nước"})])


def apposition_of_untitled(an: SentenceAnalysis, pa: int) -> bool:
    """R_APPOSITION_OWNER: the title starting at token pa follows ', ' after a name with an honorific and no title
    before it ('ông A, …')."""
    toks = an.toks
    if pa < 2 or toks[pa - 1].text != ",":
        return False
    owner = next((c for c in an.candidates if c[1] == pa - 1 and c[1] - c[0] > 1), None)
    if owner is None:
        return False
    k, hon = skip_honorific_back(an, owner[0] - 1)
    return hon and (k < 0 or title_ending_at(an, k) is None)


def chain_goes_on(an: SentenceAnalysis, a: int, b: int, span: TitleSpan, post: Post) -> bool:
    """Does the chain before a name go on with the title before 'X, ', 'X và ', 'X kiêm ' (a chain of
    one person's posts), or is that title someone else's?"""
    toks = an.toks
    if not (a >= 2 and toks[a - 1].text in (",", "và", "kiêm", "-", "–") and (prev := title_ending_at(an, a - 2)) is not None):
        return False
    if plural_title(an, prev[0]):
        return False  # R_PLURAL_TITLE: "hai Thủ tướng, Thứ trưởng X": the plural title is no post of X
    if other_country(an, prev, post):
        return False  # "Phó Tổng thống Indonesia, Phó Thủ tướng Thái Lan, …": a list of office holders
    if toks[a - 1].text == "và" and countries_in(an, (a, b, span)) and not countries_in(an, prev) \
            and prev[1] == prev[2].tok_end:
        return False  # "Thủ tướng và Tổng thống Pháp X": a bare title of someone else, then X's post
    pa, _ = qualify(an, prev[0])
    if apposition_of_untitled(an, pa):
        return False  # R_APPOSITION_OWNER: "ông A, Phó Bí thư …, Thống đốc X B": the earlier title is A's
    if pa > 0 and toks[pa - 1].text.lower() in TAKES_OFFICE:
        return False  # "nhậm chức Bộ trưởng Quốc phòng, Tổng thống X": someone else's office
    if pa > 0 and toks[pa - 1].text.lower() in OBJECT_LEADS and FRONTED_LEAD.match(an.text[:toks[pa].start]):
        return False  # R_OBJECT_TITLE: "Tại cuộc gặp với Tổng Giám đốc WHO, Thủ tướng X": the title is the object's
    # "đề xuất của Chủ tịch Thượng viện Haiti, Chủ tịch Quốc hội X": two people
    return not (pa > 0 and toks[pa - 1].text.lower() in ("của", "với", "cho", "tới", "đến")
                and countries_in(an, prev) and not countries_in(an, (a, b, span)))


def posts_before(an: SentenceAnalysis, i: int, j: int) -> tuple[list[Post], int | None, bool]:
    """R_TITLE: the chain of posts before the name at tokens i..j, where the chain starts (char offset),
    and whether a post (not only a rank) stands in it (R_NEXT_HOLDER reads that after the name)."""
    toks = an.toks
    k, hon = skip_honorific_back(an, i - 1)
    if k >= 0 and toks[k].text == "là" and not hon:
        k -= 1
    comma_form = False
    if k >= 0 and toks[k].text == "," and k >= 1:
        comma_form = True
        k -= 1
    chain: list[Post] = []
    chain_first = None
    prefix_post = False  # R_NEXT_HOLDER: a post (not only a rank) stands before the name
    while k >= 0:
        found = title_before(an, k, not chain, comma_form, hon, (i, j))
        if found is None:
            break
        a, b, span, possessed = found
        post = make_post(an, a, b, span, an.text)
        if post is None:
            break
        prefix_post = prefix_post or span.kind != "rank"
        chain.insert(0, post)
        if possessed:
            post.rule = R_POSSESSOR_BEFORE
            chain_first = a
            break
        a, _ = qualify(an, a)
        chain_first = a
        if not chain_goes_on(an, a, b, span, chain[0]):
            break
        k = a - 2
    return chain, (toks[chain_first].start if chain and chain_first is not None else None), prefix_post


def posts_after(an: SentenceAnalysis, i: int, j: int, posts: list[Post], prefix_post: bool) -> int | None:
    """R_TITLE, R_POST_AFTER_FORMS: posts after the name (', Tổng thống Moldova', ' - Bí thư …', '(…)',
    'được bầu làm …'), appended to `posts`; where the last one ends (char offset)."""
    toks = an.toks
    after_end = None
    k = j
    if k < len(toks) and toks[k].text == "(":
        close = next((x for x in range(k + 1, min(k + 12, len(toks))) if toks[x].text == ")"), None)
        if close is not None and close + 1 < len(toks) and toks[close + 1].text == ",":
            k = close + 1  # "Hoan Ết-xtê-ban (Joan Esteban Lazo), Chủ tịch Quốc hội Cu-ba"
    while j - i > 1 and k + 1 < len(toks) and (toks[k].text in (",", "-", "–", "(") or (toks[k].text in ("kiêm", "làm") and posts)
                                               or elected_as(an, k) is not None):
        step = elected_as(an, k)
        found = title_starting_at(an, k + (step or 1))
        if (found is None or found[2].kind == "nopost") and toks[k].text == "," and not posts \
                and (skip := role_apposition(an, k)) is not None:
            k = skip  # R_ROLE_APPOSITION: "ông A, tiến sĩ kinh tế, cựu Thứ trưởng …"
            found = title_starting_at(an, k + 1)
        if found is None:
            break
        if toks[k].text == "(" and not (found[1] < len(toks) and toks[found[1]].text == ")"):
            break  # R_POST_PARENTHESIS: "Lê Văn A (Tổng Thư ký Ủy ban Quốc gia APEC)" — the whole parenthesis is the post
        a, b, span = found
        if any(c[0] == b for c in an.candidates) or owned_by_next(an, a, b):
            break  # the title belongs to the next name ("A, Thứ trưởng B")
        if toks[k].text == "," and prefix_post and chain_to_next_name(an, b):
            break  # R_NEXT_HOLDER: "A, Phó Thủ tướng, Bộ trưởng B": the chain is B's
        post = make_post(an, a, b, span, an.text)
        if post is None:
            break
        posts.append(post)
        after_end = toks[b - 1].end
        k = b
    return after_end


R_NEXT_NAME_OWNS = rule(
    "post.after-name.next-name-owns",
    "A title after a name's comma whose complement runs on to the next name ('A, Phó Tư lệnh … UAE Sheikh B') is B's "
    "post, not A's, even where the after-name reading stops early.",
    [Example("Vùng Vịnh\nQuốc vương Qatar Sheikh Hamad bin Khalid Al-Thani, Phó Tư lệnh Tối cao các Lực lượng vũ trang "
             "Oman Sheikh Rashid bin Said Al-Rawahi đã thảo luận.",
             {"kind": "post", "name": "Hamad bin Khalid Al-Thani", "title": "Phó Tư lệnh Tối cao các Lực lượng"},
             present=False),
     Example("Vùng Vịnh\nQuốc vương Qatar Sheikh Hamad bin Khalid Al-Thani, Phó Tư lệnh Tối cao các Lực lượng vũ trang "
             "Oman Sheikh Rashid bin Said Al-Rawahi đã thảo luận.",
             {"kind": "person", "name": "Rashid bin Said Al-Rawahi"})])


def owned_by_next(an: SentenceAnalysis, a: int, b: int) -> bool:
    """R_NEXT_NAME_OWNS: the title at tokens a..b (after a name) is the chain start of the next name within a few
    words (honorifics skipped), read as a title before that name."""
    nxt = next((c for c in an.candidates if b < c[0] <= b + 8), None)
    if nxt is not None and nxt[1] - nxt[0] < 2:
        return False  # a one-word short form (often a place's word: "xã Đoàn Tùng") owns no title
    if nxt is None:
        return False
    k, _ = skip_honorific_back(an, nxt[0] - 1)
    found = title_ending_at(an, k) if k >= b - 1 else None
    return found is not None and found[0] == a


R_ROLE_APPOSITION = rule(
    "post.after-name.past-role-apposition",
    "A short lower-case apposition between commas after a name (an occupation or role: 'tiến sĩ kinh tế', 'nhà sáng "
    "lập') does not hide the post after it: 'A, nhà sáng lập, Chủ tịch tập đoàn X' gives A that post.",
    [Example("Kinh tế\nÔng John Reed, tiến sĩ kinh tế, cựu Thứ trưởng Bộ Tài chính Mỹ, cho rằng lãi suất sẽ tăng.",
             {"kind": "post", "name": "John Reed", "title": "cựu Thứ trưởng Bộ Tài chính Mỹ"}),
     Example("Kinh tế\nTheo hãng Reuters, ngày 9/5, Bộ trưởng Quốc phòng Mỹ John Reed đã tới Hà Nội.",
             {"kind": "post", "name": "Reuters"}, present=False)])
APPOSITION_TIME_WORDS = frozenset({"ngày", "sáng", "chiều", "tối", "trưa", "đêm", "tháng", "năm", "hôm", "tuần", "theo"})


def role_apposition(an: SentenceAnalysis, k: int) -> int | None:
    """R_ROLE_APPOSITION: the comma that closes a short lower-case apposition opened by the comma at token k (one to
    five lower-case words, no number, time word or verb of a clause), when a title follows it; else None."""
    toks = an.toks
    close = next((x for x in range(k + 2, min(k + 7, len(toks))) if toks[x].text == ","), None)
    if close is None or close + 1 >= len(toks):
        return None
    seg = toks[k + 1:close]
    if seg[0].text in APPOSITION_TIME_WORDS or not all(t.is_word and t.text.islower() and t.text not in STRONG_BREAKERS
                                                        for t in seg):
        return None  # "Theo Reuters, ngày 9/5, Bộ trưởng …": a date, not an apposition
    return close if title_starting_at(an, close + 1) is not None else None


def elected_as(an: SentenceAnalysis, k: int) -> int | None:
    """R_POST_ELECTED: 'X được bầu làm <post>', 'X được bổ nhiệm làm <post>': the number of words before the post."""
    words = [t.text.lower() for t in an.toks[k:k + 4]]
    for n, phrase in ((3, ["được", "bầu", "làm"]), (4, ["được", "bổ", "nhiệm", "làm"]), (3, ["được", "bầu", "giữ"]),
                      (2, ["trở", "thành"])):
        if words[:n] == phrase:
            return n
    return None


def countries_in(an: SentenceAnalysis, found) -> set[str]:
    a, b, span = found
    return {e.label_vi for k in range(span.tok_end, b) if (e := an.gaz_cover.get(k)) and e.kind == "country"
            and e.label_vi != "Việt Nam"}


def other_country(an: SentenceAnalysis, found, post: Post) -> bool:
    """Does the earlier title in a comma chain name another country than the later one?"""
    a, b, span = found
    countries = {e.label_vi for k in range(span.tok_end, b) if (e := an.gaz_cover.get(k)) and e.kind == "country"}
    here = {e.label_vi for _, _, e in an.lex.find(post.title) if e.kind == "country"}
    return bool(countries) and bool(here) and not (countries & here)


def possessor_title(an: SentenceAnalysis, k: int):
    toks = an.toks
    # find "... của <Name>" ending at k
    m = k
    while m >= 0 and toks[m].is_cap:
        m -= 1
    if m >= 1 and toks[m].text == "của" and m < k:
        found = title_ending_at(an, m - 1)
        return found
    return None


def share_colon_titles(an: SentenceAnalysis, mentions: list[Mention]) -> None:
    """A title followed by a colon and the names: 'Ủy viên Bộ Chính trị: A, B, C' (each gets the post), up to the
    next colon, which opens the next group (R_GROUP_TITLE_SCOPE)."""
    toks = an.toks
    for span in an.titles:
        e = span.tok_end
        # allow complement up to the colon
        colon = None
        for k in range(e, min(e + 12, len(toks))):
            if toks[k].text == ":":
                colon = k
                break
            if toks[k].text in (".", ";", ","):
                break
        if colon is None or not gap_ok(an, e, colon):
            continue
        post = make_post(an, span.tok_start, colon, span, an.text)
        if post is None:
            continue
        for m in mentions:
            if m.tok_start > colon and not list_broken(an, colon + 1, m.tok_start, mentions) \
                    and not any(toks[k].text == ":" for k in range(colon + 1, m.tok_start)) \
                    and not any(p.title == post.title for p in m.posts):  # R_GROUP_TITLE_SCOPE: to the next colon
                m.posts.insert(0, post)


def share_plural_titles(an: SentenceAnalysis, mentions: list[Mention]) -> None:
    """'các Phó Thủ tướng A, B và C': a plural title shared along the list."""
    toks = an.toks
    for idx, m in enumerate(mentions):
        if not m.posts:
            continue
        k, _ = skip_honorific_back(an, m.tok_start - 1)
        # walk back over the title chain to see if it is plural
        found = title_ending_at(an, k)
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


def share_group_titles(an: SentenceAnalysis, mentions: list[Mention]) -> None:
    if not an.titles and not mentions:
        return  # nothing to share (and no need to tokenize a sentence that took the fast path)
    share_colon_titles(an, mentions)
    share_plural_titles(an, mentions)


def list_broken(an: SentenceAnalysis, a: int, b: int, mentions: list[Mention]) -> bool:
    """Is there anything but names, their after-titles and separators between a and b?"""
    toks = an.toks
    for k in range(a, b):
        w = toks[k].text
        if k in an.title_cover or w[:1].isupper():
            continue  # a list item's own post ("Lê Văn A, Phó Chủ tịch Quốc hội; …") does not break the list
        if w in (".",) or w.lower() in BREAKERS and w.lower() not in ("và",):
            return True
    return False


def _counterpart_phrase(an: SentenceAnalysis, i: int) -> tuple[int, Entry] | None:
    """R_COUNTERPART: 'người đồng cấp <country>' (honorifics between) right before the name at token i: where
    the phrase starts (token) and the country."""
    toks = an.toks
    k = i - 1
    while k >= 0 and toks[k].text in HONORIFICS:
        k -= 1
    if not (k >= 0 and k in an.gaz_cover and an.gaz_cover[k].kind == "country"):
        return None
    country = an.gaz_cover[k]
    while k >= 0 and an.gaz_cover.get(k) is country:
        k -= 1
    if k < 2 or [t.text.lower() for t in toks[k - 2:k + 1]] != ["người", "đồng", "cấp"]:
        return None
    return k - 2, country


def counterpart_post(an: SentenceAnalysis, i: int, earlier: list[Mention]) -> tuple[Post, int] | None:
    """R_COUNTERPART: 'Ngoại trưởng Mỹ A gặp người đồng cấp Nga B': B holds the post of the nearest title before,
    of the country after 'người đồng cấp' ('Ngoại trưởng Nga'); the field of a ministry stays ('Bộ trưởng Quốc
    phòng Mỹ … người đồng cấp Trung Quốc B' → 'Bộ trưởng Quốc phòng Trung Quốc'). Returns the post and where the
    phrase starts (char offset)."""
    phrase = _counterpart_phrase(an, i)
    if phrase is None:
        return None
    start, country = phrase
    toks = an.toks
    # the peer is the nearest titled person before, else a capitalised bare title
    peers = [m for m in earlier if m.posts and m.end <= toks[start].start][-1:]
    if peers and any(not m.posts and m.end <= peers[0].start and m.end <= toks[start].start for m in earlier):
        return None  # an untitled subject before ("Trump gặp Chủ tịch X và người đồng cấp Nga Y"): whose peer is unsure
    spans = [sp for sp in an.titles if peers and sp.tok_end <= peers[0].tok_start and sp.kind == "post"][-1:]
    if not spans and not peers:
        spans = [sp for sp in an.titles if sp.tok_end <= start and sp.kind == "post" and toks[sp.tok_start].text[:1].isupper()][-1:]
    if not spans or spans[0].head.casefold() in ("nhà lãnh đạo", "lãnh đạo"):
        return None
    sp = spans[0]
    head = an.text[toks[sp.tok_start].start:toks[sp.tok_end - 1].end]
    field_ = ""
    if sp.tok_end + 1 < len(toks) and f"{toks[sp.tok_end].text} {toks[sp.tok_end + 1].text}" in MINISTRY_FIELDS:
        field_ = f"{toks[sp.tok_end].text} {toks[sp.tok_end + 1].text} "
    complement = f"{field_}{country.label_vi}"
    post = Post(title=f"{head} {complement}", position=sp.head, organization=organization_of(an, sp.head, complement),
                qualifier=None, evidence=an.text, rule=R_COUNTERPART)
    return post, toks[start].start
