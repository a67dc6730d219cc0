"""English events: names (quoted or capitalised), references back to them, editions, place, dates, organisers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.doc import EVENT_TYPES, ORG_TYPES, Value
from extractors.en.dates import find_dates
from extractors.en.document import EnDoc, Sent
from extractors.en.lexicon import Lexicon, norm_phrase

__all__ = ["EventRef", "find_events", "current_event", "extract_event_facts", "SUB_EVENTS"]

SUB_EVENTS = ("Session", "RoundTable")
MAIN_TYPES = tuple(t for t in EVENT_TYPES if t not in SUB_EVENTS) + ("EventSeries",)
_QUOTED = re.compile(r"\s*[\"“„«]([^\"“”„«»\n]{2,200}?)[\"”»]")
_AND_QUOTED = re.compile(r"\s*(?:,|,?\s+and|,?\s+or)\s*(?=[\"“„«])")
_OF_NAME = re.compile(r"\s+(?:of|on|for)\s+(?:[A-Z][\w-]*\s*){1,5}?(?=\s*[\"“„«])")
_CAP_WORD = re.compile(r"(?:[A-Z][\w.'’-]*|of|and|for|on|the|&)$")
_HELD = re.compile(
    r"\b(?:held|hold|holds|holding|take place|takes place|took place|taking place|to be held|opened|opens|"
    r"open|hosted|hosts|runs|will run|ran|is underway|kicked off|started|starts|begins|began|organi[sz]ed)\b"
)
_ORGANIZED = re.compile(
    r"\b(?:organi[sz]ed|hosted|convened|held|arranged)\s+by\b|\borgani[sz]ers?\b[^.;]*?\b(?:are|were|is|was|include[sd]?|by)\b"
)
_ORGANIZES = re.compile(
    r"^\s+(?:organi[sz]es|organi[sz]ed|is organi[sz]ing|hosts|hosted|holds|held|convenes)\s+(?:the\s+)?"
)


@dataclass
class EventRef:
    """An event named or referred to in a sentence; key is None for a reference back ("the forum")."""

    start: int
    stop: int
    key: str | None
    type: str


def _np_start(text: str, sent: Sent, noun_start: int) -> int:
    """Start of the capitalised noun phrase ending with the event noun ("International ... Forum")."""
    start = noun_start
    for match in reversed(list(re.finditer(r"\S+", text[sent.start : noun_start]))):
        word = match.group()
        if not _CAP_WORD.match(word) or word in ("the", "The"):
            break
        start = sent.start + match.start()
    while re.match(r"(?:of|and|for|on|&)\s", text[start:noun_start]):
        start = text.index(" ", start) + 1
    return start


def find_events(doc: EnDoc, lexicon: Lexicon) -> list[EventRef]:
    """Add event nodes and hits for named events; return every event reference, named or not."""
    text = doc.text
    refs: list[EventRef] = []
    nouns = [
        (
            m,
            lexicon.events.get(
                norm_phrase(m.group()).rstrip("s"), lexicon.events.get(norm_phrase(m.group()), "Event")
            ),
        )
        for sent in doc.sents
        for m in lexicon.event_re.finditer(text, sent.start, sent.stop)
    ]
    ref_re = re.compile(r"(?<![\w-])(?:" + "|".join(sorted(lexicon.event_refs)) + r")s?(?![\w-])")
    nouns += [
        (m, "Session" if m.group().rstrip("s") != "event" else "Event")
        for sent in doc.sents
        for m in ref_re.finditer(text, sent.start, sent.stop)
    ]
    for match, cls in sorted(nouns, key=lambda mc: mc[0].start()):
        sent = doc.sent_at(match.start())
        if sent is None or match.end() > sent.stop:
            continue
        at, named = match.end(), False
        of = _OF_NAME.match(text, at, sent.stop)  # 'Forum of Technological Development "Technoprom-2024"'
        if of and _QUOTED.match(text, of.end(), sent.stop):
            at = of.end()
        while True:  # 'the sites "A" and "B"': each quoted name is an event of the noun's class
            quoted = _QUOTED.match(text, at, sent.stop)
            if not quoted:
                break
            q0, q1 = quoted.span(1)
            hit = doc.hit_at(q0, q1)
            if hit is not None and (hit.type in EVENT_TYPES or hit.type == "EventSeries"):
                refs.append(EventRef(hit.start, hit.stop, hit.key, hit.type))
            elif hit is None or hit.stop - hit.start < (q1 - q0) // 2:
                name = re.split(r":\s", text[q0:q1])[0].strip(" .,;")
                key = doc.node(cls, name, "en")
                doc.add_hit(q0, q0 + len(text[q0:q1].rstrip(" .,;")), key)
                refs.append(EventRef(q0, q1, key, cls))
            named, at = True, quoted.end()
            more = _AND_QUOTED.match(text, at, sent.stop)
            if not more:
                break
            at = more.end()
        if named:
            continue
        start = _np_start(text, sent, match.start())
        words = text[start : match.end()].split()
        if match.group()[0].isupper() and len(words) >= 2 and doc.hit_at(start, match.end()) is None:
            key = doc.node(cls, " ".join(words), "en")
            doc.add_hit(start, match.end(), key)
            refs.append(EventRef(start, match.end(), key, cls))
        elif match.group()[0].islower() or len(words) < 2:
            refs.append(EventRef(match.start(), match.end(), None, cls))
    doc.sort_hits()
    refs += [
        EventRef(h.start, h.stop, h.key, h.type) for h in doc.hits if h.type in EVENT_TYPES + ("EventSeries",)
    ]
    unique = {(r.start, r.stop, r.key): r for r in refs}
    return sorted(unique.values(), key=lambda r: (r.start, r.stop, r.key or ""))


def _edition(doc: EnDoc, series: str, offset: int) -> str:
    editions = [h for h in doc.hits if doc.parents.get(h.key) == series]
    before = [h for h in editions if h.start < offset]
    return (before[-1] if before else editions[0]).key if editions else series


def current_event(doc: EnDoc, offset: int) -> str | None:
    """The main event the text is about at this offset: the last one named before it, else the first."""
    mains = [h for h in doc.hits if h.type in MAIN_TYPES and not h.generic]
    before = [h for h in mains if h.start < offset]
    hit = before[-1] if before else (mains[0] if mains else None)
    if hit is None:
        return None
    return _edition(doc, hit.key, offset) if hit.type == "EventSeries" else hit.key


def resolve(doc: EnDoc, ref: EventRef) -> str | None:
    """The node an event reference stands for: a series seen in an article about one edition is that edition."""
    if ref.key is None:
        return current_event(doc, ref.start)
    if ref.type == "EventSeries":
        return _edition(doc, ref.key, ref.start)
    return ref.key


def extract_event_facts(doc: EnDoc, refs: list[EventRef]) -> None:
    """editionOf, partOf, heldIn, startDate/endDate and organizedBy."""
    text = doc.text
    for hit in doc.hits:
        sent = doc.sent_at(hit.start)
        parent = doc.parents.get(hit.key)
        if parent and doc.type_of(parent) == "EventSeries":
            doc.add_fact(hit.key, "editionOf", parent, sent)
        elif hit.type in SUB_EVENTS and not hit.generic:
            main = current_event(doc, hit.start)
            if main:
                doc.parents[hit.key] = main
                doc.add_fact(hit.key, "partOf", main, sent)
    article_year = int(doc.article.date[:4]) if doc.article.date[:4].isdigit() else None
    for sent in doc.sents:
        here = [r for r in refs if sent.start <= r.start < sent.stop]
        if not here:
            continue
        named = [r for r in here if r.key is not None]
        event = resolve(doc, named[0] if named else here[0])
        if event is None:
            continue
        words = text[sent.start : sent.stop]
        hits = doc.hits_in(sent.start, sent.stop)
        held = _HELD.search(words)
        if held:
            for hit in hits:
                before = text[max(sent.start, hit.start - 12) : hit.start]
                after_verb = hit.start > sent.start + held.start()
                if hit.type == "Place" and after_verb and re.search(r"\b(?:in|at)\s+(?:the\s+)?$", before):
                    doc.add_fact(event, "heldIn", hit.key, sent)
            year = re.search(r"-((?:19|20)\d\d)$", doc.nodes[event].name)
            for found in find_dates(
                text, sent.start, sent.stop, int(year.group(1)) if year else article_year
            ):
                doc.add_fact(event, "startDate", Value(found.first, datatype="date"), sent)
                doc.add_fact(event, "endDate", Value(found.last, datatype="date"), sent)
                break
        for ref in named:  # "Technoprom 2024 in Novosibirsk"
            place = re.match(r"\s+(?:in|at)\s+(?:the\s+)?", text[ref.stop : sent.stop])
            hit = doc.hit_at(ref.stop + place.end(), ref.stop + place.end() + 1) if place else None
            if hit is not None and hit.type == "Place":
                doc.add_fact(resolve(doc, ref), "heldIn", hit.key, sent)
        organized = _ORGANIZED.search(words)
        if organized:
            for hit in hits:
                if hit.type in ORG_TYPES and hit.start >= sent.start + organized.end():
                    doc.add_fact(event, "organizedBy", hit.key, sent)
        for hit in hits:
            if hit.type in ORG_TYPES:
                verb = _ORGANIZES.match(text[hit.stop : sent.stop])
                after = verb and next((r for r in here if r.start == hit.stop + verb.end()), None)
                if after:
                    doc.add_fact(resolve(doc, after), "organizedBy", hit.key, sent)
