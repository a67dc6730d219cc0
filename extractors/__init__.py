"""Articles to facts: reading, entity and relation extraction. Knows nothing of RDF."""
