"""The store and its contract: the embedded Oxigraph store and a SPARQL server behind the same
interface, the ontology's vocabulary and IRIs, the SHACL check, query results, export and counts.

The ontology (ontology.ttl) and the SHACL shapes (shapes.ttl) sit beside the modules that read them.
"""
