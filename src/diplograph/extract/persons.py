"""Who is a person in an article: full names, short forms and bare titles resolved within it."""

from __future__ import annotations

import re

from ..facts import Post, Rejection
from ..keys import initial_match
from ..rules import Example, rule
from ..tokens import is_vietnamese_syllable
from ..wordclasses import word_set
from .context import ArticleContext, person_name
from .drafts import Mention
from .names import PATRONYM_LINKS
from .titles import make_post, title_starting_at

R_NO_TITLE = rule(
    "person.refuse.no-title",
    "A name is a person only when a title stands next to it somewhere in the article (or it is a short form of one).",
    [Example("Hợp tác\nÔng Nguyễn Văn Khang cho biết hai bên sẽ hợp tác.", {"kind": "person", "name": "Nguyễn Văn Khang"},
             present=False)])

R_BARE_TITLE_COMPLEMENT = rule(
    "coref.bare-title.complement",
    "A post written whole without a name ('Trưởng ban Đối ngoại Trung ương tiếp …') is the one person of the article "
    "holding that position of that organization.",
    [Example("Trưởng ban Đối ngoại Trung ương tiếp Đại sứ Trung Quốc tại Việt Nam Lý Minh\n"
             "Đại sứ Lý Minh cảm ơn Trưởng Ban Đối ngoại Trung ương Lê Văn Tám.",
             {"kind": "participant", "name": "Lê Văn Tám", "kind_of": "Reception"}),
     Example("Bộ trưởng Ngoại giao Nhật Bản tiếp Đại sứ Việt Nam\nBộ trưởng Ngoại giao Trần Văn Bảo đã điện đàm.",
             {"kind": "participant", "name": "Trần Văn Bảo", "kind_of": "Reception"}, present=False),
     Example("Thăm Mỹ\nTổng thống Hàn Quốc Kim Min-ho bổ nhiệm bà trước khi Tổng thống Kim thực hiện chuyến thăm tới Mỹ để "
             "dự hội nghị thượng đỉnh với Tổng thống John Carter.",
             {"kind": "participant", "name": "John Carter", "kind_of": "Visit"}, present=False)])
R_COUNTERPART_SUBJECT = rule(
    "post.counterpart.untitled-peer",
    "'A gặp … và người đồng cấp <country> B' with A untitled in the sentence: B takes the post the article gives A, of "
    "that country.",
    [Example("Trump tới châu Âu\nTổng thống Mỹ John Carter tới châu Âu dự G20. Sau đó, Carter dự kiến sẽ gặp Chủ tịch Trung "
             "Quốc Lý Minh và người đồng cấp Nga Ivan Petrov.", {"kind": "post", "name": "Ivan Petrov", "title": "Tổng thống Nga"})])
COUNTERPART_BEFORE = re.compile(r"người đồng cấp\s+(?P<c>[^,.;]{2,30}?)\s*(?:(?:ông|bà|ngài)\s+)?$")  # R_COUNTERPART_SUBJECT
R_POST_NAMES_OTHER = rule(
    "post.refuse.other-person-name",
    "A post whose whole complement is another person of the article ('…, Chủ tịch Hun Sen khẳng định' after A's name) "
    "is the next clause's subject, not A's post.",
    [Example("Hội đàm\nChủ tịch nước Lê Văn Tám hội đàm với Chủ tịch Thượng viện Campuchia Samdech Techo Hun Xen. Đáp lại "
             "lời mời thăm Việt Nam của Chủ tịch nước Lê Văn Tám, Chủ tịch Hun Xen khẳng định sẽ sớm thăm Việt Nam.",
             {"kind": "post", "name": "Lê Văn Tám", "title": "Chủ tịch Hun Xen"}, present=False)])
