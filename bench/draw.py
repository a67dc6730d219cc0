"""Benchmark of `forumgraph draw`: a synthetic 5,000-node page against a 500-node one, timed in headless Chromium.

Run: .venv/bin/python bench/draw.py [--nodes 5000] [--small 500] [--keep DIR]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graph.draw.render import LAYOUT_LIMIT, draw_graph  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
KINDS = [
    "person",
    "official",
    "official",
    "university",
    "government body",
    "company",
    "place",
    "forum",
    "session",
    "series",
]
RELATIONS = {
    "person": "participatedIn",
    "official": "holdsPosition",
    "university": "spokeAt",
    "government body": "organizedBy",
}
WORDS = [
    "форум",
    "сессия",
    "ректор",
    "губернатор",
    "университет",
    "соглашение",
    "делегация",
    "выставка",
    "круглый",
    "стол",
    "технологии",
    "регион",
]


def synthetic_graph(n: int, seed: int = 7) -> nx.MultiDiGraph:
    """A projection-shaped graph: n nodes of every kind, about 2n edges with preferential attachment and evidence."""
    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    for i in range(n):
        kind = KINDS[i % len(KINDS)]
        graph.add_node(
            f"n{i}", label=f"{kind.title()} {i}", kind=kind, types=[], alt=[f"alt {i}"], posts=[], start="",
            end="", year=str(2020 + i % 6), articles=1 + i % 4,
        )  # fmt: skip
    targets = ["n0"]
    for i in range(1, n):
        for _ in range(2 if i % 3 else 1):
            j = rng.choice(targets)
            if j == f"n{i}" or graph.has_edge(f"n{i}", j):
                continue
            relation = RELATIONS.get(graph.nodes[f"n{i}"]["kind"], "participatedIn")
            sentence = " ".join(rng.choice(WORDS) for _ in range(20)).capitalize() + "."
            graph.add_edge(
                f"n{i}", j, key=relation, relation=relation, label=relation, role="", weight=1,
                evidence=[(sentence, f"article-{i % 97}.txt")], symmetric=False,
            )  # fmt: skip
            targets += [j, f"n{i}"]
    return graph


def time_page(browser, path: Path) -> dict:
    """Open the page with all network refused; seconds until the network is drawn and usable."""
    url = path.resolve().as_uri()
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    refused: list[str] = []
    context.route(
        "**/*",
        lambda r: r.continue_() if r.request.url == url else (refused.append(r.request.url), r.abort()),
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    started = time.perf_counter()
    page.goto(url)
    page.wait_for_selector(
        "body[data-fg-ready]", state="attached", timeout=300_000
    )  # the page's CSP forbids eval
    wall = time.perf_counter() - started
    ready_at = page.evaluate("window.fg.readyAt") / 1000  # from navigation start, in the page's clock
    marks = page.evaluate("window.fg.marks")
    # Interactive means a hover answers: time the tooltip of the biggest node, in the view as it opened.
    point = page.evaluate(
        """() => { const net = window.fg.network, id = window.fg.nodes.getIds()[0], p = net.getPositions([id])[id];
           const d = net.canvasToDOM(p);
           const r = document.getElementById('fg-network').getBoundingClientRect(); return {x: d.x + r.left, y: d.y + r.top}; }"""
    )
    t = time.perf_counter()
    page.mouse.move(point["x"], point["y"], steps=2)
    page.wait_for_selector("div.vis-tooltip", state="visible", timeout=30_000)
    hover = time.perf_counter() - t
    context.close()
    steps = {"script": marks["start"], "json": marks["parsed"] - marks["start"], "tooltips": marks["tooltips"] - marks["parsed"],
             "network": marks["network"] - marks["tooltips"], "drawn": ready_at * 1000 - marks["network"]}  # fmt: skip
    return {
        "wall": wall,
        "ready": ready_at,
        "hover": hover,
        "refused": refused,
        "errors": errors,
        "steps": steps,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--small", type=int, default=500)
    parser.add_argument("--keep", type=Path, help="Write the pages here instead of a temporary folder.")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    folder = args.keep or Path(tempfile.mkdtemp(prefix="forumgraph-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    rows = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        for n in (args.small, args.nodes):
            graph = synthetic_graph(n)
            out = folder / f"draw-{n}.html"
            t = time.perf_counter()
            stats = draw_graph(graph, out, title=f"synthetic {n}")
            build = time.perf_counter() - t
            timing = time_page(browser, out)
            rows[n] = {**stats, "python": build, **timing}
            print(
                f"{n:>6} nodes {stats['edges']:>6} edges  layout {stats['layout']:<7}  file {stats['bytes'] / 1e6:6.2f} MB  "
                f"python {build:6.2f} s  ready {timing['ready']:6.2f} s (wall {timing['wall']:6.2f} s)  "
                f"first tooltip {timing['hover']:5.2f} s  refused requests {len(timing['refused'])}  errors {len(timing['errors'])}"
            )
            print(
                "        in the page (ms): " + ", ".join(f"{k} {v:.0f}" for k, v in timing["steps"].items())
            )
        browser.close()
    small, big = rows[args.small], rows[args.nodes]
    print(
        f"ratio {args.nodes}/{args.small}: file {big['bytes'] / small['bytes']:.1f}x, ready {big['ready'] / small['ready']:.2f}x, "
        f"python {big['python'] / small['python']:.1f}x  (physics in the page up to {LAYOUT_LIMIT} nodes, off above)"
    )
    print(f"pages in {folder}")


if __name__ == "__main__":
    main()
