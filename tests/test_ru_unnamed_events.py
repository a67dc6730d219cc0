"""Unnamed events: gathering nouns named by their phrase, and the facts that hang on them (issue 14 d)."""

from __future__ import annotations

import pytest

from extractors.doc import Article

LAVROV = "Министр иностранных дел России Сергей Лавров выступил на заседании Совета Безопасности ООН в Нью-Йорке 12 марта."

EVENTS = [
    # (text, event name, class, the mention's text)
    (LAVROV, "заседание Совета Безопасности ООН", "Session", "заседании Совета Безопасности ООН"),
    ("Президенты провели переговоры в Москве.", "переговоры", "Event", "переговоры"),
    ("Выборы в Мосгордуму пройдут в сентябре.", "выборы", "Event", "Выборы"),
    ("Он победил на парламентских выборах.", "парламентские выборы", "Event", "парламентских выборах"),
    # "первые" says which, not what kind: not part of the name
    (
        "В стране состоятся первые президентские выборы.",
        "президентские выборы",
        "Event",
        "президентские выборы",
    ),
    (
        "Трамп сказал это на пресс-конференции в Белом доме.",
        "пресс-конференция",
        "Conference",
        "пресс-конференции",
    ),
    # the person in the genitive is the meeting's agent, not part of its name
    (
        "Состоялась встреча губернатора Ивана Петрова с жителями.",
        "встреча губернатора",
        "Event",
        "встреча губернатора",
    ),
]

NOT_EVENTS = [
    # (text, a name that must not be an event)
    ("Сделан выбор в пользу новой схемы.", "выбор"),  # a choice, not an election
    ("Мероприятие прошло успешно.", "мероприятие"),  # only ever points back to an event named before
    ("Событие вызвало споры.", "событие"),
    (
        'Представитель партии назвал прошедшие выборы "фундаментальным мошенничеством".',
        "фундаментальным мошенничеством",
    ),
]

FACTS = [
    (LAVROV, ("Сергей Лавров", "spokeAt", "заседание Совета Безопасности ООН")),
    (LAVROV, ("заседание Совета Безопасности ООН", "heldIn", "Нью-Йорк")),
    (LAVROV, ("заседание Совета Безопасности ООН", "startDate", "2024-03-12")),
    ("Трамп сказал это на пресс-конференции в Белом доме.", ("Трамп", "spokeAt", "пресс-конференция")),
    ("Иван Петров принял участие в переговорах в Казани.", ("Иван Петров", "participatedIn", "переговоры")),
    ("Иван Петров принял участие в переговорах в Казани.", ("переговоры", "heldIn", "Казань")),
]

NOT_FACTS = [
    # a chamber one speaks in is not a participant of the session held there
    (
        "Джонсон выступал в Палате общин в ходе еженедельной сессии.",
        ("Палата общин", "participatedIn", "еженедельная сессия"),
    ),
    ("Иван Петров не принял участие в переговорах.", ("Иван Петров", "participatedIn", "переговоры")),
]


def events_of(ext) -> dict[str, tuple[str, str]]:
    """Event name -> (class, ident) of an extraction."""
    return {e.name: (e.type, e.ident) for e in ext.entities if e.type in ("Event", "Session", "Conference")}


@pytest.mark.parametrize(("text", "name", "cls", "surface"), EVENTS, ids=[e[1] for e in EVENTS])
def test_unnamed_event(extract_ru_text, text, name, cls, surface):
    ext, _ = extract_ru_text(text)
    events = events_of(ext)
    assert events.get(name, ("", ""))[0] == cls, events
    key = next(e.key for e in ext.entities if e.name == name)
    assert surface in {m.text for m in ext.mentions if m.key == key}


@pytest.mark.parametrize(("text", "name"), NOT_EVENTS, ids=[n for _, n in NOT_EVENTS])
def test_not_an_event(extract_ru_text, text, name):
    ext, _ = extract_ru_text(text)
    assert not any(name in n for n in events_of(ext)), events_of(ext)


@pytest.mark.parametrize(("text", "fact"), FACTS, ids=[f"{f[1]}:{f[0]}" for _, f in FACTS])
def test_fact_on_unnamed_event(extract_ru_text, text, fact):
    _, facts = extract_ru_text(text, date="2024-03-01")
    assert fact in facts, sorted(facts)


@pytest.mark.parametrize(("text", "fact"), NOT_FACTS, ids=[f"not {f[1]}:{f[0]}" for _, f in NOT_FACTS])
def test_not_fact_on_unnamed_event(extract_ru_text, text, fact):
    _, facts = extract_ru_text(text)
    assert fact not in facts, sorted(facts)


def test_named_forum_keeps_its_bare_mentions(extract_ru_text):
    """A bare "форум" after a named forum is that forum, not an unnamed one."""
    ext, facts = extract_ru_text(
        "В Новосибирске прошёл форум «Технопром-2024». На форуме выступил Иван Петров."
    )
    assert set(events_of(ext)) <= {"Технопром-2024"}
    assert ("Иван Петров", "spokeAt", "Технопром-2024") in facts


def test_talks_after_a_forum_are_their_own_event(extract_ru_text):
    ext, _ = extract_ru_text("В Казани прошёл форум «Россия — исламский мир». На полях прошли переговоры.")
    assert "переговоры" in events_of(ext)


def test_unnamed_events_are_nodes_of_their_article(ru_models):
    """The same words in two articles are two events; the same article twice gives the same node."""
    from extractors.ru.extract import extract_ru

    def ident(text: str) -> str:
        ext = extract_ru(Article(text, "a.txt", lang="ru"), ru_models)
        return events_of(ext)["переговоры"][1]

    one = ident("Президенты провели переговоры в Москве.")
    assert one == ident("Президенты провели переговоры в Москве.")
    assert one != ident("Министры провели переговоры в Москве.")
    assert one.startswith("переговоры ")
