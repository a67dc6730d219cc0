"""`forumgraph draw`, `analyze` and `path`: the graph as a page, as rankings, and as chains between two nodes."""

from __future__ import annotations

import json

import click

from graph.analyze.report import SECTIONS
from graph.cli.options import store_option, user_errors

__all__ = ["draw", "analyze", "path"]

FORMATS = click.Choice(["table", "json", "csv"])


@click.command()
@store_option
@click.option("-o", "--output", default="graph.html", show_default=True, help="The HTML file to write.")
@click.option("--focus", metavar="NAME", help="Only NAME's neighbourhood (names match fuzzily).")
@click.option("--depth", default=2, show_default=True, type=click.IntRange(min=0), help="Hops from --focus.")
@click.option(
    "--types",
    multiple=True,
    metavar="T,T",
    help="Only these kinds: person, official, organization, university, government, company, place, event, forum, series...",
)
@click.option(
    "--event",
    metavar="NAME",
    help="Only this event (or series) with its sessions and everyone linked to them.",
)
@click.option("--since", metavar="DATE", help="Only events from DATE (YYYY[-MM[-DD]]) and their neighbours.")
@click.option("--until", metavar="DATE", help="Only events until DATE and their neighbours.")
@click.option(
    "--top",
    type=click.IntRange(min=1),
    help="Only the N most central nodes (PageRank) and the edges among them.",
)
@click.option(
    "--size",
    "size_by",
    type=click.Choice(["degree", "pagerank"]),
    default="degree",
    show_default=True,
    help="What a node's size shows.",
)
@user_errors
def draw(
    store_dir: str,
    output: str,
    focus: str | None,
    depth: int,
    types: tuple[str, ...],
    event: str | None,
    since: str | None,
    until: str | None,
    top: int | None,
    size_by: str,
) -> None:
    """Write the graph as one HTML page that works offline: hover for evidence, click to highlight.

    \b
    Example:
      forumgraph draw -o graph.html
      forumgraph draw --focus 'Рулевский' --depth 2 -o rulevsky.html
      forumgraph draw --top 300 --types person,university,forum -o top.html
    """
    from graph.draw.render import draw_store
    from graph.store.embedded import open_store

    filters = {
        "focus": focus,
        "depth": depth,
        "types": types,
        "event": event,
        "since": since,
        "until": until,
        "top": top,
    }
    with open_store(store_dir, read_only=True) as store:
        stats = draw_store(store, output, size_by=size_by, **filters)
    for note in stats["notes"]:
        click.echo(note, err=True)
    layout = (
        "positions from Python, physics off" if stats["layout"] == "python" else "physics layout in the page"
    )
    click.echo(
        f"wrote {stats['nodes']} nodes and {stats['edges']} edges to {output} ({stats['bytes'] / 1e6:.1f} MB; {layout})"
    )


@click.command()
@store_option
@click.option("--top", default=10, show_default=True, type=click.IntRange(min=1), help="Rows per section.")
@click.option(
    "--section",
    "sections",
    multiple=True,
    type=click.Choice(SECTIONS),
    help="Only these sections (repeat); default all.",
)
@click.option(
    "--format",
    "fmt",
    type=FORMATS,
    default="table",
    show_default=True,
    help="csv: one block per section; use with --section for one table.",
)
@user_errors
def analyze(store_dir: str, top: int, sections: tuple[str, ...], fmt: str) -> None:
    """Rankings (degree, betweenness, PageRank), communities, co-participation and bridges between regions.

    \b
    Example:
      forumgraph analyze --top 20
      forumgraph analyze --section officials --format csv > officials.csv
    """
    from graph.analyze.network import project_store
    from graph.analyze.report import build_report, render_report
    from graph.store.embedded import open_store

    with open_store(store_dir, read_only=True) as store:
        graph = project_store(store)
    click.echo(render_report(build_report(graph, top, sections or SECTIONS), fmt))


@click.command()
@click.argument("source")
@click.argument("target")
@store_option
@click.option(
    "--limit", default=3, show_default=True, type=click.IntRange(min=1), help="At most this many chains."
)
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@user_errors
def path(source: str, target: str, store_dir: str, limit: int, fmt: str) -> None:
    """The shortest chains between two entities, each step with its relation and evidence sentence.

    \b
    Example:
      forumgraph path 'Виктор Рулевский' 'Технопром-2025'
    """
    from graph.analyze.network import project_store
    from graph.analyze.paths import find_node, shortest_chains
    from graph.analyze.report import render_report
    from graph.store.embedded import open_store

    with open_store(store_dir, read_only=True) as store:
        graph = project_store(store)
    a, b = find_node(graph, source), find_node(graph, target)
    chains = shortest_chains(graph, a, b, limit)
    if fmt == "json":
        click.echo(json.dumps({"source": a, "target": b, "chains": chains}, ensure_ascii=False, indent=1))
        return
    if not chains:
        click.echo(f"no chain between {graph.nodes[a]['label']} and {graph.nodes[b]['label']}")
        return
    if fmt == "csv":
        rows = [
            {"chain": i, "step": step, **hop}
            for i, chain in enumerate(chains, 1)
            for step, hop in enumerate(chain, 1)
        ]
        click.echo(render_report({"path": rows}, "csv"))
        return
    lines = []
    for i, chain in enumerate(chains, 1):
        lines.append(f"chain {i} ({len(chain)} step{'s' if len(chain) > 1 else ''}):")
        for step, hop in enumerate(chain, 1):
            arrow = f"—{hop['relation']}→" if hop["forward"] else f"←{hop['relation']}—"
            lines.append(f"  {step}. {hop['from']} {arrow} {hop['to']}")
            if hop["evidence"]:
                lines.append(f"     «{hop['evidence']}» ({hop['source']})")
    click.echo("\n".join(lines))
