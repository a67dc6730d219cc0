"""The store's default graph is the merge of its article graphs: kept by every write, made for old stores."""

from __future__ import annotations

import json
import shutil

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from graph.cli import cli
from graph.store.embedded import open_store
from tests.conftest import ARTICLES

FG_SOURCE = "https://w3id.org/forumgraph/ontology#sourcePath"
COUNT_PEOPLE = "SELECT (COUNT(*) AS ?n) WHERE { ?p a fg:Person }"


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def count(store, sparql: str) -> int:
    out = run("query", "--store", str(store), "--format", "json", sparql)
    return int(json.loads(out)["results"]["bindings"][0]["n"]["value"])


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    store = tmp_path_factory.mktemp("store") / "s"
    run("build", str(ARTICLES), "--store", str(store), "--no-progress")
    return store


def merge_and_named(store) -> tuple[set, set]:
    inner = ox.Store.read_only(str(store))
    quads = list(inner.quads_for_pattern(None, None, None, None))
    del inner
    merge = {(q.subject, q.predicate, q.object) for q in quads if isinstance(q.graph_name, ox.DefaultGraph)}
    named = {(q.subject, q.predicate, q.object) for q in quads if isinstance(q.graph_name, ox.NamedNode)}
    return merge, named


def test_a_person_named_in_two_articles_is_counted_once(seeds):
    people = count(seeds, "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { GRAPH ?g { ?p a fg:Person } }")
    statements = count(seeds, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?p a fg:Person } }")
    assert statements > people  # Виктор Рулевский is in two articles
    assert count(seeds, COUNT_PEOPLE) == people


def test_replacing_and_removing_an_article_keeps_the_merge(seeds, tmp_path):
    store = tmp_path / "s"
    shutil.copytree(seeds, store)
    folder = tmp_path / "in"
    shutil.copytree(ARTICLES, folder)
    changed = sorted(folder.glob("*.txt"))[0]
    changed.write_text("Ректор ТГУ Эдуард Галажинский открыл форум в Томске.", encoding="utf-8")
    run("build", str(folder), "--store", str(store), "--no-progress")
    merge, named = merge_and_named(store)
    assert merge == named
    before = len(merge)
    other = sorted(folder.glob("*.txt"))[1].name  # an article that shares nodes with the others
    with open_store(str(store)) as opened:
        (graph,) = {q.graph_name for q in opened.find(None, ox.NamedNode(FG_SOURCE), ox.Literal(other))}
        opened.remove_graph(graph.value)
    merge, named = merge_and_named(store)
    assert merge == named and len(merge) < before


def test_a_store_without_the_merge_is_read_as_a_union_then_upgraded(seeds, tmp_path, caplog):
    store = tmp_path / "old"
    shutil.copytree(seeds, store)
    inner = ox.Store(str(store))
    inner.update("DROP DEFAULT")  # as forumgraph 0.1 left it: named graphs only
    del inner
    people = count(seeds, COUNT_PEOPLE)
    with caplog.at_level("WARNING"):
        assert count(store, COUNT_PEOPLE) >= people  # read-only: the union, shared triples counted twice
    assert "built by an older forumgraph" in caplog.text
    with open_store(str(store)) as opened:  # opened for writing: upgraded once
        assert opened.merged
    merge, named = merge_and_named(store)
    assert merge == named
    assert count(store, COUNT_PEOPLE) == people


def test_store_opened_before_extraction_reopens_after_close(tmp_path, ru_models):
    """The Russian extractor freezes long-lived objects out of the collector: a store opened before
    is among them, and closing it must still release its lock for the same process."""
    from extractors.doc import Article
    from extractors.ru.extract import extract_ru, ru_gazetteer

    store = open_store(str(tmp_path / "store"))
    ru_gazetteer.cache_clear()  # built anew here, so the freeze happens while the store is open
    text = "Губернатор области Андрей Травников открыл форум в Новосибирске 5 июля."
    extract_ru(Article(text, "a.txt", lang="ru"), ru_models)
    store.close()
    open_store(str(tmp_path / "store")).close()  # StoreError "in use" if close() left it frozen
