"""Who attends a gathering, where and when it is held: the syntax of the gathering noun (issue 14)."""

from __future__ import annotations

import pytest

FACTS = [
    # (text, fact): "встреча с X": the one met takes part
    (
        "Обама провел встречу с Эндой Кенни, премьер-министром Ирландии.",
        ("Энда Кенни", "participatedIn", "встреча"),
    ),
    # a person in the genitive of a gathering noun, through the post before the name
    (
        "Сегодня прошла экстренная пресс-конференция президента Сербии Бориса Тадича.",
        ("Борис Тадич", "participatedIn", "экстренная пресс-конференция президента Сербии"),
    ),
    # the host: the subject of "провести" with the gathering as its object
    (
        "Министр внутренних дел Эмбер Радд провела заседание чрезвычайного комитета.",
        ("Эмбер Радд", "participatedIn", "заседание чрезвычайного комитета"),
    ),
    # a photo caption: a person "на <event>", no verb
    (
        "Владимира Машкова во время пресс-конференции на Одесском международном кинофестивале.",
        ("Владимир Машков", "participatedIn", "пресс-конференция"),
    ),
    # the host in a relative clause; the subject after a meeting with someone; a caption parsed as a clause
    (
        "Об арестах объявили на пресс-конференции в Нью-Йорке, которую провел прокурор Сайрус Вэнс-младший.",
        ("Сайрус Вэнс-младший", "participatedIn", "пресс-конференция"),
    ),
    (
        "После встречи с Ли Куан Ю в Белом доме в 2009 году президент США Барак Обама назвал его легендой.",
        ("Барак Обама", "participatedIn", "встреча"),
    ),
    (
        "Вадим Ампелонский на встрече в честь 15-летия Википедии в Москве",
        ("Вадим Ампелонский", "participatedIn", "встреча"),
    ),
    # the place of the event's verb, before the event; the city a noun names ("в столице Чехии Праге")
    (
        "В Санкт-Петербурге 8 августа открылась выставка художника Константина Сомова.",
        ("выставка художника", "heldIn", "Санкт-Петербург"),
    ),
    (
        "В столице Чехии Праге 27 мая состоялись финальные встречи чемпионата мира по флорболу.",
        ("финальные встречи чемпионата мира", "heldIn", "Прага"),
    ),
    # the city its name's adjective names
    (
        "70-й Каннский кинофестиваль пройдёт 17–28 мая 2017 года.",
        ("70-й Каннский кинофестиваль", "heldIn", "Канны"),
    ),
    (
        "Московский кинофестиваль впервые прошёл в 1935 году.",
        ("московский кинофестиваль", "heldIn", "Москва"),
    ),
    # "Всероссийский": an all-Russian festival is held in Россия
    (
        "Она получила приз на Всероссийском фестивале визуальных искусств.",
        ("Всероссийский фестиваль визуальных искусств", "heldIn", "Россия"),
    ),
    # the place in the event noun's own phrase, far from it
    (
        "Он сообщил, что во время встречи с президентом России Дмитрием Медведевым в Сочи они договорились.",
        ("встреча", "heldIn", "Сочи"),
    ),
    # who chairs a gathering moderates it; who appears at one takes part
    (
        "Иван Петров председательствовал на заседании учёного совета.",
        ("Иван Петров", "moderated", "заседание учёного совета"),
    ),
    (
        "Фидель Кастро преподнес сюрприз, появившись на открытии сессии Национальной ассамблеи.",
        ("Фидель Кастро", "participatedIn", "сессия Национальной ассамблеи"),
    ),
    # who addresses or greets a gathering's participants speaks at it
    (
        "С приветственным словом к участникам форума «U-NOVUS» обратился ректор ТГУ Эдуард Галажинский.",
        ("Эдуард Галажинский", "spokeAt", "форум «U-NOVUS»"),
    ),
    (
        "Участников форума «Технопром-2025» приветствовал губернатор Андрей Травников.",
        ("Андрей Травников", "spokeAt", "Технопром-2025"),
    ),
]

# a date without a year, in an article without a date: the year the text names most often
YEARS = "Комиссия создана в 2009 году и обновлена в 2010 году. Её план на 2010 год утверждён. "
UNDATED = [
    (YEARS + "27 июня состоялось заседание комиссии.", ("заседание комиссии", "startDate", "2010-06-27")),
]

