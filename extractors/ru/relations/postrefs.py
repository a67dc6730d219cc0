"""Posts named in place of a name: "Андрей Варичев умер … Forbes уточняет, что менеджер скончался"."""

from __future__ import annotations

from extractors.ru.relations.common import ORG_SET, story_sents
from extractors.ru.relations.postwords import LISTED_POSTS, is_post, post_modifiers, post_parts, post_tail
from extractors.ru.relations.predicates import COPULAS, OFFICE_VERBS, clause_posts, post_phrase
from extractors.ru.relations.subjects import SUBJECT_RELS, WINDOW, has_subject, name_feat

__all__ = ["dropped_subject_posts", "referring_posts"]


def referring_posts(ctx, sent) -> list[tuple[object, list]]:
    """(person, post phrase) for a bare post noun that is a subject and stands for the one person
    named just before it: "61-летняя певица сообщила" after "Поп-звезда Мадонна …", "Председатель
    влиятельного Комитета по иностранным делам стал …" after "Сенатор Джон Керри прибыл …". A post
    with other words after it ("представитель партии заявил") names someone new more often than not;
    so does a post after two people, whom it cannot tell apart; so does a post in a sentence that
    names someone after it in the nominative ("российский судья участвовал …, это был Николай
    Левников"; but "японский дипломат сменил … Мохаммеда Эль-Барадеи" is still the one named
    before). The past-tense verb of the post tells its holder's gender where the noun does not:
    "судья заявила" is no man's post."""
    out = []
    for token in sent.tokens:
        if not referring(ctx, sent, token):
            continue
        if any(
            c.start >= token.stop and name_feat(sent, c, "Case") == "Nom"
            for c in ctx.in_sent(sent, {"Person"})
        ):
            continue
        person = sole_person(ctx, sent, token, verb_gender(sent, token))
        if person is not None:
            # "Председатель влиятельного Комитета по иностранным делам": with its organisation, unless
            # the sentence names the person apart ("представитель ZANU-PF заявил о победе Мугабе")
            tail = post_tail(ctx, sent, sent.tokens.index(token)) if has_org(ctx, sent, token) else []
            if tail and (
                any(c.key == person.key for c in ctx.in_sent(sent, {"Person"})) or named_next(ctx, sent, tail)
            ):
                continue
            out.append((person, post_modifiers(sent, token) + [token, *tail]))
    return out


def has_org(ctx, sent, token) -> bool:
    """Whether a post noun has a named organisation among its words: "Председатель … Комитета"."""
    named = ctx.in_sent(sent, ORG_SET)
    return any(o.start <= c.start < o.stop for c in sent.children(token) for o in named)


def named_next(ctx, sent, tail: list) -> bool:
    """Whether a name follows a post's words: "Нападающий «ПСЖ» Неймар" is Неймар's post."""
    after = [t for t in sent.tokens if t.start >= tail[-1].stop and t.text not in "»\"'"][:1]
    people = ctx.in_sent(sent, {"Person"})
    return any(t.pos == "PROPN" or any(p.start <= t.start < p.stop for p in people) for t in after)


def referring(ctx, sent, token) -> bool:
    """A singular post noun, the subject of its clause, with no words of its own after it but its
    organisation's name, and no name."""
    if token.rel not in SUBJECT_RELS or token.pos != "NOUN" or not post_parts(token) & LISTED_POSTS:
        return False
    if token.feats.get("Number") != "Sing" or token.feats.get("Gender") not in ("Masc", "Fem"):
        return False
    named = ctx.in_sent(sent, ORG_SET)
    dependents = [
        c
        for c in sent.children(token)
        if c.pos not in ("ADJ", "DET", "PUNCT") and not any(o.start <= c.start < o.stop for o in named)
    ]
    return not dependents and not any(c.start <= token.start < c.stop for c in ctx.in_sent(sent))


def verb_gender(sent, token) -> str | None:
    """The gender of the singular past-tense verb a subject goes with: "заявила" of "судья заявила"."""
    verb = sent.head(token)
    if verb is None or verb.pos not in ("VERB", "AUX") or verb.feats.get("Number") != "Sing":
        return None
    return verb.feats.get("Gender")


