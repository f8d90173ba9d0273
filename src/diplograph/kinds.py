"""The meeting-kind taxonomy, read once from `data/meeting_kinds.ttl`: the words that name a meeting, the
class each makes, what extraction needs around the word, and the kind families.

The families are defined there only; extraction (which mentions of one article may merge), resolution
(which reports across articles may be one meeting) and the HTML view read them from here.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, SKOS

from .paths import DATA_DIR

DG = Namespace("https://w3id.org/diplograph/ontology#")
LEX = Namespace("https://w3id.org/diplograph/lexicon#")
_NEEDS = {LEX.NamedNounPhrase: "np", LEX.Parties: "party", LEX.VisitorAndDestination: "visit"}


@dataclass(frozen=True)
class KindWord:
    """A word that names a meeting: its spellings (longest first), its class and what it needs."""

    words: tuple[str, ...]
    cls: str  # local name of the class (Summit, Talks, Visit, ...)
    needs: str  # np (a named noun phrase) | party (the parties) | visit (a visitor and a destination)
    label_en: str


@dataclass(frozen=True)
class Taxonomy:
    words: tuple[KindWord, ...]  # in the order they are tried
    family: dict[str, str]  # class -> family notation
    bilateral_families: frozenset[str]
    merge_group: dict[str, str]  # class -> in-article merge group (classes of one group may merge)
    party_rule: frozenset[str]  # classes whose mentions are the same when one party list holds the other
    folds_partial: frozenset[str]  # classes whose mention naming some of another's parties folds into it


def _local(term: object) -> str:
    return str(term).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _vi(g: Graph, s: URIRef, p: URIRef) -> list[str]:
    return sorted(str(o) for o in g.objects(s, p) if isinstance(o, Literal) and o.language == "vi")


@lru_cache(maxsize=1)
def taxonomy() -> Taxonomy:
    """The taxonomy (parsed on first use, then cached)."""
    g = Graph()
    g.parse(DATA_DIR / "meeting_kinds.ttl", format="turtle")
    words = []
    for s in g.subjects(RDF.type, LEX.KindWord):
        assert isinstance(s, URIRef)
        spellings = _vi(g, s, SKOS.prefLabel) + _vi(g, s, SKOS.altLabel)
        en = next((str(o) for o in g.objects(s, SKOS.prefLabel) if isinstance(o, Literal) and o.language == "en"), "")
        order = int(str(g.value(s, LEX.order)))
        words.append((order, KindWord(tuple(sorted(spellings, key=lambda w: (-len(w), w))), _local(g.value(s, LEX.meetingClass)),
                                      _NEEDS[g.value(s, LEX.needs)], en)))  # type: ignore[index]
    notation = {f: str(g.value(f, SKOS.notation)) for f in g.subjects(RDF.type, LEX.KindFamily)}
    family = {_local(c): notation[f] for c, f in g.subject_objects(LEX.family)}
    bilateral = frozenset(notation[f] for f in notation if g.value(f, LEX.bilateral) == Literal(True))
    merge_group = {_local(c): _local(grp) for c, grp in g.subject_objects(LEX.mergeGroup)}
    party = frozenset(_local(c) for c in g.subjects(LEX.partyRule, Literal(True)))
    folds = frozenset(_local(c) for c in g.subjects(LEX.foldsPartial, Literal(True)))
    return Taxonomy(tuple(w for _, w in sorted(words, key=lambda x: x[0])), family, bilateral, merge_group, party, folds)


def kind_words() -> tuple[KindWord, ...]:
    return taxonomy().words


def family(cls: str) -> str | None:
    """The family of a meeting class (conf, meet, talks, consult, call, reception, visit), None if unknown."""
    return taxonomy().family.get(cls)


def is_bilateral_family(fam: str | None) -> bool:
    """Families of meetings between parties (the same parties on the same day make one meeting)."""
    return fam in taxonomy().bilateral_families


def merge_group(cls: str) -> str:
    """The in-article merge group of a class: classes of one group may be one meeting (a conference
    reported as a session), any other class only merges with itself."""
    return taxonomy().merge_group.get(cls, cls)


def has_party_rule(cls: str) -> bool:
    return cls in taxonomy().party_rule


def folds_partial(cls: str) -> bool:
    return cls in taxonomy().folds_partial


def meeting_classes() -> tuple[str, ...]:
    """Every meeting class of the taxonomy (subclasses of dg:Conference and dg:Conference itself), sorted."""
    return tuple(sorted(taxonomy().family))
