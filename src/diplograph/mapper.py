"""Resolved facts to RDF: every n-ary node carries its article(s) and evidence sentence.

IRIs are minted from normalized content (names, dates, hashes of the defining values) and no blank
node is ever made. Terms are N-Triples strings made by pyoxigraph (`<iri>`, `"text"@vi`, escaped by
pyoxigraph, never formatted by hand), not rdflib terms: at archive scale (hundreds of thousands of
triples) rdflib's terms and store dominated the build.

Each article is mapped on its own (`ArticleMapper.map_article`) into

* triples that depend only on the article and on what the resolution says of its names, meetings and
  agreements (`ResView`, which can record what it was asked: an incremental build maps an article
  again only when one of these answers changed), and
* *claims*: the few values where the first report in article order wins (a person's canonical name, a
  post's title as written, a priority's text, the label of an organization seen under two spellings)
  or that later reports may update (an agreement's name). `fold` turns the claims on one node, in
  article order, into its triples.

The graph is the union of every article's triples plus the folded claims, whatever order articles are
mapped in. `Triples.turtle` writes it in one canonical order (subjects, then predicates, then objects
sorted), so an incremental build writes exactly what a full build writes. `to_graph` still gives an
rdflib Graph for the HTML view, SHACL and tests.
"""
from __future__ import annotations

import hashlib
import re
from sys import intern
from typing import TYPE_CHECKING, Any, Callable, Hashable, Iterable

import pyoxigraph as ox

from .facts import ArticleFacts, MeetingFact
from .ids import entity_local, name_key, person_local
from .resolve import Resolution, norm_cached, res_input, resolve_inputs
from .rules import or_fallback

if TYPE_CHECKING:
    from rdflib import Graph

    from .lexicon import Entry

_DG = "https://w3id.org/diplograph/ontology#"
_ID = "https://w3id.org/diplograph/id/"
_XSD = "http://www.w3.org/2001/XMLSchema#"
PREFIXES = {"dg": _DG, "id": _ID, "schema": "https://schema.org/", "prov": "http://www.w3.org/ns/prov#",
            "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "skos": "http://www.w3.org/2004/02/skos/core#",
            "xsd": _XSD, "owl": "http://www.w3.org/2002/07/owl#"}


def iri(value: str) -> str:
    """An IRI term in N-Triples form, checked by pyoxigraph."""
    return str(ox.NamedNode(value))


class _NS:
    """`NS.term` and `NS["term"]` give IRI terms; vocabulary terms are cached as attributes."""

    def __init__(self, base: str, check: bool = True):
        self._base = base
        self._check = check

    def __getitem__(self, local: str) -> str:
        # minted ids are slugs and hex digests (ids.minted): no character that needs checking
        return iri(self._base + local) if self._check else f"<{self._base}{local}>"

    def __getattr__(self, local: str) -> str:
        if local.startswith("_"):
            raise AttributeError(local)
        node = self[local]
        setattr(self, local, node)  # later lookups are plain attribute reads
        return node


DG, ID, SCHEMA = _NS(_DG), _NS(_ID, check=False), _NS(PREFIXES["schema"])
PROV, RDFS, SKOS, XSD = _NS(PREFIXES["prov"]), _NS(PREFIXES["rdfs"]), _NS(PREFIXES["skos"]), _NS(_XSD)
RDF_TYPE = iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")

ROLES = {"chair": DG.chair, "speaker": DG.speaker, "attendee": DG.attendee, "host": DG.host}
_ENTITY_TYPES = {"country": (DG.Country, DG.Organization, DG.Place), "place": (DG.Place,),
                 "org": (DG.Organization,), "outlet": (DG.Organization,)}
class _Memo(dict):
    """value -> term, each made once by `make` (cleared when it grows past `limit`, so an archive-sized
    build cannot grow it without bound). A dict subclass: a hit is a plain C dict lookup."""

    def __init__(self, make: Callable[[Any], Any], limit: int) -> None:
        super().__init__()
        self.make = make
        self.limit = limit

    def __missing__(self, key):
        if len(self) > self.limit:
            self.clear()
        value = self[key] = self.make(key)
        return value


