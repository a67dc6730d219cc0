"""Long texts in bounded windows: the cuts, the offsets of what each window finds, the joined extraction."""

from __future__ import annotations

import re

import pytest

from extractors.doc import Article, Entity, Evidence, Extraction, Fact, Mention, Value
from extractors.intervals import overlap_test
from extractors.windows import cut_windows, extract_windows, shift_extraction

# (text, limit, expected windows)
CUTS = [
    ("короткий текст", 100, [(0, 14)]),
    ("", 10, [(0, 0)]),
    ("abcdefghij" * 3, 10, [(0, 10), (10, 20), (20, 30)]),  # no break at all: cut every `limit`
    ("aaaa bbbb cccc dddd", 10, [(0, 10), (10, 19)]),  # after the last space in the window
    ("Раз два. Три четыре пять", 16, [(0, 9), (9, 24)]),  # a sentence end beats a later space
    ("Раз два.\nТри. Четыре пять", 16, [(0, 9), (9, 25)]),  # a line break beats a sentence end
    ("Он сказал «да.» Потом ушёл домой", 20, [(0, 16), (16, 32)]),  # closing quote kept with its sentence
    (
        "a\nbbbbbbbbbbbbbbbbbbbbbbbbbbb",
        10,
        [(0, 10), (10, 20), (20, 29)],
    ),  # break in the first half: not used
]


@pytest.mark.parametrize(("text", "limit", "expected"), CUTS)
def test_cut_windows(text, limit, expected):
    assert cut_windows(text, limit) == expected


@pytest.mark.parametrize("limit", [2, 7, 50, 1000])
def test_windows_tile_the_text_and_stay_bounded(limit):
    text = "Ректор ТУСУРа Виктор Рулевский выступил. " * 40 + "x" * 300 + "\nконец\n" * 30
    windows = cut_windows(text, limit)
    assert windows[0][0] == 0 and windows[-1][1] == len(text)
    assert all(stop == start for (_, stop), (start, _) in zip(windows, windows[1:]))
    assert all(0 < stop - start <= limit for start, stop in windows)


def test_cut_windows_refuses_a_window_too_small():
    with pytest.raises(ValueError, match="expected a window of at least 2 characters, got 1"):
        cut_windows("abc", 1)


def test_shift_extraction_moves_offsets_and_prefixes_keys():
    part = Article("Иван Петров", "a.txt")
    ext = Extraction(
        part,
        (Entity("p1", "Person", "Иван Петров"),),
        (Mention(0, 11, "Иван Петров", "p1"),),
        (
            Fact("p1", "affiliatedWith", "o1", Evidence(0, 11, "Иван Петров")),
            Fact("p1", "role", Value("ректор", lang="ru"), None),
        ),
    )
    whole = Article("xxxxx Иван Петров", "a.txt")
    shifted = shift_extraction(ext, whole, 6, "w1:")
    assert shifted.article is whole
    assert [e.key for e in shifted.entities] == ["w1:p1"]
    assert shifted.mentions == (Mention(6, 17, "Иван Петров", "w1:p1"),)
    assert shifted.facts[0] == Fact("w1:p1", "affiliatedWith", "w1:o1")
    assert shifted.facts[0].evidence == Evidence(6, 17, "Иван Петров")
    assert shifted.facts[1].object == Value("ректор", lang="ru") and shifted.facts[1].evidence is None


def capitalised_words(article: Article) -> Extraction:
    """A stand-in extractor: every capitalised word is a person, each sentence says it was there."""
    entities, mentions, facts = {}, [], []
    for sent in re.finditer(r"[^.]+\.?", article.text):
        for word in re.finditer(r"[А-ЯЁ]\w+", sent.group()):
            start = sent.start() + word.start()
            key = word.group().lower()
            entities[key] = Entity(key, "Person", word.group())
            mentions.append(Mention(start, start + len(word.group()), word.group(), key))
            facts.append(
                Fact(key, "participatedIn", "forum", Evidence(sent.start(), sent.end(), sent.group()))
            )
    return Extraction(article, tuple(entities.values()), tuple(mentions), tuple(facts))


def test_extract_windows_offsets_point_into_the_whole_article():
    text = "".join(f"Сказал Иван{n}. " for n in range(200))
    article = Article(text, "long.txt", lang="ru")
    ext = extract_windows(article, capitalised_words, limit=100)
    assert ext.article is article
    assert len(ext.mentions) == 400  # "Сказал" and "ИванN" in every sentence, none lost at a cut
    assert all(text[m.start : m.stop] == m.text for m in ext.mentions)
    assert all(text[f.evidence.start : f.evidence.stop] == f.evidence.sentence for f in ext.facts)
    assert len({e.key for e in ext.entities}) == len(ext.entities)  # keys unique across windows
    assert {e.name for e in ext.entities} == {"Сказал", *(f"Иван{n}" for n in range(200))}


def test_extract_windows_leaves_a_short_article_whole():
    article = Article("Сказал Иван.", "short.txt")
    assert extract_windows(article, capitalised_words) == capitalised_words(article)


# (spans, query, expected): the same answer as a scan of every span
OVERLAPS = [
    ([], (0, 5), False),
    ([(10, 20)], (0, 10), False),
    ([(10, 20)], (20, 25), False),
    ([(10, 20)], (19, 25), True),
    ([(0, 100), (10, 12)], (50, 60), True),  # a long early span still covers a later query
    ([(30, 40), (0, 5), (10, 12)], (6, 10), False),
]


@pytest.mark.parametrize(("spans", "query", "expected"), OVERLAPS)
def test_overlap_test(spans, query, expected):
    start, stop = query
    assert overlap_test(spans)(start, stop) is expected
    assert any(a < stop and start < b for a, b in spans) is expected


@pytest.mark.slow
def test_long_russian_article_in_windows(extract_ru_text):
    """A seed article six times over: each window's facts carry offsets into the whole text."""
    from pathlib import Path

    from extractors.pipeline import Pipeline

    seed = (
        Path(__file__).resolve().parent.parent / "data" / "articles" / "001_b12c81916ad0f1bf.txt"
    ).read_text(encoding="utf-8")
    text = "\n".join([seed] * 6)
    assert len(text) > 20_000
    ext = Pipeline().extract(Article(text, "long.txt", lang="ru"))
    alone, _ = extract_ru_text(seed)
    assert ext.facts and len(ext.facts) >= len(alone.facts)
    assert all(text[m.start : m.stop] == m.text for m in ext.mentions)
    assert all(text[f.evidence.start : f.evidence.stop] == f.evidence.sentence for f in ext.facts)
    assert {e.name for e in alone.entities} <= {e.name for e in ext.entities}
