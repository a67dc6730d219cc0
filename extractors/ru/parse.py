"""The natasha Doc of one text: sentences, tokens with morphology, syntax and NER spans."""

from __future__ import annotations

from dataclasses import dataclass, field

from natasha import Doc

from extractors.ru.models import RuModels

__all__ = ["Parsed", "Sent", "parse_text"]


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


def parse_text(text: str, models: RuModels) -> Parsed:
    """segment -> morphology -> lemmas -> syntax -> NER, as natasha's Doc does it."""
    doc = Doc(text)
    doc.segment(models.segmenter)
    doc.tag_morph(models.morph_tagger)
    doc.parse_syntax(models.syntax_parser)
    doc.tag_ner(models.ner_tagger)
    for token in doc.tokens:
        token.lemmatize(models.morph_vocab)
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
        sents.append(Sent(len(sents), sent.start, sent.stop, sent.text, tokens, {t.id: t for t in tokens}))
    return Parsed(text, sents, list(doc.spans))
