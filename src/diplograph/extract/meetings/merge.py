"""Mentions of one meeting within an article folded into one, in near-linear time.

The reference rule is `same_meeting(a, b)`: a new mention joins the FIRST earlier meeting it is the same
as. Comparing each mention with every earlier meeting made an article of 400 numbered conferences take a
second and 100 KB of them 80 s (issue 16), so candidates come from an index (`MeetingIndex`): postings
from keys (kind group, visitor, party names, party sets, name words, ordinals) to meeting slots, built so
that every meeting `same_meeting` could accept is among them; the candidates are then tried in order with
`same_meeting` itself, so the result is the plain scan's (tests/test_fast_paths.py checks both ways).
`fold_partial` settles partial party lists with a heap of foldable meetings instead of rescanning all
meetings after each fold.
"""
from __future__ import annotations

import heapq
from functools import lru_cache
from itertools import combinations

from ...facts import MeetingFact, Participant
from ...keys import ordinals
from ...kinds import folds_partial, has_party_rule, merge_group
from ...lexicon import load, place_key
from ...rules import Example, rule
from ..drafts import MeetingDraft, word_set
from .words import PAST_NAME

R_GENERIC_MEETING = rule(
    "meeting.same.generic-kind",
    "A generic 'cuộc gặp' of exactly the parties of talks, a call or a reception already reported is that meeting.",
    [Example("Hội đàm\nNgày 7/11, Thủ tướng Trần Văn Bảo đã hội đàm với Thủ tướng Trung Quốc Lý Minh. Tại cuộc gặp, hai "
             "Thủ tướng nhất trí tăng cường hợp tác.", {"kind": "meeting", "kind_of": "Meeting"}, present=False),
     Example("Hội đàm\nNgày 7/11, Thủ tướng Trần Văn Bảo đã hội đàm với Thủ tướng Trung Quốc Lý Minh. Tại cuộc gặp, hai "
             "Thủ tướng nhất trí tăng cường hợp tác.", {"kind": "participant", "name": "Trần Văn Bảo", "kind_of": "Talks"})])

R_VISIT_VIA_CITY = rule(
    "meeting.visit.via-city",
    "A visitor who arrives in a city before 'thăm' ('X tới Tokyo thăm chính thức Nhật Bản', 'X đến Hà Nội, bắt đầu thăm …').",
    [Example("Thủ tướng Trần Văn Bảo tới Tokyo thăm chính thức Nhật Bản\nChiều 4/6, chuyên cơ đã hạ cánh.",
             {"kind": "meeting", "kind_of": "Visit", "place": "Nhật Bản", "name": "Trần Văn Bảo"})])

# R_GENERIC_MEETING: the kinds a generic 'cuộc gặp' of the same parties may be.
_SPECIFIC_KINDS = ("Talks", "PhoneCall", "CourtesyCall", "Reception")

_NAME_FILLER = frozenset({"hội", "nghị", "cuộc", "các", "của", "và"})
_SUBSETS_UP_TO = 6  # party and ordinal sets up to this size are looked up by their subsets


def name_words(name: str) -> set[str]:
    """The words of a meeting's name that tell it from another (kind words and links dropped)."""
    return word_set(name) - _NAME_FILLER


def is_country(place: str | None) -> bool:
    """R_VISIT_VIA_CITY: is a place as written a country of the lexicon ('Nhật Bản', 'Hoa Kỳ')?"""
    e = load().place_entry(place) if place else None
    return e is not None and e.kind == "country"


def city_of_trip(p1: str, p2: str) -> bool:
    """R_VISIT_VIA_CITY: one visitor's visit 'to Tokyo' and 'to Nhật Bản' in one article are one trip: a city
    and a country (two countries stay two visits of a tour)."""
    lex = load()
    kinds = {e.kind if (e := lex.place_entry(p)) is not None else "place" for p in (p1, p2)}
    return "place" in kinds and kinds != {"country"}


