"""Benchmark: what the learned layer adds to extraction, as ratios to natasha's own pipeline.

Run: .venv/bin/python bench/learn_cost.py [--texts nerel-dev.jsonl] [--rounds 2] [--model FILE]

Three measures run interleaved, one round of the texts at a time, in this process with one BLAS thread
(as `forumgraph build` runs), models loaded and the model file read before timing:

  natasha  Doc(text) -> segment, tag_morph, parse_syntax, tag_ner (bench/throughput.py's baseline)
  rules    Pipeline().extract: the rule modules alone
  model    Pipeline(model, "both").extract: the rules and the learned layer (the shipped model by default)

The issue's target: model / natasha at most 1.15. The layer's own share is model / rules.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import NEREL, load_texts, machine  # noqa: E402
from throughput import extract_all, natasha_pipeline, timed  # noqa: E402

from graph.build.payload import limit_blas_threads  # noqa: E402

limit_blas_threads()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", default=str(NEREL), help="JSONL with a 'text' per line")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--model", help="a model file (default: the shipped one)")
    args = parser.parse_args()

    from extractors.doc import Article
    from extractors.learn.model import load_model
    from extractors.pipeline import Pipeline
    from extractors.ru.models import load_ru_models

    texts = load_texts(args.texts)
    articles = [Article(text, f"bench#{i}", lang="ru") for i, text in enumerate(texts)]
    models = load_ru_models()
    load_model(args.model)
    rules, both = Pipeline(), Pipeline(args.model, "both")
    layer_time = [0.0, 0.0]
    inner = both.layer

    def timed_layer(ctx) -> None:  # the layer's own time, inside the extraction
        wall, cpu = time.perf_counter(), time.process_time()
        inner(ctx)
        layer_time[0] += time.perf_counter() - wall
        layer_time[1] += time.process_time() - cpu

    both.layer = timed_layer
    natasha_pipeline(texts[:1], models)  # warm-up, not timed
    both.extract(articles[0])
    totals = {name: [0.0, 0.0] for name in ("natasha", "rules", "model")}
    for number in range(args.rounds):
        measures = {"natasha": timed(natasha_pipeline, texts, models)}
        # alternate which extraction meets the texts first (the word caches favour the second)
        for name in ("rules", "model") if number % 2 == 0 else ("model", "rules"):
            measures[name] = timed(extract_all, articles, (rules if name == "rules" else both).extract)
        for name, (wall, cpu) in measures.items():
            totals[name][0] += wall
            totals[name][1] += cpu
        print(f"round {number + 1}/{args.rounds}: " + ", ".join(f"{k} {v[0]:.1f} s" for k, v in measures.items()),
              file=sys.stderr, flush=True)  # fmt: skip
    nat_wall, nat_cpu = totals["natasha"]
    print(f"# learned layer cost: {len(texts)} texts x {args.rounds} rounds of {args.texts}; {machine()}")
    print("| measure | seconds (wall) | ratio to natasha (wall) | ratio (CPU) |")
    print("|---|---|---|---|")
    for name, (wall, cpu) in totals.items():
        print(f"| {name} | {wall:.1f} | {wall / nat_wall:.2f} | {cpu / nat_cpu:.2f} |")
    (r_wall, r_cpu), (m_wall, m_cpu) = totals["rules"], totals["model"]
    print(f"\nmodel / rules = {m_wall / r_wall:.3f} (wall), {m_cpu / r_cpu:.3f} (CPU)")
    print(
        f"the layer's own time (inside 'model'): {layer_time[0]:.2f} s wall, {layer_time[0] / nat_wall:.3f} of "
        f"natasha; {layer_time[1] / nat_cpu:.3f} of natasha's CPU"
    )


if __name__ == "__main__":
    main()
