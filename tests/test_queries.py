"""The example queries in data/queries: each runs, and answers what the gold facts of the seeds say."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.cli import cli

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "data" / "articles"
QUERIES = sorted((ROOT / "data" / "queries").glob("*.rq"))
GOLD_PATH = Path("/work/shared/gold/seeds.json")
pytestmark = pytest.mark.slow  # builds the seeds with the natasha models

# Names of the gold entities the expectations use (from /work/shared/gold/seeds.json).
NAMES = {
    "rulevsky": ["Виктор Рулевский"],
    "petukhov": ["Юрий Петухов"],
    "parkhomchik": ["Петр Пархомчик", "Пётр Пархомчик"],
    "chernyshenko": ["Дмитрий Чернышенко", "Dmitry Chernyshenko"],
    "zhdanova": ["Евгения Жданова", "Evgenia Zhdanova"],
    "altsu": ["Алтайский государственный университет", "АлтГУ", "AltSU", "Altai State University"],
    "tusur": ["Томский государственный университет систем управления и радиоэлектроники", "ТУСУР"],
    "mts": ["МТС", "ПАО «МТС»", "ПАО МТС"],
    "nso": ["Новосибирская область", "НСО"],
    "belarus": ["Республика Беларусь", "Беларусь"],
    "ekb": ["Екатеринбург"],
    "novosibirsk": ["Новосибирск"],
    "gov_nso": ["Правительство Новосибирской области"],
    "technoprom": ["Технопром", "Technoprom"],
    "technoprom2023": ["Технопром-2023", "Technoprom 2023", "Technoprom-2023"],
    "technoprom2024": ["Технопром-2024"],
    "technoprom2025": ["Технопром-2025"],
    "innoprom2024": ["Иннопром-2024"],
    "innoprom_by": ["ИННОПРОМ. Беларусь"],
    "rb_roundtable": [
        "Россия-Беларусь: технологическое лидерство и подготовка кадров в области интеллектуальных систем, "
        "электроники и беспилотных технологий"
    ],
}


def fold(text: str) -> str:
    """Case-, quote- and yo-insensitive, as the gold's matching rule says."""
    return re.sub(r"[«»\"'“”]", "", str(text)).replace("ё", "е").replace("Ё", "Е").casefold().strip()


def named(cell, entity: str) -> bool:
    return fold(cell) in {fold(n) for n in NAMES[entity]}


def mentions(cell, entity: str) -> bool:
    """The cell (a name, or several joined by '; ') holds one of the entity's names."""
    return any(named(part.split(" (through ")[0], entity) for part in str(cell).split("; "))


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("queries") / "store"
    result = CliRunner().invoke(cli, ["build", str(ARTICLES), "--store", str(path)])
    assert result.exit_code == 0, result.output or repr(result.exception)
    return str(path)


@pytest.fixture(scope="module")
def answers(store_dir) -> dict[str, list[dict[str, str]]]:
    """Every query's rows (variable -> value as text), run through `forumgraph query -f FILE --format json`."""
    out = {}
    for path in QUERIES:
        result = CliRunner().invoke(cli, ["query", "-f", str(path), "--store", store_dir, "--format", "json"])
        assert result.exit_code == 0, f"{path.name}: {result.output}"
        data = json.loads(result.output)
        out[path.stem] = [{k: v["value"] for k, v in row.items()} for row in data["results"]["bindings"]]
    return out


def test_there_are_enough_queries_with_headers():
    assert len(QUERIES) >= 8
    for path in QUERIES:
        text = path.read_text(encoding="utf-8")
        assert text.startswith("# "), f"{path.name}: expected a # comment header"
        assert "Answers:" in text, f"{path.name}: expected the header to say what it answers"


def test_sparqlwrapper_sees_select_queries():
    """SPARQLWrapper guesses a query's form from the first keyword-like word left after it strips
    comments, and it leaves every other line of a comment block: a header saying "add" or
    "delete" would make it send the query as an update."""
    sparqlwrapper = pytest.importorskip("SPARQLWrapper")
    for path in QUERIES:
        client = sparqlwrapper.SPARQLWrapper("http://127.0.0.1:1/query")
        client.setQuery(path.read_text(encoding="utf-8"))
        assert client.queryType == "SELECT", path.name


@pytest.mark.parametrize("path", QUERIES, ids=[p.stem for p in QUERIES])
def test_query_runs_from_the_cli(store_dir, path):
    result = CliRunner().invoke(cli, ["query", "-f", str(path), "--store", store_dir])
    assert result.exit_code == 0, result.output or repr(result.exception)
    assert re.search(r"\(\d+ rows?\)$", result.output.strip())


def test_editions_of_technoprom(answers):
    rows = [r for r in answers["editions"] if named(r["series"], "technoprom")]
    years = {
        r["year"]
        for r in rows
        if named(r["edition"], "technoprom2024") or named(r["edition"], "technoprom2025")
    }
    assert years == {"2024", "2025"}


def test_editions_include_technoprom_2023(answers):
    assert any(
        named(r["series"], "technoprom") and named(r["edition"], "technoprom2023")
        for r in answers["editions"]
    )


