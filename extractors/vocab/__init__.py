"""Vocabularies kept as data: event nouns, organisation heads, post names, gazetteer."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from extractors.errors import InputError

__all__ = ["GazetteerEntry", "Gazetteer", "load_table", "load_words", "load_gazetteer", "fold"]

HERE = Path(__file__).resolve().parent


FOLD_QUOTES = re.compile(r"[«»\"“”„'’`]")
FOLD_DASHES = re.compile(r"[‐‑‒–—]")
FOLD_AROUND_DASH = re.compile(r"\s*-\s*")
FOLD_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1 << 17)  # the same names and words are folded again and again by every rule
def fold(name: str) -> str:
    """A key for comparing names: lower case, ё as е, no quotes, single spaces, one kind of dash."""
    name = name.lower().replace("ё", "е")
    name = FOLD_QUOTES.sub("", name)
    name = FOLD_DASHES.sub("-", name)
    name = FOLD_AROUND_DASH.sub("-", name)
    return FOLD_SPACES.sub(" ", name).strip(" .,;:")


def _lines(path: Path) -> list[tuple[int, list[str]]]:
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as err:
        raise InputError(f"{path}: cannot read vocabulary: {err.strerror}") from err
    rows = []
    for number, line in enumerate(raw.splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            rows.append((number, line.rstrip("\n").split("\t")))
    return rows


@cache
def load_table(name: str) -> dict[str, str]:
    """A two-column TSV file of this folder as {first column: second column}."""
    path = HERE / name
    table = {}
    for number, cells in _lines(path):
        if len(cells) < 2:
            raise InputError(f"{path}:{number}: expected 2 tab-separated columns, got {len(cells)}")
        table[cells[0].strip()] = cells[1].strip()
    return table


@cache
def load_words(name: str) -> tuple[str, ...]:
    """A one-word-per-line file of this folder."""
    return tuple(cells[0].strip() for _, cells in _lines(HERE / name))


@dataclass(frozen=True)
class GazetteerEntry:
    type: str
    name: str
    names: tuple[str, ...]  # every known name, the canonical one first
    kind: str = ""  # for an EventSeries: the class of its editions


class Gazetteer:
    """Known names to entries, looked up by folded name."""

    def __init__(self, entries: list[GazetteerEntry]):
        self.entries = entries
        self.by_name: dict[str, GazetteerEntry] = {}
        for entry in entries:
            for name in entry.names:
                self.by_name.setdefault(fold(name), entry)

    def get(self, name: str) -> GazetteerEntry | None:
        return self.by_name.get(fold(name))


def read_gazetteer(path: Path) -> list[GazetteerEntry]:
    entries = []
    for number, cells in _lines(path):
        if len(cells) < 2:
            raise InputError(f"{path}:{number}: expected class, name and aliases separated by tabs")
        aliases = [a.strip() for a in cells[2].split("|")] if len(cells) > 2 else []
        kind = cells[3].strip() if len(cells) > 3 else ""
        names = (cells[1].strip(), *filter(None, aliases))
        entries.append(GazetteerEntry(cells[0].strip(), cells[1].strip(), names, kind))
    return entries


@cache
def load_gazetteer(extra: tuple[str, ...] = ()) -> Gazetteer:
    """The shipped gazetteer plus any user files (later files add names, they never remove)."""
    entries = read_gazetteer(HERE / "gazetteer.tsv")
    for path in extra:
        entries.extend(read_gazetteer(Path(path)))
    return Gazetteer(entries)
