"""Russian relation extraction: a table of cases per relation, with negative cases."""

from __future__ import annotations

import pytest
from factcases import fact_tests

TUSUR = "Томский государственный университет систем управления и радиоэлектроники"

POSITIVE = [
    # posts before the name, with the organisation between post and name
    (
        "Ректор ТУСУРа Виктор Рулевский выступил на заседании.",
        ("Виктор Рулевский", "holdsPosition", f"ректор @ {TUSUR}"),
    ),
    ("Об этом сообщил президент США Барак Обама.", ("Барак Обама", "holdsPosition", "президент @ США")),
    (
        "Встреча прошла с участием начальника инновационного управления ТУСУРа Юрия Борисовича Гриценко.",
        ("Юрий Борисович Гриценко", "holdsPosition", f"начальник инновационного управления @ {TUSUR}"),
    ),
    # posts after the name (apposition)
    (
        "В сессии примет участие Андрей Поздняков, президент группы компаний «Элекард», и другие эксперты.",
        ("Андрей Поздняков", "holdsPosition", "президент @ Элекард"),
    ),
    # a territorial post resolved to the region of the article; the holder is an official
    (
        "Хабаровский край развивает промышленность. По словам губернатора Дмитрия Демешина, в Хабаровском крае растет экспорт.",
        ("Дмитрий Демешин", "holdsPosition", "губернатор @ Хабаровский край"),
    ),
    # "и.о. министра … края": the ministry of the article's region
    (
        "Конгресс пройдет в Хабаровском крае. Об этом рассказал и.о. министра промышленности и торговли края Алексей Абросимов.",
        (
            "Алексей Абросимов",
            "holdsPosition",
            "исполняющий обязанности министра промышленности и торговли @ Министерство промышленности и торговли Хабаровского края",
        ),
    ),
    # participation and its kinds
    (
        "Ректор ТУСУРа Виктор Рулевский выступил модератором круглого стола «Кадры для электроники», "
        "который состоялся на XII Международном форуме «Технопром-2025» в Новосибирске.",
        ("Виктор Рулевский", "moderated", "Кадры для электроники"),
    ),
    (
        "ТУСУР примет участие в стратегической сессии «Развитие кластеров», которая состоится в Москве.",
        (TUSUR, "participatedIn", "Развитие кластеров"),
    ),
    (
        "Делегация области под руководством вице-губернатора Ивана Петрова посетила выставку «Иннопром-2024».",
        ("Иван Петров", "ledDelegationTo", "Иннопром-2024"),
    ),
    # events: sub-event, place, dates, organiser, edition
    (
        "Ректор ТУСУРа Виктор Рулевский выступил модератором круглого стола «Кадры для электроники», "
        "который состоялся на XII Международном форуме «Технопром-2025» в Новосибирске.",
        ("Кадры для электроники", "partOf", "Технопром-2025"),
    ),
    (
        "Международная промышленная выставка «Иннопром-2024» проходит с 8 по 11 июля 2024 года в г. Екатеринбурге.",
        ("Иннопром-2024", "heldIn", "Екатеринбург"),
    ),
    (
        "Международная промышленная выставка «Иннопром-2024» проходит с 8 по 11 июля 2024 года в г. Екатеринбурге.",
        ("Иннопром-2024", "endDate", "2024-07-11"),
    ),
    (
        "В этом году «Технопром-2024», организованный Правительством Новосибирской области, пройдет с 27 по 30 августа.",
        ("Технопром-2024", "organizedBy", "Правительство Новосибирской области"),
    ),
    (
        "В этом году «Технопром-2024», организованный Правительством Новосибирской области, пройдет с 27 по 30 августа.",
        ("Технопром-2024", "startDate", "2024-08-27"),
    ),
    (
        "Делегация обсудила участие в XI Международном форуме «Технопром-2024».",
        ("Технопром-2024", "editionNumber", "11"),
    ),
    (
        "Делегация обсудила участие в XI Международном форуме «Технопром-2024».",
        ("Технопром-2024", "editionOf", "Технопром"),
    ),
    # a headline with no full stop is its own sentence, not the subject of the next one
    (
        "Новым ректором ТУСУРа назначен Виктор Рулевский\nВиктор Рулевский руководил кафедрой в университете.",
        ("Виктор Рулевский", "holdsPosition", f"новый ректор @ {TUSUR}"),
    ),
    # a masculine post and name tagged Gen and Acc (one form) still agree
    (
        "Совет директоров уволил директора «Газпрома» Ивана Петрова.",
        ("Иван Петров", "holdsPosition", "директор @ Газпром"),
    ),
    # a country adjective names the country of a national post ...
    (
        "Британский премьер Борис Джонсон выступил в Москве.",
        ("Борис Джонсон", "affiliatedWith", "Великобритания"),
    ),
    # but only a nationality for other posts and professions: the role stays, with no organisation
    (
        "Российский предприниматель Иван Петров выступил в Москве.",
        ("Иван Петров", "holdsPosition", "предприниматель @ None"),
    ),
    ("Американский певец Иван Петров выступил в Москве.", ("Иван Петров", "holdsPosition", "певец @ None")),
    # a noun predicate with "быть", and the posts joined to it
    (
        "Иван Петров был министром финансов, а затем министром экономики.",
        ("Иван Петров", "holdsPosition", "министр экономики @ None"),
    ),
    # "он" is the man named just before
    (
        "Иван Петров родился в Томске. В 2005 году он был назначен ректором ТУСУРа.",
        ("Иван Петров", "holdsPosition", f"ректор @ {TUSUR}"),
    ),
    # verb affiliations reach organisations joined by "и" and named in apposition
    ("Иван Петров работал в «Газпроме» и «Роснефти».", ("Иван Петров", "affiliatedWith", "Роснефть")),
    ("Иван Петров избирается от партии «Яблоко».", ("Иван Петров", "affiliatedWith", "Яблоко")),
    # a plural post over a list of names, across a parenthesis
    (
        "На фестиваль приехали писатели Павел Иванов (Москва), Олег Смирнов и Анна Белова.",
        ("Анна Белова", "holdsPosition", "писатель @ None"),
    ),
    # coordinated posts before one name: each is the person's
    (
        "Писатель, поэт и переводчик Иван Петров выступил в Томске.",
        ("Иван Петров", "holdsPosition", "писатель @ None"),
    ),
    # a post's organisation and the organisation it belongs to
    (
        "Председатель Совета директоров «Газпрома» Иван Петров выступил в Томске.",
        ("Иван Петров", "affiliatedWith", "Газпром"),
    ),
    # "из <организации>" right after a name
    ("На сцену вышел Иван Петров из группы «Звери».", ("Иван Петров", "affiliatedWith", "Звери")),
    # prepositional phrases inside a post, behind their modifiers
    (
        "Директор НАСА по космическим полётам Джон Смит выступил в Москве.",
        ("Джон Смит", "holdsPosition", "директор @ НАСА"),
    ),
    (
        "Посол Евросоюза на Южном Кавказе Джон Смит выступил в Москве.",
        ("Джон Смит", "affiliatedWith", "Евросоюз"),
    ),
    # two posts in a row before a name, both in its case, are two posts
    (
        "Представитель армии полковник Иван Петров выступил в Москве.",
        ("Иван Петров", "holdsPosition", "полковник @ None"),
    ),
    # a short name in parentheses inside a post, and a post's body "при" another
    (
        "Пресс-секретарь Фонда защиты природы (ФЗП) Иван Петров выступил в Москве.",
        ("Иван Петров", "holdsPosition", "пресс-секретарь @ Фонд защиты природы"),
    ),
    (
        "Официальный представитель Следственного комитета при Министерстве юстиции Иван Петров заявил об этом.",
        ("Иван Петров", "affiliatedWith", "Следственный комитет"),
    ),
    # the object of a verb of appointing gets the post, a pronoun object too
    (
        "Президент назначил Ивана Петрова министром финансов.",
        ("Иван Петров", "holdsPosition", "министр финансов @ None"),
    ),
    (
        "Сергей Смирнов родился в Томске. В 2005 году губернатор назначил его на должность министра финансов.",
        ("Сергей Смирнов", "holdsPosition", "министр финансов @ None"),
    ),
    # a post after a name and a comma stops before a name in the genitive that depends on it
    (
        "Слово взяла Мария Иванова, первый заместитель Петрова.",
        ("Мария Иванова", "holdsPosition", "первый заместитель @ None"),
    ),
    # a profession of the arts right before one name is a post even with no organisation
    ("Скульптор Иван Петров открыл выставку.", ("Иван Петров", "holdsPosition", "скульптор @ None")),
    # several posts after a name, one per comma, past a name a post depends on and a date
    (
        "Вчера умер Иван Петров, соратник Сергея Смирнова, министр финансов Томской области в 1990-х годах, "
        "председатель правления «Газпрома».",
        ("Иван Петров", "holdsPosition", "председатель правления @ Газпром"),
    ),
    (
        "Вчера умер Иван Петров, соратник Сергея Смирнова, министр финансов Томской области в 1990-х годах, "
        "председатель правления «Газпрома».",
        ("Иван Петров", "holdsPosition", "министр финансов @ Министерство финансов Томской области"),
    ),
    # a post's holder is also affiliated with the body that sent them ("от партии …")
    (
        "Законопроект внёс член Совета Федерации от партии «Яблоко» Иван Петров.",
        ("Иван Петров", "affiliatedWith", "Яблоко"),
    ),
    # a participle describing the person works like the verb
    ("Иван Петров, работавший в «Газпроме», ушёл на пенсию.", ("Иван Петров", "affiliatedWith", "Газпром")),
    # meetings and agreements
    (
        "Состоялась встреча губернатора Томской области Ивана Петрова с послом Франции Пьером Дюбуа.",
        ("Иван Петров", "metWith", "Пьер Дюбуа"),
    ),
    ("ПАО «МТС» и ТУСУР подписали соглашение о сотрудничестве.", ("МТС", "agreementWith", TUSUR)),
]

