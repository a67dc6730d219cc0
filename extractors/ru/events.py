"""Events: an event noun with its modifiers and quoted name, or a known forum's name alone."""

from __future__ import annotations

import re

from extractors.ru.lookup import RuGazetteer
from extractors.ru.names import normalize_phrase, strip_quotes
from extractors.ru.parse import Parsed, Sent
from extractors.ru.spans import Cand
from extractors.vocab import load_table

__all__ = ["find_events", "in_title_place", "split_edition", "roman_to_int"]

ROMAN = re.compile(r"^[IVXLC]+$")
YEAR_SUFFIX = re.compile(r"^(.+?)[\s\-–—]+((?:19|20)\d{2})(?:\s*[:.]\s*.*)?$")
QUOTED = re.compile(r"«((?:[^«»]|«[^«»]*»)+)»|\"([^\"\n]+)\"|“([^”\n]+)”|„([^“”\n]+)[“”]")
NAME_LEAD = re.compile(r"\s*(?:по\s+теме|на\s+тему|под\s+названием|под\s+девизом|:)?\s*", re.IGNORECASE)
LATIN_NAME = re.compile(r"^\s+([A-Z][\w.\-]*(?:\s+(?:[A-Z][\w.\-]*|(?:19|20)\d{2}))*)")
# the tagger lemmatises these to the singular, a different word: выбор (a choice), переговор
PLURAL_ONLY = {"выбор": "выборы", "переговор": "переговоры"}
# adjectives that say which one or how, not what kind: "первые президентские выборы" is "президентские выборы"
WEAK_MODIFIERS = {
    "первый",
    "второй",
    "новый",
    "очередной",
    "последний",
    "ближайший",
    "подобный",
    "такой",
    "этот",
    "тот",
    "массовый",
    "исторический",
    "прошедший",
    "предстоящий",
    "нынешний",
    "каждый",
}
ANAPHOR_ONLY = {"мероприятие", "событие", "дискуссия", "заседание", "совещание", "неделя"}


def roman_to_int(text: str) -> int | None:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    if not ROMAN.match(text):
        return None
    total = 0
    for a, b in zip(text, text[1:] + " "):
        total += -values[a] if values.get(b, 0) > values[a] else values[a]
    return total


def split_edition(name: str) -> tuple[str, int | None]:
    """«Технопром-2024» -> ("Технопром", 2024); a name without a year -> (name, None)."""
    m = YEAR_SUFFIX.match(name)
    return (m.group(1).strip(), int(m.group(2))) if m else (name, None)


def noun_lemma(token) -> str:
    """The lemma, with plural-only nouns kept plural: "выборах" -> "выборы", not "выбор" (a choice)."""
    lemma = (token.lemma or "").lower()
    if lemma in PLURAL_ONLY and token.feats.get("Number") == "Plur":
        return PLURAL_ONLY[lemma]
    return lemma


def event_nouns(sent: Sent):
    """(first token index, last token index, class) for every event noun of the sentence."""
    table = load_table("events.tsv")
    tokens = sent.tokens
    i = 0
    while i < len(tokens):
        lemma = noun_lemma(tokens[i])
        pair = f"{lemma} {(tokens[i + 1].lemma or '').lower()}" if i + 1 < len(tokens) else ""
        if pair in table:
            yield i, i + 1, table[pair]
            i += 2
        elif lemma in table and tokens[i].pos in ("NOUN", "PROPN"):
            yield i, i, table[lemma]
            i += 1
        else:
            i += 1


def adjective(token) -> bool:
    """Tagged an adjective, and its lemma is one: "Модератором" opening a sentence is tagged an adjective
    in the genitive, but its lemma "модератор" is a noun's."""
    lemma = (token.lemma or "").lower()
    return token.pos == "ADJ" and (lemma.endswith(("ый", "ий", "ой")) or not lemma.isalpha())


def modifiers_left(sent: Sent, first: int) -> int:
    """Index of the first modifier before the noun: ordinals and adjectives (XII Международном)."""
    i = first
    while i > 0:
        token = sent.tokens[i - 1]
        if ROMAN.match(token.text) or adjective(token) or re.match(r"^\d+-?(й|го|м|ой)$", token.text):
            i -= 1
        else:
            break
    return i


