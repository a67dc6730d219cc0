"""Participation: who took part in, spoke at, moderated or led a delegation to which event."""

from __future__ import annotations

from extractors.ru.relations.common import (
    AGENT_TYPES,
    cand_tokens,
    case_words,
    is_event,
    named_in_parentheses,
    story_sents,
    triggers,
)
from extractors.ru.relations.subjects import has_subject

__all__ = [
    "NEGATED",
    "PASS_THROUGH",
    "extract_chairs",
    "extract_participation",
    "governor_of",
    "kind_of",
    "root_of",
    "subject_verb",
]

KINDS = ("participatedIn", "spokeAt", "moderated", "ledDelegationTo")
STRENGTH = {"participatedIn": 0, "spokeAt": 1, "ledDelegationTo": 2, "moderated": 3}
PASS_THROUGH = {"appos", "flat", "flat:name", "flat:foreign", "conj", "compound"}
# verbs that stop a participation: "обсудили возможность участия" is not taking part
NEGATED = {"не", "отказаться", "отменить", "перенести"}


def root_of(sent, tokens: list):
    """The token of a span whose head lies outside the span."""
    ids = {t.id for t in tokens}
    for token in tokens:
        if token.head_id not in ids:
            return token
    return tokens[0] if tokens else None


def kind_of(token, sent) -> str | None:
    """The participation a trigger word says; "гость" only as a guest of something ("гостями форума
    стали"), not "был частым гостем"."""
    lemma = (token.lemma or "").lower()
    kind = triggers().get(lemma)
    if lemma == "гость" and not any(c.rel == "nmod" for c in sent.children(token)):
        return None
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
        if kind_of(head, sent) and node.rel in ("nmod", "obl", "appos"):
            # "выступал в Палате общин": a place where one speaks, not a participant
            return None if node.rel == "obl" and case_words(sent, node)[:1] in (("в",), ("во",)) else head
        if node.rel in PASS_THROUGH or (person and node.rel == "nmod" and head.pos == "NOUN"):
            node = head
            continue
        return None
    return None


def strongest(sent, anchor) -> str | None:
    """The participation kind of a verb: its own, or that of a trigger depending on it (выступил модератором)."""
    kinds = [k for k in (kind_of(anchor, sent), *(kind_of(c, sent) for c in sent.children(anchor))) if k]
    if any((c.lemma or "").lower() in NEGATED for c in sent.children(anchor)):
        return None
    return max(kinds, key=STRENGTH.get) if kinds else None


def extract_participation(ctx) -> None:
    for sent in story_sents(ctx):
        events = [c for c in ctx.in_sent(sent) if is_event(c)]
        if not events or not any(kind_of(t, sent) for t in sent.tokens):
            continue
        for agent in ctx.in_sent(sent, AGENT_TYPES):
            if named_in_parentheses(ctx, agent):
                continue  # "Иван Петров (ТГУ)": the person's organisation, not a participant
            for kind, event in participle_events(sent, agent, events):
                ctx.add(agent.key, kind, event.key, sent)
            anchor = among(sent, governor_of(sent, agent, agent.type == "Person"))
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


def among(sent, anchor):
    """ "приняли участие 300 человек, среди которых ректор ТГУ …", "Гостями форума стали министры, среди них
    Фальков": names under "среди них/которых" take part as the clause the pronoun points back to says, when
    it says so itself (the verb, its object or complement), not as a purpose ("прилетели для участия")."""
    if (
        anchor is None
        or (anchor.lemma or "").lower() not in ("они", "который")
        or case_words(sent, anchor)[:1] != ("среди",)
    ):
        return anchor
    node = anchor
    for _ in range(3):
        node = sent.head(node)
        if node is None:
            break
        said = [node, *(c for c in sent.children(node) if c.rel in ("obj", "xcomp"))]
        if node.pos == "VERB" and any(kind_of(t, sent) for t in said):
            return node
    return anchor


