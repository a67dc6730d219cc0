"""The drawn page: self-contained, filtered as asked, and correct in a real headless Chromium with no network."""

from __future__ import annotations

import os
import random
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from extractors.errors import InputError
from graph.analyze.network import project_store
from graph.cli import cli
from graph.draw.render import LAYOUT_LIMIT, draw_graph, draw_store, page_id
from graph.draw.select import parse_types, select_subgraph
from graph.store.embedded import open_store

HERE = Path(__file__).resolve().parent
ARTICLES = HERE.parent / "data" / "articles"
ARTIFACTS = HERE / "artifacts"
CHROMIUM = "/usr/bin/chromium"
HOVERS = 4  # mouse moves onto a node before its tooltip counts as missing
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
# URLs the inlined vis-network keeps, none ever fetched: its licence header (kept as the licence asks), an error
# message, and the SVG namespace name.
ALLOWED_URLS = {
    "https://visjs.github.io/vis-network/", "http://almende.com", "https://github.com/visjs",
    "http://www.apache.org/licenses/LICENSE-2.0", "http://opensource.org/licenses/MIT", "http://www.w3.org/2000/svg",
    "https://github.com/uuidjs/uuid", "https://github.com/uuidjs/uuid#getrandomvalues-not-supported",
    "https://github.com/zloirock/core-js",
    "https://github.com/zloirock/core-js/blob/v3.21.1/LICENSE",
}  # fmt: skip
XSS_ARTICLE = (
    "Новости университета. Ректор ТУСУРа Виктор Рулевский сказал: <script>window.__pwned=1</script> "
    '<img src=x onerror="window.__pwned=1"> <a href="javascript:window.__pwned=1">подробнее</a> '
    "о развитии университета и о сотрудничестве с регионами России.\n"
    "Первый заместитель губернатора Новосибирской области Юрий Петухов посетил выставку «Иннопром-2024» в Екатеринбурге.\n"
)


def built_store(factory: pytest.TempPathFactory, name: str, paths: list[Path]) -> str:
    """A store built once per test session from `paths` (test_analyze.py reuses it by the same name)."""
    from extractors.pipeline import Pipeline
    from graph.build.ingest import build_into

    where = factory.getbasetemp() / name
    if not (where / "built").exists():
        shutil.rmtree(where, ignore_errors=True)
        where.mkdir(parents=True)
        with open_store(str(where / "store")) as store:
            summary = build_into(store, [str(p) for p in paths], Pipeline().extract, max_bytes=50_000_000)
        assert summary.ok, summary.skipped
        (where / "built").write_text("ok")
    return str(where / "store")


@pytest.fixture(scope="session")
def seeds_store(tmp_path_factory) -> str:
    return built_store(tmp_path_factory, "seeds", [ARTICLES])


@pytest.fixture(scope="session")
def seeds(seeds_store) -> nx.MultiDiGraph:
    with open_store(seeds_store, read_only=True) as store:
        return project_store(store)


