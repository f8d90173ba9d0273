"""Visits: the visitor and the destination around 'thăm'."""

from __future__ import annotations

import re

from ...lexicon import place_key
from ...rules import Example, rule
from ...wordclasses import alternation
from ..context import ArticleContext, past_year, person_name
from ..drafts import MeetingDraft, Mention
from ..persons import foreign, pair_member, title_reference
from ..places import written_place
from .merge import is_country
from .words import ANAPHORIC_AFTER

R_VISIT = rule(
    "meeting.visit.verb",
    "A visit: the visitor before 'thăm' (or after 'của'), the destination after it.",
    [Example("Thăm\nThủ tướng Trần Văn Bảo bắt đầu chuyến thăm chính thức Hoa Kỳ.",
             {"kind": "meeting", "name": "Hoa Kỳ", "kind_of": "Visit"})])

R_VISIT_FRAMED = rule(
    "meeting.visit.fronted-frame",
    "A visit named in a fronted frame ('Trong khuôn khổ chuyến thăm chính thức Y, <time>, <place>, X …', 'Nhân chuyến thăm "
    "Y, …', 'Trước thềm chuyến thăm Y, …'): the visitor is the subject of the main clause.",
    [Example("Khai mạc\nTrong khuôn khổ chuyến thăm chính thức Tây Ban Nha, tối 23/5, Phó Thủ tướng Lê Văn Tám đã chủ trì "
             "lễ khai mạc Ngày Việt Nam.", {"kind": "participant", "name": "Lê Văn Tám", "kind_of": "Visit"}),
     Example("Phỏng vấn\nTrước thềm chuyến thăm chính thức Liên bang Nga từ ngày 28/6 đến 1/7, Chủ tịch nước Lê Văn Tám đã "
             "trả lời phỏng vấn.", {"kind": "meeting", "kind_of": "Visit", "place": "Liên bang Nga"}),
     Example("Hội đàm\nTrong khuôn khổ chuyến thăm chính thức Mỹ, chiều 31/5, Tổng thống Mỹ John Carter đã đón tiếp và hội đàm "
             "với Thủ tướng Lê Văn Tám tại Nhà Trắng.", {"kind": "meeting", "kind_of": "Visit", "name": "John Carter"},
             present=False),
     Example("Hội đàm\nTrong khuôn khổ chuyến thăm chính thức Mỹ, chiều 31/5, Tổng thống Mỹ John Carter đã đón tiếp và hội đàm "
             "với Thủ tướng Lê Văn Tám tại Nhà Trắng.", {"kind": "participant", "kind_of": "Visit", "name": "Lê Văn Tám"})])
R_VISIT_LIGHT_VERB = rule(
    "meeting.visit.light-verb",
    "A visit made with a light verb, companions or a trip's stages between the visitor and it: 'X đang thực hiện/tiến hành "
    "chuyến thăm Y', 'X và Phu nhân, cùng Đoàn đại biểu cấp cao …, thực hiện chuyến thăm Y', 'X trong chuyến thăm Y', 'X rời "
    "Hà Nội, kết thúc tốt đẹp chuyến thăm Y'; 'cấp Nhà nước' qualifies the visit in either case.",
    [Example("Thăm\nThủ tướng Lê Văn Tám đang thực hiện chuyến thăm chính thức Hoa Kỳ từ ngày 29 - 31/5.",
             {"kind": "participant", "name": "Lê Văn Tám", "kind_of": "Visit"}),
     Example("Thăm\nBộ trưởng Quốc phòng Mỹ John Carter trong chuyến thăm chính thức tới Nhật Bản hôm 3/2.",
             {"kind": "meeting", "kind_of": "Visit", "place": "Nhật Bản", "name": "John Carter"}),
     Example("Gặp\nTổng thống Mỹ John Carter sẽ gặp Giáo hoàng Luca trong chuyến công du Italy sắp tới.",
             {"kind": "meeting", "kind_of": "Visit", "name": "Luca"}, present=False),
     Example("Thăm\nTháng Năm 2016, cựu Tổng thống Mỹ John Carter trong chuyến thăm chính thức Việt Nam đã công bố dự án.",
             {"kind": "meeting", "kind_of": "Visit"}, present=False),
     Example("Kết thúc\nTối 20/6, Chủ tịch Thượng viện Haiti Jean Paul rời Hà Nội, kết thúc tốt đẹp chuyến thăm chính thức Việt Nam.",
             {"kind": "meeting", "kind_of": "Visit", "place": "Việt Nam", "name": "Jean Paul"}),
     Example("Thăm\nTổng thống Séc Jan Novak và Phu nhân sang thăm cấp Nhà nước tới Việt Nam từ ngày 6 - 8/6.",
             {"kind": "meeting", "kind_of": "Visit", "name": "cấp Nhà nước Việt Nam"}),
     Example("Thăm\nChủ tịch nước Lê Văn Tám và Phu nhân, cùng Đoàn đại biểu cấp cao Việt Nam thực hiện chuyến thăm chính "
             "thức Cộng hòa Belarus từ ngày 26 - 28/6.", {"kind": "meeting", "kind_of": "Visit", "place": "Cộng hòa Belarus"}),
     Example("Thăm\nThủ tướng Lê Văn Tám cho biết Bộ Ngoại giao đang chuẩn bị chuyến thăm chính thức Hoa Kỳ.",
             {"kind": "participant", "name": "Lê Văn Tám", "kind_of": "Visit"}, present=False)])

