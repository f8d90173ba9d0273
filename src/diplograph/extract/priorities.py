"""Priorities and tasks set for a year."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..facts import PriorityFact
from ..rules import Example, rule
from .context import ArticleContext, person_name, plausible_year

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
class _Directions:
    """What the sentences read so far set up for the next ones (the pass's own state, passed explicitly)."""

    meeting: str | None  # key of the article's main meeting (where the priorities were set)
    year: int | None = None  # year of the last directive ("đề nghị năm N tập trung: …")
    person: str | None = None  # who gave it
    count_year: int | None = None  # year of the last "N nhiệm vụ trọng tâm năm N"
    count_setter: str | None = None


def _add(ctx: ArticleContext, d: _Directions, text: str, year: int | None, setter: str | None, kind: str, ev: str,
         rule_id: str = "") -> None:
    ctx.add_priority(text, year, setter, kind, ev, rule_id or R_PRIO_DIRECTIVE, d.meeting)


def _themes_and_counts(ctx: ArticleContext, d: _Directions, sent: str, low: str, ms: list[str]) -> None:
    """R_PRIO_THEME: 'chủ đề năm N là "…"'; and a count of tasks for a year ('ba nhiệm vụ trọng tâm năm N')
    that the numbered tasks after it belong to."""
    if "chủ đề năm" in low:
        for m in PRIO_THEME.finditer(sent):
            _add(ctx, d, m.group("t"), int(m.group("y")), ms[0] if ms else d.person, "theme", sent, R_PRIO_THEME)
    if "năm" in low and any(w in low for w in _PRIO_COUNT_WORDS) and (cm := PRIO_COUNT.search(sent)) is not None:
        d.count_year = int(cm.group("y"))
        d.count_setter = ms[0] if ms else d.count_setter


def _directive(ctx: ArticleContext, d: _Directions, si: int, sent: str, rest: str, ms: list[str]) -> bool:
    """R_PRIO_DIRECTIVE, R_PRIO_NEEDS, R_PRIO_CONTINUE after a directive verb; True when the sentence was one."""
    fm = PRIO_FOCUS.search(rest)
    year_m = re.search(r"năm (\d{4})", rest)
    year = int(year_m.group(1)) if year_m else None
    if fm and (year or d.year):
        d.year, d.person = year or d.year, ms[0]
        for it in [x for x in re.split(r";\s*", fm.group("t")) if x.strip()]:
            _add(ctx, d, it, d.year, d.person, "task", sent, R_PRIO_DIRECTIVE)
        # the list may go on in the sentences right after a colon list
        j = si + 1
        while j < len(ctx.sents) and DIRECTIVE_VERBS.match(ctx.sents[j]) and ctx.para_of[j] == ctx.para_of[si]:
            for it in re.split(r";\s*", ctx.sents[j]):
                _add(ctx, d, it, d.year, d.person, "task", ctx.sents[j])
            j += 1
        return True
    cm2 = re.search(r"\bcần (?P<t>.+)$", rest)
    fy = PRIO_SENT_YEAR.search(sent)
    if cm2 and fy and plausible_year(ctx, int(fy.group(1))):
        # R_PRIO_NEEDS: "Nhân dịp Năm hữu nghị … 2026, X đề nghị … cần A", "… cần B trong năm 2026"
        d.year, d.person = int(fy.group(1)), ms[0]
        for it in re.split(r";\s*", cm2.group("t")):
            _add(ctx, d, it, d.year, d.person, "task", sent, R_PRIO_NEEDS)
        return True
    if cm2 and d.year and ms[0] == d.person:
        for it in re.split(r";\s*", cm2.group("t")):
            _add(ctx, d, it, d.year, d.person, "task", sent, R_PRIO_CONTINUE)
        return True
    return False


def _without_setter(ctx: ArticleContext, d: _Directions, sent: str, ms: list[str]) -> None:
    """Directions in a sentence that names no setter: both sides' ('Hai bên cho rằng … cần … năm N'), a
    directive going on ('Cùng với đó, …'), or both countries' for a year ('Năm N, hai nước chủ trương A; B')."""
    if not ms and (bs := PRIO_BOTH_SIDES.match(sent)) and (fy := PRIO_SENT_YEAR.search(sent)) \
            and plausible_year(ctx, int(fy.group(1))):
        _add(ctx, d, bs.group("t"), int(fy.group(1)), None, "task", sent, R_PRIO_NEEDS)
        return
    if d.year and (cm3 := PRIO_CONTINUE.match(sent)) and not ms:
        t3 = cm3.group("t")
        if (need := re.search(r"\bcần\s+(.+)$", t3)) and len(t3[:need.start()].split()) <= 5:
            t3 = need.group(1)  # "Cùng với đó, các bộ, ngành cần phối hợp …": the direction after "cần"
        for it in re.split(r";\s*", t3):
            _add(ctx, d, it, d.year, d.person, "task", sent, R_PRIO_CONTINUE)
        return
    if (ym := PRIO_YEAR_AGREED.match(sent)) is not None:
        # "Năm 2017, hai nước chủ trương A; B; C": directions both sides set for a year (no single setter)
        for part in re.split(r";\s*", ym.group("t")):
            for it in re.split(r",\s*(?=" + DIRECTIVE_WORDS + r"\b)", part):
                _add(ctx, d, it, int(ym.group("y")), None, "task", sent, R_PRIO_YEAR_AGREED)


def find_priorities(ctx: ArticleContext, main_meeting: str | None) -> list[PriorityFact]:
    """Priorities and tasks set for a year, sentence by sentence (a directive's list may go on after it)."""
    d = _Directions(main_meeting)
    for si, sent in enumerate(ctx.sents):
        ms = [n for m in ctx.mentions[si] if (n := person_name(ctx, m))] if ctx.people else []
        # plain substring tests first: the case-insensitive patterns below are slow to fail, and
        # almost every sentence fails them (on the sentence folded once by its analysis)
        low = ctx.analyses[si].low
        if low is None:
            low = sent.lower()
        _themes_and_counts(ctx, d, sent, low, ms)
        if d.count_year and (om := PRIO_ORDINAL.match(sent)):
            if d.count_setter is None:
                d.count_setter = next(iter(ctx.people), None)
            _add(ctx, d, om.group("t"), d.count_year, d.count_setter, "task", sent, R_PRIO_ORDINAL)
            continue
        dm = PRIO_DIRECTIVE.search(sent) if ms and any(w in low for w in _PRIO_DIRECTIVE_WORDS) else None
        if dm and ms and _directive(ctx, d, si, sent, dm.group("rest"), ms):
            continue
        _without_setter(ctx, d, sent, ms)
    return ctx.priorities
