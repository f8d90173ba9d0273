"""Bilateral meetings (talks, calls, receptions, courtesy calls) named from their parties."""

from __future__ import annotations

import re

from ...rules import Example, rule
from ...wordclasses import alternation, word_set
from ..context import ArticleContext, person_name
from ..dates import resolve_date
from ..drafts import MeetingDraft, Mention, cap
from ..participation import series_subject
from ..persons import pair_member, principal, title_reference
from ..places import meeting_place
from .words import ANAPHORIC_AFTER, BACKGROUND_BEFORE, FRONTED_NP, PLANNED

R_FRONTED_NP = rule(
    "meeting.party.fronted-noun-phrase",
    "A fronted 'Tại cuộc gặp X, Y …' or 'Gặp gỡ X, Y …' is a meeting of X with the main clause's subject.",
    [Example("Chủ tịch nước dự diễn đàn\nTại cuộc gặp Tổng thống Chi-lê M.Ba-rơ-ra, Chủ tịch nước Trần Văn Bảo "
             "khẳng định quan hệ hai nước tốt đẹp.",
             {"kind": "participant", "name": "M.Ba-rơ-ra", "meeting": "Trần Văn Bảo"}),
     Example("Chủ tịch nước dự diễn đàn\nGặp gỡ Tổng thống Bê-la-rút A.Lu-kin, Chủ tịch nước Trần Văn Bảo đề nghị "
             "hai bên phối hợp.", {"kind": "participant", "name": "Trần Văn Bảo", "meeting": "A.Lu-kin"})])
R_FRONTED_NP_BACK = rule(
    "meeting.party.fronted-noun-phrase-back",
    "'Tại cuộc gặp X, hai bên …' with no named subject: the meeting with X reported earlier in the article, whose other "
    "party is the other side (not the article's first person).",
    [Example("Tổng thống Chile tiếp Bộ trưởng\nTổng thống Chile Carlos Mena tiếp Bộ trưởng Lê Văn Tám. Chiều 4/5, Bộ trưởng "
             "Ngoại giao Lê Văn Tám đã đến chào Tổng thống Carlos Mena, tiếp Bộ trưởng Tài chính Chile Pedro Luna. Tại cuộc "
             "gặp Bộ trưởng Tài chính Pedro Luna, hai bên nhất trí tăng cường hợp tác.",
             {"kind": "participant", "name": "Carlos Mena", "meeting": "Pedro Luna"}, present=False),
     Example("Tổng thống Chile tiếp Bộ trưởng\nTổng thống Chile Carlos Mena tiếp Bộ trưởng Lê Văn Tám. Chiều 4/5, Bộ trưởng "
             "Ngoại giao Lê Văn Tám đã đến chào Tổng thống Carlos Mena, tiếp Bộ trưởng Tài chính Chile Pedro Luna. Tại cuộc "
             "gặp Bộ trưởng Tài chính Pedro Luna, hai bên nhất trí tăng cường hợp tác.",
             {"kind": "participant", "name": "Lê Văn Tám", "meeting": "Pedro Luna"})])
R_CLAUSE_END = rule(
    "meeting.party.clause-end",
    "The counterparts and name of a meeting end where a subordinate clause opens after a comma ('cuộc hội đàm Nga – Mỹ, "
    "bởi lẽ đây là cuộc đối thoại đầu tiên … kể từ khi ông X …': X is no party named there).",
    [Example("Hội đàm\nĐáng chú ý nhất là cuộc hội đàm trực tiếp Nga – Mỹ, bởi lẽ đây là cuộc đối thoại đầu tiên giữa hai "
             "nước kể từ khi Tổng thống Mỹ John Carter nhậm chức.", {"kind": "meeting", "name": "bởi lẽ"}, present=False)])
R_INDEFINITE = rule(
    "meeting.refuse.indefinite-unnamed",
    "'một cuộc gặp …' with no named counterpart is another meeting than the one in focus, named by nobody: no mention, so it "
    "lends the meeting in focus neither its place nor its organizer.",
    [Example("Gặp\nSau cuộc gặp giữa Tổng thống Nga Ivan Petrov và Thủ tướng Nhật Bản Kenji Ono, hai bên đã nhất trí tổ chức "
             "một cuộc gặp cấp thứ trưởng vào tháng 8 tại Moskva.",
             {"kind": "meeting", "name": "Ivan Petrov", "place": "Moskva"}, present=False),
     Example("Gặp\nSau cuộc gặp giữa Tổng thống Nga Ivan Petrov và Thủ tướng Nhật Bản Kenji Ono, hai bên đã nhất trí tổ chức "
             "một cuộc gặp cấp thứ trưởng vào tháng 8 tại Moskva.", {"kind": "meeting", "name": "Ivan Petrov"})])