@pytest.fixture(scope="session")
def seeds_page(seeds_store, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("page") / "graph.html"
    result = CliRunner().invoke(cli, ["draw", "--store", seeds_store, "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return out


def synthetic(n: int, seed: int = 1) -> nx.MultiDiGraph:
    """A graph with the projection's attributes: people, universities and forums, preferential attachment."""
    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    kinds = ["person", "official", "university", "forum", "place"]
    for i in range(n):
        graph.add_node(
            f"n{i}",
            label=f"Узел {i}",
            kind=kinds[i % 5],
            types=[],
            alt=[],
            posts=[],
            start="",
            end="",
            year="",
            articles=1,
        )
    for i in range(1, n):
        j = rng.randrange(i)
        graph.add_edge(
            f"n{i}",
            f"n{j}",
            key="participatedIn",
            relation="participatedIn",
            label="took part",
            role="",
            weight=1,
            evidence=[(f"Предложение {i}.", "a.txt")],
            symmetric=False,
        )
    return graph


# -- the file -------------------------------------------------------------------------------------------


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text of the <style> elements."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.css: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        if self.tags and self.tags[-1][0] == "style":
            self.css.append(data)


def test_page_is_self_contained(seeds_page):
    html = seeds_page.read_text(encoding="utf-8")
    tags = Tags()
    tags.feed(html)
    assert {t for t, _ in tags.tags} <= {
        "html",
        "head",
        "meta",
        "title",
        "style",
        "script",
        "body",
        "div",
        "h1",
        "h2",
        "input",
        "datalist",
        "ul",
    }
    assert not [(t, a) for t, a in tags.tags if {"src", "href", "srcset", "action", "data"} & set(a)]
    css = "".join(tags.css)
    assert (
        all(u.startswith("data:") for u in re.findall(r"url\(\s*['\"]?([^'\")]*)", css))
        and "@import" not in css
    )
    assert set(re.findall(r"https?://[^\s\"'()<>]+", html)) <= ALLOWED_URLS
    assert "sourceMappingURL" not in html
    assert any("default-src 'none'" in a.get("content", "") for t, a in tags.tags if t == "meta")
    start = html.index('id="fg-data">') + len('id="fg-data">')
    data = html[start : html.index("</script>", start)]
    assert "<" not in data and ">" not in data and '"nodes"' in data


def test_filters(seeds):
    rulevsky = "https://w3id.org/forumgraph/id/person/viktor-rulevskiy"
    ego, notes = select_subgraph(seeds, focus="Рулевский", depth=1)
    assert set(ego) == {rulevsky, *seeds.successors(rulevsky), *seeds.predecessors(rulevsky)}
    assert notes == ["focus: Виктор Рулевский, depth 1"]
    people, _ = select_subgraph(seeds, types=["person"])
    assert people and {k for _, k in people.nodes(data="kind")} <= {"person", "official"}
    event, _ = select_subgraph(seeds, event="Технопром-2025")
    assert rulevsky in event, "the moderator of its round table is linked to the forum"
    top, _ = select_subgraph(seeds, top=5)
    assert top.number_of_nodes() == 5 and all(s in top and o in top for s, o in top.edges())
    dated, _ = select_subgraph(seeds, since="2024", until="2024-12")
    events = {v for v, k in dated.nodes(data="kind") if k in ("forum", "exhibition")}
    assert all(
        (seeds.nodes[v]["start"] or seeds.nodes[v]["year"] or "2024")[:4] in ("2024", "") for v in events
    )
    with pytest.raises(InputError, match="expected some of"):
        parse_types(["persons,planets"])
    with pytest.raises(InputError, match="expected a date"):
        select_subgraph(seeds, since="July")


def test_draw_command_with_filters(seeds_store, tmp_path):
    out = tmp_path / "focus.html"
    result = CliRunner().invoke(
        cli, ["draw", "--store", seeds_store, "-o", str(out), "--focus", "Рулевский", "--depth", "1"]
    )
    assert result.exit_code == 0 and "focus: Виктор Рулевский" in result.output and out.exists()
    first = out.read_bytes()
    CliRunner().invoke(
        cli, ["draw", "--store", seeds_store, "-o", str(out), "--focus", "Рулевский", "--depth", "1"]
    )
    assert out.read_bytes() == first, "the same store and filters give the same bytes"
    result = CliRunner().invoke(cli, ["draw", "--store", seeds_store, "-o", str(out), "--focus", "Томский"])
    assert result.exit_code == 1 and "ambiguous" in result.output and "Томская область" in result.output


# -- in the browser -------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(
            f"{CHROMIUM} is not installed (apt-get install chromium); the page is not checked in a browser"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


class Page:
    """A page opened with every request but the file itself refused; what was attempted or logged is kept."""

    def __init__(self, browser, path: Path):
        self.url = path.resolve().as_uri()
        self.context = browser.new_context(viewport={"width": 1400, "height": 900})
        self.attempted: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("request", lambda r: r.url != self.url and self.attempted.append(r.url))
        self.page.on(
            "console", lambda m: m.type in ("error", "warning") and self.errors.append(f"{m.type}: {m.text}")
        )
        self.page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        self.page.goto(self.url)
        # Waits use selectors: the page's Content-Security-Policy forbids the eval behind wait_for_function.
        self.page.wait_for_selector("body[data-fg-ready]", state="attached", timeout=180_000)

    def _route(self, route) -> None:
        if route.request.url == self.url:
            route.continue_()
        else:
            self.attempted.append(route.request.url)
            route.abort()

    def hover_node(self, node: str) -> dict:
        """Centre the view on a node and put the mouse on it; the text and HTML of the tooltip that shows."""
        point = self.page.evaluate(
            """(id) => { const net = window.fg.network, p = net.getPositions([id])[id];
                net.moveTo({position: p, scale: 1.2, animation: false}); net.redraw();
                const d = net.canvasToDOM(p), r = document.getElementById('fg-network').getBoundingClientRect();
                return {x: d.x + r.left, y: d.y + r.top}; }""",
            node,
        )
        on_top = self.page.evaluate(
            "(id) => window.fg.network.getNodeAt(window.fg.network.canvasToDOM("
            "window.fg.network.getPositions([id])[id]))",
            node,
        )
        assert on_top == node, (
            f"{node} is covered by {on_top} at its own centre: its tooltip cannot be hovered"
        )
        label = self.page.evaluate("(id) => window.fg.nodes.get(id).label", node)
        name = self.page.locator("div.vis-tooltip .fg-tip-name").filter(
            has_text=re.compile("^" + re.escape(label) + "$")
        )
        for attempt in range(HOVERS):  # a move that lands while a large page is still drawing is not seen
            self.page.mouse.move(point["x"] + 3, point["y"] + 3)
            self.page.mouse.move(point["x"], point["y"], steps=2)
            try:
                name.wait_for(state="visible", timeout=15_000)
                break
            except PlaywrightTimeout:
                if attempt == HOVERS - 1:
                    raise
        return self.page.evaluate(
            "(() => { const t = document.querySelector('div.vis-tooltip'); return {text: t.textContent, html: t.innerHTML}; })()"
        )

    def close(self) -> None:
        self.context.close()


def test_seeds_page_in_chromium(browser, seeds_page, seeds):
    page = Page(browser, seeds_page)
    try:
        ids = page.page.evaluate("window.fg.nodes.getIds()")
        edges = page.page.evaluate("window.fg.edges.get().map(e => [e.from, e.relation, e.to])")
        assert sorted(ids) == sorted(page_id(v) for v in seeds)
        assert sorted(edges) == sorted([page_id(s), k, page_id(o)] for s, o, k in seeds.edges(keys=True))
        tip = page.hover_node("fgr:person/viktor-rulevskiy")
        assert (
            tip["text"].startswith("Виктор Рулевский")
            and "ректор" in tip["text"]
            and "Рулевский выступил" in tip["text"]
        )
        ARTIFACTS.mkdir(exist_ok=True)
        page.page.screenshot(path=str(ARTIFACTS / "draw_seeds.png"))
        # A click keeps the node and its neighbours and fades the rest; the search box finds a node.
        page.page.evaluate("window.fg.network.fit()")
        page.page.evaluate(
            "window.fg.network.emit('click', {nodes: ['fgr:person/viktor-rulevskiy'], edges: []})"
        )
        colours = page.page.evaluate("Object.fromEntries(window.fg.nodes.get().map(n => [n.id, n.color]))")
        near = {
            page_id(v)
            for v in nx.all_neighbors(seeds, "https://w3id.org/forumgraph/id/person/viktor-rulevskiy")
        }
        assert {n for n, c in colours.items() if not c.startswith("rgba(190")} == near | {
            "fgr:person/viktor-rulevskiy"
        }
        page.page.fill("#fg-search", "технопром-2025")
        page.page.press("#fg-search", "Enter")
        assert page.page.evaluate("window.fg.network.getSelectedNodes()") == ["fgr:event/tekhnoprom-2025"]
        ARTIFACTS.mkdir(exist_ok=True)
        page.page.screenshot(path=str(ARTIFACTS / "draw_seeds_search.png"))
        assert page.attempted == [] and page.errors == []
    finally:
        page.close()


def test_article_markup_never_runs(browser, tmp_path_factory, tmp_path):
    folder = tmp_path_factory.mktemp("xss-articles")
    (folder / "xss.txt").write_text(XSS_ARTICLE, encoding="utf-8")
    store_dir = built_store(tmp_path_factory, "xss", [folder / "xss.txt"])
    out = tmp_path / "xss.html"
    with open_store(store_dir, read_only=True) as store:
        draw_store(store, out)
    page = Page(browser, out)
    try:
        tips = []
        for node in page.page.evaluate("window.fg.nodes.getIds()"):
            tips.append(page.hover_node(node))
            assert page.page.evaluate("typeof window.__pwned") == "undefined"
        payload = [t for t in tips if "<script>window.__pwned=1</script>" in t["text"]]
        assert payload, "the hostile sentence must reach a tooltip, as text"
        assert all(
            "<script" not in t["html"] and "<img" not in t["html"] and "<a " not in t["html"] for t in tips
        )
        assert page.page.evaluate("document.querySelectorAll('img, a[href], iframe').length") == 0
        assert page.page.evaluate("typeof window.__pwned") == "undefined"
        assert page.attempted == [] and page.errors == []
    finally:
        page.close()


DRAW_SYNTHETIC = """
import hashlib, sys
sys.path[:0] = [sys.argv[1], sys.argv[2]]
from pathlib import Path
from test_draw import synthetic
from graph.analyze.network import simple_graph
from graph.analyze.rankings import find_communities
from graph.draw.render import LAYOUT_LIMIT, draw_graph
graph = synthetic(LAYOUT_LIMIT + 200)
draw_graph(graph, Path(sys.argv[3]))
print(hashlib.sha256(str(find_communities(simple_graph(graph))).encode()).hexdigest())
"""


def test_large_page_is_the_same_in_every_process(tmp_path):
    """Python's string hash changes per process; the layout, the communities and the page must not."""
    outputs = set()
    for hash_seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        page = tmp_path / f"large-{hash_seed}.html"
        done = subprocess.run(
            [sys.executable, "-c", DRAW_SYNTHETIC, str(HERE), str(HERE.parent), str(page)],
            env=env, capture_output=True, text=True, timeout=600,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        outputs.add((done.stdout, page.read_bytes()))
    assert len(outputs) == 1


def test_large_page_is_laid_out_in_python(browser, tmp_path):
    graph = synthetic(LAYOUT_LIMIT + 200)
    out = tmp_path / "large.html"
    stats = draw_graph(graph, out)
    assert stats["layout"] == "python" and stats["nodes"] == graph.number_of_nodes()
    page = Page(browser, out)
    try:
        counts = page.page.evaluate(
            "[window.fg.nodes.length, window.fg.edges.length, window.fg.nodes.get('n5').x !== undefined]"
        )
        assert counts == [graph.number_of_nodes(), graph.number_of_edges(), True]
        assert page.hover_node("n0")["text"].startswith("Узел 0")
        assert page.attempted == [] and page.errors == []
    finally:
        page.close()
