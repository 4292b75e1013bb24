"""Attacks on the build server's socket: another local user must never receive a command.

The launcher hands a server its whole environment and terminal, so a fake server planted by someone
else (a symlink flipped at the socket's folder, a folder of another user, a socket of another user
moved into the victim's folder) must be refused and the command run in its own process, with its own
exit code. The fake servers here answer every request with exit code 42 and record what they got.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from kehoach.cli import protocol

KEHOACH = str(Path(sys.executable).with_name("kehoach"))
BAD_PLAN = "title: Kế hoạch thiếu quốc hiệu\n"  # run locally: exit 1 with KH findings
SECRET = "kehoach-attack-secret-7f3a"
NOBODY = 65534

pytestmark = pytest.mark.skipif(not protocol.supported(), reason="the build server needs Unix sockets and fork")


class FakeServer:
    """A listener in a forked child (optionally as another uid) that answers "exit 42" to anything
    and reports each connection (bytes received, descriptors, whether SECRET was among them)."""

    def __init__(self, path: Path, uid: int | None = None) -> None:
        self.path = path
        read, write = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:  # the attacker
            os.close(read)
            self._serve(write, uid)
        os.close(write)
        self.reports = os.fdopen(read, "r")
        first = json.loads(self.reports.readline() or '{"error": "child died"}')
        if "error" in first:
            self.stop()
            pytest.skip(f"no fake server as uid {uid}: {first['error']}")

    def _serve(self, out: int, uid: int | None) -> None:
        try:
            report = os.fdopen(out, "w", buffering=1)
            try:
                if uid is not None:
                    os.setgroups([])
                    os.setgid(uid)
                    os.setuid(uid)
                    self.path.parent.mkdir(mode=0o700, exist_ok=True)
                listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                listener.bind(str(self.path))
                listener.listen(8)
            except OSError as exc:
                report.write(json.dumps({"error": str(exc)}) + "\n")
                return
            report.write(json.dumps({"listening": os.getuid()}) + "\n")
            listener.settimeout(30)
            while True:
                conn, _ = listener.accept()
                conn.settimeout(5)
                got, fds = b"", []
                try:
                    data, fds, _flags, _addr = socket.recv_fds(conn, 65536, 3)
                    for fd in fds:  # the victim's terminal: holding it would keep its pipes open
                        os.close(fd)
                    got += data
                    conn.sendall(b'{"accepted": true}\n{"exit": 42}\n')
                    while chunk := conn.recv(65536):
                        got += chunk
                except OSError:
                    pass
                report.write(json.dumps({"bytes": len(got), "fds": len(fds), "secret": SECRET.encode() in got}) + "\n")
                conn.close()
        except BaseException:  # noqa: BLE001 - the forked child never returns into pytest
            pass
        finally:
            os._exit(0)

    def stop(self) -> list[dict]:
        """Stop the fake server; what it received, one entry per connection."""
        os.kill(self.pid, 9)
        os.waitpid(self.pid, 0)
        return [json.loads(line) for line in self.reports.read().splitlines()]


def victim(tmp_path: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    """The victim's command: checking a plan with errors (exit 1 when it runs in its own process)."""
    plan = tmp_path / "plan.yaml"
    plan.write_text(BAD_PLAN, encoding="utf-8")
    environment = {k: v for k, v in os.environ.items()
                   if k not in ("KEHOACH_SERVER_DIR", "XDG_RUNTIME_DIR", "KEHOACH_NO_SERVER", "KEHOACH_SERVER")}
    environment.update(env, KEHOACH_ATTACK_SECRET=SECRET)
    return subprocess.run([KEHOACH, "check", str(plan)], env=environment, capture_output=True, text=True,
                          timeout=60)


def assert_ran_locally(proc: subprocess.CompletedProcess) -> None:
    assert proc.returncode == 1, proc.stderr  # the local run's code, not the fake's 42
    assert "KH" in proc.stdout + proc.stderr


def socket_name() -> str:
    return os.path.basename(protocol.socket_path())


