"""The city an event's name gives: «Каннский кинофестиваль» is held in Канны, «Московский форум» in Москва."""

from __future__ import annotations

from extractors.ru.events import in_title_place
from extractors.ru.relations.common import cand_tokens, is_event, place_of_adjective, story_sents
from extractors.ru.relations.participation import root_of
from extractors.vocab import load_table

__all__ = ["extract_name_places"]

QUOTES = {"«", '"', "“", "„"}


def place_named(token) -> str | None:
    """The city a capitalised adjective of a name names (place_adjectives.tsv): "Каннский", not "каннский"."""
    if token.pos != "ADJ" or not token.text[:1].isupper():
        return None
    return load_table("place_adjectives.tsv").get((token.lemma or "").lower())


def extract_name_places(ctx) -> None:
    """An event held where the adjective before its noun says, named by a mention on the adjective; or
    where its quoted title says: «Ереванские перспективы» (the title's first word), «Шукшинские дни на
    Алтае» (a place after "в"/"на" in it)."""
    for sent in story_sents(ctx):
        places = ctx.in_sent(sent, {"Place"})
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
            opening = next((i for i, t in enumerate(tokens) if t.text in QUOTES), None)
            if opening is not None and opening + 1 < len(tokens):
                place = place_named(tokens[opening + 1])
                if place is not None:
                    ctx.add(event.key, "heldIn", place_of_adjective(ctx, tokens[opening + 1], place), sent)
            if opening is None:
                continue
            for place in places:
                if tokens[opening].start < place.start and place.stop <= event.stop and in_title_place(place):
                    ctx.add(event.key, "heldIn", place.key, sent)
