"""Candidate pairs from one parsed article: person–organisation and person–post, within a sentence."""

from __future__ import annotations

from dataclasses import dataclass

from extractors.ru.relations.common import ORG_SET, story_sents
from extractors.ru.relations.postwords import is_post

__all__ = ["Candidate", "find_candidates", "head_token", "span_tokens"]

AFFILIATION_TAILS = ORG_SET | {"Place"}
MAX_TOKENS = 40  # pairs further apart in one sentence are almost never related, and cost features


@dataclass
class Candidate:
    """A pair the model may accept: a person mention and an organisation mention or a post token."""

    relation: str  # "affiliation" or "role"
    sent: object  # extractors.ru.parse.Sent
    person: object  # extractors.ru.spans.Cand with a key
    tail: object  # a Cand (affiliation) or a natasha token (role)

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
    """Every person paired with each organisation or place and each post word of its sentence."""
    out: list[Candidate] = []
    for sent in story_sents(ctx):
        keyed = ctx.in_sent(sent)
        persons = [c for c in keyed if c.type == "Person"]
        if not persons:
            continue
        orgs = [c for c in keyed if c.type in AFFILIATION_TAILS]
        taken = [(c.start, c.stop) for c in keyed]
        posts = [
            t
            for t in sent.tokens
            if t.pos in ("NOUN", "PROPN") and is_post(t) and not any(a <= t.start < b for a, b in taken)
        ]
        index = {t.id: i for i, t in enumerate(sent.tokens)}
        for person in persons:
            where = _index_of(sent, person, index)
            for org in orgs:
                if org.key != person.key and abs(_index_of(sent, org, index) - where) <= MAX_TOKENS:
                    out.append(Candidate("affiliation", sent, person, org))
            for token in posts:
                if abs(index[token.id] - where) <= MAX_TOKENS:
                    out.append(Candidate("role", sent, person, token))
    return out


def _index_of(sent, cand, index: dict) -> int:
    token = head_token(sent, cand.start, cand.stop)
    return index[token.id] if token is not None else 0
