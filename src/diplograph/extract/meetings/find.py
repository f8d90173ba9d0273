"""Meetings of an article: kind words found, mentions made, participation read, mentions merged."""

from __future__ import annotations

import re

from ...rules import Example, rule
from ..agreements import agreement_spans
from ..context import ArticleContext, person_name
from ..drafts import MeetingDraft, Mention
from ..participation import ROLE_VERB_FINDER, frames, here_at, leaders, roles
from .mention import meeting_from
from .visits import companions, welcomers
from .words import ANAPHORA_FINDER, CAPACITY_BEFORE, EXAMPLE_BEFORE, KIND_FINDER, KINDS, NOT_MEETING_AFTER_AT, NOT_MEETING_BEFORE


def _mentions_here(ctx: ArticleContext, si: int, sent: str, ms: list[Mention]) -> list[MeetingDraft]:
    """The meetings the kind words of one sentence make (a kind word inside a title, an agreement's name or
    another word makes none)."""
    an = ctx.analyses[si]
    found_here: list[MeetingDraft] = []
    subject = None
    for km in KIND_FINDER.finditer(sent, an.low):
        kind_idx = int(str(km.lastgroup)[1:])  # the kinds are alternatives, each one named group
        _, cls, needs = KINDS[kind_idx]
        # windows of the sentence rather than slices: searching the whole text before every
        # kind word ("tiếp", "thăm" are common words) made this loop quadratic in the sentence
        if (needs != "np" and NOT_MEETING_AFTER_AT.match(sent, km.end())) \
                or NOT_MEETING_BEFORE.search(sent, max(0, km.start() - 24), km.start()):
            continue
        if any(km.start() >= m.title_start and km.end() <= m.end for m in ctx.mentions[si]):
            continue  # inside a title ("Chủ tịch Hội nghị …")
        if km.group(0)[:1].isupper() and EXAMPLE_BEFORE.search(sent, max(0, km.start() - 12), km.start()):
            continue  # R_MECHANISM: "các diễn đàn như Hội nghị …", "cơ chế mới như Cuộc gặp …": an example named
        if any(km.start() >= s and km.end() <= e for s, e, _ in agreement_spans(ctx, sent, an.low)):
            continue
        if CAPACITY_BEFORE.search(sent, max(0, km.start() - 50), km.start()):
            continue  # R_CAPACITY: "với tư cách chủ nhà Hội nghị …": a capacity, not a meeting attended
        mt = meeting_from(ctx, si, sent, km, cls, needs, km.group(0), ms, subject)
        if mt is None:
            continue
        prev = found_here[-1] if found_here else None
        if prev is not None and prev.status == "planned" and mt.status == "held" \
                and not HELD_BREAK.search(sent, prev.span_start, km.start()):
            mt.status = "planned"  # R_PLANNED_SERIES: "dự kiến sẽ hội đàm với A, hội kiến B, gặp C; tham dự D"
            mt.rules = mt.rules + [R_PLANNED_SERIES]
        if subject is None:
            subject = next((m for m in reversed(ms) if m.end <= km.start()), None)
        found_here.append(mt)
    return found_here


R_ANAPHORA_FOCUS = rule(
    "role.anaphora-focus",
    "A sentence that opens on a meeting named earlier ('Tại Hội nghị, …', 'Tham gia Hội nghị …, X …') makes it the meeting "
    "in focus: the roles of the sentences after it go to that meeting, not to the last one found.",
    [Example("G20\nNgày 7/7, Hội nghị thượng đỉnh G20 lần thứ 30 khai mạc tại Rome. Bên lề, Tổng thống Nga Ivan Petrov gặp "
             "Thủ tướng Đức Anna Berg. Tham gia Hội nghị với tư cách khách mời, Thủ tướng Trần Văn Bảo đã đóng góp ý kiến. "
             "Phát biểu tại phiên thảo luận về năng lượng, Thủ tướng Trần Văn Bảo nêu thông điệp hợp tác.",
             {"kind": "participant", "name": "Trần Văn Bảo", "role": "speaker", "meeting": "G20"}),
     Example("G20\nNgày 7/7, Hội nghị thượng đỉnh G20 lần thứ 30 khai mạc tại Rome. Bên lề, Tổng thống Nga Ivan Petrov gặp "
             "Thủ tướng Đức Anna Berg. Tham gia Hội nghị với tư cách khách mời, Thủ tướng Trần Văn Bảo đã đóng góp ý kiến. "
             "Phát biểu tại phiên thảo luận về năng lượng, Thủ tướng Trần Văn Bảo nêu thông điệp hợp tác.",
             {"kind": "participant", "name": "Trần Văn Bảo", "meeting": "Anna Berg"}, present=False)])
R_PLANNED_SERIES = rule(
    "meeting.status.planned-series",
    "A planned itinerary ('X dự kiến sẽ có cuộc hội đàm với A, hội kiến B, gặp C; tham dự D') plans every meeting of the "
    "series, not only the first one after the cue; a sentence break or 'đã', 'vừa' ends it.",
    [Example("Lịch trình\nTại Đức, Thủ tướng Trần Văn Bảo dự kiến sẽ có cuộc hội đàm với Thủ tướng Đức Anna Berg, hội kiến "
             "Tổng thống Đức Karl Vogel, gặp lãnh đạo Quốc hội và một số bộ, ngành, các doanh nghiệp lớn của Đức; tham dự Hội "
             "nghị Thượng đỉnh G20 lần thứ 30.", {"kind": "meeting", "kind_of": "CourtesyCall", "status": "planned"}),
     Example("Lịch trình\nTại Đức, Thủ tướng Trần Văn Bảo dự kiến sẽ có cuộc hội đàm với Thủ tướng Đức Anna Berg, hội kiến "
             "Tổng thống Đức Karl Vogel, gặp lãnh đạo Quốc hội và một số bộ, ngành, các doanh nghiệp lớn của Đức; tham dự Hội "
             "nghị Thượng đỉnh G20 lần thứ 30.", {"kind": "meeting", "kind_of": "CourtesyCall", "status": "held"},
             present=False)])
