"""Post words: which tokens name a post or profession, and how a post agrees with a name."""

from __future__ import annotations

import re

from extractors.ru.names import ORDINAL
from extractors.ru.relations.common import apposed_head
from extractors.vocab import load_words

__all__ = [
    "ALLOWED_POS",
    "ARTS_POSTS",
    "LISTED_POSTS",
    "NATIONAL_POSTS",
    "NOT_POSTS",
    "ORIGIN_NOUNS",
    "POST_WORDS",
    "QUOTE_MARKS",
    "STOP_TEXT",
    "agrees",
    "cand_at",
    "is_post",
    "post_modifiers",
    "post_parts",
    "person_case",
    "post_tail",
]

POST_WORDS = frozenset(load_words("posts.txt"))
ORIGIN_NOUNS = frozenset(load_words("origin_nouns.txt"))
NOT_POSTS = frozenset(load_words("not_posts.txt")) | ORIGIN_NOUNS
ARTS_POSTS = frozenset(load_words("arts_posts.txt"))
NATIONAL_POSTS = frozenset(load_words("national_posts.txt"))
LISTED_POSTS = POST_WORDS | ARTS_POSTS
QUOTE_MARKS = {"«", "»", '"'}
STOP_TEXT = {",", ".", ";", ":", "(", ")", "!", "?", "–", "—", "-", "«", "»", '"'}
ALLOWED_POS = {"ADJ", "NOUN", "PROPN", "CCONJ", "ADP", "NUM", "PUNCT", "DET"}


def is_post(token) -> bool:
    """A post or profession: a listed post word, or any animate common noun that is not kin or crowd."""
    lemma = (token.lemma or "").lower()
    if "-" in lemma and {part for part in lemma.split("-") if len(part) > 3} & NOT_POSTS:
        return bool(post_parts(token))  # "экс-кандидат" is a "кандидат", no post; "женщина-президент" is
    if (
        lemma in POST_WORDS
        or lemma in ARTS_POSTS
        or any(part in POST_WORDS for part in lemma.split("-") if len(part) > 3)
    ):
        return True
    return (
        token.pos == "NOUN"
        and token.feats.get("Animacy") == "Anim"
        and (token.text[:1].islower() or token.id.endswith("_1"))  # capitalised only at a sentence start
        and lemma not in NOT_POSTS
        and len(lemma) > 2
    )


def post_parts(token) -> set[str]:
    """The lemma of a word and, for a compound, its parts: "рок-музыкант" is also a "музыкант"; for a
    compound with a word that is no post, only its listed post parts ("женщина-президент": "президент";
    "экс-кандидат": none)."""
    lemma = (token.lemma or "").lower()
    parts = [part for part in lemma.split("-") if len(part) > 3]
    if not set(parts) & NOT_POSTS:
        return {lemma, *parts}
    listed = {part for part in parts if part in POST_WORDS and part not in NOT_POSTS}
    return {lemma, *listed} if listed else set()


def plain_post(role: str) -> str:
    """A post without the compound's part that is no post: "первая женщина-президент" is a "президент"."""
    return COMPOUND_PART.sub(lambda m: "" if m.group(1) in NOT_POSTS else m.group(0), role)


COMPOUND_PART = re.compile(r"\b(\w+)-(?=\w)")


def post_modifiers(sent, token) -> list:
    """The adjectives right before a post word, but not an age ("61-летняя")."""
    index = sent.tokens.index(token)
    start = index
    while start > 0 and sent.tokens[start - 1].pos == "ADJ" and not sent.tokens[start - 1].text[:1].isdigit():
        start -= 1
    return sent.tokens[start:index]


def agrees(token, person_case: str | None, gender: str | None = None) -> bool:
    """A post in apposition is singular and agrees in case with the name (a name of unknown case with any)."""
    if token.feats.get("Number") == "Plur":
        return False
    case = token.feats.get("Case")
    if person_case is None or case in (None, person_case):
        return True
    # an animate masculine noun has one form for both: "директора ФБР Роберта Мюллера" tagged Gen and Acc
    masculine = token.feats.get("Gender") == "Masc" and gender == "Masc"
    return {case, person_case} == {"Gen", "Acc"} and masculine


def cand_at(ctx, sent, token):
    for cand in ctx.cands:
        if cand.key and cand.sent is sent and cand.start <= token.start < cand.stop:
            return cand
    return None


def post_tail(ctx, sent, index: int) -> list:
    """The words after a post noun that belong to it: modifiers and genitive organisations."""
    tail = []
    for nxt in sent.tokens[index + 1 :]:
        owner = cand_at(ctx, sent, nxt)
        if owner is not None and owner.type == "Person":
            break
        # a name's words whatever their tags: "главой Samsung Group"
        if owner is None and not (
            nxt.pos in ("NOUN", "PROPN", "ADJ", "CCONJ", "ADP") or nxt.text in QUOTE_MARKS
        ):
            break
        if owner is None and nxt.text[:1].isdigit() and not ORDINAL.fullmatch(nxt.text.lower()):
            break  # "министра транспорта края с 27 октября", "полковник ГРУ 66-летний": not the post's
        tail.append(nxt)
    while tail and tail[-1].pos in ("ADP", "CCONJ") and cand_at(ctx, sent, tail[-1]) is None:
        tail.pop()
    return tail


def field_end(sent, first, last):
    """The last word of a ministry's fields from `first` up to `last`: not a clause after a preposition
    ("министра внутренних дел в техническом кабинете", "… края вместо подследственного") or a second post
    ("министром обороны и министром иностранных дел"); "по" starts fields ("министр по делам молодёжи")."""
    tokens = sent.tokens[sent.tokens.index(first) : sent.tokens.index(last) + 1]
    for i, token in enumerate(tokens[1:], 1):
        if (token.pos == "ADP" and (token.lemma or "").lower() != "по") or (
            token.pos == "NOUN" and token.feats.get("Case") != "Gen" and is_post(token)
        ):
            end = tokens[i - 1]
            return tokens[i - 2] if end.pos == "CCONJ" and i > 1 else end
    return last


def person_case(sent, person, feat: str = "Case") -> str | None:
    """The case (or another feature) of a name, when its words agree on one."""
    tokens = [t for t in sent.tokens if person.start <= t.start < person.stop]
    cases = {t.feats.get(feat) for t in tokens if t.pos == "PROPN" and t.feats.get(feat)}
    if len(cases) == 1:
        return cases.pop()
    if feat != "Case" or not tokens:
        return None
    # words that disagree ("Аксары Кердпола"): the case of the post noun the name is in apposition to,
    # written right before it ("генерал-лейтенанта Аксары Кердпола")
    head = apposed_head(sent, person)
    if head is None:
        return None
    index = sent.tokens.index(tokens[0])
    if index > 0 and sent.tokens[index - 1].id == head.id:
        return head.feats.get("Case") if head.pos == "NOUN" and is_post(head) else None
    # or of the noun further left it is in apposition to, when that noun's case is one of the words':
    # "супруга экс-президента Чехии Ливия Клаусова" (Ливия, Nom; Клаусова, Gen)
    if head.pos == "NOUN":
        return head.feats.get("Case") if head.feats.get("Case") in cases else None
    return None