R_LEADER_PAIR = rule(
    "coref.leader-pair",
    "'hai nhà lãnh đạo', 'lãnh đạo hai nước', 'Tổng thống hai nước' are the article's two leaders when exactly two of its "
    "persons hold a head of state's or government's post.",
    [Example("Điện đàm Mỹ - Pháp\nTổng thống Mỹ John Carter và Tổng thống Pháp Paul Durand. Reuters dẫn văn phòng Tổng thống "
             "Paul Durand cho biết về cuộc điện đàm giữa hai lãnh đạo hôm 27/6.",
             {"kind": "participant", "name": "John Carter", "kind_of": "PhoneCall"}),
     Example("Gặp thượng đỉnh\nTổng thống Hàn Quốc Kim Min-ho và người đồng cấp Mỹ John Carter sẽ tìm giải pháp. Dự kiến cuộc "
             "gặp giữa tổng thống hai nước sẽ diễn ra tại Washington.",
             {"kind": "participant", "name": "John Carter", "meeting": "Kim Min-ho"})])
# R_LEADER_PAIR: the two leaders of a bilateral report, and the posts that make a leader
LEADER_PAIR = re.compile(r"(?i)\bhai (?:nhà )?lãnh đạo(?! cấp)\b|\blãnh đạo hai nước\b|\b(?:Tổng thống|Thủ tướng) hai nước\b")
LEADER_POSITIONS = word_set("leader-positions")  # data/word_classes.ttl

R_BARE_TITLE = rule(
    "coref.bare-title",
    "A title without a name ('Thủ tướng', 'Tổng thống Pháp') is the one person of the article holding that post.",
    [Example("Thủ tướng thăm Pháp\nThủ tướng Trần Văn Bảo bắt đầu chuyến thăm chính thức Pháp. "
             "Sáng 5/9, Thủ tướng đã gặp Tổng thư ký OECD Maria Santos.",
             {"kind": "participant", "name": "Trần Văn Bảo", "meeting": "Maria Santos"}),
     Example("Hội đàm\nThủ tướng Trần Văn Bảo hội đàm với Thủ tướng Đức Karl Bauer. Thủ tướng Đức đánh giá cao "
             "kết quả. Sau đó, Thủ tướng Đức đã tiếp Bộ trưởng Lê Văn Tám.",
             {"kind": "participant", "name": "Karl Bauer", "meeting": "Lê Văn Tám"})])

R_PATRONYM_TAIL = rule(
    "person.short-form.not-patronym",
    "A short form that ends a full name only after 'bin'/'ibn' ('Salman' in 'Khalid bin Salman') with posts the full name "
    "never holds in the article ('Quốc vương Salman', 'Thái tử Khalid bin Salman') names the father: its post stays with "
    "its own holder ('Thái tử Salman' beside 'Thái tử Khalid bin Salman' is still him).",
    [Example("Vùng Vịnh\nQuốc vương Salman tiếp khách. Thái tử Khalid bin Salman sẽ thăm Mỹ. Quốc vương Salman cho biết.",
             {"kind": "post", "name": "Khalid bin Salman", "title": "Quốc vương"}, present=False),
     Example("Vùng Vịnh\nQuốc vương Salman tiếp khách. Thái tử Khalid bin Salman sẽ thăm Mỹ. Quốc vương Salman cho biết.",
             {"kind": "post", "name": "Khalid bin Salman", "title": "Thái tử"}),
     Example("Vùng Vịnh\nThái tử Khalid bin Salman thăm Mỹ. Tại Washington, Thái tử Salman đã hội đàm với Tổng thống Mỹ "
             "John Carter.", {"kind": "participant", "name": "Khalid bin Salman", "meeting": "John Carter"})])


R_GLUED_INITIAL = rule(
    "person.name.glued-initial",
    "An initial glued to a surname ('V.Pu-tin', 'H.McMaster') is a full name in one word: it is a person with the post "
    "before it, also a post with lower-case words ('Tổng thống Liên bang Nga V.Pu-tin').",
    [Example("Gặp\nTổng thống Liên bang Nga V.Pê-trốp khẳng định quan hệ hai nước rất tốt.",
             {"kind": "post", "name": "V.Pê-trốp", "title": "Tổng thống Liên bang Nga"})])
GLUED_INITIAL = re.compile(r"^[A-ZĐ]\.[A-ZĐ]\w")  # R_GLUED_INITIAL


