"""Build: read articles lazily, skip the unchanged by sha256, extract them, write their graphs in batches."""

from __future__ import annotations

import logging
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_futures
from dataclasses import dataclass, field
from dataclasses import replace as replace_payload

import pyoxigraph as ox

from extractors.doc import Article
from extractors.read import DEFAULT_MAX_CHARS, Skipped, load_articles
from graph.build.namesakes import Namesakes
from graph.build.payload import Extract, Payload, extract_or_skip, limit_blas_threads, make_payload
from graph.build.syncpoint import reached
from graph.store.embedded import Store
from graph.store.ids import article_iri

__all__ = [
    "BuildSummary",
    "Payload",
    "GraphWriter",
    "build_into",
    "make_payload",
    "extract_or_skip",
    "limit_blas_threads",
]

log = logging.getLogger(__name__)

BATCH_ARTICLES = int(os.environ.get("FORUMGRAPH_BATCH_ARTICLES", "256"))  # new graphs per transaction
BATCH_BYTES = 16_000_000  # ... or fewer, when their N-Quads reach this size
BATCH_SECONDS = 5.0  # ... or fewer, so a long build's progress reaches the disk


@dataclass
class BuildSummary:
    read: int = 0
    stored: int = 0
    replaced: int = 0
    unchanged: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    entities: int = 0
    triples: int = 0
    seconds: float = 0.0
    languages: Counter = field(default_factory=Counter)

    @property
    def ok(self) -> bool:
        return not self.skipped


class GraphWriter:
    """Writes payloads in arrival order: new graphs batched, changed ones one by one.

    On the embedded store a batch is written by a thread of its own (Oxigraph's bulk loader lets go
    of the GIL), so the next articles are extracted meanwhile; one batch at most is in flight, and
    a graph counts as written (`on_written`) only once its batch is in the store.
    """

    def __init__(self, store: Store, on_written: Callable[[str], None] = lambda graph: None):
        self.store = store
        self.on_written = on_written
        self.bulk = getattr(store, "add_graphs", None)  # the embedded store; a server gets one update each
        self.namesakes = Namesakes(store)
        self.batch: list[Payload] = []
        self.size = 0
        self.since = 0.0
        self.pool = ThreadPoolExecutor(1, thread_name_prefix="forumgraph-writer") if self.bulk else None
        self.in_flight: tuple[Future, list[Payload]] | None = None
        self.stored = 0  # graphs this writer has put in the store (test sync points count them)

    def write(self, payload: Payload, replace: bool) -> None:
        if replace or self.bulk is None:
            self.flush()  # an earlier version of the same graph may wait in the batch
            self.wait()
        if payload.persons:
            nquads = self.namesakes.apply(payload.graph, payload.nquads, payload.persons)
            added = nquads.count("\n") - payload.nquads.count("\n")
            payload = replace_payload(payload, nquads=nquads, triples=payload.triples + added)
        if replace or self.bulk is None:
            quads = ox.parse(payload.nquads, ox.RdfFormat.N_QUADS)
            self.store.replace_graph(
                payload.graph, ((q.subject, q.predicate, q.object) for q in quads), raw=True
            )
            self.namesakes.handed_over()
            self.namesakes.written()
            self.on_written(payload.graph)
            self.stored += 1
            reached(f"stored {self.stored}")
            return
        if not self.batch:
            self.since = time.monotonic()
        self.batch.append(payload)
        self.size += len(payload.nquads)
        if (
            len(self.batch) >= BATCH_ARTICLES
            or self.size >= BATCH_BYTES
            or time.monotonic() - self.since >= BATCH_SECONDS
        ):
            self.flush()

    def flush(self) -> None:
        """Hand the batch to the writing thread, once the batch before it is in the store."""
        if not self.batch:
            return
        self.wait()
        reached(f"batch {self.stored + len(self.batch)}")
        self.namesakes.handed_over()
        future = self.pool.submit(self.bulk, "".join(p.nquads for p in self.batch))
        self.in_flight = (future, self.batch)
        self.batch, self.size = [], 0

    def wait(self) -> None:
        """Until the batch in flight is in the store; its writing error, if any, raised here."""
        if self.in_flight is None:
            return
        future, batch = self.in_flight
        self.in_flight = None
        future.result()
        self.namesakes.written()
        for payload in batch:
            self.on_written(payload.graph)
        self.stored += len(batch)
        reached(f"stored {self.stored}")

    def close(self) -> None:
        """Everything written."""
        self.flush()
        self.wait()

    def stop(self) -> None:
        """Ends the writing thread; a batch it is writing (after an error elsewhere) still lands whole."""
        if self.in_flight is not None:
            wait_futures([self.in_flight[0]])
        if self.pool is not None:
            self.pool.shutdown(wait=True)


