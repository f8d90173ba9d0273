"""Agreements and what is done with them (signed, ratified, negotiated ...)."""

from __future__ import annotations

import re

from ..facts import AgreementFact
from ..lexicon import LiteralAnchored, load
from ..rules import Example, rule
from ..wordclasses import agreement_actions, alternation, word_set, words
from .context import ArticleContext
from .drafts import cap

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

R_AGREEMENT_ABBR = rule(
    "agreement.abbreviation",
    "An agreement named only by its known abbreviation (EVFTA, TPP, RCEP).",
    [Example("Hợp tác\nHai bên nhất trí sớm phê chuẩn EVFTA.", {"kind": "agreement", "abbr": "EVFTA"})])

R_AGR_TO_ABBR = rule(
    "agreement.name.to-abbreviation",
    "An agreement's name runs on through 'và' and lower-case words to the abbreviation in parentheses that closes it "
    "('Hiệp định Đối tác toàn diện và tiến bộ xuyên Thái Bình Dương (CPTPP)').",
    [Example("Thông qua\nQuốc hội đã thông qua Hiệp định Đối tác kinh tế và thương mại toàn diện khu vực (RCTP).",
             {"kind": "agreement", "name": "Hiệp định Đối tác kinh tế và thương mại toàn diện khu vực", "abbr": "RCTP"})])
R_AGR_ACRONYM = rule(
    "agreement.name.acronym-ends",
    "A trigger followed by an acronym ('Hiệp định RCEP sẽ …', 'Hiệp định UKVFTA về cơ bản …') is named by the acronym; "
    "the words after it are the clause, not the name; a lower-case 'hiệp định của X' or 'Hiệp định không …' names none.",
    [Example("Thương mại\nHiệp định RCEP về cơ bản là thỏa thuận kết nối các cam kết đã có.",
             {"kind": "agreement", "name": "Hiệp định RCEP về cơ bản"}, present=False),
     Example("Thương mại\nHiệp định RCEP về cơ bản là thỏa thuận kết nối các cam kết đã có.",
             {"kind": "agreement", "abbr": "RCEP"}),
     Example("Thương mại\nDự thảo nghị quyết phê chuẩn hiệp định của Quốc hội yêu cầu Chính phủ chỉ đạo các bộ.",
             {"kind": "agreement", "name": "hiệp định của Quốc hội"}, present=False)])
R_AGR_FULLEST = rule(
    "agreement.name.fullest",
    "An agreement named first by its acronym ('Hiệp định UKVFTA') takes the full name written later with the same "
    "abbreviation ('Hiệp định Thương mại tự do Việt Nam - Vương quốc Anh (UKVFTA)').",
    [Example("Hiệp định UKVFTA: cơ hội mới\nHiệp định Thương mại tự do Việt Nam - Vương quốc Anh (UKVFTA) vừa được ký kết.",
             {"kind": "agreement", "name": "Hiệp định Thương mại tự do Việt Nam - Vương quốc Anh", "abbr": "UKVFTA"})])
R_AGR_PARTIES_END = rule(
    "agreement.name.ends-after-parties",
    "After the parties' pair ('Việt Nam - Belarus') a lower-case word other than 'về', 'giữa', 'giai đoạn', 'năm' opens "
    "the clause: the name ends at the pair.",
    [Example("Miễn thị thực\nHiệp định miễn thị thực Việt Nam - Belarus mở ra nhiều cơ hội hợp tác.",
             {"kind": "agreement", "name": "Hiệp định miễn thị thực Việt Nam - Belarus"}),
     Example("Miễn thị thực\nHiệp định miễn thị thực Việt Nam - Belarus mở ra nhiều cơ hội hợp tác.",
             {"kind": "agreement", "name": "Hiệp định miễn thị thực Việt Nam - Belarus mở ra"}, present=False),
     Example("Thương mại\nHai bên triển khai Hiệp định Thương mại tự do Việt Nam - Liên minh Kinh tế Á - Âu giúp tăng "
             "cường thương mại.", {"kind": "agreement", "name": "Hiệp định Thương mại tự do Việt Nam - Liên minh Kinh tế Á - Âu"})])

