"""Tests for extractors.read: sources, encodings, HTML, JSON Lines, bad input and language."""

from __future__ import annotations

import inspect
import json
import logging
import os
import random
from pathlib import Path

import pytest

from extractors.doc import Article
from extractors.errors import InputError
from extractors.read import (
    DEFAULT_MAX_BYTES,
    Skipped,
    decode_bytes,
    detect_language,
    iter_sources,
    load_articles,
    read_article,
)

PARAGRAPH = (
    "Ректор Казанского федерального университета Ленар Сафин выступил на пленарной сессии форума. "
    "В работе форума приняли участие более 300 руководителей вузов из 50 регионов России.\n"
    'Следующий съезд "Союза ректоров" пройдёт в Москве - в МГУ имени М. В. Ломоносова.'
)
SHORT = "Привет, мир!"
ENGLISH = "The rector of Kazan Federal University spoke at the plenary session of the forum."

HTML = """<!DOCTYPE html>
<html lang="ru"><head><meta charset="utf-8">
<title>Форум ректоров | Новости портала</title>
<meta property="og:title" content="Форум ректоров открылся в Казани">
<meta property="article:published_time" content="2024-07-08T10:00:00+03:00">
</head><body>
<nav><ul><li><a href="/">Главная</a></li><li><a href="/news">Все новости</a></li>
<li><a href="/contacts">Контакты редакции</a></li></ul></nav>
<article><h1>Форум ректоров открылся в Казани</h1>
<p>В Казани 8 июля открылся Всероссийский форум ректоров. Ректор КФУ Ленар Сафин выступил с приветствием.</p>
<p>В работе форума принимают участие более 300 руководителей вузов из 50 регионов России.</p>
</article>
<footer>© 2024 Новостной портал. Все права защищены. Политика конфиденциальности</footer>
</body></html>
"""


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def keys(paths: list[str]) -> list[str]:
    return [item[1] if isinstance(item, tuple) else str(item) for item in iter_sources(paths)]


def only_article(path: Path, **options: int) -> Article:
    [article] = read_article(path, path.name, **options)
    assert isinstance(article, Article), article
    return article


def only_skipped(path: Path, **options: int) -> Skipped:
    [skipped] = read_article(path, path.name, **options)
    assert isinstance(skipped, Skipped), skipped
    return skipped


# --- encodings ---

ENCODINGS = [
    # (label, how to encode, encoding name reported)
    ("utf-8", lambda text: text.encode("utf-8"), "utf-8"),
    ("utf-8 with BOM", lambda text: text.encode("utf-8-sig"), "utf-8-sig"),
    ("utf-16 LE with BOM", lambda text: b"\xff\xfe" + text.encode("utf-16-le"), "utf-16"),
    ("utf-16 BE with BOM", lambda text: b"\xfe\xff" + text.encode("utf-16-be"), "utf-16"),
    ("utf-16 LE without BOM", lambda text: text.encode("utf-16-le"), "utf-16-le"),
    ("windows-1251", lambda text: text.encode("cp1251"), "cp1251"),
    ("koi8-r", lambda text: text.encode("koi8-r"), "koi8-r"),
    ("cp866 (DOS)", lambda text: text.encode("cp866"), "cp866"),
]
TEXTS = [
    PARAGRAPH,
    SHORT,
    "Ректор выступил на форуме в Казани.",
    "МОСКВА, 8 июля. ТАСС",
    "ВНИМАНИЕ! ФОРУМ ПЕРЕНЕСЁН",
    "Съезд",
]


@pytest.mark.parametrize("text", TEXTS, ids=[text[:12] for text in TEXTS])
@pytest.mark.parametrize(("label", "encode", "name"), ENCODINGS, ids=[label for label, _, _ in ENCODINGS])
def test_encoding_round_trip(tmp_path: Path, label: str, encode, name: str, text: str) -> None:
    if label.endswith("without BOM") and text.isalpha():
        pytest.skip("without a BOM, UTF-16 is recognised by the NULs of its ASCII spaces and punctuation")
    article = only_article(write(tmp_path / "статья.txt", encode(text)))
    assert article.text == text
    assert article.encoding == name
    assert article.lang == "ru"


