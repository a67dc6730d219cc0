"""Positions for large pages, computed in Python: communities laid out apart, each by a small spring layout."""

from __future__ import annotations

import math

import networkx as nx

from graph.analyze.rankings import induced, louvain

__all__ = ["community_layout", "SPRING_LIMIT"]

# networkx's spring layout needs SciPy from 500 nodes up; below that it is plain NumPy and quick.
SPRING_LIMIT = 400


def _pieces(graph: nx.Graph, seed: int) -> list[list[str]]:
    """Groups of at most SPRING_LIMIT nodes: Louvain communities, split again (or cut) when too big."""
    todo = louvain(graph, seed)
    done = []
    while todo:
        group = todo.pop()
        if len(group) <= SPRING_LIMIT:
            done.append(group)
            continue
        parts = louvain(induced(graph, group), seed, resolution=2.0)
        if len(parts) > 1:
            todo.extend(parts)
        else:  # one dense lump: cut it in breadth-first order so that neighbours stay together
            sub = induced(graph, group)
            order = [v for comp in nx.connected_components(sub) for v in nx.bfs_tree(sub, min(comp))]
            done.extend(order[i : i + SPRING_LIMIT] for i in range(0, len(order), SPRING_LIMIT))
    return sorted(done, key=lambda g: (-len(g), g[0]))


def _pack(radii: list[float], gap: float) -> list[tuple[float, float]]:
    """Centres for circles of these radii, largest first, placed outward along a spiral without overlap."""
    centres: list[tuple[float, float, float]] = []
    angle = 0.0
    for r in radii:
        dist = 0.0 if not centres else centres[0][2] + r + gap
        while True:
            x, y = dist * math.cos(angle), dist * math.sin(angle)
            if all(math.hypot(x - cx, y - cy) >= r + cr + gap for cx, cy, cr in centres):
                break
            angle += 0.35
            dist += r * 0.08 + gap * 0.1
        centres.append((x, y, r))
    return [(x, y) for x, y, _ in centres]


def community_layout(graph: nx.Graph, seed: int = 0, spacing: float = 40.0) -> dict[str, tuple[float, float]]:
    """Node positions in page pixels: deterministic for a seed, no SciPy, seconds for thousands of nodes."""
    if graph.number_of_nodes() == 0:
        return {}
    simple = nx.Graph(graph)  # collapse parallel edges and direction
    groups = _pieces(simple, seed)
    big = [g for g in groups if len(g) > 2]
    radii = [spacing * math.sqrt(len(g)) * 0.9 + spacing for g in big]
    positions: dict[str, tuple[float, float]] = {}
    for group, radius, (cx, cy) in zip(big, radii, _pack(radii, gap=spacing)):
        local = nx.spring_layout(induced(simple, group), seed=seed, iterations=50, method="force")
        for node, (x, y) in sorted(local.items()):
            positions[node] = (round(cx + x * (radius - spacing), 2), round(cy + y * (radius - spacing), 2))
    # Isolated nodes and pairs go in rows below the rest, so they do not push the communities apart.
    tiny = [v for g in groups if len(g) <= 2 for v in g]
    top = max((y for _, y in positions.values()), default=0.0) + 2 * spacing
    left = min((x for x, _ in positions.values()), default=0.0)
    per_row = max(10, int(math.sqrt(len(tiny)) * 2))
    for i, node in enumerate(tiny):
        positions[node] = (
            round(left + (i % per_row) * spacing * 1.5, 2),
            round(top + (i // per_row) * spacing, 2),
        )
    return positions
