"""The on-disk store: Oxigraph through rdflib (oxrdflib), one named graph per article."""

from __future__ import annotations

import gc
import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.query import Result

from extractors.errors import QueryError, StoreError
from graph.vocab import FG, ONTOLOGY_GRAPH, ONTOLOGY_PATH, PREFIXES

__all__ = ["Store", "open_store", "DEFAULT_STORE", "to_ox"]

log = logging.getLogger(__name__)
DEFAULT_STORE = "./forumgraph-store"


def to_ox(term) -> ox.NamedNode | ox.Literal | ox.BlankNode:
    """rdflib term to pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"expected an rdflib term, got {type(term).__name__}")


class Store:
    """A forumgraph store: article graphs, the ontology graph, SPARQL over their union."""

    def __init__(self, inner: ox.Store, location: str, read_only: bool):
        self.inner = inner
        self.location = location
        self.read_only = read_only
        self.dataset = Dataset(store=OxigraphStore(store=inner), default_union=True)
        for prefix, ns in PREFIXES.items():
            self.dataset.bind(prefix, ns)

    # -- writing ------------------------------------------------------------------------------
    def ensure_ontology(self) -> None:
        """Load the shipped ontology into its own graph when it is missing or has changed."""
        graph = ox.NamedNode(str(ONTOLOGY_GRAPH))
        wanted = {
            ox.Quad(t.subject, t.predicate, t.object, graph)
            for t in ox.parse(path=str(ONTOLOGY_PATH), format=ox.RdfFormat.TURTLE)
        }
        present = set(self.inner.quads_for_pattern(None, None, None, graph))
        if present != wanted:
            self.replace_graph(ONTOLOGY_GRAPH, [(q.subject, q.predicate, q.object) for q in wanted], raw=True)

    def replace_graph(self, name: URIRef, triples: Iterable, raw: bool = False) -> None:
        """Put `triples` into graph `name`, replacing what it held, in one transaction."""
        graph = ox.NamedNode(str(name))
        if raw:
            quads = [ox.Quad(s, p, o, graph) for s, p, o in triples]
        else:
            quads = [ox.Quad(to_ox(s), to_ox(p), to_ox(o), graph) for s, p, o in triples]
        try:
            if not self.inner.contains_named_graph(graph):
                self.inner.extend(quads)  # atomic
                return
            # DROP and INSERT in one update: a crash leaves either the old graph or the new one.
            body = "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)
            self.inner.update(f"DROP SILENT GRAPH {graph} ;\nINSERT DATA {{ GRAPH {graph} {{\n{body}\n}} }}")
        except OSError as err:
            raise StoreError(f"{self.location}: cannot write graph {name}: {err}") from err

    def add_graphs(self, nquads: str) -> None:
        """Add new article graphs given as N-Quads, many at once (the ingest's batches).

        Oxigraph's bulk loader writes sorted index files and adds them to the store in one step: about
        three times faster than a transaction, and as atomic for a batch under its chunk size (a
        million quads): a build killed mid-batch leaves no part of that batch.
        """
        try:
            self.inner.bulk_load(input=nquads, format=ox.RdfFormat.N_QUADS)
        except OSError as err:
            raise StoreError(f"{self.location}: cannot write article graphs: {err}") from err

    def remove_graph(self, name: URIRef) -> None:
        self.inner.update(f"DROP SILENT GRAPH <{name}>")

    def flush(self) -> None:
        self.inner.flush()

    # -- reading ------------------------------------------------------------------------------
    def article_sha(self, article: URIRef) -> str | None:
        """The sha256 stored for an article, or None when the store does not hold it."""
        found = self.inner.quads_for_pattern(
            ox.NamedNode(str(article)), ox.NamedNode(str(FG.sha256)), None, ox.NamedNode(str(article))
        )
        for quad in found:
            return quad.object.value
        return None

    def query(self, sparql: str) -> Result:
        """Run SPARQL over the union of all graphs; a malformed query raises QueryError."""
        try:
            return self.dataset.query(sparql)
        except SyntaxError as err:
            raise QueryError(f"malformed query: {err}") from err
        except OSError as err:
            raise QueryError(f"query failed: {err}") from err

    def find(self, subject, predicate, obj) -> Iterator[ox.Quad]:
        """The quads of every graph that match a pattern (pyoxigraph terms, None for any)."""
        return iter(self.inner.quads_for_pattern(subject, predicate, obj, None))

    def quads(self) -> Iterator[ox.Quad]:
        return iter(self.inner.quads_for_pattern(None, None, None, None))

    def __len__(self) -> int:
        return len(self.inner)

    def close(self) -> None:
        """Flush and release the store's lock (every reference to the Oxigraph store must go)."""
        if self.inner is None:
            return
        if not self.read_only:
            self.inner.flush()
        self.dataset = None
        self.inner = None
        gc.collect()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_store(location: str | None = None, *, read_only: bool = False, create: bool = True) -> Store:
    """Open the embedded store in DIR; a store in use by a writer is reported, not waited on."""
    location = location or DEFAULT_STORE
    if location.startswith(("http://", "https://")):
        from graph.remote import open_remote_store  # a store kept by a SPARQL 1.1 server

        return open_remote_store(location, read_only=read_only)
    path = Path(location)
    if path.exists() and not path.is_dir():
        raise StoreError(f"{location}: expected a store directory, got a file")
    if not path.exists() and (read_only or not create):
        raise StoreError(f"{location}: no store here (run `forumgraph build PATH --store {location}` first)")
    if not read_only:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)  # --store out/2026/store: make out/2026 too
        except OSError as err:
            raise StoreError(f"{location}: cannot create the store's folder: {err.strerror}") from err
    try:
        inner = ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
    except OSError as err:
        text = str(err)
        if "lock" in text.lower():
            raise StoreError(
                f"{location}: the store is in use by another forumgraph process (a build?); try again when it ends"
            ) from err
        raise StoreError(f"{location}: cannot open the store: {text}") from err
    except RuntimeError as err:
        # RocksDB while another process is still creating the store: "Column family not found"
        raise StoreError(
            f"{location}: the store is being created or changed by another process; try again ({err})"
        ) from err
    store = Store(inner, location, read_only)
    if not read_only:
        store.ensure_ontology()
    return store
