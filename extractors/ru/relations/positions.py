"""Posts: "первый заместитель Губернатора Новосибирской области Юрий Петухов", "А. Поздняков, президент …"."""

from __future__ import annotations

import re

from extractors.ru.names import normalize_post
from extractors.ru.relations.appositions import appositions_right
from extractors.ru.relations.common import ORG_SET, article_region, resolve_territory, story_sents
from extractors.ru.relations.postlists import coordinated_left, list_posts
from extractors.ru.relations.postrefs import dropped_subject_posts, referring_posts
from extractors.ru.relations.posts import add_post
from extractors.ru.relations.postwords import (
    ALLOWED_POS,
    ARTS_POSTS,
    NATIONAL_POSTS,
    POST_WORDS,
    QUOTE_MARKS,
    STOP_TEXT,
    agrees,
    cand_at,
    is_post,
    person_case,
    post_parts,
)
from extractors.ru.relations.predicates import object_posts, predicate_posts
from extractors.ru.relations.subjects import subjects
from extractors.vocab import fold, load_table

__all__ = ["extract_positions", "POST_WORDS"]

ACTING = re.compile(r"(?:\bи\.\s?о\.|\bврио)\s*$", re.IGNORECASE)
# posts of a territory: with no organisation written, they belong to the region the article is about
TERRITORIAL = {"губернатор", "вице-губернатор", "врио"}
MINISTRY_HEADS = {"министр": "министерство", "замминистра": "министерство"}


def phrase_left(ctx, sent, person) -> list:
    """Tokens before the person that can belong to its post: posts, modifiers, genitive names."""
    tokens = [t for t in sent.tokens if t.stop <= person.start]
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
        if owner is None and token.pos not in ALLOWED_POS:
            break
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


def role_span(phrase: list, person_case: str | None, text: str = "", gender: str | None = None) -> list:
    """The post part of a phrase: from its first post word agreeing with the name (with modifiers) on.

    After "и.о."/"врио" the post is in the genitive whatever the name's case.
    """
    posts = [
        i
        for i, t in enumerate(phrase)
        if is_post(t)
        and (agrees(t, person_case, gender) or ACTING.search(text[max(0, t.start - 8) : t.start]))
    ]
    if not posts:
        return []
    # "Президент и первая леди Мишель Обама": of coordinated posts, the one next to the name
    joins = [i for i, t in enumerate(phrase) if t.pos == "CCONJ" and posts[0] < i]
    later = [p for p in posts if joins and p > joins[-1]]
    if later:
        posts = later
    start = posts[0]
    # modifiers of the post (первый, генеральный), but not an age (70-летний)
    while start > 0 and phrase[start - 1].pos == "ADJ" and not phrase[start - 1].text[:1].isdigit():
        start -= 1
    return phrase[start:]


def split_chain(span: list, case: str | None) -> list[list]:
    """Posts in a row before one name, each in the name's case: "представитель вооружённых сил
    полковник Сансерн Каевкамнерд" is two posts of his, not one. The first part comes first."""
    if case in (None, "Gen", "Acc"):
        return [span]  # "полпреда президента Виктора Ишаева": a genitive post is the other post's complement
    cuts = [
        i
        for i, t in enumerate(span)
        if i > 0
        and is_post(t)
        and t.pos == "NOUN"
        and t.feats.get("Case") == case
        and t.feats.get("Number") == "Sing"
    ]
    parts, stop = [], len(span)
    for cut in reversed(cuts):
        while cut > 0 and span[cut - 1].pos == "ADJ" and span[cut - 1].feats.get("Case") == case:
            cut -= 1
        if cut == 0 or span[cut - 1].pos == "CCONJ" or cut >= stop:
            continue
        parts.insert(0, span[cut:stop])
        stop = cut
    return [span[:stop], *parts]


def extract_positions(ctx) -> None:
    """Posts before and after names, over lists of names, and stated by predicates, sentence by sentence."""
    for sent in story_sents(ctx):
        for person, phrase in list_posts(ctx, sent):
            add_position(ctx, sent, person, phrase)
        for person in ctx.in_sent(sent, {"Person"}):
            case = person_case(sent, person)
            gender = person_case(sent, person, "Gender")
            left = role_span(phrase_left(ctx, sent, person), case, ctx.article.text, gender)
            left, *chained = split_chain(left, case)
            right = [role_span(phrase, None) for phrase in appositions_right(ctx, sent, person)]
            for phrase in (left, *right):
                if phrase:
                    add_position(ctx, sent, person, phrase)
            for phrase in [*chained, *coordinated_left(ctx, sent, left, gender)]:
                add_position(ctx, sent, person, phrase)
        for person, subject in subjects(ctx, sent):
            for phrase in predicate_posts(ctx, sent, subject):
                add_position(ctx, sent, person, phrase)
        for person, obj in subjects(ctx, sent, rels=("obj",)):
            for phrase in object_posts(ctx, sent, obj):
                add_position(ctx, sent, person, phrase)
        for person, phrase in [*referring_posts(ctx, sent), *dropped_subject_posts(ctx, sent)]:
            add_position(ctx, sent, person, phrase)


