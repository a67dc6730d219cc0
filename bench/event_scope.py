"""Measure: event mentions on the gathering-like subset of a gold file's events (issue 14 d).

Run: .venv/bin/python bench/event_scope.py [GOLD.jsonl] [--limit N]

`forumgraph evaluate` scores event mentions against every gold EVENT (NEREL's are broad: births,
deaths, wars). This counts them the way participation, place and date are scoped: gold events whose
text is gathering-like (extractors/vocab/gatherings.txt, by lemma) are the gold side, and a predicted
event mention that overlaps only gold events outside that scope is dropped (neither TP nor FP).
Exact: same start and stop; overlap: spans that overlap, paired one to one.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from extractors.doc import EVENT_TYPES
from extractors.evaluate import Lemmas, adapt_article, load_gold, match
from extractors.pipeline import Pipeline

NEREL = Path(__file__).resolve().parents[2] / "shared" / "eval" / "nerel-dev.jsonl"


def scores(tp: int, predicted: int, gold: int) -> str:
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"{tp:5d} {predicted - tp:6d} {gold - tp:6d}  {p:.4f}  {r:.4f}  {f:.4f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", default=str(NEREL))
    parser.add_argument("--limit", type=int)
    args = parser.parse_args()
    docs = load_gold(args.gold)[: args.limit]
    lemmas, pipeline = Lemmas(), Pipeline()
    exact = [0, 0, 0]
    over = [0, 0, 0]
    for doc in docs:
        events = [e for e in doc.entities if e.type == "EVENT"]
        inside = sorted({(e.start, e.stop) for e in events if lemmas.is_gathering(e.text)})
        outside = [(e.start, e.stop) for e in events if (e.start, e.stop) not in inside]
        ext = pipeline.extract(adapt_article(doc))
        keys = {e.key for e in ext.entities if e.type in EVENT_TYPES}
        spans = sorted({(m.start, m.stop) for m in ext.mentions if m.key in keys})

        def hits(span, golds):
            return [j for j, g in enumerate(golds) if span[0] < g[1] and g[0] < span[1]]

        kept = [s for s in spans if hits(s, inside) or not hits(s, outside)]
        exact[0] += len(set(kept) & set(inside))
        exact[1] += len(kept)
        exact[2] += len(inside)
        over[0] += len(match([hits(s, inside) for s in kept]))
        over[1] += len(kept)
        over[2] += len(inside)
    print(f"{len(docs)} documents, {args.gold}: gathering-like gold events only")
    print("measure                  tp     fp     fn       P       R      F1")
    print(f"Event gathering exact   {scores(*exact)}")
    print(f"Event gathering overlap {scores(*over)}")


if __name__ == "__main__":
    main()
