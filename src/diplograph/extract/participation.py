"""Roles in meetings: chair, speaker, attendee, read from verbs and frames around names."""

from __future__ import annotations

import re

from ..lexicon import LiteralAnchored
from ..rules import Example, rule
from ..wordclasses import word_set, words
from .context import ArticleContext, person_name
from .drafts import MeetingDraft, Mention
from .drafts import word_set as text_words
from .meetings.words import KIND_RE

R_COORDINATED = rule(
    "role.attendee.coordinated-verb",
    "The subject of a clause takes part in every meeting its verbs name ('X thăm A và dự B', 'X sẽ tới Z dự B').",
    [Example("Thủ tướng dự hội nghị\nNgày 3/8/2026, Thủ tướng Trần Văn Bảo sẽ tới Cape Town dự Hội nghị Thượng đỉnh "
             "BRICS lần thứ 20.", {"kind": "participant", "name": "Trần Văn Bảo", "meeting": "BRICS lần thứ 20"}),
     Example("Chủ tịch Quốc hội thăm Lào\nNhân dịp này, Chủ tịch Quốc hội Lào Bounmy Vong đã tham dự Lễ kỷ niệm 60 năm quan hệ "
             "ngoại giao; tham dự Hội nghị Chủ tịch Quốc hội ba nước lần thứ 5.",
             {"kind": "participant", "name": "Bounmy Vong", "meeting": "ba nước lần thứ 5"}),
     Example("Thủ tướng dự hội nghị\nChủ tịch nước Trần Văn Bảo cho biết Việt Nam sẽ dự Hội nghị Thượng đỉnh ASEAN "
             "lần thứ 50.", {"kind": "participant", "name": "Trần Văn Bảo", "meeting": "ASEAN"}, present=False)])
R_FRONTED_FRAME = rule(
    "role.fronted-frame",
    "A fronted adverbial names the meeting and the main clause its participant ('Trong thời gian dự B, X …').",
    [Example("Tiếp\nTrong thời gian dự Hội nghị Thượng đỉnh ASEAN lần thứ 50 ở Jakarta, Thủ tướng Trần Văn Bảo đã "
             "tiếp Thủ tướng Nhật Bản Kenji Ono.", {"kind": "participant", "name": "Trần Văn Bảo", "meeting": "ASEAN"}),
     Example("Hội đàm\nTrong khuôn khổ chuyến thăm chính thức Nhật Bản và tham dự Hội nghị Tương lai châu Á lần thứ 40, "
             "ngày 6/6, Thủ tướng Trần Văn Bảo đã dự lễ đón và hội đàm với Thủ tướng Nhật Bản Kenji Ono.",
             {"kind": "participant", "name": "Trần Văn Bảo", "meeting": "Tương lai châu Á"})])
R_FRONTED_AT = rule(
    "role.attendee.fronted-at",
    "'Tại hội nghị, X …': the subject after a fronted bare meeting word attends the meeting in focus.",
    [Example("G20\nChiều 14/6, Hội nghị thượng đỉnh G20 đã khai mạc tại Osaka. Tại hội nghị, Thủ tướng Canada John "
             "Reed sẽ công bố kế hoạch.", {"kind": "participant", "name": "John Reed", "meeting": "G20"})])
R_FRONTED_HERE = rule(
    "role.attendee.fronted-here",
    "'Tại đây, X …' right after the sentence that reports a meeting: the subject is at that meeting.",
    [Example("Hội nghị\nNgày 12/7, Hội nghị Bộ trưởng Thông tin các nước Arab lần thứ 50 đã khai mạc tại Cairo. Tại đây, "
             "Bộ trưởng Thông tin Ai Cập Omar Said nhấn mạnh vai trò của truyền thông.",
             {"kind": "participant", "name": "Omar Said", "meeting": "Thông tin"}),
     Example("Thăm\nNgày 12/7, Thủ tướng Trần Văn Bảo đã tới thăm một nhà máy ô tô ở Cairo. Tại đây, Bộ trưởng Công nghiệp "
             "Ai Cập Omar Said giới thiệu dây chuyền sản xuất.", {"kind": "participant", "name": "Omar Said"}, present=False)])
R_ATTEND_LIST = rule(
    "role.attendee.list-sentence",
    "An attendee list in its own sentence: 'Cùng dự có A; B.', 'Về phía tỉnh X, có C', 'Tham gia đoàn có D'.",
    [Example("Hội nghị\nSáng 15/12, Hội nghị Ngoại vụ toàn quốc lần thứ 25 đã khai mạc. Cùng dự có Bộ trưởng Bộ Nội vụ "
             "Lý Thị Hoa; Bộ trưởng Bộ Tư pháp Đỗ Văn Khang.",
             {"kind": "participant", "name": "Đỗ Văn Khang", "meeting": "Ngoại vụ"})])
