"""The ``kehoach`` entry point: hand the command line to a running build server, or run it here.

A cold Python process spends most of a single build importing pydantic, python-docx, typer and
jinja (about 0.4 s against some 25 ms of work). ``kehoach server start`` keeps one warm process; this
module, which imports only the standard library's cheapest parts, sends it the arguments, working
folder, environment and the terminal's own stdin/stdout/stderr (SCM_RIGHTS), so output, colours and
exit codes are exactly those of a run in this process. With no server (the default), or one that
cannot serve this installation, the command runs in this process as before; with KEHOACH_SERVER=auto
the first command also starts a server in the background for the ones after it.

The wire and the trust checks are in ``protocol.py``.
"""

from __future__ import annotations

import atexit
import gc
import os
import sys

from .argv import command_name, in_language
from .protocol import PROTOCOL, Replies, connect, send_request

ACCEPT_TIMEOUT_S = 10.0
# Commands that always run in this process: the server's own controls, and the long-running
# preview server and language server (they own their terminal or stdio for as long as they run).
LOCAL_COMMANDS = {"server", "preview", "lsp"}
# A one-shot command allocates hundreds of thousands of objects while it imports pydantic and the
# models and reads a plan, and almost none of them are garbage cycles: with Python's default
# thresholds (700, 10, 10) a cold `check` of a large plan ran some 120 collections and `build` some
# 170, full ones included (8–10 % of their CPU time). Young collections every 100,000 allocations
# (as mypy does for its own runs) keep memory bounded without them. At exit, Python runs one more
# full collection over every object left (the schemas, the models, the word list), then tears every
# module down and frees those objects one by one: 50-60 ms and 15-20 ms of a cold build, for memory
# the system takes back at once. A one-shot command therefore leaves, in its last exit handler, once
# the other handlers have run and Python has waited for its threads, through ``os._exit`` after
# flushing the standard streams (as mypy does). Nothing else is left to flush: every file kehoach
# writes is closed where it is written (``with``, ``write_atomic``).
ONE_SHOT_GC_THRESHOLD = (100_000, 50, 50)
_exit_code: int | None = None  # the code a one-shot command ended with; None: let Python finish


def _leave() -> None:
    """The last exit handler of a one-shot command (see ONE_SHOT_GC_THRESHOLD)."""
    if _exit_code is None:  # an uncaught exception (Ctrl-C's own exit status among them)
        return
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe or stream: nothing more can be written
            pass
    os._exit(_exit_code)


def _code_of(code: object) -> int:
    """The process exit status of ``SystemExit(code)``, as Python computes it."""
    if code is None:
        return 0
    return code if isinstance(code, int) else 1


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
                sys.stderr.write(in_language(
                    args, "kehoach: máy chủ dựng ngắt kết nối trước khi lệnh chạy xong\n",
                    "kehoach: the build server closed the connection before the command finished\n"))
                return 2
            if "exit" in reply:
                return int(reply["exit"])


def _spawn_server() -> None:
    """KEHOACH_SERVER=auto: start a server for the commands that follow; this one runs here meanwhile
    (on a second core, so it is not slowed down by the server warming up)."""
    from ..common.diagnostics import KehoachError
    from .server import spawn

    try:
        spawn()
    except (KehoachError, OSError):
        pass  # no usable folder or no fork: commands keep running in their own process


def main() -> None:
    code = run_via_server(sys.argv[1:])
    if code is not None:
        sys.exit(code)
    global _exit_code
    one_shot = command_name(sys.argv[1:]) not in LOCAL_COMMANDS  # long-running ones keep the defaults
    if one_shot:
        gc.set_threshold(*ONE_SHOT_GC_THRESHOLD)
        # pydantic looks for plugins (observability hooks) in the entry points of every installed
        # distribution when it builds its first validator: ~8 ms of each cold command on this
        # machine, more with a larger site-packages. kehoach's validators have no use for them (typer
        # turns them off the same way for its own); a value the user sets is kept.
        os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
        atexit.register(_leave)  # registered first, so it runs after every other exit handler
    from .main import main as run_here

    try:
        run_here()
    except SystemExit as exc:
        _exit_code = _code_of(exc.code) if one_shot else None
        raise
    _exit_code = 0 if one_shot else None
