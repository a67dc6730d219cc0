"""Relation extractors for Russian: each a small module over the Context of one article."""

from __future__ import annotations

__all__ = ["extract_relations"]


def extract_relations(ctx) -> None:
    """Run every relation extractor; each adds facts (and derived entities) to the context."""
    from extractors.ru.relations import (
        adjacent,
        affiliations,
        editions,
        eventfacts,
        gatherings,
        greetings,
        headed,
        meetings,
        nameplaces,
        participation,
        positions,
        postanaphora,
        settings,
    )

    editions.extract_editions(ctx)
    positions.extract_positions(ctx)
    postanaphora.extract_this_post(ctx)
    affiliations.extract_verb_affiliations(ctx)
    adjacent.extract_from_affiliations(ctx)
    affiliations.extract_party_affiliations(ctx)
    headed.extract_headed_by(ctx)
    headed.extract_colleagues(ctx)
    participation.extract_participation(ctx)
    settings.extract_settings(ctx)
    participation.extract_chairs(ctx)
    settings.extract_dropped(ctx)
    greetings.extract_addresses(ctx)
    gatherings.extract_gatherings(ctx)
    eventfacts.extract_event_facts(ctx)
    nameplaces.extract_name_places(ctx)
    meetings.extract_meetings(ctx)
    meetings.extract_agreements(ctx)
