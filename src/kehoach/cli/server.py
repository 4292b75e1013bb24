"""The build server: one warm process that runs ``kehoach`` command lines sent by the launcher.

It imports everything and renders a starter plan once, then waits on a Unix socket in a folder only
its user can enter. Each request is served by a forked child: it takes over the client's stdin,
stdout and stderr, working folder, environment and umask, runs the ordinary command line and reports
the exit code; the parent's state never changes, so one request cannot affect the next. The server
answers only its own user (peer credentials where the OS reports them), refuses requests once its
code or dependencies change on disk (the launcher then runs the command itself), and exits after an
idle period. See ``launcher`` for the protocol.
"""

from __future__ import annotations

import contextlib
import fcntl
import gc
import hashlib
import json
import os
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .. import __version__
from ..common.diagnostics import Code, Diagnostic, KehoachError, Severity
from ..common.i18n import tr
from .protocol import (
    PROTOCOL,
    Replies,
    connect,
    is_private,
    peer_uid,
    private_stat,
    send_request,
    socket_path,
    supported,
)
from .server_child import reply as _reply
from .server_child import serve_request as _serve_request


# The code raised here, explained by ``kehoach rules`` (cli/codes.py gathers it).
CODES = (
    Code("KH080", "error", "Lỗi máy chủ dựng", "Build server error",
         "Máy chủ dựng (`kehoach server`) không khởi động hay không dừng được, hoặc thư mục ổ cắm của nó không an "
         "toàn; thông báo nêu tệp nhật ký. Các lệnh khác vẫn chạy bình thường không cần máy chủ.",
         "The build server (`kehoach server`) could not start or stop, or its socket folder is not safe; the "
         "message names the log file. Other commands still run without a server."),
)

DEFAULT_IDLE_MINUTES = 60
START_TIMEOUT_S = 30.0
# Dependencies whose upgrade makes a running server stale (their package folders' mtimes change).
DEPENDENCIES = ("pydantic", "pydantic_core", "lxml", "jinja2", "ruamel.yaml", "typer", "rich")


def _fail(vi: str, en: str, **values: object) -> KehoachError:
    return KehoachError([Diagnostic("KH080", tr(vi, en, **values), Severity.error)], 2)


# ------------------------------------------------------------------------------------------------
# the code a server runs: a request made after an upgrade must not be served by the old code
# ------------------------------------------------------------------------------------------------


