"""`forumgraph query`, `export` and `stats`: read the store as SPARQL results, as RDF files, as counts."""

from __future__ import annotations

from pathlib import Path

import click

from graph.cli.options import store_option, user_errors

__all__ = ["export", "query", "stats"]


@click.command()
@click.argument("sparql", required=False)
@click.option(
    "-f", "--file", "query_file", type=click.Path(dir_okay=False), help="Read the query from a .rq file."
)
@store_option
@click.option(
    "--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table", show_default=True
)
@user_errors
def query(sparql: str | None, query_file: str | None, store_dir: str, fmt: str) -> None:
    """Run a SPARQL query over all articles' graphs and the ontology.

    \b
    Example:
      forumgraph query 'SELECT ?name WHERE { ?p a fg:Person ; rdfs:label ?name }'
      forumgraph query -f data/queries/moderators.rq --format csv
    """
    from extractors.errors import InputError
    from graph.store.embedded import open_store
    from graph.store.query import format_result

    if bool(sparql) == bool(query_file):
        raise InputError("give either a query or -f FILE.rq, not both and not neither")
    if query_file:
        try:
            sparql = Path(query_file).read_text(encoding="utf-8")
        except OSError as err:
            raise InputError(f"{query_file}: cannot read: {err.strerror}") from err
    with open_store(store_dir, read_only=True) as store:
        click.echo(format_result(store.query(sparql), fmt))


@click.command()
@store_option
@click.option("-o", "--output", required=True, help="The file to write.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["trig", "nquads", "turtle", "ntriples", "jsonld", "graphml", "gexf"]),
    help="Default: from the extension (.trig .nq .ttl .nt .jsonld .graphml .gexf).",
)
@user_errors
def export(store_dir: str, output: str, fmt: str | None) -> None:
    """Write the whole store as RDF; the same articles give a byte-identical file.

    \b
    Example:
      forumgraph export -o graph.trig
    """
    from graph.store.embedded import open_store
    from graph.store.export import export_store, guess_format

    fmt = guess_format(output, fmt)
    if fmt in ("graphml", "gexf"):
        from graph.analyze.network import export_networkx

        with open_store(store_dir, read_only=True) as store:
            nodes, edges = export_networkx(store, output, fmt)
        click.echo(f"wrote {nodes} nodes and {edges} edges to {output} ({fmt})")
        return
    with open_store(store_dir, read_only=True) as store:
        count = export_store(store, output, fmt)
    click.echo(f"wrote {count} {'triples' if fmt in ('turtle', 'ntriples') else 'quads'} to {output} ({fmt})")


@click.command()
@store_option
@user_errors
def stats(store_dir: str) -> None:
    """Counts of articles, nodes by class and triples by predicate.

    \b
    Example:
      forumgraph stats --store ./forumgraph-store
    """
    from graph.store.embedded import open_store
    from graph.store.stats import store_stats

    with open_store(store_dir, read_only=True) as store:
        click.echo(store_stats(store))
