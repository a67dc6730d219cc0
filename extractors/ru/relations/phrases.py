"""The words before a name that may hold its post: "пресс-секретаря Фонда борьбы с коррупцией (ФБК) Киру Ярмыш"."""

from __future__ import annotations

from extractors.ru.relations.common import apposed_head, name_root
from extractors.ru.relations.postwords import (
    ALLOWED_POS,
    ORIGIN_NOUNS,
    QUOTE_MARKS,
    STOP_TEXT,
    agrees,
    cand_at,
    is_post,
    person_case,
)

__all__ = ["apposed_phrase", "apposed_span", "phrase_left"]

# the parts of a country a post is held in, which no person owns
REGION_NOUNS = {"округ", "регион", "край", "область", "республика", "район", "город", "страна", "штат"}


def phrase_left(ctx, sent, person) -> list:
    """Tokens before the person that can belong to its post: posts, modifiers, genitive names."""
    tokens = [t for t in sent.tokens if t.stop <= person.start]
    if tokens and owned_by_place_noun(ctx, sent, tokens[-1], person):
        return []
    out: list = []
    skip_to = None
    for index in range(len(tokens) - 1, -1, -1):
        token = tokens[index]
        if skip_to is not None and index >= skip_to:
            continue
        skip_to = None
        if token.text == ")":
            skip_to = abbreviation_start(ctx, sent, tokens, index)
            if skip_to is not None:
                continue  # "пресс-секретаря Фонда борьбы с коррупцией (ФБК) Киру Ярмыш"
        owner = cand_at(ctx, sent, token)
        if owner is not None and owner.type == "Person":
            if out or not complement_name(sent, tokens, owner, person):
                break
            skip_to = next(i for i, t in enumerate(tokens) if t.start >= owner.start)
            continue  # "Адвокат Александра Кокорина Андрей Ромашов": the post of the second name
        if token.text in STOP_TEXT and owner is None and token.text not in QUOTE_MARKS:
            break
        if owner is None and token.pos not in ALLOWED_POS and not degree(tokens, index):
            break
        if (token.lemma or "").lower() in ORIGIN_NOUNS:
            # where the person comes from, right before the name or set off by a comma, stands between
            # the post and the name: "министр иностранных дел Чехии немец Карл Шварценберг",
            # "писатель и общественный деятель, уроженец города Орска Юрий Бондарев"
            if not out:
                continue
            if index > 1 and tokens[index - 1].text == ",":
                out = []
                skip_to = index - 1
                continue
        case = token.feats.get("Case")
        governed = governing(tokens, index) in POST_PREPOSITIONS
        if (
            owner is None
            and token.pos == "NOUN"
            and not is_post(token)
            and case not in ("Gen", None)
            and not governed
        ):
            break  # "под руководством", "по инициативе": not part of a post (but "суда по правам человека" is)
        if owner is None and token.pos == "ADP" and (token.lemma or "") not in POST_PREPOSITIONS:
            break
        out.insert(0, token)
    return out


def owned_by_place_noun(ctx, sent, before, person) -> bool:
    """A name in the genitive that hangs on the common noun of a prepositional phrase right before it is
    that noun's owner, not the holder of a post further left: "пост министра в кабинете Руснока"."""
    root = name_root(sent, person)
    return (
        root is not None
        and root.head_id == before.id
        and root.rel == "nmod"
        and root.feats.get("Case") == "Gen"
        and before.pos == "NOUN"
        and not is_post(before)
        and (before.lemma or "").lower() not in REGION_NOUNS  # "полпреда в округе Виктора Ишаева"
        and cand_at(ctx, sent, before) is None
        and any(c.rel == "case" and c.pos == "ADP" for c in sent.children(before))
    )


def degree(tokens: list, index: int) -> bool:
    """An adverb of degree on the adjective right after it: "крайне правого Национального фронта"."""
    token, nxt = tokens[index], tokens[index + 1] if index + 1 < len(tokens) else None
    return token.pos == "ADV" and nxt is not None and nxt.pos == "ADJ" and token.head_id == nxt.id