# What no literal may carry: C0 and C1 controls and DEL (a file name with `ESC[2J` or BEL put them in
# `dg:sourceFile`, and from there into every terminal or page showing it), bidi embeddings, overrides
# and isolates (U+202A-202E, U+2066-2069: they reorder what is shown around them), lone surrogates.
# Text from the reader never has them (`reader.normalize`), file names and facts made elsewhere may.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_SPACE_CONTROLS = frozenset("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85")


def _safe_char(m: "re.Match[str]") -> str:
    c = m.group()
    if c in _SPACE_CONTROLS:
        return " "  # literals are single-line: a line or field break reads as a space
    if "\u202a" <= c <= "\u2069":
        return ""  # a bidi control is invisible: dropped, like the reader drops it
    return "\ufffd"  # any other control or a lone surrogate: shown as "a character was here"


def safe_text(value: str) -> str:
    """``value`` fit for a literal (see `_UNSAFE`); normal text comes back as the same object."""
    return _UNSAFE.sub(_safe_char, value) if _UNSAFE.search(value) else value


# sentences and names recur (the same sentence is the evidence of several nodes): each term is made once,
# and made safe once (`safe_text`) in the same step
_DATATYPES = _Memo(lambda datatype: ox.NamedNode(datatype[1:-1]), 10_000)
_vi = _Memo(lambda value: str(ox.Literal(safe_text(value), language="vi")), 1_000_000).__getitem__
_plain = _Memo(lambda value: str(ox.Literal(safe_text(value))), 500_000).__getitem__
_other = _Memo(lambda key: str(ox.Literal(safe_text(key[0]), language=key[1]) if key[2] is None
                               else ox.Literal(safe_text(key[0]), datatype=_DATATYPES[key[2]])), 200_000).__getitem__


def Literal(value: str, lang: str | None = None, datatype: str | None = None) -> str:
    """A literal term in N-Triples form, escaped by pyoxigraph (text from articles is never formatted by hand)."""
    if lang == "vi":
        return _vi(value)
    if lang is None and datatype is None:
        return _plain(value)
    return _other((value, lang, None) if lang else (value, None, datatype))


_MEETING_NODES: dict[str, str] = {}


def _meeting_node(mid: str) -> str:
    """The meeting's IRI, checked by pyoxigraph: its id carries the meeting's date as extracted."""
    node = _MEETING_NODES.get(mid)
    if node is None:
        if len(_MEETING_NODES) > 200_000:
            _MEETING_NODES.clear()
        node = _MEETING_NODES[mid] = iri(f"{_ID}meeting/{mid}")
    return node


_RULE_NODES: dict[str, tuple[str, tuple[tuple[str, str, str], ...]]] = {}


def rule_node(rule_id: str) -> tuple[str, tuple[tuple[str, str, str], ...]]:
    """The IRI of an extraction rule and the triples that describe it (type, id as label, doc as
    comment): the same triples whichever article uses it, so a rule node is the union of identical
    contributions and goes away with the last article that names it."""
    got = _RULE_NODES.get(rule_id)
    if got is None:
        from . import catalog  # the extractor's rules are registered when it is imported

        found = catalog.get(rule_id)
        node = iri(f"{_ID}rule/{rule_id}")
        triples = [(node, RDF_TYPE, DG.ExtractionRule), (node, RDFS.label, Literal(rule_id))]
        if found is not None and found.doc:  # an unregistered rule has no comment: SHACL reports it
            triples.append((node, RDFS.comment, Literal(found.doc, lang="en")))
        got = _RULE_NODES[rule_id] = (node, tuple(triples))
    return got