R_PLURAL = rule(
    "meeting.refuse.plural-unnamed",
    "'nhiều cuộc gặp …', 'hàng loạt cuộc hội đàm …', '3 cuộc gặp …' with no named counterpart speaks of meetings in general: no meeting, "
    "and a name after the comma is no party of it.",
    [Example("Công du\nTổng thống Mỹ John Carter tới Rome. Trước nhiều cuộc gặp khó khăn sắp tới, ông Carter đang gặp "
             "thách thức lớn.", {"kind": "meeting", "kind_of": "Meeting"}, present=False),
     Example("Công du\nTổng thống Mỹ John Carter có nhiều cuộc gặp với Thủ tướng Ý Marco Bellini trong năm qua.",
             {"kind": "participant", "name": "Marco Bellini", "kind_of": "Meeting"})])
PLURAL_BEFORE = re.compile(rf"(?i)\b(?:{alternation('plural-quantifiers')}|\d+)\s+(?:(?:cuộc|buổi)\s+)?$")
R_FRONTED_BETWEEN = rule(
    "meeting.party.fronted-between",
    "A fronted 'Sau/Tại cuộc gặp giữa A và B, …' is a meeting of A and B (both named after 'giữa').",
    [Example("Gặp\nSau cuộc gặp giữa Tổng thống Nga Ivan Petrov và Thủ tướng Nhật Bản Kenji Ono, hai bên đã nhất trí tăng "
             "cường hợp tác.", {"kind": "participant", "name": "Kenji Ono", "meeting": "Ivan Petrov"})])
R_ALL_PARTIES = rule(
    "meeting.party.all-counterparts",
    "Every counterpart after the kind word is a party ('hội kiến với A, B và C'); after 'giữa' only those named there.",
    [Example("Hội kiến\nChủ tịch Quốc hội Trần Văn Bảo hội kiến với Chủ tịch Thượng viện Pedro Luna, Phó Chủ tịch "
             "Thượng viện Luis Mora và Phó Chủ tịch Hạ viện Ana Sol.",
             {"kind": "participant", "name": "Ana Sol", "kind_of": "CourtesyCall"})])

R_PARTY_VERB_BREAK = rule(
    "meeting.party.list-break-verb",
    "The counterparts of a meeting verb end where a comma opens another verb phrase ('gặp A, chia tay B': B is no party).",
    [Example("Thủ tướng Trần Văn Bảo gặp Chủ tịch Trung Quốc Lý Minh, chia tay Tổng thống Mỹ John Carter tại G20\n"
             "Ngày 18/11, Thủ tướng Trần Văn Bảo đã có nhiều cuộc tiếp xúc tại G20.",
             {"kind": "participant", "name": "John Carter", "meeting": "Lý Minh"}, present=False)])
R_MEETING_ADJECTIVE = rule(
    "meeting.party.adjective",
    "An adjective between a meeting's kind word and its counterpart ('cuộc hội kiến quan trọng với X', 'Trong cuộc "
    "điện đàm bất ngờ với X, Y …') does not hide the counterpart.",
    [Example("Hội kiến\nThủ tướng Trung Quốc Lý Minh đã có cuộc hội kiến quan trọng với Chủ tịch nước Trần Văn Bảo.",
             {"kind": "participant", "name": "Trần Văn Bảo", "kind_of": "CourtesyCall"}),
     Example("Điện đàm\nTrong cuộc điện đàm bất ngờ với Chủ tịch Trung Quốc Lý Minh, Tổng thống Mỹ John Carter khẳng định "
             "chính sách.", {"kind": "participant", "name": "John Carter", "kind_of": "PhoneCall"}),
     Example("Hội đàm\nTrong cuộc hội đàm ngày 17/11 với Tổng thống Brazil Luiz Souza, Thủ tướng Trần Văn Bảo nhấn mạnh.",
             {"kind": "participant", "name": "Luiz Souza", "kind_of": "Talks"})])
R_MEETING_NO_COUNTERPART = rule(
    "meeting.refuse.no-counterpart",
    "'gặp gỡ/gặp mặt' followed by no named counterpart ('gặp gỡ một số doanh nghiệp', 'gặp gỡ kiều bào') reports no "
    "meeting of named parties; an organization's delegation ('gặp mặt đại biểu Hội hữu nghị …') still counts.",
    [Example("Gặp gỡ\nThủ tướng Trần Văn Bảo gặp gỡ một số doanh nghiệp Nhật Bản tại Tokyo.",
             {"kind": "meeting", "kind_of": "Meeting"}, present=False),
     Example("Gặp mặt\nChiều 3/5, tại Phủ Chủ tịch, Chủ tịch nước Trần Văn Bảo gặp mặt đại biểu Hội hữu nghị Việt Nam - Peru.",
             {"kind": "meeting", "kind_of": "Meeting", "place": "Phủ Chủ tịch"})])