R_VISIT_DEST_AFTER = rule(
    "meeting.visit.destination-after-visitor",
    "'chuyến thăm của X tới/đến/sang <place>': the destination follows the visitor.",
    [Example("Chuẩn bị\nNga tích cực chuẩn bị chuyến thăm của Tổng thống Nga Ivan Petrov tới Việt Nam trong năm nay.",
             {"kind": "meeting", "kind_of": "Visit", "place": "Việt Nam"})])
R_VISIT_APPOSITIVE = rule(
    "meeting.visit.appositive-participle",
    "A visitor named before a participle clause after his post: 'ông X, Bộ trưởng Ngoại giao Y, đang thăm chính thức Z'.",
    [Example("Tiếp\nSáng 2/4, Tổng Bí thư Trần Văn Bảo đã tiếp ông Lý Minh, Ủy viên Quốc vụ, Bộ trưởng Ngoại giao Trung "
             "Quốc, đang thăm chính thức Việt Nam.", {"kind": "participant", "name": "Lý Minh", "kind_of": "Visit"})])
R_WELCOMERS = rule(
    "role.attendee.welcomers",
    "Who welcomes a visitor takes part in his visit: a list after 'Đón đoàn tại sân bay có: A; B', or the subjects of "
    "'A và B đón <visitor>'.",
    [Example("Tổng thống Nga thăm Việt Nam\nRạng sáng 20/6, Tổng thống Nga Ivan Petrov bắt đầu thăm cấp Nhà nước Việt Nam. "
             "Đón đoàn tại sân bay có: Phó Thủ tướng Trần Văn Bảo; Thứ trưởng Bộ Ngoại giao Lê Thị Hoa.",
             {"kind": "participant", "name": "Lê Thị Hoa", "kind_of": "Visit"}),
     Example("Tổng thống Nga thăm Việt Nam\nRạng sáng 20/6, Tổng thống Nga Ivan Petrov bắt đầu thăm cấp Nhà nước Việt Nam. "
             "Phó Thủ tướng Trần Văn Bảo và Thứ trưởng Lê Thị Hoa đón Tổng thống Ivan Petrov tại sân bay Nội Bài.",
             {"kind": "participant", "name": "Trần Văn Bảo", "kind_of": "Visit"})])
R_VISIT_QUOTED = rule(
    "meeting.visit.quoted-visitor",
    "'ông X phát biểu (với báo chí) trước chuyến thăm Y': the speaker is the visitor; a short form is named by the "
    "article's post and full name.",
    [Example("Đức cần Nga\nNgoại trưởng Đức Hans Weber khẳng định thế giới cần Nga. Bộ Ngoại giao Đức dẫn lời ông Weber "
             "phát biểu trước chuyến thăm Krasnodar (Nga), nơi sẽ diễn ra hội nghị.",
             {"kind": "meeting", "kind_of": "Visit", "name": "Ngoại trưởng Đức Hans Weber", "place": "Krasnodar"})])
