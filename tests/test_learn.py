"""The learned layer: candidates and features, labels, model files, training, and the CLI's modes."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from extractors.doc import Article
from extractors.errors import InputError
from extractors.evaluate import GoldDoc, GoldEntity, GoldRelation, Lemmas, load_mapping
from extractors.learn.features import FEATURES_VERSION
from extractors.learn.labels import GoldPairs, label
from extractors.learn.model import LinearModel, Weights, dump_model, read_model
from extractors.learn.train import Example, fit_model
from graph.cli import cli

GOLD = Path(__file__).parent / "data" / "learn" / "gold.jsonl"


# --- candidates and features (natasha's parse) ------------------------------------------------------


@pytest.fixture(scope="session")
def candidates_of(ru_models):
    """(relation, person text, tail text, features) of every candidate of a Russian text."""
    from extractors.learn.layer import Collector
    from extractors.ru.extract import extract_ru

    def run(text: str) -> list[tuple[str, str, str, list[str]]]:
        collector = Collector()
        extract_ru(Article(text, "test.txt", lang="ru"), ru_models, layer=collector)
        return [(r, text[p[0] : p[1]], text[t[0] : t[1]], f) for r, p, t, _, f in collector.rows]

    return run


CANDIDATES = [
    # (text, relation, person, tail, features it must have)
    (
        "Директор ФСБ Александр Бортников выступил на совещании.",
        "affiliation",
        "Александр Бортников",
        "ФСБ",
        {"aff:path=^appos vnmod", "aff:side=L", "aff:rule", "aff:case=Gen", "aff:before=директор"},
    ),
    (
        "Директор ФСБ Александр Бортников выступил на совещании.",
        "role",
        "Александр Бортников",
        "Директор",
        {"rol:post=директор", "rol:listed=True", "rol:rule", "rol:linked=nsubj/appos", "rol:path=^appos"},
    ),
    (
        "Иван Петров, сотрудник компании «Газпром», приехал в Томск.",
        "role",
        "Иван Петров",
        "сотрудник",
        {"rol:side=R", "rol:commas=1", "rol:post=сотрудник", "rol:path=vappos", "rol:dist=1"},
    ),
    (
        "Иван Петров, сотрудник компании «Газпром», приехал в Томск.",
        "affiliation",
        "Иван Петров",
        "Томск",
        {"aff:type=Place", "aff:verb_between", "aff:top=VERB:приехать", "aff:path=^nsubj vobl"},
    ),
]


FORUM = "Ректор ТУСУРа Виктор Рулевский выступил на форуме «Технопром-2025» в Новосибирске."
SESSION = "Иван Петров встретился с Марией Ивановой на заседании Совета Безопасности в Москве."
CANDIDATES += [
    (
        FORUM,
        "participation",
        "Виктор Рулевский",
        "форуме «Технопром-2025»",
        {
            "par:event=Forum:named",
            "par:ecase=на+Loc",
            "par:eup=VERB:выступить",
            "par:other=Person",
            "par:rule",
        },
    ),
    (
        FORUM,
        "place",
        "форуме «Технопром-2025»",
        "Новосибирске",
        {"pla:event=Forum:named", "pla:ocase=в+Loc", "pla:oup=NOUN:форум", "pla:rule"},
    ),
    (SESSION, "participation", "Марией Ивановой", "заседании Совета Безопасности", {"par:ocase=с+Ins"}),
    (SESSION, "participation", "Совета Безопасности", "заседании Совета Безопасности", {"par:inside"}),
    (SESSION, "place", "заседании Совета Безопасности", "Москве", {"pla:event=Session:unnamed"}),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "relation", "person", "tail", "features"), CANDIDATES)
def test_candidate_features(candidates_of, text, relation, person, tail, features):
    found = {(r, p, t): set(f) for r, p, t, f in candidates_of(text)}
    assert (relation, person, tail) in found, sorted(found)
    assert features <= found[relation, person, tail], sorted(found[relation, person, tail])


PRONOUN = "Вчера в Москву прилетел Иван Петров. Он возглавляет компанию «Газпром»."


@pytest.mark.slow
def test_pronoun_candidates(candidates_of):
    """A subject pronoun in the next sentence stands for the name: its pairs are the name's."""
    found = {(r, p, t): set(f) for r, p, t, f in candidates_of(PRONOUN)}
    assert "aff:pronoun" in found["affiliation", "Иван Петров", "Газпром"]
    assert "aff:path=^nsubj vobj vappos" in found["affiliation", "Иван Петров", "Газпром"]
    assert "aff:pronoun" not in found["affiliation", "Иван Петров", "Москву"]  # its own sentence
    # a pronoun of another gender stands for no one named before
    other = {(r, p, t) for r, p, t, _ in candidates_of(PRONOUN.replace("Он ", "Она "))}
    assert ("affiliation", "Иван Петров", "Газпром") not in other


