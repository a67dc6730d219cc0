"""Bridges from spaCy tokens to found names: which hits lie in a token's subtree, who is a verb's subject."""

from __future__ import annotations

from typing import Any

from extractors.en.document import EnDoc, Hit, Sent

__all__ = ["token_at", "hits_under", "subject_of", "governing_verb"]

SUBJECTS = ("nsubj", "csubj", "expl")
CLIMB = ("xcomp", "conj", "advcl", "ccomp", "pcomp", "prep", "pobj", "dobj")


def token_at(sent: Sent, offset: int) -> Any | None:
    """The token of the sentence that covers an article offset."""
    for token in sent.span:
        start = sent.offset + token.idx
        if start <= offset < start + max(len(token.text), 1):
            return token
    return None


def hits_under(doc: EnDoc, sent: Sent, tokens: list[Any], types: tuple[str, ...]) -> list[Hit]:
    """Hits of these classes that overlap any of the tokens."""
    spans = [(sent.offset + t.idx, sent.offset + t.idx + len(t.text)) for t in tokens]
    return [
        h
        for h in doc.hits_in(sent.start, sent.stop)
        if h.type in types and any(h.start < stop and start < h.stop for start, stop in spans)
    ]


def subject_of(verb: Any) -> list[Any]:
    """The subtree of the verb's subject, looking through coordination and control ("X came and spoke")."""
    for _ in range(4):
        agent = [t for child in verb.children if child.dep_ == "agent" for t in child.subtree]
        if agent:  # "the session was attended by X": the agent of a passive is its doer
            return agent
        found = [t for child in verb.children if child.dep_ in SUBJECTS for t in child.subtree]
        if found:  # a misparsed apposition gives two subjects ("the Vice-Rector, Evgenia Zhdanova, shared")
            return found
        if verb.dep_ in ("relcl", "acl"):  # "Chernyshenko, who opened the event"
            return [verb.head, *[t for t in verb.head.subtree if t.dep_ in ("compound", "flat")]]
        if verb.dep_ not in CLIMB or verb.head.i == verb.i:
            break
        verb = verb.head
    return []


def governing_verb(token: Any) -> Any | None:
    """The verb a noun hangs from through prepositions and objects ("spoke about the trip" -> spoke)."""
    node = token
    for _ in range(4):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None
