"""Ties of a person to an organisation stated by who heads it or who works beside whom: "правительство во
главе с Раилем Сарбаевым", "станет первой женщиной во главе правительства Словении", "коллег Месси по
«Барселоне»: Луиса Суареса, Неймара и Жерара Пике"."""

from __future__ import annotations

import re

from extractors.ru.relations.bodies import body_of_object
from extractors.ru.relations.common import ORG_SET, cand_tokens, prepositions, story_sents
from extractors.ru.relations.participation import root_of
from extractors.ru.relations.postwords import is_post

__all__ = ["extract_colleagues", "extract_headed_by", "headed"]

# "коллега по группе «Блестящие» Ольга Орлова", "партнеры по сборной Аргентины Верон, Хейнце и Милито"
COLLEAGUES = {
    "коллега",
    "партнёр",
    "партнер",
    "одноклубник",
    "однопартиец",
    "товарищ",
    "соратник",
    "сослуживец",
}
NAME_LIST = re.compile(r"^\s*(?:,|и|:|—|-|,\s*—)?\s*$")


def extract_colleagues(ctx) -> None:
    """A colleague "по <организации>": both the person whose colleague it is ("коллег Месси по
    «Барселоне»") and the names that follow the phrase ("…: Луиса Суареса, Неймара и Жерара Пике") are
    of that organisation."""
    text = ctx.article.text
    for sent in story_sents(ctx):
        people = ctx.in_sent(sent, {"Person"})
        for noun in sent.tokens:
            if noun.pos != "NOUN" or (noun.lemma or "").lower() not in COLLEAGUES:
                continue
            part = next(
                (c for c in sent.children(noun) if c.rel == "nmod" and "по" in prepositions(sent, c)), None
            )
            if part is None:
                continue
            org = next((o for o in ctx.in_sent(sent, ORG_SET) if part in cand_tokens(sent, o)), None)
            key = org.key if org is not None else body_of_object(ctx, sent, part)
            if key is None:
                continue
            end = org.stop if org is not None else part.stop
            members = [
                p
                for p in people
                if noun.start <= p.start < end and root_of(sent, cand_tokens(sent, p)).head_id == noun.id
            ]  # "коллег Месси по «Барселоне»"
            for person in sorted((p for p in people if p.start >= end), key=lambda p: p.start):
                if not NAME_LIST.match(text[end : person.start].strip('»"')):
                    break
                members.append(person)
                end = person.stop
            for person in members:
                ctx.add(person.key, "affiliatedWith", key, sent)


def headed(ctx, sent, verb) -> list[str]:
    """The organisation or country a person is "во главе" of, under any verb or the noun it makes a
    predicate: "стоял во главе Азербайджана", "станет первой женщиной во главе правительства Словении"."""
    heads = [verb, *(c for c in sent.children(verb) if c.rel == "xcomp" and c.pos == "NOUN")]
    out = []
    for node in (c for head in heads for c in sent.children(head)):
        if node.rel not in ("obl", "nmod") or not at_head(sent, node) or "с" in prepositions(sent, node):
            continue
        named = [c.key for c in ctx.in_sent(sent, ORG_SET | {"Place"}) if node in cand_tokens(sent, c)]
        body = None if named else body_of_object(ctx, sent, node)
        out += named[:1] or ([body] if body is not None else [])
    return out


def extract_headed_by(ctx) -> None:
    """ "<организация> во главе с <именем>": "правительство во главе с Раилем Сарбаевым", "РСП во главе
    с Никитой Михалковым", "правительство консерваторов во главе с лидером СДП Янезом Янши"."""
    for sent in story_sents(ctx):
        for person in ctx.in_sent(sent, {"Person"}):
            org = headed_org(ctx, sent, person) or led_org(ctx, sent, person)
            if org is not None:
                ctx.add(person.key, "affiliatedWith", org, sent)


HEADED_BY = re.compile(r"(?:^|\s)во\s+главе\s+с\s+$")
# words of a post between "во главе с" and the name: "лидером Словенской демократической партии"
MAX_HEAD_POST = 6


def headed_org(ctx, sent, person) -> str | None:
    """The organisation right before "во главе с" and a name (or a post and a name): the named one that
    ends there ("Российский союз правообладателей (РСП) во главе с …"), else the common noun heading the
    words there ("правительство консерваторов во главе с …")."""
    text = ctx.article.text
    before = [t for t in sent.tokens if t.stop <= person.start]
    with_at = next((i for i in range(len(before) - 1, -1, -1) if (before[i].lemma or "") == "с"), None)
    if with_at is None or len(before) - with_at - 1 > MAX_HEAD_POST:
        return None
    between = before[with_at + 1 :]
    if between and (not is_post(between[0]) or any(t.pos in ("PUNCT", "VERB") for t in between)):
        return None  # "во главе с лидером СДП Янезом Янши", not "во главе с министром, а также Иваном"
    if not HEADED_BY.search(text[sent.start : before[with_at].stop + 1]) or with_at < 3:
        return None
    at = before[with_at - 2]  # "во"
    for org in ctx.in_sent(sent, ORG_SET):
        gap = re.sub(r"\([^()]*\)", "", text[org.stop : at.start])  # "(РСП)"
        if org.stop <= at.start and not gap.strip(" «»\"'"):
            return org.key
    noun = before[with_at - 3]
    while noun.rel == "nmod" and sent.head(noun) is not None and sent.head(noun).start < noun.start:
        noun = sent.head(noun)  # "правительство консерваторов"
    return body_of_object(ctx, sent, noun) if noun.pos == "NOUN" else None


LEADING = {"руководство", "управление"}  # "оркестр Мариинского театра под управлением Гергиева"
MAX_LED_DEPTH = 2  # genitives from the led noun down to the organisation: "оркестр Мариинского театра"


def led_org(ctx, sent, person) -> str | None:
    """The organisation a noun led "под руководством"/"под управлением" a name is, or is part of:
    "оркестр Мариинского театра под управлением Гергиева", "ансамбль «Берёзка» под руководством …";
    not a work or a verb's doing ("исследование под руководством", "работал под руководством")."""
    root = root_of(sent, cand_tokens(sent, person))
    lead = sent.head(root) if root is not None and root.rel == "nmod" else None
    if lead is None or (lead.lemma or "").lower() not in LEADING or "под" not in prepositions(sent, lead):
        return None
    noun = sent.head(lead) if lead.rel == "nmod" else None
    if noun is None or noun.pos not in ("NOUN", "PROPN"):
        return None
    for org in ctx.in_sent(sent, ORG_SET):
        org_root = root_of(sent, cand_tokens(sent, org))
        node, depth = org_root, 0
        while node is not None and node is not noun and node.rel == "nmod" and depth < MAX_LED_DEPTH:
            node, depth = sent.head(node), depth + 1
        if org_root is noun or node is noun:
            return org.key
    return body_of_object(ctx, sent, noun)


def at_head(sent, node) -> bool:
    """Whether a word takes the compound preposition "во главе" ("главе" hangs on "во")."""
    return any(
        c.rel == "case"
        and (c.lemma or "") == "в"
        and any((g.lemma or "").lower() == "глава" for g in sent.children(c))
        for c in sent.children(node)
    )
