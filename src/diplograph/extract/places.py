"""Where a meeting is held, and who organizes it."""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import PLACE_PREFIX_BEFORE
from ..rules import Example, rule
from ..wordclasses import word_set
from .context import ArticleContext
from .drafts import MeetingDraft

R_PLACE = rule(
    "place.cue",
    "A meeting's place follows 'tại'/'ở' (also fronted 'Tại X, …'), venue and city kept together; never a reporter's "
    "dateline or a topic ('về … ở Châu Phi').",
    [Example("Tiếp\nChiều 3/4, tại Điện Élysée, thủ đô Paris, Tổng thống Pháp Jean Morel đã tiếp Thủ tướng Trần Văn Bảo.",
             {"kind": "meeting", "kind_of": "Reception", "place": "Điện Élysée, Paris"}),
     Example("Hội đàm\nThủ tướng Trần Văn Bảo hội đàm với Tổng thống Mỹ Tom Reed về các dự án hạ tầng ở Châu Phi.",
             {"kind": "meeting", "kind_of": "Talks", "place": "Châu Phi"}, present=False),
     Example("Hội kiến\nCùng ngày, tại Đại lễ đường Nhân dân, Bắc Kinh, Chủ tịch nước Trần Văn Bảo đã hội kiến với Thủ tướng "
             "Trung Quốc Lý Văn Minh.", {"kind": "meeting", "kind_of": "CourtesyCall", "place": "Đại lễ đường Nhân dân, Bắc Kinh"}),
     Example("Hội nghị\nHội nghị thượng đỉnh G20 đã khai mạc tại Hamburg (Đức). Thủ tướng Trần Văn Bảo dự hội nghị.",
             {"kind": "meeting", "kind_of": "Summit", "place": "Hamburg"})])

R_PLACE_IN_TITLE = rule(
    "place.refuse.in-title",
    "A 'tại X' inside a post ('Đại sứ Việt Nam tại Nga Lê Văn A') is part of the post, not the meeting's place.",
    [Example("Phỏng vấn\nĐại sứ Việt Nam tại Nga Lê Văn Tám trả lời phỏng vấn trước Hội nghị Ngoại giao lần thứ 40. "
             "Đại sứ Lê Văn Tám dự Hội nghị Ngoại giao lần thứ 40.", {"kind": "meeting", "place": "Nga"}, present=False)])

R_REGION_IN_NAME = rule(
    "place.refuse.region-in-name",
    "A continent, ocean or region inside a meeting's name ('Diễn đàn Tương lai châu Á', 'APEC châu Á - Thái Bình Dương') "
    "says what the meeting is about, not where it is held; a city in the name still is ('Hội nghị G20 Hàng Châu').",
    [Example("Diễn đàn\nNgày 5/6, Thủ tướng Trần Văn Bảo dự Diễn đàn Hợp tác Kinh tế châu Á lần thứ 12.",
             {"kind": "meeting", "kind_of": "Forum", "place": "châu Á"}, present=False),
     Example("Hội nghị\nNgày 5/6, Thủ tướng Trần Văn Bảo dự Hội nghị Thượng đỉnh Đông Á lần thứ 12 tại Manila.",
             {"kind": "meeting", "kind_of": "Summit", "place": "Manila"}),
     Example("Hội nghị\nNgày 5/6, Bộ trưởng Lê Văn Tám dự Hội nghị Bộ trưởng Kinh tế Thượng Hải lần thứ 3.",
             {"kind": "meeting", "kind_of": "Conference", "place": "Thượng Hải"})])
REGIONS = frozenset(w.casefold() for w in word_set("region-names"))  # data/word_classes.ttl (# i19a)

VENUE_HEAD = re.compile(r"(?:Nhà khách|nhà khách|Đại lễ đường|Cung|Dinh|Điện|Phủ|Nhà Quốc hội|Nhà Trắng|Trung tâm Hội nghị|"
                        r"Khách sạn|khách sạn|Trụ sở|Tòa nhà|Văn phòng Chính phủ)(?=\s|$)")
