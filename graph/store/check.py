"""Validation of a store against the shipped SHACL shapes, reported in plain words."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import RDFS, SH

from graph.store.embedded import Store
from graph.store.vocab import FG, ONTOLOGY_GRAPH, PREFIXES

__all__ = ["SHAPES_PATH", "Violation", "CheckReport", "check_store", "load_shapes"]

log = logging.getLogger(__name__)

SHAPES_PATH = Path(__file__).resolve().parent / "shapes.ttl"
# Longest namespace first, so that fgr: is not read as a prefix of something longer.
NAMESPACES = sorted(((ns, prefix) for prefix, ns in PREFIXES.items()), key=lambda item: -len(item[0]))
FULL_IRI = re.compile(r"https?://[^\s<>\"{}|\\^`]+")


@dataclass(frozen=True, order=True)
class Violation:
    """One broken rule: the node (by label or IRI), what is wrong, and the article files it comes from."""

    node: str
    message: str
    files: tuple[str, ...] = ()

    def __str__(self) -> str:
        where = ", ".join(self.files) if self.files else "in no article graph"
        return f"{self.node}: {self.message} [{where}]"


@dataclass
class CheckReport:
    nodes: int = 0
    violations: list[Violation] = field(default_factory=list)
    warnings: list[Violation] = field(default_factory=list)  # sh:Warning results: reported, not failing

    @property
    def ok(self) -> bool:
        return not self.violations


def compact(iri: str) -> str:
    """`https://w3id.org/forumgraph/ontology#role` -> `fg:role`; unknown namespaces stay whole."""
    for ns, prefix in NAMESPACES:
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns) :]}"
    return f"<{iri}>"


def load_shapes() -> Graph:
    return Graph().parse(SHAPES_PATH, format="turtle")


@contextmanager
def _quiet_rdflib_terms() -> Iterator[None]:
    # rdflib logs a traceback for every ill-typed literal it meets; the shapes report them instead.
    logger = logging.getLogger("rdflib.term")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def check_store(store: Store) -> CheckReport:
    """Validate the union of the store's graphs; pyshacl reads the Oxigraph store in place (no copy)."""
    import pyshacl  # slow to import: only when checking

    with _quiet_rdflib_terms():
        _, results, _ = pyshacl.validate(store.inner, shacl_graph=load_shapes(), inference="none")
    report = CheckReport(nodes=_count_nodes(store))
    found, warned = set(), set()
    missing, extra = store.merge_drift() if store.merged else (0, 0)
    if missing or extra:  # the shapes read the merge: one out of date hides or invents violations
        message = (
            f"the default graph is not the merge of the article graphs: {missing} of their triples "
            f"missing, {extra} it alone holds (a SPARQL update that bypassed forumgraph?); "
            "`forumgraph check --repair-merge` rebuilds it"
        )
        found.add(Violation("default graph", message, ("store",)))
    for result in results.subjects(SH.focusNode, None):
        focus = results.value(result, SH.focusNode)
        message = str(results.value(result, SH.resultMessage) or _fallback_message(results, result))
        message, named = _plain_words(store, message)
        bucket = warned if results.value(result, SH.resultSeverity) == SH.Warning else found
        bucket.add(Violation(_name(store, focus), message, named or _files(store, focus)))
    report.violations = sorted(found)
    report.warnings = sorted(warned)
    return report


def _fallback_message(results: Graph, result) -> str:
    # every shape in shapes.ttl has a message; this covers shapes added without one
    path = results.value(result, SH.resultPath)
    component = results.value(result, SH.sourceConstraintComponent)
    what = compact(str(component)) if component else "a constraint"
    return f"fails {what}" + (f" on {compact(str(path))}" if isinstance(path, URIRef) else "")


def _count_nodes(store: Store) -> int:
    found = store.inner.query("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    for solution in found:
        return int(solution["n"].value)
    return 0


def _name(store: Store, focus) -> str:
    """The node's label (or a mention's text) and its IRI, so it can be found and read."""
    if not isinstance(focus, URIRef):
        return str(focus)
    node = ox.NamedNode(str(focus))
    for predicate in (RDFS.label, FG.text):
        labels = sorted(
            q.object.value for q in store.inner.quads_for_pattern(node, ox.NamedNode(str(predicate)), None)
        )
        if labels:
            return f"“{labels[0]}” {compact(str(focus))}"
    return compact(str(focus))


def _plain_words(store: Store, message: str) -> tuple[str, tuple[str, ...]]:
    """IRIs in a message in prefixed form; an article graph's IRI becomes its file, which is returned too."""
    named: list[str] = []

    def replace(match: re.Match[str]) -> str:
        try:
            source = _source(store, ox.NamedNode(match[0]))
        except ValueError:  # a literal value that only looks like an IRI
            source = None
        if source is None:
            return compact(match[0])
        named.append(source)
        return source

    return FULL_IRI.sub(replace, message), tuple(sorted(set(named)))


def _source(store: Store, graph: ox.NamedNode) -> str | None:
    for quad in store.inner.quads_for_pattern(graph, ox.NamedNode(str(FG.sourcePath)), None, graph):
        return quad.object.value
    return None


def _files(store: Store, focus) -> tuple[str, ...]:
    """The source files of the article graphs that say something about the node."""
    if not isinstance(focus, URIRef):
        return ()
    graphs = {q.graph_name for q in store.inner.quads_for_pattern(ox.NamedNode(str(focus)), None, None, None)}
    files = set()
    for graph in graphs:
        if not isinstance(graph, ox.NamedNode):
            continue  # the merged default graph: derived from the graphs listed
        if graph.value == str(ONTOLOGY_GRAPH):
            files.add("ontology")
        else:
            files.add(_source(store, graph) or f"graph {compact(graph.value)}")
    return tuple(sorted(files))
