"""Stable instance IRIs: derived from type and canonical name, transliterated to ASCII."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import URIRef

from extractors.doc import EVENT_TYPES, ORG_TYPES
from extractors.vocab import fold
from graph.vocab import FGR

__all__ = ["slug", "translit", "category", "entity_iri", "article_iri", "mention_iri", "evidence_iri"]

# Russian letters to Latin, close to the BGN/PCGN romanisation used in English-language news
# (Юрий Петухов -> yuriy-petukhov).
TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    "і": "i", "ў": "u", "є": "ye", "ї": "yi",
}  # fmt: skip

CATEGORY = {"Person": "person", "Place": "place", "EventSeries": "series", "Position": "position"}
CATEGORY.update({t: "org" for t in ORG_TYPES})
CATEGORY.update({t: "event" for t in EVENT_TYPES})


def translit(text: str) -> str:
    """Cyrillic to ASCII Latin; other letters lose their accents."""
    out = "".join(TRANSLIT.get(ch, ch) for ch in fold(text))
    return unicodedata.normalize("NFKD", out).encode("ascii", "ignore").decode("ascii")


def slug(text: str, limit: int = 80) -> str:
    """A readable IRI segment; long names are cut and end in a short hash so they stay unique."""
    base = re.sub(r"[^a-z0-9]+", "-", translit(text)).strip("-") or "x"
    if len(base) > limit:
        digest = hashlib.sha1(fold(text).encode("utf-8")).hexdigest()[:8]
        base = base[:limit].rstrip("-") + "-" + digest
    return base


def category(type_name: str) -> str:
    try:
        return CATEGORY[type_name]
    except KeyError:
        raise ValueError(f"expected an entity type of the ontology, got {type_name!r}") from None


def entity_iri(type_name: str, ident: str) -> URIRef:
    """The node of an entity: `fgr:person/yuriy-petukhov`."""
    return FGR[f"{category(type_name)}/{slug(ident)}"]


def article_iri(source: str) -> URIRef:
    """One article (and its named graph), keyed by its source so a changed text replaces it."""
    digest = hashlib.sha1(source.encode("utf-8")).hexdigest()[:10]
    return FGR[f"article/{slug(source, 60)}-{digest}"]


def _article_part(article: URIRef) -> str:
    return str(article).rsplit("/", 1)[-1]


def mention_iri(article: URIRef, start: int, stop: int) -> URIRef:
    """`fgr:mention/<article>/<start>-<stop>`."""
    return FGR[f"mention/{_article_part(article)}/{start}-{stop}"]


def evidence_iri(article: URIRef, key: str) -> URIRef:
    """`fgr:evidence/<article>/<hash of the fact and its offsets>`."""
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
    return FGR[f"evidence/{_article_part(article)}/{digest}"]