R_SHARED_SUBJECT = rule(
    "role.shared-subject",
    "In a series of verbs sharing one subject ('X gặp A, tiếp B; dự C'), the object of one verb is not the subject of "
    "the next: X, not A, hosts B and attends C.",
    [Example("Hoạt động\nChiều 4/5, Bộ trưởng Ngoại giao Lê Văn Tám đã đến chào Tổng thống Chile Carlos Mena, tiếp Bộ "
             "trưởng Tài chính Chile Pedro Luna.", {"kind": "participant", "name": "Lê Văn Tám", "meeting": "Pedro Luna"}),
     Example("Hoạt động\nChiều 4/5, Bộ trưởng Ngoại giao Lê Văn Tám đã đến chào Tổng thống Chile Carlos Mena, tiếp Bộ "
             "trưởng Tài chính Chile Pedro Luna.", {"kind": "participant", "name": "Carlos Mena", "meeting": "Pedro Luna"},
             present=False),
     Example("Hoạt động\nTại New York, Thủ tướng Trần Văn Bảo đã gặp Tổng Thư ký Liên Hợp Quốc John Reed, dự Tọa đàm "
             "bàn tròn về hợp tác đầu tư Việt Nam - Canada.",
             {"kind": "participant", "name": "John Reed", "meeting": "Tọa đàm"}, present=False),
     Example("Hoạt động\nTại New York, Thủ tướng Trần Văn Bảo đã gặp Tổng Thư ký Liên Hợp Quốc John Reed, dự Tọa đàm "
             "bàn tròn về hợp tác đầu tư Việt Nam - Canada.",
             {"kind": "participant", "name": "Trần Văn Bảo", "meeting": "Tọa đàm"}),
     Example("Tiếp\nChiều 4/6, Thủ tướng Trần Văn Bảo tiếp Chủ tịch Quốc hội Lào Bounmy Vong đang thăm chính thức Việt Nam, dự "
             "Hội nghị Chủ tịch Quốc hội ba nước lần thứ 5.",
             {"kind": "participant", "name": "Bounmy Vong", "meeting": "ba nước lần thứ 5"})])


R_ROLE_AFTER = rule(
    "role.verb-after-name",
    "A role verb right after a named person: 'X chủ trì' (chair), 'X phát biểu/khai mạc/kết luận' (speaker), 'X dự' (attendee).",
    [Example("Hội nghị\nSáng 9/12, Hội nghị Ngoại vụ toàn quốc lần thứ 25 khai mạc tại Hà Nội. Bộ trưởng Bộ Ngoại giao "
             "Lê Văn Tám chủ trì hội nghị.", {"kind": "participant", "name": "Lê Văn Tám", "role": "chair"})])
R_ROLE_FRONTED = rule(
    "role.fronted-verb",
    "A fronted role verb before the name: 'Phát biểu khai mạc, X …', 'dưới sự chủ trì của X'.",
    [Example("Hội nghị\nSáng 9/12, Hội nghị Ngoại vụ toàn quốc lần thứ 25 khai mạc tại Hà Nội. Phát biểu khai mạc hội nghị, "
             "Bộ trưởng Bộ Ngoại giao Lê Văn Tám nhấn mạnh vai trò của ngoại giao.",
             {"kind": "participant", "name": "Lê Văn Tám", "role": "speaker"})])
R_DELEGATION = rule(
    "role.attendee.delegation-head",
    "Who leads a delegation ('do X dẫn đầu', 'X dẫn đầu đoàn … tham dự') takes part in the meeting of the sentence.",
    [Example("Hội nghị\nNgày 10/3, tại Jakarta, Hội nghị An ninh Hàng hải khu vực lần thứ 9 đã khai mạc. Trung tướng Vũ Văn "
             "Tài, Phó Chủ nhiệm Tổng cục Chính trị dẫn đầu đoàn Việt Nam tham dự hội nghị.",
             {"kind": "participant", "name": "Vũ Văn Tài", "meeting": "An ninh Hàng hải"})])
R_SPEECH_AT = rule(
    "role.speaker.in-speech-at",
    "'X nhấn mạnh/nói … trong (bài) phát biểu tại M', '… khi phát biểu tại M': X is a speaker at M.",
    [Example("Hội nghị\n\"Cần hòa nhập hơn nữa\", Thủ tướng Trần Văn Bảo nhấn mạnh trong phát biểu tại Hội nghị Ngoại giao "
             "lần thứ 40 sáng nay.", {"kind": "participant", "name": "Trần Văn Bảo", "role": "speaker", "meeting": "Ngoại giao"})])
