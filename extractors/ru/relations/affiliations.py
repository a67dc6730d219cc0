"""Affiliation stated by a verb: "Андрей Варичев возглавляет «Металлоинвест»", "он работал в МГУ"."""

from __future__ import annotations

from extractors.ru.relations.bodies import body_of_object
from extractors.ru.relations.common import ORG_SET, ancestors, cand_tokens, prepositions, story_sents
from extractors.ru.relations.headed import headed
from extractors.ru.relations.participation import root_of
from extractors.ru.relations.postrefs import dropped_subject
from extractors.ru.relations.posts import add_post
from extractors.ru.relations.postwords import is_post
from extractors.ru.relations.subjects import has_subject, predicates, span_root, subjects
from extractors.vocab import load_table

__all__ = ["extract_party_affiliations", "extract_verb_affiliations"]

OBJECT_RELS = {"obj", "obl", "nmod", "iobj"}
MAX_PARTS = 2  # "возглавил совет директоров «Газпрома»": the organisation two genitives below the object


def extract_verb_affiliations(ctx) -> None:
    verbs = load_table("affiliation_verbs.tsv")
    for sent in story_sents(ctx):
        orgs = ctx.in_sent(sent, ORG_SET)
        for person, verb in person_verbs(ctx, sent):
            for org in (
                composition(ctx, sent, verb, orgs) + headed(ctx, sent, verb) + job_at(sent, verb, orgs)
            ):
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
        if (part.lemma or "").lower() != "состав" or "в" not in prepositions(sent, part):
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


# "поступил на работу в Белый дом", "сохранит за собой должность в Мариинском театре", "во время службы
# в ВВС": a job at an organisation under any verb of the person
JOBS = {"работа", "должность", "служба"}
JOB_CASES = {"в", "на"}
NOT_HELD = {"отказаться", "отказываться", "искать", "претендовать"}  # "отказался от работы в «Газпроме»"


def job_at(sent, verb, orgs: list) -> list[str]:
    """The organisations of a job noun under a verb: "перевели на работу в мэрию Уфы"."""
    jobs = [c for c in sent.children(verb) if c.pos == "NOUN" and (c.lemma or "").lower() in JOBS]
    if not jobs or (verb.lemma or "").lower() in NOT_HELD:
        return []
    out = []
    for org in orgs:
        org_root = root_of(sent, cand_tokens(sent, org))
        if (
            org_root is not None
            # "должность в театре" under the job, or "нашёл работу в «Газпроме»" beside it
            and ((org_root.rel, org_root.head_id) == ("obl", verb.id) or under_job(org_root, jobs))
            and prepositions(sent, org_root) & JOB_CASES
        ):
            out.append(org.key)
    return out


def under_job(org_root, jobs: list) -> bool:
    return org_root.rel == "nmod" and any(org_root.head_id == job.id for job in jobs)


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
        if prep in prepositions(sent, node):
            return True
        node = sent.head(node) if node.rel in ("conj", "appos") or colon_list(sent, node) else None
    return False


def colon_list(sent, node) -> bool:
    """The first of a list a colon opens after its noun, which the parser hangs on it as parataxis:
    "Выступал за команды: «Джордан», «Бенеттон» …"."""
    if node.rel != "parataxis":
        return False
    head = sent.head(node)
    between = [t for t in sent.tokens if head is not None and head.stop <= t.start and t.stop <= node.start]
    marks = [t for t in between if t.text not in '«"„“']
    return bool(marks) and marks[-1].text == ":"  # "на радиостанциях Санкт-Петербурга: «Полис», …"


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
        if node.rel not in ("conj", "appos") and not colon_list(sent, node):
            return None
        node = sent.head(node)
    return None


# "кандидат от ЛДПР", "депутатом от партии «Единая Россия»", "номинацию от Демократической партии": the
# party a person stands for, under a post or a word of candidacy
CANDIDACY = {
    "кандидат", "кандидатура", "номинация", "выдвиженец", "баллотироваться", "избираться", "избраться",
    "избрать", "выдвигаться", "выдвинуться", "выдвинуть", "выдвижение", "список",
}  # fmt: skip
NAME_RELS = ("appos", "flat:name")  # "депутат от ЛДПР Михаил Дегтярев", "Иван Петров, кандидат от ЛДПР"
MAX_FROM_UP = 4  # heads above the organisation to the person's verb: "борьбу за номинацию от партии"


def extract_party_affiliations(ctx) -> None:
    for sent in story_sents(ctx):
        if not any((t.lemma or "").lower() == "от" for t in sent.tokens):
            continue
        orgs = ctx.in_sent(sent, ORG_SET)
        if not orgs:
            continue
        verbs = None
        for org in orgs:
            org_root = root_of(sent, cand_tokens(sent, org))
            head = sent.head(org_root) if org_root is not None else None
            if head is None or org_root.rel not in ("nmod", "obl") or not has_case(sent, org_root, "от"):
                continue
            if (head.lemma or "").lower() not in CANDIDACY and not (head.pos == "NOUN" and is_post(head)):
                continue
            if verbs is None:
                verbs = {}
                for person, verb in person_verbs(ctx, sent):
                    verbs.setdefault(verb.id, []).append(person)
            for person in party_members(ctx, sent, head, verbs):
                ctx.add(person.key, "affiliatedWith", org.key, sent)


def party_members(ctx, sent, head, verbs: dict) -> list:
    """The persons a candidacy word or post is about: the subject of a verb above it, or the name it is
    in apposition to."""
    for node in ancestors(sent, head)[:MAX_FROM_UP]:
        if node.id in verbs:
            return verbs[node.id]
        if node.pos == "NOUN" and is_post(node):
            named = [
                p
                for p in ctx.in_sent(sent, {"Person"})
                if (root := span_root(sent, cand_tokens(sent, p))) is not None
                and (apposed(root, node) or apposed(node, root))
            ]
            if named:
                return named
    return []


def apposed(one, other) -> bool:
    """`one` in apposition to `other`: a name to its post ("депутат от ЛДПР Михаил Дегтярев") or a post
    to its name ("Иван Петров, кандидат от ЛДПР")."""
    return one.head_id == other.id and one.rel in NAME_RELS
