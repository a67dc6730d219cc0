"""The networkx projection of a store: entities as nodes, relations as typed, weighted edges."""

from __future__ import annotations

import logging
from collections import defaultdict
from pathlib import Path

import networkx as nx

from graph.store.embedded import Store
from graph.store.vocab import FG

__all__ = ["KINDS", "RELATIONS", "project_store", "simple_graph", "export_networkx", "plain_graph"]

log = logging.getLogger(__name__)

# Node classes, most specific first: a node's kind is the first class it has.
KINDS = {
    "Official": "official", "Person": "person", "University": "university",
    "GovernmentBody": "government body", "Company": "company", "Organization": "organization",
    "Forum": "forum", "Exhibition": "exhibition", "Congress": "congress", "Conference": "conference",
    "Session": "session", "RoundTable": "round table", "Meeting": "meeting", "Event": "event",
    "EventSeries": "series", "Place": "place",
}  # fmt: skip
# Relations drawn as edges, with the words the page and the tables use for them.
RELATIONS = {
    "holdsPosition": "holds post at", "affiliatedWith": "affiliated with", "founderOf": "founder of", "participatedIn": "took part",
    "spokeAt": "spoke at", "moderated": "moderated", "ledDelegationTo": "led delegation to",
    "organizedBy": "organised by", "heldIn": "held in", "partOf": "part of", "editionOf": "edition of",
    "metWith": "met", "agreementWith": "agreement",
}  # fmt: skip
SUB_PROPERTIES = ("spokeAt", "moderated", "ledDelegationTo")
SYMMETRIC = ("metWith", "agreementWith")

FG_NS = str(FG._NS)
CLASS_VALUES = " ".join(f"fg:{name}" for name in KINDS)
EDGE_VALUES = " ".join(f"fg:{name}" for name in RELATIONS if name != "holdsPosition")
Q_TYPES = f"SELECT DISTINCT ?n ?t WHERE {{ VALUES ?t {{ {CLASS_VALUES} }} ?n a ?t }}"
Q_NAMES = f"""SELECT DISTINCT ?n ?p ?l WHERE {{ VALUES ?t {{ {CLASS_VALUES} }} VALUES ?p {{ rdfs:label skos:altLabel }}
  ?n a ?t ; ?p ?l }}"""
Q_VALUES = "SELECT DISTINCT ?n ?p ?v WHERE { VALUES ?p { fg:startDate fg:endDate fg:year } ?n ?p ?v }"
Q_ARTICLES = "SELECT ?n (COUNT(DISTINCT ?a) AS ?c) WHERE { ?n fg:mentionedIn ?a } GROUP BY ?n"
Q_POSTS = """SELECT DISTINCT ?p ?pos ?o ?r WHERE { ?p fg:holdsPosition ?pos . ?pos fg:organization ?o .
  OPTIONAL { ?pos fg:role ?r } }"""
Q_EDGES = f"SELECT DISTINCT ?s ?p ?o WHERE {{ VALUES ?p {{ {EDGE_VALUES} }} ?s ?p ?o }}"
Q_EVIDENCE = """SELECT DISTINCT ?s ?p ?o ?sentence ?a ?start WHERE { ?ev a fg:Evidence ; fg:subject ?s ;
  fg:predicate ?p ; fg:object ?o ; fg:article ?a . OPTIONAL { ?ev fg:sentence ?sentence }
  OPTIONAL { ?ev fg:start ?start } FILTER (isIRI(?o)) }"""
Q_SOURCES = """SELECT ?a (SAMPLE(?h) AS ?title) (SAMPLE(?f) AS ?file) (SAMPLE(?u) AS ?url) WHERE { ?a a fg:Article .
  OPTIONAL { ?a schema:headline ?h } OPTIONAL { ?a fg:sourcePath ?f } OPTIONAL { ?a schema:url ?u } } GROUP BY ?a"""


def local(iri) -> str:
    return str(iri)[len(FG_NS) :] if str(iri).startswith(FG_NS) else str(iri)


def _best_label(labels: list[tuple[str, str]]) -> str:
    """Russian first, then any; the shortest of equals, so the choice never depends on set order."""
    return sorted(labels, key=lambda item: (item[1] != "ru", len(item[0]), item[0]))[0][0] if labels else ""


def _nodes(store: Store) -> dict[str, dict]:
    types: dict[str, set[str]] = defaultdict(set)
    for n, t in store.query(Q_TYPES):
        types[str(n)].add(local(t))
    labels: dict[str, list] = defaultdict(list)
    alts: dict[str, set[str]] = defaultdict(set)
    for n, p, lit in store.query(Q_NAMES):
        if str(p).endswith("label"):
            labels[str(n)].append((str(lit), getattr(lit, "language", None) or ""))
        alts[str(n)].add(str(lit))
    values: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for n, p, v in store.query(Q_VALUES):
        values[str(n)][local(p)].append(str(v))
    articles = {str(n): int(c) for n, c in store.query(Q_ARTICLES)}
    nodes = {}
    for iri in sorted(types):
        kinds = types[iri]
        kind = next(KINDS[name] for name in KINDS if name in kinds)
        label = _best_label(labels[iri]) or iri.rsplit("/", 1)[-1]
        vals = values.get(iri, {})  # several articles may disagree: the widest span
        nodes[iri] = {
            "label": label, "kind": kind, "types": sorted(kinds),
            "alt": sorted(alts[iri] - {label}), "posts": [],
            "start": min(vals.get("startDate", [""])), "end": max(vals.get("endDate", [""])),
            "year": min(vals.get("year", [""])),
            "articles": articles.get(iri, 0),
        }  # fmt: skip
    return nodes


