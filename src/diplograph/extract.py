"""Facts from one article: people with dated posts, meetings with roles, agreements, priorities.

Works sentence by sentence over `Article.paragraphs` (credits and furniture are already gone), then
consolidates within the article: short forms to full names, several mentions of one meeting to one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .facts import AgreementFact, ArticleFacts, MeetingFact, Participant, PersonFact, PriorityFact, Post, Rejection
from .lexicon import PLACE_PREFIX_BEFORE, Lexicon, LiteralAnchored, load
from .people import Mention, SentenceAnalysis
from .reader import Article, sentences, valid_date
from .rules import Example, rule
from .tokens import is_vietnamese_syllable

R_MEETING_ANAPHORA = rule(
    "meeting.refuse.anaphora",
    "A kind word with a demonstrative ('cuộc gặp này', 'cuộc hội đàm nói trên') refers to the meeting in focus.",
    [Example("Hội đàm\nThủ tướng Trần Văn Bảo sẽ có cuộc gặp với Tổng thống Mỹ John Carter. Với cuộc gặp này, ông "
             "sẽ là nhà lãnh đạo đầu tiên tới Nhà Trắng.", {"kind": "meeting", "name": "gặp này"}, present=False)])
R_FRONTED_NP = rule(
    "meeting.party.fronted-noun-phrase",
    "A fronted 'Tại cuộc gặp X, Y …' or 'Gặp gỡ X, Y …' is a meeting of X with the main clause's subject.",
    [Example("Chủ tịch nước dự diễn đàn\nTại cuộc gặp Tổng thống Chi-lê M.Ba-rơ-ra, Chủ tịch nước Trần Văn Bảo "
             "khẳng định quan hệ hai nước tốt đẹp.",
             {"kind": "participant", "name": "M.Ba-rơ-ra", "meeting": "Trần Văn Bảo"}),
     Example("Chủ tịch nước dự diễn đàn\nGặp gỡ Tổng thống Bê-la-rút A.Lu-kin, Chủ tịch nước Trần Văn Bảo đề nghị "
             "hai bên phối hợp.", {"kind": "participant", "name": "Trần Văn Bảo", "meeting": "A.Lu-kin"})])
R_ALL_PARTIES = rule(
    "meeting.party.all-counterparts",
    "Every counterpart after the kind word is a party ('hội kiến với A, B và C'); after 'giữa' only those named there.",
    [Example("Hội kiến\nChủ tịch Quốc hội Trần Văn Bảo hội kiến với Chủ tịch Thượng viện Pedro Luna, Phó Chủ tịch "
             "Thượng viện Luis Mora và Phó Chủ tịch Hạ viện Ana Sol.",
             {"kind": "participant", "name": "Ana Sol", "kind_of": "CourtesyCall"})])
R_MEETING_BACKGROUND = rule(
    "meeting.refuse.background",
    "A bilateral meeting named as the source of something ('thỏa thuận của Cuộc gặp …', 'kết quả cuộc hội đàm') "
    "is background, not a new meeting.",
    [Example("Gặp\nChủ tịch nước Trần Văn Bảo đề nghị triển khai thỏa thuận của Cuộc gặp cấp cao hằng năm hai Bộ "
             "Chính trị.", {"kind": "meeting", "name": "Cuộc gặp cấp cao hằng năm"}, present=False)])
R_BILATERAL = rule(
    "meeting.party.verb",
    "A bilateral meeting (talks, call, reception, courtesy call, meeting) named by its verb and its parties.",
    [Example("Tiếp\nChiều 4/5, Chủ tịch Quốc hội Trần Văn Bảo đã tiếp Tổng thống Chile Carlos Mena.",
             {"kind": "participant", "name": "Carlos Mena", "kind_of": "Reception"})])
R_NAMED = rule(
    "meeting.name.noun-phrase",
    "A conference, summit, session, forum or dialogue named by the noun phrase after its kind word.",
    [Example("Khai mạc\nSáng 9/12, Hội nghị Ngoại vụ toàn quốc lần thứ 25 khai mạc tại Hà Nội. Phó Thủ tướng Lê Văn "
             "Tám dự và phát biểu.", {"kind": "meeting", "name": "Hội nghị Ngoại vụ toàn quốc lần thứ 25"})])
R_VISIT = rule(
    "meeting.visit.verb",
    "A visit: the visitor before 'thăm' (or after 'của'), the destination after it.",
    [Example("Thăm\nThủ tướng Trần Văn Bảo bắt đầu chuyến thăm chính thức Hoa Kỳ.",
             {"kind": "meeting", "name": "Hoa Kỳ", "kind_of": "Visit"})])

R_COORDINATED = rule(
    "role.attendee.coordinated-verb",
    "The subject of a clause takes part in every meeting its verbs name ('X thăm A và dự B', 'X sẽ tới Z dự B').",
    [Example("Thủ tướng dự hội nghị\nNgày 3/8/2026, Thủ tướng Trần Văn Bảo sẽ tới Cape Town dự Hội nghị Thượng đỉnh "
             "BRICS lần thứ 20.", {"kind": "participant", "name": "Trần Văn Bảo", "meeting": "BRICS lần thứ 20"}),
     Example("Thủ tướng dự hội nghị\nChủ tịch nước Trần Văn Bảo cho biết Việt Nam sẽ dự Hội nghị Thượng đỉnh ASEAN "
             "lần thứ 50.", {"kind": "participant", "name": "Trần Văn Bảo", "meeting": "ASEAN"}, present=False)])
R_FRONTED_FRAME = rule(
    "role.fronted-frame",
    "A fronted adverbial names the meeting and the main clause its participant ('Trong thời gian dự B, X …').",
    [Example("Tiếp\nTrong thời gian dự Hội nghị Thượng đỉnh ASEAN lần thứ 50 ở Jakarta, Thủ tướng Trần Văn Bảo đã "
             "tiếp Thủ tướng Nhật Bản Kenji Ono.", {"kind": "participant", "name": "Trần Văn Bảo", "meeting": "ASEAN"})])
R_FRONTED_AT = rule(
    "role.attendee.fronted-at",
    "'Tại hội nghị, X …': the subject after a fronted bare meeting word attends the meeting in focus.",
    [Example("G20\nChiều 14/6, Hội nghị thượng đỉnh G20 đã khai mạc tại Osaka. Tại hội nghị, Thủ tướng Canada John "
             "Reed sẽ công bố kế hoạch.", {"kind": "participant", "name": "John Reed", "meeting": "G20"})])
R_ATTEND_LIST = rule(
    "role.attendee.list-sentence",
    "An attendee list in its own sentence: 'Cùng dự có A; B.', 'Về phía tỉnh X, có C', 'Tham gia đoàn có D'.",
    [Example("Hội nghị\nSáng 15/12, Hội nghị Ngoại vụ toàn quốc lần thứ 25 đã khai mạc. Cùng dự có Bộ trưởng Bộ Nội vụ "
             "Lý Thị Hoa; Bộ trưởng Bộ Tư pháp Đỗ Văn Khang.",
             {"kind": "participant", "name": "Đỗ Văn Khang", "meeting": "Ngoại vụ"})])

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
R_AGREEMENT = rule(
    "agreement.name.noun-phrase",
    "An agreement named by the noun phrase after its trigger (Hiệp định, Thỏa thuận …), with an inserted 'ký ngày …' "
    "skipped, 'giữa hai Bộ X' and 'giữa một bên là A và một bên là B (ABBR)' kept; an organization named after a "
    "treaty is none.",
    [Example("Hợp tác\nHai bên thống nhất triển khai Hiệp định khung về Nông nghiệp và Đào tạo nghề giữa hai nước.",
             {"kind": "agreement", "name": "Hiệp định khung về Nông nghiệp và Đào tạo nghề"}),
     Example("Hợp tác\nHai bên sẽ thúc đẩy thực hiện Hiệp định ký ngày 2/3/2019 về hợp tác hải quan giữa Việt Nam và Lào.",
             {"kind": "agreement", "name": "Hiệp định về hợp tác hải quan"}),
     Example("Hợp tác\nAi Cập muốn gia nhập Tổ chức Hiệp ước An ninh Tập thể (CSTO).",
             {"kind": "agreement", "abbr": "CSTO"}, present=False)])
R_MODALITY = rule(
    "meeting.status.proposed",
    "A meeting invited, welcomed, hoped for or proposed ('mời X thăm', 'hoan nghênh X thăm') is not reported as held.",
    [Example("Gặp\nChủ tịch nước Trần Văn Bảo hoan nghênh Thủ tướng Ý Marco Bellini thăm Việt Nam.",
             {"kind": "meeting", "kind_of": "Visit"}, present=False)])

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

R_AGREEMENT_ABBR = rule(
    "agreement.abbreviation",
    "An agreement named only by its known abbreviation (EVFTA, TPP, RCEP).",
    [Example("Hợp tác\nHai bên nhất trí sớm phê chuẩn EVFTA.", {"kind": "agreement", "abbr": "EVFTA"})])
R_PRIO_THEME = rule(
    "priority.theme",
    "A year's theme: 'chủ đề năm N là \"…\"'.",
    [Example("Hội nghị\nBộ trưởng Lê Văn Tám cho biết chủ đề năm 2030 của ngành là \"Kỷ cương, trách nhiệm, hành động quyết liệt\".",
             {"kind": "priority", "year": 2030})])
R_PRIO_ORDINAL = rule(
    "priority.numbered-task",
    "Numbered tasks after 'N nhiệm vụ trọng tâm năm N': 'Thứ nhất, …', 'Hai là, …'.",
    [Example("Hội nghị\nBộ trưởng Bộ Ngoại giao Lê Văn Tám nêu ba nhiệm vụ trọng tâm năm 2030. Thứ nhất, tiếp tục đẩy mạnh "
             "ngoại giao kinh tế trong tình hình mới.", {"kind": "priority", "year": 2030, "text": "ngoại giao kinh tế"})])
R_PRIO_DIRECTIVE = rule(
    "priority.directive",
    "A directive for a year: 'X đề nghị năm N tập trung: A; B', and the list going on in the next sentences.",
    [Example("Hội nghị\nBộ trưởng Bộ Ngoại giao Lê Văn Tám đề nghị năm 2030 toàn ngành tập trung: đẩy mạnh ngoại giao kinh tế "
             "trong tình hình mới; nâng cao chất lượng công tác bảo hộ công dân.", {"kind": "priority", "year": 2030})])
R_PRIO_CONTINUE = rule(
    "priority.continued",
    "A direction continued after a directive ('Cùng với đó, …', 'Đồng thời, …', '… cần …').",
    [Example("Hội nghị\nBộ trưởng Bộ Ngoại giao Lê Văn Tám đề nghị năm 2030 toàn ngành tập trung: đẩy mạnh ngoại giao kinh tế "
             "trong tình hình mới. Đồng thời, nâng cao chất lượng công tác bảo hộ công dân ở nước ngoài.",
             {"kind": "priority", "year": 2030, "text": "bảo hộ công dân"})])
R_PRIO_YEAR_AGREED = rule(
    "priority.year-agreed",
    "Directions both sides set for a year: 'Năm N, hai nước chủ trương A; B'.",
    [Example("Hợp tác\nNăm 2030, hai nước chủ trương tăng cường trao đổi đoàn cấp cao; mở rộng hợp tác kinh tế và thương mại.",
             {"kind": "priority", "year": 2030, "text": "trao đổi đoàn"})])

R_NO_TITLE = rule(
    "person.refuse.no-title",
    "A name is a person only when a title stands next to it somewhere in the article (or it is a short form of one).",
    [Example("Hợp tác\nÔng Nguyễn Văn Khang cho biết hai bên sẽ hợp tác.", {"kind": "person", "name": "Nguyễn Văn Khang"},
             present=False)])

R_PRIO_NEEDS = rule(
    "priority.needs-for-year",
    "A direction set with 'cần' for a year named in the sentence: 'Nhân dịp Năm hữu nghị … 2030, X đề nghị … cần A', "
    "'Hai bên cho rằng hai nước cần B trong năm 2030'.",
    [Example("Gặp\nNhân dịp Năm hữu nghị Việt Nam - Peru 2030, Chủ tịch nước Lê Văn Tám đề nghị Hội hữu nghị cần đẩy mạnh "
             "quảng bá văn hóa Peru tại các trường đại học.", {"kind": "priority", "year": 2030, "text": "quảng bá văn hóa Peru"}),
     Example("Gặp\nHai bên cho rằng hai nước cần sớm hoàn thành việc nâng cấp cửa khẩu trong năm 2030.",
             {"kind": "priority", "year": 2030, "text": "nâng cấp cửa khẩu"}),
     Example("Gặp\nChủ tịch nước Lê Văn Tám đề nghị hai bên cần tăng cường hợp tác kinh tế.",
             {"kind": "priority", "text": "tăng cường hợp tác"}, present=False)])

R_BARE_TITLE = rule(
    "coref.bare-title",
    "A title without a name ('Thủ tướng', 'Tổng thống Pháp') is the one person of the article holding that post.",
    [Example("Thủ tướng thăm Pháp\nThủ tướng Trần Văn Bảo bắt đầu chuyến thăm chính thức Pháp. "
             "Sáng 5/9, Thủ tướng đã gặp Tổng thư ký OECD Maria Santos.",
             {"kind": "participant", "name": "Trần Văn Bảo", "meeting": "Maria Santos"}),
     Example("Hội đàm\nThủ tướng Trần Văn Bảo hội đàm với Thủ tướng Đức Karl Bauer. Thủ tướng Đức đánh giá cao "
             "kết quả. Sau đó, Thủ tướng Đức đã tiếp Bộ trưởng Lê Văn Tám.",
             {"kind": "participant", "name": "Karl Bauer", "meeting": "Lê Văn Tám"})])

# ----------------------------------------------------------------------------- meeting kinds
# (regex, class, needs) — needs: "np" a named noun phrase, "party" a person on the other side, "visit"
KINDS: list[tuple[str, str, str]] = [
    (r"hội nghị thượng đỉnh", "Summit", "np"),
    (r"hội nghị cấp cao", "Summit", "np"),
    (r"hội nghị", "Conference", "np"),
    (r"kỳ họp", "Session", "np"),
    (r"phiên họp", "Session", "np"),
    (r"phiên tham khảo chính trị|tham khảo chính trị", "Consultation", "np"),
    (r"diễn đàn", "Forum", "np"),
    (r"tọa đàm|toạ đàm", "Forum", "np"),
    (r"cuộc họp", "Meeting", "np"),
    (r"hội đàm", "Talks", "party"),
    (r"điện đàm", "PhoneCall", "party"),
    (r"đàm phán", "Negotiation", "party"),
    (r"đối thoại", "Dialogue", "np"),
    (r"hội kiến", "CourtesyCall", "party"),
    (r"yết kiến", "CourtesyCall", "party"),
    (r"chào xã giao", "CourtesyCall", "party"),
    (r"gặp song phương|gặp làm việc|gặp mặt|gặp gỡ|cuộc gặp|buổi gặp|gặp", "Meeting", "party"),
    (r"tiếp", "Reception", "party"),
    (r"chuyến thăm|thăm|chuyến công du|công du", "Visit", "visit"),
]
KIND_RE = re.compile(r"(?<![\w])(?:" + "|".join(f"(?P<k{i}>{k[0]})" for i, k in enumerate(KINDS)) + r")(?![\w])", re.IGNORECASE)
NOT_MEETING_AFTER = re.compile(r"^\s*(?:(?:gỡ|mặt) báo|báo|tục|nhận|cận|xúc|thu|tế|viếng|hỏi|quan|dân|đón|diễn|theo|tay|sức|đó)\b")
# Lower-case words that make the kind word part of another word ("trực tiếp", "liên hội", "luân đàm"); a capitalised
# name before the kind word ("Bộ trưởng Đỗ Thị Luân tiếp …") never does.
NOT_MEETING_BEFORE = re.compile(r"(?<!\w)(?:quan hệ|[Đđ]ối tác|sẵn sàng|họp|lễ|buổi lễ|tiếp|trực|kế|liên|tiêu|hậu|luân|thu|chào|"
                                r"tiếp tục|thăm dò|viếng)\s*$")
_NOT_MEETING_AFTER_AT = re.compile(NOT_MEETING_AFTER.pattern[1:])  # the same, for .match(sent, pos)
KIND_FINDER = LiteralAnchored(KIND_RE, [w for k in KINDS for w in k[0].split("|")])
ANAPHORA = re.compile(r"\b(?:(?:tại|trong|dự|sau) (?:hội nghị|cuộc họp|cuộc gặp|buổi gặp|buổi tiếp|cuộc hội đàm|hội đàm|cuộc đối thoại|kỳ họp|diễn đàn|buổi làm việc)|hội nghị|cuộc họp|cuộc gặp|buổi gặp|buổi tiếp|cuộc hội đàm)\b", re.IGNORECASE)
# R_MODALITY: an event invited, welcomed, hoped for, proposed or asked about is not reported as happening
# R_VISIT: what may stand between the visitor and "thăm": tense and aspect words, a companion ("cùng Phu nhân"),
# "đang ở", "sang", a trip's start or end ("bắt đầu", "kết thúc"), a delegation ("dẫn đầu đoàn …")
VISIT_GAP = re.compile(r"\s*(?:(?:đã|sẽ|vừa|đang|đang ở|ở|bắt đầu|kết thúc|có|tới|đến|sang|lên đường|cùng (?:Phu nhân|phu nhân|Phu quân|"
                       r"phu quân)(?: và [^,.;]{0,60}?)?|[\w\s,]{0,80}?(?:bắt đầu|kết thúc)|dẫn đầu [^,.;]{0,80}?)\s*)*(?:chuyến|cuộc)?\s*")
# R_VISIT_HOST: who welcomes a visitor hosts the visit ("X nhiệt liệt chào mừng Y sang thăm Việt Nam")
WELCOME = re.compile(r"(?i)\b(?:chào mừng|đón|đón tiếp)\s*$")
VISIT_TO_ORG = re.compile(r"(?i)\s*(?:và làm việc (?:với|tại)\s+)?(?:Đại sứ quán|Tổng Lãnh sự quán|Lãnh sự quán|Đại sứ Quán|"
                          r"trụ sở|nhà máy|công ty|doanh nghiệp|trường|bệnh viện|khu|cảng|đơn vị|cơ sở|gia đình|cộng đồng|bà con)\b")
SAME_DAY = re.compile(r"(?i)\s*(?:\*\s*)?(?:(?:sáng|chiều|tối|trưa|ngay trong)\s+)?cùng ngày\b")
# Words that open the name of a building or venue (read as written up to the next comma or clause word).
VENUE_HEAD = re.compile(r"(?:Nhà khách|nhà khách|Đại lễ đường|Cung|Dinh|Điện|Phủ|Nhà Quốc hội|Nhà Trắng|Trung tâm Hội nghị|"
                        r"Khách sạn|khách sạn|Trụ sở|Tòa nhà|Văn phòng Chính phủ)(?=\s|$)")
VENUE_END = re.compile(r"\s*[,;.()“”\"]|\s(?:và|vào|với|để|khi|sau|trước|nơi|ngày|sáng|chiều|tối|ở|tại|hồi|giữa|trong|của|cho|"
                       r"về|đã|sẽ|đang|vừa|là|có|được)(?=\s|$)")
CITY_COUNTRY = re.compile(r"\s*(?:,|\()\s*([^,.;()]{2,30})")
PLACE_CUE = re.compile(r"(?i)\b(?:tại|ở)\s+")
DATELINE_BEFORE = re.compile(r"(?i)(?:phóng viên|PV|thường trú|đưa tin từ|hãng tin)[^,.;]{0,25}$")
TOPIC_BEFORE = re.compile(r"(?i)\bvề\b[^,.;]*$")
VENUE_CITY = re.compile(r"(?P<venue>(?:[Nn]hà khách|[Tt]rụ sở|[A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ][\w-]*)"
                        r"(?: [A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ][\w-]*){1,5})\s*(?:,|\()\s*"
                        r"(?:(?:thủ đô|thành phố|TP\.?)\s+)?(?P<city>[^,.;()]{2,40})")
PROPOSED = re.compile(r"(?i)\b(?:mời|hoan nghênh|đề nghị|đề xuất|mong muốn|mong|hy vọng|hi vọng|kêu gọi|sẵn sàng|liệu|"
                      r"ủng hộ|nhận lời)\b[^.;]{0,70}$")
PLANNED = re.compile(r"\b(?:sẽ|dự kiến|dự định|sắp tới|sắp|chuẩn bị|kế hoạch)\b[^.;]{0,60}$", re.IGNORECASE)
NAME_STOP = {"với", "do", "tại", "vào", "diễn", "được", "đã", "sẽ", "đang", "nhằm", "để", "có", "bàn", "trong", "sau",
             "trước", "khi", "là", "thì", "mà", "theo", "từ", "ngày", "sáng", "chiều", "tối", "hôm", "lúc", "ở", "cùng",
             "bằng", "qua", "này", "đó", "cho", "nay", "vừa", "ra", "dưới", "giữa", "đều", "và", "hồi", "gồm", "bao",
             "tới", "đến", "không", "nhân", "thuộc", "về", "hay", "hoặc", "dự", "lần", "trên", "nêu", "tiếp"}
# Verb phrases that end a meeting's name ("Hội nghị … khai mạc"), while their first syllable alone does not
# ("phát triển", "tham vấn", "triển khai"); matched where a word starts (case-insensitive).
NAME_STOP_PHRASE = re.compile(r"(?i)(?:khai mạc|bế mạc|thảo luận|chủ trì|chủ tọa|phát biểu|tham dự|tham gia|đánh giá|"
                              r"nhận định|nhận được|tiếp tục|tiếp đón|tiếp nhận|trên cương vị|cương vị|nêu|bàn về)(?!\w)")
# Words a name never ends on: it goes on after them or was cut inside a clause.
NP_DANGLING = {"và", "của", "về", "các", "với", "cho", "tại", "năm", "giữa", "trong", "cấp", "lần", "thứ", "khóa", "khoá"}
NAME_GOES_ON = re.compile(r",\s*(?:phương hướng|triển khai|nhiệm vụ|kế hoạch|định hướng|Quốc hội [Kk]h[óo]a|"
                          r"(?:thương mại|đầu tư|văn hóa|giáo dục|khoa học|công nghệ|du lịch|an ninh|quốc phòng)\b(?=[^,.;]{0,60}"
                          r"[A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ0-9])|"
                          r"Quốc hội (?:nước )?[^\s,.;]+ [Kk]h[óo]a|HĐND|Hội đồng nhân dân)")
NAME_GOES_ON_VA = re.compile(r"\s+(?:phương hướng|nhiệm vụ|triển khai|kế hoạch|định hướng)\b")
_ABBR_AHEAD = re.compile(r"[^.;,()]{0,80}\((?:[A-Z][A-Z0-9+-]{1,9})\)")  # "… và mới nổi hàng đầu thế giới (G20)"
_KHUON_KHO = re.compile(r"\s+khuôn khổ\s+[A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ]")
_NP_TOKEN = re.compile(r"\s*(\w+(?:[-–]\w+)*|[^\w\s])")
_UPPER_NEXT = re.compile(r"\s*[A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ0-9]")
_HONORIFIC_NEXT = re.compile(r"\s*(?:ông|bà|ngài|đồng chí)\s", re.I)

# Between a host and "tiếp": a time and a tense marker at most ("chiều 11-5 đã tiếp").
HOST_GAP = re.compile(r"\s*,?\s*(?:(?:sáng|chiều|tối|trưa|ngày|hôm)\s*(?:nay|qua|\d{1,2}\s*[-/]\s*\d{1,2}(?:\s*[-/]\s*\d{4})?)?\s*,?\s*)?"
                      r"(?:đã|vừa|sẽ|đã tiếp)?\s*", re.I)
# A role taken at a ceremony, banquet or press conference, not at the meeting in focus.
CEREMONY_AFTER = re.compile(r"^\s*(?:\S+\s+){0,3}?(?:đồng )?chủ trì\s+(?!(?:hội nghị|cuộc họp|kỳ họp|phiên|diễn đàn|hội đàm|cuộc hội đàm|"
                            r"đối thoại|cuộc gặp|buổi gặp|buổi làm việc|cuộc|hội|Hội|Kỳ|Diễn|Phiên|đã|sẽ|đang|vừa|và|cùng|"
                            r"tại|ở|vào|sáng|chiều|tối|ngày)\b)\w", re.I)
CEREMONY_BEFORE = re.compile(r"(?:^|[,.]\s*)(?:Lễ|Buổi lễ|Tiệc|Họp báo|Cuộc họp báo)\b[^.]*$")
PLACE_LEAD = re.compile(r"(?:thủ đô|thành phố|TP\.?|tỉnh|bang|thị trấn|đảo|thị xã|quận|huyện)\s+|trụ sở[^,;.]{0,50}?\s(?:ở|tại)\s+")


def found_first(matches, s0: int) -> bool:
    """'Bangkok, Thái Lan': the country after a comma counts only when a place stands first."""
    return any(m[0] == 0 and m[2].kind in ("place", "country") for m in matches)


NAMING_WORDS = re.compile(r"\b(?:tổng kết|sơ kết|triển khai|toàn quốc|thường niên|lần thứ|quốc tế|cấp cao|bộ trưởng|"
                          r"ngoại trưởng|thượng đỉnh|quan chức|đối tác|hợp tác|an ninh|kinh tế|nhiệm vụ|công tác|ngoại giao|"
                          r"chính trị|chiến lược|song phương|đa phương|khu vực|thường kỳ|đặc biệt|bất thường)\b", re.I)
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

DATE_RE = re.compile(
    r"(?:(?P<part>[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa|[Đđ]êm)\s+)?(?:(?:ngày|hôm|các ngày|trong các ngày|từ ngày)\s+)?"
    r"(?<![\d/.,-])(?P<d>\d{1,2})(?:\s*(?:-|–|và|đến)\s*\d{1,2})?\s*[/-]\s*(?P<m>\d{1,2})(?:\s*[/-]\s*(?P<y>\d{4}))?(?![\d/])"
)
DATE_TEXT_RE = re.compile(r"ngày (?P<d>\d{1,2}) tháng (?P<m>\d{1,2})(?: năm (?P<y>\d{4}))?")
REVIEW_RE = re.compile(r"tổng kết(?: công tác)?(?: của)?(?: năm)? (?P<y>\d{4})", re.I)

AGREEMENT_TRIGGERS = ["Hiệp định", "Hiệp ước", "Thỏa thuận", "Thoả thuận", "Bản ghi nhớ", "Công ước", "Tuyên bố chung",
                      "Nghị định thư", "Hiến chương", "hiệp định", "hiệp ước", "công ước", "thỏa thuận", "thoả thuận"]
LOWER_AGREEMENT = re.compile(r"(?:\s+(?:hòa bình|hoà bình|ngừng bắn|hạt nhân|khí hậu))?(?:\s+(?!Cuộc|Hội|Thủ|Tổng|Chủ|Bộ|Các|Những|Theo|Trong|Tại|Việc)"
                             r"[A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ][\w-]*){1,3}")
AGR_INSERTED = re.compile(r"\s+(?:được\s+)?(?:ký|kí)(?: kết)?\s+(?:(?:vào\s+)?ngày\s+[\d/.-]+|năm\s+\d{4}|tại\s+[^\s,.;]+(?:\s+[A-ZĐ]\w*)?)(?=\s+về\b)")
AGR_PARTIES = re.compile(r"[^.;()]{0,60}?\bgiữa một bên là [^.;()]{2,60}? và một bên là [^.;()]{2,60}?\s*\([A-Z][A-Za-z0-9-]{1,12}\)")
AGREEMENT_RE = re.compile(r"(?P<trig>" + "|".join(map(re.escape, AGREEMENT_TRIGGERS)) + r")(?![\w])")
# the same matches, tried only where a trigger word stands (see lexicon.LiteralAnchored)
AGREEMENT_FINDER = LiteralAnchored(AGREEMENT_RE, AGREEMENT_TRIGGERS)
AGR_STOP = {"được", "đã", "sẽ", "đang", "nhằm", "là", "này", "mà", "có", "để", "trong", "tại", "vào", "từ", "đến", "cũng",
            "với", "khi", "sau", "trước", "thì", "như", "nên", "cho", "bị", "ký", "kí", "phê", "giữa", "theo", "đó", "nay",
            "hết", "hướng", "sớm", "tiến", "vẫn", "còn", "chưa", "mới", "gồm", "của", "vừa", "sắp", "cần"}
# A clause that starts inside what looked like the name: the name ends before it.
AGR_CLAUSE = re.compile(r"\s(?:vừa|sắp|cần|nhấn mạnh|khẳng định|kết thúc|liên quan|thực chất|thực hiện|thực thi|"
                        r"nhằm|đã|đang|sẽ|được|là)\b.*$")
AGR_DANGLING = {"về", "của", "giữa", "và", "với", "năm", "các", "cho", "tại", "trong", "việc", "nước", "về việc"}
# Words that do not tell one agreement from another ("Thỏa thuận đầu tiên", "Bản ghi nhớ hợp tác").
AGR_FILLER = {"hợp", "tác", "đầu", "tiên", "này", "liên", "quan", "mới", "trên", "đó", "chung", "các", "những", "song",
              "phương", "đa", "nói", "hai", "bên", "nước", "về", "giữa", "và", "của"}
GENERIC_AGREEMENTS = {"hiệp định", "hiệp ước", "thỏa thuận", "thoả thuận", "công ước", "tuyên bố chung", "bản ghi nhớ",
                      "hiệp định thương mại tự do", "hiệp định thương mại", "nghị định thư", "hiệp định thương mại tự do thế hệ mới"}
ACTIONS = [
    (r"phê chuẩn\s*/\s*ký kết|ký kết\s*/\s*phê chuẩn", "Ratified"), (r"phê chuẩn", "Ratified"), (r"thông qua", "Ratified"),
    (r"ký kết|kí kết|ký|kí", "Signed"), (r"đàm phán", "Negotiating"), (r"có hiệu lực", "InForce"),
    (r"triển khai|thực hiện|thực thi", "Implementing"), (r"gia nhập|tham gia", "Signed"), (r"rút khỏi", "Mentioned"),
]
ACTION_RE = re.compile(r"(?<![\w])(" + "|".join(a for a, _ in ACTIONS) + r")(?![\w])", re.I)

PRIO_THEME = re.compile(r"chủ đề năm (?P<y>\d{4})(?:[^:“\"”]{0,60}?)(?:là)?\s*:?\s*[“\"](?P<t>[^”\"]{10,300})[”\"]", re.I)
PRIO_COUNT = re.compile(r"(?:\d+|hai|ba|bốn|năm|sáu|một số) (?:trọng tâm|nhiệm vụ trọng tâm|ưu tiên|định hướng|phương hướng|nhiệm vụ)[^.]{0,80}?năm (?P<y>\d{4})", re.I)
PRIO_ORDINAL = re.compile(r"^(?:Thứ (?:nhất|hai|ba|tư|năm|sáu|bảy|tám)|Một là|Hai là|Ba là|Bốn là|Năm là)\s*[,:]\s*(?P<t>.+)$")
PRIO_DIRECTIVE = re.compile(r"\b(?:đề nghị|yêu cầu|chỉ đạo|nhấn mạnh)\b(?P<rest>.*)$", re.I)
_PRIO_COUNT_WORDS = ("trọng tâm", "ưu tiên", "định hướng", "phương hướng", "nhiệm vụ")  # PRIO_COUNT needs one
_PRIO_DIRECTIVE_WORDS = ("đề nghị", "yêu cầu", "chỉ đạo", "nhấn mạnh")  # PRIO_DIRECTIVE needs one
PRIO_FOCUS = re.compile(r"\b(?:năm (?P<y>\d{4}) )?(?:cần )?tập trung(?: vào)?\s*:?\s*(?P<t>.+)$", re.I)
PRIO_SENT_YEAR = re.compile(r"(?:\btrong năm |^(?:Năm|Trong năm) |^(?:Nhân dịp|Nhân)[^,]{0,80}?\b)((?:20)\d\d)\b")
PRIO_BOTH_SIDES = re.compile(r"^(?:Hai bên|Hai nước|Hai Bộ|Hai ngành)\s+(?:đều\s+)?(?:cho rằng|nhất trí|thống nhất|đồng ý)\s+"
                             r"(?:[^,;.]{0,40}?\s)?cần\s+(?P<t>.+)$")
PRIO_CONTINUE = re.compile(r"^(?:Cùng với đó|Đồng thời|Bên cạnh đó|Ngoài ra)\s*,\s*(?:(?:Bộ|ngành|Ngành)(?: \w+){0,2}? (?=tiếp tục|tăng cường|đẩy mạnh|triển khai|chủ động|phối hợp|nâng cao|tập trung))?(?P<t>.+)$")
DIRECTIVE_WORDS = (r"(?:tiếp tục|thúc đẩy|mở rộng|tăng cường|đẩy mạnh|nâng cao|triển khai|phối hợp|củng cố|thực hiện|"
                   r"tổ chức|hoàn thiện|xây dựng|phát huy|duy trì|làm sâu sắc|tạo điều kiện)")
PRIO_YEAR_AGREED = re.compile(r"^(?:Trong )?[Nn]ăm (?P<y>(?:19|20)\d\d),\s*(?:hai|2) (?:nước|bên|Đảng|Bộ|ngành|quân đội)\s+"
                              r"(?:đã |sẽ )?(?:chủ trương|thống nhất(?: tập trung)?|nhất trí(?: tập trung)?|tập trung|ưu tiên)"
                              r"(?: vào)?\s*:?\s*(?P<t>.+)$")
DIRECTIVE_VERBS = re.compile(r"^(?:Tiếp tục|Theo dõi|Phối hợp|Đẩy mạnh|Tăng cường|Triển khai|Tổ chức|Nâng cao|Xây dựng|Phát huy|Chủ động|Tập trung|Thực hiện|Làm tốt|Bảo đảm|Đảm bảo|Hoàn thiện|Mở rộng|Củng cố|Đổi mới|Kiên quyết)\b")


@dataclass
class _Meeting:
    key: str
    kind: str
    kind_word: str
    name: str
    named: bool  # the text gives a real name (not built from parties)
    sentence_index: int
    date: str | None = None
    place: str | None = None
    organizer: str | None = None
    status: str = "held"
    format: str | None = None
    participants: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)  # (name, role) -> (evidence, rule)
    background: bool = False  # mentioned in passing ("kể từ sau Hội nghị lần thứ nhất"): not the meeting in focus
    variants: list[str] = field(default_factory=list)
    evidence: str = ""
    visitor: str | None = None
    part_of: str | None = None
    span_start: int = -1  # where its mention starts in its sentence (for the frame rules)
    rules: list[str] = field(default_factory=list)  # every rule that found a mention of it (the first made it)

    def names(self) -> set[str]:
        return {n for n, _ in self.participants}


_ORDINAL_WORDS = {"nhất": "1", "hai": "2", "ba": "3", "tư": "4", "năm": "5", "sáu": "6", "bảy": "7", "tám": "8",
                  "chín": "9", "mười": "10"}


def ordinals(name: str) -> set[str]:
    """Numbers that tell one meeting of a series from another: digits, and words after 'thứ' ('lần thứ hai')."""
    low = name.lower()
    nums = set(re.findall(r"\d+", low))
    nums |= {_ORDINAL_WORDS[w] for w in re.findall(r"thứ (\w+)", low) if w in _ORDINAL_WORDS}
    return nums


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


def _words(s: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"\w+", s)}


_ORGANIZER_DO = re.compile(r"\bdo ([^,.;]{2,80}?) (?:đồng )?tổ chức")
_ORGANIZER_BEFORE = re.compile(r"([^.;]{2,120}?)\s+(?:đã |vừa |sẽ )?(?:phối hợp với [^,.;]{2,60} )?(?:long trọng )?tổ chức\b")


@lru_cache(maxsize=64)
def _organizer_matches(sent: str) -> tuple[re.Match | None, re.Match | None]:
    if "tổ chức" not in sent:
        return None, None
    return _ORGANIZER_DO.search(sent), _ORGANIZER_BEFORE.search(sent)


_ABBR_RE = re.compile(r"(?<![\w(])([A-Z]{2,8}(?:FTA|PA|EP)?)(?![\w)])")
# R_ATTEND_LIST: everyone after the cue attends (or chairs): "Cùng dự có A; B.", "Về phía tỉnh X, có C", "Tham gia đoàn có D"
FRONTED_AT = re.compile(r"(?i)^\s*(?:\*\s*)?(?:tại|trong)\s+(?:hội nghị(?: thượng đỉnh| cấp cao)?|diễn đàn|kỳ họp|phiên họp|cuộc họp|"
                        r"đối thoại|tọa đàm|phiên khai mạc|phiên bế mạc)(?:\s+(?:này|lần này|nói trên))?\s*,\s*")
ATTEND_LIST = re.compile(r"(?:Tham dự|Cùng tham dự|Cùng dự|dự lễ[^,;]{0,40}|Dự|(?:tham )?dự (?:cuộc |buổi )?(?:hội đàm|hội nghị|hội kiến|"
                         r"tiếp|gặp|làm việc|điện đàm))(?: [^,;]{0,40})? có\b|(?:đồng )?chủ trì của\b"
                         r"|sự (?:tham dự|có mặt|tham gia) của\b|^(?:\*\s*)?Về phía [^,;]{2,60},\s*có\b|(?:Tham gia|Cùng đi trong|Thành viên) đoàn có\b")
AGENT_VERB_BEFORE = re.compile(r"(?i)(?<!\w)(?P<verb>tham dự|dự|tham gia|đồng chủ trì|chủ trì|chủ tọa|khai mạc|bế mạc|"
                               r"phát biểu (?:tại|ở)|(?:xuất hiện|có mặt) (?:ở|tại))\s+(?:(?:một|các|phiên (?:khai mạc|bế mạc|"
                               r"toàn thể)(?: của)?)\s+)?$")
VERB_ROLE = {"đồng": "chair", "chủ": "chair", "khai": "speaker", "bế": "speaker", "phát": "speaker"}
# Between a subject and a verb of its own: no reporting or asking verb (whose object clause has its own subject).
INVITED_BEFORE = re.compile(r"(?i)(?<!lời )\b(?:mời|hoan nghênh|đề nghị|kêu gọi)\s+(?:\S+\s+){0,10}$")
AGENT_BREAK = re.compile(r"(?i)[.;]|\b(?:cho biết|khẳng định|nói|tuyên bố|rằng|mời|đề nghị|hoan nghênh|kêu gọi|mong|"
                         r"hy vọng|hi vọng|yêu cầu|cho rằng|nhấn mạnh|thông báo)\b")
FRONT_FRAME = re.compile(r"(?i)^\s*(?:\*\s*)?(?:(?:sáng|chiều|tối|ngày)\s+[\d/-]+\s*,\s*)?(?:trong thời gian|nhân dịp|nhân|khi|trong khuôn khổ|"
                         r"trong bài (?:phát biểu|diễn văn|tham luận)(?: khai mạc| bế mạc| chính| quan trọng)?|phát biểu|"
                         r"tại|ở)\s*(?:(?:tham |tới |sang )?dự\s+|(?:ý kiến |khai mạc |bế mạc )?(?:tại|ở)\s+)?(?:phiên (?:khai mạc|bế mạc|toàn thể)"
                         r"(?: của)?\s+)?$")
BACKGROUND_BEFORE = re.compile(r"(?i)(?:của|kết quả|thỏa thuận|thoả thuận|tinh thần|theo)\s+(?:các\s+)?(?:(?:cuộc|buổi)\s+)?$")
ANAPHORIC_AFTER = re.compile(r"\s*(?:này|đó|nói trên|kể trên|trên|lần này|ấy)(?![\w])")
FRONTED_NP = re.compile(r"(?i)(?:^|[,.:]\s*|\*\s*)(?:tại|trong|sau|qua|ở)\s+(?:các\s+)?(?:(?:cuộc|buổi)\s+)?$")
WITNESS_CUE = re.compile(r",?\s*(?:có|với) sự (?:tham dự|có mặt|chứng kiến|tham gia) của")
PARTY_LIST_BREAK = re.compile(r"(?i)\s(?:tại|ở|bên lề|trong khuôn khổ|trong dịp|trong thời gian|vào (?:ngày|sáng|chiều|tối)|"
                              r"nhân dịp|sau khi|trước khi|để|về việc)\s|[.;:]")
POSSESSOR_GAP = re.compile(r"\s*của\s*")
_ROLE_VERBS = ["chủ trì", "phát biểu", "khai mạc", "kết luận", "tham dự", "có mặt", "bế mạc", "cùng dự", "về phía",
               "tham gia đoàn", "dẫn đầu", "chủ tọa"]
_ROLE_VERB = LiteralAnchored(re.compile(r"\b(?:" + "|".join(_ROLE_VERBS) + r")\b", re.I), _ROLE_VERBS)
# every alternative of ANAPHORA contains one of these (the "tại/trong/dự/sau" forms start with them)
ANAPHORA_FINDER = LiteralAnchored(ANAPHORA, ["tại", "trong", "dự", "sau", "hội nghị", "cuộc họp", "cuộc gặp", "buổi gặp",
                                             "buổi tiếp", "cuộc hội đàm"],
                                  required=["hội nghị", "cuộc họp", "cuộc gặp", "buổi gặp", "buổi tiếp", "hội đàm",
                                            "cuộc đối thoại", "kỳ họp", "diễn đàn", "buổi làm việc"])


class _LazyMentions:
    """`ArticleExtractor.mentions` of an article without titles: each sentence's mentions made on first use."""

    def __init__(self, analyses: list[SentenceAnalysis]):
        self._analyses = analyses
        self._done: dict[int, list[Mention]] = {}

    def __getitem__(self, si: int) -> list[Mention]:
        got = self._done.get(si)
        if got is None:
            got = self._done[si] = self._analyses[si].mentions()
        return got


