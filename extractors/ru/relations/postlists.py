"""Posts shared by several names or several posts of one name: "писатели Павел Басинский, Михаил
Павлов и …", "Писатель, поэт и журналист Дмитрий Быков"."""

from __future__ import annotations

from extractors.ru.relations.common import ancestors, name_root, prepositions
from extractors.ru.relations.postwords import (
    LISTED_POSTS,
    cand_at,
    is_post,
    person_case,
    post_parts,
    post_tail,
)

__all__ = ["coordinated_left", "list_posts"]


def list_posts(ctx, sent) -> list[tuple[object, list]]:
    """A plural post followed by a list of names: "писатели Павел Басинский, Михаил Павлов и …"."""
    out = []
    persons = ctx.in_sent(sent, {"Person"})
    for index, token in enumerate(sent.tokens):
        if token.feats.get("Number") != "Plur" or not is_post(token):
            continue
        tail = []
        for nxt in post_tail(ctx, sent, index):
            if nxt.pos == "CCONJ":
                break  # "писатели и критики": each plural post has its own list
            tail.append(nxt)
        phrase = [token, *tail]  # "легендарные музыканты": the post without the praise
        offset = phrase[-1].stop
        for person in persons:
            if person.start < offset:
                continue
            if not list_gap(ctx, sent, offset, person.start) or not list_agrees(ctx, token, person):
                break
            root = name_root(sent, person)
            if root is not None and root.rel == "nmod" and any(t.id == root.head_id for t in tail):
                break  # "генералов полиции по делу Голунова": the name is a complement of the post's words
            out.append((person, phrase))
            offset = person.stop
    return out


def list_agrees(ctx, post, person) -> bool:
    """A name of a list is in the case of its plural post ("музыкантами группы СВ — Вадимом …"), unless
    a colon or dash opens the list; a post in the genitive of a noun names no list ("член Палаты
    представителей, Нэнси Пелоси"; "сотрудники Госпиталя принцессы Марины")."""
    case = person_case(person.sent, person)
    opened = any(mark in ctx.article.text[post.stop : person.start] for mark in (":", "—", "–"))
    if case is not None and case != post.feats.get("Case") and not opened:
        return False
    head = person.sent.head(post)
    if "в" in prepositions(person.sent, post):
        return False  # "кандидат в президенты Беларуси Андрей Санников": a post sought, not a list
    return not (post.feats.get("Case") == "Gen" and head is not None and head.pos in ("NOUN", "PROPN"))


# words that may stand between a plural post and its names: "писатели и критики, среди которых — …"
LIST_WORDS = {"и", "а", "также", "среди", "который", "в", "тот", "число", "включая", "как", "такой", "из"}
LIST_MARKS = {",", ":", "—", "–", "-"}


def list_gap(ctx, sent, start: int, stop: int) -> bool:
    """Whether the words between two members of a list of names only join them: punctuation, "и",
    "среди которых", a parenthesis ("Юрий Царёв (проект «Метро»)"), "из" and a place, another plural post."""
    depth = 0
    for token in sent.tokens:
        if token.start < start or token.stop > stop:
            continue
        if token.text == "(":
            depth += 1
        elif token.text == ")":
            depth -= 1
        elif depth > 0 or token.text in LIST_MARKS or (token.lemma or "").lower() in LIST_WORDS:
            continue
        elif not (token.feats.get("Number") == "Plur" and is_post(token)):
            owner = cand_at(ctx, sent, token)
            if owner is None or owner.type != "Place":
                return False
    return depth == 0


MAX_COORDINATED = 4


def coordinated_left(ctx, sent, span: list, gender: str | None = None) -> list[list]:
    """The posts joined before the one next to the name: "Писатель, поэт и журналист Дмитрий Быков".

    Each is a listed post in the singular, of the case and gender of the post next to the name (so
    "Президент и первая леди Мишель Обама" gives her no presidency), with its own modifiers. A woman's
    name after masculine posts is left alone: "дочь писателя, актера и режиссера Мария Шукшина".
    """
    post = next((t for t in span if is_post(t) and t.pos == "NOUN"), None)
    if post is None or (gender == "Fem" and post.feats.get("Gender") != "Fem"):
        return []
    out: list[list] = []
    index = sent.tokens.index(span[0])
    while len(out) < MAX_COORDINATED and index >= 2:
        joint = sent.tokens[index - 1]
        if joint.text != "," and (joint.lemma or "").lower() != "и":
            break
        chunk = []
        for token in reversed(sent.tokens[: index - 1]):
            if token.pos not in ("ADJ", "NOUN", "PROPN") or cand_at(ctx, sent, token) is not None:
                break
            chunk.insert(0, token)
        # the post's noun is the first of the post's form: words before it belong to it or to the clause
        # ("ушел из жизни известный писатель-фронтовик и общественный деятель")
        head = next((t for t in chunk if t.pos == "NOUN" and same_form(t, post)), None)
        if head is None or not post_parts(head) & LISTED_POSTS:
            break
        start = chunk.index(head)
        while start > 0 and below(sent, chunk[start - 1], head):
            start -= 1
        chunk = chunk[start:]
        out.append(chunk)
        index = sent.tokens.index(chunk[0])
    return out


HONORARY = {"народный", "заслуженный", "почетный", "почётный"}


def apposed_left(ctx, sent, span: list, person=None) -> list[list]:
    """The post the one next to the name is in apposition to, with the words that belong to it:
    "Лидер группы «Ленинград», музыкант Сергей Шнуров" — he is also the group's leader. Or the post it
    is joined to when the name itself hangs on that first post: "министр по делам разведки, глава
    Комиссии по атомной энергии Дан Меридор" — he is the minister too."""
    post = next((t for t in span if is_post(t) and t.pos == "NOUN"), None)
    if post is None or post.rel not in ("appos", "conj"):
        return []
    head = sent.head(post)
    if post.rel == "conj" and (person is None or head is None or name_governor(sent, person) is not head):
        return []
    if head is None or head.pos != "NOUN" or head.stop > post.start or not same_form(head, post):
        return []
    if not post_parts(head) & LISTED_POSTS:
        return []
    if any((c.lemma or "").lower() in HONORARY for c in sent.children(head)):
        return []  # "народный артист России, дирижёр Валерий Гергиев": a title, not a post in Russia
    index = sent.tokens.index(span[0])
    if index < 1 or sent.tokens[index - 1].text != ",":
        return []
    start = sent.tokens.index(head)
    chunk = sent.tokens[start : index - 1]
    if not all(t is head or below(sent, t, head) for t in chunk):
        return []
    if any((owner := cand_at(ctx, sent, t)) is not None and owner.type == "Person" for t in chunk):
        return []  # "Полпред … Александр Хлопонин, …, председатель … Равиль Гайнутдин": another name's post
    return [chunk]


def name_governor(sent, person):
    """The token the root of a name hangs on."""
    root = name_root(sent, person)
    return sent.head(root) if root is not None else None


def below(sent, token, head, depth: int = 4) -> bool:
    return any(node is head for node in ancestors(sent, token)[1 : depth + 1])


def same_form(token, other) -> bool:
    feats = ("Case", "Gender", "Number")
    return (
        all(token.feats.get(f) == other.feats.get(f) for f in feats) and token.feats.get("Number") == "Sing"
    )