NEGATIVE = [
    # a name with no post, or a post word that is not a post of the person
    ("Встречу провел Иван Петров.", "holdsPosition"),
    ("По инициативе Ивана Петрова в городе открыт центр.", "holdsPosition"),
    # Gen and Acc agree only for a masculine name: the daughter is not the president
    ("Журналисты встретили дочь президента Марию Петрову.", "holdsPosition"),
    # a nationality is not an employer
    ("Американский певец Иван Петров выступил в Москве.", "affiliatedWith"),
    ("Российский предприниматель Иван Петров выступил в Москве.", "affiliatedWith"),
    # "он" after a woman's name, or after a name in the genitive only, has no antecedent
    ("Мария Иванова родилась в Томске. В 2005 году он был назначен ректором ТУСУРа.", "holdsPosition"),
    ("Мы говорили о книге Сергея Смирнова. В 2005 году он был назначен ректором ТУСУРа.", "holdsPosition"),
    # a plural post in the genitive of a noun opens no list of names
    ("Сотрудники Музея Анны Ахматовой провели экскурсию.", "holdsPosition"),
    ("Об этом сказал спикер палаты представителей, Иван Петров.", "holdsPosition"),
    # coordinated posts of two people: the first lady is not the president
    ("Президент и первая леди Мишель Обама посетили школу.", "holdsPosition"),
    # "из" and a place is where one comes from; an organisation under another noun is not the verb's
    ("Иван Петров из Москвы выступил в Томске.", "affiliatedWith"),
    # a name in parentheses is no short name of an organisation
    ("Как сообщил Иван Петров (Москва) Сергей Смирнов уехал.", "holdsPosition"),
    ("Иван Петров работал над проектом для «Газпрома».", "affiliatedWith"),
    # ... but not over a list of names, and a title won is not a post
    ("В турнире играли шахматисты Иван Петров и Сергей Смирнов.", "holdsPosition"),
    ("Чемпион мира Иван Петров приехал в Томск.", "holdsPosition"),
    # a participle of another verb ties no one to the organisation
    ("Иван Петров, говоривший о «Газпроме», ушёл на пенсию.", "affiliatedWith"),
    # talking about a forum is not taking part in it
    (
        "Форум «Технопром-2025» пройдет в Новосибирске. Иван Петров рассказал о планах на год.",
        "participatedIn",
    ),
    # discussing an agreement is not signing it
    ("ПАО «МТС» и ТУСУР обсудили будущее соглашение.", "agreementWith"),
    # a meeting needs two people
    ("Встреча по вопросам экологии прошла в мэрии.", "metWith"),
    # page furniture after the story yields no links to the story's events
    (
        "Форум «Технопром-2025» пройдет в Новосибирске в августе. На форуме обсудят технологии и кадры для регионов.\n\n"
        "Популярное\n\nИван Петров посетил форум «Технопром-2025» и выступил там.",
        "participatedIn",
    ),
]


