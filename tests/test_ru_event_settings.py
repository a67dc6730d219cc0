"""Who took part in a forum as press releases say it: lists after "среди которых", meetings and signings on
the forum's sidelines, and what must not be read as taking part."""

from __future__ import annotations

import pytest

FORUM = "Технопром-2025"


def taking_part(found: set) -> set:
    return {(s, p, o) for s, p, o in found if p in ("participatedIn", "spokeAt", "moderated")}


@pytest.mark.parametrize(
    "text, people",
    [
        # "среди них/которых": the names take part as the clause the pronoun points back to says
        (
            "В форуме «Технопром-2025» приняли участие более 300 человек, среди которых ректор ТГУ Эдуард Галажинский.",
            {"Эдуард Галажинский"},
        ),
        (
            "Гостями форума «Технопром-2025» стали министры, среди них Валерий Фальков и Антон Силуанов.",
            {"Валерий Фальков", "Антон Силуанов"},
        ),
        (
            "Форум «Технопром-2025» прошел в Новосибирске. Участниками форума стали более 5 тысяч человек, "
            "среди них — министр науки и высшего образования РФ Валерий Фальков.",
            {"Валерий Фальков"},
        ),
        # the forum as the setting of a meeting or a signing: who met or signed there, the one met too
        (
            "На полях форума «Технопром-2025» губернатор Новосибирской области Андрей Травников встретился с "
            "ректором НГТУ Анатолием Батаевым и деканом Иваном Петровым.",
            {"Андрей Травников", "Анатолий Батаев", "Иван Петров"},
        ),
        (
            "В рамках форума «Технопром-2025» губернатор Андрей Травников провел встречу с ректором НГТУ "
            "Анатолием Батаевым.",
            {"Андрей Травников", "Анатолий Батаев"},
        ),
        (
            "В ходе форума «Технопром-2025» ректор ТГУ Эдуард Галажинский и генеральный директор компании "
            "«Газпром нефть» Александр Дюков подписали соглашение о сотрудничестве.",
            {"Эдуард Галажинский", "Александр Дюков"},
        ),
    ],
)
def test_participants_of_a_named_forum(extract_ru_text, text, people):
    _, found = extract_ru_text(text)
    assert {s for s, p, o in taking_part(found) if o == FORUM} == people, sorted(found)


@pytest.mark.parametrize(
    "text, person",
    [
        # a purpose is not said of the list: "прилетели для участия …, среди которых"
        (
            "Для участия в мероприятиях форума «Технопром-2025» в Новосибирск прилетели писатели и критики, "
            "среди которых — Павел Басинский из Москвы.",
            "Павел Басинский",
        ),
        # a name in the genitive of the subject is not the subject: the film was shown, not its director
        (
            "На открытии фестиваля «Шукшинские дни на Алтае» был презентован фильм режиссёра Алексея Петрухина.",
            "Алексей Петрухин",
        ),
        # after its verb, a setting with another verb between is that verb's (the parser hung it on the first)
        (
            "Вице-президент Джо Байден выиграл праймериз. Байден сильно опережает сенатора Берни Сандерса по "
            "числу делегатов, которые будут голосовать за него на Национальном съезде Демократической партии в июле.",
            "Джо Байден",
        ),
    ],
)
def test_not_taking_part(extract_ru_text, text, person):
    _, found = extract_ru_text(text)
    assert not {f for f in taking_part(found) if f[0] == person}, sorted(found)


def test_a_week_points_back_only_to_an_event_called_a_week(extract_ru_text):
    """ "на прошлой неделе" is a time, not the congress named before; "на неделе" after «Российская
    энергетическая неделя» is that event."""
    ext, _ = extract_ru_text(
        "Делегаты партии «Всеобщий народный конгресс» собрались на съезд. "
        "Столкновения начались на прошлой неделе, когда министр Иван Петров обвинил мятежников."
    )
    assert not [m for m in ext.mentions if "недел" in ext.article.text[m.start : m.stop]], ext.mentions
    ext, found = extract_ru_text(
        "В Москве открылась Российская энергетическая неделя. На неделе выступил министр энергетики Иван Петров."
    )
    week = [m for m in ext.mentions if ext.article.text[m.start : m.stop] == "неделе"]
    names = {e.key: e.name for e in ext.entities}
    assert [names[m.key] for m in week] == ["Российская энергетическая неделя"], ext.mentions


