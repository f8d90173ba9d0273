"""Priorities and tasks set for a year."""

from __future__ import annotations

import re

from ..facts import PriorityFact
from ..rules import Example, rule
from .context import ArticleContext, person_name, plausible_year
from .drafts import cap

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


def find_priorities(ctx: ArticleContext, main_meeting: str | None) -> list[PriorityFact]:
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
        out.append(PriorityFact(text=cap(text) if kind == "theme" else text, year=year, set_by=setter,
                                meeting=main_meeting, kind=kind, evidence=ev, rule=rule_id or R_PRIO_DIRECTIVE))

    count_year = None
    count_setter = None
    for si, sent in enumerate(ctx.sents):
        ms = [person_name(ctx, m) for m in ctx.mentions[si]] if ctx.people else []
        ms = [m for m in ms if m]
        # plain substring tests first: the case-insensitive patterns below are slow to fail, and
        # almost every sentence fails them (on the sentence folded once by its analysis)
        low = ctx.analyses[si].low
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
                count_setter = next(iter(ctx.people), None)
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
                while j < len(ctx.sents) and DIRECTIVE_VERBS.match(ctx.sents[j]) and ctx.para_of[j] == ctx.para_of[si]:
                    for it in re.split(r";\s*", ctx.sents[j]):
                        add(it, directive_year, directive_person, "task", ctx.sents[j])
                    j += 1
                continue
            cm2 = re.search(r"\bcần (?P<t>.+)$", rest)
            fy = PRIO_SENT_YEAR.search(sent)
            if cm2 and fy and plausible_year(ctx, int(fy.group(1))):
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
                and plausible_year(ctx, int(fy.group(1))):
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
