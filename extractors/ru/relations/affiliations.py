"""Affiliation stated by a verb: "Андрей Варичев возглавляет «Металлоинвест»", "он работал в МГУ"."""

from __future__ import annotations

import re

from extractors.ru.relations.bodies import body_of_object
from extractors.ru.relations.common import ORG_SET, ancestors, cand_tokens, story_sents
from extractors.ru.relations.participation import root_of
from extractors.ru.relations.postrefs import dropped_subject
from extractors.ru.relations.posts import add_post
from extractors.ru.relations.postwords import is_post
from extractors.ru.relations.subjects import has_subject, predicates, span_root, subjects
from extractors.vocab import load_table

__all__ = ["extract_colleagues", "extract_headed_by", "extract_verb_affiliations"]

OBJECT_RELS = {"obj", "obl", "nmod", "iobj"}
MAX_PARTS = 2  # "возглавил совет директоров «Газпрома»": the organisation two genitives below the object


def extract_verb_affiliations(ctx) -> None:
    verbs = load_table("affiliation_verbs.tsv")
    for sent in story_sents(ctx):
        orgs = ctx.in_sent(sent, ORG_SET)
        for person, verb in person_verbs(ctx, sent):
            for org in composition(ctx, sent, verb, orgs) + headed(ctx, sent, verb):
                ctx.add(person.key, "affiliatedWith", org, sent)
            post, _, prep = verbs.get((verb.lemma or "").lower(), "").partition("|")
            if not post:
                continue
            for obj in sent.children(verb):  # "служил в британской армии": no name written
                if obj.rel in OBJECT_RELS and (not prep or has_case(sent, obj, prep)):
                    body = body_of_object(ctx, sent, obj)
                    if body is not None:
                        ctx.add(person.key, "affiliatedWith", body, sent)
            for org in orgs:
                org_root = root_of(sent, cand_tokens(sent, org))
                how = governed_by(sent, org_root, verb, any_part=bool(prep))
                if how is None or (prep and not has_case(sent, org_root, prep)):
                    continue
                if post != "-" and how == "whole":
                    add_post(ctx, sent, person.key, post, org.key)
                else:
                    ctx.add(person.key, "affiliatedWith", org.key, sent)


def composition(ctx, sent, verb, orgs: list) -> list[str]:
    """The organisation a person is "в составе" of, or enters "в состав" of, under any verb: "в
    составе делегации «Газпрома» прибыл", "вошла в состав жюри основного конкурса"."""
    out = []
    for part in sent.children(verb):
        if (part.lemma or "").lower() != "состав" or not any(
            c.rel == "case" and (c.lemma or "").lower() == "в" for c in sent.children(part)
        ):
            continue
        for whole in sent.children(part):
            if whole.rel != "nmod" or not bare_genitive(sent, whole):
                continue
            # "в составе делегации «Газпрома»", "в состав совета директоров «Газпрома»": the named
            # organisation the body belongs to, else the body itself
            named = [o.key for o in orgs if whole in ancestors(sent, root_of(sent, cand_tokens(sent, o)))[:3]]
            body = None if named else body_of_object(ctx, sent, whole)
            out += named or ([body] if body is not None else [])
    return out


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
            part = next((c for c in sent.children(noun) if c.rel == "nmod" and has_prep(sent, c, "по")), None)
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
        if node.rel not in ("obl", "nmod") or not at_head(sent, node) or has_prep(sent, node, "с"):
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
            org = headed_org(ctx, sent, person)
            if org is not None:
                ctx.add(person.key, "affiliatedWith", org, sent)


HEADED_BY = re.compile(r"(?:^|\s)во\s+главе\s+с\s+$")
MAX_HEAD_POST = (
    6  # words of a post between "во главе с" and the name: "лидером Словенской демократической партии"
)


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


def at_head(sent, node) -> bool:
    """Whether a word takes the compound preposition "во главе" ("главе" hangs on "во")."""
    return any(
        c.rel == "case"
        and (c.lemma or "") == "в"
        and any((g.lemma or "").lower() == "глава" for g in sent.children(c))
        for c in sent.children(node)
    )