R_VISIT_HOST = rule(
    "role.attendee.visit-host",
    "Who welcomes a visitor takes part in the visit ('X nhiệt liệt chào mừng Y sang thăm Việt Nam').",
    [Example("Tiếp\nChủ tịch Quốc hội Trần Văn Bảo nhiệt liệt chào mừng Tổng thống Chile Carlos Mena sang thăm Việt Nam.",
             {"kind": "participant", "name": "Trần Văn Bảo", "kind_of": "Visit"})])
R_VISIT_ORG = rule(
    "meeting.refuse.visit-to-organization",
    "Calling on an organization ('thăm Đại sứ quán Việt Nam tại Pháp', 'thăm nhà máy') is no state visit.",
    [Example("Thăm\nPhó Chủ tịch Quốc hội Trần Văn Bảo thăm Đại sứ quán Việt Nam tại Pháp.",
             {"kind": "meeting", "kind_of": "Visit"}, present=False)])

R_COMPANIONS = rule(
    "role.attendee.companions",
    "Who accompanies a visitor takes part in his visit: the list after 'Tháp tùng X (trong chuyến thăm …) (còn) có A, B' "
    "or 'Cùng đi với X có A; B'.",
    [Example("Thủ tướng Nhật Bản thăm Mỹ\nNgày 9/2, Thủ tướng Nhật Bản Kenji Ono bắt đầu chuyến thăm chính thức Mỹ. Tháp tùng "
             "Thủ tướng Kenji Ono còn có Bộ trưởng Tài chính Taro Mori và Ngoại trưởng Ichiro Sato.",
             {"kind": "participant", "name": "Ichiro Sato", "kind_of": "Visit"}),
     Example("Thủ tướng Lào thăm Việt Nam\nNgày 9/2, Thủ tướng Lào Bounmy Vong thăm chính thức Việt Nam. Cùng đi với Thủ tướng "
             "có các đồng chí Khamla Sy, Phó Thủ tướng; Somphet Lo, Bộ trưởng Bộ Tài chính.",
             {"kind": "participant", "name": "Somphet Lo", "kind_of": "Visit"}),
     Example("Thủ tướng Lào tới Hà Nội\nNgày 7/2, Thủ tướng Lào Bounmy Vong tới Hà Nội đồng chủ trì Kỳ họp lần thứ 50 Ủy ban "
             "liên Chính phủ Việt Nam - Lào. Cùng đi với Thủ tướng có các đồng chí Khamla Sy, Phó Thủ tướng; Somphet Lo, "
             "Bộ trưởng Bộ Tài chính.", {"kind": "participant", "name": "Khamla Sy", "meeting": "Kỳ họp lần thứ 50"}),
     Example("Thủ tướng Nhật Bản thăm Mỹ\nNgày 9/2, Thủ tướng Nhật Bản Kenji Ono bắt đầu chuyến thăm chính thức Mỹ. Bộ trưởng "
             "Tài chính Taro Mori cho biết đoàn doanh nghiệp tháp tùng có 80 công ty.",
             {"kind": "participant", "name": "Taro Mori", "kind_of": "Visit"}, present=False)])

R_VISIT_AFTER_ENDING = rule(
    "meeting.visit.after-ending",
    "The sentence's first person before 'sau khi kết thúc / trước khi bắt đầu chuyến thăm (công du) Y', no other between, "
    "makes the visit: 'X về nước sau khi kết thúc chuyến công du Nhật Bản' is X's visit of Japan.",
    [Example("Công du\nNgày 3/5, Tổng thống Chile Carlos Mena đã về nước sau khi kết thúc chuyến công du Nhật Bản.",
             {"kind": "participant", "name": "Carlos Mena", "kind_of": "Visit"}),
     Example("Công du\nTổng thống Chile Carlos Mena phát biểu sau khi Thủ tướng Nhật Bản Kenji Sato kết thúc chuyến thăm Chile.",
             {"kind": "participant", "name": "Carlos Mena", "kind_of": "Visit"}, present=False),
     Example("Công du\nTổng thống Chile Carlos Mena sẽ chọn người kế nhiệm Bộ trưởng Luis Vega trước khi bắt đầu chuyến "
             "công du Nhật Bản.", {"kind": "participant", "name": "Luis Vega", "kind_of": "Visit"}, present=False)])
