"""`build --dask ADDRESS|local`: extraction on a Dask distributed cluster, writes by this process."""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import CancelledError
from dataclasses import dataclass

from extractors.errors import ForumGraphError
from extractors.read import Skipped

__all__ = ["DaskEngine"]

log = logging.getLogger(__name__)

AHEAD = 8  # finished results held per worker thread while an earlier article is still running


@dataclass
class Task:
    job: object
    future: object
    since: float
    result: object = None  # set when the task is abandoned


def run_quietly(func: Callable[[], object]) -> None:
    """Call `func` on a worker and send nothing back (loaded models stay where they are)."""
    func()


class DaskEngine:
    """Submit each article to the cluster; results come back in submission order.

    "local" starts a LocalCluster of `workers` processes on this machine; any other value is the
    address of a running scheduler ("tcp://host:8786"). At most one task per worker thread runs at a
    time, so `timeout` counts from submission; a task over it is cancelled, its article skipped and
    its worker restarted when the worker has a nanny.
    """

    def __init__(
        self,
        address: str,
        extract: Callable,
        *,
        workers: int = 2,
        timeout: float | None = None,
        warm: Callable[[], object] | None = None,
    ):
        self.address, self.extract, self.workers = address, extract, max(workers, 1)
        self.timeout, self.warm = timeout, warm
        self.client = None
        self.cluster = None

    def start(self) -> None:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as err:
            raise ForumGraphError("--dask needs Dask: pip install 'dask[distributed]'") from err
        if not logging.getLogger().isEnabledFor(logging.INFO):
            logging.getLogger("distributed").setLevel(logging.WARNING)  # Dask's INFO lines only with -v
        try:
            if self.address == "local":
                self.cluster = LocalCluster(
                    n_workers=self.workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                    env={"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"},
                )
                self.client = Client(self.cluster)
            else:
                self.client = Client(self.address, timeout=30)
        except (OSError, TimeoutError) as err:
            raise ForumGraphError(f"--dask {self.address}: cannot reach the Dask scheduler: {err}") from err
        if self.warm is not None:
            self.client.run(run_quietly, self.warm)

    def run(self, jobs: Iterator) -> Iterator[tuple[object, object]]:
        """(job, Payload | Skipped) for every job, in order; the cluster starts only when there is work."""
        from graph.build.payload import extract_or_skip

        jobs = iter(jobs)
        first = next(jobs, None)
        if first is None:
            return
        self.start()
        from dask.distributed import wait

        threads = max(sum(self.client.nthreads().values()), 1)
        waiting = [first]
        tasks: deque[Task] = deque()
        exhausted = False
        while True:
            running = [t for t in tasks if t.result is None and not t.future.done()]
            while not exhausted and len(running) < threads and len(tasks) < threads * AHEAD:
                job = waiting.pop() if waiting else next(jobs, None)
                if job is None:
                    exhausted = True
                    break
                future = self.client.submit(extract_or_skip, job.article, self.extract, pure=False)
                task = Task(job, future, time.monotonic())
                tasks.append(task)
                running.append(task)
            while tasks and (tasks[0].result is not None or tasks[0].future.done()):
                task = tasks.popleft()
                yield task.job, self.outcome(task)
            if not tasks:
                if exhausted:
                    return
                continue
            pause = None
            if self.timeout:
                now = time.monotonic()
                for task in running:
                    if now - task.since > self.timeout:
                        self.abandon(task)
                running = [t for t in running if t.result is None]
                pause = max(0.05, min(t.since + self.timeout for t in running) - now) if running else 0.05
            if running:
                try:
                    wait([t.future for t in running], timeout=pause, return_when="FIRST_COMPLETED")
                except TimeoutError:
                    pass  # a time limit is due: checked at the top of the loop
                except CancelledError:
                    pass  # the cluster gave up on a task: its outcome says so

    def outcome(self, task: Task) -> object:
        if task.result is not None:
            return task.result
        article = task.job.article
        try:
            return task.future.result()
        except Exception as err:  # noqa: BLE001 - a lost worker, a task the cluster gave up on
            return Skipped(
                article.path or article.source,
                f"the Dask task failed: {type(err).__name__}: {str(err).split('. ')[0]}",
            )
        finally:
            task.future.release()

    def abandon(self, task: Task) -> None:
        """Cancel a task over the time limit and restart the worker that runs it, when it can be."""
        article = task.job.article
        where = [w for w, keys in self.client.processing().items() if task.future.key in keys]
        task.future.cancel()
        task.result = Skipped(
            article.path or article.source,
            f"extraction took longer than {self.timeout:g} s (--article-timeout); skipped, its Dask worker restarted",
        )
        if where:
            try:
                self.client.restart_workers(where, timeout=120)
            except Exception as err:  # noqa: BLE001 - a worker without a nanny cannot be restarted
                log.warning("%s: cannot restart Dask worker %s: %s", article.source, where[0], err)

    def close(self) -> None:
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()
        self.client = self.cluster = None