FRENCH = "Le café où l’on déjeune à Paris est très élégant."


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (b"one\r\ntwo\r\n", "one\ntwo\n", "utf-8"),
        (b"one\rtwo", "one\ntwo", "utf-8"),
        ("один\r\nдва".encode("utf-16"), "один\nдва", "utf-16"),
        ("один\r\nдва".encode("cp1251"), "один\nдва", "cp1251"),
        (
            "Форум «Технопром» — в Новосибирске".encode("cp1251"),
            "Форум «Технопром» — в Новосибирске",
            "cp1251",
        ),
        # not Russian: English is the Latin-script language here, so Windows-1252 (charset-normalizer says cp1250)
        (FRENCH.encode("cp1252"), FRENCH, "cp1252"),
    ],
)
def test_decode_bytes_normalises(data: bytes, text: str, encoding: str) -> None:
    assert decode_bytes(data) == (text, encoding)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file (NUL bytes)"),
        (bytes(random.Random(1).choices(range(1, 256), k=2000)), "binary file (control characters)"),
        (bytes(random.Random(1).choices(range(128, 256), k=2000)), "cannot decode as text"),
        (
            PARAGRAPH.encode("utf-8")[:100] + b"\xff" + PARAGRAPH.encode("utf-8")[100:],
            "cannot decode as text",
        ),
    ],
    ids=["nul", "random", "random-high", "broken-utf8"],
)
def test_decode_bytes_refuses(data: bytes, reason: str) -> None:
    with pytest.raises(InputError, match=r"^news\.txt: ") as caught:
        decode_bytes(data, "news.txt")
    assert reason in str(caught.value)


# --- HTML ---


def test_html_main_text_title_and_date(tmp_path: Path) -> None:
    article = only_article(write(tmp_path / "news.html", HTML))
    assert "открылся Всероссийский форум ректоров" in article.text
    assert "более 300 руководителей вузов" in article.text
    for noise in ("Главная", "Контакты редакции", "Все права защищены"):
        assert noise not in article.text
    assert article.title == "Форум ректоров открылся в Казани"
    assert article.date == "2024-07-08"
    assert article.lang == "ru"
    assert article.source == "news.html"


def test_html_in_cp1251(tmp_path: Path) -> None:
    page = HTML.replace('charset="utf-8"', 'charset="windows-1251"')
    article = only_article(write(tmp_path / "news.htm", page.encode("cp1251")))
    assert article.encoding == "cp1251"
    assert "Ленар Сафин" in article.text


def test_html_falls_back_to_plain_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *args, **kwargs: None)
    page = HTML.replace("<article>", "<article><script>var menu = 1;</script>")
    article = only_article(write(tmp_path / "news.html", page))
    assert article.text.splitlines()[:2] == [
        "Форум ректоров открылся в Казани",
        "В Казани 8 июля открылся Всероссийский форум ректоров. Ректор КФУ Ленар Сафин выступил с приветствием.",
    ]
    assert "var menu" not in article.text
    assert "Главная" not in article.text
    assert article.date == "2024-07-08"


def test_html_without_text_is_skipped(tmp_path: Path) -> None:
    page = "<html><head><title>Пусто</title></head><body><script>menu()</script><style>p {}</style></body></html>"
    assert only_skipped(write(tmp_path / "empty.html", page)).reason == "no text found in HTML"


# --- JSON Lines ---


