"""Regions of nodes and the bridges between regions: edges whose two ends lie in different places."""

from __future__ import annotations

import re
from collections import defaultdict

import networkx as nx

from extractors.vocab import fold
from graph.analyze.rankings import event_closure

__all__ = ["node_regions", "region_bridges", "GENERIC_PLACE_WORDS"]

# Words of place names that say what kind of territory it is; they count for a match but never make one.
GENERIC_PLACE_WORDS = {
    "область", "край", "республика", "район", "город", "округ", "автономный", "федеральный", "сельсовет",
    "region", "oblast", "krai", "republic", "district", "city", "of", "the",
}  # fmt: skip
ORG_KINDS = ("university", "government body", "company", "organization")
PERSON_KINDS = ("person", "official")


def _stems(label: str) -> tuple[list[str], list[str]]:
    """Specific and generic stems of a place name: each word less its last two letters (inflection)."""
    specific, generic = [], []
    for word in re.findall(r"\w+", fold(label)):
        if word in GENERIC_PLACE_WORDS:
            generic.append(word[: max(3, len(word) - 2)])
        elif len(word) >= 3:
            specific.append(word[: max(4, len(word) - 2)] if len(word) > 4 else word)
    return specific, generic


def _place_in_name(name: str, places: dict[str, tuple[list[str], list[str]]]) -> str | None:
    """The place whose name stems all occur in an organisation's name ("Правительство Новосибирской области")."""
    words = re.findall(r"\w+", fold(name))
    found = lambda stem: any(w.startswith(stem) for w in words)  # noqa: E731
    best = None
    for place, (specific, generic) in places.items():
        if specific and all(found(s) for s in specific):
            score = sum(map(len, specific)) + sum(len(g) for g in generic if found(g))
            if best is None or (score, place) > best:
                best = (score, place)
    return best[1] if best else None


def node_regions(graph: nx.MultiDiGraph) -> dict[str, str]:
    """The place each node belongs to, where the graph tells it (the rules are in docs/visualisation.md)."""
    kind = lambda v: graph.nodes[v]["kind"]  # noqa: E731
    region = {v: v for v in graph if kind(v) == "place"}
    places = {v: _stems(graph.nodes[v]["label"]) for v in region}
    closure = event_closure(graph)
    held = {
        s: o
        for s, o, rel in sorted(graph.edges(keys=True), reverse=True)
        if rel == "heldIn" and kind(o) == "place"
    }
    for node in graph:
        if kind(node) in ORG_KINDS:
            found = _place_in_name(graph.nodes[node]["label"], places)
            if found:
                region[node] = found
        elif node not in region:
            # An event is where it is held, or where the event it belongs to is held (nearest first).
            venue = next((held[p] for p in closure[node] if p in held), None)
            if venue:
                region[node] = venue
    posts = sorted((s, o) for s, o, rel in graph.edges(keys=True) if rel == "holdsPosition")
    for person, where in posts:  # a territorial post first, then the organisation's place
        if kind(where) == "place":
            region.setdefault(person, where)
    for person, where in posts:
        if where in region:
            region.setdefault(person, region[where])
    return region


def region_bridges(graph: nx.MultiDiGraph) -> tuple[list[dict], list[dict]]:
    """Edges between nodes of different regions, and the nodes with most ties to regions not their own."""
    region = node_regions(graph)
    label = lambda v: graph.nodes[v]["label"]  # noqa: E731
    edges, reach = [], defaultdict(set)
    for s, o, attrs in graph.edges(data=True):
        if graph.nodes[o]["kind"] == "place" or graph.nodes[s]["kind"] == "place":
            continue  # an edge to a place says where something is; it is the anchor, not a bridge
        rs, ro = region.get(s), region.get(o)
        if rs and ro and rs != ro:
            edges.append({
                "a": label(s), "a_region": label(rs), "relation": attrs["label"], "b": label(o),
                "b_region": label(ro), "weight": attrs["weight"], "a_id": s, "b_id": o,
            })  # fmt: skip
            reach[s].add(ro)
            reach[o].add(rs)
    nodes = [
        {"name": label(v), "kind": graph.nodes[v]["kind"], "region": label(region[v]),
         "other_regions": len(rs), "regions": sorted(label(r) for r in rs), "id": v}
        for v, rs in reach.items()
    ]  # fmt: skip
    edges.sort(key=lambda r: (-r["weight"], r["a"], r["relation"], r["b"], r["a_id"]))
    nodes.sort(key=lambda r: (-r["other_regions"], r["name"], r["id"]))
    return edges, nodes
