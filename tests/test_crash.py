"""Crash safety: builds killed at known points leave whole article graphs; a second writer is refused, readers work."""

from __future__ import annotations

import hashlib
import os
import random
import select
import signal
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from graph.build.syncpoint import ENV
from graph.cli import cli
from graph.store.embedded import open_store
from graph.store.vocab import FG, ONTOLOGY_GRAPH

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted(
    p for p in (ROOT / "data" / "articles").glob("*.txt") if not p.name.startswith("000_")
)  # Russian
COPIES = 7  # 7 copies of the 4 Russian seeds: 28 articles
KILLS = 8
BATCH = 5  # articles per batch in the held builds: several batches, so kills land between them
FORUMGRAPH = Path(sys.executable).with_name("forumgraph")
ONTOLOGY = ox.NamedNode(str(ONTOLOGY_GRAPH))

Graphs = dict[str, frozenset]


def write_folder(root: Path, version: int, copies: int = COPIES) -> Path:
    """The same file names in every version; version 1 changes every text, so a build replaces every graph."""
    root.mkdir(parents=True, exist_ok=True)
    for copy in range(copies):
        for seed in SEEDS:
            text = seed.read_text(encoding="utf-8")
            if version:
                text += "\nОбновлено редакцией.\n"
            (root / f"copy{copy}_{seed.name}").write_text(text, encoding="utf-8")
    return root


def article_graphs(store_dir: Path) -> Graphs:
    """Every article graph of the store as a set of triples; opening read-write proves the lock was released."""
    graphs: dict[str, set] = {}
    with open_store(str(store_dir)) as store:
        for quad in store.quads():
            if quad.graph_name != ONTOLOGY:
                graphs.setdefault(quad.graph_name.value, set()).add(
                    (quad.subject, quad.predicate, quad.object)
                )
    return {name: frozenset(triples) for name, triples in graphs.items()}


def assert_whole(name: str, triples: frozenset, references: list[Graphs], digest: str) -> None:
    texts = [o.value for s, p, o in triples if p.value == str(FG.articleText) and s.value == name]
    shas = [o.value for s, p, o in triples if p.value == str(FG.sha256) and s.value == name]
    assert len(texts) == len(shas) == 1, (
        f"{name}: expected one text and one hash, got {len(texts)}, {len(shas)}"
    )
    assert hashlib.sha256(texts[0].encode("utf-8")).hexdigest() == shas[0], (
        f"{name}: hash does not match text"
    )
    clean = [ref[name] for ref in references if name in ref]
    assert not clean or triples in clean, f"{name}: not the graph a clean build gives{same_sources(digest)}"


def start_build(folder: Path, store_dir: Path, **popen) -> subprocess.Popen:
    """`forumgraph build` in its own process; its output goes to a file, so a full pipe never blocks it."""
    command = [str(FORUMGRAPH), "build", str(folder), "--store", str(store_dir), "--no-progress"]
    with store_dir.with_suffix(".log").open("a") as log:
        return subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, **popen)


def finish(build: subprocess.Popen, store_dir: Path) -> None:
    assert build.wait(timeout=300) == 0, store_dir.with_suffix(".log").read_text()[-3000:]


class HeldBuild:
    """`forumgraph build` that halts at each of its writer's sync points (graph/build/syncpoint.py) until released.

    Points are `batch N` (a batch bringing this build's graphs to N is about to be written) and
    `stored N` (N graphs of this build are in the store); the test knows where the build is.
    """

    def __init__(self, folder: Path, store_dir: Path, batch: int = BATCH):
        self.store_dir = store_dir
        release_read, self.release = os.pipe()
        self.announced, announce_write = os.pipe()
        env = {**os.environ, ENV: f"{release_read},{announce_write}", "FORUMGRAPH_BATCH_ARTICLES": str(batch)}
        self.proc = start_build(folder, store_dir, env=env, pass_fds=(release_read, announce_write))
        os.close(release_read)
        os.close(announce_write)
        self.stored = 0  # the last `stored N` announced

    def point(self, timeout: float = 180) -> tuple[str, int] | None:
        """The next point the build halts at; None once it has ended (a hang guard, not a time target)."""
        line = b""
        while not line.endswith(b"\n"):
            ready, _, _ = select.select([self.announced], [], [], timeout)
            assert ready, f"the build neither halted nor ended in {timeout} s: {self.log()}"
            chunk = os.read(self.announced, 1)
            if not chunk:
                return None
            line += chunk
        kind, count = line.decode("ascii").split()
        if kind == "stored":
            self.stored = int(count)
        return kind, int(count)

    def go(self) -> None:
        os.write(self.release, b"go\n")

    def finish(self) -> None:
        """Release every point left; the build must then end well."""
        while self.point() is not None:
            self.go()
        assert self.proc.wait(timeout=300) == 0, self.log()

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)

    def log(self) -> str:
        return self.store_dir.with_suffix(".log").read_text()[-3000:]

    def close(self) -> None:
        if self.proc.poll() is None:
            self.kill()
        os.close(self.release)
        os.close(self.announced)


def source_digest() -> str:
    """A hash of the code and word lists a build runs on, to tell a crash bug from a tree edited mid-test."""
    digest = hashlib.sha256()
    for path in sorted([*ROOT.glob("extractors/**/*.*"), *ROOT.glob("graph/**/*.*")]):
        if path.suffix in (".py", ".tsv", ".txt", ".ttl"):
            digest.update(path.read_bytes())
    return digest.hexdigest()


