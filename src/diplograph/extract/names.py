"""Name rules: which runs of capitalised tokens are personal names (the one definition the full
analysis and the fast paths both call)."""
from __future__ import annotations

import re
from typing import Any, Protocol

from ..lexicon import Entry, Lexicon
from ..rules import Example, rule
from ..tokens import CAP_STOP, HONORIFICS, NAME_PARTICLES, ROMAN, STRICT_STOP, Token, is_initial, is_vietnamese_syllable
from ..wordclasses import word_set, words


class TokenView(Protocol):
    """What the name rules read of a sentence: its tokens, the gazetteer and title spans over them."""

    toks: list[Token]
    lex: Lexicon
    gaz: dict[int, tuple[int, Entry]]  # token start index -> (token end exclusive, entry)
    gaz_cover: dict[int, Entry]
    title_cover: dict[int, Any]  # token index -> the title span covering it

    def title_ending_at(self, j: int) -> Any: ...


MINISTRY_FIELDS = words("ministry-fields")  # data/word_classes.ttl

# Words that open an organization or a place named after a person ("Trường Đại học Tôn Đức Thắng",
# "đường Nguyễn Huệ"): the name after them is an eponym, not a person.
EPONYM_HEADS = word_set("eponym-heads")  # data/word_classes.ttl

# Capitalised words that open the next clause when a crawl glued a caption to the text ("… Pierre Leroy Tiếp
# đó, …"): they end a foreign name.
RUN_IN_OPENERS = word_set("run-in-openers")  # data/word_classes.ttl

# Words that continue a state's name after a country ("Trung Hoa Dân Quốc", "Triều Tiên Dân chủ"): no given name.
STATE_NAME_WORDS = word_set("state-name-words")  # data/word_classes.ttl

# R_COMPOUND_AFTER: capitalised compounds (first word capital, second lower case) that may follow a name
COMPOUND_AFTER_NAME = {h for h in EPONYM_HEADS if " " in h and h[0].isupper()} | word_set("compounds-after-name")
# R_SURNAME_STOP: clause words that are also surnames, a name's first word before "Thị"/"Văn" ("Đoàn Thị Tuyết Nhung")
SURNAME_STOPS = word_set("surname-stops")  # data/word_classes.ttl

# R_REGION_LEAD: compass words that open a region's name ("Tây Mindanao"), and English title words left in a text
REGION_LEADS = word_set("region-leads")  # data/word_classes.ttl
ENGLISH_TITLE_WORDS = word_set("english-title-words")  # data/word_classes.ttl

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
             {"kind": "person", "name": "Quỹ Tiền"}, present=False),
     Example("Thương mại\nVề khu vực châu Á - Thái Bình Dương, Đại diện Thương mại Mỹ, ông John Reed cho biết.",
             {"kind": "person", "name": "Thái Bình Dương"}, present=False)])

R_EPONYM = rule(
    "person.refuse.eponym",
    "A name that ends an organization or place named after a person (Trường Đại học X, đường X) is no person.",
    [Example("Hội thảo\nHiệu trưởng Trường Đại học Phan Văn Trị Lê Văn Minh phát biểu.",
             {"kind": "person", "name": "Phan Văn Trị"}, present=False)])

R_EPONYM_COMPLEMENT = rule(
    "person.refuse.eponym-in-complement",
    "A name that ends the organization of a post written after its holder's dash ('A - Giám đốc Học viện X quốc gia Y,') and an eponym head opened is the organization's eponym, no second holder.",
    [Example("Đoàn đại biểu\nĐoàn gồm các đồng chí: Lê Văn Tám - Giám đốc Học viện Ngoại giao quốc gia Phan Bội Châu, Trần Văn Bảy - Thứ trưởng Bộ Ngoại giao.",
             {"kind": "person", "name": "Phan Bội Châu"}, present=False),
     Example("Đoàn đại biểu\nĐoàn gồm các đồng chí: Lê Văn Tám - Giám đốc Học viện Ngoại giao quốc gia Phan Bội Châu, Trần Văn Bảy - Thứ trưởng Bộ Ngoại giao.",
             {"kind": "post", "name": "Lê Văn Tám", "title": "Giám đốc Học viện Ngoại giao quốc gia Phan Bội Châu"}),
     Example("Hội thảo\nGiám đốc Học viện Ngoại giao Nguyễn Văn Hùng phát biểu khai mạc hội thảo.",
             {"kind": "person", "name": "Nguyễn Văn Hùng"})])

R_DOUBLED_SURNAME = rule(
    "person.name.doubled-last-word",
    "A foreign name whose last word is written twice ('Tổng thống X Y Y', a source typo) ends at its first writing.",
    [Example("Hội đàm\nTổng thống Pháp Paul Durand Durand tiếp Bộ trưởng Ngoại giao Lê Văn Tám.",
             {"kind": "person", "name": "Paul Durand"}),
     Example("Hội đàm\nTổng thống Pháp Paul Durand Durand tiếp Bộ trưởng Ngoại giao Lê Văn Tám.",
             {"kind": "person", "name": "Paul Durand Durand"}, present=False),
     Example("Triển lãm\nĐạo diễn Trương Lệ Lệ và Bộ trưởng Văn hóa Trần Băng Băng dự lễ khai mạc.",
             {"kind": "person", "name": "Trần Băng Băng"})])