# R_VISIT_AFTER_ENDING: "sau khi kết thúc chuyến …" right before the kind word (the visitor is the clause's subject)
ENDING_TRIP = re.compile(r"\b(?:sau khi|trước khi)\s+(?:kết thúc|bắt đầu|hoàn tất)(?:\s+tốt đẹp)?\s+(?:(?:chuyến|cuộc)\s*)?$")
# "trước/sau khi" between a person and the kind word: the person's own clause ends there (R_VISIT_AFTER_ENDING)
WHEN_CLAUSE = re.compile(r"\b(?:trước|sau) khi\b")
# the qualifiers of a visit ("thăm chính thức", "cấp Nhà nước", "làm việc", "hữu nghị")
VISIT_QUALIFIER = r"(?:chính thức|cấp [Nn]hà nước|làm việc|hữu nghị)"

VISIT_GAP = re.compile(r"\s*(?:(?:đã|sẽ|vừa|đang|đang ở|ở|bắt đầu|kết thúc|có|tới|đến|sang|lên đường|hiện|thực hiện|tiến hành|"
                       r"(?:cùng|và) (?:Phu nhân|phu nhân|Phu quân|phu quân)(?: và [^,.;]{0,60}?)?|"
                       r",?\s*cùng (?:với )?(?:Đoàn|đoàn|phái đoàn)[^,.;]{0,60}?,?|[\w\s,-]{0,120}?(?:bắt đầu|kết thúc)(?: tốt đẹp| thành công)?|dẫn đầu [^,.;]{0,80}?|"
                       r"(?:tới|đến|sang)\s+[A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ][\w-]*"
                       r"(?:\s+[A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ][\w-]*){0,3}\s*,?)\s*)*"
                       r"(?:chuyến|cuộc)?\s*")  # R_VISIT_VIA_CITY: "X tới Tokyo thăm chính thức Nhật Bản"
DURING_GAP = re.compile(r"\s*(?:(?:đã|sẽ|vừa|đang)\s+)?(?:(?:tới|đến|sang)\s+[A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ][\w-]*"
                        r"(?:\s+[A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ][\w-]*){0,3}\s+)?trong\s+(?:(?:chuyến|cuộc)\s*)?")
PAST_CUE = re.compile(r"(?i)\b(?:vừa qua|hồi|năm ngoái|năm trước|trước đây|từng|tháng\s+(?:\d{1,2}|năm|giêng)\s*[/-]?\s*(?:năm\s+)?(?:19|20)\d\d|"
                      r"năm (?:19|20)\d\d)\b")
LIGHT_VERB = re.compile(r"\b(?:thực hiện|tiến hành|tốt đẹp|thành công)\b|\bcùng (?:với )?(?:Đoàn|đoàn|phái đoàn)|\bvà (?:Phu nhân|phu nhân|Phu quân|phu quân)")  # R_VISIT_LIGHT_VERB
# R_VISIT_HOST: who welcomes a visitor hosts the visit ("X nhiệt liệt chào mừng Y sang thăm Việt Nam")
WELCOME = re.compile(r"(?i)\b(?:chào mừng|đón|đón tiếp)\s*$")
# R_WELCOMERS: "Đón đoàn tại sân bay có: A; B", "Ra đón … có", "A và B (đã) ra đón <visitor>"
WELCOME_LIST = re.compile(r"^\s*(?:\*\s*)?(?:Ra đón|Đón tiếp|Đón|Tiễn)\b[^.;:]{0,90}?\bcó\s*:?\s*")
WELCOME_VERB = re.compile(r"(?<![\w-])(?:ra\s+|đã\s+|cùng\s+)*(?:đón|đón tiếp)\s+(?!tiếp\b)")
CITY_THEN_COUNTRY = re.compile(r"\s*([A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ][\w-]*)\s*\(([^()]{2,30})\)")
VISIT_QUOTED = re.compile(r"\s*(?:đã\s+)?(?:phát biểu|nói|cho biết|chia sẻ|tuyên bố|trả lời phỏng vấn)(?:\s+[^\s,.;]+){0,3}?"
                          r"\s+trước(?:\s+thềm)?\s+(?:chuyến\s+)?")  # R_VISIT_QUOTED
VISIT_APPOSITIVE = re.compile(r"[^,.;()“”\"]{0,50},\s*(?:hiện\s+)?(?:đang|vừa)\s+(?:có\s+)?(?:chuyến\s+)?")  # R_VISIT_APPOSITIVE
DEST_AFTER_VISITOR = re.compile(r"\s*(?:tới|đến|sang)\s+(?:thăm\s+)?")  # R_VISIT_DEST_AFTER
VISIT_TO_ORG = re.compile(rf"(?i)\s*(?:và làm việc (?:với|tại)\s+)?(?:{alternation('visited-organizations')})\b")


