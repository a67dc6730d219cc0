"""Facts to triples: one article's Extraction becomes the triples of its named graph."""

from __future__ import annotations

import re

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from extractors.doc import Extraction, Fact, Value
from graph.store.ids import article_iri, entity_iri, evidence_iri, mention_iri
from graph.store.vocab import FG, SCHEMA

__all__ = ["extraction_triples", "extraction_graph", "Triple", "SUPER_PROPERTIES", "SYMMETRIC"]

Triple = tuple[URIRef, URIRef, URIRef | Literal]

# A sub-property triple is asserted with its super-property, so plain queries need no reasoning.
SUPER_PROPERTIES = {
    "spokeAt": "participatedIn",
    "moderated": "participatedIn",
    "ledDelegationTo": "participatedIn",
}
SYMMETRIC = {"metWith", "agreementWith"}
DATATYPES = {"date": XSD.date, "integer": XSD.integer, "gYear": XSD.gYear, "string": None}
CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


def name_lang(name: str, default: str) -> str:
    """Names written in Cyrillic are Russian; Latin ones English unless the article says otherwise."""
    if CYRILLIC.search(name):
        return "ru"
    return "en" if default == "ru" else (default or "en")


def adapt_value(value: Value) -> Literal:
    if value.lang:
        return Literal(value.text, lang=value.lang)
    datatype = DATATYPES.get(value.datatype, XSD[value.datatype])
    return Literal(value.text, datatype=datatype)


def article_triples(ext: Extraction, node: URIRef) -> list[Triple]:
    art = ext.article
    triples: list[Triple] = [
        (node, RDF.type, FG.Article),
        (node, RDF.type, SCHEMA.NewsArticle),
        (node, FG.sha256, Literal(art.sha256)),
        (node, FG.articleText, Literal(art.text)),
        (node, FG.sourcePath, Literal(art.source)),
    ]
    if art.url:
        triples.append((node, SCHEMA.url, URIRef(art.url)))
    if art.title:
        triples.append((node, SCHEMA.headline, Literal(art.title)))
    if art.date:
        triples.append((node, SCHEMA.datePublished, Literal(art.date, datatype=XSD.date)))
    if art.lang:
        triples.append((node, SCHEMA.inLanguage, Literal(art.lang)))
    if art.encoding:
        triples.append((node, FG.encoding, Literal(art.encoding)))
    return triples


def extraction_triples(ext: Extraction) -> tuple[URIRef, list[Triple]]:
    """The article's graph name and the triples of that graph, duplicates removed, sorted."""
    node, triples, _ = extraction_graph(ext)
    return node, sorted(triples)


def extraction_graph(ext: Extraction) -> tuple[URIRef, set[Triple], dict[str, URIRef]]:
    """The article's graph name, its triples (a set, in no order) and the node of each entity key."""
    art_node = article_iri(ext.article.source)
    lang = ext.article.lang or "ru"
    triples: list[Triple] = article_triples(ext, art_node)
    nodes: dict[str, URIRef] = {}
    for ent in ext.entities:
        node = entity_iri(ent.type, ent.ident or ent.name)
        nodes[ent.key] = node
        triples.append((node, RDF.type, FG[ent.type]))
        triples.extend((node, RDF.type, FG[extra]) for extra in ent.extra_types)
        triples.append((node, RDFS.label, Literal(ent.name, lang=name_lang(ent.name, lang))))
        for alt in ent.alt_names:
            if alt != ent.name:
                triples.append((node, SKOS.altLabel, Literal(alt, lang=name_lang(alt, lang))))
        triples.extend((node, FG.mergeReason, Literal(reason)) for reason in ent.merge_reasons)
        if ent.type != "Position":
            triples.append((node, FG.mentionedIn, art_node))
    for mention in ext.mentions:
        m = mention_iri(art_node, mention.start, mention.stop)
        triples += [
            (m, RDF.type, FG.Mention),
            (m, FG.article, art_node),
            (m, FG.start, Literal(mention.start)),
            (m, FG.end, Literal(mention.stop)),
            (m, FG.text, Literal(mention.text)),
            (m, FG.refersTo, nodes[mention.key]),
        ]
    for fact in ext.facts:
        subject = nodes[fact.subject]
        obj = adapt_value(fact.object) if isinstance(fact.object, Value) else nodes[fact.object]
        predicates = [fact.predicate]
        if fact.predicate in SUPER_PROPERTIES:
            predicates.append(SUPER_PROPERTIES[fact.predicate])
        pairs = [(subject, obj)]
        if fact.predicate in SYMMETRIC:
            pairs.append((obj, subject))
        for name in predicates:
            for s, o in pairs:
                triples.append((s, FG[name], o))
                if fact.evidence is not None:
                    triples += evidence_triples(art_node, s, FG[name], o, fact)
    return art_node, set(triples), nodes


def evidence_triples(art_node: URIRef, s: URIRef, p: URIRef, o, fact: Fact) -> list[Triple]:
    ev = fact.evidence
    node = evidence_iri(art_node, f"{s}|{p}|{o.n3()}|{ev.start}:{ev.stop}")
    return [
        (node, RDF.type, FG.Evidence),
        (node, FG.subject, s),
        (node, FG.predicate, p),
        (node, FG.object, o),
        (node, FG.article, art_node),
        (node, FG.sentence, Literal(ev.sentence)),
        (node, FG.start, Literal(ev.start)),
        (node, FG.end, Literal(ev.stop)),
    ]
