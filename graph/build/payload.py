"""One article extracted where it runs (this process, a worker, a Dask task) into its graph's N-Quads."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from dataclasses import dataclass

import pyoxigraph as ox

from extractors.doc import Article, Extraction
from extractors.read import Skipped
from graph.build.namesakes import PersonContext, person_contexts
from graph.build.triples import extraction_graph
from graph.store.updates import to_ox

__all__ = ["Extract", "Payload", "extract_or_skip", "limit_blas_threads", "make_payload"]

log = logging.getLogger(__name__)

Extract = Callable[[Article], Extraction]


@dataclass(frozen=True)
class Payload:
    """One article's graph ready to store, made where the extraction ran: N-Quads, one line a quad."""

    graph: str  # the article's IRI, which names its graph
    nquads: str
    triples: int
    entities: int
    persons: tuple[PersonContext, ...] = ()  # what tells namesakes apart (graph/build/namesakes.py)


def make_payload(article: Article, extract: Extract) -> Payload:
    """Extract one article and serialise its graph (sorted lines, so the text is deterministic)."""
    ext = extract(article)
    graph, triples, nodes = extraction_graph(ext)
    name = str(ox.NamedNode(str(graph)))
    terms: dict = {}  # subjects and predicates repeat: convert each term once

    def nt(term) -> str:
        text = terms.get(term)
        if text is None:
            text = terms[term] = str(to_ox(term))
        return text

    nquads = "".join(sorted(f"{nt(s)} {nt(p)} {nt(o)} {name} .\n" for s, p, o in triples))
    contexts = person_contexts(ext, {key: str(node) for key, node in nodes.items()})
    return Payload(str(graph), nquads, len(triples), len(ext.entities), contexts)


def extract_or_skip(article: Article, extract: Extract) -> Payload | Skipped:
    """make_payload, with an extractor's failure turned into one skipped article instead of a lost build."""
    try:
        return make_payload(article, extract)
    except Exception as err:  # noqa: BLE001 - any bug in any extractor: name the article, go on with the rest
        log.debug("%s: extraction failed\n%s", article.source, traceback.format_exc())
        return Skipped(article.path or article.source, f"extraction failed: {type(err).__name__}: {err}")


def limit_blas_threads() -> None:
    """One BLAS thread per process, unless the user says otherwise.

    natasha's models multiply small matrices; OpenBLAS's threads then mostly wait for each other
    (natasha ran 3-5 times faster single-threaded on a 2-core machine), and worker processes are
    the better way to use several cores. Takes effect only before numpy is first imported.
    """
    import os
    import sys

    if "numpy" not in sys.modules:
        for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ.setdefault(name, "1")
