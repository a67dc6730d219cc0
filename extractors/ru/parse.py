"""The natasha Doc of one text: sentences, tokens with morphology, syntax and NER spans."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from natasha import Doc
from natasha.doc import DocSent, inject_morph, inject_syntax, offset_syntax, sent_words
from natasha.morph.lemma import normal_word
from slovnet.shape import word_shape

from extractors.ru.models import RuModels
from extractors.ru.ner import tag_ner

__all__ = ["Parsed", "Sent", "parse_text", "lemmatize_tokens", "memoise_encoder", "tag_and_parse"]

LEMMA_CACHE_SIZE = 200_000
ENCODING_CACHE_SIZE = 200_000


@dataclass
class Sent:
    """One sentence: its offsets and natasha tokens (with `lemma`, `pos`, `feats`, `head_id`, `rel`)."""

    index: int
    start: int
    stop: int
    text: str
    tokens: list
    by_id: dict = field(default_factory=dict)

    def token_at(self, offset: int):
        for token in self.tokens:
            if token.start <= offset < token.stop:
                return token
        return None

    def head(self, token):
        return self.by_id.get(token.head_id)

    def children(self, token) -> list:
        return [t for t in self.tokens if t.head_id == token.id]


@dataclass
class Parsed:
    text: str
    sents: list[Sent]
    spans: list  # natasha DocSpan with type PER / ORG / LOC, offsets into text

    def sent_at(self, offset: int) -> Sent | None:
        for sent in self.sents:
            if sent.start <= offset < sent.stop:
                return sent
        return None


def parseable(text: str) -> str:
    """The text as natasha can take it, offsets unchanged: letters Unicode cannot name become "?".

    pymorphy2 asks unicodedata for every letter's name and fails on the unnamed ones (Tangut …).
    """
    unnamed = {ch for ch in set(text) if not ch.isspace() and unicodedata.name(ch, None) is None}
    if not unnamed:  # the usual case: each distinct letter is asked once
        return text
    return text.translate({ord(ch): "?" for ch in unnamed})


def lemmatize_tokens(tokens: list, vocab, cache: dict | None = None) -> None:
    """Each token's lemma, as natasha's `DocToken.lemmatize` gives it, memoised per (word, pos, feats).

    The word as natasha looks it up (lower case, ё as е): "Форум" and "форум" are one dictionary query.
    """
    cache = _LEMMAS if cache is None else cache
    for token in tokens:
        key = (normal_word(token.text), token.pos, tuple(token.feats.items()) if token.feats else None)
        lemma = cache.get(key)
        if lemma is None:
            if len(cache) >= LEMMA_CACHE_SIZE:  # bounded, so a long build's memory stays flat
                cache.clear()
            lemma = cache[key] = vocab.lemmatize(token.text, token.pos, token.feats)
        token.lemma = lemma


_LEMMAS: dict = {}


MAX_SENT_TOKENS = 200  # the syntax parser's memory grows with the square of a sentence's length


def split_long_sents(doc: Doc, limit: int = MAX_SENT_TOKENS) -> None:
    """Cut run-on "sentences" (a page with no full stops) into pieces the parser can take."""
    out = []
    for sent in doc.sents:
        if len(sent.tokens) <= limit:
            out.append(sent)
            continue
        for i in range(0, len(sent.tokens), limit):
            chunk = sent.tokens[i : i + limit]
            start, stop = chunk[0].start, chunk[-1].stop
            out.append(DocSent(start, stop, doc.text[start:stop], tokens=chunk))
    doc.sents = out


# a line break that ends a sentence: a blank line, or a new line opening with a capital, digit or quote
LINE_END = re.compile(r"\n\s*\n|\n[ \t]*(?=[^\W\d_a-zа-яё]|[\d«\"“])", re.UNICODE)


def split_lines(doc: Doc) -> None:
    """Cut sentences at line breaks that end them: a headline or caption with no full stop is not glued
    to the first sentence of the story ("… назначен Сергей Кравцов\\nСергей Кравцов руководил …")."""
    out = []
    for sent in doc.sents:
        pieces, current = [], [sent.tokens[0]] if sent.tokens else []
        for prev, token in zip(sent.tokens, sent.tokens[1:]):
            if LINE_END.search(doc.text[prev.stop : token.start] + token.text[:1]):
                pieces.append(current)
                current = []
            current.append(token)
        pieces.append(current)
        if len(pieces) == 1:
            out.append(sent)
            continue
        for chunk in filter(None, pieces):
            start, stop = chunk[0].start, chunk[-1].stop
            out.append(DocSent(start, stop, doc.text[start:stop], tokens=chunk))
    doc.sents = out


def memoise_encoder(encoder) -> None:
    """Memoise a slovnet encoder's per-word work: the word's vocabulary id and the id of its shape.

    slovnet's `WordShapeEncoder.item` computes both anew for every word of every sentence, and the
    morphology tagger, the syntax parser and the NER each have an encoder of their own; the ids are a
    function of the word alone, so each encoder computes them once per distinct word. Idempotent.
    """
    if "item" in vars(encoder):
        return
    words_vocab, shapes_vocab = encoder.words_vocab, encoder.shapes_vocab
    memo: dict[str, tuple[int, int]] = {}

    def item(words: list[str]) -> tuple[list[int], list[int]]:
        word_ids, shape_ids = [], []
        for word in words:
            found = memo.get(word)
            if found is None:
                if len(memo) >= ENCODING_CACHE_SIZE:  # bounded, so a long build's memory stays flat
                    memo.clear()
                found = memo[word] = (words_vocab.encode(word.lower()), shapes_vocab.encode(word_shape(word)))
            word_ids.append(found[0])
            shape_ids.append(found[1])
        return word_ids, shape_ids

    encoder.item = item


def by_length(items: list[list[str]], tagger) -> list:
    """`tagger.map(items)`, fed shortest first and returned in the items' order.

    slovnet pads each batch of 8 sentences to its longest; sentences of like length batched together
    waste less (its pad mask keeps the output the same, which tests/test_parse.py checks).
    """
    order = sorted(range(len(items)), key=lambda i: (len(items[i]), i))
    out = [None] * len(items)
    for i, markup in zip(order, tagger.map([items[i] for i in order])):
        out[i] = markup
    return out


def tag_and_parse(doc: Doc, tagger, parser) -> None:
    """natasha's `doc.tag_morph(tagger)` then `doc.parse_syntax(parser)`, sentences batched by length."""
    words = [sent_words(sent) for sent in doc.sents]
    for sent, markup in zip(doc.sents, by_length(words, tagger)):
        inject_morph(sent.tokens, markup.tokens)
    for sent_id, (sent, markup) in enumerate(zip(doc.sents, by_length(words, parser)), 1):
        inject_syntax(sent.tokens, markup.tokens)
        offset_syntax(sent_id, sent.tokens)


