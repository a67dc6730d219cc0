"""The store as a SPARQL 1.1 endpoint: Oxigraph's own server, behind a proxy that refuses federated calls."""