def _full_names(ctx: ArticleContext) -> list[str]:
    """The full names of the article in order of first mention."""
    return list(dict.fromkeys(m.name for ms in ctx.mentions for m in ms if not m.short))


def _short_forms(ctx: ArticleContext, order: list[str]) -> None:
    """Short forms to the fuller name (`ctx.canon`): initials ('H.R. McMaster' and 'Herbert Raymond
    McMaster'), and a name that ends the one longer full name ('Kim Ngân'), or, for a foreign single word,
    starts it."""
    initials = {n: f for n in order if re.match(r"(?:\w\.)+ ?\S", n)
                for f in order if f != n and initial_match(n.replace(".", ". ").replace("  ", " "), f)}
    order = [n for n in order if n not in initials]
    ctx.canon.update(initials)
    # full names indexed by their word tails and first word: a short form is looked up, not compared
    # with every name of the article (that loop was quadratic in the names of long articles)
    by_tail: dict[tuple[str, ...], list[int]] = {}
    by_first: dict[str, list[int]] = {}
    patronym_tails: set[tuple[tuple[str, ...], str]] = set()  # R_PATRONYM_TAIL: tails that follow "bin"
    for pos, f in enumerate(order):
        fp = f.split()
        for k in range(1, len(fp)):
            if fp[-k - 1] in PATRONYM_LINKS:
                patronym_tails.add((tuple(fp[-k:]), f))
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
            ctx.canon[name] = t
    shorts = [m for ms in ctx.mentions for m in ms if m.short]
    father = _fathers(ctx, shorts, patronym_tails) if patronym_tails else set()
    for m in shorts:
        t = target(m.name)
        if t and (tuple(m.name.split()), t) not in father:
            ctx.canon[m.name] = t


def _fathers(ctx: ArticleContext, shorts: list[Mention], tails: set[tuple[tuple[str, ...], str]]) -> set:
    """R_PATRONYM_TAIL: the (short form, full name) pairs where the short form is the name after 'bin' and every
    post written with the short form ('Quốc vương Salman') is one the full name ('Thái tử X bin Salman') never holds
    in the article: the father, another person."""
    held: dict[str, set[str]] = {}
    for ms in ctx.mentions:
        for m in ms:
            if not m.short and m.posts:
                held.setdefault(m.name, set()).update(p.position.casefold() for p in m.posts)
    own: dict[tuple[str, ...], set[str]] = {}
    for m in shorts:
        if m.posts:
            own.setdefault(tuple(m.name.split()), set()).update(p.position.casefold() for p in m.posts)
    return {(tail, full) for tail, full in tails if own.get(tail) and not own[tail] & held.get(full, set())}


R_PAREN_ORIGINAL = rule(
    "person.name.original-in-parentheses",
    "A full name in parentheses right after a full name ('Vla-đi-mia Pu-tin (Vladimir Putin)') is the same person "
    "written in its original spelling: one person, the parenthesised form an alias.",
    [Example("Hội đàm\nTổng thống Nga Ê-gô Pê-trốp (Egor Petrov) và người đồng cấp Mỹ Giôn Các-tơ (John Carter) đã hội đàm.",
             {"kind": "participant", "name": "John Carter"}, present=False),
     Example("Hội đàm\nTổng thống Nga Ê-gô Pê-trốp (Egor Petrov) và người đồng cấp Mỹ Giôn Các-tơ (John Carter) đã hội đàm.",
             {"kind": "post", "name": "Giôn Các-tơ", "title": "Tổng thống Mỹ"})])


