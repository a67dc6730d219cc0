"""`forumgraph serve`, run as a real subprocess: SPARQL 1.1 Protocol, read-only, no federation, clean stop."""

from __future__ import annotations

import csv
import http.client
import http.server
import io
import json
import os
import queue
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from graph.cli import cli
from graph.serve.endpoint import free_port, remote_calls

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "data" / "articles"
SCRIPT = Path(sys.executable).parent / "forumgraph"
FORUMGRAPH = (
    [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-c", "from graph.cli import main; main()"]
)
QUERIES = sorted((ROOT / "data" / "queries").glob("*.rq"))
EDITIONS = (ROOT / "data" / "queries" / "editions.rq").read_text(encoding="utf-8")
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
CUBE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # far too slow to finish
NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))

# remote_calls: (sparql, keywords that must be refused)
CALLS = [
    ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", ["SERVICE"]),
    ("select * where { service silent <http://x/> { ?s ?p ?o } }", ["SERVICE"]),
    ("SELECT * WHERE { ?s ?p ?o .SERVICE<http://x/>{} }", ["SERVICE"]),
    ("SELECT * WHERE { ?s ?p 1SERVICE <http://x/> {} }", ["SERVICE"]),
    ("SELECT * WHERE { SERVICE ?endpoint { ?s ?p ?o } }", ["SERVICE"]),
    ("SELECT * WHERE { SERVICE:x { ?s ?p ?o } }", ["SERVICE"]),
    ("SELECT * WHERE { \\u0053ERVICE <http://x/> { ?s ?p ?o } }", ["SERVICE"]),
    ('SELECT * WHERE { ?s ?p "a" } # "\nSERVICE <http://x/> {}', ["SERVICE"]),
    ("LOAD <http://example.org/data.ttl> INTO GRAPH <urn:g>", ["LOAD"]),
    ("INSERT { ?s ?p ?o } WHERE { SERVICE <http://x/> { ?s ?p ?o } }", ["SERVICE"]),
    ("SELECT ?service ?load $Service WHERE { ?service ?p ?load }", []),
    ("PREFIX ex: <http://x/> SELECT * WHERE { ?s ex:service ex:a.load ; ex:my-service ?o }", []),
    ('SELECT * WHERE { ?s ?p "SERVICE <http://x/> {}" , """LOAD""" , \'service\' }', []),
    ("SELECT * WHERE { ?s ?p <http://example.org/service> } # SERVICE <http://x/> {}", []),
    ("SELECT * WHERE { ?s a <http://schema.org/Service> ; ?p ?serviceName }", []),
]


@pytest.mark.parametrize(("sparql", "expected"), CALLS)
def test_remote_calls_are_found_outside_strings_iris_comments_and_names(sparql, expected):
    assert remote_calls(sparql) == expected


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("serve") / "store"
    result = CliRunner().invoke(cli, ["build", str(ARTICLES), "--store", str(path)])
    assert result.exit_code == 0, result.output or repr(result.exception)
    return str(path)