def test_a_sentence_opening_noun_tagged_an_adjective_is_no_modifier(extract_ru_text):
    """ "Модератором пленарной сессии выступил …": the tagger takes "Модератором" for an adjective; the
    session is "пленарная сессия", not "модератором пленарной сессии"."""
    ext, found = extract_ru_text(
        "Форум «Технопром-2025» прошел в Новосибирске. Модератором пленарной сессии выступил проректор НГУ "
        "Иван Иванов."
    )
    assert ("Иван Иванов", "moderated", "пленарная сессия") in found, sorted(found)
    assert ("пленарная сессия", "partOf", FORUM) in found, sorted(found)


def test_a_guest_takes_part_only_as_the_guest_of_something(ru_models):
    """ "Гостями форума стали министры": a guest of the forum; "был частым гостем" alone says no event."""
    from extractors.ru.parse import parse_text
    from extractors.ru.relations.participation import kind_of

    def guest_kind(text):
        (sent,) = parse_text(text, ru_models).sents
        (guest,) = [t for t in sent.tokens if t.lemma == "гость"]
        return kind_of(guest, sent)

    assert guest_kind("Гостями форума стали министры.") == "participatedIn"
    assert guest_kind("Поэт Александр Арапов был частым гостем.") is None


def test_an_event_noun_before_the_only_event_of_its_kind_named_is_that_event(extract_ru_text):
    """A press release may say "форум" before it names the forum; when the article names one forum only,
    that is the one. With two named after it, the noun stays unlinked."""
    text = (
        "Делегация ТУСУРа приняла участие в форуме в Новосибирске. Делегацию на форуме возглавил ректор "
        "Виктор Рулевский. XII Международный форум «Технопром-2025» прошел 26-29 августа."
    )
    ext, found = extract_ru_text(text)
    assert ("Виктор Рулевский", "ledDelegationTo", FORUM) in found, sorted(found)
    assert (FORUM, "heldIn", "Новосибирск") in found, sorted(found)
    assert [e.name for e in ext.entities if e.type == "Forum"] == [FORUM], ext.entities
    ext, found = extract_ru_text(
        text.replace("прошел 26-29 августа.", "прошел 26-29 августа, а форум «Иннопром-2025» — в июле.")
    )
    assert not {
        f for f in taking_part(found) if f[0] == "Виктор Рулевский" and f[2] in (FORUM, "Иннопром-2025")
    }


@pytest.mark.parametrize(
    "text, facts",
    [
        (
            "Делегацию ТУСУРа на форуме «Технопром-2025» возглавил ректор Виктор Рулевский.",
            {
                (
                    "Виктор Рулевский",
                    "holdsPosition",
                    "ректор @ " + "Томский государственный университет систем управления и радиоэлектроники",
                ),
                ("Виктор Рулевский", "ledDelegationTo", FORUM),
            },
        ),
        (
            "В состав делегации НГУ вошли проректор Иван Иванов и декан Петр Сидоров.",
            {
                ("Иван Иванов", "holdsPosition", "проректор @ Новосибирский государственный университет"),
                ("Петр Сидоров", "holdsPosition", "декан @ Новосибирский государственный университет"),
            },
        ),
    ],
)
def test_a_delegation_is_its_organisations_people(extract_ru_text, text, facts):
    """A bare post of one who leads or joins an organisation's delegation is that organisation's, and the
    delegation itself is no organisation node ("Делегацию ТУСУРа" was one, tagged ORG by natasha)."""
    ext, found = extract_ru_text(text)
    assert facts <= found, sorted(found)
    assert not [e for e in ext.entities if "елегаци" in e.name], ext.entities
    _, found = extract_ru_text("Делегацию возглавил ректор Виктор Рулевский.")
    assert ("Виктор Рулевский", "holdsPosition", "ректор @ None") in found, sorted(found)


def test_a_meeting_held_within_a_forum_is_part_of_it(extract_ru_text):
    """ "В рамках форума … провел встречу с …": the meeting is part of the forum; after the forum, not."""
    _, found = extract_ru_text(
        "В рамках форума «Технопром-2025» губернатор Андрей Травников провел встречу с ректором НГТУ "
        "Анатолием Батаевым."
    )
    assert ("встреча", "partOf", FORUM) in found, sorted(found)
    _, found = extract_ru_text(
        "После форума «Технопром-2025» губернатор Андрей Травников провел встречу с жителями."
    )
    assert not {f for f in found if f[1] == "partOf"}, sorted(found)
