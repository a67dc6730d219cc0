"""Posts stated by a predicate: "Главой Рособрнадзора назначен Сергей Кравцов", "он был министром"."""

from __future__ import annotations

from extractors.ru.relations.common import name_root, office_held
from extractors.ru.relations.postwords import LISTED_POSTS, is_post, post_modifiers, post_parts, post_tail
from extractors.ru.relations.subjects import predicates

__all__ = [
    "COPULAS",
    "OFFICE_VERBS",
    "clause_posts",
    "fronted_posts",
    "noun_office_posts",
    "object_posts",
    "participle_posts",
    "predicate_posts",
]

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
# "назначил Ивана Петрова министром": the object of these verbs gets the post
APPOINT_VERBS = {"назначить", "назначать", "избрать", "избирать", "переизбрать", "утвердить", "утверждать"}
# "занял пост министра", "место спикера Палаты представителей занял", "покинул кресло мэра", "исполняет
# обязанности губернатора"
OFFICES = {"пост", "должность", "место", "кресло", "обязанность"}
ACTING = {"исполнять", "исполняющий"}  # "стал временно исполняющим обязанности президента"
HELD_OFFICES = {"пост", "должность"}  # "с поста", "на посту", "этот пост": the words a post is held in
OFFICE_VERBS = {
    "занять", "занимать", "вступить", "вступать", "покинуть", "оставить", "назначить", "избрать", "занявший",
    "совмещать", "совместить", "сохранить", "сохранять", "получить", "получать", "исполнять", "исполнить",
    "заступить", "заступать",
}  # fmt: skip


def post_phrase(ctx, sent, token) -> list:
    """A post noun with the adjectives before it and the words after it that belong to it."""
    index = sent.tokens.index(token)
    start = index
    while start > 0 and sent.tokens[start - 1].pos == "ADJ":
        start -= 1
    return sent.tokens[start:index] + [token, *post_tail(ctx, sent, index)]


def instrumental_posts(sent, token) -> list:
    """A post in the instrumental and the posts joined to it: "стал генералом и министром"."""
    out = [token]
    for other in sent.tokens:
        if (
            other.rel == "conj"
            and other.head_id == token.id
            and other.feats.get("Case") == "Ins"
            and is_post(other)
        ):
            out.append(other)
    return out


def predicate_posts(ctx, sent, subject) -> list[list]:
    """The posts a subject is named to or serves as: "Главой Рособрнадзора назначен Сергей Кравцов",
    "Сидибе был министром здравоохранения, а затем министром иностранных дел"."""
    return clause_posts(ctx, sent, predicates(sent, subject))


def fronted_posts(ctx, sent, subject) -> list[list]:
    """A post set before the name with a comma, both parsed as subjects of one verb: "Бывший член
    политбюро ЦК КПСС, Назарбаев получил 96 процентов голосов"."""
    verb = sent.head(subject)
    index = sent.tokens.index(subject)
    if verb is None or index == 0 or sent.tokens[index - 1].text != ",":
        return []
    return [
        [*post_modifiers(sent, token), token, *post_tail(ctx, sent, sent.tokens.index(token))]
        for token in sent.children(verb)
        if token.rel == subject.rel
        and token.start < subject.start
        and token.pos == "NOUN"
        and token.feats.get("Case") == "Nom"
        and is_post(token)
        and not any(c.rel in ("appos", "flat:name", "conj") for c in sent.children(token))
    ]


