"""Read article files (text, Markdown, HTML, JSON Lines) in any common encoding into `Article` records."""

from __future__ import annotations

import codecs
import errno
import glob
import json
import logging
import math
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from itertools import takewhile
from pathlib import Path
from typing import BinaryIO

from .doc import Article
from .errors import InputError
from .html import extract_html, normalise

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SUFFIXES",
    "Skipped",
    "decode_bytes",
    "detect_language",
    "iter_sources",
    "load_articles",
    "read_article",
]

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 50_000_000
SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
HTML_SUFFIXES = (".html", ".htm")

MAGIC = re.compile(r"[*?[]")
GLOB_TOKEN = re.compile(r"(?P<deep>(?<![^/])\*\*(?:/|$))|(?P<star>\*+)|(?P<one>\?)|(?P<set>\[!?\]?[^]]*\])")
DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ].*)?")
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


@dataclass(frozen=True)
class Skipped:
    """An input file or JSON Lines line that gave no article, and why in plain words."""

    path: str  # the file as the user would recognise it
    reason: str  # one plain-words line, without the path or line number
    line: int | None = None

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.reason}"


def iter_sources(paths: Iterable[str]) -> Iterator[tuple[Path, str] | Skipped]:
    """Expand files, folders and globs into (path, source key) pairs in a deterministic order."""
    for arg in map(os.fspath, paths):
        if not arg:  # Path("") is the current folder, not what anyone means
            yield Skipped(arg, "empty path")
            continue
        if MAGIC.search(arg):
            yield from _iter_glob(arg)
            continue
        path = Path(arg)
        found = _stat(path)
        if isinstance(found, str):
            yield Skipped(arg, found)
        elif stat.S_ISDIR(found.st_mode):
            yield from _walk(path, path, ())
        elif not stat.S_ISREG(found.st_mode):
            yield Skipped(arg, "not a regular file")
        elif path.suffix.lower() not in SUFFIXES:
            yield Skipped(arg, f"unsupported file type {path.suffix or '(no suffix)'}")
        else:
            yield path, path.name


def _iter_glob(pattern: str) -> Iterator[tuple[Path, str] | Skipped]:
    parts = Path(pattern).parts
    fixed = list(takewhile(lambda part: not MAGIC.search(part), parts))
    root = Path(*fixed) if fixed else Path(".")
    if "**" in parts:  # glob.glob follows symlink loops under "**", exponentially with two: match here
        regex = _glob_regex(Path(*parts[len(fixed) :]).as_posix())
        items = (item for item in _walk(root, root, ()) if _matches(regex, item, root))
    else:
        items = (item for match in sorted(glob.glob(pattern)) for item in _walk(Path(match), root, ()))
    seen: set[str] = set()  # a file can match more than once through symlinks
    for item in items:
        key = os.path.realpath(item[0]) if isinstance(item, tuple) else str(item)
        if key not in seen:
            seen.add(key)
            yield item
    if not seen:
        yield Skipped(pattern, "no files match")


def _glob_regex(pattern: str) -> re.Pattern[str]:
    regex, start = "", 0
    for token in GLOB_TOKEN.finditer(pattern):
        regex += re.escape(pattern[start : token.start()])
        if token["deep"]:
            regex += "(?:.*/)?" if token[0].endswith("/") else ".*"
        elif token["set"]:
            body = token[0][1:-1].replace("\\", "\\\\")
            regex += f"[^{body[1:]}]" if body.startswith("!") else f"[{body}]"
        else:
            regex += "[^/]*" if token["star"] else "[^/]"
        start = token.end()
    return re.compile(regex + re.escape(pattern[start:]))


def _matches(regex: re.Pattern[str], item: tuple[Path, str] | Skipped, root: Path) -> bool:
    parts = (item[0] if isinstance(item, tuple) else Path(item.path)).relative_to(root).parts
    return any(regex.fullmatch("/".join(parts[:stop])) for stop in range(1, len(parts) + 1))


def _walk(
    path: Path, root: Path, ancestors: tuple[tuple[int, int], ...]
) -> Iterator[tuple[Path, str] | Skipped]:
    found = _stat(path)
    if isinstance(found, str):
        if found == "symlink loop" or path.suffix.lower() in SUFFIXES:
            yield Skipped(str(path), found)
        return
    if stat.S_ISREG(found.st_mode) and path.suffix.lower() in SUFFIXES:
        yield path, path.relative_to(root).as_posix() if path != root else path.name
        return
    if not stat.S_ISDIR(found.st_mode):
        log.debug("ignoring %s: not a folder or one of %s", path, ", ".join(SUFFIXES))
        return
    ident = (found.st_dev, found.st_ino)
    if ident in ancestors:
        yield Skipped(str(path), "symlink loop")
        return
    try:
        children = sorted(path.iterdir(), key=lambda child: child.name)
    except OSError as exc:
        yield Skipped(str(path), _os_reason(exc, path))
        return
    for child in children:
        if child.name.startswith("."):  # .git, .venv, editor files: never articles
            log.debug("ignoring hidden %s", child)
        else:
            yield from _walk(child, root, (*ancestors, ident))


