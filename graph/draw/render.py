"""The projection as one self-contained, offline HTML page (pyvis and vis-network): styles, filters, layout."""

from __future__ import annotations

import logging
import math
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx

from graph.analyze.rankings import pagerank
from graph.draw.page import render_page
from graph.draw.select import select_subgraph
from graph.store.vocab import FGR

if TYPE_CHECKING:
    from graph.store.embedded import Store

__all__ = [
    "KIND_STYLE",
    "LAYOUT_LIMIT",
    "MAX_NODES",
    "draw_graph",
    "draw_store",
    "page_id",
    "select_subgraph",
]

log = logging.getLogger(__name__)

LAYOUT_LIMIT = 1000  # above it, positions come from Python and physics is off: the page is usable at once
MAX_NODES = 5000  # without a filter, a bigger graph is cut to its most central nodes
# kind: (colour, vis-network shape); the legend lists them in this order.
KIND_STYLE = {
    "official": ("#d62728", "dot"), "person": ("#ff9f40", "dot"), "university": ("#1f77b4", "square"),
    "government body": ("#9467bd", "diamond"), "company": ("#8c564b", "triangle"),
    "organization": ("#17a2b8", "square"), "place": ("#2ca02c", "triangleDown"),
    "forum": ("#e377c2", "star"), "exhibition": ("#f0c808", "star"), "congress": ("#bcbd22", "star"),
    "conference": ("#ff6f91", "star"), "session": ("#c49c94", "star"), "round table": ("#9edae5", "star"),
    "meeting": ("#aec7e8", "star"), "event": ("#dbdb8d", "star"), "series": ("#7f7f7f", "hexagon"),
}  # fmt: skip
TIP_EVIDENCE = 5  # evidence sentences shown in a node's tooltip


def page_id(node: str) -> str:
    """The id a node has on the page: `fgr:person/yuriy-petukhov`, so the file holds no instance URLs."""
    return "fgr:" + node[len(str(FGR)) :] if node.startswith(str(FGR)) else node


def _dates(attrs: dict) -> str:
    if attrs["start"] or attrs["end"]:
        start, end = attrs["start"] or "?", attrs["end"] or attrs["start"]
        return start if start == end else f"{start} – {end}"
    return attrs["year"]


def _merge(evidence) -> list[list[str]]:
    """One entry per sentence, naming every article that states it (copies of a press release repeat)."""
    merged: dict[str, list[str]] = {}
    for sentence, source in evidence:
        if sentence:
            sources = merged.setdefault(sentence, [])
            if source not in sources:
                sources.append(source)
    return [[sentence, ", ".join(sources)] for sentence, sources in merged.items()]


def _node_tip(graph: nx.MultiDiGraph, node: str) -> dict:
    attrs = graph.nodes[node]
    rows = [
        ("posts", "; ".join(attrs["posts"])), ("dates", _dates(attrs)),
        ("also called", "; ".join(attrs["alt"][:6])), ("articles", str(attrs["articles"] or "")),
    ]  # fmt: skip
    edges = sorted(
        list(graph.out_edges(node, keys=True, data=True)) + list(graph.in_edges(node, keys=True, data=True)),
        key=lambda e: (-e[3]["weight"], e[2], e[0], e[1]),
    )
    evidence = _merge(item for e in edges for item in e[3]["evidence"])
    return {
        "name": attrs["label"], "kind": attrs["kind"], "rows": [list(r) for r in rows if r[1]],
        "evidence": evidence[:TIP_EVIDENCE], "more": max(0, len(evidence) - TIP_EVIDENCE),
    }  # fmt: skip


def _edge_tip(graph: nx.MultiDiGraph, s: str, o: str, attrs: dict) -> dict:
    name = f"{graph.nodes[s]['label']} — {attrs['label']} — {graph.nodes[o]['label']}"
    rows = [["role", attrs["role"]]] if attrs["role"] else []
    items = _merge(attrs["evidence"])
    return {
        "name": name,
        "kind": attrs["relation"],
        "rows": rows,
        "evidence": items[:TIP_EVIDENCE],
        "more": max(0, len(items) - TIP_EVIDENCE),
    }