def retag_former(tokens: list) -> None:
    """ "Экс-председатель" at a sentence start is tagged an adjective in the genitive: a noun, its
    case unknown, when its lemma is no adjective's."""
    for token in tokens:
        lemma = token.lemma or ""
        if token.pos == "ADJ" and lemma.startswith("экс-") and not lemma.endswith(("ый", "ий", "ой")):
            token.pos = "NOUN"
            token.feats = {k: v for k, v in (token.feats or {}).items() if k != "Case"}


def parse_text(text: str, models: RuModels) -> Parsed:
    """segment -> morphology -> lemmas -> syntax -> NER, as natasha's Doc does it."""
    if not text.strip():
        return Parsed(text, [], [])  # natasha's syntax parser fails on a text with no token
    for model in (models.morph_tagger, models.syntax_parser, models.ner_tagger):
        memoise_encoder(model.infer.encoder)
    doc = Doc(parseable(text))
    doc.segment(models.segmenter)
    split_lines(doc)
    split_long_sents(doc)
    tag_and_parse(doc, models.morph_tagger, models.syntax_parser)
    tag_ner(doc, models.ner_tagger)
    lemmatize_tokens(doc.tokens, models.morph_vocab)
    retag_former(doc.tokens)
    sents: list[Sent] = []
    for sent in doc.sents:
        tokens = list(sent.tokens)
        last = sents[-1] if sents else None
        if (
            last is not None
            and last.text.count("«") > last.text.count("»")
            and "\n" not in text[last.stop : sent.start]
        ):
            # a full stop inside quotes («ИННОПРОМ. Беларусь») does not end the sentence
            last.tokens += tokens
            last.by_id.update({t.id: t for t in tokens})
            last.stop = sent.stop
            last.text = text[last.start : last.stop]
            continue
        # the sentence as the article has it (natasha saw a copy with unnamed letters replaced)
        sents.append(
            Sent(
                len(sents),
                sent.start,
                sent.stop,
                text[sent.start : sent.stop],
                tokens,
                {t.id: t for t in tokens},
            )
        )
    return Parsed(text, sents, list(doc.spans))