def add_position(ctx, sent, person, phrase: list) -> None:
    orgs = [
        c
        for c in ctx.in_sent(sent)
        if c.type in ORG_SET | {"Place"} and phrase[0].start <= c.start < phrase[-1].stop
    ]
    org_key = orgs[0].key if orgs else None
    role_tokens = [t for t in phrase if not orgs or t.stop <= orgs[0].start]
    while role_tokens and role_tokens[-1].pos in {"ADP", "CCONJ", "PUNCT"}:
        role_tokens.pop()
    if not role_tokens:
        return
    head = (role_tokens[0].lemma or "").lower()
    rest = [t for t in role_tokens[1:] if (t.lemma or "").lower() not in {"край", "область", "регион"}]
    if head in MINISTRY_HEADS and rest and (org_key is None or ctx.entities[org_key].type == "Place"):
        # "министра промышленности и торговли края": the ministry of those fields, of that territory
        words = ctx.article.text[rest[0].start : phrase[-1].stop if orgs else role_tokens[-1].stop]
        name = resolve_territory(ctx, f"{MINISTRY_HEADS[head].capitalize()} {words}")
        entry = ctx.gazetteer.find(name)
        if entry is not None and entry.type == "GovernmentBody":
            org_key = ctx.entity("org:" + fold(entry.name), "GovernmentBody", entry.name, entry.names)
        else:
            org_key = ctx.entity("org:" + fold(name), "GovernmentBody", name)
        role_tokens = [role_tokens[0], *rest]
        if orgs and orgs[0].type == "Place":
            # the minister of a country's ministry is also that country's official
            ctx.add(person.key, "affiliatedWith", orgs[0].key, sent)
    elif org_key is None and any((t.lemma or "").lower() in TERRITORIAL for t in role_tokens):
        org_key = article_region(ctx)
    nationality = False
    if org_key is None:
        org_key, role_tokens, nationality = gentilic_org(ctx, role_tokens)
    if org_key is None and not nationality and not any(listed(t) for t in role_tokens):
        return  # an unlisted animate noun ("правозащитник") is a post only next to its organisation
    if ACTING.search(ctx.article.text[max(sent.start, role_tokens[0].start - 8) : role_tokens[0].start]):
        # "и.о. министра": the post stays in the genitive after "исполняющий обязанности"
        written = " ".join(t.text for t in role_tokens)
        role = "исполняющий обязанности " + written.lower()
    elif role_tokens[0].feats.get("Number") == "Plur":
        # one of "писатели …": the post in the singular
        rest_text = " ".join(t.text for t in role_tokens[1:])
        role = f"{role_tokens[0].lemma} {rest_text}".strip().lower()
    else:
        role = normalize_post(ctx.models.morph_vocab, role_tokens).lower()
    role = re.sub(r"\s+", " ", role).strip(" ,–-")
    role = FORMER.sub("бывший ", role)  # "экс-глава МВД": the post is "глава", held before
    add_post(ctx, sent, person.key, role, org_key)
    for org in chained_orgs(ctx, orgs):
        ctx.add(person.key, "affiliatedWith", org.key, sent)


def chained_orgs(ctx, orgs: list) -> list:
    """The organisations a post's organisation belongs to, named right after it in the genitive:
    "председатель Совета директоров «Башинформа»" works for the board and for «Башинформ»."""
    out = []
    for before, org in zip(orgs, orgs[1:]):
        if org.type not in ORG_SET or ctx.article.text[before.stop : org.start].strip(' «»"') != "":
            break
        out.append(org)
    # "депутат Курской областной думы от партии «Единая Россия»": the body that sent the holder
    out += [
        org
        for org in orgs[1:]
        if org not in out
        and org.type in ORG_SET
        and FROM_ORG.search(ctx.article.text[max(0, org.start - 24) : org.start])
    ]
    return out


FORMER = re.compile(r"^экс-(?=\w)")
FROM_ORG = re.compile(r"\bот(?:\s+\w+){0,2}\s*[«\"]?$")


def listed(token) -> bool:
    """A post word that needs no organisation: one of posts.txt, or of arts_posts.txt in the singular;
    in a compound, any of its parts ("рок-музыкант", "писатель-фронтовик", "экс-президент")."""
    if token.pos not in ("NOUN", "PROPN"):
        return False
    words = post_parts(token)
    return bool(words & POST_WORDS) or (bool(words & ARTS_POSTS) and token.feats.get("Number") != "Plur")


def gentilic_org(ctx, role_tokens: list) -> tuple[str | None, list, bool]:
    """ "британский премьер": the country of the adjective, named by a mention on the adjective.

    The country is the post's territory for national posts (vocab/national_posts.txt) and the public
    professions of posts.txt that are not arts ("российский предприниматель"; a Position with no
    organisation is a warning for `check`). For other professions ("армянский полузащитник", "американский певец") the
    adjective is a nationality: no organisation, but the profession is still the person's (the third
    value says so).
    """
    from extractors.doc import Mention

    table = load_table("gentilics.tsv")
    head = next(((t.lemma or "").lower() for t in role_tokens if t.pos == "NOUN"), "")
    for token in role_tokens:
        place = table.get((token.lemma or "").lower()) if token.pos == "ADJ" else None
        if place is None:
            continue
        rest = [t for t in role_tokens if t is not token]
        if head not in NATIONAL_POSTS | (POST_WORDS - ARTS_POSTS):
            return None, rest, True
        entry = ctx.gazetteer.gazetteer.get(place)
        name = entry.name if entry is not None else place
        key = ctx.entity("place:" + fold(name), "Place", name, entry.names if entry else ())
        ctx.extra_mentions.append(Mention(token.start, token.stop, token.text, key))
        return key, rest, False
    return None, role_tokens, False
