"""Where, when and by whom events take place, and which event is part of which."""

from __future__ import annotations

import re
from collections import Counter

from extractors.doc import Value
from extractors.ru.relations.common import (
    ORG_SET,
    ancestors,
    article_region,
    cand_tokens,
    case_words,
    is_event,
    story_sents,
    triggers,
)
from extractors.ru.relations.dates import find_dates, find_periods, iso
from extractors.ru.relations.gatherings import gathering_kind
from extractors.ru.relations.participation import root_of
from extractors.ru.relations.settings import setting_of
from extractors.vocab import load_words

__all__ = ["extract_event_facts", "SUB_EVENTS", "MAIN_EVENTS"]

SUB_EVENTS = {"RoundTable", "Session", "Conference"}
MAIN_EVENTS = {"Forum", "Congress", "Exhibition"}
LOCATIVE = {"в", "на", "во"}
# "в регионе", "в крае": the region the article is about
REGION_NOUNS = {"регион", "край", "область", "республика"}
SINCE = re.compile(r"(?:^|\s)[сС]\s+$")
UNTIL = re.compile(r"(?:^|\s)(?:до|по)\s+$", re.IGNORECASE)
YEAR_IN_TEXT = re.compile(r"\b((?:19|20)\d{2})\b")
# "в Москве", "в г. Екатеринбурге", "на территории", "в городе Томске"
LOCATIVE_BEFORE = re.compile(
    r"(?:^|\s)(?:в|во|на)\s+(?:г\.\s*|гор\.\s*|город[еа]?\s+|пос\.\s*|с\.\s*)?$", re.IGNORECASE
)


def main_event(sent, events: list):
    """The event a sentence is about: the subject of its verb, else the first named event."""
    for event in events:
        root = root_of(sent, cand_tokens(sent, event))
        if root is not None and root.rel in ("nsubj", "nsubj:pass"):
            return event
    return events[0]


def extract_event_facts(ctx) -> None:
    sents = story_sents(ctx)
    for index, sent in enumerate(sents):
        events = [c for c in ctx.in_sent(sent) if is_event(c)]
        if not events:
            continue
        held_in(ctx, sent, events)
        held_in_syntax(ctx, sent, events)
        dates(ctx, sent, events)
        organized_by(ctx, sent, events)
        part_of(ctx, sents, index, events)


def held_in(ctx, sent, events) -> None:
    lemmas = {(t.lemma or "").lower() for t in sent.tokens}
    has_verb = any(triggers().get(lemma) == "heldIn" for lemma in lemmas)
    for place in ctx.in_sent(sent, {"Place"}):
        if not LOCATIVE_BEFORE.search(ctx.article.text[max(sent.start, place.start - 20) : place.start]):
            continue
        event = nearest_before(events, place.start)
        if event is None or (not has_verb and place.start - event.stop > 3):
            continue
        ctx.add(event.key, "heldIn", place.key, sent)
    region = article_region(ctx)
    if region and has_verb:
        for i, token in enumerate(sent.tokens[1:], 1):
            prev = sent.tokens[i - 1]
            if (
                (token.lemma or "").lower() in REGION_NOUNS
                and (prev.lemma or "") in LOCATIVE
                and not ctx.in_sent(sent, {"Place"})
            ):
                ctx.add(main_event(sent, events).key, "heldIn", region, sent)


def held_in_syntax(ctx, sent, events) -> None:
    """ "встреча в Кремле", "прошёл в Праге", "выставка, которая проходит в залах замка": a place in the
    "в"/"на" phrase of the event noun or of its verb."""
    roots = {root_of(sent, cand_tokens(sent, e)).id: e for e in events}
    named = {t.id for c in ctx.in_sent(sent) for t in cand_tokens(sent, c)}
    for place in ctx.in_sent(sent, {"Place"}):
        node = locative_of(sent, root_of(sent, cand_tokens(sent, place)), named)
        event = event_of(sent, sent.head(node), roots) if node is not None else None
        if event is not None and event.type != "EventSeries":
            ctx.add(event.key, "heldIn", place.key, sent)