def refused_visit(ctx: ArticleContext, sent: str, start: int, end: int, word: str) -> bool:
    """A 'thăm' that is no state visit: no destination or qualifier after it, the visit in focus, a call on
    an organization (R_VISIT_ORG), or a visit of the past (R_VISIT_PAST)."""
    if word.lower() == "thăm" and not re.match(rf"\s*(?:{VISIT_QUALIFIER}|[A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ]|và|tới|đến)", sent[end:]) \
            and not re.search(r"(?:chuyến|cuộc)\s*$", sent[:start]):
        return True
    if ANAPHORIC_AFTER.match(sent, end) or re.match(r"\s*(?:kéo dài|lần này)\b", sent[end:]) \
            or (word.lower() != "thăm" and re.match(r"\s*[,.;:]", sent[end:])):
        return True  # R_MEETING_ANAPHORA: "nhân chuyến thăm này", "kết thúc chuyến thăm kéo dài 3 ngày", "Trong chuyến thăm, …"
    if VISIT_TO_ORG.match(sent, end):
        return True  # R_VISIT_ORG: "thăm Đại sứ quán …", "thăm nhà máy …": a call on an organization, not a trip
    return False


def destination(ctx: ArticleContext, sent: str, end: int) -> tuple[str, str | None]:
    """The visit's qualifier ('chính thức', 'cấp nhà nước') and its destination as written."""
    after = sent[end:end + 80]
    after = re.split(r"\bcủa\b", after)[0]  # "chuyến thăm Cuba của Chủ tịch Quốc hội Lào": the place is before "của"
    qual = re.match(rf"\s*({VISIT_QUALIFIER}(?: {VISIT_QUALIFIER})*)?", after)
    qualifier = qual.group(1) if qual and qual.group(1) else ""
    place = None
    cc = CITY_THEN_COUNTRY.match(after, len(qual.group(0)) if qual else 0)
    if cc is not None and ctx.lex.lookup(cc.group(1)) is None and is_country(cc.group(2).strip()):
        place = cc.group(1)  # R_VISIT_QUOTED: "chuyến thăm Krasnodar (Nga)": the city as written
    for s0, e0, entry in ([] if place else ctx.lex.find(after)):
        if entry.kind in ("country", "place") and s0 < 40:
            place = written_place(after, s0, e0)  # R_PLACE_AS_WRITTEN
            break
    if place is None:
        tm = re.search(r"\btại ([A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ][\w-]*(?: [A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ][\w-]*){0,3})", sent[end:])
        if tm:
            e = ctx.lex.lookup(tm.group(1))
            place = e.label_vi if e else None
    return qualifier, place


def past_visit(ctx: ArticleContext, sent: str, start: int, end: int) -> bool:
    """R_VISIT_PAST: a visit of the past, background to the story."""
    if re.search(r"\b(?:hồi|từng|trước đây|trước đó|năm (?:19|20)\d\d)\b", re.sub(r"^\s*Trước đó,", "", sent)) \
            and not re.search(r"\b(?:đang|bắt đầu|sẽ)\b", sent):
        return True
    # "tiếp theo chuyến thăm … vào tháng 1", "chuyến thăm … tháng 4/2009"
    return bool(re.search(r"(?i)\btiếp theo\s+(?:các\s+)?$", sent[max(0, start - 30):start].replace("chuyến", "").replace("cuộc", ""))
                or past_year(ctx, sent[end:end + 120]))


