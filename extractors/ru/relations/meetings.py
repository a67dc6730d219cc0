"""Meetings between persons and agreements between organisations."""

from __future__ import annotations

import itertools

from extractors.ru.relations.common import ORG_SET, cand_tokens, story_sents, triggers
from extractors.ru.relations.participation import root_of

__all__ = ["extract_meetings", "extract_agreements"]

SIGN = {"подписать", "подписывать", "заключить", "заключать", "подписание", "заключение"}


def extract_meetings(ctx) -> None:
    """ "состоялась встреча А с Б", "А встретился с Б": the persons after "с" met the other one."""
    for sent in story_sents(ctx):
        trigs = [t for t in sent.tokens if triggers().get((t.lemma or "").lower()) == "metWith"]
        if not trigs:
            continue
        persons = ctx.in_sent(sent, {"Person"})
        for trig in trigs:
            partners, hosts = [], []
            for person in persons:
                if person.start < trig.start and sent.text[: trig.start - sent.start].count(",") > sent.text[
                    : person.start - sent.start
                ].count(","):
                    continue  # a clause before the trigger
                root = root_of(sent, cand_tokens(sent, person))
                case = root.feats.get("Case") if root is not None else None
                (partners if case == "Ins" else hosts).append(person)
            if partners and hosts:
                host = hosts[0]
                for partner in partners:
                    if partner.key != host.key:
                        ctx.add(host.key, "metWith", partner.key, sent)


def extract_agreements(ctx) -> None:
    """ "А и Б подписали соглашение": every pair of organisations before the verb (or after "между")."""
    for sent in story_sents(ctx):
        lemmas = [(t.lemma or "").lower() for t in sent.tokens]
        if not any(triggers().get(lemma) == "agreementWith" for lemma in lemmas) or not SIGN & set(lemmas):
            continue
        verb = next(t for t in sent.tokens if (t.lemma or "").lower() in SIGN)
        parties = [c for c in ctx.in_sent(sent, ORG_SET) if c.stop <= verb.start]
        if len(parties) < 2:
            parties = [c for c in ctx.in_sent(sent, ORG_SET) if c.start > verb.start]
        keys = sorted({c.key for c in parties})
        for a, b in itertools.combinations(keys, 2):
            ctx.add(a, "agreementWith", b, sent)