def _h(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


def _date_literal(value: str) -> str:
    if len(value) == 10:
        return Literal(value, datatype=XSD.date)
    if len(value) == 7:
        return Literal(value, datatype=XSD.gYearMonth)
    return Literal(value[:4], datatype=XSD.gYear)


def role_triples() -> list[tuple[str, str, str]]:
    """Role labels travel with the data so queries need no ontology (in every graph, whatever the articles)."""
    out = []
    for role, node in ROLES.items():
        out.append((node, RDF_TYPE, DG.Role))
        out.append((node, RDFS.label, Literal(role, lang="en")))
    return out


# Below these sizes the serial steps take well under a second and a fork is not worth it.
PARALLEL_MIN_ARTICLES = 1000
PARALLEL_MIN_SUBJECTS = 20000


class Triples:
    """A set of triples (N-Triples term strings) indexed by subject and predicate.

    Holds only what the build needs: add, a wildcard membership test, the first object of a subject
    and predicate, and replacing them. Insertion order never reaches the output.
    """

    def __init__(self, spo: dict[str, dict[str, dict[str, None]]] | None = None) -> None:
        self.spo: dict[str, dict[str, dict[str, None]]] = spo if spo is not None else {}

    def add(self, t: tuple[str, str, str]) -> None:
        insert(self.spo, (t,))

    def __contains__(self, t: tuple) -> bool:
        """(s, p, o) with o None as a wildcard."""
        s, p, o = t
        objs = self.spo.get(s, {}).get(p)
        if not objs:
            return False
        return True if o is None else o in objs

    def value(self, s: str, p: str) -> str | None:
        objs = self.spo.get(s, {}).get(p)
        return next(iter(objs)) if objs else None

    def set(self, t: tuple[str, str, str]) -> None:
        s, p, o = t
        objs = self.spo.setdefault(s, {}).setdefault(p, {})
        objs.clear()
        objs[o] = None

    def __len__(self) -> int:
        return sum(len(objs) for po in self.spo.values() for objs in po.values())

    def __iter__(self):
        for s, po in self.spo.items():
            for p, objs in po.items():
                for o in objs:
                    yield s, p, o

    def ntriples(self) -> bytes:
        """Canonical N-Triples: one line per triple, lines sorted (so subjects group, then predicates)."""
        lines: list[str] = []
        for s, po in self.spo.items():
            for p, objs in po.items():
                sp = f"{s} {p} "
                lines.extend(f"{sp}{o} .\n" for o in objs)
        lines.sort()
        return "".join(lines).encode("utf-8")

    def turtle(self) -> bytes:
        """Turtle in the canonical order: subjects sorted, then predicates, then objects (the order of
        the sorted N-Triples lines), written as pyoxigraph writes it (see `ttl`, tests/test_ttl.py)."""
        from .ttl import writer

        if not self.spo:
            return b""
        from .forked import split

        w = writer(PREFIXES)
        block, spo = w.block, self.spo
        subjects = sorted(spo)
        half = len(subjects) // 2

        def blocks(part: list[str]) -> str:
            return "".join([block(s, spo[s]) for s in part])

        # blocks depend only on their subject: a forked child writes the second half of large graphs
        first, second = split(lambda: blocks(subjects[:half]), lambda: blocks(subjects[half:]),
                              parallel=len(subjects) >= PARALLEL_MIN_SUBJECTS)
        return (w.header + first + second).encode("utf-8")

    def turtle_by_pyoxigraph(self) -> bytes:
        """The same Turtle through pyoxigraph's parser and serializer (the reference `turtle` matches)."""
        data = ox.serialize(ox.parse(self.ntriples(), format=ox.RdfFormat.N_TRIPLES),
                            format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
        assert data is not None  # serialized to bytes (no output given)
        return data

    @classmethod
    def from_turtle(cls, data: bytes) -> "Triples":
        out = cls()
        for t in ox.parse(data, format=ox.RdfFormat.TURTLE):
            out.add((str(t.subject), str(t.predicate), str(t.object)))
        return out

    @classmethod
    def from_rdflib(cls, graph: "Graph") -> "Triples":
        out = cls()
        for s, p, o in graph:
            out.add((s.n3(), p.n3(), _term_from_rdflib(o)))
        return out

    def to_rdflib(self) -> "Graph":
        from rdflib import Graph

        g = Graph()
        for prefix, ns in PREFIXES.items():
            g.bind(prefix, ns, override=True)
        g.parse(data=self.ntriples(), format="nt")
        return g


def _term_from_rdflib(term) -> str:
    from rdflib import BNode, URIRef
    from rdflib import Literal as RLiteral

    if isinstance(term, URIRef):
        return iri(str(term))
    if isinstance(term, RLiteral):
        if term.language:
            return Literal(str(term), lang=term.language)
        if term.datatype is not None:
            return Literal(str(term), datatype=iri(str(term.datatype)))
        return Literal(str(term))
    assert not isinstance(term, BNode), "no blank nodes in a diplograph graph"
    raise TypeError(term)


# ----------------------------------------------------------------------------- what one article reads of the resolution
class ResView:
    """The resolution as seen by one article's mapping. With `record`, every answer is kept in `deps`:
    the article's triples and claims are a function of its facts and these answers only, so when the
    resolution of a later build gives the same answers (`deps_hold`) they are still valid."""

    __slots__ = ("res", "uid", "source", "deps")

    def __init__(self, res: Resolution, uid: Hashable, source: str, record: bool = False):
        self.res, self.uid, self.source = res, uid, source
        self.deps: dict | None = {} if record else None

    def person(self, name: str) -> str:
        canon = self.res.person_key.get(name, name)
        if self.deps is not None:
            self.deps[("p", name)] = canon
        return canon

    def meeting(self, key: str) -> tuple:
        """(meeting id, its best name, and when this report is the first mapped to it: what the meeting
        node says — kind word, date, place, organizers, status, format)."""
        res = self.res
        mid = res.meeting_key[(self.source, key)]
        s = res.summary[mid]
        out = (mid, s.best_name, tuple(s[1:]) if res.first_report[mid] == (self.uid, key) else None)
        if self.deps is not None:
            self.deps[("m", key)] = out
        return out

    def agreement(self, name: str) -> str:
        key = self.res.agreement_key[(self.source, name)]
        if self.deps is not None:
            self.deps[("a", name)] = key
        return key

    def recorded(self) -> tuple:
        """The answers given, as plain tuples (strings interned: see `resolve.res_input`)."""
        if self.deps is None:
            return ()
        return tuple((k[0], intern(k[1]), intern(v) if isinstance(v, str) else v) for k, v in self.deps.items())


def deps_hold(res: Resolution, uid: Hashable, source: str, deps: tuple) -> bool:
    """Whether the resolution gives an article the answers it was mapped with."""
    view = ResView(res, uid, source)
    try:
        for kind, arg, value in deps:
            got = view.person(arg) if kind == "p" else view.meeting(arg) if kind == "m" else view.agreement(arg)
            if got != value:
                return False
    except KeyError:
        return False
    return True


# ----------------------------------------------------------------------------- claims
# (node, claim) pairs; a claim is a tuple whose first item says what it claims:
#   ("E", types, label vi, label en|None)  lexicon entity: its types and labels (always)
#   ("e", type, label vi)                    entity named in the text: only when the node has no type yet
#   ("P", name)                              person: type, schema:name and label from the first claim
#   ("T", title, position)                   post: title and position from the first claim
#   ("X", text)                              priority: text from the first claim
#   ("A", name, as written|None, abbreviation|None, lexicon name|None, lexicon English name|None)
#                                            agreement: named by the first claim, renamed by a later
#                                            one when its name is only the abbreviation or the lexicon's
def fold(node: str, claims: Iterable[tuple]) -> list[tuple[str, str]]:
    """(predicate, object) pairs of `node` from its claims in article order (within an article, in
    the order they were made): what mapping the articles one after the other into one graph gives."""
    out: list[tuple[str, str]] = []
    typed = person = title = text = False
    agreement: _AgreementName | None = None  # made for agreement nodes only
    for c in claims:
        k = c[0]
        if k == "E":
            out.extend((RDF_TYPE, t) for t in c[1])
            out.append((RDFS.label, c[2]))
            if c[3] is not None:
                out.append((RDFS.label, c[3]))
            typed = True
        elif k == "e":
            if not typed:
                out.append((RDF_TYPE, c[1]))
                out.append((RDFS.label, c[2]))
                typed = True
        elif k == "P":
            if not person:
                out.extend(((RDF_TYPE, DG.Person), (SCHEMA.name, c[1]), (RDFS.label, c[1])))
                person = True
        elif k == "T":
            if not title:
                out.extend(((DG.title, c[1]), (DG.position, c[2])))
                title = True
        elif k == "X":
            if not text:
                out.append((DG.text, c[1]))
                text = True
        elif k == "A":
            if agreement is None:
                agreement = _AgreementName()
            agreement.claim(c)
        else:  # pragma: no cover - claims are made only below
            raise ValueError(f"unknown claim {k!r}")
    if agreement is not None:
        out.extend(agreement.pairs())
    return out


class _AgreementName:
    """The "A" claims on one agreement, in order: named by the first, renamed by a later one when its
    name is only the abbreviation or the lexicon's; every other name written is an alternative label."""

    __slots__ = ("name", "en", "alts")

    def __init__(self) -> None:
        self.name: str | None = None
        self.en: str | None = None
        self.alts: list[str] = []

    def claim(self, c: tuple) -> None:
        _, name, written, abbr, known_vi, known_en = c
        if self.name is None:
            self.name = name
            if known_en is not None and self.en is None:
                self.en = known_en
        elif written is not None and written != self.name:
            if (abbr is not None and self.name == abbr) or (known_vi is not None and self.name == known_vi):
                self.name = written
            self.alts.append(written)

    def pairs(self) -> list[tuple[str, str]]:
        if self.name is None:
            return []
        out = [(SCHEMA.name, self.name), (RDFS.label, self.name)]
        if self.en is not None:
            out.append((DG.englishName, self.en))
        out.extend((SKOS.altLabel, alt) for alt in self.alts)
        return out


# ----------------------------------------------------------------------------- mapping one article
class ArticleMapper:
    """Maps one article at a time; holds the lexicon and the term caches (no graph state)."""

    def __init__(self) -> None:
        from .lexicon import load

        self.lex = load()
        self._entities: dict[tuple[str, str], tuple[str, tuple]] = {}  # (text, default kind) -> (node, claim)
        self._person_nodes: dict[str, str] = {}
        self._is_org_cache: dict[str, bool] = {}
        # rule entity.spelling for lexicon entries too: the lexicon finds a name by its spelling key, which
        # keeps punctuation; `ids.name_key` does not ("Bộ Văn hóa Thể thao và Du lịch" is the lexicon's
        # "Bộ Văn hóa, Thể thao và Du lịch", which only a slug accident used to find). A key two entries share
        # finds neither.
        self._abbreviations = {abbr.casefold(): abbr for abbr in self.lex.agreements}
        self._by_name_key: dict[str, Entry | None] = {}
        for k, e in dict.items(self.lex.by_label):  # its keys are spelling keys already
            nk = name_key(k)
            self._by_name_key[nk] = e if self._by_name_key.get(nk, e) == e else None

    def abbreviation(self, text: str) -> str:
        """An agreement's abbreviation as the graph writes it: the lexicon's (``NAFTA`` for ``Nafta``), else
        in capitals. Abbreviations are one agreement whatever their case (`ids.agreement_local`), so its
        node has one `dg:abbreviation` (``"NAFTA" , "Nafta"`` broke the shapes on the 12,000-article corpus)."""
        known = self._abbreviations.get(text.casefold())
        return known if known is not None else text.upper()

    def lookup(self, text: str) -> "Entry | None":
        """The lexicon entry of an organization or place named in the text (`Lexicon.lookup`, then `name_key`)."""
        return self.lex.lookup(text) or self._by_name_key.get(name_key(text))

    def entity(self, text: str, default_kind: str = "org") -> tuple[str, tuple]:
        """Node of an organization, country or place named in the text (lexicon node when known), and
        the claim that labels it."""
        key = (text, default_kind)
        got = self._entities.get(key)
        if got is not None:
            return got
        entry = self.lookup(text)
        if entry is not None:
            got = (iri(entry.iri), ("E", _ENTITY_TYPES[entry.kind], _vi(entry.label_vi),
                                    Literal(entry.label_en, lang="en") if entry.label_en else None))
        else:
            place = default_kind == "place"
            got = (f"<{_ID}{'place' if place else 'org'}/{entity_local(text)}>",
                   ("e", DG.Place if place else DG.Organization, _vi(text)))
        if len(self._entities) > 100_000:
            self._entities.clear()
        self._entities[key] = got
        return got

    def _is_org(self, text: str) -> bool:
        got = self._is_org_cache.get(text)
        if got is None:
            entry = self.lookup(text)
            got = self._is_org_cache[text] = entry is None or entry.kind != "place"
        return got

    def map_article(self, a: ArticleFacts, view: ResView) -> tuple[list[tuple[str, str, str]], list[tuple[str, tuple]]]:
        """The article's triples and claims (see `fold`)."""
        return _ArticleMapping(self, a, view).run()


class _ArticleMapping:
    """The mapping of one article: its triples `T` and claims `C`, made section by section."""

    def __init__(self, mapper: ArticleMapper, a: ArticleFacts, view: ResView) -> None:
        self.mapper, self.a, self.view = mapper, a, view
        self.T: list[tuple[str, str, str]] = []
        self.C: list[tuple[str, tuple]] = []
        self.add = self.T.append
        self.seen: set[tuple[str, str]] = set()  # (node, kind): a first-wins claim made twice by one article is dropped
        self.rules_used: set[str] = set()
        self.art = ID[f"article/{a.content_hash[:16]}"]
        self.keys: dict[str, str] = {}  # meeting key -> meeting node

    def run(self) -> tuple[list[tuple[str, str, str]], list[tuple[str, tuple]]]:
        self.article()
        self.people()
        self.meetings()
        self.agreements()
        self.priorities()
        return self.T, self.C

    # -------------------------------------------------------------- shared by the sections
    def claim(self, node: str, c: tuple) -> None:
        k = c[0]
        if k == "A":
            self.C.append((node, c))
            return
        seen = self.seen
        if k == "e":
            if (node, "ent") in seen:
                return
        elif (node, k) in seen:
            return
        seen.add((node, k))
        if k in ("E", "e"):
            seen.add((node, "ent"))
        self.C.append((node, c))

    def entity(self, text: str, default_kind: str = "org") -> str:
        node, c = self.mapper.entity(text, default_kind)
        self.claim(node, c)
        return node

    def place_entity(self, text: str) -> str:
        """A place as the text writes it ("Hoa Kỳ", "Vương quốc Bỉ"), linked to the lexicon's place."""
        entry = self.mapper.lex.place_entry(text)  # "Vương quốc Bỉ": Bỉ, as written
        if entry is not None and entry.kind not in ("place", "country"):
            # an organization named as the venue ("tại Lầu Năm Góc"): the meeting's place is a Place of that name
            node = f"<{_ID}place/{entity_local(text)}>"
            self.claim(node, ("e", DG.Place, _vi(text)))
            return node
        if entry is None or entry.label_vi == text:
            return self.entity(text, "place")
        node = f"<{_ID}place/{entity_local(text)}>"
        self.claim(node, ("e", DG.Place, _vi(text)))
        self.add((node, DG.normalizedPlace, self.entity(entry.label_vi, "place")))
        return node

    def person(self, name: str) -> str:
        canon = self.view.person(name)
        person_nodes = self.mapper._person_nodes
        node = person_nodes.get(canon)
        if node is None:
            if len(person_nodes) > 100_000:
                person_nodes.clear()
            node = person_nodes[canon] = f"<{_ID}person/{person_local(canon)}>"
        self.claim(node, ("P", _vi(canon)))
        if canon != name:
            self.add((node, SKOS.altLabel, _vi(name)))
        return node

    def evidence(self, node: str, sentence: str) -> None:
        self.add((node, PROV.wasDerivedFrom, self.art))
        if sentence:
            self.add((node, DG.evidence, _vi(sentence)))

    def extracted_by(self, node: str, kind: str, rule_id: str) -> None:
        """`node` was made by the rule (its kind's fallback when none is named); the rule node's own
        triples are written once per article that uses it."""
        rule_id = or_fallback(kind, rule_id)
        rnode, rtriples = rule_node(rule_id)
        self.add((node, DG.extractedBy, rnode))
        if rule_id not in self.rules_used:
            self.rules_used.add(rule_id)
            self.T.extend(rtriples)

    # -------------------------------------------------------------- sections
    def article(self) -> None:
        a, art, add = self.a, self.art, self.add
        add((art, RDF_TYPE, DG.Article))
        add((art, SCHEMA.headline, _vi(a.headline)))
        add((art, DG.sourceFile, _plain(a.source)))
        add((art, DG.contentHash, _plain(a.content_hash)))
        if a.url:
            add((art, SCHEMA.url, Literal(a.url, datatype=XSD.anyURI)))
        if a.date:
            add((art, SCHEMA.datePublished, _date_literal(a.date)))
        for c in a.credits:
            add((art, DG.credit, _plain(c)))
        by_iri = self.mapper.lex.by_iri
        for org_iri in a.organizations:
            entry = by_iri.get(org_iri)
            if entry:
                add((art, DG.mentions, self.entity(entry.label_vi)))

    def people(self) -> None:
        """People and their dated posts."""
        a, view, add, art, is_org = self.a, self.view, self.add, self.art, self.mapper._is_org
        for p in a.people:
            node_p = self.person(p.name)
            add((node_p, PROV.wasDerivedFrom, art))
            for post in p.posts:
                node = ID[f"post/{_h(view.person(p.name), norm_cached(post.position), norm_cached(post.organization or ''), post.qualifier or '', a.date or '', norm_cached(post.title), p.name)}"]
                add((node, RDF_TYPE, DG.PostHolding))
                add((node, DG.holder, node_p))
                add((node, DG.nameAsWritten, _vi(p.name)))
                self.claim(node, ("T", _vi(post.title), _vi(post.position)))
                if post.qualifier:
                    add((node, DG.qualifier, _plain(post.qualifier)))
                if post.organization and is_org(post.organization):
                    add((node, DG.organization, self.entity(post.organization)))
                if a.date:
                    add((node, DG.asOf, _date_literal(a.date)))
                self.evidence(node, post.evidence)
                self.extracted_by(node, "post", post.rule)

    def meetings(self) -> None:
        keys, add = self.keys, self.add
        for m in self.a.meetings:
            mid, best_name, first = self.view.meeting(m.key)
            node = keys[m.key] = _meeting_node(mid)
            if first is not None:  # the first report mapped to this meeting writes what the meeting node says
                self.meeting_node(node, m, best_name, first)
            for name in sorted({m.name, *m.variants} - {best_name}):
                add((node, DG.nameVariant, _vi(name)))
            self.evidence(node, m.evidence)
            for rule_id in m.rules or ("",):
                self.extracted_by(node, "meeting", rule_id)
            for part in m.participants:
                node_p = self.person(part.name)
                pnode = ID[f"participation/{_h(mid, self.view.person(part.name), part.role)}"]
                add((pnode, RDF_TYPE, DG.Participation))
                add((pnode, DG.meeting, node))
                add((pnode, DG.participant, node_p))
                add((pnode, DG.nameAsWritten, _vi(part.name)))
                add((pnode, DG.role, ROLES[part.role]))
                self.evidence(pnode, part.evidence)
                self.extracted_by(pnode, "participant", part.rule)
        for m in self.a.meetings:
            if m.part_of and m.part_of in keys:
                add((keys[m.key], DG.partOf, keys[m.part_of]))

    def meeting_node(self, node: str, m: MeetingFact, best_name: str, first: tuple) -> None:
        """What the meeting node says (written by the first report mapped to the meeting)."""
        add = self.add
        kind_word, date, place, organizers, status, fmt = first
        add((node, RDF_TYPE, DG.Conference))
        if m.kind != "Conference":
            add((node, RDF_TYPE, DG[m.kind]))
        add((node, SCHEMA.name, _vi(best_name)))
        add((node, RDFS.label, _vi(best_name)))
        add((node, DG.kind, _vi(kind_word)))
        if date:
            add((node, DG.date, _date_literal(date)))
        if place:
            add((node, DG.place, self.place_entity(place)))
        org = next((x for x in organizers if self.mapper._is_org(x)), None)
        if org:
            add((node, DG.organizer, self.entity(org)))
        add((node, DG.status, _plain(status)))
        if fmt:
            add((node, DG["format"], _plain(fmt)))

    def agreements(self) -> None:
        a, add, art, lex = self.a, self.add, self.art, self.mapper.lex
        for ag in a.agreements:
            key = self.view.agreement(ag.abbreviation or ag.name or "")
            node = ID[f"agreement/{key}"]
            abbreviation = self.mapper.abbreviation(ag.abbreviation) if ag.abbreviation else None
            known = lex.agreements.get(abbreviation or "")
            add((node, RDF_TYPE, DG.Agreement))
            if abbreviation:
                add((node, DG.abbreviation, _plain(abbreviation)))
            name = ag.name or (known.label_vi if known else abbreviation)
            self.claim(node, ("A", _vi(name) if name is not None else None,
                              _vi(ag.name) if ag.name else None,
                              _vi(abbreviation) if abbreviation else None,
                              _vi(known.label_vi) if known else None,
                              Literal(known.label_en, lang="en") if known and known.label_en else None))
            add((art, DG.mentions, node))
            act = ID[f"agreement-action/{_h(key, a.content_hash, norm_cached(ag.action), ag.tense)}"]
            add((act, RDF_TYPE, DG.AgreementAction))
            add((act, DG.agreement, node))
            add((act, DG.action, _vi(ag.action)))
            add((act, DG.actionType, DG[ag.action_type]))
            add((act, DG.tense, _plain(ag.tense)))
            self.evidence(act, ag.evidence)
            self.extracted_by(act, "agreement", ag.rule)

    def priorities(self) -> None:
        add, keys = self.add, self.keys
        for pr in self.a.priorities:
            node = ID[f"priority/{_h(pr.year, norm_cached(pr.text))}"]
            add((node, RDF_TYPE, DG.Priority))
            self.claim(node, ("X", _vi(pr.text)))
            if pr.year:
                add((node, DG.year, Literal(str(pr.year), datatype=XSD.gYear)))
            add((node, DG.priorityKind, _plain(pr.kind)))
            if pr.set_by:
                add((node, DG.setBy, self.person(pr.set_by)))
            if pr.meeting and pr.meeting in keys:
                add((node, DG.setAt, keys[pr.meeting]))
            self.evidence(node, pr.evidence)
            self.extracted_by(node, "priority", pr.rule)


def insert(spo: dict[str, dict[str, dict[str, None]]], triples: Iterable[tuple[str, str, str]]) -> None:
    """Add triples to a subject -> predicate -> objects index (a loop over many: it runs for every
    triple of an archive)."""
    get = spo.get
    for s, p, o in triples:
        po = get(s)
        if po is None:
            spo[s] = {p: {o: None}}
            continue
        objs = po.get(p)
        if objs is None:
            po[p] = {o: None}
        else:
            objs[o] = None


def group_by_key(items: Iterable[tuple]) -> dict:
    """(key, value) pairs to key -> [values], in order."""
    out: dict = {}
    for k, v in items:
        have = out.get(k)
        if have is None:
            out[k] = [v]
        else:
            have.append(v)
    return out


def assemble(mapped: Iterable[tuple[list, list]]) -> Triples:
    """One graph from the (triples, claims) of every article, given in article order."""
    mapped = list(mapped)
    spo: dict[str, dict[str, dict[str, None]]] = {}
    insert(spo, role_triples())
    for triples, _ in mapped:
        insert(spo, triples)
    claims = group_by_key(c for _, cl in mapped for c in cl)
    for node, cl in claims.items():
        insert(spo, ((node, p, o) for p, o in fold(node, cl)))
    return Triples(spo)


class Mapper:
    """All articles to one graph: resolve, map each article, assemble.

    `inputs`: the `res_input` of each article (same order as `articles`) when they were made already
    (by the workers that extracted the facts)."""

    def __init__(self, articles: list[ArticleFacts], inputs: list[tuple | None] | None = None):
        pairs = sorted(zip(articles, inputs or [None] * len(articles), strict=True), key=lambda x: x[0].source)
        self.articles = [a for a, _ in pairs]
        self.res: Resolution = resolve_inputs([(i, a.source, r if r is not None else res_input(a))
                                               for i, (a, r) in enumerate(pairs)])
        self.mapper = ArticleMapper()
        self.lex = self.mapper.lex

    def build(self) -> Triples:
        from .forked import split

        def mapped(lo: int, hi: int) -> list:
            return [self.mapper.map_article(a, ResView(self.res, i, a.source))
                    for i, a in enumerate(self.articles[lo:hi], lo)]

        n = len(self.articles)
        half = n // 2
        # mapping is one core's work after the pool: above a few hundred articles a forked child maps
        # the second half meanwhile (forked.split; the same result either way)
        first, second = split(lambda: mapped(0, half), lambda: mapped(half, n), parallel=n >= PARALLEL_MIN_ARTICLES)
        return assemble(first + second)


def to_triples(articles: Iterable[ArticleFacts], inputs: list[tuple | None] | None = None) -> Triples:
    """The graph of the articles as a `Triples` set (fast path: serialize with `Triples.turtle`)."""
    return Mapper(list(articles), inputs).build()


def to_graph(articles: Iterable[ArticleFacts]) -> "Graph":
    """The graph of the articles as an rdflib Graph (for the HTML view, SHACL and tests)."""
    return to_triples(articles).to_rdflib()