def clause_posts(ctx, sent, preds: list) -> list[list]:
    """The posts the predicates of one subject state: "стал генералом, работал министром"."""
    out = []
    linked = False  # a noun predicate with "быть" links the nouns joined to it too
    for pred in preds:
        lemma = (pred.lemma or "").lower()
        if pred.pos == "NOUN":
            copula = any(c.rel == "cop" for c in sent.children(pred))
            linked = linked or copula
            if (
                (copula or (linked and pred.rel == "conj"))
                and pred.feats.get("Case") == "Ins"
                and is_post(pred)
            ):
                out.append(post_phrase(ctx, sent, pred))
            continue
        out.extend(
            post_phrase(ctx, sent, token)
            for token in sent.children(pred)
            if in_capacity(sent, token) or being(sent, token)
        )  # "принёс присягу в качестве министра обороны США", "Будучи игроком «Гэлакси», Бекхэм …"
        if lemma not in COPULAS | OFFICE_VERBS:
            out.extend(left_office_posts(ctx, sent, pred))  # "ушёл с поста лидера КПРФ"
            continue
        if appoints_other(sent, pred):
            continue  # "Медведев назначил руководителем службы Ивана Муравьева": the object's post
        out.extend(office_posts(ctx, sent, pred))  # "занял пост министра финансов"
        if lemma not in COPULAS:
            continue
        for token in sent.children(pred):
            if (
                token.feats.get("Case") == "Ins"
                and is_post(token)
                and token.rel in ("obl", "xcomp", "obj", "nmod")
            ):
                out.extend(post_phrase(ctx, sent, post) for post in instrumental_posts(sent, token))
            elif token.feats.get("Case") == "Ins" and (token.lemma or "").lower() in ACTING:
                out.extend(office_posts(ctx, sent, token))  # "назначен исполняющим обязанности ректора"
    return out


def in_capacity(sent, token) -> bool:
    """A listed post "в качестве" of which one acts: "в качестве министра обороны"; not one set off by a
    comma, which the parser hangs on the wrong verb as often as not ("перевёл штаб-квартиру ФИДЕ в Афины
    и в его команду, в качестве первого заместителя, входит Георгиос Макрополус")."""
    if token.rel not in ("obl", "nmod") or token.pos != "NOUN" or not post_parts(token) & LISTED_POSTS:
        return False
    for marker in sent.children(token):
        if (
            marker.rel == "case"
            and (marker.lemma or "").lower() == "в"
            and any((f.lemma or "").lower() == "качество" for f in sent.children(marker))
        ):
            index = sent.tokens.index(marker)
            return index == 0 or sent.tokens[index - 1].text != ","
    return False


def being(sent, token) -> bool:
    """A post in the instrumental with "будучи": "Будучи министром финансов, Иван Петров подписал указ"."""
    return (
        token.feats.get("Case") == "Ins"
        and token.pos == "NOUN"
        and is_post(token)
        and any(c.rel == "cop" and c.feats.get("VerbForm") == "Conv" for c in sent.children(token))
    )


def appoints_other(sent, verb) -> bool:
    """ "Папа назначил его на должность архиепископа": an active verb of appointing gives the office
    to its object (parsed as one or not), never to its subject."""
    return (verb.lemma or "").lower() in APPOINT_VERBS and verb.feats.get("Voice") != "Pass"


def genitive_post(token) -> bool:
    """A post in the genitive, or in the accusative its animate masculine form shares with it
    ("заместителя" is tagged either)."""
    case = token.feats.get("Case")
    animate = token.feats.get("Animacy") == "Anim" and token.feats.get("Gender") == "Masc"
    return (case == "Gen" or (case == "Acc" and animate)) and is_post(token)


def office_posts(ctx, sent, verb) -> list[list]:
    """ "на пост министра финансов", "в должность губернатора" under a verb: the post in the genitive."""
    return [
        phrase
        for office in sent.children(verb)
        if (office.lemma or "").lower() in OFFICES or acting(sent, office)
        for phrase in office_post(ctx, sent, office)
    ]


def acting(sent, token) -> bool:
    """ "врио" or "и. о." (parsed as "и" with "о" fixed to it): an acting post, named in the genitive."""
    lemma = (token.lemma or "").lower()
    return lemma == "врио" or (
        lemma == "и" and any(t.rel == "fixed" and t.text == "о" for t in sent.children(token))
    )


def office_post(ctx, sent, office) -> list[list]:
    """The posts in the genitive under "пост"/"должность": "пост министра финансов"."""
    out = []
    for token in sent.children(office):
        if acting(sent, token):
            out.extend(office_post(ctx, sent, token))  # "пост врио губернатора", "пост и. о. губернатора"
        elif token.feats.get("Case") == "Gen" and is_post(token):
            # "должность руководителя совета, а также заместителя председателя комитета"
            joined = [
                t
                for t in sent.children(token) + sent.children(office)
                if t.rel == "conj" and genitive_post(t)
            ]
            out.extend([t, *post_tail(ctx, sent, sent.tokens.index(t))] for t in (token, *joined))
    return out


