"""Benchmark: `forumgraph build --jobs 2` against `--jobs 1` on the same corpus, whole commands timed.

Run: .venv/bin/python bench/parallel.py [--texts nerel-dev.jsonl] [--docs 600] [--rounds 2]

Each run is a fresh `forumgraph build` process into a fresh store, start-up (imports, model
loading, worker start) included; the two settings alternate, and the median of the rounds counts.
The exports of the two stores are compared byte for byte.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import NEREL, load_texts, machine, write_corpus  # noqa: E402

FORUMGRAPH = Path(sys.executable).with_name("forumgraph")


def run_build(corpus: Path, store: Path, jobs: int) -> float:
    started = time.perf_counter()
    done = subprocess.run(
        [str(FORUMGRAPH), "build", str(corpus), "--store", str(store), "--no-progress", "--jobs", str(jobs)],
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"forumgraph build --jobs {jobs} failed:\n{done.stdout}{done.stderr}")
    print(f"--jobs {jobs}: {seconds:.1f} s; {done.stdout.strip()}", file=sys.stderr, flush=True)
    return seconds


def export(store: Path, out: Path) -> bytes:
    subprocess.run(
        [str(FORUMGRAPH), "export", "--store", str(store), "-o", str(out)], check=True, capture_output=True
    )
    return out.read_bytes()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", default=str(NEREL), help="JSONL with a 'text' per line")
    parser.add_argument("--docs", type=int, default=600, help="articles in the corpus (texts replicated)")
    parser.add_argument("--rounds", type=int, default=2, help="runs of each setting, alternating")
    args = parser.parse_args()
    texts = load_texts(args.texts)
    times: dict[int, list[float]] = {1: [], 2: []}
    with tempfile.TemporaryDirectory(prefix="fg-parallel-") as tmp:
        corpus = write_corpus(Path(tmp) / "corpus.jsonl", texts, args.docs)
        exports = {}
        for number in range(args.rounds):
            for jobs in (1, 2) if number % 2 == 0 else (2, 1):
                store = Path(tmp) / f"store-{jobs}-{number}"
                times[jobs].append(run_build(corpus, store, jobs))
                exports[jobs] = export(store, Path(tmp) / f"export-{jobs}.nq")
        identical = exports[1] == exports[2]
    one, two = statistics.median(times[1]), statistics.median(times[2])
    print(f"# parallel: {args.docs} articles ({len(texts)} distinct texts); {machine()}")
    print("| setting | seconds (median) | runs | articles/s |")
    print("|---|---|---|---|")
    for jobs, median in ((1, one), (2, two)):
        runs = ", ".join(f"{t:.1f}" for t in times[jobs])
        print(f"| --jobs {jobs} | {median:.1f} | {runs} | {args.docs / median:.1f} |")
    print(f"\nspeed-up of --jobs 2: {one / two:.2f}; exports byte-identical: {identical}")


if __name__ == "__main__":
    main()
