"""Resolved facts to RDF: every n-ary node carries its article(s) and evidence sentence.

IRIs are minted from normalized content (names, dates, hashes of the defining values) and no blank
node is ever made, so rdflib's Turtle is byte-identical between runs.
"""
from __future__ import annotations

import hashlib

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD

from .facts import ArticleFacts
from .lexicon import DG, ID, SCHEMA, Entry, load, slug
from .resolve import Resolution, norm, resolve

ROLES = {"chair": DG.chair, "speaker": DG.speaker, "attendee": DG.attendee}


def _h(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]


def _date_literal(value: str) -> Literal:
    if len(value) == 10:
        return Literal(value, datatype=XSD.date)
    if len(value) == 7:
        return Literal(value, datatype=XSD.gYearMonth)
    return Literal(value[:4], datatype=XSD.gYear)


def new_graph() -> Graph:
    g = Graph()
    for prefix, ns in (("dg", DG), ("id", ID), ("schema", SCHEMA), ("prov", PROV), ("rdfs", RDFS), ("skos", SKOS),
                       ("xsd", XSD), ("owl", OWL)):
        g.bind(prefix, ns, override=True)
    return g


class Mapper:
    def __init__(self, articles: list[ArticleFacts]):
        self.lex = load()
        self.articles = sorted(articles, key=lambda a: a.source)
        self.res: Resolution = resolve(self.articles)
        self.g = new_graph()
        self._orgs: dict[str, URIRef] = {}

    # ------------------------------------------------------------------ helpers
    def label(self, node: URIRef, vi: str, en: str | None = None) -> None:
        self.g.add((node, RDFS.label, Literal(vi, lang="vi")))
        if en:
            self.g.add((node, RDFS.label, Literal(en, lang="en")))

    def entity(self, text: str, default_kind: str = "org") -> URIRef:
        """Node of an organization, country or place named in the text (lexicon node when known)."""
        entry: Entry | None = self.lex.lookup(text)
        if entry is not None:
            node = URIRef(entry.iri)
            if node not in self._orgs.values():
                kinds = {"country": [DG.Country, DG.Organization, DG.Place], "place": [DG.Place], "org": [DG.Organization],
                         "outlet": [DG.Organization]}[entry.kind]
                for k in kinds:
                    self.g.add((node, RDF.type, k))
                self.label(node, entry.label_vi, entry.label_en)
                self._orgs[entry.iri] = node
            return node
        node = ID[f"{'place' if default_kind == 'place' else 'org'}/{slug(text)[:90]}"]
        if (node, RDF.type, None) not in self.g:
            self.g.add((node, RDF.type, DG.Place if default_kind == "place" else DG.Organization))
            self.label(node, text)
        return node

    def _is_org(self, text: str) -> bool:
        entry = self.lex.lookup(text)
        return entry is None or entry.kind != "place"

    def person(self, name: str) -> URIRef:
        canon = self.res.person_key.get(name, name)
        node = ID[f"person/{slug(canon)}"]
        if (node, RDF.type, DG.Person) not in self.g:
            self.g.add((node, RDF.type, DG.Person))
            self.g.add((node, SCHEMA.name, Literal(canon, lang="vi")))
            self.label(node, canon)
        if canon != name:
            self.g.add((node, SKOS.altLabel, Literal(name, lang="vi")))
        return node

    def evidence(self, node: URIRef, article: URIRef, sentence: str) -> None:
        self.g.add((node, PROV.wasDerivedFrom, article))
        if sentence:
            self.g.add((node, DG.evidence, Literal(sentence, lang="vi")))

    # ------------------------------------------------------------------ mapping
    def build(self) -> Graph:
        g = self.g
        for role, node in ROLES.items():  # role labels travel with the data so queries need no ontology
            g.add((node, RDF.type, DG.Role))
            g.add((node, RDFS.label, Literal(role, lang="en")))
        for a in self.articles:
            self.map_article(a)
        return g

    def map_article(self, a: ArticleFacts) -> None:
        g = self.g
        art = ID[f"article/{a.content_hash[:16]}"]
        g.add((art, RDF.type, DG.Article))
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
                g.add((node, RDF.type, DG.PostHolding))
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
            if (node, RDF.type, DG.Conference) not in g:
                g.add((node, RDF.type, DG.Conference))
                if m.kind != "Conference":
                    g.add((node, RDF.type, DG[m.kind]))
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
                    g.add((node, DG.format, Literal(fmt)))
            for name in {m.name, *m.variants} - {best.name}:
                g.add((node, DG.nameVariant, Literal(name, lang="vi")))
            self.evidence(node, art, m.evidence)
            for part in m.participants:
                person = self.person(part.name)
                pnode = ID[f"participation/{_h(mid, self.res.person_key.get(part.name, part.name), part.role)}"]
                g.add((pnode, RDF.type, DG.Participation))
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
            g.add((node, RDF.type, DG.Agreement))
            if ag.abbreviation:
                g.add((node, DG.abbreviation, Literal(ag.abbreviation)))
            name = ag.name or (known.label_vi if known else ag.abbreviation)
            if (node, SCHEMA.name, None) not in g:
                g.add((node, SCHEMA.name, Literal(name, lang="vi")))
                g.add((node, RDFS.label, Literal(name, lang="vi")))
                if known and known.label_en:
                    g.add((node, DG.englishName, Literal(known.label_en, lang="en")))
            elif ag.name and ag.name != str(g.value(node, SCHEMA.name)):
                current = str(g.value(node, SCHEMA.name))
                if current == ag.abbreviation or (known and current == known.label_vi):
                    g.set((node, SCHEMA.name, Literal(ag.name, lang="vi")))
                    g.set((node, RDFS.label, Literal(ag.name, lang="vi")))
                g.add((node, SKOS.altLabel, Literal(ag.name, lang="vi")))
            g.add((art, DG.mentions, node))
            act = ID[f"agreement-action/{_h(key, a.content_hash, norm(ag.action), ag.tense)}"]
            g.add((act, RDF.type, DG.AgreementAction))
            g.add((act, DG.agreement, node))
            g.add((act, DG.action, Literal(ag.action, lang="vi")))
            g.add((act, DG.actionType, DG[ag.action_type]))
            g.add((act, DG.tense, Literal(ag.tense)))
            self.evidence(act, art, ag.evidence)
        # priorities
        for pr in a.priorities:
            node = ID[f"priority/{_h(pr.year, norm(pr.text))}"]
            g.add((node, RDF.type, DG.Priority))
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


def to_graph(articles: list[ArticleFacts]) -> Graph:
    return Mapper(articles).build()
