"""The `forumgraph` command line: the command group and `build`; every other command has its own module.

options: --store and the one-line errors every command shares; store: query, export, stats; draw: draw,
analyze, path; serve, check, merges, evaluate: one command each. They are imported when used.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import sys

import click

from graph.cli.options import store_option, user_errors

__all__ = ["cli", "main", "store_option"]

# Commands that live in their own modules, imported only when used, so `--help` stays fast.
LAZY_COMMANDS = {
    "query": "graph.cli.store",
    "export": "graph.cli.store",
    "stats": "graph.cli.store",
    "evaluate": "graph.cli.evaluate",
    "draw": "graph.cli.draw",
    "analyze": "graph.cli.draw",
    "path": "graph.cli.draw",
    "serve": "graph.cli.serve",
    "check": "graph.cli.check",
    "merges": "graph.cli.merges",
    "train": "graph.cli.train",
}


class LazyGroup(click.Group):
    """A click group whose listed commands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        found = [name for name, module in LAZY_COMMANDS.items() if _module_exists(module)]
        return sorted(set(super().list_commands(ctx)) | set(found))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in LAZY_COMMANDS and _module_exists(LAZY_COMMANDS[name]):
            module = importlib.import_module(LAZY_COMMANDS[name])
            return getattr(module, name)
        return super().get_command(ctx, name)


def _module_exists(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", count=True, help="More log lines (-vv for debug).")
def cli(verbose: int) -> None:
    """forumgraph: a knowledge graph of officials, universities and forums from news articles.

    \b
    Example:
      forumgraph build data/articles --store ./forumgraph-store
      forumgraph query -f data/queries/posts.rq
    """
    level = [logging.WARNING, logging.INFO, logging.DEBUG][min(verbose, 2)]
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@store_option
@click.option(
    "--max-bytes",
    default=50_000_000,
    show_default=True,
    help="Skip files (and JSONL lines) larger than this.",
)
@click.option(
    "--max-article-chars",
    "max_chars",
    type=click.IntRange(min=1),
    default=1_000_000,
    show_default=True,
    help="Skip (and name) an article whose text is longer than this many characters; shorter ones are "
    "extracted in windows of 20,000 characters, so time and memory grow linearly with length.",
)
@click.option(
    "--progress/--no-progress", default=None, help="Progress bar (default: when stderr is a terminal)."
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    help="Worker processes extracting articles (0: one per CPU) [default: 1, which extracts in this "
    "process; with --dask local, one per CPU].",
)
@click.option(
    "--dask",
    metavar="ADDRESS|local",
    help="Extract on a Dask cluster: a scheduler address, or 'local' for --jobs worker processes here.",
)
@click.option(
    "--article-timeout",
    type=click.FloatRange(min=0, min_open=True),
    metavar="SECONDS",
    help="Skip an article whose extraction takes longer, restarting its worker [default: 120 with workers; "
    "given with --jobs 1, one worker process is used].",
)
@click.option(
    "--mode",
    type=click.Choice(["rules", "model", "both"]),
    default="rules",
    show_default=True,
    help="Russian person–organisation, person–post, participation and event-place facts: the rules, the "
    "learned model, or both.",
)
@click.option(
    "--model",
    type=click.Path(dir_okay=False),
    help="The learned layer's model file (`forumgraph train`) [default: the shipped one]; implies "
    "--mode both unless --mode is given.",
)
@user_errors
def build(
    paths: tuple[str, ...],
    store_dir: str,
    max_bytes: int,
    max_chars: int,
    progress: bool | None,
    jobs: int | None,
    dask: str | None,
    article_timeout: float | None,
    mode: str,
    model: str | None,
) -> None:
    """Read articles (files, folders, globs) and add their facts to the store.

    Formats: .txt, .md, .html/.htm (main text only), .jsonl (one article a line with "text", and
    optionally "title", "url", "date", "lang"). Unchanged articles are skipped by their sha256; a
    changed article replaces its old graph. Bad files, articles over --max-article-chars and articles
    over --article-timeout are named ("skipped FILE: why") and skipped, every other article is stored,
    and the exit status is then 1 (0 when nothing was skipped).

    \b
    Example:
      forumgraph build data/articles 'news/**/*.html' --store ./forumgraph-store
      forumgraph build feed.jsonl --jobs 2
      forumgraph build feed.jsonl --dask tcp://scheduler:8786 --store http://127.0.0.1:7878
    """
    import os

    from tqdm import tqdm

    from extractors.pipeline import Pipeline
    from extractors.ru.models import load_ru_models
    from graph.build.ingest import build_into
    from graph.store.embedded import open_store

    if jobs is None:
        jobs = 0 if dask == "local" else 1
    jobs = jobs or os.cpu_count() or 1
    if article_timeout is None and (jobs > 1 or dask):
        article_timeout = 120.0
    if model is not None and click.get_current_context().get_parameter_source("mode").name == "DEFAULT":
        mode = "both"
    if mode != "rules":
        from extractors.learn.model import load_model

        load_model(model)  # a bad model file is one line before anything is read or stored
    show = sys.stderr.isatty() if progress is None else progress
    bar = tqdm(unit=" articles", disable=not show, file=sys.stderr)
    with open_store(store_dir) as store:
        summary = build_into(
            store,
            paths,
            Pipeline(model, mode).extract,
            max_bytes=max_bytes,
            max_chars=max_chars,
            on_item=lambda _: bar.update(),
            jobs=jobs,
            dask=dask,
            article_timeout=article_timeout,
            warm=load_ru_models,
        )
        total = len(store)
    bar.close()
    for skipped in summary.skipped:
        click.echo(f"skipped {skipped}", err=True)
    langs = ", ".join(f"{k} {v}" for k, v in sorted(summary.languages.items()))
    click.echo(
        f"articles read {summary.read} ({langs or 'none'}): stored {summary.stored} "
        f"(replaced {summary.replaced}), unchanged {summary.unchanged}, skipped {len(summary.skipped)}; "
        f"entities {summary.entities}, triples written {summary.triples}, store size {total} quads; "
        f"{summary.seconds:.1f} s"
    )
    if summary.skipped:
        sys.exit(1)


def main() -> None:
    cli(prog_name="forumgraph")