def complement_name(sent, tokens: list, owner, person) -> bool:
    """A name in the genitive between a post and another name: the complement of that name's post
    ("Адвокат Александра Кокорина Андрей Ромашов"); the post agrees with the second name."""
    case = person_case(sent, person)
    before = [t for t in tokens if t.stop <= owner.start]
    if person_case(sent, owner) != "Gen" or case in ("Gen", "Acc", None) or not before:
        return False
    post = before[-1]
    return post.pos == "NOUN" and is_post(post) and agrees(post, case, person_case(sent, person, "Gender"))


MAX_SHORT_NAME = 8  # tokens in parentheses: "(Христианско-демократический союз Германии)"


def abbreviation_start(ctx, sent, tokens: list, close: int) -> int | None:
    """The index of "(" opening a name in parentheses that ends at `close`: "(ФБК)", "(Роскомнадзора)",
    "(Христианско-демократический союз Германии)" (a capitalised phrase of adjectives and nouns)."""
    window = range(close - 1, max(-1, close - MAX_SHORT_NAME - 1), -1)
    start = next((i for i in window if tokens[i].text == "("), None)
    if start is None or start == close - 1:
        return None
    inside = tokens[start + 1 : close]
    named = inside[0].text[:1].isupper()
    for token in inside:
        owner = cand_at(ctx, sent, token)
        if owner is not None and owner.type == "Person":
            return None
        if owner is None and token.pos != "PROPN" and not (named and token.pos in ("ADJ", "NOUN")):
            return None
    return start


# prepositions inside a post: "директор НАСА по космическим полётам", "посол Евросоюза на Южном Кавказе"
POST_PREPOSITIONS = {"по", "в", "от", "на", "при"}


def governing(tokens: list, index: int) -> str:
    """The preposition before a noun and its modifiers: "по" for "по космическим полётам"."""
    index -= 1
    while index >= 0 and tokens[index].pos in ("ADJ", "DET"):
        index -= 1
    return (tokens[index].lemma or "") if index >= 0 and tokens[index].pos == "ADP" else ""


def apposed_span(sent, person, phrase: list, case: str | None) -> tuple[list, str | None]:
    """The words before a name that may hold its post, and the case the post must share with the name.
    When the parser puts the name in apposition to a post of another case, that post (with its
    modifiers) and no case: "на вокалистке Spice Girls Виктории Адамс" (tagged Loc and Gen). Asked only
    when no post agrees with the name."""
    head = apposed_head(sent, person)
    post_case = head.feats.get("Case") if head is not None else None
    if (
        head is None
        or not any(t is head for t in phrase)
        or not is_post(head)
        or case is None
        or post_case in (case, None)
    ):
        return phrase, case
    start = phrase.index(head)
    while (
        start > 0
        and phrase[start - 1].pos == "ADJ"
        and phrase[start - 1].feats.get("Case") == head.feats.get("Case")
    ):
        start -= 1
    return phrase[start:], None


def apposed_phrase(ctx, sent, person) -> list:
    """The words from the post the parser puts a name in apposition to up to the name, when the words
    before the name stop short of it (a word between mistagged: "Лидер рок-группы «Алиса» Константин
    Кинчев", "рок-группы" tagged nominative), with only the words of a post between (`post_word`)."""
    head = apposed_head(sent, person)
    if head is None or head.start >= person.start or not is_post(head):
        return []
    start = sent.tokens.index(head)
    while start > 0 and sent.tokens[start - 1].pos == "ADJ":
        start -= 1
    words = [t for t in sent.tokens[start:] if t.stop <= person.start]
    if any(not post_word(ctx, sent, t) for t in words):
        return []
    return words


def post_word(ctx, sent, token) -> bool:
    """A word that may stand inside a post: a noun, an adjective, a name that is no person's, a quote,
    a preposition of a post ("по", "при"; not "из": "гроссмейстер из Хорватии" is where he is from)."""
    owner = cand_at(ctx, sent, token)
    if owner is not None and owner.type == "Person":
        return False
    if token.pos == "ADP":
        return (token.lemma or "").lower() in POST_PREPOSITIONS
    return token.pos in ("NOUN", "ADJ", "PROPN") or token.text in '«»"'
