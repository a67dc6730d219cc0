"""The forumgraph vocabulary: the FG namespace, instance namespace FGR, and the prefixes."""

from __future__ import annotations

from pathlib import Path

from rdflib import Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD, DefinedNamespace

__all__ = ["FG", "FGR", "SCHEMA", "PROV", "PREFIXES", "ONTOLOGY_PATH", "ONTOLOGY_GRAPH"]


class FG(DefinedNamespace):
    """forumgraph ontology terms; a misspelt term fails at once."""

    _fail = True
    _NS = Namespace("https://w3id.org/forumgraph/ontology#")

    Person: URIRef
    Official: URIRef
    Organization: URIRef
    University: URIRef
    GovernmentBody: URIRef
    Company: URIRef
    Place: URIRef
    Event: URIRef
    Forum: URIRef
    Exhibition: URIRef
    Congress: URIRef
    Conference: URIRef
    Session: URIRef
    RoundTable: URIRef
    Meeting: URIRef
    EventSeries: URIRef
    Position: URIRef
    Article: URIRef
    Mention: URIRef
    Evidence: URIRef

    holdsPosition: URIRef
    role: URIRef
    organization: URIRef
    affiliatedWith: URIRef
    founderOf: URIRef
    participatedIn: URIRef
    spokeAt: URIRef
    moderated: URIRef
    ledDelegationTo: URIRef
    organizedBy: URIRef
    heldIn: URIRef
    startDate: URIRef
    endDate: URIRef
    startPeriod: URIRef
    endPeriod: URIRef
    partOf: URIRef
    editionOf: URIRef
    editionNumber: URIRef
    year: URIRef
    metWith: URIRef
    agreementWith: URIRef
    mentionedIn: URIRef

    sourcePath: URIRef
    sha256: URIRef
    articleText: URIRef
    encoding: URIRef
    article: URIRef
    start: URIRef
    end: URIRef
    text: URIRef
    refersTo: URIRef
    subject: URIRef
    predicate: URIRef
    object: URIRef
    sentence: URIRef
    mergeReason: URIRef
    namesakeOf: URIRef
    namesakeReason: URIRef


FGR = Namespace("https://w3id.org/forumgraph/id/")
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")

PREFIXES = {
    "fg": str(FG._NS),
    "fgr": str(FGR),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "skos": str(SKOS),
    "xsd": str(XSD),
    "schema": str(SCHEMA),
    "prov": str(PROV),
}

ONTOLOGY_PATH = Path(__file__).resolve().parent / "ontology.ttl"
ONTOLOGY_GRAPH = FGR["ontology"]