R_OTHER_EVENT = rule(
    "role.refuse.other-event",
    "'X tham dự APEC …' after another meeting: the capitalised object names another event, X attends not the meeting in focus.",
    [Example("Hội nghị\nSáng 13/8, Hội nghị Ngoại giao lần thứ 40 khai mạc tại Hà Nội. Trước đó, Tổng thống Nga Ivan Petrov "
             "tham dự APEC tại Đà Nẵng.", {"kind": "participant", "name": "Ivan Petrov", "meeting": "Ngoại giao"},
             present=False)])
R_TRIP_OBJECT = rule(
    "role.refuse.trip-as-object",
    "'X đánh giá chuyến thăm Y và dự B': the trip and the attendance are the object of X's verb (someone else's trip), "
    "so X does not attend B; with a light verb ('X có / thực hiện chuyến thăm Y và dự B') X does.",
    [Example("Đánh giá\nThủ tướng Trần Văn Bảo thăm chính thức Nhật Bản. Đại sứ Lê Văn Tám đánh giá chuyến thăm chính thức Nhật "
             "Bản và dự Diễn đàn Tương lai châu Á có ý nghĩa quan trọng.",
             {"kind": "participant", "name": "Lê Văn Tám", "kind_of": "Forum"}, present=False),
     Example("Thăm\nThủ tướng Trần Văn Bảo có chuyến thăm chính thức Nhật Bản và dự Diễn đàn Tương lai châu Á.",
             {"kind": "participant", "name": "Trần Văn Bảo", "kind_of": "Forum"})])
R_CEREMONY_ROLE = rule(
    "role.refuse.ceremony",
    "A role verb at a ceremony ('Phát biểu tại Lễ kỷ niệm, X …', 'X phát biểu tại Lễ kỷ niệm') is a role at the ceremony, "
    "not at the meeting in focus.",
    [Example("Hội đàm\nNgày 30/5, Thủ tướng Trần Văn Bảo hội đàm với Tổng Thư ký Liên Hợp Quốc John Reed. Phát biểu tại "
             "Lễ kỷ niệm, Tổng Thư ký Liên Hợp Quốc John Reed chúc mừng Việt Nam.",
             {"kind": "participant", "name": "John Reed", "role": "speaker"}, present=False),
     Example("Hội đàm\nNgày 28/1, Tổng thống Mỹ John Carter hội đàm với Thủ tướng Australia Tom Reed. Các quan chức tuyên thệ "
             "dưới sự chủ trì của Phó Tổng thống Mỹ Ray Cole trong một buổi lễ tại Nhà Trắng.",
             {"kind": "participant", "name": "Ray Cole", "role": "chair"}, present=False),
     Example("Thăm\nTrong khuôn khổ chuyến thăm chính thức Hoa Kỳ, trưa 31/5, Thủ tướng Trần Văn Bảo đã dự tiệc chiêu đãi "
             "do Ngoại trưởng Hoa Kỳ John Reed chủ trì.", {"kind": "participant", "name": "John Reed", "role": "chair"},
             present=False),
     Example("Hội đàm\nNgày 30/5, Thủ tướng Trần Văn Bảo hội đàm với Tổng Thư ký Liên Hợp Quốc John Reed. Cũng tại trụ sở "
             "Liên Hợp Quốc, Thủ tướng Trần Văn Bảo đã phát biểu tại Lễ kỷ niệm 50 năm Việt Nam gia nhập Liên Hợp Quốc.",
             {"kind": "participant", "name": "Trần Văn Bảo", "role": "speaker"}, present=False)])


CEREMONY_AFTER = re.compile(r"^\s*(?:\S+\s+){0,3}?(?:đồng )?chủ trì\s+(?!(?:hội nghị|cuộc họp|kỳ họp|phiên|diễn đàn|hội đàm|cuộc hội đàm|"
                            r"đối thoại|cuộc gặp|buổi gặp|buổi làm việc|cuộc|hội|Hội|Kỳ|Diễn|Phiên|đã|sẽ|đang|vừa|và|cùng|"
                            r"tại|ở|vào|sáng|chiều|tối|ngày)\b)\w", re.I)
CEREMONY_BEFORE = re.compile(r"(?:^|[,.]\s*|\b(?:tại|ở)\s+)(?:Lễ|Buổi lễ|Tiệc|Họp báo|Cuộc họp báo|lễ|buổi lễ|tiệc|họp báo)"
                             r"\b(?!\s+(?:[Kk]hai mạc|[Bb]ế mạc))[^.]*$")  # R_CEREMONY_ROLE: "Phát biểu tại Lễ kỷ niệm, X …"