class Served:
    """A `forumgraph serve` subprocess and the first line it printed."""

    def __init__(self, store: str, *args: str):
        self.proc = subprocess.Popen(
            [*FORUMGRAPH, "serve", "--store", store, "--port", str(free_port()), *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=lambda: lines.put(self.proc.stdout.readline()), daemon=True).start()
        try:
            self.first_line = lines.get(timeout=60).rstrip("\n")
        except queue.Empty:
            self.stop()
            pytest.fail("forumgraph serve printed nothing in 60 s")
        assert self.first_line, f"forumgraph serve failed: {self.proc.stderr.read()}"
        self.url = self.first_line.removeprefix("SPARQL endpoint: ")
        self.base = self.url.removesuffix("/query")

    def children(self) -> list[int]:
        path = Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children")
        return [int(p) for p in path.read_text().split()] if path.exists() else []

    def stop(self, sig: int = signal.SIGINT) -> tuple[int, str]:
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        try:
            _, err = self.proc.communicate(
                timeout=60
            )  # a hang guard: a loaded 2-core machine once took over 20 s
        except subprocess.TimeoutExpired:
            self.proc.kill()
            _, err = self.proc.communicate(timeout=10)
        return self.proc.returncode, err


@pytest.fixture(scope="module")
def served(store_dir):
    server = Served(store_dir)
    yield server
    server.stop()


def request(
    url: str, data: bytes | None = None, headers: dict | None = None, method: str | None = None
) -> tuple[int, str, bytes]:
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with NO_PROXY.open(req, timeout=30) as resp:
            return resp.status, resp.headers.get_content_type(), resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers.get_content_type(), err.read()


def get(served: Served, sparql: str, accept: str) -> tuple[int, str, bytes]:
    return request(f"{served.url}?{urllib.parse.urlencode({'query': sparql})}", headers={"Accept": accept})


def test_the_first_line_names_the_query_endpoint(served):
    assert served.first_line.startswith("SPARQL endpoint: http://127.0.0.1:")
    assert served.url.endswith("/query")


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_sparqlwrapper_gets_json_and_csv(served, method):
    from SPARQLWrapper import CSV, JSON, SPARQLWrapper

    client = SPARQLWrapper(served.url)
    client.setMethod(method)
    client.setQuery(EDITIONS)
    client.setReturnFormat(JSON)
    data = client.query().convert()
    editions = {row["edition"]["value"] for row in data["results"]["bindings"]}
    assert {"Технопром-2024", "Технопром-2025"} <= editions
    client.setReturnFormat(CSV)
    table = list(csv.reader(io.StringIO(client.query().convert().decode("utf-8"))))
    assert table[0][:2] == ["series", "edition"]
    assert {row[1] for row in table[1:]} == editions


@pytest.mark.parametrize("path", QUERIES, ids=[p.stem for p in QUERIES])
def test_sparqlwrapper_runs_every_example_query(served, store_dir, path):
    from SPARQLWrapper import JSON, SPARQLWrapper

    client = SPARQLWrapper(served.url, returnFormat=JSON)
    client.setQuery(path.read_text(encoding="utf-8"))
    got = client.query().convert()["results"]["bindings"]
    local = CliRunner().invoke(cli, ["query", "-f", str(path), "--store", store_dir, "--format", "json"])
    want = json.loads(local.output)["results"]["bindings"]
    assert [{k: v["value"] for k, v in row.items()} for row in got] == [
        {k: v["value"] for k, v in row.items()} for row in want
    ]


@pytest.mark.skipif(not shutil.which("curl"), reason="no curl")
def test_curl_gets_json_and_csv(served):
    def curl(accept: str) -> str:
        argv = [
            "curl",
            "-sS",
            "--fail",
            "--noproxy",
            "*",
            "-G",
            served.url,
            "--data-urlencode",
            f"query={EDITIONS}",
        ]
        return subprocess.run(
            [*argv, "-H", f"Accept: {accept}"], capture_output=True, text=True, timeout=30, check=True
        ).stdout

    data = json.loads(curl("application/sparql-results+json"))
    assert data["head"]["vars"][:2] == ["series", "edition"]
    rows = list(csv.reader(io.StringIO(curl("text/csv"))))
    assert len(rows) == len(data["results"]["bindings"]) + 1


@pytest.mark.parametrize(
    ("sparql", "accept", "check"),
    [
        (COUNT, "application/sparql-results+xml", lambda body: b"<sparql" in body),
        (COUNT, "text/tab-separated-values", lambda body: body.startswith(b"?n\n")),
        (
            "ASK { ?s ?p ?o }",
            "application/sparql-results+json",
            lambda body: json.loads(body)["boolean"] is True,
        ),
        (
            "CONSTRUCT { ?e ?p ?o } WHERE { ?e <https://w3id.org/forumgraph/ontology#editionOf> ?o ; ?p ?o }",
            "text/turtle",
            lambda body: len(Graph().parse(data=body, format="turtle")) > 0,
        ),
        (
            "CONSTRUCT WHERE { ?e <https://w3id.org/forumgraph/ontology#year> ?y }",
            "application/n-triples",
            lambda body: len(Graph().parse(data=body, format="nt")) > 0,
        ),
        (
            "DESCRIBE <https://w3id.org/forumgraph/id/ontology>",
            "application/ld+json",
            lambda body: isinstance(json.loads(body), list),
        ),
    ],
)
def test_results_in_every_format_by_content_negotiation(served, sparql, accept, check):
    status, content_type, body = get(served, sparql, accept)
    assert (status, content_type) == (200, accept)
    assert check(body)


def test_the_default_graph_is_the_merge_of_all_graphs(served):
    """Each triple of the named graphs once in the default graph, as in the embedded store."""
    merge = json.loads(
        get(served, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "application/sparql-results+json")[2]
    )
    distinct = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }"
    named = json.loads(get(served, distinct, "application/sparql-results+json")[2])
    quads = json.loads(get(served, COUNT, "application/sparql-results+json")[2])
    count = merge["results"]["bindings"][0]["n"]["value"]
    assert count == named["results"]["bindings"][0]["n"]["value"] != "0"
    assert int(count) < int(quads["results"]["bindings"][0]["n"]["value"])  # shared triples counted once