def _evidence(store: Store) -> dict[tuple[str, str, str], dict]:
    """Evidence by (subject, relation, object): {(article, start): (sentence, source)}."""
    sources = {}
    for a, title, file, url in store.query(Q_SOURCES):
        sources[str(a)] = str(title or file or url or a)
    found: dict[tuple[str, str, str], dict] = defaultdict(dict)
    for s, p, o, sentence, a, start in store.query(Q_EVIDENCE):
        found[(str(s), local(p), str(o))][(str(a), int(start or 0))] = (
            str(sentence or ""),
            sources.get(str(a), str(a)),
        )
    return found


def project_store(store: Store) -> nx.MultiDiGraph:
    """People, organisations, events, places and series with their relations; positions become edges."""
    nodes = _nodes(store)
    evidence = _evidence(store)
    graph = nx.MultiDiGraph()
    graph.add_nodes_from(nodes.items())
    edges: dict[tuple[str, str, str], dict] = {}
    posts: dict[tuple[str, str], dict] = {}
    for p, pos, o, role in store.query(Q_POSTS):
        p, pos, o = str(p), str(pos), str(o)
        if p not in nodes or o not in nodes:
            continue
        post = posts.setdefault((p, o), {"roles": set(), "evidence": {}})
        if role is not None:
            post["roles"].add((getattr(role, "language", None) != "ru", str(role)))
        post["evidence"].update(evidence.get((p, "holdsPosition", pos), {}))
        post["evidence"].update(evidence.get((pos, "organization", o), {}))
    for (p, o), post in posts.items():
        roles = [r for _, r in sorted(post["roles"])]
        edges[(p, "holdsPosition", o)] = {"role": ", ".join(roles), "evidence": post["evidence"]}
        nodes[p]["posts"].append(f"{' / '.join(roles) or 'post'}, {nodes[o]['label']}")
    for s, p, o in store.query(Q_EDGES):
        s, rel, o = str(s), local(p), str(o)
        if s not in nodes or o not in nodes or s == o:
            continue
        if rel in SYMMETRIC and s > o:
            s, o = o, s
        edge = edges.setdefault((s, rel, o), {"role": "", "evidence": {}})
        edge["evidence"].update(evidence.get((s, rel, o), {}))
        edge["evidence"].update(evidence.get((o, rel, s), {}) if rel in SYMMETRIC else {})
    for (s, rel, o), edge in sorted(edges.items()):
        if rel == "participatedIn" and any((s, sub, o) in edges for sub in SUB_PROPERTIES):
            continue  # the super-property triple repeats what the sub-property says
        if rel == "affiliatedWith" and (s, "holdsPosition", o) in edges:
            continue  # the shortcut of a post already drawn
        items = [edge["evidence"][k] for k in sorted(edge["evidence"])]
        graph.add_edge(
            s, o, key=rel, relation=rel, label=RELATIONS[rel], role=edge["role"],
            weight=max(1, len(items)), evidence=items, symmetric=rel in SYMMETRIC,
        )  # fmt: skip
    for attrs in nodes.values():
        attrs["posts"].sort()
    log.info("projection: %d nodes, %d edges", graph.number_of_nodes(), graph.number_of_edges())
    return graph


def simple_graph(graph: nx.MultiDiGraph) -> nx.Graph:
    """The undirected simple graph behind rankings and paths: parallel edges merged, weights summed."""
    simple = nx.Graph()
    simple.add_nodes_from(graph.nodes(data=True))
    for s, o, attrs in graph.edges(data=True):
        if simple.has_edge(s, o):
            simple[s][o]["weight"] += attrs["weight"]
            simple[s][o]["relations"].append(attrs["relation"])
        else:
            simple.add_edge(s, o, weight=attrs["weight"], relations=[attrs["relation"]])
    return simple


def plain_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attributes are plain strings and numbers, as GraphML and GEXF want."""
    from graph.analyze.rankings import pagerank

    ranks = pagerank(simple_graph(graph))
    plain = nx.MultiDiGraph()
    for node, attrs in graph.nodes(data=True):
        plain.add_node(
            node, label=attrs["label"], kind=attrs["kind"], types=" ".join(attrs["types"]),
            alt="; ".join(attrs["alt"]), posts="; ".join(attrs["posts"]), start=attrs["start"],
            end=attrs["end"], year=attrs["year"], articles=attrs["articles"],
            degree=graph.degree(node), pagerank=round(ranks.get(node, 0.0), 6),
        )  # fmt: skip
    for s, o, key, attrs in graph.edges(keys=True, data=True):
        plain.add_edge(
            s, o, key=key, relation=attrs["relation"], label=attrs["label"], role=attrs["role"],
            weight=attrs["weight"], evidence=" | ".join(f"{sent} ({src})" for sent, src in attrs["evidence"]),
        )  # fmt: skip
    return plain


def export_networkx(store: Store, output: str, fmt: str) -> tuple[int, int]:
    """Write the projection as GraphML or GEXF for Gephi and Cytoscape; returns (nodes, edges)."""
    plain = plain_graph(project_store(store))
    tmp = Path(f"{output}.tmp")
    if fmt == "graphml":
        nx.write_graphml(plain, tmp)
    elif fmt == "gexf":
        nx.write_gexf(plain, tmp)
    else:
        raise ValueError(f"expected graphml or gexf, got {fmt!r}")
    tmp.replace(output)
    return plain.number_of_nodes(), plain.number_of_edges()
