"""Plain records that flow from the extractors to the graph: Article, Entity, Mention, Fact, Evidence."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

__all__ = [
    "Article",
    "Entity",
    "Evidence",
    "Extraction",
    "Fact",
    "Mention",
    "Value",
    "ENTITY_TYPES",
    "EVENT_TYPES",
    "ORG_TYPES",
]

ORG_TYPES = ("Organization", "University", "GovernmentBody", "Company")
EVENT_TYPES = ("Event", "Forum", "Exhibition", "Congress", "Conference", "Session", "RoundTable")
ENTITY_TYPES = ("Person", *ORG_TYPES, "Place", *EVENT_TYPES, "EventSeries", "Position")


@dataclass(frozen=True)
class Article:
    """One decoded source document: `text` is what every offset points into."""

    text: str
    source: str  # stable source key: URL, or path relative to the input root, or "file.jsonl#12"
    path: str = ""  # where it was read from on this machine, for messages
    title: str = ""
    url: str = ""
    date: str = ""  # ISO date "2024-07-08" when known
    lang: str = ""  # "ru", "en", or "" when unknown
    encoding: str = "utf-8"

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Value:
    """A literal object of a fact: `datatype` is "string", "date", "integer" or a language tag via `lang`."""

    text: str
    datatype: str = "string"
    lang: str = ""


@dataclass(frozen=True)
class Entity:
    """A node named in one article; `key` is local to the extraction, `type` an ontology class name."""

    key: str
    type: str
    name: str  # canonical name: nominative, full form
    lang: str = "ru"
    alt_names: tuple[str, ...] = ()
    extra_types: tuple[str, ...] = ()  # e.g. ("Official",)
    # identity override: entities with the same `ident` are one node (type and name by default)
    ident: str = ""
    # why mentions were merged into this entity: "rule: «alias» (score)", one line per merge
    merge_reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mention:
    """A span of the article text naming an entity: text[start:stop] == self.text."""

    start: int
    stop: int
    text: str
    key: str  # Entity.key


@dataclass(frozen=True)
class Evidence:
    """The sentence that states a fact, as offsets into the article text."""

    start: int
    stop: int
    sentence: str


@dataclass(frozen=True)
class Fact:
    """subject --predicate--> object; subject and object are Entity keys, or object is a Value.

    Positions are entities of type "Position" linked by facts: (person, "holdsPosition", pos),
    (pos, "role", Value("ректор", lang="ru")), (pos, "organization", org), plus (person, "affiliatedWith", org).
    """

    subject: str
    predicate: str  # ontology term name: "holdsPosition", "participatedIn", "spokeAt", ...
    object: str | Value
    evidence: Evidence | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Extraction:
    """Everything found in one article."""

    article: Article
    entities: tuple[Entity, ...] = ()
    mentions: tuple[Mention, ...] = ()
    facts: tuple[Fact, ...] = ()
