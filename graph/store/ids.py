"""Stable instance IRIs: derived from type and canonical name, transliterated to ASCII."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from rdflib import URIRef

from extractors.doc import EVENT_TYPES, ORG_TYPES
from extractors.vocab import fold
from graph.store.vocab import FGR

__all__ = [
    "slug",
    "translit",
    "person_key",
    "category",
    "entity_iri",
    "article_iri",
    "mention_iri",
    "evidence_iri",
]

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


# Person keys: one romanisation whether the name was written in Cyrillic or in Latin letters, so that
# "Сергей Бочаров", "Sergey Bocharov" and "Sergei Bocharov" are one node. The target is the spelling
# `translit` gives a Cyrillic name (yuriy, sergey, evgeniya, rulevskiy); the rules below bring the usual
# English and German romanisations to it. They apply to every Cyrillic name and to Latin names that look
# Russian (a Slavic surname ending or a Russian given name), so "John Kennedy" keeps its own spelling.
C = "bcdfgklmnprstvz"  # consonants that end a stem before -iy, -ia ("h" stands in kh, zh, sh, ch)
ROMANISATION = [
    (r"x", "ks"),  # Alexey -> aleksey
    (r"w", "v"),  # Wladimir
    (r"tz", "ts"),  # Kuznetzov
    (r"gu(?=[ei])", "g"),  # Serguei
    (r"^j(?=[aeu])", "y"),  # Jurij, Jakov, Julia
    (r"[iy]j$", "iy"),  # Evgenij
    (r"^ye", "e"),  # Yevgeny, Yelena: translit writes initial е as e
    (r"(?<=[aeiou])ye", "e"),  # Sergeyev, Dostoyevsky
    (rf"(?<=[{C}h])[iy]e(?=v)", "e"),  # Grigoriev, Grigoryev, Григорьев -> grigorev
    (rf"(?:^y|(?<=[{C}h])[iy])o(?=[{C}h])", "e"),  # Fyodor, Pyotr, Piotr, Semyon, Artyom (ё is written е)
    (rf"(?<=[{C}])ia$", "iya"),  # Evgenia, Maria -> evgeniya, mariya
    (r"aia$", "aya"),  # Rynskaia
    (r"^i(?=[au])", "y"),  # Iakov, Iurii
    (rf"(?<=[{C}])i(?=[au])", "y"),  # Viacheslav, Tatiana, Liudmila
    (r"(?<=[aeiou])h(?=[aeiou])", "kh"),  # Mihail, Zaharova
    (r"ei$", "ey"),  # Sergei, Andrei, Alexei
    (r"ai$", "ay"),  # Nikolai
    (r"oi$", "oy"),  # Tolstoi
    (rf"(?<=[{C}])(?:ii|yi)$", "iy"),  # Dmitrii, Rulevskii
    (r"(?<=k)(?:y|i)$", "iy"),  # -sky, -ski: Rulevsky -> rulevskiy
    (r"ksander$", "ksandr"),  # Alexander -> aleksandr
]
GIVEN_ENDING = (rf"(?<=[{C}])(?:y|i)$", "iy")  # Yury, Yuri, Dmitry, Georgy: given names only
SLAVIC_SURNAME = re.compile(
    r"(?:ov|ova|ev|eva|yov|yova|in|ina|yn|yna|sky|skiy|skii|ski|skaya|skaia|tsky|enko|uk|yuk|iuk|chuk"
    r"|vich|ich|ikh|ykh|ko|aya|oy|oi|ets|dze|shvili|yan|ian)$"
)
RUSSIAN_GIVEN = frozenset(
    "aleksandr aleksandra aleksey alla anatoliy andrey anna anton arkadiy artem boris dariya denis "  # noqa: SIM905
    "dmitriy elena evgeniy evgeniya fedor gennadiy georgiy grigoriy igor ilya irina kirill konstantin "
    "kseniya larisa leonid lyudmila mariya marina mikhail nadezhda natalya nikita nikolay oksana oleg "
    "olga pavel petr roman ruslan semen sergey stanislav svetlana tatyana valentin valentina valeriy "
    "vasiliy vera viktor viktoriya vitaliy vladimir vladislav vyacheslav yaroslav yuliya yuriy".split()
)
CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


def romanise(word: str, given: bool = False) -> str:
    """One word of a person's name (lower-case ASCII) in the project's romanisation."""
    for pattern, repl in ROMANISATION:
        word = re.sub(pattern, repl, word)
    if given:
        word = re.sub(*GIVEN_ENDING, word)
    return word


def person_key(name: str) -> str:
    """The identity of a person in ASCII: given name and surname, romanised one way.

    "Сергей Бочаров", "Sergey Bocharov", "Sergei Bocharov" -> "sergey bocharov";
    "Евгения Жданова", "Evgenia Zhdanova" -> "evgeniya zhdanova"; "John Kennedy" -> "john kennedy".
    """
    cyrillic = bool(CYRILLIC.search(name))
    # a soft sign before a vowel is heard as y: Ильин -> ilyin, Григорьев -> grigoryev
    text = re.sub(r"[ьъ](?=[аеёиоуыэюя])", "й", fold(name)) if cyrillic else name
    words = translit(text).split()
    words = [words[0], words[-1]] if len(words) > 2 else words
    parts = [re.findall(r"[a-z]+", word) for word in words]
    given = [romanise(p, given=True) for p in parts[0]] if parts else []
    russian = cyrillic or (
        len(parts) > 1
        and (any(SLAVIC_SURNAME.search(p) for p in parts[-1]) or any(g in RUSSIAN_GIVEN for g in given))
    )
    if not russian:
        return " ".join("-".join(p) for p in parts)
    out = ["-".join(given)] + ["-".join(romanise(p) for p in word) for word in parts[1:]]
    return re.sub(r"yy", "y", " ".join(out))


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


@lru_cache(maxsize=65536)  # names repeat across a corpus; romanising them is the cost of a build
def entity_iri(type_name: str, ident: str) -> URIRef:
    """The node of an entity: `fgr:person/yuriy-petukhov`; persons by `person_key`, the rest by `slug`."""
    if type_name == "Person":
        return FGR[f"person/{slug(person_key(ident))}"]
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