def same_sources(started: str) -> str:
    return "" if source_digest() == started else " (the sources changed during the test: run it again)"


@pytest.fixture(scope="module")
def references(tmp_path_factory) -> tuple[Path, list[Graphs], str]:
    """Clean builds of both versions of the folder, by the same command the killed builds run."""
    base = tmp_path_factory.mktemp("reference")
    digest = source_digest()
    refs = []
    for version in (0, 1):
        folder = write_folder(base / f"v{version}", version)
        finish(start_build(folder, base / f"store{version}"), base / f"store{version}")
        refs.append(article_graphs(base / f"store{version}"))
        assert len(refs[-1]) == COPIES * len(SEEDS)
    assert all(refs[0][name] != refs[1][name] for name in refs[0])
    return base, refs, digest


@pytest.mark.slow
def test_killed_builds_leave_whole_graphs(references, tmp_path):
    """Kills while the build is held at a known point leave exactly what it had stored; kills racing a
    write (released, then killed at once) leave every graph whole, the old or the new one."""
    base, refs, digest = references
    rng = random.Random(20240708)
    folder, store_dir = tmp_path / "in", tmp_path / "store"
    before: Graphs = {}
    for kill in range(KILLS):
        # two builds add new graphs (in batches, one transaction each), then six replace them (DROP + INSERT)
        version = 0 if kill < 2 else (kill + 1) % 2
        wanted = refs[version]
        write_folder(folder, version)
        current = {name for name in before if before[name] == wanted[name]}  # unchanged: not written again
        todo = len(wanted) - len(current)
        assert todo > 1, f"kill {kill}: nothing left to interrupt"
        target = rng.randint(1, todo - 1)
        racing = kill % 3 == 1
        build = HeldBuild(folder, store_dir)
        try:
            while (point := build.point()) is not None and point[1] < target:
                build.go()
            assert point is not None, f"kill {kill}: the build ended before {target} graphs: {build.log()}"
            if racing:
                build.go()  # the write it was held before (or the next one) is under way when the kill lands
            build.kill()
        finally:
            build.close()
        after = article_graphs(store_dir)
        assert set(after) <= set(wanted), f"kill {kill}: graphs no clean build gives"
        for name, triples in after.items():
            assert_whole(name, triples, refs, digest)
        assert set(before) <= set(after), f"kill {kill}: articles stored before the kill are gone"
        written = {name for name in after if after[name] == wanted[name]} - current
        untouched = {name: before.get(name) for name in after if name not in current | written}
        assert untouched == {name: after[name] for name in untouched}, f"kill {kill}: an old graph changed"
        if racing:
            assert len(written) >= build.stored, f"kill {kill}: graphs reported stored are missing"
        else:
            assert len(written) == build.stored, f"kill {kill}: {len(written)} graphs, {build.stored} stored"
        before = after
    finish(start_build(folder, store_dir), store_dir)
    assert article_graphs(store_dir) == refs[version], same_sources(digest)  # a re-build completes the store


@pytest.mark.slow
def test_second_writer_refused_and_readers_work_during_a_build(references, tmp_path):
    """The build is held after its first batch is stored; a second writer, a query and `check` run then."""
    base, refs, digest = references
    store_dir = tmp_path / "store"
    folder = write_folder(tmp_path / "in", 0)
    build = HeldBuild(folder, store_dir)
    try:
        while (point := build.point()) is not None and point[0] != "stored":
            build.go()
        assert point is not None, f"the build ended before storing a batch: {build.log()}"
        count = "SELECT (COUNT(?a) AS ?n) WHERE { ?a a fg:Article }"
        commands = {  # all three at once, while the build holds the store open for writing
            "second": [str(FORUMGRAPH), "build", str(base / "v1"), "--store", str(store_dir)],
            "query": [str(FORUMGRAPH), "query", count, "--store", str(store_dir), "--format", "csv"],
            "check": [str(FORUMGRAPH), "check", "--store", str(store_dir)],
        }
        procs = {
            name: subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for name, cmd in commands.items()
        }
        done = {name: proc.communicate(timeout=300) for name, proc in procs.items()}
        assert build.proc.poll() is None, build.log()  # still held: the readers ran during the build
        out, err = done["second"]
        assert procs["second"].returncode == 1
        assert "in use by another forumgraph process" in err, err
        assert "Traceback" not in err
        out, err = done["query"]
        assert procs["query"].returncode == 0, err
        assert int(out.split()[-1]) == build.stored  # exactly what the build had stored when held
        out, err = done["check"]
        assert procs["check"].returncode == 0 and "no violations" in out, out + err
        build.go()
        build.finish()
    finally:
        build.close()
    stored = article_graphs(store_dir)  # the refused writer changed nothing
    assert len(stored) == COPIES * len(SEEDS)
    for name, triples in stored.items():
        assert_whole(name, triples, refs[:1], digest)


def test_reader_during_store_creation_gets_one_line(tmp_path, monkeypatch):
    (tmp_path / "store").mkdir()

    def half_created(path: str):  # what pyoxigraph raises in that window (seen racing real builds)
        raise RuntimeError("Invalid argument: Column family not found: gosp")

    monkeypatch.setattr(ox.Store, "read_only", staticmethod(half_created))
    result = CliRunner().invoke(cli, ["query", "ASK {}", "--store", str(tmp_path / "store")])
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.output.startswith("Error: ") and len(result.output.splitlines()) == 1
