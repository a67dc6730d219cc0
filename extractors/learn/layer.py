"""The learned layer run after the rules: score candidate pairs and add (or, in "model" mode, replace) facts."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from extractors.learn import PERSON_RELATIONS
from extractors.learn.candidates import Candidate, find_candidates
from extractors.learn.features import PARTICIPATION, RuleVotes, featurize
from extractors.learn.model import LinearModel, load_model

__all__ = ["MODES", "Collector", "Layer", "apply_model"]

log = logging.getLogger(__name__)

# rules: the rule modules alone; model: the person–organisation and person–post pairs the model accepts
# among its candidates, nothing else (a pair the rules found is accepted at P >= veto, another at
# P >= threshold), and the event relations as in "both" (the rules' spokeAt or moderated say more than
# the model's participatedIn); both: the rules' facts stay unless vetoed, and the model adds the pairs
# they missed
MODES = ("rules", "model", "both")
# the facts the model decides in "model" mode
DECIDED = ("affiliatedWith", "holdsPosition")
# the fact an accepted pair of each relation adds (role makes a Position instead)
ADDS = {"affiliation": "affiliatedWith", "participation": "participatedIn", "place": "heldIn"}


@dataclass(frozen=True)
class Layer:
    """A picklable hook for `extract_ru`: a model file (None: the shipped one) read once per process, and a mode."""

    model: str | None = None
    mode: str = "both"

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"expected a mode of {', '.join(MODES)}, got {self.mode!r}")

    def __call__(self, ctx) -> None:
        if self.mode != "rules":
            apply_model(ctx, load_model(self.model), replace=self.mode == "model")


def apply_model(ctx, model: LinearModel, replace: bool = False) -> None:
    """Add the facts of the candidates the model accepts and drop the rules' facts it vetoes; with
    `replace`, drop all the rules' person–organisation and person–post facts first (the model alone)."""
    votes = RuleVotes(ctx.facts)
    if replace:
        _drop_rule_facts(ctx)
    best: dict[tuple, tuple[float, Candidate]] = {}
    for cand in find_candidates(ctx):
        weights = model.relations.get(cand.relation)
        if weights is None or (not replace and weights.veto <= 0 and votes.says(cand)):
            continue  # a pair the rules found, with no veto to weigh: its score would change nothing
        p = weights.probability(featurize(cand, votes))
        tail = (cand.tail.lemma or "").lower() if cand.relation == "role" else cand.tail.key
        key = (cand.relation, cand.person.key, tail)
        if key not in best or p > best[key][0]:
            best[key] = (p, cand)
    accepted, vetoed = [], []
    for key in sorted(best):
        p, cand = best[key]
        weights = model.relations[cand.relation]
        alone = replace and cand.relation in PERSON_RELATIONS
        if not votes.says(cand):
            if p >= weights.threshold:
                accepted.append(cand)
        elif alone and p >= weights.veto:
            accepted.append(cand)  # the model alone keeps what it scored high enough
        elif not alone and p < weights.veto:
            vetoed.append(cand)
    for cand in vetoed:
        log.debug("model veto: %s %s %s", cand.relation, cand.person.name, cand.tail_span)
        _drop(ctx, cand)
    have = RuleVotes(ctx.facts)
    orgs = {(c.person.key, c.tail.key) for c in accepted if c.relation == "affiliation"} | have.affiliated
    for cand in accepted:
        if cand.relation in ADDS:
            ctx.add(cand.person.key, ADDS[cand.relation], cand.tail.key, cand.sent)
        elif not have.says(cand):
            _add_role(ctx, cand, orgs)


def _drop(ctx, cand: Candidate) -> None:
    """Drop the rules' fact of one vetoed pair: the affiliation, or the person's posts of that word."""
    from extractors.doc import Value

    person = cand.person.key
    if cand.relation != "role":
        said = PARTICIPATION if cand.relation == "participation" else {ADDS[cand.relation]}
        ctx.facts[:] = [
            f
            for f in ctx.facts
            if not (f.subject == person and f.predicate in said and f.object == cand.tail.key)
        ]
        return
    lemma = (cand.tail.lemma or "").lower()
    roles = {
        f.subject: f.object.text for f in ctx.facts if f.predicate == "role" and isinstance(f.object, Value)
    }
    gone = {
        f.object
        for f in ctx.facts
        if f.subject == person and f.predicate == "holdsPosition" and lemma in roles.get(f.object, "").split()
    }
    ctx.facts[:] = [
        f
        for f in ctx.facts
        if not (f.predicate == "holdsPosition" and f.subject == person and f.object in gone)
    ]
    held = {f.object for f in ctx.facts if f.predicate == "holdsPosition"}
    for key in gone - held:  # a position no one else holds goes with its facts
        ctx.facts[:] = [f for f in ctx.facts if f.subject != key]
        ctx.entities.pop(key, None)


def _drop_rule_facts(ctx) -> None:
    positions = {f.object for f in ctx.facts if f.predicate == "holdsPosition"}
    ctx.facts[:] = [f for f in ctx.facts if f.predicate not in DECIDED and f.subject not in positions]
    for key in positions:
        ctx.entities.pop(key, None)


def _add_role(ctx, cand: Candidate, accepted: set[tuple[str, str]]) -> None:
    """A Position of the person from a post word and the adjectives before it; its organisation when the
    words after the post name one the person is affiliated with ("директор ФСБ")."""
    from extractors.ru.names import normalize_post
    from extractors.ru.relations.positions import add_post
    from extractors.ru.relations.postwords import post_modifiers, post_tail

    phrase = [*post_modifiers(cand.sent, cand.tail), cand.tail]
    if cand.tail.feats.get("Number") == "Plur":
        role = " ".join([*(t.text for t in phrase[:-1]), cand.tail.lemma or cand.tail.text]).lower()
    else:
        role = normalize_post(ctx.models.morph_vocab, phrase).lower()
    role = re.sub(r"\s+", " ", role).strip(" ,–-")
    if not role:
        return
    tail = post_tail(ctx, cand.sent, cand.sent.tokens.index(cand.tail))
    org_key = None
    if tail:
        for org in ctx.in_sent(cand.sent):
            if tail[0].start <= org.start < tail[-1].stop and (cand.person.key, org.key) in accepted:
                org_key = org.key
                break
    log.debug("model role: %s -> %s (%s)", cand.person.name, role, org_key)
    add_post(ctx, cand.sent, cand.person.key, role, org_key)


class Collector:
    """A hook that records every candidate with its features, for training: rows of
    (relation, person span, tail span, tail lemma, features)."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, tuple[int, int], tuple[int, int], str, list[str]]] = []

    def __call__(self, ctx) -> None:
        votes = RuleVotes(ctx.facts)
        for cand in find_candidates(ctx):
            lemma = (cand.tail.lemma or "").lower() if cand.relation == "role" else ""
            span = (cand.person.start, cand.person.stop)
            self.rows.append((cand.relation, span, cand.tail_span, lemma, featurize(cand, votes)))