def _paren_originals(ctx: ArticleContext) -> list[tuple[str, str]]:
    """R_PAREN_ORIGINAL: 'A (B)' with A and B full names: B is A in its original spelling. The mention of B is
    dropped (A's mention reaches over the parenthesis, so meeting names read A as written) and B resolves to A
    (`ctx.canon`), as do short forms that resolved to B. Returns the (alias, name) pairs."""
    found: dict[str, str] = {}
    for si, ms in enumerate(ctx.mentions):
        sent = ctx.sents[si]
        if "(" not in sent:
            continue
        drop = []
        for m1, m2 in zip(ms, ms[1:], strict=False):
            if m1.short or m2.short or m1.tok_start < 0 or m2.tok_start < 0 or m1.name == m2.name or m2.posts:
                continue
            if sent[m1.end:m2.start].strip() == "(" and sent[m2.end:m2.end + 2].strip().startswith(")"):
                found.setdefault(m2.name, ctx.canon.get(m1.name, m1.name))
                m1.after_end = max(m1.after_end, sent.index(")", m2.end) + 1)
                drop.append(m2)
        if drop:
            ms[:] = [m for m in ms if all(m is not d for d in drop)]
    pairs = [(alias, target) for alias, target in found.items() if target not in found]
    for alias, target in pairs:
        ctx.canon[alias] = target
    for k, v in list(ctx.canon.items()):
        if v in found and found[v] not in found:
            ctx.canon[k] = found[v]
    return pairs


def resolve_people(ctx: ArticleContext) -> None:
    """R_NO_TITLE: the persons of the article are the names with a post somewhere (short forms resolved
    to their full name); an unresolved single word only when Latin-script with a title right before it."""
    if not ctx.titled:
        return  # no title anywhere: no mention has a post, so nobody is a person (see context.build_context)
    _short_forms(ctx, _full_names(ctx))
    originals = _paren_originals(ctx)
    for m in (m for ms in ctx.mentions for m in ms):
        name = ctx.canon.get(m.name, m.name)
        if m.short and name == m.name:
            # an unresolved single word: a person only if Latin-script and a title stands right before it
            if is_vietnamese_syllable(m.name) or not m.posts \
                    or (any(loose_title(p) for p in m.posts) and not GLUED_INITIAL.match(m.name)):
                continue  # R_GLUED_INITIAL: "V.Pu-tin" (an initial glued to the surname) is a full name
        ctx.add_posts(name, m.name, m.posts)
    for alias, name in originals:
        ctx.add_posts(name, alias, [])  # R_PAREN_ORIGINAL: the original spelling is an alias
    _counterpart_of_subject(ctx)
    ctx.people = {n: p for n, p in ctx.candidates.items() if p.posts}
    for pf in ctx.people.values():
        pf.posts = merge_posts(pf.posts)
    _drop_posts_naming_others(ctx)
    ctx.people = {n: p for n, p in ctx.people.items() if p.posts}
    if ctx.people:
        bare_title_mentions(ctx)
        leader_pair_mentions(ctx)


def _counterpart_of_subject(ctx: ArticleContext) -> None:
    """R_COUNTERPART_SUBJECT: 'Trump gặp Chủ tịch Tập … và người đồng cấp Nga Putin': a counterpart whose peer is
    written without a title in the sentence takes the post of the sentence's first person, as the article titles
    him ('Tổng thống' → 'Tổng thống Nga'); the sentence-level rule (post.counterpart) leaves such names alone."""
    persons = ctx.candidates
    for si, ms in enumerate(ctx.mentions):
        sent = ctx.sents[si]
        if "đồng cấp" not in sent:
            continue
        for idx, m in enumerate(ms):
            if m.posts or m.short or ctx.canon.get(m.name, m.name) in persons:
                continue
            cm = COUNTERPART_BEFORE.search(sent, max(0, m.start - 60), m.start)
            countries = [e for _, _, e in ctx.lex.find(cm.group("c")) if e.kind == "country"] if cm else []
            country = countries[-1] if countries else None  # the country nearest the name ("… Mỹ X và Nhật Bản Y")
            subj = next((x for x in ms[:idx] if (pf := persons.get(ctx.canon.get(x.name, x.name))) is not None
                         and pf.posts), None)
            if country is None or subj is None:
                continue
            head = persons[ctx.canon.get(subj.name, subj.name)].posts[0]
            ctx.add_posts(m.name, m.name, [Post(f"{head.position} {country.label_vi}", head.position, country.label_vi,
                                                None, sent, R_COUNTERPART_SUBJECT)])


