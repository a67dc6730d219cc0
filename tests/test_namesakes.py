"""Namesakes across articles: one name, conflicting contexts, two nodes; compatible contexts, one node."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.build.namesakes import PersonContext, conflict
from graph.cli import cli
from tests.test_remote import server  # noqa: F401 - the fixture: `oxigraph serve` on a free port

TSU = "https://w3id.org/forumgraph/id/org/tsu"
ASU = "https://w3id.org/forumgraph/id/org/asu"
GAZPROM = "https://w3id.org/forumgraph/id/org/gazprom"
MINOBR = "https://w3id.org/forumgraph/id/org/minobr"
PETROV = "https://w3id.org/forumgraph/id/person/ivan-petrov"
URL = "https://news.example/"


def ctx(*, universities=(), companies=(), patronymics=()) -> PersonContext:
    orgs = {"University": set(universities), "Company": set(companies)}
    labels = {TSU: "ТГУ", ASU: "АлтГУ", GAZPROM: "Газпром"}
    return PersonContext(PETROV, set(patronymics), {k: v for k, v in orgs.items() if v}, labels)


@pytest.mark.parametrize(
    "a, b, why",
    [
        (ctx(universities=[TSU]), ctx(universities=[ASU]), "different universities: ТГУ vs АлтГУ"),
        (ctx(companies=[GAZPROM]), ctx(companies=[MINOBR]), "different companies"),
        (ctx(patronymics=["Сергеевич"]), ctx(patronymics=["Олегович"]), "different patronymics"),
        (ctx(universities=[TSU]), ctx(universities=[TSU, ASU]), None),  # one shared university
        (ctx(universities=[TSU]), ctx(companies=[GAZPROM]), None),  # a professor may consult
        (ctx(universities=[TSU]), ctx(), None),  # nothing to compare
        (ctx(patronymics=["Сергеевич"]), ctx(patronymics=["Сергеевич"], universities=[ASU]), None),
        (ctx(patronymics=["Сергеевич"]), ctx(universities=[ASU]), None),
    ],
)
def test_conflict(a, b, why):
    found = conflict(a, b)
    if why is None:
        assert found is None
    else:
        assert found is not None and found.startswith(why), found


ARTICLES = [
    ("tsu-1", "Ректор Томского государственного университета Иван Петров открыл конференцию по физике."),
    ("asu-1", "Ректор Алтайского государственного университета Иван Петров подписал приказ о стипендиях."),
    ("tsu-2", "Проректор Томского государственного университета Иван Петров рассказал о приёме."),
    ("none", "Иван Петров посетил выставку в Москве."),
    ("asu-2", "Профессор Алтайского государственного университета Иван Петров прочитал лекцию."),
    ("pat-1", "Министр Анна Сергеевна Кузнецова выступила на совещании."),
    ("pat-2", "Врач Анна Олеговна Кузнецова рассказала о прививках."),
]


def write_jsonl(path: Path, rows) -> Path:
    path.write_text(
        "".join(json.dumps({"text": t, "url": URL + s}, ensure_ascii=False) + "\n" for s, t in rows),
        encoding="utf-8",
    )
    return path


def invoke(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output + repr(result.exception)
    return result.output


def persons_by_article(store: Path) -> dict[str, str]:
    out = invoke(
        "query",
        "--store",
        str(store),
        "--format",
        "json",
        "SELECT ?src ?p WHERE { GRAPH ?a { ?a fg:sourcePath ?src . ?p a fg:Person } }",
    )
    rows = json.loads(out)["results"]["bindings"]
    return {r["src"]["value"].removeprefix(URL): r["p"]["value"].rsplit("/", 1)[-1] for r in rows}


@pytest.fixture(scope="module")
def one_build(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("namesakes")
    invoke(
        "build", str(write_jsonl(tmp / "all.jsonl", ARTICLES)), "--store", str(tmp / "store"), "--no-progress"
    )
    return tmp / "store"


def test_conflicting_contexts_make_two_nodes(one_build):
    found = persons_by_article(one_build)
    assert found == {
        "tsu-1": "ivan-petrov",
        "asu-1": "ivan-petrov--2",
        "tsu-2": "ivan-petrov",  # same university: the first node
        "none": "ivan-petrov",  # no context: the first node
        "asu-2": "ivan-petrov--2",  # the Altai namesake's second article
        "pat-1": "anna-kuznetsova",
        "pat-2": "anna-kuznetsova--2",
    }


def test_the_reason_is_stored_and_listed(one_build):
    out = invoke("merges", "--store", str(one_build), "--json")
    near = [n for n in json.loads(out)["near_misses"] if n["reason"].startswith("namesake kept apart")]
    reasons = {(n["a"].rsplit("/", 1)[-1], n["b"].rsplit("/", 1)[-1]): n["reason"] for n in near}
    assert set(reasons) == {("ivan-petrov", "ivan-petrov--2"), ("anna-kuznetsova", "anna-kuznetsova--2")}
    assert (
        "Алтайский государственный университет vs Томский государственный университет"
        in reasons[("ivan-petrov", "ivan-petrov--2")]
    )
    assert "Олеговна vs Сергеевна" in reasons[("anna-kuznetsova", "anna-kuznetsova--2")]


def test_article_by_article_builds_decide_the_same(one_build, tmp_path):
    """Each article in its own build (the store answers, not the batch): the same nodes, the same bytes."""
    # the sources are the articles' URLs, so the graphs are named as in one_build
    store = tmp_path / "store"
    for number, row in enumerate(ARTICLES):
        path = write_jsonl(tmp_path / f"part{number}.jsonl", [row])
        invoke("build", str(path), "--store", str(store), "--no-progress")
    assert persons_by_article(store) == persons_by_article(one_build)
    invoke("export", "--store", str(store), "-o", str(tmp_path / "a.nq"))
    invoke("export", "--store", str(one_build), "-o", str(tmp_path / "b.nq"))
    assert (tmp_path / "a.nq").read_bytes() == (tmp_path / "b.nq").read_bytes()


def test_unchanged_rebuild_keeps_the_nodes(one_build, tmp_path):
    before = persons_by_article(one_build)
    out = invoke("build", str(one_build.parent / "all.jsonl"), "--store", str(one_build), "--no-progress")
    assert "unchanged 7" in out
    assert persons_by_article(one_build) == before


@pytest.mark.slow
def test_a_server_store_decides_the_same(one_build, server, tmp_path):  # noqa: F811 - the fixture
    """Built article by article into `oxigraph serve`: the store is asked over SPARQL, same nodes."""
    for number, row in enumerate(ARTICLES):
        path = write_jsonl(tmp_path / f"part{number}.jsonl", [row])
        invoke("build", str(path), "--store", server, "--no-progress")
    assert persons_by_article(server) == persons_by_article(one_build)


@pytest.mark.parametrize("batch", [1, 2, 3])
def test_batches_in_flight_decide_the_same(one_build, tmp_path, monkeypatch, batch):
    """Small batches: a namesake's context is often in a batch still being written by the thread."""
    import graph.build.ingest

    monkeypatch.setattr(graph.build.ingest, "BATCH_ARTICLES", batch)
    store = tmp_path / "store"
    invoke("build", str(one_build.parent / "all.jsonl"), "--store", str(store), "--no-progress")
    assert persons_by_article(store) == persons_by_article(one_build)