def complement_right(sent: Sent, last: int, proper: bool = False) -> int:
    """Index of the last genitive word after the noun: форум технологического развития.

    `proper`: names too ("заседание Совета Безопасности ООН"), for an event named by its phrase alone.
    """
    pos = ("NOUN", "ADJ", "PROPN") if proper else ("NOUN", "ADJ")
    j = last
    while j + 1 < len(sent.tokens):
        token = sent.tokens[j + 1]
        if token.pos in pos and token.feats.get("Case") == "Gen" and token.text[:1] not in '«"':
            j += 1
        else:
            break
    # an adjective at the end agrees with a noun we stopped before: keep the phrase whole
    while j > last and sent.tokens[j].pos == "ADJ":
        j -= 1
    return j


def find_events(parsed: Parsed, vocab, gazetteer: RuGazetteer) -> list[Cand]:
    """Every event mention: named, a known series alone, or a bare noun to resolve later."""
    out: list[Cand] = []
    taken: list[tuple[int, int]] = []
    for sent in parsed.sents:
        for first, last, cls in event_nouns(sent):
            cand = noun_event(parsed, sent, first, last, cls, vocab, gazetteer)
            if cand:
                out.append(cand)
                taken.append((cand.start, cand.stop))
    # known series named alone, in quotes or not: «Технопром-2024» включен в план
    for m in QUOTED.finditer(parsed.text):
        inner = next(g for g in m.groups() if g is not None)
        if any(a <= m.start() < b for a, b in taken):
            continue
        cand = series_event(parsed, m.start(), m.end(), inner, gazetteer)
        if cand:
            out.append(cand)
            taken.append((cand.start, cand.stop))
    for span in parsed.spans:
        if span.type != "ORG" or any(a <= span.start < b for a, b in taken):
            continue
        cand = series_event(parsed, span.start, span.stop, span.text, gazetteer)
        if cand:
            out.append(cand)
    return sorted(out, key=lambda c: (c.start, c.stop))


def series_event(parsed: Parsed, start: int, stop: int, inner: str, gazetteer: RuGazetteer) -> Cand | None:
    sent = parsed.sent_at(start)
    base, year = split_edition(strip_quotes(inner))
    entry = gazetteer.find(base)
    if sent is None or entry is None or entry.type != "EventSeries":
        return None
    if year is None:
        return Cand(
            start,
            stop,
            "EventSeries",
            entry.name,
            sent,
            [base],
            kind="series",
            series=entry.name,
            gazetteer=True,
        )
    name = f"{entry.name}-{year}"
    return Cand(
        start, stop, entry.kind or "Event", name, sent, [strip_quotes(inner)], series=entry.name, year=year
    )


