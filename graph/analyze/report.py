"""The `analyze` report: sections of rows (rankings, communities, co-participation, bridges) and their rendering."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["SECTIONS", "build_report", "render_report"]

SECTIONS = (
    "summary",
    "rankings",
    "officials",
    "universities",
    "forums",
    "communities",
    "coparticipation",
    "bridges",
    "bridging",
)


def build_report(
    graph: nx.MultiDiGraph, top: int, sections: tuple[str, ...] = SECTIONS
) -> dict[str, list[dict]]:
    """The chosen sections of the report, each a list of at most `top` rows."""
    # Imported here: the CLI reads SECTIONS from this module, and `--help` must stay fast.
    from graph.analyze.network import simple_graph
    from graph.analyze.rankings import (
        CATEGORIES,
        coparticipation,
        find_communities,
        most_connected,
        rank_nodes,
    )
    from graph.analyze.regions import region_bridges

    out: dict[str, list[dict]] = {}
    simple = simple_graph(graph)
    if "summary" in sections:
        kinds = Counter(kind for _, kind in graph.nodes(data="kind"))
        rels = Counter(rel for _, _, rel in graph.edges(keys=True))
        out["summary"] = [{"what": "node", "type": k, "count": n} for k, n in sorted(kinds.items())]
        out["summary"] += [{"what": "edge", "type": r, "count": n} for r, n in sorted(rels.items())]
    if {"rankings", "officials", "universities", "forums"} & set(sections):
        rows = rank_nodes(simple)
        if "rankings" in sections:
            out["rankings"] = [{"rank": i, **r} for i, r in enumerate(rows[:top], 1)]
        for name, kinds in CATEGORIES.items():
            if name in sections:
                out[name] = [{"rank": i, **r} for i, r in enumerate(most_connected(rows, kinds, top), 1)]
    if "communities" in sections:
        groups = find_communities(simple)[:top]
        out["communities"] = [
            {"community": i, "size": len(g), "members": [graph.nodes[v]["label"] for v in g], "ids": g}
            for i, g in enumerate(groups, 1)
        ]
    if "coparticipation" in sections:
        out["coparticipation"] = coparticipation(graph)[:top]
    if {"bridges", "bridging"} & set(sections):
        edges, nodes = region_bridges(graph)
        out.update({k: v[:top] for k, v in (("bridges", edges), ("bridging", nodes)) if k in sections})
    return out


def _cell(value) -> str:
    return "; ".join(map(str, value)) if isinstance(value, list) else str(value)


def render_report(report: dict[str, list[dict]], fmt: str, width: int = 60) -> str:
    """JSON; CSV blocks led by a `section` column; or one readable table per section (ids left out)."""
    from graph.store.query import table

    if fmt == "json":
        return json.dumps(report, ensure_ascii=False, indent=1)
    blocks = []
    for section, rows in report.items():
        names = (
            [k for k in (rows[0] if rows else {}) if not k.endswith("id") and k != "ids"]
            if fmt == "table"
            else list(rows[0] if rows else {})
        )
        if fmt == "csv":
            buf = io.StringIO()
            writer = csv.writer(buf, lineterminator="\n")
            writer.writerow(["section", *names])
            writer.writerows([section, *(_cell(r[n]) for n in names)] for r in rows)
            blocks.append(buf.getvalue().rstrip("\n"))
        elif not rows:
            blocks.append(f"{section}: none")
        else:
            blocks.append(f"{section}:\n" + table(names, [[_cell(r[n]) for n in names] for r in rows], width))
    return "\n\n".join(blocks)
