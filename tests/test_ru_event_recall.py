"""Event participation and place recall (issue 15): chairs, participles, shared subjects, dropped subjects,
captions, the object of an impersonal verb, a place shared by a conjunction or by the verb of the event,
the place an event's quoted title names."""

from __future__ import annotations

from factcases import fact_tests

FACTS = [
    # "под председательством X": who chairs a gathering takes part in it
    (
        "Заседание правительства по борьбе с пандемией утром 6 апреля пройдёт под председательством "
        "министра иностранных дел Доминика Рааба.",
        ("Доминик Рааба", "participatedIn", "заседание правительства"),
    ),
    # a participle of taking part qualifying the person
    (
        "Присутствовавший на заседании Сурков не согласился с Владимиром Путиным по некоторым вопросам.",
        ("Сурков", "participatedIn", "заседание"),
    ),
    # a verb with no subject of its own shares that of the verb it depends on ("отправился давать")
    (
        "С этими словами Квачков отправился давать пресс-конференцию на свободе.",
        ("Квачков", "participatedIn", "пресс-конференция"),
    ),
    # the event as the setting through its opening, in a gerund: the subject of the main verb
    (
        "Выступая на открытии совещания, губернатор Иван Петров заявил о росте бюджета.",
        ("Иван Петров", "participatedIn", "совещание"),
    ),
    # a caption: the person holding a prize won at the festival
    (
        "Режиссёр Глеб Панфилов с призом за вклад в кинематограф на 21 кинофестивале «Кинотавр»",
        ("Глеб Панфилов", "participatedIn", "Кинотавр"),
    ),
    # a main clause with no subject written: the one person named just before
    (
        "Юрий Бондарев родился в 1924 году в Орске. "
        "В 1988 году на Всесоюзной партийной конференции раскритиковал перестройку.",
        ("Юрий Бондарев", "participatedIn", "Всесоюзная партийная конференция"),
    ),
    # the object pronoun of a plural verb with no subject ("его спросили"): the person it stands for
    (
        "«Я не могу вам точно сказать», – сказал Трамп, когда его спросили о состоянии здоровья "
        "Ким Чен Ына на пресс-конференции в Белом доме.",
        ("Трамп", "participatedIn", "пресс-конференция"),
    ),
    # places joined by "и" share the first one's "в"
    (
        "В списке мероприятий значились конференции в Берлине и Москве.",
        ("конференции", "heldIn", "Москва"),
    ),
    # the place of the verb whose setting the gathering is
    (
        "Политик заявил в Казани на пресс-конференции, что уходит в отставку.",
        ("пресс-конференция", "heldIn", "Казань"),
    ),
    # more verbs of holding (vocab/triggers.tsv): открываться, начаться, завершиться …
    (
        "Сегодня в Дохе открывается заседание Форума стран-экспортеров газа.",
        ("заседание Форума стран-экспортеров газа", "heldIn", "Доха"),
    ),
    # the city the first word of a quoted title names
    (
        "Музыкант встретился с менеджером Международного музыкального фестиваля «Ереванские перспективы».",
        ("Ереванские перспективы", "heldIn", "Ереван"),
    ),
    # a place after "в" in a quoted title is a place of its own, where the event is
    (
        "В пятницу открылся фестиваль «Дни кино в Москве».",
        ("Дни кино в Москве", "heldIn", "Москва"),
    ),
]

NOT_FACTS = [
    # "пригласил на встречу": where one is asked to go, not where one is
    (
        "Иван Петров позвонил мне и пригласил на встречу.",
        ("Иван Петров", "participatedIn", "встреча"),
    ),
    # "попросил венесуэльцев проголосовать": the object votes, not the subject
    (
        "Перед отъездом Уго Чавес попросил венесуэльцев на возможных выборах проголосовать за вице-президента.",
        ("Уго Чавес", "participatedIn", "возможные выборы"),
    ),
    # a dropped subject must agree in gender with the verb
    (
        "Анна Сидорова приехала в Новосибирск. На конференции выступил с докладом.",
        ("Анна Сидорова", "spokeAt", "конференция"),
    ),
    # "под председательством" of a negated verb
    (
        "Заседание комиссии не прошло под председательством Ивана Петрова.",
        ("Иван Петров", "participatedIn", "заседание комиссии"),
    ),
]


test_event_recall_fact, test_event_recall_not_fact = fact_tests(
    FACTS, NOT_FACTS, lambda f: f"{f[1]}:{f[0]}", date="2024-03-01"
)


def test_title_place_is_an_entity(extract_ru_text):
    ext, _ = extract_ru_text("В пятницу открылся фестиваль «Дни кино в Москве».", date="2024-03-01")
    assert ("Place", "Москва") in {(e.type, e.name) for e in ext.entities}


def test_other_title_names_stay_inside(extract_ru_text):
    """Only a place after "в"/"на" leaves the title: «Москва слезам не верит» names no place of its own."""
    ext, _ = extract_ru_text("В пятницу открылся фестиваль «Москва и москвичи».", date="2024-03-01")
    assert ("Place", "Москва") not in {(e.type, e.name) for e in ext.entities}
