"""Organisations named by a common noun a post governs: "глава палестинской делегации", "вратарь сборной команды"."""

from __future__ import annotations

import hashlib
import re

from extractors.doc import Mention
from extractors.ru.names import normalize_post
from extractors.ru.relations.common import ORG_SET, ancestors, cand_tokens
from extractors.ru.relations.postwords import is_post
from extractors.vocab import fold, load_table, load_words

__all__ = ["body_of_object", "body_of_post", "delegation_org"]

# case of the complement: "глава делегации" (genitive), "командующий войсками" (instrumental)
CASES = {"Gen", "Ins"}
QUOTES = set("«»\"„“'")
WITH_ADJECTIVE = {"сила"}
REGIONS = re.compile(r"край|область|Москва|Санкт-Петербург")
# adjectives that point back to an organisation named before rather than name a new one
UNQUALIFYING = {
    "новый", "одноимённый", "одноименный", "крупный", "крупнейший", "этот", "данный", "указанный", "тот",
    "свой", "наш", "бывший", "нынешний", "прежний", "предыдущий", "весь", "другой", "такой", "местный",
}  # fmt: skip  # "вооружённых сил", not "силы"


def body_of_post(ctx, role_tokens: list) -> tuple[str | None, list]:
    """The organisation a post's genitive complement names with no name written ("член бюро высшего
    совета партии" -> "бюро высшего совета партии"), keyed as this article's own node; and the post's
    words before it. (None, role_tokens) when the complement is no organisation noun."""
    nouns = set(load_words("org_nouns.txt"))
    first = next((i for i, t in enumerate(role_tokens) if t.pos == "NOUN"), len(role_tokens))
    for index, token in enumerate(role_tokens[first + 1 :], first + 1):
        if token.pos not in ("NOUN", "ADJ") or token.feats.get("Case") not in CASES:
            return None, role_tokens
        if token.pos == "ADJ":
            continue
        lemma = (token.lemma or "").lower()
        if lemma in COUNTRY_NOUNS and index == first + 1 and index == len(role_tokens) - 1:
            # "президента страны Александра Лукашенко" after "В Белоруссии …": that country
            country = country_before(ctx, token)
            return (country, role_tokens[:index]) if country else (None, role_tokens)
        if lemma in nouns and (lemma not in WITH_ADJECTIVE or role_tokens[index - 1].pos == "ADJ"):
            start = index
            while start > 1 and role_tokens[start - 1].pos == "ADJ":
                start -= 1
            words = body_words(role_tokens[start:])
            named = named_after(ctx, words[-1])
            if named is not None:  # "основатель логистической компании Soros Associates"
                return named, role_tokens[:start]
            if lemma not in STANDALONE and all(
                t is token or (t.lemma or "").lower() in UNQUALIFYING for t in words
            ):
                # "директор (нового) клуба": the club named before, not a new one
                return named_before(ctx, token), role_tokens[:start]
            return body_key(ctx, words), role_tokens[:start]
        if not is_post(token):  # "заместитель председателя правительства": a post between
            return None, role_tokens
    return None, role_tokens


COUNTRY_NOUNS = {"страна", "государство"}


def country_before(ctx, noun) -> str | None:
    """The country "страны" after a post stands for: the last place named before it, within `MAX_BACK`
    characters, if it is a country (one `gentilics.tsv` names that is no region or city)."""
    countries = {name for name in load_table("gentilics.tsv").values() if not REGIONS.search(name)}
    before = named_within(ctx, noun, {"Place"})
    if not before:
        return None
    last = max(before, key=lambda c: c.start)  # an unlisted country or a city before it: none
    return last.key if ctx.entities[last.key].name in countries else None


# institutions a bare noun names on its own: "сотрудник полиции" is of the police, not of a club named before
STANDALONE = {"полиция", "милиция", "прокуратура", "разведка"}  # not "армия": "генерал армии" is a rank
TIME_NOUNS = {"год", "век", "десятилетие", "месяц", "неделя", "сезон", "время", "период", "эпоха"}


def body_words(tokens: list) -> list:
    """The organisation's noun phrase: adjectives, the noun and the genitives after it ("бюро
    высшего совета партии"), not an adjective with no noun after it."""
    head = next(i for i, t in enumerate(tokens) if t.pos == "NOUN")
    stop = head + 1
    while stop < len(tokens) and tokens[stop].pos in ("NOUN", "ADJ", "PROPN"):
        if tokens[stop].feats.get("Case") != "Gen" or is_post(tokens[stop]):  # "…, генерал-майора"
            break
        if (tokens[stop].lemma or "").lower() in TIME_NOUNS:
            break  # "вратарь сборной последних лет": a time, not a part of the name
        stop += 1
    while tokens[stop - 1].pos == "ADJ":
        stop -= 1
    return tokens[:stop]


