"""Benchmark: the example queries on a store of about a million triples, against in-memory rdflib.

Run: .venv/bin/python bench/query.py [--triples 1000000] [--cap 60] [--runs 3] [--texts nerel-dev.jsonl]

The graph: real extractions (the sample articles and the NEREL texts, by forumgraph's pipeline),
replayed with renamed entities (copy k of an article names "…-<letters of k>") until the store holds
`--triples` quads; built by `build_into`, so the store is what `forumgraph build` makes.

Both sides answer every data/queries/*.rq over the same quads: forumgraph's store (Oxigraph through
oxrdflib: `Store.query`, results read to the end) and an rdflib Dataset(default_union=True) in memory
parsed from the store's export. forumgraph: the median of `--runs` after one warm-up run (a query slower than 5 s:
its one run), in a child process stopped past `--cap` seconds; rdflib: one run, stopped at `--cap`
seconds. A stopped run is reported as "> cap" and counted as `--cap` seconds. Row counts are compared.
"""

from __future__ import annotations

import argparse
import json
import math
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import (  # noqa: E402
    NEREL,
    ROOT,
    Replay,
    load_samples,
    load_texts,
    machine,
    real_extractions,
    write_corpus,
)

QUERIES = sorted((ROOT / "data" / "queries").glob("*.rq"))


class Capped(Exception):
    """The rdflib query ran past its cap."""


def stop(signum, frame):
    raise Capped


def run_capped(func, cap: float) -> tuple[float, object]:
    """(seconds, result); (inf, None) past `cap` seconds (rdflib is pure Python); (nan, error) on failure."""
    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, cap)
    started = time.perf_counter()
    try:
        result = func()
        return time.perf_counter() - started, result
    except Capped:
        return math.inf, None
    except Exception as err:  # noqa: BLE001 - rdflib's own bugs: reported, left out of the ratio
        return math.nan, f"{type(err).__name__}: {err}"
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def build_store(store_dir: Path, tmp: Path, target: int, texts_path: str) -> tuple[int, int]:
    """A store of about `target` quads; returns (articles, quads)."""
    from graph.build.ingest import build_into
    from graph.build.triples import extraction_triples
    from graph.store.embedded import open_store

    samples, sample_langs = load_samples()
    texts = samples + load_texts(texts_path)
    langs = sample_langs + ["ru"] * (len(texts) - len(samples))
    extractions = real_extractions(texts, langs)
    per_round = sum(len(extraction_triples(extractions[t])[1]) for t in texts)
    count = max(len(texts), round(target / per_round * len(texts)))
    corpus = write_corpus(tmp / "corpus.jsonl", texts, count, langs)
    with open_store(str(store_dir)) as store:
        summary = build_into(store, [str(corpus)], Replay(extractions, len(texts)), max_bytes=10**8)
        assert not summary.skipped, summary.skipped
        return summary.stored, len(store)


def time_ours(store_dir: Path, path: Path, runs: int, cap: float) -> tuple[float, int]:
    """(median seconds, rows) of a query on forumgraph's store, in a child process killed past the cap."""
    command = [sys.executable, __file__, "--child", str(store_dir), str(path), "--runs", str(runs)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=cap + 5 * (runs + 1) + 30)
    except subprocess.TimeoutExpired:
        return math.inf, -1
    if done.returncode != 0:
        sys.exit(f"{path.name} failed on forumgraph's store:\n{done.stderr[-2000:]}")
    seconds, rows = json.loads(done.stdout)
    return (math.inf if seconds > cap else seconds), rows


