"""Word classes the extraction rules share (honorifics, clause openers, name breakers, qualifiers, fields of
government, agreement triggers and actions, role verbs, ...), read once from `data/word_classes.ttl`.

The lists are data: a new honorific or trigger is one word in that file, with no code change. The
regexes built from a class (`agreements.AGREEMENT_RE`, `participation.ROLE_VERB_FINDER`, ...) are built
from it when the extractor loads.
"""
from __future__ import annotations

import re
from functools import lru_cache

from rdflib import Graph, Namespace, URIRef
from rdflib.collection import Collection

from .paths import DATA_DIR

LEX = Namespace("https://w3id.org/diplograph/lexicon#")
WC = Namespace("https://w3id.org/diplograph/lexicon/word-class/")


@lru_cache(maxsize=1)
def _graph() -> Graph:
    g = Graph()
    g.parse(DATA_DIR / "word_classes.ttl", format="turtle")
    return g


def _items(name: str, prop: URIRef) -> list:
    g = _graph()
    head = g.value(WC[name], prop)
    if head is None:
        raise KeyError(f"word class {name!r} has no {prop} in data/word_classes.ttl")
    return list(Collection(g, head))


@lru_cache(maxsize=None)
def words(name: str) -> tuple[str, ...]:
    """The members of a word class, in the order the data gives them."""
    return tuple(str(w) for w in _items(name, LEX.member))


def alternation(name: str) -> str:
    """A regex alternation of a word class's members (escaped, in the data's order), for a pattern's
    ``(?:…)`` group."""
    return "|".join(re.escape(w) for w in words(name))


def word_set(name: str) -> frozenset[str]:
    """The members of a word class, for membership tests."""
    return frozenset(words(name))


@lru_cache(maxsize=None)
def meanings(name: str) -> dict[str, str]:
    """A word class whose entries map a word to what it means (qualifiers: 'cựu' -> 'former'), in order."""
    g = _graph()
    return {str(g.value(e, LEX.word)): str(g.value(e, LEX.means)) for e in _items(name, LEX.entry)}


@lru_cache(maxsize=1)
def agreement_actions() -> tuple[tuple[str, str], ...]:
    """(regex of the verbs, action type) of each agreement action, in order ('a / b' allows spaces around '/')."""
    g = _graph()
    out = []
    for e in _items("agreement-actions", LEX.entry):
        verbs = [str(w) for w in Collection(g, g.value(e, LEX.member))]
        pattern = "|".join(re.escape(v).replace(re.escape(" / "), r"\s*/\s*") for v in verbs)
        out.append((pattern, str(g.value(e, LEX.actionType))))
    return tuple(out)