AGREEMENT_TRIGGERS = words("agreement-triggers")  # data/word_classes.ttl
LOWER_AGREEMENT = re.compile(r"(?:\s+(?:hòa bình|hoà bình|ngừng bắn|hạt nhân|khí hậu))?(?:\s+(?!Cuộc|Hội|Thủ|Tổng|Chủ|Bộ|Các|Những|Theo|Trong|Tại|Việc)"
                             r"[A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ][\w-]*){1,3}")
AGR_INSERTED = re.compile(r"\s+(?:được\s+)?(?:ký|kí)(?: kết)?\s+(?:(?:vào\s+)?ngày\s+[\d/.-]+|năm\s+\d{4}|tại\s+[^\s,.;]+(?:\s+[A-ZĐ]\w*)?)(?=\s+về\b)")
AGR_PARTIES = re.compile(r"[^.;()]{0,60}?\bgiữa một bên là [^.;()]{2,60}? và một bên là [^.;()]{2,60}?\s*\([A-Z][A-Za-z0-9-]{1,12}\)")
AGREEMENT_RE = re.compile(rf"(?P<trig>{alternation('agreement-triggers')})(?![\w])")
# the same matches, tried only where a trigger word stands (see lexicon.LiteralAnchored)
AGREEMENT_FINDER = LiteralAnchored(AGREEMENT_RE, AGREEMENT_TRIGGERS)
AGR_STOP = word_set("agreement-stops")  # data/word_classes.ttl
# R_AGR_TO_ABBR: the words between the name's start and its "(ABBR)" (no punctuation, no clause word)
AGR_RUN_TO_ABBR = re.compile(r"((?:\s+[\w-]+){1,16}?)\s*\(([A-Z][A-Za-z0-9-]{1,12})\)")
# R_AGR_ACRONYM: an acronym right after the trigger ("Hiệp định RCEP", "Hiệp định UKFVTA")
AGR_ACRONYM = re.compile(r"\s+([A-Z][A-Z0-9]{1,11})(?![\w-])(?!\s*\()")
_UP = "A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ"
_LOW = "a-zđàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
# R_AGR_PARTIES_END: a pair of proper names joined by a dash, then a lower-case word that goes on no name
AGR_PARTIES_END = re.compile(rf"[{_UP}][\w-]*(?: [{_UP}][\w-]*)*\s*[-–]\s*[{_UP}][\w-]*(?: [{_UP}][\w-]*)*"
                             rf"(?=\s+(?!về\b|giữa\b|giai\b|năm\b|lần\b|thế\b)[{_LOW}])")
# A clause that starts inside what looked like the name: the name ends before it.
AGR_CLAUSE = re.compile(r"\s(?:vừa|sắp|cần|nhấn mạnh|khẳng định|kết thúc|liên quan|thực chất|thực hiện|thực thi|"
                        r"nhằm|đã|đang|sẽ|được|là)\b.*$")
AGR_DANGLING = word_set("agreement-dangling")  # data/word_classes.ttl
# Words that do not tell one agreement from another ("Thỏa thuận đầu tiên", "Bản ghi nhớ hợp tác").
AGR_FILLER = word_set("agreement-filler")  # data/word_classes.ttl
GENERIC_AGREEMENTS = word_set("generic-agreements")  # data/word_classes.ttl
ACTIONS = list(agreement_actions())  # data/word_classes.ttl
ACTION_RE = re.compile(r"(?<![\w])(" + "|".join(a for a, _ in ACTIONS) + r")(?![\w])", re.I)


_ABBR_RE = re.compile(r"(?<![\w(])([A-Z]{2,8}(?:FTA|PA|EP)?)(?![\w)])")
# R_ATTEND_LIST: everyone after the cue attends (or chairs): "Cùng dự có A; B.", "Về phía tỉnh X, có C", "Tham gia đoàn có D"

def agreement_spans(ctx: ArticleContext, sent: str, low: str | None = None) -> list[tuple[int, int, None]]:
    """Where agreement names may stand (a trigger and the 40 characters after it): no meeting word there."""
    return [(m.start(), m.end() + 40, None) for m in AGREEMENT_FINDER.finditer(sent, low)]


