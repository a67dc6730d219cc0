"""Facts to RDF: the store, queries, analytics, pictures and the command line."""
