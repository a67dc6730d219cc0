"""Shared fixtures: natasha's models once per session, readable facts of an extraction."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.doc import Article, Extraction, Value

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "data" / "articles"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def ru_models():
    from extractors.ru.models import load_ru_models

    return load_ru_models()


@pytest.fixture(scope="session")
def extract_ru_text(ru_models):
    """Extract a Russian text and return (extraction, readable facts)."""
    from extractors.ru.extract import extract_ru

    def run(text: str, date: str = "") -> tuple[Extraction, set[tuple[str, str, str]]]:
        ext = extract_ru(Article(text, "test.txt", lang="ru", date=date), ru_models)
        return ext, readable(ext)

    return run


def readable(ext: Extraction) -> set[tuple[str, str, str]]:
    """Facts as (subject name, predicate, object name or literal); a position shows as "role @ org"."""
    names = {e.key: e.name for e in ext.entities}
    roles = {f.subject: f.object.text for f in ext.facts if f.predicate == "role"}
    orgs = {f.subject: names[f.object] for f in ext.facts if f.predicate == "organization"}
    out = set()
    for fact in ext.facts:
        if fact.predicate == "holdsPosition":
            obj = f"{roles.get(fact.object)} @ {orgs.get(fact.object)}"
        elif isinstance(fact.object, Value):
            obj = fact.object.text
        else:
            obj = names[fact.object]
        out.add((names[fact.subject], fact.predicate, obj))
    return out
