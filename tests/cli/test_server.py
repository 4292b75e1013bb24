"""The build server (``kehoach server``) and the launcher that hands it command lines.

Every request through a server must be indistinguishable from a run in the client's own process:
same bytes written, same stdout/stderr, same exit code, the client's folder, environment and umask.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kehoach.cli import argv, launcher, protocol, server

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
KEHOACH = str(Path(sys.executable).with_name("kehoach"))
BAD_PLAN = "title: Kế hoạch thiếu quốc hiệu\n"

pytestmark = pytest.mark.skipif(not protocol.supported(), reason="the build server needs Unix sockets and fork")


def kehoach(args, folder, *, cwd=None, env=None, direct=False, **options):
    environment = {**os.environ, "KEHOACH_SERVER_DIR": str(folder), **(env or {})}
    if direct:
        environment["KEHOACH_NO_SERVER"] = "1"
    return subprocess.run([KEHOACH, *args], cwd=cwd, env=environment, capture_output=True, text=True, **options)


def status(folder, monkeypatch):
    monkeypatch.setenv("KEHOACH_SERVER_DIR", str(folder))
    return server.ask("status")


def wait_for(predicate, seconds=15.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def start_server(folder, *extra):
    folder.mkdir(mode=0o700, exist_ok=True)
    proc = kehoach(["server", "start", *extra], folder)
    assert proc.returncode == 0, proc.stderr
    return proc


def stop_server(folder):
    kehoach(["server", "stop"], folder)


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A running server in a private folder of this module's."""
    folder = tmp_path_factory.mktemp("served")
    folder.chmod(0o700)
    start_server(folder)
    yield folder
    stop_server(folder)


def test_command_name_skips_the_global_language_option():
    assert argv.command_name(["--lang", "en", "build", "x.yaml"]) == "build"
    assert argv.command_name(["--lang", "build", "server", "stop"]) == "server"
    assert argv.command_name(["--help"]) is None
    assert argv.command_name([]) is None


def test_only_a_folder_private_to_this_user_is_trusted(tmp_path):
    private = tmp_path / "private"
    private.mkdir(mode=0o700)
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    assert protocol.is_private(str(private))
    assert not protocol.is_private(str(shared))
    assert not protocol.is_private(str(tmp_path / "missing"))


@pytest.mark.parametrize("example", ["001-tra-vinh-ldld", "003-an-giang-xkld"])
def test_build_through_the_server_equals_a_build_in_process(served, example, tmp_path, monkeypatch):
    before = status(served, monkeypatch)["served"]
    plan = EXAMPLES / f"{example}.yaml"
    via_server = kehoach(["build", str(plan), "-o", str(tmp_path / "server.docx")], served)
    direct = kehoach(["build", str(plan), "-o", str(tmp_path / "direct.docx")], served, direct=True)
    assert status(served, monkeypatch)["served"] == before + 1  # the server ran one, the other ran here
    assert via_server.returncode == direct.returncode == 0
    assert (tmp_path / "server.docx").read_bytes() == (tmp_path / "direct.docx").read_bytes()
    assert via_server.stderr == direct.stderr
    assert via_server.stdout.replace("server.docx", "X") == direct.stdout.replace("direct.docx", "X")


@pytest.mark.parametrize(("args", "env", "code", "expected"), [
    (["build", "bad.yaml"], {}, 1, "thiếu trường bắt buộc"),
    (["build", "missing.yaml"], {}, 2, "không tìm thấy tệp"),
    (["--lang", "en", "build", "missing.yaml"], {}, 2, "file not found"),
    (["check", "missing.yaml"], {"KEHOACH_LANG": "en"}, 2, "file not found"),
    (["build", "bad.yaml", "--format", "odt"], {}, 2, "odt"),
    (["units", "--province", "An Giang"], {}, 0, "Phường Long Xuyên"),  # bytes written to stdout's buffer
])
def test_exit_codes_and_messages_are_those_of_a_run_in_process(served, tmp_path, monkeypatch, args, env, code,
                                                               expected):
    (tmp_path / "bad.yaml").write_text(BAD_PLAN, encoding="utf-8")
    before = status(served, monkeypatch)["served"]
    via_server = kehoach(args, served, cwd=tmp_path, env=env)
    direct = kehoach(args, served, cwd=tmp_path, env=env, direct=True)
    assert status(served, monkeypatch)["served"] == before + 1
    assert (via_server.returncode, via_server.stdout, via_server.stderr) == \
        (direct.returncode, direct.stdout, direct.stderr)
    assert via_server.returncode == code
    assert expected in via_server.stdout + via_server.stderr