def _abbreviation(sent: str, name: str, end: int) -> tuple[str, str | None, int]:
    """The name without an abbreviation it ends with, the abbreviation ('… (VIFTA)', '(EVFTA 2019)'), the end."""
    abbr = None
    inner_abbr = re.search(r"\s*\(([A-Z][A-Za-z0-9-]{1,12})\)$", name)
    if inner_abbr:
        abbr, name = inner_abbr.group(1), name[:inner_abbr.start()].strip()
    am = re.match(r"\s*\((?P<a>[A-Z][A-Za-z0-9-]{1,12})(?: \d{4})?\)", sent[end:])
    if am:
        abbr = am.group("a")
        end += am.end()
    return name, abbr, end


def _generic(name: str, trig: str, abbr: str | None) -> bool:
    """A generic name ('Hiệp định', 'hiệp định thương mại tự do' in lower case) that no abbreviation names."""
    if name.casefold() in GENERIC_AGREEMENTS or (trig[0].islower() and not abbr
                                                 and not re.search(r"[A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ]", name[len(trig):])):
        if not abbr or abbr in ("FTA",):
            return True
    return abbr == "FTA" and name.casefold().startswith("hiệp định thương mại tự do") \
        and not re.search(r"[A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ]", name[9:])


def named_agreement(ctx: ArticleContext, sent: str, m: re.Match) -> tuple[int, int, str | None, str | None, str] | None:
    """R_AGREEMENT: the span, name, abbreviation of the agreement a trigger opens and the rule that read the
    name, or None when it names none."""
    if re.search(r"(?:Tổ chức|tổ chức|Liên minh)\s*$", sent[max(0, m.start() - 12):m.start()]):
        return None  # R_AGR_ORG: "Tổ chức Hiệp ước An ninh Tập thể (CSTO)" is an organization
    trig = m.group("trig")
    if trig in ("thỏa thuận", "thoả thuận"):
        lm = LOWER_AGREEMENT.match(sent, m.end())
        if lm is None:
            return None  # "thỏa thuận" in lower case is an agreement only with its proper name ("thỏa thuận Doha")
        name, end = sent[m.start():lm.end()], lm.end()
        name_rule = R_AGREEMENT
    else:
        name, end = agreement_name(sent, m)
        name_rule = agreement_name_rule(sent, m, name)
    name, abbr, end = _abbreviation(sent, name, end)
    if _generic(name, trig, abbr):
        return None
    if abbr and (entry := ctx.lex.lookup(abbr)) is not None and entry.kind in ("org", "country", "outlet"):
        abbr = None  # "(LHQ)" after "Hiến chương Liên hợp quốc" abbreviates the organization
    rest_words = re.findall(r"\w+", name[len(trig):])
    if not abbr and not any(w[0].isupper() or w.isdigit() for w in rest_words) \
            and not [w for w in rest_words if w.lower() not in AGR_FILLER]:
        return None  # "Thỏa thuận đầu tiên", "Bản ghi nhớ hợp tác": nothing names it
    if not abbr:
        inner = next((w for w in rest_words if w in ctx.lex.agreements), None)
        if inner and len(rest_words) == 1:
            abbr = inner  # "Hiệp định EVFTA"
    known = ctx.lex.agreements.get(abbr or "") or ctx.lex.agreement_names.get(name.casefold())
    if known and not abbr:
        abbr = next((k for k, v in ctx.lex.agreements.items() if v == known), None)
    return m.start(), end, cap(name), abbr, name_rule


def acronym_only(name: str, abbr: str) -> bool:
    """R_AGR_FULLEST: a name that is only a trigger and the abbreviation ('Hiệp định UKVFTA')."""
    rest = name.split(None, 1)[1] if " " in name else ""
    return bool(re.fullmatch(r"(?:\w+\s+)?" + re.escape(abbr), rest)) or rest == ""


def agreement_name_rule(sent: str, m: re.Match, name: str) -> str:
    """The rule that read an agreement's name (for `diplograph explain`): R_AGR_ACRONYM, R_AGR_TO_ABBR,
    R_AGR_PARTIES_END or the plain noun phrase."""
    ac = AGR_ACRONYM.match(sent, m.end())
    if ac is not None and name == sent[m.start():ac.end()]:
        return R_AGR_ACRONYM
    after = sent[m.start() + len(name):]
    if " và " in name and re.match(r"\s*\([A-Z]", after):
        return R_AGR_TO_ABBR
    if any(pe.end() == len(name) for pe in AGR_PARTIES_END.finditer(name + after[:30])):
        return R_AGR_PARTIES_END
    return R_AGREEMENT