def locative_of(sent, node, named: set):
    """The "в"/"на" phrase a place stands in: its own, that of the noun it names ("в столице Праге"),
    or that of an unnamed noun it belongs to ("в центре Москвы", not "в Госдуме России" or "в столице
    Чехии Праге"); None when it has none."""
    for _ in range(3):
        if node is None or case_words(sent, node)[:1] in (("в",), ("во",), ("на",)):
            return node
        if node.rel == "conj" and not case_words(sent, node):
            node = sent.head(node)  # "в Берлине и Москве": the second shares the first one's "в"
            continue
        if case_words(sent, node) or node.rel not in ("appos", "flat", "flat:name", "nmod"):
            return None
        head = sent.head(node)
        if node.rel == "nmod" and head is not None and (head.id in named or has_appos(sent, head)):
            return None
        node = head
    return None


def has_appos(sent, token) -> bool:
    return any(c.rel == "appos" for c in sent.children(token))


def event_of(sent, head, roots: dict):
    """The event a head word stands for: the event noun, or a verb of holding with the event as its
    subject ("прошёл форум"), object ("провели встречу") or antecedent ("форум, открывшийся …")."""
    if head is None or head.id in roots:
        return roots.get(head.id) if head is not None else None
    # "выступал в Кремле в ходе сессии", "сказал на пресс-конференции в Киле": the place of the verb
    # whose setting a gathering is (not "победил на праймериз во Флориде": a vote is not one)
    settings = [
        e
        for root_id, e in roots.items()
        if head.pos == "VERB"
        and setting_of(sent, e) is head
        and gathering_kind(sent, next(t for t in sent.tokens if t.id == root_id))
    ]
    if len(settings) == 1:
        return settings[0]
    lemma = (head.lemma or "").lower()
    if head.pos != "VERB" or not (triggers().get(lemma) == "heldIn" or lemma in load_words("host_verbs.txt")):
        return None
    for child in sent.children(head):
        if child.rel in ("nsubj", "nsubj:pass", "obj") and child.id in roots:
            return roots[child.id]
    above = sent.head(head)
    if head.rel in ("acl", "acl:relcl") and above is not None:
        return roots.get(above.id) or event_of(sent, above, roots)
    return None


def nearest_before(events, offset: int):
    before = [e for e in events if e.stop <= offset]
    return before[-1] if before else None


def dates(ctx, sent, events) -> None:
    """Dates in the sentence, of the event before them (else its main event). "с 14 июля" names a start only,
    "до 4 ноября" an end only; with no year anywhere the day and month are a period ("--04-27")."""
    found = find_dates(sent.text)
    for start, _stop, first, last, year in found:
        offset = sent.start + start
        event = nearest_before(events, offset) or main_event(sent, events)
        if event.type == "EventSeries":
            continue
        sides = {"start": not UNTIL.search(sent.text[:start]), "end": not SINCE.search(sent.text[:start])}
        year = year or event.year or article_year(ctx)
        if year is None:
            if iso(2000, first) and iso(2000, last):  # a leap year: "29 февраля" is a day
                values = {"start": month_day(first), "end": month_day(last)}
                for side in (s for s in ("start", "end") if sides[s]):
                    ctx.add(event.key, f"{side}Period", Value(values[side], "gMonthDay"), sent)
            continue
        begin, end = iso(year, first), iso(year, last)
        if begin and end and begin <= end:
            if sides["start"]:
                ctx.add(event.key, "startDate", Value(begin, "date"), sent)
            if sides["end"]:
                ctx.add(event.key, "endDate", Value(end, "date"), sent)
    if not found:
        periods(ctx, sent, events)


def month_day(day_month: tuple[int, int]) -> str:
    return f"--{day_month[1]:02d}-{day_month[0]:02d}"


def periods(ctx, sent, events) -> None:
    """ "в апреле 1945-го", "В 1988 году на конференции", "на съезде в июле": a month or a year with no day
    is `startPeriod` (xsd:gYearMonth, xsd:gYear), never a `startDate`; a month alone takes the year as dates
    do. Only for an event of the period's clause: under the event noun ("съезд, прошедший в августе") or
    beside it under one verb ("В 2017 году представлял область на фестивале"), not "познакомился в 2006
    году, когда подруга взяла её на концерт"."""
    for start, _stop, year, month in find_periods(sent.text):
        token = next((t for t in sent.tokens if t.start >= sent.start + start + 2), None)
        near = [e for e in events if e.type != "EventSeries" and same_clause(sent, token, e)]
        if token is None or not near:
            continue
        event = nearest_before(near, sent.start + start) or near[0]
        if month is None:
            ctx.add(event.key, "startPeriod", Value(str(year), "gYear"), sent)
            continue
        year = year or event.year or article_year(ctx)
        if year is not None:
            ctx.add(event.key, "startPeriod", Value(f"{year}-{month:02d}", "gYearMonth"), sent)