def noun_event(
    parsed: Parsed, sent: Sent, first: int, last: int, cls: str, vocab, gazetteer: RuGazetteer
) -> Cand | None:
    text = parsed.text
    tokens = sent.tokens
    left = modifiers_left(sent, first)
    right = complement_right(sent, last)
    phrase = tokens[left : right + 1]
    start, stop = phrase[0].start, phrase[-1].stop
    edition = None
    for token in tokens[left:first]:
        edition = roman_to_int(token.text) or edition
        m = re.match(r"^(\d+)-?(й|го|м|ой)$", token.text)
        if m:
            edition = int(m.group(1))
    lead = NAME_LEAD.match(text, stop)
    quoted = QUOTED.match(text, lead.end()) if lead else None
    latin = LATIN_NAME.match(text[stop : stop + 80])
    head = normalize_phrase(vocab, phrase, syntax=True)
    head = head[:1].upper() + head[1:] if phrase[0].text[:1].isupper() else head
    if quoted and quoted.start() - stop <= 12 and not re.match(r"[«\"“„]?[а-яё]", quoted.group(0)):
        inner = strip_quotes(next(g for g in quoted.groups() if g is not None))
        stop = quoted.end()
        if any(last < i and j <= right for i, j, _ in event_nouns(sent)):
            # "пленарном заседании форума «Технопром-2025»": the name is the forum's, the session an event
            # of its own, named by its phrase (and part of the forum, eventfacts.part_of)
            return Cand(start, stop, cls, f"{head} «{inner}»", sent, [], kind="unnamed")
        alt = [f"{head} «{inner}»"]
    elif latin:
        inner = latin.group(1).strip()
        stop = stop + latin.end()
        alt = [f"{head} {inner}"]
    else:
        named = [t for t in phrase if t.text[:1].isupper() and not ROMAN.match(t.text)]
        lemma = " ".join(noun_lemma(t) for t in tokens[first : last + 1])
        own = load_table("unnamed_events.tsv").get(lemma) == "own"  # "Встреча на Эльбе": no name in a phrase
        if named and not (len(named) == 1 and named[0] is tokens[0]) and not own:
            # a name written as a phrase: VII Общероссийский конгресс инженеров
            inner = " ".join(w for w in head.split() if not ROMAN.match(w))
            alt = [head]
        else:
            cand = Cand(start, stop, cls, lemma, sent, [], kind="unnamed" if own else "anaphor")
            # "запланирован Концерт для фортепиано", "в Конгрессе": a title or a body, not a gathering
            if first > 0 and tokens[first].text[:1].isupper() and tokens[first - 1].pos != "PUNCT":
                return None if own else cand
            wide = unnamed_phrase(parsed, sent, left, first, last)
            cand.phrase = normalize_phrase(vocab, wide, syntax=True)
            opening = wide[0] is tokens[0] or tokens[tokens.index(wide[0]) - 1].pos == "PUNCT"
            if opening and wide[0].pos != "PROPN":  # capitalised only as a sentence's first word
                cand.phrase = cand.phrase[:1].lower() + cand.phrase[1:]
            cand.phrase_start, cand.phrase_stop = wide[0].start, wide[-1].stop
            return cand
    base, year = split_edition(inner)
    entry = gazetteer.find(base)
    series = ""
    if entry is not None and entry.type == "EventSeries":
        series = entry.name
        name = f"{entry.name}-{year}" if year else (alt[0] if edition else entry.name)
        if cls == "Event" and entry.kind:
            cls = entry.kind
    else:
        name = inner
        if year or edition:
            series = base
    if cls == "Event" and lemma_of(tokens, first) in ANAPHOR_ONLY and not series:
        cls = "Event"
    if inner != name:
        alt.append(inner)
    cand = Cand(start, stop, cls, name, sent, alt, series=series, year=year, edition=edition)
    if series and not year and entry is not None and name == entry.name and not edition:
        cand.kind = "series"  # «форум «Технопром»»: the series, or this year's edition (resolution decides)
    return cand


def unnamed_phrase(parsed: Parsed, sent: Sent, left: int, first: int, last: int) -> list:
    """The tokens naming an event by its phrase: agreeing adjectives, the noun, its genitive complement."""
    tokens = sent.tokens
    while left < first and (tokens[left].lemma or "").lower() in WEAK_MODIFIERS:
        left += 1
    right = complement_right(sent, last, proper=True)
    if (
        right + 2 < len(tokens)
        and tokens[right + 1].text == "и"
        and tokens[right + 2].head_id == tokens[right].id
    ):
        right = complement_right(sent, right + 1, proper=True)  # "сессии вопросов и ответов"
    wide = tokens[left : right + 1]
    # a person named in the genitive is the event's agent, not its name: "встреча губернатора Петухова"
    persons = [(p.start, p.stop) for p in parsed.spans if p.type == "PER"]
    cut = next((i for i, t in enumerate(wide) if any(a <= t.start < b for a, b in persons)), len(wide))
    return wide[: max(cut, last - left + 1)]


def lemma_of(tokens, index: int) -> str:
    return (tokens[index].lemma or "").lower()


def in_title_place(cand: Cand) -> bool:
    """A place after "в"/"на" (the event's place in its title, kept as a place of its own)."""
    before = cand.sent.text[max(0, cand.start - cand.sent.start - 4) : cand.start - cand.sent.start]
    return cand.type == "Place" and re.search(r"(?:^|\s)(?:в|во|на)\s+$", before) is not None