R_AGR_OF_TO_ABBR = rule(
    "agreement.name.of-to-abbreviation",
    "A convention's name runs on through 'về … của …' to its abbreviation in parentheses ('Công ước về quyền của người "
    "khuyết tật (CRPD)'), unless the abbreviation is an organization's or a country's.",
    [Example("Phê chuẩn\nQuốc hội đã phê chuẩn việc tham gia Công ước về quyền của người cao tuổi (CROP).",
             {"kind": "agreement", "name": "Công ước về quyền của người cao tuổi", "abbr": "CROP"})])


def of_to_abbr(run: re.Match) -> bool:
    """R_AGR_OF_TO_ABBR: a run 'về … của …' to an abbreviation that names no organization or country."""
    words = run.group(1).split()
    if not words or words[0] != "về" or "của" not in words:
        return False
    e = load().lookup(run.group(2))
    return e is None or e.kind == "agreement"


def acronym_or_abbr(sent: str, m: re.Match, pos: int) -> tuple[str, int] | None:
    """R_AGR_ACRONYM: 'Hiệp định RCEP …' is named by its acronym (not an organization's: 'Hiệp định ASEAN về …'
    goes on). R_AGR_TO_ABBR: a name that reaches its '(ABBR)' through lower-case words and 'và' without a clause
    word is read whole ('Hiệp định Đối tác toàn diện và tiến bộ xuyên Thái Bình Dương (CPTPP)')."""
    ac = AGR_ACRONYM.match(sent, pos)
    if ac is not None and m.group("trig")[0].isupper():
        e = load().lookup(ac.group(1))
        if e is None or e.kind == "agreement":
            return sent[m.start():ac.end()], ac.end()
    run = AGR_RUN_TO_ABBR.match(sent, pos)
    of_run = run is not None and of_to_abbr(run)
    if run is not None and (" và " in run.group(1) + " " or of_run) and AGREEMENT_RE.search(run.group(1)) is None:
        words = run.group(1).split()
        if words and (words[0][0].isupper() or of_run) \
                and not any(w.lower() in AGR_STOP and w.lower() not in ("giữa", "của", "tiến", "hướng", "mới")
                            and not (of_run and w == "về") for w in words):
            return sent[m.start():run.end(1)].strip(), run.end(1)
    return None


def find_agreements(ctx: ArticleContext) -> list[AgreementFact]:
    """Agreements named in the article, each with what is done with it; one per abbreviation or name."""
    abbrs = ctx.lex.agreement_abbreviations
    for si, sent in enumerate(ctx.sents):
        spans = [got for m in AGREEMENT_FINDER.finditer(sent, ctx.analyses[si].low)
                 if (got := named_agreement(ctx, sent, m)) is not None]
        for am in (_ABBR_RE.finditer(sent) if abbrs and next(abbrs.iter(sent), None) is not None else ()):
            ab = am.group(1)
            if ab in ctx.lex.agreements and not any(s <= am.start() < e for s, e, _, _, _ in spans):
                spans.append((am.start(), am.end(), None, ab, R_AGREEMENT_ABBR))  # R_AGREEMENT_ABBR
        for s, e, name, abbr, name_rule in spans:
            action, atype, tense = agreement_action(sent, s, e)
            prev = ctx.agreements.get(abbr or (name or "").casefold())
            # R_AGR_FULLEST: "Hiệp định UKVFTA" (headline) then "Hiệp định Thương mại tự do … (UKVFTA)"
            fuller = bool(abbr and name and prev is not None and prev.name and acronym_only(prev.name, abbr)
                          and not acronym_only(name, abbr))
            ctx.add_agreement(AgreementFact(name=name, abbreviation=abbr, action=action, action_type=atype, tense=tense,
                                            evidence=sent, rule=name_rule if name else R_AGREEMENT_ABBR),
                              renamed_by=R_AGR_FULLEST if fuller else None)
    # "Hiệp ước Hữu nghị và Hợp tác" after "Hiệp ước Hữu nghị và Hợp tác Việt Nam-Lào": a short reference
    found = ctx.agreements
    names = [f.name.casefold() for f in found.values() if f.name]
    return [f for f in found.values()
            if not (f.name and not f.abbreviation and any(n != f.name.casefold() and n.startswith(f.name.casefold()) for n in names))]


