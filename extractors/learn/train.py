"""Train the learned layer from gold documents: collect labelled candidates, fit one logistic model each."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from extractors.evaluate import (
    GoldDoc,
    Lemmas,
    Mapping,
    adapt_article,
    guess_mapping,
    load_gold,
    load_mapping,
)
from extractors.learn import PERSON_RELATIONS, RELATIONS
from extractors.learn.labels import GoldPairs, label
from extractors.learn.layer import Collector
from extractors.learn.model import LinearModel, Weights
from extractors.learn.thresholds import VETO_GRID, choose_thresholds, out_of_fold

__all__ = ["Example", "collect_examples", "fit_model", "train_model"]

log = logging.getLogger(__name__)

MIN_COUNT = 2  # a feature seen in fewer training candidates gets no weight
MIN_PRECISION = 0.75  # the thresholds keep the estimated precision at least this (the floor)


@dataclass(frozen=True)
class Example:
    """One labelled candidate: its relation, features, label, and the document it came from (for folds)."""

    relation: str
    features: tuple[str, ...]
    positive: bool
    doc: str


def collect_examples(
    docs: Iterable[GoldDoc], mapping: Mapping, lemmas: Lemmas | None = None, progress: bool = False
) -> list[Example]:
    """Run the rules on each Russian document and label every candidate pair against its gold."""
    from tqdm import tqdm

    from extractors.ru.extract import extract_ru
    from extractors.ru.models import load_ru_models

    models = load_ru_models()
    lemmas = lemmas or Lemmas()
    out: list[Example] = []
    for doc in tqdm(list(docs), disable=not progress, unit="doc", desc="collect"):
        article = adapt_article(doc)
        if article.lang != "ru":
            log.info("%s: not Russian, skipped for training", doc.id)
            continue
        collector = Collector()
        extract_ru(article, models, layer=collector)
        pairs = GoldPairs.read(doc, mapping, lemmas)
        for relation, person, tail, lemma, features in collector.rows:
            positive = label(pairs, relation, person, tail, lemma)
            out.append(Example(relation, tuple(features), positive, doc.id))
    return out


def fit_model(
    examples: Sequence[Example],
    trained_on: Sequence[str] = (),
    seed: int = 0,
    c: float = 1.0,
    min_precision: float = MIN_PRECISION,
    veto: bool = True,
) -> LinearModel:
    """One L2 logistic regression per relation (liblinear, fixed seed), weights rounded, rare features
    dropped; its add and veto thresholds chosen on out-of-fold probabilities (extractors/learn/thresholds.py)."""
    relations = {}
    for relation in RELATIONS:
        rows = [e for e in examples if e.relation == relation]
        labels = [e.positive for e in rows]
        if len(set(labels)) < 2:
            log.warning("%s: %d candidates, not both classes: no model trained", relation, len(rows))
            continue

        def fit(train: list[int], rows=rows):
            weights = _fit_weights([rows[i] for i in train], seed, c)
            return lambda i: weights.probability(list(rows[i].features))

        probs = out_of_fold([e.doc for e in rows], fit)
        voted = [f"{relation[:3]}:rule" in e.features for e in rows]
        vetoes = VETO_GRID if veto and relation in PERSON_RELATIONS else (0.0,)
        threshold, below = choose_thresholds(probs, labels, voted, min_precision, vetoes)
        weights = _fit_weights(rows, seed, c)
        relations[relation] = Weights(weights.intercept, threshold, weights.weights, below)
        log.info(
            "%s: %d candidates, %d positive, %d weights, threshold %.2f, veto %.2f",
            *(relation, len(rows), sum(labels), len(weights.weights), threshold, below),
        )
    return LinearModel(relations, tuple(trained_on))


def _fit_weights(rows: Sequence[Example], seed: int, c: float) -> Weights:
    from collections import Counter

    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    labels = [e.positive for e in rows]
    if len(set(labels)) < 2:  # a fold with one class: a constant model of that class
        return Weights(10.0 if labels and labels[0] else -10.0, 0.5)
    counts = Counter(f for e in rows for f in e.features)
    names = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    column = {name: i for i, name in enumerate(names)}
    # the matrix built by hand with 32-bit indices: liblinear takes no other
    indices = [[column[f] for f in sorted(set(e.features)) if f in column] for e in rows]
    indptr = np.cumsum([0, *map(len, indices)], dtype=np.int32)
    flat = np.array([i for row in indices for i in row], dtype=np.int32)
    matrix = csr_matrix((np.ones(len(flat)), flat, indptr), shape=(len(rows), len(names)))
    classifier = LogisticRegression(solver="liblinear", C=c, random_state=seed, max_iter=1000)
    classifier.fit(matrix, labels)
    weights = {name: round(float(w), 5) for name, w in zip(names, classifier.coef_[0]) if round(float(w), 5)}
    return Weights(round(float(classifier.intercept_[0]), 5), 0.5, weights)


def train_model(
    paths: Sequence[str | Path],
    mapping: str | None = None,
    seed: int = 0,
    progress: bool = False,
    veto: bool = True,
) -> LinearModel:
    """Train from gold files (JSONL or BRAT folders), each read through its own (or the given) mapping."""
    lemmas = Lemmas()
    examples: list[Example] = []
    trained_on = []
    for path in paths:
        docs = load_gold(path)
        rules = load_mapping(mapping) if mapping else guess_mapping(docs)
        examples += collect_examples(docs, rules, lemmas, progress)
        trained_on.append(f"{Path(path).name}: {len(docs)} documents, mapping {rules.name}")
    return fit_model(examples, trained_on, seed, veto=veto)