def quoted(sent, cand, text: str) -> bool:
    """Whether a name stands inside quotation marks of its sentence: a name in someone's words
    ("«… которой и был Борис Николаевич Ельцин», — говорит скульптор") is not the speaker."""
    before = text[sent.start : cand.start]
    opened = before.count("«") - before.count("»")
    return opened > 0 or before.count('"') % 2 == 1


def sole_person(ctx, sent, token, gender: str | None = None):
    """The one person named in this sentence before the token and in the `WINDOW` sentences before,
    if their names agree with the post's gender (or the verb's, `gender`; or do not tell it) and no one
    was named more often before: "полковник был задержан" is still the story's colonel, whoever was
    named last. A name quoted in this sentence is not counted (`quoted`)."""
    sents = story_sents(ctx)
    index = next((i for i, s in enumerate(sents) if s is sent), None)
    if index is None:
        return None
    counts: dict[str, int] = {}
    found: dict[str, object] = {}
    for number, other in enumerate(sents[: index + 1]):
        for cand in ctx.in_sent(other, {"Person"}):
            if other is not sent or (cand.stop <= token.start and not quoted(sent, cand, ctx.article.text)):
                counts[cand.key] = counts.get(cand.key, 0) + 1
                if number >= index - WINDOW:
                    found.setdefault(cand.key, cand)
    if len(found) != 1:
        return None
    person = next(iter(found.values()))
    if counts[person.key] < max(counts.values()):
        return None
    name_gender = name_feat(person.sent, person, "Gender")
    if gender is not None and name_gender not in (None, gender):
        return None
    return person if name_gender in (None, token.feats.get("Gender")) else None


def dropped_subject_posts(ctx, sent) -> list[tuple[object, list]]:
    """(person, post phrase) for a clause with no subject written that states a post, when one person
    alone was named just before: "Стал генералом, работал министром" after "Ван Чжэнь …"."""
    root = next((t for t in sent.tokens if t.rel == "root"), None)
    if root is None or has_subject(sent, root):
        return []
    if root.pos == "NOUN" and not any(c.rel == "cop" for c in sent.children(root)):
        return verbless_posts(ctx, sent, root)
    verb = (
        root
        if root.pos in ("VERB", "AUX")
        else next((c for c in sent.children(root) if c.rel == "cop"), None)
    )
    if verb is None or (verb.lemma or "").lower() not in COPULAS | OFFICE_VERBS:
        return []
    person = dropped_subject(ctx, sent, verb)
    if person is None:
        return []
    joined = [t for t in sent.children(root) if t.rel == "conj" and not has_subject(sent, t)]
    return [(person, phrase) for phrase in clause_posts(ctx, sent, [root, *joined])]


def verbless_posts(ctx, sent, root) -> list[tuple[object, list]]:
    """A line of a biography with no verb and no name, only posts in the nominative, about the one
    person named just before: "В 1999 году — помощник руководителя Администрации Президента",
    "Член партии «Единая Россия», делегат XII Съезда Партии" after "Владимир Машков — актёр …"."""
    if any(t.pos in ("VERB", "AUX") for t in sent.tokens) or ctx.in_sent(sent, {"Person"}):
        return []
    if root.feats.get("Case") != "Nom" or not is_post(root):  # `root` has no copula: the caller checks
        return []
    person = sole_person(ctx, sent, root)
    if person is None:
        return []
    posts = [
        root,
        *(t for t in sent.children(root) if t.rel in ("conj", "appos") and t.pos == "NOUN" and is_post(t)),
    ]
    return [(person, post_phrase(ctx, sent, post)) for post in posts if post.feats.get("Case") == "Nom"]


def dropped_subject(ctx, sent, verb):
    """The one person named just before (`sole_person`) as the subject a clause leaves out, when its
    past-tense verb tells a gender that agrees: "стал", "была"."""
    if verb.feats.get("Number") != "Sing" or verb.feats.get("Gender") not in ("Masc", "Fem"):
        return None
    return sole_person(ctx, sent, verb)
