"""Affiliation stated by a verb: "Андрей Варичев возглавляет «Металлоинвест»", "он работал в МГУ"."""

from __future__ import annotations

from extractors.ru.relations.common import ORG_SET, cand_tokens, story_sents
from extractors.ru.relations.participation import root_of
from extractors.ru.relations.posts import add_post
from extractors.ru.relations.subjects import predicates, subjects
from extractors.vocab import load_table

__all__ = ["extract_verb_affiliations"]

OBJECT_RELS = {"obj", "obl", "nmod", "iobj"}


def extract_verb_affiliations(ctx) -> None:
    verbs = load_table("affiliation_verbs.tsv")
    for sent in story_sents(ctx):
        orgs = ctx.in_sent(sent, ORG_SET)
        if not orgs:
            continue
        for person, verb in person_verbs(ctx, sent):
            post = verbs.get((verb.lemma or "").lower())
            if post is None:
                continue
            for org in orgs:
                if not governed_by(sent, root_of(sent, cand_tokens(sent, org)), verb):
                    continue
                if post != "-":
                    add_post(ctx, sent, person.key, post, org.key)
                else:
                    ctx.add(person.key, "affiliatedWith", org.key, sent)


def person_verbs(ctx, sent) -> list[tuple[object, object]]:
    """(person, verb) for the verbs a person is the subject of, and the participles that describe the
    person: "Любовь Глебова, управлявшая Рособрнадзором"."""
    out = [(person, verb) for person, subject in subjects(ctx, sent) for verb in predicates(sent, subject)]
    for person in ctx.in_sent(sent, {"Person"}):
        ids = {t.id for t in cand_tokens(sent, person)}
        out += [
            (person, token)
            for token in sent.tokens
            if token.rel == "acl" and token.head_id in ids and token.feats.get("VerbForm") == "Part"
        ]
    return out


def governed_by(sent, org_root, verb) -> bool:
    """The organisation is the verb's object, one joined to it by a conjunction ("работала в
    Госдепартаменте и Министерстве здравоохранения") or one naming it ("от партии «Яблоко»")."""
    node = org_root
    for _ in range(3):
        if node is None:
            return False
        if node.rel in OBJECT_RELS and sent.head(node) is verb:
            return True
        if node.rel not in ("conj", "appos"):
            return False
        node = sent.head(node)
    return False


# "Игорь Журавлёв из группы «Альянс»": a name, then a preposition and an organisation; also
# "Юрий Царёв (проект «Метро»)": the name's organisation in parentheses
FROM_WORDS = {"из", "("}
MAX_FROM_GAP = 2  # common nouns between the preposition and the name: "из группы", "из компании"


def extract_from_affiliations(ctx) -> None:
    for sent in story_sents(ctx):
        orgs = ctx.in_sent(sent, ORG_SET)
        if not orgs:
            continue
        for person in ctx.in_sent(sent, {"Person"}):
            for org in (org_after(ctx, sent, person, orgs), org_before(sent, person, orgs)):
                if org is not None:
                    ctx.add(person.key, "affiliatedWith", org.key, sent)


def org_after(ctx, sent, person, orgs: list):
    """The organisation named by "из <организации>" right after a person's name."""
    after = [t for t in sent.tokens if t.start >= person.stop]
    if not after or (after[0].lemma or after[0].text).lower() not in FROM_WORDS:
        return None
    for org in orgs:
        if org.start < after[0].stop:
            continue
        between = [t for t in after[1:] if t.stop <= org.start]
        return org if from_gap(between) else None
    return None


def org_before(sent, person, orgs: list):
    """The organisation of "из <организации>" right before a name: "коллега из Минкомсвязи Николай Никифоров"."""
    org = next((o for o in reversed(orgs) if o.stop <= person.start), None)
    if org is None or [t for t in sent.tokens if org.stop <= t.start and t.stop <= person.start]:
        return None
    before = [t for t in sent.tokens if t.stop <= org.start]
    for index in range(len(before) - 1, max(-1, len(before) - MAX_FROM_GAP - 2), -1):
        if (before[index].lemma or "").lower() == "из":
            return org if from_gap(before[index + 1 :]) else None
    return None


def from_gap(between: list) -> bool:
    """The words between "из" and an organisation: a few common nouns and adjectives ("из группы")."""
    return len(between) <= MAX_FROM_GAP and all(t.pos in ("NOUN", "ADJ") or t.text in '«"' for t in between)