# R_PLANNED_SERIES: what ends a planned series: a sentence break, or a verb reported done
HELD_BREAK = re.compile(r"[.!?]|\b(?:đã|vừa|trước đó)\b")
R_AFTER_MEETING = rule(
    "role.refuse.after-meeting",
    "A sentence framed 'Sau cuộc gặp (đó), …' reports what followed the meeting: its role verbs are no roles at it.",
    [Example("Gặp\nNgày 6/6, Đặc phái viên Mỹ John Reed gặp Đại sứ Triều Tiên Ri Chol-su tại New York. Sau cuộc gặp đó, Ngoại "
             "trưởng Mỹ Tom Baker tham vấn với Tổng thống Mỹ Ray Cole và chỉ đạo ông Reed lên đường.",
             {"kind": "participant", "name": "Ray Cole", "meeting": "Ri Chol-su"}, present=False),
     Example("Gặp\nNgày 6/6, Đặc phái viên Mỹ John Reed gặp Đại sứ Triều Tiên Ri Chol-su tại New York. Sau cuộc gặp đó, Ngoại "
             "trưởng Mỹ Tom Baker tham vấn với Tổng thống Mỹ Ray Cole và chỉ đạo ông Reed lên đường.",
             {"kind": "participant", "name": "John Reed", "meeting": "Ri Chol-su"})])
# R_ANAPHORA_FOCUS: a sentence opening on a meeting word of an earlier meeting
ANAPHORA_FOCUS = re.compile(r"(?i)^\s*(?:\*\s*)?(?:tại|trong|tham gia|tham dự|dự)\s+(?:(?:cuộc|buổi|phiên)\s+)?(?:hội nghị|diễn đàn|"
                            r"kỳ họp|hội đàm|đối thoại|tọa đàm)\b")


def _referred(ctx: ArticleContext, si: int, sent: str, focus: MeetingDraft | None) -> MeetingDraft | None:
    """The meeting a sentence without a new one is about: the last one its anaphora names ('tại hội nghị',
    'cuộc hội đàm'), else the meeting in focus when a role verb stands in it."""
    an = ctx.analyses[si]
    ana = ANAPHORA_FINDER.search(sent, an.low)
    if ana and ctx.meetings:
        if re.match(r"(?i)sau\s", ana.group(0)):
            return None  # R_AFTER_MEETING: "Sau cuộc gặp đó, X chỉ đạo …" reports what followed, not a role at the meeting
        word = re.sub(r"(?i)^(?:tại|trong|dự|sau)\s+", "", ana.group(0)).lower()
        word = re.sub(r"^(?:cuộc|buổi)\s+", "", word)
        # a meeting recalled in the background ("từ Hội nghị G20 năm ngoái") is no meeting a later sentence is about
        return next((m for m in reversed(ctx.meetings) if (word in m.kind_word or word in m.name.lower())
                     and not m.background), focus)
    if ROLE_VERB_FINDER.search(sent, an.low) is not None:
        return focus
    return None


def find_meetings(ctx: ArticleContext) -> None:
    """Every sentence's meetings (added through `ctx.add_meeting`) and the roles its persons take in the
    meeting it is about: a new one held there, else the meeting in focus or the one it refers to."""
    focus: MeetingDraft | None = None
    just_held: MeetingDraft | None = None  # a meeting (no visit) the sentence before reports held there
    for si, sent in enumerate(ctx.sents):
        ms = [m for m in ctx.mentions[si] if person_name(ctx, m)] if ctx.people else []
        found_here = _mentions_here(ctx, si, sent, ms)
        for mt in found_here:
            if mt.kind != "Visit":
                frames(ctx, sent, ms, mt)
        for mt in found_here:
            ctx.add_meeting(mt)
        target = None
        foreground = [m for m in found_here if not m.background]
        if foreground:
            held = [m for m in foreground if m.status == "held"] or foreground
            # a meeting held during a visit takes the roles of its sentence, not the visit framing it
            held = [m for m in held if m.kind != "Visit"] or held
            focus = held[0].canonical()
            target = focus
            for mt in found_here:
                leaders(ctx, sent, ms, mt.canonical())
        elif found_here and focus is not None:
            target = focus  # only background mentions here: roles belong to the meeting in focus
        elif just_held is not None and here_at(ctx, sent, ms, just_held):
            target = just_held  # R_FRONTED_HERE: "Tại đây, X …" after the sentence reporting the meeting
        else:
            target = _referred(ctx, si, sent, focus)
            if target is not None and target is not focus and ANAPHORA_FOCUS.match(sent):
                focus = target  # R_ANAPHORA_FOCUS: "Tham gia Hội nghị …, X …" names the meeting the next sentences are about
        just_held = next((m.canonical() for m in foreground if m.kind != "Visit" and m.status == "held"), None)
        if target is not None:
            roles(ctx, si, sent, ms, target)
    for si, sent in enumerate(ctx.sents):  # R_WELCOMERS, R_COMPANIONS: once every visit of the article is known
        if ctx.people and "đón" in sent.lower():
            welcomers(ctx, sent, [m for m in ctx.mentions[si] if person_name(ctx, m)])
        if ctx.people and ("háp tùng" in sent or "ùng đi với" in sent):  # R_COMPANIONS
            companions(ctx, sent, [m for m in ctx.mentions[si] if person_name(ctx, m)])