def _drop_posts_naming_others(ctx: ArticleContext) -> None:
    """R_POST_NAMES_OTHER: a post whose whole complement is another person of the article ('…của Chủ tịch nước A,
    Chủ tịch Hun Sen khẳng định': A is no 'Chủ tịch Hun Sen') is the next clause's subject, not A's post."""
    persons = ctx.candidates
    others = {n: n for n in persons} | {a: t for a, t in ctx.canon.items() if t in persons}
    for n, pf in ctx.people.items():
        kept = []
        for p in pf.posts:
            rest = p.title[len(p.position):].strip() if p.title.casefold().startswith(p.position.casefold()) else ""
            if rest and others.get(rest, n) != n:
                continue
            kept.append(p)
        pf.posts = kept


def leader_pair_mentions(ctx: ArticleContext) -> None:
    """R_LEADER_PAIR: 'hai nhà lãnh đạo', 'hai lãnh đạo', 'lãnh đạo hai nước' are the article's two leaders when
    exactly two of its persons hold a head of state's or government's post: one mention of each where the
    phrase stands."""
    leaders = [n for n, pf in ctx.people.items() if any(p.position.casefold() in LEADER_POSITIONS for p in pf.posts)]
    if len(leaders) != 2:
        return
    for si, sent in enumerate(ctx.sents):
        ms = ctx.mentions[si]
        for lm in LEADER_PAIR.finditer(sent):
            if any(m.title_start <= lm.start() < max(m.end, m.after_end) for m in ms):
                continue
            for n in leaders:
                ms.append(Mention(name=n, start=lm.start(), end=lm.end(), tok_start=-1, tok_end=-1, posts=[],
                                  short=False, title_start=lm.start(), after_end=lm.end()))
            ms.sort(key=lambda m: m.start)


def pair_member(m: Mention, ms: list[Mention]) -> bool:
    """R_LEADER_PAIR: is `m` one of the two mentions a leader pair made ('lãnh đạo hai nước')?"""
    return m.tok_start < 0 and sum(q.start == m.start for q in ms) > 1


def bare_title_mentions(ctx: ArticleContext) -> None:
    """R_BARE_TITLE: a title with no name after it refers to the article's one holder of that post.

    The mention it makes stands where the title stands, so the meeting and role rules read it like a
    named one ("Thủ tướng đã gặp …", "Thủ tướng và Tổng thống Pháp X đã hội đàm")."""
    mentions = ctx.mentions
    for si, sent in enumerate(ctx.sents):
        if not ctx.analyses[si].titled:
            continue
        ms = mentions[si]
        taken = [(m.title_start, max(m.end, m.after_end)) for m in ms if person_name(ctx, m) or not m.short]
        found = ctx.analyses[si].found
        added = []
        for tm in ctx.analyses[si].title_matches:
            s0, e0 = tm.span()
            if any(a <= s0 < b for a, b in taken) or any(a <= s0 < b for a, b, _ in found):
                continue
            before = sent[max(0, s0 - 12):s0].lower()
            if re.search(r"(?:^|\s)(?:hai|2)\s+$", before):
                head = ctx.lex.titles.get(tm.group(0))
                pair = [n for n, pf in ctx.people.items() if head is not None and any(p.position == head.label for p in pf.posts)]
                if len(pair) == 2:  # R_BARE_TITLE_PAIR: "hai Thủ tướng" are the article's two prime ministers
                    for n in pair:
                        added.append(Mention(name=n, start=s0, end=e0, tok_start=-1, tok_end=-1, posts=[], short=False,
                                             title_start=s0, after_end=e0))
                continue
            if re.search(r"(?:các|những|ba|cựu|nguyên|vị|người|tân|quyền|phó|trợ lý|chức|cương vị|làm|thành|của)\s*$", before):
                continue  # plural, former, or an office spoken of ("nhậm chức Tổng thống")
            if re.match(r"\s+(?:hai|2|ba|các)\s+(?:nước|bên|quốc gia)\b", sent[e0:]):
                continue  # R_LEADER_PAIR: "tổng thống hai nước" is both leaders, not one holder
            head = ctx.lex.titles.get(tm.group(0))
            if head is None or head.kind == "nopost":
                continue
            country, end = _country_after(ctx, sent, e0)
            nxt = re.match(r"\s*(\S)", sent[end:])
            if nxt and nxt.group(1)[0].isupper():
                got = bare_title_complement(ctx, si, s0, ms) if country is None else None
                if got is not None:  # R_BARE_TITLE_COMPLEMENT: "Trưởng ban Đối ngoại Trung ương tiếp …"
                    added.append(Mention(name=got[0], start=s0, end=got[1], tok_start=-1, tok_end=-1, posts=[],
                                         short=False, title_start=s0, after_end=got[1]))
                continue  # else a name follows that the name rules did not take: leave it alone
            holder = post_holder(ctx, head.label, country)
            if holder is None:
                continue
            added.append(Mention(name=holder, start=s0, end=end, tok_start=-1, tok_end=-1, posts=[], short=False,
                                 title_start=s0, after_end=end))
        if added:
            ms.extend(added)
            ms.sort(key=lambda m: m.start)

