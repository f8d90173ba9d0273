"""Meetings named by a noun phrase after their kind word (conferences, summits, sessions, forums)."""

from __future__ import annotations

import re

from ...rules import Example, rule
from ...wordclasses import word_set
from ..context import ArticleContext
from ..drafts import MeetingDraft, Mention, cap

R_NAMED = rule(
    "meeting.name.noun-phrase",
    "A conference, summit, session, forum or dialogue named by the noun phrase after its kind word.",
    [Example("Khai mạc\nSáng 9/12, Hội nghị Ngoại vụ toàn quốc lần thứ 25 khai mạc tại Hà Nội. Phó Thủ tướng Lê Văn "
             "Tám dự và phát biểu.", {"kind": "meeting", "name": "Hội nghị Ngoại vụ toàn quốc lần thứ 25"}),
     # 'Bàn tròn …' names a forum (data/meeting_kinds.ttl); after another kind word ('Hội nghị bàn tròn …',
     # 'Tọa đàm bàn tròn …') it is part of that one's name, not a second meeting
     Example("Bàn tròn\nNgày 5/6, Phó Thủ tướng Trần Văn Bảo dự Bàn tròn Kinh tế Việt Nam - Canada lần thứ 3 tại Hà Nội.",
             {"kind": "meeting", "kind_of": "Forum", "name": "Bàn tròn Kinh tế Việt Nam - Canada lần thứ 3"}),
     Example("Bàn tròn\nPhó Thủ tướng Trần Văn Bảo chủ trì Hội nghị bàn tròn Đầu tư Xanh Việt Nam - Canada tại Hà Nội.",
             {"kind": "meeting", "kind_of": "Forum"}, present=False),
     Example("Bàn tròn\nBộ trưởng Trần Văn Bảo ngồi vào bàn tròn cùng các chuyên gia.",
             {"kind": "meeting"}, present=False)])

NAME_STOP = word_set("meeting-name-stops")  # data/word_classes.ttl
# Verb phrases that end a meeting's name ("Hội nghị … khai mạc"), while their first syllable alone does not
# ("phát triển", "tham vấn", "triển khai"); matched where a word starts (case-insensitive).
NAME_STOP_PHRASE = re.compile(r"(?i)(?:khai mạc|bế mạc|thảo luận|chủ trì|chủ tọa|phát biểu|tham dự|tham gia|đánh giá|"
                              r"nhận định|nhận được|tiếp tục|tiếp đón|tiếp nhận|trên cương vị|cương vị|nêu|bàn về|chuẩn bị|đối với)(?!\w)")
# Words a name never ends on: it goes on after them or was cut inside a clause.
NP_DANGLING = word_set("meeting-name-dangling")  # data/word_classes.ttl
NAME_GOES_ON = re.compile(r",\s*(?:phương hướng|triển khai|nhiệm vụ|kế hoạch|định hướng|Quốc hội [Kk]h[óo]a|"
                          r"(?:thương mại|đầu tư|văn hóa|giáo dục|khoa học|công nghệ|du lịch|an ninh|quốc phòng)\b(?=[^,.;]{0,60}"
                          r"[A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ0-9])|"
                          r"Quốc hội (?:nước )?[^\s,.;]+ [Kk]h[óo]a|HĐND|Hội đồng nhân dân)")
NAME_GOES_ON_VA = re.compile(r"\s+(?:phương hướng|nhiệm vụ|triển khai|kế hoạch|định hướng)\b")
_ABBR_AHEAD = re.compile(r"[^.;,()]{0,80}\((?:[A-Z][A-Z0-9+-]{1,9})\)")  # "… và mới nổi hàng đầu thế giới (G20)"
_KHUON_KHO = re.compile(r"\s+khuôn khổ\s+[A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ]")
_CLOSING_QUOTE = re.compile(r"[”\"']")
_NP_TOKEN = re.compile(r"\s*(\w+(?:[-–]\w+)*|[^\w\s])")
_UPPER_NEXT = re.compile(r"\s*[A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ0-9]")
_HONORIFIC_NEXT = re.compile(r"\s*(?:ông|bà|ngài|đồng chí)\s", re.I)