R_GOVERNMENT_OF = rule(
    "meeting.party.refuse-government-of",
    "A person named inside 'chính quyền (của) <title> X' (X's administration) is no party of the meeting in the clause.",
    [Example("Gặp\nNguồn tin về cuộc gặp tiết lộ, một cựu quan chức Mỹ tham gia nhưng chính quyền Tổng thống John Carter "
             "không liên quan.", {"kind": "participant", "name": "John Carter"}, present=False)])
R_BILATERAL = rule(
    "meeting.party.verb",
    "A bilateral meeting (talks, call, reception, courtesy call, meeting) named by its verb and its parties.",
    [Example("Tiếp\nChiều 4/5, Chủ tịch Quốc hội Trần Văn Bảo đã tiếp Tổng thống Chile Carlos Mena.",
             {"kind": "participant", "name": "Carlos Mena", "kind_of": "Reception"}),
     # 'tiếp kiến' (received in audience by a monarch or a leader) is a courtesy call, a word of data/meeting_kinds.ttl
     Example("Tiếp kiến\nChiều 3/5, Bộ trưởng Ngoại giao Trần Văn Bảo đã tiếp kiến Nhà vua Thụy Điển Carl Gustaf.",
             {"kind": "participant", "name": "Carl Gustaf", "kind_of": "CourtesyCall"}),
     Example("Tiếp kiến\nBộ trưởng Ngoại giao Trần Văn Bảo nêu ý kiến về chính sách tiếp cận thị trường của Thụy Điển.",
             {"kind": "meeting", "kind_of": "CourtesyCall"}, present=False),
     # 'gọi điện (thoại) cho Y', 'điện thoại cho Y' is a phone call with Y, words of data/meeting_kinds.ttl
     Example("Gọi điện\nTuần trước, Tổng thống Mỹ John Carter đã gọi điện cho Thủ tướng Nhật Bản Kenji Sato để chúc mừng.",
             {"kind": "participant", "name": "Kenji Sato", "kind_of": "PhoneCall"}),
     Example("Gọi điện\nTổng thống Mỹ John Carter nói các hãng Mỹ bán điện thoại cho thị trường Nhật Bản.",
             {"kind": "meeting", "kind_of": "PhoneCall"}, present=False)])

R_INNER_NP = rule(
    "meeting.party.inner-noun-phrase",
    "A meeting noun phrase inside a sentence that names its parties ('… nêu ra trong cuộc gặp giữa A và B', "
    "'… phát biểu sau cuộc hội đàm với B') is a meeting of those parties, not a reference to the meeting in focus.",
    [Example("Gặp\nVấn đề này được nêu ra trong cuộc gặp giữa Tổng thống Mỹ John Carter và Thủ tướng Nhật Bản Kenji Sato.",
             {"kind": "participant", "name": "Kenji Sato", "kind_of": "Meeting"}),
     Example("Hội đàm\nTổng thống Mỹ John Carter nói điều này trong cuộc hội đàm với Thủ tướng Nhật Bản Kenji Sato.",
             {"kind": "participant", "name": "John Carter", "kind_of": "Talks"}),
     Example("Gặp\nTổng thống Mỹ John Carter nói điều này trong cuộc gặp với báo chí.",
             {"kind": "meeting", "kind_of": "Meeting"}, present=False),
     Example("Gặp\nTrong cuộc họp báo sau cuộc gặp với Thủ tướng Nhật Bản Kenji Sato, Tổng thống Mỹ John Carter nói.",
             {"kind": "meeting", "name": "Cuộc gặp với Thủ tướng Nhật Bản Kenji Sato, Tổng thống Mỹ John Carter"},
             present=False)])

# Between a host and "tiếp": a time and a tense marker at most ("chiều 11-5 đã tiếp").
HOST_GAP = re.compile(r"\s*,?\s*(?:(?:sáng|chiều|tối|trưa|ngày|hôm)\s*(?:nay|qua|\d{1,2}\s*[-/]\s*\d{1,2}(?:\s*[-/]\s*\d{4})?)?\s*,?\s*)?"
                      r"(?:đã|vừa|sẽ|đã tiếp)?\s*", re.I)
# A role taken at a ceremony, banquet or press conference, not at the meeting in focus.

WITNESS_CUE = re.compile(r",?\s*(?:có|với) sự (?:tham dự|có mặt|chứng kiến|tham gia) của")
PARTY_LIST_BREAK = re.compile(r"(?i)\s(?:tại|ở|bên lề|trong khuôn khổ|trong dịp|trong thời gian|vào (?:ngày|sáng|chiều|tối)|"
                              r"nhân dịp|sau khi|trước khi|để|về việc)\s|[.;:]")
# R_MEETING_ADJECTIVE: what may stand between a meeting's kind word and its counterpart ("cuộc hội kiến quan trọng với X")
MEETING_ADJECTIVES = re.compile(r"\s*(?:(?:song phương|ngắn|riêng|bất ngờ|đầu tiên|trực tiếp|quan trọng|chính thức|kín|"
                                r"thân mật|cấp cao|hữu nghị|qua điện thoại|trực tuyến|"
                                r"(?:(?:sáng|chiều|tối|trưa)\s+)?(?:ngày|hôm)\s+\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{4})?)"
                                r"\s+){0,2}(?:với\s+)?")  # R_MEETING_ADJECTIVE: also a date ("cuộc hội đàm ngày 17/11 với X")
