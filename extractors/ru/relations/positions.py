"""Posts: "первый заместитель Губернатора Новосибирской области Юрий Петухов", "А. Поздняков, президент …"."""

from __future__ import annotations

import re
from dataclasses import replace

from extractors.ru.names import normalize_post
from extractors.ru.relations.common import ORG_SET, article_region, resolve_territory, story_sents
from extractors.vocab import fold, load_table, load_words

__all__ = ["extract_positions", "POST_WORDS"]

POST_WORDS = frozenset(load_words("posts.txt"))
NOT_POSTS = frozenset(load_words("not_posts.txt"))
ARTS_POSTS = frozenset(load_words("arts_posts.txt"))
NATIONAL_POSTS = frozenset(load_words("national_posts.txt"))
ACTING = re.compile(r"(?:\bи\.\s?о\.|\bврио)\s*$", re.IGNORECASE)
QUOTE_MARKS = {"«", "»", '"'}
STOP_TEXT = {",", ".", ";", ":", "(", ")", "!", "?", "–", "—", "-", "«", "»", '"'}
# posts of a territory: with no organisation written, they belong to the region the article is about
TERRITORIAL = {"губернатор", "вице-губернатор", "врио"}
# posts whose holders are officials whatever the organisation's class
OFFICIAL_POSTS = {
    "губернатор", "вице-губернатор", "министр", "замминистра", "премьер-министр", "вице-премьер", "посол",
    "мэр", "депутат", "сенатор", "полпред", "консул", "президент", "председатель правительства",
}  # fmt: skip
MINISTRY_HEADS = {"министр": "министерство", "замминистра": "министерство"}
ALLOWED_POS = {"ADJ", "NOUN", "PROPN", "CCONJ", "ADP", "NUM", "PUNCT", "DET"}


def is_post(token) -> bool:
    """A post or profession: a listed post word, or any animate common noun that is not kin or crowd."""
    lemma = (token.lemma or "").lower()
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


def phrase_left(ctx, sent, person) -> list:
    """Tokens before the person that can belong to its post: posts, modifiers, genitive names."""
    tokens = [t for t in sent.tokens if t.stop <= person.start]
    out: list = []
    for index in range(len(tokens) - 1, -1, -1):
        token = tokens[index]
        owner = cand_at(ctx, sent, token)
        if owner is not None and owner.type == "Person":
            break
        if token.text in STOP_TEXT and owner is None and token.text not in QUOTE_MARKS:
            break
        if owner is None and token.pos not in ALLOWED_POS:
            break
        case = token.feats.get("Case")
        governed = index > 0 and (tokens[index - 1].lemma or "") in {"по", "в", "от"}
        if (
            owner is None
            and token.pos == "NOUN"
            and not is_post(token)
            and case not in ("Gen", None)
            and not governed
        ):
            break  # "под руководством", "по инициативе": not part of a post (but "суда по правам человека" is)
        if owner is None and token.pos == "ADP" and (token.lemma or "") not in {"по", "в", "от"}:
            break
        out.insert(0, token)
    return out


def phrase_right(ctx, sent, person) -> list:
    """Tokens after "Имя Фамилия," that form an apposition post: "президент группы компаний «Элекард»"."""
    tokens = [t for t in sent.tokens if t.start >= person.stop]
    if not tokens or tokens[0].text not in {",", "–", "—", "-", "("}:
        return []
    out: list = []
    depth = 0
    for token in tokens[1:]:
        owner = cand_at(ctx, sent, token)
        if owner is not None and owner.type == "Person":
            break
        if token.text == "«":
            depth += 1
        elif token.text == "»":
            depth -= 1
        elif depth <= 0 and token.text in STOP_TEXT:
            break
        if owner is None and depth <= 0 and token.pos not in ALLOWED_POS:
            break
        out.append(token)
    first = next((t for t in out if t.pos != "ADJ"), None)
    return out if first is not None and is_post(first) and first.feats.get("Number") != "Plur" else []


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


# "назначен министром", "стал президентом компании", "является директором": a post in the instrumental
COPULAS = {
    "назначить",
    "избрать",
    "переизбрать",
    "стать",
    "являться",
    "быть",
    "работать",
    "утвердить",
    "служить",
    "остаться",
    "оставаться",
    "назначаться",
    "избираться",
}


OFFICE_VERBS = {"занять", "занимать", "вступить", "покинуть", "оставить", "назначить", "избрать", "занявший"}


def post_tail(ctx, sent, index: int) -> list:
    """The words after a post noun that belong to it: modifiers and genitive organisations."""
    tail = []
    for nxt in sent.tokens[index + 1 :]:
        if not (nxt.pos in ("NOUN", "PROPN", "ADJ", "CCONJ", "ADP") or nxt.text in QUOTE_MARKS):
            break
        owner = cand_at(ctx, sent, nxt)
        if owner is not None and owner.type == "Person":
            break
        tail.append(nxt)
    return tail


