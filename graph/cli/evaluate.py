"""`forumgraph evaluate`: precision, recall and F1 of the extraction pipeline against annotated gold."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import click

from extractors.errors import ForumGraphError

__all__ = ["evaluate", "load_extract"]


def load_extract(model: str | None = None, mode: str = "rules") -> Callable:
    """The real pipeline's extract function; imported here so `--help` and the tests need no models."""
    from extractors.pipeline import Pipeline

    return Pipeline(model, mode).extract


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
@click.option(
    "--mode",
    type=click.Choice(["rules", "model", "both", "all"]),
    default="rules",
    show_default=True,
    help="Rules alone, the learned model alone (for person–organisation and person–post; event pairs as "
    "in both), both, "
    "or all three in one report.",
)
@click.option(
    "--model",
    type=click.Path(dir_okay=False),
    help="The learned layer's model file (from `forumgraph train`) [default: the shipped one]; implies "
    "--mode all unless --mode is given.",
)
def evaluate(
    gold: Path,
    as_json: bool,
    limit: int | None,
    errors_file: Path | None,
    mapping: str | None,
    mode: str,
    model: str | None,
) -> None:
    """Score the extraction pipeline against GOLD: a JSONL file or a folder of BRAT .txt + .ann files."""
    from extractors import evaluate as scoring  # imported here: the CLI start-up stays fast

    try:
        docs = scoring.load_gold(gold)
        rules = scoring.load_mapping(mapping) if mapping else scoring.guess_mapping(docs)
        if model is not None and click.get_current_context().get_parameter_source("mode").name == "DEFAULT":
            mode = "all"
        modes = ("rules", "model", "both") if mode == "all" else (mode,)
        if mode != "rules":
            from extractors.learn.model import load_model

            load_model(model)  # a bad model file is one line now, not a failure per document
        reports = {}
        for one in modes:
            try:
                extract = load_extract(model, one)
            except ModuleNotFoundError as err:
                if err.name != "extractors.pipeline":
                    raise
                raise click.ClickException(
                    "the extraction pipeline (extractors.pipeline) is not available"
                ) from err
            reports[one] = scoring.evaluate(
                docs, extract, mapping=rules, limit=limit, progress=sys.stderr.isatty()
            )
    except ForumGraphError as err:
        raise click.ClickException(str(err)) from err
    report = reports[modes[-1]]
    if errors_file is not None:
        try:
            errors_file.write_text(report.errors_text(), encoding="utf-8")
        except OSError as err:
            raise click.ClickException(
                f"{errors_file}: cannot write the errors: {err.strerror or err}"
            ) from err
    if len(reports) > 1:
        if as_json:
            click.echo(json.dumps({k: r.to_json() for k, r in reports.items()}, ensure_ascii=False, indent=2))
        else:
            click.echo("\n\n".join(f"== {k}\n{r.to_text()}" for k, r in reports.items()))
        return
    click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2) if as_json else report.to_text())
