"""Regenerate the README's table of extraction figures: `make eval` (or python bench/eval_table.py)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from extractors.evaluate import evaluate, load_gold
from extractors.pipeline import Pipeline

SHARED_EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
SETS = ("nerel-dev.jsonl", "factrueval-dev.jsonl", "conll04-dev.jsonl")
MEASURES = [
    ("entities", "Person"),
    ("entities", "Organization"),
    ("entities", "Place"),
    ("entities", "Event"),
    ("entities_overlap", "Person"),
    ("entities_overlap", "Organization"),
    ("relations", "affiliation"),
    ("relations", "role"),
    ("relations", "participation"),
    ("relations", "place"),
    ("relations", "date"),
    ("relations", "meeting"),
]


def cell(score: dict | None) -> str:
    if not score or not (score["tp"] + score["fp"] + score["fn"]):
        return "–"
    return f"P {score['p']:.2f} R {score['r']:.2f} F1 {score['f1']:.2f} ({score['tp']}/{score['fp']}/{score['fn']})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--eval-dir", default=str(SHARED_EVAL), help="folder holding the dev sets")
    args = parser.parse_args()
    pipeline = Pipeline()
    results = {}
    for name in SETS:
        path = Path(args.eval_dir) / name
        if not path.exists():
            print(f"{path}: not found, skipped", file=sys.stderr)
            continue
        results[name] = evaluate(load_gold(path), pipeline.extract).to_json()
    names = list(results)
    print("| measure (tp/fp/fn) | " + " | ".join(n.removesuffix(".jsonl") for n in names) + " |")
    print("|---|" + "---|" * len(names))
    for group, key in MEASURES:
        label = (
            f"{key} mentions" + (" (overlap)" if group == "entities_overlap" else " (exact)")
            if group != "relations"
            else key
        )
        print(f"| {label} | " + " | ".join(cell(results[n].get(group, {}).get(key)) for n in names) + " |")
    for key in ("altname_merge_rate", "person_overmerge_rate"):
        print(f"| {key} | " + " | ".join(f"{results[n]['resolution'][key]:.3f}" for n in names) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
