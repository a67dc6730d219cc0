"""Facts to RDF, and what is done with it: one sub-package per job.

store (the embedded and remote stores, vocabulary, IRIs, SHACL check, export), build (articles into the
store: ingest, worker processes, Dask), serve (the SPARQL endpoint), analyze (networkx projections,
rankings, paths, reports), draw (the HTML picture) and cli (the `forumgraph` commands).
"""
