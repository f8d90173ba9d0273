"""Meeting kind words and the cues around them (planned, proposed, background, anaphora)."""

from __future__ import annotations

import re

from ...kinds import kind_words
from ...lexicon import LiteralAnchored
from ...rules import Example, rule
from ...wordclasses import alternation

R_MEETING_ANAPHORA = rule(
    "meeting.refuse.anaphora",
    "A kind word with a demonstrative ('cuộc gặp này', 'cuộc hội đàm nói trên') refers to the meeting in focus.",
    [Example("Hội đàm\nThủ tướng Trần Văn Bảo sẽ có cuộc gặp với Tổng thống Mỹ John Carter. Với cuộc gặp này, ông "
             "sẽ là nhà lãnh đạo đầu tiên tới Nhà Trắng.", {"kind": "meeting", "name": "gặp này"}, present=False)])

R_MEETING_BACKGROUND = rule(
    "meeting.refuse.background",
    "A bilateral meeting named as the source of something ('thỏa thuận của Cuộc gặp …', 'kết quả cuộc hội đàm') "
    "is background, not a new meeting.",
    [Example("Gặp\nChủ tịch nước Trần Văn Bảo đề nghị triển khai thỏa thuận của Cuộc gặp cấp cao hằng năm hai Bộ "
             "Chính trị.", {"kind": "meeting", "name": "Cuộc gặp cấp cao hằng năm"}, present=False)])

R_CAPACITY = rule(
    "meeting.refuse.capacity",
    "A meeting named as the capacity someone acts in ('với tư cách (nước) chủ nhà Hội nghị Cấp cao APEC', 'trên cương vị "
    "chủ nhà Diễn đàn …', 'vai trò chủ tịch Hội nghị …') is not a meeting he takes part in there.",
    [Example("G20\nThủ tướng Trần Văn Bảo dự Hội nghị thượng đỉnh G20 với tư cách chủ nhà Hội nghị Cấp cao APEC 2030.",
             {"kind": "meeting", "name": "APEC 2030"}, present=False),
     Example("G20\nThủ tướng Trần Văn Bảo dự Hội nghị thượng đỉnh G20 với tư cách chủ nhà Hội nghị Cấp cao APEC 2030.",
             {"kind": "participant", "name": "Trần Văn Bảo", "meeting": "G20"})])
# R_CAPACITY: "với tư cách (đại diện) (nước) chủ nhà …", "trên cương vị chủ tịch …", "vai trò chủ nhà …"
CAPACITY_BEFORE = re.compile(r"(?i)(?:vai trò|cương vị|tư cách)(?: là)?(?: đại diện)?(?: của)?(?: nước| quốc gia)? "
                             r"(?:chủ nhà|đăng cai|chủ tịch)\s+$")
# R_PAST_MEETING: a named meeting recalled from the past ("Hội nghị G20 Hàng Châu năm ngoái")
PAST_NAME = re.compile(r"\s(?:năm ngoái|năm trước|lần trước)(?!\w)")
R_MODALITY = rule(
    "meeting.status.proposed",
    "A meeting invited, welcomed, hoped for or proposed ('mời X thăm', 'hoan nghênh X thăm') is not reported as held.",
    [Example("Gặp\nChủ tịch nước Trần Văn Bảo hoan nghênh Thủ tướng Ý Marco Bellini thăm Việt Nam.",
             {"kind": "meeting", "kind_of": "Visit"}, present=False)])


# (regex, class, needs) — needs: "np" a named noun phrase, "party" a person on the other side, "visit"
# (regex, class, needs) in the order they are tried — needs: "np" a named noun phrase, "party" a person on
# the other side, "visit" a visitor and a destination (data/meeting_kinds.ttl, read by diplograph.kinds)
KINDS: list[tuple[str, str, str]] = [("|".join(re.escape(w) for w in k.words), k.cls, k.needs) for k in kind_words()]
KIND_RE = re.compile(r"(?<![\w])(?:" + "|".join(f"(?P<k{i}>{k[0]})" for i, k in enumerate(KINDS)) + r")(?![\w])", re.IGNORECASE)
R_MECHANISM = rule(
    "meeting.refuse.mechanism",
    "A kind word naming a mechanism, a programme or an example ('cơ chế Hội nghị thường niên …', 'chương trình Gặp gỡ "
    "đầu Xuân', 'các diễn đàn như …') reports no meeting.",
    [Example("Hợp tác\nHai bên nhất trí phát huy hiệu quả cơ chế Hội nghị thường niên Bộ trưởng Công an ba nước, "
             "Thủ tướng Trần Văn Bảo nhấn mạnh.", {"kind": "meeting", "name": "thường niên"}, present=False),
     Example("Hợp tác\nĐại sứ Lê Văn Tám cho biết hai nước hợp tác tại các diễn đàn đa phương như Liên Hợp Quốc, APEC. "
             "Tổng thống Nga Ivan Petrov tham dự APEC năm ngoái.", {"kind": "meeting", "kind_of": "Forum"}, present=False)])
