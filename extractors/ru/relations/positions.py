"""Posts: "первый заместитель Губернатора Новосибирской области Юрий Петухов", "А. Поздняков, президент …"."""

from __future__ import annotations

import re

from extractors.ru.names import normalize_post
from extractors.ru.relations.appositions import appositions_right, one_of
from extractors.ru.relations.bodies import body_of_post, delegation_org
from extractors.ru.relations.common import (
    ORG_SET,
    article_region,
    name_root,
    resolve_territory,
    story_sents,
)
from extractors.ru.relations.gentilics import gentilic_org, honorary_title
from extractors.ru.relations.phrases import apposed_phrase, apposed_span, phrase_left
from extractors.ru.relations.postlists import apposed_left, coordinated_left, list_posts
from extractors.ru.relations.postrefs import dropped_subject_posts, referring_posts
from extractors.ru.relations.posts import add_post
from extractors.ru.relations.postwords import (
    ARTS_POSTS,
    POST_WORDS,
    agrees,
    field_end,
    is_post,
    person_case,
    plain_post,
    post_parts,
)
from extractors.ru.relations.predicates import (
    fronted_posts,
    noun_office_posts,
    object_posts,
    participle_posts,
    predicate_posts,
)
from extractors.ru.relations.subjects import subjects
from extractors.ru.spans import AGE
from extractors.vocab import fold, load_words

__all__ = ["extract_positions", "POST_WORDS"]

ACTING = re.compile(r"(?:\bи\.\s?о\.|\bврио|\bисполняющ\w*\s+обязанности)\s*$", re.IGNORECASE)
ACTING_WINDOW = 32  # characters before a post that may say its holder is acting
# posts of a territory: with no organisation written, they belong to the region the article is about
TERRITORIAL = {"губернатор", "вице-губернатор", "врио"}
MINISTRY_HEADS = {"министр": "министерство", "замминистра": "министерство"}
# who founded or owns an organisation holds no post in it (neither NEREL nor factRuEval counts these
# as posts): "основатель MySQL Майкл Видениус" is tied to MySQL, with no Position
OWNERS = frozenset(load_words("owner_words.txt"))


def acting_before(text: str, offset: int, floor: int = 0) -> bool:
    """Whether the words just before an offset (not before `floor`) say the post's holder is acting."""
    return bool(ACTING.search(text[max(floor, offset - ACTING_WINDOW) : offset]))


def role_span(phrase: list, person_case: str | None, text: str = "", gender: str | None = None) -> list:
    """The post part of a phrase: from its first post word agreeing with the name (with modifiers) on.

    After "и.о."/"врио" the post is in the genitive whatever the name's case.
    """
    posts = [
        i
        for i, t in enumerate(phrase)
        if is_post(t) and (agrees(t, person_case, gender) or acting_before(text, t.start))
    ]
    if not posts:
        return []
    # "Президент и первая леди Мишель Обама": of coordinated posts, the one next to the name (but not
    # an owner's word: "бывший глава компании и совладелец WFC Артур Перепёлкин" held the first)
    joins = [i for i, t in enumerate(phrase) if t.pos == "CCONJ" and posts[0] < i]
    later = [p for p in posts if joins and p > joins[-1] and not post_parts(phrase[p]) & OWNERS]
    if later:
        posts = later
    start = posts[0]
    # modifiers of the post (первый, генеральный), but not an age (70-летний)
    while start > 0 and phrase[start - 1].pos == "ADJ" and not phrase[start - 1].text[:1].isdigit():
        start -= 1
    return phrase[start:]


