"""Relation extractors for Russian: each a small module over the Context of one article."""

from __future__ import annotations

__all__ = ["extract_relations"]


def extract_relations(ctx) -> None:
    from extractors.ru.relations import editions

    editions.extract_editions(ctx)
