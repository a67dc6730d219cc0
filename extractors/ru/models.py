"""natasha's models, built once per process and passed to every stage."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

__all__ = ["RuModels", "load_ru_models"]


@dataclass
class RuModels:
    segmenter: object
    morph_vocab: object
    morph_tagger: object
    syntax_parser: object
    ner_tagger: object


@lru_cache(maxsize=1)
def load_ru_models() -> RuModels:
    """natasha ships its models inside the package: nothing is downloaded."""
    from natasha import (
        NewsEmbedding,
        NewsMorphTagger,
        NewsNERTagger,
        NewsSyntaxParser,
        Segmenter,
    )

    from extractors.ru.morph import RuMorphVocab

    emb = NewsEmbedding()
    return RuModels(
        segmenter=Segmenter(),
        morph_vocab=RuMorphVocab(),
        morph_tagger=NewsMorphTagger(emb),
        syntax_parser=NewsSyntaxParser(emb),
        ner_tagger=NewsNERTagger(emb),
    )
