"""The `forumgraph merges` command: merged nodes with their reasons, and near misses kept apart."""

from __future__ import annotations

import json

import click

from graph.cli.options import store_option, user_errors

__all__ = ["merges"]


@click.command()
@store_option
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--near-only", is_flag=True, help="Only the near misses: similar names that were kept apart.")
@user_errors
def merges(store_dir: str, as_json: bool, near_only: bool) -> None:
    """List the nodes that several names were merged into, with the reason of each merge, and the near
    misses: nodes whose names look alike but were kept apart (a surname alone, another first name, an
    abbreviation used in another article). "!" lines flag a person tied to different organisations in
    different articles: maybe two namesakes on one node.

    \b
    Example:
      forumgraph merges --store ./forumgraph-store
      forumgraph merges --near-only --json
    """
    from graph.analyze.merges import merge_report
    from graph.store.embedded import open_store

    with open_store(store_dir, read_only=True) as store:
        report = merge_report(store)
    if near_only:
        report.merged = []
    click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=1) if as_json else report.to_text())