R_ORG_WORD_AFTER_TITLE = rule(
    "person.refuse.org-word-after-title",
    "Two capitals after a title whose first word opens an organization and that a lower-case word continues ('Chủ tịch Phòng Thương mại …') are the organization, no holder.",
    [Example("Hội nghị\nÔng Lê Văn Tám, Chủ tịch Phòng Công nghiệp và Thương mại tỉnh Bình Định, phát biểu.",
             {"kind": "person", "name": "Phòng Công"}, present=False),
     Example("Hội nghị\nÔng Lê Văn Tám, Chủ tịch Phòng Công nghiệp và Thương mại tỉnh Bình Định, phát biểu.",
             {"kind": "post", "name": "Lê Văn Tám", "title": "Chủ tịch Phòng Công nghiệp và Thương mại tỉnh Bình Định"}),
     Example("Hội nghị\nChủ tịch Hội đồng Phòng Văn Nam phát biểu tại hội nghị.",
             {"kind": "person", "name": "Phòng Văn Nam"})])

R_RUN_IN = rule(
    "person.name.caption-run-in",
    "A capitalised clause opener glued to a foreign name by a caption run-in ends the name.",
    [Example("Hội đàm\nThủ tướng Trần Văn Bảo và Tổng thống Pháp Paul Durand Tiếp đó, hai nhà lãnh đạo hội đàm.",
             {"kind": "person", "name": "Paul Durand"})])

R_CAPACITY = rule(
    "person.refuse.capacity",
    "After 'cương vị <post>' (in the capacity of) the capitals are the post's complement, not its holder.",
    [Example("Gặp\nTổng thống Ác-hen-ti-na nhớ chuyến thăm năm 2008 trên cương vị Thị trưởng Bu-ê-nốt Ai-rết.",
             {"kind": "person", "name": "Bu-ê-nốt Ai-rết"}, present=False)])

R_GIVEN_NAME_WORD = rule(
    "person.name.common-word-given-name",
    "A full name may end in a capitalised common word ('Lưu Văn Bằng').",
    [Example("Dự lễ\nBộ trưởng Bộ Công an Lưu Văn Bằng dự lễ.", {"kind": "person", "name": "Lưu Văn Bằng"})])

ORG_SUFFIXES = word_set("organization-suffixes")  # data/word_classes.ttl

R_REGION_LEAD = rule(
    "person.name.strip-region-lead",
    "A compass word and a foreign place word before a name ('Tư lệnh Tây Mindanao X') are the post's region, and English "
    "title words ('Kazakh President X') are text, not the name.",
    [Example("Giao tranh\nTư lệnh Tây Mindanao Carlos Reyes cho biết giao tranh đã chấm dứt.",
             {"kind": "person", "name": "Carlos Reyes"}),
     Example("Giao tranh\nTư lệnh Tây Mindanao Carlos Reyes cho biết giao tranh đã chấm dứt.",
             {"kind": "person", "name": "Tây Mindanao Carlos Reyes"}, present=False)])
R_SURNAME_STOP = rule(
    "person.name.surname-clause-word",
    "A clause word that is also a surname ('Đoàn', 'Từ') opens a name before 'Thị'/'Văn' ('Phó Tổng Giám đốc TTXVN Đoàn "
    "Thị Tuyết Nhung').",
    [Example("Tham gia đoàn\nTham gia đoàn có Phó Tổng Giám đốc TTXVN Đoàn Thị Thu Hà.",
             {"kind": "person", "name": "Đoàn Thị Thu Hà"})])
R_COMPOUND_AFTER = rule(
    "person.name.compound-after",
    "A capitalised compound right after a name ('Lương Văn Cường Huân chương …', '… Bằng khen') is not part of the name.",
    [Example("Trao tặng\nPeru đã trao tặng Chủ tịch nước Lê Văn Cường Huân chương Mặt trời Peru.",
             {"kind": "person", "name": "Lê Văn Cường"})])
R_GLUED_DASH = rule(
    "person.name.glued-dash",
    "A dash glued to the next capitalised word inside a foreign name stays in it, as written ('Choi Sang –Mok').",
    [Example("Kinh tế\nPhó Thủ tướng Hàn Quốc Kim Sang –Woo cho biết kinh tế sẽ phục hồi.",
             {"kind": "person", "name": "Kim Sang –Woo"})])
R_PARTICLE_CHAIN = rule(
    "person.name.particle-chain",
    "Name particles between capitals stay in the name, also two in a row ('Ursula von der Leyen').",
    [Example("Gặp\nTại cuộc gặp Chủ tịch Ủy ban châu Âu Anna von der Berg, Thủ tướng Trần Văn Bảo chúc mừng bà.",
             {"kind": "person", "name": "Anna von der Berg"})])