def update(base: str, text: str, content_type: str = "application/sparql-update") -> tuple[int, bytes]:
    data = text if content_type == "application/sparql-update" else urllib.parse.urlencode({"update": text})
    status, _, body = request(f"{base}/update", data.encode(), {"Content-Type": content_type})
    return status, body


def test_updates_are_refused(served):
    insert = "INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> } }"
    status, body = update(served.base, insert)
    assert status == 403 and b"read-only" in body
    status, _ = update(served.base, insert, "application/x-www-form-urlencoded")
    assert 400 <= status < 500
    triple = b"<urn:a> <urn:b> <urn:c> ."
    status, _, _ = request(
        f"{served.base}/store?default", triple, {"Content-Type": "application/n-triples"}, "PUT"
    )
    assert 400 <= status < 500
    assert b"false" in get(served, "ASK { <urn:a> ?p ?o }", "application/sparql-results+json")[2]


@pytest.fixture()
def listener():
    """A local HTTP server that counts the requests it gets: the target of a SERVICE call."""
    hits = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(500)
            self.end_headers()

        do_POST = do_GET

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql", hits
    server.shutdown()
    server.server_close()


def test_service_calls_are_refused_and_never_made(served, listener):
    target, hits = listener
    sparql = f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}"
    status, _, body = get(served, sparql, "application/sparql-results+json")
    assert status == 403 and b"SERVICE is disabled" in body
    posted = [
        (sparql.encode(), "application/sparql-query"),
        (
            urllib.parse.urlencode({"query": sparql.replace("SERVICE", "\\u0053ervice")}).encode(),
            "application/x-www-form-urlencoded",
        ),
    ]
    for data, content_type in posted:
        assert request(served.url, data, {"Content-Type": content_type})[0] == 403
    assert hits == []


def test_harmless_uses_of_the_word_pass(served):
    sparql = 'SELECT ?service WHERE { ?service <urn:p> "SERVICE <http://x/> {}" }'
    assert get(served, sparql, "text/csv")[:2] == (200, "text/csv")


def test_concurrent_clients_are_served(served):
    def one(_: int) -> bytes:
        status, _, body = get(served, COUNT, "text/csv")
        assert status == 200
        return body

    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(one, range(32)))
    assert len(set(answers)) == 1


def test_the_query_page_is_served(served):
    status, content_type, body = request(served.base + "/", headers={"Accept": "text/html"})
    assert (status, content_type) == (200, "text/html") and b"<html" in body.lower()


def test_a_query_past_the_time_limit_is_cut(store_dir):
    server = Served(store_dir, "--timeout", "1")
    try:
        started = time.monotonic()
        _, _, body = get(server, CUBE, "text/csv")
        assert time.monotonic() - started < 20
        assert b"cancelled" in body  # Oxigraph may have sent 200 already: the answer ends with the error
    finally:
        server.stop()