def test_relative_paths_and_umask_are_the_clients(served, tmp_path, monkeypatch):
    (tmp_path / "plan.yaml").write_bytes((EXAMPLES / "001-tra-vinh-ldld.yaml").read_bytes())
    (tmp_path / "out").mkdir()  # -o never creates a missing folder (issue 26.9)
    before = status(served, monkeypatch)["served"]
    proc = kehoach(["build", "plan.yaml", "-o", "out/plan.txt"], served, cwd=tmp_path,
                   preexec_fn=lambda: os.umask(0o077))
    assert proc.returncode == 0, proc.stderr
    assert status(served, monkeypatch)["served"] == before + 1
    written = tmp_path / "out" / "plan.txt"
    assert "KẾ HOẠCH" in written.read_text(encoding="utf-8")
    assert written.stat().st_mode & 0o777 == 0o600


def test_ctrl_c_in_the_client_interrupts_the_command_and_keeps_the_server(served, tmp_path, monkeypatch):
    out = tmp_path / "out"
    client = subprocess.Popen(
        [KEHOACH, "batch", str(EXAMPLES / "batch" / "plan.yaml"), "--units", "vn:all", "-o", str(out), "--quiet"],
        env={**os.environ, "KEHOACH_SERVER_DIR": str(served)}, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True)
    try:
        assert wait_for(lambda: out.is_dir() and any(out.glob("*.docx")), 60)
        client.send_signal(signal.SIGINT)
        _stdout, stderr = client.communicate(timeout=60)
    finally:
        if client.poll() is None:
            client.kill()
    assert client.returncode == 130
    assert "Đã dừng" in stderr
    assert 0 < len(list(out.glob("*.docx"))) < 3321  # stopped part-way
    assert not list(out.rglob("*.tmp"))  # no half-written file
    assert status(served, monkeypatch) is not None


def test_start_twice_reports_the_running_server(served, monkeypatch):
    pid = status(served, monkeypatch)["pid"]
    proc = kehoach(["server", "start"], served)
    assert proc.returncode == 0
    assert f"pid {pid}" in proc.stdout
    assert status(served, monkeypatch)["pid"] == pid


def test_stop_and_status(tmp_path, monkeypatch):
    folder = tmp_path / "srv"
    start_server(folder)
    running = kehoach(["server", "status"], folder)
    assert running.returncode == 0 and "đang chạy" in running.stdout
    stopped = kehoach(["server", "stop"], folder)
    assert stopped.returncode == 0 and "Đã dừng" in stopped.stdout
    assert status(folder, monkeypatch) is None
    assert not list(folder.glob("*.sock"))
    after = kehoach(["--lang", "en", "server", "status"], folder)
    assert after.returncode == 1 and "not running" in after.stdout


def test_the_server_stops_itself_when_idle(tmp_path, monkeypatch):
    folder = tmp_path / "srv"
    start_server(folder, "--idle", "0.02")  # 1.2 seconds
    try:
        assert status(folder, monkeypatch) is not None
        assert wait_for(lambda: status(folder, monkeypatch) is None, 20)
        assert not list(folder.glob("*.sock"))
    finally:
        stop_server(folder)


def test_changed_code_is_never_served_stale(tmp_path, monkeypatch):
    """After an upgrade (here: a package file with a new mtime) the server declines, the client
    builds in its own process, and the server starts again with the code on disk."""
    folder = tmp_path / "srv"
    start_server(folder)
    module = Path(server.__file__).parents[1] / "common" / "vn.py"
    original = module.stat()
    try:
        first = status(folder, monkeypatch)
        os.utime(module, ns=(original.st_atime_ns, original.st_mtime_ns + 10**9))
        proc = kehoach(["build", str(EXAMPLES / "001-tra-vinh-ldld.yaml"), "-o", str(tmp_path / "x.txt")], folder)
        assert proc.returncode == 0, proc.stderr
        assert "KẾ HOẠCH" in (tmp_path / "x.txt").read_text(encoding="utf-8")
        # the same process, started again: a new start time and nothing served yet
        assert wait_for(lambda: (s := status(folder, monkeypatch)) is not None and s["started"] > first["started"])
        again = status(folder, monkeypatch)
        assert again["pid"] == first["pid"] and again["served"] == 0
    finally:
        os.utime(module, ns=(original.st_atime_ns, original.st_mtime_ns))
        stop_server(folder)


