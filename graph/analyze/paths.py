"""Names to nodes (fuzzily, against labels and alternative labels) and the shortest chains between nodes."""

from __future__ import annotations

import difflib
import re
from itertools import islice

import networkx as nx

from extractors.errors import InputError
from extractors.vocab import fold

__all__ = ["NameMatchError", "find_node", "name_matches", "shortest_chains"]

CUTOFF = 0.6  # difflib ratio below which a name is not a candidate
MARGIN = 0.05  # the best candidate must beat the second by this much to be taken without asking


class NameMatchError(InputError):
    """A name matches no node, or several equally well; the message lists the best candidates."""


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", fold(text)))


def _word_match(q: str, w: str) -> bool:
    """A query word matches a name word it starts, or that it inflects ("рулевского" ~ "рулевский")."""
    if q == w or (len(q) >= 3 and w.startswith(q)):
        return True
    return len(w) >= 5 and q.startswith(w[: len(w) - 2])


def _score(query: str, name: str) -> float:
    """1 for the same name; about 0.95 when every query word matches a word of the name; else difflib's ratio."""
    if query == name:
        return 1.0
    q_words, n_words = query.split(), name.split()
    if q_words and all(any(_word_match(q, w) for w in n_words) for q in q_words):
        return 0.95 - 0.01 * abs(len(n_words) - len(q_words))
    ratio = difflib.SequenceMatcher(None, query, name).ratio()
    words = max((difflib.SequenceMatcher(None, query, w).ratio() for w in n_words), default=0.0)
    return max(ratio, 0.9 * words)


def name_matches(
    graph: nx.Graph, name: str, kinds: tuple[str, ...] = (), limit: int = 5
) -> list[tuple[float, str]]:
    """The nodes whose label or alternative label is nearest to `name`: (score, node), best first."""
    query = _key(name)
    scored = []
    for node, attrs in graph.nodes(data=True):
        if kinds and attrs["kind"] not in kinds:
            continue
        best = max(_score(query, _key(n)) for n in [attrs["label"], *attrs.get("alt", [])])
        if best >= CUTOFF:
            scored.append((round(best, 4), node))
    scored.sort(key=lambda item: (-item[0], graph.nodes[item[1]]["label"], item[1]))
    return scored[:limit]


def _describe(graph: nx.Graph, matches: list[tuple[float, str]]) -> str:
    return "; ".join(
        f"{graph.nodes[n]['label']} ({graph.nodes[n]['kind']}, {n.rsplit('/id/', 1)[-1]})" for _, n in matches
    )


def find_node(graph: nx.Graph, name: str, kinds: tuple[str, ...] = ()) -> str:
    """The one node `name` stands for; NameMatchError names the candidates when there is none or no clear best."""
    if name in graph:
        return name  # an IRI
    matches = name_matches(graph, name, kinds)
    if not matches:
        what = f" of kind {', '.join(kinds)}" if kinds else ""
        raise NameMatchError(f"no node{what} named {name!r} (compared with labels and alternative labels)")
    if len(matches) > 1 and matches[0][0] - matches[1][0] < MARGIN:
        raise NameMatchError(f"{name!r} is ambiguous; best matches: {_describe(graph, matches)}")
    return matches[0][1]


def _hop(graph: nx.MultiDiGraph, a: str, b: str) -> dict:
    """The relations between two neighbours, strongest first, with the first evidence sentence."""
    found = [(a, b, k, d) for k, d in graph.get_edge_data(a, b, default={}).items()]
    found += [(b, a, k, d) for k, d in graph.get_edge_data(b, a, default={}).items()]
    found.sort(key=lambda e: (-e[3]["weight"], e[2]))
    s, o, _, data = found[0]
    sentence, source = data["evidence"][0] if data["evidence"] else ("", "")
    relation = data["label"] + (f" ({data['role']})" if data["role"] else "")
    also = [f"{d['label']}" for _, _, _, d in found[1:]]
    return {
        "from": graph.nodes[a]["label"], "to": graph.nodes[b]["label"], "from_id": a, "to_id": b,
        "relation": relation, "forward": s == a, "also": also, "evidence": sentence, "source": source,
    }  # fmt: skip


def shortest_chains(graph: nx.MultiDiGraph, source: str, target: str, limit: int = 3) -> list[list[dict]]:
    """Up to `limit` shortest chains between two nodes, each a list of hops; [] when they are not connected."""
    undirected = nx.Graph(graph.to_undirected(as_view=True))
    try:
        found = list(islice(nx.all_shortest_paths(undirected, source, target), 200))
    except nx.NetworkXNoPath:
        return []
    found.sort(key=lambda p: [graph.nodes[v]["label"] for v in p])
    return [[_hop(graph, a, b) for a, b in zip(path, path[1:])] for path in found[:limit]]
