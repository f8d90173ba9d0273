"""Render the diplograph knowledge graph as one self-contained, offline, interactive HTML page.

Why it is built this way:

* The page must open from a file on a machine with no network, so vis-network (taken from the
  files pyvis bundles) and all our CSS/JS are inlined; a Content-Security-Policy with
  ``default-src 'none'`` and per-script hashes makes any accidental request or injected script
  fail loudly instead of silently phoning home.
* Article text is untrusted.  Every string from the graph goes into the page as JSON inside
  ``<script type="application/json">`` with ``<``, ``>``, ``&``, U+2028 and U+2029 escaped, and
  the page script builds tooltips and the detail panel with ``textContent`` only (and draws node
  labels on the canvas with ``fillText``).
* A whole archive must stay readable: every node goes into the page's data (so all are searchable
  and can be added to the view), but vis-network opens on ``START_NODES`` people and meetings of
  highest PageRank (PageRank in plain Python: networkx's needs scipy, not a dependency); the page
  draws the labels itself, most important first and never overlapping, and the rest is reached by
  search, focus and expansion (docs/viz.md).
* The same graph must give byte-identical HTML (so the file can be committed and diffed): nodes
  and edges are sorted, ids are assigned in IRI order, the layout is computed here from a
  seeded community detection, and nothing time-dependent is written.
* The n-ary nodes of docs/model.md (PostHolding, Participation, AgreementAction) are collapsed
  into labelled edges between the actors people care about; their dates, titles and evidence
  sentences are kept on the edge and shown on click.
* Layout: numpy is not a dependency, so instead of ``spring_layout`` we place nodes by seeded
  Louvain community on a sunflower pattern (O(n)) for the opening view only, let vis-network's
  Barnes-Hut physics polish it for a bounded number of iterations, and then switch physics off so
  the page goes quiet; nodes added later are placed by the page around the node that brought them.
  An opening view above ``physics_max_nodes`` skips the physics step entirely.
"""
from __future__ import annotations

import base64
import hashlib
import json
import math
import random
import re
import string
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, cast

import networkx as nx
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.term import Node

from . import kinds
from .reader import fold_accents


class _Terms(str):
    """An rdflib Namespace whose terms are made once: `Namespace` builds a new URIRef on every attribute
    access, about 250,000 times when collecting a 10,000-article graph (a fifth of `collect`'s time)."""

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("__"):
            raise AttributeError(name)
        term = URIRef(str(self) + name)
        object.__setattr__(self, name, term)
        return term

    def __getitem__(self, name: str) -> URIRef:  # type: ignore[override]
        return URIRef(str(self) + name)

    @property
    def title(self) -> URIRef:  # type: ignore[override]  # str.title would hide dg:title (rdflib does the same)
        return URIRef(str(self) + "title")


DG = _Terms("https://w3id.org/diplograph/ontology#")
SCHEMA = _Terms("https://schema.org/")
PROV = _Terms("http://www.w3.org/ns/prov#")
ID = "https://w3id.org/diplograph/id/"

SEED = 42
"""Seed for community detection and sampled betweenness; fixed so the output is reproducible."""

# ------------------------------------------------------------------ vocabulary of the picture

NODE_TYPES: tuple[str, ...] = ("person", "organization", "conference", "agreement", "priority")
"""Node types in display order; also the values accepted by ``types=`` / ``--types``."""

TYPE_STYLE: dict[str, dict[str, str]] = {
    # Okabe-Ito colours (distinguishable with common colour-vision deficiencies) and a distinct
    # shape per type, so the legend works in greyscale too.
    "person": {"label": "Person", "labelVi": "Người", "shape": "dot", "color": "#0072B2"},
    "organization": {"label": "Organization", "labelVi": "Tổ chức", "shape": "square", "color": "#E69F00"},
    "conference": {"label": "Conference / meeting", "labelVi": "Hội nghị, cuộc gặp", "shape": "triangle", "color": "#009E73"},
    "agreement": {"label": "Agreement", "labelVi": "Hiệp định", "shape": "diamond", "color": "#CC79A7"},
    "priority": {"label": "Priority", "labelVi": "Trọng tâm", "shape": "star", "color": "#D55E00"},
}

RELATIONS: dict[str, dict[str, str]] = {
    "holds post in": {"color": "#5b8fc7"},
    "chaired": {"color": "#1b7a5a"},
    "spoke at": {"color": "#3fae8a"},
    "attended": {"color": "#8fcfb8"},
    "took part in": {"color": "#8fcfb8"},
    "organized": {"color": "#d9a43a"},
    "set priority": {"color": "#e07a3f"},
    "set at": {"color": "#b0603a"},
    "mentions agreement": {"color": "#c58bb3"},
    "held during": {"color": "#7f7f7f"},
}
"""Edge relations in display order (an edge carrying several shows them in this order)."""

ROLE_RELATION: dict[URIRef | None, str] = {DG.chair: "chaired", DG.speaker: "spoke at", DG.attendee: "attended"}

COMMUNITY_COLORS = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
    "#b07aa1", "#ff9da7", "#9c755f", "#2f4b7c", "#a05195", "#665191",
)
"""Tableau-10-like palette; communities past the 12 largest share a neutral grey."""

OTHER_COMMUNITY_COLOR = "#b8b8b8"


# ------------------------------------------------------------------ collected view of the graph

@dataclass
class VNode:
    """One displayed node: an actor, meeting, agreement or priority."""

    iri: str
    type: str
    label: str
    label_en: str = ""
    years: set[str] = field(default_factory=set)
    periods: set[str] = field(default_factory=set)  # "YYYY-MM" where the month is known, else "YYYY"
    own_date: bool = False  # meetings and priorities are filed under their own date/year only
    details: dict[str, Any] = field(default_factory=dict)
    sources: set[str] = field(default_factory=set)  # article IRIs
    evidence: list[tuple[str, str]] = field(default_factory=list)  # (sentence, article IRI)


@dataclass
class VEdge:
    """A collapsed edge source→target carrying one or more relations and their facts."""

    source: str
    target: str
    relations: set[str] = field(default_factory=set)
    years: set[str] = field(default_factory=set)
    periods: set[str] = field(default_factory=set)
    facts: list[dict[str, str]] = field(default_factory=list)


@dataclass
class View:
    """Everything the page needs, before filtering: nodes, edges and article metadata."""

    nodes: dict[str, VNode]
    edges: dict[tuple[str, str], VEdge]
    articles: dict[str, dict[str, str]]


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _pick(graph: Graph, subject: Node, preds: Iterable[URIRef], lang: str | None) -> str:
    """Return the first literal of ``preds`` in language ``lang`` (``None``: untagged or any).

    Several values are sorted so the choice never depends on the store's iteration order.
    """
    for pred in preds:
        values = sorted(str(o) for o in graph.objects(subject, pred)
                        if isinstance(o, Literal) and (lang is None or o.language == lang))
        if values:
            return values[0]
    return ""


