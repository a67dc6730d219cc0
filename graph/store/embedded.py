"""The on-disk store: Oxigraph through rdflib (oxrdflib), one named graph per article.

The default graph holds the RDF merge of the named graphs (each triple once, however many articles
state it), kept up to date by every write. Queries run on it: Oxigraph's own "union of the named
graphs" counts a triple once per graph that holds it (oxigraph#1919), which inflates COUNTs and makes
joins over often-named nodes grow with the number of articles.
"""

from __future__ import annotations

import gc
import logging
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Dataset, URIRef
from rdflib.query import Result

from extractors.errors import QueryError, StoreError
from graph.store.updates import MERGE_ALL, merge_update, to_ox
from graph.store.vocab import FG, ONTOLOGY_GRAPH, ONTOLOGY_PATH, PREFIXES

__all__ = ["Store", "open_store", "DEFAULT_STORE"]

log = logging.getLogger(__name__)
DEFAULT_STORE = "./forumgraph-store"
GRAPH_NAME = re.compile(r" <[^<>\n]*> \.\n")  # the graph of an N-Quads line: a literal holds no raw newline
DEFAULT = ox.DefaultGraph()


def merge_lines(nquads: str) -> str:
    """N-Quads lines as triples of the default graph (their graph names dropped)."""
    return GRAPH_NAME.sub(" .\n", nquads)


class Store:
    """A forumgraph store: article graphs, the ontology graph, SPARQL over their merge."""

    def __init__(self, inner: ox.Store, location: str, read_only: bool):
        self.inner = inner
        self.location = location
        self.read_only = read_only
        # a store written before the merge existed is upgraded when opened for writing; read-only,
        # it is queried over the union of its graphs, as then
        self.merged = not self.needs_merge()
        self.dataset = self.make_dataset()

    def make_dataset(self) -> Dataset:
        """rdflib's view of the store: its default graph, or the union for an older store not merged yet."""
        dataset = Dataset(store=OxigraphStore(store=self.inner), default_union=not self.merged)
        for prefix, ns in PREFIXES.items():
            dataset.bind(prefix, ns)
        return dataset

    def needs_merge(self) -> bool:
        """True for a store with named graphs and an empty default graph (made by forumgraph < 0.2)."""
        if next(iter(self.inner.quads_for_pattern(None, None, None, DEFAULT)), None) is not None:
            return False
        return next(iter(self.inner.quads_for_pattern(None, None, None, None)), None) is not None

    # -- writing ------------------------------------------------------------------------------
    def upgrade(self) -> None:
        """Build the default graph of an older store from its named graphs, in one transaction."""
        if self.merged:
            return
        log.warning("%s: built by an older forumgraph; adding the merged default graph (once)", self.location)
        self.rebuild_merge()
        self.merged = True
        self.dataset = self.make_dataset()

    def rebuild_merge(self) -> None:
        """The default graph made again from the named graphs, in one transaction."""
        self.inner.update(f"DROP SILENT DEFAULT ;\n{MERGE_ALL}")

    def merge_drift(self) -> tuple[int, int]:
        """(triples of the named graphs missing from the default graph, triples only the default graph has)."""
        counts = []
        for sparql in (
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER NOT EXISTS { ?s ?p ?o } }",
            "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }",
        ):
            counts.append(int(next(iter(self.inner.query(sparql)))["n"].value))
        return counts[0], counts[1]

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
        """Put `triples` into graph `name`, replacing what it held, and the merge with it: one transaction."""
        graph = ox.NamedNode(str(name))
        if raw:
            triples = [ox.Triple(s, p, o) for s, p, o in triples]
        else:
            triples = [ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in triples]
        try:
            if not self.inner.contains_named_graph(graph):
                quads = [ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples]
                self.inner.extend(
                    quads + [ox.Quad(t.subject, t.predicate, t.object, DEFAULT) for t in triples]
                )
                return
            # one update: a crash leaves either the old graph or the new one, and the merge to match
            body = "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in triples)
            self.inner.update(
                f"{merge_update(graph)} ;\nDROP SILENT GRAPH {graph} ;\n"
                f"INSERT DATA {{ GRAPH {graph} {{\n{body}\n}}\n{body}\n}}"
            )
        except OSError as err:
            raise StoreError(f"{self.location}: cannot write graph {name}: {err}") from err

    def add_graphs(self, nquads: str) -> None:
        """Add new article graphs given as N-Quads, many at once (the ingest's batches), and their merge.

        Oxigraph's bulk loader writes sorted index files and adds them to the store in one step: about
        three times faster than a transaction, and as atomic for a batch under its chunk size (a
        million quads): a build killed mid-batch leaves no part of that batch.
        """
        try:
            self.inner.bulk_load(input=nquads + merge_lines(nquads), format=ox.RdfFormat.N_QUADS)
        except OSError as err:
            raise StoreError(f"{self.location}: cannot write article graphs: {err}") from err

    def remove_graph(self, name: URIRef) -> None:
        graph = ox.NamedNode(str(name))
        self.inner.update(f"{merge_update(graph)} ;\nDROP SILENT GRAPH {graph}")

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
        """Run SPARQL over the merge of all graphs (GRAPH ?g reaches each); malformed: QueryError."""
        try:
            return self.dataset.query(sparql)
        except SyntaxError as err:
            raise QueryError(f"malformed query: {err}") from err
        except OSError as err:
            raise QueryError(f"query failed: {err}") from err

    def find(self, subject, predicate, obj) -> Iterator[ox.Quad]:
        """The quads of the named graphs that match a pattern (pyoxigraph terms, None for any)."""
        found = self.inner.quads_for_pattern(subject, predicate, obj, None)
        return (q for q in found if not isinstance(q.graph_name, ox.DefaultGraph))

    def quads(self) -> Iterator[ox.Quad]:
        """Every quad of the named graphs (the merged default graph is derived from them)."""
        return self.find(None, None, None)

    def __len__(self) -> int:
        """Quads in the named graphs."""
        return len(self.inner) - sum(1 for _ in self.inner.quads_for_pattern(None, None, None, DEFAULT))

    def close(self) -> None:
        """Flush and release the store's lock (every reference to the Oxigraph store must go)."""
        if self.inner is None:
            return
        if not self.read_only:
            self.inner.flush()
        self.dataset = None
        self.inner = None
        # the Russian extractor freezes what lives as long as the process (extractors/ru/extract.py);
        # a store opened before it is among those, so unfreeze for the collection to reach it
        gc.unfreeze()
        gc.collect()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_store(location: str | None = None, *, read_only: bool = False, create: bool = True) -> Store:
    """Open the embedded store in DIR; a store in use by a writer is reported, not waited on."""
    location = location or DEFAULT_STORE
    if location.startswith(("http://", "https://")):
        from graph.store.remote import open_remote_store  # a store kept by a SPARQL 1.1 server

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
        store.upgrade()
        store.ensure_ontology()
    elif not store.merged:
        log.warning(
            "%s: built by an older forumgraph; open it once for writing (a build) to upgrade", location
        )
    return store
