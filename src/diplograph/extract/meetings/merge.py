"""Mentions of one meeting within an article folded into one."""

from __future__ import annotations

import re

from ...facts import MeetingFact, Participant
from ...keys import ordinals
from ..context import ArticleContext, MeetingDraft, word_set

def canonical(mt: MeetingDraft) -> MeetingDraft:
    """The meeting a mention was merged into (itself when it was added as a meeting of its own)."""
    return mt.merged_into or mt

def same_meeting(ctx: ArticleContext, a: MeetingDraft, b: MeetingDraft) -> bool:
    if a.kind != b.kind and not ({a.kind, b.kind} <= {"Conference", "Summit", "Meeting", "Session"}):
        return False
    if a.kind != b.kind and a.named != b.named:
        return False  # a meeting built from its parties is not the named conference of the same sentence
    if (a.status == "proposed") != (b.status == "proposed"):
        return False  # an invitation is not the meeting that took place
    if a.date and b.date and a.date != b.date:
        return False
    if a.kind == "Visit":
        return a.visitor == b.visitor and (not a.place or not b.place or a.place == b.place)
    pa, pb = a.names(), b.names()
    if a.kind in ("Talks", "PhoneCall", "CourtesyCall", "Reception", "Meeting", "Negotiation") and pa and pb:
        # the same parties, or a report naming some of them (a caption's two of a joint meeting's three)
        return pa == pb or (pa <= pb and (len(pa) >= 2 or len(pb) <= 2)) or (pb <= pa and (len(pb) >= 2 or len(pa) <= 2))
    wa, wb = word_set(a.name) - {"hội", "nghị", "cuộc", "các", "của", "và"}, word_set(b.name) - {"hội", "nghị", "cuộc", "các", "của", "và"}
    if not wa or not wb:
        return True
    nums_a, nums_b = ordinals(a.name), ordinals(b.name)
    if nums_a and nums_b and not (nums_a <= nums_b or nums_b <= nums_a):
        return False
    overlap = len(wa & wb) / min(len(wa), len(wb))
    return overlap >= 0.6 or (not pa or not pb) and overlap >= 0.4

def add_meeting(ctx: ArticleContext, mt: MeetingDraft) -> None:
    for other in ctx.meetings:
        if other.sentence_index == mt.sentence_index and other.named and mt.named:
            continue
        if same_meeting(ctx, other, mt):
            merge_into(other, mt)
            mt.merged_into = other
            return
    mt.key = f"m{len(ctx.meetings)}"
    ctx.meetings.append(mt)

def merge_into(into: MeetingDraft, mt: MeetingDraft) -> None:
    # the fullest written name wins; built names give way to names the text gives
    if (mt.named and not into.named) or (mt.named == into.named and len(mt.name) > len(into.name)):
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

def fold_partial(ctx: ArticleContext) -> None:
    """A bilateral meeting whose named parties are a subset of another's of the same kind is that meeting
    (a headline 'Hội đàm cấp cao Việt - Nhật' and the lead's talks between the two prime ministers)."""
    bilateral = ("Talks", "PhoneCall", "CourtesyCall", "Reception", "Negotiation")
    changed = True
    while changed:
        changed = False
        for a in list(ctx.meetings):
            if a.kind not in bilateral:
                continue
            bigger = [b for b in ctx.meetings if b is not a and b.kind == a.kind and a.names() < b.names()
                      and not (a.date and b.date and a.date != b.date)]
            if len(bigger) == 1:
                merge_into(bigger[0], a)
                ctx.meetings.remove(a)
                changed = True
                break

def finish_meetings(ctx: ArticleContext) -> list[MeetingFact]:
    fold_partial(ctx)
    out = []
    visits = [m for m in ctx.meetings if m.kind == "Visit"]
    for mt in ctx.meetings:
        if not mt.participants or mt.status == "proposed":
            continue  # R_MODALITY: nobody named, or only invited / hoped for
        if mt.kind != "Visit" and visits:
            v = next((v for v in visits if v.visitor in mt.names() and v is not mt), None)
            if v is not None and v.participants:
                mt.part_of = v.key
        parts = [Participant(n, r, ev, rid) for (n, r), (ev, rid) in sorted(mt.participants.items())]
        out.append(MeetingFact(key=mt.key, name=mt.name, kind=mt.kind, kind_word=mt.kind_word, date=mt.date,
                               place=mt.place, organizer=mt.organizer, status=mt.status, format=mt.format,
                               part_of=mt.part_of, participants=parts,
                               variants=sorted(set(v for v in mt.variants if v != mt.name)), evidence=mt.evidence,
                               rules=sorted(set(mt.rules))))
    return out
