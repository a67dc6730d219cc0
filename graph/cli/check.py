"""The `forumgraph check` command: validate the store against the SHACL shapes."""

from __future__ import annotations

import sys

import click

from graph.cli.options import store_option, user_errors

__all__ = ["check"]


@click.command()
@store_option
@click.option(
    "--repair-merge",
    is_flag=True,
    help="First rebuild the default graph (the merge of the article graphs) from the article graphs.",
)
@user_errors
def check(store_dir: str, repair_merge: bool) -> None:
    """Validate the store against the ontology's SHACL shapes (graph/shapes.ttl).

    One line per violation: the node's name, what is wrong, and the article files it comes from.
    The exit status is 1 when there is any violation. Positions need a role and an organisation;
    every relation needs its evidence sentence; dates are xsd:date and events end after they start;
    mentions and evidence point into their article's text; articles carry their text and its hash;
    the default graph is the merge of the article graphs (--repair-merge rebuilds it).

    \b
    Example:
      forumgraph check --store ./forumgraph-store
    """
    from graph.store.check import check_store
    from graph.store.embedded import open_store

    if repair_merge:
        with open_store(store_dir, create=False) as store:
            store.rebuild_merge()
            click.echo(f"rebuilt the default graph of {store_dir} from its article graphs", err=True)
    with open_store(store_dir, read_only=True) as store:
        report = check_store(store)
    for warning in report.warnings:
        click.echo(f"warning: {warning}")
    for violation in report.violations:
        click.echo(str(violation))
    if report.violations:
        count = len(report.violations)
        click.echo(f"{count} violation{'s' if count > 1 else ''} in {report.nodes} nodes", err=True)
        sys.exit(1)
    click.echo(f"no violations in {report.nodes} nodes")
