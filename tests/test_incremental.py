"""Incremental builds: unchanged articles are skipped by their sha256, a changed one replaces its graph."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from extractors.doc import Article, Entity, Extraction
from graph.build.ingest import build_into
from graph.cli import cli
from graph.store.embedded import Store, open_store
from graph.store.vocab import ONTOLOGY_GRAPH

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "data" / "articles"


def name_extract(article: Article) -> Extraction:
    """Every capitalised word is an organisation: cheap and deterministic."""
    words = sorted({w.strip(".,") for w in article.text.split() if w[:1].isupper()})
    return Extraction(article, tuple(Entity(f"e{n}", "Organization", w) for n, w in enumerate(words)))


def graphs(store_dir: Path) -> dict[str, frozenset]:
    """Every article graph as a set of N-Triples lines."""
    found: dict[str, set] = {}
    with open_store(str(store_dir), read_only=True) as store:
        for q in store.quads():
            if q.graph_name.value != str(ONTOLOGY_GRAPH):
                found.setdefault(q.graph_name.value, set()).add(f"{q.subject} {q.predicate} {q.object}")
    return {name: frozenset(triples) for name, triples in found.items()}


def run(store_dir: Path, paths: list[Path], jobs: int = 1):
    with open_store(str(store_dir)) as store:
        return build_into(store, [str(p) for p in paths], name_extract, max_bytes=10**6, jobs=jobs)


@pytest.fixture
def folder(tmp_path) -> Path:
    root = tmp_path / "in"
    root.mkdir()
    for n, text in enumerate(["Томск и ТУСУР.", "Новосибирск и НГУ.", "Москва и МГУ."]):
        (root / f"{n}.txt").write_text(text, encoding="utf-8")
    return root


def test_an_unchanged_corpus_is_skipped_and_nothing_written(folder, tmp_path, monkeypatch):
    store_dir = tmp_path / "store"
    run(store_dir, [folder])
    before = graphs(store_dir)

    def refuse(*args, **kwargs):
        raise AssertionError("an unchanged build wrote to the store")

    monkeypatch.setattr(Store, "add_graphs", refuse)
    monkeypatch.setattr(Store, "replace_graph", refuse)
    monkeypatch.setattr("graph.build.payload.make_payload", refuse)  # nor extracted anything
    summary = run(store_dir, [folder], jobs=2)
    assert (summary.read, summary.unchanged, summary.stored, summary.replaced) == (3, 3, 0, 0)
    assert graphs(store_dir) == before


def test_a_changed_article_replaces_its_graph_and_only_it(folder, tmp_path):
    store_dir = tmp_path / "store"
    run(store_dir, [folder])
    before = graphs(store_dir)
    (folder / "1.txt").write_text("Новосибирск и СГУПС.", encoding="utf-8")
    summary = run(store_dir, [folder])
    assert (summary.stored, summary.replaced, summary.unchanged) == (1, 1, 2)
    after = graphs(store_dir)
    changed = [name for name in after if after[name] != before[name]]
    assert len(changed) == 1
    text = "\n".join(after[changed[0]])
    assert '"1.txt"' in text  # its source path
    assert "СГУПС" in text and "НГУ" not in text  # nothing of the old version is left


def test_a_new_article_is_added_beside_the_old(folder, tmp_path):
    store_dir = tmp_path / "store"
    run(store_dir, [folder])
    (folder / "3.txt").write_text("Казань и КФУ.", encoding="utf-8")
    summary = run(store_dir, [folder])
    assert (summary.stored, summary.replaced, summary.unchanged) == (1, 0, 3)
    assert len(graphs(store_dir)) == 4


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_source_read_twice_in_one_build_is_stored_once(tmp_path, jobs):
    first, second = tmp_path / "x", tmp_path / "y"  # the same relative name, two texts
    first.mkdir()
    second.mkdir()
    (first / "a.txt").write_text("Первый ТУСУР.", encoding="utf-8")
    (second / "a.txt").write_text("Второй НГУ.", encoding="utf-8")
    summary = run(tmp_path / "store", [first, first, second], jobs=jobs)
    assert (summary.stored, summary.unchanged, summary.replaced) == (2, 1, 1)
    (graph,) = graphs(tmp_path / "store").values()
    text = "\n".join(graph)
    assert "НГУ" in text and "ТУСУР" not in text  # the last version read wins, as read in order


def test_one_changed_line_of_a_jsonl_file(tmp_path):
    feed = tmp_path / "feed.jsonl"
    lines = [{"text": f"Новость {n} про Город{n}.", "lang": "ru"} for n in range(5)]
    feed.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    run(tmp_path / "store", [feed])
    lines[3]["text"] = "Новость 3 про Деревню."
    feed.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    summary = run(tmp_path / "store", [feed])
    assert (summary.stored, summary.replaced, summary.unchanged) == (1, 1, 4)


@pytest.mark.slow
def test_cli_rebuild_of_the_samples_extracts_nothing(tmp_path, monkeypatch):
    store = str(tmp_path / "store")
    first = CliRunner().invoke(cli, ["build", str(ARTICLES), "--store", store, "--no-progress"])
    assert first.exit_code == 0, first.output

    def refuse(self, article):
        raise AssertionError(f"{article.source}: extracted again")

    monkeypatch.setattr("extractors.pipeline.Pipeline.extract", refuse)
    again = CliRunner().invoke(cli, ["build", str(ARTICLES), "--store", store, "--no-progress"])
    assert again.exit_code == 0, again.output
    assert "stored 0 (replaced 0), unchanged 5, skipped 0" in again.output
