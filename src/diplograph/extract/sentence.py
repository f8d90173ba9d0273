"""People and their posts: title chains before a name, titles after a comma or dash, group lists.

A person is an office holder only when a title stands next to the name somewhere in the article;
bare capitalised words are never enough (places, outlets and missiles look like names too).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..facts import Post
from ..lexicon import Entry, Lexicon, fold
from ..rules import Example, rule
from ..tokens import (
    BREAKERS,
    HONORIFICS,
    INNER_LINKS,
    STRONG_BREAKERS,
    TITLE_INNER,
    Token,
    is_vietnamese_syllable,
    tokenize,
)
from ..wordclasses import meanings, word_set, words
from .names import EPONYM_HEADS, MINISTRY_FIELDS, given_name_word, name_runs, run_candidate
from .prefilter import no_name_outside, quick_names

QUALIFIERS = meanings("qualifiers")  # data/word_classes.ttl
ORG_HEADS = words("organization-heads")  # data/word_classes.ttl


# Words before a post that make it part of another post ("Trợ lý Bộ trưởng", "Phó Tổng Tham mưu trưởng").
POST_MODIFIERS = meanings("post-modifiers")  # data/word_classes.ttl
# Lower-case words that lead a place inside a complement ("Trưởng Đoàn đại biểu Quốc hội thành phố Cần Thơ").
PLACE_LEADS = word_set("place-leads")  # data/word_classes.ttl

R_TITLE = rule(
    "post.title-next-to-name",
    "A post is a title head from the lexicon with its complement, right before the name or after it past a comma or dash.",
    [Example("Tiếp\nChiều 4/5, Bộ trưởng Bộ Ngoại giao Lê Văn Tám đã tiếp Đại sứ Nhật Bản Kenji Ono.",
             {"kind": "post", "name": "Lê Văn Tám", "title": "Bộ trưởng Bộ Ngoại giao"}),
     Example("Tiếp\nChiều 4/5, ông Lê Văn Tám, Thứ trưởng Bộ Ngoại giao, đã tiếp Đại sứ Nhật Bản Kenji Ono.",
             {"kind": "post", "name": "Lê Văn Tám", "title": "Thứ trưởng Bộ Ngoại giao"})])
R_COMPOUND = rule(
    "post.refuse.compound",
    "A title word inside a compound (Đại sứ quán, chính quyền Tổng thống) is no post or qualifier.",
    [Example("Thăm đại sứ quán\nChủ tịch Quốc hội Trần Văn Bảo thăm Đại sứ Quán Việt Nam tại Pháp.",
             {"kind": "person", "name": "Quán Việt Nam"}, present=False)])
R_POST_AFTER_FORMS = rule(
    "post.after-name.forms",
    "A post after the name in parentheses ('A (Tổng Thư ký Ủy ban X)') or after 'được bầu làm', 'được bổ nhiệm làm'.",
    [Example("Dẫn đầu đoàn\nThứ trưởng Bộ Tài chính Lê Văn Khang (Tổng Thư ký Ủy ban Quốc gia APEC) dẫn đầu đoàn.",
             {"kind": "post", "name": "Lê Văn Khang", "title": "Tổng Thư ký Ủy ban Quốc gia APEC"}),
     Example("Điện mừng\nNhân dịp ông Omar Nabil được bầu làm Thủ tướng Ai Cập, Chủ tịch nước Lê Văn Khang đã gửi điện mừng.",
             {"kind": "post", "name": "Omar Nabil", "title": "Thủ tướng Ai Cập"})])
R_TITLE_DASH = rule(
    "post.title-dash-name",
    "A post, a dash, then the name: 'Bộ trưởng Bộ Tư pháp - Đỗ Văn A'.",
    [Example("Phát biểu\nBộ trưởng Bộ Tư pháp - Đỗ Văn Khang phát biểu bế mạc hội nghị.",
             {"kind": "post", "name": "Đỗ Văn Khang", "title": "Bộ trưởng Bộ Tư pháp"})])
R_MODIFIER = rule(
    "post.compose.modifier",
    "A modifier before a post (Phó, Trợ lý, Thư ký) composes a new post with it.",
    [Example("Phát biểu\nTrợ lý Bộ trưởng Bộ Công Thương Cao Văn Hào phát biểu.",
             {"kind": "post", "name": "Cao Văn Hào", "title": "Trợ lý Bộ trưởng Bộ Công Thương"})])
R_LOWER_COMPLEMENT = rule(
    "post.complement.lower-case",
    "An organization's lower-case field (Sở kế hoạch và đầu tư) or a place lead (thành phố X) stays in the post.",
    [Example("Phát biểu\nGiám đốc Sở kế hoạch và đầu tư Mai Văn Tân phát biểu.",
             {"kind": "post", "name": "Mai Văn Tân", "title": "Giám đốc Sở kế hoạch và đầu tư"})])


ORG_FIRST_WORDS = word_set("organization-first-words")  # data/word_classes.ttl


# Words after which a title is an office being taken or given, not the next name's post.
TAKES_OFFICE = word_set("takes-office")  # data/word_classes.ttl


@dataclass
class Mention:
    name: str
    start: int  # char offsets in the sentence
    end: int
    tok_start: int
    tok_end: int  # exclusive
    posts: list[Post] = field(default_factory=list)
    short: bool = False  # a single word: a short form to resolve against full names
    title_start: int = -1  # char offset where the title chain before the name starts (or the name itself)
    after_end: int = -1  # char offset where the titles after the name end (or the name's end)


@dataclass
class _TitleSpan:
    tok_start: int
    tok_end: int  # exclusive
    head: str
    kind: str


class SentenceAnalysis:
    """Token-level view of one sentence: titles, gazetteer spans, name runs."""

    def __init__(self, sentence: str, lex: Lexicon, defer: bool = False):
        """`defer`: leave the token-level analysis until something asks for it (see `__getattr__`)."""
        self.text = sentence
        self.lex = lex
        self.found = lex.find(sentence)  # gazetteer matches, kept for the article-level rules
        self.low = fold(sentence)  # shared with the meeting finders (extract.py)
        title_matches = list(lex.title_matcher().finditer(sentence, self.low))
        self.titled = bool(title_matches)  # a title stands in the sentence (posts can only come from one)
        self.title_matches = title_matches  # kept for the article-level rules (bare titles, coreference)
        self._quick: list[Token] | None = None
        if not self.found and not title_matches:
            self._quick = quick_names(sentence, lex)
            if self._quick is not None:
                # tokens are made on first use (see __getattr__), which for most such sentences is never
                self._empty()
                if self._quick and not is_vietnamese_syllable(self._quick[0].text):
                    self.name_tokens.add(0)
                return
        elif no_name_outside(sentence, self.found, title_matches, lex):
            # every capital stands in a title or a place/organization that `clean_run` strips: no name,
            # so no mention, whatever the titles (a title with no name makes no post)
            self._quick = []
            self._empty()
            return
        if defer:
            self._pending = title_matches
            return
        self._analyze(title_matches)

    def _empty(self) -> None:
        self._paren_abbr: set[int] = set()
        self.gaz: dict[int, tuple[int, Entry]] = {}  # token start index -> (token end exclusive, entry)
        self.gaz_cover: dict[int, Entry] = {}
        self.titles: list[_TitleSpan] = []
        self.title_cover: dict[int, _TitleSpan] = {}
        self.name_tokens: set[int] = set()
        self._candidates: list[tuple[int, int]] = []

    def _analyze(self, title_matches: list[re.Match]) -> None:
        """Tokens, gazetteer and title spans in tokens, and the name candidates."""
        self._empty()
        lex, sentence = self.lex, self.text
        self.toks = tokenize(sentence)
        # a parenthesised abbreviation may stand inside a post's complement: "đại sứ Mỹ tại Trung Quốc (TQ) Terry Branstad"
        toks = self.toks
        self._paren_abbr = {x for k in range(len(toks) - 2) if toks[k].text == "(" and toks[k + 2].text == ")"
                            and toks[k + 1].text.isupper() for x in (k, k + 1, k + 2)} if "(" in sentence else set()
        if self.found or title_matches:
            starts = {t.start: i for i, t in enumerate(self.toks)}
            ends = {t.end: i for i, t in enumerate(self.toks)}
        for s, e, entry in self.found:
            if s in starts and e in ends:
                i, j = starts[s], ends[e] + 1
                self.gaz[i] = (j, entry)
                for k in range(i, j):
                    self.gaz_cover[k] = entry
        for m in title_matches:
            if m.start() not in starts:
                continue
            i = starts[m.start()]
            j = i
            while j < len(self.toks) and self.toks[j].end <= m.end():
                j += 1
            head = lex.titles[m.group(0)]
            if i in self.gaz_cover and i not in self.gaz:
                continue  # "Chủ tịch nước" inside "Văn phòng Chủ tịch nước", "Quốc Vương" inside "Trung Quốc Vương Nghị"
            if j < len(self.toks) and ((self.toks[j].text.lower() == "quán" and head.label.lower().endswith(("sứ", "sự")))
                                       or (self.toks[j].text.lower() == "quốc" and head.label.lower().endswith("vương"))):
                continue  # R_COMPOUND: "Đại sứ Quán Việt Nam" is the embassy, "Tiểu vương quốc" an emirate
            span = _TitleSpan(i, j, head.label, head.kind)
            self.titles.append(span)
            for k in range(i, j):
                self.title_cover[k] = span
        self.refused: list[tuple[int, int, str]] = []  # (start, end, rule id) of runs refused as names
        for a, b in name_runs(self):
            cleaned, why = run_candidate(self, a, b)
            if cleaned is None:
                if why is not None:
                    self.refused.append((self.toks[a].start, self.toks[given_name_word(self, a, b) - 1].end, why))
                continue
            a, b = cleaned
            self._candidates.append((a, b))
            if not (b - a == 1 and is_vietnamese_syllable(self.toks[a].text)):
                self.name_tokens.update(range(a, b))

    def __getattr__(self, name: str):
        # only called when normal lookup fails: the analysis of a deferred sentence, or `toks` of a
        # sentence that took the fast path
        pending = self.__dict__.pop("_pending", None)
        if pending is not None:
            self._analyze(pending)
            return getattr(self, name)
        if name == "toks":
            self.toks = tokenize(self.text)
            return self.toks
        raise AttributeError(name)

    # -------------------------------------------------------------- names


    # -------------------------------------------------------------- titles
    def _lower_word_ok(self, k: int, b: int, org_open: bool, lower_run: int) -> bool | None:
        """A lower-case word k of a title's complement: it may stand there (True), ends it (False), or
        goes on an organization's lower-case field (None: counted in `lower_run`)."""
        w = self.toks[k].text
        lw = w.lower()
        if lw in PLACE_LEADS and k + 1 < b:
            return True  # R_LOWER_COMPLEMENT: "thành phố Cần Thơ"
        if org_open and lw not in STRONG_BREAKERS and lw not in BREAKERS and not w.isdigit() and lower_run < 5:
            return None  # R_LOWER_COMPLEMENT: "Sở kế hoạch và đầu tư" (at most five words after the head)
        prev = self.toks[k - 1] if k > 0 else None
        prev_cap = prev is not None and prev.text[0].isupper()
        if lw in STRONG_BREAKERS or (lw in BREAKERS and lw not in INNER_LINKS and not prev_cap):
            return False
        return lw in TITLE_INNER or prev_cap

    def _gap_ok(self, a: int, b: int) -> bool:
        """Can tokens a..b-1 stand between a title head and the name (the title's complement)?"""
        if b - a > 14:
            return False
        if b > a and self.toks[b - 1].text.lower() in ("của", "tại", "và", "về", "người", "cấp"):
            return False  # a dangling link word: the title continues into something that is not there
        org_open = False
        lower_run = 0
        for k in range(a, b):
            t = self.toks[k]
            w = t.text
            if k in self._paren_abbr:
                continue
            if k in self.name_tokens:
                return False  # another person stands between
            if w.lower() == "này" and k > a and self.toks[k - 1].text.lower() == "nước":
                continue  # "Tổng thống nước này Moon Jae-in"
            if not t.is_word:
                if w in "-–" and a < k < b - 1 or (w in "-–" and k == b - 1 and k > a):
                    continue  # R_TITLE_DASH: "Bộ trưởng Bộ Tư pháp - Đỗ Văn A"
                return False
            if w[0].isupper() or w.isupper():
                org_open = w in ORG_FIRST_WORDS
                lower_run = 0
                continue
            if k in self.gaz_cover:
                continue  # inside a place or organization ("Cộng hòa xã hội chủ nghĩa Việt Nam")
            ok = self._lower_word_ok(k, b, org_open, lower_run)
            if ok is None:
                lower_run += 1
            elif not ok:
                return False
        return True

    def _qualify(self, start: int) -> tuple[int, str | None]:
        """Extend a title to the left over 'Quyền', 'cựu', 'ứng cử viên'."""
        toks = self.toks
        if start >= 2 and toks[start - 1].text.lower() == "quyền" and toks[start - 2].text.lower() == "chính":
            return start, None  # R_COMPOUND: "chính quyền Tổng thống Trump" is no acting president
        if start >= 3 and " ".join(t.text.lower() for t in toks[start - 3:start]) in QUALIFIERS:
            return start - 3, QUALIFIERS[" ".join(t.text.lower() for t in toks[start - 3:start])]
        if start >= 2 and " ".join(t.text.lower() for t in toks[start - 2:start]) in QUALIFIERS:
            return start - 2, QUALIFIERS[" ".join(t.text.lower() for t in toks[start - 2:start])]
        if start >= 1 and toks[start - 1].text.lower() in QUALIFIERS:
            return start - 1, QUALIFIERS[toks[start - 1].text.lower()]
        return start, None

    def title_ending_at(self, j: int) -> tuple[int, int, _TitleSpan] | None:
        """The title whose complement ends at token j (inclusive): nearest head with a clean gap."""
        best = None
        for span in self.titles:
            if span.tok_end - 1 <= j and (best is None or span.tok_end > best.tok_end):
                if self._gap_ok(span.tok_end, j + 1):
                    best = span
        if best is None:
            return None
        # a nearer head with a bad gap means the nearer clause is not a title: keep best only if no head sits in its gap
        return best.tok_start, j + 1, best

    def title_starting_at(self, i: int) -> tuple[int, int, _TitleSpan] | None:
        """A title that starts at token i and runs forward (titles after a name)."""
        start, _ = self._qualify_forward(i)
        span = self.title_cover.get(start)
        if span is None or span.tok_start != start:
            return None
        j = span.tok_end
        k = j
        lower_run = 0
        while k < len(self.toks) and k - j < 10:
            t = self.toks[k]
            w = t.text
            if not t.is_word:
                if w in "-–" and k + 1 < len(self.toks) and self.toks[k + 1].is_cap and self.toks[k - 1].is_cap:
                    k += 1
                    continue
                break
            if k in self.title_cover or k in self.name_tokens:
                break
            if w[0].isupper():
                if self._looks_like_person_start(k):
                    break
                lower_run = 0
                k += 1
                continue
            lw = w.lower()
            if lw in STRONG_BREAKERS or (lw in BREAKERS and lw not in INNER_LINKS):
                break
            if lw in TITLE_INNER:
                k += 1
                continue
            if k >= 2 and f"{self.toks[k - 2].text.lower()} {self.toks[k - 1].text.lower()}" == "phụ trách":
                lower_run = -3  # "phụ trách các vấn đề Đông Á": what the post is in charge of belongs to it
                k += 1
                continue
            lower_run += 1
            if lower_run > 2 or not self.toks[k - 1].text[0].isupper():
                break
            k += 1
        while k > j and self.toks[k - 1].text.lower() in ("tại", "của", "và", "về", "người", "cấp", "kiêm", "phụ trách"):
            k -= 1
        return i, k, span

    def _qualify_forward(self, i: int) -> tuple[int, str | None]:
        toks = self.toks
        for n in (3, 2, 1):
            if i + n <= len(toks) and " ".join(t.text.lower() for t in toks[i:i + n]) in QUALIFIERS:
                return i + n, QUALIFIERS[" ".join(t.text.lower() for t in toks[i:i + n])]
        return i, None

    def _looks_like_person_start(self, k: int) -> bool:
        if k > 0 and (self.toks[k - 1].text in EPONYM_HEADS
                      or (k > 1 and f"{self.toks[k - 2].text} {self.toks[k - 1].text}" in EPONYM_HEADS)):
            return False  # R_EPONYM: "Trường Đại học Tôn Đức Thắng" goes on as the post's organization
        words: list[str] = []
        while k < len(self.toks) and self.toks[k].is_cap and k not in self.gaz_cover and len(words) < 4:
            words.append(self.toks[k].text)
            k += 1
        return len(words) >= 2 and words[0] in self.lex.surnames and all(is_vietnamese_syllable(w) for w in words)

    def _modifier(self, a: int) -> tuple[int, str | None]:
        """R_MODIFIER: 'Trợ lý', 'Phó' right before a post compose a post with it."""
        toks = self.toks
        for n in (3, 2, 1):
            if a >= n:
                words = " ".join(t.text.lower() for t in toks[a - n:a])
                if words in POST_MODIFIERS:
                    return a - n, POST_MODIFIERS[words]
        return a, None

    def make_post(self, a: int, b: int, span: _TitleSpan, evidence: str) -> Post | None:
        if span.kind == "nopost":
            return None
        position = span.head
        if a == span.tok_start:
            a2, mod = self._modifier(a)
            if mod is not None:
                a, position = a2, f"{mod} {span.head}"
        start, qualifier = self._qualify(a)
        title = self.text[self.toks[start].start:self.toks[b - 1].end].strip(" ,-–")
        title = re.sub(r"\s+", " ", title)
        if qualifier is None:
            _, qualifier = self._qualify_forward(a)
        complement = self.text[self.toks[span.tok_end].start:self.toks[b - 1].end] if b > span.tok_end else ""
        org = self.organization_of(span.head, complement)
        rule_id = R_MODIFIER if position != span.head else R_TITLE
        return Post(title=title, position=position, organization=org, qualifier=qualifier, evidence=evidence, rule=rule_id)

    def organization_of(self, head: str, complement: str) -> str | None:
        """The organization a post belongs to, from the words after the title head."""
        complement = re.sub(r"\s+", " ", complement).strip()
        # the head may carry its organization ("Chủ tịch Quốc hội", "Ủy viên Bộ Chính trị")
        for org_word in ("Quốc hội", "Bộ Chính trị", "Trung ương Đảng", "Ban Bí thư"):
            if org_word in head and not complement:
                known = self.lex.lookup(org_word)
                return known.label_vi if known else org_word
        complement = re.sub(r"^(?:(?:thường trực|Thường trực|thứ nhất|thứ hai|đặc mệnh toàn quyền|phụ trách|cấp cao)\s*)+", "", complement)
        if not complement:
            return None
        matches = self.lex.find(complement)
        country = next((ent for _, _, ent in matches if ent.kind == "country"), None)
        country_label = country.label_vi if country and country.label_vi != "Việt Nam" else None
        for fieldname in MINISTRY_FIELDS:
            if complement == fieldname or complement.startswith(fieldname + " ") or complement.startswith(fieldname + " và"):
                if fieldname == "Ngoại giao" and re.match(r"Ngoại giao và [A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ]", complement):
                    base = "Bộ " + complement.split(" " + country.label_vi)[0] if country else "Bộ " + complement
                    return base if not country_label else f"{base} {country_label}"
                base = "Bộ " + fieldname
                return f"{base} {country_label}" if country_label else base
        for s, stop, entry in matches:
            if entry.kind in ("org",):
                rest = complement[stop:].strip()
                if country is not None and country_label and rest.startswith(country.label_vi) and entry.label_vi in ("Quốc hội", "Chính phủ", "Bộ Ngoại giao", "Bộ Quốc phòng"):
                    return f"{entry.label_vi} {country_label}"
                if s == 0:
                    return entry.label_vi
        if complement.startswith(ORG_HEADS):
            org = complement
            if country:
                org = org.split(" tại ")[0]
            org = re.split(r" (?:tại|của) ", org)[0].strip()
            return org
        if country is not None:
            return country.label_vi
        return None

    # -------------------------------------------------------------- people
    def mentions(self) -> list[Mention]:
        if self._quick is not None:
            # a lone first word (see `_quick_names`): no title anywhere, so no post; a one-word short form
            return [Mention(name=t.text, start=t.start, end=t.end, tok_start=0, tok_end=1, short=True,
                            title_start=t.start, after_end=t.end) for t in self._quick]
        out: list[Mention] = []
        for i, j in self._candidates:
            name = self.text[self.toks[i].start:self.toks[j - 1].end]
            m = Mention(name=name, start=self.toks[i].start, end=self.toks[j - 1].end, tok_start=i, tok_end=j,
                        short=(j - i == 1))
            m.posts, chain_start = self._posts_before(i)
            after_end = self._posts_after(i, j, m.posts)
            m.title_start = chain_start if chain_start is not None else m.start
            m.after_end = after_end if after_end is not None else m.end
            out.append(m)
        self._share_group_titles(out)
        return out

    def _skip_honorific_back(self, k: int) -> tuple[int, bool]:
        toks = self.toks
        if k >= 1 and f"{toks[k - 1].text} {toks[k].text}" in HONORIFICS:
            return k - 2, True
        if k >= 0 and toks[k].text in HONORIFICS:
            return k - 1, True
        return k, False

    def _title_before(self, k: int, first: bool, comma_form: bool, hon: bool) -> tuple[int, int, _TitleSpan] | None:
        """The title ending at token k of a chain before a name (the possessor's post after 'của' taken)."""
        toks = self.toks
        # "Theo Bộ trưởng Quốc phòng Mỹ, Donald Trump …": a title before a comma names someone else,
        # unless an honorific marks the name as its apposition (", bà Busaya Mathelin")
        found = self.title_ending_at(k)
        if found is not None and first and comma_form and not hon:
            a0, _ = self._qualify(found[0])
            if a0 > 0 and toks[a0 - 1].text not in (",", ";", ":", "(", "“", '"'):
                found = None  # the title closes a clause of its own ("nhậm chức Bộ trưởng …, Donald Trump ký")
        if found is None and first and comma_form:
            # "chiến lược gia trưởng của Trump, Steve Bannon": a person possessor is not part of the post
            found = self._possessor_title(k)
        if found is None:
            return None
        a, b, span = found
        if a >= 2 and toks[a - 1].text == "của" and (owner := self.title_ending_at(a - 2)) is not None \
                and owner[2].kind != "nopost":
            # "người phát ngôn của Thủ tướng Đức": the post is the spokesperson's, of the chancellor
            return owner[0], b, owner[2]
        return a, b, span

    def _chain_goes_on(self, a: int, b: int, span: _TitleSpan, post: Post) -> bool:
        """Does the chain before a name go on with the title before 'X, ', 'X và ', 'X kiêm ' (a chain of
        one person's posts), or is that title someone else's?"""
        toks = self.toks
        if not (a >= 2 and toks[a - 1].text in (",", "và", "kiêm", "-", "–") and (prev := self.title_ending_at(a - 2)) is not None):
            return False
        if self._other_country(prev, post):
            return False  # "Phó Tổng thống Indonesia, Phó Thủ tướng Thái Lan, …": a list of office holders
        if toks[a - 1].text == "và" and self._countries_in((a, b, span)) and not self._countries_in(prev) \
                and prev[1] == prev[2].tok_end:
            return False  # "Thủ tướng và Tổng thống Pháp X": a bare title of someone else, then X's post
        pa, _ = self._qualify(prev[0])
        if pa > 0 and toks[pa - 1].text.lower() in TAKES_OFFICE:
            return False  # "nhậm chức Bộ trưởng Quốc phòng, Tổng thống X": someone else's office
        # "đề xuất của Chủ tịch Thượng viện Haiti, Chủ tịch Quốc hội X": two people
        return not (pa > 0 and toks[pa - 1].text.lower() in ("của", "với", "cho", "tới", "đến")
                    and self._countries_in(prev) and not self._countries_in((a, b, span)))

    def _posts_before(self, i: int) -> tuple[list[Post], int | None]:
        """R_TITLE: the chain of posts before the name at token i, and where the chain starts (char offset)."""
        toks = self.toks
        k, hon = self._skip_honorific_back(i - 1)
        if k >= 0 and toks[k].text == "là" and not hon:
            k -= 1
        comma_form = False
        if k >= 0 and toks[k].text == "," and k >= 1:
            comma_form = True
            k -= 1
        chain: list[Post] = []
        chain_first = None
        while k >= 0:
            found = self._title_before(k, not chain, comma_form, hon)
            if found is None:
                break
            a, b, span = found
            post = self.make_post(a, b, span, self.text)
            if post is None:
                break
            chain.insert(0, post)
            a, _ = self._qualify(a)
            chain_first = a
            if not self._chain_goes_on(a, b, span, chain[0]):
                break
            k = a - 2
        return chain, (toks[chain_first].start if chain and chain_first is not None else None)

    def _posts_after(self, i: int, j: int, posts: list[Post]) -> int | None:
        """R_TITLE, R_POST_AFTER_FORMS: posts after the name (', Tổng thống Moldova', ' - Bí thư …', '(…)',
        'được bầu làm …'), appended to `posts`; where the last one ends (char offset)."""
        toks = self.toks
        after_end = None
        k = j
        if k < len(toks) and toks[k].text == "(":
            close = next((x for x in range(k + 1, min(k + 12, len(toks))) if toks[x].text == ")"), None)
            if close is not None and close + 1 < len(toks) and toks[close + 1].text == ",":
                k = close + 1  # "Hoan Ết-xtê-ban (Joan Esteban Lazo), Chủ tịch Quốc hội Cu-ba"
        while j - i > 1 and k + 1 < len(toks) and (toks[k].text in (",", "-", "–", "(") or (toks[k].text in ("kiêm", "làm") and posts)
                                                   or self._elected_as(k) is not None):
            step = self._elected_as(k)
            found = self.title_starting_at(k + (step or 1))
            if found is None:
                break
            if toks[k].text == "(" and not (found[1] < len(toks) and toks[found[1]].text == ")"):
                break  # R_POST_PARENTHESIS: "Lê Văn A (Tổng Thư ký Ủy ban Quốc gia APEC)" — the whole parenthesis is the post
            a, b, span = found
            if any(c[0] == b for c in self._candidates):
                break  # the title belongs to the next name ("A, Thứ trưởng B")
            post = self.make_post(a, b, span, self.text)
            if post is None:
                break
            posts.append(post)
            after_end = toks[b - 1].end
            k = b
        return after_end

    def _elected_as(self, k: int) -> int | None:
        """R_POST_ELECTED: 'X được bầu làm <post>', 'X được bổ nhiệm làm <post>': the number of words before the post."""
        words = [t.text.lower() for t in self.toks[k:k + 4]]
        for n, phrase in ((3, ["được", "bầu", "làm"]), (4, ["được", "bổ", "nhiệm", "làm"]), (3, ["được", "bầu", "giữ"]),
                          (2, ["trở", "thành"])):
            if words[:n] == phrase:
                return n
        return None

    def _countries_in(self, found) -> set[str]:
        a, b, span = found
        return {e.label_vi for k in range(span.tok_end, b) if (e := self.gaz_cover.get(k)) and e.kind == "country"
                and e.label_vi != "Việt Nam"}

    def _other_country(self, found, post: Post) -> bool:
        """Does the earlier title in a comma chain name another country than the later one?"""
        a, b, span = found
        countries = {e.label_vi for k in range(span.tok_end, b) if (e := self.gaz_cover.get(k)) and e.kind == "country"}
        here = {e.label_vi for _, _, e in self.lex.find(post.title) if e.kind == "country"}
        return bool(countries) and bool(here) and not (countries & here)

    def _possessor_title(self, k: int):
        toks = self.toks
        # find "... của <Name>" ending at k
        m = k
        while m >= 0 and toks[m].is_cap:
            m -= 1
        if m >= 1 and toks[m].text == "của" and m < k:
            found = self.title_ending_at(m - 1)
            return found
        return None

    def _share_colon_titles(self, mentions: list[Mention]) -> None:
        """A title followed by a colon and the names: 'Ủy viên Bộ Chính trị: A, B, C' (each gets the post)."""
        toks = self.toks
        for span in self.titles:
            e = span.tok_end
            # allow complement up to the colon
            colon = None
            for k in range(e, min(e + 12, len(toks))):
                if toks[k].text == ":":
                    colon = k
                    break
                if toks[k].text in (".", ";", ","):
                    break
            if colon is None or not self._gap_ok(e, colon):
                continue
            post = self.make_post(span.tok_start, colon, span, self.text)
            if post is None:
                continue
            for m in mentions:
                if m.tok_start > colon and not self._list_broken(colon + 1, m.tok_start, mentions) \
                        and not any(p.title == post.title for p in m.posts):
                    m.posts.insert(0, post)

    def _share_plural_titles(self, mentions: list[Mention]) -> None:
        """'các Phó Thủ tướng A, B và C': a plural title shared along the list."""
        toks = self.toks
        for idx, m in enumerate(mentions):
            if not m.posts:
                continue
            k, _ = self._skip_honorific_back(m.tok_start - 1)
            # walk back over the title chain to see if it is plural
            found = self.title_ending_at(k)
            if not found:
                continue
            a, _, _ = found
            if a == 0 or toks[a - 1].text.lower() not in ("các", "những", "hai"):
                continue
            last = m
            for n in mentions[idx + 1:]:
                between = [t.text for t in toks[last.tok_end:n.tok_start]]
                if between in ([","], ["và"], [";"]) and not n.posts:
                    n.posts = [*m.posts]
                    last = n
                else:
                    break

    def _share_group_titles(self, mentions: list[Mention]) -> None:
        if not self.titles and not mentions:
            return  # nothing to share (and no need to tokenize a sentence that took the fast path)
        self._share_colon_titles(mentions)
        self._share_plural_titles(mentions)

    def _list_broken(self, a: int, b: int, mentions: list[Mention]) -> bool:
        """Is there anything but names, their after-titles and separators between a and b?"""
        toks = self.toks
        for k in range(a, b):
            w = toks[k].text
            if k in self.title_cover or w[:1].isupper():
                continue  # a list item's own post ("Lê Văn A, Phó Chủ tịch Quốc hội; …") does not break the list
            if w in (".",) or w.lower() in BREAKERS and w.lower() not in ("và",):
                return True
        return False


def find_people(sentence: str, lex: Lexicon) -> list[Mention]:
    return SentenceAnalysis(sentence, lex).mentions()