GOVERNMENT_OF = re.compile(r"(?i)\b(?:chính quyền|chính phủ|nội các)\s+(?:của\s+)?$")  # R_GOVERNMENT_OF
POSSESSOR_GAP = re.compile(r"\s*của\s*")
# R_PARTY_VERB_BREAK: lower-case words that may stand between two counterparts of one verb
PARTY_LINK_WORDS = word_set("party-link-words")  # data/word_classes.ttl

def possessor(sent: str, m: Mention, ms: list[Mention]) -> bool:
    """R_POSSESSOR: 'X, Cố vấn đặc biệt của Thủ tướng Y': Y owns X's post and is no party of the meeting."""
    return any(o is not m and o.after_end > o.end and POSSESSOR_GAP.fullmatch(sent, o.after_end, m.title_start)
               for o in ms)

def fronted_party_meeting(ctx: ArticleContext, si: int, sent: str, start: int, end: int, cls: str, word: str,
                           ms: list[Mention]) -> MeetingDraft | None:
    """R_FRONTED_NP: a meeting fronted as a noun phrase or participle names its counterpart right after
    the kind word; the other party is the subject of the main clause ("Tại cuộc gặp Tổng thống X, Chủ
    tịch nước Y khẳng định …"), or, when that clause names nobody ("hai bên nhất trí …"), the article's
    principal (the first person of its headline, else its first person)."""
    m = MEETING_ADJECTIVES.match(sent, end)  # R_MEETING_ADJECTIVE: "Trong cuộc điện đàm bất ngờ với X, …"
    at = m.end() if m else end
    gm = re.match(r"\s*giữa\s+", sent[at:])
    if gm is not None:
        # R_FRONTED_BETWEEN: "Sau cuộc gặp giữa A và B, hai bên …": both parties follow "giữa"
        first = next((x for x in ms if x.title_start == at + gm.end()), None)
        second = next((x for x in ms if first is not None and x.start > first.end
                       and re.fullmatch(r"\s*(?:và|với|cùng)\s+", sent[max(first.end, first.after_end):x.title_start])), None)
        names = [n for x in (first, second) if x is not None and (n := person_name(ctx, x)) is not None]
        if second is None or len(set(names)) != 2:
            return None
        mt = MeetingDraft(key="", kind=cls, kind_word=word.lower(), name=parties_label(sent, start, word, names),
                          named=False, sentence_index=si, status="held", evidence=sent, rules=[R_FRONTED_NP, R_FRONTED_BETWEEN])
        for n in names:
            ctx.add_participant(mt, n, "attendee", sent, R_FRONTED_NP)
        mt.date = resolve_date(ctx, sent, mt.name)
        mt.place = meeting_place(ctx, sent, mt, start)
        return mt
    other = next((x for x in ms if x.title_start >= at and not sent[at:x.title_start].strip()), None)
    if other is None:
        # "tại hội đàm ở Nhà khách …, hai Thủ tướng trao đổi …": the parties are the pair after the comma
        comma = sent.find(",", end)
        pair = [x for x in ms if comma >= 0 and x.start > comma and x.tok_start < 0]
        if len(pair) == 2 and pair[0].start == pair[1].start and re.fullmatch(r"[\s,]*(?:hai|2)\s+", sent[comma:pair[0].start]):
            names = [n for x in pair if (n := person_name(ctx, x)) is not None]
            if len(names) != len(pair):
                return None
            mt = MeetingDraft(key="", kind=cls, kind_word=word.lower(), name=cap(word.lower()) + " " + " – ".join(names),
                          named=False, sentence_index=si, status="held", evidence=sent, rules=[R_FRONTED_NP])
            for n in names:
                ctx.add_participant(mt, n, "attendee", sent, R_FRONTED_NP)
            return mt
        return None
    comma = sent.find(",", other.after_end if other.after_end >= 0 else other.end)
    subj = None
    rules = [R_FRONTED_NP]
    if comma >= 0:
        subj = next((x for x in ms if x.start > comma and person_name(ctx, x) != person_name(ctx, other)
                     and re.fullmatch(r"[\s,]*(?:\S+\s*){0,6}", sent[comma:x.title_start])), None)
    oname = person_name(ctx, other)
    sname = person_name(ctx, subj) if subj is not None else None
    if sname is None and oname is not None:
        # R_FRONTED_NP_BACK: "Tại cuộc gặp X, hai bên …" after "A … tiếp X": the meeting reported earlier, whose other party is A
        earlier = next((m for m in reversed(ctx.meetings) if m.kind != "Visit" and oname in m.names()
                        and len(m.names()) == 2), None)
        sname = next(iter(earlier.names() - {oname}), None) if earlier is not None else None
        if sname is not None:
            rules = [R_FRONTED_NP, R_FRONTED_NP_BACK]
    if sname is None:
        sname = principal(ctx, exclude=oname)
    if sname is None or oname is None:
        return None
    names = [sname, oname]
    kind_phrase = re.search(r"(?i)(?:cuộc|buổi)\s*$", sent[:start])
    label = (kind_phrase.group(0).strip() + " " + word) if kind_phrase else word
    name = cap(label.lower()) + " " + " – ".join(dict.fromkeys(names))
    planned = bool(PLANNED.search(sent, max(0, start - 90), start))
    mt = MeetingDraft(key="", kind=cls, kind_word=word.lower(), name=name, named=False, sentence_index=si,
                  status="planned" if planned else "held", evidence=sent, rules=rules)
    for n in names:
        ctx.add_participant(mt, n, "attendee", sent, R_FRONTED_NP)
    mt.date = resolve_date(ctx, sent, mt.name)
    mt.place = meeting_place(ctx, sent, mt, start)
    return mt

