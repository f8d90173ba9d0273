"""Resolved facts to RDF: every n-ary node carries its article(s) and evidence sentence.

IRIs are minted from normalized content (names, dates, hashes of the defining values) and no blank
node is ever made. The mapper fills a `Triples` set whose terms are N-Triples strings made by
pyoxigraph (`<iri>`, `"text"@vi`), not an rdflib Graph: at archive scale (hundreds of thousands of
triples) rdflib's terms and store dominated the build. `Triples.turtle` sorts the triples (one
canonical order, whatever order facts arrive in) and has pyoxigraph parse and serialize them, so the
Turtle is byte-identical between runs, an incremental build writes exactly what a full build writes,
and any malformed term fails loudly in the parser. `to_graph` still gives an rdflib Graph for the
HTML view, SHACL and tests.
"""
from __future__ import annotations

import hashlib
from typing import Iterable

import pyoxigraph as ox
from rdflib import Graph

from .facts import ArticleFacts
from .lexicon import Entry, load, slug
from .resolve import Resolution, norm, resolve

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
        # minted ids are slugs and hex digests: no character that needs checking
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

ROLES = {"chair": DG.chair, "speaker": DG.speaker, "attendee": DG.attendee}
_DATATYPES: dict[str, ox.NamedNode] = {}
_VI: dict[str, str] = {}  # the same sentence is the evidence of several nodes, names recur: made once


def Literal(value: str, lang: str | None = None, datatype: str | None = None) -> str:
    """A literal term in N-Triples form, escaped by pyoxigraph (text from articles is never formatted by hand)."""
    if lang == "vi":
        term = _VI.get(value)
        if term is None:
            if len(_VI) > 500_000:
                _VI.clear()
            term = _VI[value] = str(ox.Literal(value, language=lang))
        return term
    if lang:
        return str(ox.Literal(value, language=lang))
    if datatype is not None:
        dt = _DATATYPES.get(datatype)
        if dt is None:
            dt = _DATATYPES[datatype] = ox.NamedNode(datatype[1:-1])
        return str(ox.Literal(value, datatype=dt))
    return str(ox.Literal(value))


def _h(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]


def _date_literal(value: str) -> str:
    if len(value) == 10:
        return Literal(value, datatype=XSD.date)
    if len(value) == 7:
        return Literal(value, datatype=XSD.gYearMonth)
    return Literal(value[:4], datatype=XSD.gYear)


class Triples:
    """A set of triples (N-Triples term strings) indexed by subject and predicate.

    Holds only what the mapper needs: add, a wildcard membership test, the first object of a
    subject and predicate, and replacing them. Insertion order never reaches the output.
    """

    def __init__(self) -> None:
        self.spo: dict[str, dict[str, dict[str, None]]] = {}
        self.count = 0

    def add(self, t: tuple[str, str, str]) -> None:
        s, p, o = t
        po = self.spo.get(s)
        if po is None:
            po = self.spo[s] = {}
        objs = po.get(p)
        if objs is None:
            objs = po[p] = {}
        if o not in objs:
            objs[o] = None
            self.count += 1

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
        self.count -= len(objs)
        objs.clear()
        self.add(t)

    def __len__(self) -> int:
        return self.count

    def ntriples(self) -> bytes:
        """Canonical N-Triples: one line per triple, lines sorted (so subjects group, then predicates)."""
        lines = []
        for s, po in self.spo.items():
            for p, objs in po.items():
                sp = f"{s} {p} "
                lines.extend(f"{sp}{o} .\n" for o in objs)
        lines.sort()
        return "".join(lines).encode("utf-8")

    def turtle(self) -> bytes:
        """Turtle in the canonical order, written by pyoxigraph."""
        return ox.serialize(ox.parse(self.ntriples(), format=ox.RdfFormat.N_TRIPLES),
                            format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)

    @classmethod
    def from_rdflib(cls, graph: Graph) -> "Triples":
        out = cls()
        for s, p, o in graph:
            out.add((s.n3(), p.n3(), _term_from_rdflib(o)))
        return out

    def to_rdflib(self) -> Graph:
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