R_ORG_OR_COUNTRIES = rule(
    "person.refuse.party-or-country-chain",
    "A capitalised run that opens with a party or ministry word ('Đảng CPP') or is a hyphenated chain of countries "
    "('Campuchia-Lào-Việt Nam') is no person.",
    [Example("Hội đàm\nChủ tịch nước Lê Văn Tám hội đàm với Chủ tịch Đảng CPP, Chủ tịch Thượng viện Campuchia Hun Xen.",
             {"kind": "person", "name": "Đảng CPP"}, present=False),
     Example("Hợp tác\nHai bên phát huy cơ chế Cuộc gặp Bộ trưởng Quốc phòng Campuchia-Lào-Việt Nam.",
             {"kind": "person", "name": "Campuchia-Lào-Việt Nam"}, present=False)])

# R_ORG_OR_COUNTRIES: words that open an organization's name, never a person's ("Đảng CPP", "Bộ Tư pháp").
PARTY_OR_MINISTRY_WORDS = word_set("party-or-ministry-words")  # data/word_classes.ttl

_DIGIT = re.compile(r"\d")

ARABIC_ARTICLE = re.compile(r"(?:al|el|ad|as|ash|bin|ibn)-[A-Z]")

R_ARABIC_CHAIN = rule(
    "person.name.arabic-chain",
    "An Arabic name is one name however long its chain of articles and patronyms ('Al-X Al-Y', 'bin X bin Y', up to "
    "seven words): a capitalised 'Al-' piece is no transliterated country to strip.",
    [Example("Vùng Vịnh\nQuốc vương Kuwait Sheikh Nasser Al-Ahmad Al-Jaber Al-Rashid đã điện đàm với Thủ tướng Lê Văn Tám.",
             {"kind": "person", "name": "Nasser Al-Ahmad Al-Jaber Al-Rashid"}),
     Example("Vùng Vịnh\nThái tử Abu Dhabi Sheikh Hamad bin Zayed bin Khalid Al Nahri đã tới Hà Nội.",
             {"kind": "person", "name": "Hamad bin Zayed bin Khalid Al Nahri"}),
     Example("Vùng Vịnh\nQuốc vương Kuwait Sheikh Nasser Al-Ahmad Al-Jaber Al-Rashid đã điện đàm với Thủ tướng Lê Văn Tám.",
             {"kind": "person", "name": "Al-Jaber Al-Rashid"}, present=False)])
# R_ARABIC_CHAIN: a piece of an Arabic name (article or patronym, any case), never a transliterated country
ARABIC_PIECE = re.compile(r"(?:[Aa]l|[Ee]l|[Aa]d|[Aa]s|[Aa]sh|[Bb]in|[Ii]bn|[Aa]bu|[Aa]bd)-[A-Z]")
# "bin", "ibn": X son of Y (also read by persons.R_PATRONYM_TAIL)
PATRONYM_LINKS = frozenset({"bin", "Bin", "ibn", "Ibn", "binti", "bint"})
ARABIC_LINKS = PATRONYM_LINKS | {"Al", "al", "El", "Abu", "Abdul", "Abd"}

def particle_between_capitals(toks: list[Token], i: int) -> bool:
    """R_PARTICLE_CHAIN: a name particle between capitals, also in a chain of two ('Ursula von der Leyen',
    'Charles de Gaulle')."""
    n = len(toks)
    before = toks[i - 1][0][0].isupper() or (i >= 2 and toks[i - 1][0] in NAME_PARTICLES and toks[i - 2][0][0].isupper())
    after = toks[i + 1][0][0].isupper() or (i + 2 < n and toks[i + 1][0] in NAME_PARTICLES and toks[i + 2][0][0].isupper())
    return before and after


def glued_dash(toks: list[Token], i: int) -> bool:
    """R_GLUED_DASH: a dash with a space before it and glued to the next capitalised word, between two capitalised
    words, is inside a foreign name as written ('Choi Sang –Mok'); a spaced dash ('Bae Hun – Giám đốc') is not."""
    prev, dash, nxt = toks[i - 1], toks[i], toks[i + 1]
    return prev[2] < dash[1] and dash[2] == nxt[1] and prev[0][0].isupper() and nxt[0][0].isupper() \
        and not is_vietnamese_syllable(nxt[0])  # "Xuyền -Trưởng Công an": a Vietnamese word opens the post


def is_name_token(an: TokenView, i: int) -> bool:
    """Can token i stand in a personal name? Not in a title, and an initial, an Arabic article
    ("al-Assad"), a particle between capitals ("de", "bin") or a capitalised word that opens no clause.
    The reference rule: `name_runs` applies it to every token at once (tests/test_fast_paths.py)."""
    toks = an.toks
    t = toks[i].text
    if i in an.title_cover:
        return False
    if is_initial(t) or ARABIC_ARTICLE.match(t):
        return True
    if t in NAME_PARTICLES and i + 1 < len(toks) and i > 0:
        # R_PARTICLE_CHAIN: a particle between capitals, or in a chain of two particles between capitals ("von der Leyen")
        before = toks[i - 1].is_cap or (i >= 2 and toks[i - 1].text in NAME_PARTICLES and toks[i - 2].is_cap)
        after = toks[i + 1].is_cap or (i + 2 < len(toks) and toks[i + 1].text in NAME_PARTICLES and toks[i + 2].is_cap)
        if before and after:
            return True
    if t in ("-", "–") and 0 < i < len(toks) - 1 and (i + 1) not in an.title_cover \
            and toks[i - 1].end < toks[i].start and toks[i].end == toks[i + 1].start \
            and toks[i - 1].text[0].isupper() and toks[i + 1].text[0].isupper() \
            and not is_vietnamese_syllable(toks[i + 1].text):
        return True  # R_GLUED_DASH: a dash glued to the next capital inside a foreign name ("Choi Sang –Mok")
    if t in SURNAME_STOPS and i + 2 < len(toks) and toks[i + 1].text in ("Thị", "Văn") and toks[i + 2].text[0].isupper():
        return True  # R_SURNAME_STOP: a clause word that is a surname, before a middle name ("Đoàn Thị Tuyết Nhung")
    return toks[i].is_word and t[0].isupper() and t not in STRICT_STOP and not t.isdigit()


