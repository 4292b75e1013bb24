"""The build server's wire: where its socket lives, who may be on either end, how requests are framed.

Standard library only: the launcher imports this on every ``kehoach`` run.

Protocol (Unix stream socket, one request per connection): the client sends a 4-byte big-endian
length with its fds 0, 1, 2 attached, then that many bytes of JSON ``{"op": "run", "argv", "cwd",
"env", "umask", "stdio"}`` (or ``{"op": "status"}`` / ``{"op": "stop"}``). The server answers with
JSON lines: ``{"accepted": true}`` or ``{"accepted": false, "reason": ...}``, then ``{"exit": N}``.
A line ``interrupt`` from the client stands for Ctrl-C.

Trust: the client hands the server its environment and terminal, so it talks only to a server of its
own user, checked twice: the socket's folder must be a real folder (not a symlink) owned by this user
with no access for others, and the process listening must run as this user (SO_PEERCRED on Linux,
LOCAL_PEERCRED on macOS and the BSDs). Anything else and the command runs in its own process.
"""

from __future__ import annotations

import json
import os
import socket
import stat
import struct
import sys

PROTOCOL = 1


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

    from .. import __version__

    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    return os.path.join(server_dir(), f"build-{__version__}-{zlib.crc32(package.encode()):08x}.sock")


def is_private(folder: str) -> bool:
    """True when ``folder`` is a real folder (a symlink is refused, not followed) that belongs to this
    user and that nobody else may enter: the only kind whose server may receive this terminal."""
    try:
        info = os.lstat(folder)
    except OSError:
        return False
    return private_stat(info)


def private_stat(info: os.stat_result) -> bool:
    """True for the ``stat`` of a folder that belongs to this user and that nobody else may enter."""
    return stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() and info.st_mode & 0o077 == 0


def supported() -> bool:
    return hasattr(os, "fork") and hasattr(socket, "send_fds") and hasattr(socket, "AF_UNIX")


def peer_uid(sock: socket.socket) -> int | None:
    """The uid of the process at the other end of a connected Unix socket; None when the system
    cannot tell (then nobody is trusted)."""
    try:
        if hasattr(socket, "SO_PEERCRED"):  # Linux: struct ucred {pid, uid, gid}
            raw = sock.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
            return struct.unpack("3i", raw)[1]
        if sys.platform == "darwin" or "bsd" in sys.platform:
            # struct xucred {u_int cr_version; uid_t cr_uid; short cr_ngroups; gid_t cr_groups[16]}
            local_peercred = getattr(socket, "LOCAL_PEERCRED", 0x001)
            raw = sock.getsockopt(0, local_peercred, struct.calcsize("IIh16I"))  # level 0: SOL_LOCAL
            return struct.unpack_from("II", raw)[1]
    except OSError:
        return None
    return None


def connect(path: str | None = None) -> socket.socket | None:
    """A connection to this installation's server, or None when none is running or the one
    listening cannot be trusted (another user's folder or process)."""
    path = path or socket_path()
    folder = os.path.dirname(path)
    if not supported() or not is_private(folder):
        return None
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.connect(path)
    except OSError:  # no socket file, or a stale one left by a killed server
        sock.close()
        return None
    # The folder could have been swapped between the check and the connect: what counts is who
    # listens, and that the folder is still ours.
    if peer_uid(sock) != os.getuid() or not is_private(folder):
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