# R_CEREMONY_ROLE: a role verb whose object is a ceremony, a banquet or a press conference ("phát biểu tại Lễ kỷ niệm")
CEREMONY_OBJECT = re.compile(r"\s+(?:(?:tại|ở)\s+)?(?:các\s+)?(?:[Ll]ễ|[Bb]uổi lễ|[Tt]iệc|[Cc]hiêu đãi|[Hh]ọp báo|[Cc]uộc họp báo)"
                             r"(?!\s+(?:[Kk]hai mạc|[Bb]ế mạc))\b")
CEREMONY_NEXT = re.compile(r"(?i)\s*(?:trong|tại)\s+(?:một\s+)?(?:buổi\s+)?(?:lễ|tiệc|họp báo|cuộc họp báo)\b")  # R_CEREMONY_ROLE
CEREMONY_DO = re.compile(r"(?i)\b(?:tiệc|chiêu đãi|lễ|họp báo)\b[^,.;]{0,80}\bdo\s+$")  # R_CEREMONY_ROLE: "tiệc … do X chủ trì"
ROLE_AFTER = [
    (re.compile(r"^\s*(?:\S+\s+){0,2}?(?:đồng chủ trì|chủ trì|chủ tọa)\b", re.I), "chair"),
    (re.compile(r"^\s*(?:(?:đã|và|cùng|cũng|sẽ|đến|tới)\s+){0,2}(?:dự\s*(?:,|và)\s*)?(?:phát biểu|khai mạc|bế mạc|kết luận|chỉ đạo|trình bày|báo cáo)\b", re.I), "speaker"),
    (re.compile(r"^\s*(?:(?:đã|và|cùng|cũng|sẽ|đến|tới|sang|về)\s+){0,2}(?:tham dự|dự|có mặt)\b", re.I), "attendee"),
    # R_DELEGATION_HEAD: "X dẫn đầu đoàn Việt Nam tham dự hội nghị"
    (re.compile(r"^\s*(?:(?:đã|sẽ|vừa)\s+)?dẫn đầu (?:đoàn|phái đoàn)[^.;]{0,80}?\b(?:tham dự|dự)\b", re.I), "attendee"),
]
ROLE_FRONTED = [
    (re.compile(r"(?:^|,\s*)(?:Phát biểu|Khai mạc|Kết luận|Bế mạc|Trình bày)(?: [^,]{0,60})?(?:,\s*[^,]{0,40}){0,2},\s*$", re.I), "speaker"),
    (re.compile(r"(?:dưới sự )?(?:đồng )?chủ trì của\s*$", re.I), "chair"),
    (re.compile(r"(?:Tham dự|Cùng tham dự|Cùng dự|Dự)(?: [^,;]{0,40})? có\s*(?:các đồng chí\s*)?$", re.I), "attendee"),
    (re.compile(r"sự (?:tham dự|có mặt|tham gia) của\s*(?:các đồng chí\s*)?$", re.I), "attendee"),
]


FRONTED_AT = re.compile(r"(?i)^\s*(?:\*\s*)?(?:tại|trong)\s+(?:hội nghị(?: thượng đỉnh| cấp cao)?|diễn đàn|kỳ họp|phiên họp|cuộc họp|"
                        r"đối thoại|tọa đàm|phiên khai mạc|phiên bế mạc)(?:\s+(?:này|lần này|nói trên))?\s*,\s*")
ATTEND_LIST = re.compile(r"(?:Tham gia chủ trì|Cùng chủ trì|Đồng chủ trì)(?: [^,;]{0,40})? (?:còn )?có\b|(?:Tham dự|Cùng tham dự|Cùng dự|dự lễ[^,;]{0,40}|Dự|(?:tham )?dự (?:cuộc |buổi )?(?:hội đàm|hội nghị|hội kiến|"
                         r"tiếp|gặp|làm việc|điện đàm))(?: [^,;]{0,40})? có\b|(?:đồng )?chủ trì của\b"
                         r"|sự (?:tham dự|có mặt|tham gia) của\b|^(?:\*\s*)?Về phía [^,;]{2,60},\s*có\b|(?:Tham gia|Cùng đi trong|Thành viên) đoàn có\b")
AGENT_VERB_BEFORE = re.compile(r"(?i)(?<!\w)(?P<verb>tham dự|dự|tham gia|đồng chủ trì|chủ trì|chủ tọa|khai mạc|bế mạc|"
                               r"phát biểu (?:tại|ở)|(?:xuất hiện|có mặt) (?:ở|tại))\s+(?:(?:một|các|phiên (?:khai mạc|bế mạc|"
                               r"toàn thể)(?: của)?)\s+)?$")
