"""A learned extraction layer beside the rules: candidate pairs from the parse, features, linear models."""

from __future__ import annotations

__all__ = ["PERSON_RELATIONS", "RELATIONS"]

# the relations the layer scores: person -> organisation (affiliatedWith), person -> post (role),
# person or organisation -> event (participatedIn), event -> place (heldIn)
RELATIONS = ("affiliation", "role", "participation", "place")
# the relations "model" mode decides alone and whose rule facts a model may veto. Not the event
# relations: the rules' participation follows the ontology (an organisation or a university takes part
# in a forum), which NEREL marks more narrowly; a veto learned there dropped a right seed fact (ТУСУР
# at Иннопром), and the rules' spokeAt or moderated say more than the model's participatedIn
PERSON_RELATIONS = ("affiliation", "role")
