"""A store kept by Oxigraph's server answers and exports exactly as the embedded store does."""

from __future__ import annotations

import re
import subprocess
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib.compare import isomorphic

from extractors.errors import QueryError, StoreError
from graph.cli import cli
from graph.serve.endpoint import answers, find_oxigraph, free_port
from graph.store.embedded import open_store
from graph.store.remote import RemoteStore, with_prefixes
from graph.store.vocab import FGR

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "data" / "articles"
QUERIES = sorted((ROOT / "data" / "queries").glob("*.rq"))
EXPORTS = ["trig", "nq", "ttl", "nt", "jsonld"]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`oxigraph serve` on a free loopback port, over a fresh directory; stopped at the end."""
    try:
        program = find_oxigraph()
    except StoreError:
        pytest.skip("no oxigraph server program")
    port = free_port()
    location = tmp_path_factory.mktemp("server") / "db"
    proc = subprocess.Popen(
        [program, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while not answers(port):
        assert proc.poll() is None and time.monotonic() < deadline, "oxigraph serve did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    proc.wait(timeout=10)


def build(store: str) -> str:
    result = CliRunner().invoke(cli, ["build", str(ARTICLES), "--store", store])
    assert result.exit_code == 0, result.output or repr(result.exception)
    return result.output


@pytest.fixture(scope="module")
def stores(server, tmp_path_factory) -> tuple[str, str]:
    """The seeds built into the embedded store and into the server: (directory, URL)."""
    local = str(tmp_path_factory.mktemp("embedded") / "store")
    build(local)
    out = build(server)
    assert "stored 5 " in out
    return local, server


def normal(value) -> object:
    """GROUP_CONCAT's order is the engine's choice: compare its parts as a set."""
    return tuple(sorted(str(value).split("; "))) if value is not None and "; " in str(value) else value


def rows(store: str, sparql: str) -> list[tuple]:
    with open_store(store, read_only=True) as s:
        return [tuple(normal(v) for v in row) for row in s.query(sparql)]


@pytest.mark.parametrize("path", QUERIES, ids=[p.stem for p in QUERIES])
def test_example_queries_answer_the_same(stores, path):
    sparql = path.read_text(encoding="utf-8")
    local, remote = (rows(s, sparql) for s in stores)
    assert local, f"{path.name}: no rows on the seeds"
    if re.search(r"\bORDER\s+BY\b", sparql, re.I):
        assert remote == local
    else:
        assert sorted(remote, key=repr) == sorted(local, key=repr)


@pytest.mark.parametrize("ext", EXPORTS)
def test_exports_are_byte_identical(stores, tmp_path, ext):
    outputs = []
    for i, store in enumerate(stores):
        out = tmp_path / f"{i}.{ext}"
        result = CliRunner().invoke(cli, ["export", "--store", store, "-o", str(out)])
        assert result.exit_code == 0, result.output or repr(result.exception)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


def test_stats_and_size_agree(stores):
    local, remote = (CliRunner().invoke(cli, ["stats", "--store", s]).output for s in stores)
    assert local.split("\n", 1)[1] == remote.split("\n", 1)[1]  # all but the `store:` line
    with open_store(stores[0], read_only=True) as a, open_store(stores[1], read_only=True) as b:
        assert len(a) == len(b) > 0


@pytest.mark.parametrize(
    "sparql",
    [
        "ASK { ?s a fg:Person }",
        "ASK { ?s a fg:NoSuchClass }",
        "CONSTRUCT { ?e fg:editionOf ?s } WHERE { ?e fg:editionOf ?s }",
        "DESCRIBE fgr:ontology",
        "SELECT ?s ?o WHERE { ?s fg:editionNumber ?o OPTIONAL { ?s fg:nothing ?x } } ORDER BY ?s ?o",
    ],
)
def test_ask_construct_and_unbound_values_agree(stores, sparql):
    with open_store(stores[0], read_only=True) as a, open_store(stores[1], read_only=True) as b:
        local, remote = a.query(sparql), b.query(sparql)
        if local.type == "SELECT":
            local.bindings = list(local)  # read before the embedded store closes
    assert local.type == remote.type
    if local.type == "ASK":
        assert local.askAnswer == remote.askAnswer
    elif local.type == "CONSTRUCT":
        assert isomorphic(local.graph, remote.graph)
    else:
        assert [tuple(r) for r in local] == [tuple(r) for r in remote]


def test_a_second_build_finds_every_article_unchanged(stores):
    assert "stored 0 (replaced 0), unchanged 5" in build(stores[1])


def test_the_query_command_works_against_the_server(stores):
    result = CliRunner().invoke(
        cli, ["query", "--store", stores[1], "-f", str(ROOT / "data/queries/editions.rq"), "--format", "csv"]
    )
    assert result.exit_code == 0, result.output or repr(result.exception)
    assert result.output.startswith("series,edition,number,year,start,end,place,organiser")


def test_a_malformed_query_is_one_clear_line(stores):
    result = CliRunner().invoke(cli, ["query", "--store", stores[1], "SELECT ?s WHERE { ?s"])
    assert result.exit_code == 1
    assert "malformed query" in result.output and "Traceback" not in result.output
    with pytest.raises(QueryError):
        RemoteStore(stores[1]).query("SELECT nonsense")


def test_no_server_is_one_clear_line():
    url = f"http://127.0.0.1:{free_port()}"
    result = CliRunner().invoke(cli, ["stats", "--store", url])
    assert result.exit_code == 1
    assert f"{url}/query: no SPARQL server answers" in result.output
    assert "oxigraph serve --location" in result.output and "Traceback" not in result.output


def test_read_only_store_refuses_writes(stores):
    with open_store(stores[1], read_only=True) as store, pytest.raises(StoreError, match="read-only"):
        store.replace_graph(FGR["x"], [])


def test_endpoint_urls_are_accepted_for_the_base(server):
    for given in (server, server + "/", server + "/query", server + "/update"):
        assert RemoteStore(given).base == server


def test_prefixes_are_declared_unless_the_query_does():
    text = with_prefixes("PREFIX fg: <urn:mine#> SELECT * WHERE { ?s a fg:X }")
    assert "PREFIX fg: <https://" not in text and "PREFIX rdfs:" in text