R_NAME_COUNTRIES = rule(
    "meeting.distinct.name-countries",
    "Two named meetings of one article whose names hold different countries ('Diễn đàn Doanh nghiệp Việt Nam - Đức', "
    "'Diễn đàn Doanh nghiệp Việt Nam - Hà Lan') are two meetings, however many other words they share.",
    [Example("Thủ tướng thăm châu Âu\nTại Đức, Thủ tướng Trần Văn Bảo sẽ dự Diễn đàn Doanh nghiệp Việt Nam - Đức. Tại Hà Lan, "
             "Thủ tướng Trần Văn Bảo sẽ phát biểu khai mạc Diễn đàn Doanh nghiệp Việt Nam - Hà Lan.",
             {"kind": "participant", "name": "Trần Văn Bảo", "role": "speaker", "meeting": "Đức"}, present=False),
     Example("Thủ tướng thăm châu Âu\nTại Đức, Thủ tướng Trần Văn Bảo sẽ dự Diễn đàn Doanh nghiệp Việt Nam - Đức. Tại Hà Lan, "
             "Thủ tướng Trần Văn Bảo sẽ phát biểu khai mạc Diễn đàn Doanh nghiệp Việt Nam - Hà Lan.",
             {"kind": "participant", "name": "Trần Văn Bảo", "role": "speaker", "meeting": "Hà Lan"})])


@lru_cache(maxsize=4096)
def name_countries(name: str) -> frozenset[str]:
    """R_NAME_COUNTRIES: the countries a meeting's name holds (lexicon keys)."""
    return frozenset(place_key(e.label_vi) or e.label_vi for _, _, e in load().find(name) if e.kind == "country")


def same_meeting(a: MeetingDraft, b: MeetingDraft) -> bool:
    """Is the new mention b the meeting a (the reference rule of the in-article merge)?"""
    if merge_group(a.kind) != merge_group(b.kind):
        return False  # kinds of different groups (meetings/kinds.ttl) are different meetings
    if a.kind != b.kind and a.named != b.named:
        return False  # a meeting built from its parties is not the named conference of the same sentence
    if (a.status == "proposed") != (b.status == "proposed"):
        return False  # an invitation is not the meeting that took place
    if a.date and b.date and a.date != b.date:
        return False
    if a.named and b.named and bool(PAST_NAME.search(a.name)) != bool(PAST_NAME.search(b.name)):
        return False  # R_PAST_MEETING: "Hội nghị G20 Hàng Châu năm ngoái" is not this year's summit
    if a.named and b.named and a.kind != "Visit":
        ca, cb = name_countries(a.name), name_countries(b.name)
        if ca and cb and not (ca <= cb or cb <= ca):
            return False  # R_NAME_COUNTRIES: "Diễn đàn Doanh nghiệp Việt - Đức" is not "… Việt Nam - Hà Lan"
    if a.kind == "Visit":
        return a.visitor == b.visitor and (not a.place or not b.place or place_key(a.place) == place_key(b.place)
                                           or city_of_trip(a.place, b.place))
    pa, pb = a.names(), b.names()
    if has_party_rule(a.kind) and pa and pb:
        # the same parties, or a report naming some of them (a caption's two of a joint meeting's three)
        return pa == pb or (pa <= pb and (len(pa) >= 2 or len(pb) <= 2)) or (pb <= pa and (len(pb) >= 2 or len(pa) <= 2))
    wa, wb = name_words(a.name), name_words(b.name)
    if not wa or not wb:
        return True
    nums_a, nums_b = ordinals(a.name), ordinals(b.name)
    if nums_a and nums_b and not (nums_a <= nums_b or nums_b <= nums_a):
        return False
    overlap = len(wa & wb) / min(len(wa), len(wb))
    return overlap >= 0.6 or (not pa or not pb) and overlap >= 0.4


def _subsets(items: set[str]) -> list[frozenset[str]]:
    return [frozenset(c) for k in range(1, len(items) + 1) for c in combinations(sorted(items), k)]