# R_SPEECH_AT: "… trong (bài) phát biểu (khai mạc) tại" right before the meeting, and the reporting verb after its speaker
SPEECH_AT = re.compile(r"(?i)\b(?:trong|khi)\s+(?:bài\s+)?(?:phát biểu|diễn văn|tham luận)(?:\s+(?:khai mạc|bế mạc|chỉ đạo|quan trọng|"
                       r"chính sách))?\s+(?:tại|ở)\s+$")
REPORT_GAP = re.compile(r"\s*(?:(?:đã|cũng|đều)\s+)?(?:nhấn mạnh|nói|cho biết|khẳng định|nêu rõ|nêu|lưu ý|chia sẻ|đánh giá|"
                        r"cảnh báo|cho rằng|kêu gọi|đề nghị|tuyên bố)\b[^.;“”\"]{0,90}?\s*")
# R_OTHER_EVENT: a capitalised object right after a verb ("tham dự APEC Việt Nam")
OBJECT_NAME = re.compile(r"\s+([A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ][\w-]*(?:\s+[A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ0-9][\w-]*)*)")
EVENT_NAME_FILLER = word_set("event-name-filler")  # data/word_classes.ttl
VERB_ROLE = {"đồng": "chair", "chủ": "chair", "khai": "speaker", "bế": "speaker", "phát": "speaker"}
# Between a subject and a verb of its own: no reporting or asking verb (whose object clause has its own subject).
INVITED_BEFORE = re.compile(r"(?i)(?<!lời )\b(?:mời|hoan nghênh|đề nghị|kêu gọi)\s+(?:\S+\s+){0,10}$")
AGENT_BREAK = re.compile(r"(?i)[.;]|\b(?:cho biết|khẳng định|nói|tuyên bố|rằng|mời|đề nghị|hoan nghênh|kêu gọi|mong|"
                         r"hy vọng|hi vọng|yêu cầu|cho rằng|nhấn mạnh|thông báo)\b")
FRONT_FRAME = re.compile(r"(?i)^\s*(?:\*\s*)?(?:(?:sáng|chiều|tối|ngày)\s+[\d/-]+\s*,\s*)?(?:trong thời gian|nhân dịp|nhân|khi|trong khuôn khổ|"
                         r"trong bài (?:phát biểu|diễn văn|tham luận)(?: khai mạc| bế mạc| chính| quan trọng)?|phát biểu|"
                         r"tại|ở)\s*(?:chuyến (?:thăm|công du)[^,.;]{0,60}?\s+và\s+(?=(?:tham |tới |sang )?dự\s))?"
                         r"(?:(?:tham |tới |sang )?dự\s+|(?:ý kiến |khai mạc |bế mạc )?(?:tại|ở)\s+)?(?:phiên (?:khai mạc|bế mạc|toàn thể)"
                         r"(?: của)?\s+)?$")

# R_SHARED_SUBJECT: a meeting verb right before a name makes the name its object ("gặp A", "đến chào A", "hội đàm với A")
OBJECT_VERB_BEFORE = re.compile(r"(?i)(?<!\w)(?:gặp(?: gỡ| mặt| song phương)?|tiếp(?: kiến)?|hội kiến|hội đàm|điện đàm|"
                                r"chào(?: xã giao)?|yết kiến|thăm|làm việc|(?<!cùng )với)(?: với)?\s+(?:(?:ông|bà|ngài)\s+)?$")
# R_COORDINATED: a semicolon before a lower-case verb goes on with the series ("X đã dự Lễ …; tham dự Hội nghị …")
SERIES_SEMICOLON = re.compile(r";(?=\s*(?:(?:đã|sẽ|cũng|và)\s+)?(?:tham dự|dự|thăm|gặp|hội kiến|hội đàm|tiếp|chủ trì|đồng chủ trì)\b)")
# R_SHARED_SUBJECT: a participle clause after the object is the object's own ("tiếp Y đang thăm Việt Nam, dự …")
PARTICIPLE_AFTER = re.compile(r"[\s,]*(?:hiện\s+)?(?:đang|vừa)\b")
SERIES_GAP = re.compile(r"[^.;:“”\"]{0,90}")


def series_subject(sent: str, ms: list[Mention], m: Mention | None) -> Mention | None:
    """R_SHARED_SUBJECT: the subject of a verb series whose last named person before a verb is `m`: `m` itself
    when no meeting verb stands right before it, else (m is that verb's object) the subject of that verb, walking
    back along the series ('X gặp A, tiếp B'); None when the series has no named subject."""
    for _ in range(8):
        if m is None:
            return None
        vb = OBJECT_VERB_BEFORE.search(sent, max(0, m.title_start - 40), m.title_start)
        if vb is None:
            return m
        prev = next((o for o in reversed(ms) if o is not m and max(o.end, o.after_end) <= vb.start()), None)
        if prev is None or not SERIES_GAP.fullmatch(sent, max(prev.end, prev.after_end), vb.start()) \
                or AGENT_BREAK.search(sent, max(prev.end, prev.after_end), vb.start()):
            return None
        m = prev
    return None


