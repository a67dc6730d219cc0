"""Tables of sentences with the facts they give or must not give, turned into parametrized tests.

A module of such tables says `test_fact, test_not_fact = fact_tests(FACTS, NOT_FACTS, name)`.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest


def fact_tests(facts: list, not_facts: list, name: Callable[[tuple], str], date: str = "") -> tuple:
    """Two tests: each (text, fact) of `facts` gives its fact, none of `not_facts` does; `name` names a
    case by its fact (pytest's id), `date` is the article's date."""

    @pytest.mark.parametrize(("text", "fact"), facts, ids=[name(f) for _, f in facts])
    def test_fact(extract_ru_text, text, fact):
        _, found = extract_ru_text(text, date=date)
        assert fact in found, sorted(found)

    @pytest.mark.parametrize(("text", "fact"), not_facts, ids=[f"not {name(f)}" for _, f in not_facts])
    def test_not_fact(extract_ru_text, text, fact):
        _, found = extract_ru_text(text, date=date)
        assert fact not in found, sorted(found)

    return test_fact, test_not_fact
