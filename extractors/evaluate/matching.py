"""Matching helpers: lemmas of head nouns, date agreement, sentences, span overlap, bipartite matching."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from extractors.doc import Article, Value
from extractors.evaluate.records import VOCAB, GoldDoc, Span

__all__ = ["Lemmas", "adapt_article", "date_matches", "match", "overlaps", "sentence_around"]

WORD = re.compile(r"\w+(?:-\w+)*")
BOUNDARY = re.compile(r"[.!?…]\s|\n")
DATE_TYPES = frozenset({"date", "gYearMonth", "gYear", "gMonthDay"})  # startDate and endDate; startPeriod
ISO_DATE = re.compile(r"(\d{4}|-)(?:-(\d{2})(?:-(\d{2}))?)?$")  # 2024-07-11, 1945-04, 1988, --04-27
NUMBER = re.compile(r"\d+")
MONTHS = [
    re.compile(p)
    for p in (
        r"\bянвар|\bjanuary",
        r"\bфеврал|\bfebruary",
        r"\bмарт|\bmarch\b",
        r"\bапрел|\bapril",
        r"\bма[йяюе]\b|\bmay\b",
        r"\bиюн|\bjune",
        r"\bиюл|\bjuly",
        r"\bавгуст|\baugust",
        r"\bсентябр|\bseptember",
        r"\bоктябр|\boctober",
        r"\bноябр|\bnovember",
        r"\bдекабр|\bdecember",
    )
]


def load_gatherings(path: Path = VOCAB / "gatherings.txt") -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


class Lemmas:
    """Cached pymorphy3 lemmas for head nouns and gathering words; build once, pass in."""

    def __init__(self, morph: object | None = None, gatherings: Iterable[str] | None = None) -> None:
        if morph is None:
            import pymorphy3  # loaded here, not at import time: `--help` stays fast

            morph = pymorphy3.MorphAnalyzer()
        self.morph = morph
        self.cache: dict[str, tuple[str, bool]] = {}
        self.parses: dict[str, list] = {}
        words = load_gatherings() if gatherings is None else gatherings
        self.gatherings = [tuple(self.lemmas(w)) for w in words]

    def parse(self, word: str) -> tuple[str, bool]:
        """(lemma, is a noun) of one word."""
        hit = self.cache.get(word)
        if hit is None:
            best = self.morph.parse(word)[0]
            hit = self.cache[word] = (best.normal_form.replace("ё", "е"), "NOUN" in best.tag)
        return hit

    def lemmas(self, text: str) -> list[str]:
        return [self.parse(w)[0] for w in WORD.findall(text.lower())]

    def analyses(self, word: str) -> list:
        hit = self.parses.get(word)
        if hit is None:
            hit = self.parses[word] = self.morph.parse(word)
        return hit

    def head_noun(self, text: str) -> str:
        """The lemma of the first noun ("председателя Банка России" -> "председатель").

        Words are read in context: a word read rather as an adjective, agreeing in case with the next
        word, modifies it ("главного тренера": not the noun "главное"), and of a noun's readings a person's
        (animate) one wins ("премьера Великобритании": "премьер", not "премьера"). An acting holder's
        post is the post ("исполняющий обязанности председателя": "председатель")."""
        words = WORD.findall(text.lower())
        for index, word in enumerate(words):
            if word[0].isdigit():
                continue  # "43-м президентом": an ordinal, never the post
            parses = self.analyses(word)
            # a letter read as an abbreviation ("и", "о" of "И. о.") only when nothing else fits
            nouns = [p for p in parses if "NOUN" in p.tag and ("Abbr" not in p.tag or p is parses[0])]
            if not nouns or self.modifies(word, words[index + 1 : index + 2]) or self.acting(words, index):
                continue
            animate = [p for p in nouns if "anim" in p.tag]
            best = max(animate or nouns, key=lambda p: p.score)
            # "экс-председатель" is a "председатель" held before, as "бывший председатель" is
            return best.normal_form.replace("ё", "е").removeprefix("экс-")
        return self.parse(words[0])[0] if words else ""

    def acting(self, words: list[str], index: int) -> bool:
        """ "обязанности" of "исполняющий обязанности председателя": the post held is the one after it,
        as in "и. о. председателя"."""
        return words[index] == "обязанности" and index > 0 and words[index - 1].startswith("исполняющ")

    def modifies(self, word: str, following: list[str]) -> bool:
        """The word reads rather as an adjective (or participle) than as a noun, in the case of the next word."""
        if not following:
            return False
        parses = self.analyses(word)
        adjectives = [p for p in parses if {"ADJF", "PRTF"} & p.tag.grammemes]
        if sum(p.score for p in adjectives) <= sum(p.score for p in parses if "NOUN" in p.tag):
            return False  # "главой": the noun "глава", though "главый" could be an adjective
        return bool({p.tag.case for p in adjectives} & {p.tag.case for p in self.analyses(following[0])})

    def is_gathering(self, text: str) -> bool:
        lemmas = self.lemmas(text)
        for words in self.gatherings:
            if len(words) == 1 and any(lemma.endswith(words[0]) for lemma in lemmas):
                return True  # кинофестиваль, пресс-конференция
            n = len(words)
            if n > 1 and any(tuple(lemmas[i : i + n]) == words for i in range(len(lemmas) - n + 1)):
                return True
        return False


def date_matches(value: object, text: str) -> bool:
    """A date Value agrees with a gold date text by day number, month name and year (the package's rules)."""
    if not isinstance(value, Value) or value.datatype not in DATE_TYPES:
        return False
    found = ISO_DATE.match(value.text)
    if not found:
        return False
    year, month, day = found.groups()
    low = text.lower()
    numbers = NUMBER.findall(low)
    years = {n for n in numbers if len(n) == 4}
    months = {i + 1 for i, pattern in enumerate(MONTHS) if pattern.search(low)}
    if year == "-":  # a day without a year: its day, and its month where the gold text names one
        return (
            bool(day)
            and (not months or int(month) in months)
            and int(day) in {int(n) for n in numbers if len(n) <= 2}
        )
    if (years and year not in years) or (month and months and int(month) not in months):
        return False
    if day:
        return int(day) in {int(n) for n in numbers if len(n) <= 2}
    return year in years or bool(month and int(month) in months)


def sentence_around(text: str, start: int, stop: int) -> str:
    """The text from the sentence boundary before `start` to the one after `stop`, on one line."""
    before = text[max(0, start - 400) : start]
    ends = [m.end() for m in BOUNDARY.finditer(before)]
    left = start - len(before) + (ends[-1] if ends else 0)
    after = BOUNDARY.search(text, stop, stop + 400)
    right = after.start() + 1 if after else min(len(text), stop + 400)
    return " ".join(text[left:right].split())


def overlaps(spans: Iterable[Span], others: Sequence[Span]) -> bool:
    return any(a < d and c < b for a, b in spans for c, d in others)


def match(edges: Sequence[Sequence[int]]) -> dict[int, int]:
    """Maximum bipartite matching (Kuhn): edges[i] lists the gold items prediction i may match."""
    owner: dict[int, int] = {}

    def assign(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or assign(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    for i, options in enumerate(edges):
        if options:
            assign(i, set())
    return owner


def adapt_article(doc: GoldDoc) -> Article:
    cyrillic = sum("а" <= c <= "я" for c in doc.text.lower())
    latin = sum("a" <= c <= "z" for c in doc.text.lower())
    lang = "" if not cyrillic + latin else ("ru" if cyrillic >= latin else "en")
    return Article(text=doc.text, source=doc.id, path=doc.source, lang=lang)