@dataclass(frozen=True)
class Job:
    """An article to extract, and whether its graph replaces one stored (or about to be)."""

    article: Article
    graph: str
    replace: bool


def run_here(extract: Extract) -> Callable[[Iterator[Job]], Iterator[tuple[Job, Payload | Skipped]]]:
    """The engine of `--jobs 1`: extract in this process, one article after the other."""

    def run(jobs: Iterator[Job]) -> Iterator[tuple[Job, Payload | Skipped]]:
        for job in jobs:
            yield job, extract_or_skip(job.article, extract)

    return run


def build_into(
    store: Store,
    paths: Iterable[str],
    extract: Extract,
    *,
    max_bytes: int,
    max_chars: int = DEFAULT_MAX_CHARS,
    on_item: Callable[[Article | Skipped], None] | None = None,
    jobs: int = 1,
    dask: str | None = None,
    article_timeout: float | None = None,
    warm: Callable[[], object] | None = None,
) -> BuildSummary:
    """Read every article under `paths`; extract and store the new and changed ones.

    `jobs` > 1 (or an `article_timeout` with `jobs` 1) extracts in worker processes, `dask` on a Dask
    cluster ("local" or a scheduler address); articles are written in reading order either way, so the
    store ends the same. `warm` runs once in each worker before its first article (model loading).
    """
    summary = BuildSummary()
    started = time.perf_counter()
    # graphs handed to the engine and not yet written: a source read twice must see its first version
    pending: dict[str, list[str]] = {}

    def written(graph: str) -> None:
        shas = pending[graph]
        shas.pop(0)
        if not shas:
            del pending[graph]

    def todo() -> Iterator[Job]:
        for item in load_articles(paths, max_bytes=max_bytes, max_chars=max_chars):
            if on_item:
                on_item(item)
            if isinstance(item, Skipped):
                log.warning("%s", item)
                summary.skipped.append(item)
                continue
            summary.read += 1
            summary.languages[item.lang or "unknown"] += 1
            node = article_iri(item.source)
            graph = str(node)
            stored = pending[graph][-1] if graph in pending else store.article_sha(node)
            if stored == item.sha256:
                summary.unchanged += 1
                continue
            pending.setdefault(graph, []).append(item.sha256)
            yield Job(item, graph, stored is not None)

    engine, close = make_engine(extract, jobs=jobs, dask=dask, article_timeout=article_timeout, warm=warm)
    writer = GraphWriter(store, written)
    try:
        for job, result in engine(todo()):
            if isinstance(result, Skipped):
                log.warning("%s", result)
                summary.skipped.append(result)
                written(job.graph)
                continue
            writer.write(result, job.replace)
            summary.stored += 1
            summary.replaced += job.replace
            summary.entities += result.entities
            summary.triples += result.triples
        writer.close()
    finally:
        writer.stop()
        close()
    store.flush()
    summary.seconds = time.perf_counter() - started
    return summary


def make_engine(
    extract: Extract,
    *,
    jobs: int,
    dask: str | None,
    article_timeout: float | None,
    warm: Callable[[], object] | None,
) -> tuple[Callable[[Iterator[Job]], Iterator[tuple[Job, Payload | Skipped]]], Callable[[], None]]:
    """The engine that turns jobs into payloads, in order, and how to shut it down."""
    if dask:
        from graph.build.distributed import DaskEngine

        engine = DaskEngine(dask, extract, workers=jobs, timeout=article_timeout, warm=warm)
        return engine.run, engine.close
    if jobs > 1 or article_timeout:
        from graph.build.workers import WorkerPool

        pool = WorkerPool(extract, jobs=max(jobs, 1), timeout=article_timeout, warm=warm)
        return pool.run, pool.close
    limit_blas_threads()
    return run_here(extract), lambda: None