def test_a_folder_others_can_enter_is_refused(tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    proc = kehoach(["server", "start"], folder)
    assert proc.returncode == 2
    assert "chmod 700" in proc.stderr
    assert not list(folder.glob("*.sock"))
    build = kehoach(["build", str(EXAMPLES / "001-tra-vinh-ldld.yaml"), "-o", str(tmp_path / "x.txt")], folder)
    assert build.returncode == 0  # no server: the command ran in its own process


def test_kehoach_server_auto_starts_one_for_the_commands_after(tmp_path, monkeypatch):
    folder = tmp_path / "srv"
    folder.mkdir(mode=0o700)
    plan = str(EXAMPLES / "001-tra-vinh-ldld.yaml")
    try:
        first = kehoach(["build", plan, "-o", str(tmp_path / "1.txt")], folder, env={"KEHOACH_SERVER": "auto"})
        assert first.returncode == 0, first.stderr
        assert (tmp_path / "1.txt").is_file()  # the first command ran in its own process
        assert wait_for(lambda: status(folder, monkeypatch) is not None, 30)
        second = kehoach(["build", plan, "-o", str(tmp_path / "2.txt")], folder, env={"KEHOACH_SERVER": "auto"})
        assert second.returncode == 0, second.stderr
        assert status(folder, monkeypatch)["served"] == 1  # the second one ran in the server
        assert (tmp_path / "2.txt").read_bytes() == (tmp_path / "1.txt").read_bytes()
    finally:
        stop_server(folder)


def test_without_auto_no_server_is_started(tmp_path, monkeypatch):
    folder = tmp_path / "srv"
    folder.mkdir(mode=0o700)
    proc = kehoach(["build", str(EXAMPLES / "001-tra-vinh-ldld.yaml"), "-o", str(tmp_path / "1.txt")], folder)
    assert proc.returncode == 0
    time.sleep(1.0)
    assert status(folder, monkeypatch) is None
    assert not list(folder.iterdir())


def test_a_folder_that_cannot_be_created_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    proc = kehoach(["--lang", "en", "server", "start"], blocker / "srv")
    assert proc.returncode == 2
    assert "cannot create the folder" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_relative_server_folder_means_the_same_folder_to_client_and_server(tmp_path, monkeypatch):
    (tmp_path / "srv").mkdir(mode=0o700)
    started = kehoach(["server", "start"], "srv", cwd=tmp_path)
    try:
        assert started.returncode == 0, started.stderr
        assert str(tmp_path / "srv") in started.stdout  # the socket's folder, resolved from the client's cwd
        build = kehoach(["build", str(EXAMPLES / "001-tra-vinh-ldld.yaml"), "-o", "x.txt"], "srv", cwd=tmp_path)
        assert build.returncode == 0, build.stderr
        assert status(tmp_path / "srv", monkeypatch)["served"] == 1
    finally:
        kehoach(["server", "stop"], "srv", cwd=tmp_path)


def test_a_wedged_server_does_not_hang_the_command(tmp_path, monkeypatch):
    """A server that accepts but never answers: the launcher gives up and the command runs here."""
    import socket
    import threading

    folder = tmp_path / "srv"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("KEHOACH_SERVER_DIR", str(folder))
    monkeypatch.delenv("KEHOACH_NO_SERVER", raising=False)
    monkeypatch.setattr(launcher, "ACCEPT_TIMEOUT_S", 0.5)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(protocol.socket_path())
    listener.listen(1)
    held = []
    threading.Thread(target=lambda: held.append(listener.accept()), daemon=True).start()
    try:
        start = time.monotonic()
        assert launcher.run_via_server(["build", "plan.yaml"]) is None
        assert time.monotonic() - start < 5
        assert held  # it did reach the fake server
    finally:
        listener.close()
