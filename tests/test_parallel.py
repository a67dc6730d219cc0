"""Parallel and distributed builds write the store `--jobs 1` writes; a slow article costs its worker only."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from extractors.doc import Article, Entity, Extraction
from graph.build.ingest import build_into
from graph.cli import cli
from graph.store.embedded import open_store

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "data" / "articles"


# -- fake extractors: module level, so worker processes can import them --------------------------
def quick_extract(article: Article) -> Extraction:
    """One entity per article, named after its first word: cheap, deterministic, no models."""
    name = article.text.split()[0]
    return Extraction(article, (Entity("e1", "Organization", name),))


def troubled_extract(article: Article) -> Extraction:
    """Hangs, dies or raises when the text asks for it; otherwise as quick_extract."""
    if "HANG" in article.text:
        time.sleep(600)  # only a killed worker ends this
    if "DIE" in article.text:
        os._exit(3)
    if "RAISE" in article.text:
        raise ValueError("broken on purpose")
    return quick_extract(article)


def build(paths: list[str], store: Path, *options: str) -> str:
    result = CliRunner().invoke(cli, ["build", *paths, "--store", str(store), "--no-progress", *options])
    assert result.exit_code == 0, result.output + repr(result.exception)
    return result.output


def export(store: Path, out: Path) -> bytes:
    result = CliRunner().invoke(cli, ["export", "--store", str(store), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out.read_bytes()


def write_folder(root: Path, texts: dict[str, str]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> bytes:
    """The sample articles built in this process (`--jobs 1`), exported as TriG."""
    tmp = tmp_path_factory.mktemp("jobs1")
    build([str(ARTICLES)], tmp / "store")
    return export(tmp / "store", tmp / "export.trig")


@pytest.mark.slow
def test_two_workers_export_the_same_bytes(reference, tmp_path):
    output = build([str(ARTICLES)], tmp_path / "store", "--jobs", "2")
    assert "stored 5" in output
    assert export(tmp_path / "store", tmp_path / "export.trig") == reference


@pytest.mark.slow
def test_a_dask_cluster_exports_the_same_bytes(reference, tmp_path):
    distributed = pytest.importorskip("dask.distributed")
    # in-process workers (threads) share this process's loaded models: the test stays quick
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        output = build([str(ARTICLES)], tmp_path / "store", "--dask", cluster.scheduler_address)
    assert "stored 5" in output
    assert export(tmp_path / "store", tmp_path / "export.trig") == reference


def test_workers_give_what_one_process_gives(tmp_path):
    texts = {f"{n:02}.txt": f"Слово{n % 4} и ещё текст {n}." for n in range(12)}
    folder = write_folder(tmp_path / "in", texts)
    exports = []
    for jobs in (1, 3):
        store_dir = tmp_path / f"store{jobs}"
        with open_store(str(store_dir)) as store:
            summary = build_into(store, [str(folder)], quick_extract, max_bytes=10**6, jobs=jobs)
        assert (summary.stored, summary.skipped) == (12, [])
        exports.append(export(store_dir, tmp_path / f"export{jobs}.nq"))
    assert exports[0] == exports[1]


def test_a_hanging_article_is_skipped_and_the_rest_stored(tmp_path):
    texts = {
        "a.txt": "Альфа",
        "b.txt": "HANG",
        "c.txt": "DIE",
        "d.txt": "RAISE",
        "e.txt": "Бета",
        "f.txt": "Гамма",
    }
    folder = write_folder(tmp_path / "in", texts)
    started = time.monotonic()
    with open_store(str(tmp_path / "store")) as store:
        summary = build_into(
            store, [str(folder)], troubled_extract, max_bytes=10**6, jobs=2, article_timeout=1.5
        )
    assert time.monotonic() - started < 60
    reasons = {Path(s.path).name: s.reason for s in summary.skipped}
    assert reasons.keys() == {"b.txt", "c.txt", "d.txt"}
    assert "longer than 1.5 s" in reasons["b.txt"] and "worker replaced" in reasons["b.txt"]
    assert "worker process died" in reasons["c.txt"]
    assert reasons["d.txt"] == "extraction failed: ValueError: broken on purpose"
    assert summary.stored == 3
    with open_store(str(tmp_path / "store"), read_only=True) as store:
        names = {
            str(row[0]) for row in store.query("SELECT ?n WHERE { ?o a fg:Organization ; rdfs:label ?n }")
        }
    assert names == {"Альфа", "Бета", "Гамма"}


def test_article_timeout_with_one_job_uses_a_worker(tmp_path):
    folder = write_folder(tmp_path / "in", {"a.txt": "Альфа", "b.txt": "HANG"})
    with open_store(str(tmp_path / "store")) as store:
        summary = build_into(store, [str(folder)], troubled_extract, max_bytes=10**6, article_timeout=1)
    assert [Path(s.path).name for s in summary.skipped] == ["b.txt"]
    assert summary.stored == 1


def test_an_unchanged_corpus_starts_no_worker(tmp_path, monkeypatch):
    folder = write_folder(tmp_path / "in", {"a.txt": "Альфа", "b.txt": "Бета"})
    with open_store(str(tmp_path / "store")) as store:
        build_into(store, [str(folder)], quick_extract, max_bytes=10**6)
        import graph.build.workers

        monkeypatch.setattr(graph.build.workers, "Worker", None)  # any start would fail
        summary = build_into(store, [str(folder)], quick_extract, max_bytes=10**6, jobs=2)
    assert (summary.unchanged, summary.stored) == (2, 0)


def test_cli_options_are_checked():
    result = CliRunner().invoke(cli, ["build", "x", "--article-timeout", "0"])
    assert result.exit_code == 2 and "--article-timeout" in result.output
    result = CliRunner().invoke(cli, ["build", "x", "--jobs", "-1"])
    assert result.exit_code == 2 and "--jobs" in result.output
