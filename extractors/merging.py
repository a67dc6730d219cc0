"""The bookkeeping of resolution: entity keys of candidates, renaming them, and the reasons of each merge."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from extractors.doc import EVENT_TYPES
from extractors.nameforms import person_ident
from extractors.vocab import fold

__all__ = ["Notes", "ORG_CLASS_RANK", "family", "group_key", "surface", "rename"]

# When mentions of one organisation disagree on its class, the more specific class wins.
ORG_CLASS_RANK = {"Organization": 0, "Company": 1, "GovernmentBody": 2, "University": 3}


@dataclass
class Notes:
    """What resolution learnt on the way: why candidates were merged, and alias spans that name them."""

    text: str
    why: dict[int, set[str]] = field(default_factory=lambda: defaultdict(set))
    spans: list[tuple[int, int, object]] = field(default_factory=list)  # (start, stop, candidate it names)

    def merge(self, cand, rule: str, alias: str, score: float) -> None:
        alias = " ".join(alias.split()).strip(' ,.;:«»"“”„')
        self.why[id(cand)].add(f"{rule}: «{alias}» ({score:.2f})")

    def alias(self, anchor, start: int, stop: int, rule: str, score: float, alt: bool = True) -> None:
        piece = self.text[start:stop]
        self.spans.append((start, stop, anchor))
        self.merge(anchor, rule, piece, score)
        if alt and piece not in anchor.alt:
            anchor.alt.append(piece)


def family(type_name: str) -> str:
    if type_name in ORG_CLASS_RANK:
        return "org"
    return "event" if type_name in EVENT_TYPES else type_name.lower()


def group_key(cand) -> str:
    if cand.type == "Person":
        return "person:" + fold(person_ident(cand.name))
    return f"{family(cand.type)}:" + fold(cand.name)


def surface(cand, text: str) -> str:
    return text[cand.start : cand.stop]


def rename(cands: list, old, new, notes: Notes, rule: str, score: float) -> None:
    """Every candidate named like `old` takes the name (and the class) of `new`."""
    key = group_key(old)
    for cand in cands:
        if cand is new or group_key(cand) != key:
            continue
        notes.merge(cand, rule, surface(cand, notes.text), score)
        if cand.type != "Person" and cand.name not in cand.alt:
            cand.alt.append(cand.name)
        cand.name = new.name
        if family(cand.type) == "org" and family(new.type) == "org":
            cand.type = max(cand.type, new.type, key=lambda t: ORG_CLASS_RANK.get(t, 0))
        else:
            cand.type = new.type
