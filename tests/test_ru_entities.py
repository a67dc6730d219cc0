"""The first layer on Russian text: typed entities with canonical names, offsets, events and editions."""

from __future__ import annotations

import pytest

PARAGRAPH = (
    "Делегация Новосибирской области под руководством первого заместителя Губернатора Юрия Петухова "
    "посетила международную промышленную выставку «Иннопром-2024» в г. Екатеринбурге. "
    "Ректор ТУСУРа Виктор Рулевский выступил модератором круглого стола на XII Международном форуме "
    "«Технопром-2025». Минэкономразвития России совместно с Высшей школой экономики организует "
    "стратегическую сессию. Активно развивается сотрудничество «Сибэлектропривода» с «БелАЗом»."
)

EXPECTED = [
    ("Person", "Юрий Петухов"),
    ("Person", "Виктор Рулевский"),
    ("Place", "Новосибирская область"),
    ("Place", "Екатеринбург"),
    ("University", "Томский государственный университет систем управления и радиоэлектроники"),
    ("University", "Высшая школа экономики"),
    ("GovernmentBody", "Министерство экономического развития Российской Федерации"),
    ("Company", "Сибэлектропривод"),
    ("Company", "БелАЗ"),
    ("Exhibition", "Иннопром-2024"),
    ("Forum", "Технопром-2025"),
    ("EventSeries", "Технопром"),
    ("EventSeries", "Иннопром"),
]


@pytest.fixture(scope="module")
def extraction(extract_ru_text):
    return extract_ru_text(PARAGRAPH)[0]


@pytest.mark.parametrize(("type_name", "name"), EXPECTED, ids=[n for _, n in EXPECTED])
def test_entity(extraction, type_name, name):
    assert (type_name, name) in {(e.type, e.name) for e in extraction.entities}


def test_no_inflected_names(extraction):
    names = {e.name for e in extraction.entities}
    assert not names & {"Юрия Петухова", "ТУСУРа", "Екатеринбурге", "БелАЗом", "Сибэлектропривода"}


def test_mentions_point_into_the_text(extraction):
    text = extraction.article.text
    assert extraction.mentions
    for mention in extraction.mentions:
        assert text[mention.start : mention.stop] == mention.text


def test_abbreviation_is_an_alternative_name(extraction):
    tusur = next(e for e in extraction.entities if e.type == "University" and "ТУСУР" in e.alt_names)
    assert tusur.name.startswith("Томский")


def test_edition_number_and_year(extraction):
    facts = {(f.subject, f.predicate, getattr(f.object, "text", f.object)) for f in extraction.facts}
    assert ("event:технопром-2025", "editionNumber", "12") in facts
    assert ("event:технопром-2025", "year", "2025") in facts


def test_empty_and_odd_text_do_not_crash(extract_ru_text):
    for text in ("", " ", "....", "«»", "123 456", "Привет"):
        extraction, _ = extract_ru_text(text)
        assert extraction.article.text == text


KIN_TEXT = (
    "В Татарстане клан Шаймиевых расширяет семейный бизнес\n\nВнук бывшего президента - ныне госсоветника "
    'Татарстана Минтимера Шаймиева Тимур Шаймиев занял пост генерального директора в компании ООО "МНКТ".'
)


@pytest.mark.parametrize("text", [KIN_TEXT])
def test_kin_noun_is_no_person(extract_ru_text, text):
    """A word of kinship the recogniser tags a name at a sentence start is dropped: "Внуки", "Внук"."""
    names = {e.name for e in extract_ru_text(text)[0].entities if e.type == "Person"}
    assert not any(name.lower().startswith("внук") for name in names), names


def test_quoted_name_keeps_its_closing_quote(extract_ru_text):
    """A straight quote that closes one inside the span stays: 'ООО "МНКТ"', not 'ООО "МНКТ'."""
    text = 'Тимур Шаймиев занял пост генерального директора в компании ООО "МНКТ".'
    names = {e.name for e in extract_ru_text(text)[0].entities if e.type == "Company"}
    assert 'ООО "МНКТ"' in names, names
