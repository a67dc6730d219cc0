"""The proxy in front of Oxigraph's server: passes SPARQL through, refuses federated calls and LOAD.

Oxigraph's server runs SERVICE (federated query) and LOAD (update) against any URL and has no switch
to turn them off; the proxy scans each request's SPARQL for either keyword (outside strings, IRIs,
comments and names) and answers 403 instead of passing it on. It also caps the size of an answer.
"""

from __future__ import annotations

import http.client
import http.server
import logging
import re
import socket
import sys
import urllib.parse

__all__ = ["Proxy", "Server", "Server6", "remote_calls", "sparql_texts", "REFUSED_KEYWORDS"]

log = logging.getLogger(__name__)

# Oxigraph's server runs SERVICE (federated query) and LOAD (update) against any URL and has no
# switch to turn them off; the proxy refuses requests whose SPARQL uses either keyword.
REFUSED_KEYWORDS = ("SERVICE", "LOAD")
UCHAR = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
# What hides keywords from the scan: strings, IRIs and comments (the SPARQL 1.1 lexical rules).
INERT = re.compile(
    r"'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^\"\\]|\\.|\"(?!\"\"))*\"\"\""
    r"|'(?:[^'\\\n\r]|\\.)*'|\"(?:[^\"\\\n\r]|\\.)*\""
    r"|<[^<>\"{}|^`\\\x00-\x20]*>|#[^\n\r]*",
    re.S,
)
KEYWORD = re.compile("|".join(REFUSED_KEYWORDS), re.I)
NAME_CHAR = re.compile(r"[\w.\-\u00b7]")
SPARQL_TYPES = {"application/sparql-query", "application/sparql-update"}
FORM_TYPE = "application/x-www-form-urlencoded"
HOP_BY_HOP = {"connection", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade"}
OWN_HEADERS = HOP_BY_HOP | {"server", "date"}  # the proxy sends its own
MAX_SPARQL_BYTES = 256 * 2**20


def remote_calls(sparql: str) -> list[str]:
    """The keywords of REFUSED_KEYWORDS used in `sparql`, outside strings, IRIs, comments and names."""

    def unescape(match: re.Match) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code <= sys.maxunicode else match.group()

    # SPARQL decodes \u escapes before parsing, so `\u0053ERVICE` is a keyword too.
    text = INERT.sub(" ", UCHAR.sub(unescape, sparql))
    found = []
    for match in KEYWORD.finditer(text):
        i = match.start()
        while i > 0 and NAME_CHAR.match(text[i - 1]):
            i -= 1
        inside_name = i > 0 and text[i - 1] in "?$:"  # ?service, $load, fg:Service, ex:a.load
        if not inside_name and not (match.end() < len(text) and NAME_CHAR.match(text[match.end()])):
            found.append(match.group().upper())
    return found


def sparql_texts(method: str, path: str, content_type: str, body: bytes) -> list[str]:
    """Every query and update a request carries, in the URL or the body (SPARQL 1.1 Protocol)."""
    params = urllib.parse.parse_qs(urllib.parse.urlsplit(path).query, keep_blank_values=True)
    texts = params.get("query", []) + params.get("update", [])
    if method == "POST" and content_type == FORM_TYPE:
        form = urllib.parse.parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
        texts += form.get("query", []) + form.get("update", [])
    elif method == "POST" and content_type in SPARQL_TYPES:
        texts.append(body.decode("utf-8", "replace"))
    return texts


class Server(http.server.ThreadingHTTPServer):
    """The proxy's listener: one thread a connection; knows where Oxigraph listens."""

    daemon_threads = True
    backend: tuple[str, int] = ("127.0.0.1", 0)
    backend_timeout: float = 60.0
    max_result_bytes: int = 100_000_000

    def handle_error(self, request, client_address) -> None:
        # A client that hangs up mid-answer is routine, not a traceback on the terminal.
        log.debug("connection from %s failed", client_address, exc_info=True)


class Server6(Server):
    address_family = socket.AF_INET6


class Proxy(http.server.BaseHTTPRequestHandler):
    """Passes every request to the Oxigraph server, unless its SPARQL would call out to the network."""

    protocol_version = "HTTP/1.1"
    timeout = 120  # an idle client connection is closed after this many seconds
    server: Server

    def do_request(self) -> None:
        length = self.headers.get("Content-Length")
        if self.headers.get("Transfer-Encoding") or (length and not length.isdigit()):
            return self.refuse(411, "expected a request body with a Content-Length")
        size = int(length or 0)
        content_type = self.headers.get_content_type() if "Content-Type" in self.headers else ""
        body: bytes | None = None
        if content_type in SPARQL_TYPES | {FORM_TYPE} or size == 0:
            if size > MAX_SPARQL_BYTES:
                return self.refuse(413, f"expected a query of at most {MAX_SPARQL_BYTES} bytes, got {size}")
            body = self.rfile.read(size)
            used = [
                kw
                for text in sparql_texts(self.command, self.path, content_type, body)
                for kw in remote_calls(text)
            ]
            if used:
                log.info("refused %s %s: uses %s", self.command, self.path, ", ".join(sorted(set(used))))
                return self.refuse(
                    403, f"{used[0]} is disabled on this endpoint: it does not call other servers"
                )
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
        conn = http.client.HTTPConnection(*self.server.backend, timeout=self.server.backend_timeout)
        try:
            conn.request(
                self.command,
                self.path,
                body=body if body is not None else Limited(self.rfile, size),
                headers=headers,
            )
            resp = conn.getresponse()
        except OSError as err:
            conn.close()
            return self.refuse(502, f"the Oxigraph server does not answer: {err}")
        try:
            self.relay(resp)
        finally:
            conn.close()

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = do_OPTIONS = do_PATCH = do_request

    def relay(self, resp: http.client.HTTPResponse) -> None:
        self.send_response(resp.status, resp.reason)
        for key, value in resp.getheaders():
            if key.lower() not in OWN_HEADERS:
                self.send_header(key, value)
        if resp.getheader("Content-Length") is None:
            self.send_header("Connection", "close")  # streamed results end when the connection does
            self.close_connection = True
        self.end_headers()
        sent, limit = 0, self.server.max_result_bytes
        while chunk := resp.read(65536):
            if sent + len(chunk) > limit:
                # the status line is gone already: the only way to say "too big" is to stop here
                self.wfile.write(chunk[: max(0, limit - sent)])
                log.warning(
                    "answer to %s %s cut at %d bytes (--max-result-bytes)", self.command, self.path, limit
                )
                self.close_connection = True
                return
            self.wfile.write(chunk)
            sent += len(chunk)

    def refuse(self, status: int, message: str) -> None:
        data = (message + "\n").encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the base class names it so)
        log.debug("%s %s", self.address_string(), format % args)


class Limited:
    """A request body of known length, read in blocks, never past its end."""

    def __init__(self, stream, size: int):
        self.stream, self.left = stream, size

    def read(self, n: int = -1) -> bytes:
        n = self.left if n < 0 else min(n, self.left)
        data = self.stream.read(n) if n else b""
        self.left -= len(data)
        return data
