"""Gold pairs of a document for training: person -> organisation spans, person -> post head nouns,
person or organisation -> event spans, event -> place spans."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from extractors.evaluate import GoldDoc, Lemmas, Mapping

__all__ = ["GoldPairs", "label"]

Span = tuple[int, int]


@dataclass
class GoldPairs:
    """Affiliation pairs as (person spans, organisation spans); role pairs as (person spans, head nouns);
    participation as (agent spans, event spans); place as (event spans, place spans)."""

    affiliation: list[tuple[list[Span], list[Span]]]
    role: list[tuple[list[Span], set[str]]]
    participation: list[tuple[list[Span], list[Span]]] = field(default_factory=list)
    place: list[tuple[list[Span], list[Span]]] = field(default_factory=list)

    @classmethod
    def read(cls, doc: GoldDoc, mapping: Mapping, lemmas: Lemmas) -> GoldPairs:
        """As `evaluate` reads them: identity groups (Wikidata links, clusters, alternative names) cover a
        relation's arguments, and an organisation of a post is one of the post's holders."""
        ents = {e.id: e for e in doc.entities}
        cls_of = {e.id: mapping.entities.get(e.type) for e in doc.entities}
        parent = {eid: eid for eid in ents}

        def find(eid: str) -> str:
            while parent[eid] != eid:
                eid = parent[eid]
            return eid

        def union(a: str, b: str) -> None:
            if a in parent and b in parent:
                parent[find(a)] = find(b)

        first: dict[str, str] = {}
        for eid, qid in doc.links:
            union(first.setdefault(qid, eid), eid)
        for cluster in doc.clusters:
            for eid in cluster[1:]:
                union(cluster[0], eid)
        mapped = []
        for rel in doc.relations:
            measure, inverse = mapping.relations.get(rel.type, (None, False))
            if measure == "altname" and cls_of[rel.head] and cls_of[rel.head] == cls_of[rel.tail]:
                union(rel.head, rel.tail)
            elif measure in ("affiliation", "role", "participation", "place"):
                heads, tails = (rel.head,), (rel.tail, *rel.alternatives)
                mapped.append((measure, *((tails, heads) if inverse else (heads, tails))))
        spans: dict[str, list[Span]] = defaultdict(list)
        for ent in doc.entities:
            spans[find(ent.id)].append((ent.start, ent.stop))
        holders: dict[str, list[str]] = defaultdict(list)
        for measure, heads, tails in mapped:
            if measure == "role":
                for tail in tails:
                    holders[tail].extend(heads)

        def group(ids) -> list[Span]:
            return [s for root in sorted({find(i) for i in ids}) for s in spans[root]]

        out = cls([], [])
        for measure, heads, tails in mapped:
            if measure in EVENT_PAIRS:
                want = EVENT_PAIRS[measure]
                if cls_of[heads[0]] in want[0] and cls_of[tails[0]] in want[1]:
                    getattr(out, measure).append((group(heads), group(tails)))
                continue
            lifted = [heads]
            if measure == "affiliation" and len(heads) == 1 and heads[0] in holders:
                lifted = [(h,) for h in holders[heads[0]]]
            for head in lifted:
                if cls_of[head[0]] != "Person":
                    continue
                if measure == "role":
                    out.role.append((group(head), {lemmas.head_noun(ents[t].text) for t in tails}))
                elif cls_of[tails[0]] in ("Organization", "Place"):
                    out.affiliation.append((group(head), group(tails)))
        return out


# the gold classes of the two sides of each event relation
EVENT_PAIRS = {
    "participation": (("Person", "Organization"), ("Event",)),
    "place": (("Event",), ("Place",)),
}


def _overlaps(span: Span, spans: list[Span]) -> bool:
    return any(span[0] < d and c < span[1] for c, d in spans)


def label(pairs: GoldPairs, relation: str, person: Span, tail: Span, lemma: str) -> bool:
    """Whether a candidate is a gold pair: the person overlaps its head, the tail its tail (or head noun)."""
    if relation == "role":
        lemma = lemma.replace("ё", "е")
        return any(lemma in nouns and _overlaps(person, heads) for heads, nouns in pairs.role)
    return any(
        _overlaps(person, heads) and _overlaps(tail, tails) for heads, tails in getattr(pairs, relation)
    )
