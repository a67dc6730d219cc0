"""Document-level k-fold cross-validation of the learned layer: rules, model and both, per relation.

Run: .venv/bin/python bench/learn_cv.py [GOLD (default ../shared/eval/factrueval-dev.jsonl)] [--folds 5] [--no-veto]

Figures of a model on the documents it was trained on say nothing; this trains on k-1 folds of the
documents (document i is in fold i mod k, in file order), scores the held-out fold with `evaluate`, and
sums the counts over the folds. "rules" runs the rule modules alone on every document.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from extractors.evaluate import Lemmas, Score, evaluate, guess_mapping, load_gold
from extractors.learn.model import dump_model
from extractors.learn.train import collect_examples, fit_model
from extractors.pipeline import Pipeline

MEASURES = ("affiliation", "role")
SHARED_EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("gold", nargs="?", default=str(SHARED_EVAL / "factrueval-dev.jsonl"))
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-veto", action="store_true", help="train as `forumgraph train --no-veto`")
    args = parser.parse_args()
    docs = load_gold(args.gold)
    mapping = guess_mapping(docs)
    lemmas = Lemmas()
    fold = {doc.id: i % args.folds for i, doc in enumerate(docs)}
    examples = collect_examples(docs, mapping, lemmas)
    totals = {mode: {m: Score() for m in MEASURES} for mode in ("rules", "model", "both")}

    def add(mode: str, report) -> None:
        for measure in MEASURES:
            score, part = totals[mode][measure], report.relations[measure]
            score.tp, score.fp, score.fn = score.tp + part.tp, score.fp + part.fp, score.fn + part.fn

    add("rules", evaluate(docs, Pipeline().extract, mapping=mapping, lemmas=lemmas))
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(args.folds):
            model = fit_model(
                [e for e in examples if fold[e.doc] != k], seed=args.seed, veto=not args.no_veto
            )
            path = Path(tmp) / f"fold{k}.json.gz"
            dump_model(model, path)
            held = [doc for doc in docs if fold[doc.id] == k]
            for mode in ("model", "both"):
                add(mode, evaluate(held, Pipeline(str(path), mode).extract, mapping=mapping, lemmas=lemmas))
    veto = "no veto" if args.no_veto else "veto learned"
    print(f"{args.gold}: {len(docs)} documents, {args.folds}-fold cross-validation by document, {veto}")
    print(f"{'relation':<14}{'mode':<8}{'tp':>6}{'fp':>6}{'fn':>6}{'P':>8}{'R':>8}{'F1':>8}")
    for measure in MEASURES:
        for mode, scores in totals.items():
            s = scores[measure]
            print(f"{measure:<14}{mode:<8}{s.tp:>6}{s.fp:>6}{s.fn:>6}{s.p:>8.4f}{s.r:>8.4f}{s.f1:>8.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