NOT_MEETING_AFTER = re.compile(r"^\s*(?:(?:gỡ|mặt) báo|báo|tục|nhận|cận|xúc|thu|tế|viếng|hỏi|quan(?! trọng với)|dân|đón|diễn|theo|tay|sức|đó)\b")
# Lower-case words that make the kind word part of another word ("trực tiếp", "liên hội", "luân đàm"); a capitalised
# name before the kind word ("Bộ trưởng Đỗ Thị Luân tiếp …") never does.
NOT_MEETING_BEFORE = re.compile(r"(?<!\w)(?:quan hệ|[Đđ]ối tác|sẵn sàng|họp|lễ|buổi lễ|tiếp|trực|kế|liên|tiêu|hậu|luân|thu|chào|"
                                r"tiếp tục|thăm dò|viếng|(?i:hội nghị|tọa đàm|toạ đàm|đối thoại)|"  # "Hội nghị bàn tròn …": one name
                                r"cơ chế|chương trình)\s*$")  # R_MECHANISM: "cơ chế Hội nghị …", "chương trình Gặp gỡ …"
EXAMPLE_BEFORE = re.compile(r"(?<!cũng )\bnhư\s+$")  # R_MECHANISM: "như Hội nghị …" names an example
NOT_MEETING_AFTER_AT = re.compile(NOT_MEETING_AFTER.pattern[1:])  # the same, for .match(sent, pos)
KIND_FINDER = LiteralAnchored(KIND_RE, [w for k in kind_words() for w in k.words])
ANAPHORA = re.compile(r"\b(?:(?:tại|trong|dự|sau) (?:hội nghị|cuộc họp|cuộc gặp|buổi gặp|buổi tiếp|cuộc hội đàm|hội đàm|cuộc đối thoại|kỳ họp|diễn đàn|buổi làm việc)|hội nghị|cuộc họp|cuộc gặp|buổi gặp|buổi tiếp|cuộc hội đàm)\b", re.IGNORECASE)
# R_MODALITY: an event invited, welcomed, hoped for, proposed or asked about is not reported as happening
# R_VISIT: what may stand between the visitor and "thăm": tense and aspect words, a companion ("cùng Phu nhân"),
# "đang ở", "sang", a trip's start or end ("bắt đầu", "kết thúc"), a delegation ("dẫn đầu đoàn …")

SAME_DAY = re.compile(r"(?i)\s*(?:\*\s*)?(?:(?:sáng|chiều|tối|trưa|ngay trong)\s+)?cùng ngày\b")
# the cue words are data (data/word_classes.ttl)
PROPOSED = re.compile(rf"(?i)\b(?:{alternation('proposal-cues')})\b[^.;]{{0,70}}$")
PLANNED = re.compile(rf"\b(?:{alternation('plan-cues')})\b[^.;]{{0,60}}$", re.IGNORECASE)
# R_FUTURE_TIME: a future time or a planned "takes place" right after the meeting's kind word, in its clause:
# "thăm Mỹ vào tuần tới", "bên lề Hội nghị G20 sắp tới", "từ ngày 29 đến 31/5 tới", "Chuyến thăm … sẽ diễn ra …" ("29/5 tới ngày 31/5" is "to")
FUTURE_AFTER = re.compile(
    rf"[^.;:!?]{{0,70}}?(?:\bsắp tới\b|\b(?:vào|từ)\s+(?:(?:đầu|cuối|giữa)\s+)?(?:{alternation('future-periods')})\s+(?:tới|sau)\b"
    rf"|\btuần\s+tới\b|\b\d{{1,2}}/\d{{1,2}}\s+tới\b(?!\s+(?:ngày|\d))"
    rf"|\b(?:{alternation('plan-cues')})\s+(?:{alternation('future-happen-verbs')})\b)", re.IGNORECASE)

BACKGROUND_BEFORE = re.compile(rf"(?i)(?:{alternation('source-of-cues')})\s+(?:các\s+)?(?:(?:cuộc|buổi)\s+)?$")
ANAPHORIC_AFTER = re.compile(rf"\s*(?:{alternation('demonstratives-after')})(?![\w])")
FRONTED_NP = re.compile(r"(?i)(?:^|[,.:]\s*|\*\s*)(?:tại|trong|sau|qua|ở)\s+(?:các\s+)?(?:(?:cuộc|buổi)\s+)?$")

ANAPHORA_FINDER = LiteralAnchored(ANAPHORA, ["tại", "trong", "dự", "sau", "hội nghị", "cuộc họp", "cuộc gặp", "buổi gặp",
                                             "buổi tiếp", "cuộc hội đàm"],
                                  required=["hội nghị", "cuộc họp", "cuộc gặp", "buổi gặp", "buổi tiếp", "hội đàm",
                                            "cuộc đối thoại", "kỳ họp", "diễn đàn", "buổi làm việc"])
