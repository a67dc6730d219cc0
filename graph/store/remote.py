"""A store kept by a SPARQL 1.1 server (Oxigraph, Fuseki), with the embedded store's interface."""

from __future__ import annotations

import logging
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef, Variable
from rdflib.query import Result

from extractors.errors import QueryError, StoreError
from graph.store.updates import MERGE_ALL, merge_update, to_ox
from graph.store.vocab import FG, ONTOLOGY_GRAPH, ONTOLOGY_PATH, PREFIXES

__all__ = ["RemoteStore", "open_remote_store", "adapt_ox_term", "adapt_response"]

log = logging.getLogger(__name__)

ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8"
RESULTS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
}
GRAPHS = {"application/n-triples": ox.RdfFormat.N_TRIPLES, "text/turtle": ox.RdfFormat.TURTLE}
DECLARED = re.compile(r"PREFIX\s+([A-Za-z][\w.-]*)?:", re.I)
ENDPOINT_SUFFIXES = ("/query", "/sparql", "/update", "/store")
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
# Queries read the default graph, which forumgraph keeps as the merge of the named graphs (see
# graph/store/embedded.py); a store an older forumgraph wrote has none and is read as the union of its graphs
# (Oxigraph's parameter; Fuseki ignores it and needs `tdb2:unionDefaultGraph true` instead).
UNION_QUERY = "query?union-default-graph"
START_HINT = "start one with `oxigraph serve --location DIR --bind 127.0.0.1:7878`"


def adapt_ox_term(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> URIRef | BNode | Literal | None:
    """pyoxigraph term to rdflib term, as oxrdflib converts them for the embedded store."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise TypeError(f"expected a pyoxigraph term, got {type(term).__name__}")


def adapt_response(content_type: str, body: bytes) -> Result:
    """A SPARQL protocol response (results or RDF) as the rdflib Result the embedded store gives."""
    if content_type in RESULTS:
        parsed = ox.parse_query_results(body, RESULTS[content_type])
        if isinstance(parsed, ox.QueryBoolean):
            out = Result("ASK")
            out.askAnswer = bool(parsed)
            return out
        out = Result("SELECT")
        out.vars = [Variable(v.value) for v in parsed.variables]
        out.bindings = [{v: adapt_ox_term(value) for v, value in zip(out.vars, row)} for row in parsed]
        return out
    if content_type in GRAPHS:
        out = Result("CONSTRUCT")
        out.graph = Graph()
        for t in ox.parse(body, GRAPHS[content_type]):
            out.graph.add((adapt_ox_term(t.subject), adapt_ox_term(t.predicate), adapt_ox_term(t.object)))
        return out
    raise StoreError(
        f"expected SPARQL results or RDF from the server, got {content_type or 'no content type'}"
    )


def with_prefixes(sparql: str) -> str:
    """The project's prefixes, declared ahead of the query unless it declares them itself."""
    declared = {name or "" for name in DECLARED.findall(sparql)}
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items() if p not in declared) + sparql


