"""Articles into the store: facts as triples, one article's payload, the batched ingest, namesakes kept
apart across articles, and the engines that extract in parallel (worker processes, a Dask cluster)."""