# active verbs of dismissing: the post is their object's ("уволен с поста" is passive and the subject's)
DISMISS_VERBS = {
    "освободить", "освобождать", "уволить", "увольнять", "снять", "снимать", "отстранить", "отстранять",
    "отправить", "отправлять", "сместить", "смещать", "отозвать", "отзывать",
}  # fmt: skip
SUCCEED_VERBS = {"сменить", "сменять", "заменить", "заменять"}  # "на посту директора его сменит Тим Кук"
LEAVING_NOUNS = {"отставка", "уход", "увольнение", "снятие", "освобождение"}


def left_office_posts(ctx, sent, verb) -> list[list]:
    """ "ушёл с поста лидера КПРФ", "отправлен в отставку с поста главы «Роснефти»", "заявил об уходе
    с поста главного тренера": the post (under any verb) its subject leaves or holds. Not a post sought
    ("баллотировался на пост президента") nor one taken from an object ("уволил Сечина с поста …")."""
    if any(c.rel == "obj" for c in sent.children(verb)) and (verb.lemma or "").lower() not in SUCCEED_VERBS:
        return []  # "сменил его на посту": the subject takes the post
    if (verb.lemma or "").lower() in DISMISS_VERBS and verb.feats.get("Voice") != "Pass":
        return []  # "Медведев освободил от должности главы РЖД Владимира Якунина": the object's, parsed or not
    heads = [verb, *(c for c in sent.children(verb) if (c.lemma or "").lower() in LEAVING_NOUNS)]
    return [
        phrase
        for head in heads
        for office in held_offices(sent, head)
        for phrase in office_post(ctx, sent, office)
    ]


def noun_office_posts(ctx, sent, person) -> list[list]:
    """A name in the genitive of a noun that has a post left or held: "о снятии Зюганова с поста лидера
    КПРФ", "первой инициативой Мамуки Бахтадзе на посту премьер-министра Грузии"."""
    root = name_root(sent, person)
    head = sent.head(root) if root is not None and root.rel == "nmod" else None
    if head is None or head.pos != "NOUN" or root.feats.get("Case") != "Gen":
        return []
    return [phrase for office in held_offices(sent, head) for phrase in office_post(ctx, sent, office)]


def held_offices(sent, head) -> list:
    """ "с поста", "от должности", "на посту", "в должности" under a word: a post left or held, not
    one sought ("на пост")."""
    return [
        office
        for office in sent.children(head)
        if (office.lemma or "").lower() in HELD_OFFICES and office_held(sent, office)
    ]


def object_posts(ctx, sent, obj) -> list[list]:
    """The posts a verb of appointing gives its object: "назначил руководителем Федеральной службы …
    Ивана Муравьева", "назначил его на должность архиепископа"; and the post a verb of dismissing
    takes from it: "уволил Суходольского с должности главы ГУ МВД Петербурга"."""
    verb = sent.head(obj)
    if verb is None or verb.feats.get("Voice") == "Pass":
        return []
    if (verb.lemma or "").lower() in DISMISS_VERBS:
        return [phrase for office in held_offices(sent, verb) for phrase in office_post(ctx, sent, office)]
    if (verb.lemma or "").lower() not in APPOINT_VERBS:
        return []
    out = office_posts(ctx, sent, verb)
    for token in sent.children(verb):
        if token is not obj and token.feats.get("Case") == "Ins" and is_post(token):
            out.extend(post_phrase(ctx, sent, post) for post in instrumental_posts(sent, token))
    return out


def participle_posts(ctx, sent, person) -> list[list]:
    """The posts a participle after a name states: "Иван Петров, назначенный министром финансов",
    "занимающий пост губернатора", "исполняющий обязанности официального представителя …"."""
    ids = {t.id for t in sent.tokens if person.start <= t.start < person.stop}
    verbs = [
        t for t in sent.tokens if t.rel == "acl" and t.head_id in ids and t.feats.get("VerbForm") == "Part"
    ]
    out = clause_posts(ctx, sent, verbs)
    for verb in verbs:
        if (verb.lemma or "").lower() != "исполнять":
            continue
        for duty in sent.children(verb):
            if (duty.lemma or "").lower() == "обязанность":
                posts = [t for t in sent.children(duty) if t.feats.get("Case") == "Gen" and is_post(t)]
                out.extend(post_phrase(ctx, sent, post) for post in posts)
    return out