VENUE_END = re.compile(r"\s*[,;.()“”\"]|\s(?:và|vào|với|để|khi|sau|trước|nơi|ngày|sáng|chiều|tối|ở|tại|hồi|giữa|trong|của|cho|"
                       r"về|đã|sẽ|đang|vừa|là|có|được)(?=\s|$)")
CITY_COUNTRY = re.compile(r"\s*(?:,|\()\s*([^,.;()]{2,30})")
# R_PLACE_IN_TITLE: posts whose complement holds a "tại X" ("Đại sứ Việt Nam tại Nga")
ENVOY_TITLE = re.compile(r"(?i)đại sứ|lãnh sự|đại biện|trưởng đại diện|đại diện thường trực|tùy viên|trưởng cơ quan đại diện")
PLACE_CUE = re.compile(r"(?i)\b(?:tại|ở)\s+")
DATELINE_BEFORE = re.compile(r"(?i)(?:phóng viên|PV|thường trú|đưa tin từ|hãng tin)[^,.;]{0,25}$")
TOPIC_BEFORE = re.compile(r"(?i)\bvề\b[^,.;]*$")
VENUE_CITY = re.compile(r"(?P<venue>(?:[Nn]hà khách|[Tt]rụ sở|[A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ][\w-]*)"
                        r"(?: [A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ][\w-]*){1,5})\s*(?:,|\()\s*"
                        r"(?:(?:thủ đô|thành phố|TP\.?)\s+)?(?P<city>[^,.;()]{2,40})")

PLACE_LEAD = re.compile(r"(?:thủ đô|thành phố|TP\.?|tỉnh|bang|thị trấn|đảo|thị xã|quận|huyện)\s+|trụ sở[^,;.]{0,50}?\s(?:ở|tại)\s+")


def found_first(matches, s0: int) -> bool:
    """'Bangkok, Thái Lan': the country after a comma counts only when a place stands first."""
    return any(m[0] == 0 and m[2].kind in ("place", "country") for m in matches)



_ORGANIZER_DO = re.compile(r"\bdo ([^,.;]{2,80}?) (?:đồng )?tổ chức")
_ORGANIZER_BEFORE = re.compile(r"([^.;]{2,120}?)\s+(?:đã |vừa |sẽ )?(?:phối hợp với [^,.;]{2,60} )?(?:long trọng )?tổ chức\b")


@lru_cache(maxsize=64)
def _organizer_matches(sent: str) -> tuple[re.Match | None, re.Match | None]:
    if "tổ chức" not in sent:
        return None, None
    return _ORGANIZER_DO.search(sent), _ORGANIZER_BEFORE.search(sent)


def _skipped_cue(sent: str, m: re.Match, window: str, pos: int) -> bool:
    """A 'tại'/'ở' that leads no place of the meeting: lower case after it, a reporter's dateline
    (R_PLACE_NOT_DATELINE: "phóng viên TTXVN tại Tokyo"), or a topic (R_PLACE_NOT_TOPIC: "về các dự án ở Châu Phi")."""
    if window[:1].islower() and not re.match(r"(?:thủ đô|thành phố|trụ sở|tỉnh|bang|thị trấn|nhà khách|khách sạn)\b", window):
        return True
    if DATELINE_BEFORE.search(sent, max(0, m.start() - 40), m.start()):
        return True
    return m.start() > pos and TOPIC_BEFORE.search(sent, pos, m.start()) is not None


