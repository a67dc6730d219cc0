"""`forumgraph merges`: merged nodes with their reasons, near misses kept apart, namesake warnings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from extractors.doc import Article, Entity, Evidence, Extraction, Fact, Mention
from graph.build.triples import extraction_triples
from graph.cli import cli
from graph.store.embedded import open_store

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "data" / "articles"


def article(source: str, text: str, entities: list[Entity], facts=(), lang: str = "ru") -> Extraction:
    """An extraction whose every entity is mentioned once, at the first place its name is written."""
    mentions = []
    for ent in entities:
        at = text.find(ent.name)
        if at >= 0:
            mentions.append(Mention(at, at + len(ent.name), ent.name, ent.key))
    return Extraction(Article(text, source, lang=lang), tuple(entities), tuple(mentions), tuple(facts))


def works_for(person: str, org: str, text: str) -> Fact:
    return Fact(person, "affiliatedWith", org, Evidence(0, len(text), text))


TEXT_1 = "Иван Петров и Анна Петрова из ТГУ. Петров ушёл. Министерство внутренних дел. Наталья Ильина."
TEXT_2 = "Иван Петров из Газпрома. МВД молчит."
TEXT_3 = "Ivan Petrov spoke. Natalia Ilina too."
EXTRACTIONS = [
    article(
        "one.txt",
        TEXT_1,
        [
            Entity(
                "p1",
                "Person",
                "Иван Петров",
                merge_reasons=("surname-only → full name in article: «Петрова» (0.90)",),
            ),
            Entity("p2", "Person", "Анна Петрова"),
            Entity("p3", "Person", "Петров"),
            Entity("p4", "Person", "Наталья Ильина"),
            Entity("o1", "University", "Томский государственный университет", alt_names=("ТГУ",)),
            Entity("o2", "GovernmentBody", "Министерство внутренних дел"),
        ],
        [works_for("p1", "o1", TEXT_1)],
    ),
    article(
        "two.txt",
        TEXT_2,
        [
            Entity("p1", "Person", "Иван Петров"),
            Entity("o3", "Company", "Газпром"),
            Entity("o4", "Organization", "МВД"),
        ],
        [works_for("p1", "o3", TEXT_2)],
    ),
    article(
        "three.txt",
        TEXT_3,
        [Entity("p1", "Person", "Ivan Petrov", "en"), Entity("p2", "Person", "Natalia Ilina", "en")],
        lang="en",
    ),
]


@pytest.fixture()
def store(tmp_path) -> str:
    location = str(tmp_path / "store")
    with open_store(location) as opened:
        for ext in EXTRACTIONS:
            opened.replace_graph(*extraction_triples(ext))
    return location


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_merged_groups_say_why(store):
    result = run("merges", "--store", store)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    head = next(i for i, line in enumerate(lines) if line.startswith("fgr:person/ivan-petrov "))
    block = []
    for line in lines[head + 1 :]:
        if not line.startswith("  "):
            break
        block.append(line.strip())
    assert "«Иван Петров»@ru" in lines[head] and "«Ivan Petrov»@en" in lines[head]
    assert "- same canonical name in 3 articles: «Иван Петров» (1.00)" in block
    assert "- surname-only → full name in article: «Петрова» (0.90)" in block
    assert any(b.startswith("- transliteration: «Ivan Petrov»@en ~ «Иван Петров»@ru") for b in block)
    # one name, two employers in two articles: flagged as possible namesakes, not split
    assert any(b.startswith("! different organisations: Томский государственный университет") for b in block)


NEAR = [
    ("Иван Петров", "Анна Петрова", "same surname, different first name"),
    ("Иван Петров", "Петров", "a surname alone was not linked to the full name"),
    ("Наталья Ильина", "Natalia Ilina", "similar spelling of the whole name"),
    ("Министерство внутренних дел", "МВД", "abbreviates"),
]


@pytest.mark.parametrize(
    "a, b, reason", NEAR, ids=["other-first-name", "surname-alone", "spelling", "acronym"]
)
def test_near_misses(store, a, b, reason):
    result = run("merges", "--store", store, "--near-only", "--json")
    report = json.loads(result.output)
    assert report["merged"] == []
    found = [n for n in report["near_misses"] if {n["a_label"], n["b_label"]} == {a, b}]
    assert found and reason in found[0]["reason"], report["near_misses"]


def test_no_near_miss_between_unrelated_names(store):
    report = json.loads(run("merges", "--store", store, "--json").output)
    pairs = {frozenset((n["a_label"], n["b_label"])) for n in report["near_misses"]}
    assert frozenset(("Анна Петрова", "Наталья Ильина")) not in pairs
    assert frozenset(("Газпром", "МВД")) not in pairs


def test_missing_store_is_one_line(tmp_path):
    result = CliRunner().invoke(cli, ["merges", "--store", str(tmp_path / "nothing")])
    assert result.exit_code == 1
    assert "no store here" in result.output and "Traceback" not in result.output


@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> tuple[str, Path]:
    base = tmp_path_factory.mktemp("merges")
    store = str(base / "store")
    assert run("build", str(ARTICLES), "--store", store).exit_code == 0
    out = base / "one.trig"
    assert run("export", "--store", store, "-o", str(out)).exit_code == 0
    return store, out


def test_seeds_merges(seeds):
    output = run("merges", "--store", seeds[0]).output
    assert "fgr:person/viktor-rulevskiy  Person  «Виктор Рулевский»@ru  (2 articles)" in output
    tusur = next(line for line in output.splitlines() if "tomskiy-gosudarstvennyy-universitet-sistem" in line)
    assert "«ТУСУР»@ru" in tusur
    assert "alternative name in the text: «AltSU» (1.00)" in output
    assert output.endswith("near misses, kept apart: 0\n")


def test_seeds_build_is_byte_identical(seeds, tmp_path):
    store = str(tmp_path / "again")
    assert run("build", str(ARTICLES), "--store", store).exit_code == 0
    again = tmp_path / "two.trig"
    assert run("export", "--store", store, "-o", str(again)).exit_code == 0
    assert again.read_bytes() == seeds[1].read_bytes()
    assert run("merges", "--store", store).output == run("merges", "--store", seeds[0]).output