def name_runs(an: TokenView) -> list[tuple[int, int]]:
    """Runs of consecutive tokens that can stand in a personal name: not in a title, and an initial,
    an Arabic article ("al-Assad"), a particle between capitals ("de", "bin") or a capitalised word
    that opens no clause (tests/test_fast_paths.py checks this against a token-by-token reference)."""
    # Most tokens are lower-case words that none of these tests can accept (an initial needs a dot,
    # an Arabic article a hyphen, a particle its list, a name word a capital): pick the others in
    # one comprehension, then test those.
    particles = NAME_PARTICLES
    toks = an.toks
    maybe = [i for i, t in enumerate(toks)
             if t[0][0].isupper() or "." in t[0] or "-" in t[0] or t[0] in particles or t[0] == "–"]
    runs: list[tuple[int, int]] = []
    start = last = -2
    title_cover = an.title_cover
    n = len(toks)
    for i in maybe:
        t = toks[i][0]
        if i in title_cover:
            continue
        namey = (("." in t and is_initial(t)) or ("-" in t and ARABIC_ARTICLE.match(t))
                 or (t in particles and 0 < i < n - 1 and particle_between_capitals(toks, i))
                 or (t in ("-", "–") and 0 < i < n - 1 and (i + 1) not in title_cover and glued_dash(toks, i))
                 or (t[0].isupper() and t[0].isalnum() and t not in STRICT_STOP and not t.isdigit())
                 or (t in SURNAME_STOPS and i + 2 < n and toks[i + 1][0] in ("Thị", "Văn") and toks[i + 2][0][0].isupper()))
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

def given_name_word(an: TokenView, i: int, j: int) -> int:
    """R_GIVEN_NAME_WORD: a capitalised common word ("Bằng") ends a Vietnamese full name it follows
    ("Lưu Văn Bằng"): a surname and one more syllable, then the word, then no other capital."""
    toks = an.toks
    if j - i == 2 and j < len(toks) and toks[j].text in STRICT_STOP and is_vietnamese_syllable(toks[j].text) \
            and toks[i].text in an.lex.surnames and all(is_vietnamese_syllable(t.text) for t in toks[i:j]) \
            and j not in an.title_cover and (j + 1 == len(toks) or not toks[j + 1].text[:1].isupper()):
        return j + 1
    return j

R_HONORIFIC_OPENS = rule(
    "person.name.honorific-opens",
    "A capitalised honorific inside a run of capitals ('Abu Dhabi Sheikh X', 'Tổng thanh tra Tan Sri X') opens the "
    "name: what stands before it is the post's place, the honorific is no part of the name.",
    [Example("Vùng Vịnh\nThái tử Abu Dhabi Sheikh Hamad bin Zayed bin Khalid Al Nahri đã tới Hà Nội.",
             {"kind": "person", "name": "Hamad bin Zayed bin Khalid Al Nahri"}),
     Example("Điều tra\nTổng thanh tra Tan Sri Ahmad Yusof cho biết cảnh sát đã vào cuộc.",
             {"kind": "person", "name": "Ahmad Yusof"}),
     Example("Điều tra\nTổng thanh tra Tan Sri Ahmad Yusof cho biết cảnh sát đã vào cuộc.",
             {"kind": "person", "name": "Tan Sri Ahmad Yusof"}, present=False)])


# R_HONORIFIC_OPENS: first words of the two-word honorifics ("Tan" of "Tan Sri")
HONORIFIC_FIRSTS = frozenset(h.split()[0] for h in HONORIFICS if " " in h)


def _honorific_inside(an: TokenView, i: int, j: int) -> int:
    """R_HONORIFIC_OPENS: where the name starts after the last capitalised honorific (one or two words) standing
    inside the run at tokens i..j (not first: the front is stripped word by word) with at least one capital after
    it, outside any place or organization; i when none stands there."""
    if j - i < 3:
        return i  # an honorific inside needs a word before or after it and the name after it
    toks = an.toks
    start = i
    for k in range(i, j - 1):
        t = toks[k].text
        if (t not in HONORIFICS and t not in HONORIFIC_FIRSTS) or k in an.gaz_cover:
            continue  # most words of a run are no honorific: nothing to build
        if k + 2 < j and f"{t} {toks[k + 1].text}" in HONORIFICS and t[:1].isupper():
            start = k + 2  # two words ("Tan Sri"), also first: the front is stripped one word at a time
        elif t in HONORIFICS and t[:1].isupper() and k > i and k >= start and not is_vietnamese_syllable(t):
            # a foreign honorific ("Sheikh", "Samdech"): "Bà", "Ông" stand inside Vietnamese places ("Hai Bà Trưng")
            start = k + 1
    return start


