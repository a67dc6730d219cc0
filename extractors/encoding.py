"""Bytes to text: BOMs, UTF-8, UTF-16 without a BOM, the Russian 8-bit code pages, and binary refused.

charset detectors confuse cp1251, KOI8-R and cp866 on short texts, so each Cyrillic reading is scored
by Russian letter frequencies instead; charset-normalizer decides only what none of them reads.
"""

from __future__ import annotations

import codecs
import math
import re

from .errors import InputError
from .html import normalise

__all__ = ["decode_bytes", "detect_language"]

CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
CYRILLIC = re.compile(r"[\u0400-\u0481\u048a-\u04ff]")
LATIN = re.compile(r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")
WORD = re.compile(r"[^\W\d_]+")
CYRILLIC_CODECS = ("cp1251", "koi8_r", "cp866")
# fmt: off
LETTER_PER_MILLE = {  # Russian letter frequencies: a wrong code page turns frequent letters into rare ones
    "о": 110, "е": 85, "а": 80, "и": 74, "н": 67, "т": 63, "с": 55, "р": 47, "в": 45, "л": 44, "к": 35,
    "м": 32, "д": 30, "п": 28, "у": 26, "я": 20, "ы": 19, "ь": 17, "г": 17, "з": 17, "б": 16, "ч": 14,
    "й": 12, "х": 10, "ж": 9, "ш": 7, "ю": 6, "ц": 5, "щ": 4, "э": 3, "ф": 3, "ъ": 0.4, "ё": 0.4,
}
# fmt: on
LETTER_WEIGHT = {letter: math.log(per_mille / 20) for letter, per_mille in LETTER_PER_MILLE.items()}
TEXT_PUNCT = frozenset("«»—–…№“”„‘’°€•\u00a0")
BOMS = (  # UTF-32 first: its little-endian BOM starts with the UTF-16 one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(data: bytes, path: str = "") -> tuple[str, str]:
    """Decode a file's bytes to text with "\\n" newlines and no BOM; raise InputError naming the path and why."""
    try:
        text, encoding = _decode(data)
    except InputError as exc:
        raise InputError(f"{path}: {exc}" if path else str(exc)) from None
    return normalise(text), codecs.lookup(encoding).name


def _decode(data: bytes) -> tuple[str, str]:
    for bom, name in BOMS:
        if data.startswith(bom):
            try:
                return _text_only(data.decode(name)), name
            except UnicodeDecodeError as exc:
                raise InputError(f"cannot decode as text: invalid {name} at byte {exc.start}") from None
    if b"\0" in data:
        return _utf16_without_bom(data)
    try:
        return _text_only(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError as exc:
        bad = exc.start
    _text_only(data.decode("latin-1"))  # 8-bit code pages share the ASCII control bytes
    repaired = data.decode("utf-8", errors="replace")
    broken = repaired.count("\ufffd")
    if sum(ord(char) > 127 for char in repaired) - broken > 2 * broken:
        # mostly valid UTF-8 with a broken byte: any 8-bit reading would be mojibake
        raise InputError(f"cannot decode as text: invalid UTF-8 at byte {bad}")
    return _decode_8bit(data)


def _text_only(text: str) -> str:
    if len(CONTROL.findall(text)) > len(text) / 100:
        raise InputError("binary file (control characters)")
    return text


def _utf16_without_bom(data: bytes) -> tuple[str, str]:
    # Russian and English UTF-16 text has NULs only in the high bytes of its ASCII characters
    even, odd = data[0::2].count(0), data[1::2].count(0)
    name = "utf-16-le" if odd and not even else "utf-16-be" if even and not odd else ""
    text = _try_decode(data, name) if name and not len(data) % 2 else None
    if text is None or not _plausible(text):
        raise InputError("binary file (NUL bytes)")
    return text, name


def _decode_8bit(data: bytes) -> tuple[str, str]:
    # charset detectors confuse the Russian code pages on short texts: score each reading instead
    readings = [(text, name) for name in CYRILLIC_CODECS if (text := _try_decode(data, name)) is not None]
    scored = [(_russian_score(text), text, name) for text, name in readings]
    score, text, name = max(scored, key=lambda reading: reading[0])  # ties: the first code page
    if detect_language(text) == "ru" and score > -1.5 * len(CYRILLIC.findall(text)):  # random bytes: < -3
        return text, name
    # English is the one Latin-script language here and Windows-1252 its code page: mostly ASCII.
    # charset-normalizer only decides what cp1252 cannot read, as it guesses poorly on short texts
    text = _try_decode(data, "cp1252")
    if text is not None and _plausible(text) and sum(ord(char) > 127 for char in text) < len(text) / 5:
        return text, "cp1252"
    from charset_normalizer import from_bytes

    for match in from_bytes(data):
        if _plausible(str(match)):
            return str(match), match.encoding
    raise InputError("cannot decode as text")


def _try_decode(data: bytes, name: str) -> str | None:
    try:
        return data.decode(name)
    except UnicodeDecodeError:
        return None  # a byte this code page leaves undefined


def _russian_score(text: str) -> float:
    """How much `text` looks like Russian: frequent letters score, rare ones, odd case and mixed scripts cost.

    A wrong Cyrillic code page swaps letters for others of other frequencies, inverts their
    case ("пРИВЕТ") and brings in box-drawing or stray symbols.
    """
    score = 0.0
    for word in WORD.findall(text):
        russian = sum(char.lower() in LETTER_WEIGHT for char in word)
        if russian and russian < len(word):
            score -= 3 * len(word)  # Cyrillic mixed with other letters inside one word
        elif russian:
            score += sum(LETTER_WEIGHT[char.lower()] for char in word)
            score -= 0 if word.islower() or word.isupper() or word.istitle() else 2 * len(word)
    odd = sum(
        ord(char) > 127 and not (char.isalnum() or char.isspace() or char in TEXT_PUNCT) for char in text
    )
    return score - 3 * odd


def _plausible(text: str) -> bool:
    common = sum(ord(char) < 0x500 or 0x2000 <= ord(char) < 0x2200 for char in text)
    return common >= 0.95 * len(text) and len(CONTROL.findall(text)) <= len(text) / 100


def detect_language(text: str) -> str:
    """Return "ru", "en" or "" from the share of Cyrillic among Cyrillic and Latin letters.

    Russian and English use disjoint alphabets, so counting letters by script separates them:
    a statistical identifier is needed only between languages sharing a script (en/de, ru/uk),
    which forumgraph does not need. Latin names and acronyms inside Russian text stay a minority.
    The first 100,000 characters decide.
    """
    sample = text[:100_000]
    cyrillic, latin = len(CYRILLIC.findall(sample)), len(LATIN.findall(sample))
    if not cyrillic + latin:
        return ""
    return "ru" if cyrillic >= latin else "en"