# R_FRONTED_FRAME: between the frame and its subject, a few words, or the time and place of the clause
# ("…, ngày 6/6, tại Nhà khách Quốc gia, Thủ đô Tokyo, X …")
FRAME_GAP = re.compile(r"(?:[\s,]*(?:(?:(?:sáng|chiều|tối|trưa)\s+)?(?:(?:ngày|hôm)\s+)?\d{1,2}[/-]\d{1,2}(?:[/-]\d{4})?|"
                       r"(?:tại|ở)\s+[^,.;]{2,40}|[Tt]hủ đô\s+[^,.;]{2,30}))*[\s,]*(?:\S+\s*){0,4}")
INVITER_BEFORE = re.compile(r"(?i)\b(?:lời mời|mời) của\b[^,.;]{0,60}(?:,[^,.;]{0,60}){0,2}$|\blời mời của\b")

# R_TRIP_OBJECT: "… chuyến thăm Y và dự B" between the agent and "dự", and the word before "chuyến" (a light verb
# keeps the agent as the traveller)
TRIP_AND = re.compile(r"(?i)(?:^|(?P<before>(?:\S+\s+)?\S+)\s+)chuyến\s+(?:thăm|công du|công tác)\b[^.;]{0,80}?\s+và\s+(?:sẽ\s+|đã\s+)?$")
TRIP_LIGHT_VERBS = word_set("trip-light-verbs")  # data/word_classes.ttl


def trip_as_object(gap: str) -> bool:
    """R_TRIP_OBJECT: is the "chuyến thăm … và" before a "dự" the object of another verb than a light one?"""
    tm = TRIP_AND.search(gap)
    if tm is None:
        return False
    before = (tm.group("before") or "").lower().split()
    return not (before and (before[-1] in TRIP_LIGHT_VERBS or " ".join(before[-2:]) in TRIP_LIGHT_VERBS))


ROLE_VERBS = words("role-verbs")  # data/word_classes.ttl
ROLE_VERB_FINDER = LiteralAnchored(re.compile(r"\b(?:" + "|".join(ROLE_VERBS) + r")\b", re.I), ROLE_VERBS)
# every alternative of ANAPHORA contains one of these (the "tại/trong/dự/sau" forms start with them)

