"""Who a clause is about: named subjects, and "он"/"она" resolved to the person named just before."""

from __future__ import annotations

from extractors.ru.relations.common import cand_tokens, story_sents
from extractors.ru.relations.postwords import NOT_POSTS, is_post

__all__ = ["subjects", "predicates", "antecedent"]

SUBJECT_RELS = ("nsubj", "nsubj:pass")
PRONOUNS = {"он": "Masc", "она": "Fem"}
WINDOW = 2  # sentences before the pronoun where its antecedent may be named


def span_root(sent, tokens: list):
    ids = {t.id for t in tokens}
    return next((t for t in tokens if t.head_id not in ids), None)


def name_feat(sent, cand, feat: str) -> str | None:
    """The gender (or case) of a name, when its words agree on one."""
    values = {t.feats.get(feat) for t in cand_tokens(sent, cand) if t.pos == "PROPN"}
    values.discard(None)
    return values.pop() if len(values) == 1 else None


def subjects(ctx, sent, pronouns: bool = True, rels=SUBJECT_RELS) -> list[tuple[object, object]]:
    """(person, subject token) for each person that is a subject in the sentence (or has another
    of `rels`: ("obj",) gives the objects).

    A pronoun stands for the nearest person named before it (in this sentence or the `WINDOW`
    before) whose name agrees in gender: "В 1981 году он был назначен епископом".
    """
    memo = ctx.memo("subjects")
    key = (id(sent), pronouns, rels)
    if key not in memo:  # every relation module asks; the answer is the same while the names are
        memo[key] = _subjects(ctx, sent, pronouns, rels)
    return list(memo[key])


def _subjects(ctx, sent, pronouns: bool, rels) -> list[tuple[object, object]]:
    out = []
    persons = ctx.in_sent(sent, {"Person"})
    for person in persons:
        root = name_head(sent, person, span_root(sent, cand_tokens(sent, person)))
        if root is not None and root.rel in rels:
            out.append((person, root))
        if root is not None and rels == SUBJECT_RELS:
            out.extend((person, token) for token in relative_subjects(sent, root))
    if not pronouns:
        return out
    for token in sent.tokens:
        gender = PRONOUNS.get((token.lemma or "").lower())
        if gender and token.pos == "PRON" and token.rel in rels:
            person = antecedent(ctx, sent, token, gender)
            if person is not None:
                out.append((person, token))
    return out


def name_head(sent, person, root):
    """The word a name hangs on when it is the rest of a longer name the recogniser cut short
    ("Мейв Кеннеди родилась" finds "Кеннеди" alone, "Мейв" is the subject), or the post it is in
    apposition to."""
    if root is None or root.rel not in ("appos", "flat:name", "flat"):
        return root
    head = sent.head(root)
    if root.rel == "appos" and head is not None and head.pos == "NOUN" and is_post(head):
        # "Представитель «Единой России», … Сергей Нарышкин избран спикером": the post is the subject
        return head
    index = sent.tokens.index(root)
    if (
        root.rel == "appos"
        and head is not None
        and (head.pos == "NOUN" or (head.lemma or "").lower() in NOT_POSTS)  # "Внук" at the start: PROPN
        and head.feats.get("Animacy") == "Anim"
        and head.feats.get("Number") == "Sing"
        and head.start < root.start
    ):
        # "Британец Джон Смит работал в Google", "Внук бывшего президента … Тимур Шаймиев занял пост":
        # a word of origin or kinship, no post, is the subject the name stands for
        return head
    if (
        head is not None
        and head.pos == "PROPN"
        and index > 0
        and sent.tokens[index - 1] is head
        and not is_post(head)  # "Папа Иоанн Павел II": a title, not the rest of the name
    ):
        return head if head.start < person.start else root
    return root


def relative_subjects(sent, root) -> list:
    """ "который" as the subject of a clause about the name: "Джо Локхарт, который возглавляет
    пресс-службу лиги" — the clause's verb is the name's relative clause."""
    return [
        c
        for verb in sent.children(root)
        if verb.rel == "acl:relcl"
        for c in sent.children(verb)
        if c.rel in SUBJECT_RELS and (c.lemma or "").lower() == "который"
    ]


def antecedent(ctx, sent, pronoun, gender: str):
    """The nearest person named before the pronoun whose name has its gender (none when a nearer
    person of unknown gender makes the choice unsure). Names in the genitive are skipped: they are
    possessors and complements ("в администрации Джорджа Буша"), seldom what the next clause is about."""
    sents = story_sents(ctx)
    index = next((i for i, s in enumerate(sents) if s is sent), None)
    if index is None:
        return None
    unsure = None  # the nearest name of unknown gender: the antecedent only if no other name could be
    for other in reversed(sents[max(0, index - WINDOW) : index + 1]):
        named = [
            c
            for c in ctx.in_sent(other, {"Person"})
            if other is not sent or (c.stop <= pronoun.start and not co_argument(sent, c, pronoun))
        ]
        for cand in reversed(named):
            if name_feat(other, cand, "Case") == "Gen":
                continue
            found = name_feat(other, cand, "Gender")
            if found == gender or (found is None and unsure is not None):
                return None if unsure is not None else cand
            if found is None:
                unsure = cand
    return unsure


def co_argument(sent, cand, pronoun) -> bool:
    """A name that is an argument of the pronoun's own verb: "Папа назначил его" — "его" is not the Pope."""
    node = span_root(sent, cand_tokens(sent, cand))
    for _ in range(4):  # "Папа Иоанн Павел II назначил его": the name hangs on "Папа"
        if node is None or node.rel not in ("appos", "flat:name", "flat", "conj"):
            break
        node = sent.head(node)
    return node is not None and node.head_id == pronoun.head_id


def has_subject(sent, verb) -> bool:
    return any(c.rel in SUBJECT_RELS for c in sent.children(verb))


def predicates(sent, subject) -> list:
    """The subject's head and the heads joined to it that have no subject of their own:
    "Сидибе учился во Франции и работал консультантом" gives "учился" and "работал"."""
    head = sent.head(subject)
    if head is None:
        return []
    out = [head]
    for token in sent.tokens:
        joined = token.rel == "conj" and token.head_id == head.id and token.pos in ("VERB", "NOUN")
        if joined and not any(c.rel in SUBJECT_RELS for c in sent.children(token)):
            out.append(token)
    return out
