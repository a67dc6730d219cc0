"""Find the names of an English article: gazetteer names, spaCy entities, persons after posts and titles."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.en.document import EnDoc, Sent
from extractors.en.lexicon import Lexicon
from extractors.en.names import HONORIFICS, capitalised_run, clean_span, gazetteer_re, org_class, series_class
from extractors.vocab import load_table

__all__ = ["find_entities", "merge_persons", "find_anaphora", "main_node"]

SPACY_TYPES = {"PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place", "FAC": "Place"}
_HONORIFIC_RE = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(h) for h in HONORIFICS) + r")\s+(?=[A-Z])")
_YEAR_RE = re.compile(r"[ \t]?[-–—]?[ \t]?((?:19|20)\d\d)(?![\w-])")


@dataclass
class Candidate:
    start: int
    stop: int
    type: str
    name: str
    lang: str
    priority: int
    alt: str = ""
    series: tuple[str, str] | None = None  # (series name, English series surface) for an edition


def _gazetteer(doc: EnDoc, sent: Sent, lexicon: Lexicon) -> list[Candidate]:
    pattern, names = gazetteer_re(lexicon.gazetteer)
    found = []
    for match in pattern.finditer(doc.text, sent.start, sent.stop):
        entry = names[match.group()]
        start, stop = match.span()
        if entry.type == "EventSeries":
            year = _YEAR_RE.match(doc.text, stop, sent.stop)
            if year:
                cls = series_class(entry, lexicon, load_table("events.tsv"))
                name = f"{entry.name}-{year.group(1)}"
                found.append(Candidate(start, year.end(), cls, name, "ru", 4, doc.text[start : year.end()]))
                found[-1].series = (entry.name, match.group())
                continue
        found.append(Candidate(start, stop, entry.type, entry.name, "ru", 3, match.group()))
    return found


def _spacy(doc: EnDoc, sent: Sent, lexicon: Lexicon) -> list[Candidate]:
    found = []
    for ent in sent.span.ents:
        kind = SPACY_TYPES.get(ent.label_)
        if kind is None:
            continue
        first = ent.start
        while kind == "Person" and first > sent.span.start and _name_part(ent.doc[first - 1], lexicon):
            first -= 1  # "Dmitry Sednev" where the model saw only "Sednev"
        start = sent.offset + ent.doc[first].idx
        start, stop = clean_span(doc.text, start, sent.offset + ent.end_char)
        surface = doc.text[start:stop]
        if stop <= start or not re.search(r"[a-z]", surface) and kind == "Person":
            continue  # "EDITOR 'S": capitals only are headings, not names
        if kind != "Person" and _looks_personal(doc.text, surface, stop, sent.stop, lexicon):
            kind = "Person"
        if kind == "Organization":
            kind = org_class(surface, lexicon)
            words = surface.split()
            if (
                len(words) > 1
                and any(lexicon.event_re.fullmatch(w) for w in words)
                and kind == "Organization"
            ):
                continue  # "International Forum of Technological Development": an event, found in events.py
        found.append(Candidate(start, stop, kind, " ".join(surface.split()), "en", 1))
    return found


def _name_part(token, lexicon: Lexicon) -> bool:
    """A capitalised proper noun outside any entity that is no post or title: a forgotten first name."""
    word = token.text
    return (
        token.pos_ == "PROPN"
        and not token.ent_type_
        and word[:1].isupper()
        and word[1:].islower()
        and not lexicon.post_re.fullmatch(word)
        and word.rstrip(".") not in {h.rstrip(".") for h in HONORIFICS}
    )


def _looks_personal(text: str, surface: str, stop: int, limit: int, lexicon: Lexicon) -> bool:
    """ "Ulf D. Merbold, 47,", "Harrington, a professor of": an age, an initial or a post tells a person."""
    if re.search(r" [A-Z]\. ", surface) or re.match(r"\s*,\s*\d{1,3}\s*,", text[stop : stop + 12]):
        return True
    if lexicon.org_heads.keys() & {w.lower() for w in surface.split()}:
        return False
    lead = re.compile(r"\s*,\s*(?:an?|the)\s+(?:former\s+)?").match(text, stop, limit)
    if not lead:
        return False
    word = re.compile(r"[a-z]+\s+").match(text, lead.end(), limit)  # "a senior official"
    post = lexicon.post_re.match(text, lead.end(), limit) or (
        word and lexicon.post_re.match(text, word.end(), limit)
    )
    return bool(post) and post.group("post").lower() not in ("leader", "member", "partner", "official")


def _titled_persons(doc: EnDoc, sent: Sent, lexicon: Lexicon, taken: list[Candidate]) -> list[Candidate]:
    """A capitalised run right after a post ("Rector Sergey Bocharov") or a title ("Dr. Lee") is a person."""
    starts = []
    text = doc.text
    for match in lexicon.post_re.finditer(text, sent.start, sent.stop):
        at = match.end()  # "Vice-Rector for Academic Affairs, Evgenia Zhdanova": after the complement
        inside = [c.start for c in taken if c.type == "Person" and match.end("post") < c.start < at]
        if inside:  # "Vice-Rector for Research Ivan Petrov": the complement ends where a name begins
            starts.append(min(inside))
            continue
        of = re.match(r"\s+(?:of|at)\s+(?:the\s+)?", text[at : sent.stop])
        if of:
            org = next((c for c in taken if c.start == at + of.end() and c.type != "Person"), None)
            if org is None:
                continue
            at = org.stop
        gap = re.match(r"(?:,\s*|\s+)", text[at : sent.stop])
        if gap:
            starts.append(at + gap.end())
    starts += [m.end() for m in _HONORIFIC_RE.finditer(text, sent.start, sent.stop)]
    found = []
    for start in starts:
        run = capitalised_run(text, start, sent.stop)
        if not run:
            continue
        words = text[run[0] : run[1]].split()
        if any(w.lower().strip(".") in lexicon.org_heads or lexicon.event_re.fullmatch(w) for w in words):
            continue
        if any(c.start < run[1] and run[0] < c.stop and c.priority >= 3 for c in taken):
            continue  # a gazetteer name is no person
        found.append(Candidate(run[0], run[1], "Person", " ".join(words), "en", 2))
    return found


def find_entities(doc: EnDoc, lexicon: Lexicon) -> None:
    """Add hits and nodes for every name in the article's sentences."""
    for sent in doc.sents:
        cands = _gazetteer(doc, sent, lexicon)
        spacy_cands = _spacy(doc, sent, lexicon)
        cands += _titled_persons(doc, sent, lexicon, cands + spacy_cands)
        for cand in spacy_cands:
            inner = [c for c in cands if c.type == "Place" and cand.start <= c.start and c.stop <= cand.stop]
            if (
                cand.type == "GovernmentBody"
                and inner
                and (cand.stop - cand.start) > (inner[0].stop - inner[0].start)
            ):
                cand.priority = 5  # "Novosibirsk Oblast Government" is a body, not the place inside it
        cands += spacy_cands
        accepted: list[Candidate] = []
        for cand in sorted(cands, key=lambda c: (-c.priority, -(c.stop - c.start), c.start)):
            if all(c.stop <= cand.start or cand.stop <= c.start for c in accepted):
                accepted.append(cand)
        for cand in sorted(accepted, key=lambda c: c.start):
            key = doc.node(cand.type, cand.name, cand.lang, cand.alt)
            if cand.series:
                series = doc.node("EventSeries", cand.series[0], "ru", cand.series[1])
                doc.parents[key] = series
            doc.add_hit(cand.start, cand.stop, key)
    doc.sort_hits()