class MeetingIndex:
    """Postings from keys to the slots of the meetings holding them; a meeting is indexed again after it
    changes (a merge, a new participant), and stale postings only add candidates, never lose one."""

    def __init__(self) -> None:
        self.postings: dict[tuple, list[int]] = {}

    def _put(self, key: tuple, slot: int) -> None:
        got = self.postings.get(key)
        if got is None:
            self.postings[key] = [slot]
        elif got[-1] != slot:
            got.append(slot)

    def index(self, mt: MeetingDraft) -> None:
        """Post a meeting under the keys of its current state."""
        g, slot = merge_group(mt.kind), mt.slot
        self._put((g,), slot)
        if mt.kind == "Visit":
            self._put((g, "visitor", mt.visitor), slot)
            return
        names = mt.names()
        for n in names:
            self._put((g, "party", n), slot)
        if names:
            self._put((g, "parties", frozenset(names)), slot)
        # the word rule applies to every meeting when the new mention names no party ("all"), and only to
        # meetings without the party rule or without parties when it names some ("open")
        tags = ("all",) if has_party_rule(mt.kind) and names else ("all", "open")
        words = name_words(mt.name)
        nums = ordinals(mt.name)
        for tag in tags:
            if not words:
                self._put((g, tag, "no-words"), slot)
            for w in words:
                self._put((g, tag, "word", w), slot)
                if not nums:
                    self._put((g, tag, "word-unnumbered", w), slot)
            if nums:
                self._put((g, tag, "numbers", frozenset(nums)), slot)
                for x in nums:
                    self._put((g, tag, "number", x), slot)

    def _rarest(self, prefix: tuple, values: set[str]) -> tuple:
        return min((prefix + (v,) for v in values), key=lambda k: (len(self.postings.get(k, ())), k[-1]))

    def _keys(self, mt: MeetingDraft) -> list[tuple] | None:
        """Keys one of which every meeting `same_meeting` accepts for `mt` holds (None: every meeting of the group)."""
        g = merge_group(mt.kind)
        if mt.kind == "Visit":
            return [(g, "visitor", mt.visitor)]
        pb = mt.names()
        tag = "open" if pb else "all"
        keys: list[tuple] = [(g, tag, "no-words")]
        if pb:  # the party rule: one party set holds the other
            keys += ([(g, "parties", s) for s in _subsets(pb)] if len(pb) <= _SUBSETS_UP_TO
                     else [(g, "party", n) for n in pb])
            keys.append(self._rarest((g, "party"), pb))
        wb = name_words(mt.name)
        if not wb:
            return None
        nb = ordinals(mt.name)
        if not nb:  # the word rule: a shared word at least
            keys += [(g, tag, "word", w) for w in wb]
        else:  # a shared word, and ordinals one of which holds the other
            keys += [(g, tag, "word-unnumbered", w) for w in wb]
            keys += ([(g, tag, "numbers", s) for s in _subsets(nb)] if len(nb) <= _SUBSETS_UP_TO
                     else [(g, tag, "number", x) for x in nb])
            keys.append(self._rarest((g, tag, "number"), nb))
        return keys

    def candidates(self, mt: MeetingDraft) -> list[int]:
        """The slots of the meetings that may be `mt`, in order."""
        keys = self._keys(mt)
        if keys is None:
            return sorted(set(self.postings.get((merge_group(mt.kind),), ())))
        slots: set[int] = set()
        for k in keys:
            slots.update(self.postings.get(k, ()))
        return sorted(slots)


