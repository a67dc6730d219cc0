"""The SPARQL endpoint: Oxigraph's own server, behind a thin proxy that refuses federated calls."""

from __future__ import annotations

import collections
import logging
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from extractors.errors import StoreError
from graph.serve.proxy import REFUSED_KEYWORDS, Proxy, Server, Server6, remote_calls

__all__ = ["Endpoint", "find_oxigraph", "remote_calls", "REFUSED_KEYWORDS"]

log = logging.getLogger(__name__)

STARTUP_SECONDS = 30.0


def find_oxigraph() -> str:
    """The `oxigraph` executable: next to this Python (a virtualenv), else on PATH."""
    here = Path(sys.executable).parent / ("oxigraph.exe" if sys.platform == "win32" else "oxigraph")
    found = str(here) if here.exists() else shutil.which("oxigraph")
    if not found:
        raise StoreError("expected the `oxigraph` server program, got none (pip install oxigraph)")
    return found


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def merged_store(location: str, writable: bool) -> bool:
    """Whether the store's default graph is the merge of its graphs (a writable one is upgraded)."""
    from graph.store.embedded import open_store

    if not Path(location, "CURRENT").exists():
        return True  # a new store: every forumgraph write keeps the merge
    with open_store(location, read_only=not writable) as store:
        return store.merged


class Endpoint:
    """Oxigraph's server on a private loopback port, and the proxy on HOST:PORT in front of it."""

    def __init__(
        self,
        location: str,
        host: str = "127.0.0.1",
        port: int = 7878,
        *,
        writable: bool = False,
        timeout: int = 30,
        max_result_bytes: int = 100_000_000,
        stopping: Callable[[], bool] = lambda: False,
    ):
        """`stopping()` true (a signal handler's flag, say) ends `wait()`, or `start()` with KeyboardInterrupt."""
        self.location, self.writable, self.timeout = location, writable, timeout
        self.stopping = stopping
        self.process: subprocess.Popen | None = None
        self.serving = False
        self.output: collections.deque[str] = collections.deque(maxlen=20)
        v6 = ":" in host
        try:
            self.server = (Server6 if v6 else Server)((host, port), Proxy)
        except OSError as err:
            raise StoreError(f"cannot listen on {host}:{port}: {err.strerror}") from err
        self.server.backend_timeout = timeout + 30
        self.server.max_result_bytes = max_result_bytes
        self.url = f"http://{f'[{host}]' if v6 else host}:{self.server.server_address[1]}"

    @property
    def query_url(self) -> str:
        return f"{self.url}/query"

    def command(self, port: int) -> list[str]:
        mode = "serve" if self.writable else "serve-read-only"
        # the default graph is forumgraph's merge of the named graphs; an older store has none yet
        union = [] if merged_store(self.location, self.writable) else ["--union-default-graph"]
        return [find_oxigraph(), mode, "--location", self.location, "--bind", f"127.0.0.1:{port}",
                *union, "--timeout-s", str(self.timeout)]  # fmt: skip

    def start(self) -> Endpoint:
        """Start Oxigraph, wait until it answers, then start serving."""
        if not self.writable and not Path(self.location, "CURRENT").exists():
            self.server.server_close()
            raise StoreError(
                f"{self.location}: no store here (run `forumgraph build PATH --store {self.location}` first)"
            )
        port = free_port()
        argv = self.command(port)
        log.info("starting %s", " ".join(argv))
        self.process = subprocess.Popen(
            argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            start_new_session=True, preexec_fn=die_with_parent if sys.platform == "linux" else None,
        )  # fmt: skip
        threading.Thread(target=self.pump, daemon=True).start()
        try:
            self.wait_until_up(port)
        except BaseException:  # Ctrl-C while starting, too: never leave Oxigraph behind
            self.stop()
            raise
        self.server.backend = ("127.0.0.1", port)
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True).start()
        self.serving = True
        return self

    def wait_until_up(self, port: int) -> None:
        deadline = time.monotonic() + STARTUP_SECONDS
        while not answers(port):
            if self.stopping():
                raise KeyboardInterrupt  # raised here, between two polls, never inside one
            if self.process.poll() is not None or time.monotonic() > deadline:
                said = " | ".join(self.output) or "no output"
                raise StoreError(f"{self.location}: the Oxigraph server did not start: {said}")
            time.sleep(0.05)

    def pump(self) -> None:
        """Oxigraph's own output goes to the log (and the last lines into error messages)."""
        for line in self.process.stdout:
            text = line.decode("utf-8", "replace").rstrip()
            self.output.append(text)
            log.info("oxigraph: %s", text)

    def wait(self) -> None:
        """Block until `stopping()` is true (checked every 0.2 s); Oxigraph exiting first is an error."""
        while self.process.poll() is None:
            if self.stopping():
                return
            time.sleep(0.2)
        raise StoreError(
            f"the Oxigraph server stopped (status {self.process.returncode}): {' | '.join(self.output)}"
        )

    def stop(self) -> None:
        if self.serving:
            self.serving = False
            self.server.shutdown()
        self.server.server_close()
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)

    def __enter__(self) -> Endpoint:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def die_with_parent() -> None:
    """In the child, before exec: Linux sends it SIGTERM when forumgraph dies, even by SIGKILL."""
    import ctypes
    import signal

    ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # 1 = PR_SET_PDEATHSIG
