"""The city an event's name gives: «Каннский кинофестиваль» is held in Канны, «Московский форум» in Москва."""

from __future__ import annotations

from extractors.ru.relations.common import cand_tokens, is_event, place_of_adjective, story_sents
from extractors.ru.relations.participation import root_of
from extractors.vocab import load_table

__all__ = ["extract_name_places"]


def place_named(token) -> str | None:
    """The city a capitalised adjective of a name names (place_adjectives.tsv): "Каннский", not "каннский"."""
    if token.pos != "ADJ" or not token.text[:1].isupper():
        return None
    return load_table("place_adjectives.tsv").get((token.lemma or "").lower())


def extract_name_places(ctx) -> None:
    """An event held where the adjective before its noun says, named by a mention on the adjective."""
    for sent in story_sents(ctx):
        for event in ctx.in_sent(sent):
            if not is_event(event) or event.type == "EventSeries":
                continue
            tokens = cand_tokens(sent, event)
            root = root_of(sent, tokens)
            for token in (t for t in tokens if root is not None and t.start < root.start):
                place = place_named(token)
                if place is None or token.head_id != root.id:
                    continue
                ctx.add(event.key, "heldIn", place_of_adjective(ctx, token, place), sent)