def _strip_front(an: TokenView, i: int, j: int) -> int:
    """Where a capitalised run starts once fields of government, places, countries, organizations,
    honorifics, acronyms and clause words are stripped off its front."""
    toks = an.toks
    surnames = an.lex.surnames
    if j - i >= 3:
        i = _honorific_inside(an, i, j)
    while i < j:
        if i + 1 < j and f"{toks[i].text} {toks[i + 1].text}" in MINISTRY_FIELDS:
            i += 2  # "Bộ trưởng Công Thương Trần Tuấn Anh"
            continue
        if i in an.gaz:
            end, entry = an.gaz[i]
            # keep a Vietnamese full name that merely starts like a place ("Thái Bình Minh"), unless what
            # follows the place is itself a full name ("Hà Nội Hoàng Trung Hải") or the place is the whole run
            # (R_NOT_A_NAME: "Thái Bình Dương" is the ocean)
            rest_is_name = end + 1 < j and toks[end].text in surnames
            if rest_is_name or end >= j or not (entry.kind == "place" and j - i >= 3 and toks[i].text in surnames
                                    and all(is_vietnamese_syllable(t.text) for t in toks[i:j])):
                i = end
                continue
        if (i in an.gaz_cover and i not in an.gaz) or toks[i].text in HONORIFICS \
                or (len(toks[i].text) > 1 and toks[i].text.replace("-", "").isupper() and j - i > 1 and not is_initial(toks[i].text)) \
                or (toks[i].text in CAP_STOP and toks[i].text not in surnames):
            i += 1
            continue
        lead = _region_or_english_lead(an, i, j)
        if lead is not None:
            i = lead
            continue
        break
    return i


def _region_or_english_lead(an: TokenView, i: int, j: int) -> int | None:
    """R_REGION_LEAD: where the run goes on after a compass word and a foreign place word ('Tư lệnh Tây
    Mindanao X', 'Thống đốc Nam Sulawesi X': the post's region) or after English title words ('Kazakh
    President X': text, not the name); None when neither stands there."""
    toks = an.toks
    if toks[i].text in REGION_LEADS and i + 1 < j and not is_vietnamese_syllable(toks[i + 1].text):
        return i + 2
    eng = [k for k in range(i, j) if toks[k].text in ENGLISH_TITLE_WORDS]
    if eng and eng[-1] + 1 < j:
        return eng[-1] + 1
    return None


def eponym_in_complement(an: TokenView, i: int, j: int) -> bool:
    """R_EPONYM_COMPLEMENT: the capitals at i..j end a post's complement that an eponym head opened, the post
    follows its holder after a dash ('A - Giám đốc Học viện Chính trị quốc gia Y,') and the run closes the
    phrase: in that list construction the holder is already named, so the run is the organization's eponym."""
    toks = an.toks
    if j < len(toks) and toks[j].text not in ",;.)":
        return False
    k, heads = i - 1, False
    while k > 0 and i - k <= 8 and toks[k].is_word and k not in an.title_cover:
        if toks[k].text in EPONYM_HEADS or f"{toks[k - 1].text} {toks[k].text}" in EPONYM_HEADS:
            heads = True
        k -= 1
    span = an.title_cover.get(k)
    return heads and span is not None and span.tok_start >= 2 and toks[span.tok_start - 1].text in ("-", "–") \
        and toks[span.tok_start - 2].is_cap


def _refused_front(an: TokenView, i: int, j: int) -> str | None:
    """R_EPONYM, R_EPONYM_COMPLEMENT, R_CAPACITY: the run ends an eponym's organization or place ('Trường Đại học X', 'đường X'),
    or follows 'cương vị <post>' (the post's complement, no holder named)."""
    toks = an.toks
    if i > 0 and (toks[i - 1].text in EPONYM_HEADS or (i > 1 and f"{toks[i - 2].text} {toks[i - 1].text}" in EPONYM_HEADS)):
        return R_EPONYM
    if eponym_in_complement(an, i, j):
        return R_EPONYM_COMPLEMENT
    span = an.title_cover.get(i - 1) if i > 0 else None
    if span is not None and span.tok_start >= 2 and \
            f"{toks[span.tok_start - 2].text} {toks[span.tok_start - 1].text}".lower() in ("cương vị", "chức vụ", "cương vị là"):
        return R_CAPACITY  # "trên cương vị Thị trưởng Bu-ê-nốt Ai-rết": the post's place, no holder named
    return None


def _country_prefix(an: TokenView, i: int, j: int) -> int:
    """R_COUNTRY_PREFIX: a transliterated country between a title and the name belongs to the post
    ("Thủ tướng Hung-ga-ri Vích-to Ô-ban", "Thủ tướng Xri Lan-ca Ra-nin Vích-re-mê-sinh-hê")."""
    toks = an.toks
    if i > 0 and toks[i - 1].text in HONORIFICS:
        return i  # the honorific stands between the post and the name: any country is before it
    if i > 0 and j - i >= 3 and ("-" in toks[i].text or "-" in toks[i + 1].text) \
            and not ARABIC_PIECE.match(toks[i + 1].text) and not ARABIC_PIECE.match(toks[i].text) \
            and toks[i + 1].text not in NAME_PARTICLES \
            and toks[i + 1].text not in ("Bin", "Ben", "Al", "El", "Von", "Van", "De") \
            and ((i - 1) in an.title_cover or an.title_ending_at(i - 1) is not None):
        if "-" in toks[i].text and toks[i].text not in an.lex.surnames:
            i += 1
        elif j - i >= 4 and "-" in toks[i + 1].text and "-" not in toks[i].text and not is_vietnamese_syllable(toks[i + 1].text):
            i += 2
        while i < j and toks[i].text in HONORIFICS:
            i += 1
    return i


