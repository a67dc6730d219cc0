"""Features of a candidate pair: the syntax path between heads, words between, types, case, the rules' vote."""

from __future__ import annotations

from extractors.doc import Value
from extractors.learn.candidates import Candidate, head_token
from extractors.ru.relations.postwords import LISTED_POSTS, agrees, person_case

__all__ = ["FEATURES_VERSION", "RuleVotes", "featurize"]

FEATURES_VERSION = 2  # a model is read only by the features it was trained on
MAX_PATH = 5  # longer syntax paths are one feature, "path=long"
WORDS_BETWEEN = 6  # the words between the two spans are features when no more are between


# the rules' participation facts: participatedIn and its sub-properties
PARTICIPATION = {"participatedIn", "spokeAt", "moderated", "ledDelegationTo"}


class RuleVotes:
    """What the rule modules said about an article: affiliated pairs, the words of each person's posts,
    who took part in which event, and where each event took place."""

    def __init__(self, facts) -> None:
        self.affiliated = {(f.subject, f.object) for f in facts if f.predicate == "affiliatedWith"}
        self.participated = {(f.subject, f.object) for f in facts if f.predicate in PARTICIPATION}
        self.held = {(f.subject, f.object) for f in facts if f.predicate == "heldIn"}
        roles = {
            f.subject: f.object.text for f in facts if f.predicate == "role" and isinstance(f.object, Value)
        }
        self.post_words: dict[str, set[str]] = {}
        for fact in facts:
            if fact.predicate == "holdsPosition" and fact.object in roles:
                self.post_words.setdefault(fact.subject, set()).update(roles[fact.object].split())

    def says(self, cand: Candidate) -> bool:
        pair = (cand.person.key, getattr(cand.tail, "key", None))
        if cand.relation == "affiliation":
            return pair in self.affiliated
        if cand.relation == "participation":
            return pair in self.participated
        if cand.relation == "place":
            return pair in self.held
        lemma = (cand.tail.lemma or "").lower()
        return lemma in self.post_words.get(cand.person.key, ())


def featurize(cand: Candidate, votes: RuleVotes) -> list[str]:
    """The binary features of one candidate, sorted (a feature is present or not)."""
    sent = cand.sent
    tokens = sent.tokens
    person = cand.anchor or head_token(sent, cand.person.start, cand.person.stop)
    tail = cand.tail if cand.relation == "role" else head_token(sent, cand.tail.start, cand.tail.stop)
    if person is None or tail is None:
        return ["broken"]
    rel = cand.relation[:3]
    feats = {f"{rel}:bias", f"{rel}:pronoun"} if cand.anchor is not None else {f"{rel}:bias"}
    start, stop = cand.person_span
    left = cand.tail.stop <= start
    lo, hi = (cand.tail.stop, start) if left else (stop, cand.tail.start)
    between = [t for t in tokens if lo <= t.start and t.stop <= hi]
    dist = _bucket(len(between))
    side = "L" if left else "R"
    feats |= {f"{rel}:side={side}", f"{rel}:dist={dist}", f"{rel}:side_dist={side}{dist}"}
    persons = sum(1 for t in between if t.pos == "PROPN" and t.feats.get("Animacy") == "Anim")
    commas = sum(1 for t in between if t.text == ",")
    feats.add(f"{rel}:names_between={min(persons, 2)}")
    feats.add(f"{rel}:commas={min(commas, 2)}")
    if any(t.text in "()" for t in between):
        feats.add(f"{rel}:bracket")
    if any(t.pos == "VERB" for t in between):
        feats.add(f"{rel}:verb_between")
    if len(between) <= WORDS_BETWEEN:
        feats |= {f"{rel}:w={(t.lemma or t.text).lower()}" for t in between if t.pos != "PUNCT"}
    path, top = _path(sent, person, tail)
    feats.add(f"{rel}:path={path}" if path.count(" ") < MAX_PATH else f"{rel}:path=long")
    feats.add(f"{rel}:plen={min(path.count(' ') + 1, MAX_PATH + 1)}")
    if top is not None and top is not person and top is not tail:
        feats.add(f"{rel}:top={top.pos}:{(top.lemma or '').lower()}")
    feats.add(f"{rel}:prel={person.rel}")
    feats.add(f"{rel}:trel={tail.rel}")
    if votes.says(cand):
        feats.add(f"{rel}:rule")
    if cand.relation == "affiliation":
        feats |= _affiliation(cand, tail, tokens)
    elif cand.relation == "role":
        feats |= _role(cand, tail, person)
    else:
        feats |= _event(cand, person, tail)
    return sorted(feats)