class MeetingSet:
    """The meetings of an article in order of first mention, with the index that finds where a new mention goes."""

    def __init__(self) -> None:
        self.meetings: list[MeetingDraft] = []
        self.index = MeetingIndex()
        self.changed: list[MeetingDraft] = []  # indexed meetings whose participants changed since
        self.comparisons = 0  # calls of `same_meeting` (tests check it grows linearly)

    def touched(self, mt: MeetingDraft) -> None:
        """A participant was added to `mt` (indexed again before the next look-up)."""
        if mt.slot >= 0:
            self.changed.append(mt)

    def generic_meeting_of(self, mt: MeetingDraft) -> MeetingDraft | None:
        """R_GENERIC_MEETING: a generic 'cuộc gặp' of exactly the parties of talks, a call or a reception
        already reported ('Tại cuộc gặp, hai Thủ tướng …' after the talks) is that meeting, not another.
        Candidates come from the index's party-set postings (every meeting with those parties is there)."""
        names = mt.names()
        if mt.kind != "Meeting" or mt.named or len(names) < 2:
            return None
        slots: set[int] = set()
        for g in {merge_group(k) for k in _SPECIFIC_KINDS}:
            slots.update(self.index.postings.get((g, "parties", frozenset(names)), ()))
        same = [o for o in (self.meetings[s] for s in sorted(slots))
                if o.kind in _SPECIFIC_KINDS and o.names() == names and o.status == mt.status
                and not (o.date and mt.date and o.date != mt.date)]
        return same[0] if len(same) == 1 else None

    def add(self, mt: MeetingDraft) -> None:
        """A new mention joins the first earlier meeting it is the same as, else becomes a meeting."""
        for m in self.changed:
            self.index.index(m)
        self.changed.clear()
        tgt = self.generic_meeting_of(mt)
        if tgt is not None:
            name, named = tgt.name, tgt.named
            merge_into(tgt, mt)
            tgt.name, tgt.named = name, named  # the specific kind and its name stay
            if R_GENERIC_MEETING not in tgt.rules:
                tgt.rules.append(R_GENERIC_MEETING)
            mt.merged_into = tgt
            self.index.index(tgt)
            return
        for slot in self.index.candidates(mt):
            other = self.meetings[slot]
            if other.sentence_index == mt.sentence_index and other.named and mt.named:
                continue
            self.comparisons += 1
            if same_meeting(other, mt):
                merge_into(other, mt)
                mt.merged_into = other
                self.index.index(other)
                return
        mt.key = f"m{len(self.meetings)}"
        mt.slot = len(self.meetings)
        self.meetings.append(mt)
        self.index.index(mt)


def merge_into(into: MeetingDraft, mt: MeetingDraft) -> None:
    """Fold a mention into the meeting: the fullest written name wins (built names give way to names the
    text gives; a visit named by its country wins over one named by a city of the trip, R_VISIT_VIA_CITY), the
    first date, place, organizer and format, the most certain status, every participant."""
    by_country = into.kind == mt.kind == "Visit" and bool(into.place) and bool(mt.place) \
        and is_country(mt.place) != is_country(into.place)
    if by_country and is_country(mt.place):
        into.variants.append(into.name)
        into.name, into.named, into.place = mt.name, mt.named, mt.place
    elif by_country:
        into.variants.append(mt.name)
    elif (mt.named and not into.named) or (mt.named == into.named and len(mt.name) > len(into.name)
                                           and (mt.named or mt.kind != "Meeting" or len(mt.names()) >= len(into.names()))) \
            or (not mt.named and not into.named and mt.kind == "Meeting" and len(mt.names()) > len(into.names())):
        # (a generic meeting of fewer parties is a partial report: it does not rename the meeting; one of more
        # parties names it)
        into.variants.append(into.name)
        into.name, into.named = mt.name, mt.named
    elif mt.name != into.name:
        into.variants.append(mt.name)
    into.date = into.date or mt.date
    into.place = into.place or mt.place
    into.organizer = into.organizer or mt.organizer
    into.format = into.format or mt.format
    if (into.status, mt.status) in (("planned", "held"), ("proposed", "held"), ("proposed", "planned")):
        into.status = mt.status
    for k, v in mt.participants.items():
        into.participants.setdefault(k, v)
    into.rules.extend(r for r in mt.rules if r not in into.rules)


def _dates_agree(a: MeetingDraft, b: MeetingDraft) -> bool:
    return not (a.date and b.date and a.date != b.date)