def same_clause(sent, token, event) -> bool:
    """The token is under the event's noun, or under the verb (or verbless root) the noun hangs from."""
    root = root_of(sent, cand_tokens(sent, event))
    if root is None:
        return False
    above = ancestors(sent, token)
    return root.id in {t.id for t in above} or clause_of(above) is clause_of(ancestors(sent, root))


def clause_of(chain: list):
    """The first verb of a chain of heads, else its top."""
    return next((t for t in chain if t.pos == "VERB"), chain[-1] if chain else None)


def article_year(ctx) -> int | None:
    """The year of the article: its date, else the year its text names most often (the latest of a tie)."""
    if ctx.article.date:
        return int(ctx.article.date[:4])
    years = Counter(YEAR_IN_TEXT.findall(ctx.article.text))
    return int(max(years, key=lambda y: (years[y], y))) if years else None


def organized_by(ctx, sent, events) -> None:
    trigs = [t for t in sent.tokens if triggers().get((t.lemma or "").lower()) == "organizedBy"]
    if not trigs:
        return
    orgs = ctx.in_sent(sent, ORG_SET)
    for trig in trigs:
        after = [e for e in events if e.start >= trig.stop]
        before = [e for e in events if e.stop <= trig.start]
        for org in orgs:
            root = root_of(sent, cand_tokens(sent, org))
            if root is None:
                continue
            agent = root.rel in ("nsubj", "obl", "obl:agent", "nmod") and sent.head(root) is trig
            joint = root.rel == "conj" and any(
                sent.head(root) is root_of(sent, cand_tokens(sent, o)) for o in orgs if o is not org
            )
            joint = joint or (
                root.rel in ("obl", "nmod")
                and "совместно" in sent.text[max(0, org.start - sent.start - 15) : org.start - sent.start]
            )
            # the organisation right before the verb in the same clause: "Минэкономразвития России … организует"
            gap = ctx.article.text[org.stop : trig.start]
            adjacent = (
                org.stop <= trig.start
                and len(gap) < 60
                and "," not in gap
                and not any(t.pos == "VERB" for t in sent.tokens if org.stop <= t.start < trig.start)
            )
            if not (agent or joint or adjacent):
                continue
            # "организует проведение сессии" (the event after), "«Технопром», организованный Правительством" (before)
            event = (
                after[0]
                if after and org.start < trig.start
                else (before[-1] if before else (after[0] if after else None))
            )
            if event is not None:
                ctx.add(event.key, "organizedBy", org.key, sent)


def part_of(ctx, sents, index: int, events) -> None:
    """A round table or session inside a forum: in the same sentence, or the forum named just before. A
    session whose phrase names a round table is that round table's ("заседание круглого стола «X»")."""
    sent = sents[index]
    for sub in events:
        if sub.type == "Event" and sub.kind == "unnamed":
            # "В рамках форума … провёл встречу с …": a meeting held in the clause the forum is the setting of
            root = root_of(sent, cand_tokens(sent, sub))
            verb = (
                sent.head(root) if root is not None and root.rel in ("obj", "nsubj", "nsubj:pass") else None
            )
            mains = [e for e in events if e.type in MAIN_EVENTS and verb and setting_of(sent, e) is verb]
            if mains:
                ctx.add(sub.key, "partOf", mains[0].key, sent)
        if sub.type not in SUB_EVENTS:
            continue
        named = [
            e for e in events if e.type in SUB_EVENTS and e.key != sub.key and sub.start <= e.start < sub.stop
        ]
        if named:
            ctx.add(sub.key, "partOf", named[0].key, sent)
            continue
        mains = [e for e in events if e.type in MAIN_EVENTS and e.key != sub.key]
        if not mains:
            window = sents[max(0, index - 2) : index]
            mains = [c for s in window for c in ctx.in_sent(s) if is_event(c) and c.type in MAIN_EVENTS]
            mains = mains[-1:]
        if mains:
            ctx.add(sub.key, "partOf", mains[0].key, sent)