def merge_persons(doc: EnDoc) -> None:
    """ "Bocharov" after "Sergey Bocharov" names the same person: point the short hits at the full name."""
    full: dict[str, set[str]] = {}
    for hit in doc.hits:
        name = doc.nodes[hit.key].name
        if hit.type == "Person" and " " in name:
            full.setdefault(name.split()[-1], set()).add(hit.key)
    for hit in doc.hits:
        name = doc.nodes[hit.key].name
        if hit.type == "Person" and " " not in name and len(full.get(name, ())) == 1:
            hit.key = next(iter(full[name]))


def main_node(doc: EnDoc, type: str, before: int | None = None) -> str | None:
    """The node of this class named most often (before an offset, if given); ties go to the first named."""
    counts: dict[str, list[int]] = {}
    for hit in doc.hits:
        if hit.type == type and not hit.generic and (before is None or hit.start < before):
            counts.setdefault(hit.key, [0, -hit.start])[0] += 1
    return max(counts, key=lambda k: counts[k]) if counts else None


def find_anaphora(doc: EnDoc) -> None:
    """ "the university" names the article's university when the article names one."""
    key = main_node(doc, "University")
    if key is None:
        return
    for match in re.finditer(r"(?<!\w)(?:[Tt]he|[Oo]ur|[Tt]his) university(?!\w)", doc.text):
        start = match.start() + match.group().index(" ") + 1
        if doc.sent_at(start) and doc.hit_at(start, match.end()) is None:
            doc.add_hit(start, match.end(), key, generic=True)
    doc.sort_hits()