# a month or a year with no day (issue 14): fg:startPeriod, never fg:startDate
PERIODS = [
    (
        "В 1988 году на Всесоюзной партийной конференции Юрий Бондарев раскритиковал перестройку.",
        ("Всесоюзная партийная конференция", "startPeriod", "1988"),
    ),
    (
        "Детская научная конференция состоялась в декабре 2014 года в подмосковном доме отдыха.",
        ("детская научная конференция", "startPeriod", "2014-12"),
    ),
    (
        "Ветераны участвовали во встрече на Эльбе в апреле 1945-го.",
        ("встреча", "startPeriod", "1945-04"),
    ),
    # a month alone takes the article's year
    (
        "Делегаты будут голосовать за него на Национальном съезде Демократической партии в июле.",
        ("Национальный съезд Демократической партии", "startPeriod", "2024-07"),
    ),
    # a relative clause of the event noun is its clause
    (
        "Он выступил на съезде партии, прошедшем в августе 2004 года.",
        ("съезд партии", "startPeriod", "2004-08"),
    ),
]

# no year anywhere: the day and month as xsd:gMonthDay; "с" names a start only, "до" an end only
MONTH_DAYS = [
    (
        "На 27 апреля у премьера намечено заседание министров кабинета.",
        ("заседание министров кабинета", "startPeriod", "--04-27"),
    ),
    (
        "Выставка, которая проходит в залах Михайловского замка, продлится до 4 ноября.",
        ("выставка", "endPeriod", "--11-04"),
    ),
]

NOT_PERIODS = [
    # the period of another clause
    (
        "Шнуров познакомился с Матильдой в 2006 году, когда подруга взяла её на концерт.",
        ("концерт", "startPeriod", "2006"),
    ),
    # a full date is a startDate, not a period
    (
        "Заседание комиссии состоится 27 июня 2024 года.",
        ("заседание комиссии", "startPeriod", "2024-06"),
    ),
    ("Выставка продлится до 4 ноября.", ("выставка", "startPeriod", "--11-04")),
    ("Кандидаты с 14 июля 2019 года проводят встречи с избирателями.", ("встречи", "endDate", "2019-07-14")),
]

NOT_FACTS = [
    # a negated host
    ("Иван Петров не провёл совещание в Москве.", ("Иван Петров", "participatedIn", "совещание")),
    # a caption's person with a verb is left to the verb: "вернулся с форума" is no caption
    ("Иван Петров вернулся с совещания в Москве.", ("Иван Петров", "participatedIn", "совещание")),
    # after a meeting with no one named, the subject need not have been there
    ("После встречи президент США Барак Обама уехал.", ("Барак Обама", "participatedIn", "встреча")),
    # the country of the city, the country of a body: not where the event is
    (
        "В столице Чехии Праге 27 мая состоялись финальные встречи чемпионата мира по флорболу.",
        ("финальные встречи чемпионата мира", "heldIn", "Чехия"),
    ),
    # an adjective of the genitive after the noun is not the event's
    (
        "Фестиваль московских театров пройдёт в Казани.",
        ("фестиваль московских театров", "heldIn", "Москва"),
    ),
    (
        "В Госдуме России прошёл круглый стол о регулировании беспилотных систем.",
        ("круглый стол", "heldIn", "Россия"),
    ),
    # an event of the sentence that is not the audience's
    ("Иван Петров обратился в суд после заседания совета.", ("Иван Петров", "spokeAt", "заседание совета")),
    # an organisation in parentheses after a name is the name's, not a speaker
    (
        "Экспертами круглого стола выступили Иван Петров (ТГУ) и Сергей Смирнов (НГУ).",
        ("Томский государственный университет", "spokeAt", "круглый стол"),
    ),
]


@pytest.mark.parametrize(("text", "fact"), FACTS, ids=[f"{f[1]}:{f[0]}" for _, f in FACTS])
def test_event_fact(extract_ru_text, text, fact):
    _, facts = extract_ru_text(text, date="2024-03-01")
    assert fact in facts, sorted(facts)


