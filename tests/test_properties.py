"""Property-based tests: any text extracts without a crash, offsets hold, exports parse back to the store."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Literal, URIRef

from extractors.doc import Article, Extraction
from extractors.pipeline import Pipeline
from extractors.read import detect_language
from graph.build.triples import extraction_triples
from graph.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SEEDS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "data" / "articles").glob("*.txt"))]
VOCABULARY = (
    "ректор губернатор министр ТУСУР МГУ Томск Новосибирск форум «Технопром-2024» Юрий Петухов "
    "выступил встретился подписали соглашение 8 июля 2024 года rector governor forum Tomsk "
    "University John Smith spoke met signed agreement July 8, 2024"
)
WORDS = VOCABULARY.split()
HOSTILE = [
    '"',
    "'",
    '"""',
    "\\",
    "\n",
    "\r\n",
    "\t",
    "\x00",
    "\x0b",
    "\u2028",
    "\u202e",
    "𝕏",
    "😀",
    "<",
    ">",
    "&",
    "{",
    "}",
]
CHARS = st.characters(exclude_categories=("Cs",))  # lone surrogates cannot be written as UTF-8
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
SETTINGS = {"deadline": None, "derandomize": True, "suppress_health_check": [HealthCheck.too_slow]}


def seed_slice() -> st.SearchStrategy[str]:
    """A piece of a seed article cut anywhere: real names and dates with broken edges."""
    return st.tuples(st.sampled_from(SEEDS), st.integers(0, 6000), st.integers(1, 1500)).map(
        lambda t: t[0][t[1] : t[1] + t[2]]
    )


def texts() -> st.SearchStrategy[str]:
    words = st.lists(st.sampled_from(WORDS + HOSTILE + [".", ",", " ", "—"]), max_size=60).map(" ".join)
    return st.one_of(
        st.text(CHARS, max_size=300),
        words,
        seed_slice(),
        st.lists(st.one_of(words, seed_slice()), max_size=3).map("".join),
    )


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    pipe = Pipeline()
    for lang in ("ru", "en"):  # load the models once, outside the timed examples
        pipe.extract(Article("Ректор ТУСУРа выступил. The rector spoke.", "warm.txt", lang=lang))
    return pipe


def assert_offsets(ext: Extraction) -> None:
    text = ext.article.text
    keys = {entity.key for entity in ext.entities}
    for mention in ext.mentions:
        assert 0 <= mention.start < mention.stop <= len(text), mention
        assert text[mention.start : mention.stop] == mention.text, mention
        assert mention.key in keys, mention
    for fact in ext.facts:
        assert fact.subject in keys, fact
        if isinstance(fact.object, str):  # an entity key, or else a Value
            assert fact.object in keys, fact
        if fact.evidence is not None:
            ev = fact.evidence
            assert 0 <= ev.start < ev.stop <= len(text), fact
            assert text[ev.start : ev.stop] == ev.sentence, fact


@settings(max_examples=120, **SETTINGS)
@given(text=texts(), lang=st.sampled_from(["ru", "en", ""]))
def test_any_text_extracts_and_offsets_hold(pipeline, text, lang):
    ext = pipeline.extract(Article(text, "prop.txt", lang=lang))
    assert ext.article.text == text
    assert_offsets(ext)
    extraction_triples(ext)  # and the graph side takes it


# Texts that once crashed the Russian pipeline (fixed in 7749a54): blank texts, letters unicodedata
# cannot name (Tangut: pymorphy2 asks for every letter's name), a NER span across a sentence break.
ONCE_CRASHED = [
    " ",
    "\n",
    "\xa0",
    "Ректор ТУСУРа выступил на форуме \U00017000 в Томске.",
    "Ректор МГУ встретился с John. July стал месяцем форума.",
]


@pytest.mark.parametrize("text", ONCE_CRASHED)
def test_texts_that_once_crashed(pipeline, text):
    for lang in ("ru", "en", ""):
        ext = pipeline.extract(Article(text, "crash.txt", lang=lang))
        assert_offsets(ext)


@settings(max_examples=30, **SETTINGS)
@given(text=st.sampled_from(SEEDS), cut=st.integers(0, 3000))
def test_seed_prefixes_keep_offsets(pipeline, text, cut):
    """Whole sentences with real facts: evidence offsets are exercised, not only mentions."""
    ext = pipeline.extract(Article(text[cut:], "seed.txt", lang=detect_language(text)))
    assert_offsets(ext)


def rdflib_term(term):
    """A pyoxigraph term as rdflib would parse it, so both sides meet the same literal normalisation."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = None if term.datatype.value == XSD_STRING else URIRef(term.datatype.value)
    return Literal(term.value, datatype=datatype)


def parsed_quads(path: Path, fmt: str) -> set:
    dataset = Dataset()
    dataset.parse(path, format=fmt)
    return {(s, p, o, g.identifier) for g in dataset.graphs() for s, p, o in g}


@settings(max_examples=8, **SETTINGS)
@given(
    articles=st.lists(
        st.fixed_dictionaries({"text": texts().filter(str.strip), "title": st.text(max_size=40)}),
        min_size=1,
        max_size=4,
    )
)
def test_exports_parse_back_to_the_store(pipeline, articles):
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        lines = [json.dumps({**item, "id": str(n)}) for n, item in enumerate(articles)]
        (tmp / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        store = str(tmp / "store")
        result = CliRunner().invoke(
            cli, ["build", str(tmp / "feed.jsonl"), "--store", store, "--no-progress"]
        )
        assert result.exit_code in (0, 1), result.output  # 1: a text that is only whitespace, named
        assert "Traceback" not in result.output
        loaded = ox.Store.read_only(store)
        quads = list(loaded.quads_for_pattern(None, None, None, None))
        del loaded
        named = [q for q in quads if isinstance(q.graph_name, ox.NamedNode)]
        truth = {
            (*map(rdflib_term, (q.subject, q.predicate, q.object)), URIRef(q.graph_name.value)) for q in named
        }
        # the default graph is the merge of the named graphs: their triples, each once
        merge = {
            (q.subject, q.predicate, q.object) for q in quads if isinstance(q.graph_name, ox.DefaultGraph)
        }
        assert merge == {(q.subject, q.predicate, q.object) for q in named}
        for name, fmt in (("out.trig", "trig"), ("out.nq", "nquads")):
            result = CliRunner().invoke(cli, ["export", "--store", store, "-o", str(tmp / name)])
            assert result.exit_code == 0, result.output
            back = parsed_quads(tmp / name, fmt)
            assert back == truth, f"{name}: {len(back - truth)} quads gained, {len(truth - back)} lost"
