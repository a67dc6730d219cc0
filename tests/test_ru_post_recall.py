"""Recall of posts (issue 14): sentences of news and the posts their names must get, with negative cases."""

from __future__ import annotations

import pytest

POSITIVE = [
    # a compound post is a post when one of its parts is listed
    (
        "25 февраля 2019 года умер рок-музыкант Марк Холлис.",
        ("Марк Холлис", "holdsPosition", "рок-музыкант @ None"),
    ),
    (
        "Сегодня ушел из жизни известный писатель-фронтовик Юрий Васильевич Бондарев.",
        ("Юрий Васильевич Бондарев", "holdsPosition", "известный писатель-фронтовик @ None"),
    ),
    # "экс-" is a post held before
    (
        "Бывший секретарь Совета безопасности Виктор Шейман и экс-глава МВД Владимир Наумов противостояли планам.",
        ("Владимир Наумов", "holdsPosition", "бывший глава @ МВД"),
    ),
    # professions added to the lists
    (
        "Там он в конце 1980-х познакомился с диджеем Лиамом Хоулеттом.",
        ("Лиам Хоулетт", "holdsPosition", "диджей @ None"),
    ),
]

NOT_FACTS: list[tuple[str, tuple[str, str, str]]] = []


@pytest.mark.parametrize(("text", "fact"), POSITIVE, ids=[f"{f[0]}:{f[2]}" for _, f in POSITIVE])
def test_post(extract_ru_text, text, fact):
    _, facts = extract_ru_text(text)
    assert fact in facts, sorted(facts)


@pytest.mark.parametrize(("text", "fact"), NOT_FACTS, ids=[f"not {f[0]}:{f[2]}" for _, f in NOT_FACTS])
def test_not_post(extract_ru_text, text, fact):
    _, facts = extract_ru_text(text)
    assert fact not in facts, sorted(facts)
