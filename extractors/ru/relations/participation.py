"""Participation: who took part in, spoke at, moderated or led a delegation to which event."""

from __future__ import annotations

from extractors.ru.relations.common import AGENT_TYPES, cand_tokens, is_event, story_sents, triggers

__all__ = ["extract_participation", "extract_settings", "governor_of", "root_of"]

KINDS = ("participatedIn", "spokeAt", "moderated", "ledDelegationTo")
STRENGTH = {"participatedIn": 0, "spokeAt": 1, "ledDelegationTo": 2, "moderated": 3}
PASS_THROUGH = {"appos", "flat", "flat:name", "flat:foreign", "conj", "compound"}
# verbs that stop a participation: "обсудили возможность участия" is not taking part
NEGATED = {"не", "отказаться", "отменить", "перенести"}
# "сказал Трамп на пресс-конференции": who says something at an event speaks at it
SPEECH = {"сказать", "заявить", "рассказать", "сообщить", "отметить", "подчеркнуть", "говорить", "объявить"}
# "на заседании", "в ходе переговоров", "во время встречи": the event as the setting of the clause
SETTING = {("на",), ("в", "ход"), ("во", "время"), ("в", "время")}


def root_of(sent, tokens: list):
    """The token of a span whose head lies outside the span."""
    ids = {t.id for t in tokens}
    for token in tokens:
        if token.head_id not in ids:
            return token
    return tokens[0] if tokens else None


def kind_of(token) -> str | None:
    kind = triggers().get((token.lemma or "").lower())
    return kind if kind in KINDS else None


def governor_of(sent, cand, person: bool):
    """The verb or trigger noun a candidate is the agent of: through appositions and conjunctions up to nsubj."""
    node = root_of(sent, cand_tokens(sent, cand))
    for _ in range(8):
        if node is None:
            return None
        head = sent.head(node)
        if head is None:
            return None
        if node.rel in ("nsubj", "nsubj:pass"):
            return head
        if kind_of(head) and node.rel in ("nmod", "obl", "appos"):
            # "выступал в Палате общин": a place where one speaks, not a participant
            return None if node.rel == "obl" and case_words(sent, node)[:1] in (("в",), ("во",)) else head
        if node.rel in PASS_THROUGH or (person and node.rel == "nmod" and head.pos == "NOUN"):
            node = head
            continue
        return None
    return None


def strongest(sent, anchor) -> str | None:
    """The participation kind of a verb: its own, or that of a trigger depending on it (выступил модератором)."""
    kinds = [k for k in (kind_of(anchor), *(kind_of(c) for c in sent.children(anchor))) if k]
    if any((c.lemma or "").lower() in NEGATED for c in sent.children(anchor)):
        return None
    return max(kinds, key=STRENGTH.get) if kinds else None


def extract_participation(ctx) -> None:
    for sent in story_sents(ctx):
        events = [c for c in ctx.in_sent(sent) if is_event(c)]
        if not events or not any(kind_of(t) for t in sent.tokens):
            continue
        for agent in ctx.in_sent(sent, AGENT_TYPES):
            anchor = governor_of(sent, agent, agent.type == "Person")
            if anchor is None:
                continue
            kind = strongest(sent, anchor)
            if kind is None:
                continue
            after = [e for e in events if e.start >= anchor.stop]
            event = after[0] if after else events[-1]
            if event.key == agent.key:
                continue
            ctx.add(agent.key, kind, event.key, sent)


def setting_of(sent, event):
    """The verb an event is the setting of: "выступал в ходе сессии", "победил на выборах"."""
    node = root_of(sent, cand_tokens(sent, event))
    marks = case_words(sent, node) if node is not None else ()
    head = sent.head(node) if node is not None and node.rel in ("obl", "nmod") else None
    if head is not None and (head.lemma or "").lower() in ("ход", "время") and node.rel == "nmod":
        marks = case_words(sent, head) + ((head.lemma or "").lower(),)  # "в ходе <event>": the verb is above
        node, head = head, sent.head(head)
    if head is None or head.pos != "VERB" or marks not in SETTING:
        return None
    return head


def case_words(sent, token) -> tuple[str, ...]:
    """The preposition of a noun with its fixed parts: ("в", "ход") for "в ходе"."""
    out = []
    for mark in (c for c in sent.children(token) if c.rel == "case"):
        out.append((mark.lemma or "").lower())
        out.extend((c.lemma or "").lower() for c in sent.children(mark) if c.rel == "fixed")
    return tuple(out)


def extract_settings(ctx) -> None:
    """The subject of a verb whose setting is an unnamed event took part in it (spoke, for verbs of speech)."""
    for sent in story_sents(ctx):
        for event in (c for c in ctx.in_sent(sent) if is_event(c) and c.kind == "unnamed"):
            verb = setting_of(sent, event)
            if verb is None or any((c.lemma or "").lower() in NEGATED for c in sent.children(verb)):
                continue
            for agent in ctx.in_sent(sent, AGENT_TYPES):
                if governor_of(sent, agent, agent.type == "Person") is verb:
                    kind = "spokeAt" if (verb.lemma or "").lower() in SPEECH else "participatedIn"
                    ctx.add(agent.key, kind, event.key, sent)
