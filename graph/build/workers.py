"""Worker processes for `build --jobs N`: models loaded once per worker, a time limit per article."""

from __future__ import annotations

import logging
import multiprocessing
import time
from collections import deque
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection, wait

from extractors.errors import ForumGraphError
from extractors.read import Skipped

__all__ = ["WorkerPool", "serve"]

log = logging.getLogger(__name__)

DEPTH = 2  # articles sent to a worker ahead: it starts the next while this process writes
REORDER_LIMIT = 64  # results held back per worker while an earlier article is still being extracted
START_SECONDS = 600.0  # a worker that cannot even start (import, load models) in this long is broken


def serve(conn: Connection, extract: Callable, warm: Callable[[], object] | None) -> None:
    """A worker's life: warm up, say so, then extract each article sent until told to stop (or orphaned)."""
    from graph.build.payload import extract_or_skip, limit_blas_threads

    limit_blas_threads()
    if warm is not None:
        warm()
    conn.send("ready")
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):  # the build process is gone: so is the reason to live
            return
        if job is None:
            return
        number, article = job
        conn.send((number, extract_or_skip(article, extract)))


class Worker:
    """One worker process and the articles sent to it, the first of which it is extracting."""

    def __init__(self, context, extract: Callable, warm: Callable[[], object] | None):
        self.conn, child = context.Pipe()
        self.process = context.Process(target=serve, args=(child, extract, warm), daemon=True)
        self.process.start()
        child.close()
        self.ready = False
        self.born = time.monotonic()
        self.jobs: deque[tuple[int, object]] = deque()  # (number, job), in the order sent
        self.since = 0.0  # when the first of `jobs` started

    def send(self, number: int, job) -> None:
        if not self.jobs:
            self.since = time.monotonic()
        self.jobs.append((number, job))
        self.conn.send((number, job.article))

    def answered(self) -> tuple[int, object]:
        """The first job is done: the next one, already sent, starts now."""
        self.since = time.monotonic()
        return self.jobs.popleft()

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            try:
                self.conn.send(None)
            except OSError:
                self.process.kill()
        self.process.join(timeout=10)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


def died(worker: Worker) -> str:
    worker.process.join(timeout=5)  # reaped, so its exit code is known
    return f"the worker process died (exit code {worker.process.exitcode})"


class WorkerPool:
    """`jobs` processes; an article over `timeout` seconds costs its worker, which a new one replaces.

    Results come back in the order the jobs went in, so the store is written as `--jobs 1` writes it.
    """

    def __init__(
        self,
        extract: Callable,
        *,
        jobs: int,
        timeout: float | None = None,
        warm: Callable[[], object] | None = None,
        start_method: str = "spawn",  # no fork of a process that holds the store's threads and locks
    ):
        if jobs < 1:
            raise ForumGraphError(f"expected at least one worker, got {jobs}")
        self.extract, self.warm, self.timeout, self.jobs = extract, warm, timeout, jobs
        self.context = multiprocessing.get_context(start_method)
        self.workers: list[Worker] = []
        self.waiting: deque[tuple[int, object]] = deque()  # numbered, not sent (or to send again)
        self.done: dict[int, tuple[object, object]] = {}
        self.replaced = 0

    def run(self, jobs: Iterator) -> Iterator[tuple[object, object]]:
        """(job, Payload | Skipped) for every job, in order; workers start only when there is work."""
        numbered = enumerate(jobs)
        first = next(numbered, None)
        if first is None:
            return
        self.waiting.append(first)
        while len(self.workers) < self.jobs:
            self.workers.append(Worker(self.context, self.extract, self.warm))
        taken = 1  # jobs taken from `numbered`
        exhausted = False
        yielded = 0
        while True:
            for worker in self.workers:  # hand out work, unless results wait too long behind a slow one
                while (
                    worker.ready and len(worker.jobs) < DEPTH and len(self.done) < REORDER_LIMIT * self.jobs
                ):
                    if not self.waiting and not exhausted:
                        nxt = next(numbered, None)
                        exhausted = nxt is None
                        if nxt is not None:
                            self.waiting.append(nxt)
                            taken += 1
                    if not self.waiting:
                        break
                    worker.send(*self.waiting.popleft())
            while yielded in self.done:
                yield self.done.pop(yielded)
                yielded += 1
            if exhausted and yielded == taken:
                return
            self.collect()

    def collect(self) -> None:
        """Wait for the next message, a time limit or a death; record results, replace lost workers."""
        now = time.monotonic()
        deadlines = [w.since + self.timeout for w in self.workers if w.jobs and self.timeout]
        deadlines += [w.born + START_SECONDS for w in self.workers if not w.ready]
        pause = max(0.0, min(deadlines) - now) if deadlines else None
        ready = wait([w.conn for w in self.workers] + [w.process.sentinel for w in self.workers], pause)
        for index, worker in enumerate(list(self.workers)):
            if worker.conn in ready:
                try:
                    message = worker.conn.recv()
                except (EOFError, OSError):
                    self.replace(index, died(worker))
                    continue
                if message == "ready":
                    worker.ready = True
                    continue
                number, job = worker.answered()
                assert message[0] == number, f"expected the answer to job {number}, got {message[0]}"
                self.done[number] = (job, message[1])
            elif worker.process.sentinel in ready and not worker.process.is_alive():
                self.replace(index, died(worker))
            elif worker.jobs and self.timeout and time.monotonic() - worker.since > self.timeout:
                self.replace(index, f"extraction took longer than {self.timeout:g} s (--article-timeout)")
            elif not worker.ready and time.monotonic() - worker.born > START_SECONDS:
                worker.stop(kill=True)
                raise ForumGraphError(f"a worker process did not start in {START_SECONDS:g} s")

    def replace(self, index: int, why: str) -> None:
        """Skip the article the worker was on, end the worker, start a fresh one in its place."""
        worker = self.workers[index]
        worker.stop(kill=True)
        if not worker.ready:
            raise ForumGraphError(f"a worker process failed to start: {why}")
        if worker.jobs:
            number, job = worker.jobs.popleft()
            article = job.article
            self.done[number] = (
                job,
                Skipped(article.path or article.source, f"{why}; skipped, worker replaced"),
            )
            self.waiting.extendleft(reversed(worker.jobs))  # sent after it, never started: send again
        self.replaced += 1
        log.info("worker replaced: %s", why)
        self.workers[index] = Worker(self.context, self.extract, self.warm)

    def close(self) -> None:
        for worker in self.workers:
            worker.stop()
        self.workers = []