def _venue(ctx: ArticleContext, window: str, hits: list) -> str | None:
    """R_PLACE, R_PLACE_VENUE: a venue with its city ("Điện Élysée, thủ đô Paris", "Đại lễ đường Nhân dân,
    Bắc Kinh", "Nhà khách X (Bắc Kinh, …)") or a venue alone ("ở Nhà khách Quốc gia", "nhà khách Bộ Ngoại giao")."""
    venue = VENUE_CITY.match(window)
    if venue is not None and ctx.lex.lookup(venue.group("venue")) is None:
        city_text = venue.group("city")
        hit = next(((a, b, e) for a, b, e in ctx.lex.find(city_text) if a == 0 and e.kind in ("place", "country")), None)
        if hit is not None:
            return f"{venue.group('venue')}, {city_text[:hit[1]]}"
    vh = VENUE_HEAD.match(window)
    if vh is not None and not any(a == 0 and e.kind in ("place", "country") for a, b, e in hits):
        phrase = VENUE_END.split(window)[0]
        phrase = " ".join(phrase.split()[:8])
        rest = window[len(phrase):]
        city = re.match(r"\s*(?:[,(]|\s(?:ở|tại)\s)\s*(?:(?:thủ đô|thành phố)\s+)?([^,.;()]{2,30})", rest)
        hit = next(((a, b, e) for a, b, e in ctx.lex.find(city.group(1)) if a == 0 and e.kind in ("place", "country")),
                   None) if city else None
        if hit is not None and city is not None and hit[2].kind == "place":
            return f"{phrase}, {city.group(1)[:hit[1]]}"
        return phrase
    return None


def _unknown_place(ctx: ArticleContext, window: str) -> str | None:
    """R_PLACE_CITY: a place the lexicon does not know, as written: "tại trụ sở Trung ương Đảng", a
    capitalised name of two words or more, a city before a known country ("tại Hamburg (Đức)", "ở Oslo,
    Na Uy"), or a city after its lead ("tại thành phố Bari")."""
    hq = re.match(r"trụ sở(?: [A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ][\w-]*){1,5}(?=\s*(?:[,.;]|$))", window)
    if hq is not None:
        return hq.group(0)
    cm = re.match(r"([A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ][\w-]*(?: [A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ][\w-]*){0,3})", window)
    if cm and cm.group(1).casefold() in ctx.lex.places_by_label:
        return ctx.lex.places_by_label[cm.group(1).casefold()].label_vi  # "tại Nhà Trắng"
    if cm and not ctx.lex.lookup(cm.group(1)):
        cand = cm.group(1)
        if len(cand.split()) >= 2 and not any(cand.startswith(x) for x in ("Hội nghị", "Diễn đàn", "Kỳ họp", "Lễ")):
            return cand
        cc = CITY_COUNTRY.match(window, cm.end())
        if cc and next((e for a, b, e in ctx.lex.find(cc.group(1)) if a == 0 and e.kind == "country"), None):
            return cand
    led = re.match(r"(?:thủ đô|thành phố|TP\.?)\s+([A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ][\w-]*(?: [A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ][\w-]*){0,2})", window)
    if led and not ctx.lex.lookup(led.group(1)):
        return led.group(1)
    return None


def _place_after_cue(ctx: ArticleContext, window: str) -> str | None:
    """The place a cue leads: a venue, a place of the lexicon (right after the cue or a generic lead
    such as 'thủ đô', 'trụ sở Bộ Ngoại giao Mỹ ở'; the most specific first), else one it does not know."""
    hits = ctx.lex.find(window)
    got = _venue(ctx, window, hits)
    if got is not None:
        return got
    found = [(s0, e0, entry) for s0, e0, entry in hits if entry.kind in ("place", "country")
             and (s0 == 0 or PLACE_LEAD.fullmatch(window[:s0]) or re.fullmatch(r"[^,;.]{0,30}?,\s*", window[:s0])
                  and found_first(hits, s0))]
    # the most specific place named: a city or building before a country ("trụ sở … Mỹ ở Washington")
    specific = [f for f in found if f[2].kind == "place"]
    if specific or found:
        s0, e0, _ = (specific or found)[0]
        return written_place(window, s0, e0)
    return _unknown_place(ctx, window)


R_PLACE_OTHER_MEETING = rule(
    "place.refuse.other-meeting",
    "A 'tại X' after another meeting the sentence plans or names indefinitely ('hai bên nhất trí tổ chức một cuộc gặp cấp "
    "thứ trưởng … tại Moskva') is that meeting's place, not the place of the meeting before it.",
    [Example("Gặp\nSau cuộc gặp giữa Tổng thống Nga Ivan Petrov và Thủ tướng Nhật Bản Kenji Ono, hai bên nhất trí tổ chức "
             "một cuộc gặp cấp thứ trưởng vào tháng 8 tại Moskva.",
             {"kind": "meeting", "name": "Ivan Petrov", "place": "Moskva"}, present=False),
     Example("Gặp\nTại Tokyo, Tổng thống Nga Ivan Petrov gặp Thủ tướng Nhật Bản Kenji Ono; hai bên nhất trí tổ chức một cuộc "
             "gặp cấp thứ trưởng tại Moskva.", {"kind": "meeting", "name": "Ivan Petrov", "place": "Tokyo"})])