class ArticleExtractor:
    def __init__(self, article: Article, lex: Lexicon | None = None):
        self.a = article
        self.lex = lex or load()
        self.sents: list[str] = []
        self.para_of: list[int] = []
        for pi, p in enumerate(article.paragraphs):
            for s in sentences(p):
                self.sents.append(s)
                self.para_of.append(pi)
        self.analyses = [SentenceAnalysis(s, self.lex, defer=True) for s in self.sents]
        # A person needs a title next to the name, and posts come only from titles in the same sentence:
        # in an article without any title (most articles of an archive outside diplomacy) nobody becomes
        # a person, and a sentence's names matter only where a meeting word might stand inside one. Such
        # articles analyse a sentence's tokens only when asked (`_LazyMentions`).
        self.titled = any(an.titled for an in self.analyses)
        self.mentions: list[list[Mention]] | _LazyMentions = (
            [an.mentions() for an in self.analyses] if self.titled else _LazyMentions(self.analyses))
        self.people: dict[str, PersonFact] = {}
        self._ref_year: int | None = None
        self._last_date: str | None = None
        self.canon: dict[str, str] = {}  # surface -> canonical full name
        self.meetings: list[_Meeting] = []
        self.article_date = article.date

    # ------------------------------------------------------------------ people
    def resolve_people(self) -> None:
        if not self.titled:
            return  # no title anywhere: no mention has a post, so nobody is a person (see __init__)
        full: dict[str, list[Post]] = {}
        order: list[str] = []
        for ms in self.mentions:
            for m in ms:
                if not m.short:
                    if m.name not in full:
                        full[m.name] = []
                        order.append(m.name)
                    full[m.name].extend(m.posts)
        # short multi-word forms ("Kim Ngân") and initials ("McMaster" vs "H.R. McMaster") -> the fuller name
        from .resolve import _initial_match

        initials = {n: f for n in order if re.match(r"(?:\w\.)+ ?\S", n)
                    for f in order if f != n and _initial_match(n.replace(".", ". ").replace("  ", " "), f)}
        order = [n for n in order if n not in initials]
        self.canon.update(initials)

        # full names indexed by their word tails and first word: a short form is looked up, not compared
        # with every name of the article (that loop was quadratic in the names of long articles)
        by_tail: dict[tuple[str, ...], list[int]] = {}
        by_first: dict[str, list[int]] = {}
        for pos, f in enumerate(order):
            fp = f.split()
            for k in range(1, len(fp)):
                by_tail.setdefault(tuple(fp[-k:]), []).append(pos)
            if len(fp) > 1:
                by_first.setdefault(fp[0], []).append(pos)

        def target(name: str) -> str | None:
            """The one longer full name that ends with this name (or, for a foreign single word, starts with it)."""
            parts = name.split()
            cands = set(by_tail.get(tuple(parts), ()))
            if len(parts) == 1 and not is_vietnamese_syllable(parts[0]):
                cands.update(by_first.get(parts[0], ()))
            return order[next(iter(cands))] if len(cands) == 1 else None

        for name in list(order):
            t = target(name)
            if t is not None:
                self.canon[name] = t
        for ms in self.mentions:
            for m in ms:
                if m.short:
                    t = target(m.name)
                    if t:
                        self.canon[m.name] = t
        persons: dict[str, PersonFact] = {}
        for ms in self.mentions:
            for m in ms:
                name = self.canon.get(m.name, m.name)
                if m.short and name == m.name:
                    # an unresolved single word: a person only if Latin-script and a title stands right before it
                    if is_vietnamese_syllable(m.name) or not m.posts or any(self._loose_title(p) for p in m.posts):
                        continue
                if not m.posts and name not in persons:
                    continue
                pf = persons.setdefault(name, PersonFact(name))
                if name != m.name and m.name not in pf.aliases:
                    pf.aliases.append(m.name)
                for p in m.posts:
                    pf.posts.append(p)
        for pf in persons.values():
            pf.posts = self._merge_posts(pf.posts)
        self.people = {n: p for n, p in persons.items() if p.posts}
        if self.people:
            self._bare_title_mentions()

    def _bare_title_mentions(self) -> None:
        """R_BARE_TITLE: a title with no name after it refers to the article's one holder of that post.

        The mention it makes stands where the title stands, so the meeting and role rules read it like a
        named one ("Thủ tướng đã gặp …", "Thủ tướng và Tổng thống Pháp X đã hội đàm")."""
        mentions = self.mentions
        assert isinstance(mentions, list)
        for si, sent in enumerate(self.sents):
            if not self.analyses[si].titled:
                continue
            ms = mentions[si]
            taken = [(m.title_start, max(m.end, m.after_end)) for m in ms]
            found = self.analyses[si].found
            added = []
            for tm in self.analyses[si].title_matches:
                s0, e0 = tm.span()
                if any(a <= s0 < b for a, b in taken) or any(a <= s0 < b for a, b, _ in found):
                    continue
                before = sent[max(0, s0 - 12):s0].lower()
                if re.search(r"(?:^|\s)(?:hai|2)\s+$", before):
                    head = self.lex.titles.get(tm.group(0))
                    pair = [n for n, pf in self.people.items() if head is not None and any(p.position == head.label for p in pf.posts)]
                    if len(pair) == 2:  # R_BARE_TITLE_PAIR: "hai Thủ tướng" are the article's two prime ministers
                        for n in pair:
                            added.append(Mention(name=n, start=s0, end=e0, tok_start=-1, tok_end=-1, posts=[], short=False,
                                                 title_start=s0, after_end=e0))
                    continue
                if re.search(r"(?:các|những|ba|cựu|nguyên|vị|người|tân|quyền|phó|trợ lý|chức|cương vị|làm|thành|của)\s*$", before):
                    continue  # plural, former, or an office spoken of ("nhậm chức Tổng thống")
                head = self.lex.titles.get(tm.group(0))
                if head is None or head.kind == "nopost":
                    continue
                rest = sent[e0:]
                country = None
                cm = re.match(r"\s+([^\s,.;:]+(?:\s+[^\s,.;:]+){0,3})", rest)
                end = e0
                if cm:
                    hit = next(((a, b, e) for a, b, e in self.lex.find(cm.group(1)) if a == 0 and e.kind in ("country",)), None)
                    if hit is not None:
                        country = hit[2].label_vi
                        end = e0 + cm.start(1) + hit[1]
                nxt = re.match(r"\s*(\S)", sent[end:])
                if nxt and nxt.group(1)[0].isupper():
                    continue  # a name follows that the name rules did not take: leave it alone
                holder = self._holder(head.label, country)
                if holder is None:
                    continue
                added.append(Mention(name=holder, start=s0, end=end, tok_start=-1, tok_end=-1, posts=[], short=False,
                                     title_start=s0, after_end=end))
            if added:
                ms.extend(added)
                ms.sort(key=lambda m: m.start)

    def _reference_year(self) -> int:
        """The article's year: its date's, else the latest year it writes (0 when it writes none)."""
        if self._ref_year is None:
            years = [int(y) for y in re.findall(r"\b((?:19|20)\d\d)\b", " ".join(self.sents))]
            self._ref_year = self.a.year or (max(years) if years else 0)
        return self._ref_year

    def _past_year(self, text: str) -> bool:
        """A year before the article's own stands in `text`."""
        m = re.search(r"(?:tháng\s+\d{1,2}\s*[/-]\s*|năm\s+|hồi\s+)((?:19|20)\d\d)\b", text)
        ref = self._reference_year()
        return bool(m and ref and int(m.group(1)) < ref)

    def _plausible_year(self, year: int) -> bool:
        """A year a direction can be set for: the article's year or the next (any recent year when undated)."""
        ref = self._reference_year()
        return bool(ref) and ref <= year <= ref + 1

    def _holder(self, position: str, country: str | None) -> str | None:
        """The one person of the article holding a post (of that country, or at home when none is named)."""
        cands = [n for n, pf in self.people.items() if any(p.position == position for p in pf.posts)]
        if country is not None:
            cands = [n for n in cands if any(p.position == position and p.organization and country in p.organization
                                             for p in self.people[n].posts)]
        elif len(cands) > 1:
            home = [n for n in cands if any(p.position == position and (p.organization is None or "Việt Nam" in p.organization
                                                                         or not self._foreign(p.organization))
                                            for p in self.people[n].posts)]
            cands = home
        return cands[0] if len(cands) == 1 else None

    def _foreign(self, org: str) -> bool:
        e = self.lex.lookup(org)
        return e is not None and e.kind == "country" and e.label_vi != "Việt Nam" or any(
            e.kind == "country" and e.label_vi != "Việt Nam" for _, _, e in self.lex.find(org))

    @staticmethod
    def _loose_title(p: Post) -> bool:
        rest = p.title[len(p.position):] if p.title.lower().startswith(p.position.lower()) else p.title
        return any(w[:1].islower() for w in rest.split())

    @staticmethod
    def _merge_posts(posts: list[Post]) -> list[Post]:
        """One post per (position, organization): the fullest title wins; a bare title folds into a fuller one."""
        out: list[Post] = []
        for p in sorted(posts, key=lambda p: (-len(p.title), p.title)):
            dup = None
            for q in out:
                if p.organization is None and q.qualifier == p.qualifier and q.title.casefold().startswith(p.title.casefold() + " "):
                    dup = q  # a bare "Thứ trưởng" folds into "Thứ trưởng thường trực Bộ Ngoại giao"
                    break
                if q.position.casefold() != p.position.casefold() or q.qualifier != p.qualifier:
                    continue
                if p.organization is None or q.organization == p.organization or p.title.casefold() in q.title.casefold():
                    dup = q
                    break
            if dup is None:
                out.append(Post(p.title, p.position, p.organization, p.qualifier, p.evidence, p.rule))
        return out

    def person_name(self, m: Mention) -> str | None:
        name = self.canon.get(m.name, m.name)
        return name if name in self.people else None

    # ------------------------------------------------------------------ dates
    def resolve_date(self, sentence: str, context: str = "") -> str | None:
        m = next((x for x in [*DATE_RE.finditer(sentence), *DATE_TEXT_RE.finditer(sentence)]
                  if 1 <= int(x.group("d")) <= 31 and 1 <= int(x.group("m")) <= 12), None)
        if not m:
            return None
        d, mo = int(m.group("d")), int(m.group("m"))
        y = m.group("y")
        year = int(y) if y else None
        if year is None:
            ctx = f"{context} {sentence}"
            if self.a.year and self.a.date and len(self.a.date) >= 4:
                year = self.a.year
                if self.a.month and mo > self.a.month + 1:
                    year -= 1
            elif (r := REVIEW_RE.search(ctx)) and (mo <= 3 or mo >= 11):
                year = int(r.group("y")) + (1 if mo <= 3 else 0)
            else:
                # a full date elsewhere in the same sentence gives the year ("chiều 3/7 … từ ngày 3-8/7/2017")
                for mm in DATE_RE.finditer(sentence):
                    if mm.group("y") and int(mm.group("m")) == mo:
                        year = int(mm.group("y"))
                        break
        if year is None:
            return None
        return valid_date(year, mo, d)  # "31/2" is no date: an ill-typed xsd:date broke SHACL (tests/test_hostile_inputs.py)

    # ------------------------------------------------------------------ meetings
    def find_meetings(self) -> None:
        focus: _Meeting | None = None
        for si, sent in enumerate(self.sents):
            an = self.analyses[si]
            ms = [m for m in self.mentions[si] if self.person_name(m)] if self.people else []
            found_here: list[_Meeting] = []
            subject = None
            for km in KIND_FINDER.finditer(sent, an.low):
                kind_idx = int(km.lastgroup[1:])  # the kinds are alternatives, each one named group
                _, cls, needs = KINDS[kind_idx]
                word = km.group(0)
                # windows of the sentence rather than slices: searching the whole text before every
                # kind word ("tiếp", "thăm" are common words) made this loop quadratic in the sentence
                if (needs != "np" and _NOT_MEETING_AFTER_AT.match(sent, km.end())) \
                        or NOT_MEETING_BEFORE.search(sent, max(0, km.start() - 24), km.start()):
                    continue
                if any(km.start() >= m.title_start and km.end() <= m.end for m in self.mentions[si]):
                    continue  # inside a title ("Chủ tịch Hội nghị …")
                if any(km.start() >= s and km.end() <= e for s, e, _ in self._agreement_spans(sent, an.low)):
                    continue
                mt = self._meeting_from(si, sent, km, cls, needs, word, ms, subject)
                if mt is None:
                    continue
                if subject is None:
                    subject = next((m for m in reversed(ms) if m.end <= km.start()), None)
                found_here.append(mt)
            for mt in found_here:
                if mt.kind != "Visit":
                    self._frames(sent, ms, mt)
            for mt in found_here:
                self._add_meeting(mt)
            target = None
            foreground = [m for m in found_here if not m.background]
            if foreground:
                held = [m for m in foreground if m.status == "held"] or foreground
                # a meeting held during a visit takes the roles of its sentence, not the visit framing it
                held = [m for m in held if m.kind != "Visit"] or held
                focus = self._canonical(held[0])
                target = focus
                for mt in found_here:
                    self._leaders(sent, ms, self._canonical(mt))
            elif found_here and focus is not None:
                target = focus  # only background mentions here: roles belong to the meeting in focus
            else:
                ana = ANAPHORA_FINDER.search(sent, an.low)
                if ana and self.meetings:
                    word = re.sub(r"(?i)^(?:tại|trong|dự|sau)\s+", "", ana.group(0)).lower()
                    word = re.sub(r"^(?:cuộc|buổi)\s+", "", word)
                    recent = [m for m in self.meetings if word in m.kind_word or word in m.name.lower()]
                    target = recent[-1] if recent else focus
                elif _ROLE_VERB.search(sent, an.low) is not None:
                    target = focus
            if target is not None:
                self._roles(si, sent, ms, target)

    def _frames(self, sent: str, ms: list[Mention], mt: _Meeting) -> None:
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
            if agent is not None and INVITED_BEFORE.search(sent, max(0, agent.title_start - 120), agent.title_start):
                agent = None  # R_MODALITY: "mời Tổng thống X … dự B": X is invited, not reported taking part
            if agent is not None and not any(agent.end < o.start < vm.start() for o in ms) \
                    and not AGENT_BREAK.search(sent, agent.after_end, vm.start()) \
                    and vm.start() - agent.after_end < 160 and not FRONT_FRAME.match(sent[:vm.start()]):
                n = self.person_name(agent)
                if n:
                    mt.participants.setdefault((n, role), (sent, R_COORDINATED))
                    mt.participants.setdefault((n, "attendee"), (sent, R_COORDINATED))
        if vm is not None and mt.named:
            np_end = start + len(mt.name)
            comp = next((m for m in ms if m.start > np_end and re.fullmatch(r"\s*(?:,\s*)?cùng(?: với)?\s+", sent[np_end:m.title_start])), None)
            if comp is not None and (n := self.person_name(comp)):
                mt.participants.setdefault((n, "attendee"), (sent, R_COORDINATED))  # R_COORDINATED: "dự Hội nghị X cùng Thủ tướng Y"
        fm = FRONT_FRAME.match(sent[:start])
        if fm is not None:
            comma = sent.find(",", start + len(mt.name) - 1 if mt.named else start)
            subj = next((m for m in ms if m.start > comma), None) if comma > 0 else None
            if subj is not None and re.fullmatch(r"[\s,]*(?:\S+\s*){0,4}", sent[comma:subj.title_start]):
                n = self.person_name(subj)
                if n:
                    role = "speaker" if re.search(r"(?i)phát biểu|diễn văn|tham luận|trình bày", fm.group(0)) else "attendee"
                    mt.participants.setdefault((n, role), (sent, R_FRONTED_FRAME))
                    mt.participants.setdefault((n, "attendee"), (sent, R_FRONTED_FRAME))

    def _agreement_spans(self, sent: str, low: str | None = None):
        return [(m.start(), m.end() + 40, None) for m in AGREEMENT_FINDER.finditer(sent, low)]

    def _np_name(self, sent: str, start: int, word: str) -> tuple[str, int]:
        """R_NAMED: the name of a meeting written as a noun phrase after its kind word.

        The phrase goes on through capitalised words, numbers, 'lần thứ N', quoted names and lower-case
        words that are no clause word; it ends at a verb phrase (`NAME_STOP_PHRASE`: 'khai mạc', 'phát biểu',
        'trên cương vị'), a clause word (`NAME_STOP`, lower case only), a person's 'của', or punctuation,
        except the continuations of review and session names (`NAME_GOES_ON`: ', triển khai nhiệm vụ năm N',
        'và phương hướng, nhiệm vụ', ', Quốc hội Khóa XVI')."""
        kw_end = start + len(word)
        name_start = start
        end = kw_end
        count = len(word.split())
        pos = kw_end
        # places and organizations inside the name are read whole ("Đồng bằng sông Cửu Long")
        inner = {kw_end + a: kw_end + b for a, b, e in self.lex.find(sent[kw_end:kw_end + 240]) if e.kind in ("place", "org", "country")}
        while count < 24:
            t = _NP_TOKEN.match(sent, pos)
            if t is None:
                break
            w = t.group(1)
            wstart, wend = t.start(1), t.end(1)
            if wstart in inner and w[0].isupper():
                end = pos = inner[wstart]
                count += 1
                continue
            if not w[0].isalnum():
                if w in "-–" and count:
                    pos = wend
                    continue
                if w == "(":
                    close = sent.find(")", wstart)
                    if 0 < close - wstart < 25:
                        pos = wend
                        continue
                if w == ")":
                    end = pos = wend
                    continue
                if w in "“\"'" and count:
                    close = re.compile(r"[”\"']").search(sent, wend)
                    if close and close.start() - wend < 80:
                        end = close.end()
                    break
                if w == "," and NAME_GOES_ON.match(sent, wstart):
                    pos = wend
                    continue
                break
            lw = w.lower()
            if w in ("Về", "Theo", "Tại", "Trong", "Sau", "Với"):
                break  # a capitalised clause opener: the next sentence, glued on by the crawl
            if NAME_STOP_PHRASE.match(sent, wstart):
                break
            if w[0].islower() and lw in NAME_STOP and not (lw == "và" and (_UPPER_NEXT.match(sent, wend) or NAME_GOES_ON_VA.match(sent, wend)
                                                                            or _ABBR_AHEAD.match(sent, wend))) \
                    and not (lw in ("lần", "về") and count) and not (lw == "trong" and _KHUON_KHO.match(sent, wend)) \
                    and not (lw == "bàn" and sent[wend:wend + 5] == " tròn"):  # "Hội nghị bàn tròn"
                break
            if lw == "của" and (self.lex.title_re.match(sent, len(sent) - len(sent[wend:].lstrip())) is not None
                                or _HONORIFIC_NEXT.match(sent, wend)):
                break  # "Hội nghị của Thủ tướng X": a person's, not part of the name
            end = pos = wend
            count += 1
        name = sent[name_start:end].strip()
        words = name.split()
        while len(words) > len(word.split()) and words[-1].lower().strip(",") in NP_DANGLING:
            words.pop()
        name = " ".join(words).rstrip(" ,")
        return name, name_start + len(name)

    def _meeting_from(self, si, sent, km, cls, needs, word, ms, subject) -> _Meeting | None:
        start, end = km.start(), km.end()
        planned = bool(PLANNED.search(sent, max(0, start - 90), start))  # the cue stands ≤ 60 characters before
        proposed = bool(PROPOSED.search(sent, max(0, start - 80), start)) and not re.search(
            r"(?i)\b(?:nhận lời mời|theo lời mời|lời mời của)\b", sent[max(0, start - 120):start])
        lead = sent[max(0, start - 12):start].lower()
        if needs == "np":
            name, np_end = self._np_name(sent, start, word)
            rest = name[len(word):].strip()
            content = [w for w in re.findall(r"\w+", rest) if w.lower() not in ("các", "này", "đó", "cấp", "cao", "về")]
            if not content:
                return None  # a bare "hội nghị": a reference to the meeting in focus
            if cls == "Forum" and (not re.search(r"[A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ]", rest) or sent[:start].rstrip().endswith("(")):
                return None  # "các diễn đàn đa phương": a kind of venue, not a named forum
            if cls == "Dialogue" and not re.search(r"[A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ]", rest) and not any(m.start >= start for m in ms) \
                    and not NAMING_WORDS.search(rest):
                return None
            if re.match(r"(?i)(?:trực tuyến|này|đó|trên|nói trên|lần này|sắp tới)$", rest):
                return None
            bare = re.sub(r"^(?:tỉnh|thành phố|TP\.?|tại|ở)\s+", "", rest)
            if self.lex.lookup(bare) is not None and self.lex.lookup(bare).kind in ("place", "country"):
                return None  # "Hội nghị tỉnh Bình Dương": a place, not the meeting's name
            if not re.search(r"[A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ0-9]", rest) and not NAMING_WORDS.search(rest):
                return None  # "Hội nghị thống nhất đánh giá": the meeting as subject of a verb, not a name
            mt = _Meeting(key="", kind=cls, kind_word=word.lower(), name=_cap(name), named=True, sentence_index=si,
                          status="planned" if planned else "held", evidence=sent)
            # parties named right after ("đối thoại … giữa A và B", "Hội nghị … với sự tham dự của")
        elif needs == "party":
            if word[:1].isupper() and re.match(r"\s*[,:]", sent[end:]):
                return None  # "Hội đàm, …" opening a caption or a paragraph: the meeting in focus
            if BACKGROUND_BEFORE.search(sent, max(0, start - 40), start):
                return None  # R_MEETING_BACKGROUND: "thỏa thuận của Cuộc gặp cấp cao …", "kết quả cuộc hội đàm"
            if re.search(r"(?i)(?:tham dự|dự)\s+(?:cuộc\s+|buổi\s+)?$", sent[max(0, start - 16):start]) \
                    and not re.match(r"\s*(?:\S+\s+){0,2}?(?:với|giữa)\b", sent[end:]):
                return None  # R_MEETING_ANAPHORA: "dự hội đàm về phía Việt Nam có …" attends the talks in focus
            if ANAPHORIC_AFTER.match(sent, end):
                return None  # R_MEETING_ANAPHORA: "cuộc gặp này", "cuộc hội đàm nói trên" is the meeting in focus
            fronted = FRONTED_NP.search(sent[:start]) and (re.match(r"(?i)cuộc|buổi", word) or cls in ("Talks", "PhoneCall", "CourtesyCall", "Negotiation")
                                                           or re.search(r"(?i)(?:cuộc|buổi)\s+$", sent[:start]))
            if fronted or (word[:1].isupper() and start == len(sent) - len(sent.lstrip())):
                # R_FRONTED_NP: "Tại cuộc gặp Tổng thống X, Chủ tịch nước Y …", "Gặp gỡ Tổng thống X, Y đề nghị …"
                got = self._fronted_party_meeting(si, sent, start, end, cls, word, ms)
                if got is not None or fronted:
                    return got  # a headline "Hội đàm Việt Nam - Lào" without a person goes on as a named meeting
            if re.search(r"(?i)(?:tại|trong|sau|trước|qua)\s+(?:các\s+)?(?:(?:cuộc|buổi)\s+)?$", sent[:start]):
                return None  # "Tại cuộc gặp, …": the meeting in focus, not a new one
            if cls == "Reception" and not (subject or any(m.after_end <= start and HOST_GAP.fullmatch(sent[m.after_end:start]) for m in ms)):
                return None
            if cls == "Reception" and not re.match(r"\s*(?:thân mật|xã giao|riêng)?\s*(?:các|Đoàn|đoàn|Đại sứ|Bộ trưởng|Thủ tướng|Chủ tịch|Tổng|Phó|ông|bà|ngài|đồng chí|[A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ])", sent[end:]):
                return None
            if cls == "Meeting" and word.lower() == "gặp" and not re.match(r"\s*(?:gỡ\s+)?(?:với\s+)?(?:các|Đoàn|Đại sứ|Bộ trưởng|Thủ tướng|Chủ tịch|Tổng|Phó|ông|bà|ngài|[A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ])", sent[end:]) \
                    and not re.search(r"(?:cuộc|buổi)\s*$", sent[:start]):
                return None
            if cls == "Negotiation" and not re.match(r"\s*(?:cấp cao\s+|song phương\s+)?(?:với|giữa)", sent[end:]):
                return None
            subj = subject or next((m for m in reversed(ms) if m.end <= start), None)
            # the other party: first person after the kind word in the same clause
            clause_end = self._clause_end(sent, end)
            wit = WITNESS_CUE.search(sent, end, clause_end)
            party_end = wit.start() if wit else clause_end
            objs = [m for m in ms if start < m.start < party_end and not self._possessor(sent, m, ms)]
            # R_ALL_PARTIES: the counterparts are one coordinated list; a name after "tại …, bà X" is no party
            for idx in range(1, len(objs)):
                prev = objs[idx - 1]
                if PARTY_LIST_BREAK.search(sent, max(prev.end, prev.after_end), objs[idx].title_start):
                    objs = objs[:idx]
                    break
            if subj is not None and subj in objs:
                objs.remove(subj)
            giua_here = re.match(r"\s*(?:\S+\s+){0,3}?giữa\b", sent[end:])
            if giua_here and len(objs) >= 2 and subj is not None and subj.end <= start:
                subj = None  # R_ALL_PARTIES: "cuộc hội đàm giữa A với B": the parties follow "giữa"
            parties = ([subj] if subj else []) + objs  # R_ALL_PARTIES: every counterpart, no cap
            extra_names: list[str] = []
            if subj is not None and not objs:
                # "A và B (đã) tiến hành hội đàm": both parties stand before the kind word
                before_subj = [m for m in ms if m.end <= subj.title_start]
                if before_subj and re.fullmatch(r"\s*(?:và|cùng|-|–)\s*", sent[before_subj[-1].after_end:subj.title_start]):
                    parties.insert(0, before_subj[-1])
                # "sẽ hội đàm với tổng thống Hoa Kỳ": a title the article gives one person
                elif (ref := self._title_reference(sent[end:end + 60], "với")) and ref != self.person_name(subj):
                    extra_names.append(ref)
            if cls in ("Talks", "PhoneCall", "CourtesyCall", "Negotiation") and not objs and len(parties) < 2 \
                    and not extra_names and not re.match(r"(?i)cuộc|buổi", word) \
                    and not re.search(r"(?:cuộc|buổi)\s*$", sent[:start]) and not word[0].isupper():
                return None  # talks need a named other party ("đàm phán với Mỹ" names none)
            if not parties:
                if re.search(r"(?:cuộc|buổi)\s*$", sent[:start]) or word[0].isupper():
                    parties = []
                else:
                    return None
            # name: "<subject with title> <kind …> <object with title>" as written, else the noun phrase
            if objs:
                tail = sent[start:objs[-1].end]
            else:
                tail = sent[start:clause_end]
                tail = re.split(r"[.;]|,(?!\s*(?:Tổng Lãnh sự|Trưởng|Phó|Đại sứ))|\s(?:tại|ở|vào|trong|sau|nhằm|để)\s", tail)[0]
                tail = " ".join(tail.split()[:14])
            if not objs and not extra_names and len(parties) < 2 and len(tail.split()) <= len(word.split()):
                return None  # "X đã gặp gỡ, nói chuyện …": no one named on the other side, nothing to name it by
            noun_phrase = re.match(r"(?i)(?:cuộc|buổi)\b", word) or re.search(r"(?i)(?:cuộc|buổi)\s*$", sent[:start])
            if noun_phrase and re.search(r"(?i)(?:cuộc|buổi)\s*$", sent[:start]):
                tail = sent[start - len(re.search(r"(?i)(?:cuộc|buổi)\s*$", sent[:start]).group(0)):start] + tail
            giua = re.match(r"\s*(?:\S+\s+){0,3}giữa\b", sent[end:])
            if subj is not None and subj.end <= start and not giua and (not noun_phrase or not objs):
                first = parties[0] if parties and parties[0] is not subj and parties[0].end <= subj.start else subj
                head = sent[first.title_start:subj.end]
                name = f"{head} {tail}"
            elif noun_phrase and subj is not None and subj.end <= start and not giua and self.person_name(subj) and objs:
                # "Tổng thống A có cuộc gặp với B": named from the kind and the parties, "Cuộc gặp A – B"
                kind_phrase = re.match(r"(?i)(?:(?:cuộc|buổi)\s+)?" + re.escape(word), tail)
                names = [self.person_name(subj)] + [self.person_name(o) for o in objs[:2] if self.person_name(o)]
                name = _cap(kind_phrase.group(0) if kind_phrase else word) + " " + " – ".join(dict.fromkeys(names))
            else:
                name = _cap(tail)
            pnames = list(dict.fromkeys(n for p in parties if (n := self.person_name(p))))
            if not objs and len(pnames) >= 2:
                # no counterpart after the kind word: named from its kind and parties, not from the rest of the clause
                kind_phrase = re.search(r"(?i)(?:cuộc|buổi)\s*$", sent[:start])
                label = (kind_phrase.group(0).strip() + " " + word) if kind_phrase else word
                name = _cap(label.lower()) + " " + " – ".join(pnames)
            name = re.sub(r"\s+(?:đã|vừa|sẽ)\s+", " ", name).strip(" ,")
            mt = _Meeting(key="", kind=cls, kind_word=word.lower(), name=name, named=bool(re.match(r"[A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ]", word)),
                          sentence_index=si, status="planned" if planned else "held", evidence=sent, rules=[R_BILATERAL])
            for p in parties:
                n = self.person_name(p)
                if n:
                    mt.participants[(n, "attendee")] = (sent, R_BILATERAL)
            for n in extra_names:
                mt.participants[(n, "attendee")] = (sent, R_BILATERAL)
        else:  # visit
            if word.lower() == "thăm" and not re.match(r"\s*(?:chính thức|cấp nhà nước|làm việc|hữu nghị|[A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ]|và|tới|đến)", sent[end:]):
                if not re.search(r"(?:chuyến|cuộc)\s*$", sent[:start]):
                    return None
            if ANAPHORIC_AFTER.match(sent, end) or re.match(r"\s*(?:kéo dài|lần này)\b", sent[end:]):
                return None  # R_MEETING_ANAPHORA: "nhân chuyến thăm này", "kết thúc chuyến thăm kéo dài 3 ngày"
            if VISIT_TO_ORG.match(sent, end):
                return None  # R_VISIT_ORG: "thăm Đại sứ quán …", "thăm nhà máy …": a call on an organization, not a trip
            after = sent[end:end + 80]
            after = re.split(r"\bcủa\b", after)[0]  # "chuyến thăm Cuba của Chủ tịch Quốc hội Lào": the place is before "của"
            qual = re.match(r"\s*((?:chính thức|cấp nhà nước|làm việc|hữu nghị)(?: (?:chính thức|cấp nhà nước|làm việc|hữu nghị))*)?", after)
            qualifier = qual.group(1) if qual and qual.group(1) else ""
            place = None
            for s0, e0, entry in self.lex.find(after):
                if entry.kind in ("country", "place") and s0 < 40:
                    place = self._written_place(after, s0, e0)  # R_PLACE_AS_WRITTEN
                    break
            if place is None:
                tm = re.search(r"\btại ([A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ][\w-]*(?: [A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ][\w-]*){0,3})", sent[end:])
                if tm:
                    e = self.lex.lookup(tm.group(1))
                    place = e.label_vi if e else None
            if re.search(r"\b(?:hồi|từng|trước đây|trước đó|năm (?:19|20)\d\d)\b", re.sub(r"^\s*Trước đó,", "", sent)) \
                    and not re.search(r"\b(?:đang|bắt đầu|sẽ)\b", sent):
                return None  # a visit of the past, background to the story
            if re.search(r"(?i)\btiếp theo\s+(?:các\s+)?$", sent[max(0, start - 30):start].replace("chuyến", "").replace("cuộc", "")) \
                    or self._past_year(sent[end:end + 120]):
                return None  # R_VISIT_PAST: "tiếp theo chuyến thăm … vào tháng 1", "chuyến thăm … tháng 4/2009"
            # whoever invited is the host, never the visitor ("Nhận lời mời của Chủ tịch Quốc hội X, …")
            ms = [m for m in ms if not re.search(r"mời\s+(?:của\s+)?(?:\S+\s+){0,2}$", sent[max(0, m.title_start - 30):m.title_start])]
            visitor = next((m for m in ms if m.start > end and re.fullmatch(r"[^,.;]{0,40}\bcủa\s*", sent[end:m.title_start])
                            and "mời" not in sent[end:m.title_start]), None)
            direct = [m for m in ms if m.end <= start and VISIT_GAP.fullmatch(sent, m.after_end, start)
                      and not re.search(r"\b(?:trước|sau) khi\b", sent[m.after_end:start])]
            if direct and visitor is None:
                visitor = direct[-1]
            if visitor is None:
                dm = re.search(r"\bdo ([^.;]{0,200}?),? dẫn đầu", sent)
                if dm:
                    visitor = next((m for m in ms if dm.start(1) <= m.start < dm.end(1)), None)
            if visitor is None:
                visitor = next((m for m in ms if m.start > end and re.fullmatch(r"[^,.;]{0,40}\bcủa\s*", sent[end:m.title_start])
                                and "mời" not in sent[end:m.title_start]), None)
            if visitor is None and re.search(r"(?:trong khuôn khổ|nhân dịp|trong dịp|trong thời gian|trước thềm|nhân)\s*(?:chuyến\s*)?$", sent[:start]):
                visitor = next((m for m in ms if m.start > end), None)
            vname = self.person_name(visitor) if visitor is not None else None
            if visitor is None:
                vname = self._title_reference(sent[end:end + 60]) if "mời" not in sent[end:end + 60] else None
                if vname is None:
                    return None
            title = sent[visitor.title_start:visitor.end] if visitor is not None else self._title_text
            if visitor is not None and visitor.tok_start < 0:
                title = f"{title} {vname}"  # a bare title resolved to its holder (R_BARE_TITLE)
            place_txt = f" {place}" if place else ""
            qual_txt = f" {qualifier}" if qualifier else ""
            name = f"Chuyến thăm{qual_txt}{place_txt} của {title}"
            mt = _Meeting(key="", kind="Visit", kind_word="thăm", name=name, named=False, sentence_index=si,
                          status="planned" if planned else "held", evidence=sent, visitor=vname, place=place, rules=[R_VISIT])
            mt.participants[(vname, "attendee")] = (sent, R_VISIT)
            if visitor is not None:
                w = WELCOME.search(sent, max(0, visitor.title_start - 30), visitor.title_start)
                host = next((m for m in reversed(ms) if w is not None and m.after_end <= w.start()
                             and re.fullmatch(r"\s*(?:\S+\s*){0,3}", sent[m.after_end:w.start()])), None)
                if host is not None and (hn := self.person_name(host)) and hn != vname:
                    mt.participants[(hn, "host")] = (sent, R_VISIT_HOST)  # R_VISIT_HOST
        mt.span_start = start
        if not mt.rules:
            mt.rules = [R_NAMED if needs == "np" else R_VISIT if needs == "visit" else R_BILATERAL]
        if proposed:
            mt.status = "proposed"
        mt.background = bool(re.search(r"(?i)(?:kể từ|từ sau|sau|trước|trước thềm|bên lề)\s+(?:(?:các|cuộc|buổi)\s+)?$", sent[:start]))
        # date, place, organizer, format from the sentence
        mt.date = self.resolve_date(sent, mt.name)
        if mt.date is None and SAME_DAY.match(sent):
            mt.date = self._last_date  # R_SAME_DAY: "Cùng ngày, …", "Chiều cùng ngày, …"
        if mt.date:
            self._last_date = mt.date
        if mt.place is None:
            mt.place = self._place(sent, mt, start)
        mt.organizer = self._organizer(sent, start)
        if re.search(r"trực tuyến", sent, re.I):
            mt.format = "hybrid" if re.search(r"trực tiếp|kết hợp", sent, re.I) else "online"
        return mt

    @staticmethod
    def _possessor(sent: str, m: Mention, ms: list[Mention]) -> bool:
        """R_POSSESSOR: 'X, Cố vấn đặc biệt của Thủ tướng Y': Y owns X's post and is no party of the meeting."""
        return any(o is not m and o.after_end > o.end and POSSESSOR_GAP.fullmatch(sent, o.after_end, m.title_start)
                   for o in ms)

    def _fronted_party_meeting(self, si: int, sent: str, start: int, end: int, cls: str, word: str,
                               ms: list[Mention]) -> _Meeting | None:
        """R_FRONTED_NP: a meeting fronted as a noun phrase or participle names its counterpart right after
        the kind word; the other party is the subject of the main clause ("Tại cuộc gặp Tổng thống X, Chủ
        tịch nước Y khẳng định …"), or, when that clause names nobody ("hai bên nhất trí …"), the article's
        principal (the first person of its headline, else its first person)."""
        m = re.match(r"\s*(?:song phương\s+|ngắn\s+|riêng\s+)?(?:với\s+)?", sent[end:])
        at = end + (m.end() if m else 0)
        other = next((x for x in ms if x.title_start >= at and not sent[at:x.title_start].strip()), None)
        if other is None:
            # "tại hội đàm ở Nhà khách …, hai Thủ tướng trao đổi …": the parties are the pair after the comma
            comma = sent.find(",", end)
            pair = [x for x in ms if comma >= 0 and x.start > comma and x.tok_start < 0]
            if len(pair) == 2 and pair[0].start == pair[1].start and re.fullmatch(r"[\s,]*(?:hai|2)\s+", sent[comma:pair[0].start]):
                names = [self.person_name(x) for x in pair]
                if None in names:
                    return None
                mt = _Meeting(key="", kind=cls, kind_word=word.lower(), name=_cap(word.lower()) + " " + " – ".join(names),  # type: ignore[arg-type]
                              named=False, sentence_index=si, status="held", evidence=sent, rules=[R_FRONTED_NP])
                for n in names:
                    mt.participants[(n, "attendee")] = (sent, R_FRONTED_NP)  # type: ignore[index]
                return mt
            return None
        comma = sent.find(",", other.after_end if other.after_end >= 0 else other.end)
        subj = None
        if comma >= 0:
            subj = next((x for x in ms if x.start > comma and self.person_name(x) != self.person_name(other)
                         and re.fullmatch(r"[\s,]*(?:\S+\s*){0,6}", sent[comma:x.title_start])), None)
        names = [self.person_name(other)]
        sname = self.person_name(subj) if subj is not None else self._principal(exclude=names[0])
        if sname is None or names[0] is None:
            return None
        names.insert(0, sname)
        kind_phrase = re.search(r"(?i)(?:cuộc|buổi)\s*$", sent[:start])
        label = (kind_phrase.group(0).strip() + " " + word) if kind_phrase else word
        name = _cap(label.lower()) + " " + " – ".join(dict.fromkeys(names))
        planned = bool(PLANNED.search(sent, max(0, start - 90), start))
        mt = _Meeting(key="", kind=cls, kind_word=word.lower(), name=name, named=False, sentence_index=si,
                      status="planned" if planned else "held", evidence=sent, rules=[R_FRONTED_NP])
        for n in names:
            mt.participants[(n, "attendee")] = (sent, R_FRONTED_NP)
        mt.date = self.resolve_date(sent, mt.name)
        mt.place = self._place(sent, mt, start)
        return mt

    def _principal(self, exclude: str | None = None) -> str | None:
        """The article's principal: the first person named in its headline, else the first person of the article."""
        first_sentence = [m for m in self.mentions[0] if self.person_name(m)] if self.sents else []
        for m in first_sentence:
            n = self.person_name(m)
            if n != exclude:
                return n
        return next((n for n in self.people if n != exclude), None)

    def _title_reference(self, text: str, link: str = "của") -> str | None:
        """'chuyến thăm … của Thủ tướng Việt Nam': a title without a name that only one person of the article holds."""
        m = re.match(r"[^,.;]{0,40}?\b" + link + r"\s+((?:[A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ][\w]*|[a-zđ]\w*)(?:\s+[\wĐđ-]+){0,7})", text)
        if not m:
            return None
        phrase = m.group(1)
        head = self.lex.title_re.match(phrase)
        if not head:
            return None
        position = self.lex.titles[re.sub(r"\s+", " ", head.group(0)).casefold()].label
        rest = re.sub(r"^(?:Cộng hòa|Cộng hoà|nước|Vương quốc|Liên bang|Nhà nước)\s+", "", phrase[head.end():].strip())
        country = next((e for s0, e0, e in self.lex.find(rest) if e.kind in ("country", "org") and s0 == 0), None)
        if rest and country is None:
            return None
        holders = [n for n, pf in self.people.items()
                   if any(p.position == position and (country is None or p.organization in (None, country.label_vi))
                          for p in pf.posts)
                   and not (country is not None and any(p.position == position and p.organization not in (None, country.label_vi)
                                                        for p in pf.posts))]
        if len(holders) != 1:
            return None
        self._title_text = (head.group(0) + (" " + country.label_vi if country else "")).strip()
        return holders[0]

    @staticmethod
    def _clause_end(sent: str, pos: int) -> int:
        m = re.compile(r"[.;]|,\s*(?:hội đàm|hội kiến|gặp|tiếp|thăm|chào|yết kiến|điện đàm)\b").search(sent, pos)
        return m.start() if m else len(sent)

    def _place(self, sent: str, mt: _Meeting, pos: int = 0) -> str | None:
        # the "tại" after the meeting's kind word first, nearest first; then those before it
        cues = sorted(PLACE_CUE.finditer(sent), key=lambda m: (m.start() < pos, abs(m.start() - pos)))
        for m in cues:
            window = sent[m.end():m.end() + 70]
            if window[:1].islower() and not re.match(r"(?:thủ đô|thành phố|trụ sở|tỉnh|bang|thị trấn|nhà khách|khách sạn)\b", window):
                continue
            if DATELINE_BEFORE.search(sent, max(0, m.start() - 40), m.start()):
                continue  # R_PLACE_NOT_DATELINE: "phóng viên TTXVN tại Tokyo" is where the reporter is
            if m.start() > pos and TOPIC_BEFORE.search(sent, pos, m.start()):
                continue  # R_PLACE_NOT_TOPIC: "hội đàm … về các dự án ở Châu Phi"
            venue = VENUE_CITY.match(window)
            if venue is not None and self.lex.lookup(venue.group("venue")) is None:
                city_text = venue.group("city")
                hit = next(((a, b, e) for a, b, e in self.lex.find(city_text) if a == 0 and e.kind in ("place", "country")), None)
                if hit is not None:
                    # R_PLACE: "Điện Élysée, thủ đô Paris", "Đại lễ đường Nhân dân, Bắc Kinh", "Nhà khách X (Bắc Kinh, …)"
                    return f"{venue.group('venue')}, {city_text[:hit[1]]}"
            vh = VENUE_HEAD.match(window)
            hits = self.lex.find(window)
            if vh is not None and not any(a == 0 and e.kind in ("place", "country") for a, b, e in hits):
                # R_PLACE_VENUE: "tại Đại lễ đường Nhân dân, Bắc Kinh", "ở Nhà khách Quốc gia Tokyo", "nhà khách Bộ Ngoại giao"
                phrase = VENUE_END.split(window)[0]
                phrase = " ".join(phrase.split()[:8])
                rest = window[len(phrase):]
                city = re.match(r"\s*(?:[,(]|\s(?:ở|tại)\s)\s*(?:(?:thủ đô|thành phố)\s+)?([^,.;()]{2,30})", rest)
                hit = next(((a, b, e) for a, b, e in self.lex.find(city.group(1)) if a == 0 and e.kind in ("place", "country")),
                           None) if city else None
                if hit is not None and hit[2].kind == "place":
                    return f"{phrase}, {city.group(1)[:hit[1]]}"
                return phrase
            # a place right after "tại", or after a generic lead ("thủ đô", "trụ sở Bộ Ngoại giao Mỹ ở")
            found = [(s0, e0, entry) for s0, e0, entry in hits if entry.kind in ("place", "country")
                     and (s0 == 0 or PLACE_LEAD.fullmatch(window[:s0]) or re.fullmatch(r"[^,;.]{0,30}?,\s*", window[:s0])
                          and found_first(hits, s0))]
            # the most specific place named: a city or building before a country ("trụ sở … Mỹ ở Washington")
            specific = [f for f in found if f[2].kind == "place"]
            if specific or found:
                s0, e0, _ = (specific or found)[0]
                return self._written_place(window, s0, e0)
            hq = re.match(r"trụ sở(?: [A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ][\w-]*){1,5}(?=\s*(?:[,.;]|$))", window)
            if hq is not None:
                return hq.group(0)  # "tại trụ sở Trung ương Đảng": the venue as written
            cm = re.match(r"([A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ][\w-]*(?: [A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ][\w-]*){0,3})", window)
            if cm and cm.group(1).casefold() in self.lex.places_by_label:
                return self.lex.places_by_label[cm.group(1).casefold()].label_vi  # "tại Nhà Trắng"
            if cm and not self.lex.lookup(cm.group(1)):
                cand = cm.group(1)
                if len(cand.split()) >= 2 and not any(cand.startswith(x) for x in ("Hội nghị", "Diễn đàn", "Kỳ họp", "Lễ")):
                    return cand
                cc = CITY_COUNTRY.match(window, cm.end())
                if cc and next((e for a, b, e in self.lex.find(cc.group(1)) if a == 0 and e.kind == "country"), None):
                    return cand  # R_PLACE_CITY: "tại Hamburg (Đức)", "ở Oslo, Na Uy": a city the lexicon does not know
            led = re.match(r"(?:thủ đô|thành phố|TP\.?)\s+([A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ][\w-]*(?: [A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ][\w-]*){0,2})", window)
            if led and not self.lex.lookup(led.group(1)):
                return led.group(1)  # "tại thành phố Bari": a city the lexicon does not know
        bare = mt.name
        for n in [n for n, _ in mt.participants] + list(self.people):
            bare = bare.replace(n, " ")  # "Trương Hòa Bình" holds no place
        for s0, e0, entry in self.lex.find(bare):
            if entry.kind == "place":
                return entry.label_vi
        return None

    @staticmethod
    def _written_place(text: str, s0: int, e0: int) -> str:
        """R_PLACE_AS_WRITTEN: the place as the text writes it ("Hoa Kỳ", "Vương quốc Bỉ"); the mapper links
        it to the lexicon's place, and resolution compares the lexicon's name."""
        pm = PLACE_PREFIX_BEFORE.search(text[:s0])
        return text[pm.start() if pm else s0:e0]

    def _organizer(self, sent: str, pos: int) -> str | None:
        # Both searches depend on the sentence only, and cost ~length x 120 steps when "tổ chức" is far or
        # absent: found once per sentence, not once per meeting word (hostile-input fix, tests/test_hostile_inputs.py).
        m, m2 = _organizer_matches(sent)
        if m:
            return self._org_in(m.group(1), last=False)
        m = m2
        if m and m.end() <= pos + 5:
            return self._org_in(m.group(1), last=True)
        return None

    def _org_in(self, text: str, last: bool) -> str | None:
        found = [e for _, _, e in self.lex.find(text) if e.kind in ("org", "country")]
        if found:
            return (found[-1] if last else found[0]).label_vi
        m = re.search(r"((?:Bộ|Ban|Ủy ban|Văn phòng|Viện|Học viện|Hội đồng|Sở|Đại sứ quán)(?: [A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ]?[\w-]+){1,6})", text)
        return m.group(1) if m else None

    def _roles(self, si: int, sent: str, ms: list[Mention], mt: _Meeting) -> None:
        for m in ms:
            n = self.person_name(m)
            if not n:
                continue
            after = sent[m.after_end:m.after_end + 60]
            invited = INVITED_BEFORE.search(sent, max(0, m.title_start - 120), m.title_start) is not None
            for rx, role in ROLE_AFTER:
                if not invited and rx.search(after):  # R_MODALITY: "mời X dự …" reports no role of X
                    if CEREMONY_AFTER.search(after):
                        continue  # "chủ trì lễ đón", "chủ trì họp báo": the role is at a ceremony, not the meeting
                    mt.participants[(n, role)] = (sent, R_ROLE_AFTER)
                    if role != "attendee":
                        mt.participants[(n, "attendee")] = (sent, R_ROLE_AFTER)
            before = sent[:m.title_start]
            for rx, role in ROLE_FRONTED:
                if rx.search(before):
                    if CEREMONY_BEFORE.search(before):
                        continue
                    mt.participants[(n, role)] = (sent, R_ROLE_FRONTED)
            # lists after "Tham dự … có" / "chủ trì của": everyone after the cue in the clause
            cue = ATTEND_LIST.search(sent)
            if cue and m.start > cue.end() and not CEREMONY_BEFORE.search(sent[:cue.start()]):
                role = "chair" if "chủ trì" in cue.group(0) else "attendee"
                mt.participants.setdefault((n, role), (sent, R_ATTEND_LIST))
        fa = FRONTED_AT.match(sent)
        if fa is not None:
            subj = next((m for m in ms if m.start >= fa.end()), None)
            if subj is not None and re.fullmatch(r"\s*(?:\S+\s*){0,3}", sent[fa.end():subj.title_start]):
                n = self.person_name(subj)
                if n:
                    mt.participants.setdefault((n, "attendee"), (sent, R_FRONTED_AT))  # R_FRONTED_AT: "Tại hội nghị, X sẽ công bố …"
        if re.search(r"dự,? (?:và )?phát biểu", sent):
            for m in ms:
                n = self.person_name(m)
                if n and re.match(r"\s*(?:dự|,|và)", sent[m.end:m.end + 10]):
                    mt.participants[(n, "speaker")] = (sent, R_ROLE_AFTER)

    def _leaders(self, sent: str, ms: list[Mention], mt: _Meeting) -> None:
        """Who leads a delegation takes part in every meeting the sentence reports."""
        dm = re.search(r"\bdo ([^.;]{0,200}?),? dẫn đầu", sent)
        for m in ms:
            n = self.person_name(m)
            if n and ((dm and dm.start(1) <= m.start < dm.end(1))
                      or re.match(r"\s*(?:sẽ |đã )?dẫn đầu (?:đoàn|phái đoàn)[^.;]{0,60}?\b(?:dự|tham dự)\b", sent[m.after_end:])):
                mt.participants.setdefault((n, "attendee"), (sent, R_DELEGATION))

    def _canonical(self, mt: _Meeting) -> _Meeting:
        while mt.key and mt.key.startswith("->"):
            mt = next(x for x in self.meetings if x.key == mt.key[2:])
        return getattr(mt, "_merged_into", None) or mt

    def _same(self, a: _Meeting, b: _Meeting) -> bool:
        if a.kind != b.kind and not ({a.kind, b.kind} <= {"Conference", "Summit", "Meeting", "Session"}):
            return False
        if a.kind != b.kind and a.named != b.named:
            return False  # a meeting built from its parties is not the named conference of the same sentence
        if (a.status == "proposed") != (b.status == "proposed"):
            return False  # an invitation is not the meeting that took place
        if a.date and b.date and a.date != b.date:
            return False
        if a.kind == "Visit":
            return a.visitor == b.visitor and (not a.place or not b.place or a.place == b.place)
        pa, pb = a.names(), b.names()
        if a.kind in ("Talks", "PhoneCall", "CourtesyCall", "Reception", "Meeting", "Negotiation") and pa and pb:
            # the same parties, or a report naming some of them (a caption's two of a joint meeting's three)
            return pa == pb or (pa <= pb and (len(pa) >= 2 or len(pb) <= 2)) or (pb <= pa and (len(pb) >= 2 or len(pa) <= 2))
        wa, wb = _words(a.name) - {"hội", "nghị", "cuộc", "các", "của", "và"}, _words(b.name) - {"hội", "nghị", "cuộc", "các", "của", "và"}
        if not wa or not wb:
            return True
        nums_a, nums_b = ordinals(a.name), ordinals(b.name)
        if nums_a and nums_b and not (nums_a <= nums_b or nums_b <= nums_a):
            return False
        overlap = len(wa & wb) / min(len(wa), len(wb))
        return overlap >= 0.6 or (not pa or not pb) and overlap >= 0.4

    def _add_meeting(self, mt: _Meeting) -> None:
        for other in self.meetings:
            if other.sentence_index == mt.sentence_index and other.named and mt.named:
                continue
            if self._same(other, mt):
                self._merge(other, mt)
                mt._merged_into = other  # type: ignore[attr-defined]
                return
        mt.key = f"m{len(self.meetings)}"
        self.meetings.append(mt)

    @staticmethod
    def _merge(into: _Meeting, mt: _Meeting) -> None:
        # the fullest written name wins; built names give way to names the text gives
        if (mt.named and not into.named) or (mt.named == into.named and len(mt.name) > len(into.name)):
            into.variants.append(into.name)
            into.name, into.named = mt.name, mt.named
        elif mt.name != into.name:
            into.variants.append(mt.name)
        into.date = into.date or mt.date
        into.place = into.place or mt.place
        into.organizer = into.organizer or mt.organizer
        into.format = into.format or mt.format
        if (into.status, mt.status) in (("planned", "held"), ("proposed", "held"), ("proposed", "planned")):
            into.status = mt.status
        for k, v in mt.participants.items():
            into.participants.setdefault(k, v)
        into.rules.extend(r for r in mt.rules if r not in into.rules)

    def _fold_partial(self) -> None:
        """A bilateral meeting whose named parties are a subset of another's of the same kind is that meeting
        (a headline 'Hội đàm cấp cao Việt - Nhật' and the lead's talks between the two prime ministers)."""
        bilateral = ("Talks", "PhoneCall", "CourtesyCall", "Reception", "Negotiation")
        changed = True
        while changed:
            changed = False
            for a in list(self.meetings):
                if a.kind not in bilateral:
                    continue
                bigger = [b for b in self.meetings if b is not a and b.kind == a.kind and a.names() < b.names()
                          and not (a.date and b.date and a.date != b.date)]
                if len(bigger) == 1:
                    self._merge(bigger[0], a)
                    self.meetings.remove(a)
                    changed = True
                    break

    def finish_meetings(self) -> list[MeetingFact]:
        self._fold_partial()
        out = []
        visits = [m for m in self.meetings if m.kind == "Visit"]
        for mt in self.meetings:
            if not mt.participants or mt.status == "proposed":
                continue  # R_MODALITY: nobody named, or only invited / hoped for
            if mt.kind != "Visit" and visits:
                v = next((v for v in visits if v.visitor in mt.names() and v is not mt), None)
                if v is not None and v.participants:
                    mt.part_of = v.key
            parts = [Participant(n, r, ev, rid) for (n, r), (ev, rid) in sorted(mt.participants.items())]
            out.append(MeetingFact(key=mt.key, name=mt.name, kind=mt.kind, kind_word=mt.kind_word, date=mt.date,
                                   place=mt.place, organizer=mt.organizer, status=mt.status, format=mt.format,
                                   part_of=mt.part_of, participants=parts,
                                   variants=sorted(set(v for v in mt.variants if v != mt.name)), evidence=mt.evidence,
                                   rules=sorted(set(mt.rules))))
        return out

    # ------------------------------------------------------------------ agreements
    def find_agreements(self) -> list[AgreementFact]:
        found: dict[str, AgreementFact] = {}
        abbrs = self.lex.agreement_abbreviations
        for si, sent in enumerate(self.sents):
            spans = []
            for m in AGREEMENT_FINDER.finditer(sent, self.analyses[si].low):
                if re.search(r"(?:Tổ chức|tổ chức|Liên minh)\s*$", sent[max(0, m.start() - 12):m.start()]):
                    continue  # R_AGR_ORG: "Tổ chức Hiệp ước An ninh Tập thể (CSTO)" is an organization
                if m.group("trig") in ("thỏa thuận", "thoả thuận"):
                    lm = LOWER_AGREEMENT.match(sent, m.end())
                    if lm is None:
                        continue  # "thỏa thuận" in lower case is an agreement only with its proper name ("thỏa thuận Doha")
                    name, end = sent[m.start():lm.end()], lm.end()
                else:
                    name, end = self._agreement_name(sent, m)
                abbr = None
                inner_abbr = re.search(r"\s*\(([A-Z][A-Za-z0-9-]{1,12})\)$", name)
                if inner_abbr:
                    abbr, name = inner_abbr.group(1), name[:inner_abbr.start()].strip()
                am = re.match(r"\s*\((?P<a>[A-Z][A-Za-z0-9-]{1,12})(?: \d{4})?\)", sent[end:])
                if am:
                    abbr = am.group("a")
                    end += am.end()
                if name.casefold() in GENERIC_AGREEMENTS or (m.group("trig")[0].islower() and not abbr
                                                              and not re.search(r"[A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ]", name[len(m.group('trig')):])):
                    if not abbr or abbr in ("FTA",):
                        continue
                if abbr == "FTA" and name.casefold().startswith("hiệp định thương mại tự do") and not re.search(r"[A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ]", name[9:]):
                    continue
                if abbr and (e := self.lex.lookup(abbr)) is not None and e.kind in ("org", "country", "outlet"):
                    abbr = None  # "(LHQ)" after "Hiến chương Liên hợp quốc" abbreviates the organization
                rest_words = [w for w in re.findall(r"\w+", name[len(m.group("trig")):])]
                if not abbr and not any(w[0].isupper() or w.isdigit() for w in rest_words) \
                        and not [w for w in rest_words if w.lower() not in AGR_FILLER]:
                    continue  # "Thỏa thuận đầu tiên", "Bản ghi nhớ hợp tác": nothing names it
                if not abbr:
                    inner = next((w for w in rest_words if w in self.lex.agreements), None)
                    if inner and len(rest_words) == 1:
                        abbr = inner  # "Hiệp định EVFTA"
                known = self.lex.agreements.get(abbr or "") or self.lex.agreement_names.get(name.casefold())
                if known and not abbr:
                    abbr = next((k for k, v in self.lex.agreements.items() if v == known), None)
                spans.append((m.start(), end, _cap(name), abbr))
            for am in (_ABBR_RE.finditer(sent) if abbrs and next(abbrs.iter(sent), None) is not None else ()):
                ab = am.group(1)
                if ab in self.lex.agreements and not any(s <= am.start() < e for s, e, _, _ in spans):
                    spans.append((am.start(), am.end(), None, ab))
            for s, e, name, abbr in spans:
                action, atype, tense = self._agreement_action(sent, s, e)
                key = abbr or name.casefold()
                prev = found.get(key)
                fact = AgreementFact(name=name or (prev.name if prev else None), abbreviation=abbr, action=action,
                                     action_type=atype, tense=tense, evidence=sent,
                                     rule=R_AGREEMENT if name else R_AGREEMENT_ABBR)
                if prev is None or (not prev.name and name):
                    found[key] = fact
        # "Hiệp ước Hữu nghị và Hợp tác" after "Hiệp ước Hữu nghị và Hợp tác Việt Nam-Lào": a short reference
        names = [f.name.casefold() for f in found.values() if f.name]
        return [f for f in found.values()
                if not (f.name and not f.abbreviation and any(n != f.name.casefold() and n.startswith(f.name.casefold()) for n in names))]

    @staticmethod
    def _agreement_name(sent: str, m: re.Match) -> tuple[str, int]:
        self_title_re = load().title_re
        start = m.start()
        pos = m.end()
        inserted = AGR_INSERTED.match(sent, pos)
        skipped = ""
        if inserted is not None:  # R_AGR_INSERTED: "Hiệp định ký ngày 2/3/2019 về hợp tác hải quan …"
            skipped = sent[pos:inserted.end()]
            pos = inserted.end()
        end = pos
        count = 0
        parties = AGR_PARTIES.match(sent, pos)
        if parties is not None:  # R_AGR_PARTIES: "… giữa một bên là Việt Nam và một bên là Liên minh châu Phi (VAFCA)"
            name = (sent[start:m.end()] + sent[pos:parties.end()]).strip()
            return name, parties.end()
        for t in re.finditer(r"\w+(?:[-–]\w+)*|[^\w\s]", sent[pos:]):
            w = t.group(0)
            if not w[0].isalnum():
                if w in "-–" and count:
                    continue
                break
            lw = w.lower()
            if lw == "giữa" and re.match(r"\s*hai\s+(?!Chính phủ|Nhà nước|Quốc hội|Đảng|Bộ Chính trị)[A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ]", sent[pos + t.end():]):
                end = pos + t.end()
                count += 1
                continue  # "Thỏa thuận hợp tác giữa hai Bộ Tư pháp"
            if lw == "hai" and sent[pos:pos + t.start()].rstrip().endswith("giữa"):
                end = pos + t.end()
                count += 1
                continue
            if lw in AGR_STOP and not (lw in ("giữa", "của") and re.match(r"\s*[A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ]", sent[pos + t.end():])):
                break
            if lw == "và" and not re.match(r"\s*\w", sent[pos + t.end():]):
                break
            if lw == "và" and sent[pos + t.end():].lstrip()[:1].islower() and re.search(r"\s[A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ]", sent[start:pos + t.start()]):
                break  # "Hiệp định Thương mại tự do và tin tưởng …": a proper name does not go on in lower case
            if lw == "của" and self_title_re.match(sent[pos + t.end():].lstrip()):
                break  # "Thỏa thuận Paris của Tổng thống Trump": a person's, not part of the name
            if count >= 24:
                break
            end = pos + t.end()
            count += 1
        name = (sent[start:m.end()] + " " + sent[pos - 0:end].strip()).strip() if skipped else sent[start:end].strip()
        # "A và B" where B opens with its own trigger: cut before it
        name = re.split(r" và (?=Hiệp định|Hiệp ước|Thỏa thuận|Bản ghi nhớ|Công ước|Nghị định thư|luật pháp)", name)[0]
        name = AGR_CLAUSE.split(name)[0]
        words = name.split()
        while len(words) > 1 and words[-1].lower() in AGR_DANGLING:
            words.pop()
        name = " ".join(words)
        return name, (end if skipped else start + len(name))

    @staticmethod
    def _agreement_action(sent: str, s: int, e: int) -> tuple[str, str, str]:
        before = sent[max(0, s - 90):s]
        after = sent[e:e + 50]
        cands = list(ACTION_RE.finditer(before))
        m = cands[-1] if cands else None
        text = None
        if m:
            text = m.group(1)
            ctx = before[max(0, m.start() - 40):m.start()]
        else:
            ma = ACTION_RE.search(after)
            if ma and ma.start() < 30:
                text, ctx = ma.group(1), after[:ma.start()]
        if text is None:
            return "nhắc đến", "Mentioned", "done"
        atype = next(t for a, t in ACTIONS if re.fullmatch(a, text, re.I))
        tense = "done"
        if re.search(r"\b(?:sẽ|dự kiến|hướng tới|sớm|tiến tới|xúc tiến|nhằm|để|chuẩn bị|kế hoạch|cam kết)\b", ctx, re.I):
            tense = "planned"
        elif re.search(r"\bđang\b", ctx) or atype == "Negotiating":
            tense = "ongoing"
        return text, atype, tense

    # ------------------------------------------------------------------ priorities
    def find_priorities(self, main_meeting: str | None) -> list[PriorityFact]:
        out: list[PriorityFact] = []
        seen: set[tuple[int | None, str]] = set()
        directive_year: int | None = None
        directive_person: str | None = None

        def add(text: str, year: int | None, setter: str | None, kind: str, ev: str, rule_id: str = "") -> None:
            text = text.strip(" .;:,\"“”")
            text = re.sub(r"^(?:và|cũng như)\s+", "", text)
            if len(text.split()) < 4 or year is None:
                return
            key = (year, text.casefold())
            if key in seen:
                return
            seen.add(key)
            out.append(PriorityFact(text=_cap(text) if kind == "theme" else text, year=year, set_by=setter,
                                    meeting=main_meeting, kind=kind, evidence=ev, rule=rule_id or R_PRIO_DIRECTIVE))

        count_year = None
        count_setter = None
        for si, sent in enumerate(self.sents):
            ms = [self.person_name(m) for m in self.mentions[si]] if self.people else []
            ms = [m for m in ms if m]
            # plain substring tests first: the case-insensitive patterns below are slow to fail, and
            # almost every sentence fails them (on the sentence folded once by its analysis)
            low = self.analyses[si].low
            if low is None:
                low = sent.lower()
            if "chủ đề năm" in low:
                for m in PRIO_THEME.finditer(sent):
                    add(m.group("t"), int(m.group("y")), ms[0] if ms else directive_person, "theme", sent, R_PRIO_THEME)
            if "năm" in low and any(w in low for w in _PRIO_COUNT_WORDS) and (cm := PRIO_COUNT.search(sent)) is not None:
                count_year = int(cm.group("y"))
                count_setter = ms[0] if ms else count_setter
            if count_year and (om := PRIO_ORDINAL.match(sent)):
                if count_setter is None:
                    count_setter = next(iter(self.people), None)
                add(om.group("t"), count_year, count_setter, "task", sent, R_PRIO_ORDINAL)
                continue
            dm = PRIO_DIRECTIVE.search(sent) if ms and any(w in low for w in _PRIO_DIRECTIVE_WORDS) else None
            if dm and ms:
                rest = dm.group("rest")
                fm = PRIO_FOCUS.search(rest)
                year_m = re.search(r"năm (\d{4})", rest)
                year = int(year_m.group(1)) if year_m else None
                if fm and (year or directive_year):
                    directive_year = year or directive_year
                    directive_person = ms[0]
                    items = [x for x in re.split(r";\s*", fm.group("t")) if x.strip()]
                    for it in items:
                        add(it, directive_year, directive_person, "task", sent, R_PRIO_DIRECTIVE)
                    # the list may go on in the sentences right after a colon list
                    j = si + 1
                    while j < len(self.sents) and DIRECTIVE_VERBS.match(self.sents[j]) and self.para_of[j] == self.para_of[si]:
                        for it in re.split(r";\s*", self.sents[j]):
                            add(it, directive_year, directive_person, "task", self.sents[j])
                        j += 1
                    continue
                cm2 = re.search(r"\bcần (?P<t>.+)$", rest)
                fy = PRIO_SENT_YEAR.search(sent)
                if cm2 and fy and self._plausible_year(int(fy.group(1))):
                    # R_PRIO_NEEDS: "Nhân dịp Năm hữu nghị … 2026, X đề nghị … cần A", "… cần B trong năm 2026"
                    directive_year, directive_person = int(fy.group(1)), ms[0]
                    for it in re.split(r";\s*", cm2.group("t")):
                        add(it, directive_year, directive_person, "task", sent, R_PRIO_NEEDS)
                    continue
                if cm2 and directive_year and ms[0] == directive_person:
                    for it in re.split(r";\s*", cm2.group("t")):
                        add(it, directive_year, directive_person, "task", sent, R_PRIO_CONTINUE)
                    continue
            if not ms and (bs := PRIO_BOTH_SIDES.match(sent)) and (fy := PRIO_SENT_YEAR.search(sent)) \
                    and self._plausible_year(int(fy.group(1))):
                add(bs.group("t"), int(fy.group(1)), None, "task", sent, R_PRIO_NEEDS)  # "Hai bên cho rằng … cần … năm N"
                continue
            if directive_year and (cm3 := PRIO_CONTINUE.match(sent)) and not ms:
                t3 = cm3.group("t")
                if (need := re.search(r"\bcần\s+(.+)$", t3)) and len(t3[:need.start()].split()) <= 5:
                    t3 = need.group(1)  # "Cùng với đó, các bộ, ngành cần phối hợp …": the direction after "cần"
                for it in re.split(r";\s*", t3):
                    add(it, directive_year, directive_person, "task", sent, R_PRIO_CONTINUE)
                continue
            if (ym := PRIO_YEAR_AGREED.match(sent)) is not None:
                # "Năm 2017, hai nước chủ trương A; B; C": directions both sides set for a year (no single setter)
                for part in re.split(r";\s*", ym.group("t")):
                    for it in re.split(r",\s*(?=" + DIRECTIVE_WORDS + r"\b)", part):
                        add(it, int(ym.group("y")), None, "task", sent, R_PRIO_YEAR_AGREED)
        return out

    def rejections(self) -> list[Rejection]:
        """Names refused as persons: capitals no name rule accepts, and names that never stand next to a title."""
        out: list[Rejection] = []
        seen: set[str] = set()
        for si, an in enumerate(self.analyses):
            sent = self.sents[si]
            for a, b, rid in getattr(an, "refused", ()) or ():
                text = sent[a:b]
                if text not in seen:
                    seen.add(text)
                    out.append(Rejection(text, rid, sent))
            for m in self.mentions[si]:
                name = self.canon.get(m.name, m.name)
                if name not in self.people and m.name not in seen:
                    seen.add(m.name)
                    out.append(Rejection(m.name, R_NO_TITLE, sent))
        return out

    # ------------------------------------------------------------------ all
    def run(self) -> ArticleFacts:
        self.resolve_people()
        self.find_meetings()
        meetings = self.finish_meetings()
        # an article without a date of its own is dated by its main meeting when the year came from the text
        article_date = self.a.date
        main = meetings[0] if meetings else None
        if article_date is None and main and main.date and REVIEW_RE.search(main.name + " " + " ".join(main.variants)):
            article_date = main.date
        people = []
        for pf in self.people.values():
            people.append(pf)
        agreements = self.find_agreements()
        priorities = self.find_priorities(main.key if main else None)
        orgs = sorted({e.iri for an in self.analyses for _, _, e in an.found if e.kind == "org"})
        return ArticleFacts(source=self.a.source, content_hash=self.a.content_hash, headline=self.a.headline,
                            url=self.a.url, date=article_date, credits=self.a.credits, people=people,
                            meetings=meetings, agreements=agreements, priorities=priorities, organizations=orgs)


def extract(article: Article, lex: Lexicon | None = None, explain: bool = False) -> ArticleFacts:
    """The facts of one article; with `explain`, also the names refused as persons and the rule that refused
    each (`ArticleFacts.rejected`, read by `diplograph explain`)."""
    x = ArticleExtractor(article, lex)
    facts = x.run()
    if explain:
        facts.rejected = x.rejections()
    return facts
