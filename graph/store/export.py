"""Exports of the whole store in standard RDF formats, byte-identical for the same content."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from extractors.errors import InputError
from graph.store.embedded import Store
from graph.store.vocab import PREFIXES

__all__ = ["FORMATS", "export_store", "guess_format"]

FORMATS = {
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}
EXTENSIONS = {
    ".trig": "trig",
    ".nq": "nquads",
    ".ttl": "turtle",
    ".nt": "ntriples",
    ".jsonld": "jsonld",
    ".json": "jsonld",
    ".graphml": "graphml",
    ".gexf": "gexf",
}
GRAPHLESS = {"turtle", "ntriples"}


def guess_format(path: str, fmt: str | None) -> str:
    if fmt:
        return fmt
    suffix = Path(path).suffix.lower()
    if suffix not in EXTENSIONS:
        known = ", ".join(sorted(EXTENSIONS))
        raise InputError(
            f"{path}: cannot tell the format from the extension {suffix or '(none)'}; use --format or one of {known}"
        )
    return EXTENSIONS[suffix]


def export_store(store: Store, path: str, fmt: str) -> int:
    """Write every quad, sorted, so the same store content gives the same bytes; returns the count."""
    quads = sorted(
        store.quads(), key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object))
    )
    if fmt in GRAPHLESS:
        items = sorted({ox.Triple(q.subject, q.predicate, q.object) for q in quads}, key=str)
    else:
        items = quads
    prefixes = None if fmt in ("nquads", "ntriples", "jsonld") else PREFIXES
    tmp = Path(f"{path}.tmp")
    ox.serialize(items, str(tmp), FORMATS[fmt], prefixes=prefixes)
    tmp.replace(path)  # a reader never sees a half-written export
    return len(items)
