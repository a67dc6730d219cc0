"""Benchmark: articles per second of `forumgraph build` against natasha's own pipeline on the same texts.

Run: .venv/bin/python bench/throughput.py [--texts nerel-dev.jsonl] [--docs 2000]

The texts (NEREL's dev set by default) are replicated to `--docs` articles. Three measures run
interleaved, a round of the distinct texts at a time, so a change of machine load hits all three:

  natasha     Doc(text) -> segment, tag_morph, parse_syntax, tag_ner: natasha's own pipeline
  extraction  forumgraph's extraction of the same articles (Pipeline().extract), already read
  build       build_into: read the JSONL, sha256, extract, triples, N-Quads, batched store writes

Both sides run in this process with one BLAS thread (as `forumgraph build` runs), models loaded
before timing. The first round meets every text for the first time (our memo caches cold); later
rounds repeat texts, so caches are warm: both are reported.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import NEREL, load_texts, machine, write_corpus  # noqa: E402

from graph.build.ingest import limit_blas_threads  # noqa: E402

limit_blas_threads()  # before numpy loads: the same BLAS for natasha and for us


def natasha_pipeline(texts: list[str], models) -> None:
    from natasha import Doc

    for text in texts:
        doc = Doc(text)
        doc.segment(models.segmenter)
        doc.tag_morph(models.morph_tagger)
        doc.parse_syntax(models.syntax_parser)
        doc.tag_ner(models.ner_tagger)


def extract_all(articles: list, extract) -> None:
    for article in articles:
        extract(article)


def build_file(store, path: Path, extract, summaries: list) -> None:
    from graph.build.ingest import build_into

    summaries.append(build_into(store, [str(path)], extract, max_bytes=10**8))


def timed(func, *args) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process)."""
    wall, cpu = time.perf_counter(), time.process_time()
    func(*args)
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", default=str(NEREL), help="JSONL with a 'text' per line")
    parser.add_argument("--docs", type=int, default=2000, help="articles in all (texts replicated)")
    args = parser.parse_args()

    from extractors.pipeline import Pipeline
    from extractors.read import Skipped, load_articles
    from extractors.ru.models import load_ru_models
    from graph.store.embedded import open_store

    texts = load_texts(args.texts)
    models = load_ru_models()
    pipeline = Pipeline()
    rounds = (args.docs + len(texts) - 1) // len(texts)
    totals = {name: [0.0, 0.0] for name in ("natasha", "extraction", "build")}
    first: dict[str, float] = {}
    articles = stored = 0
    with tempfile.TemporaryDirectory(prefix="fg-throughput-") as tmp:
        store_dir = Path(tmp) / "store"
        with open_store(str(store_dir)) as store:
            # warm-up, not timed: first calls allocate and import
            natasha_pipeline(texts[:1], models)
            warm = write_corpus(Path(tmp) / "warm.jsonl", texts[:1], 1)
            pipeline.extract(next(a for a in load_articles([str(warm)]) if not isinstance(a, Skipped)))
            for number in range(rounds):
                count = min(len(texts), args.docs - number * len(texts))
                chunk = texts[:count]
                path = write_corpus(Path(tmp) / f"round{number:03}.jsonl", chunk, count)
                read = [a for a in load_articles([str(path)]) if not isinstance(a, Skipped)]
                summaries = []
                measures = {
                    "natasha": timed(natasha_pipeline, chunk, models),
                    "extraction": timed(extract_all, read, pipeline.extract),
                    "build": timed(build_file, store, path, pipeline.extract, summaries),
                }
                for name, (wall, cpu) in measures.items():
                    totals[name][0] += wall
                    totals[name][1] += cpu
                    if number == 0:
                        first[name] = wall
                articles += count
                stored += summaries[-1].stored
                print(
                    f"round {number + 1}/{rounds}: {count} articles; natasha {measures['natasha'][0]:.1f} s, "
                    f"extraction {measures['extraction'][0]:.1f} s, build {measures['build'][0]:.1f} s",
                    file=sys.stderr,
                    flush=True,
                )
            triples = len(store)
    assert stored == articles, f"expected every article stored, got {stored} of {articles}"
    nat_wall, nat_cpu = totals["natasha"]
    print(f"# throughput: {articles} articles ({len(texts)} distinct texts of {args.texts}); {machine()}")
    print("| measure | seconds (wall) | articles/s | ratio to natasha (wall) | ratio (CPU) |")
    print("|---|---|---|---|---|")
    for name, (wall, cpu) in totals.items():
        print(
            f"| {name} | {wall:.1f} | {articles / wall:.1f} | {wall / nat_wall:.2f} | {cpu / nat_cpu:.2f} |"
        )
    print(
        f"\nfirst round only (every text new, caches cold): extraction {first['extraction'] / first['natasha']:.2f}, "
        f"build {first['build'] / first['natasha']:.2f} times natasha; store {triples} quads"
    )


if __name__ == "__main__":
    main()
