"""Long texts cut into bounded windows, each extracted alone, the extractions joined with article offsets.

natasha's stages and our resolution rules cost more than linearly on one long run of text (a page
with no full stops, a dump, a log); a window bounds what any of them sees, so an article's time and
memory grow linearly with its length. Windows end at a line break, else at a sentence end, else
between words, so an ordinary long article loses little: coreference does not cross a window, and a
name found in two windows gives two entities, which the graph joins when their names agree.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import replace

from extractors.doc import Article, Entity, Evidence, Extraction, Fact, Mention

__all__ = ["WINDOW_CHARS", "cut_windows", "extract_windows", "shift_extraction"]

log = logging.getLogger(__name__)

WINDOW_CHARS = 20_000  # longer than any article of the seeds and dev sets: those are extracted whole

# where a window may end, best first: after a line break, after a sentence end, after a space
BREAKS = (re.compile(r"\n"), re.compile(r"[.!?…][»\"”)]*\s"), re.compile(r"\s"))


def cut_windows(text: str, limit: int = WINDOW_CHARS) -> list[tuple[int, int]]:
    """(start, stop) windows that tile `text`, each at most `limit` characters long.

    A window ends at the last break of the best kind in its second half; a text with no break at
    all (one 5 MB "word") is cut every `limit` characters.
    """
    if limit < 2:
        raise ValueError(f"expected a window of at least 2 characters, got {limit}")
    windows: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        stop = start + limit
        for brk in BREAKS:
            ends = [m.end() for m in brk.finditer(text, start, stop) if m.end() > start + limit // 2]
            if ends:
                stop = ends[-1]
                break
        windows.append((start, stop))
        start = stop
    windows.append((start, len(text)))
    return windows


def shift_extraction(ext: Extraction, article: Article, offset: int, prefix: str) -> Extraction:
    """A window's extraction as part of `article`: offsets moved by `offset`, entity keys prefixed."""

    def key(name: str) -> str:
        return prefix + name

    def evidence(ev: Evidence | None) -> Evidence | None:
        return ev and Evidence(ev.start + offset, ev.stop + offset, ev.sentence)

    entities = tuple(replace(e, key=key(e.key)) for e in ext.entities)
    mentions = tuple(Mention(m.start + offset, m.stop + offset, m.text, key(m.key)) for m in ext.mentions)
    facts = tuple(
        Fact(
            key(f.subject),
            f.predicate,
            key(f.object) if isinstance(f.object, str) else f.object,
            evidence(f.evidence),
        )
        for f in ext.facts
    )
    return Extraction(article, entities, mentions, facts)


def extract_windows(
    article: Article, extract: Callable[[Article], Extraction], limit: int = WINDOW_CHARS
) -> Extraction:
    """`extract` on each window of the article's text, joined into the article's one Extraction."""
    windows = cut_windows(article.text, limit)
    if len(windows) == 1:
        return extract(article)
    log.info("%s: %d characters, extracted in %d windows", article.source, len(article.text), len(windows))
    entities: list[Entity] = []
    mentions: list[Mention] = []
    facts: list[Fact] = []
    width = len(str(len(windows)))
    for number, (start, stop) in enumerate(windows):
        part = extract(replace(article, text=article.text[start:stop]))
        shifted = shift_extraction(part, article, start, f"w{number:0{width}}:")
        entities += shifted.entities
        mentions += shifted.mentions
        facts += shifted.facts
    return Extraction(article, tuple(entities), tuple(mentions), tuple(facts))
