"""Resolution of event mentions inside one article: a series named alone, a bare event noun pointing back."""

from __future__ import annotations

from collections import defaultdict

from extractors.doc import EVENT_TYPES
from extractors.merging import Notes, surface
from extractors.vocab import load_table

__all__ = ["link_events", "unnamed_events"]


def link_events(cands: list, notes: Notes) -> None:
    """A series named alone means its one edition of the article, or, when the article names none, the
    edition it is about, its year unsaid ("выступил на форуме «Технопром»"); a bare event noun, the event
    named before, or else the only one of its kind named after it."""
    editions = defaultdict(set)
    for c in cands:
        if c.type in EVENT_TYPES and c.kind == "named" and c.series and (c.year or c.edition):
            editions[c.series].add(c.name)
    for cand in cands:
        if cand.kind == "series" and cand.type in EVENT_TYPES and not editions.get(cand.series):
            # named as written ("форум «Технопром»"), apart from the series node "Технопром" it is an edition of
            cand.kind, cand.name = "named", cand.alt[0] if cand.alt else cand.name
    named = [c for c in cands if c.type in EVENT_TYPES and c.kind == "named"]
    for cand in cands:
        if cand.kind == "series" and len(editions.get(cand.series, ())) == 1:
            edition = next(c for c in named if c.name in editions[cand.series])
            notes.merge(
                cand, "series named alone → its edition in the article", surface(cand, notes.text), 0.8
            )
            cand.kind, cand.type, cand.name = "named", edition.type, edition.name
            cand.year, cand.alt = edition.year, []
        if cand.kind != "anaphor":
            continue
        stem = SELF_NAMING.get(cand.name)
        fits = [
            c
            for c in named
            if (cand.type == "Event" or c.type == cand.type) and (stem is None or stem in c.name.lower())
        ]
        before = [c for c in fits if c.start < cand.start]
        after = [c for c in fits if c.start > cand.start and c.sent is cand.sent]
        # "Делегация ТУСУРа приняла участие в форуме. … Форум «Технопром-2025» прошел …": the only event of
        # its kind the article names, named after the first mention
        later = {c.name: c for c in fits if c.start > cand.start}
        target = before[-1] if before else (after[0] if after else None)
        if target is None and len(later) == 1:
            target = next(iter(later.values()))
            notes.merge(cand, "event noun → the one event named after it", surface(cand, notes.text), 0.6)
        elif target is not None:
            notes.merge(cand, "event noun → the event named before", surface(cand, notes.text), 0.7)
        if target is not None:
            cand.kind, cand.type, cand.name = "named", target.type, target.name
        elif cand.phrase and unnamed_events().get(cand.name):
            cand.kind = "unnamed"
    for cand in cands:
        if cand.kind == "unnamed" and cand.phrase:  # an event of its own, named and spanned by its phrase
            cand.name, cand.start, cand.stop = cand.phrase, cand.phrase_start, cand.phrase_stop


# a noun that points back only to an event called by it: "на неделе" to «Российская энергетическая неделя»,
# while "на прошлой неделе" after «Всеобщий народный конгресс» is a time, not that congress
SELF_NAMING = {"неделя": "недел"}


def unnamed_events() -> dict[str, str]:
    """Event nouns that stand for an event of their own when nothing named claims them."""
    return load_table("unnamed_events.tsv")