def _country_after(ctx: ArticleContext, sent: str, e0: int) -> tuple[str | None, int]:
    """The country right after a bare title ending at e0 ('Thủ tướng Nhật Bản'), and where it ends."""
    cm = re.match(r"\s+([^\s,.;:]+(?:\s+[^\s,.;:]+){0,3})", sent[e0:])
    if cm:
        hit = next(((a, b, e) for a, b, e in ctx.lex.find(cm.group(1)) if a == 0 and e.kind in ("country",)), None)
        if hit is not None:
            return hit[2].label_vi, e0 + cm.start(1) + hit[1]
    return None, e0


def bare_title_complement(ctx: ArticleContext, si: int, s0: int, ms: list[Mention]) -> tuple[str, int] | None:
    """R_BARE_TITLE_COMPLEMENT: a post written whole without a name ('Trưởng ban Đối ngoại Trung ương tiếp …',
    'Thủ tướng Chính phủ hội đàm …') is the one person of the article holding that post: the same position of
    the same organization (or of none, for a post at home), and no name right after the complement. Returns
    the holder and where the post ends."""
    an = ctx.analyses[si]
    tok = next((k for k, t in enumerate(an.toks) if t.start == s0), None)
    if tok is None:
        return None
    found = title_starting_at(an, tok)
    if found is None or found[1] <= found[2].tok_end:
        return None
    a, b, span = found
    first = an.toks[span.tok_end].text if span.tok_end < len(an.toks) else ""
    if any(first in n.split() for n in ctx.people):
        return None  # "Tổng thống Kim thực hiện …": a short form of a person's name, no complement of the post
    if b >= len(an.toks) or not an.toks[b].text[:1].islower() or any(m.tok_start == b for m in ms) \
            or an.toks[b].text.lower() in ("từ", "các", "của", "nhiều", "hai", "ba", "và"):
        return None  # a name, more capitals or punctuation follow: not a bare post standing as a subject or object
    post = make_post(an, a, b, span, ctx.sents[si])
    if post is None:
        return None
    end = an.toks[b - 1].end
    exact = [n for n, pf in ctx.people.items() if any(p.title.casefold() == post.title.casefold() for p in pf.posts)]
    if len(exact) == 1:
        return exact[0], end
    holders = _holders_of(ctx, post)
    return (holders[0], end) if holders is not None and len(holders) == 1 else None


def _holders_of(ctx: ArticleContext, post: Post) -> list[str] | None:
    """R_BARE_TITLE_COMPLEMENT: the persons of the article holding the position of `post` in its organization
    (of none: at home); None for a foreign post named only by its country (R_BARE_TITLE's look-up decides)."""
    if post.organization is None:
        if any(e.kind == "country" and e.label_vi != "Việt Nam" for _, _, e in ctx.lex.find(post.title)):
            return None
        return [n for n, pf in ctx.people.items()
                if any(p.position.casefold() == post.position.casefold() and p.qualifier == post.qualifier
                       and (p.organization is None or not foreign(ctx, p.organization))
                       and post.title.casefold().startswith(p.title.casefold()) for p in pf.posts)]
    org = post.organization
    abroad = foreign(ctx, org)
    return [n for n, pf in ctx.people.items()
            if any(p.position.casefold() == post.position.casefold() and p.qualifier == post.qualifier
                   and ((p.organization or "").casefold() == org.casefold() or (p.organization is None and not abroad))
                   for p in pf.posts)]