NO_CANDIDATES = [
    # (text, relation): no person, or nothing to pair a person with
    ("Компания «Газпром» открыла завод в Томске.", "affiliation"),
    ("Иван Петров встретился с Марией Ивановой.", "role"),
    ("Иван Петров встретился с Марией Ивановой.", "affiliation"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "relation"), NO_CANDIDATES)
def test_no_candidates(candidates_of, text, relation):
    assert [c for c in candidates_of(text) if c[0] == relation] == []


# --- gold labels ------------------------------------------------------------------------------------


def gold_doc() -> GoldDoc:
    text = "Ректор МГУ Виктор Садовничий и Садовничий."
    ents = [
        GoldEntity("T1", "PROFESSION", 0, 10, "Ректор МГУ"),
        GoldEntity("T2", "ORGANIZATION", 7, 10, "МГУ"),
        GoldEntity("T3", "PERSON", 11, 28, "Виктор Садовничий"),
        GoldEntity("T4", "PERSON", 31, 41, "Садовничий"),
    ]
    rels = [GoldRelation("WORKS_AS", "T3", "T1"), GoldRelation("WORKPLACE", "T1", "T2")]
    return GoldDoc("d", text, tuple(ents), tuple(rels), clusters=(("T3", "T4"),))


LABELS = [
    # (relation, person span, tail span, tail lemma, label)
    ("role", (11, 28), (0, 6), "ректор", True),
    ("role", (31, 41), (0, 6), "ректор", True),  # another mention of the same person (a cluster)
    ("role", (11, 28), (0, 6), "декан", False),
    ("affiliation", (11, 28), (7, 10), "", True),  # the organisation of the post is the holder's
    ("affiliation", (11, 28), (0, 6), "", False),
    ("affiliation", (0, 6), (7, 10), "", False),
]


@pytest.mark.parametrize(("relation", "person", "tail", "lemma", "expected"), LABELS)
def test_labels(relation, person, tail, lemma, expected):
    pairs = GoldPairs.read(gold_doc(), load_mapping("nerel"), Lemmas())
    assert label(pairs, relation, person, tail, lemma) is expected


def event_doc() -> GoldDoc:
    text = "Иван Петров выступил на форуме в Томске."
    ents = [
        GoldEntity("T1", "PERSON", 0, 11, "Иван Петров"),
        GoldEntity("T2", "EVENT", 24, 30, "форуме"),
        GoldEntity("T3", "CITY", 33, 39, "Томске"),
    ]
    rels = [GoldRelation("PARTICIPANT_IN", "T1", "T2"), GoldRelation("TAKES_PLACE_IN", "T2", "T3")]
    return GoldDoc("e", text, tuple(ents), tuple(rels))


EVENT_LABELS = [
    # (relation, first span, second span, label): participation is agent -> event, place event -> place
    ("participation", (0, 11), (24, 30), True),
    ("participation", (0, 11), (33, 39), False),
    ("participation", (24, 30), (0, 11), False),  # the wrong way round
    ("place", (24, 30), (33, 39), True),
    ("place", (0, 11), (33, 39), False),
]


@pytest.mark.parametrize(("relation", "first", "second", "expected"), EVENT_LABELS)
def test_event_labels(relation, first, second, expected):
    pairs = GoldPairs.read(event_doc(), load_mapping("nerel"), Lemmas())
    assert label(pairs, relation, first, second, "") is expected


# --- thresholds -------------------------------------------------------------------------------------


def test_thresholds_add_and_veto():
    from extractors.learn.thresholds import choose_thresholds

    # the rules missed two pairs the model is sure of, and found one it doubts that is wrong
    probs = [0.9, 0.8, 0.3, 0.6, 0.6, 0.1]
    positive = [True, True, False, True, True, False]
    voted = [False, False, False, True, True, True]
    assert choose_thresholds(probs, positive, voted) == (0.8, 0.15)
    assert choose_thresholds(probs, positive, voted, vetoes=(0.0,)) == (0.8, 0.0)  # train --no-veto


