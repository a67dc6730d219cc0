"""Helpers for English names: gazetteer patterns, cleaning spans, telling organisation classes."""

from __future__ import annotations

import re
from functools import lru_cache

from extractors.en.lexicon import Lexicon
from extractors.vocab import Gazetteer, GazetteerEntry

__all__ = ["HONORIFICS", "clean_span", "gazetteer_re", "org_class", "capitalised_run", "series_class"]

HONORIFICS = [
    "Mr.",
    "Mrs.",
    "Ms.",
    "Miss",
    "Dr.",
    "Prof.",
    "Professor",
    "Sen.",
    "Rep.",
    "Gov.",
    "Rev.",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Prince",
    "Princess",
    "King",
    "Queen",
    "Archduke",
    "Emperor",
    "Pope",
    "Gen.",
    "Col.",
    "Maj.",
    "Lt.",
    "Capt.",
    "Adm.",
    "Sgt.",
    "Cmdr.",
    "Academician",
]
_HONORIFIC_RE = re.compile(r"^(?:(?:" + "|".join(re.escape(h) for h in HONORIFICS) + r")\s+)+")
# one capitalised word of a name: "Sergey", "O'Brien", "Bin-Nun", "J." ; "de", "van" may stand inside
_NAME_WORD = r"(?:[A-Z][a-zà-ÿ]*(?:['’-][A-Za-zà-ÿ]+)*\.?|(?:de|da|van|von|bin|al|le|la|der|du)(?=\s+[A-Z]))"
_RUN_RE = re.compile(rf"{_NAME_WORD}(?:\s{_NAME_WORD}){{0,3}}")


@lru_cache(maxsize=4)
def gazetteer_re(gazetteer: Gazetteer) -> tuple[re.Pattern, dict[str, GazetteerEntry]]:
    """One pattern for every gazetteer name written in Latin letters, longest first, case as written."""
    names: dict[str, GazetteerEntry] = {}
    for entry in gazetteer.entries:
        for name in entry.names:
            if re.search(r"[A-Za-z]", name) and not re.search(r"[А-Яа-яЁё]", name):
                names.setdefault(name, entry)
    parts = sorted(names, key=lambda n: (-len(n), n))
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in parts) + r")(?![\w])")
    return pattern, names


def clean_span(text: str, start: int, stop: int) -> tuple[int, int]:
    """Trim a name span: no leading article or honorific, no possessive, no outer punctuation or quotes."""
    piece = text[start:stop]
    lead = re.match(r"^(?:[^\w]+|[Tt]he\s+)+", piece)
    if lead:
        start += lead.end()
    piece = text[start:stop]
    honorific = _HONORIFIC_RE.match(piece)
    if honorific and honorific.end() < len(piece):
        start += honorific.end()
    piece = text[start:stop]
    tail = re.search(r"(?:\s*['’]s|\s*['’])?[\s\"'“”«»),;:]*$", piece)
    if tail and tail.start() > 0:
        stop = start + tail.start()
    piece = text[start:stop]
    # a final full stop belongs to an initial or an abbreviation ("Jr.", "Inc."), not to a word
    if piece.endswith(".") and not re.search(r"(?:\b[A-Z]|Jr|Sr|Inc|Co|Corp|Ltd|St)\.$", piece):
        stop -= 1
    return start, stop


def org_class(name: str, lexicon: Lexicon) -> str:
    """University, GovernmentBody, Company or Organization, from the head words of an English name."""
    words = [w.strip(".,()") for w in name.lower().split()]
    for word in words:
        if word in lexicon.org_heads and lexicon.org_heads[word] == "University":
            return "University"
    for word in reversed(words):
        if word in lexicon.org_heads:
            return lexicon.org_heads[word]
    return "Organization"


def series_class(entry: GazetteerEntry, lexicon: Lexicon, ru_events: dict[str, str]) -> str:
    """The event class of an edition of a gazetteer series, told by the nouns in the series' names."""
    for name in entry.names:
        low = name.lower()
        for noun, cls in sorted({**lexicon.events, **ru_events}.items(), key=lambda kv: -len(kv[0])):
            if re.search(rf"(?<!\w){re.escape(noun)}", low):
                return cls
    return "Event"


def capitalised_run(text: str, start: int, limit: int) -> tuple[int, int] | None:
    """The run of capitalised name words starting exactly at `start` (up to four words), if any."""
    match = _RUN_RE.match(text, start, limit)
    if not match:
        return None
    stop = match.end()
    while stop > start and text[stop - 1] in ".’'" and not re.search(r"\b[A-Z]\.$", text[start:stop]):
        stop -= 1
    return (start, stop) if stop > start else None
