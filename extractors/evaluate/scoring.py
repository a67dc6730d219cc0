"""Scoring: run an extract function on gold documents and count every measure of each one."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from extractors.doc import Article, Extraction
from extractors.evaluate.mapping import Mapping, guess_mapping
from extractors.evaluate.matching import Lemmas, adapt_article, match, overlaps, sentence_around
from extractors.evaluate.records import GoldDoc, Span
from extractors.evaluate.report import Mistake, Report, Score
from extractors.evaluate.sides import _Gold, _Predicted

__all__ = ["evaluate", "score_document"]


def score_document(report: Report, doc: GoldDoc, ext: Extraction, mapping: Mapping, lemmas: Lemmas) -> None:
    """Add one document's counts and mistakes to `report`."""
    gold = _Gold(doc, mapping, lemmas)
    pred = _Predicted(ext, gold, mapping, lemmas)
    report.documents += 1
    found: dict[str, list[Mistake]] = defaultdict(list)

    def note(group: str, kind: str, span: Span, what: str) -> None:
        found[group].append(Mistake(kind, doc.id, span[0], what, sentence_around(doc.text, *span)))

    def shown(span: Span) -> str:
        return f"[{span[0]}:{span[1]}] «{doc.text[span[0] : span[1]]}»"

    for name in mapping.classes:
        golds, preds = gold.spans[name], pred.mentions[name]
        hits = golds & preds.keys()
        _count(report.entities[name], len(hits), len(preds), len(golds))
        for span in sorted(preds.keys() - hits):
            note(f"entities/{name}", "FP", span, shown(span))
        for span in sorted(golds - hits):
            note(f"entities/{name}", "FN", span, shown(span))
        gold_list, pred_list = sorted(golds), sorted(preds)
        edges = [
            sorted(
                (j for j, g in enumerate(gold_list) if p[0] < g[1] and g[0] < p[1]),
                key=lambda j, p=p: max(p[0], gold_list[j][0]) - min(p[1], gold_list[j][1]),
            )
            for p in pred_list
        ]
        owner = match(edges)
        _count(report.entities_overlap[name], len(owner), len(pred_list), len(gold_list))
        taken = set(owner.values())
        for i in sorted(set(range(len(pred_list))) - taken):
            note(f"entities_overlap/{name}", "FP", pred_list[i], shown(pred_list[i]))
        for j in sorted(set(range(len(gold_list))) - owner.keys()):
            note(f"entities_overlap/{name}", "FN", gold_list[j], shown(gold_list[j]))

    for measure in mapping.measures:
        golds, preds = gold.pairs[measure], list(pred.pairs[measure].items())
        owner = match([[j for j, g in enumerate(golds) if pred.hits(measure, key, g)] for key, _ in preds])
        restated = _restated(measure, preds, golds, owner, pred) if measure == "role" else set()
        _count(report.relations[measure], len(owner), len(preds) - len(restated), len(golds))
        taken = set(owner.values()) | restated
        for i, (_, (what, anchor)) in enumerate(preds):
            if i not in taken:
                note(f"relations/{measure}", "FP", anchor, what)
        for j, pair in enumerate(golds):
            if j not in owner:
                note(f"relations/{measure}", "FN", pair.anchor, pair.what)

    res = report.resolution
    every = [span for spans in pred.spans.values() for span in spans]
    for a, b in gold.altnames:
        one, two = [(a.start, a.stop)], [(b.start, b.stop)]
        res.altname_pairs += 1
        res.altname_covered += overlaps(every, one) and overlaps(every, two)
        if any(overlaps(spans, one) and overlaps(spans, two) for spans in pred.spans.values()):
            res.altname_merged += 1
        else:
            note("resolution/altname", "unmerged", (a.start, a.stop), f"«{a.text}» = «{b.text}»")
    for node, spans in pred.spans.items():
        if pred.cls.get(node) == "Person":
            joined: dict[str, Span] = {}
            for span in spans:
                best = _best_person(span, gold.persons)
                if best is not None:
                    joined.setdefault(best[1], best[0])
            res.person_nodes += bool(joined)
            if len(joined) > 1:
                res.person_overmerged += 1
                names = ", ".join(f"«{doc.text[s[0] : s[1]]}»" for s in sorted(joined.values()))
                note(
                    "resolution/person_overmerge",
                    "overmerged",
                    spans[0],
                    f"«{pred.name[node]}» joins {names}",
                )

    for group, items in found.items():
        report.mistakes[group].extend(sorted(items, key=lambda m: m.start))


def _restated(measure: str, preds: list, golds: list, owner: dict[int, int], pred: _Predicted) -> set[int]:
    """Unmatched predictions that restate a matched gold post in another of its words: one gold post
    written twice ("Президент …", "Глава государства …" of one person: a tail of two head nouns) and
    predicted as both "президент" and "глава" for the same person node is one fact, not a false
    positive. Only for gold posts whose words the gold itself joins; a second node is still wrong."""
    out = set()
    for i, (key, _) in enumerate(preds):
        if i in owner.values():
            continue
        for j, k in owner.items():
            if preds[k][0][0] == key[0] and len(golds[j].tail) > 1 and pred.hits(measure, key, golds[j]):
                out.add(i)
                break
    return out


def _best_person(span: Span, persons: list[tuple[Span, str]]) -> tuple[Span, str] | None:
    """The gold person a mention stands for: the most overlap, then the closest length (nesting)."""
    a, b = span
    near = [
        (max(a, c) - min(b, d), abs((d - c) - (b - a)), (c, d), root)
        for (c, d), root in persons
        if a < d and c < b
    ]
    return (min(near)[2], min(near)[3]) if near else None


def _count(score: Score, tp: int, predicted: int, gold: int) -> None:
    score.tp += tp
    score.fp += predicted - tp
    score.fn += gold - tp


def evaluate(
    docs: Iterable[GoldDoc],
    extract: Callable[[Article], Extraction],
    *,
    mapping: Mapping | None = None,
    limit: int | None = None,
    progress: bool = False,
    lemmas: Lemmas | None = None,
) -> Report:
    """Run `extract` on every gold document and score it; the mapping is guessed when not given."""
    if limit is not None and limit < 0:
        raise ValueError(f"expected limit >= 0 or None, got {limit}")
    docs = list(docs)[:limit] if limit is not None else list(docs)
    mapping = mapping or guess_mapping(docs)
    lemmas = lemmas or Lemmas()
    report = Report.empty(mapping)
    from tqdm import tqdm  # imported here: the CLI start-up stays fast

    for doc in tqdm(docs, disable=not progress, unit="doc", desc="evaluate"):
        score_document(report, doc, extract(adapt_article(doc)), mapping, lemmas)
    return report