def visitor_of(sent: str, start: int, end: int, ms: list[Mention]) -> tuple[Mention | None, list[str]]:
    """R_VISIT: who visits: the person after 'của', the subject right before 'thăm' (or before a participle
    clause after his post, R_VISIT_APPOSITIVE), the head of a delegation ('do X dẫn đầu'), or the first
    person after a framing 'nhân dịp chuyến thăm'; and the rules beyond R_VISIT that found him."""
    visitor = next((m for m in ms if m.start > end and re.fullmatch(r"[^,.;]{0,40}\bcủa\s*", sent[end:m.title_start])
                    and "mời" not in sent[end:m.title_start]), None)
    if visitor is not None:
        return visitor, []
    direct = [m for m in ms if m.end <= start and VISIT_GAP.fullmatch(sent, m.after_end, start)
              and (not WHEN_CLAUSE.search(sent, m.after_end, start)
                   or (m is ms[0] and ENDING_TRIP.search(sent, m.after_end, start)))]
    if direct:
        if WHEN_CLAUSE.search(sent, direct[-1].after_end, start):
            return direct[-1], [R_VISIT_AFTER_ENDING]  # "X về nước sau khi kết thúc chuyến công du Y"
        light = LIGHT_VERB.search(sent, direct[-1].after_end, start)
        return direct[-1], ([R_VISIT_LIGHT_VERB] if light is not None else [])
    # R_VISIT_LIGHT_VERB: "X (sẽ tới Moskva) trong chuyến thăm Y": the sentence's first person, no meeting verb before
    # "trong" (the object of "gặp … trong chuyến thăm" may be host or guest), no past date (a visit recalled)
    during = [m for m in ms[:1] if m.end <= start and DURING_GAP.fullmatch(sent, m.after_end, start)]
    if during and not PAST_CUE.search(sent):
        return during[0], [R_VISIT_LIGHT_VERB]
    # R_VISIT_QUOTED: "ông X phát biểu trước chuyến thăm Y": the speaker is about to make the visit
    quoted = [m for m in ms if m.end <= start and VISIT_QUOTED.fullmatch(sent, max(m.end, m.after_end), start)]
    if quoted:
        return quoted[-1], [R_VISIT_QUOTED]
    # R_VISIT_APPOSITIVE: "ông X, <post>, đang thăm chính thức Việt Nam": a participle clause after the name
    appos = [m for m in ms if m.end <= start and VISIT_APPOSITIVE.fullmatch(sent, max(m.end, m.after_end), start)]
    if appos:
        return appos[-1], [R_VISIT_APPOSITIVE]
    dm = re.search(r"\bdo ([^.;]{0,200}?),? dẫn đầu", sent)
    if dm:
        visitor = next((m for m in ms if dm.start(1) <= m.start < dm.end(1)), None)
    if visitor is None and re.search(r"(?i)(?:tiếp tục|trong khuôn khổ|nhân dịp|trong dịp|trong thời gian|trước thềm|nhân)\s*"
                                     r"(?:chuyến\s*)?$", sent[:start]):
        # R_VISIT_FRAMED: the subject of the main clause, after the frame's comma ("Trong khuôn khổ chuyến thăm Y, tối 23/5, X …");
        # a name right after "tại" is a place, not the subject
        visitor = next((m for m in ms if m.start > end and not re.search(r"(?:tại|ở)\s+$", sent[max(0, m.title_start - 6):m.title_start])),
                       None)
        return visitor, ([R_VISIT_FRAMED] if visitor is not None else [])
    return visitor, []


def destination_after(ctx: ArticleContext, sent: str, visitor: Mention) -> str | None:
    """R_VISIT_DEST_AFTER: "chuyến thăm của Tổng thống X tới Việt Nam": a country right after the visitor."""
    dm = DEST_AFTER_VISITOR.match(sent, max(visitor.end, visitor.after_end))
    if dm is None:
        return None
    hit = next(((a, b) for a, b, e in ctx.lex.find(sent[dm.end():dm.end() + 40]) if a == 0 and e.kind == "country"), None)
    return sent[dm.end():dm.end() + hit[1]] if hit is not None else None


