"""Resolution inside one article: mentions of the same thing become one entity, and each merge says why."""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field

from extractors.aliases import (
    link_acronyms,
    link_brackets,
    link_legal_forms,
    link_nicknames,
    link_territories,
)
from extractors.doc import Entity, Mention
from extractors.eventlinks import link_events
from extractors.intervals import overlap_test
from extractors.merging import ORG_CLASS_RANK, Notes, group_key, surface
from extractors.nameforms import PATRONYMIC, inflection_of, person_ident, same_word, split_person
from extractors.vocab import fold, load_gazetteer

__all__ = ["Resolved", "resolve_mentions", "person_ident", "ORG_CLASS_RANK"]

CAPITALISED = re.compile(
    r"(?<![\w.-])((?:[A-ZА-ЯЁ][a-zа-яё]?\.\s?){1,2})?([A-ZА-ЯЁ][a-zа-яё]+(?:-[A-ZА-ЯЁ]?[a-zа-яё]+)?)(?![\w-])"
)


@dataclass
class Resolved:
    """Entities and mentions of an article, and the entity key of every candidate."""

    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)


# Persons ------------------------------------------------------------------------------------------


class Person:
    """The full-name mentions of one person, and the short mentions linked to them."""

    def __init__(self, cand):
        self.cands = [cand]
        self.full = [cand]
        self._names: tuple[str, ...] = ()  # the names `_idents` was made of: asked for again and again
        self._idents: list[str] = []

    def idents(self) -> list[str]:
        names = tuple(c.name for c in self.full)  # names change as mentions are merged: compare them all
        if names != self._names:
            self._names, self._idents = names, sorted({person_ident(name) for name in set(names)})
        return self._idents

    def firsts(self) -> set[str]:
        return {i.split()[0] for i in self.idents()}

    def lasts(self) -> set[str]:
        return {i.split()[-1] for i in self.idents()}

    def takes(self, words: list[str]) -> bool:
        """Forms of our first name and surname: "Антонеллой Рокуццо" ~ "Антонелла Рокуццо"."""
        return any(same_word(words[0], f) for f in self.firsts()) and any(
            same_word(words[-1], s) for s in self.lasts()
        )

    def best(self, text: str) -> str:
        """The identity written as such most often (so in the nominative), then the most frequent one."""

        def score(ident: str):
            members = [c for c in self.full if person_ident(c.name) == ident]
            verbatim = sum(fold(person_ident(surface(c, text))) == fold(ident) for c in members)
            return (verbatim, len(members), -len(ident), ident)

        return max(self.idents(), key=score)


def link_persons(cands: list, notes: Notes) -> list[Person]:
    """Variants of a full name, surnames alone, first names alone and initials join the full person."""
    text = notes.text
    persons = [c for c in cands if c.type == "Person"]
    for cand in persons:
        agree_case(cand, text)
    unglue_persons(persons, notes)
    people: list[Person] = []
    for cand in persons:
        initials, words = split_person(cand.name)
        if initials or len(words) < 2:
            continue
        home = next((p for p in people if p.takes(words)), None)
        if home is None:
            people.append(Person(cand))
        else:
            home.cands.append(cand)
            home.full.append(cand)
    for person in people:
        best = person.best(text)
        for cand in person.full:
            if fold(person_ident(cand.name)) != fold(best):
                notes.merge(cand, "variant form of the full name", surface(cand, text), 0.9)
                cand.name = best
    for cand in persons:
        initials, words = split_person(cand.name)
        if len(words) != 1:
            continue
        forms = {words[0], surface(cand, text).split()[-1]}
        person, rule, score = match_person(people, forms, initials, cand.start)
        if person is not None:
            notes.merge(cand, rule, surface(cand, text), score)
            cand.name = person.best(text)
            person.cands.append(cand)
    return people


FEMALE_SURNAME = re.compile(r"(?:ова|ева|ёва|ина|ына|ская|цкая)$")


def agree_case(cand, text: str) -> None:
    """A first name kept as written is a nominative, so is the surname: "Евгения Жданова", not "… Жданов"."""
    words, written = cand.name.split(), surface(cand, text).split()
    if len(words) < 2 or len(words) != len(written) or fold(words[0]) != fold(written[0]):
        return
    if words[0][-1:] in "ая" and fold(words[-1]) != fold(written[-1]) and FEMALE_SURNAME.search(written[-1]):
        cand.name = " ".join([*words[:-1], written[-1]])


def match_person(
    people: list[Person], forms: set[str], initials: str, at: int
) -> tuple[Person | None, str, float]:
    """The one person a short mention names: by surname (and initials), else by first name.

    Of two persons with that name, the one already introduced (named in full before `at`) is meant;
    when both or neither were, the mention names neither for sure and stays apart.
    """

    def one(found: list[Person]) -> Person | None:
        if len(found) > 1:
            found = [p for p in found if min(c.start for c in p.full) < at]
        return found[0] if len(found) == 1 else None

    by_surname = [p for p in people if any(same_word(f, s) for f in forms for s in p.lasts())]
    if initials:
        fits = [p for p in by_surname if any(fold(f).startswith(fold(initials[:1])) for f in p.firsts())]
        return one(fits), "initials → full name in article", 0.9
    if by_surname:
        return one(by_surname), "surname-only → full name in article", 0.9
    by_first = [p for p in people if any(same_word(f, g) for f in forms for g in p.firsts())]
    return one(by_first), "first name only → full name in article", 0.8