def agreement_name(sent: str, m: re.Match) -> tuple[str, int]:
    """The name a trigger opens and where it ends (R_AGREEMENT, R_AGR_INSERTED, R_AGR_PARTIES, R_AGR_ACRONYM,
    R_AGR_TO_ABBR, R_AGR_PARTIES_END)."""
    start = m.start()
    pos = m.end()
    inserted = AGR_INSERTED.match(sent, pos)
    skipped = ""
    if inserted is not None:  # R_AGR_INSERTED: "Hiệp định ký ngày 2/3/2019 về hợp tác hải quan …"
        skipped = sent[pos:inserted.end()]
        pos = inserted.end()
    parties = AGR_PARTIES.match(sent, pos)
    if parties is not None:  # R_AGR_PARTIES: "… giữa một bên là Việt Nam và một bên là Liên minh châu Phi (VAFCA)"
        name = (sent[start:m.end()] + sent[pos:parties.end()]).strip()
        return name, parties.end()
    if inserted is None:
        got = acronym_or_abbr(sent, m, pos)
        if got is not None:
            return got
    end = _name_end(sent, m, start, pos)
    name = (sent[start:m.end()] + " " + sent[pos - 0:end].strip()).strip() if skipped else sent[start:end].strip()
    # "A và B" where B opens with its own trigger: cut before it
    name = re.split(r" và (?=Hiệp định|Hiệp ước|Thỏa thuận|Bản ghi nhớ|Công ước|Nghị định thư|luật pháp)", name)[0]
    name = AGR_CLAUSE.split(name)[0]
    for pe in AGR_PARTIES_END.finditer(name):  # the pair after which only lower-case words follow
        if pe.start() > 0 and not re.search(rf"[^\W\d_]*[{_UP}]", name[pe.end():]):
            name = name[:pe.end()]  # R_AGR_PARTIES_END: "Hiệp định … Việt Nam - Belarus mở ra …", "… Á - Âu giúp …"
            break
    words = name.split()
    while len(words) > 1 and words[-1].lower() in AGR_DANGLING:
        words.pop()
    name = " ".join(words)
    return name, (end if skipped else start + len(name))


def _name_end(sent: str, m: re.Match, start: int, pos: int) -> int:
    """Where the noun phrase of an agreement's name, read word by word from `pos`, ends."""
    self_title_re = load().title_matcher()
    end = pos
    count = 0
    for t in re.finditer(r"\w+(?:[-–]\w+)*|[^\w\s]", sent[pos:]):
        w = t.group(0)
        if not w[0].isalnum():
            if w in "-–" and count:
                continue
            break
        lw = w.lower()
        if count == 0 and w == "không" and not re.match(r"[^.;,()]{0,80}\([A-Z]", sent[pos + t.end():]) \
                and not any(k.startswith(f"{m.group('trig')} không".casefold()) for k in load().agreement_names):
            break  # R_AGR_ACRONYM: "Hiệp định không …": a negated clause, no name
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
        if lw == "của" and m.group("trig")[0].islower():
            break  # R_AGR_ACRONYM: "hiệp định của Quốc hội": whose agreement, not its name
        if count >= 24:
            break
        end = pos + t.end()
        count += 1
    return end


def agreement_action(sent: str, s: int, e: int) -> tuple[str, str, str]:
    before = sent[max(0, s - 90):s]
    after = sent[e:e + 50]
    cands = list(ACTION_RE.finditer(before))
    m = cands[-1] if cands else None
    text = None
    if m:
        text = m.group(1)
        lead = before[max(0, m.start() - 40):m.start()]
    else:
        ma = ACTION_RE.search(after)
        if ma and ma.start() < 30:
            text, lead = ma.group(1), after[:ma.start()]
    if text is None:
        return "nhắc đến", "Mentioned", "done"
    atype = next(t for a, t in ACTIONS if re.fullmatch(a, text, re.I))
    tense = "done"
    if re.search(r"\b(?:sẽ|dự kiến|hướng tới|sớm|tiến tới|xúc tiến|nhằm|để|chuẩn bị|kế hoạch|cam kết)\b", lead, re.I):
        tense = "planned"
    elif re.search(r"\bđang\b", lead) or atype == "Negotiating":
        tense = "ongoing"
    return text, atype, tense
