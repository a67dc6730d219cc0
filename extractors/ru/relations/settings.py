"""Who took part in an event that is the setting of their clause: "на полях форума губернатор встретился
с ректором", "в 1988 году на партийной конференции раскритиковал перестройку"."""

from __future__ import annotations

from extractors.ru.relations.common import (
    AGENT_TYPES,
    ancestors,
    cand_tokens,
    case_words,
    is_event,
    story_sents,
)
from extractors.ru.relations.gatherings import climb
from extractors.ru.relations.participation import (
    NEGATED,
    governor_of,
    kind_of,
    root_of,
    subject_verb,
)
from extractors.ru.relations.postrefs import dropped_subject
from extractors.ru.relations.subjects import has_subject, subjects

__all__ = ["extract_dropped", "extract_settings", "setting_of"]

# "сказал Трамп на пресс-конференции": who says something at an event speaks at it
SPEECH = {"сказать", "заявить", "рассказать", "сообщить", "отметить", "подчеркнуть", "говорить", "объявить"}
# "на заседании", "в ходе переговоров", "во время встречи": the event as the setting of the clause
SETTING = {("на",), ("в", "ход"), ("во", "время"), ("в", "время"), ("в", "рамка"), ("на", "поле")}
FRAMES = {"ход", "время", "рамка", "поле"}  # "в ходе", "во время", "в рамках", "на полях" <event>
# "на открытии сессии", "на закрытии форума": the event is the setting through its opening
OCCASIONS = {"открытие", "закрытие", "церемония"}


def setting_of(sent, event):
    """The verb an event is the setting of: "выступал в ходе сессии", "победил на выборах"."""
    node = root_of(sent, cand_tokens(sent, event))
    marks = case_words(sent, node) if node is not None else ()
    head = sent.head(node) if node is not None and node.rel in ("obl", "nmod") else None
    if head is not None and (head.lemma or "").lower() in FRAMES and node.rel == "nmod":
        marks = case_words(sent, head) + ((head.lemma or "").lower(),)  # "в ходе <event>": the verb is above
        node, head = head, sent.head(head)
    if (
        head is not None
        and (head.lemma or "").lower() in OCCASIONS
        and node.rel == "nmod"
        and head.pos == "NOUN"
    ):
        node = head  # "на открытии сессии": the verb is above the opening
        marks = case_words(sent, node)
        head = sent.head(node) if node.rel in ("obl", "nmod") else None
    if head is None or head.pos != "VERB" or marks not in SETTING:
        return None
    if marks == ("на",) and node.feats.get("Case") == "Acc":
        return None  # "пригласил на встречу": where one goes or is asked to, not where one is
    # "опережает … делегатов, которые будут голосовать … на съезде" (the parser hangs the congress on the
    # first verb): after its verb, the setting is the nearer verb's when another verb stands between
    start, stop = sent.tokens.index(head), sent.tokens.index(node)
    if any(t.pos == "VERB" and node not in ancestors(sent, t) for t in sent.tokens[start + 1 : stop]):
        return None
    return head


def extract_settings(ctx) -> None:
    """The subject of a verb whose setting is an event took part in it (spoke, for verbs of speech): "на
    полях форума губернатор встретился с …". For a named event, the subject itself, not a name in its
    genitive ("на открытии фестиваля был презентован фильм режиссёра Петрухина")."""
    for sent in story_sents(ctx):
        for event in (c for c in ctx.in_sent(sent) if is_event(c)):
            verb = setting_of(sent, event)
            if verb is None or any((c.lemma or "").lower() in NEGATED for c in sent.children(verb)):
                continue
            above = subject_verb(sent, verb)
            for agent in ctx.in_sent(sent, AGENT_TYPES):
                genitive = agent.type == "Person" and event.kind == "unnamed"
                if governor_of(sent, agent, genitive) in (verb, above):
                    kind = "spokeAt" if (verb.lemma or "").lower() in SPEECH else "participatedIn"
                    ctx.add(agent.key, kind, event.key, sent)
            for person in [*addressees(ctx, sent, verb), *partners(ctx, sent, verb)]:
                ctx.add(person.key, "participatedIn", event.key, sent)


def partners(ctx, sent, verb) -> list:
    """ "встретился с ректором НГТУ Батаевым", "провёл встречу с …", "подписал соглашение с …": the one met
    there was there too."""
    return [
        person
        for person in ctx.in_sent(sent, {"Person"})
        if any(
            node.rel in ("obl", "nmod")
            and case_words(sent, node)[:1] == ("с",)
            and (head is verb or (head.rel == "obj" and sent.head(head) is verb))
            for node, head in climb(sent, person, person=False)  # through names and appositions only
        )
    ]


def addressees(ctx, sent, verb) -> list:
    """ "Трамп …, когда его спросили на пресс-конференции": a verb with no subject in the plural speaks of
    someone unnamed, and the person its object pronoun stands for is the one at the event."""
    if has_subject(sent, verb) or verb.feats.get("Number") != "Plur" or verb.feats.get("VerbForm") != "Fin":
        return []
    return [
        person
        for person, token in subjects(ctx, sent, rels=("obj", "iobj"))
        if token.pos == "PRON" and token.head_id == verb.id
    ]


def extract_dropped(ctx) -> None:
    """ "В 1988 году на Всесоюзной партийной конференции раскритиковал перестройку": a main clause with no
    subject written, whose setting is an event (or that takes part in it: "участвовал в форуме"), is about
    the one person named just before (`dropped_subject`, its past tense agreeing in gender)."""
    for sent in story_sents(ctx):
        for event in (c for c in ctx.in_sent(sent) if is_event(c)):
            verb = setting_of(sent, event) or took_part(sent, event)
            top = subject_verb(sent, verb) if verb is not None else None
            if top is None or has_subject(sent, top) or top.rel != "root" or top.pos != "VERB":
                continue
            if top.feats.get("Voice") == "Pass" or top.feats.get("VerbForm") != "Fin":
                continue
            if any((c.lemma or "").lower() in NEGATED for t in (verb, top) for c in sent.children(t)):
                continue
            person = dropped_subject(ctx, sent, top)
            if person is not None and person.key != event.key:
                kind = (
                    "spokeAt"
                    if (verb.lemma or "").lower() in SPEECH
                    else (kind_of(verb, sent) or "participatedIn")
                )
                ctx.add(person.key, kind, event.key, sent)


def took_part(sent, event):
    """The verb of taking part whose "в"/"на" phrase the event is: "участвовал в конференции"."""
    node = root_of(sent, cand_tokens(sent, event))
    head = sent.head(node) if node is not None and node.rel == "obl" else None
    if head is None or head.pos != "VERB" or not kind_of(head, sent) or not case_words(sent, node):
        return None
    return head
