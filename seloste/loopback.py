"""A web server on this computer only, for `seloste preview` and `seloste edit` (stdlib `http.server`, one thread
per request).

It listens on 127.0.0.1 and answers only requests whose `Host` header names it (127.0.0.1:PORT or
localhost:PORT): a web page elsewhere whose name was pointed at 127.0.0.1 (DNS rebinding) is not answered. Each
command decides how it refuses such a request and what else a request needs (the editor's session token).
"""

from __future__ import annotations

import errno
import socket
import sys
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from .i18n import tr

HOST = "127.0.0.1"


class LoopbackServer(ThreadingHTTPServer):
    """A threading HTTP server on `HOST`:`port` (0: any free port) that knows the names it may be called by."""

    daemon_threads = True
    #: The name of the thread `start` serves in.
    thread_name = "seloste-server"

    def __init__(self, port: int, handler: type[BaseHTTPRequestHandler]) -> None:
        super().__init__((HOST, port), handler)
        self.port = int(self.server_address[1])
        self.hosts = frozenset({f"{HOST}:{self.port}", f"localhost:{self.port}"})

    def host_ok(self, host: str | None) -> bool:
        """Whether a request's `Host` header names this server."""
        return host in self.hosts

    def origin_ok(self, origin: str | None) -> bool:
        """Whether a request's `Origin` header, when it has one, is a page of this server."""
        return origin is None or origin in {f"http://{host}" for host in self.hosts}

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A browser that closed its connection is no error worth a traceback in the owner's terminal."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)

    def start(self) -> threading.Thread:
        """Serve in a background thread (tests, benchmarks, embedding); stop with `shutdown()` and
        `server_close()`."""
        thread = threading.Thread(target=self.serve_forever, name=self.thread_name, daemon=True)
        thread.start()
        return thread


class QuietHandler(BaseHTTPRequestHandler):
    """A request handler that prints nothing: the terminal shows only the address and how to stop."""

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the library never prints."""


def free_port(taken: int, tries: int = 50) -> int:
    """A port near `taken` that is free on `HOST` now (0, "any free port", when none is)."""
    for candidate in range(taken + 1, min(taken + 1 + tries, 65536)):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            try:
                probe.bind((HOST, candidate))
            except OSError:
                continue
            return candidate
    return 0


def cannot_listen(exc: OSError, port: int, command: Callable[[int], str]) -> str:
    """What to tell a user whose server could not start on `port`; when the port is taken, the command line to
    run instead (`command` of a free port)."""
    message = tr("cannot listen on {host}:{port}: {reason}", host=HOST, port=port, reason=exc.strerror or exc)
    if exc.errno == errno.EADDRINUSE:
        message += "\n" + tr("The port {port} is taken (perhaps by another seloste). Use another one: {command}  "
                             "(--port 0 picks any free port)", port=port,
                             command=command(free_port(port)))
    return message
