"""Tests for `forumgraph check`: the seeds' graph conforms, hand-broken graphs are reported in plain words."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.cli import cli
from graph.store.check import check_store, compact, load_shapes
from graph.store.embedded import open_store
from graph.store.ids import article_iri

ARTICLES = Path(__file__).resolve().parent.parent / "data" / "articles"
FILE = "002_f616627dc7c17607.txt"  # the seed article the broken cases are written into
GRAPH = f"<{article_iri(FILE)}>"
PREFIXES = """
PREFIX fg: <https://w3id.org/forumgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""
ID = "https://w3id.org/forumgraph/id/"


def evidence(name: str, subject: str, predicate: str, obj: str) -> str:
    """Evidence triples for one relation, pointing at the article's first characters."""
    return (
        f"<{ID}evidence/test/{name}> a fg:Evidence ; fg:subject {subject} ; fg:predicate {predicate} ; "
        f"fg:object {obj} ; fg:article {GRAPH} ; fg:start 0 ; fg:end 1 ; fg:sentence ?first ."
    )


def insert(triples: str, where: str = "") -> str:
    return f"{PREFIXES} INSERT {{ GRAPH {GRAPH} {{ {triples} }} }} WHERE {{ {where} }}"


FIRST = f"GRAPH {GRAPH} {{ {GRAPH} fg:articleText ?text }} BIND (SUBSTR(?text, 1, 1) AS ?first)"
EVENT = f"<{ID}event/test-forum>"

# (case, SPARQL update that breaks the seeds' graph, words the report must say)
BROKEN = [
    (
        "position without role",
        insert(f"<{ID}position/test> a fg:Position ; fg:organization <{ID}org/test> ."),
        "position without a role (fg:role)",
    ),
    (
        "position without organisation",
        insert(f'<{ID}position/test> a fg:Position ; fg:role "ректор"@ru .'),
        "fgr:position/test: position without an organisation",  # the seeds have such posts too
    ),
    (
        "event ending before it starts",
        insert(
            f'{EVENT} rdfs:label "Тестовый форум"@ru ; fg:startDate "2024-07-11"^^xsd:date ; '
            f'fg:endDate "2024-07-08"^^xsd:date . '
            + evidence("start", EVENT, "fg:startDate", '"2024-07-11"^^xsd:date')
            + evidence("end", EVENT, "fg:endDate", '"2024-07-08"^^xsd:date'),
            FIRST,
        ),
        "“Тестовый форум” fgr:event/test-forum: ends (2024-07-08) before it starts (2024-07-11)",
    ),
    (
        "date that is not a date",
        insert(
            f'{EVENT} fg:startDate "2024-13-45"^^xsd:date . '
            + evidence("bad", EVENT, "fg:startDate", '"2024-13-45"^^xsd:date'),
            FIRST,
        ),
        "start date is not a valid xsd:date",
    ),
    (
        "mention with wrong offsets",
        f"""{PREFIXES} DELETE {{ GRAPH ?g {{ ?m fg:end ?end }} }}
        INSERT {{ GRAPH ?g {{ ?m fg:end ?wrong }} }}
        WHERE {{ GRAPH ?g {{ ?m a fg:Mention ; fg:end ?end }} FILTER (?g = {GRAPH}) BIND (?end + 1 AS ?wrong) }}""",
        "do not give its fg:text in the article's text",
    ),
    (
        "mention past the end of the text",
        insert(
            f"<{ID}mention/test> a fg:Mention ; fg:article {GRAPH} ; fg:start 100000 ; fg:end 100004 ; "
            f'fg:text "Томск" ; fg:refersTo <{ID}place/tomsk> .'
        ),
        "offsets 100000-100004 do not give its fg:text",
    ),
    (
        "mention without refersTo",
        f"{PREFIXES} DELETE WHERE {{ GRAPH {GRAPH} {{ ?m fg:refersTo ?node }} }}",
        "mention that refers to no node (fg:refersTo)",
    ),
    (
        "relation without evidence",
        f"{PREFIXES} DELETE WHERE {{ GRAPH {GRAPH} {{ ?ev fg:predicate fg:editionOf ; ?p ?o }} }}",
        "relation fg:editionOf fgr:series/tekhnoprom has no fg:Evidence in 002_f616627dc7c17607.txt",
    ),
    (
        "namesake without a reason",
        insert(
            f"<{ID}person/viktor-rulevskiy--2> a fg:Person ; fg:namesakeOf <{ID}person/viktor-rulevskiy> ."
        ),
        "namesake kept apart without a reason (fg:namesakeReason)",
    ),
    (
        "article without its text",
        f"{PREFIXES} DELETE WHERE {{ GRAPH {GRAPH} {{ {GRAPH} fg:articleText ?text }} }}",
        "article without its text (fg:articleText)",
    ),
    (
        "article whose hash does not match its text",
        f"""{PREFIXES} DELETE {{ GRAPH ?g {{ ?g fg:sha256 ?sha }} }} INSERT {{ GRAPH ?g {{ ?g fg:sha256 "0000" }} }}
        WHERE {{ GRAPH ?g {{ ?g fg:sha256 ?sha }} FILTER (?g = {GRAPH}) }}""",
        "fg:sha256 0000 is not the SHA-256 of its fg:articleText",
    ),
]