def _year(value: str) -> str:
    """Year of an xsd:date / gYearMonth / gYear lexical form, or '' when there is none."""
    head = value[:4]
    return head if len(head) == 4 and head.isdigit() else ""


def _period(value: str) -> str:
    """Month ("YYYY-MM") of a date / gYearMonth lexical form, its year when no month is given, else ''.

    The page's time range and timeline work by month; a fact known only by its year still counts
    for every month of that year."""
    year = _year(value)
    if not year:
        return ""
    month = value[5:7]
    return f"{year}-{month}" if value[4:5] == "-" and month.isdigit() and "01" <= month <= "12" else year


def _iri_tail(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _node_type(types: set[URIRef]) -> str | None:
    if DG.Person in types:
        return "person"
    if DG.Conference in types or any(t in types for t in _CONFERENCE_KINDS):
        return "conference"
    if DG.Agreement in types:
        return "agreement"
    if DG.Priority in types:
        return "priority"
    if DG.Organization in types or DG.Country in types:
        return "organization"
    return None


_CONFERENCE_KINDS = tuple(DG[k] for k in kinds.meeting_classes() if k != "Conference")  # data/meeting_kinds.ttl


def collect(graph: Graph) -> View:
    """Read the graph of docs/model.md into display nodes and collapsed edges.

    Facts are attributed to years by their own date (asOf, meeting date, priority year) and
    otherwise by the publication date of the article they were derived from.
    """
    return _Collector(graph).run()


class _Collector:
    """`collect`, one section of the graph at a time (articles, nodes, then each kind of edge)."""

    def __init__(self, graph: Graph) -> None:
        self.g = graph
        self.articles: dict[str, dict[str, str]] = {}
        self.nodes: dict[str, VNode] = {}
        self.edges: dict[tuple[str, str], VEdge] = {}

    def run(self) -> View:
        self.collect_articles()
        self.collect_nodes()
        self.post_edges()
        self.participation_edges()
        self.meeting_edges()
        self.priority_edges()
        self.agreement_edges()
        # years of a node also include the years of everything it is linked by
        # (meetings and priorities with their own date keep just that year)
        nodes = self.nodes
        for e in self.edges.values():
            for end in (nodes[e.source], nodes[e.target]):
                if not end.own_date:
                    end.years |= e.years
                    end.periods |= e.periods
        return View(nodes=nodes, edges=self.edges, articles=self.articles)

    # -------------------------------------------------------------- helpers
    def art_year(self, a: str) -> str:
        return _year(self.articles.get(a, {}).get("date", ""))

    def art_period(self, a: str) -> str:
        return _period(self.articles.get(a, {}).get("date", ""))

    def sources(self, s: Node) -> list[str]:
        return sorted(str(a) for a in self.g.objects(s, PROV.wasDerivedFrom))

    def evidence(self, s: Node) -> list[str]:
        return sorted(str(e) for e in self.g.objects(s, DG.evidence))

    def first_article(self, s: Node) -> str:
        srcs = self.sources(s)
        return srcs[0] if srcs else ""

    def label_of(self, iri: str) -> str:
        n = self.nodes.get(iri)
        if n:
            return n.label
        s = URIRef(iri)
        g = self.g
        return _pick(g, s, [RDFS.label], "vi") or _pick(g, s, [RDFS.label], None) or _iri_tail(iri)

    def add_edge(self, src: str, dst: str, rel: str, fact: dict[str, str], when: str) -> None:
        """Add (or merge into) the edge src→dst; ``when`` is a `_period` ('' when undated)."""
        if src not in self.nodes or dst not in self.nodes or src == dst:
            return
        e = self.edges.setdefault((src, dst), VEdge(src, dst))
        e.relations.add(rel)
        fact = {k: v for k, v in {"rel": rel, **fact}.items() if v}
        if fact not in e.facts:
            e.facts.append(fact)
        if when:
            e.years.add(when[:4])
            e.periods.add(when)

    # -------------------------------------------------------------- articles and nodes
    def collect_articles(self) -> None:
        g = self.g
        for art in set(g.subjects(RDF.type, DG.Article)):
            if not isinstance(art, URIRef):
                continue
            date = _pick(g, art, [SCHEMA.datePublished], None)
            url = sorted(str(u) for u in g.objects(art, SCHEMA.url))
            self.articles[str(art)] = {
                "file": _pick(g, art, [DG.sourceFile], None),
                "headline": _pick(g, art, [SCHEMA.headline], "vi") or _pick(g, art, [SCHEMA.headline], None),
                "url": url[0] if url else "",
                "date": date,
            }

    def collect_nodes(self) -> None:
        g = self.g
        typed: dict[URIRef, set[URIRef]] = defaultdict(set)
        for s, o in g.subject_objects(RDF.type):
            if isinstance(s, URIRef) and isinstance(o, URIRef):
                typed[s].add(o)
        for s, types in typed.items():
            ntype = _node_type(types)
            if ntype is None:
                continue
            iri = str(s)
            label = (_pick(g, s, [RDFS.label, SCHEMA.name], "vi")
                     or _pick(g, s, [RDFS.label, SCHEMA.name, DG.text], None)
                     or _pick(g, s, [DG.text], "vi")
                     or _pick(g, s, [DG.abbreviation], None)
                     or _iri_tail(iri))
            label_en = (_pick(g, s, [RDFS.label, DG.englishName, SCHEMA.name], "en"))
            node = VNode(iri=iri, type=ntype, label=label, label_en=label_en)
            for a in self.sources(s):
                node.sources.add(a)
                if y := self.art_period(a):
                    node.years.add(y[:4])
                    node.periods.add(y)
            art = self.first_article(s)
            node.evidence = [(e, art) for e in self.evidence(s)]
            if ntype == "conference":
                self.conference_details(node, s, types)
            elif ntype == "agreement":
                d = node.details
                d["abbreviation"] = _pick(g, s, [DG.abbreviation], None)
                d["englishName"] = _pick(g, s, [DG.englishName], "en") or _pick(g, s, [DG.englishName], None)
                if not node.label_en and d["englishName"]:
                    node.label_en = d["englishName"]
            elif ntype == "priority":
                self.priority_details(node, s)
            elif ntype == "organization":
                if DG.Country in types:
                    node.details["kind"] = "country"
            self.nodes[iri] = node

    def conference_details(self, node: VNode, s: URIRef, types: set[URIRef]) -> None:
        g, d = self.g, node.details
        date = _pick(g, s, [DG.date], None)
        d["date"] = date
        if y := _period(date):
            node.years = {y[:4]}
            node.periods = {y}
            node.own_date = True
        d["kind"] = _pick(g, s, [DG.kind], "vi") or _pick(g, s, [DG.kind], None)
        d["classes"] = ", ".join(sorted(_iri_tail(str(t)) for t in types
                                        if str(t).startswith(str(DG)) and t != DG.Conference))
        d["status"] = _pick(g, s, [DG.status], None)
        d["format"] = _pick(g, s, [DG["format"]], None)  # (DG.format is str.format: Namespace is a str)
        d["theme"] = _pick(g, s, [DG.theme], "vi") or _pick(g, s, [DG.theme], None)
        places = sorted(str(p) for p in g.objects(s, DG.place))
        d["place"] = ", ".join(
            _pick(g, URIRef(p), [RDFS.label], "vi") or _pick(g, URIRef(p), [RDFS.label], None)
            or _iri_tail(p) for p in places)
        d["otherNames"] = "; ".join(sorted(str(v) for v in g.objects(s, DG.nameVariant)))

    def priority_details(self, node: VNode, s: URIRef) -> None:
        g, d = self.g, node.details
        d["text"] = _pick(g, s, [DG.text], "vi") or _pick(g, s, [DG.text], None)
        year = _pick(g, s, [DG.year], None)
        d["year"] = year
        if y := _period(year):
            node.years = {y[:4]}
            node.periods = {y}
            node.own_date = True
        d["kind"] = _pick(g, s, [DG.priorityKind], None)

    # -------------------------------------------------------------- edges
    def post_edges(self) -> None:
        """Posts (PostHolding): person → organization, and the person's posts over time."""
        g, nodes = self.g, self.nodes
        posts: dict[str, list[dict[str, str]]] = defaultdict(list)
        for ph in set(g.subjects(RDF.type, DG.PostHolding)):
            holder_node = g.value(ph, DG.holder)
            if holder_node is None:
                continue
            holder = str(holder_node)
            org = g.value(ph, DG.organization)
            art = self.first_article(ph)
            as_of = _pick(g, ph, [DG.asOf], None)
            post = {
                "title": _pick(g, ph, [DG.title], "vi") or _pick(g, ph, [DG.title], None)
                or _pick(g, ph, [DG.position], None),
                "qualifier": _pick(g, ph, [DG.qualifier], None),
                "organization": self.label_of(str(org)) if org is not None else "",
                "asOf": as_of,
            }
            if post not in posts[holder]:
                posts[holder].append(post)
            year = _period(as_of) or self.art_period(art)
            ev = self.evidence(ph)
            if org is not None:
                for sentence in ev or [""]:
                    self.add_edge(holder, str(org), "holds post in",
                                  {"title": post["title"], "qualifier": post["qualifier"], "date": as_of,
                                   "evidence": sentence, "article": art}, year)
            elif holder in nodes and ev:
                nodes[holder].evidence.extend((sentence, art) for sentence in ev)
        for holder, plist in posts.items():
            if holder in nodes:
                nodes[holder].details["posts"] = sorted(
                    plist, key=lambda p: (not p["asOf"], p["asOf"], p["title"], p["organization"], p["qualifier"]))

    def participation_edges(self) -> None:
        """Participations: person → meeting, labelled by role."""
        g, nodes = self.g, self.nodes
        for part in set(g.subjects(RDF.type, DG.Participation)):
            who, meeting = g.value(part, DG.participant), g.value(part, DG.meeting)
            if who is None or meeting is None:
                continue
            art = self.first_article(part)
            roles: list[URIRef | None] = [*sorted(cast("Iterable[URIRef]", g.objects(part, DG.role)))] or [None]
            mdate = nodes[str(meeting)].details.get("date", "") if str(meeting) in nodes else ""
            year = _period(mdate) or self.art_period(art)
            for role in roles:
                rel = ROLE_RELATION.get(role, "took part in")
                for sentence in self.evidence(part) or [""]:
                    self.add_edge(str(who), str(meeting), rel,
                                  {"date": mdate, "evidence": sentence, "article": art}, year)

    def meeting_edges(self) -> None:
        """Meeting-level links: organizer, held during."""
        g = self.g
        for n in list(self.nodes.values()):
            if n.type != "conference":
                continue
            m = URIRef(n.iri)
            art = self.first_article(m)
            year = _period(n.details.get("date", "")) or self.art_period(art)
            for org in sorted(str(o) for o in g.objects(m, DG.organizer)):
                self.add_edge(org, n.iri, "organized", {"date": n.details.get("date", ""), "article": art}, year)
            organizers = [self.label_of(str(o)) for o in sorted(cast("Iterable[URIRef]", g.objects(m, DG.organizer)))]
            n.details["organizer"] = ", ".join(organizers)
            for parent in sorted(str(p) for p in g.objects(m, DG.partOf)):
                self.add_edge(n.iri, parent, "held during", {"article": art}, year)
                n.details["heldDuring"] = self.label_of(parent)

    def priority_edges(self) -> None:
        """Priorities: person → priority → meeting."""
        g, nodes, add_edge = self.g, self.nodes, self.add_edge
        for n in list(nodes.values()):
            if n.type != "priority":
                continue
            p = URIRef(n.iri)
            art = self.first_article(p)
            # The edge belongs both to the year the priority is for and to the year it was set in.
            for_year = _period(n.details.get("year", ""))
            set_at = sorted(str(o) for o in g.objects(p, DG.setAt))
            set_date = nodes[set_at[0]].details.get("date", "") if set_at and set_at[0] in nodes else ""
            set_year = _period(set_date) or self.art_period(art)
            ev = self.evidence(p)
            for who in sorted(str(o) for o in g.objects(p, DG.setBy)):
                add_edge(who, n.iri, "set priority", {"evidence": ev[0] if ev else "", "date": set_date, "article": art},
                         for_year or set_year)
                add_edge(who, n.iri, "set priority", {"evidence": ev[0] if ev else "", "date": set_date, "article": art},
                         set_year)
                n.details["setBy"] = self.label_of(who)
            for meeting in set_at:
                add_edge(n.iri, meeting, "set at", {"date": set_date, "article": art}, for_year or set_year)
                add_edge(n.iri, meeting, "set at", {"date": set_date, "article": art}, set_year)
                n.details["setAt"] = self.label_of(meeting)

    def agreement_actions(self, agreement_articles: dict[str, dict[str, list[dict[str, str]]]]
                          ) -> dict[str, list[dict[str, str]]]:
        """Each agreement's actions (what was done to it, distinct), filed by article too."""
        g = self.g
        actions: dict[str, list[dict[str, str]]] = defaultdict(list)
        for act in set(g.subjects(RDF.type, DG.AgreementAction)):
            agr = g.value(act, DG.agreement)
            if agr is None or str(agr) not in self.nodes:
                continue
            art = self.first_article(act)
            atype = g.value(act, DG.actionType)
            info = {
                "action": _pick(g, act, [DG.action], "vi") or _pick(g, act, [DG.action], None),
                "actionType": (_pick(g, atype, [RDFS.label], "en") or _iri_tail(str(atype))) if atype else "",
                "tense": _pick(g, act, [DG.tense], None),
                "evidence": (self.evidence(act) or [""])[0],
                "article": art,
            }
            agreement_articles[str(agr)][art].append(info)
            if (stored := {k: v for k, v in info.items() if v}) not in actions[str(agr)]:
                actions[str(agr)].append(stored)
        return actions

    def agreement_edges(self) -> None:
        """Agreements: meeting (same article) → agreement, else article-level co-mention."""
        g, nodes, articles = self.g, self.nodes, self.articles
        meetings_of_article: dict[str, list[str]] = defaultdict(list)
        derived_of_article: dict[str, set[str]] = defaultdict(set)
        for n in nodes.values():
            for a in n.sources:
                derived_of_article[a].add(n.iri)
                if n.type == "conference":
                    meetings_of_article[a].append(n.iri)
        mentions: dict[str, set[str]] = defaultdict(set)
        for art_node, ent_node in g.subject_objects(DG.mentions):
            mentions[str(art_node)].add(str(ent_node))
        agreement_articles: dict[str, dict[str, list[dict[str, str]]]] = defaultdict(lambda: defaultdict(list))
        for art, ents in mentions.items():
            for ent in ents:
                if ent in nodes and nodes[ent].type == "agreement":
                    agreement_articles[ent][art]  # noqa: B018 - registers the article
        actions = self.agreement_actions(agreement_articles)
        for agr, by_article in agreement_articles.items():
            nodes[agr].details["actions"] = sorted(
                actions.get(agr, []), key=lambda a: (articles.get(a.get("article", ""), {}).get("date", ""),
                                                     a.get("action", ""), a.get("evidence", ""), a.get("article", "")))
            for art, infos in sorted(by_article.items()):
                year = self.art_period(art)
                if year:
                    nodes[agr].years.add(year[:4])
                    nodes[agr].periods.add(year)
                nodes[agr].sources.add(art) if art else None
                facts = [{"action": i["action"], "tense": i["tense"], "evidence": i["evidence"], "article": art}
                         for i in infos] or [{"article": art}]
                meetings = sorted(meetings_of_article.get(art, []))
                sources_ = meetings or sorted(
                    e for e in (mentions.get(art, set()) | derived_of_article.get(art, set()))
                    if e in nodes and nodes[e].type in ("person", "organization"))
                for src in sources_:
                    # a meeting's mention also counts for the year the meeting is dated in
                    myear = _period(nodes[src].details.get("date", "")) if meetings else ""
                    for fact in facts:
                        for y in {year, myear}:
                            self.add_edge(src, agr, "mentions agreement",
                                          {**fact, "coMention": "" if meetings else "article"}, y)


# ------------------------------------------------------------------ selection

def _norm(text: str) -> str:
    """Case- and accent-insensitive key for matching names typed by people ("bui thanh son")."""
    return fold_accents(text).strip()


def find_node(view: View, name: str, among: Iterable[str] | None = None) -> str | None:
    """Find a node by label: exact (accent-insensitive) match first, then prefix, then substring.

    Ties go to the node with most edges, then to the smaller IRI, so the choice is stable.
    """
    key = _norm(name)
    candidates = sorted(among if among is not None else view.nodes)
    degree: dict[str, int] = defaultdict(int)
    for (s, t) in view.edges:
        degree[s] += 1
        degree[t] += 1

    def best(match: list[str]) -> str | None:
        return min(match, key=lambda i: (-degree[i], i)) if match else None

    labels = {i: [_norm(view.nodes[i].label), _norm(view.nodes[i].label_en)] for i in candidates}
    for test in (lambda lab: lab == key, lambda lab: lab.startswith(key), lambda lab: key in lab):
        found = best([i for i in candidates if any(lab and test(lab) for lab in labels[i])])
        if found:
            return found
    if name in view.nodes:
        return name
    return None


class VizError(ValueError):
    """A user-facing problem with the requested view (unknown type, name not found …)."""


def _undirected(nodes: Iterable[str], edges: Iterable[tuple[str, str]]) -> nx.Graph:
    graph = nx.Graph()
    graph.add_nodes_from(sorted(nodes))
    graph.add_edges_from(sorted(edges))
    return graph


def centrality(graph: nx.Graph, measure: str = "degree") -> dict[str, float]:
    """Node centrality used for sizing and for ``max_nodes``.

    Degree is the default because it is instant on thousands of nodes; betweenness is sampled
    (k=300, seeded) above 1,000 nodes to stay within a couple of seconds.
    """
    if graph.number_of_nodes() <= 1:
        return {n: 0.0 for n in graph}
    if measure == "degree":
        return nx.degree_centrality(graph)
    if measure == "betweenness":
        k = 300 if graph.number_of_nodes() > 1000 else None
        return nx.betweenness_centrality(graph, k=k, seed=SEED)
    raise VizError(f"unknown centrality measure {measure!r} (use degree or betweenness)")


@dataclass
class Selection:
    """Result of filtering a View: what is drawn and what was left out, with counts."""

    nodes: list[str]
    edges: list[tuple[str, str]]
    total_nodes: int
    total_edges: int
    left_out_by_type: dict[str, int]
    left_out_edges: int
    center: str | None = None
    notes: list[str] = field(default_factory=list)


def select(view: View, *, year: int | str | None = None, around: str | None = None, depth: int = 2,
           types: Iterable[str] | None = None, max_nodes: int | None = None,
           size_by: str = "degree") -> Selection:
    """Apply the CLI filters in a fixed order: year, types, neighbourhood, then the size cap.

    The cap keeps the most central nodes (by ``size_by``), always keeping the ``around`` node,
    so a large graph stays readable and the page says exactly what it does not show.
    """
    nodes = set(view.nodes)
    edge_keys = set(view.edges)
    notes: list[str] = []
    if year is not None:
        y = str(year)
        nodes = {n for n in nodes if y in view.nodes[n].years}
        edge_keys = {k for k in edge_keys if y in view.edges[k].years}
        notes.append(f"year {y}")
    if types is not None:
        wanted = [t.strip().lower() for t in types if t.strip()]
        unknown = sorted(set(wanted) - set(NODE_TYPES))
        if unknown:
            raise VizError(f"unknown type(s) {', '.join(unknown)}; choose from {', '.join(NODE_TYPES)}")
        nodes = {n for n in nodes if view.nodes[n].type in wanted}
        notes.append("types " + ", ".join(t for t in NODE_TYPES if t in wanted))
    edge_keys = {k for k in edge_keys if k[0] in nodes and k[1] in nodes}
    center = None
    if around is not None:
        center = find_node(view, around, nodes)
        if center is None:
            raise VizError(f"no node named {around!r} in the selected graph")
        ug = _undirected(nodes, edge_keys)
        reach = nx.single_source_shortest_path_length(ug, center, cutoff=max(0, depth))
        nodes = set(reach)
        edge_keys = {k for k in edge_keys if k[0] in nodes and k[1] in nodes}
        notes.append(f"within {depth} step(s) of {view.nodes[center].label}")
    left_out: dict[str, int] = {}
    if max_nodes is not None and len(nodes) > max_nodes:
        cent = centrality(_undirected(nodes, edge_keys), size_by)
        ranked = sorted(nodes, key=lambda n: (n != center, -cent.get(n, 0.0), n))
        keep = set(ranked[:max(0, max_nodes)])
        for n in sorted(nodes - keep):
            t = view.nodes[n].type
            left_out[t] = left_out.get(t, 0) + 1
        nodes = keep
        notes.append(f"the {len(keep)} most central nodes")
    before = len(edge_keys)
    edge_keys = {k for k in edge_keys if k[0] in nodes and k[1] in nodes}
    left_edges = before - len(edge_keys)
    return Selection(nodes=sorted(nodes), edges=sorted(edge_keys), total_nodes=len(view.nodes),
                     total_edges=len(view.edges),
                     left_out_by_type={t: left_out[t] for t in NODE_TYPES if t in left_out},
                     left_out_edges=left_edges, center=center, notes=notes)


# ------------------------------------------------------------------ layout and communities

GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


UNCONNECTED = -1
"""Community number of the nodes with no edge: one group, "unconnected", not a community each."""


def communities(graph: nx.Graph) -> dict[str, int]:
    """Seeded Louvain communities of the connected part, numbered by size (largest = 0), ties by
    smallest member; nodes without an edge are all `UNCONNECTED` (a node alone is no community)."""
    connected = graph.subgraph(n for n in graph if graph.degree(n))
    out = {n: UNCONNECTED for n in graph if not graph.degree(n)}
    if connected.number_of_nodes() == 0:
        return out
    groups = nx.community.louvain_communities(connected, seed=SEED)
    ordered = sorted((sorted(c) for c in groups), key=lambda c: (-len(c), c[0]))
    out.update({n: i for i, c in enumerate(ordered) for n in c})
    return out


def pagerank(graph: nx.Graph, alpha: float = 0.85, tol: float = 1.0e-6, max_iter: int = 100) -> dict[str, float]:
    """PageRank of an undirected graph by power iteration, as `networkx.pagerank` defines it.

    networkx's own implementation needs scipy, which diplograph does not depend on; this is the same
    iteration in plain Python (nodes and neighbours in sorted order, so the sums are always added in
    the same order and the result is the same bits on every run). A node without edges spreads its
    rank evenly, like networkx's default dangling handling.
    """
    nodes = sorted(graph)
    n = len(nodes)
    if n == 0:
        return {}
    index = {v: i for i, v in enumerate(nodes)}
    nbrs = [[index[u] for u in sorted(graph[v])] for v in nodes]
    deg = [len(x) for x in nbrs]
    dangling_nodes = [i for i in range(n) if not deg[i]]
    x = [1.0 / n] * n
    for _ in range(max_iter):
        base = (1.0 - alpha) / n + alpha * sum(x[i] for i in dangling_nodes) / n
        share = [alpha * x[i] / deg[i] if deg[i] else 0.0 for i in range(n)]
        new = [base + sum(share[j] for j in nbrs[i]) for i in range(n)]
        err = sum(abs(a - b) for a, b in zip(new, x, strict=True))
        x = new
        if err < n * tol:
            break
    return {v: x[i] for i, v in enumerate(nodes)}


def layout(graph: nx.Graph, community: dict[str, int], spacing: float = 38.0) -> dict[str, tuple[float, float]]:
    """Deterministic O(n) layout: communities as sunflower discs, hubs at each disc's centre.

    It is a starting point that physics can polish in a few hundred iterations, and a readable
    final layout on its own for graphs too big for physics.
    """
    members: dict[int, list[str]] = defaultdict(list)
    degree = dict(graph.degree())
    isolated = sorted(n for n in graph if degree.get(n, 0) == 0)
    for n in sorted(graph):
        if degree.get(n, 0):
            members[community.get(n, 0)].append(n)
    pos: dict[str, tuple[float, float]] = {}
    placed_area = 0.0
    for k, cid in enumerate(sorted(members, key=lambda c: (-len(members[c]), c))):
        group = sorted(members[cid], key=lambda n: (-degree.get(n, 0), n))
        radius = spacing * math.sqrt(len(group))
        if k == 0:
            cx = cy = 0.0
        else:
            dist = spacing * 1.15 * math.sqrt(placed_area + len(group) / 2) + radius
            angle = k * GOLDEN_ANGLE
            cx, cy = dist * math.cos(angle), dist * math.sin(angle)
        placed_area += len(group) * 1.6
        for i, n in enumerate(group):
            r = spacing * math.sqrt(i)
            a = i * GOLDEN_ANGLE
            pos[n] = (round(cx + r * math.cos(a), 1), round(cy + r * math.sin(a), 1))
    # Unconnected nodes would drift to the edge of the canvas under physics; a tidy grid under the
    # rest (kept out of the physics by the page) keeps them visible without pushing others apart.
    if isolated:
        xs = [x for x, _ in pos.values()] or [0.0]
        bottom = max((y for _, y in pos.values()), default=0.0) + 3 * spacing
        cols = max(1, math.ceil(math.sqrt(len(isolated) * 2)))
        step = 6 * spacing  # room for a label
        left = (min(xs) + max(xs)) / 2 - (min(cols, len(isolated)) - 1) * step / 2
        for i, n in enumerate(isolated):
            row, col = divmod(i, cols)
            pos[n] = (round(left + col * step, 1), round(bottom + row * 2 * spacing, 1))
    return pos


# ------------------------------------------------------------------ page

def _json_for_html(data: Any) -> str:
    """JSON safe to place inside a <script> element: no '<', '>', '&', U+2028 or U+2029 survive."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _vis_network_js() -> str:
    """The vis-network standalone build that pyvis 0.3.2 ships (its licence header included)."""
    lib = resources.files("pyvis") / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js"
    text = lib.read_text(encoding="utf-8")
    if "@license" not in text[:2000]:
        raise RuntimeError("vis-network.min.js from pyvis lost its licence header")
    return text.replace("</script", "<\\/script")


def _asset(name: str) -> str:
    return (resources.files("diplograph") / "viz_assets" / name).read_text(encoding="utf-8")


def _csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


SHORT_MAX = 28
"""Longest label drawn on the canvas, in characters; the full name is in the details panel."""

START_NODES = 300
"""How many people and meetings the page opens on when the graph is larger: those of highest
PageRank in the graph of people and meetings (who took part in what)."""

_ACRONYM = re.compile(r"\(([A-ZĐ][A-ZĐ0-9&+./\- ]{1,15})\)")


def _head(label: str, limit: int = SHORT_MAX) -> str:
    """The first words of ``label`` that fit in ``limit`` characters, with "…" when cut."""
    label = " ".join(label.split())
    if len(label) <= limit:
        return label
    words, out = label.split(" "), ""
    for w in words:
        if len(out) + len(w) + 1 > limit - 1:
            break
        out = f"{out} {w}" if out else w
    return (out or label[: limit - 1]).rstrip(" ,;:-–(") + "…"


def _short_date(date: str) -> str:
    """2017-06-23 → 23/6/2017, 2017-06 → 6/2017 (the order Vietnamese news writes dates in)."""
    parts = date.split("-")
    if len(parts) >= 3 and all(p.isdigit() for p in parts[:3]):
        return f"{int(parts[2])}/{int(parts[1])}/{parts[0]}"
    if len(parts) == 2 and all(p.isdigit() for p in parts):
        return f"{int(parts[1])}/{parts[0]}"
    return date


@lru_cache(maxsize=256)
def _kind_family(kind: str) -> str:
    """The family of a meeting's kind word as written ("thăm chính thức", "hội đàm"), from the taxonomy
    extraction reads (data/meeting_kinds.ttl: the word's class, then the class's family), else ""."""
    folded = " ".join(kind.casefold().split())
    for word in kinds.kind_words():
        for spelling in word.words:
            spelling = spelling.casefold()
            if folded == spelling or folded.startswith(spelling + " "):
                return kinds.family(word.cls) or ""
    return ""


MEETING_LABEL_MAX = 46  # characters of a meeting's label on the canvas, its date included
_FILLERS = ("chính thức", "cấp nhà nước", "hữu nghị", "làm việc")
_CLASSIFIERS = ("chuyến", "cuộc", "buổi")
_CUTS = (" của ", " giữa ", ",", " tại ", " trong khuôn khổ ", " nhằm ", " nhân dịp ", " với ")


def short_label(node: VNode, parties: Iterable[str] = ()) -> str:
    """The label drawn on the canvas: short enough to read many at once (full name on click).

    A meeting is its kind, then the people of ``parties`` (its participants) that its name names, in
    the name's order ("Hội kiến Trần Đại Quang – Andrei Kobyakov"), else the acronym its name gives
    in brackets ("Hội nghị SOM ARF"), else what follows the kind up to "của"/"tại"/… ("Thăm Nhật
    Bản"), else the head of the name; then its date. An agreement is its abbreviation, others the
    head of their name.
    """
    d = node.details
    if node.type == "agreement":
        return _head(d.get("abbreviation") or node.label)
    if node.type == "priority":
        return _head(node.label, 24)
    if node.type != "conference":
        return _head(node.label, 32)
    name = " ".join(node.label.split())
    kind = " ".join((d.get("kind") or "").split())
    kind_cap = kind[:1].upper() + kind[1:]
    named = sorted((name.find(p), p) for p in set(parties) if p and len(p) > 3 and p in name)
    at = fold_accents(name).find(fold_accents(kind)) if kind else -1
    starts_with_kind = at == 0 or (at > 0 and name[:at].strip().lower() in _CLASSIFIERS)
    if starts_with_kind:
        name = name[at:]
    m = _ACRONYM.search(name)
    if named and kind and not (starts_with_kind and _kind_family(kind) == "visit"):
        # a visit is known by where it goes ("Thăm Nhật Bản"), other meetings by who met
        head = kind_cap + " " + _head(" – ".join(p for _, p in named[:2]), 36)
    elif m and starts_with_kind and sum(c.isupper() for c in m.group(1)) >= 2:
        head = kind_cap + " " + m.group(1).strip()
    elif starts_with_kind:
        rest = name[len(kind):].strip()
        stripped = True
        while stripped:  # "hữu nghị chính thức", in any order
            stripped = False
            for filler in _FILLERS:
                if fold_accents(rest).startswith(fold_accents(filler) + " "):
                    rest, stripped = rest[len(filler):].strip(), True
        for cut in _CUTS:
            if (i := rest.find(cut)) > 0:
                rest = rest[:i]
        head = _head(f"{kind_cap} {rest}".strip(), 30)
        if named and fold_accents(rest) == "viet nam":
            # a visit to Việt Nam (most of them, in Vietnamese news) is known by who came
            head = _head(named[0][1], 22) + " " + kind + " Việt Nam"
    else:
        head = _head(name, 30)
    date = d.get("date", "")
    # kind, parties and date together stay under MEETING_LABEL_MAX: the head is cut to leave the date room
    head = _head(head, MEETING_LABEL_MAX - (len(_short_date(date)) + 3 if date else 0))
    return f"{head} · {_short_date(date)}" if date else head


def page_data(view: View, sel: Selection, *, communities_default: bool = False, size_by: str = "degree",
              physics_max_nodes: int = 800, title: str = "diplograph",
              start_nodes: int = START_NODES) -> dict[str, Any]:
    """The JSON document the page script renders; plain data, sorted, no HTML anywhere.

    Every selected node is in it (so all are searchable and can be added to the view); the page
    opens on ``meta.start``: everything when there are at most ``start_nodes`` nodes, else the
    ``start_nodes`` people and meetings of highest PageRank.
    """
    ug = _undirected(sel.nodes, sel.edges)
    cent = centrality(ug, size_by)
    cmax = max(cent.values(), default=0.0) or 1.0
    ranks = pagerank(ug)
    comm = communities(ug)
    ids = {iri: f"n{i}" for i, iri in enumerate(sel.nodes)}
    if len(sel.nodes) <= start_nodes:
        start = list(sel.nodes)
    else:
        # PageRank of who took part in what: people and meetings linked by participations, so
        # the opening view is the most connected part of that graph, not people known only by a post
        part = [n for n in sel.nodes if view.nodes[n].type in ("person", "conference")]
        part_set = set(part)
        part_ranks = pagerank(_undirected(part, (k for k in sel.edges if k[0] in part_set and k[1] in part_set)))
        ranked = sorted(part, key=lambda n: (n != sel.center, -part_ranks.get(n, 0.0), -ranks.get(n, 0.0), n))
        start = sorted(ranked[:start_nodes])
    start_set = set(start)
    pos = layout(ug.subgraph(start), comm)
    used_articles: set[str] = set()
    for iri in sel.nodes:
        n = view.nodes[iri]
        used_articles |= n.sources | {a for _, a in n.evidence if a}
    for key in sel.edges:
        used_articles |= {f["article"] for f in view.edges[key].facts if f.get("article")}
    art_ids = {a: i for i, a in enumerate(sorted(a for a in used_articles if a in view.articles))}

    def aref(a: str) -> int | None:
        return art_ids.get(a)

    # the articles a node is found in: its own sources and evidence, and those of its edges' facts
    node_articles: dict[str, set[str]] = defaultdict(set)
    for key in sel.edges:
        arts = {f["article"] for f in view.edges[key].facts if f.get("article")}
        node_articles[key[0]] |= arts
        node_articles[key[1]] |= arts
    parties: dict[str, list[str]] = defaultdict(list)
    for src, dst in sel.edges:
        if view.nodes[src].type == "person" and view.nodes[dst].type == "conference":
            parties[dst].append(view.nodes[src].label)
    nodes_out = []
    for iri in sel.nodes:
        n = view.nodes[iri]
        details = {k: v for k, v in sorted(n.details.items()) if v}
        if "actions" in details:
            details["actions"] = [
                {**{k: v for k, v in a.items() if k != "article"}, **({"a": aref(a["article"])} if aref(a.get("article", "")) is not None else {})}
                for a in details["actions"]]
        out: dict[str, Any] = {
            "id": ids[iri], "iri": iri, "type": n.type,
            "label": short_label(n, parties.get(iri, ())), "name": n.label,
            "labelEn": n.label_en, "years": sorted(n.years), "t": sorted(n.periods),
            "size": round(12 + 28 * math.sqrt(cent.get(iri, 0.0) / cmax), 1),
            "centrality": round(cent.get(iri, 0.0), 6), "pr": round(ranks.get(iri, 0.0) * len(sel.nodes), 5),
            "community": comm.get(iri, UNCONNECTED),
            "isolated": ug.degree(iri) == 0,
            "details": details,
            "sources": sorted(i for i in (aref(a) for a in n.sources) if i is not None),
            "na": len(node_articles[iri] | n.sources | {a for _, a in n.evidence if a}),
            "evidence": [{"text": t, **({"a": aref(a)} if aref(a) is not None else {})}
                         for t, a in sorted(set(n.evidence))],
        }
        if iri in start_set:
            out["x"], out["y"] = pos.get(iri, (0.0, 0.0))
        nodes_out.append(out)
    rel_order = list(RELATIONS)
    edges_out = []
    for i, key in enumerate(sel.edges):
        e = view.edges[key]
        rels = sorted(e.relations, key=rel_order.index)
        facts = []
        for f in sorted(e.facts, key=lambda f: sorted(f.items())):
            fout: dict[str, Any] = {k: v for k, v in f.items() if k != "article"}
            if (ai := aref(f.get("article", ""))) is not None:
                fout["a"] = ai
            facts.append(fout)
        edges_out.append({"id": f"e{i}", "from": ids[key[0]], "to": ids[key[1]], "rels": rels,
                          "label": ", ".join(rels), "years": sorted(e.years), "t": sorted(e.periods),
                          "facts": facts})
    ncomm = len({c for c in comm.values() if c != UNCONNECTED})
    comm_sizes: dict[int, int] = defaultdict(int)
    for c in comm.values():
        comm_sizes[c] += 1
    years = sorted({y for n in nodes_out for y in n["years"]})
    start_edges = sum(1 for k in sel.edges if k[0] in start_set and k[1] in start_set)
    return {
        "meta": {
            "title": title, "shownNodes": len(nodes_out), "shownEdges": len(edges_out),
            "totalNodes": sel.total_nodes, "totalEdges": sel.total_edges,
            "leftOutByType": sel.left_out_by_type, "leftOutNodes": sum(sel.left_out_by_type.values()),
            "leftOutEdges": sel.left_out_edges, "notes": sel.notes,
            "center": ids.get(sel.center) if sel.center else None,
            "colorBy": "community" if communities_default else "type", "sizeBy": size_by,
            "start": [ids[n] for n in start], "startLimit": start_nodes,
            "startCut": len(start) < len(nodes_out),
            "physics": 0 < len(start) <= physics_max_nodes,
            "stabilizationIterations": 300 if len(start) <= 400 else 150,
            "edgeLabels": start_edges <= 30, "years": years,
            "communityCount": ncomm, "unconnected": comm_sizes.get(UNCONNECTED, 0),
        },
        "types": [{"key": t, **TYPE_STYLE[t]} for t in NODE_TYPES],
        "relations": [{"key": r, **RELATIONS[r]} for r in RELATIONS],
        "communityColors": list(COMMUNITY_COLORS), "otherCommunityColor": OTHER_COMMUNITY_COLOR,
        "communitySizes": [comm_sizes[c] for c in range(ncomm)],
        "articles": [view.articles[a] for a in sorted(art_ids, key=lambda a: art_ids[a])],
        "nodes": nodes_out,
        "edges": edges_out,
    }


def render_html(data: dict[str, Any]) -> str:
    """Fill the page template; data only ever enters as escaped JSON, scripts are CSP-hashed."""
    vis_js = _vis_network_js()
    app_js = _asset("app.js")
    css = _asset("page.css")
    data_json = _json_for_html(data)
    csp = ("default-src 'none'; "
           f"script-src {_csp_hash(vis_js)} {_csp_hash(app_js)}; "
           "style-src 'unsafe-inline'; img-src data:; font-src data:; "
           "connect-src 'none'; form-action 'none'; base-uri 'none'")
    template = string.Template(_asset("page.html"))
    return template.substitute(csp=csp, css=css, vis_js=vis_js, app_js=app_js, data_json=data_json)


def write_html(graph: Graph, out_path: Path, *, year: int | str | None = None, around: str | None = None,
               depth: int = 2, types: Iterable[str] | str | None = None, max_nodes: int | None = None,
               communities: bool = False, size_by: str = "degree",
               physics_max_nodes: int = 800, start_nodes: int = START_NODES) -> dict[str, Any]:
    """Write the interactive HTML view of ``graph`` to ``out_path`` and report what it shows.

    Returns ``{"nodes", "edges", "start", "total_nodes", "total_edges", "left_out": {"nodes", "edges",
    "by_type"}, "path"}`` so callers (the build, the CLI) can tell people what was left out.
    Raises VizError for an unknown type or an ``around`` name that matches nothing.
    """
    page, report = html_page(graph, year=year, around=around, depth=depth, types=types, max_nodes=max_nodes,
                             communities=communities, size_by=size_by, physics_max_nodes=physics_max_nodes,
                             start_nodes=start_nodes)
    out_path = Path(out_path)
    from .atomic import write_atomic  # a build killed mid-write must not leave half a page (tests/test_hostile_crash.py)

    write_atomic(out_path, page)
    report["path"] = str(out_path)
    return report


def html_page(graph: Graph, *, year: int | str | None = None, around: str | None = None,
              depth: int = 2, types: Iterable[str] | str | None = None, max_nodes: int | None = None,
              communities: bool = False, size_by: str = "degree",
              physics_max_nodes: int = 800, start_nodes: int = START_NODES) -> tuple[bytes, dict[str, Any]]:
    """The page `write_html` writes, as bytes, and its report (without "path"): the build writes it
    together with the Turtle, as one unit (`atomic.write_atomic_many`)."""
    if isinstance(types, str):
        types = types.split(",")
    view = collect(graph)
    sel = select(view, year=year, around=around, depth=depth, types=types, max_nodes=max_nodes,
                 size_by=size_by)
    data = page_data(view, sel, communities_default=communities, size_by=size_by,
                     physics_max_nodes=physics_max_nodes, start_nodes=start_nodes)
    page = render_html(data).encode("utf-8")
    return page, {
        "nodes": len(sel.nodes), "edges": len(sel.edges), "start": len(data["meta"]["start"]),
        "total_nodes": sel.total_nodes, "total_edges": sel.total_edges,
        "left_out": {"nodes": sum(sel.left_out_by_type.values()), "edges": sel.left_out_edges,
                     "by_type": dict(sel.left_out_by_type)},
        "notes": list(sel.notes), "bytes": len(page),
    }


def describe(report: dict[str, Any]) -> str:
    """One human line for stdout, naming what a --max-nodes cut left out."""
    line = (f"wrote {report['path']}: {report['nodes']} nodes, {report['edges']} edges "
            f"(of {report['total_nodes']} nodes, {report['total_edges']} edges)")
    if report.get("start", report["nodes"]) < report["nodes"]:
        line += f"; opens on the {report['start']} people and meetings of highest PageRank"
    lo = report["left_out"]
    if lo["nodes"]:
        parts = ", ".join(f"{v} {k}" for k, v in lo["by_type"].items())
        line += f"; left out {lo['nodes']} less central nodes ({parts}) and {lo['edges']} edges"
    return line


# ------------------------------------------------------------------ synthetic graphs

def synthetic_graph(n_nodes: int = 2000, seed: int = 7) -> Graph:
    """A graph shaped like docs/model.md with about ``n_nodes`` display nodes.

    Used by the benchmark and the browser tests to measure settle time on big graphs without
    depending on the real corpus; seeded, so every run draws the same graph.
    """
    rng = random.Random(seed)
    g = Graph()
    g.bind("dg", Namespace(str(DG)))
    idn = Namespace(ID)
    n_person = int(n_nodes * 0.45)
    n_org = int(n_nodes * 0.15)
    n_meet = int(n_nodes * 0.25)
    n_agr = int(n_nodes * 0.05)
    n_prio = n_nodes - n_person - n_org - n_meet - n_agr
    years = ["2019", "2020", "2021", "2022", "2023"]
    arts = []
    for i in range(max(1, n_meet)):
        a = idn[f"article/a{i:05d}"]
        y = rng.choice(years)
        g.add((a, RDF.type, DG.Article))
        g.add((a, SCHEMA.headline, Literal(f"Bản tin ngoại giao số {i}", lang="vi")))
        g.add((a, SCHEMA.datePublished, Literal(f"{y}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                                                datatype=URIRef("http://www.w3.org/2001/XMLSchema#date"))))
        g.add((a, DG.sourceFile, Literal(f"{i:03d}_synthetic.txt")))
        g.add((a, SCHEMA.url, URIRef(f"https://example.org/news/{i}")))
        arts.append((a, y))
    people = [idn[f"person/p{i:05d}"] for i in range(n_person)]
    orgs = [idn[f"org/o{i:05d}"] for i in range(n_org)]
    meets = [idn[f"meeting/m{i:05d}"] for i in range(n_meet)]
    agrs = [idn[f"agreement/g{i:05d}"] for i in range(n_agr)]
    for i, p in enumerate(people):
        g.add((p, RDF.type, DG.Person))
        g.add((p, RDFS.label, Literal(f"Nguyễn Văn {i}", lang="vi")))
    for i, o in enumerate(orgs):
        g.add((o, RDF.type, DG.Organization))
        g.add((o, RDFS.label, Literal(f"Bộ số {i}", lang="vi")))
    for i, agr in enumerate(agrs):
        g.add((agr, RDF.type, DG.Agreement))
        g.add((agr, RDFS.label, Literal(f"Hiệp định {i}", lang="vi")))
    # preferential attachment so some actors are hubs, as in real news
    weights = [1.0 / (1 + i) ** 0.8 for i in range(n_person)]
    for i, m in enumerate(meets):
        a, y = arts[i % len(arts)]
        g.add((m, RDF.type, DG.Conference))
        g.add((m, RDFS.label, Literal(f"Hội nghị {i}", lang="vi")))
        g.add((m, DG.date, Literal(f"{y}-06-{1 + i % 28:02d}", datatype=URIRef("http://www.w3.org/2001/XMLSchema#date"))))
        g.add((m, PROV.wasDerivedFrom, a))
        g.add((m, DG.organizer, orgs[rng.randrange(n_org)] if n_org else m))
        for k, p in enumerate(set(rng.choices(people, weights=weights, k=3))):
            part = idn[f"participation/{i}-{k}"]
            g.add((part, RDF.type, DG.Participation))
            g.add((part, DG.meeting, m))
            g.add((part, DG.participant, p))
            g.add((part, DG.role, [DG.chair, DG.speaker, DG.attendee][k % 3]))
            g.add((part, PROV.wasDerivedFrom, a))
            g.add((part, DG.evidence, Literal(f"Câu trích dẫn {i}-{k}.", lang="vi")))
        if n_agr and rng.random() < 0.3:
            g.add((a, DG.mentions, agrs[rng.randrange(n_agr)]))
    for i, p in enumerate(people):
        if n_org:
            ph = idn[f"post/{i}"]
            g.add((ph, RDF.type, DG.PostHolding))
            g.add((ph, DG.holder, p))
            g.add((ph, DG.organization, orgs[rng.randrange(n_org)]))
            g.add((ph, DG.title, Literal("Thứ trưởng", lang="vi")))
            a, y = arts[rng.randrange(len(arts))]
            g.add((ph, DG.asOf, Literal(f"{y}-01-01", datatype=URIRef("http://www.w3.org/2001/XMLSchema#date"))))
    for i in range(n_prio):
        pr = idn[f"priority/r{i:05d}"]
        g.add((pr, RDF.type, DG.Priority))
        g.add((pr, DG.text, Literal(f"Ưu tiên số {i}", lang="vi")))
        g.add((pr, DG.year, Literal(rng.choice(years), datatype=URIRef("http://www.w3.org/2001/XMLSchema#gYear"))))
        g.add((pr, DG.setBy, people[rng.randrange(min(n_person, 20))]))
        if meets:
            g.add((pr, DG.setAt, meets[rng.randrange(n_meet)]))
    return g