def _stat(path: Path) -> os.stat_result | str:
    try:
        return path.stat()
    except OSError as exc:
        return _os_reason(exc, path)


def _os_reason(exc: OSError, path: Path) -> str:
    if exc.errno == errno.ELOOP:
        return "symlink loop"
    if isinstance(exc, FileNotFoundError):
        return "broken symlink" if path.is_symlink() else "not found"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return (exc.strerror or str(exc)).lower()


def load_articles(paths: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | Skipped]:
    """Yield articles one at a time, and a `Skipped` for each file or line that gives none; never raises."""
    for item in iter_sources(paths):
        if isinstance(item, Skipped):
            yield item
        else:
            yield from _read(*item, max_bytes)


def read_article(path: Path, source: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Article | Skipped]:
    """Read one file: a text or HTML file gives one article, a JSON Lines file one a line."""
    return list(_read(path, source, max_bytes))


def _read(path: Path, source: str, max_bytes: int) -> Iterator[Article | Skipped]:
    suffix = path.suffix.lower()
    try:
        if suffix == ".jsonl":  # the limit applies to each line: a JSON Lines file may be huge
            with path.open("rb") as lines:
                yield from _read_jsonl(lines, str(path), source, max_bytes)
            return
        if path.stat().st_size > max_bytes:
            yield Skipped(str(path), f"larger than {_size(max_bytes)} limit (use --max-bytes)")
            return
        data = path.read_bytes()
        text, encoding = decode_bytes(data) if data.strip() else ("", "")
    except OSError as exc:
        yield Skipped(str(path), _os_reason(exc, path))
        return
    except InputError as exc:
        yield Skipped(str(path), str(exc))
        return
    title = url = day = ""
    if text.strip() and suffix in HTML_SUFFIXES:
        text, title, url, day = extract_html(text, str(path))
        if not text.strip():
            yield Skipped(str(path), "no text found in HTML")
            return
    if not text.strip():
        yield Skipped(str(path), "empty file")
        return
    lang = detect_language(text)
    yield Article(text, source, str(path), title, url, _iso_date(day, str(path)), lang, encoding)


def _read_jsonl(lines: BinaryIO, path: str, source: str, max_bytes: int) -> Iterator[Article | Skipped]:
    number = blank = 0
    while raw := lines.readline(max_bytes + 1):  # bounded: a huge line is never held whole
        number += 1
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):
                raw = lines.readline(1 << 20)
            yield Skipped(path, f"line longer than {_size(max_bytes)} limit (use --max-bytes)", number)
        elif raw.strip():
            yield _jsonl_article(raw, number, path, source)
        else:
            blank += 1
    if blank == number:
        yield Skipped(path, "empty file")


def _jsonl_article(raw: bytes, number: int, path: str, source: str) -> Article | Skipped:
    try:  # JSON Lines is UTF-8 by definition; only the first line may carry a BOM
        item = json.loads(raw.decode("utf-8-sig" if number == 1 else "utf-8"))
    except UnicodeDecodeError as exc:
        return Skipped(path, f"not UTF-8 at byte {exc.start} (JSON Lines must be UTF-8)", number)
    except json.JSONDecodeError as exc:
        return Skipped(path, f"not JSON: {exc.msg} at column {exc.colno}", number)
    except (ValueError, RecursionError) as exc:  # an integer too long to convert, nesting too deep
        return Skipped(path, f"not JSON: {exc}", number)
    if not isinstance(item, dict):
        return Skipped(path, f"expected a JSON object, got {type(item).__name__}", number)
    if "text" not in item:
        return Skipped(path, "no 'text' field", number)
    if not isinstance(item["text"], str):
        return Skipped(path, f"'text' field: expected a string, got {type(item['text']).__name__}", number)
    text = normalise(item["text"])
    if not text.strip():
        return Skipped(path, "empty 'text' field", number)
    meta = {
        name: "" if item.get(name) is None else str(item[name]).strip()
        for name in ("title", "url", "date", "lang", "id")
    }
    try:
        "".join([text, *meta.values()]).encode("utf-8")
    except UnicodeEncodeError:
        return Skipped(path, "invalid Unicode (a lone surrogate escape)", number)
    key = meta["url"] or f"{source}#{meta['id'] or number}"
    lang = re.split(r"[-_]", meta["lang"].lower())[0] or detect_language(text)
    day = _iso_date(meta["date"], f"{path}:{number}")
    return Article(text, key, path, meta["title"], meta["url"], day, lang, "utf-8")


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


def _iso_date(value: str, where: str) -> str:
    if not value:
        return ""
    match = DATE.fullmatch(value.strip())
    try:
        return date.fromisoformat(match[1]).isoformat() if match else _bad_date(value, where)
    except ValueError:
        return _bad_date(value, where)


def _bad_date(value: str, where: str) -> str:
    log.warning("%s: ignoring date %r: expected YYYY-MM-DD or an ISO datetime", where, value)
    return ""


def _size(limit: int) -> str:
    return f"{limit / 1_000_000:g} MB" if limit >= 1_000_000 else f"{limit} bytes"
