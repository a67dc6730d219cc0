"""Rankings, communities and co-participation over the store's projection."""

from __future__ import annotations

import logging
from collections import defaultdict
from itertools import combinations

import networkx as nx

__all__ = [
    "pagerank",
    "rank_nodes",
    "find_communities",
    "induced",
    "louvain",
    "most_connected",
    "coparticipation",
    "event_closure",
    "CATEGORIES",
]

log = logging.getLogger(__name__)

PARTICIPATION = ("participatedIn", "spokeAt", "moderated", "ledDelegationTo")
# Which node kinds each "most connected" table lists.
CATEGORIES = {
    "officials": ("official",),
    "universities": ("university",),
    "forums": ("forum", "exhibition", "congress", "conference", "series"),
}
EXACT_BETWEENNESS_LIMIT = 2000  # above it betweenness is estimated from a fixed sample of sources


def pagerank(graph: nx.Graph) -> dict[str, float]:
    """Weighted PageRank (networkx, SciPy's sparse solver); evidence counts are the weights."""
    if graph.number_of_nodes() == 0:
        return {}
    return nx.pagerank(graph, weight="weight", tol=1.0e-10, max_iter=200)


def rank_nodes(graph: nx.Graph) -> list[dict]:
    """Every node with degree, betweenness and PageRank, best PageRank first."""
    k = None if graph.number_of_nodes() <= EXACT_BETWEENNESS_LIMIT else EXACT_BETWEENNESS_LIMIT // 4
    between = nx.betweenness_centrality(graph, k=k, seed=0)  # hops, not evidence counts
    ranks = pagerank(graph)
    rows = [
        {
            "id": node,
            "name": attrs["label"],
            "kind": attrs["kind"],
            "degree": graph.degree(node),
            "betweenness": round(between[node], 6),
            "pagerank": round(ranks[node], 6),
        }  # fmt: skip
        for node, attrs in graph.nodes(data=True)
    ]
    return sorted(rows, key=lambda r: (-r["pagerank"], -r["degree"], r["name"], r["id"]))


def induced(graph: nx.Graph, nodes) -> nx.Graph:
    """The simple undirected graph on `nodes`, built in sorted order. networkx's subgraph views may walk a set of
    the nodes, and a set of strings is ordered by the per-process string hash; PageRank, Louvain and the
    spring layout all depend on node order, so they get this instead."""
    keep = sorted(nodes)
    member = set(keep)
    sub = nx.Graph()
    sub.add_nodes_from((v, graph.nodes[v]) for v in keep)
    for u in keep:
        for v, data in sorted(graph[u].items()):
            if (
                v in member
            ):  # of a multigraph's parallel edges, the last one's attributes, as nx.Graph(multi) keeps
                sub.add_edge(u, v, **(list(data.values())[-1] if graph.is_multigraph() else data))
    return sub


def louvain(graph: nx.Graph, seed: int = 0, resolution: float = 1.0) -> list[list[str]]:
    """Louvain communities, sorted, the same in every process: Louvain itself walks sets of nodes, so it runs
    on integer labels (the places of the sorted names) rather than on the names."""
    names = sorted(graph)
    numbered = nx.relabel_nodes(induced(graph, names), {name: i for i, name in enumerate(names)})
    found = nx.community.louvain_communities(numbered, weight="weight", resolution=resolution, seed=seed)
    return sorted(sorted(names[i] for i in part) for part in found)


def find_communities(graph: nx.Graph, seed: int = 0) -> list[list[str]]:
    """Louvain communities with a fixed seed, largest first, members in a stable order."""
    found = louvain(graph, seed)
    groups = [sorted(c, key=lambda v: (-graph.degree(v), graph.nodes[v]["label"], v)) for c in found]
    return sorted(groups, key=lambda g: (-len(g), graph.nodes[g[0]]["label"], g[0]))


def most_connected(rows: list[dict], kinds: tuple[str, ...], top: int) -> list[dict]:
    """The `top` rows of these kinds by degree, then PageRank."""
    chosen = [r for r in rows if r["kind"] in kinds]
    return sorted(chosen, key=lambda r: (-r["degree"], -r["pagerank"], r["name"]))[:top]


def event_closure(graph: nx.MultiDiGraph) -> dict[str, list[str]]:
    """Each node with the events it is part of, nearest first (a round table counts for its forum)."""
    parents = defaultdict(list)
    for s, o, rel in sorted(graph.edges(keys=True)):
        if rel == "partOf":
            parents[s].append(o)
    closure = {}
    for event in graph:
        order, seen = [event], {event}
        for node in order:  # breadth first: the list grows while it is read
            for parent in parents.get(node, ()):
                if parent not in seen:
                    seen.add(parent)
                    order.append(parent)
        closure[event] = order
    return closure


def coparticipation(graph: nx.MultiDiGraph, kinds: tuple[str, ...] = ("person", "official")) -> list[dict]:
    """Pairs of people who took part in the same events (an event's sessions count for it), most shared first."""
    closure = event_closure(graph)
    attended: dict[str, set[str]] = defaultdict(set)
    for s, o, rel in graph.edges(keys=True):
        if rel in PARTICIPATION and graph.nodes[s]["kind"] in kinds:
            attended[s].update(closure[o])
    by_event: dict[str, set[str]] = defaultdict(set)
    for agent, events in attended.items():
        for event in events:
            by_event[event].add(agent)
    shared: dict[tuple[str, str], set[str]] = defaultdict(set)
    for event, agents in by_event.items():
        for a, b in combinations(sorted(agents), 2):
            shared[(a, b)].add(event)
    label = lambda v: graph.nodes[v]["label"]  # noqa: E731
    rows = [
        {
            "a": label(a),
            "b": label(b),
            "count": len(ev),
            "events": sorted(label(e) for e in ev),
            "a_id": a,
            "b_id": b,
        }
        for (a, b), ev in shared.items()
    ]
    return sorted(rows, key=lambda r: (-r["count"], r["a"], r["b"]))