# R_PLACE_OTHER_MEETING: another meeting, planned or indefinite, between a meeting and a place cue
OTHER_MEETING = re.compile(r"(?i)\bmột\s+(?:cuộc|buổi|phiên)\s+\w|\btổ chức\s+(?:một\s+)?(?:cuộc|buổi|hội nghị|kỳ họp|phiên)\b")


def meeting_place(ctx: ArticleContext, sent: str, mt: MeetingDraft, pos: int = 0) -> str | None:
    """R_PLACE: where a meeting is held: after 'tại'/'ở' (the cue after its kind word first, nearest first;
    then those before it), else a place inside its name that is no region (a person's name holds none)."""
    cues = sorted(PLACE_CUE.finditer(sent), key=lambda m: (m.start() < pos, abs(m.start() - pos)))
    si = mt.sentence_index
    titles = [(x.title_start, x.end) for x in ctx.mentions[si] if x.title_start < x.start] \
        if 0 <= si < len(ctx.sents) and ctx.sents[si] == sent else []
    other = OTHER_MEETING.search(sent, pos + 4)  # R_PLACE_OTHER_MEETING
    for m in cues:
        if other is not None and m.start() > other.start() > pos:
            continue  # R_PLACE_OTHER_MEETING: "… tổ chức một cuộc gặp … tại Moskva": that meeting's place
        if any(a <= m.start() < b and ENVOY_TITLE.search(sent, a, m.start()) for a, b in titles):
            continue  # R_PLACE_IN_TITLE: "Đại sứ Việt Nam tại Nga Ngô Văn A": part of a post, not a place
        window = sent[m.end():m.end() + 70]
        if _skipped_cue(sent, m, window, pos):
            continue
        got = _place_after_cue(ctx, window)
        if got is not None:
            return got
    bare = mt.name
    for n in [n for n, _ in mt.participants] + list(ctx.people):
        bare = bare.replace(n, " ")  # "Trương Hòa Bình" holds no place
    # R_REGION_IN_NAME: a region in the name is the meeting's topic, a city its place
    return next((entry.label_vi for _, _, entry in ctx.lex.find(bare) if entry.kind == "place"
                 and entry.label_vi.casefold() not in REGIONS), None)


def written_place(text: str, s0: int, e0: int) -> str:
    """R_PLACE_AS_WRITTEN: the place as the text writes it ("Hoa Kỳ", "Vương quốc Bỉ"); the mapper links
    it to the lexicon's place, and resolution compares the lexicon's name."""
    pm = PLACE_PREFIX_BEFORE.search(text[:s0])
    return text[pm.start() if pm else s0:e0]

def organizer(ctx: ArticleContext, sent: str, pos: int) -> str | None:
    # Both searches depend on the sentence only, and cost ~length x 120 steps when "tổ chức" is far or
    # absent: found once per sentence, not once per meeting word (hostile-input fix, tests/test_hostile_inputs.py).
    m, m2 = _organizer_matches(sent)
    if m:
        return org_in(ctx, m.group(1), last=False)
    m = m2
    if m and m.end() <= pos + 5:
        return org_in(ctx, m.group(1), last=True)
    return None

def org_in(ctx: ArticleContext, text: str, last: bool) -> str | None:
    found = [e for _, _, e in ctx.lex.find(text) if e.kind in ("org", "country")]
    if found:
        return (found[-1] if last else found[0]).label_vi
    m = re.search(r"((?:Bộ|Ban|Ủy ban|Văn phòng|Viện|Học viện|Hội đồng|Sở|Đại sứ quán)(?: [A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ]?[\w-]+){1,6})", text)
    return m.group(1) if m else None