R_COMPANY_FRONT = rule(
    "person.name.company-front",
    "A company's name glued before a Vietnamese full name ('Tổng Giám đốc Vinacafe Lê Văn A', 'Giám đốc An&Co Trần B') "
    "belongs to the post: a non-Vietnamese word (or a run glued to '&') before a surname and two more syllables is "
    "no part of the name; a run glued to '&' alone is no person.",
    [Example("Xuất khẩu\nTổng Giám đốc Vinacafe Trần Văn Hùng cho biết giá cà phê tăng.",
             {"kind": "person", "name": "Trần Văn Hùng"}),
     Example("Xuất khẩu\nTổng Giám đốc Mega T&T Trần Văn Hùng cho biết giá cà phê tăng.",
             {"kind": "person", "name": "Trần Văn Hùng"}),
     Example("Xuất khẩu\nTổng Giám đốc Mega T&T Trần Văn Hùng cho biết giá cà phê tăng.",
             {"kind": "person", "name": "Mega T"}, present=False),
     Example("Xuất khẩu\nÔng Trần Văn Hùng, Tổng giám đốc Mega T&T cho hay giá cà phê tăng.",
             {"kind": "post", "name": "Trần Văn Hùng", "title": "Tổng giám đốc Mega T&T"})])


R_TWO_NAMES = rule(
    "person.name.two-vietnamese-names",
    "Five or more Vietnamese syllables with a surname first and another fourth ('Thứ trưởng Lê Văn Tám Phạm Anh - Tố "
    "Anh': a caption's name run into a credit) are two names: the first three are the person's.",
    [Example("Ảnh\nThứ trưởng Bộ Ngoại giao Lê Văn Tám Phạm Hùng - Tố Anh", {"kind": "person", "name": "Lê Văn Tám"}),
     Example("Ảnh\nThứ trưởng Bộ Ngoại giao Lê Văn Tám Phạm Hùng - Tố Anh",
             {"kind": "person", "name": "Lê Văn Tám Phạm Hùng"}, present=False)])


# R_TWO_NAMES: middle names that are also surnames ("Văn", "Thị"): a name goes on after them
MIDDLE_NAMES = word_set("middle-names")  # data/word_classes.ttl


def _company_front(an: TokenView, i: int, j: int) -> int:
    """R_COMPANY_FRONT: where the name starts once a company's word(s) glued before a Vietnamese full name are
    stripped ('Vinacafe Lê Văn A'; 'T' after a glued '&')."""
    toks = an.toks
    if i > 0 and toks[i - 1].text == "&" and toks[i - 1].end == toks[i].start:
        i += 1  # "T&T Trần Văn Hùng": the piece after '&' is the company's
    if j - i < 4:
        return i  # a company's word and a full name of three syllables at least
    k = i
    while k < j and k - i < 2 and not is_vietnamese_syllable(toks[k].text) and not is_initial(toks[k].text) \
            and "-" not in toks[k].text and toks[k].text not in NAME_PARTICLES:
        k += 1
    tail = toks[k:j]
    if i < k and len(tail) >= 3 and tail[0].text in an.lex.surnames and all(is_vietnamese_syllable(t.text) for t in tail):
        return k
    return i


R_REGION_GLUED = rule(
    "person.name.region-after-place-lead",
    "A foreign place's name right after a lower-case place lead ('Thống đốc bang Maryland X', 'nghị sĩ bang New York Y') "
    "belongs to the post: one word (two for a compound place: New, North, South …) is stripped off the name; after a "
    "Vietnamese place lead up to three syllables are the place ('xã Châu Bình') and a surname third starts the name "
    "('xã Đồng Tâm Lê Văn A').",
    [Example("Bầu cử\nThống đốc bang Ohio John Carter tuyên bố sẽ tranh cử.", {"kind": "post", "name": "John Carter",
                                                                               "title": "Thống đốc bang Ohio"}),
     Example("Bầu cử\nThống đốc bang New Jersey Mary Reed tuyên bố sẽ tranh cử.", {"kind": "person", "name": "Mary Reed"}),
     Example("Bầu cử\nThống đốc bang Ohio John Carter tuyên bố sẽ tranh cử.",
             {"kind": "person", "name": "Ohio John Carter"}, present=False),
     Example("Xác nhận\nÔng Lê Văn Tám, Bí thư Đảng ủy xã Châu Bình, xác nhận thông tin.",
             {"kind": "post", "name": "Lê Văn Tám", "title": "Bí thư Đảng ủy xã Châu Bình"}),
     Example("Xác nhận\nNguyên Bí thư Đảng ủy xã Đồng Tâm Lê Văn Tám xác nhận thông tin.",
             {"kind": "person", "name": "Lê Văn Tám"})])