def post_holder(ctx: ArticleContext, position: str, country: str | None) -> str | None:
    """The one person of the article holding a post (of that country, or at home when none is named)."""
    cands = [n for n, pf in ctx.people.items() if any(p.position == position for p in pf.posts)]
    if country is not None:
        cands = [n for n in cands if any(p.position == position and p.organization and country in p.organization
                                         for p in ctx.people[n].posts)]
    elif len(cands) > 1:
        home = [n for n in cands if any(p.position == position and (p.organization is None or "Việt Nam" in p.organization
                                                                     or not foreign(ctx, p.organization))
                                        for p in ctx.people[n].posts)]
        cands = home
    return cands[0] if len(cands) == 1 else None

def foreign(ctx: ArticleContext, org: str) -> bool:
    e = ctx.lex.lookup(org)
    return e is not None and e.kind == "country" and e.label_vi != "Việt Nam" or any(
        e.kind == "country" and e.label_vi != "Việt Nam" for _, _, e in ctx.lex.find(org))

def loose_title(p: Post) -> bool:
    rest = p.title[len(p.position):] if p.title.lower().startswith(p.position.lower()) else p.title
    return any(w[:1].islower() for w in rest.split())

def merge_posts(posts: list[Post]) -> list[Post]:
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

def principal(ctx: ArticleContext, exclude: str | None = None) -> str | None:
    """The article's principal: the first person named in its headline, else the first person of the article."""
    first_sentence = [m for m in ctx.mentions[0] if person_name(ctx, m)] if ctx.sents else []
    for m in first_sentence:
        n = person_name(ctx, m)
        if n != exclude:
            return n
    return next((n for n in ctx.people if n != exclude), None)

def title_reference(ctx: ArticleContext, text: str, link: str = "của") -> tuple[str, str] | None:
    """'chuyến thăm … của Thủ tướng Việt Nam': a title without a name that only one person of the article
    holds; that person and the title as read (head and country)."""
    m = re.match(r"[^,.;]{0,40}?\b" + link + r"\s+((?:[A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ][\w]*|[a-zđ]\w*)(?:\s+[\wĐđ-]+){0,7})", text)
    if not m:
        return None
    phrase = m.group(1)
    head = ctx.lex.title_matcher().match(phrase)
    if not head:
        return None
    position = ctx.lex.titles[re.sub(r"\s+", " ", head.group(0)).casefold()].label
    rest = re.sub(r"^(?:Cộng hòa|Cộng hoà|nước|Vương quốc|Liên bang|Nhà nước)\s+", "", phrase[head.end():].strip())
    country = next((e for s0, e0, e in ctx.lex.find(rest) if e.kind in ("country", "org") and s0 == 0), None)
    if rest and country is None:
        return None
    holders = [n for n, pf in ctx.people.items()
               if any(p.position == position and (country is None or p.organization in (None, country.label_vi))
                      for p in pf.posts)
               and not (country is not None and any(p.position == position and p.organization not in (None, country.label_vi)
                                                    for p in pf.posts))]
    if len(holders) != 1:
        return None
    return holders[0], (head.group(0) + (" " + country.label_vi if country else "")).strip()

def rejections(ctx: ArticleContext) -> list[Rejection]:
    """Names refused as persons: capitals no name rule accepts, and names that never stand next to a title."""
    out: list[Rejection] = []
    seen: set[str] = set()
    for si, an in enumerate(ctx.analyses):
        sent = ctx.sents[si]
        for a, b, rid in getattr(an, "refused", ()) or ():
            text = sent[a:b]
            if text not in seen:
                seen.add(text)
                out.append(Rejection(text, rid, sent))
        for m in ctx.mentions[si]:
            name = ctx.canon.get(m.name, m.name)
            if name not in ctx.people and m.name not in seen:
                seen.add(m.name)
                out.append(Rejection(m.name, R_NO_TITLE, sent))
    return out