def test_jsonl_good_and_bad_lines(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    rows = [
        json.dumps(
            {"text": PARAGRAPH, "title": "Форум", "date": "2024-07-08T10:00:00+03:00"}, ensure_ascii=False
        ),
        "{not json",
        json.dumps({"title": "no text"}),
        "",
        json.dumps({"text": ENGLISH, "url": "https://example.org/a", "date": "2024-02-30"}),
        json.dumps(["a", "list"]),
        json.dumps({"text": "Short text", "id": 42, "lang": "ru-RU"}),
        json.dumps({"text": 5}),
        json.dumps({"text": "  "}),
    ]
    path = write(tmp_path / "news feed.jsonl", "\n".join(rows) + "\n")
    with caplog.at_level(logging.WARNING, logger="extractors.read"):
        items = read_article(path, "feed/news feed.jsonl")
    articles = [item for item in items if isinstance(item, Article)]
    skipped = [(item.line, item.reason) for item in items if isinstance(item, Skipped)]
    assert [(a.source, a.title, a.url, a.date, a.lang) for a in articles] == [
        ("feed/news feed.jsonl#1", "Форум", "", "2024-07-08", "ru"),
        ("https://example.org/a", "", "https://example.org/a", "", "en"),
        ("feed/news feed.jsonl#42", "", "", "", "ru"),
    ]
    assert articles[0].text == PARAGRAPH
    assert skipped == [
        (2, "not JSON: Expecting property name enclosed in double quotes at column 2"),
        (3, "no 'text' field"),
        (6, "expected a JSON object, got list"),
        (8, "'text' field: expected a string, got int"),
        (9, "empty 'text' field"),
    ]
    assert "ignoring date '2024-02-30'" in caplog.text
    assert (
        str(items[1]) == f"{path}:2: not JSON: Expecting property name enclosed in double quotes at column 2"
    )


def test_jsonl_line_over_limit_is_skipped_alone(tmp_path: Path) -> None:
    rows = [json.dumps({"text": "a" * 50}), json.dumps({"text": "b" * 500}), json.dumps({"text": "c" * 50})]
    path = write(tmp_path / "big.jsonl", "\n".join(rows))
    items = read_article(path, "big.jsonl", max_bytes=100)
    assert [item.text[0] if isinstance(item, Article) else str(item) for item in items] == [
        "a",
        f"{path}:2: line longer than 100 bytes limit (use --max-bytes)",
        "c",
    ]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"\n  \n", "empty file"),
        (b"[" * 100_000, "not JSON: maximum recursion depth exceeded"),
        (b'{"text": "x", "n": ' + b"1" * 5000 + b"}", "not JSON: Exceeds the limit"),
        (b'{"text": "bad \\ud800 surrogate"}', "invalid Unicode (a lone surrogate escape)"),
        ('{"text": "Привет"}'.encode("cp1251"), "not UTF-8 at byte 10 (JSON Lines must be UTF-8)"),
    ],
    ids=["empty", "blank", "deep", "long-int", "surrogate", "cp1251"],
)
def test_jsonl_bad_input_never_raises(tmp_path: Path, data: bytes, reason: str) -> None:
    assert reason in only_skipped(write(tmp_path / "bad.jsonl", data)).reason


def test_jsonl_first_line_bom_and_crlf(tmp_path: Path) -> None:
    path = write(
        tmp_path / "bom.jsonl", b"\xef\xbb\xbf" + b'{"text": "one\\r\\ntwo"}\r\n{"text": "three"}\r\n'
    )
    assert [item.text for item in read_article(path, "bom.jsonl")] == ["one\ntwo", "three"]