PLACE_LEAD_WORDS = word_set("place-leads")  # data/word_classes.ttl
# R_REGION_GLUED: first words of a compound foreign place ("New York", "North Carolina")
COMPOUND_PLACE_FIRSTS = word_set("compound-place-firsts")  # data/word_classes.ttl


def _region_glued(an: TokenView, i: int, j: int) -> int:
    """R_REGION_GLUED: where the name starts after a foreign place glued to it behind a place lead ('bang Ohio X');
    after a Vietnamese place lead ('xã Châu Bình'), up to three syllables are the place (j: no name), and a longer run
    with a surname third is the place's two syllables, then the name ('xã Đồng Tâm Lê Văn A')."""
    toks = an.toks
    if i > 0 and toks[i - 1].text in PLACE_LEAD_WORDS and all(is_vietnamese_syllable(t.text) for t in toks[i:j]):
        if j - i <= 2 or (j - i == 3 and toks[i + 1].text not in MIDDLE_NAMES):
            return j  # "xã Châu Bình"; "tỉnh Đào Văn Hậu" (a middle name second) is a name, the place left out
        if toks[i + 2].text in an.lex.surnames and toks[i + 2].text not in MIDDLE_NAMES:
            return i + 2
        return i
    if i == 0 or j - i < 3 or toks[i - 1].text not in PLACE_LEAD_WORDS \
            or (is_vietnamese_syllable(toks[i].text) and toks[i].text not in COMPOUND_PLACE_FIRSTS) \
            or (i >= 2 and toks[i - 2].text.lower() == "liên") or toks[i + 1].text in NAME_PARTICLES:
        return i  # "Tòa liên bang Raus bin Sharif": a federal court, no state; a particle goes on the name
    if toks[i].text in COMPOUND_PLACE_FIRSTS and j - i >= 4:
        return i + 2
    return i + 1


def clean_run(an: TokenView, i: int, j: int) -> tuple[tuple[int, int] | None, str]:
    """A capitalised run with places, countries, organizations and clause words stripped off its front and
    a glued clause opener off its end (R_RUN_IN); None (and the rule that refused it) when nothing is left
    or the run is no name."""
    toks = an.toks
    if j < len(toks) and toks[j].text == "&" and toks[j].start == toks[j - 1].end:
        return None, R_COMPANY_FRONT  # "Mega T&T": a run glued to '&' is a company's name
    i = _strip_front(an, i, j)
    if 0 < i < j and toks[i - 1].text in PLACE_LEAD_WORDS:
        i = _region_glued(an, i, j)
    if j - i >= 4 or (0 < i < j and toks[i - 1].text == "&"):
        i = _company_front(an, i, j)
    if i >= j:
        return None, R_NOT_A_NAME
    if i > 0:  # what stands before the run: an eponym's head, 'cương vị <post>', a title and a country
        refused = _refused_front(an, i, j)
        if refused is not None:
            return None, refused
        i = _country_prefix(an, i, j)
        if i >= j:
            return None, R_NOT_A_NAME
    if j - i >= 5 and toks[i].text in an.lex.surnames and toks[i + 3].text in an.lex.surnames \
            and toks[i + 3].text not in MIDDLE_NAMES and toks[i + 2].text not in an.lex.surnames \
            and all(is_vietnamese_syllable(t.text) for t in toks[i:j]):
        j = i + 3  # R_TWO_NAMES: "Vũ Văn Tám Phạm Anh": a caption's name, then the photographer's
    if j - i > 2 and toks[j - 1].text == toks[j - 2].text and not is_vietnamese_syllable(toks[j - 1].text):
        j -= 1  # R_DOUBLED_SURNAME: "Vla-đi-mia Pu-tin Pu-tin" written twice by a typo; "Băng Băng" is a given name
    if j - i > 2 and j < len(toks) and f"{toks[j - 1].text} {toks[j].text}" in COMPOUND_AFTER_NAME:
        j -= 1  # R_COMPOUND_AFTER: "Chủ tịch nước Lương Cường Huân chương Mặt trời Peru": the award, not the name
    if j - i > 1 and toks[j - 1].text in RUN_IN_OPENERS and j < len(toks) and toks[j].text[:1].islower() \
            and not all(is_vietnamese_syllable(t.text) for t in toks[i:j - 1]):
        j -= 1  # R_RUN_IN
    # an organization or outlet inside the run means it is not a name
    if an.gaz_cover and any(k in an.gaz_cover and an.gaz_cover[k].kind in ("org", "outlet") for k in range(i, j)):
        inner = [k for k in range(i, j) if k in an.gaz_cover]
        if len(inner) == j - i:
            return None, R_NOT_A_NAME
    return (i, j), R_NOT_A_NAME