# facts that must not come out of a sentence that yields others
NOT_FACTS = [
    # a post in the genitive after another is its complement, not a second post of the name
    (
        "По мнению полпреда президента Ивана Петрова, всё хорошо.",
        ("Иван Петров", "holdsPosition", "президент @ None"),
    ),
    # a post after a name and a comma, right before another name, is that name's post
    (
        "Командир экспедиции Иван Петров, бортинженер Сергей Смирнов и другие выступили.",
        ("Иван Петров", "holdsPosition", "бортинженер @ None"),
    ),
    # an apposition in another case than the name is not the name's
    (
        "Вчера умер Иван Петров, соратник Сергея Смирнова, министр финансов Томской области.",
        ("Сергей Смирнов", "holdsPosition", "министр финансов @ Министерство финансов Томской области"),
    ),
    # "кандидат в президенты": a post sought, not a plural post over a list of names
    (
        "В выборах участвовал кандидат в президенты России Сергей Смирнов.",
        ("Сергей Смирнов", "holdsPosition", "президент @ Россия"),
    ),
    # "его" is not the subject of its own verb
    (
        "Президент Иван Петров назначил его министром финансов.",
        ("Иван Петров", "holdsPosition", "министр финансов @ None"),
    ),
]


test_positive, _ = fact_tests(POSITIVE, [], lambda f: f"{f[1]}:{f[0]}")
_, test_not_fact = fact_tests([], NOT_FACTS, lambda f: f"{f[1]}:{f[2]}")


@pytest.mark.parametrize(("text", "predicate"), NEGATIVE, ids=[p for _, p in NEGATIVE])
def test_negative(extract_ru_text, text, predicate):
    _, facts = extract_ru_text(text)
    assert not [f for f in facts if f[1] == predicate], sorted(facts)


def test_sub_property_keeps_evidence(extract_ru_text):
    ext, _ = extract_ru_text(POSITIVE[6][0])
    for fact in ext.facts:
        assert fact.evidence is not None
        assert ext.article.text[fact.evidence.start : fact.evidence.stop] == fact.evidence.sentence


def test_official_type(extract_ru_text):
    ext, _ = extract_ru_text(POSITIVE[4][0])
    person = next(e for e in ext.entities if e.name == "Дмитрий Демешин")
    assert "Official" in person.extra_types
