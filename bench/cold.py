"""Benchmark: extraction on text never seen in the process (cold caches) against natasha's own pipeline.

Run: .venv/bin/python bench/cold.py [--texts nerel-dev.jsonl] [--rounds 5] [--mode rules|both]

Each round starts two fresh processes, one after the other (their order alternates from round to
round, so a change of machine load hits both sides): one runs natasha's pipeline (Doc(text) ->
segment, tag_morph, parse_syntax, tag_ner, as bench/throughput.py defines it), the other
forumgraph's extraction (Pipeline().extract). Each loads its models and warms up on one short
text that is not in the corpus, then times one pass over the whole corpus (NEREL's dev set by
default), every document new to that process: word caches, lemma caches, pymorphy's caches start
empty, as on a user's first build. Both run with one BLAS thread, as `forumgraph build` does.
The ratio is the sum of extraction seconds over the sum of natasha seconds. `--mode both` runs the
extraction with the learned layer (the shipped model) beside the rules, as `build --mode both` does.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import NEREL, load_texts, machine  # noqa: E402

WARM_TEXT = "Губернатор области Андрей Травников открыл форум в Новосибирске 5 июля."


def child(side: str, texts_path: str, profile: str | None, mode: str = "rules") -> None:
    """One timed pass in this (fresh) process; prints {"wall": …, "cpu": …} as the last line."""
    from graph.build.payload import limit_blas_threads

    limit_blas_threads()
    from throughput import natasha_pipeline

    from extractors.doc import Article
    from extractors.pipeline import Pipeline
    from extractors.ru.models import load_ru_models

    texts = load_texts(texts_path)
    models = load_ru_models()
    pipeline = Pipeline(mode=mode)

    def natasha(text: str) -> None:
        natasha_pipeline([text], models)

    def extraction(text: str, number: int = 0) -> None:
        pipeline.extract(Article(text, f"cold#{number}", lang="ru"))

    run = natasha if side == "natasha" else extraction
    run(WARM_TEXT)  # imports, first allocations, grammars and gazetteer built: not what is measured

    def measure() -> None:
        for text in texts:
            run(text)

    if profile:
        import cProfile

        cProfile.runctx("measure()", globals(), {"measure": measure}, profile)
        return
    wall, cpu = time.perf_counter(), time.process_time()
    measure()
    print(json.dumps({"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu}))


def fresh(side: str, texts: str, mode: str) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, "--child", side, "--texts", texts, "--mode", mode],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", default=str(NEREL), help="JSONL with a 'text' per line")
    parser.add_argument("--rounds", type=int, default=5, help="fresh-process pairs")
    parser.add_argument("--child", choices=("natasha", "extraction"), help=argparse.SUPPRESS)
    parser.add_argument(
        "--mode", choices=("rules", "both"), default="rules", help="both: with the learned layer"
    )
    parser.add_argument("--profile", metavar="FILE", help="with --child: write a cProfile of the pass here")
    args = parser.parse_args()
    if args.child:
        child(args.child, args.texts, args.profile, args.mode)
        return
    texts = load_texts(args.texts)
    chars = sum(map(len, texts))
    totals = {"natasha": [0.0, 0.0], "extraction": [0.0, 0.0]}
    ratios = []
    for number in range(args.rounds):
        order = ("natasha", "extraction") if number % 2 == 0 else ("extraction", "natasha")
        found = {side: fresh(side, args.texts, args.mode) for side in order}
        for side, measure in found.items():
            totals[side][0] += measure["wall"]
            totals[side][1] += measure["cpu"]
        ratios.append(found["extraction"]["wall"] / found["natasha"]["wall"])
        print(
            f"round {number + 1}/{args.rounds}: natasha {found['natasha']['wall']:.1f} s, "
            f"extraction {found['extraction']['wall']:.1f} s, ratio {ratios[-1]:.2f}",
            file=sys.stderr,
            flush=True,
        )
    (nat_wall, nat_cpu), (ext_wall, ext_cpu) = totals["natasha"], totals["extraction"]
    print(f"# cold extraction: {len(texts)} documents, {chars} characters ({args.texts}); {machine()}")
    print(
        f"{args.rounds} rounds, a fresh process per side per round, every document new to its process; "
        f"extraction --mode {args.mode}"
    )
    print("| measure | seconds (wall, all rounds) | ratio to natasha (wall) | ratio (CPU) |")
    print("|---|---|---|---|")
    print(f"| natasha | {nat_wall:.1f} | 1.00 | 1.00 |")
    print(f"| extraction (cold) | {ext_wall:.1f} | {ext_wall / nat_wall:.2f} | {ext_cpu / nat_cpu:.2f} |")
    print(
        f"\nper-round ratios: {', '.join(f'{r:.2f}' for r in ratios)}; median {sorted(ratios)[len(ratios) // 2]:.2f}"
    )


if __name__ == "__main__":
    main()