def frames(ctx: ArticleContext, sent: str, ms: list[Mention], mt: MeetingDraft) -> None:
    """Participation read from the frame around a meeting's mention, not only from a verb after a name.

    R_COORDINATED: the subject of a clause takes part in every meeting its verbs name ("X thăm A và dự
    B", "X sẽ tới Cape Town dự B", "X, lần đầu xuất hiện ở B"). R_FRONTED_FRAME: a fronted adverbial
    names the meeting and the main clause its participant ("Trong thời gian dự B ở Z, X …", "Trong bài
    phát biểu khai mạc tại B, X …")."""
    start = mt.span_start
    if start < 0:
        return
    vm = AGENT_VERB_BEFORE.search(sent, max(0, start - 60), start)
    if vm is not None:
        role = VERB_ROLE.get(vm.group("verb").lower().split()[0], "attendee")
        agent = next((m for m in reversed(ms) if m.after_end <= vm.start()), None)
        objects: list[Mention] = []
        if agent is not None and (re.match(r"\s*[,;]", sent[max(agent.end, agent.after_end):])
                                  or OBJECT_VERB_BEFORE.search(sent, max(0, agent.title_start - 40), agent.title_start)) \
                and not PARTICIPLE_AFTER.match(sent, max(agent.end, agent.after_end)):
            subj = series_subject(sent, ms, agent)  # R_SHARED_SUBJECT: "X gặp A, dự B": X attends B, not A
            if subj is not None and subj is not agent and person_name(ctx, subj) == person_name(ctx, agent):
                subj = None  # two mentions of one person: no series to walk back along
            if subj is not agent:
                objects = [o for o in ms if subj is not None and subj.end < o.start < vm.start()]
                agent = subj
        if agent is not None and INVITED_BEFORE.search(sent, max(0, agent.title_start - 120), agent.title_start):
            agent = None  # R_MODALITY: "mời Tổng thống X … dự B": X is invited, not reported taking part
        if agent is not None and not any(agent.end < o.start < vm.start() and o not in objects for o in ms) \
                and not AGENT_BREAK.search(SERIES_SEMICOLON.sub(",", sent[agent.after_end:vm.end()])) \
                and vm.start() - agent.after_end < (240 if objects else 160) and not FRONT_FRAME.match(sent[:vm.start()]) \
                and not trip_as_object(sent[agent.after_end:vm.start()]):
            n = person_name(ctx, agent)
            rid = R_SHARED_SUBJECT if objects else R_COORDINATED
            if n:
                ctx.add_participant(mt, n, role, sent, rid, keep=True)
                ctx.add_participant(mt, n, "attendee", sent, rid, keep=True)
    speech_at(ctx, sent, ms, mt)
    if vm is not None and mt.named:
        np_end = start + len(mt.name)
        comp = next((m for m in ms if m.start > np_end and re.fullmatch(r"\s*(?:,\s*)?cùng(?: với)?\s+", sent[np_end:m.title_start])), None)
        if comp is not None and (n := person_name(ctx, comp)):
            ctx.add_participant(mt, n, "attendee", sent, R_COORDINATED, keep=True)  # R_COORDINATED: "dự Hội nghị X cùng Thủ tướng Y"
    fm = FRONT_FRAME.match(sent[:start])
    if fm is not None:
        comma = sent.find(",", start + len(mt.name) - 1 if mt.named else start)
        # the inviter of the trip ("theo lời mời của X, …") is no subject of the main clause
        subj = next((m for m in ms if m.start > comma and not INVITER_BEFORE.search(sent, max(0, m.title_start - 50), m.title_start)),
                    None) if comma > 0 else None
        if subj is not None and INVITER_BEFORE.search(sent, comma, subj.title_start):
            comma = sent.rfind(",", 0, subj.title_start)  # the clause after the invitation: "…, chiều 12/5, X …"
        if subj is not None and FRAME_GAP.fullmatch(sent, comma, subj.title_start):
            n = person_name(ctx, subj)
            if n:
                role = "speaker" if re.search(r"(?i)phát biểu|diễn văn|tham luận|trình bày", fm.group(0)) else "attendee"
                ctx.add_participant(mt, n, role, sent, R_FRONTED_FRAME, keep=True)
                ctx.add_participant(mt, n, "attendee", sent, R_FRONTED_FRAME, keep=True)

def speech_at(ctx: ArticleContext, sent: str, ms: list[Mention], mt: MeetingDraft) -> None:
    """R_SPEECH_AT: "X nhấn mạnh trong phát biểu tại B", "X nêu rõ … khi phát biểu tại B": X speaks at B."""
    start = mt.span_start
    sp = SPEECH_AT.search(sent, max(0, start - 50), start)
    if sp is None:
        return
    agent = next((m for m in reversed(ms) if m.after_end <= sp.start()), None)
    if agent is not None and REPORT_GAP.fullmatch(sent, agent.after_end, sp.start()) \
            and not any(agent.end < o.start < sp.start() for o in ms) and (n := person_name(ctx, agent)):
        ctx.add_participant(mt, n, "speaker", sent, R_SPEECH_AT, keep=True)
        ctx.add_participant(mt, n, "attendee", sent, R_SPEECH_AT, keep=True)


def other_event(rest: str, mt: MeetingDraft) -> bool:
    """R_OTHER_EVENT: the capitalised object of 'dự'/'tham dự' shares no word with the meeting in focus."""
    om = OBJECT_NAME.match(rest)
    if om is None or KIND_RE.match(om.group(1)) or re.match(r"(?i)phiên\b", om.group(1)):
        return False
    phrase = " ".join(re.split(r"[,.;:()]", rest)[0].split()[:8])
    return not ((text_words(phrase) - EVENT_NAME_FILLER) & text_words(mt.name + " " + " ".join(mt.variants)))