def visit_meeting(ctx: ArticleContext, si: int, sent: str, start: int, end: int, word: str, ms: list[Mention],
                  planned: bool) -> MeetingDraft | None:
    """R_VISIT: a visit, named 'Chuyến thăm <qualifier> <destination> của <visitor's title and name>'."""
    if refused_visit(ctx, sent, start, end, word) or past_visit(ctx, sent, start, end):
        return None
    qualifier, place = destination(ctx, sent, end)
    # whoever invited is the host, never the visitor ("Nhận lời mời của Chủ tịch Quốc hội X, …"); the pair of
    # leaders ("lãnh đạo hai nước", R_LEADER_PAIR) is no visitor
    ms = [m for m in ms if not pair_member(m, ms)]
    ms = [m for m in ms if not re.search(r"mời\s+(?:của\s+)?(?:\S+\s+){0,2}$", sent[max(0, m.title_start - 30):m.title_start])]
    visitor, extra_rules = visitor_of(sent, start, end, ms)
    if visitor is not None and R_VISIT_FRAMED in extra_rules and place is not None and holds_post_of(ctx, visitor, place):
        # R_VISIT_FRAMED: "Trong khuôn khổ chuyến thăm Mỹ, Tổng thống Mỹ X đã đón tiếp Y": the host speaks; Y visits
        visitor = next((m for m in ms if m.start > visitor.end and not holds_post_of(ctx, m, place)), None)
    vname = person_name(ctx, visitor) if visitor is not None else None
    if visitor is None:
        ref = title_reference(ctx, sent[end:end + 60]) if "mời" not in sent[end:end + 60] else None
        if ref is None:
            return None
        vname, title = ref
    else:
        title = sent[visitor.title_start:visitor.end]
        if visitor.tok_start < 0:
            title = f"{title} {vname}"  # a bare title resolved to its holder (R_BARE_TITLE)
        elif visitor.title_start >= visitor.start and vname in ctx.people and ctx.people[vname].posts \
                and vname != visitor.name:
            title = f"{ctx.people[vname].posts[0].title} {vname}"  # R_VISIT_QUOTED: "ông Gabriel" → his post and name
    if vname is None:
        return None  # never: the mentions given are persons of the article
    if place is None and visitor is not None:
        place = destination_after(ctx, sent, visitor)
        extra_rules += [R_VISIT_DEST_AFTER] if place is not None else []
    place_txt = f" {place}" if place else ""
    qual_txt = f" {qualifier}" if qualifier else ""
    name = f"Chuyến thăm{qual_txt}{place_txt} của {title}"
    mt = MeetingDraft(key="", kind="Visit", kind_word="thăm", name=name, named=False, sentence_index=si,
                      status="planned" if planned else "held", evidence=sent, visitor=vname, place=place,
                      rules=[R_VISIT] + extra_rules)
    ctx.add_participant(mt, vname, "attendee", sent, R_VISIT)
    if visitor is not None:
        w = WELCOME.search(sent, max(0, visitor.title_start - 30), visitor.title_start)
        host = next((m for m in reversed(ms) if w is not None and m.after_end <= w.start()
                     and re.fullmatch(r"\s*(?:\S+\s*){0,3}", sent[m.after_end:w.start()])), None)
        if host is not None and (hn := person_name(ctx, host)) and hn != vname:
            ctx.add_participant(mt, hn, "host", sent, R_VISIT_HOST)  # R_VISIT_HOST
    return mt


def welcomers(ctx: ArticleContext, sent: str, ms: list[Mention]) -> None:
    """R_WELCOMERS: who welcomes a visitor takes part in the visit: a list after 'Đón … có:' ('Đón đoàn tại sân
    bay có: A; B'), or the subjects of 'A và B đón <visitor>'. The visit is the article's visit of that visitor
    (for the list: its one visit in progress). Run once every visit of the article is known."""
    visits = [m for m in ctx.meetings if m.kind == "Visit" and m.status != "proposed" and m.visitor]
    if not visits:
        return
    lm = WELCOME_LIST.match(sent)
    if lm is not None:
        if len({v.visitor for v in visits}) != 1:
            return
        last = visits[-1]
        for m in ms:
            n = person_name(ctx, m)
            if n and m.start >= lm.end() and n != last.visitor:
                ctx.add_participant(last, n, "host", sent, R_WELCOMERS, keep=True)
        return
    for vm in WELCOME_VERB.finditer(sent):
        after = next((m for m in ms if m.title_start >= vm.end() and not sent[vm.end():m.title_start].strip()), None)
        vname = person_name(ctx, after) if after is not None else None
        visit = next((v for v in reversed(visits) if v.visitor == vname), None)
        if visit is None:
            continue
        clause_start = max(sent.rfind(x, 0, vm.start()) for x in ".;:") + 1
        for m in ms:
            n = person_name(ctx, m)
            if n and n != vname and clause_start <= m.start and m.end <= vm.start() \
                    and not re.search(r"[,;]\s*(?!và\b)[a-zđ]", sent[m.after_end:vm.start()]) \
                    and not host_elsewhere(ctx, n, visit):
                ctx.add_participant(visit, n, "host", sent, R_WELCOMERS, keep=True)