def inside_post(sent, person, span: list) -> bool:
    """A name the post before it governs, with the post's own words going on after the name: "Помощник
    Хиллари Клинтон по европейским делам" is her aide's post, not hers."""
    root = name_root(sent, person)
    post = next((t for t in span if root is not None and t.id == root.head_id), None)
    if root is None or root.rel != "nmod" or post is None or not is_post(post):
        return False
    return any(c.rel == "nmod" and c.start >= person.stop for c in sent.children(post))


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
            phrase = phrase_left(ctx, sent, person)
            # the post agreeing with the name, or else the one the parser puts it in apposition to
            left = (
                role_span(phrase, case, ctx.article.text, gender)
                or role_span(*apposed_span(sent, person, phrase, case), ctx.article.text, gender)
                or role_span(apposed_phrase(ctx, sent, person), None, ctx.article.text, gender)
            )
            if left and inside_post(sent, person, left):
                left = []
            left, *chained = split_chain(left, case)
            right = [
                one_of(phrase) or role_span(phrase, None) for phrase in appositions_right(ctx, sent, person)
            ]
            for phrase in (left, *right):
                if phrase:
                    add_position(ctx, sent, person, phrase)
            for phrase in [
                *chained,
                *coordinated_left(ctx, sent, left, gender),
                *apposed_left(ctx, sent, left, person),
                *participle_posts(ctx, sent, person),
                *noun_office_posts(ctx, sent, person),
            ]:
                add_position(ctx, sent, person, phrase)
        for person, subject in subjects(ctx, sent):
            for phrase in predicate_posts(ctx, sent, subject) + fronted_posts(ctx, sent, subject):
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
    role_tokens = role_words(sent, phrase, orgs)
    # "учёные из США": where they come from, not whom they serve
    orgs = [o for o in orgs if o.type != "Place" or not FROM_PLACE.search(ctx.article.text[: o.start][-8:])]
    org_key = orgs[0].key if orgs else None
    while role_tokens and (
        role_tokens[-1].pos in {"ADP", "CCONJ", "PUNCT"} or AGE.fullmatch(role_tokens[-1].text)
    ):
        role_tokens.pop()  # "действующий президент 89-летний Роберт Мугабе": the age is no post's
    if not role_tokens:
        return
    title = honorary_title(ctx, role_tokens, orgs)
    if title is not None:
        add_post(ctx, sent, person.key, title, None)
        return
    noun = next((t for t in role_tokens if t.pos in ("NOUN", "PROPN")), role_tokens[0])
    if post_parts(noun) & OWNERS:
        if orgs and orgs[0].type in ORG_SET:
            ctx.add(person.key, "founderOf", orgs[0].key, sent)
        return
    head = (role_tokens[0].lemma or "").lower()
    rest = [t for t in role_tokens[1:] if (t.lemma or "").lower() not in {"край", "область", "регион"}]
    territory = bool(orgs) or len(rest) < len(role_tokens) - 1  # a ministry of no named territory is no one's
    if (
        head in MINISTRY_HEADS
        and rest
        and territory
        and (org_key is None or ctx.entities[org_key].type == "Place")
    ):
        # "министра промышленности и торговли края": the ministry of those fields, of that territory
        end = field_end(sent, rest[0], phrase[-1] if orgs else role_tokens[-1])
        words = ctx.article.text[rest[0].start : end.stop]
        name = resolve_territory(ctx, f"{MINISTRY_HEADS[head].capitalize()} {words}")
        # "… РФ", "… России": the gazetteer's federal ministry ("Министерство … Российской Федерации")
        entry = ctx.gazetteer.find(name) or ctx.gazetteer.find(RUSSIA.sub(" Российской Федерации", name))
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
    if org_key is None:  # "глава палестинской делегации": an organisation named by a common noun
        org_key, role_tokens = body_of_post(ctx, role_tokens)
    org_key = org_key or delegation_org(ctx, sent, person)
    if org_key is None:
        org_key, role_tokens, nationality = gentilic_org(ctx, role_tokens)
    if org_key is None and not nationality and not any(listed(t) for t in role_tokens):
        return  # an unlisted animate noun ("правозащитник") is a post only next to its organisation
    if acting_before(ctx.article.text, role_tokens[0].start, sent.start):
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
    role = plain_post(FORMER.sub("бывший ", role))  # "экс-глава МВД" held the post "глава" before
    add_post(ctx, sent, person.key, role, org_key)
    for org in chained_orgs(ctx, orgs):
        ctx.add(person.key, "affiliatedWith", org.key, sent)


def role_words(sent, phrase: list, orgs: list) -> list:
    """The words of a phrase that name the post: those before its organisation, less the adjectives
    that hang on the organisation ("глава государственной Комиссии по атомной энергии": "глава"), and
    up to an owner's word joined to the post ("управляющий директор и совладелец агентства")."""
    words = [t for t in phrase if not orgs or t.stop <= orgs[0].start]
    if orgs:
        named = {t.id for t in sent.tokens if orgs[0].start <= t.start < orgs[0].stop}
        while len(words) > 1 and words[-1].pos in ("ADJ", "ADV") and words[-1].head_id in named:
            named.add(words.pop().id)
    for i, token in enumerate(words[1:-1], 1):
        if token.pos == "CCONJ" and post_parts(words[i + 1]) & OWNERS:
            return words[:i]
    return words


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
    # "постоянный представитель России в ООН", "посол РФ в Украине": where the holder serves
    out += [
        org
        for org in orgs[1:]
        if org not in out
        and org.type in ORG_SET  # not a country: "посол Японии в Чехии" serves Japan
        and AT_ORG.search(ctx.article.text[max(0, org.start - 8) : org.start])
    ]
    return out


FORMER = re.compile(r"^экс-(?=\w)")
FROM_PLACE = re.compile(r"\bиз\s+$")
RUSSIA = re.compile(r"\s(?:РФ|России|Российской Федерации)$")
FROM_ORG = re.compile(r"\bот(?:\s+\w+){0,2}\s*[«\"]?$")
AT_ORG = re.compile(r"(?:^|\s)(?:в|при)\s+[«\"]?$")


def listed(token) -> bool:
    """A post word that needs no organisation: one of posts.txt, or of arts_posts.txt in the singular;
    in a compound, any of its parts ("рок-музыкант", "писатель-фронтовик", "экс-президент")."""
    if token.pos not in ("NOUN", "PROPN"):
        return False
    words = post_parts(token)
    return bool(words & POST_WORDS) or (bool(words & ARTS_POSTS) and token.feats.get("Number") != "Plur")
