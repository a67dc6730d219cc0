"""Scoring against gold: exact counts on a hand-made fixture with a fake extract function."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from extractors import evaluate as ev
from extractors.doc import Article, Entity, Evidence, Extraction, Fact, Mention, Value
from extractors.errors import ForumGraphError, InputError
from extractors.evaluate.brat import load_brat
from graph.cli import evaluate as cli_evaluate

DATA = Path(__file__).parent / "data" / "evaluate"
GOLD = DATA / "gold.jsonl"


@pytest.fixture(scope="module")
def lemmas() -> ev.Lemmas:
    return ev.Lemmas()


# --- the fake pipeline: entities as (key, type, name, [(substring, nth occurrence)]), then facts --------

PREDICTED = {
    "forum": (
        [
            (
                "forum",
                "Forum",
                "Петербургский международный экономический форум",
                [("Петербургский международный экономический форум", 0), ("форуме", 0), ("ПМЭФ", 0)],
            ),
            ("spb", "Place", "Санкт-Петербург", [("Санкт-Петербурге", 0)]),
            ("msu", "University", "МГУ", [("МГУ", 0)]),
            ("sad", "Person", "Виктор Садовничий", [("Виктор Садовничий", 0), ("Садовничий", 1)]),
            ("rc", "Organization", "Росконгресс", [("Росконгресс", 0)]),  # inside the gold «…»: overlap only
            ("pos", "Position", "ректор", [("Ректор", 0)]),
            ("meet", "Event", "встреча", [("встретился", 0)]),
        ],
        [
            Fact(
                "sad", "affiliatedWith", "msu"
            ),  # TP: gold WORKPLACE from "Ректор МГУ", lifted to its holder
            Fact("sad", "affiliatedWith", "spb"),  # FP
            Fact("sad", "holdsPosition", "pos"),
            Fact("pos", "role", Value("ректор", lang="ru")),  # TP: "Ректор МГУ" -> ректор
            Fact("sad", "spokeAt", "forum"),  # TP: "форуме" is in the forum's identity group
            Fact("sad", "participatedIn", "meet"),  # out of scope: "встретился" is not a gathering
            Fact("forum", "heldIn", "spb"),  # TP
            Fact("forum", "startDate", Value("2023-06-14", "date")),  # TP
            Fact("forum", "endDate", Value("2023-06-15", "date")),  # FP: no 15 in "14 июня 2023 года"
            Fact("forum", "organizedBy", "rc"),  # TP: ORGANIZES is inverse
        ],
    ),
    "meeting": (
        [
            ("kr", "Person", "Сергей Кравцов", [("Сергей Кравцов", 0)]),
            ("kr2", "Person", "Кравцов", [("Кравцов", 1), ("Ольга Васильева", 0)]),  # over-merged
            ("wrong", "Person", "Министр", [("Министр", 0)]),  # FP person
            ("rus", "Place", "Россия", [("России", 0)]),
            ("mos", "Place", "Москва", [("Москве", 0)]),
            ("sov", "Event", "совещание", [("совещание", 0)]),
            ("gov", "GovernmentBody", "правительство", [("правительстве", 0)]),
            ("pos", "Position", "министр просвещения", []),
            ("pos2", "Position", "президент", []),
        ],
        [
            Fact("kr", "holdsPosition", "pos"),
            Fact("pos", "role", Value("министр просвещения", lang="ru")),  # TP: head noun министр
            Fact("kr2", "holdsPosition", "pos2"),
            Fact("pos2", "role", Value("президент", lang="ru")),  # FP
            Fact("kr", "affiliatedWith", "rus"),  # TP: lifted from "Министр просвещения России"
            Fact("kr2", "affiliatedWith", "gov"),  # TP: a mention of kr2 covers Васильева's group
            Fact("kr", "participatedIn", "sov"),  # TP (AGENT)
            Fact("kr", "metWith", "kr2"),  # not scored: NEREL has no meeting measure
        ],
    ),
}


def find(text: str, sub: str, nth: int) -> int:
    at = -1
    for _ in range(nth + 1):
        at = text.index(sub, at + 1)
    return at


def build(article: Article, table: dict = PREDICTED) -> Extraction:
    entities, facts = table[article.source]
    mentions = []
    for key, _, _, spans in entities:
        for sub, nth in spans:
            start = find(article.text, sub, nth)
            mentions.append(Mention(start, start + len(sub), sub, key))
    nodes = tuple(Entity(key, type_, name) for key, type_, name, _ in entities)
    return Extraction(article, nodes, tuple(mentions), tuple(facts))


def counts(report: ev.Report) -> dict[str, tuple[int, int, int]]:
    table = {f"{c} exact": s for c, s in report.entities.items()}
    table |= {f"{c} overlap": s for c, s in report.entities_overlap.items()}
    table |= report.relations
    return {name: (s.tp, s.fp, s.fn) for name, s in table.items()}


EXPECTED = {
    "Person exact": (5, 1, 1),  # Васильева (second) missed; "Министр" wrong
    "Person overlap": (5, 1, 1),
    "Organization exact": (2, 1, 1),  # "Росконгресс" vs "фонд «Росконгресс»"
    "Organization overlap": (3, 0, 0),
    "Place exact": (3, 0, 0),
    "Place overlap": (3, 0, 0),
    "Event exact": (5, 0, 0),
    "Event overlap": (5, 0, 0),
    "affiliation": (3, 1, 0),
    "role": (2, 1, 0),
    "participation": (2, 0, 0),
    "organizer": (1, 0, 0),
    "place": (1, 0, 1),  # совещание -> Москве not predicted
    "date": (1, 1, 0),
}


def test_counts_per_measure(lemmas):
    report = ev.evaluate(ev.load_gold(GOLD), build, lemmas=lemmas)
    assert report.mapping == "nerel"
    assert report.documents == 2
    assert counts(report) == EXPECTED
    assert report.resolution == ev.Resolution(
        altname_pairs=1, altname_merged=1, altname_covered=1, person_nodes=3, person_overmerged=1
    )


def test_json_shape(lemmas):
    data = ev.evaluate(ev.load_gold(GOLD), build, lemmas=lemmas).to_json()
    assert list(data) == ["documents", "entities", "relations", "entities_overlap", "resolution"]
    assert list(data["entities"]) == ["Person", "Organization", "Place", "Event"]
    assert list(data["relations"]) == ["affiliation", "role", "participation", "organizer", "place", "date"]
    assert data["relations"]["affiliation"] == {"p": 0.75, "r": 1.0, "f1": 0.8571, "tp": 3, "fp": 1, "fn": 0}
    assert data["resolution"]["person_overmerge_rate"] == 0.3333
    assert data["resolution"]["altname_merge_rate"] == 1.0


def test_limit_and_nothing_found(lemmas):
    report = ev.evaluate(ev.load_gold(GOLD), lambda a: Extraction(a), limit=1, lemmas=lemmas)
    assert report.documents == 1
    assert report.relations["affiliation"].to_json() == {
        "p": 0.0,
        "r": 0.0,
        "f1": 0.0,
        "tp": 0,
        "fp": 0,
        "fn": 1,
    }


def test_brat_reads_the_same_documents(lemmas):
    jsonl, brat = ev.load_gold(GOLD), ev.load_gold(DATA / "brat")
    assert [d.id for d in brat] == ["forum", "meeting"]
    assert brat == jsonl
    assert (
        ev.evaluate(brat, build, lemmas=lemmas).to_json()
        == ev.evaluate(jsonl, build, lemmas=lemmas).to_json()
    )


def test_mapping_edit_changes_the_score(tmp_path, lemmas):
    edited = tmp_path / "mine.tsv"
    text = (ev.MAPPINGS / "nerel.tsv").read_text(encoding="utf-8")
    text = text.replace("relation\tWORKPLACE\taffiliation\t0", "relation\tWORKPLACE\tignore\t0")
    edited.write_text(text.replace("entity\tEVENT\tEvent", "entity\tEVENT\tignore"), encoding="utf-8")
    report = ev.evaluate(ev.load_gold(GOLD), build, mapping=ev.load_mapping(edited), lemmas=lemmas)
    assert report.mapping == "mine"
    assert "Event" not in report.entities
    assert counts(report)["affiliation"] == (0, 4, 0)
    assert counts(report)["participation"] == (0, 3, 0)  # no gold event is left, nor one out of scope


FACTRUEVAL = {
    "id": "dev/1",
    "text": "Мэр Москвы Сергей Собянин встретился с Владимиром Путиным. Собянин рассказал о планах.",
    "entities": [
        {"id": "s1", "type": "Job", "start": 0, "end": 3, "text": "Мэр", "cluster": None},
        {"id": "s2", "type": "Job", "start": 0, "end": 10, "text": "Мэр Москвы", "cluster": None},
        {"id": "m2", "type": "LocOrg", "start": 4, "end": 10, "text": "Москвы", "cluster": "obj2"},
        {"id": "m3", "type": "Person", "start": 11, "end": 25, "text": "Сергей Собянин", "cluster": "obj1"},
        {
            "id": "m4",
            "type": "Person",
            "start": 39,
            "end": 57,
            "text": "Владимиром Путиным",
            "cluster": "obj3",
        },
        {"id": "m5", "type": "Person", "start": 59, "end": 66, "text": "Собянин", "cluster": "obj1"},
    ],
    "clusters": [
        {"id": "obj1", "mentions": ["m3", "m5"], "type": "Person"},
        {"id": "obj2", "mentions": ["m2"], "type": "LocOrg"},
        {"id": "obj3", "mentions": ["m4"], "type": "Person"},
    ],
    "relations": [
        {"type": "WORKS_AS", "head": "obj1", "tail": "s1", "alternatives": ["s2"], "fact": "1-0"},
        {"type": "WORKPLACE", "head": "obj1", "tail": "obj2", "alternatives": [], "fact": "1-0"},
        {"type": "MEETING", "head": "obj3", "tail": "obj1", "symmetric": True, "fact": "1-1"},
    ],
}


def test_factrueval_clusters_alternatives_and_meetings(tmp_path, lemmas):
    gold = tmp_path / "fre.jsonl"
    gold.write_text(json.dumps(FACTRUEVAL, ensure_ascii=False) + "\n", encoding="utf-8")
    table = {
        "dev/1": (
            [
                ("sob", "Person", "Сергей Собянин", [("Сергей Собянин", 0), ("Собянин", 1)]),
                ("put", "Person", "Владимир Путин", [("Владимиром Путиным", 0)]),
                ("msk", "Place", "Москва", [("Москвы", 0)]),
                ("pos", "Position", "мэр Москвы", [("Мэр", 0)]),
            ],
            [
                Fact("sob", "holdsPosition", "pos"),
                Fact("pos", "role", Value("мэр Москвы")),
                Fact("sob", "affiliatedWith", "msk"),
                Fact("sob", "metWith", "put", Evidence(0, 58, "…")),  # gold reads Путин -> Собянин
            ],
        )
    }
    report = ev.evaluate(ev.load_gold(gold), lambda a: build(a, table), lemmas=lemmas)
    assert report.mapping == "factrueval"
    assert counts(report) == {
        "Person exact": (3, 0, 0),
        "Organization exact": (0, 0, 0),
        "Place exact": (1, 0, 0),
        "Person overlap": (3, 0, 0),
        "Organization overlap": (0, 0, 0),
        "Place overlap": (1, 0, 0),
        "affiliation": (1, 0, 0),
        "role": (1, 0, 0),
        "meeting": (1, 0, 0),
    }
    assert (report.resolution.altname_pairs, report.resolution.altname_merged) == (1, 1)


def test_errors_text_has_sentences(lemmas):
    text = ev.evaluate(ev.load_gold(GOLD), build, lemmas=lemmas).errors_text()
    assert "== relations/affiliation: 1 FP\n" in text
    assert (
        "FP\tforum\t«Виктор Садовничий» -> «Санкт-Петербург»\t| Петербургский международный экономический "
        "форум прошёл в Санкт-Петербурге 14 июня 2023 года." in text
    )
    assert "FN\tmeeting\t«совещание» -> «Москве»\t| Министр просвещения России Сергей Кравцов провёл" in text
    assert "overmerged\tmeeting\t«Кравцов» joins «Кравцов», «Ольга Васильева»" in text


@pytest.mark.parametrize(
    ("value", "text", "expected"),
    [
        (Value("2023-06-14", "date"), "14 июня 2023 года", True),
        (Value("2023-06-14", "date"), "в среду, 14-го", True),
        (Value("2023-06-15", "date"), "14 июня 2023 года", False),
        (Value("2023-07-14", "date"), "14 июня", False),
        (Value("2022-06-14", "date"), "14 июня 2023 года", False),
        (Value("2023-06", "date"), "в июне 2023 года", True),
        (Value("2023", "date"), "в 2023 году", True),
        (Value("2023-06-14", "string"), "14 июня", False),
        (Value("14 июня", "date"), "14 июня", False),
        (Value("1945-05-09", "date"), "9 May 1945", True),
        # fg:startPeriod and fg:endPeriod: a year, a month, a day without a year
        (Value("1988", "gYear"), "В 1988 году", True),
        (Value("1945-04", "gYearMonth"), "в апреле 1945-го", True),
        (Value("2020-07", "gYearMonth"), "в июле", True),
        (Value("2020-07", "gYearMonth"), "в июне", False),
        (Value("--04-27", "gMonthDay"), "На 27 апреля", True),
        (Value("--04-27", "gMonthDay"), "27 мая", False),
        (Value("--04-27", "gMonthDay"), "в апреле", False),
        (Value("--04-27", "string"), "27 апреля", False),
    ],
)
def test_date_matches(value, text, expected):
    assert ev.date_matches(value, text) is expected


@pytest.mark.parametrize(
    ("text", "head"),
    [
        ("председателя Банка России", "председатель"),
        ("генерального директора", "директор"),
        ("Госсекретарь США", "госсекретарь"),
        ("пресс-секретарю экс-президента", "пресс-секретарь"),
        ("мэра", "мэр"),
        # an adjective that pymorphy also reads as a noun ("главное") modifies the noun after it
        ("главного тренера", "тренер"),
        ("старшим исследователем", "исследователь"),
        ("военного прокурора", "прокурор"),
        ("рядового", "рядовой"),
        # of a noun's readings, a person's: "премьера" is the premier here, "критики" are critics
        ("премьера Великобритании", "премьер"),
        ("критики", "критик"),
        ("главою Белого дома", "глава"),
        ("главой предвыборного штаба", "глава"),
        ("главой федерации", "глава"),
        ("Главой Рособрнадзора", "глава"),
        # an acting holder's post is the post, as after "и. о."
        ("Временно исполняющий обязанности председателя правительства", "председатель"),
        ("исполняющего обязанности губернатора", "губернатор"),
        ("И. о. главы Администрации", "глава"),
        # a former holder's post is the post: "экс-председатель" is our "бывший председатель"
        ("Экс-председатель Верховного народного собрания", "председатель"),
        ("бывший председатель", "председатель"),
        # an ordinal in digits is no noun
        ("43-й президент", "президент"),
        ("43-м президентом", "президент"),
    ],
)
def test_head_noun(lemmas, text, head):
    assert lemmas.head_noun(text) == head


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ПМЭФ-2023 и форуме", True),
        ("круглом столе", True),
        ("кинофестиваля «Кинотавр»", True),
        ("пресс-конференции", True),
        ("переговорах", True),
        ("встретился", False),
        ("выборы", False),
        ("столе", False),
    ],
)
def test_gatherings(lemmas, text, expected):
    assert lemmas.is_gathering(text) is expected


@pytest.mark.parametrize(
    ("edges", "expected"),
    [
        ([[0], [0, 1]], {0: 0, 1: 1}),  # the second prediction gives way: both match
        ([[0, 1], [0]], {0: 1, 1: 0}),
        ([[0], [0]], {0: 0}),  # one gold item counts once
        ([[], [1]], {1: 1}),
    ],
)
def test_match_is_one_to_one(edges, expected):
    assert ev.match(edges) == expected


# --- errors --------------------------------------------------------------------------------------


def test_missing_gold(tmp_path):
    with pytest.raises(InputError, match="nothing.jsonl"):
        ev.load_gold(tmp_path / "nothing.jsonl")


def test_bad_json_line_names_file_and_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(GOLD.read_text(encoding="utf-8").splitlines()[0] + "\n{oops\n", encoding="utf-8")
    with pytest.raises(ForumGraphError, match=r"bad\.jsonl:2: expected a JSON object"):
        ev.load_gold(bad)


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"id": "x"}, "expected an object with a string 'text'"),
        ({"text": "abc", "entities": [{"id": "T1", "type": "PERSON", "start": 0}]}, "KeyError"),
        ({"text": "abc", "entities": [{"id": "T1", "type": "PERSON", "start": 1, "end": 9}]}, "within 0..3"),
        ({"text": "abc", "relations": [{"type": "WORKS_AS", "head": "T1", "tail": "T2"}]}, "got 'T1'"),
    ],
)
def test_bad_records(tmp_path, record, message):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=message):
        ev.load_gold(bad)


def test_brat_errors(tmp_path):
    (tmp_path / "a.txt").write_text("Барак Обама", encoding="utf-8")
    with pytest.raises(InputError, match=r"a\.ann: expected a BRAT file"):
        load_brat(tmp_path)
    (tmp_path / "a.ann").write_text("T1\tPERSON 0 5\tБарак\nT2\tPERSON zero\tОбама\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"a\.ann:2: expected a BRAT"):
        load_brat(tmp_path)
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no .txt file"):
        load_brat(tmp_path / "empty")


def test_bad_mapping_line(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("# header\nentity\tPERSON\tPersn\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.tsv:2: expected 'entity TYPE"):
        ev.load_mapping(bad)


def test_unguessable_mapping(tmp_path):
    doc = ev.make_gold_doc("x", "abc", [ev.GoldEntity("T1", "WIDGET", 0, 3, "abc")], [])
    with pytest.raises(InputError, match="pass --mapping"):
        ev.guess_mapping([doc])


# --- the command ---------------------------------------------------------------------------------


@pytest.fixture
def fake_pipeline(monkeypatch):
    monkeypatch.setattr(cli_evaluate, "load_extract", lambda *args: build)


def test_cli_json_and_errors_file(tmp_path, fake_pipeline):
    errors = tmp_path / "errors.txt"
    result = CliRunner().invoke(cli_evaluate.evaluate, [str(GOLD), "--json", "--errors", str(errors)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["relations"]["date"] == {"p": 0.5, "r": 1.0, "f1": 0.6667, "tp": 1, "fp": 1, "fn": 0}
    assert "== entities/Person: 1 FN, 1 FP" in errors.read_text(encoding="utf-8")


def test_cli_table(fake_pipeline):
    result = CliRunner().invoke(
        cli_evaluate.evaluate, [str(DATA / "brat"), "--limit", "1", "--mapping", "nerel"]
    )
    assert result.exit_code == 0, result.output
    assert "1 documents, mapping nerel" in result.output
    assert any(
        line.split()[:4] == ["Organization", "overlap", "2", "0"] for line in result.output.splitlines()
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.jsonl"], "missing.jsonl: expected a gold JSONL file or a BRAT folder"),
        ([str(GOLD), "--mapping", "missing.tsv"], "missing.tsv: cannot read the mapping file"),
    ],
)
def test_cli_errors_are_one_line(fake_pipeline, args, message):
    result = CliRunner().invoke(cli_evaluate.evaluate, args)
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and message in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_overmerge_counts_forms_of_one_name_as_one_person():
    """NEREL links only some mentions: "Андрей Варичев" … "Андрея Варичева" is one gold person."""
    text = "Андрей Варичев умер. Коллеги Андрея Варичева и Ольга Петрова скорбят."
    spans = [("a", "Андрей Варичев"), ("b", "Андрея Варичева"), ("c", "Ольга Петрова")]
    gold = ev.make_gold_doc(
        "d",
        text,
        [ev.GoldEntity(i, "PERSON", text.index(s), text.index(s) + len(s), s) for i, s in spans],
        [],
    )

    def extract(article: Article) -> Extraction:
        mentions = [
            Mention(text.index(s), text.index(s) + len(s), s, "p1" if i != "c" else "p2") for i, s in spans
        ]
        return Extraction(
            article,
            (Entity("p1", "Person", "Андрей Варичев"), Entity("p2", "Person", "Ольга Петрова")),
            tuple(mentions),
        )

    resolution = ev.evaluate([gold], extract, mapping=ev.load_mapping("nerel")).to_json()["resolution"]
    assert (resolution["person_nodes"], resolution["person_overmerged"]) == (2, 0)

    def merge_all(article: Article) -> Extraction:
        mentions = [Mention(text.index(s), text.index(s) + len(s), s, "p1") for _, s in spans]
        return Extraction(article, (Entity("p1", "Person", "Андрей Варичев"),), tuple(mentions))

    resolution = ev.evaluate([gold], merge_all, mapping=ev.load_mapping("nerel")).to_json()["resolution"]
    assert (resolution["person_nodes"], resolution["person_overmerged"]) == (1, 1)


def test_one_gold_post_in_two_words_is_one_pair(tmp_path, lemmas):
    """A gold post written twice ("Президент", "Глава государства": one fact, two job spans) predicted in
    both words for one person node is one true pair, not a true and a false one; the same word on a
    second node is still a false positive."""
    text = "Президент Дмитрий Медведев выступил. Глава государства Медведев рассказал о планах."
    doc = {
        "id": "dev/2",
        "text": text,
        "entities": [
            {"id": "s1", "type": "Job", "start": 0, "end": 9, "text": "Президент", "cluster": None},
            {"id": "s2", "type": "Job", "start": 37, "end": 42, "text": "Глава", "cluster": None},
            {
                "id": "m1",
                "type": "Person",
                "start": 10,
                "end": 26,
                "text": "Дмитрий Медведев",
                "cluster": "obj1",
            },
            {"id": "m2", "type": "Person", "start": 55, "end": 63, "text": "Медведев", "cluster": "obj1"},
        ],
        "clusters": [{"id": "obj1", "mentions": ["m1", "m2"], "type": "Person"}],
        "relations": [
            {"type": "WORKS_AS", "head": "obj1", "tail": "s1", "alternatives": ["s2"], "fact": "2-0"}
        ],
    }
    gold = tmp_path / "fre.jsonl"
    gold.write_text(json.dumps(doc, ensure_ascii=False) + "\n", encoding="utf-8")

    def table(second: bool) -> dict:
        people = [("med", "Person", "Дмитрий Медведев", [("Дмитрий Медведев", 0)])]
        facts = [
            Fact("med", "holdsPosition", "p1"),
            Fact("p1", "role", Value("президент")),
            Fact("med", "holdsPosition", "p2"),
            Fact("p2", "role", Value("глава государства")),
        ]
        if second:  # a second node for the same man: its post is a false positive
            people.append(("med2", "Person", "Медведев", [("Медведев", 1)]))
            facts += [Fact("med2", "holdsPosition", "p3"), Fact("p3", "role", Value("глава"))]
        nodes = [*people, *[(p, "Position", "", []) for p in ("p1", "p2", "p3")]]
        return {"dev/2": (nodes, facts)}

    for second, expected in ((False, (1, 0, 0)), (True, (1, 1, 0))):
        report = ev.evaluate(ev.load_gold(gold), lambda a, s=second: build(a, table(s)), lemmas=lemmas)
        assert counts(report)["role"] == expected
