"""One mention of a meeting in a sentence, from its kind word: the kind's pass makes it (named, bilateral,
visit), then the sentence gives its status, date, place, organizer and format."""
from __future__ import annotations

import re

from ...rules import Example, rule
from ..context import ArticleContext
from ..dates import resolve_date
from ..drafts import MeetingDraft, Mention
from ..places import meeting_place, organizer
from .bilateral import R_BILATERAL, bilateral_meeting
from .named import R_NAMED, named_meeting
from .visits import R_VISIT, visit_meeting
from .words import FUTURE_AFTER, PAST_NAME, PLANNED, PROPOSED, SAME_DAY

R_FUTURE_TIME = rule(
    "meeting.status.planned-future-time",
    "A future time or a planned 'takes place' right after a meeting's kind word, in its clause ('thăm Mỹ vào tuần tới', "
    "'đến 31/5 tới', 'Chuyến thăm … sẽ diễn ra …') makes the meeting planned, though no plan cue stands before it; a question ('… sẽ diễn ra như thế nào?') does not.",
    [Example("Chuyến thăm\nThủ tướng Trần Văn Bảo thăm chính thức Canada vào tuần tới, theo lời mời của Thủ tướng Canada "
             "John Miller.", {"kind": "meeting", "kind_of": "Visit", "status": "planned"}),
     Example("Chuyến thăm\nChuyến thăm Canada của Thủ tướng Trần Văn Bảo sẽ diễn ra từ ngày 20 đến 22/9.",
             {"kind": "meeting", "kind_of": "Visit", "status": "planned"}),
     Example("Chuyến thăm\nThủ tướng Trần Văn Bảo đã thăm chính thức Canada từ ngày 3/5 tới ngày 5/5.",
             {"kind": "meeting", "kind_of": "Visit", "status": "planned"}, present=False),
     Example("Cuộc gặp\nCuộc gặp Thủ tướng Trần Văn Bảo - Tổng thống John Carter sẽ diễn ra như thế nào?",
             {"kind": "meeting", "kind_of": "Meeting", "status": "planned"}, present=False)])

R_PAST_MEETING = rule(
    "meeting.background.last-year",
    "A named meeting followed by 'năm ngoái', 'năm trước', 'lần trước' is recalled from the past: background, and never "
    "the same meeting as one named without them.",
    [Example("G20\nNgày 7/7, Hội nghị thượng đỉnh G20 lần thứ 30 khai mạc tại Rome. Các khó khăn từ Hội nghị G20 Lima năm ngoái "
             "vẫn còn. Phát biểu tại Hội nghị, Thủ tướng Trần Văn Bảo nêu thông điệp hợp tác.",
             {"kind": "participant", "name": "Trần Văn Bảo", "meeting": "Lima"}, present=False),
     Example("G20\nNgày 7/7, Hội nghị thượng đỉnh G20 lần thứ 30 khai mạc tại Rome. Các khó khăn từ Hội nghị G20 Lima năm ngoái "
             "vẫn còn. Phát biểu tại Hội nghị, Thủ tướng Trần Văn Bảo nêu thông điệp hợp tác.",
             {"kind": "participant", "name": "Trần Văn Bảo", "meeting": "lần thứ 30"})])


def meeting_from(ctx: ArticleContext, si: int, sent: str, km: re.Match, cls: str, needs: str, word: str,
                 ms: list[Mention], subject: Mention | None) -> MeetingDraft | None:
    """The meeting a kind word's match makes, or None when the words around it make none."""
    start, end = km.start(), km.end()
    planned = bool(PLANNED.search(sent, max(0, start - 90), start))  # the cue stands ≤ 60 characters before
    proposed = bool(PROPOSED.search(sent, max(0, start - 80), start)) and not re.search(
        r"(?i)\b(?:nhận lời mời|theo lời mời|lời mời của)\b", sent[max(0, start - 120):start])
    if needs == "np":
        mt = named_meeting(ctx, si, sent, start, cls, word, ms, planned)
    elif needs == "party":
        mt, complete = bilateral_meeting(ctx, si, sent, start, end, cls, word, ms, subject, planned)
        if complete:
            return mt
    else:
        mt = visit_meeting(ctx, si, sent, start, end, word, ms, planned)
    if mt is None:
        return None
    mt.span_start = start
    if not mt.rules:
        mt.rules = [R_NAMED if needs == "np" else R_VISIT if needs == "visit" else R_BILATERAL]
    if proposed:
        mt.status = "proposed"
    elif mt.status == "held" and FUTURE_AFTER.match(sent, end) and not sent.rstrip().endswith("?"):
        mt.status = "planned"  # R_FUTURE_TIME: "thăm Mỹ vào tuần tới"
        mt.rules.append(R_FUTURE_TIME)
    mt.background = bool(re.search(r"(?i)(?:kể từ|từ sau|sau|trước|trước thềm|bên lề)\s+(?:(?:các|cuộc|buổi)\s+)?$", sent[:start]))
    if mt.named and PAST_NAME.search(mt.name):
        mt.background = True  # R_PAST_MEETING: "Hội nghị G20 Hàng Châu năm ngoái": recalled, not reported
    # date, place, organizer, format from the sentence
    mt.date = resolve_date(ctx, sent, mt.name)
    if mt.date is None and SAME_DAY.match(sent):
        mt.date = ctx.last_date  # R_SAME_DAY: "Cùng ngày, …", "Chiều cùng ngày, …"
    if mt.date:
        ctx.last_date = mt.date
    if mt.place is None:
        mt.place = meeting_place(ctx, sent, mt, start)
    mt.organizer = organizer(ctx, sent, start)
    if re.search(r"trực tuyến", sent, re.I):
        mt.format = "hybrid" if re.search(r"trực tiếp|kết hợp", sent, re.I) else "online"
    return mt
