"""Benchmark: build time and peak memory at 1k, 10k and 100k articles, and unchanged re-builds.

Run: .venv/bin/python bench/scale.py [--sizes 1000,10000,100000] [--real 1000] [--real-jobs 1]

Two kinds of run, each build in a fresh process into a fresh store (peak memory is that process's):

  machinery   reading the JSONL, sha256, triples, N-Quads, batched store writes: the extraction is a
              stub that replays real extractions of the NEREL texts with renamed entities (so the
              graph grows as for distinct articles). Full extraction of 100k articles would take
              hours on 2 cores; these rows measure everything but the extraction.
  real        the full pipeline (`Pipeline().extract`, natasha and our rules) at `--real` articles.

Each build is followed by an unchanged re-build of the same corpus (every article skipped by its
sha256), timed in the same process.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import NEREL, Replay, load_texts, machine, peak_rss_mb, real_extractions, write_corpus  # noqa: E402


def child(kind: str, corpus: str, store_dir: str, texts_path: str, jobs: int) -> None:
    """One build and its re-build; prints a JSON line."""
    from graph.build.ingest import build_into, limit_blas_threads
    from graph.store.embedded import open_store

    limit_blas_threads()
    if kind == "real":
        from extractors.pipeline import Pipeline
        from extractors.ru.models import load_ru_models

        extract, warm = Pipeline().extract, load_ru_models
    else:
        texts = load_texts(texts_path)
        extract, warm = Replay(real_extractions(texts), len(texts)), None
    with open_store(store_dir) as store:
        started = time.perf_counter()
        first = build_into(store, [corpus], extract, max_bytes=10**8, jobs=jobs, warm=warm)
        seconds = time.perf_counter() - started
        peak_build = peak_rss_mb()
        started = time.perf_counter()
        again = build_into(store, [corpus], extract, max_bytes=10**8, jobs=jobs, warm=warm)
        rebuild = time.perf_counter() - started
        quads = len(store)
    assert first.stored == first.read and not first.skipped, first
    assert again.unchanged == first.read and again.stored == 0, again
    print(
        json.dumps(
            {
                "articles": first.stored,
                "quads": quads,
                "seconds": seconds,
                "rebuild": rebuild,
                "peak_mb": peak_build,
                "workers_peak_mb": peak_rss_mb(children=True),
            }
        )
    )


def measure(kind: str, count: int, texts: list[str], args, tmp: Path) -> dict:
    corpus = write_corpus(tmp / f"{kind}-{count}.jsonl", texts, count)
    store = tmp / f"store-{kind}-{count}"
    command = [sys.executable, __file__, "--child", kind, str(corpus), str(store), "--texts", args.texts]
    command += ["--real-jobs", str(args.real_jobs if kind == "real" else 1)]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{kind} build of {count} articles failed:\n{done.stderr[-3000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    disk = sum(f.stat().st_size for f in store.rglob("*") if f.is_file()) / 1e6
    result.update(kind=kind, disk_mb=disk)
    print(f"{kind} {count}: {result}", file=sys.stderr, flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="machinery runs, in articles")
    parser.add_argument("--real", default="1000", help="full-extraction runs, in articles ('' for none)")
    parser.add_argument("--real-jobs", type=int, default=1, help="--jobs of the full-extraction runs")
    parser.add_argument("--texts", default=str(NEREL), help="JSONL with a 'text' per line")
    parser.add_argument("--child", nargs=3, metavar=("KIND", "CORPUS", "STORE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child, args.texts, args.real_jobs)
        return
    texts = load_texts(args.texts)
    real_extractions(texts)  # the replay's cache, made once, outside the timed runs
    results = []
    with tempfile.TemporaryDirectory(prefix="fg-scale-") as name:
        for count in [int(x) for x in args.real.split(",") if x]:
            results.append(measure("real", count, texts, args, Path(name)))
        for count in [int(x) for x in args.sizes.split(",") if x]:
            results.append(measure("machinery", count, texts, args, Path(name)))
    print(f"# scale: {machine()}")
    print(
        "| run | articles | quads | build s | s per 1k articles | peak memory MB "
        "| unchanged re-build s | first / re-build | store on disk MB |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for r in results:
        peak = f"{r['peak_mb']:.0f}"
        if r["kind"] == "real" and args.real_jobs > 1:
            peak += f" (+ workers {r['workers_peak_mb']:.0f} each)"
        print(
            f"| {r['kind']} | {r['articles']} | {r['quads']} | {r['seconds']:.1f} "
            f"| {r['seconds'] / r['articles'] * 1000:.1f} | {peak} | {r['rebuild']:.2f} "
            f"| {r['seconds'] / r['rebuild']:.0f} | {r['disk_mb']:.0f} |"
        )


if __name__ == "__main__":
    main()
