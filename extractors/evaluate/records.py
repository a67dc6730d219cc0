"""Gold records (documents, entities, relations) and the classes and measures that are scored."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from extractors.doc import EVENT_TYPES, ORG_TYPES
from extractors.errors import InputError

__all__ = ["CLASSES", "MEASURES", "GoldDoc", "GoldEntity", "GoldRelation", "make_gold_doc"]

VOCAB = Path(__file__).parent.parent / "vocab"
MAPPINGS = VOCAB / "mappings"
CLASSES = ("Person", "Organization", "Place", "Event")
MEASURES = ("affiliation", "role", "participation", "organizer", "place", "date", "meeting")
CLASS_OF = {
    "Person": "Person",
    "Place": "Place",
    "EventSeries": "Event",
    **{name: "Organization" for name in ORG_TYPES},
    **{name: "Event" for name in EVENT_TYPES},
}
PREDICATES = {
    "affiliatedWith": "affiliation",
    "participatedIn": "participation",
    "spokeAt": "participation",
    "moderated": "participation",
    "ledDelegationTo": "participation",
    "organizedBy": "organizer",
    "heldIn": "place",
    "startDate": "date",
    "endDate": "date",
    "startPeriod": "date",
    "endPeriod": "date",
    "metWith": "meeting",
}
AGENTS = frozenset({"Person", "Organization", "Place"})
# (head classes, tail classes); None: the tail is text (a role head noun, a date)
ARGS: dict[str, tuple[frozenset[str], frozenset[str] | None]] = {
    "affiliation": (frozenset({"Person"}), frozenset({"Organization", "Place"})),
    "role": (frozenset({"Person"}), None),
    "participation": (AGENTS, frozenset({"Event"})),
    "organizer": (frozenset({"Event"}), AGENTS),
    "place": (frozenset({"Event"}), frozenset({"Place", "Organization"})),
    "date": (frozenset({"Event"}), None),
    "meeting": (AGENTS, AGENTS),
}
SYMMETRIC = frozenset({"meeting"})
ALTNAME_CLASSES = frozenset({"Person", "Organization"})

Span = tuple[int, int]


@dataclass(frozen=True)
class GoldEntity:
    """An annotated span: text[start:stop] of the document."""

    id: str
    type: str  # the corpus's own type: "PERSON", "Org", "Peop"
    start: int
    stop: int
    text: str


@dataclass(frozen=True)
class GoldRelation:
    """An annotated relation between entity ids; `alternatives` are other acceptable tails."""

    type: str
    head: str
    tail: str
    alternatives: tuple[str, ...] = ()


@dataclass(frozen=True)
class GoldDoc:
    """One annotated document, the same whether read from JSONL or BRAT."""

    id: str
    text: str
    entities: tuple[GoldEntity, ...] = ()
    relations: tuple[GoldRelation, ...] = ()
    clusters: tuple[tuple[str, ...], ...] = ()  # coreference: entity ids that name one thing
    links: tuple[tuple[str, str], ...] = ()  # (entity id, Wikidata id)
    source: str = field(default="", compare=False)  # "gold.jsonl:12" or the .ann path, for messages


def make_gold_doc(
    doc_id: str,
    text: str,
    entities: Iterable[GoldEntity],
    relations: Iterable[GoldRelation],
    clusters: Iterable[Iterable[str]] = (),
    links: Iterable[tuple[str, str]] = (),
    source: str = "",
) -> GoldDoc:
    """Check offsets and references, and put every part in one canonical order."""
    entities = sorted(entities, key=lambda e: (e.start, e.stop, e.type, e.id))
    ids = {e.id for e in entities}
    for ent in entities:
        if not 0 <= ent.start < ent.stop <= len(text):
            raise InputError(
                f"{source}: entity {ent.id}: expected offsets within 0..{len(text)}, got {ent.start}..{ent.stop}"
            )
    relations = sorted(relations, key=lambda r: (r.type, r.head, r.tail, r.alternatives))
    clusters = sorted(tuple(sorted(c)) for c in clusters)
    for ref in [r for rel in relations for r in (rel.head, rel.tail, *rel.alternatives)] + [
        r for c in clusters for r in c
    ]:
        if ref not in ids:
            raise InputError(f"{source}: expected a reference to an entity id, got {ref!r}")
    links = sorted(set(links))
    return GoldDoc(doc_id, text, tuple(entities), tuple(relations), tuple(clusters), tuple(links), source)
