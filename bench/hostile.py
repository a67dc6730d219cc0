"""Benchmark: builds of hostile folders against natasha alone on 5 MB of ordinary text; peak memory.

Run: .venv/bin/python bench/hostile.py [--texts nerel-dev.jsonl] [--extract-line]

  natasha     natasha's own pipeline (as in bench/throughput.py) over 5 MB of ordinary text: NEREL's
              dev texts repeated to 5,000,000 bytes, in this process, models loaded before timing
  run-on      `forumgraph build` (a fresh process, model loading included) of a folder holding the
              issue's one-line article ('Ректор ТУСУРа Виктор Рулевский выступил ' * 130000, 5.2
              million characters) and a good article: the good one must be stored, the big one named
  50 MB       the same with a 50 MB article of ordinary text instead: its peak memory must stay
              under 2 GB (max RSS of the build process, from getrusage(RUSAGE_CHILDREN))

With --extract-line the run-on article is also built with --max-article-chars 6000000, so it is
extracted whole, window by window, rather than named and skipped (takes minutes).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import NEREL, ROOT, load_texts, machine  # noqa: E402

from graph.build.payload import limit_blas_threads  # noqa: E402

limit_blas_threads()

GOOD = ROOT / "data" / "articles" / "001_b12c81916ad0f1bf.txt"
RUN_ON = "Ректор ТУСУРа Виктор Рулевский выступил " * 130000
FORUMGRAPH = Path(sys.executable).with_name("forumgraph")
# runs the build as its own child, so that RUSAGE_CHILDREN is the build's peak and nothing else's
WRAPPER = (
    "import resource, subprocess, sys; done = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
    "sys.stderr.write(done.stderr + done.stdout); print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def ordinary_text(texts: list[str], size: int) -> str:
    """NEREL's texts one after the other, a blank line between, until `size` bytes of UTF-8."""
    out, used = [], 0
    while used < size:
        for text in texts:
            out.append(text)
            used += len(text.encode("utf-8")) + 2
            if used >= size:
                break
    return "\n\n".join(out)


def time_natasha(texts: list[str]) -> float:
    from natasha import Doc
    from throughput import natasha_pipeline

    from extractors.ru.models import load_ru_models

    models = load_ru_models()
    Doc(texts[0]).segment(models.segmenter)  # warm-up
    started = time.perf_counter()
    natasha_pipeline(texts, models)
    return time.perf_counter() - started


def build(folder: Path, store: Path, *args: str) -> tuple[float, float, int, str]:
    """(wall seconds, peak GB, exit status, stderr) of `forumgraph build` of the folder, a fresh process."""
    command = [str(FORUMGRAPH), "build", str(folder), "--store", str(store), "--no-progress", *args]
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", WRAPPER, *command], capture_output=True, text=True)
    seconds = time.perf_counter() - started
    status, peak = done.stdout.split()[-2:]
    return seconds, int(peak) / 1e6, int(status), done.stderr


def folder_with(root: Path, name: str, text: str) -> Path:
    root.mkdir()
    (root / name).write_text(text, encoding="utf-8")
    shutil.copy(GOOD, root / "z_good.txt")  # sorts after the big one: it must still be stored
    return root


def outcome(stderr: str, name: str) -> str:
    lines = stderr.strip().splitlines()
    named = [line.split(": ", 1)[-1] for line in lines if line.startswith("skipped ") and name in line]
    summary = [line.split("; entities")[0] for line in lines if line.startswith("articles read")]
    return f"{name}: {named[0] if named else 'not skipped'}; {summary[0] if summary else 'no summary'}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", default=str(NEREL), help="JSONL with a 'text' per line")
    parser.add_argument("--extract-line", action="store_true", help="also extract the run-on line whole")
    args = parser.parse_args()
    texts = load_texts(args.texts)
    five = ordinary_text(texts, 5_000_000)
    pieces = five.split("\n\n")
    natasha = time_natasha(pieces)
    rows = []
    with tempfile.TemporaryDirectory(prefix="fg-hostile-") as tmp:
        tmp = Path(tmp)
        runon = folder_with(tmp / "runon", "line.txt", RUN_ON)
        seconds, peak, status, stderr = build(runon, tmp / "s1")
        rows.append(
            ("run-on line (5.2 M chars) + good article", seconds, peak, status, outcome(stderr, "line.txt"))
        )
        big = folder_with(tmp / "big", "dump.txt", ordinary_text(texts, 49_900_000))
        seconds, peak, status, stderr = build(big, tmp / "s2")
        rows.append(("50 MB article + good article", seconds, peak, status, outcome(stderr, "dump.txt")))
        if args.extract_line:
            seconds, peak, status, stderr = build(runon, tmp / "s3", "--max-article-chars", "6000000")
            rows.append(
                (
                    "run-on line extracted whole, in windows",
                    seconds,
                    peak,
                    status,
                    outcome(stderr, "line.txt"),
                )
            )
    size = len(five.encode("utf-8"))
    print(f"# hostile: natasha on {size:,} bytes ({len(five):,} characters) of {args.texts}; {machine()}")
    print(f"natasha alone: {natasha:.1f} s (models loaded before timing)\n")
    print("| build (fresh process) | seconds | ratio to natasha on 5 MB | peak memory GB | exit | outcome |")
    print("|---|---|---|---|---|---|")
    for name, seconds, peak, status, said in rows:
        print(f"| {name} | {seconds:.1f} | {seconds / natasha:.2f} | {peak:.2f} | {status} | {said} |")


if __name__ == "__main__":
    main()