def list_posts(ctx, sent) -> list[tuple[object, list]]:
    """A plural post followed by a list of names: "писатели Павел Басинский, Михаил Павлов и …"."""
    out = []
    persons = ctx.in_sent(sent, {"Person"})
    for index, token in enumerate(sent.tokens):
        if token.feats.get("Number") != "Plur" or not is_post(token):
            continue
        tail = [t for t in post_tail(ctx, sent, index) if t.pos != "CCONJ"]
        phrase = [token, *tail]  # "легендарные музыканты": the post without the praise
        offset = phrase[-1].stop
        for person in persons:
            if person.start < offset:
                continue
            gap = ctx.article.text[offset : person.start]
            if gap.strip(" ,:—–-") and gap.strip() not in {"и", ", а также", "а также"}:
                break
            out.append((person, phrase))
            offset = person.stop
    return out


def predicate_post(ctx, sent, person) -> list:
    """The post a person is named to or serves as: "Главой Рособрнадзора назначен Сергей Кравцов"."""
    tokens = [t for t in sent.tokens if person.start <= t.start < person.stop]
    ids = {t.id for t in tokens}
    root = next((t for t in tokens if t.head_id not in ids), None)
    if root is None or root.rel not in ("nsubj", "nsubj:pass"):
        return []
    verb = sent.head(root)
    if verb is None or (verb.lemma or "").lower() not in COPULAS | OFFICE_VERBS:
        return []
    for office in sent.tokens:
        # "занял пост министра финансов", "вступил в должность губернатора"
        if office.head_id == verb.id and (office.lemma or "").lower() in {"пост", "должность"}:
            for token in sent.tokens:
                if token.head_id == office.id and token.feats.get("Case") == "Gen" and is_post(token):
                    index = sent.tokens.index(token)
                    return [token, *post_tail(ctx, sent, index)]
    if (verb.lemma or "").lower() not in COPULAS:
        return []
    for token in sent.tokens:
        if (
            token.head_id == verb.id
            and token.feats.get("Case") == "Ins"
            and is_post(token)
            and token.rel in ("obl", "xcomp", "obj", "nmod")
        ):
            index = sent.tokens.index(token)
            phrase = [token, *post_tail(ctx, sent, index)]
            start = index
            while start > 0 and sent.tokens[start - 1].pos == "ADJ":
                start -= 1
            return sent.tokens[start:index] + phrase
    return []


def person_case(sent, person, feat: str = "Case") -> str | None:
    """The case (or another feature) of a name, when its words agree on one."""
    tokens = [t for t in sent.tokens if person.start <= t.start < person.stop]
    cases = {t.feats.get(feat) for t in tokens if t.pos == "PROPN" and t.feats.get(feat)}
    return cases.pop() if len(cases) == 1 else None


def extract_positions(ctx) -> None:
    for sent in story_sents(ctx):
        for person, phrase in list_posts(ctx, sent):
            add_position(ctx, sent, person, phrase)
        for person in ctx.in_sent(sent, {"Person"}):
            case = person_case(sent, person)
            gender = person_case(sent, person, "Gender")
            left = role_span(phrase_left(ctx, sent, person), case, ctx.article.text, gender)
            for phrase in (
                left,
                role_span(phrase_right(ctx, sent, person), None),
                predicate_post(ctx, sent, person),
            ):
                if phrase:
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
    if (
        org_key is None
        and not nationality
        and not any((t.lemma or "").lower() in POST_WORDS for t in role_tokens if t.pos == "NOUN")
    ):
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
    add_post(ctx, sent, person.key, role, org_key)


def gentilic_org(ctx, role_tokens: list) -> tuple[str | None, list, bool]:
    """ "британский премьер": the country of the adjective, named by a mention on the adjective.

    For a post that does not serve a country ("армянский полузащитник") the adjective is a nationality:
    no organisation, but the profession is still the person's (the third value says so).
    """
    from extractors.doc import Mention

    table = load_table("gentilics.tsv")
    head = next(((t.lemma or "").lower() for t in role_tokens if t.pos == "NOUN"), "")
    for token in role_tokens:
        place = table.get((token.lemma or "").lower()) if token.pos == "ADJ" else None
        if place is None:
            continue
        rest = [t for t in role_tokens if t is not token]
        if head not in NATIONAL_POSTS:
            return None, rest, True
        entry = ctx.gazetteer.gazetteer.get(place)
        name = entry.name if entry is not None else place
        key = ctx.entity("place:" + fold(name), "Place", name, entry.names if entry else ())
        ctx.extra_mentions.append(Mention(token.start, token.stop, token.text, key))
        return key, rest, False
    return None, role_tokens, False


def add_post(ctx, sent, person_key: str, role: str, org_key: str | None) -> None:
    """A Position with its role, and its organisation when the text names one."""
    from extractors.doc import Value

    person = ctx.entities[person_key]
    org = ctx.entities[org_key] if org_key else None
    ident = f"{person.ident or person.name}|{role}|{org.name if org else ''}"
    label = f"{person.name}, {role}" + (f", {org.name}" if org else "")
    pos_key = ctx.entity("position:" + fold(ident), "Position", label, ident=ident)
    ctx.add(person_key, "holdsPosition", pos_key, sent)
    ctx.add(pos_key, "role", Value(role, lang="ru"), sent)
    if org_key:
        ctx.add(pos_key, "organization", org_key, sent)
        ctx.add(person_key, "affiliatedWith", org_key, sent)
    words = set(role.split())
    official = (org is not None and org.type in ("GovernmentBody", "Place")) or words & OFFICIAL_POSTS
    if official and "Official" not in person.extra_types:
        ctx.entities[person_key] = replace(person, extra_types=(*person.extra_types, "Official"))