def _event(cand: Candidate, head, tail) -> set[str]:
    """Participation (agent, event) and place (event, place): the types, the event's kind, how each
    head is governed (its preposition and case, the verb or noun above it)."""
    rel = cand.relation[:3]
    event, event_head = (cand.tail, tail) if cand.relation == "participation" else (cand.person, head)
    other, other_head = (cand.person, head) if cand.relation == "participation" else (cand.tail, tail)
    feats = {
        f"{rel}:event={event.type}:{event.kind}",
        f"{rel}:other={other.type}",
        f"{rel}:ecase={_marker(cand.sent, event_head)}",
        f"{rel}:ocase={_marker(cand.sent, other_head)}",
        f"{rel}:eup={_governor(cand.sent, event_head)}",
        f"{rel}:oup={_governor(cand.sent, other_head)}",
    }
    if other_head.head_id == event_head.id or event_head.head_id == other_head.head_id:
        feats.add(f"{rel}:siblings_or_child={other_head.rel}")
    if event.start <= other.start and other.stop <= event.stop:
        feats.add(f"{rel}:inside")  # "заседании Совета Безопасности": part of the event's name
    return feats


def _marker(sent, token) -> str:
    """The preposition and case of a head ("на+Loc"), or its case alone."""
    prepositions = [
        (t.lemma or t.text).lower() for t in sent.tokens if t.head_id == token.id and t.rel == "case"
    ]
    return "+".join([*prepositions, str(token.feats.get("Case"))])


def _governor(sent, token) -> str:
    """The word a head depends on, by its part of speech and lemma ("VERB:выступить")."""
    up = sent.by_id.get(token.head_id)
    return f"{up.pos}:{(up.lemma or '').lower()}" if up is not None else "root"


def _affiliation(cand: Candidate, head, tokens: list) -> set[str]:
    org = cand.tail
    feats = {f"aff:type={org.type}", f"aff:case={head.feats.get('Case')}"}
    first = next((i for i, t in enumerate(tokens) if t.id == head.id), 0)
    for token in tokens[max(0, first - 3) : first]:  # the post an organisation completes: "директор ФСБ"
        if token.pos == "NOUN":
            lemma = (token.lemma or "").lower()
            feats.add(f"aff:before={lemma}" if lemma in LISTED_POSTS else "aff:before_noun")
    if org.gazetteer:
        feats.add("aff:gazetteer")
    return feats


def _role(cand: Candidate, token, person) -> set[str]:
    lemma = (token.lemma or "").lower()
    if cand.anchor is not None:  # the pronoun standing for the person: its own case and gender
        case, gender = cand.anchor.feats.get("Case"), cand.anchor.feats.get("Gender")
    else:
        case = person_case(cand.sent, cand.person)
        gender = person_case(cand.sent, cand.person, "Gender")
    feats = {
        f"rol:post={lemma}",
        f"rol:case={token.feats.get('Case')}",
        f"rol:number={token.feats.get('Number')}",
        f"rol:agree={agrees(token, case, gender)}",
        f"rol:listed={lemma in LISTED_POSTS}",
    }
    if token.text[:1].isupper():
        feats.add("rol:capital")
    if token.head_id == person.id or person.head_id == token.id:
        feats.add(f"rol:linked={token.rel}/{person.rel}")
    return feats


def _bucket(n: int) -> str:
    for top, name in ((0, "0"), (1, "1"), (2, "2"), (4, "3-4"), (8, "5-8"), (16, "9-16")):
        if n <= top:
            return name
    return "17+"


def _ancestors(sent, token) -> list:
    chain, seen = [token], {token.id}
    while True:
        up = sent.by_id.get(chain[-1].head_id)
        if up is None or up.id in seen:
            return chain
        chain.append(up)
        seen.add(up.id)


def _path(sent, a, b) -> tuple[str, object]:
    """The dependency relations from `a` up to the lowest common ancestor and down to `b`, and that ancestor."""
    up, down = _ancestors(sent, a), _ancestors(sent, b)
    ids = {t.id: i for i, t in enumerate(down)}
    for i, token in enumerate(up):
        if token.id in ids:
            j = ids[token.id]
            steps = [f"^{t.rel}" for t in up[:i]] + [f"v{t.rel}" for t in reversed(down[:j])]
            return " ".join(steps) or "same", token
    return "none", None