@pytest.fixture
def shared_tmp():
    """A world-writable sticky folder like /tmp that another uid can reach (pytest's tmp_path is
    private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="kehoach-attack-"))
    folder.chmod(0o1777)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_a_symlink_planted_at_the_socket_folder_is_not_followed(tmp_path, shared_tmp):
    """Without XDG_RUNTIME_DIR or KEHOACH_SERVER_DIR the folder is $TMPDIR/kehoach-<uid>: an attacker
    plants it as a symlink to a folder of theirs, private, with a server listening in it."""
    evil = tmp_path / "evil"
    evil.mkdir(mode=0o700)
    fake = FakeServer(evil / socket_name())
    (shared_tmp / f"kehoach-{os.getuid()}").symlink_to(evil)
    try:
        proc = victim(tmp_path, {"TMPDIR": str(shared_tmp)})
    finally:
        received = fake.stop()
    assert_ran_locally(proc)
    assert received == []  # not even a connection
    assert (shared_tmp / f"kehoach-{os.getuid()}").is_symlink()


def _second_uid() -> None:
    if os.getuid() != 0:
        pytest.skip("a second uid can only be made by root")


def test_a_folder_of_another_user_at_the_socket_folder_is_refused(tmp_path, shared_tmp):
    """The attacker (uid nobody) creates $TMPDIR/kehoach-<victim uid> before the victim and listens in it."""
    _second_uid()
    folder = shared_tmp / f"kehoach-{os.getuid()}"
    fake = FakeServer(folder / socket_name(), uid=NOBODY)
    try:
        assert folder.stat().st_uid == NOBODY
        proc = victim(tmp_path, {"TMPDIR": str(shared_tmp)})
    finally:
        received = fake.stop()
    assert_ran_locally(proc)
    assert received == []


def test_a_server_of_another_user_in_the_victims_own_folder_is_refused(tmp_path, shared_tmp):
    """The folder check passes (the folder is the victim's, private), but the process listening is
    another user's: what an attacker gets by swapping the folder between the check and the connect.
    The peer's credentials are what stops it."""
    _second_uid()
    attacker_folder = shared_tmp / "attacker"
    fake = FakeServer(attacker_folder / socket_name(), uid=NOBODY)
    mine = tmp_path / "mine"
    mine.mkdir(mode=0o700)
    try:
        os.rename(attacker_folder / socket_name(), mine / socket_name())  # the swap, done for the test
        assert protocol.is_private(str(mine))
        proc = victim(tmp_path, {"KEHOACH_SERVER_DIR": str(mine)})
    finally:
        received = fake.stop()
    assert_ran_locally(proc)
    assert all(r["bytes"] == 0 and r["fds"] == 0 and not r["secret"] for r in received), received
    assert len(received) <= 1  # the launcher connected once, saw a stranger and sent nothing


def test_the_fake_server_would_have_been_used_from_a_trusted_folder(tmp_path):
    """The control: the same fake server as this user in a private folder does receive the command
    (so the tests above fail if the launcher stops checking)."""
    mine = tmp_path / "mine"
    mine.mkdir(mode=0o700)
    fake = FakeServer(mine / socket_name())
    try:
        proc = victim(tmp_path, {"KEHOACH_SERVER_DIR": str(mine)})
    finally:
        time.sleep(0.2)
        received = fake.stop()
    assert proc.returncode == 42
    assert received and received[0]["secret"] and received[0]["fds"] == 3


def _start(folder: Path) -> subprocess.CompletedProcess:
    environment = {**os.environ, "KEHOACH_SERVER_DIR": str(folder)}
    return subprocess.run([KEHOACH, "--lang", "en", "server", "start"], env=environment, capture_output=True,
                          text=True, timeout=60)


def test_the_server_refuses_a_symlinked_folder(tmp_path):
    target = tmp_path / "target"
    target.mkdir(mode=0o700)
    link = tmp_path / "link"
    link.symlink_to(target)
    proc = _start(link)
    assert proc.returncode == 2
    assert "not a symlink" in proc.stderr and "Traceback" not in proc.stderr
    assert list(target.iterdir()) == []  # no socket, no lock, no log


def test_the_server_refuses_a_folder_of_another_user(tmp_path):
    _second_uid()
    folder = tmp_path / "theirs"
    folder.mkdir(mode=0o700)
    os.chown(folder, NOBODY, NOBODY)
    proc = _start(folder)
    assert proc.returncode == 2
    assert "belongs to this user" in proc.stderr
    assert list(folder.iterdir()) == []
