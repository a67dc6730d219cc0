"""One document's two sides: the gold read through a mapping, the extraction read as graph nodes."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from extractors.doc import Extraction, Fact, Value
from extractors.evaluate.mapping import Mapping
from extractors.evaluate.matching import Lemmas, date_matches, overlaps
from extractors.evaluate.records import (
    ALTNAME_CLASSES,
    ARGS,
    CLASS_OF,
    CLASSES,
    PREDICATES,
    SYMMETRIC,
    GoldDoc,
    GoldEntity,
    Span,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Pair:
    head: tuple[Span, ...]
    tail: tuple[Span, ...] | frozenset[str] | tuple[str, ...]  # spans; role head nouns; date texts
    what: str
    anchor: Span


class _Gold:
    """A gold document read through a mapping: scored spans, identity groups, pairs per measure."""

    def __init__(self, doc: GoldDoc, mapping: Mapping, lemmas: Lemmas) -> None:
        self.doc = doc
        self.ents = {e.id: e for e in doc.entities}
        self.cls = {e.id: mapping.entities.get(e.type) for e in doc.entities}
        rules = [(rel, mapping.relations.get(rel.type, (None, False))) for rel in doc.relations]
        self.parent = {eid: eid for eid in self.ents}
        first: dict[str, str] = {}
        for eid, qid in doc.links:
            self._union(first.setdefault(qid, eid), eid)
        for cluster in doc.clusters:
            for eid in cluster[1:]:
                self._union(cluster[0], eid)
        for rel, (measure, _) in rules:
            if measure == "altname" and self.cls[rel.head] and self.cls[rel.head] == self.cls[rel.tail]:
                self._union(rel.head, rel.tail)
        self.group_spans: dict[str, list[Span]] = defaultdict(list)
        self.spans: dict[str, set[Span]] = {c: set() for c in mapping.classes}
        events: dict[str, list[GoldEntity]] = defaultdict(list)
        for ent in doc.entities:
            self.group_spans[self.find(ent.id)].append((ent.start, ent.stop))
            if self.cls[ent.id] in self.spans:
                self.spans[self.cls[ent.id]].add((ent.start, ent.stop))
            if self.cls[ent.id] == "Event":
                events[self.find(ent.id)].append(ent)
        self.gathering = {}
        if mapping.scopes:
            self.gathering = {
                root: any(lemmas.is_gathering(e.text) for e in ents) for root, ents in events.items()
            }
        self.events_in = [
            (e.start, e.stop) for root, ents in events.items() if self.gathering.get(root) for e in ents
        ]
        self.events_out = [
            (e.start, e.stop) for root, ents in events.items() if not self.gathering.get(root) for e in ents
        ]
        self.pairs: dict[str, list[_Pair]] = {m: [] for m in mapping.measures}
        self._read_pairs(rules, mapping, lemmas)
        self.altnames = self._read_altnames(rules)
        self.persons = self._person_identities(doc)

    def _person_identities(self, doc: GoldDoc) -> list[tuple[Span, str]]:
        """Gold persons for the over-merge rate: NEREL links only some mentions, so mentions that are
        forms of one name ("Андрей Варичев", "Андрея Варичева") are one person unless Wikidata says otherwise."""
        from extractors.nameforms import inflection_of

        qid = dict((eid, q) for eid, q in doc.links)
        persons = [e for e in doc.entities if self.cls[e.id] == "Person"]
        root = {e.id: self.find(e.id) for e in persons}
        for i, a in enumerate(persons):
            for b in persons[i + 1 :]:
                if root[a.id] == root[b.id] or qid.get(a.id, qid.get(b.id)) != qid.get(b.id, qid.get(a.id)):
                    continue
                if inflection_of(a.text, b.text):
                    old, new = root[b.id], root[a.id]
                    root = {k: new if v == old else v for k, v in root.items()}
        return [((e.start, e.stop), root[e.id]) for e in persons]

    def find(self, eid: str) -> str:
        while self.parent[eid] != eid:
            self.parent[eid] = self.parent[self.parent[eid]]
            eid = self.parent[eid]
        return eid

    def _union(self, a: str, b: str) -> None:
        if a in self.parent and b in self.parent:
            self.parent[self.find(a)] = self.find(b)

    def out_of_scope(self, spans: Sequence[Span]) -> bool:
        """A predicted event that overlaps only gold events outside the gathering scope."""
        return overlaps(spans, self.events_out) and not overlaps(spans, self.events_in)

    def _read_pairs(self, rules: list, mapping: Mapping, lemmas: Lemmas) -> None:
        mapped, holders = [], defaultdict(list)
        for rel, (measure, inverse) in rules:
            if measure in self.pairs:
                heads, tails = (rel.head,), (rel.tail, *rel.alternatives)
                if inverse:
                    heads, tails = tails, heads
                mapped.append((measure, heads, tails))
                if measure == "role":
                    for tail in tails:
                        holders[tail].extend(heads)
        seen: set[tuple] = set()
        for measure, heads, tails in mapped:
            lifted = [heads]
            if measure != "role" and len(heads) == 1 and heads[0] in holders:
                lifted = [(holder,) for holder in holders[heads[0]]]  # a position's relation is its holders'
            for head in lifted:
                self._add_pair(measure, head, tails, mapping, lemmas, seen)

    def _add_pair(
        self, measure: str, heads: tuple, tails: tuple, mapping: Mapping, lemmas: Lemmas, seen: set
    ) -> None:
        head_classes, tail_classes = ARGS[measure]
        if self.cls[heads[0]] not in head_classes or (
            tail_classes and self.cls[tails[0]] not in tail_classes
        ):
            return
        if measure in mapping.scopes:
            events = heads if head_classes == {"Event"} else tails if tail_classes == {"Event"} else ()
            if events and not any(self.gathering.get(self.find(e)) for e in events):
                return
        head_key = frozenset(self.find(h) for h in heads)
        head = tuple(s for root in sorted(head_key) for s in self.group_spans[root])
        if measure == "role":
            tail = tail_key = frozenset(lemmas.head_noun(self.ents[t].text) for t in tails)
        elif measure == "date":
            tail = tuple(self.ents[t].text for t in tails)
            tail_key = frozenset(t.lower() for t in tail)
        else:
            tail_key = frozenset(self.find(t) for t in tails)
            tail = tuple(s for root in sorted(tail_key) for s in self.group_spans[root])
        key = (
            (measure, frozenset((head_key, tail_key)))
            if measure in SYMMETRIC
            else (measure, head_key, tail_key)
        )
        if key in seen:
            return
        seen.add(key)
        h, t = self.ents[heads[0]], self.ents[tails[0]]
        what = f"«{h.text}» -> «{t.text}»" + (f" ({'/'.join(sorted(tail))})" if measure == "role" else "")
        start, stop = min(h.start, t.start), max(h.stop, t.stop)
        anchor = (start, stop) if stop - start <= 300 else (h.start, h.stop)
        self.pairs[measure].append(_Pair(head, tail, what, anchor))

    def _read_altnames(self, rules: list) -> list[tuple[GoldEntity, GoldEntity]]:
        pairs = []
        for rel, (measure, _) in rules:
            a, b = self.ents[rel.head], self.ents[rel.tail]
            if (
                measure == "altname"
                and self.cls[a.id] in ALTNAME_CLASSES
                and self.cls[b.id] == self.cls[a.id]
            ):
                pairs.append((a, b))
        for cluster in self.doc.clusters:
            mentions = sorted((self.ents[m] for m in cluster), key=lambda e: (e.start, e.stop, e.id))
            head = mentions[0]
            if self.cls[head.id] not in ALTNAME_CLASSES:
                continue
            texts = {head.text.lower()}
            for other in mentions[1:]:
                if other.text.lower() not in texts:
                    texts.add(other.text.lower())
                    pairs.append((head, other))
        return pairs


class _Predicted:
    """One extraction read as graph nodes: scored spans per class and node pairs per measure."""

    def __init__(self, ext: Extraction, gold: _Gold, mapping: Mapping, lemmas: Lemmas) -> None:
        entities = {e.key: e for e in ext.entities}
        self.node = {key: ent.ident or f"{ent.type}|{ent.name}" for key, ent in entities.items()}
        self.cls: dict[str, str | None] = {}
        self.name: dict[str, str] = {}
        for key, ent in entities.items():
            self.cls.setdefault(self.node[key], CLASS_OF.get(ent.type))
            self.name.setdefault(self.node[key], ent.name)
        self.spans: dict[str, list[Span]] = defaultdict(list)
        self.mentions: dict[str, dict[Span, str]] = {c: {} for c in CLASSES}
        for mention in ext.mentions:
            ent = entities.get(mention.key)
            if ent is None:
                log.debug("%s: mention %r names no entity", ext.article.source, mention)
                continue
            self.spans[self.node[mention.key]].append((mention.start, mention.stop))
            if CLASS_OF.get(ent.type):
                self.mentions[CLASS_OF[ent.type]].setdefault((mention.start, mention.stop), mention.text)
        self.pairs: dict[str, dict[tuple, tuple[str, Span]]] = {m: {} for m in mapping.measures}
        roles = defaultdict(list)
        for fact in ext.facts:
            if fact.predicate == "role" and isinstance(fact.object, Value):
                roles[fact.subject].append(fact.object.text)
        for fact in ext.facts:
            if fact.subject not in entities:
                continue
            if fact.predicate == "holdsPosition":
                for text in roles.get(fact.object, ()):
                    self._add("role", fact.subject, lemmas.head_noun(text), fact, gold, mapping)
            elif fact.predicate in PREDICATES:
                self._add(PREDICATES[fact.predicate], fact.subject, fact.object, fact, gold, mapping)

    def _add(
        self, measure: str, subject: str, obj: object, fact: Fact, gold: _Gold, mapping: Mapping
    ) -> None:
        if measure not in self.pairs:
            return
        head_classes, tail_classes = ARGS[measure]
        a, b = self.node[subject], obj
        if self.cls[a] not in head_classes:
            return
        label = obj.text if isinstance(obj, Value) else str(obj)
        if tail_classes is not None:
            if (
                not isinstance(obj, str)
                or obj not in self.node
                or self.cls[self.node[obj]] not in tail_classes
            ):
                return
            b = self.node[obj]
            label = f"«{self.name[b]}»"
        if measure in mapping.scopes:
            event = a if head_classes == {"Event"} else b if tail_classes == {"Event"} else None
            if event is not None and gold.out_of_scope(self.spans.get(event, ())):
                return
        key = tuple(sorted((a, b))) if measure in SYMMETRIC else (a, b)
        if key not in self.pairs[measure]:
            anchor = (
                (fact.evidence.start, fact.evidence.stop)
                if fact.evidence
                else self._near(a, b if tail_classes else None)
            )
            self.pairs[measure][key] = (f"«{self.name[a]}» -> {label}", anchor)

    def _near(self, a: str, b: object) -> Span:
        """Where to quote a pair without evidence: its two closest mentions, or the first of `a`."""
        ones, twos = self.spans.get(a) or [(0, 0)], self.spans.get(b, ()) if isinstance(b, str) else ()
        near = sorted((max(y, d) - min(x, c), min(x, c), max(y, d)) for x, y in ones for c, d in twos)
        return (near[0][1], near[0][2]) if near and near[0][0] <= 300 else ones[0]

    def hits(self, measure: str, key: tuple, pair: _Pair) -> bool:
        a, b = key
        spans_a = self.spans.get(a, ())
        if measure == "role":
            return b in pair.tail and overlaps(spans_a, pair.head)
        if measure == "date":
            return overlaps(spans_a, pair.head) and any(date_matches(b, text) for text in pair.tail)
        spans_b = self.spans.get(b, ())
        if overlaps(spans_a, pair.head) and overlaps(spans_b, pair.tail):
            return True
        return measure in SYMMETRIC and overlaps(spans_a, pair.tail) and overlaps(spans_b, pair.head)
