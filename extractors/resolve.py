"""Resolution inside one article: mentions of the same thing become one entity."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from extractors.doc import EVENT_TYPES, Entity, Mention
from extractors.vocab import fold, load_gazetteer

__all__ = ["Resolved", "resolve_mentions", "person_ident", "ORG_CLASS_RANK"]

# When mentions of one organisation disagree on its class, the more specific class wins.
ORG_CLASS_RANK = {"Organization": 0, "Company": 1, "GovernmentBody": 2, "University": 3}
ABBREVIATION = re.compile(r"^\s*\(\s*([A-ZА-ЯЁ][A-Za-zА-ЯЁа-яё\-]{1,12})\s*\)")


@dataclass
class Resolved:
    """Entities and mentions of an article, and the entity key of every candidate."""

    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)


def person_ident(name: str) -> str:
    """First name and surname: the identity of a person whether or not the patronymic is written."""
    words = name.split()
    return f"{words[0]} {words[-1]}" if len(words) >= 2 else name


def group_key(cand) -> str:
    if cand.type == "Person":
        return "person:" + fold(person_ident(cand.name))
    if cand.type in ("Organization", "University", "GovernmentBody", "Company"):
        return "org:" + fold(cand.name)
    if cand.type in EVENT_TYPES:
        return "event:" + fold(cand.name)
    return f"{cand.type.lower()}:" + fold(cand.name)


def link_persons(cands: list) -> None:
    """A surname alone, or first name + surname, refers to the full person named in the article."""
    full = [c for c in cands if c.type == "Person" and len(c.name.split()) >= 2]
    for cand in cands:
        if cand.type != "Person" or len(cand.name.split()) >= 2:
            continue
        surname = fold(cand.name)
        matches = {person_ident(f.name) for f in full if fold(f.name.split()[-1]) == surname}
        if len(matches) == 1:
            cand.name = next(f.name for f in full if person_ident(f.name) in matches)
            cand.alt.append(cand.name)


def link_abbreviations(cands: list, text: str) -> None:
    """ "Полное название (АББР)": the abbreviation names the organisation before it."""
    by_fold = {}
    for cand in cands:
        if cand.type in ORG_CLASS_RANK:
            m = ABBREVIATION.match(text, cand.stop)
            if m and m.group(1).isupper():
                by_fold[fold(m.group(1))] = cand
    for cand in cands:
        target = by_fold.get(fold(cand.name))
        if target is not None and target is not cand:
            cand.alt.append(cand.name)
            cand.name, cand.type = target.name, target.type
    for abbr, target in by_fold.items():
        target.alt.append(abbr.upper())


def link_events(cands: list) -> None:
    """A bare event noun refers to the last event of its class named before it (or just after, in its sentence)."""
    named = [c for c in cands if c.type in EVENT_TYPES and c.kind == "named"]
    editions = defaultdict(set)
    for c in named:
        if c.series and c.year:
            editions[c.series].add(c.name)
    for cand in cands:
        if cand.kind == "series" and len(editions.get(cand.series, ())) == 1:
            # the series named alone in an article about one of its editions means that edition
            edition = next(c for c in named if c.name in editions[cand.series])
            cand.kind, cand.type, cand.name = "named", edition.type, edition.name
            cand.year, cand.alt = edition.year, []
        if cand.kind != "anaphor":
            continue
        fits = [c for c in named if cand.type == "Event" or c.type == cand.type]
        before = [c for c in fits if c.start < cand.start]
        after = [c for c in fits if c.start > cand.start and c.sent is cand.sent]
        target = before[-1] if before else (after[0] if after else None)
        if target is not None:
            cand.kind, cand.type, cand.name = "named", target.type, target.name


def resolve_mentions(cands: list, text: str, lang: str = "ru") -> Resolved:
    """Group candidates into entities; every named candidate gets `key` and a Mention."""
    link_persons(cands)
    link_abbreviations(cands, text)
    link_events(cands)
    groups: dict[str, list] = defaultdict(list)
    for cand in cands:
        if cand.kind == "anaphor":
            continue
        cand.key = group_key(cand)
        groups[cand.key].append(cand)
    out = Resolved()
    gazetteer = load_gazetteer()
    for key, members in groups.items():
        names = [m.name for m in members]
        if members[0].type == "Person":
            name = max(names, key=lambda n: (len(n.split()), n))  # the fullest form the text gives
            ident = person_ident(name)
        else:
            name, ident = members[0].name, ""
        cls = max((m.type for m in members), key=lambda t: ORG_CLASS_RANK.get(t, 0))
        alts = {a for m in members for a in m.alt} | set(names)
        entry = gazetteer.get(name)
        if entry is not None and entry.type == cls:
            alts |= set(entry.names)
        alts.discard(name)
        out.entities[key] = Entity(key, cls, name, lang, tuple(sorted(alts)), ident=ident)
    for cand in cands:
        if cand.key:
            out.mentions.append(Mention(cand.start, cand.stop, text[cand.start : cand.stop], cand.key))
    return out