def test_an_answer_past_the_size_limit_is_cut(store_dir):
    server = Served(store_dir, "--max-result-bytes", "2000")
    try:
        sparql = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
        req = urllib.request.Request(
            f"{server.url}?{urllib.parse.urlencode({'query': sparql})}", headers={"Accept": "text/csv"}
        )
        with NO_PROXY.open(req, timeout=30) as resp:
            try:
                body = resp.read()
            except http.client.IncompleteRead as err:
                body = err.partial
        assert 0 < len(body) <= 2000
        _, _, small = get(server, "ASK { ?s ?p ?o }", "application/sparql-results+json")
        assert b"true" in small  # small answers pass untouched
    finally:
        server.stop()


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_stops_server_and_child_cleanly(store_dir, sig):
    server = Served(store_dir)
    children = server.children()
    assert children, "expected the Oxigraph server as a child process"
    status, err = server.stop(sig)
    assert status in (0, 130)
    assert "Traceback" not in err and "stopped" in err
    for pid in children:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


def count(store: str) -> int:
    """Quads in the store, read by the embedded store (the CLI, in process)."""
    result = CliRunner().invoke(cli, ["query", "--store", store, COUNT, "--format", "csv"])
    return int(result.output.split()[-1])


def served_count(server: Served) -> int:
    return int(get(server, COUNT, "text/csv")[2].split()[-1])


def test_a_build_can_run_while_serving_and_the_server_keeps_its_view(store_dir, tmp_path):
    copy = tmp_path / "store"
    shutil.copytree(store_dir, copy)
    extra = tmp_path / "extra"
    extra.mkdir()
    text = "Губернатор Андрей Травников открыл форум «Технопром-2024» в Новосибирске.\n"
    (extra / "x.txt").write_text(text, encoding="utf-8")
    server = Served(str(copy))
    try:
        before = served_count(server)
        result = CliRunner().invoke(cli, ["build", str(extra), "--store", str(copy)])
        assert result.exit_code == 0, result.output or repr(result.exception)
        assert served_count(server) == before  # the store as it was when the server started
    finally:
        server.stop()
    assert count(str(copy)) > before


def test_writable_server_takes_updates_and_builds_but_never_load(tmp_path, store_dir):
    server = Served(str(tmp_path / "new"), "--writable")
    try:
        assert update(server.base, "INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> } }")[0] == 204
        # a write through the endpoint lands in the graph it names (the merge is forumgraph's to keep)
        ask = "ASK { GRAPH ?g { <urn:a> ?p ?o } }"
        assert b"true" in get(server, ask, "application/sparql-results+json")[2]
        assert update(server.base, "LOAD <http://127.0.0.1:9/x.ttl>")[0] == 403
        update(server.base, "DROP GRAPH <urn:g>")
        result = CliRunner().invoke(cli, ["build", str(ARTICLES), "--store", server.base])
        assert result.exit_code == 0 and "stored 5 " in result.output, result.output
        counts = [
            CliRunner().invoke(cli, ["query", "--store", s, COUNT]).output for s in (store_dir, server.base)
        ]
        assert counts[0] == counts[1]
    finally:
        server.stop()


def test_user_errors_are_one_line(tmp_path):
    result = CliRunner().invoke(cli, ["serve", "--store", str(tmp_path / "none")])
    assert result.exit_code == 1 and "no store here" in result.output and "Traceback" not in result.output
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        result = CliRunner().invoke(
            cli, ["serve", "--store", str(tmp_path), "--port", str(busy.getsockname()[1])]
        )
    assert result.exit_code == 1 and "cannot listen on 127.0.0.1:" in result.output
    result = CliRunner().invoke(cli, ["serve", "--store", "http://127.0.0.1:7878"])
    assert result.exit_code == 1 and "expected a store directory to serve, got a URL" in result.output