def child(store_dir: str, path: str, runs: int) -> None:
    """A warm-up run, then up to `runs` timed runs (fewer for a slow query); prints [median seconds, rows]."""
    from graph.store.embedded import open_store

    sparql = Path(path).read_text(encoding="utf-8")
    with open_store(store_dir, read_only=True) as store:
        started = time.perf_counter()
        rows = list(store.query(sparql))  # warm-up: the store's caches
        times = [time.perf_counter() - started]
        if times[0] < 5:  # a slow query is not run again: its warm-up run is its time
            times = []
            for _ in range(runs):
                started = time.perf_counter()
                rows = list(store.query(sparql))
                times.append(time.perf_counter() - started)
    print(json.dumps([statistics.median(times), len(rows)]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000, help="size of the store, in quads")
    parser.add_argument("--cap", type=float, default=60.0, help="seconds an rdflib query may run")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each query on forumgraph's store")
    parser.add_argument("--texts", default=str(NEREL), help="JSONL with a 'text' per line")
    parser.add_argument("--store", help="use this store (built by an earlier run) instead of building one")
    parser.add_argument("--child", nargs=2, metavar=("STORE", "QUERY"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child, args.runs)
        return

    import pyoxigraph as ox
    from rdflib import Dataset
    from rdflib.namespace import RDF

    from graph.store.embedded import open_store
    from graph.store.vocab import FG, PREFIXES

    with tempfile.TemporaryDirectory(prefix="fg-query-") as name:
        tmp = Path(name)
        store_dir = Path(args.store) if args.store else tmp / "store"
        if not args.store or not store_dir.exists():
            started = time.perf_counter()
            articles, quads = build_store(store_dir, tmp, args.triples, args.texts)
            print(
                f"store: {articles} articles, {quads} quads, built in {time.perf_counter() - started:.0f} s",
                file=sys.stderr,
            )
        with open_store(str(store_dir), read_only=True) as store:
            quads = len(store)
            is_a = ox.NamedNode(str(RDF.type)), ox.NamedNode(str(FG.Article))
            articles = sum(1 for _ in store.find(None, *is_a))  # the article graphs, not the merge
            ox.serialize(store.quads(), str(tmp / "all.nq"), ox.RdfFormat.N_QUADS)
        started = time.perf_counter()
        dataset = Dataset(default_union=True)
        for prefix, namespace in PREFIXES.items():
            dataset.bind(prefix, namespace)
        dataset.parse(str(tmp / "all.nq"), format="nquads")
        print(f"rdflib: {quads} quads parsed in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        rows = []
        for path in QUERIES:
            mine, count = time_ours(store_dir, path, args.runs, args.cap)
            sparql = path.read_text(encoding="utf-8")
            theirs, result = run_capped(lambda: list(dataset.query(sparql)), args.cap)  # noqa: B023
            if math.isnan(theirs):
                same = f"rdflib failed: {result}"[:120]
            elif result is None or count < 0:
                same = "not run to the end"
            else:
                same = "yes" if len(result) == count else f"no: rdflib {len(result)}"
            rows.append((path.name, mine, theirs, count, same))
            print(f"{path.name}: forumgraph {mine:.3f} s, rdflib {theirs:.2f} s", file=sys.stderr, flush=True)
    ratios = [min(theirs, args.cap) / min(mine, args.cap) for _, mine, theirs, _, _ in rows]
    capped = sum(math.isinf(theirs) for _, _, theirs, _, _ in rows)
    failed = sum(math.isnan(theirs) for _, _, theirs, _, _ in rows)
    print(f"# query: {len(rows)} example queries, {quads} quads ({articles} articles); {machine()}")
    print(f"| query | forumgraph s (median of {args.runs}) | rdflib s | ratio | rows | same rows |")
    print("|---|---|---|---|---|---|")
    for (name, mine, theirs, count, same), ratio in zip(rows, ratios):
        ours = f"> {args.cap:g}" if math.isinf(mine) else f"{mine:.3f}"
        if math.isnan(theirs):
            shown, ratio_text = "failed", "-"
        elif math.isinf(theirs) and math.isinf(mine):
            shown, ratio_text = f"> {args.cap:g}", "?"
        else:
            shown = f"> {args.cap:g}" if math.isinf(theirs) else f"{theirs:.2f}"
            bound = ">= " if math.isinf(theirs) else "<= " if math.isinf(mine) else ""
            ratio_text = f"{bound}{ratio:.1f}"
        print(f"| {name} | {ours} | {shown} | {ratio_text} | {count if count >= 0 else '?'} | {same} |")
    median = statistics.median(r for r in ratios if not math.isnan(r))  # both capped: counted as 1
    notes = []
    if capped:
        notes.append(
            f"{capped} rdflib runs capped at {args.cap:g} s, counted as {args.cap:g} s: lower bounds"
        )
    ours_capped = sum(math.isinf(mine) for _, mine, _, _, _ in rows)
    if ours_capped:
        notes.append(f"{ours_capped} forumgraph runs capped too, counted as {args.cap:g} s")
    if failed:
        notes.append(f"{failed} queries rdflib could not answer, left out")
    note = f" ({'; '.join(notes)})" if notes else ""
    print(f"\nmedian speed ratio (rdflib time / forumgraph time): {median:.0f}{note}")


if __name__ == "__main__":
    main()