def test_thresholds_keep_precision():
    from extractors.learn.thresholds import choose_thresholds

    # adding the doubtful pairs would raise F1 a little but take precision below 0.75: they stay out
    probs = [0.9, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4]
    positive = [True, True, True, True, False, False, False]
    voted = [True, False, False, False, False, False, False]
    threshold, _ = choose_thresholds(probs, positive, voted, min_precision=0.75)
    assert threshold > 0.4


# --- model files ------------------------------------------------------------------------------------


def small_model(intercept: float = 0.0) -> LinearModel:
    return LinearModel(
        {"role": Weights(intercept, 0.5, {"rol:rule": 2.5, "rol:post=ректор": 1.0})},
        ("gold.jsonl: 1 documents",),
    )


def test_model_round_trip(tmp_path):
    path = tmp_path / "m.json.gz"
    dump_model(small_model(), path)
    assert read_model(path) == small_model()
    assert read_model(path).relations["role"].probability(["rol:rule"]) == pytest.approx(0.924, abs=1e-3)


def test_examples_give_identical_bytes(tmp_path):
    examples = [
        Example(rel, (f"{rel[:3]}:a", f"{rel[:3]}:b" if i % 3 else f"{rel[:3]}:c"), i % 3 == 0, f"d{i}")
        for i in range(30)
        for rel in ("affiliation", "role")
    ]
    one, two = tmp_path / "one.json.gz", tmp_path / "two.json.gz"
    dump_model(fit_model(examples, ["x"]), one)
    dump_model(fit_model(list(examples), ["x"]), two)
    assert one.read_bytes() == two.read_bytes()
    weights = read_model(one).relations["role"].weights
    assert weights["rol:c"] > 0 > weights["rol:b"]  # "c" marks the positives


BAD_FILES = [
    ("corrupt", b"\x1f\x8b\x08\x00garbage", "unreadable data"),
    ("not gzip", b'{"format": "forumgraph-model"}', "unreadable data"),
    ("foreign", gzip.compress(b'{"weights": [1, 2]}', mtime=0), "another kind of JSON"),
    ("bad json", gzip.compress(b"{nope", mtime=0), "bad JSON"),
    (
        "old features",
        gzip.compress(
            json.dumps({"format": "forumgraph-model", "features": 0, "relations": {}}).encode(), mtime=0
        ),
        "retrain it",
    ),
    (
        "bad weights",
        gzip.compress(
            json.dumps(
                {
                    "format": "forumgraph-model",
                    "features": FEATURES_VERSION,
                    "relations": {"role": {"weights": 3}},
                }
            ).encode(),
            mtime=0,
        ),
        "expected relations",
    ),
]


@pytest.mark.parametrize(("case", "data", "expected"), BAD_FILES, ids=[c for c, _, _ in BAD_FILES])
def test_bad_model_file(tmp_path, case, data, expected):
    path = tmp_path / "model.json.gz"
    path.write_bytes(data)
    with pytest.raises(InputError, match=expected) as err:
        read_model(path)
    assert str(err.value).startswith(str(path))


def test_shipped_model_reads():
    from extractors.learn.model import DEFAULT_MODEL

    model = read_model(DEFAULT_MODEL)
    assert set(model.relations) == {"affiliation", "role"}
    assert all("factrueval" in source for source in model.trained_on)  # never NEREL (no licence)


# --- the CLI ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["build", "evaluate"])
def test_cli_bad_model_is_one_line(tmp_path, command):
    path = tmp_path / "model.json.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00garbage")
    store = tmp_path / "store"
    args = [command, str(GOLD if command == "evaluate" else tmp_path), "--model", str(path)]
    result = CliRunner().invoke(cli, [*args, *(["--store", str(store)] if command == "build" else [])])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0], result.output
    assert not store.exists()  # nothing opened, nothing stored


@pytest.mark.slow
def test_train_twice_identical(tmp_path):
    one, two = tmp_path / "one.json.gz", tmp_path / "two.json.gz"
    for path in (one, two):
        result = CliRunner().invoke(cli, ["train", str(GOLD), "-o", str(path)])
        assert result.exit_code == 0, result.output
    assert one.read_bytes() == two.read_bytes()
    model = read_model(one)
    assert model.trained_on == ("gold.jsonl: 6 documents, mapping nerel",)
    assert model.relations["role"].weights  # something was learned


