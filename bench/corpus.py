"""Corpora for the benchmarks: NEREL texts replicated into JSONL, and real extractions replayed cheaply.

Not a benchmark itself: the scripts beside it import it.
"""

from __future__ import annotations

import json
import os
import pickle
import resource
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractors.doc import Article, Entity, Extraction  # noqa: E402

NEREL = ROOT.parent / "shared" / "eval" / "nerel-dev.jsonl"
CACHE = Path(os.environ.get("FORUMGRAPH_BENCH_CACHE", Path.home() / ".cache" / "forumgraph-bench"))


def load_texts(path: str | Path = NEREL) -> list[str]:
    """The "text" of every line of a JSONL file (NEREL's dev set by default)."""
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line)["text"] for line in lines if line.strip()]


def write_corpus(path: Path, texts: list[str], count: int, langs: list[str] | None = None) -> Path:
    """`count` articles, the texts over and over, one JSON line each (a distinct source per line)."""
    with open(path, "w", encoding="utf-8") as out:
        for number in range(count):
            which = number % len(texts)
            line = {"text": texts[which], "lang": langs[which] if langs else "ru"}
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    return path


def load_samples() -> tuple[list[str], list[str]]:
    """The project's sample articles (forums, posts, meetings) as (texts, languages)."""
    from extractors.read import Skipped, load_articles

    found = [a for a in load_articles([str(ROOT / "data" / "articles")]) if not isinstance(a, Skipped)]
    return [a.text for a in found], [a.lang for a in found]


def line_number(article: Article) -> int:
    """The line of a JSONL article ("feed.jsonl#12" -> 12); 0 for other sources."""
    _, _, tail = article.source.rpartition("#")
    return int(tail) if tail.isdigit() else 0


def real_extractions(texts: list[str], langs: list[str] | None = None) -> dict[str, Extraction]:
    """forumgraph's real extraction of each distinct text, by text; cached on disk between runs."""
    import hashlib

    from extractors.pipeline import Pipeline

    langs = langs or ["ru"] * len(texts)
    digest = hashlib.sha256("\n\0".join(texts + langs).encode("utf-8"))
    for path in sorted((ROOT / "extractors").rglob("*.*")):  # a changed extractor makes a new cache
        if path.suffix in (".py", ".tsv", ".txt"):
            digest.update(path.read_bytes())
    key = digest.hexdigest()[:16]
    cache = CACHE / f"extractions-{key}.pickle"
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    pipeline = Pipeline()
    found = {}
    for number, (text, lang) in enumerate(zip(texts, langs)):
        if text not in found:
            found[text] = pipeline.extract(Article(text, f"bench#{number}", lang=lang))
    CACHE.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(pickle.dumps(found))
    return found


class Replay:
    """A cheap stand-in extractor: the real extraction of the same text, its entities renamed per copy.

    Copy k of a text gets names "…-<letters of k>", so the graph grows with new people, organisations and events
    as a real corpus of distinct articles would; the first copy keeps the real names.
    """

    def __init__(self, extractions: dict[str, Extraction], copies_of: int):
        self.extractions = extractions
        self.copies_of = copies_of  # texts per copy: line n is copy n // copies_of

    def __call__(self, article: Article) -> Extraction:
        base = self.extractions[article.text]
        copy = line_number(article) // self.copies_of
        if copy == 0:
            return replace(base, article=article)
        return Extraction(
            article,
            tuple(rename(e, copy) for e in base.entities),
            base.mentions,
            base.facts,
        )


LETTERS = "бвгдклмнпрст"


def copy_code(copy: int) -> str:
    """Copy k as letters ("в", "бг" …): a person's key keeps letters only, so digits would vanish."""
    out = ""
    while True:
        copy, digit = divmod(copy, len(LETTERS))
        out = LETTERS[digit] + out
        if not copy:
            return out


def renamed(name: str, copy: int) -> str:
    """The name of copy k: "Иван Петров" -> "Иван Петров-бг", "ТУСУР" -> "ТУСУР-бг".

    Glued to the last word, so a person's key (first name and surname) differs per copy.
    """
    return f"{name}-{copy_code(copy)}"


def rename(entity: Entity, copy: int) -> Entity:
    return replace(
        entity,
        name=renamed(entity.name, copy),
        alt_names=tuple(renamed(a, copy) for a in entity.alt_names),
        ident=renamed(entity.ident, copy) if entity.ident else "",
    )


def peak_rss_mb(children: bool = False) -> float:
    """Peak resident memory of this process (or of its waited-for children), in MB."""
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    return resource.getrusage(who).ru_maxrss / 1024


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def machine() -> str:
    return f"{os.cpu_count()} CPUs, load average {load_average()} at {time.strftime('%Y-%m-%d %H:%M')}"