NAMING_WORDS = re.compile(r"\b(?:xúc tiến|tổng kết|sơ kết|triển khai|toàn quốc|thường niên|lần thứ|quốc tế|cấp cao|bộ trưởng|"
                          r"ngoại trưởng|thượng đỉnh|quan chức|đối tác|hợp tác|an ninh|kinh tế|nhiệm vụ|công tác|ngoại giao|"
                          r"chính trị|chiến lược|song phương|đa phương|khu vực|thường kỳ|đặc biệt|bất thường)\b", re.I)

def _punctuation(sent: str, w: str, wstart: int, wend: int, count: int) -> tuple[bool, int, int | None]:
    """A punctuation token inside a meeting's name: (the name stops, where to go on, a new end or None).
    Hyphens, a short parenthesis and a continuation after a comma go on; a quoted name ends at its quote."""
    if w in "-–" and count:
        return False, wend, None
    if w == "(":
        close = sent.find(")", wstart)
        if 0 < close - wstart < 25:
            return False, wend, None
    if w == ")":
        return False, wend, wend
    if w in "“\"'" and count:
        quote = _CLOSING_QUOTE.search(sent, wend)
        return True, wend, quote.end() if quote and quote.start() - wend < 80 else None
    if w == "," and NAME_GOES_ON.match(sent, wstart):
        return False, wend, None
    return True, wend, None


def _ends_name(ctx: ArticleContext, sent: str, w: str, wstart: int, wend: int, count: int) -> bool:
    """A word the name stops before: a capitalised clause opener, a verb phrase, a clause word (lower
    case; 'và' before a capital or a continuation, 'lần', 'về' inside the name and 'bàn tròn' go on), a
    person's 'của'."""
    lw = w.lower()
    if w in ("Về", "Theo", "Tại", "Trong", "Sau", "Với"):
        return True  # a capitalised clause opener: the next sentence, glued on by the crawl
    if NAME_STOP_PHRASE.match(sent, wstart):
        return True
    if w[0].islower() and lw in NAME_STOP and not (lw == "nhân" and sent.startswith(" dân", wend)) and not (lw == "và" and (_UPPER_NEXT.match(sent, wend) or NAME_GOES_ON_VA.match(sent, wend)
                                                                    or _ABBR_AHEAD.match(sent, wend))) \
            and not (lw in ("lần", "về") and count) and not (lw == "trong" and _KHUON_KHO.match(sent, wend)) \
            and not (lw == "bàn" and sent[wend:wend + 5] == " tròn"):  # "Hội nghị bàn tròn"
        return True
    # "Hội nghị của Thủ tướng X": a person's, not part of the name
    return lw == "của" and (ctx.lex.title_matcher().match(sent, len(sent) - len(sent[wend:].lstrip())) is not None
                           or _HONORIFIC_NEXT.match(sent, wend) is not None)


def np_name(ctx: ArticleContext, sent: str, start: int, word: str) -> tuple[str, int]:
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
    inner = {kw_end + a: kw_end + b for a, b, e in ctx.lex.find(sent[kw_end:kw_end + 240]) if e.kind in ("place", "org", "country")}
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
            stop, to, new_end = _punctuation(sent, w, wstart, wend, count)
            end = new_end if new_end is not None else end
            if stop:
                break
            pos = to
            continue
        if _ends_name(ctx, sent, w, wstart, wend, count):
            break
        end = pos = wend
        count += 1
    name = sent[name_start:end].strip()
    words = name.split()
    while len(words) > len(word.split()) and words[-1].lower().strip(",") in NP_DANGLING:
        words.pop()
    name = " ".join(words).rstrip(" ,")
    return name, name_start + len(name)


def named_meeting(ctx: ArticleContext, si: int, sent: str, start: int, cls: str, word: str, ms: list[Mention],
                  planned: bool) -> MeetingDraft | None:
    """R_NAMED: a conference, summit, session, forum or dialogue named by the noun phrase after its kind
    word; a bare kind word, a place or a verb after it names none."""
    name, _ = np_name(ctx, sent, start, word)
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
    entry = ctx.lex.lookup(bare)
    if entry is not None and entry.kind in ("place", "country"):
        return None  # "Hội nghị tỉnh Bình Dương": a place, not the meeting's name
    if not re.search(r"[A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ0-9]", rest) and not NAMING_WORDS.search(rest):
        return None  # "Hội nghị thống nhất đánh giá": the meeting as subject of a verb, not a name
    return MeetingDraft(key="", kind=cls, kind_word=word.lower(), name=cap(name), named=True, sentence_index=si,
                        status="planned" if planned else "held", evidence=sent)