def _roles_of(ctx: ArticleContext, si: int, sent: str, m: Mention, n: str, mt: MeetingDraft) -> None:
    """R_ROLE_AFTER, R_ROLE_FRONTED, R_ATTEND_LIST: the roles one named person takes in the sentence."""
    after = sent[m.after_end:m.after_end + 60]
    invited = INVITED_BEFORE.search(sent, max(0, m.title_start - 120), m.title_start) is not None
    for rx, role in ROLE_AFTER:
        if not invited and (rm := rx.search(after)):  # R_MODALITY: "mời X dự …" reports no role of X
            if CEREMONY_AFTER.search(after) or CEREMONY_OBJECT.match(after, rm.end()) \
                    or CEREMONY_DO.search(sent, max(0, m.title_start - 100), m.title_start):
                continue  # "chủ trì lễ đón", "phát biểu tại Lễ kỷ niệm", "tiệc chiêu đãi do X chủ trì": a ceremony's role
            if role != "attendee" and mt.kind == "Visit":
                continue  # a visit has a visitor and hosts, no chair or speaker: the role is at an event of the visit
            if role == "attendee" and mt.sentence_index != si and other_event(after[rm.end():], mt):
                continue  # R_OTHER_EVENT: "X tham dự APEC …" names another event than the one in focus
            ctx.add_participant(mt, n, role, sent, R_ROLE_AFTER)
            if role != "attendee":
                ctx.add_participant(mt, n, "attendee", sent, R_ROLE_AFTER)
    before = sent[:m.title_start]
    for rx, role in ROLE_FRONTED:
        if rx.search(before) and not CEREMONY_BEFORE.search(before) \
                and not CEREMONY_NEXT.match(sent, max(m.end, m.after_end)):  # "dưới sự chủ trì của X trong một buổi lễ"
            ctx.add_participant(mt, n, role, sent, R_ROLE_FRONTED)
    # lists after "Tham dự … có" / "chủ trì của": everyone after the cue in the clause
    cue = ATTEND_LIST.search(sent)
    if cue and m.start > cue.end() and not CEREMONY_BEFORE.search(sent[:cue.start()]) \
            and not CEREMONY_NEXT.match(sent, max(m.end, m.after_end)):
        role = "chair" if "chủ trì" in cue.group(0) else "attendee"
        ctx.add_participant(mt, n, role, sent, R_ATTEND_LIST, keep=True)


def roles(ctx: ArticleContext, si: int, sent: str, ms: list[Mention], mt: MeetingDraft) -> None:
    """The roles the persons of a sentence take in the meeting it is about (`mt`)."""
    for m in ms:
        n = person_name(ctx, m)
        if n:
            _roles_of(ctx, si, sent, m, n, mt)
    fa = FRONTED_AT.match(sent)
    if fa is not None:
        subj = next((m for m in ms if m.start >= fa.end()), None)
        if subj is not None and re.fullmatch(r"\s*(?:\S+\s*){0,3}", sent[fa.end():subj.title_start]):
            n = person_name(ctx, subj)
            if n:
                ctx.add_participant(mt, n, "attendee", sent, R_FRONTED_AT, keep=True)  # R_FRONTED_AT: "Tại hội nghị, X sẽ công bố …"
    if re.search(r"dự,? (?:và )?phát biểu", sent):
        for m in ms:
            n = person_name(ctx, m)
            if n and re.match(r"\s*(?:dự|,|và)", sent[m.end:m.end + 10]):
                ctx.add_participant(mt, n, "speaker", sent, R_ROLE_AFTER)


HERE_AT = re.compile(r"(?i)^\s*(?:\*\s*)?(?:tại|ở) (?:đây|đó)\s*,\s*")


def here_at(ctx: ArticleContext, sent: str, ms: list[Mention], mt: MeetingDraft) -> bool:
    """R_FRONTED_HERE: "Tại đây, X nhấn mạnh …" after the sentence reporting `mt`: X is at `mt`. Whether the sentence
    opens so (the caller then takes `mt` for the meeting the sentence is about)."""
    fa = HERE_AT.match(sent)
    if fa is None:
        return False
    subj = next((m for m in ms if m.start >= fa.end()), None)
    # the subject right after the frame, or after a post chain of its own ("Tại đây, Bộ trưởng …, kiêm …, ông X")
    if subj is not None and (re.fullmatch(r"\s*(?:\S+\s*){0,3}", sent[fa.end():subj.title_start])
                             or re.fullmatch(r"[A-ZĐÀ-Ỹ][^.;:“”\"]{0,90}", sent[fa.end():subj.title_start])) \
            and (n := person_name(ctx, subj)):
        ctx.add_participant(mt, n, "attendee", sent, R_FRONTED_HERE, keep=True)
    return True


def leaders(ctx: ArticleContext, sent: str, ms: list[Mention], mt: MeetingDraft) -> None:
    """Who leads a delegation takes part in every meeting the sentence reports."""
    dm = re.search(r"\bdo ([^.;]{0,200}?),? dẫn đầu", sent)
    for m in ms:
        n = person_name(ctx, m)
        if n and ((dm and dm.start(1) <= m.start < dm.end(1))
                  or re.match(r"\s*(?:sẽ |đã )?dẫn đầu (?:đoàn|phái đoàn)[^.;]{0,60}?\b(?:dự|tham dự)\b", sent[m.after_end:])):
            ctx.add_participant(mt, n, "attendee", sent, R_DELEGATION, keep=True)