def _bigger_sets(meetings: list[MeetingDraft]) -> tuple[dict[int, set[int]], dict[int, set[int]], int]:
    """For each bilateral meeting, the meetings of its kind whose parties strictly hold its own (dates
    agreeing), and the reverse relation."""
    names = [m.names() for m in meetings]
    by_party: dict[tuple[str, str], list[int]] = {}
    by_kind: dict[str, list[int]] = {}
    for i, m in enumerate(meetings):
        by_kind.setdefault(m.kind, []).append(i)
        for n in names[i]:
            by_party.setdefault((m.kind, n), []).append(i)
    bigger: dict[int, set[int]] = {}
    smaller: dict[int, set[int]] = {i: set() for i in range(len(meetings))}
    work = 0
    for i, a in enumerate(meetings):
        if not folds_partial(a.kind):
            continue
        if names[i]:
            pool = min((by_party[(a.kind, n)] for n in names[i]), key=len)
        else:
            pool = by_kind[a.kind]
        work += len(pool)
        bigger[i] = {j for j in pool if j != i and names[i] < names[j] and _dates_agree(a, meetings[j])}
        for j in bigger[i]:
            smaller[j].add(i)
    return bigger, smaller, work


def fold_partial(meetings: list[MeetingDraft]) -> int:
    """A bilateral meeting whose named parties are a subset of exactly one other's of the same kind is that
    meeting (a headline 'Hội đàm cấp cao Việt - Nhật' and the lead's talks between the two prime ministers).

    Folds happen in the order of the plain rescan (restart from the first meeting after each fold; the
    reference in tests/test_fast_paths.py): always the first foldable meeting. A fold only removes
    relations (the folded meeting goes; the bigger one keeps its parties and may gain a date), so a heap
    of the meetings with exactly one bigger gives that order. Returns the pairs looked at (work)."""
    bigger, smaller, work = _bigger_sets(meetings)
    heap = [i for i, b in bigger.items() if len(b) == 1]
    heapq.heapify(heap)
    alive = [True] * len(meetings)

    def drop(i: int, j: int) -> None:
        bigger[i].discard(j)
        smaller[j].discard(i)
        if len(bigger[i]) == 1:
            heapq.heappush(heap, i)

    while heap:
        a = heapq.heappop(heap)
        if not alive[a] or len(bigger[a]) != 1:
            continue
        b = next(iter(bigger[a]))
        had_date = meetings[b].date
        merge_into(meetings[b], meetings[a])
        alive[a] = False
        for j in list(bigger[a]):
            smaller[j].discard(a)
        for i in list(smaller[a]):
            drop(i, a)
        if meetings[b].date != had_date:  # b took a's date: relations with other dates end
            for i in list(smaller[b]):
                if not _dates_agree(meetings[i], meetings[b]):
                    drop(i, b)
            for j in list(bigger.get(b, ())):
                if not _dates_agree(meetings[b], meetings[j]):
                    drop(b, j)
    meetings[:] = [m for i, m in enumerate(meetings) if alive[i]]
    return work


def finish_meetings(meeting_set: MeetingSet) -> list[MeetingFact]:
    """The article's meetings as facts: partial party lists folded, meetings held during a visit linked
    to it, the invited and unnamed dropped."""
    meetings = meeting_set.meetings
    meeting_set.comparisons += fold_partial(meetings)
    out = []
    first_visit: dict[str, MeetingDraft] = {}
    for m in meetings:
        if m.kind == "Visit" and m.visitor is not None:
            first_visit.setdefault(m.visitor, m)
    order = {id(m): i for i, m in enumerate(meetings)}
    for mt in meetings:
        if not mt.participants or mt.status == "proposed":
            continue  # R_MODALITY: nobody named, or only invited / hoped for
        if mt.kind != "Visit" and first_visit:
            held_in = [first_visit[n] for n in mt.names() if n in first_visit]
            v = min(held_in, key=lambda x: order[id(x)]) if held_in else None
            if v is not None and v.participants:
                mt.part_of = v.key
        parts = [Participant(n, r, ev, rid) for (n, r), (ev, rid) in sorted(mt.participants.items())]
        out.append(MeetingFact(key=mt.key, name=mt.name, kind=mt.kind, kind_word=mt.kind_word, date=mt.date,
                               place=mt.place, organizer=mt.organizer, status=mt.status, format=mt.format,
                               part_of=mt.part_of, participants=parts,
                               variants=sorted(set(v for v in mt.variants if v != mt.name)), evidence=mt.evidence,
                               rules=sorted(set(mt.rules))))
    return out
