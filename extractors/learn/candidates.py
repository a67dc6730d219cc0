"""Candidate pairs from one parsed article: person–organisation and person–post, within a sentence, and
from a name to the next sentence when that sentence's subject is a pronoun standing for it; person or
organisation–event and event–place within a sentence."""

from __future__ import annotations

from dataclasses import dataclass

from extractors.ru.relations.common import AGENT_TYPES, EVENT_SET, ORG_SET, story_sents
from extractors.ru.relations.postwords import is_post

__all__ = ["Candidate", "find_candidates", "head_token", "span_tokens"]

AFFILIATION_TAILS = ORG_SET | {"Place"}
MAX_TOKENS = 40  # pairs further apart in one sentence are almost never related, and cost features


@dataclass
class Candidate:
    """A pair the model may accept: a person mention and an organisation mention or a post token."""

    relation: str  # "affiliation", "role", "participation" or "place"
    sent: object  # extractors.ru.parse.Sent
    person: object  # a Cand with a key: the person (the agent of a participation, the event of a place)
    tail: object  # a Cand (affiliation, participation: the event, place: the place) or a natasha token (role)
    anchor: object = None  # in the next sentence: the pronoun standing for the person there

    @property
    def person_span(self) -> tuple[int, int]:
        """Where the person is in `sent`: the name, or the pronoun standing for it."""
        where = self.anchor or self.person
        return (where.start, where.stop)

    @property
    def tail_span(self) -> tuple[int, int]:
        return (self.tail.start, self.tail.stop)


def span_tokens(sent, start: int, stop: int) -> list:
    return [t for t in sent.tokens if start <= t.start and t.stop <= stop]


def head_token(sent, start: int, stop: int):
    """The syntactic head of a span: its first token whose head lies outside the span."""
    tokens = span_tokens(sent, start, stop)
    ids = {t.id for t in tokens}
    for token in tokens:
        if token.head_id not in ids:
            return token
    return tokens[0] if tokens else None


def find_candidates(ctx) -> list[Candidate]:
    """Every person paired with each organisation or place and each post word of its sentence, and of
    the next sentence when a pronoun subject there stands for it ("… Иван Петров. Он возглавил …")."""
    out: list[Candidate] = []
    sents = story_sents(ctx)
    previous: list = []  # the persons of the sentence before
    for sent in sents:
        keyed = ctx.in_sent(sent)
        persons = [c for c in keyed if c.type == "Person"]
        orgs = [c for c in keyed if c.type in AFFILIATION_TAILS]
        taken = [(c.start, c.stop) for c in keyed]
        posts = [
            t
            for t in sent.tokens
            if t.pos in ("NOUN", "PROPN") and is_post(t) and not any(a <= t.start < b for a, b in taken)
        ]
        index = {t.id: i for i, t in enumerate(sent.tokens)}
        pairs = [(person, None, _index_of(sent, person, index)) for person in persons]
        if not persons:
            pronoun, person = _pronoun_for(sent, previous)
            if pronoun is not None:
                pairs.append((person, pronoun, index[pronoun.id]))
        for person, anchor, where in pairs:
            for org in orgs:
                if org.key != person.key and abs(_index_of(sent, org, index) - where) <= MAX_TOKENS:
                    out.append(Candidate("affiliation", sent, person, org, anchor))
            for token in posts:
                if abs(index[token.id] - where) <= MAX_TOKENS:
                    out.append(Candidate("role", sent, person, token, anchor))
        out += _event_pairs(sent, keyed, index)
        previous = persons
    return out


def _event_pairs(sent, keyed: list, index: dict) -> list[Candidate]:
    """Each event mention of a sentence with each person or organisation (participation) and each
    place (place) of that sentence: "Ректор ТУСУРа выступил на форуме «Технопром» в Новосибирске"."""
    events = [c for c in keyed if c.type in EVENT_SET]
    out = []
    for event in events:
        where = _index_of(sent, event, index)
        for other in keyed:
            if other.key == event.key or abs(_index_of(sent, other, index) - where) > MAX_TOKENS:
                continue
            if other.type in AGENT_TYPES:
                out.append(Candidate("participation", sent, other, event))
            elif other.type == "Place":
                out.append(Candidate("place", sent, event, other))
    return out


PRONOUNS = {"он", "она"}


def _pronoun_for(sent, persons: list):
    """The subject pronoun of a sentence and the last person before it of its gender, or (None, None)."""
    from extractors.ru.relations.postwords import person_case

    for token in sent.tokens:
        if token.pos == "PRON" and (token.lemma or "").lower() in PRONOUNS and token.rel == "nsubj":
            gender = token.feats.get("Gender")
            for person in reversed(persons):
                if person_case(person.sent, person, "Gender") in (gender, None):
                    return token, person
            return None, None
    return None, None


def _index_of(sent, cand, index: dict) -> int:
    token = head_token(sent, cand.start, cand.stop)
    return index[token.id] if token is not None else 0
