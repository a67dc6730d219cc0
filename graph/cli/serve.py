"""`forumgraph serve`: a SPARQL 1.1 endpoint over the store, read-only unless told otherwise."""

from __future__ import annotations

import ipaddress
import signal

import click

from graph.cli.options import store_option, user_errors

__all__ = ["serve"]


class StopSignals:
    """SIGINT (Ctrl-C) and SIGTERM only raise a flag, which the endpoint reads between its polls. A KeyboardInterrupt
    raised at an arbitrary point could land inside `Popen.poll()` after it took its lock and before its
    `try`, and the lock, never released, then made every later wait for Oxigraph time out."""

    def __init__(self) -> None:
        self.received: int | None = None

    def __call__(self, signum: int, frame) -> None:
        self.received = signum

    def install(self) -> StopSignals:
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, self)
        return self

    def stopping(self) -> bool:
        return self.received is not None


@click.command()
@store_option
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to listen on; other hosts need 0.0.0.0."
)
@click.option(
    "--port", default=7878, show_default=True, type=click.IntRange(0, 65535), help="Port (0: any free one)."
)
@click.option(
    "--timeout",
    default=30,
    show_default=True,
    type=click.IntRange(min=1),
    help="Seconds a query may run (whole seconds, as Oxigraph takes them).",
)
@click.option(
    "--max-result-bytes",
    default=100_000_000,
    show_default=True,
    type=click.IntRange(min=1),
    help="Cut an answer (and close its connection) past this many bytes.",
)
@click.option(
    "--writable", is_flag=True, help="Accept SPARQL Update and Graph Store writes (and lock the store)."
)
@user_errors
def serve(store_dir: str, host: str, port: int, timeout: int, max_result_bytes: int, writable: bool) -> None:
    """Serve the store as a SPARQL 1.1 endpoint (Oxigraph's server), with a query page in the browser.

    GET or POST queries to /query; results as JSON, XML, CSV or TSV (SELECT, ASK) and Turtle,
    N-Triples or JSON-LD (CONSTRUCT, DESCRIBE) by the Accept header. The default graph is the
    merge of all graphs (each triple once); GRAPH ?g reaches each article's graph. Updates are refused unless --writable; SERVICE and LOAD always are.
    The first line printed is the endpoint's URL. Ctrl-C stops it.

    \b
    Example:
      forumgraph serve --store ./forumgraph-store
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 5' \\
           http://127.0.0.1:7878/query
    """
    from extractors.errors import StoreError
    from graph.serve.endpoint import Endpoint

    if store_dir.startswith(("http://", "https://")):
        raise StoreError(
            f"{store_dir}: expected a store directory to serve, got a URL (a server already serves it)"
        )
    signals = StopSignals().install()
    endpoint = Endpoint(
        store_dir, host, port, writable=writable, timeout=timeout, max_result_bytes=max_result_bytes,
        stopping=signals.stopping,
    )  # fmt: skip
    try:
        with endpoint:
            click.echo(f"SPARQL endpoint: {endpoint.query_url}")
            mode = "read-write (SPARQL Update at /update, Graph Store at /store)" if writable else "read-only"
            click.echo(
                f"query page: {endpoint.url}/ ; store {store_dir}, {mode}, queries stop after {timeout} s"
            )
            if not is_loopback(host):
                click.echo(
                    f"warning: listening on {host}: anyone who can reach this machine can query it", err=True
                )
            click.echo("Ctrl-C to stop", err=True)
            endpoint.wait()
    except KeyboardInterrupt:  # a signal while Oxigraph was starting
        pass
    click.echo("stopped", err=True)


def is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"