@pytest.mark.parametrize(("text", "fact"), UNDATED, ids=[f"{f[1]}:{f[2]}" for _, f in UNDATED])
def test_undated_article(extract_ru_text, text, fact):
    _, facts = extract_ru_text(text)
    assert fact in facts, sorted(facts)


@pytest.mark.parametrize(("text", "fact"), NOT_FACTS, ids=[f"not {f[1]}:{f[0]}" for _, f in NOT_FACTS])
def test_not_event_fact(extract_ru_text, text, fact):
    _, facts = extract_ru_text(text, date="2024-03-01")
    assert fact not in facts, sorted(facts)


@pytest.mark.parametrize(("text", "fact"), PERIODS, ids=[f"{f[1]}:{f[2]}" for _, f in PERIODS])
def test_period(extract_ru_text, text, fact):
    _, facts = extract_ru_text(text, date="2024-03-01")
    assert fact in facts, sorted(facts)
    assert not any(f[0] == fact[0] and f[1] == "startDate" for f in facts), sorted(facts)


@pytest.mark.parametrize(("text", "fact"), MONTH_DAYS, ids=[f"{f[1]}:{f[2]}" for _, f in MONTH_DAYS])
def test_month_day_without_year(extract_ru_text, text, fact):
    _, facts = extract_ru_text(text)
    assert fact in facts, sorted(facts)


@pytest.mark.parametrize(("text", "fact"), NOT_PERIODS, ids=[f"not {f[1]}:{f[2]}" for _, f in NOT_PERIODS])
def test_not_period(extract_ru_text, text, fact):
    _, facts = extract_ru_text(text, date="" if "--" in fact[2] else "2024-03-01")
    assert fact not in facts, sorted(facts)


def test_undated_series_is_the_articles_edition(extract_ru_text):
    """A series named alone, in an article that names no edition of it, is the edition the article is
    about: who spoke there, and where the event noun after it says it was held."""
    _, found = extract_ru_text("Иван Петров выступил на форуме «Технопром». Форум прошёл в Новосибирске.")
    assert ("Иван Петров", "spokeAt", "форум «Технопром»") in found, sorted(found)
    assert ("форум «Технопром»", "heldIn", "Новосибирск") in found, sorted(found)
    assert ("форум «Технопром»", "editionOf", "Технопром") in found, sorted(found)


def test_series_between_two_editions_takes_no_facts(extract_ru_text):
    """With two editions in the article a bare series mention could be either: no event fact on it."""
    _, found = extract_ru_text(
        "Форум «Технопром-2024» прошёл в Новосибирске, а «Технопром-2025» пройдёт в Томске. "
        "Иван Петров выступил на форуме «Технопром»."
    )
    assert not [f for f in found if f[0] == "Иван Петров" and f[1] in ("spokeAt", "participatedIn")], sorted(
        found
    )


def test_session_of_a_named_forum_is_its_own_event(extract_ru_text):
    """ "пленарном заседании форума «Технопром-2025»": the name is the forum's; the session is an event of
    its own, part of the forum, and the forum keeps its class."""
    ext, found = extract_ru_text(
        "Ректор ТУСУРа Виктор Рулевский председательствовал на пленарном заседании форума «Технопром-2025»."
    )
    session = "пленарное заседание форума «Технопром-2025»"
    assert ("Виктор Рулевский", "moderated", session) in found, sorted(found)
    assert (session, "partOf", "Технопром-2025") in found, sorted(found)
    assert ("Forum", "Технопром-2025") in {(e.type, e.name) for e in ext.entities}, ext.entities


def test_session_of_a_named_round_table_is_part_of_it(extract_ru_text):
    """ "заседании круглого стола «Наука и власть»": the name is the round table's (two-word event noun),
    the session is part of the round table, and the round table part of the forum."""
    ext, found = extract_ru_text(
        "Иван Петров выступил на заседании круглого стола «Наука и власть» в рамках форума «Технопром-2025»."
    )
    session = "заседание круглого стола «Наука и власть»"
    assert ("Иван Петров", "spokeAt", session) in found, sorted(found)
    assert (session, "partOf", "Наука и власть") in found, sorted(found)
    assert ("Наука и власть", "partOf", "Технопром-2025") in found, sorted(found)
    assert ("RoundTable", "Наука и власть") in {(e.type, e.name) for e in ext.entities}, ext.entities
