"""The command line in process: build, query, export, stats; idempotence, replacement, bad input."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from graph.cli import cli
from tests.conftest import ARTICLES


def run(*args: str, ok: bool = True):
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    if ok:
        assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module")
def seeds_store(tmp_path_factory):
    store = tmp_path_factory.mktemp("store") / "s"
    run("build", str(ARTICLES), "--store", str(store))
    return store


def count(store, sparql: str) -> int:
    out = run("query", "--store", str(store), "--format", "json", sparql).output
    return int(json.loads(out)["results"]["bindings"][0]["n"]["value"])


def test_build_stores_every_article(seeds_store):
    assert count(seeds_store, "SELECT (COUNT(?a) AS ?n) WHERE { ?a a fg:Article }") == 5
    langs = run(
        "query",
        "--store",
        str(seeds_store),
        "--format",
        "csv",
        "SELECT ?l WHERE { ?a schema:inLanguage ?l } ORDER BY ?l",
    ).output
    assert langs.split() == ["l", "en", "ru", "ru", "ru", "ru"]


def test_second_build_changes_nothing(seeds_store, tmp_path):
    before = tmp_path / "before.nq"
    after = tmp_path / "after.nq"
    run("export", "--store", str(seeds_store), "-o", str(before))
    result = run("build", str(ARTICLES), "--store", str(seeds_store))
    assert "stored 0" in result.output and "unchanged 5" in result.output
    run("export", "--store", str(seeds_store), "-o", str(after))
    assert before.read_bytes() == after.read_bytes()


def test_two_builds_give_byte_identical_exports(seeds_store, tmp_path):
    other = tmp_path / "other"
    run("build", str(ARTICLES), "--store", str(other))
    for suffix in (".trig", ".nq", ".ttl", ".jsonld"):
        a, b = tmp_path / f"a{suffix}", tmp_path / f"b{suffix}"
        run("export", "--store", str(seeds_store), "-o", str(a))
        run("export", "--store", str(other), "-o", str(b))
        assert a.read_bytes() == b.read_bytes(), suffix


def test_changed_article_replaces_its_graph(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    article = folder / "news.txt"
    article.write_text(
        "Ректор ТУСУРа Виктор Рулевский выступил на форуме «Технопром-2025».", encoding="utf-8"
    )
    store = tmp_path / "s"
    run("build", str(folder), "--store", str(store))
    article.write_text("Ректор ТГУ Эдуард Галажинский выступил на форуме «Технопром-2025».", encoding="utf-8")
    result = run("build", str(folder), "--store", str(store))
    assert "replaced 1" in result.output
    names = run(
        "query",
        "--store",
        str(store),
        "--format",
        "csv",
        "SELECT ?n WHERE { ?p a fg:Person ; rdfs:label ?n }",
    ).output
    assert "Эдуард Галажинский" in names and "Рулевский" not in names
    assert count(store, "SELECT (COUNT(?a) AS ?n) WHERE { ?a a fg:Article }") == 1


def test_mixed_folder_stores_good_names_bad_and_fails(tmp_path):
    folder = tmp_path / "mixed"
    shutil.copytree(ARTICLES, folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "broken.jsonl").write_text(
        '{"text": "Губернатор Томской области Владимир Мазур открыл форум."}\n{not json\n', encoding="utf-8"
    )
    (folder / "cp1251.txt").write_bytes(
        "Ректор ТУСУРа Виктор Рулевский открыл конференцию в Томске.".encode("cp1251")
    )
    store = tmp_path / "s"
    result = CliRunner().invoke(cli, ["build", str(folder), "--store", str(store)])
    assert result.exit_code == 1
    for name in ("empty.txt", "binary.txt", "broken.jsonl:2"):
        assert name in result.output
    # 5 seeds + the cp1251 article + the good JSONL line
    assert count(store, "SELECT (COUNT(?a) AS ?n) WHERE { ?a a fg:Article }") == 7
    text = run(
        "query",
        "--store",
        str(store),
        "--format",
        "csv",
        "SELECT ?t WHERE { ?a fg:sourcePath 'cp1251.txt' ; fg:articleText ?t }",
    ).output
    assert "Виктор Рулевский" in text


def test_nothing_stored_is_lost_on_a_bad_run(seeds_store, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    result = CliRunner().invoke(cli, ["build", str(bad), "--store", str(seeds_store)])
    assert result.exit_code == 1 and "bad.txt" in result.output
    assert count(seeds_store, "SELECT (COUNT(?a) AS ?n) WHERE { ?a a fg:Article }") == 5


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json"])
def test_query_formats(seeds_store, fmt):
    out = run(
        "query",
        "--store",
        str(seeds_store),
        "--format",
        fmt,
        "SELECT ?n WHERE { ?p a fg:Person ; rdfs:label 'Виктор Рулевский'@ru ; rdfs:label ?n }",
    ).output
    assert "Виктор Рулевский" in out


def test_malformed_query_is_one_line(seeds_store):
    result = CliRunner().invoke(cli, ["query", "--store", str(seeds_store), "SELECT ?x WHERE { ?x ?y"])
    assert result.exit_code == 1
    assert "malformed query" in result.output and "Traceback" not in result.output


def test_missing_store_is_one_line(tmp_path):
    result = CliRunner().invoke(cli, ["query", "--store", str(tmp_path / "none"), "ASK {}"])
    assert result.exit_code == 1 and "no store here" in result.output


def test_stats(seeds_store):
    out = run("stats", "--store", str(seeds_store)).output
    assert "fg:Person" in out and "fg:holdsPosition" in out


@pytest.mark.parametrize("command", ["build", "query", "export", "stats"])
def test_help_has_an_example(command):
    assert "Example" in run(command, "--help").output


def test_store_folder_is_made_with_its_parents(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Ректор ТУСУРа Виктор Рулевский открыл конференцию в Томске.", encoding="utf-8")
    store = tmp_path / "out" / "2026" / "store"
    run("build", str(article), "--store", str(store))
    assert count(store, "SELECT (COUNT(?a) AS ?n) WHERE { ?a a fg:Article }") == 1


def test_store_under_a_file_is_one_line(tmp_path):
    (tmp_path / "file").write_text("x", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(ARTICLES), "--store", str(tmp_path / "file" / "store")])
    assert result.exit_code != 0
    assert "cannot create the store's folder" in result.output and "Traceback" not in result.output