def has_prep(sent, node, prep: str) -> bool:
    return any(c.rel == "case" and (c.lemma or "").lower() == prep for c in sent.children(node))


def person_verbs(ctx, sent) -> list[tuple[object, object]]:
    """(person, verb) for the verbs a person is the subject of, and the participles that describe the
    person: "Любовь Глебова, управлявшая Рособрнадзором"."""
    out = [(person, verb) for person, subject in subjects(ctx, sent) for verb in predicates(sent, subject)]
    # "Выступая за «Сибирь», Тарасенко забросил 30 шайб": the gerund's subject is the clause's
    out += [
        (person, c)
        for person, verb in list(out)
        for c in sent.children(verb)
        if c.rel == "advcl" and c.feats.get("VerbForm") == "Conv"
    ]
    for person in ctx.in_sent(sent, {"Person"}):
        tokens = cand_tokens(sent, person)
        ids = {t.id for t in tokens}
        root = span_root(sent, tokens)
        if root is not None and root.rel == "appos":  # "Воспитанник … Юрий Жирков, выступающий за «Анжи»"
            ids.add(root.head_id)
        out += [
            (person, token)
            for token in sent.tokens
            if token.rel == "acl" and token.head_id in ids and token.feats.get("VerbForm") == "Part"
        ]
    return out + dropped_subject_verbs(ctx, sent)


def dropped_subject_verbs(ctx, sent) -> list[tuple[object, object]]:
    """(person, verb) for a clause with no subject written whose past-tense verb agrees with the one
    person named just before: "Его отец, Ван Чжэнь, родился в бедности. В 1927 году вступил в
    Коммунистическую партию, служил в Красной армии"."""
    out = []
    for root in sent.tokens:
        if root.rel != "root" or root.pos != "VERB" or has_subject(sent, root):
            continue
        person = dropped_subject(ctx, sent, root)
        if person is None:
            continue
        joined = [
            t for t in sent.children(root) if t.rel == "conj" and t.pos == "VERB" and not has_subject(sent, t)
        ]
        out += [(person, verb) for verb in (root, *joined)]
    return out


def bare_genitive(sent, node) -> bool:
    """A complement in the genitive with no preposition: "пресс-службу лиги", not "проект для «Газпрома»"."""
    return node.feats.get("Case") == "Gen" and not any(c.rel == "case" for c in sent.children(node))


def has_case(sent, org_root, prep: str) -> bool:
    """The organisation (or the noun it is joined to) takes the preposition: "за «Рому»"."""
    node = org_root
    for _ in range(3):
        if node is None:
            return False
        if any(c.rel == "case" and (c.lemma or "").lower() == prep for c in sent.children(node)):
            return True
        node = sent.head(node) if node.rel in ("conj", "appos") else None
    return False


def governed_by(sent, org_root, verb, any_part: bool = False) -> str | None:
    """ "whole" when the organisation is the verb's object, one joined to it by a conjunction
    ("работала в Госдепартаменте и Министерстве здравоохранения") or one naming it ("от партии
    «Яблоко»"); "part" when the object is a part of it ("возглавляет пресс-службу лиги"): the person
    is affiliated with the organisation, but the verb's post is the part's; None otherwise. `any_part`:
    the part's complement may be in any case ("провел 17 матчей за «Рому»")."""
    node = org_root
    parts = 0  # "возглавляет пресс-службу Национальной футбольной лиги": a part of the organisation
    for _ in range(5):
        if node is None:
            return None
        if node.rel in OBJECT_RELS and sent.head(node) is verb:
            return "part" if parts else "whole"
        if node.rel == "nmod" and parts < MAX_PARTS and (any_part or bare_genitive(sent, node)):
            parts += 1
            node = sent.head(node)
            if node is None or node.pos != "NOUN":
                return None
            continue
        if node.rel not in ("conj", "appos"):
            return None
        node = sent.head(node)
    return None


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
