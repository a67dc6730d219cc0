"""Posts after a name, one per comma: "Андрей Поздняков, президент группы компаний «Элекард»"."""

from __future__ import annotations

from extractors.ru.relations.common import name_root
from extractors.ru.relations.postwords import ALLOWED_POS, STOP_TEXT, agrees, cand_at, is_post, person_case

__all__ = ["appositions_right"]

MAX_APPOSITIONS = 3


def appositions_right(ctx, sent, person) -> list[list]:
    """The posts after a name, one per comma: "Андрей Поздняков, президент группы компаний «Элекард»",
    "Ли Пэн, соратник Цзян Цзэминя, премьер Государственного совета Китая, председатель …". Each
    agrees in case with the name; after the first, each must open with a post word."""
    case, gender = person_case(sent, person), person_case(sent, person, "Gender")
    out: list[list] = []
    tokens = skip_aside([t for t in sent.tokens if t.start >= person.stop])
    while tokens and tokens[0].text in {",", "–", "—", "-", "("} and len(out) < MAX_APPOSITIONS:
        phrase, rest = apposition(ctx, sent, tokens[1:])
        if name_after_aside(ctx, sent, rest):
            break  # "…, Президент Сети базовой ренты (Red Renta Básica) Даньел Равентос": the next name's post
        head = next((t for t in phrase if t.pos != "ADJ" and not participle(t)), None)
        if head is not None and not agrees(head, case, gender):
            break  # "соратник Сергея Смирнова, министр финансов": not Смирнов's post
        if not out and not phrase:
            return []
        if out and (head is None or not is_post(head)):
            break
        out.append(phrase)
        tokens = rest
    return [phrase for phrase in out if role_tokens_of(phrase)]


MAX_ASIDE = 6  # tokens in parentheses after a name: "(Scott Horowitz)", "(Jürgen Klinsmann)"


def skip_aside(tokens: list) -> list:
    """The tokens after a name, past a short parenthesis with no post word in it: the name written in
    another script ("Скотт Хоровитц (Scott Horowitz), бывший астронавт") is no post of his."""
    close = aside_end(tokens)
    if close is None or any(is_post(t) for t in tokens[1:close]):
        return tokens
    return tokens[close + 1 :]


def aside_end(tokens: list) -> int | None:
    """The index of the ")" closing a short parenthesis `tokens` open with, or None."""
    if not tokens or tokens[0].text != "(":
        return None
    return next((i for i, t in enumerate(tokens[: MAX_ASIDE + 2]) if t.text == ")"), None)


def name_after_aside(ctx, sent, tokens: list) -> bool:
    """Whether `tokens` open with a short parenthesis followed by a name: the post before it is that
    name's, not the one before the comma."""
    close = aside_end(tokens)
    if close is None or close + 1 >= len(tokens):
        return False
    owner = cand_at(ctx, sent, tokens[close + 1])
    return owner is not None and owner.type == "Person"


def apposition(ctx, sent, tokens: list) -> tuple[list, list]:
    """One apposition from the start of `tokens`, and the tokens after it (from its closing comma)."""
    out: list = []
    depth = 0
    for index, token in enumerate(tokens):
        owner = cand_at(ctx, sent, token)
        if owner is not None and owner.type == "Person":
            if out and out[-1].stop == token.start - 1 and not complement(sent, owner, out):
                # "командир экспедиции Уильям Макартур, бортинженер Валерий Токарев": the next name's post
                return [], []
            if not out or not complement(sent, owner, out):
                return out, []
            continue  # "соратник Цзян Цзэминя": a name the post depends on, left out of the role
        if token.text == "«":
            depth += 1
        elif token.text == "»":
            depth -= 1
        elif depth <= 0 and token.text in STOP_TEXT:
            return out, tokens[index:]
        if owner is None and depth <= 0 and token.pos not in ALLOWED_POS and not participle(token):
            return out, []
        if depth <= 0 and token.text[:1].isdigit():
            # "министр финансов в 1990-х годах": a date ends the post
            while out and out[-1].pos == "ADP":
                out.pop()
            rest = tokens[index:]
            return out, rest[next((i for i, t in enumerate(rest) if t.text in STOP_TEXT), len(rest)) :]
        out.append(token)
    return out, []


def participle(token) -> bool:
    """A participle modifying a noun, as an adjective does: "управляющий директор"."""
    return token.pos == "VERB" and token.rel == "amod"


def complement(sent, person, phrase: list) -> bool:
    """A name that depends on the post before it: "первый заместитель Клишаса" (not a new name's post)."""
    if person_case(sent, person) == "Gen":
        return True
    root = name_root(sent, person)
    return root is not None and root.rel == "nmod" and any(t.id == root.head_id for t in phrase)


def one_of(phrase: list) -> list:
    """The plural post of "один из …": "Эдуард Мишлен, одному из президентов группы компаний" is one
    of its presidents; the post with its adjectives and words, or nothing."""
    if len(phrase) < 3 or (phrase[0].lemma or "").lower() != "один" or (phrase[1].lemma or "") != "из":
        return []
    rest = phrase[2:]
    first = next((t for t in rest if t.pos != "ADJ"), None)
    return rest if first is not None and is_post(first) and first.feats.get("Number") == "Plur" else []


def role_tokens_of(out: list) -> list:
    """The apposition if it opens with a post in the singular (after its adjectives), else nothing."""
    if one_of(out):
        return out
    first = next((t for t in out if t.pos != "ADJ" and not participle(t)), None)
    return out if first is not None and is_post(first) and first.feats.get("Number") != "Plur" else []