CLAUSE_END = re.compile(r"[.;]|,\s*(?:hội đàm|hội kiến|gặp|tiếp|thăm|chào|yết kiến|điện đàm)\b"
                        r"|,\s*(?:bởi lẽ|bởi vì|vì|nhưng|song|trong khi|khi|sau khi|trước khi|đây là|đó là|nhằm|để)\s")  # R_CLAUSE_END


def clause_end(sent: str, pos: int) -> int:
    """Where the clause of a meeting verb ends: at a sentence break, the next meeting verb after a comma, or a
    subordinate clause after a comma (R_CLAUSE_END: 'cuộc hội đàm Nga – Mỹ, bởi lẽ đây là …': no party after it)."""
    m = CLAUSE_END.search(sent, pos)
    return m.start() if m else len(sent)


def refused_party_mention(sent: str, start: int, end: int, word: str) -> bool:
    """R_MEETING_BACKGROUND, R_MEETING_ANAPHORA: a kind word that opens a caption, names the source of
    something, or refers to the meeting in focus makes no new meeting."""
    if word[:1].isupper() and re.match(r"\s*[,:]", sent[end:]):
        return True  # "Hội đàm, …" opening a caption or a paragraph: the meeting in focus
    if BACKGROUND_BEFORE.search(sent, max(0, start - 40), start):
        return True  # R_MEETING_BACKGROUND: "thỏa thuận của Cuộc gặp cấp cao …", "kết quả cuộc hội đàm"
    if re.search(r"(?i)(?:tham dự|dự)\s+(?:cuộc\s+|buổi\s+)?$", sent[max(0, start - 16):start]) \
            and not COUNTERPART_AFTER.match(sent, end):
        return True  # R_MEETING_ANAPHORA: "dự hội đàm về phía Việt Nam có …" attends the talks in focus
    # R_MEETING_ANAPHORA: "cuộc gặp này", "cuộc hội đàm nói trên" is the meeting in focus
    return ANAPHORIC_AFTER.match(sent, end) is not None


# "tại/trong/sau … cuộc <kind>" refers to a meeting; R_INNER_NP: followed by "giữa"/"với" it names its parties
IN_FOCUS_BEFORE = re.compile(r"(?i)(?:tại|trong|sau|trước|qua)\s+(?:các\s+)?(?:(?:cuộc|buổi)\s+)?$")
INNER_PARTIES_AFTER = re.compile(r"\s*(?:\S+\s+){0,2}?(?:giữa|với)\s")
# "… với/giữa" a word or two after a kind word: the counterparts follow (R_MEETING_ANAPHORA, R_PLURAL)
COUNTERPART_AFTER = re.compile(r"\s*(?:\S+\s+){0,2}?(?:với|giữa)\b")
# R_INNER_NP: a comma (and an honorific) between the counterparts and the next name
COMMA_NEXT = re.compile(r"\s*,\s*(?:(?:ông|bà|ngài|đồng chí)\s+)?")


