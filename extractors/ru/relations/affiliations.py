"""Affiliation stated by a verb: "Андрей Варичев возглавляет «Металлоинвест»", "он работал в МГУ"."""

from __future__ import annotations

from extractors.ru.relations.common import ORG_SET, cand_tokens, story_sents
from extractors.ru.relations.participation import root_of
from extractors.ru.relations.positions import add_post
from extractors.vocab import load_table

__all__ = ["extract_verb_affiliations"]

OBJECT_RELS = {"obj", "obl", "nmod", "iobj"}


def extract_verb_affiliations(ctx) -> None:
    verbs = load_table("affiliation_verbs.tsv")
    for sent in story_sents(ctx):
        orgs = ctx.in_sent(sent, ORG_SET)
        if not orgs:
            continue
        for person in ctx.in_sent(sent, {"Person"}):
            root = root_of(sent, cand_tokens(sent, person))
            if root is None or root.rel not in ("nsubj", "nsubj:pass"):
                continue
            verb = sent.head(root)
            post = verbs.get((verb.lemma or "").lower()) if verb is not None else None
            if post is None:
                continue
            for org in orgs:
                org_root = root_of(sent, cand_tokens(sent, org))
                if org_root is None or org_root.rel not in OBJECT_RELS or sent.head(org_root) is not verb:
                    continue
                if post != "-":
                    add_post(ctx, sent, person.key, post, org.key)
                else:
                    ctx.add(person.key, "affiliatedWith", org.key, sent)
