"""The preview's web server: two fixed routes on 127.0.0.1, and a thread that watches the plan file.

- ``GET /TOKEN/`` the page (findings and A4 sheets of the current snapshot);
- ``GET /TOKEN/events`` server-sent events: an ``update`` with the new snapshot each time the file changes.

TOKEN is a secret of this session (``secrets.token_urlsafe``), printed in the URL the command shows
and opens: another local user can connect to the port but, without it, gets 403 and never sees the
plan or its findings. Nothing else is served: no path from a request reaches the disk. A request whose
Host header is not ``127.0.0.1:PORT`` or ``localhost:PORT`` is refused (403), which defeats DNS
rebinding.
"""

from __future__ import annotations

import contextvars
import hmac
import json
import secrets
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from .page import shell_html
from .state import PreviewState, stamp

POLL_SECONDS = 0.05
HEARTBEAT_SECONDS = 15.0
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
                               "connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = False

    def __init__(self, state: PreviewState, port: int = 0) -> None:
        self.state = state
        self.token = secrets.token_urlsafe(24)  # 192 bits: the page is this session's user's only
        self.stopping = threading.Event()
        self.context = contextvars.copy_context()  # the language chosen by --lang, for every request
        super().__init__(("127.0.0.1", port), PreviewHandler)

    @property
    def port(self) -> int:
        return self.server_address[1]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/{self.token}/"

    def allowed_hosts(self) -> set[str]:
        return {f"127.0.0.1:{self.port}", f"localhost:{self.port}"}

    def process_request_thread(self, request, client_address) -> None:  # type: ignore[no-untyped-def]
        self.context.copy().run(super().process_request_thread, request, client_address)

    def stop(self) -> None:
        self.stopping.set()
        self.state.wake()


class PreviewHandler(BaseHTTPRequestHandler):
    server: PreviewServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet: the terminal is the user's
        pass

    def _refuse(self, status: HTTPStatus) -> None:
        body = f"{status.value} {status.phrase}\n".encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        for name, value in SECURITY_HEADERS.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_HEAD(self) -> None:  # noqa: N802
        self.do_GET()

    def do_GET(self) -> None:  # noqa: N802
        if self.headers.get("Host", "").lower() not in self.server.allowed_hosts():
            self._refuse(HTTPStatus.FORBIDDEN)
            return
        route = urlsplit(self.path).path
        prefix = f"/{self.server.token}/"
        if not hmac.compare_digest(route[:len(prefix)].encode(), prefix.encode()):
            self._refuse(HTTPStatus.FORBIDDEN)  # without the session's secret: nothing, not even a 404
            return
        route = route[len(prefix) - 1:]
        if route == "/":
            state = self.server.state
            snapshot = state.snapshot()
            self._send(shell_html(state.title, state.path.name, snapshot), "text/html; charset=utf-8")
        elif route == "/events" and self.command == "GET":
            self._events(urlsplit(self.path).query)
        else:
            self._refuse(HTTPStatus.NOT_FOUND)

    def do_POST(self) -> None:  # noqa: N802
        if self.headers.get("Host", "").lower() not in self.server.allowed_hosts() or \
                not urlsplit(self.path).path.startswith(f"/{self.server.token}/"):
            self._refuse(HTTPStatus.FORBIDDEN)
            return
        self._refuse(HTTPStatus.METHOD_NOT_ALLOWED)

    do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_POST

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in SECURITY_HEADERS.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _events(self, query: str) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        for name, value in SECURITY_HEADERS.items():
            self.send_header(name, value)
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        state = self.server.state
        # The version the page shows (it may have been saved again between the page and this request).
        since = parse_qs(query).get("since", [""])[0]
        seen = int(since) if since.isdigit() else state.snapshot().version
        try:
            while not self.server.stopping.is_set():
                snapshot = state.wait_newer(seen, HEARTBEAT_SECONDS)
                if self.server.stopping.is_set():
                    break
                if snapshot.version > seen:
                    seen = snapshot.version
                    data = json.dumps(snapshot.to_json(), ensure_ascii=False)
                    self.wfile.write(f"event: update\ndata: {data}\n\n".encode())
                else:
                    self.wfile.write(b": keep-alive\n\n")
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError, OSError):
            pass  # the page was closed


def watch(server: PreviewServer) -> threading.Thread:
    """A thread that refreshes the state whenever the plan file's mtime, size, inode or type changes
    (an editor that saves by renaming a new file over the old one changes the inode)."""
    state = server.state
    context = contextvars.copy_context()  # the language chosen by --lang

    def loop() -> None:
        while not server.stopping.wait(POLL_SECONDS):
            # Compared with the file as the last refresh found it: a change made before this thread
            # started (between the first check and now) is not missed.
            if stamp(state.path) != state.stamp:
                try:
                    context.run(state.refresh)
                except Exception:  # noqa: BLE001 - refresh reports the plan's problems itself;
                    pass  # whatever else went wrong, the watcher keeps watching

    thread = threading.Thread(target=loop, name="kehoach-preview-watch", daemon=True)
    thread.start()
    return thread