# R_COMPANIONS: "Tháp tùng <visitor> (…) (còn) có A, B", "Cùng đi với <visitor> (…) có A; B"
COMPANIONS = re.compile(r"(?:^\s*(?:\*\s*)?(?:[^,.;]{0,30}\blà\s+)?(?:tháp tùng|cùng đi với)|(?<!\w)(?:Tháp tùng|Cùng đi với))\s+(?P<who>[^.;:]{2,120}?)\s+"
                        r"(?:(?:cũng|còn|thì)\s+)?có\s*(?:các đồng chí|các ông|ông|bà)?\s*:?\s*")


def companions(ctx: ArticleContext, sent: str, ms: list[Mention]) -> None:
    """R_COMPANIONS: the persons listed after 'Tháp tùng X … có' take part in X's visit (the article's visit of X,
    or of the one participant holding the bare title X), else in the first meeting X takes part in (a delegation
    that travels to a session); a list of companies or a sentence with no named person adds nobody."""
    cm = COMPANIONS.search(sent)  # a caption glued before it ("Ảnh: TTXVN Tháp tùng …") does not hide it
    if cm is None:
        return
    visits = [m for m in ctx.meetings if m.kind == "Visit" and m.status != "proposed" and m.visitor]
    lead = next((m for m in ms if cm.start("who") <= m.title_start < cm.end("who")), None)
    vname = person_name(ctx, lead) if lead is not None else None
    if vname is None:
        ref = title_reference(ctx, "của " + cm.group("who"))  # "Tháp tùng Thủ tướng có …": the one holder of the title
        vname = ref[0] if ref is not None else None
    if vname is None and len({v.visitor for v in visits}) == 1 and re.match(r"(?:ông|bà|ngài)?\s*[A-ZĐ]", cm.group("who")):
        vname = visits[0].visitor  # "Tháp tùng Phó Thủ tướng Thường trực có …": the article's one visitor
    visit = next((v for v in visits if v.visitor == vname), None)
    if visit is None and vname is None:
        held = {n for mt in ctx.meetings if mt.status != "proposed" for n in mt.names()}
        named = [n for n in held if n in ctx.people and re.match(r"(?:ông|bà|ngài)?\s*" + re.escape(cm.group("who").split()[0]),
                                                                 ctx.people[n].posts[0].title if ctx.people[n].posts else "-")]
        vname = named[0] if len(named) == 1 else None  # "Cùng đi với Thủ tướng có …": the one Thủ tướng taking part
    if visit is None:
        # no visit of his: the delegation travels to the first meeting he takes part in ("tới Hà Nội dự Kỳ họp …")
        visit = next((mt for mt in ctx.meetings if mt.status != "proposed" and mt.named and vname in mt.names()
                      and "thăm" not in cm.group("who")), None)
    if visit is None:
        return
    for m in ms:
        n = person_name(ctx, m)
        if n and m.start >= cm.end() and n != vname and m.tok_start >= 0:  # a bare title ("Thư ký Thủ tướng") names nobody here
            ctx.add_participant(visit, n, "attendee", sent, R_COMPANIONS, keep=True)


def holds_post_of(ctx: ArticleContext, m: Mention, place: str) -> bool:
    """R_VISIT_FRAMED: whether the person of `m` holds a post of the country `place` (a host, not a visitor there)."""
    name = person_name(ctx, m)
    dest = place_key(place)
    return bool(name and dest and name in ctx.people
                and any(p.organization and place_key(p.organization) == dest for p in ctx.people[name].posts))


def host_elsewhere(ctx: ArticleContext, name: str, visit: MeetingDraft) -> bool:
    """R_WELCOMERS: a welcomer holding a post of another foreign country than the visit's destination welcomed
    the visitor on another trip ("Thủ tướng Đức X đón Thủ tướng Y" is no host of Y's visit to the US)."""
    dest = place_key(visit.place)
    if not dest:
        return False
    countries = {place_key(p.organization) for p in ctx.people[name].posts if p.organization
                 and foreign(ctx, p.organization)}
    countries = {c for c in countries if c and (e := ctx.lex.lookup(c)) is not None and e.kind == "country"}
    return bool(countries) and dest not in countries
