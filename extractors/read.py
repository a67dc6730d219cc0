"""Read article files (text, Markdown, HTML, JSON Lines) in any common encoding into `Article` records."""

from __future__ import annotations

import errno
import glob
import json
import logging
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
from .encoding import decode_bytes, detect_language
from .errors import InputError
from .html import extract_html, normalise

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_CHARS",
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
DEFAULT_MAX_CHARS = 1_000_000  # a longer text is a dump or a book, not an article: skipped, named
SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
HTML_SUFFIXES = (".html", ".htm")

MAGIC = re.compile(r"[*?[]")
GLOB_TOKEN = re.compile(r"(?P<deep>(?<![^/])\*\*(?:/|$))|(?P<star>\*+)|(?P<one>\?)|(?P<set>\[!?\]?[^]]*\])")
DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ].*)?")


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


def load_articles(
    paths: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES, max_chars: int = DEFAULT_MAX_CHARS
) -> Iterator[Article | Skipped]:
    """Yield articles one at a time, and a `Skipped` for each file or line that gives none; never raises.

    A file (or JSON line) over `max_bytes` is not read; a text over `max_chars` characters is skipped.
    """
    for item in iter_sources(paths):
        if isinstance(item, Skipped):
            yield item
        else:
            yield from _read(*item, max_bytes, max_chars)


def read_article(
    path: Path, source: str, *, max_bytes: int = DEFAULT_MAX_BYTES, max_chars: int = DEFAULT_MAX_CHARS
) -> list[Article | Skipped]:
    """Read one file: a text or HTML file gives one article, a JSON Lines file one a line."""
    return list(_read(path, source, max_bytes, max_chars))


def _read(path: Path, source: str, max_bytes: int, max_chars: int) -> Iterator[Article | Skipped]:
    suffix = path.suffix.lower()
    try:
        if suffix == ".jsonl":  # the limit applies to each line: a JSON Lines file may be huge
            with path.open("rb") as lines:
                yield from _read_jsonl(lines, str(path), source, max_bytes, max_chars)
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
    if len(text) > max_chars:
        yield Skipped(str(path), _too_long(text, max_chars))
        return
    lang = detect_language(text)
    yield Article(text, source, str(path), title, url, _iso_date(day, str(path)), lang, encoding)


def _read_jsonl(
    lines: BinaryIO, path: str, source: str, max_bytes: int, max_chars: int
) -> Iterator[Article | Skipped]:
    number = blank = 0
    while raw := lines.readline(max_bytes + 1):  # bounded: a huge line is never held whole
        number += 1
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):
                raw = lines.readline(1 << 20)
            yield Skipped(path, f"line longer than {_size(max_bytes)} limit (use --max-bytes)", number)
        elif raw.strip():
            yield _jsonl_article(raw, number, path, source, max_chars)
        else:
            blank += 1
    if blank == number:
        yield Skipped(path, "empty file")


def _jsonl_article(raw: bytes, number: int, path: str, source: str, max_chars: int) -> Article | Skipped:
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
    if len(text) > max_chars:
        return Skipped(path, _too_long(text, max_chars), number)
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


def _too_long(text: str, max_chars: int) -> str:
    return f"{len(text):,} characters, more than the {max_chars:,} limit (use --max-article-chars)"


def _size(limit: int) -> str:
    return f"{limit / 1_000_000:g} MB" if limit >= 1_000_000 else f"{limit} bytes"