class RemoteStore:
    """Article graphs on a SPARQL 1.1 server: Query at BASE/query, Update at BASE/update."""

    def __init__(self, location: str, read_only: bool = False, timeout: float = 120.0):
        base = location.rstrip("/")
        for suffix in ENDPOINT_SUFFIXES:
            base = base.removesuffix(suffix)
        self.location, self.base, self.read_only, self.timeout = location, base, read_only, timeout
        host = urllib.parse.urlsplit(base).hostname or ""
        # A proxy set in the environment must not swallow a server on this very machine.
        handlers = [urllib.request.ProxyHandler({})] if host in LOOPBACK else []
        self.opener = urllib.request.build_opener(*handlers)
        self.query_endpoint = "query"

    # -- HTTP ---------------------------------------------------------------------------------
    def post(self, endpoint: str, body: str, content_type: str, accept: str = "*/*") -> tuple[str, bytes]:
        url = f"{self.base}/{endpoint}"
        headers = {"Content-Type": f"{content_type}; charset=utf-8", "Accept": accept}
        request = urllib.request.Request(url, data=body.encode("utf-8"), headers=headers, method="POST")
        try:
            with self.opener.open(request, timeout=self.timeout) as resp:
                return resp.headers.get_content_type(), resp.read()
        except urllib.error.HTTPError as err:
            detail = err.read().decode("utf-8", "replace").strip()[:500]
            if err.code == 400 and endpoint.startswith("query"):
                raise QueryError(f"malformed query: {detail}") from err
            raise StoreError(f"{url}: HTTP {err.code} {err.reason}: {detail}") from err
        except urllib.error.URLError as err:
            raise StoreError(f"{url}: no SPARQL server answers ({err.reason}); {START_HINT}") from err
        except OSError as err:  # timeouts and resets
            raise StoreError(f"{url}: the SPARQL server failed: {err}") from err

    def select(self, sparql: str, endpoint: str = "query") -> Iterator[ox.QuerySolution]:
        content_type, body = self.post(
            endpoint, sparql, "application/sparql-query", "application/sparql-results+json"
        )
        return iter(ox.parse_query_results(body, RESULTS.get(content_type, ox.QueryResultsFormat.JSON)))

    # -- writing ------------------------------------------------------------------------------
    def ensure_ontology(self) -> None:
        """Load the shipped ontology into its graph when the server lacks it or holds an old one."""
        graph = ox.NamedNode(str(ONTOLOGY_GRAPH))
        wanted = {
            ox.Triple(t.subject, t.predicate, t.object)
            for t in ox.parse(path=str(ONTOLOGY_PATH), format=ox.RdfFormat.TURTLE)
        }
        present = {
            ox.Triple(r["s"], r["p"], r["o"])
            for r in self.select(f"SELECT ?s ?p ?o WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}")
        }
        if present != wanted:
            self.replace_graph(ONTOLOGY_GRAPH, [(t.subject, t.predicate, t.object) for t in wanted], raw=True)

    def replace_graph(self, name: URIRef, triples: Iterable, raw: bool = False) -> None:
        """Put `triples` into graph `name`, replacing what it held, in one update request (atomic)."""
        if self.read_only:
            raise StoreError(f"{self.location}: opened read-only, cannot write graph {name}")
        graph = ox.NamedNode(str(name))
        terms = triples if raw else ((to_ox(s), to_ox(p), to_ox(o)) for s, p, o in triples)
        body = "\n".join(f"{s} {p} {o} ." for s, p, o in terms)
        self.post(
            "update",
            f"{merge_update(graph)} ;\nDROP SILENT GRAPH {graph} ;\n"
            f"INSERT DATA {{ GRAPH {graph} {{\n{body}\n}}\n{body}\n}}",
            "application/sparql-update",
        )

    def remove_graph(self, name: URIRef) -> None:
        graph = ox.NamedNode(str(name))
        self.post(
            "update", f"{merge_update(graph)} ;\nDROP SILENT GRAPH {graph}", "application/sparql-update"
        )

    def needs_merge(self) -> bool:
        """True when the server's named graphs hold triples and its default graph none."""
        default = self.select("SELECT ?s WHERE { ?s ?p ?o } LIMIT 1")
        named = self.select("SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 1")
        return not list(default) and bool(list(named))

    def upgrade(self) -> None:
        """Build the merged default graph of a store an older forumgraph wrote on the server."""
        if self.needs_merge():
            log.warning("%s: built by an older forumgraph; adding the merged default graph (once)", self.base)
            self.post("update", MERGE_ALL, "application/sparql-update")

    def flush(self) -> None:
        """Nothing to do: the server commits every update request."""

    # -- reading ------------------------------------------------------------------------------
    def article_sha(self, article: URIRef) -> str | None:
        """The sha256 stored for an article, or None when the server does not hold it."""
        for row in self.select(
            f"SELECT ?sha WHERE {{ GRAPH <{article}> {{ <{article}> <{FG.sha256}> ?sha }} }} LIMIT 1"
        ):
            return row["sha"].value
        return None

    def query(self, sparql: str) -> Result:
        """Run SPARQL over the union of all graphs; a malformed query raises QueryError."""
        content_type, body = self.post(
            self.query_endpoint, with_prefixes(sparql), "application/sparql-query", ACCEPT
        )
        try:
            return adapt_response(content_type, body)
        except SyntaxError as err:
            raise StoreError(f"{self.base}/query: unreadable answer: {err}") from err

    def quads(self) -> Iterator[ox.Quad]:
        rows = self.select("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return (ox.Quad(r["s"], r["p"], r["o"], r["g"]) for r in rows)

    def find(self, subject, predicate, obj) -> Iterator[ox.Quad]:
        """The quads of the named graphs that match a pattern (pyoxigraph terms, None for any)."""
        terms = [t if t is not None else ox.Variable(v) for t, v in zip((subject, predicate, obj), "spo")]
        rows = self.select(f"SELECT * WHERE {{ GRAPH ?g {{ {terms[0]} {terms[1]} {terms[2]} }} }}")
        return (
            ox.Quad(*(r[v] if t is None else t for t, v in zip((subject, predicate, obj), "spo")), r["g"])
            for r in rows
        )

    def __len__(self) -> int:
        for row in self.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"):
            return int(row["n"].value)
        return 0

    @property
    def dataset(self):
        """Not over HTTP: code that needs rdflib's or Oxigraph's own objects gets one clear error."""
        raise StoreError(
            f"{self.location}: this needs the embedded store; over HTTP only SPARQL queries work"
        )

    inner = dataset

    def close(self) -> None:
        """Nothing to release: every request stands alone."""

    def __enter__(self) -> RemoteStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_remote_store(location: str, *, read_only: bool = False) -> RemoteStore:
    """Connect to the server at `location` (its base URL); a writer loads the ontology there."""
    store = RemoteStore(location, read_only=read_only)
    store.post("query", "ASK {}", "application/sparql-query", "application/sparql-results+json")
    if not read_only:
        store.upgrade()
        store.ensure_ontology()
    elif store.needs_merge():
        log.warning("%s: built by an older forumgraph; queries read the union of its graphs", location)
        store.query_endpoint = UNION_QUERY
    return store
