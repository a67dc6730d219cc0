"""EnDoc: one English article while it is being read: sentences, found names, nodes and facts."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

from extractors.doc import Article, Entity, Evidence, Extraction, Fact, Mention, Value

__all__ = ["EnDoc", "Hit", "Node", "Sent", "position_key"]


@dataclass
class Sent:
    """One sentence: offsets into the article text and the spaCy span that covers it."""

    start: int
    stop: int
    block: int  # index of the paragraph (text line) it belongs to
    span: Any  # spacy.tokens.Span
    offset: int  # article offset of the spaCy doc's first character


@dataclass
class Hit:
    """A found name: article offsets, the node it names, and its class."""

    start: int
    stop: int
    key: str
    type: str
    generic: bool = False  # "the university", "the forum": refers back, is not a name


@dataclass
class Node:
    """An entity under construction: alt names and extra types still grow."""

    key: str
    type: str
    name: str
    lang: str
    alt_names: list[str] = field(default_factory=list)
    extra_types: list[str] = field(default_factory=list)

    def add_alt(self, name: str) -> None:
        if name and name != self.name and name not in self.alt_names:
            self.alt_names.append(name)


class EnDoc:
    """The working state of one article; stages read and add to it, `to_extraction` freezes it."""

    def __init__(self, article: Article):
        self.article = article
        self.text = article.text
        self.sents: list[Sent] = []
        self.hits: list[Hit] = []
        self.nodes: dict[str, Node] = {}
        self.facts: dict[tuple, Fact] = {}
        self.parents: dict[str, str] = {}  # edition or sub-event key -> the event it belongs to

    # nodes and hits
    def node(self, type: str, name: str, lang: str = "en", alt: str = "") -> str:
        key = f"{type}:{name}"
        node = self.nodes.get(key)
        if node is None:
            node = self.nodes[key] = Node(key, type, name, lang)
        node.add_alt(alt)
        return key

    def add_hit(self, start: int, stop: int, key: str, generic: bool = False) -> Hit:
        hit = Hit(start, stop, key, self.nodes[key].type, generic)
        self.hits.append(hit)
        return hit

    def sort_hits(self) -> None:
        self.hits.sort(key=lambda h: (h.start, -h.stop, h.key))

    def hits_in(self, start: int, stop: int) -> list[Hit]:
        first = bisect_left([h.start for h in self.hits], start)
        return [h for h in self.hits[first:] if h.start < stop and h.stop <= stop]

    def hit_at(self, start: int, stop: int) -> Hit | None:
        """The first hit overlapping [start, stop)."""
        for hit in self.hits:
            if hit.start < stop and start < hit.stop:
                return hit
        return None

    def type_of(self, key: str) -> str:
        return self.nodes[key].type

    # facts
    def add_fact(self, subject: str, predicate: str, obj: str | Value, sent: Sent) -> None:
        if subject == obj:
            return
        evidence = Evidence(sent.start, sent.stop, self.text[sent.start : sent.stop])
        self.facts.setdefault((subject, predicate, obj), Fact(subject, predicate, obj, evidence))

    def sent_at(self, offset: int) -> Sent | None:
        for sent in self.sents:
            if sent.start <= offset < sent.stop:
                return sent
        return None

    def to_extraction(self) -> Extraction:
        used = {h.key for h in self.hits} | {k for f in self.facts.values() for k in (f.subject, f.object)}
        entities = tuple(
            Entity(n.key, n.type, n.name, n.lang, tuple(n.alt_names), tuple(sorted(n.extra_types)))
            for key, n in sorted(self.nodes.items())
            if key in used
        )
        mentions = sorted(
            {Mention(h.start, h.stop, self.text[h.start : h.stop], h.key) for h in self.hits},
            key=lambda m: (m.start, m.stop, m.key),
        )
        facts = sorted(
            self.facts.values(),
            key=lambda f: (f.subject, f.predicate, str(f.object), f.evidence.start if f.evidence else 0),
        )
        return Extraction(self.article, entities, tuple(mentions), tuple(facts))


def position_key(person: str, role: str, org: str | None) -> str:
    """One Position node per person, role and organisation."""
    return f"Position:{person}|{role}|{org or ''}"