# --- bad input ---


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.md", b" \n\t\r\n ", "empty file"),
        ("blank16.txt", "  \n ".encode("utf-16"), "empty file"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "binary file (NUL bytes)"),
        (
            "noise.txt",
            bytes(random.Random(0).choices(range(1, 256), k=4000)),
            "binary file (control characters)",
        ),
        # UTF-8 broken mid file: cp1251 would "decode" it, but only into mojibake, so we refuse
        (
            "broken.txt",
            PARAGRAPH.encode()[:12] + b"\xff\xfe" + PARAGRAPH.encode()[12:],
            "invalid UTF-8 at byte 12",
        ),
    ],
)
def test_bad_input_is_skipped(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    skipped = only_skipped(write(tmp_path / name, data))
    assert reason in skipped.reason
    assert skipped.path == str(tmp_path / name)


def test_unreadable_file_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # simulated, so that the test also runs as root (root reads any file whatever its mode)
    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    path = write(tmp_path / "secret.txt", SHORT)
    assert str(only_skipped(path)) == f"{path}: permission denied"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_unreadable_file_for_real(tmp_path: Path) -> None:
    path = write(tmp_path / "secret.txt", SHORT)
    path.chmod(0)
    try:
        assert only_skipped(path).reason == "permission denied"
    finally:
        path.chmod(0o644)


def test_over_max_bytes_is_skipped_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as sparse:
        sparse.truncate(DEFAULT_MAX_BYTES + 1)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read a file over the limit"))
    assert only_skipped(huge).reason == "larger than 50 MB limit (use --max-bytes)"
    small = write(tmp_path / "small.txt", SHORT)
    assert only_skipped(small, max_bytes=5).reason == "larger than 5 bytes limit (use --max-bytes)"


def test_load_articles_never_raises_and_goes_on(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", b"")
    write(tmp_path / "b.txt", b"\x00\x01\x02")
    write(tmp_path / "c.jsonl", '{"text": "Третья статья."}\nnot json\n')
    write(tmp_path / "d.txt", SHORT)
    items = load_articles([str(tmp_path), str(tmp_path / "missing.txt"), str(tmp_path / "report.pdf")])
    assert inspect.isgenerator(items)
    assert [str(item) if isinstance(item, Skipped) else item.source for item in items] == [
        f"{tmp_path / 'a.txt'}: empty file",
        f"{tmp_path / 'b.txt'}: binary file (NUL bytes)",
        "c.jsonl#1",
        f"{tmp_path / 'c.jsonl'}:2: not JSON: Expecting value at column 1",
        "d.txt",
        f"{tmp_path / 'missing.txt'}: not found",
        f"{tmp_path / 'report.pdf'}: not found",
    ]


# --- sources: folders, globs, names ---


def test_folder_recursion_is_sorted_and_filtered(tmp_path: Path) -> None:
    for name in [
        "b.txt",
        "a/z.md",
        "a/b/c.html",
        "A.jsonl",
        "a.htm",
        "notes.pdf",
        ".hidden/x.txt",
        "a/.swap.txt",
    ]:
        write(tmp_path / "in" / name, SHORT)
    expected = ["A.jsonl", "a/b/c.html", "a/z.md", "a.htm", "b.txt"]
    assert keys([str(tmp_path / "in")]) == expected
    assert keys([str(tmp_path / "in")]) == expected
    assert keys([str(tmp_path / "in" / "a" / "z.md")]) == ["z.md"]


def test_explicit_files(tmp_path: Path) -> None:
    pdf = write(tmp_path / "report.pdf", b"%PDF-1.4")
    bare = write(tmp_path / "README", b"text")
    upper = write(tmp_path / "NEWS.TXT", SHORT)
    arguments = [str(pdf), str(bare), str(tmp_path / "nope.txt"), "", str(upper)]
    assert [str(item) if isinstance(item, Skipped) else item for item in iter_sources(arguments)] == [
        f"{pdf}: unsupported file type .pdf",
        f"{bare}: unsupported file type (no suffix)",
        f"{tmp_path / 'nope.txt'}: not found",
        ": empty path",
        (upper, "NEWS.TXT"),
    ]


def test_symlink_loops_are_reported(tmp_path: Path) -> None:
    write(tmp_path / "in" / "a" / "story.txt", SHORT)
    (tmp_path / "in" / "a" / "up").symlink_to(tmp_path / "in")
    (tmp_path / "in" / "self.txt").symlink_to(tmp_path / "in" / "self.txt")
    (tmp_path / "in" / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    assert keys([str(tmp_path / "in")]) == [
        "a/story.txt",
        f"{tmp_path / 'in' / 'a' / 'up'}: symlink loop",
        f"{tmp_path / 'in' / 'gone.txt'}: broken symlink",
        f"{tmp_path / 'in' / 'self.txt'}: symlink loop",
    ]
    # "**" is walked loop-safely too (glob.glob would go round the loop): each file comes once
    assert keys([str(tmp_path / "in" / "**" / "*.txt")]) == [
        "a/story.txt",
        f"{tmp_path / 'in' / 'gone.txt'}: broken symlink",
        f"{tmp_path / 'in' / 'self.txt'}: symlink loop",
    ]
    # two loops make glob.glob's "**" expand 2 ** 40 paths; walked here, each loop is reported once
    (tmp_path / "in" / "a" / "up2").symlink_to(tmp_path / "in")
    assert keys([str(tmp_path / "in" / "**")]) == [
        "a/story.txt",
        f"{tmp_path / 'in' / 'a' / 'up'}: symlink loop",
        f"{tmp_path / 'in' / 'a' / 'up2'}: symlink loop",
        f"{tmp_path / 'in' / 'gone.txt'}: broken symlink",
        f"{tmp_path / 'in' / 'self.txt'}: symlink loop",
    ]


def test_glob(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ["2024/b.txt", "2024/a.md", "2023/deep/c.txt", "top.txt", "skip.pdf"]:
        write(tmp_path / "news" / name, SHORT)
    assert keys([str(tmp_path / "news" / "**" / "*.txt")]) == ["2023/deep/c.txt", "2024/b.txt", "top.txt"]
    assert keys([str(tmp_path / "news" / "202?")]) == ["2023/deep/c.txt", "2024/a.md", "2024/b.txt"]
    assert keys([str(tmp_path / "news" / "**" / "202[!3]")]) == ["2024/a.md", "2024/b.txt"]
    assert keys([str(tmp_path / "news" / "*" / "*.md")]) == ["2024/a.md"]
    monkeypatch.chdir(tmp_path / "news")
    assert keys(["*.txt", "*.rtf"]) == ["top.txt", "*.rtf: no files match"]


def test_names_with_spaces_and_cyrillic(tmp_path: Path) -> None:
    folder = tmp_path / "новости 2024"
    write(folder / "статья первая.txt", PARAGRAPH)
    write(folder / "Форум ректоров.html", HTML)
    articles = list(load_articles([str(folder), str(folder / "статья первая.txt")]))
    assert [(a.source, a.path) for a in articles] == [
        ("Форум ректоров.html", str(folder / "Форум ректоров.html")),
        ("статья первая.txt", str(folder / "статья первая.txt")),
        ("статья первая.txt", str(folder / "статья первая.txt")),
    ]


# --- language and records ---


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (PARAGRAPH, "ru"),
        (ENGLISH, "en"),
        ("Ректор КФУ рассказал о Telegram-канале вуза", "ru"),
        ("Rector Lenar Safin (Ленар Сафин) spoke", "en"),
        ("Форум IT", "ru"),  # 5 Cyrillic to 2 Latin letters
        ("Ab Вг", "ru"),  # a tie goes to Russian
        ("2024-07-08, 12:00 — 300!", ""),
        ("", ""),
    ],
)
def test_detect_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_skipped_str() -> None:
    assert str(Skipped("news.jsonl", "no 'text' field", 4)) == "news.jsonl:4: no 'text' field"
    assert str(Skipped("a.txt", "empty file")) == "a.txt: empty file"


def test_text_nested_deeper_than_libxml2_allows_is_read_without_scripts(tmp_path, caplog):
    from extractors.html import plain_text

    page = (
        "<html><head><title>Т</title><script>alert(0)</script></head><body>"
        + "<div><script>document.write('<p>injected</p>')</script>" * 3000
        + "<p>Ректор ТУСУРа Виктор Рулевский открыл форум.</p><p>Второй абзац.</p>"
        + "</div>" * 3000
        + "</body></html>"
    )
    assert plain_text(page) == ""  # what libxml2 gives: the reason for the fallback
    path = tmp_path / "deep.html"
    path.write_text(page, encoding="utf-8")
    with caplog.at_level("WARNING"):
        (article,) = list(load_articles([str(path)]))
    assert article.text == "Ректор ТУСУРа Виктор Рулевский открыл форум.\nВторой абзац."
    assert "nested too deep" in caplog.text and "deep.html" in caplog.text
