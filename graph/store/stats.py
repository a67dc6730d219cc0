"""Counts by class and by predicate, for `forumgraph stats`."""

from __future__ import annotations

from graph.store.embedded import Store
from graph.store.query import short, table
from graph.store.vocab import ONTOLOGY_GRAPH

__all__ = ["store_stats"]

CLASSES = f"""
SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE {{
  GRAPH ?g {{ ?s a ?class }} FILTER (?g != <{ONTOLOGY_GRAPH}>)
}} GROUP BY ?class ORDER BY DESC(?n) ?class
"""
PREDICATES = f"""
SELECT ?predicate (COUNT(*) AS ?n) WHERE {{
  GRAPH ?g {{ ?s ?predicate ?o }} FILTER (?g != <{ONTOLOGY_GRAPH}>)
}} GROUP BY ?predicate ORDER BY DESC(?n) ?predicate
"""


def store_stats(store: Store) -> str:
    """A readable report of what the store holds."""
    parts = [f"store: {store.location}", f"quads: {len(store)}"]
    for title, sparql, head in (("classes", CLASSES, "class"), ("predicates", PREDICATES, "predicate")):
        rows = [[short(row[0]), str(row[1])] for row in store.query(sparql)]
        parts.append(f"\n{title}:\n" + table([head, "count"], rows))
    return "\n".join(parts)
