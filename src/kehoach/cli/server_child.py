"""One request of the build server, in a forked child: it becomes the client's process (stdio, working
folder, environment, umask), runs the ordinary command line, and replies with its exit code.

Ctrl-C in the client, or the client vanishing, reaches the command as KeyboardInterrupt, so its
atomic writes clean up as in a local run.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import signal
import socket
import sys
import threading


def reply(conn: socket.socket, message: dict) -> None:
    conn.sendall(json.dumps(message, ensure_ascii=False).encode() + b"\n")




def _text_stream(fd: int, mode: str, spec: dict) -> io.TextIOWrapper:
    raw = io.FileIO(fd, mode, closefd=False)
    buffered = io.BufferedReader(raw) if mode == "r" else io.BufferedWriter(raw)
    return io.TextIOWrapper(buffered, encoding=spec["encoding"], errors=spec["errors"],
                            line_buffering=spec["line_buffering"], write_through=spec["write_through"])


def _take_over_client(request: dict, fds: list[int]) -> None:
    """Become the client's process as far as a command can tell: its stdio, folder, env, umask."""
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
        os.close(fd)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    os.umask(int(request["umask"]))
    stdio = request["stdio"]
    sys.stdin = _text_stream(0, "r", stdio[0])
    sys.stdout = _text_stream(1, "w", stdio[1])
    sys.stderr = _text_stream(2, "w", stdio[2])


def _watch_for_interrupt(conn: socket.socket, done: threading.Event) -> None:
    """Ctrl-C in the client (an ``interrupt`` line) or the client vanishing (end of stream) acts as
    Ctrl-C here: KeyboardInterrupt in the command, whose atomic writes then clean up."""
    with contextlib.suppress(OSError):
        conn.recv(64)
    if not done.is_set():
        os.kill(os.getpid(), signal.SIGINT)


def _run_command_line(argv: list[str]) -> int:
    from .main import main

    sys.argv = ["kehoach", *argv]
    try:
        main(argv)
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            return exc.code or 0
        print(exc.code, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return 0


def serve_request(conn: socket.socket, request: dict, fds: list[int]) -> int:
    """The child's whole life: returns the status for ``os._exit`` (the exit code goes to the client)."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    conn.settimeout(None)
    try:
        _take_over_client(request, fds)
    except Exception:  # noqa: BLE001 - e.g. the working folder is gone, an unknown encoding
        with contextlib.suppress(OSError):
            reply(conn, {"accepted": False, "reason": "setup"})  # the client then runs it itself
        return 0
    try:
        reply(conn, {"accepted": True})
    except OSError:
        return 0  # the client gave up waiting and runs the command itself
    done = threading.Event()

    def interrupt(_signum: int, _frame: object) -> None:
        # The watcher sends at most one SIGINT; once the command has returned it changes nothing,
        # so a Ctrl-C at the very end cannot cost the client its exit code.
        if not done.is_set():
            raise KeyboardInterrupt

    signal.signal(signal.SIGINT, interrupt)
    code = 2
    try:
        threading.Thread(target=_watch_for_interrupt, args=(conn, done), daemon=True).start()
        try:
            code = _run_command_line(request["argv"])
        finally:
            done.set()
    except KeyboardInterrupt:
        code = 130
    except BaseException as exc:  # noqa: BLE001 - the client must get an exit code whatever happens
        with contextlib.suppress(Exception):
            print(f"kehoach: {exc!r}", file=sys.stderr)
        code = 2
    done.set()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    with contextlib.suppress(OSError):
        reply(conn, {"exit": code})
    return 0
