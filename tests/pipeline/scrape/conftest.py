"""A real HTTP server on 127.0.0.1 (port 0) for the scraper tests, with a log of every request.

Routes map a path (with its query, or without) to a :class:`Route` or to a function of the
request returning one. A route can answer slowly, reset the connection, cut the body short,
send a status with headers, and answers 304 itself when the client's validator matches.
"""

from __future__ import annotations

import socket
import struct
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


@dataclass
class Route:
    body: bytes | str = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "text/html; charset=utf-8"
    etag: str | None = None
    last_modified: str | None = None
    sleep: float = 0.0  # seconds before answering
    fault: str | None = None  # "reset" | "truncate"


@dataclass(frozen=True)
class Hit:
    at: float  # time.monotonic() when the request arrived
    path: str
    headers: dict[str, str]
    status: int | None = None


Handler = Callable[[Hit], Route]


class LocalSite:
    def __init__(self) -> None:
        self.routes: dict[str, Route | Handler] = {}
        self.log: list[Hit] = []
        self._lock = threading.Lock()
        site = self

        class RequestHandler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:  # quiet
                return

            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                hit = Hit(time.monotonic(), self.path, {k: v for k, v in self.headers.items()})
                route = site.route_for(hit)
                status = route.status
                etag_match = bool(route.etag) and self.headers.get("If-None-Match") == route.etag
                date_match = (
                    bool(route.last_modified) and self.headers.get("If-Modified-Since") == route.last_modified
                )
                if etag_match or date_match:
                    status = 304
                with site._lock:
                    site.log.append(Hit(hit.at, hit.path, hit.headers, status))
                if route.sleep:
                    time.sleep(route.sleep)
                if route.fault == "reset":
                    self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                    self.connection.close()
                    self.close_connection = True
                    return
                body = route.body.encode("utf-8") if isinstance(route.body, str) else route.body
                if status == 304:
                    body = b""
                self.send_response(status)
                self.send_header("Content-Type", route.content_type)
                length = len(body) * 2 + 100 if route.fault == "truncate" else len(body)
                self.send_header("Content-Length", str(length))
                if route.etag:
                    self.send_header("ETag", route.etag)
                if route.last_modified:
                    self.send_header("Last-Modified", route.last_modified)
                for key, value in route.headers.items():
                    self.send_header(key, value)
                self.end_headers()
                if route.fault == "truncate":
                    self.wfile.write(body[: len(body) // 2])
                    self.wfile.flush()
                    self.close_connection = True
                    return
                self.wfile.write(body)

        class Server(ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request: object, client_address: object) -> None:
                return  # resets and truncations are on purpose

        self.server = Server(("127.0.0.1", 0), RequestHandler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def route_for(self, hit: Hit) -> Route:
        route = self.routes.get(hit.path) or self.routes.get(hit.path.split("?", 1)[0])
        if route is None:
            return Route("<html><body><h1>404</h1></body></html>", status=404)
        return route(hit) if callable(route) else route

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def paths(self) -> list[str]:
        with self._lock:
            return [h.path for h in self.log]

    def hits(self, path: str) -> list[Hit]:
        with self._lock:
            return [h for h in self.log if h.path == path]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture()
def site() -> Iterator[LocalSite]:
    server = LocalSite()
    yield server
    server.close()


@pytest.fixture()
def route() -> type[Route]:
    return Route