@pytest.mark.slow
@pytest.mark.parametrize(("veto", "kept"), [(0.0, True), (1.0, False)])
def test_veto_drops_rule_facts(tmp_path, veto, kept):
    from extractors.pipeline import Pipeline

    path = tmp_path / f"veto{veto}.json.gz"
    shy = Weights(-9.0, 0.5, {}, veto)  # adds nothing; with veto 1 drops every pair the rules found
    dump_model(LinearModel({"affiliation": shy, "role": shy}), path)
    text = "Директор ФСБ Александр Бортников выступил на совещании."
    ext = Pipeline(str(path), "both").extract(Article(text, "t.txt", lang="ru"))
    predicates = {f.predicate for f in ext.facts}
    assert ("holdsPosition" in predicates) is kept
    assert ("affiliatedWith" in predicates) is kept
    assert any(e.type == "Position" for e in ext.entities) is kept


@pytest.mark.slow
@pytest.mark.parametrize(
    ("weights", "participated", "held"),
    [(Weights(-9.0, 0.5, {}, 1.0), False, False), (Weights(9.0, 0.5), True, True)],
)
def test_event_relations_follow_the_model(tmp_path, weights, participated, held):
    """A model that vetoes every event pair drops the rules' participation and place; one that accepts
    every candidate adds the pairs the rules did not state (the round table's ТУСУР)."""
    from extractors.pipeline import Pipeline

    path = tmp_path / "events.json.gz"
    dump_model(LinearModel({"participation": weights, "place": weights}), path)
    rules = Pipeline(None, "rules").extract(Article(FORUM, "t.txt", lang="ru"))
    ext = Pipeline(str(path), "both").extract(Article(FORUM, "t.txt", lang="ru"))
    said = {(f.subject, f.predicate, f.object) for f in rules.facts}
    facts = {(f.subject, f.predicate, f.object) for f in ext.facts}
    participation = {"participatedIn", "spokeAt", "moderated"}
    assert any(p in participation for _, p, _ in said) and any(p == "heldIn" for _, p, _ in said)
    assert any(p in participation for _, p, _ in facts) is participated
    assert any(p == "heldIn" for _, p, _ in facts) is held
    if participated:
        assert {(s, o) for s, p, o in facts if p == "participatedIn"} - {
            (s, o) for s, p, o in said if p in participation
        }


@pytest.mark.slow
def test_evaluate_modes_differ(tmp_path):
    """A model that accepts every candidate: "model" finds more (and wrong) pairs than the rules."""
    path = tmp_path / "eager.json.gz"
    dump_model(LinearModel({"affiliation": Weights(9.0, 0.5), "role": Weights(9.0, 0.5)}), path)
    result = CliRunner().invoke(cli, ["evaluate", str(GOLD), "--model", str(path), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert set(report) == {"rules", "model", "both"}
    rules, model, both = (report[m]["relations"] for m in ("rules", "model", "both"))
    assert model["role"]["fp"] > rules["role"]["fp"]
    assert model["affiliation"]["fp"] > rules["affiliation"]["fp"]
    assert both["role"]["tp"] >= rules["role"]["tp"]
    assert model != rules


@pytest.mark.slow
def test_train_without_russian_gold_is_one_line(tmp_path):
    gold = tmp_path / "en.jsonl"
    text = "John Smith, the director of Acme Corp, spoke."
    entities = [
        {"id": "T1", "type": "PERSON", "start": 0, "end": 10},
        {"id": "T2", "type": "ORGANIZATION", "start": 29, "end": 38},
    ]
    record = {"id": "en1", "text": text, "entities": entities, "relations": []}
    gold.write_text(json.dumps(record) + "\n", encoding="utf-8")
    out = tmp_path / "model.json.gz"
    result = CliRunner().invoke(cli, ["train", str(gold), "-o", str(out), "--mapping", "nerel"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [f"Error: {gold}: no relation had gold pairs to learn from"]
    assert not out.exists()


def test_event_relations_learn_no_veto():
    """The same data teaches affiliation a veto of the rules' pairs, and participation none."""

    def rows(relation: str) -> list[Example]:
        rel = relation[:3]
        out = []
        for doc in range(10):
            for i in range(3):
                out.append(Example(relation, (f"{rel}:bias", f"{rel}:rule", "good"), True, f"d{doc}"))
                out.append(Example(relation, (f"{rel}:bias", f"{rel}:rule", "bad"), False, f"d{doc}"))
                out.append(Example(relation, (f"{rel}:bias", "other"), i == 0, f"d{doc}"))
        return out

    model = fit_model(rows("affiliation") + rows("participation"))
    assert model.relations["affiliation"].veto > 0
    assert model.relations["participation"].veto == 0