def fingerprint() -> str:
    """A digest of the installed code: kehoach's files (name, size, mtime) and the dependencies'
    package folders (mtime, which changes when an upgrade replaces their files)."""
    import importlib

    from ..common.resources import PACKAGE_DIR, templates_dir

    digest = hashlib.sha256()
    for root in sorted({PACKAGE_DIR, templates_dir().resolve()}):
        for folder, subfolders, files in os.walk(root):
            subfolders[:] = sorted(d for d in subfolders if d != "__pycache__")
            for name in sorted(files):
                with contextlib.suppress(OSError):
                    info = os.stat(os.path.join(folder, name))
                    digest.update(f"{folder}/{name}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    for name in DEPENDENCIES:
        with contextlib.suppress(ImportError, OSError, TypeError):
            folder = os.path.dirname(importlib.import_module(name).__file__)  # type: ignore[arg-type]
            digest.update(f"{name}\0{os.stat(folder).st_mtime_ns}\n".encode())
    return digest.hexdigest()


def warm_up() -> None:
    """Import every command and build the starter plan in each format, so that the first request
    finds templates compiled and the .docx template parsed; caches of user files are emptied after."""
    from ..pipeline.check import check_path, forget_configuration
    from ..pipeline.formats import WRITERS
    from ..pipeline.render import render
    from .commands import register
    from .commands.init import starter_plan
    from .main import click_command

    register()
    click_command()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            plan_path = Path(tmp) / "warm-up.yaml"
            plan_path.write_bytes(starter_plan())
            checked = check_path(plan_path)
            if checked.plan is not None:
                for writer in WRITERS.values():
                    if writer.warm:
                        render(checked.plan, writer.name)
    finally:
        forget_configuration(profiles=True)


# ------------------------------------------------------------------------------------------------
# serving
# ------------------------------------------------------------------------------------------------


def _private_folder(path: str) -> int:
    """The socket's folder, created if missing and opened (a descriptor): it must be a real folder,
    not a symlink, of this user with no access for others. Every file the server makes in it goes
    through this descriptor, so a folder swapped after the check is never written to."""
    folder = os.path.dirname(path)
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
    except OSError as exc:
        raise _fail("không tạo được thư mục {d}: {e}", "cannot create the folder {d}: {e}", d=folder,
                    e=exc.strerror or exc) from None
    refused = _fail("thư mục {d} phải là thư mục thật (không phải liên kết) thuộc người dùng này và không ai khác "
                    "được vào (chmod 700)", "the folder {d} must be a real folder (not a symlink) that belongs to "
                    "this user with no access for others (chmod 700)", d=folder)
    if not is_private(folder):
        raise refused
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:  # swapped for a symlink since the check (ELOOP) or gone
        raise refused from None
    if not private_stat(os.fstat(fd)):
        os.close(fd)
        raise refused
    return fd


def _open_in(folder_fd: int, name: str, flags: int) -> int:
    return os.open(name, flags | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600, dir_fd=folder_fd)


def _bind_in(listener: socket.socket, folder_fd: int, path: str) -> None:
    """Bind ``listener`` to ``path`` inside the folder that ``folder_fd`` holds open: through
    /proc/self/fd on Linux, else by name, checking afterwards that the name still means that folder."""
    through_fd = f"/proc/self/fd/{folder_fd}"
    if os.path.isdir(through_fd):
        listener.bind(os.path.join(through_fd, os.path.basename(path)))
        return
    listener.bind(path)
    held, named = os.fstat(folder_fd), os.lstat(os.path.dirname(path))
    if (held.st_dev, held.st_ino) != (named.st_dev, named.st_ino):
        raise _fail("thư mục {d} vừa bị thay", "the folder {d} was replaced", d=os.path.dirname(path))


def _same_user(conn: socket.socket) -> bool:
    return peer_uid(conn) == os.getuid()


def _receive(conn: socket.socket) -> tuple[dict, list[int]]:
    head, fds, _flags, _address = socket.recv_fds(conn, 4, 3)
    if len(head) != 4:
        raise ValueError("short header")
    (length,) = struct.unpack("!I", head)
    payload = b""
    while len(payload) < length:
        chunk = conn.recv(min(65536, length - len(payload)))
        if not chunk:
            raise ValueError("short request")
        payload += chunk
    return json.loads(payload), fds


class Server:
    def __init__(self, path: str, idle_seconds: float) -> None:
        self.path = path
        self.idle_seconds = idle_seconds
        self.started = time.time()
        self.served = 0
        self.last_command = time.monotonic()
        self.children: set[int] = set()
        self.stamp = ""
        self.listener: socket.socket | None = None

    def run(self) -> str:
        """Serve until idle, stopped or stale; returns which of the three ended it."""
        folder = _private_folder(self.path)
        try:
            return self._run_in(folder)
        finally:
            os.close(folder)

    def _run_in(self, folder: int) -> str:
        name = os.path.basename(self.path)
        with os.fdopen(_open_in(folder, name + ".lock", os.O_WRONLY | os.O_APPEND), "a") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise _fail("máy chủ dựng đã chạy", "the build server is already running") from None
            warm_up()
            # Keep the warm objects out of the children's garbage collections: a collection would
            # touch (and so copy) every page the fork shares with this process.
            gc.freeze()
            self.stamp = fingerprint()
            with contextlib.suppress(FileNotFoundError):
                os.unlink(name, dir_fd=folder)  # left by a server that was killed; the lock says none is running
            self.listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            previous = os.umask(0o177)
            try:
                _bind_in(self.listener, folder, self.path)
            finally:
                os.umask(previous)
            self.listener.listen(64)
            self.listener.settimeout(min(self.idle_seconds, 5.0))
            # Idle counts from the moment the server can answer: a slow warm-up is not idleness.
            self.last_command = time.monotonic()
            signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
            try:
                return self._loop()
            finally:
                self.listener.close()
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(name, dir_fd=folder)

    def _loop(self) -> str:
        while True:
            self._reap()
            # Idle means no command for a while; ``status`` questions do not keep a server alive.
            if not self.children and time.monotonic() - self.last_command >= self.idle_seconds:
                return "idle"
            try:
                conn, _ = self.listener.accept()  # type: ignore[union-attr]
            except TimeoutError:
                continue
            with conn:
                ending = self._handle(conn)
            if ending:
                return ending

    def _reap(self) -> None:
        for pid in list(self.children):
            with contextlib.suppress(ChildProcessError):
                done, _status = os.waitpid(pid, os.WNOHANG)
                if not done:
                    continue
            self.children.discard(pid)

    def _handle(self, conn: socket.socket) -> str | None:
        conn.settimeout(10.0)
        fds: list[int] = []
        try:
            if not _same_user(conn):
                return None
            request, fds = _receive(conn)
            op = request.get("op")
            if op == "status":
                _reply(conn, {"accepted": True, "pid": os.getpid(), "version": __version__,
                              "started": self.started, "served": self.served, "running": len(self.children),
                              "idle_seconds": self.idle_seconds, "socket": self.path})
            elif op == "stop":
                _reply(conn, {"accepted": True})
                return "stop"
            elif op == "run":
                if request.get("protocol") != PROTOCOL or len(fds) != 3:
                    _reply(conn, {"accepted": False, "reason": "protocol"})
                elif fingerprint() != self.stamp:
                    _reply(conn, {"accepted": False, "reason": "stale"})
                    return "stale"
                else:
                    pid = os.fork()
                    if pid == 0:  # the child must never return into this loop, whatever happens
                        status = 1
                        try:
                            self.listener.close()  # type: ignore[union-attr]
                            status = _serve_request(conn, request, fds)
                        finally:
                            os._exit(status)
                    self.children.add(pid)
                    self.served += 1
                    self.last_command = time.monotonic()
        except (OSError, ValueError):
            pass  # a client that went away or spoke garbage; the server carries on
        finally:
            for fd in fds:
                with contextlib.suppress(OSError):
                    os.close(fd)
        return None


# ------------------------------------------------------------------------------------------------
# controls used by ``kehoach server``
# ------------------------------------------------------------------------------------------------


def require_support() -> None:
    if not supported():
        raise _fail("máy chủ dựng cần Unix (Linux, macOS); trên hệ điều hành này lệnh chạy trực tiếp",
                    "the build server needs Unix (Linux, macOS); on this system commands run directly")


def ask(op: str) -> dict | None:
    """The server's answer to ``status`` or ``stop``; None when no server is running."""
    sock = connect()
    if sock is None:
        return None
    with sock:
        sock.settimeout(10.0)
        try:
            send_request(sock, {"op": op}, [])
            return Replies(sock).next()
        except (OSError, ValueError):
            return None


def serve(idle_minutes: float) -> None:
    """Run the server in this process until it is stopped or idle for ``idle_minutes``."""
    require_support()
    if Server(socket_path(), idle_minutes * 60).run() == "stale":
        # Upgraded or edited underneath: start again with the code now on disk (the lock and the
        # socket are gone by now; the declined request ran in its client).
        os.execv(sys.executable, [sys.executable, "-m", "kehoach", "server", "start", "--foreground",
                                  "--idle", str(idle_minutes)])


def _starting(folder_fd: int, path: str) -> bool:
    """True when a server holds the lock: running, or still warming up before it listens."""
    with os.fdopen(_open_in(folder_fd, os.path.basename(path) + ".lock", os.O_WRONLY | os.O_APPEND), "a") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(lock, fcntl.LOCK_UN)
        return False


def spawn(idle_minutes: float = DEFAULT_IDLE_MINUTES) -> tuple[subprocess.Popen | None, str]:
    """A server starting in the background (its own session, cwd /), or None when one is already
    starting; and the log file."""
    require_support()
    path = socket_path()
    folder = _private_folder(path)
    log_path = os.path.join(os.path.dirname(path), "server.log")
    try:
        if _starting(folder, path):
            return None, log_path
        log = os.fdopen(_open_in(folder, "server.log", os.O_WRONLY | os.O_APPEND), "ab")
    finally:
        os.close(folder)
    with log:
        process = subprocess.Popen(
            [sys.executable, "-m", "kehoach", "server", "start", "--foreground", "--idle", str(idle_minutes)],
            stdin=subprocess.DEVNULL, stdout=log, stderr=log, cwd="/", start_new_session=True,
            env={**os.environ, "KEHOACH_SERVER_DIR": os.path.dirname(path)})  # cwd changes: pin the folder
    return process, log_path


def start_detached(idle_minutes: float) -> dict:
    """Start a server in the background and wait until it answers."""
    process, log_path = spawn(idle_minutes)
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        status = ask("status")
        if status is not None and (process is None or status.get("pid") == process.pid):
            return status
        if process is not None and process.poll() is not None:
            break
        time.sleep(0.05)
    if process is not None and process.poll() is None:
        process.terminate()
    raise _fail("máy chủ dựng không khởi động được; xem {log}", "the build server did not start; see {log}",
                log=log_path)


def stop() -> bool:
    """Stop the running server; False when none was running."""
    if ask("stop") is None:
        return False
    deadline = time.monotonic() + 10.0
    while time.monotonic() < deadline:
        sock = connect()
        if sock is None:
            break
        sock.close()
        time.sleep(0.05)
    return True
