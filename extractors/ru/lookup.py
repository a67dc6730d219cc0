"""Gazetteer look-ups by lemmas, so every inflected form of a known name finds it."""

from __future__ import annotations

from functools import lru_cache

from razdel import tokenize

from extractors.vocab import Gazetteer, GazetteerEntry, fold

__all__ = ["RuGazetteer", "MemoGazetteer"]

# Look-ups repeat across the sentences and articles of a build: memoised, with bounded memory.
MEMO_SIZE = 100_000
QUOTES = '«»"“”„'
_fold = lru_cache(maxsize=MEMO_SIZE)(fold)


def _lemma(vocab, word: str) -> str:
    forms = vocab(word.lower()) if word.isalpha() else []
    return _fold(forms[0].normal if forms else word)


class MemoGazetteer:
    """A Gazetteer whose look-ups by name are memoised; otherwise the same object."""

    def __init__(self, gazetteer: Gazetteer):
        self.inner = gazetteer
        self.entries = gazetteer.entries
        self.by_name = gazetteer.by_name
        self._get = lru_cache(maxsize=MEMO_SIZE)(gazetteer.get)

    def get(self, name: str) -> GazetteerEntry | None:
        return self._get(name)


class RuGazetteer:
    """The gazetteer indexed by folded names and by the lemmas of their words."""

    def __init__(self, gazetteer: Gazetteer, vocab):
        self.gazetteer = MemoGazetteer(gazetteer)
        self.vocab = vocab
        self.key_of_text = lru_cache(maxsize=MEMO_SIZE)(self._key_of_text)
        self.by_lemmas: dict[str, GazetteerEntry] = {}
        for entry in gazetteer.entries:
            for name in entry.names:
                key = self.key_of_text(name)
                if key:
                    self.by_lemmas.setdefault(key, entry)

    def _key_of_text(self, text: str) -> str:
        return " ".join(_lemma(self.vocab, t.text) for t in tokenize(text) if t.text not in QUOTES)

    def key_of_tokens(self, tokens) -> str:
        return " ".join(_fold(t.lemma or t.text) for t in tokens if t.text not in QUOTES)

    def find(self, text: str, tokens=()) -> GazetteerEntry | None:
        """By the name as written, then by its tokens' lemmas, then by the dictionary lemmas of the text."""
        entry = self.gazetteer.get(text)
        if entry is None and tokens:
            entry = self.by_lemmas.get(self.key_of_tokens(tokens))
        if entry is None:
            entry = self.by_lemmas.get(self.key_of_text(text))
        return entry
