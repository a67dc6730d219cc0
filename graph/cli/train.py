"""`forumgraph train`: fit the learned extraction layer on annotated gold and write a model file."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from extractors.errors import ForumGraphError

__all__ = ["train"]


@click.command("train")
@click.argument("gold", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path), help="The model file."
)
@click.option(
    "--mapping", help="Mapping file of gold types (or a shipped one: nerel, factrueval); guessed per file."
)
@click.option("--seed", default=0, show_default=True, help="The classifier's random seed.")
@click.option(
    "--veto/--no-veto",
    default=True,
    show_default=True,
    help="Let the model drop the rules' person–organisation and person–post pairs it scores very low (the "
    "threshold is learned; 0 when it does not pay on the training data). Event pairs are never dropped.",
)
def train(gold: tuple[Path, ...], output: Path, mapping: str | None, seed: int, veto: bool) -> None:
    """Train the layer's models on GOLD (JSONL, .jsonl.gz or BRAT folders): person–organisation,
    person–post, and, where the gold marks events, participation and event place.

    The same inputs give a byte-identical file. Use it with `build --model FILE` or `evaluate --model FILE`.

    \b
    Example (the shipped model, extractors/learn/default-model.json.gz):
      forumgraph train ../shared/eval/factrueval-dev.jsonl --no-veto -o model.json.gz
    """
    from extractors.learn.model import dump_model
    from extractors.learn.train import train_model

    try:
        model = train_model(gold, mapping=mapping, seed=seed, progress=sys.stderr.isatty(), veto=veto)
        if not model.relations:
            raise click.ClickException(
                f"{', '.join(map(str, gold))}: no relation had gold pairs to learn from"
            )
        dump_model(model, output)
    except ForumGraphError as err:
        raise click.ClickException(str(err)) from err
    counts = ", ".join(f"{name} {len(w.weights)} weights" for name, w in sorted(model.relations.items()))
    click.echo(f"{output}: {counts}")
