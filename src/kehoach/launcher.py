"""The ``kehoach`` entry point: hand the command line to a running build server, or run it here.

A cold Python process spends most of a single build importing pydantic, python-docx, typer and
jinja (about 0.4 s against some 25 ms of work). ``kehoach server start`` keeps one warm process; this
module, which imports only the standard library's cheapest parts, sends it the arguments, working
folder, environment and the terminal's own stdin/stdout/stderr (SCM_RIGHTS), so output, colours and
exit codes are exactly those of a run in this process. With no server (the default), or one that
cannot serve this installation, the command runs in this process as before; with KEHOACH_SERVER=auto
the first command also starts a server in the background for the ones after it.

Protocol (Unix stream socket, one request per connection): the client sends a 4-byte big-endian
length with its fds 0, 1, 2 attached, then that many bytes of JSON ``{"op": "run", "argv", "cwd",
"env", "umask", "stdio"}`` (or ``{"op": "status"}`` / ``{"op": "stop"}``). The server answers with
JSON lines: ``{"accepted": true}`` or ``{"accepted": false, "reason": ...}``, then ``{"exit": N}``.
A line ``interrupt`` from the client stands for Ctrl-C.
"""

from __future__ import annotations

import json
import os
import socket
import struct
import sys

PROTOCOL = 1
ACCEPT_TIMEOUT_S = 10.0
# Commands that always run in this process: the server's own controls.
LOCAL_COMMANDS = {"server"}


def command_name(args: list[str]) -> str | None:
    """The command named on a command line (after the global ``--lang``), or None."""
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg == "--lang":
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


def server_dir() -> str:
    """The private folder holding the server's socket: KEHOACH_SERVER_DIR, else the user's runtime
    folder, else a per-user folder in the temporary directory."""
    override = os.environ.get("KEHOACH_SERVER_DIR")
    if override:
        return os.path.abspath(override)
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and os.path.isdir(runtime):
        return os.path.join(runtime, "kehoach")
    return os.path.join(os.environ.get("TMPDIR") or "/tmp", f"kehoach-{os.getuid()}")


def socket_path() -> str:
    """One socket per installation (package folder) and version: two virtualenvs never share one."""
    import zlib

    from . import __version__

    package = os.path.dirname(os.path.abspath(__file__))
    return os.path.join(server_dir(), f"build-{__version__}-{zlib.crc32(package.encode()):08x}.sock")


def is_private(folder: str) -> bool:
    """True when ``folder`` belongs to this user and nobody else may enter it: the only kind of
    folder whose server may receive this terminal's file descriptors."""
    try:
        info = os.stat(folder)
    except OSError:
        return False
    return info.st_uid == os.getuid() and info.st_mode & 0o077 == 0


def supported() -> bool:
    return hasattr(os, "fork") and hasattr(socket, "send_fds") and hasattr(socket, "AF_UNIX")


def connect(path: str | None = None) -> socket.socket | None:
    """A connection to this installation's server, or None when none is running."""
    path = path or socket_path()
    if not supported() or not is_private(os.path.dirname(path)):
        return None
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.connect(path)
    except OSError:  # no socket file, or a stale one left by a killed server
        sock.close()
        return None
    return sock


def send_request(sock: socket.socket, request: dict, fds: list[int]) -> None:
    payload = json.dumps(request, ensure_ascii=False).encode()
    socket.send_fds(sock, [struct.pack("!I", len(payload))], fds)
    sock.sendall(payload)


class Replies:
    """The server's JSON lines, one at a time; None once the connection closes."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.buffer = b""

    def next(self) -> dict | None:
        while b"\n" not in self.buffer:
            chunk = self.sock.recv(4096)
            if not chunk:
                return None
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return json.loads(line)


def _stdio() -> list[dict]:
    streams = []
    for stream in (sys.stdin, sys.stdout, sys.stderr):
        streams.append({"encoding": getattr(stream, "encoding", None) or "utf-8",
                        "errors": getattr(stream, "errors", None) or "strict",
                        "line_buffering": bool(getattr(stream, "line_buffering", False)),
                        "write_through": bool(getattr(stream, "write_through", False))})
    return streams


def run_via_server(args: list[str]) -> int | None:
    """The exit code of ``args`` run by the server, or None when it has to run in this process."""
    if os.environ.get("KEHOACH_NO_SERVER") or command_name(args) in LOCAL_COMMANDS:
        return None
    sock = connect()
    if sock is None:
        if os.environ.get("KEHOACH_SERVER") == "auto":
            _spawn_server()
        return None
    with sock:
        umask = os.umask(0o022)
        os.umask(umask)
        try:
            # A wedged server must not hang every command: no answer in time, and it runs here.
            sock.settimeout(ACCEPT_TIMEOUT_S)
            send_request(sock, {"op": "run", "protocol": PROTOCOL, "argv": args, "cwd": os.getcwd(),
                                "env": dict(os.environ), "umask": umask, "stdio": _stdio()}, [0, 1, 2])
            replies = Replies(sock)
            first = replies.next()
            sock.settimeout(None)  # the command itself may run for as long as it needs
        except (OSError, ValueError):
            return None
        if not first or not first.get("accepted"):
            return None  # a server from before an upgrade, or one shutting down: run here
        interrupted = False
        while True:
            try:
                reply = replies.next()
            except KeyboardInterrupt:
                if interrupted:  # a second Ctrl-C: stop waiting; the server cleans up on its own
                    return 130
                interrupted = True
                try:
                    sock.sendall(b"interrupt\n")
                except OSError:
                    return 130
                continue
            except (OSError, ValueError):
                reply = None
            if reply is None:
                sys.stderr.write(_in_language(
                    args, "kehoach: máy chủ dựng ngắt kết nối trước khi lệnh chạy xong\n",
                    "kehoach: the build server closed the connection before the command finished\n"))
                return 2
            if "exit" in reply:
                return int(reply["exit"])


def _spawn_server() -> None:
    """KEHOACH_SERVER=auto: start a server for the commands that follow; this one runs here meanwhile
    (on a second core, so it is not slowed down by the server warming up)."""
    from .diagnostics import KehoachError
    from .server import spawn

    try:
        spawn()
    except (KehoachError, OSError):
        pass  # no usable folder or no fork: commands keep running in their own process


def _in_language(args: list[str], vi: str, en: str) -> str:
    # The launcher runs before the command line is parsed (and before i18n is set), so it reads
    # --lang / KEHOACH_LANG itself.
    lang = os.environ.get("KEHOACH_LANG", "vi")
    for arg, value in zip(args, [*args[1:], ""]):
        if arg == "--lang":
            lang = value
        elif arg.startswith("--lang="):
            lang = arg.partition("=")[2]
    return en if lang == "en" else vi


def main() -> None:
    code = run_via_server(sys.argv[1:])
    if code is not None:
        sys.exit(code)
    from .cli import main as run_here

    run_here()
