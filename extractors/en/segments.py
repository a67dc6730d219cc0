"""Split an English article into paragraphs and sentences, dropping page furniture, and parse them."""

from __future__ import annotations

import re
from typing import Any

from extractors.en.document import EnDoc, Sent
from extractors.en.lexicon import Lexicon, norm_phrase

__all__ = ["split_blocks", "segment_doc"]


def split_blocks(text: str, lexicon: Lexicon) -> list[tuple[int, int]]:
    """Offsets of the text lines worth reading: not empty, not furniture, not after a list of other posts."""
    blocks = []
    for match in re.finditer(r"[^\n]+", text):
        start, stop = match.span()
        line = match.group()
        start += len(line) - len(line.lstrip())
        stop -= len(line) - len(line.rstrip())
        if start >= stop:
            continue
        kind = lexicon.furniture.get(norm_phrase(text[start:stop]).strip(":"))
        if kind == "list":
            break  # links to other articles follow; none of them is about this one
        if kind is None:
            blocks.append((start, stop))
    return blocks


def _open_quote(text: str) -> bool:
    return text.count('"') % 2 == 1 or text.count("“") > text.count("”") or text.count("«") > text.count("»")


def _join_quoted(spacy_doc: Any) -> list[Any]:
    """spaCy's sentences, joined where a break falls inside quotes ('Forum "Technoprom: Science, ..."')."""
    spans, first = [], None
    for span in spacy_doc.sents:
        first = span.start if first is None else first
        if not _open_quote(spacy_doc[first : span.end].text) or span.end == len(spacy_doc):
            spans.append(spacy_doc[first : span.end])
            first = None
    return spans


def segment_doc(doc: EnDoc, nlp: Any, lexicon: Lexicon) -> None:
    """Fill doc.sents: each line is parsed on its own, so a headline never runs into the text."""
    blocks = split_blocks(doc.text, lexicon)
    parsed = nlp.pipe(doc.text[start:stop] for start, stop in blocks)
    for index, ((start, _), spacy_doc) in enumerate(zip(blocks, parsed)):
        for span in _join_quoted(spacy_doc):
            first, last = span.start_char, span.end_char
            while last > first and spacy_doc.text[last - 1].isspace():
                last -= 1
            if last > first:
                doc.sents.append(Sent(start + first, start + last, index, span, start))
