"""Build: read articles, extract facts, write each article's graph into the store."""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from extractors.doc import Article, Extraction
from extractors.read import Skipped, load_articles
from graph.build import extraction_triples
from graph.ids import article_iri
from graph.store import Store

__all__ = ["BuildSummary", "build_into"]

log = logging.getLogger(__name__)


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


def build_into(
    store: Store,
    paths: Iterable[str],
    extract: Callable[[Article], Extraction],
    *,
    max_bytes: int,
    on_item: Callable[[Article | Skipped], None] | None = None,
) -> BuildSummary:
    """Read every article under `paths`; extract and store the new and changed ones, one transaction each."""
    summary = BuildSummary()
    started = time.perf_counter()
    for item in load_articles(paths, max_bytes=max_bytes):
        if on_item:
            on_item(item)
        if isinstance(item, Skipped):
            log.warning("%s", item)
            summary.skipped.append(item)
            continue
        summary.read += 1
        summary.languages[item.lang or "unknown"] += 1
        node = article_iri(item.source)
        stored = store.article_sha(node)
        if stored == item.sha256:
            summary.unchanged += 1
            continue
        ext = extract(item)
        graph, triples = extraction_triples(ext)
        store.replace_graph(graph, triples)
        summary.stored += 1
        summary.replaced += stored is not None
        summary.entities += len(ext.entities)
        summary.triples += len(triples)
    store.flush()
    summary.seconds = time.perf_counter() - started
    return summary
