"""Resolution: forms of one name, merges inside an article, one node across articles and languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from extractors.doc import Article
from extractors.nameforms import abbreviates, inflection_of, same_word, sounds_alike
from extractors.resolve import resolve_mentions
from graph.store.ids import entity_iri, person_key

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "data" / "articles"
TUSUR = "Томский государственный университет систем управления и радиоэлектроники"

# -- forms of one name ----------------------------------------------------------------------------

SAME_WORD = [
    ("Рулевского", "Рулевский", True),
    ("Обамы", "Обама", True),
    ("Маккаррика", "Маккаррик", True),
    ("Сергея", "Сергей", True),
    ("Ждановой", "Жданова", True),
    ("Петрова", "Петров", True),  # a genitive, or a wife: resolution asks which persons the article has
    ("Петров", "Петровский", False),
    ("Иванов", "Иваненко", False),
    ("Хо", "Хоулетт", False),
    ("Буфье", "Буффье", False),
]


@pytest.mark.parametrize("a, b, expected", SAME_WORD, ids=[f"{a}~{b}" for a, b, _ in SAME_WORD])
def test_same_word(a, b, expected):
    assert same_word(a, b) is expected


ABBREVIATIONS = [
    ("МВД", "Министерство внутренних дел", True),
    ("СК", "Следственный комитет", True),
    ("ФБК", "Фонд борьбы с коррупцией", True),
    ("Совбез", "Совет безопасности", True),
    ("РАНХиГС", "Российская академия народного хозяйства и государственной службы", True),
    ("ХДС", "Христианско-демократический союз Германии", True),
    ("МГИМО", "Московский государственный институт международных отношений", True),
    ("ZESN", "Zimbabwe Election Support Network", True),
    ("МВД", "Министерство обороны", False),
    ("МТС", "МТС", False),
    ("Минск", "Министерство сельского хозяйства", False),
    ("СК", "Спортивный клуб «Динамо»", False),
]


@pytest.mark.parametrize("abbr, name, expected", ABBREVIATIONS)
def test_abbreviates(abbr, name, expected):
    assert abbreviates(abbr, name) is expected


def test_inflection_and_sound():
    assert inflection_of("Хабаровского края", "Хабаровский край")
    assert not inflection_of("ТУСУРа", TUSUR)
    assert sounds_alike("Брендт Кристенсен", "Brendt Christensen") > 0.8
    assert sounds_alike("Иван Петров", "Reuters") < 0.5


# -- one romanisation for person IRIs, Cyrillic and Latin ----------------------------------------

PERSON_KEYS = [
    ("Сергей Бочаров", "Sergey Bocharov"),
    ("Сергей Бочаров", "Sergei Bocharov"),
    ("Евгения Жданова", "Evgenia Zhdanova"),
    ("Евгения Жданова", "Yevgenia Zhdanova"),
    ("Юрий Петухов", "Yuri Petukhov"),
    ("Юрий Петухов", "Yury Petukhov"),
    ("Юрий Петухов", "Iurii Petukhov"),
    ("Виктор Рулевский", "Viktor Rulevsky"),
    ("Виктор Рулевский", "Viktor Rulevskii"),
    ("Дмитрий Чернышенко", "Dmitry Chernyshenko"),
    ("Алексей Григорьев", "Alexei Grigoriev"),
    ("Пётр Фёдоров", "Pyotr Fyodorov"),
    ("Вячеслав Володин", "Viacheslav Volodin"),
    ("Ксения Собчак", "Xenia Sobchak"),
    ("Михаил Мишустин", "Mihail Mishustin"),
    ("Юрий Борисович Гриценко", "Yuriy Gritsenko"),
    ("Лев Толстой", "Lev Tolstoi"),
    ("Алексей Навальный", "Alexei Navalny"),
    ("Людмила Алексеева", "Liudmila Alexeyeva"),
]


@pytest.mark.parametrize("russian, english", PERSON_KEYS)
def test_person_key_joins_romanisations(russian, english):
    assert person_key(russian) == person_key(english)
    assert entity_iri("Person", russian) == entity_iri("Person", english)


def test_person_key_keeps_other_names_and_readable_iris():
    assert person_key("John Kennedy") == "john kennedy"  # no Russian rules for an English name
    assert person_key("Harry Potter") == "harry potter"
    assert str(entity_iri("Person", "Виктор Рулевский")).endswith("/person/viktor-rulevskiy")
    assert str(entity_iri("Person", "Юрий Петухов")).endswith("/person/yuriy-petukhov")
    assert person_key("Иван Петров") != person_key("Анна Петрова")
    assert entity_iri("Organization", "МТС") == entity_iri("Company", "МТС")  # class changes keep the IRI


# -- resolution inside one article, on hand-made candidates (no models) ---------------------------


def cands_of(text: str, spec: list[tuple[str, str, str]]) -> list:
    """Candidates at the first free occurrence of each surface: (surface, class, canonical name)."""
    from extractors.ru.spans import Cand
    from extractors.vocab import load_gazetteer

    out, taken = [], []
    for surface, type_name, name in spec:
        at = text.index(surface)
        while any(a < at + len(surface) and at < b for a, b in taken):
            at = text.index(surface, at + 1)
        taken.append((at, at + len(surface)))
        entry = load_gazetteer().get(name)
        known = entry is not None and entry.name == name  # as spans.py marks a gazetteer name
        out.append(Cand(at, at + len(surface), type_name, name, None, gazetteer=known))
    return sorted(out, key=lambda c: c.start)


def nodes_of(text: str, spec) -> dict[str, set[str]]:
    """Entity name -> the texts of its mentions."""
    resolved = resolve_mentions(cands_of(text, spec), text)
    out: dict[str, set[str]] = {}
    for m in resolved.mentions:
        out.setdefault(resolved.entities[m.key].name, set()).add(m.text)
    return out


MERGED = [
    # surname alone, inflected, after the full name
    (
        "Ректор Виктор Рулевский открыл форум. Рулевского поблагодарили.",
        [("Виктор Рулевский", "Person", "Виктор Рулевский"), ("Рулевского", "Person", "Рулевский")],
        "Виктор Рулевский",
        {"Виктор Рулевский", "Рулевского"},
    ),
    # first name alone, initials, variants of a foreign name the normaliser could not inflect
    (
        "Габриэл Уортман задержан. Позже Габриэл был застрелен.",
        [("Габриэл Уортман", "Person", "Габриэл Уортман"), ("Габриэл", "Person", "Габриэл")],
        "Габриэл Уортман",
        {"Габриэл Уортман", "Габриэл"},
    ),
    (
        "Президент Барак Обама выдвинул Коми. Б. Обама заявил об этом.",
        [("Барак Обама", "Person", "Барак Обама"), ("Б. Обама", "Person", "Б. Обама")],
        "Барак Обама",
        {"Барак Обама", "Б. Обама"},
    ),
    (
        "Андреа Падована знают все. Андреа Падован рассказал о маске.",
        [("Андреа Падована", "Person", "Андреа Падована"), ("Андреа Падован", "Person", "Андреа Падован")],
        "Андреа Падован",
        {"Андреа Падована", "Андреа Падован"},
    ),
    # a surname the tagger missed, in a headline before the full name
    (
        "Путин подписал закон\nВладимир Путин подписал закон о пенсиях.",
        [("Владимир Путин", "Person", "Владимир Путин")],
        "Владимир Путин",
        {"Владимир Путин", "Путин"},
    ),
    # the name in its own script in brackets, a nickname
    (
        "29-летний Брендт Кристенсен (Brendt Christensen) похитил студентку.",
        [("Брендт Кристенсен", "Person", "Брендт Кристенсен")],
        "Брендт Кристенсен",
        {"Брендт Кристенсен", "Brendt Christensen"},
    ),
    (
        "Шон Картер, известный как Джей Зи, сменил псевдоним.",
        [("Шон Картер", "Person", "Шон Картер"), ("Джей Зи", "Person", "Джей Зи")],
        "Шон Картер",
        {"Шон Картер", "Джей Зи"},
    ),
    # abbreviations: defined in brackets, then used alone; an acronym of a name of the article
    (
        "Пресс-секретарь Фонда борьбы с коррупцией (ФБК) Кира Ярмыш. ФБК сообщил о проверке.",
        [("Фонда борьбы с коррупцией", "Organization", "Фонд борьбы с коррупцией")],
        "Фонд борьбы с коррупцией",
        {"Фонда борьбы с коррупцией", "ФБК"},
    ),
    (
        "Сотрудники Следственного комитета пришли в штаб. СК начал проверку.",
        [("Следственного комитета", "GovernmentBody", "Следственный комитет"), ("СК", "Organization", "СК")],
        "Следственный комитет",
        {"Следственного комитета", "СК"},
    ),
    (
        "Тимур возглавил ООО «МНКТ». Акционерами МНКТ были сыновья.",
        [("ООО «МНКТ", "Company", "ООО «МНКТ"), ("МНКТ", "Organization", "МНКТ")],
        "МНКТ",
        {"ООО «МНКТ", "МНКТ"},
    ),
    # a gazetteer name: abbreviation and full name are one node
    (
        "Томский университет систем управления и радиоэлектроники (ТУСУР) провёл конкурс.",
        [
            ("Томский университет систем управления и радиоэлектроники", "University", "Томский университет"),
            ("ТУСУР", "University", TUSUR),
        ],
        TUSUR,
        {"Томский университет систем управления и радиоэлектроники", "ТУСУР"},
    ),
    # "… края" is the ministry of the region the article names
    (
        "Хабаровский край растёт. Министерство промышленности и торговли края сообщило об этом.",
        [
            ("Хабаровский край", "Place", "Хабаровский край"),
            (
                "Министерство промышленности и торговли края",
                "GovernmentBody",
                "Министерство промышленности и торговли края",
            ),
        ],
        "Министерство промышленности и торговли Хабаровского края",
        {"Министерство промышленности и торговли края"},
    ),
]


@pytest.mark.parametrize(
    "text, spec, name, texts",
    MERGED,
    ids=[
        "surname",
        "first-name",
        "initials",
        "variant",
        "repeated-surname",
        "latin-spelling",
        "nickname",
        "abbreviation-in-brackets",
        "acronym",
        "legal-form",
        "gazetteer-abbreviation",
        "region",
    ],
)
def test_merged(text, spec, name, texts):
    nodes = nodes_of(text, spec)
    assert nodes.get(name) == texts, nodes


KEPT_APART = [
    # two persons of one surname, both introduced before the surname alone: it names neither for sure
    (
        "Игорь Малашенко и Елена Малашенко пришли. Малашенко улыбнулся.",
        [
            ("Игорь Малашенко", "Person", "Игорь Малашенко"),
            ("Елена Малашенко", "Person", "Елена Малашенко"),
            ("Малашенко", "Person", "Малашенко"),
        ],
        {"Игорь Малашенко", "Елена Малашенко", "Малашенко"},
    ),
    # another first name is another person
    (
        "Александр Лукашенко назначил сына. Виктор Лукашенко согласился.",
        [
            ("Александр Лукашенко", "Person", "Александр Лукашенко"),
            ("Виктор Лукашенко", "Person", "Виктор Лукашенко"),
        ],
        {"Александр Лукашенко", "Виктор Лукашенко"},
    ),
    # a news agency in brackets is no spelling of the person; a remark in brackets is no name
    (
        "Иван Петров (Reuters) сообщил. Министерство финансов (далее — Министерство) ответило.",
        [
            ("Иван Петров", "Person", "Иван Петров"),
            ("Министерство финансов", "GovernmentBody", "Министерство финансов"),
        ],
        {"Иван Петров", "Министерство финансов"},
    ),
    # an abbreviation that fits two names of the article is left alone
    (
        "Министерство внутренних дел и Министерство водного движения спорят. МВД молчит.",
        [
            ("Министерство внутренних дел", "GovernmentBody", "Министерство внутренних дел"),
            ("Министерство водного движения", "GovernmentBody", "Министерство водного движения"),
            ("МВД", "Organization", "МВД"),
        ],
        {"Министерство внутренних дел", "Министерство водного движения", "МВД"},
    ),
]


@pytest.mark.parametrize(
    "text, spec, names",
    KEPT_APART,
    ids=["two-namesakes", "other-first-name", "brackets-no-name", "two-expansions"],
)
def test_kept_apart(text, spec, names):
    assert set(nodes_of(text, spec)) == names


def test_merges_keep_their_reasons():
    text = "Ректор Виктор Рулевский открыл форум. Рулевского поблагодарили."
    spec = [("Виктор Рулевский", "Person", "Виктор Рулевский"), ("Рулевского", "Person", "Рулевский")]
    (entity,) = resolve_mentions(cands_of(text, spec), text).entities.values()
    assert entity.merge_reasons == ("surname-only → full name in article: «Рулевского» (0.90)",)


# -- the real pipelines, Russian and English ------------------------------------------------------

PIPELINE = [
    (
        "Ректор ТУСУРа Виктор Рулевский выступил на форуме. Рулевский отметил рост числа студентов.",
        "Person",
        "Виктор Рулевский",
        "surname-only",
    ),
    (
        "Пресс-секретарь Фонда борьбы с коррупцией (ФБК) Кира Ярмыш сообщила о проверке.",
        "Organization",
        "Фонд борьбы с коррупцией",
        "abbreviation defined in text",
    ),
    (
        "29-летний Брендт Кристенсен (Brendt Christensen) похитил и убил студентку.",
        "Person",
        "Брендт Кристенсен",
        "name in brackets",
    ),
]


@pytest.mark.parametrize("text, type_name, name, rule", PIPELINE, ids=["surname", "abbreviation", "latin"])
def test_russian_pipeline_merges(extract_ru_text, text, type_name, name, rule):
    ext, _ = extract_ru_text(text)
    found = [e for e in ext.entities if e.name == name]
    assert found and found[0].type == type_name
    assert any(r.startswith(rule) for r in found[0].merge_reasons), found[0].merge_reasons
    keys = {m.key for m in ext.mentions if m.key == found[0].key}
    assert len(keys) == 1


def test_one_person_across_languages(extract_ru_text):
    from extractors.en import extract_en

    ru, _ = extract_ru_text(
        "Ректор Алтайского государственного университета Сергей Бочаров выступил на форуме."
    )
    en = extract_en(Article("Rector of AltSU Sergey Bocharov spoke at the forum.", "en.txt", lang="en"))
    iris = [
        {entity_iri(e.type, e.ident or e.name) for e in ext.entities if e.type in ("Person", "University")}
        for ext in (ru, en)
    ]
    assert iris[0] == iris[1]
    assert any(str(i).endswith("/person/sergey-bocharov") for i in iris[0])


# -- the sample articles, built into a store -------------------------------------------------------


@pytest.fixture(scope="session")
def seeds_store(tmp_path_factory) -> str:
    from graph.cli import cli

    store = str(tmp_path_factory.mktemp("resolve") / "store")
    result = CliRunner().invoke(cli, ["build", str(ARTICLES), "--store", store], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return store


def ask(store: str, sparql: str) -> list[tuple[str, ...]]:
    from graph.store.embedded import open_store

    with open_store(store, read_only=True) as opened:
        return sorted(tuple(str(v) for v in row) for row in opened.query(sparql))


def test_seeds_tusur_is_one_node(seeds_store):
    rows = ask(
        seeds_store,
        'SELECT DISTINCT ?n WHERE { { ?n rdfs:label ?l } UNION { ?n skos:altLabel ?l } FILTER(STR(?l) = "ТУСУР") }',
    )
    assert len(rows) == 1
    assert ask(seeds_store, f"SELECT ?a WHERE {{ <{rows[0][0]}> fg:mentionedIn ?a }}")


def test_seeds_technoprom_series_has_three_editions(seeds_store):
    rows = ask(
        seeds_store,
        "SELECT DISTINCT ?l WHERE { ?e fg:editionOf <https://w3id.org/forumgraph/id/series/tekhnoprom> ; rdfs:label ?l }",
    )
    assert {r[0] for r in rows} >= {"Технопром-2023", "Технопром-2024", "Технопром-2025"}
    assert (
        len(ask(seeds_store, "SELECT DISTINCT ?s WHERE { ?s a fg:EventSeries ; rdfs:label 'Технопром'@ru }"))
        == 1
    )


def test_seeds_rulevsky_is_one_node_in_two_articles(seeds_store):
    rows = ask(
        seeds_store,
        "SELECT DISTINCT ?n ?a WHERE { ?n a fg:Person ; rdfs:label ?l ; fg:mentionedIn ?a "
        "FILTER(CONTAINS(STR(?l), 'Рулевск')) }",
    )
    assert {r[0] for r in rows} == {"https://w3id.org/forumgraph/id/person/viktor-rulevskiy"}
    assert len(rows) == 2


def test_seeds_no_two_persons_share_a_surname(seeds_store):
    rows = ask(seeds_store, "SELECT DISTINCT ?n ?l WHERE { ?n a fg:Person ; rdfs:label ?l }")
    surnames: dict[str, set[str]] = {}
    for node, label in rows:
        surnames.setdefault(person_key(label).split()[-1], set()).add(node)
    assert all(len(nodes) == 1 for nodes in surnames.values()), surnames


def test_seeds_english_names_meet_russian_ones(seeds_store, extract_ru_text):
    ru, _ = extract_ru_text(
        "Ректор АлтГУ Сергей Бочаров и проректор Евгения Жданова рассказали о проекте Алтайского "
        "государственного университета."
    )
    iris = {str(entity_iri(e.type, e.ident or e.name)) for e in ru.entities if e.type != "Position"}
    stored = {r[0] for r in ask(seeds_store, "SELECT DISTINCT ?n WHERE { ?n fg:mentionedIn ?a }")}
    for tail in (
        "/person/sergey-bocharov",
        "/person/evgeniya-zhdanova",
        "/org/altayskiy-gosudarstvennyy-universitet",
    ):
        assert any(i.endswith(tail) for i in iris & stored), tail
    labels = ask(
        seeds_store,
        "SELECT ?l WHERE { <https://w3id.org/forumgraph/id/org/altayskiy-gosudarstvennyy-universitet> skos:altLabel ?l }",
    )
    assert ("AltSU",) in labels


def test_seeds_merge_reasons_are_stored(seeds_store):
    rows = ask(
        seeds_store,
        "SELECT ?r WHERE { <https://w3id.org/forumgraph/id/person/dmitriy-demeshin> fg:mergeReason ?r }",
    )
    assert ("surname-only → full name in article: «Демешин» (0.90)",) in rows
