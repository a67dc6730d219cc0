"""Hostile and broken input: no crash, no hang, each bad file named, every good article stored."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from extractors.pipeline import Pipeline
from extractors.read import load_articles
from graph.cli import cli

ROOT = Path(__file__).resolve().parent.parent
GOOD = ROOT / "data" / "articles" / "001_b12c81916ad0f1bf.txt"  # a Russian seed article
FORUMGRAPH = Path(sys.executable).with_name("forumgraph")
RUN_ON = "ректор университета выступил на форуме губернатор области встретился с министром науки"
PARAGRAPH = "Ректор ТУСУРа Виктор Рулевский выступил на форуме «Технопром-2024» в Новосибирске 8 июля."


def build(tmp_path: Path, *args: str):
    return CliRunner().invoke(cli, ["build", *args, "--store", str(tmp_path / "store"), "--no-progress"])


def count_articles(tmp_path: Path) -> int:
    sparql = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a fg:Article }"
    result = CliRunner().invoke(cli, ["query", sparql, "--store", str(tmp_path / "store"), "--format", "csv"])
    assert result.exit_code == 0, result.output
    return int(result.output.split()[-1])


def source_paths(tmp_path: Path) -> set[str]:
    sparql = "SELECT ?p WHERE { ?a a fg:Article ; fg:sourcePath ?p }"
    result = CliRunner().invoke(cli, ["query", sparql, "--store", str(tmp_path / "store"), "--format", "csv"])
    return set(result.output.splitlines()[1:])


def folder(tmp_path: Path, good: int = 1) -> Path:
    """A folder holding `good` copies of a seed article, named to sort around the bad files."""
    root = tmp_path / "in"
    root.mkdir()
    for number in range(good):
        shutil.copy(GOOD, root / f"{'a' if number % 2 else 'z'}_good_{number}.txt")
    return root


def skipped_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("skipped ")]


def assert_named(output: str, name: str, reason: str) -> None:
    lines = [line for line in skipped_lines(output) if name in line]
    assert lines, f"expected a 'skipped' line naming {name}, got:\n{output}"
    assert any(reason in line for line in lines), f"expected {reason!r} for {name}, got {lines}"


def nested_html(depth: int = 10_000) -> str:
    scripts = "<script>document.write('<p>injected</p>'); alert(1)</script>"
    return (
        f"<html><head><title>Форум</title>{scripts}</head><body>"
        + "<div><script>alert(2)</script>" * depth
        + f"<p>{PARAGRAPH}</p>"
        + "</div>" * depth
        + "</body></html>"
    )


def jsonl_lines(limit: int) -> bytes:
    good = json.dumps({"text": GOOD.read_text(encoding="utf-8"), "lang": "ru"}, ensure_ascii=False)
    huge = b'{"text": "' + b"x" * (limit + 100) + b'"}'
    return b"\n".join([good.encode(), huge, b"this is {not JSON", good.encode(), b""])


# (file name, bytes, words the skip message must say)
BAD_FILES = [
    ("empty.txt", b"", "empty file"),
    ("binary.txt", b"\x7fELF\x02\x01\x01" + random.Random(0).randbytes(8192), "binary file"),
    ("nul.txt", f"{PARAGRAPH}\x00{PARAGRAPH}".encode(), "binary file (NUL bytes)"),
    (
        "broken utf8.txt",
        GOOD.read_bytes()[:3001] + b"\xff" + GOOD.read_bytes()[3001:],
        "invalid UTF-8 at byte 3001",
    ),
    ("пустой файл.txt", b"   \n\n  ", "empty file"),
]


@pytest.mark.parametrize(("name", "data", "reason"), BAD_FILES, ids=[case[0] for case in BAD_FILES])
def test_bad_file_named_and_good_article_stored(tmp_path, name, data, reason):
    root = folder(tmp_path, good=2)
    (root / name).write_bytes(data)
    result = build(tmp_path, str(root))
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert_named(result.output, name, reason)
    assert len(skipped_lines(result.output)) == 1
    assert count_articles(tmp_path) == 2


def test_200_mb_file_skipped_quickly_without_reading(tmp_path, monkeypatch):
    root = folder(tmp_path)
    huge = root / "huge.txt"
    with huge.open("wb") as out:  # sparse: 200 MB on paper, no blocks on disk
        out.truncate(200_000_000)
    read_bytes, open_ = Path.read_bytes, Path.open

    def guarded_read(path: Path) -> bytes:
        assert path.name != "huge.txt", "the 200 MB file was read into memory"
        return read_bytes(path)

    def guarded_open(path: Path, *args, **kwargs):
        assert path.name != "huge.txt", "the 200 MB file was opened"
        return open_(path, *args, **kwargs)

    monkeypatch.setattr(Path, "read_bytes", guarded_read)
    monkeypatch.setattr(Path, "open", guarded_open)
    started = time.perf_counter()
    items = list(load_articles([str(huge)]))
    assert time.perf_counter() - started < 1.0
    assert [str(item) for item in items] == [f"{huge}: larger than 50 MB limit (use --max-bytes)"]
    result = build(tmp_path, str(root))
    assert result.exit_code == 1, result.output
    assert_named(result.output, "huge.txt", "larger than 50 MB limit (use --max-bytes)")
    assert count_articles(tmp_path) == 1


def test_html_with_scripts_and_10000_nested_tags(tmp_path):
    root = folder(tmp_path)
    (root / "nested.html").write_text(nested_html(), encoding="utf-8")
    (root / "shallow.html").write_text(nested_html(depth=100), encoding="utf-8")
    result = build(tmp_path, str(root))  # the time it takes: test_10000_nested_elements_in_a_fresh_process
    assert "Traceback" not in result.output
    sparql = "SELECT ?t WHERE { ?a fg:articleText ?t }"
    texts = CliRunner().invoke(cli, ["query", sparql, "--store", str(tmp_path / "store"), "--format", "json"])
    assert "alert(" not in texts.output and "injected" not in texts.output  # scripts are never text
    assert PARAGRAPH in texts.output  # the shallow page's paragraph
    stored = count_articles(tmp_path)
    assert stored == 3 or (
        stored == 2 and any("nested.html" in line for line in skipped_lines(result.output))
    )


def test_deeply_nested_text_kept_or_explained(tmp_path):
    root = folder(tmp_path, good=0)
    (root / "nested.html").write_text(nested_html(), encoding="utf-8")
    result = build(tmp_path, str(root))
    if result.exit_code == 0:
        texts = CliRunner().invoke(
            cli, ["query", "SELECT ?t { ?a fg:articleText ?t }", "--store", str(tmp_path / "store")]
        )
        assert PARAGRAPH[:40] in texts.output
    else:  # or it says why the text is missing
        reasons = [line.rsplit(": ", 1)[-1] for line in skipped_lines(result.output) if "nested.html" in line]
        assert any("deep" in reason or "nest" in reason for reason in reasons), reasons


def test_jsonl_with_50_mb_line_and_a_line_that_is_not_json(tmp_path):
    root = folder(tmp_path, good=0)
    (root / "feed.jsonl").write_bytes(jsonl_lines(50_000_000))
    result = build(tmp_path, str(root))
    assert result.exit_code == 1, result.output
    lines = skipped_lines(result.output)
    assert any("feed.jsonl:2: line longer than 50 MB limit (use --max-bytes)" in line for line in lines), (
        lines
    )
    assert any("feed.jsonl:3: not JSON" in line for line in lines), lines
    assert len(lines) == 2
    assert count_articles(tmp_path) == 2  # lines 1 and 4


def test_symlink_loops(tmp_path):
    root = folder(tmp_path)
    (root / "loop").symlink_to(root, target_is_directory=True)
    (root / "a.txt").symlink_to(root / "b.txt")
    (root / "b.txt").symlink_to(root / "a.txt")
    result = build(tmp_path, str(root))
    assert result.exit_code == 1, result.output
    for name in ("loop", "a.txt", "b.txt"):
        assert_named(result.output, name, "symlink loop")
    assert count_articles(tmp_path) == 1


def test_unreadable_file(tmp_path, monkeypatch):
    root = folder(tmp_path)
    secret = root / "secret.txt"
    shutil.copy(GOOD, secret)
    secret.chmod(0)
    if os.geteuid() == 0:  # root reads through chmod 000: make the read fail as it would for a user
        read_bytes = Path.read_bytes

        def denied(path: Path) -> bytes:
            if path.name == "secret.txt":
                raise PermissionError(13, "Permission denied", str(path))
            return read_bytes(path)

        monkeypatch.setattr(Path, "read_bytes", denied)
    result = build(tmp_path, str(root))
    assert result.exit_code == 1, result.output
    assert_named(result.output, "secret.txt", "permission denied")
    assert count_articles(tmp_path) == 1


def test_names_with_spaces_and_non_latin_letters(tmp_path):
    root = folder(tmp_path, good=0)
    names = ["статья о форуме.txt", "news 2024 (copy).txt", "新聞 記事.txt", "Ünïcödé — name.md"]
    for name in names:
        shutil.copy(GOOD, root / name)
    result = build(tmp_path, str(root))
    assert result.exit_code == 0, result.output
    assert count_articles(tmp_path) == len(names)
    assert source_paths(tmp_path) == set(names)
    result = build(tmp_path, str(root / "статья о форуме.txt"))  # named one by one, by a glob too
    assert result.exit_code == 0 and "unchanged 1" in result.output, result.output
    result = build(tmp_path, str(root / "* *.txt"))
    assert result.exit_code == 0 and "unchanged 3" in result.output, result.output


def test_everything_hostile_at_once(tmp_path):
    root = folder(tmp_path, good=3)
    for name, data, _ in BAD_FILES:
        (root / name).write_bytes(data)
    (root / "nested.html").write_text(nested_html(), encoding="utf-8")
    (root / "feed.jsonl").write_bytes(jsonl_lines(1_000_000))
    (root / "loop").symlink_to(root, target_is_directory=True)
    result = build(tmp_path, str(root), "--max-bytes", "1000000")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    for name, _, reason in BAD_FILES:
        assert_named(result.output, name, reason)
    assert_named(result.output, "feed.jsonl", "not JSON")
    assert_named(result.output, "loop", "symlink loop")
    assert count_articles(tmp_path) >= 3 + 2


EXTRACTOR_BUG = (
    "bug: an article the extractor raises on aborts the whole build (graph/build/ingest.py build_into lets the "
    "exception out): the articles after it are never stored and the user sees a traceback"
)


def test_article_the_extractor_fails_on_does_not_stop_the_build(tmp_path, monkeypatch):
    """Any extractor bug on one article costs that article only: named, skipped, the rest stored."""
    extract = Pipeline.extract

    def fragile(self, article):
        if "ВЗРЫВ" in article.text:
            raise RuntimeError("an extractor bug")
        return extract(self, article)

    monkeypatch.setattr(Pipeline, "extract", fragile)
    root = folder(tmp_path)  # z_good_0.txt sorts after bad.txt
    (root / "bad.txt").write_text(f"{PARAGRAPH} ВЗРЫВ", encoding="utf-8")
    result = build(tmp_path, str(root))
    if isinstance(result.exception, RuntimeError):
        pytest.xfail(EXTRACTOR_BUG)  # passes by itself once build_into guards each article
    assert result.exit_code == 1, result.output
    assert_named(result.output, "bad.txt", "an extractor bug")
    assert "z_good_0.txt" in source_paths(tmp_path)


def run_on_line(size: int) -> bytes:
    """Russian words and spaces, `size` bytes at most, with no sentence break anywhere."""
    rng = random.Random(0)
    words = RUN_ON.split()
    line = " ".join(rng.choice(words) for _ in range(size // 8)).encode("utf-8")
    return line[: line.rindex(b" ", 0, size)]


def measured_build(root: Path, store: Path, timeout: float, *args: str) -> tuple[str, float, float]:
    """Run `forumgraph build` in a fresh process: its stderr, seconds and peak memory in GB."""
    wrapper = (
        "import resource, subprocess, sys; done = subprocess.run(sys.argv[1:], stderr=subprocess.PIPE, text=True); "
        "sys.stderr.write(done.stderr); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    command = [str(FORUMGRAPH), "build", str(root), "--store", str(store), "--no-progress", *args]
    started = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-c", wrapper, *command], capture_output=True, text=True, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"the build did not finish in {timeout:.0f} s")
    return done.stderr, time.perf_counter() - started, int(done.stdout.split()[-1]) / 1e6


@pytest.mark.slow
def test_run_on_line_memory_stays_flat(tmp_path):
    root = folder(tmp_path, good=0)
    (root / "line.txt").write_bytes(run_on_line(200_000))
    stderr, seconds, peak = measured_build(root, tmp_path / "store", 120)
    assert "Traceback" not in stderr, stderr[-2000:]
    assert peak < 1.2, f"peak memory {peak:.1f} GB for a 200 KB article ({seconds:.0f} s)"


# issue #15: 5.2 million characters, one line
ISSUE_LINE = "Ректор ТУСУРа Виктор Рулевский выступил " * 130000
TOO_LONG = "more than the 1,000,000 limit (use --max-article-chars)"


def test_article_over_max_article_chars_named_and_skipped(tmp_path):
    root = folder(tmp_path)
    (root / "long.txt").write_text("а" * 6000, encoding="utf-8")
    (root / "feed.jsonl").write_text(
        json.dumps({"text": "б" * 6001}) + "\n" + json.dumps({"text": PARAGRAPH}) + "\n", encoding="utf-8"
    )
    result = build(tmp_path, str(root), "--max-article-chars", "6000")
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert_named(
        result.output, "feed.jsonl:1", "6,001 characters, more than the 6,000 limit (use --max-article-chars)"
    )
    assert len(skipped_lines(result.output)) == 1  # long.txt has exactly 6,000: not over the limit
    assert count_articles(tmp_path) == 3


@pytest.mark.slow
def test_5_mb_line_without_sentence_breaks_finishes_in_bounded_time(tmp_path):
    root = folder(tmp_path)  # z_good_0.txt sorts after line.txt: it must still be stored
    (root / "line.txt").write_text(ISSUE_LINE, encoding="utf-8")
    stderr, seconds, peak = measured_build(root, tmp_path / "store", 600)  # a hang guard, not a target
    print(f"5 MB run-on line: {seconds:.0f} s, peak {peak:.1f} GB")
    assert "Traceback" not in stderr, stderr[-2000:]
    assert source_paths(tmp_path) == {"z_good_0.txt"}  # the article after it was still read and stored
    assert_named(stderr, "line.txt", f"5,200,000 characters, {TOO_LONG}")


@pytest.mark.slow
def test_run_on_line_under_the_limit_extracted_in_windows(tmp_path):
    """Below --max-article-chars a run-on line is extracted, window by window, and stored whole."""
    root = folder(tmp_path)
    (root / "line.txt").write_text(ISSUE_LINE[:100_000], encoding="utf-8")
    stderr, seconds, peak = measured_build(root, tmp_path / "store", 600)
    assert "Traceback" not in stderr and not skipped_lines(stderr), stderr[-2000:]
    assert source_paths(tmp_path) == {"line.txt", "z_good_0.txt"}
    sparql = "SELECT (COUNT(?m) AS ?n) WHERE { ?m fg:refersTo ?e . ?e a fg:Person }"
    found = CliRunner().invoke(cli, ["query", sparql, "--store", str(tmp_path / "store"), "--format", "csv"])
    persons = int(found.output.split()[-1])
    assert persons >= 2400, persons  # "Виктор Рулевский" in each of the 2,500 repeats, a few lost at cuts


@pytest.mark.slow
def test_50_mb_file_named_and_memory_bounded(tmp_path):
    root = folder(tmp_path)
    paragraph = (PARAGRAPH + "\n").encode("utf-8")
    (root / "dump.txt").write_bytes(paragraph * (49_900_000 // len(paragraph)))
    stderr, seconds, peak = measured_build(root, tmp_path / "store", 600)
    print(f"50 MB file: {seconds:.0f} s, peak {peak:.2f} GB")
    assert "Traceback" not in stderr, stderr[-2000:]
    assert source_paths(tmp_path) == {"z_good_0.txt"}
    assert_named(stderr, "dump.txt", TOO_LONG)
    assert peak < 2.0, f"peak memory {peak:.2f} GB for a 50 MB file"


@pytest.mark.slow
def test_100000_tiny_lines(tmp_path):
    root = folder(tmp_path)
    rng = random.Random(0)
    words = ["Да", "Нет", "Форум", "Ректор", "Москва", "Итоги", "Фото", "Видео", "Ок", "—", "1"]
    (root / "lines.txt").write_text(
        "".join(rng.choice(words) + "\n" for _ in range(100_000)), encoding="utf-8"
    )
    stderr, seconds, peak = measured_build(root, tmp_path / "store", 1200)
    print(f"100,000 tiny lines: {seconds:.0f} s, peak {peak:.2f} GB")
    assert "Traceback" not in stderr and not skipped_lines(stderr), stderr[-2000:]
    assert source_paths(tmp_path) == {"lines.txt", "z_good_0.txt"}


@pytest.mark.slow
def test_10000_nested_elements_in_a_fresh_process(tmp_path):
    root = folder(tmp_path)
    (root / "nested.html").write_text(nested_html(), encoding="utf-8")
    stderr, seconds, peak = measured_build(root, tmp_path / "store", 600)
    assert "Traceback" not in stderr, stderr[-2000:]
    assert "z_good_0.txt" in source_paths(tmp_path)
    assert "nested.html" in source_paths(tmp_path) or any("nested.html" in x for x in skipped_lines(stderr))
