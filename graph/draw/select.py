"""Filters that choose what a page shows: an ego graph, node types, one event, a date window, the top N."""

from __future__ import annotations

import re
from collections.abc import Iterable

import networkx as nx

from extractors.errors import InputError
from graph.analyze.paths import find_node
from graph.analyze.rankings import event_closure, induced, pagerank

__all__ = ["select_subgraph", "parse_types", "TYPE_NAMES", "EVENT_KINDS"]

EVENT_KINDS = ("forum", "exhibition", "congress", "conference", "session", "round table", "meeting", "event")
ORG_KINDS = ("university", "government body", "company", "organization")
# Names accepted by --types, each standing for the node kinds it covers (a class and its sub-classes).
TYPE_NAMES = {
    "person": ("person", "official"), "official": ("official",), "organization": ORG_KINDS,
    "university": ("university",), "government": ("government body",), "company": ("company",),
    "place": ("place",), "event": EVENT_KINDS, "series": ("series",),
    **{kind.replace(" ", ""): (kind,) for kind in EVENT_KINDS},
}  # fmt: skip
ALIASES = {
    "people": "person", "organisation": "organization", "org": "organization", "governmentbody": "government",
    "universities": "university", "companies": "company", "conferences": "conference",
}  # fmt: skip
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def parse_types(names: Iterable[str]) -> tuple[str, ...]:
    """`person,university` -> the node kinds they cover; an unknown name is an InputError."""
    kinds: list[str] = []
    for raw in names:
        for name in filter(
            None, (n.strip().lower().replace(" ", "").replace("-", "") for n in raw.split(","))
        ):
            name = ALIASES.get(name, name.rstrip("s") if name.rstrip("s") in TYPE_NAMES else name)
            if name not in TYPE_NAMES:
                raise InputError(f"--types: expected some of {', '.join(sorted(TYPE_NAMES))}, got {name!r}")
            kinds.extend(k for k in TYPE_NAMES[name] if k not in kinds)
    return tuple(kinds)


def _bound(text: str, end: bool) -> str:
    """2024 -> 2024-01-01 (or 2024-12-31 for an end); dates compare as ISO strings."""
    if not DATE.match(text):
        raise InputError(f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got {text!r}")
    pad = "-12-31" if end else "-01-01"
    return text + pad[len(text) - 4 :] if len(text) < 10 else text


def _event_span(graph: nx.MultiDiGraph, node: str, closure: dict[str, list[str]]) -> tuple[str, str] | None:
    """When an event took place: its own dates, else its year, else those of the event it belongs to."""
    for event in closure[node]:
        attrs = graph.nodes[event]
        start, end, year = attrs["start"], attrs["end"], attrs["year"]
        if start or end:
            return start or end, end or start
        if year:
            return f"{year}-01-01", f"{year}-12-31"
    return None


def _with_neighbours(graph: nx.MultiDiGraph, core: set[str]) -> set[str]:
    keep = set(core)
    for node in core:
        keep.update(graph.successors(node))
        keep.update(graph.predecessors(node))
    return keep


def _event_nodes(graph: nx.MultiDiGraph, name: str) -> tuple[set[str], str]:
    """The named event (or series) with its sessions and, for a series, its editions."""
    found = find_node(graph, name, kinds=(*EVENT_KINDS, "series"))
    core = {found} | {s for s, o, rel in graph.edges(keys=True) if rel == "editionOf" and o == found}
    closure = event_closure(graph)
    core |= {v for v in graph if core & set(closure[v])}
    return core, found


def select_subgraph(
    graph: nx.MultiDiGraph, *, focus: str | None = None, depth: int = 2, types: Iterable[str] = (),
    event: str | None = None, since: str | None = None, until: str | None = None, top: int | None = None,
) -> tuple[nx.MultiDiGraph, list[str]]:  # fmt: skip
    """The part of the graph the filters keep, and one line per filter saying what it did."""
    keep, notes = set(graph), []
    label = lambda v: graph.nodes[v]["label"]  # noqa: E731
    if focus:
        centre = find_node(graph, focus)
        keep &= set(nx.ego_graph(graph.to_undirected(as_view=True), centre, radius=depth))
        notes.append(f"focus: {label(centre)}, depth {depth}")
    if event:
        core, found = _event_nodes(graph, event)
        keep &= _with_neighbours(graph, core)
        notes.append(f"event: {label(found)} ({len(core)} event nodes and their neighbours)")
    if since or until:
        low, high = _bound(since, False) if since else "0000", _bound(until, True) if until else "9999"
        closure = event_closure(graph)
        core = set()
        for node in graph:
            span = _event_span(graph, node, closure) if graph.nodes[node]["kind"] in EVENT_KINDS else None
            if span and span[0] <= high and span[1] >= low:
                core.add(node)
        keep &= _with_neighbours(graph, core)
        notes.append(
            f"dates: {since or '…'} to {until or '…'} ({len(core)} dated events and their neighbours)"
        )
    kinds = parse_types(types) if types else ()
    if kinds:
        keep = {v for v in keep if graph.nodes[v]["kind"] in kinds}
        notes.append(f"types: {', '.join(kinds)}")
    if top is not None and len(keep) > top:
        ranks = pagerank(induced(graph.to_undirected(as_view=True), keep))
        keep = set(sorted(keep, key=lambda v: (-ranks[v], label(v), v))[:top])
        notes.append(f"top {top} nodes by PageRank")
    ordered = sorted(keep)
    chosen = nx.MultiDiGraph()
    chosen.add_nodes_from((v, graph.nodes[v]) for v in ordered)
    chosen.add_edges_from(
        (s, o, k, d) for s, o, k, d in graph.edges(keys=True, data=True) if s in keep and o in keep
    )
    return chosen, notes
