"""`forumgraph evaluate`: precision, recall and F1 of the extraction pipeline against annotated gold."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import click

from extractors.errors import ForumGraphError

__all__ = ["evaluate", "load_extract"]


def load_extract() -> Callable:
    """The real pipeline's extract function; imported here so `--help` and the tests need no models."""
    from extractors.pipeline import Pipeline

    return Pipeline().extract


@click.command("evaluate")
@click.argument("gold", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--limit", type=click.IntRange(min=1), help="Score only the first N documents.")
@click.option(
    "--errors",
    "errors_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write every false positive and false negative, with its sentence, to FILE.",
)
@click.option(
    "--mapping",
    help="Mapping file of gold types (or a shipped one: nerel, factrueval, conll04); guessed by default.",
)
def evaluate(
    gold: Path, as_json: bool, limit: int | None, errors_file: Path | None, mapping: str | None
) -> None:
    """Score the extraction pipeline against GOLD: a JSONL file or a folder of BRAT .txt + .ann files."""
    from extractors import evaluate as scoring  # imported here: the CLI start-up stays fast

    try:
        docs = scoring.load_gold(gold)
        rules = scoring.load_mapping(mapping) if mapping else scoring.guess_mapping(docs)
        try:
            extract = load_extract()
        except ModuleNotFoundError as err:
            if err.name != "extractors.pipeline":
                raise
            raise click.ClickException(
                "the extraction pipeline (extractors.pipeline) is not available"
            ) from err
        report = scoring.evaluate(docs, extract, mapping=rules, limit=limit, progress=sys.stderr.isatty())
    except ForumGraphError as err:
        raise click.ClickException(str(err)) from err
    if errors_file is not None:
        try:
            errors_file.write_text(report.errors_text(), encoding="utf-8")
        except OSError as err:
            raise click.ClickException(
                f"{errors_file}: cannot write the errors: {err.strerror or err}"
            ) from err
    click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2) if as_json else report.to_text())