@pytest.fixture(scope="module")
def seeds_store(tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("seeds") / "store"
    result = CliRunner().invoke(cli, ["build", str(ARTICLES), "--store", str(store), "--no-progress"])
    assert result.exit_code == 0, result.output
    return store


def broken_copy(seeds_store: Path, tmp_path: Path, update: str) -> Path:
    store_dir = tmp_path / "store"
    shutil.copytree(seeds_store, store_dir)
    with open_store(str(store_dir)) as store:
        before = len(store)
        store.inner.update(update)
        assert len(store) != before or "DELETE {" in update, "the update changed nothing"
        store.rebuild_merge()  # as if forumgraph had written the broken graph
    return store_dir


def test_seeds_conform(seeds_store):
    result = CliRunner().invoke(cli, ["check", "--store", str(seeds_store)])
    assert result.exit_code == 0, result.output
    last = result.output.splitlines()[-1]  # warnings (a post with no organisation named) come first
    assert last.startswith("no violations in "), result.output
    assert int(last.split()[3]) > 100  # "no violations in N nodes": N counts every subject
    assert "default graph" not in result.output  # the merge is derived: files are named, not it


@pytest.mark.parametrize(("case", "update", "expected"), BROKEN, ids=[case for case, _, _ in BROKEN])
def test_broken_graph_reported(seeds_store, tmp_path, case, update, expected):
    store_dir = broken_copy(seeds_store, tmp_path, update)
    result = CliRunner().invoke(cli, ["check", "--store", str(store_dir)])
    # a post whose organisation the text does not name is a warning, not a violation
    assert result.exit_code == (0 if case == "position without organisation" else 1), result.output
    lines = [line for line in result.output.splitlines() if expected in line]
    assert lines, f"{case}: expected a line saying {expected!r}, got:\n{result.output}"
    assert all(line.endswith(f"[{FILE}]") for line in lines), result.output  # names the article file
    assert "Traceback" not in result.output


def test_report_is_one_line_per_violation(seeds_store, tmp_path):
    update = f"{PREFIXES} DELETE WHERE {{ GRAPH {GRAPH} {{ ?m fg:refersTo ?node }} }}"
    store_dir = broken_copy(seeds_store, tmp_path, update)
    with open_store(str(store_dir), read_only=True) as store:
        report = check_store(store)
        mentions = len(list(store.query(f"SELECT ?m WHERE {{ GRAPH {GRAPH} {{ ?m a fg:Mention }} }}")))
    assert len(report.violations) == mentions > 0
    assert all(str(v).count("\n") == 0 for v in report.violations)


def test_missing_store_is_one_line(tmp_path):
    result = CliRunner().invoke(cli, ["check", "--store", str(tmp_path / "nowhere")])
    assert result.exit_code == 1
    assert "no store here" in result.output and "Traceback" not in result.output


def test_shapes_parse_and_compact():
    shapes = load_shapes()
    assert len(shapes) > 50
    assert compact("https://w3id.org/forumgraph/ontology#role") == "fg:role"
    assert compact("https://w3id.org/forumgraph/id/person/x") == "fgr:person/x"
    assert compact("urn:x") == "<urn:x>"


def test_merge_out_of_date_is_reported_and_repaired(seeds_store, tmp_path):
    store_dir = tmp_path / "store"
    shutil.copytree(seeds_store, store_dir)
    with open_store(str(store_dir)) as store:  # an update that bypasses forumgraph: the merge goes stale
        store.inner.update(f"{PREFIXES} DELETE WHERE {{ GRAPH {GRAPH} {{ ?m fg:refersTo ?node }} }}")
    result = CliRunner().invoke(cli, ["check", "--store", str(store_dir)])
    assert result.exit_code == 1
    assert "default graph is not the merge of the article graphs" in result.output
    assert "0 of their triples missing" in result.output and "--repair-merge" in result.output
    result = CliRunner().invoke(cli, ["check", "--store", str(store_dir), "--repair-merge"])
    assert result.exit_code == 1  # now the shapes see the broken graph itself
    assert "not the merge" not in result.output
    assert "mention that refers to no node (fg:refersTo)" in result.output