class Mapper:
    def __init__(self, articles: list[ArticleFacts]):
        self.lex = load()
        self.articles = sorted(articles, key=lambda a: a.source)
        self.res: Resolution = resolve(self.articles)
        self.g = Triples()
        self._orgs: dict[str, str] = {}
        self._person_nodes: dict[str, str] = {}

    # ------------------------------------------------------------------ helpers
    def label(self, node: str, vi: str, en: str | None = None) -> None:
        self.g.add((node, RDFS.label, Literal(vi, lang="vi")))
        if en:
            self.g.add((node, RDFS.label, Literal(en, lang="en")))

    def entity(self, text: str, default_kind: str = "org") -> str:
        """Node of an organization, country or place named in the text (lexicon node when known)."""
        entry: Entry | None = self.lex.lookup(text)
        if entry is not None:
            node = iri(entry.iri)
            if entry.iri not in self._orgs:
                kinds = {"country": [DG.Country, DG.Organization, DG.Place], "place": [DG.Place], "org": [DG.Organization],
                         "outlet": [DG.Organization]}[entry.kind]
                for k in kinds:
                    self.g.add((node, RDF_TYPE, k))
                self.label(node, entry.label_vi, entry.label_en)
                self._orgs[entry.iri] = node
            return node
        node = ID[f"{'place' if default_kind == 'place' else 'org'}/{slug(text)[:90]}"]
        if (node, RDF_TYPE, None) not in self.g:
            self.g.add((node, RDF_TYPE, DG.Place if default_kind == "place" else DG.Organization))
            self.label(node, text)
        return node

    def _is_org(self, text: str) -> bool:
        entry = self.lex.lookup(text)
        return entry is None or entry.kind != "place"

    def person(self, name: str) -> str:
        canon = self.res.person_key.get(name, name)
        node = self._person_nodes.get(canon)
        if node is None:
            node = self._person_nodes[canon] = ID[f"person/{slug(canon)}"]
        if (node, RDF_TYPE, DG.Person) not in self.g:
            self.g.add((node, RDF_TYPE, DG.Person))
            self.g.add((node, SCHEMA.name, Literal(canon, lang="vi")))
            self.label(node, canon)
        if canon != name:
            self.g.add((node, SKOS.altLabel, Literal(name, lang="vi")))
        return node

    def evidence(self, node: str, article: str, sentence: str) -> None:
        self.g.add((node, PROV.wasDerivedFrom, article))
        if sentence:
            self.g.add((node, DG.evidence, Literal(sentence, lang="vi")))

    # ------------------------------------------------------------------ mapping
    def build(self) -> Triples:
        g = self.g
        for role, node in ROLES.items():  # role labels travel with the data so queries need no ontology
            g.add((node, RDF_TYPE, DG.Role))
            g.add((node, RDFS.label, Literal(role, lang="en")))
        for a in self.articles:
            self.map_article(a)
        return g

    def map_article(self, a: ArticleFacts) -> None:
        g = self.g
        art = ID[f"article/{a.content_hash[:16]}"]
        g.add((art, RDF_TYPE, DG.Article))
        g.add((art, SCHEMA.headline, Literal(a.headline, lang="vi")))
        g.add((art, DG.sourceFile, Literal(a.source)))
        g.add((art, DG.contentHash, Literal(a.content_hash)))
        if a.url:
            g.add((art, SCHEMA.url, Literal(a.url, datatype=XSD.anyURI)))
        if a.date:
            g.add((art, SCHEMA.datePublished, _date_literal(a.date)))
        for c in a.credits:
            g.add((art, DG.credit, Literal(c)))
        for iri in a.organizations:
            entry = self.lex.by_iri.get(iri)
            if entry:
                g.add((art, DG.mentions, self.entity(entry.label_vi)))
        # people and dated posts
        for p in a.people:
            person = self.person(p.name)
            g.add((person, PROV.wasDerivedFrom, art))
            for post in p.posts:
                node = ID[f"post/{_h(self.res.person_key.get(p.name, p.name), norm(post.position), norm(post.organization or ''), post.qualifier or '', a.date or '', norm(post.title), p.name)}"]
                g.add((node, RDF_TYPE, DG.PostHolding))
                g.add((node, DG.holder, person))
                g.add((node, DG.nameAsWritten, Literal(p.name, lang="vi")))
                if (node, DG.title, None) not in g:
                    g.add((node, DG.title, Literal(post.title, lang="vi")))
                    g.add((node, DG.position, Literal(post.position, lang="vi")))
                if post.qualifier:
                    g.add((node, DG.qualifier, Literal(post.qualifier)))
                if post.organization and self._is_org(post.organization):
                    g.add((node, DG.organization, self.entity(post.organization)))
                if a.date:
                    g.add((node, DG.asOf, _date_literal(a.date)))
                self.evidence(node, art, post.evidence)
        # meetings
        keys = {}
        for m in a.meetings:
            mid = self.res.meeting_key[(a.source, m.key)]
            keys[m.key] = mid
            node = ID[f"meeting/{mid}"]
            cluster = self.res.meetings[mid]
            best = max((x for _, x in cluster), key=lambda x: (bool(x.date), len(x.name), x.name))
            if (node, RDF_TYPE, DG.Conference) not in g:
                g.add((node, RDF_TYPE, DG.Conference))
                if m.kind != "Conference":
                    g.add((node, RDF_TYPE, DG[m.kind]))
                g.add((node, SCHEMA.name, Literal(best.name, lang="vi")))
                g.add((node, RDFS.label, Literal(best.name, lang="vi")))
                g.add((node, DG.kind, Literal(best.kind_word, lang="vi")))
                date = next((x.date for _, x in cluster if x.date), None)
                if date:
                    g.add((node, DG.date, _date_literal(date)))
                place = next((x.place for _, x in cluster if x.place), None)
                if place:
                    g.add((node, DG.place, self.entity(place, "place")))
                org = next((x.organizer for _, x in cluster if x.organizer and self._is_org(x.organizer)), None)
                if org:
                    g.add((node, DG.organizer, self.entity(org)))
                status = "held" if any(x.status == "held" for _, x in cluster) else "planned"
                g.add((node, DG.status, Literal(status)))
                fmt = next((x.format for _, x in cluster if x.format), None)
                if fmt:
                    g.add((node, DG["format"], Literal(fmt)))
            for name in {m.name, *m.variants} - {best.name}:
                g.add((node, DG.nameVariant, Literal(name, lang="vi")))
            self.evidence(node, art, m.evidence)
            for part in m.participants:
                person = self.person(part.name)
                pnode = ID[f"participation/{_h(mid, self.res.person_key.get(part.name, part.name), part.role)}"]
                g.add((pnode, RDF_TYPE, DG.Participation))
                g.add((pnode, DG.meeting, node))
                g.add((pnode, DG.participant, person))
                g.add((pnode, DG.nameAsWritten, Literal(part.name, lang="vi")))
                g.add((pnode, DG.role, ROLES[part.role]))
                self.evidence(pnode, art, part.evidence)
        for m in a.meetings:
            if m.part_of and m.part_of in keys:
                g.add((ID[f"meeting/{keys[m.key]}"], DG.partOf, ID[f"meeting/{keys[m.part_of]}"]))
        # agreements
        for ag in a.agreements:
            key = self.res.agreement_key[(a.source, ag.abbreviation or ag.name or "")]
            node = ID[f"agreement/{key}"]
            known = self.lex.agreements.get(ag.abbreviation or "")
            g.add((node, RDF_TYPE, DG.Agreement))
            if ag.abbreviation:
                g.add((node, DG.abbreviation, Literal(ag.abbreviation)))
            name = ag.name or (known.label_vi if known else ag.abbreviation)
            if (node, SCHEMA.name, None) not in g:
                g.add((node, SCHEMA.name, Literal(name, lang="vi")))
                g.add((node, RDFS.label, Literal(name, lang="vi")))
                if known and known.label_en:
                    g.add((node, DG.englishName, Literal(known.label_en, lang="en")))
            elif ag.name and Literal(ag.name, lang="vi") != g.value(node, SCHEMA.name):
                current = g.value(node, SCHEMA.name)
                if (ag.abbreviation and current == Literal(ag.abbreviation, lang="vi")) or (known and current == Literal(known.label_vi, lang="vi")):
                    g.set((node, SCHEMA.name, Literal(ag.name, lang="vi")))
                    g.set((node, RDFS.label, Literal(ag.name, lang="vi")))
                g.add((node, SKOS.altLabel, Literal(ag.name, lang="vi")))
            g.add((art, DG.mentions, node))
            act = ID[f"agreement-action/{_h(key, a.content_hash, norm(ag.action), ag.tense)}"]
            g.add((act, RDF_TYPE, DG.AgreementAction))
            g.add((act, DG.agreement, node))
            g.add((act, DG.action, Literal(ag.action, lang="vi")))
            g.add((act, DG.actionType, DG[ag.action_type]))
            g.add((act, DG.tense, Literal(ag.tense)))
            self.evidence(act, art, ag.evidence)
        # priorities
        for pr in a.priorities:
            node = ID[f"priority/{_h(pr.year, norm(pr.text))}"]
            g.add((node, RDF_TYPE, DG.Priority))
            if (node, DG.text, None) not in g:
                g.add((node, DG.text, Literal(pr.text, lang="vi")))
            if pr.year:
                g.add((node, DG.year, Literal(str(pr.year), datatype=XSD.gYear)))
            g.add((node, DG.priorityKind, Literal(pr.kind)))
            if pr.set_by:
                g.add((node, DG.setBy, self.person(pr.set_by)))
            if pr.meeting and pr.meeting in keys:
                g.add((node, DG.setAt, ID[f"meeting/{keys[pr.meeting]}"]))
            self.evidence(node, art, pr.evidence)


def to_triples(articles: Iterable[ArticleFacts]) -> Triples:
    """The graph of the articles as a `Triples` set (fast path: serialize with `Triples.turtle`)."""
    return Mapper(list(articles)).build()


def to_graph(articles: Iterable[ArticleFacts]) -> Graph:
    """The graph of the articles as an rdflib Graph (for the HTML view, SHACL and tests)."""
    return to_triples(articles).to_rdflib()