def body_of_object(ctx, sent, noun) -> str | None:
    """The organisation a verb's object names with no name written: "служил в британской армии",
    "работала в парламенте Мали" (the country whose body it is); None when the object is no
    organisation noun or a name hangs below it (the verb rules tie that name)."""
    lemma = (noun.lemma or "").lower()
    if noun.pos != "NOUN" or lemma not in load_words("org_nouns.txt"):
        return None
    below = {t.id for t in sent.tokens if noun in ancestors(sent, t)}
    if any(t.id in below for c in ctx.in_sent(sent, ORG_SET) for t in cand_tokens(sent, c)):
        return None
    index = sent.tokens.index(noun)
    start = index
    while start > 0 and sent.tokens[start - 1].pos == "ADJ" and sent.tokens[start - 1].head_id == noun.id:
        start -= 1
    if lemma in WITH_ADJECTIVE and start == index:
        return None
    named = named_after(ctx, noun, ORG_SET | {"Place"})
    if named is not None:  # "в посольствах Японии"
        return named
    words = body_words(sent.tokens[start:])
    if all(t is noun or (t.lemma or "").lower() in UNQUALIFYING for t in words):
        return named_before(ctx, noun)
    return body_key(ctx, words)


def named_after(ctx, last, types: set[str] = ORG_SET) -> str | None:
    """The organisation named right after a common noun phrase ("компании «Газпром»"), if any."""
    text = ctx.article.text
    after = [c for c in ctx.cands if c.key and c.type in types and c.start >= last.stop]
    return next((c.key for c in after if not text[last.stop : c.start].strip(" «\"'„“")), None)


def body_key(ctx, words: list) -> str:
    """The node of an organisation named by a common noun phrase, with a mention on its words."""
    head = next(t for t in words if t.pos == "NOUN")
    name = normalize_post(ctx.models.morph_vocab, words)
    name = name[:1].upper() + name[1:]
    org_type = load_table("orgs.tsv").get((head.lemma or "").lower(), "Organization")
    # "делегация" here is not "делегация" of another article: the node is this article's own
    tag = hashlib.sha1(ctx.article.text.encode("utf-8")).hexdigest()[:10]
    key = ctx.entity(f"org:{fold(name)}#{tag}", org_type, name, ident=f"{name} {tag}")
    text = ctx.article.text[words[0].start : words[-1].stop]
    ctx.extra_mentions.append(Mention(words[0].start, words[-1].stop, text, key))
    return key


MAX_BACK = 600  # characters back to look for the organisation a bare noun stands for
KINDS = {"ведомство": "GovernmentBody"}  # nouns any organisation of a class is


def named_before(ctx, noun) -> str | None:
    """The organisation a bare noun after a post stands for: the last one before it introduced by
    that noun ("компания «Металлоинвест» … коммерческим директором компании") or named by it
    ("Партия регионов … глава партии"); None when there is none."""
    lemma = (noun.lemma or "").lower()
    before = named_within(ctx, noun, ORG_SET)
    for cand in sorted(before, key=lambda c: c.start, reverse=True):
        words = [t for t in cand.sent.tokens if t.stop <= cand.start and t.text not in QUOTES][-1:]
        first = [t for t in cand.sent.tokens if cand.start <= t.start < cand.stop][:1]
        if any((t.lemma or "").lower() == lemma for t in words + first) or KINDS.get(lemma) == cand.type:
            return cand.key
    return None


def named_within(ctx, noun, types: set[str]) -> list:
    """The names of some types that end before a noun, starting at most `MAX_BACK` characters before it."""
    return [
        c
        for c in ctx.cands
        if c.key and c.type in types and noun.start - MAX_BACK <= c.start and c.stop <= noun.start
    ]


def delegation_org(ctx, sent, person) -> str | None:
    """A bare post of one who leads or joins an organisation's delegation is that organisation's:
    "Делегацию ТУСУРа на форуме возглавил ректор Виктор Рулевский" -> ректор of ТУСУР."""
    tokens = cand_tokens(sent, person)
    verbs = [t for t in ancestors(sent, tokens[0]) if t.pos == "VERB"][:1] if tokens else []
    if not verbs:
        return None
    near = sent.children(verbs[0])
    near += [g for c in near for g in sent.children(c)]
    for noun in near:
        if (noun.lemma or "").lower() != "делегация":
            continue
        for child in (c for c in sent.children(noun) if c.rel == "nmod"):
            for org in ctx.in_sent(sent, ORG_SET):
                if child in cand_tokens(sent, org):
                    return org.key
    return None
