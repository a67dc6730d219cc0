"""Thresholds of a relation's model, chosen on out-of-fold probabilities of its own training candidates.

Two thresholds: a candidate the rules did not find is added at `threshold`; one the rules found is
dropped below `veto` (0: never). They maximise F1 over the training candidates, each scored by a model
that did not see its document (k folds by document), first among the pairs whose precision reaches
`min_precision`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

__all__ = ["ADD_GRID", "VETO_GRID", "choose_thresholds", "out_of_fold"]

ADD_GRID = tuple(round(0.25 + 0.05 * i, 2) for i in range(15))  # 0.25 .. 0.95
VETO_GRID = (0.0, *(round(0.05 * i, 2) for i in range(1, 9)))  # 0 .. 0.4
FOLDS = 5


def out_of_fold(docs: Sequence[str], fit: Callable[[list[int]], Callable[[int], float]]) -> list[float]:
    """P(yes) of every row from a model fitted without its document: `fit(train rows)` gives a scorer."""
    order = {doc: i for i, doc in enumerate(dict.fromkeys(docs))}
    fold = [order[doc] % FOLDS for doc in docs]
    probs = [0.0] * len(docs)
    for k in range(FOLDS):
        train = [i for i, f in enumerate(fold) if f != k]
        held = [i for i, f in enumerate(fold) if f == k]
        if not held or not train:
            continue
        score = fit(train)
        for i in held:
            probs[i] = score(i)
    return probs


def choose_thresholds(
    probs: Sequence[float],
    positive: Sequence[bool],
    voted: Sequence[bool],
    min_precision: float = 0.75,
    vetoes: Sequence[float] = VETO_GRID,
) -> tuple[float, float]:
    """(threshold, veto) of the best estimated F1, preferring those that keep precision >= min_precision;
    `vetoes=(0.0,)` never vetoes."""
    total = sum(positive)
    best: tuple | None = None
    for add in ADD_GRID:
        for veto in vetoes:
            tp = fp = 0
            for p, yes, rule in zip(probs, positive, voted):
                if (p >= veto) if rule else (p >= add):
                    tp += yes
                    fp += not yes
            f1 = 2 * tp / (tp + fp + total) if tp + fp + total else 0.0
            precise = tp / (tp + fp) >= min_precision if tp + fp else False
            key = (precise, round(f1, 6), add, -veto)  # ties: the higher threshold, the smaller veto
            if best is None or key > best[0]:
                best = (key, add, veto)
    return (best[1], best[2]) if best else (0.5, 0.0)