def lacks_counterpart_cue(sent: str, start: int, end: int, cls: str, word: str, ms: list[Mention],
                          subject: Mention | None) -> bool:
    """A reception needs a host before 'tiếp' and a guest after it; 'gặp' and 'đàm phán' need their other side."""
    if IN_FOCUS_BEFORE.search(sent[:start]) and not INNER_PARTIES_AFTER.match(sent, end):
        return True  # "Tại cuộc gặp, …": the meeting in focus, not a new one (R_INNER_NP: "trong cuộc gặp giữa A và B" is)
    if cls == "Reception" and not (subject or any(m.after_end <= start and HOST_GAP.fullmatch(sent[m.after_end:start]) for m in ms)):
        return True
    if cls == "Reception" and not re.match(r"\s*(?:thân mật|xã giao|riêng)?\s*(?:người đồng cấp|các|Đoàn|đoàn|Đại sứ|Bộ trưởng|Thủ tướng|Chủ tịch|Tổng|Phó|ông|bà|ngài|đồng chí|[A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ])", sent[end:]):
        return True
    # R_MEETING_NO_COUNTERPART: "gặp gỡ một số doanh nghiệp" names no counterpart; "gặp mặt đại biểu Hội …" does
    if cls == "Meeting" and word.lower() in ("gặp", "gặp gỡ", "gặp mặt") and not re.match(r"\s*(?:gỡ\s+)?(?:với\s+)?(?:(?:thân mật\s+)?(?:đại biểu|đại diện|lãnh đạo|đoàn)\s+(?:Hội|Ủy ban|Đoàn|Quốc hội|Bộ|Ban|Tổ chức|Liên)\b|người đồng cấp|các|Đoàn|Đại sứ|Bộ trưởng|Thủ tướng|Chủ tịch|Tổng|Phó|ông|bà|ngài|[A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ])", sent[end:]) \
            and not re.search(r"(?:cuộc|buổi)\s*$", sent[:start]):
        return True
    return cls == "Negotiation" and not re.match(r"\s*(?:cấp cao\s+|song phương\s+)?(?:với|giữa)", sent[end:])


def verb_between(sent: str, a: int, b: int) -> bool:
    """R_PARTY_VERB_BREAK: 'gặp A, chia tay B': after a comma, a lower-case word that is no honorific or link
    opens another verb phrase; B is no counterpart of the first verb."""
    gap = sent[a:b]
    if "," not in gap:
        return False
    tail = gap.rsplit(",", 1)[1]
    words = [w for w in re.findall(r"\w+", tail) if w[0].islower()]
    return any(w not in PARTY_LINK_WORDS for w in words)


def counterparts(sent: str, start: int, end: int, ms: list[Mention], subj: Mention | None, cend: int) -> list[Mention]:
    """R_ALL_PARTIES: the persons after the kind word in its clause, one coordinated list (a name after
    'tại …, bà X' is no party, nor a possessor of another's post), before any 'với sự tham dự của'."""
    wit = WITNESS_CUE.search(sent, end, cend)
    party_end = wit.start() if wit else cend
    objs = [m for m in ms if start < m.start < party_end and not possessor(sent, m, ms)
            and not GOVERNMENT_OF.search(sent, max(0, m.title_start - 24), m.title_start)]  # R_GOVERNMENT_OF
    for idx in range(1, len(objs)):
        prev = objs[idx - 1]
        if PARTY_LIST_BREAK.search(sent, max(prev.end, prev.after_end), objs[idx].title_start) \
                or verb_between(sent, max(prev.end, prev.after_end), objs[idx].title_start):
            objs = objs[:idx]
            break
    if subj is not None and subj in objs:
        objs.remove(subj)
    return objs


def parties_of(ctx: ArticleContext, sent: str, start: int, end: int, ms: list[Mention], subject: Mention | None,
               cend: int) -> tuple[Mention | None, list[Mention], list[Mention], list[str]]:
    """The subject, the counterparts, every party, and parties known only by a title the article gives one person."""
    subj = subject or next((m for m in reversed(ms) if m.end <= start), None)
    if subject is None and subj is not None and re.fullmatch(r"\s*[,;]\s*(?:(?:đã|sẽ|cũng|và)\s+)?", sent[max(subj.end, subj.after_end):start]):
        subj = series_subject(sent, ms, subj) or subj  # R_SHARED_SUBJECT: "X đến chào A, tiếp B": X hosts B
    objs = counterparts(sent, start, end, ms, subj, cend)
    giua_here = re.match(r"\s*(?:\S+\s+){0,3}?giữa\b", sent[end:])
    if giua_here and len(objs) >= 2 and subj is not None and subj.end <= start:
        subj = None  # R_ALL_PARTIES: "cuộc hội đàm giữa A với B": the parties follow "giữa"
    parties = ([subj] if subj else []) + objs  # R_ALL_PARTIES: every counterpart, no cap
    if subj is not None and subj.tok_start < 0:  # R_LEADER_PAIR: "Hai nhà lãnh đạo đã có cuộc gặp …": both
        parties += [q for q in ms if q is not subj and q.start == subj.start and q.tok_start < 0 and q not in parties]
    extra_names: list[str] = []
    if subj is not None and not objs:
        # "A và B (đã) tiến hành hội đàm": both parties stand before the kind word
        before_subj = [m for m in ms if m.end <= subj.title_start]
        if before_subj and re.fullmatch(r"\s*(?:và|cùng|-|–)\s*", sent[before_subj[-1].after_end:subj.title_start]):
            parties.insert(0, before_subj[-1])
        # "sẽ hội đàm với tổng thống Hoa Kỳ": a title the article gives one person
        elif (ref := title_reference(ctx, sent[end:end + 60], "với")) and ref[0] != person_name(ctx, subj):
            extra_names.append(ref[0])
    return subj, objs, parties, extra_names