def _sizes(graph: nx.MultiDiGraph, size_by: str) -> dict[str, float]:
    if size_by == "pagerank":
        ranks = pagerank(nx.Graph(graph.to_undirected(as_view=True)))
        top = max(ranks.values(), default=1.0) or 1.0
        return {v: round(10 + 40 * math.sqrt(r / top), 2) for v, r in ranks.items()}
    return {v: round(min(60.0, 10 + 5 * math.sqrt(graph.degree(v))), 2) for v in graph}


def draw_graph(
    graph: nx.MultiDiGraph, output: str | Path, *, title: str = "forumgraph", notes: list[str] | None = None,
    size_by: str = "degree", sizes: dict[str, float] | None = None,
) -> dict:  # fmt: skip
    """Write the page for a projection (or any graph with its attributes); returns what was drawn."""
    from pyvis.network import Network  # imported here: it pulls in IPython, slow for the CLI's --help

    from graph.draw.layout import community_layout

    sizes = sizes or _sizes(graph, size_by)
    large = graph.number_of_nodes() > LAYOUT_LIMIT
    positions = community_layout(graph) if large else {}
    # pyvis collects the nodes and edges; the page is our own template, because pyvis's own still links
    # Bootstrap and vis-network's stylesheet from CDNs even with cdn_resources="in_line".
    net = Network(directed=True, height="100%", width="100%", cdn_resources="in_line")
    for node, attrs in graph.nodes(data=True):
        colour, shape = KIND_STYLE.get(attrs["kind"], ("#999999", "dot"))
        extra = {"x": positions[node][0], "y": positions[node][1]} if large else {}
        net.add_node(
            page_id(node),
            label=attrs["label"],
            shape=shape,
            color=colour,
            size=sizes.get(node, 10),
            kind=attrs["kind"],
            tip=_node_tip(graph, node),
            **extra,
        )
    for i, (s, o, key, attrs) in enumerate(graph.edges(keys=True, data=True)):
        net.add_edge(
            page_id(s), page_id(o), id=f"e{i}", label=attrs["label"], relation=key, value=attrs["weight"],
            arrows="" if attrs.get("symmetric") else "to", tip=_edge_tip(graph, s, o, attrs),
        )  # fmt: skip
    kinds = Counter(n["kind"] for n in net.nodes)
    legend = [
        {"kind": k, "color": c, "shape": s, "count": kinds[k]} for k, (c, s) in KIND_STYLE.items() if kinds[k]
    ]
    relations = Counter((e["label"], e["relation"]) for e in net.edges)
    data = {
        "title": title, "notes": notes or [], "nodes": net.nodes, "edges": net.edges, "physics": not large,
        "legend": legend, "relations": [{"label": lab, "count": n} for (lab, _), n in sorted(relations.items())],
    }  # fmt: skip
    size = render_page(data, output)
    log.info("drew %d nodes and %d edges to %s (%d bytes)", len(net.nodes), len(net.edges), output, size)
    return {
        "nodes": len(net.nodes),
        "edges": len(net.edges),
        "bytes": size,
        "layout": "python" if large else "physics",
    }


def draw_store(store: Store, output: str | Path, **filters) -> dict:
    """Project the store, apply the filters of `select_subgraph`, and write the page."""
    from graph.analyze.network import project_store

    graph = project_store(store)
    size_by = filters.pop("size_by", "degree")
    sizes = _sizes(graph, size_by)  # sized by the whole graph, so a filtered page keeps its proportions
    chosen, notes = select_subgraph(graph, **filters)
    if chosen.number_of_nodes() > MAX_NODES:
        chosen, more = select_subgraph(chosen, top=MAX_NODES)
        notes += more + [
            f"cut to the {MAX_NODES} most central nodes; use --top, --focus or --types to choose"
        ]
    stats = draw_graph(chosen, output, title=f"forumgraph: {store.location}", notes=notes, sizes=sizes)
    stats["notes"] = notes
    return stats