def participle_events(sent, agent, events: list):
    """ "Присутствовавший на заседании Сурков", "Носик, присутствовавший на заседании": a participle of
    taking part that qualifies the agent (or the noun it names) takes it to the event in its own "на"/"в" phrase."""
    roots = {root_of(sent, cand_tokens(sent, e)).id: e for e in events}
    node = root_of(sent, cand_tokens(sent, agent))
    for _ in range(4):
        if node is None:
            return
        for verb in (
            c for c in sent.children(node) if c.rel == "acl" and c.pos == "VERB" and kind_of(c, sent)
        ):
            if any((c.lemma or "").lower() in NEGATED for c in sent.children(verb)):
                continue
            for child in sent.children(verb):
                if child.rel == "obl" and child.id in roots and roots[child.id].key != agent.key:
                    yield kind_of(verb, sent), roots[child.id]
        if node.rel not in ("appos", "flat", "flat:name"):
            return
        node = sent.head(node)


def subject_verb(sent, verb):
    """The verb whose subject is that of a verb with none of its own: "отправился давать пресс-конференцию",
    "посетит саммит, проведёт встречу", "появившись на открытии, Кастро преподнёс сюрприз"."""
    for _ in range(4):
        if verb is None or has_subject(sent, verb):
            return verb
        gerund = verb.rel == "advcl" and verb.feats.get("VerbForm") == "Conv"
        if verb.rel not in ("xcomp", "conj") and not gerund:
            return verb
        head = sent.head(verb)
        if (
            verb.rel == "xcomp"
            and head is not None
            and any(c.rel in ("obj", "iobj") for c in sent.children(head))
        ):
            return verb  # "попросил венесуэльцев проголосовать": the object does it, not the subject
        verb = head
    return verb


def extract_chairs(ctx) -> None:
    """ "заседание пройдёт под председательством министра Доминика Рааба", "совещание под председательством
    главы города": who chairs a gathering takes part in it."""
    for sent in story_sents(ctx):
        chairs = [
            t
            for t in sent.tokens
            if (t.lemma or "").lower() == "председательство" and case_words(sent, t)[:1] == ("под",)
        ]
        events = [c for c in ctx.in_sent(sent) if is_event(c)] if chairs else []
        if not events:
            continue
        roots = {root_of(sent, cand_tokens(sent, e)).id: e for e in events}
        for chair in chairs:
            event = chaired(sent, chair, roots)
            if event is None:
                continue
            for agent in ctx.in_sent(sent, AGENT_TYPES):
                if agent.key != event.key and under(sent, agent, chair):
                    ctx.add(agent.key, "participatedIn", event.key, sent)


def chaired(sent, chair, roots: dict):
    """The event "под председательством" qualifies: the noun it hangs from, or the subject or object of
    its verb (or the noun that verb's relative clause is about: "совещание, которое прошло под …")."""
    head = sent.head(chair)
    if head is None:
        return None
    if head.id in roots:
        return roots[head.id]
    if head.pos != "VERB" or any((c.lemma or "").lower() in NEGATED for c in sent.children(head)):
        return None
    for child in sent.children(head):
        if child.rel in ("nsubj", "nsubj:pass", "obj") and child.id in roots:
            return roots[child.id]
    above = sent.head(head)
    return roots.get(above.id) if head.rel in ("acl", "acl:relcl") and above is not None else None


def under(sent, agent, chair) -> bool:
    """The agent is the genitive of the chair noun, through its post and name: "председательством министра
    иностранных дел Доминика Рааба"."""
    node = root_of(sent, cand_tokens(sent, agent))
    for _ in range(6):
        head = sent.head(node) if node is not None else None
        if head is None:
            return False
        if head is chair:
            return node.rel == "nmod" and not case_words(sent, node)
        if node.rel not in PASS_THROUGH and not (
            node.rel == "nmod" and head.pos == "NOUN" and not case_words(sent, node)
        ):
            return False
        node = head
    return False