def name_tail(sent: str, start: int, objs: list[Mention], cend: int) -> str:
    """The words the meeting is named by after its kind word: up to the last counterpart, else the clause's first words."""
    if objs:
        return sent[start:objs[-1].end]
    tail = sent[start:cend]
    tail = re.split(r"[.;]|,(?!\s*(?:Tổng Lãnh sự|Trưởng|Phó|Đại sứ))|\s(?:tại|ở|vào|trong|sau|nhằm|để)\s", tail)[0]
    return " ".join(tail.split()[:14])


def party_name(ctx: ArticleContext, sent: str, start: int, end: int, word: str, subj: Mention | None,
               objs: list[Mention], parties: list[Mention], tail: str) -> str:
    """The name of a bilateral meeting: '<subject with title> <kind …> <object with title>' as written,
    'Cuộc gặp A – B' from the kind and the parties, else the noun phrase."""
    before_kind = re.search(r"(?i)(?:cuộc|buổi)\s*$", sent[:start])
    noun_phrase = re.match(r"(?i)(?:cuộc|buổi)\b", word) or before_kind
    if noun_phrase and before_kind:
        tail = sent[start - len(before_kind.group(0)):start] + tail
    giua = re.match(r"\s*(?:\S+\s+){0,3}giữa\b", sent[end:])
    if subj is not None and subj.end <= start and not giua and (not noun_phrase or not objs):
        first = parties[0] if parties and parties[0] is not subj and parties[0].end <= subj.start else subj
        name = f"{sent[first.title_start:subj.end]} {tail}"
    elif noun_phrase and subj is not None and subj.end <= start and not giua and (sname := person_name(ctx, subj)) and objs:
        # "Tổng thống A có cuộc gặp với B": named from the kind and the parties, "Cuộc gặp A – B"
        kind_phrase = re.match(r"(?i)(?:(?:cuộc|buổi)\s+)?" + re.escape(word), tail)
        names = [sname] + [n for o in objs[:2] if (n := person_name(ctx, o))]
        name = cap(kind_phrase.group(0) if kind_phrase else word) + " " + " – ".join(dict.fromkeys(names))
    else:
        name = cap(tail)
    pnames = list(dict.fromkeys(n for p in parties if (n := person_name(ctx, p))))
    paired = any(pair_member(p, parties) for p in parties)
    if (not objs or paired) and len(pnames) >= 2:  # R_LEADER_PAIR: "hai nhà lãnh đạo" names no meeting
        # no counterpart after the kind word: named from its kind and parties, not from the rest of the clause
        label = (before_kind.group(0).strip() + " " + word) if before_kind else word
        name = cap(label.lower()) + " " + " – ".join(pnames)
    return re.sub(r"\s+(?:đã|vừa|sẽ)\s+", " ", name).strip(" ,")


def inner_parties(sent: str, end: int, subj: Mention | None,
                  objs: list[Mention]) -> tuple[Mention | None, list[Mention], bool] | None:
    """R_INNER_NP: the parties of '… trong cuộc gặp giữa A và B', '… X … trong cuộc gặp với B', '… sau cuộc gặp
    với B, A nói …' (the subject after the comma; the flag says so), or None. The counterparts follow the kind
    word before any comma, are named (a bare title resolves; 'hai nhà lãnh đạo' does not), and end at a comma with more than a list."""
    objs = [m for m in objs if m.tok_start >= 0 or sum(q.start == m.start for q in objs) == 1]  # not "hai nhà lãnh đạo"
    if not objs or "," in sent[end:objs[0].title_start]:
        return None  # "trong các cuộc điện đàm với 3 đồng minh, các bên …": no counterpart in the phrase
    rest: list[Mention] = []
    for idx in range(1, len(objs)):
        gap = sent[max(objs[idx - 1].end, objs[idx - 1].after_end):objs[idx].title_start]
        if "," in gap and not re.fullmatch(r"\s*,\s*", gap):
            objs, rest = objs[:idx], objs[idx:]
            break
    if subj is not None:
        return subj, objs, False
    if re.match(r"\s*(?:\S+\s+){0,3}?giữa\b", sent[end:]):
        return (None, objs, False) if len(objs) >= 2 else None
    last = objs[-1]
    if rest and COMMA_NEXT.fullmatch(sent, max(last.end, last.after_end), rest[0].title_start):
        return rest[0], objs, True
    if len(objs) >= 2 and COMMA_NEXT.fullmatch(sent, max(objs[-2].end, objs[-2].after_end), last.title_start):
        return last, objs[:-1], True  # "sau cuộc gặp với B, A nói" read as one list by counterparts()
    return None


