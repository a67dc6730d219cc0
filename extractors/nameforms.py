"""Forms of one name: case endings, initials, abbreviations, the same name in another script."""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from functools import cache

from extractors.vocab import fold

__all__ = [
    "person_ident",
    "split_person",
    "same_word",
    "inflection_of",
    "abbreviates",
    "latin",
    "sounds_alike",
    "PATRONYMIC",
]

# Case endings of Russian names: two forms with one stem and endings from this set are one name.
ENDINGS = frozenset(
    "а я у ю е и ы о й ь ом ем ой ей ою ею ым им ых их ого его ому ему ая яя ую юю ий ый ие ые".split()  # noqa: SIM905
) | {""}
INITIALS = re.compile(r"^((?:[A-ZА-ЯЁ][a-zа-яё]?\.\s*)+)([^.\s].*)$")
PATRONYMIC = re.compile(r"(?:ович|евич|ич|овна|евна|ична|инична)(?:а|у|ем|ом|е|ы|ой|ну)?$", re.IGNORECASE)
FUNCTION_WORDS = frozenset(
    "по и в во на за с со для при имени им of the and for de la le pour des du".split()  # noqa: SIM905
)
# Cyrillic to Latin letters, only to compare a name with its original spelling (graph.store.ids makes the IRIs).
LATIN = dict(
    zip(
        "абвгдежзийклмнопрстуфхцчшщыэюя",
        "a b v g d e zh z i y k l m n o p r s t u f kh ts ch sh shch y e yu ya".split(),  # noqa: SIM905
    )
)


def person_ident(name: str) -> str:
    """First name and surname: the identity of a person whether or not the patronymic is written."""
    words = name.split()
    return f"{words[0]} {words[-1]}" if len(words) >= 2 else name


def split_person(name: str) -> tuple[str, list[str]]:
    """ "Б.Обама" -> ("Б", ["Обама"]); "Юрий Борисович Гриценко" -> ("", ["Юрий", "Борисович", "Гриценко"])."""
    m = INITIALS.match(name.strip())
    if m:
        return re.sub(r"[.\s]", "", m.group(1)), m.group(2).split()
    return "", name.split()


def same_word(a: str, b: str) -> bool:
    """Two forms of one name: one stem, case endings ("Рулевского" ~ "Рулевский", "Обамы" ~ "Обама")."""
    a, b = fold(a), fold(b)
    if a == b:
        return True
    common = 0
    for x, y in zip(a, b):
        if x != y:
            break
        common += 1
    return (
        common >= 3 and common >= max(len(a), len(b)) - 3 and a[common:] in ENDINGS and b[common:] in ENDINGS
    )


def inflection_of(form: str, name: str) -> bool:
    """ "Хабаровского края" is an inflection of "Хабаровский край"; "ТУСУРа" is none of the university's name."""
    a, b = fold(form).split(), fold(name).split()
    return len(a) == len(b) and all(same_word(x, y) for x, y in zip(a, b))


def abbreviates(abbr: str, name: str) -> bool:
    """`abbr` is made of the starts of the words of `name`, in order: МВД, СК, Совбез, РАНХиГС."""
    letters = fold(re.sub(r"[\s.\-]", "", abbr))
    words = [w for w in re.split(r"[\s\-]+", fold(name)) if w]
    if len(letters) < 2 or len(words) < 2 or " " in abbr.strip():
        return False
    # a trailing proper name may be left out: ХДС = Христианско-демократический союз Германии
    optional = 1 if len(name.split()) > 2 and name.split()[-1][:1].isupper() else 0

    @cache
    def match(i: int, j: int, used: int) -> bool:
        if i == len(letters):
            rest = [w for w in words[j:] if w not in FUNCTION_WORDS]
            return used >= 2 and len(rest) <= optional
        if j == len(words):
            return False
        word = words[j]
        if word in FUNCTION_WORDS and match(i, j + 1, used):
            return True
        size = 1
        while size <= len(word) and i + size <= len(letters) and letters[i + size - 1] == word[size - 1]:
            if match(i + size, j + 1, used + (word not in FUNCTION_WORDS)):
                return True
            size += 1
        return False

    return match(0, 0, 0)


def latin(text: str) -> str:
    """Letters only, in Latin: to compare names across scripts."""
    text = "".join(LATIN.get(ch, ch) for ch in fold(text).replace("ь", "").replace("ъ", ""))
    return re.sub(r"[^a-z ]", "", unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode())


def sounds_alike(a: str, b: str) -> float:
    """0..1: how alike two names are once both are written in Latin letters."""
    return SequenceMatcher(None, latin(a), latin(b)).ratio()
