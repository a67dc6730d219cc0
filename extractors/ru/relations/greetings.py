"""Who addresses a gathering's participants speaks at it: "с приветственным словом к участникам форума
«U-NOVUS» обратился ректор ТГУ Эдуард Галажинский", "участников форума приветствовал губернатор"."""

from __future__ import annotations

from extractors.ru.relations.common import (
    AGENT_TYPES,
    cand_tokens,
    is_event,
    named_in_parentheses,
    story_sents,
)
from extractors.ru.relations.participation import governor_of, root_of, subject_verb

__all__ = ["extract_addresses"]

ADDRESS_VERBS = {"обратиться", "обращаться", "приветствовать", "поприветствовать"}
AUDIENCE = {"участник", "гость", "делегат", "собравшийся", "слушатель"}


def extract_addresses(ctx) -> None:
    """The subject of "обратиться к участникам <event>", "приветствовать участников <event>" spoke at the
    event; the event must be the audience's own (its genitive), not any event of the sentence ("обратился
    в суд после заседания совета" says nothing)."""
    for sent in story_sents(ctx):
        events = [c for c in ctx.in_sent(sent) if is_event(c)]
        if not events:
            continue
        roots = {}
        for event in events:
            root = root_of(sent, cand_tokens(sent, event))
            if root is not None:
                roots[root.id] = event
        for verb in sent.tokens:
            if verb.pos != "VERB" or (verb.lemma or "").lower() not in ADDRESS_VERBS:
                continue
            events_addressed = audience_events(sent, verb, roots)
            if not events_addressed:
                continue
            verbs = (verb, subject_verb(sent, verb))
            speakers = [
                a
                for a in ctx.in_sent(sent, AGENT_TYPES)
                if governor_of(sent, a, a.type == "Person") in verbs and not named_in_parentheses(ctx, a)
            ]
            for event in events_addressed:
                for agent in speakers:
                    if agent.key != event.key:
                        ctx.add(agent.key, "spokeAt", event.key, sent)


def audience_events(sent, verb, roots: dict) -> list:
    """The events whose participants (guests, delegates) the verb addresses, or its greeting does ("с
    приветственным словом к участникам форума", the participants hung on the word)."""
    near = [c for c in sent.children(verb) if c.rel in ("obj", "obl", "iobj")]
    near += [g for c in near for g in sent.children(c) if g.rel == "nmod"]
    return [
        roots[event_root.id]
        for audience in near
        if (audience.lemma or "").lower() in AUDIENCE
        for event_root in sent.children(audience)
        if event_root.rel == "nmod" and event_root.id in roots
    ]