def run_candidate(an: TokenView, a: int, b: int) -> tuple[tuple[int, int] | None, str | None]:
    """The name a run of name tokens makes: its span, or None with the rule that refused it (None when
    the run is no candidate yet no refusal: a field of government such as 'Ngoại giao')."""
    b = given_name_word(an, a, b)
    cleaned, why = clean_run(an, a, b)
    if cleaned is None:
        return None, why
    verdict = name_verdict(an, *cleaned)
    if verdict is not True:
        return None, verdict or why
    a, b = cleaned
    if b - a == 1 and is_vietnamese_syllable(an.toks[a].text) and b < len(an.toks) \
            and f"{an.toks[a].text} {an.toks[b].text}" in MINISTRY_FIELDS:
        return None, None  # "Bộ trưởng Ngoại giao": a field of government, not a short name
    return cleaned, None


def valid_name(an: TokenView, i: int, j: int) -> bool:
    """Can the run at tokens i..j be a person's name?"""
    return name_verdict(an, i, j) is True


def name_verdict(an: TokenView, i: int, j: int) -> bool | str:
    """True when the run at tokens i..j can be a person's name, else False or the id of the rule that
    refused it (False: the refusal `clean_run` gave stands)."""
    words = [t.text for t in an.toks[i:j]]
    if not words or len(words) > 7 or (len(words) > 5 and not any(w in ARABIC_LINKS or ARABIC_PIECE.match(w)
                                                                  for w in words[1:])):
        return False  # R_ARABIC_CHAIN: only an Arabic chain of articles and patronyms runs past five words
    if len(words) == 1 and len(words[0].replace(".", "")) < 2:
        return False  # R_NOT_A_NAME: one letter ("H Ngày 15-5", a caption's initial) names nobody
    if all(is_vietnamese_syllable(w) for w in words):
        if len(words) == 2 and words[0] not in an.lex.surnames and not foreign_lead(an, i):
            return False  # "Quỹ Tiền", "Trung Hoa": two capitals without a surname are no full name
        if len(words) == 2 and words[0] in PARTY_OR_MINISTRY_WORDS and i > 0 and (i - 1) in an.title_cover \
                and j < len(an.toks) and an.toks[j].is_word and an.toks[j].text[:1].islower():
            return R_ORG_WORD_AFTER_TITLE  # "Chủ tịch Phòng Thương mại": the organization, not a holder
        return True  # one syllable: a short form, resolved later
    if any(w.isdigit() or _DIGIT.search(w) for w in words):
        return False
    if all(w.isupper() and len(w) > 1 and not ROMAN.match(w) for w in words):
        return False  # acronyms: agencies, organizations
    entry = an.lex.lookup(" ".join(words))
    if entry is not None:
        return False
    if len(words) == 1 and "-" in words[0] and all(an.lex.lookup(w) is not None for w in words[0].split("-")):
        return False  # R_COUNTRY_PAIR: "Nga-Mỹ", "Trung-Ấn" are two countries, not a name
    if party_or_country_chain(an, words):
        return R_ORG_OR_COUNTRIES
    if any(w in ("Bộ", "Vụ", "Cục", "Ban", "Sở", "Viện", "Ủy", "Tập", "Đại") for w in words[1:]) \
            and not all(is_vietnamese_syllable(w) for w in words):
        return False  # "Bắc Mỹ Bộ Ngoại": a department's name ran into the next organization
    if words[-1] in ORG_SUFFIXES or any(w in ORG_SUFFIXES for w in words[1:]):
        return False  # "Tesla Inc", "RBC Capital Markets", "Qatar Airways"
    if an.gaz_cover and any(k in an.gaz_cover and an.gaz_cover[k].kind == "country" for k in range(i, j)):
        return False  # a country inside the run: an organization's name ("Đại học Fulbright Việt Nam")
    return True

def party_or_country_chain(an: TokenView, words: list[str]) -> bool:
    """R_ORG_OR_COUNTRIES: 'Đảng CPP' (a party or ministry word first: an organization) and
    'Campuchia-Lào-Việt Nam' (every hyphenated piece a country or place) name no person."""
    if words[0] in PARTY_OR_MINISTRY_WORDS and words[0] not in an.lex.surnames:
        return True
    text = " ".join(words)
    if "-" not in text:
        return False
    pieces = [p.strip() for p in re.split(r"[-–]", text)]
    return len(pieces) >= 2 and all(p and (e := an.lex.lookup(p)) is not None and e.kind in ("country", "place")
                                    for p in pieces)


def foreign_lead(an: TokenView, i: int) -> bool:
    """R_FOREIGN_SHORT_NAME: a stripped capitalised honorific ("Thủ tướng Cam-pu-chia Xăm-đéc Tê-chô Hun
    Xen") or a foreign country ending a post right before two syllables makes them a foreign name, surname
    or not ("Trung Hoa Dân Quốc" is a state's name, not a person)."""
    if i == 0:
        return False
    prev = an.toks[i - 1].text
    e = an.gaz_cover.get(i - 1)
    if prev in HONORIFICS and prev[:1].isupper() and (i - 1) not in an.title_cover and e is None:
        return True
    # a foreign country closing a post's complement ("Phát ngôn viên Bộ Ngoại giao Trung Quốc Cảnh Sảng"),
    # unless the two words go on with the state's own name ("Trung Hoa Dân Quốc")
    return (e is not None and e.kind == "country" and e.label_vi != "Việt Nam" and (i - 1) not in an.gaz
            and an.toks[i].text not in STATE_NAME_WORDS and an.title_ending_at(i - 1) is not None)
