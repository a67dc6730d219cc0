"""Attendees the syntax of a gathering names: its partners, its hosts, its genitive, photo captions."""

from __future__ import annotations

from extractors.ru.relations.common import AGENT_TYPES, cand_tokens, case_words, is_event, story_sents
from extractors.ru.relations.participation import (
    NEGATED,
    PASS_THROUGH,
    governor_of,
    root_of,
    subject_verb,
)
from extractors.vocab import load_table, load_words

__all__ = ["extract_gatherings", "gathering_kind"]

# "Ревзин на форуме", "Машков во время пресс-конференции": a caption's person at the event
CAPTION_MARKS = {("на",), ("в", "ход"), ("во", "время"), ("в", "время")}


def gathering_kind(sent, root) -> str | None:
    """The kind of an event's noun (the root of its phrase) in gathering_roles.tsv: "meeting",
    "gathering", or None."""
    table = load_table("gathering_roles.tsv")
    if root is None:
        return None
    lemma = (root.lemma or "").lower()
    index = sent.tokens.index(root)
    before = sent.tokens[index - 1] if index > 0 else None
    pair = f"{(before.lemma or '').lower()} {lemma}" if before is not None else ""
    # a compound is its last part: "рок-фестиваль", "кинофорум" are not listed, "фестиваль" is
    return table.get(pair) or table.get(lemma) or table.get(lemma.rsplit("-", 1)[-1])


def extract_gatherings(ctx) -> None:
    for sent in story_sents(ctx):
        roots = [(e, root_of(sent, cand_tokens(sent, e))) for e in ctx.in_sent(sent) if is_event(e)]
        events = [(e, root, gathering_kind(sent, root)) for e, root in roots]
        events = [(e, root, kind) for e, root, kind in events if kind]
        if not events:
            continue
        agents = ctx.in_sent(sent, AGENT_TYPES | {"Place"})
        root_ids = {root.id for _, root, _ in events}
        for event, root, kind in events:
            for agent in agents:
                if agent.key != event.key and attends(sent, agent, root, kind, root_ids):
                    ctx.add(agent.key, "participatedIn", event.key, sent)


def attends(sent, agent, event_root, kind: str, root_ids: set) -> bool:
    person = agent.type == "Person"
    if agent.type == "Place":  # a country at talks, not "заседание правительства Москвы"
        return (kind == "meeting" and partner_of(sent, agent, event_root)) or host_of(sent, agent, event_root)
    return (
        (kind == "meeting" and partner_of(sent, agent, event_root))
        or genitive_of(sent, agent, event_root, person)
        or host_of(sent, agent, event_root)
        or (kind == "meeting" and after_meeting(sent, agent, event_root))
        or (person and caption_of(sent, agent, event_root, root_ids))
    )


def climb(sent, agent, person: bool):
    """(token, head) pairs from an agent's root up through appositions, names and, for a person, posts."""
    node = root_of(sent, cand_tokens(sent, agent))
    for _ in range(6):
        head = sent.head(node) if node is not None else None
        if head is None:
            return
        yield node, head
        bare = not case_words(sent, node)
        if node.rel in PASS_THROUGH or (person and bare and node.rel == "nmod" and head.pos == "NOUN"):
            node = head
        else:
            return


def partner_of(sent, agent, event_root) -> bool:
    """ "встреча с X", "переговоры с администрацией": the one met takes part."""
    return any(
        head is event_root and node.rel == "nmod" and case_words(sent, node)[:1] == ("с",)
        for node, head in climb(sent, agent, agent.type == "Person")
    )


def genitive_of(sent, agent, event_root, person: bool) -> bool:
    """ "заседание правительства", "пресс-конференция президента Бориса Тадича": the genitive takes part."""
    return any(
        head is event_root and node.rel == "nmod" and not case_words(sent, node)
        for node, head in climb(sent, agent, person)
    )


def host_of(sent, agent, event_root) -> bool:
    """ "Путин провёл совещание", "пресс-конференция, которую провёл прокурор X", "открывая заседание,
    Нарусова заявила": who holds it takes part."""
    governor = governor_of(sent, agent, agent.type == "Person")
    if governor is None:
        return False
    for verb in host_verbs(sent, event_root):
        if any((c.lemma or "").lower() in NEGATED for c in sent.children(verb)):
            continue
        # a gerund's subject is that of the verb it hangs on: "Открывая заседание, X заявила"; a verb with
        # no subject of its own shares that of the verb it is joined to: "Квачков отправился давать
        # пресс-конференцию", "посетит саммит, проведёт встречу"
        if governor is verb or (verb.rel == "advcl" and sent.head(verb) is governor):
            return True
        if subject_verb(sent, verb) is governor:
            return True
    return False


def host_verbs(sent, event_root) -> list:
    """Verbs of holding the event: the one it is the object of, or a relative clause's ("которую провёл")."""
    verbs = [sent.head(event_root)] if event_root.rel == "obj" else []
    verbs += [
        c
        for c in sent.children(event_root)
        if c.rel == "acl:relcl"
        and any(o.rel == "obj" and (o.lemma or "").lower() == "который" for o in sent.children(c))
    ]
    return [v for v in verbs if v is not None and (v.lemma or "").lower() in load_words("host_verbs.txt")]


def after_meeting(sent, agent, event_root) -> bool:
    """ "После встречи с Ли Куан Ю Обама назвал …": the subject of the verb after a meeting with someone met them."""
    verb = sent.head(event_root)
    partners = [c for c in sent.children(event_root) if c.rel == "nmod" and case_words(sent, c)[:1] == ("с",)]
    if verb is None or verb.pos != "VERB" or case_words(sent, event_root) != ("после",) or not partners:
        return False
    return governor_of(sent, agent, agent.type == "Person") is verb


def caption_of(sent, person, event_root, root_ids: set) -> bool:
    """A caption without a verb: "Григорий Ревзин на форуме", "Машков во время пресс-конференции на …"."""
    if any(t.pos in ("VERB", "AUX") for t in sent.tokens):
        return False
    if case_words(sent, event_root) not in CAPTION_MARKS:
        return False
    own = {t.id for t in cand_tokens(sent, person)}
    person_root = root_of(sent, cand_tokens(sent, person))
    if person_root.rel == "nsubj" and person_root.head_id == event_root.id:
        return True  # parsed as "Ампелонский (is) на встрече"
    head = sent.head(event_root)
    # through the events it is part of ("во время пресс-конференции на фестивале") or the nouns of what the
    # person holds ("Панфилов с призом за вклад в кинематограф на кинофестивале «Кинотавр»"), up to the
    # person or the post the name stands beside ("Режиссёр Глеб Панфилов …")
    for _ in range(5):
        if head is None or head.id in own:
            return head is not None
        if person_root.rel == "appos" and person_root.head_id == head.id and head.rel == "root":
            return True
        if head.id not in root_ids and head.pos != "NOUN":
            return False
        head = sent.head(head)
    return False
