"""Scores, resolution rates and mistakes of an evaluation, as JSON or as text."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from extractors.evaluate.mapping import Mapping

__all__ = ["Mistake", "Report", "Resolution", "Score"]


def _rate(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


@dataclass
class Score:
    """True positive, false positive and false negative counts of one measure."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def p(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def r(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.p, self.r
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict[str, float | int]:
        return {
            "p": round(self.p, 4),
            "r": round(self.r, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class Resolution:
    """Counts behind the alternative-name merge rate and the person over-merge rate."""

    altname_pairs: int = 0
    altname_merged: int = 0
    altname_covered: int = 0
    person_nodes: int = 0
    person_overmerged: int = 0

    def to_json(self) -> dict[str, float | int]:
        return {
            "altname_merge_rate": _rate(self.altname_merged, self.altname_pairs),
            "altname_pairs": self.altname_pairs,
            "altname_merged": self.altname_merged,
            "altname_covered": self.altname_covered,
            "person_overmerge_rate": _rate(self.person_overmerged, self.person_nodes),
            "person_nodes": self.person_nodes,
            "person_overmerged": self.person_overmerged,
        }


@dataclass(frozen=True)
class Mistake:
    """One false positive or false negative (or resolution miss) with the sentence it sits in."""

    kind: str  # "FP", "FN"; resolution: "unmerged", "overmerged"
    doc: str
    start: int
    what: str
    sentence: str


@dataclass
class Report:
    """Scores per entity class and relation measure, resolution rates, and every mistake by group."""

    mapping: str
    documents: int = 0
    entities: dict[str, Score] = field(default_factory=dict)
    entities_overlap: dict[str, Score] = field(default_factory=dict)
    relations: dict[str, Score] = field(default_factory=dict)
    resolution: Resolution = field(default_factory=Resolution)
    # "entities/Person", "entities_overlap/Person", "relations/role", "resolution/altname", ...
    mistakes: dict[str, list[Mistake]] = field(default_factory=dict)

    @classmethod
    def empty(cls, mapping: Mapping) -> Report:
        groups = [f"entities/{c}" for c in mapping.classes]
        groups += [f"entities_overlap/{c}" for c in mapping.classes]
        groups += [f"relations/{m}" for m in mapping.measures]
        groups += ["resolution/altname", "resolution/person_overmerge"]
        return cls(
            mapping=mapping.name,
            entities={c: Score() for c in mapping.classes},
            entities_overlap={c: Score() for c in mapping.classes},
            relations={m: Score() for m in mapping.measures},
            mistakes={group: [] for group in groups},
        )

    def to_json(self) -> dict[str, object]:
        return {
            "documents": self.documents,
            "entities": {c: s.to_json() for c, s in self.entities.items()},
            "relations": {m: s.to_json() for m, s in self.relations.items()},
            "entities_overlap": {c: s.to_json() for c, s in self.entities_overlap.items()},
            "resolution": self.resolution.to_json(),
        }

    def to_text(self) -> str:
        rows = [f"{self.documents} documents, mapping {self.mapping}", ""]
        rows.append(f"{'measure':<26}{'tp':>7}{'fp':>7}{'fn':>7}{'P':>8}{'R':>8}{'F1':>8}")

        def row(label: str, s: Score) -> None:
            rows.append(f"{label:<26}{s.tp:>7}{s.fp:>7}{s.fn:>7}{s.p:>8.4f}{s.r:>8.4f}{s.f1:>8.4f}")

        for name, score in self.entities.items():
            row(f"{name} exact", score)
            row(f"{name} overlap", self.entities_overlap[name])
        for name, score in self.relations.items():
            row(name, score)
        res = self.resolution
        rows += [
            "",
            f"altname merge rate     {_rate(res.altname_merged, res.altname_pairs):.4f}  ({res.altname_merged} "
            f"of {res.altname_pairs} gold pairs on one node; {res.altname_covered} with both names found)",
            f"person overmerge rate  {_rate(res.person_overmerged, res.person_nodes):.4f}  "
            f"({res.person_overmerged} of {res.person_nodes} person nodes join different gold persons)",
        ]
        return "\n".join(rows)

    def errors_text(self) -> str:
        lines = []
        for group, items in self.mistakes.items():
            counts = Counter(m.kind for m in items)
            lines.append(
                f"== {group}: " + (", ".join(f"{n} {k}" for k, n in sorted(counts.items())) or "none")
            )
            lines += [f"{m.kind}\t{m.doc}\t{m.what}\t| {m.sentence}" for m in items]
            lines.append("")
        return "\n".join(lines)
