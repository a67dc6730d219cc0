"""The networkx projection, rankings, regions, fuzzy names, paths and the analyze/path/export commands."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from graph.analyze.network import RELATIONS, plain_graph, project_store, simple_graph
from graph.analyze.paths import NameMatchError, find_node, name_matches, shortest_chains
from graph.analyze.rankings import coparticipation, find_communities, pagerank, rank_nodes
from graph.analyze.regions import node_regions, region_bridges
from graph.cli import cli
from graph.store.embedded import open_store

ARTICLES = Path(__file__).resolve().parent.parent / "data" / "articles"
FGR = "https://w3id.org/forumgraph/id/"
RULEVSKY, TECHNOPROM_2025 = FGR + "person/viktor-rulevskiy", FGR + "event/tekhnoprom-2025"


def built_store(factory: pytest.TempPathFactory, name: str, paths: list[Path]) -> str:
    """A store built once per test session from `paths` (test_draw.py reuses it by the same name)."""
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


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


# -- the projection -------------------------------------------------------------------------------------


def test_projection_matches_the_store(seeds_store, seeds):
    with open_store(seeds_store, read_only=True) as store:
        people = {str(r[0]) for r in store.query("SELECT DISTINCT ?p WHERE { ?p a fg:Person }")}
        posts = {
            (str(p), str(o))
            for p, o in store.query("SELECT DISTINCT ?p ?o WHERE { ?p fg:holdsPosition/fg:organization ?o }")
        }
        hidden = {
            str(r[0])
            for r in store.query(
                "SELECT DISTINCT ?n WHERE { VALUES ?t { fg:Position fg:Article fg:Mention fg:Evidence } ?n a ?t }"
            )
        }
    assert people and people <= set(seeds)
    assert not hidden & set(seeds), "positions, articles, mentions and evidence are not nodes"
    assert {(s, o) for s, o, k in seeds.edges(keys=True) if k == "holdsPosition"} == posts
    for s, o, key, attrs in seeds.edges(keys=True, data=True):
        assert key == attrs["relation"] in RELATIONS
        assert attrs["weight"] == max(1, len(attrs["evidence"]))
        if key == "holdsPosition":
            assert attrs["role"], (s, o)
        if key == "participatedIn":
            assert not any(seeds.has_edge(s, o, sub) for sub in ("spokeAt", "moderated", "ledDelegationTo"))
        if attrs["symmetric"]:
            assert s < o and not seeds.has_edge(o, s, key), "a symmetric relation is one edge"


def test_rulevsky_holds_his_post_with_evidence(seeds):
    assert seeds.nodes[RULEVSKY]["label"] == "Виктор Рулевский"
    tusur = [o for _, o, k in seeds.out_edges(RULEVSKY, keys=True) if k == "holdsPosition"]
    assert [seeds.nodes[o]["kind"] for o in tusur] == ["university"]
    edge = seeds.get_edge_data(RULEVSKY, tusur[0], "holdsPosition")
    assert "ректор" in edge["role"] and any("Рулевский" in sentence for sentence, _ in edge["evidence"])


def test_projection_is_deterministic(seeds_store, seeds):
    with open_store(seeds_store, read_only=True) as store:
        again = project_store(store)
    assert list(again.nodes(data=True)) == list(seeds.nodes(data=True))
    assert list(again.edges(keys=True, data=True)) == list(seeds.edges(keys=True, data=True))


# -- rankings, communities, co-participation, regions --------------------------------------------------


def test_pagerank_ranks_the_hub_first():
    graph = nx.les_miserables_graph()
    ranks = pagerank(graph)
    assert abs(sum(ranks.values()) - 1) < 1e-6
    assert max(ranks, key=ranks.get) == "Valjean"
    assert pagerank(nx.Graph()) == {}


def test_rankings_and_communities_cover_the_graph(seeds):
    simple = simple_graph(seeds)
    rows = rank_nodes(simple)
    assert len(rows) == seeds.number_of_nodes()
    assert [r["pagerank"] for r in rows] == sorted((r["pagerank"] for r in rows), reverse=True)
    assert abs(sum(r["pagerank"] for r in rows) - 1) < 1e-3
    groups = find_communities(simple)
    assert sorted(v for g in groups for v in g) == sorted(seeds)
    assert groups == find_communities(simple), "Louvain with a fixed seed is deterministic"


def test_coparticipation_counts_sessions_for_their_event():
    graph = nx.MultiDiGraph()
    for node, kind in [
        ("a", "person"),
        ("b", "official"),
        ("c", "person"),
        ("f", "forum"),
        ("rt", "round table"),
    ]:
        graph.add_node(node, label=node.upper(), kind=kind)
    graph.add_edge("a", "rt", key="moderated", relation="moderated")
    graph.add_edge("rt", "f", key="partOf", relation="partOf")
    graph.add_edge("b", "f", key="spokeAt", relation="spokeAt")
    pairs = {(r["a"], r["b"]): r["events"] for r in coparticipation(graph)}
    assert pairs == {("A", "B"): ["F"]}


def test_regions_and_bridges_on_the_seeds(seeds):
    region = node_regions(seeds)
    assert all(seeds.nodes[r]["kind"] == "place" for r in region.values())
    assert all(region[v] == v for v in seeds if seeds.nodes[v]["kind"] == "place")
    edges, nodes = region_bridges(seeds)
    for row in edges:
        assert region[row["a_id"]] != region[row["b_id"]]
    assert {n["id"] for n in nodes} == {r["a_id"] for r in edges} | {r["b_id"] for r in edges}
    # A rector is placed where his university's name says it is.
    tusur = [o for _, o, k in seeds.out_edges(RULEVSKY, keys=True) if k == "holdsPosition"][0]
    assert seeds.nodes[region[tusur]]["label"] == "Томская область" == seeds.nodes[region[RULEVSKY]]["label"]


# -- names and paths ------------------------------------------------------------------------------------

NAMES = nx.MultiDiGraph()
for _node, _label, _kind, _alt in [
    ("p1", "Виктор Рулевский", "person", []),
    ("p2", "Юрий Петухов", "official", ["Юрия Петухова"]),
    ("u1", "Томский государственный университет", "university", ["ТГУ"]),
    (
        "u2",
        "Томский государственный университет систем управления и радиоэлектроники",
        "university",
        ["ТУСУР"],
    ),
    ("e1", "Технопром-2024", "forum", []),
    ("e2", "Технопром-2025", "forum", []),
]:
    NAMES.add_node(_node, label=_label, kind=_kind, alt=_alt)


@pytest.mark.parametrize(
    "query, expected",
    [
        ("Виктор Рулевский", "p1"),
        ("Рулевского", "p1"),  # inflected
        ("виктор рулевский", "p1"),
        ("Юрия Петухова", "p2"),  # an alternative label
        ("ТУСУР", "u2"),
        ("Технопром 2025", "e2"),
        ("Технопром-2025", "e2"),
        ("Рулевски", "p1"),  # a typo
        ("e1", "e1"),  # an id
    ],
)
def test_find_node(query, expected):
    assert find_node(NAMES, query) == expected


@pytest.mark.parametrize(
    "query, named",
    [
        ("Томский", ["Томский государственный университет"]),
        ("Технопром", ["Технопром-2024", "Технопром-2025"]),
    ],
)
def test_ambiguous_names_list_the_best_matches(query, named):
    with pytest.raises(NameMatchError, match="ambiguous") as err:
        find_node(NAMES, query)
    assert all(n in str(err.value) for n in named)


def test_unknown_name():
    assert name_matches(NAMES, "Сбербанк") == []
    with pytest.raises(NameMatchError, match="no node"):
        find_node(NAMES, "Сбербанк")


def test_path_from_rulevsky_to_technoprom_goes_through_his_round_table(seeds):
    source, target = find_node(seeds, "Виктор Рулевский"), find_node(seeds, "Технопром-2025")
    assert (source, target) == (RULEVSKY, TECHNOPROM_2025)
    tables = [
        o
        for _, o, k in seeds.out_edges(RULEVSKY, keys=True)
        if k == "moderated" and seeds.has_edge(o, TECHNOPROM_2025, "partOf")
    ]
    assert [seeds.nodes[t]["kind"] for t in tables] == ["round table"]
    chains = shortest_chains(seeds, source, target, limit=10)
    assert chains and len(chains[0]) <= 2
    if len(chains[0]) == 2:  # unless a direct edge appears as extraction improves
        middles = {chain[0]["to_id"] for chain in chains}
        assert tables[0] in middles
        chain = next(c for c in chains if c[0]["to_id"] == tables[0])
        assert [hop["relation"] for hop in chain] == ["moderated", "part of"]
        assert all(hop["forward"] and "Рулевский" in hop["evidence"] and hop["source"] for hop in chain)


# -- the commands ---------------------------------------------------------------------------------------


def test_analyze_command(seeds_store, seeds):
    report = json.loads(run("analyze", "--store", seeds_store, "--format", "json", "--top", "1000"))
    assert set(report) == {
        "summary",
        "rankings",
        "officials",
        "universities",
        "forums",
        "communities",
        "coparticipation",
        "bridges",
        "bridging",
    }
    assert len(report["rankings"]) == seeds.number_of_nodes()
    assert sum(c["size"] for c in report["communities"]) == seeds.number_of_nodes()
    assert {r["kind"] for r in report["officials"]} <= {"official"}
    assert any(r["name"] == "Технопром-2025" for r in report["forums"])
    assert (
        run("analyze", "--store", seeds_store, "--format", "json", "--top", "1000")
        == json.dumps(report, ensure_ascii=False, indent=1) + "\n"
    )
    text = run("analyze", "--store", seeds_store, "--top", "3")
    assert "rankings:" in text and "pagerank" in text and "(3 rows)" in text
    csv_text = run("analyze", "--store", seeds_store, "--section", "officials", "--format", "csv")
    assert csv_text.splitlines()[0] == "section,rank,id,name,kind,degree,betweenness,pagerank"


def test_path_command(seeds_store):
    text = run("path", "Рулевский", "Технопром-2025", "--store", seeds_store)
    assert text.startswith("chain 1") and "Виктор Рулевский" in text and "Технопром-2025" in text
    data = json.loads(
        run("path", "Виктор Рулевский", "Технопром-2025", "--store", seeds_store, "--format", "json")
    )
    assert data["source"] == RULEVSKY and data["target"] == TECHNOPROM_2025 and data["chains"]
    result = CliRunner().invoke(cli, ["path", "Томский", "Рулевский", "--store", seeds_store])
    assert result.exit_code == 1 and "ambiguous" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("fmt, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_export_for_gephi(seeds_store, seeds, tmp_path, fmt, read):
    out = tmp_path / f"graph.{fmt}"
    assert f"wrote {seeds.number_of_nodes()} nodes and {seeds.number_of_edges()} edges" in run(
        "export", "--store", seeds_store, "-o", str(out)
    )
    back = read(out)
    assert (
        back.number_of_nodes() == seeds.number_of_nodes()
        and back.number_of_edges() == seeds.number_of_edges()
    )
    plain = plain_graph(seeds)
    for _, attrs in list(plain.nodes(data=True)) + [(None, d) for *_, d in plain.edges(data=True)]:
        assert all(isinstance(v, (str, int, float)) for v in attrs.values()), attrs
