"""Mapping files: which gold type is which of our classes, which relation type which measure."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from extractors.errors import InputError
from extractors.evaluate.records import CLASSES, MAPPINGS, MEASURES, GoldDoc

__all__ = ["Mapping", "guess_mapping", "load_mapping"]


@dataclass(frozen=True, eq=True)
class Mapping:
    """Gold entity type -> class (None: ignore); relation type -> (measure or None, inverse); scopes."""

    name: str
    entities: dict[str, str | None] = field(default_factory=dict)
    relations: dict[str, tuple[str | None, bool]] = field(default_factory=dict)
    scopes: dict[str, str] = field(default_factory=dict)  # measure -> "gathering"

    @property
    def classes(self) -> tuple[str, ...]:
        return tuple(c for c in CLASSES if c in self.entities.values())

    @property
    def measures(self) -> tuple[str, ...]:
        used = {measure for measure, _ in self.relations.values()}
        return tuple(m for m in MEASURES if m in used)


def load_mapping(spec: str | Path) -> Mapping:
    """Read a mapping file; a bare name ("nerel") names a shipped one."""
    path = Path(spec)
    if not path.exists() and (MAPPINGS / f"{spec}.tsv").exists():
        path = MAPPINGS / f"{spec}.tsv"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"{path}: cannot read the mapping file: {err}") from err
    mapping = Mapping(path.stem)
    for lineno, raw in enumerate(lines, 1):
        cells = raw.split("#", 1)[0].split()
        if not cells:
            continue
        if cells[0] == "entity" and len(cells) == 3 and cells[2] in (*CLASSES, "ignore"):
            mapping.entities[cells[1]] = None if cells[2] == "ignore" else cells[2]
        elif (
            cells[0] == "relation"
            and len(cells) == 4
            and cells[2] in (*MEASURES, "altname", "ignore")
            and cells[3] in ("0", "1")
        ):
            mapping.relations[cells[1]] = (None if cells[2] == "ignore" else cells[2], cells[3] == "1")
        elif cells[0] == "scope" and len(cells) == 3 and cells[1] in MEASURES and cells[2] == "gathering":
            mapping.scopes[cells[1]] = cells[2]
        else:
            raise InputError(
                f"{path}:{lineno}: expected 'entity TYPE {'|'.join(CLASSES)}|ignore', "
                f"'relation TYPE {'|'.join(MEASURES)}|altname|ignore 0|1' or 'scope MEASURE gathering', "
                f"got {raw.strip()!r}"
            )
    return mapping


def guess_mapping(docs: Sequence[GoldDoc]) -> Mapping:
    """The shipped mapping that knows most of the gold entity and relation types."""
    types = Counter(e.type for doc in docs for e in doc.entities)
    types.update(r.type for doc in docs for r in doc.relations)
    scored = []
    for path in sorted(MAPPINGS.glob("*.tsv")):
        mapping = load_mapping(path)
        known = sum(n for name, n in types.items() if name in mapping.entities or name in mapping.relations)
        scored.append((known, mapping))
    scored.sort(key=lambda pair: -pair[0])
    if not scored or scored[0][0] == 0 or (len(scored) > 1 and scored[1][0] == scored[0][0]):
        shown = ", ".join(name for name, _ in types.most_common(8)) or "none"
        raise InputError(f"cannot guess the mapping for gold types {shown}: pass --mapping FILE")
    return scored[0][1]