def test_editions_know_dates_place_and_organiser(answers):
    row = next((r for r in answers["editions"] if named(r["edition"], "technoprom2024")), {})
    assert (row.get("start"), row.get("end")) == ("2024-08-27", "2024-08-30")
    assert mentions(row.get("place", ""), "nso") and mentions(row.get("organiser", ""), "gov_nso")
    assert any(
        named(r["edition"], "technoprom2025") and mentions(r.get("place", ""), "novosibirsk")
        for r in answers["editions"]
    )


def test_officials_of_the_region_at_the_forum(answers):
    rows = answers["officials_at_forum"]
    assert any(
        named(r["official"], "petukhov")
        and r["post"] == "первый заместитель губернатора"
        and named(r["event"], "innoprom2024")
        for r in rows
    )


def test_universities_at_technoprom_by_year(answers):
    rows = answers["technoprom_universities"]
    assert any(
        r["year"] == "2025" and named(r["university"], "tusur") and mentions(r["via"], "rulevsky")
        for r in rows
    )


def test_universities_at_technoprom_2023(answers):
    assert any(
        r["year"] == "2023" and named(r["university"], "altsu") for r in answers["technoprom_universities"]
    )


def test_moderators(answers):
    rows = answers["moderators"]
    assert any(
        named(r["who"], "rulevsky")
        and r["how"] == "moderated"
        and named(r["event"], "rb_roundtable")
        and mentions(r["within"], "technoprom2025")
        for r in rows
    )


def test_moderators_and_speakers_of_technoprom_2023(answers):
    rows = answers["moderators"]
    assert any(
        named(r["who"], "chernyshenko") and r["how"] == "moderated" and named(r["event"], "technoprom2023")
        for r in rows
    )
    assert any(
        named(r["who"], "zhdanova") and r["how"] == "spoke at" and named(r["event"], "technoprom2023")
        for r in rows
    )


def test_meetings_across_territories(answers):
    rows = answers["meetings"]

    def at(name: str, place: str, person: str, territory: str) -> bool:
        return named(name, person) and named(place, territory)

    assert any(
        (
            at(r["personA"], r["territoryA"], "parkhomchik", "belarus")
            and at(r["personB"], r["territoryB"], "petukhov", "nso")
        )
        or (
            at(r["personA"], r["territoryA"], "petukhov", "nso")
            and at(r["personB"], r["territoryB"], "parkhomchik", "belarus")
        )
        for r in rows
    )


def test_people_connected_to_two_forums(answers):
    rows = [r for r in answers["two_forums"] if named(r["person"], "rulevsky")]
    assert (
        rows
        and mentions(rows[0]["connections"], "technoprom2025")
        and mentions(rows[0]["connections"], "innoprom_by")
    )


def test_timeline_of_rulevsky(answers):
    rows = answers["timeline"]
    assert any(
        r["what"] == "moderated" and named(r["detail"], "rb_roundtable") and r.get("when") == "2025"
        for r in rows
    )
    assert any(r["what"] == "holds the post: ректор" and named(r["detail"], "tusur") for r in rows)


def test_events_by_place_and_month(answers):
    rows = {(r["month"], fold(r["place"]), fold(r["names"])) for r in answers["events_by_place_month"]}
    assert ("2024-07", fold("Екатеринбург"), fold("Иннопром-2024")) in rows
    assert any(
        month == "2024-08" and place == fold("Новосибирская область") and fold("Технопром-2024") in names
        for month, place, names in rows
    )


def test_evidence_of_rulevsky_moderating(answers):
    rows = [
        r
        for r in answers["evidence"]
        if r["p"].endswith("#moderated") and r["s"].endswith("/viktor-rulevskiy")
    ]
    assert rows and all("выступил модератором круглого стола" in r["sentence"] for r in rows)
    assert {r["file"] for r in rows} == {"002_f616627dc7c17607.txt", "003_9542839a67c00122.txt"}
    for r in rows:  # the offsets point at the sentence in the article text
        text = (ARTICLES / r["file"]).read_text(encoding="utf-8")
        assert text[int(r["start"]) : int(r["end"])] == r["sentence"]


def test_agreements(answers):
    assert any(
        {named(r["a"], "mts"), named(r["b"], "mts")} == {True, False}
        and (named(r["a"], "tusur") or named(r["b"], "tusur"))
        for r in answers["agreements"]
    )


def gold_positions() -> list[dict]:
    if not GOLD_PATH.exists():
        return []
    gold = json.loads(GOLD_PATH.read_text(encoding="utf-8"))
    names = {e["id"]: e["names"] for e in gold["entities"]}
    facts = [f for f in gold["facts"] if f["kind"] == "holdsPosition" and not f.get("optional")]
    seen, out = set(), []
    for f in facts:
        key = (f["person"], f["role"], f["org"])
        if key not in seen:
            seen.add(key)
            orgs = names[f["org"]] + [n for o in f.get("org_aliases_ok", []) for n in names[o]]
            out.append(
                {
                    "id": f"{f['person']}-{f['org']}",
                    "person": names[f["person"]],
                    "roles": [f["role"], *f.get("role_aliases", [])],
                    "orgs": orgs,
                }
            )
    return out


@pytest.mark.parametrize("fact", gold_positions(), ids=lambda f: f["id"])
def test_posts_hold_every_gold_position(answers, fact):
    person, roles, orgs = ({fold(n) for n in fact[k]} for k in ("person", "roles", "orgs"))
    assert any(
        fold(r["person"]) in person and fold(r["post"]) in roles and fold(r["organization"]) in orgs
        for r in answers["posts"]
    )