def unglue_persons(persons: list, notes: Notes) -> None:
    """ "Максим Дадашев Дадашев", "Майкла Джексона Кэтрин": a person named in full elsewhere, glued to a word."""
    pairs = [c for c in persons if len(c.name.split()) == 2 and not split_person(c.name)[0]]
    for cand in persons:
        words = cand.name.split()
        if len(words) < 3 or PATRONYMIC.search(words[1]):
            continue
        for i in range(len(words) - 1):
            window = words[i : i + 2]
            match = next(
                (p for p in pairs if all(same_word(a, b) for a, b in zip(window, p.name.split()))), None
            )
            if match is not None:
                notes.merge(cand, "name glued to a neighbouring word", surface(cand, notes.text), 0.7)
                cand.name = match.name
                break


def repeated_surnames(people: list[Person], cands: list, notes: Notes) -> None:
    """A person's surname written again where the tagger saw no name ("Путин подписал", "Б.Обама") names them."""
    text = notes.text
    taken = overlap_test([(c.start, c.stop) for c in cands] + [(a, b) for a, b, _ in notes.spans])
    for m in CAPITALISED.finditer(text):
        if taken(m.start(), m.end()):
            continue
        initials = m.group(1) or ""
        owners = [
            p
            for p in people
            if any(len(s) >= 4 and same_word(m.group(2), s) for s in p.lasts())
            and (not initials or any(fold(f).startswith(fold(initials[:1])) for f in p.firsts()))
        ]
        if len(owners) != 1 or next_to_name(text, m.start(2) if not initials else m.start(), m.end()):
            continue
        notes.alias(
            owners[0].full[0], m.start(), m.end(), "surname repeated → full name in article", 0.8, False
        )


def next_to_name(text: str, start: int, stop: int) -> bool:
    """A capitalised word or an initial right before or after: part of another name ("Людмила Путина")."""
    before = re.search(r"([A-ZА-ЯЁ][\w.]*)[ \t]+$", text[max(0, start - 40) : start])
    after = re.match(r"[ \t]+[A-ZА-ЯЁ][\w]*", text[stop : stop + 40])
    return bool(after) or bool(before and (len(before.group(1)) >= 3 or before.group(1).endswith(".")))


# The whole ----------------------------------------------------------------------------------------


def resolve_mentions(cands: list, text: str, lang: str = "ru") -> Resolved:
    """Group candidates into entities; every named candidate gets `key` and a Mention; merges keep reasons."""
    notes = Notes(text)
    link_territories(cands, notes)
    people = link_persons(cands, notes)
    link_nicknames(cands, notes)
    link_brackets(cands, notes)
    link_legal_forms(cands, notes)
    link_acronyms(cands, notes)
    link_events(cands, notes)
    repeated_surnames(people, cands, notes)
    groups: dict[str, list] = defaultdict(list)
    for cand in cands:
        if cand.kind == "anaphor":
            continue
        cand.key = group_key(cand)
        groups[cand.key].append(cand)
    gazetteer = load_gazetteer()
    out = Resolved()
    text_tag = ""  # what tells this text's unnamed events from another's: hashed once, when first needed
    for key, members in groups.items():
        names = [m.name for m in members]
        if members[0].type == "Person":
            name = max(names, key=lambda n: (len(n.split()), n))  # the fullest form the text gives
            ident = person_ident(name)
        elif members[0].kind == "unnamed":
            # "переговоры" here are not "переговоры" of another article: the node is this article's own
            name = members[0].name
            text_tag = text_tag or hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]
            ident = f"{name} {text_tag}"
        else:
            name, ident = members[0].name, ""
        cls = max((m.type for m in members), key=lambda t: ORG_CLASS_RANK.get(t, 0))
        alts = {a for m in members for a in m.alt} | set(names)
        entry = gazetteer.get(name)
        if entry is not None and entry.type == cls:
            alts |= set(entry.names)
        for m in members:
            if m.gazetteer and not inflection_of(surface(m, text), name):
                notes.merge(m, "gazetteer alias", surface(m, text), 1.0)
        alts.discard(name)
        reasons = sorted({r for m in members for r in notes.why.get(id(m), ())})
        out.entities[key] = Entity(
            key, cls, name, lang, tuple(sorted(alts)), ident=ident, merge_reasons=tuple(reasons)
        )
    spans = {(c.start, c.stop) for c in cands if c.key}
    for cand in cands:
        if cand.key:
            out.mentions.append(Mention(cand.start, cand.stop, surface(cand, text), cand.key))
    for start, stop, anchor in notes.spans:
        if anchor.key and (start, stop) not in spans:
            spans.add((start, stop))
            out.mentions.append(Mention(start, stop, text[start:stop], anchor.key))
    return out
