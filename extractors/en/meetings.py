"""English meetings and agreements: "X met with Y" -> metWith, "A signed an agreement with B" -> agreementWith."""

from __future__ import annotations

from itertools import combinations

from extractors.doc import ORG_TYPES
from extractors.en.document import EnDoc, Hit, Sent
from extractors.en.syntax import governing_verb, hits_under, subject_of

__all__ = ["extract_meetings"]

MEETING_NOUNS = {"meeting", "talk", "negotiation", "conversation"}
AGREEMENT_NOUNS = {"agreement", "memorandum", "contract", "accord", "treaty", "deal"}
SIGN_VERBS = {"sign", "conclude", "reach", "ink"}


def _partners(doc: EnDoc, sent: Sent, head, types: tuple[str, ...]) -> list[Hit]:
    """Hits under the "with"/"between" phrases (and direct objects) of a verb or noun."""
    tokens = []
    for child in head.children:
        if (
            child.dep_ == "prep"
            and child.lower_ in ("with", "between")
            or child.dep_ == "dobj"
            and child.lemma_ not in MEETING_NOUNS | AGREEMENT_NOUNS
        ):
            tokens += list(child.subtree)
    return hits_under(doc, sent, tokens, types)


def _pairs(doc: EnDoc, sent: Sent, head, verb, types: tuple[str, ...]) -> set[tuple[str, str]]:
    sides = hits_under(doc, sent, subject_of(verb), types) if verb is not None else []
    others = _partners(doc, sent, head, types) + (
        _partners(doc, sent, verb, types) if verb is not None else []
    )
    pairs = {(a.key, b.key) for a in sides for b in others}
    if not others:  # "A and B met", "an agreement between A and B"
        pairs |= set(combinations([h.key for h in sides], 2))
    between = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "between"]
    if between:
        pairs |= set(combinations([h.key for h in hits_under(doc, sent, list(between[0].subtree), types)], 2))
    return {(a, b) for a, b in pairs if a != b}


def extract_meetings(doc: EnDoc) -> None:
    """metWith between persons, agreementWith between organisations; one direction, the graph adds the other."""
    for sent in doc.sents:
        for token in sent.span:
            lemma = token.lemma_.lower()
            pairs, predicate = set(), ""
            if lemma == "meet" and token.pos_ == "VERB":
                pairs, predicate = _pairs(doc, sent, token, token, ("Person",)), "metWith"
            elif lemma in MEETING_NOUNS and token.pos_ == "NOUN":
                pairs, predicate = _pairs(doc, sent, token, governing_verb(token), ("Person",)), "metWith"
            elif lemma in AGREEMENT_NOUNS and token.pos_ == "NOUN":
                verb = governing_verb(token)
                if (
                    verb is not None
                    and verb.lemma_.lower() in SIGN_VERBS
                    or any(c.lower_ == "between" for c in token.children)
                ):
                    pairs, predicate = _pairs(doc, sent, token, verb, ORG_TYPES), "agreementWith"
            for a, b in sorted(pairs):
                doc.add_fact(a, predicate, b, sent)