def inner_meeting(ctx: ArticleContext, sent: str, start: int, end: int, word: str, subj: Mention | None,
                  objs: list[Mention]) -> tuple[Mention | None, list[Mention], list[Mention], str | None] | None:
    """R_INNER_NP: subject, counterparts, parties and (when the subject follows the comma) the name built from the
    kind and the parties ('phát biểu sau cuộc gặp với B, A cho biết' → 'Cuộc gặp A – B'), or None."""
    got = inner_parties(sent, end, subj, objs)
    if got is None:
        return None
    subj, objs, subject_after = got
    parties = ([subj] if subj else []) + objs
    if not subject_after:
        return subj, objs, parties, None
    names = dict.fromkeys(n for p in parties if (n := person_name(ctx, p)))
    return subj, objs, parties, parties_label(sent, start, word, names)


def parties_label(sent: str, start: int, word: str, names) -> str:
    """The name of an unnamed meeting: its kind noun and word as written before the parties ('Cuộc gặp A – B')."""
    kind_phrase = re.search(r"(?i)(?:cuộc|buổi)\s*$", sent[:start])
    label = (kind_phrase.group(0).strip() + " " + word) if kind_phrase else word
    return cap(label.lower()) + " " + " – ".join(names)


def bilateral_meeting(ctx: ArticleContext, si: int, sent: str, start: int, end: int, cls: str, word: str,
                      ms: list[Mention], subject: Mention | None, planned: bool) -> tuple[MeetingDraft | None, bool]:
    """R_BILATERAL: a meeting named by its verb and its parties. The flag says the mention is complete
    (a fronted meeting, R_FRONTED_NP, takes no sentence attributes)."""
    if refused_party_mention(sent, start, end, word):
        return None, True
    fronted = FRONTED_NP.search(sent[:start]) and (re.match(r"(?i)cuộc|buổi", word) or cls in ("Talks", "PhoneCall", "CourtesyCall", "Negotiation")
                                                   or re.search(r"(?i)(?:cuộc|buổi)\s+$", sent[:start]))
    if fronted or (word[:1].isupper() and start == len(sent) - len(sent.lstrip())):
        # R_FRONTED_NP: "Tại cuộc gặp Tổng thống X, Chủ tịch nước Y …", "Gặp gỡ Tổng thống X, Y đề nghị …"
        got = fronted_party_meeting(ctx, si, sent, start, end, cls, word, ms)
        if got is not None or fronted:
            return got, True  # a headline "Hội đàm Việt Nam - Lào" without a person goes on as a named meeting
    if lacks_counterpart_cue(sent, start, end, cls, word, ms, subject):
        return None, True
    cend = clause_end(sent, end)
    subj, objs, parties, extra_names = parties_of(ctx, sent, start, end, ms, subject, cend)
    kind_noun = bool(re.search(r"(?:cuộc|buổi)\s*$", sent[:start]))
    if cls in ("Talks", "PhoneCall", "CourtesyCall", "Negotiation") and not objs and len(parties) < 2 \
            and not extra_names and not re.match(r"(?i)cuộc|buổi", word) and not kind_noun and not word[0].isupper():
        return None, True  # talks need a named other party ("đàm phán với Mỹ" names none)
    if not parties and not (kind_noun or word[0].isupper()):
        return None, True
    if not objs and re.search(r"(?i)\bmột\s+(?:(?:cuộc|buổi)\s+)?$", sent[:start]):
        return None, True  # R_INDEFINITE: "nhất trí tổ chức một cuộc gặp cấp thứ trưởng": another, unnamed meeting
    if PLURAL_BEFORE.search(sent, max(0, start - 24), start) \
            and not COUNTERPART_AFTER.match(sent, end):
        return None, True  # R_PLURAL: "nhiều cuộc gặp … sắp tới, ông X …": meetings in general
    inner = bool(IN_FOCUS_BEFORE.search(sent[:start]))  # R_INNER_NP: past lacks_counterpart_cue, "giữa/với" follows
    built_name = None
    if inner:
        inner_got = inner_meeting(ctx, sent, start, end, word, subj, objs)
        if inner_got is None:
            return None, True
        subj, objs, parties, built_name = inner_got
    tail = name_tail(sent, start, objs, cend)
    if not objs and not extra_names and len(parties) < 2 and len(tail.split()) <= len(word.split()):
        return None, True  # "X đã gặp gỡ, nói chuyện …": no one named on the other side, nothing to name it by
    name = built_name or party_name(ctx, sent, start, end, word, subj, objs, parties, tail)
    mt = MeetingDraft(key="", kind=cls, kind_word=word.lower(), name=name, named=bool(re.match(r"[A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ]", word)),
                      sentence_index=si, status="planned" if planned else "held", evidence=sent,
                      rules=[R_INNER_NP] if inner else [R_BILATERAL])
    for p in parties:
        n = person_name(ctx, p)
        if n:
            ctx.add_participant(mt, n, "attendee", sent, mt.rules[0])
    for n in extra_names:
        ctx.add_participant(mt, n, "attendee", sent, mt.rules[0])
    return mt, False
