"""One entry point from an Article to its Extraction, whatever its language."""

from __future__ import annotations

import logging

from extractors.doc import Article, Extraction
from extractors.windows import extract_windows

__all__ = ["Pipeline", "extract_article"]

log = logging.getLogger(__name__)


class Pipeline:
    """Routes each article to its language's extractor; models load on first use, once.

    `model`: a learned-layer model file for Russian (None: the shipped one); `mode`: "rules", "model" or
    "both" (extractors/learn/layer.py, issue 14).
    """

    def __init__(self, model: str | None = None, mode: str = "rules") -> None:
        self.layer = None
        if mode != "rules":  # the learned layer: imported only when used
            from extractors.learn.layer import Layer

            self.layer = Layer(model, mode)

    def extract(self, article: Article) -> Extraction:
        """Windows of a long text are extracted one by one (extractors/windows.py): bounded pieces."""
        return extract_windows(article, self.extract_whole)

    def extract_whole(self, article: Article) -> Extraction:
        if article.lang == "en":
            try:
                from extractors.en import extract_en
            except ImportError:  # the English pipeline is optional until it is installed
                log.warning("%s: no English pipeline installed; article stored without facts", article.source)
                return Extraction(article)
            return extract_en(article)
        if article.lang in ("ru", ""):
            from extractors.ru.extract import extract_ru

            return extract_ru(article, layer=self.layer)
        log.info(
            "%s: language %r has no extractor; article stored without facts", article.source, article.lang
        )
        return Extraction(article)


def extract_article(article: Article) -> Extraction:
    return Pipeline().extract(article)
