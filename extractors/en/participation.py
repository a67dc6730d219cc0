"""English participation: who took part in, spoke at, moderated or led a delegation to which event."""

from __future__ import annotations

from extractors.doc import ORG_TYPES
from extractors.en.document import EnDoc, Sent
from extractors.en.events import SUB_EVENTS, EventRef, resolve
from extractors.en.lexicon import Lexicon
from extractors.en.syntax import governing_verb, hits_under, subject_of, token_at

__all__ = ["extract_participation"]

AGENTS = ("Person", *ORG_TYPES)
# nouns whose holder is the subject of the verb they hang from: "took part as speakers", "spoke about the trip"
CARRIED = {"speaker", "participant", "moderator", "delegation", "trip", "visit", "guest", "exhibitor"}
COLLECTIVE = {
    "delegation",
    "team",
    "speaker",
    "representative",
    "staff",
    "participant",
    "university",
    "exhibitor",
}


def _agents(doc: EnDoc, sent: Sent, trigger) -> list:
    """Persons (else organisations) that the trigger is said of."""
    scopes = []
    if trigger.pos_ in ("NOUN", "PROPN"):
        if trigger.dep_ in ("nsubj", "nsubjpass") and trigger.head.lemma_ == "be":
            scopes.append(
                [t for c in trigger.head.children if c.dep_ in ("attr", "acomp") for t in c.subtree]
            )
        elif trigger.dep_ == "attr":
            scopes.append(subject_of(trigger.head))
        elif trigger.dep_ == "appos":
            scopes.append([trigger.head])
        scopes.append([t for t in trigger.subtree if not _in_event_phrase(t, trigger)])
        verb = governing_verb(trigger)
        if (
            trigger.lemma_.lower() in CARRIED
            and verb is not None
            and trigger.dep_ not in ("nsubj", "nsubjpass")
        ):
            scopes.append(subject_of(verb))
    else:
        scopes.append(subject_of(trigger))
    for scope in scopes:
        found = hits_under(doc, sent, scope, AGENTS)
        people = [h for h in found if h.type == "Person"]
        if people:
            return people
        orgs = [h for h in found if h.type != "Person"]
        if orgs and (
            trigger.lemma_.lower() in COLLECTIVE or any(t.lemma_.lower() in COLLECTIVE for t in scope)
        ):
            return orgs
    return []


def _in_event_phrase(token, trigger) -> bool:
    """Tokens after "to"/"at"/"in" under a noun trigger name the event, not the agent."""
    node = token  # spaCy makes a new Token object on every access: compare indices, never identity
    while node.i != trigger.i and node.head.i != node.i:
        if node.dep_ == "prep" and node.lower_ in ("to", "at", "in", "on") and node.head.i == trigger.i:
            return True
        node = node.head
    return False


def _events(doc: EnDoc, sent: Sent, trigger, refs: list[EventRef]) -> list[str]:
    """The events the trigger speaks of: named ones in its phrase first, then the nearest in the sentence."""
    here = [r for r in refs if sent.start <= r.start < sent.stop]
    for scope in (list(trigger.subtree), list(trigger.head.subtree)):
        spans = [(sent.offset + t.idx, sent.offset + t.idx + len(t.text)) for t in scope]
        inside = [r for r in here if any(r.start < b and a < r.stop for a, b in spans)]
        named = [r for r in inside if r.key is not None]
        if named or inside:
            return sorted({k for k in (resolve(doc, r) for r in (named or inside)) if k})
    if here:
        trig = sent.offset + trigger.idx
        nearest = min(here, key=lambda r: (r.key is None, abs(r.start - trig)))
        key = resolve(doc, nearest)
        return [key] if key else []
    return []


def extract_participation(doc: EnDoc, lexicon: Lexicon, refs: list[EventRef]) -> None:
    """participatedIn, spokeAt, moderated, ledDelegationTo; the super-property is always asserted too."""
    for sent in doc.sents:
        if not any(sent.start <= r.start < sent.stop for r in refs):
            continue
        lowered = doc.text[sent.start : sent.stop].lower()
        for pattern, kind in lexicon.triggers:
            for match in pattern.finditer(lowered):
                trigger = token_at(sent, sent.start + match.start())
                if trigger is None:
                    continue
                agents = _agents(doc, sent, trigger)
                if not agents:
                    continue
                for event in _events(doc, sent, trigger, refs):
                    for agent in agents:
                        if doc.type_of(event) == "EventSeries" and agent.key == event:
                            continue
                        _assert(doc, agent.key, kind, event, sent)


def _assert(doc: EnDoc, agent: str, kind: str, event: str, sent: Sent) -> None:
    doc.add_fact(agent, "participatedIn", event, sent)
    if kind != "participatedIn":
        doc.add_fact(agent, kind, event, sent)
    parent = doc.parents.get(event)
    if parent and doc.type_of(event) in SUB_EVENTS:  # a session of a forum: the forum too
        doc.add_fact(agent, "participatedIn", parent, sent)
