"""A learned extraction layer beside the rules: candidate pairs from the parse, features, linear models."""

from __future__ import annotations

__all__ = ["RELATIONS"]

# the relations the layer scores: person -> organisation (affiliatedWith), person -> post (role),
# person or organisation -> event (participatedIn), event -> place (heldIn)
RELATIONS = ("affiliation", "role", "participation", "place")
