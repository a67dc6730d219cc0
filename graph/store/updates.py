"""What both stores write with: the updates that keep the merged default graph, rdflib terms as pyoxigraph's."""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

__all__ = ["MERGE_ALL", "merge_update", "to_ox"]

# the default graph made from the named graphs (the stores of an older forumgraph have none)
MERGE_ALL = "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


def merge_update(graph: ox.NamedNode) -> str:
    """SPARQL that takes out of the default graph the triples only `graph` states."""
    return (
        f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} "
        f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER (?other != {graph}) }} }}"
    )


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
