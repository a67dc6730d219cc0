"""A post named again by "этот пост": "Президентом Ирана избран Х.Рухани. Махмуд Ахмадинеджад занимал этот
пост два срока" — the post (with its organisation) stated last, in the sentence before or in this one
before the words "этот пост"."""

from __future__ import annotations

from extractors.ru.relations.common import cand_tokens, office_held, prepositions, story_sents
from extractors.ru.relations.posts import add_post
from extractors.ru.relations.predicates import APPOINT_VERBS, HELD_OFFICES, OFFICE_VERBS
from extractors.ru.relations.subjects import span_root, subjects

__all__ = ["extract_this_post"]

POINTERS = {"этот", "тот", "данный"}
# "сменил на этом посту Леона Панетту": the object held the post too
SUCCEED_VERBS = {"сменить", "сменять", "заменить", "заменять"}


def extract_this_post(ctx) -> None:
    sents = story_sents(ctx)
    for index, sent in enumerate(sents):
        for office in sent.tokens:
            if (office.lemma or "").lower() not in HELD_OFFICES or not any(
                (c.lemma or "").lower() in POINTERS for c in sent.children(office)
            ):
                continue
            verb = sent.head(office)
            if verb is None or verb.pos != "VERB" or not held(sent, office, verb):
                continue
            floor = sents[index - 1].start if index else sent.start
            post = last_post(ctx, sent, floor, office)
            if post is None:
                continue
            role, org = post
            for person in holders(ctx, sent, verb):
                add_post(ctx, sent, person.key, role, org)


def held(sent, office, verb) -> bool:
    """Whether "этот пост" is held or left, not sought: "занимал этот пост", "ушёл с этого поста", "на этом
    посту", "на этот пост был назначен"; not "претендует на этот пост", "выдвинуть на эту должность"."""
    if office_held(sent, office):
        return True
    lemma = (verb.lemma or "").lower()
    preps = prepositions(sent, office)
    if preps & {"на", "в"}:
        return lemma in APPOINT_VERBS and verb.feats.get("Voice") == "Pass"
    return not preps and lemma in OFFICE_VERBS - APPOINT_VERBS


def holders(ctx, sent, verb) -> list:
    """The people a verb of "этот пост" ties to it: its subject ("Ахмадинеджад занимал этот пост"), the
    name its participle describes ("уходящего с этого поста Гордона Брауна"), and the object of a verb of
    succeeding ("сменяет на этом посту Леона Панетту")."""
    out = [person for person, subject in subjects(ctx, sent) if sent.head(subject) is verb]
    for person in ctx.in_sent(sent, {"Person"}):
        root = span_root(sent, cand_tokens(sent, person))
        if root is None:
            continue
        described = verb.rel == "acl" and verb.head_id == root.id and verb.feats.get("VerbForm") == "Part"
        succeeded = (
            root.rel == "obj" and root.head_id == verb.id and (verb.lemma or "").lower() in SUCCEED_VERBS
        )
        if described or succeeded:
            out.append(person)
    return out


def last_post(ctx, sent, floor: int, office) -> tuple[str, str] | None:
    """(role, organisation key) of the last post with an organisation stated from `floor` (an offset
    into the text) on, up to the office word: one of the sentence itself only if its organisation is
    named before that word ("с поста вице-президента США … на этот пост был назначен Джеральд Форд")."""
    roles = {f.subject: f.object.text for f in ctx.facts if f.predicate == "role"}
    earlier = {c.key for c in ctx.in_sent(sent) if c.stop <= office.start}
    best = None
    for fact in ctx.facts:
        if fact.predicate != "organization" or fact.subject not in roles:
            continue
        start = fact.evidence.start
        if start == sent.start and fact.object not in earlier:
            continue  # "На этом посту он сменит генерала морской пехоты США …": not a post after it
        if floor <= start <= sent.start and (best is None or start >= best[0]):
            best = (start, roles[fact.subject], fact.object)
    return None if best is None else (best[1], best[2])
