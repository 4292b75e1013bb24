"""Batch workers never outlive the batch process, even when it is killed with ``kill -9`` (issue 11.3)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kehoach.batch import worker

PLAN = Path(__file__).resolve().parents[2] / "examples" / "batch" / "plan.yaml"
GONE_WITHIN = 30.0  # seconds: a bound on the wait, not a speed claim (the fix takes ~0 s or PARENT_POLL)

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process table in /proc")


def _stat(pid: int) -> tuple[str, int] | None:
    """(state, parent pid) of ``pid``, or None when there is no such process."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return None
    fields = text[text.rindex(")") + 2:].split()  # the command name may contain spaces and brackets
    return fields[0], int(fields[1])


def children(parent: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (stat := _stat(int(entry.name))) and stat[1] == parent:
            found.add(int(entry.name))
    return found


def alive(pids: set[int]) -> set[int]:
    """The processes of ``pids`` that still run (a zombie has ended: it only waits to be reaped)."""
    return {pid for pid in pids if (stat := _stat(pid)) is not None and stat[0] != "Z"}


def wait_until_gone(pids: set[int]) -> set[int]:
    deadline = time.monotonic() + GONE_WITHIN
    while alive(pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    return alive(pids)


def kill_all(pids: set[int]) -> None:
    for pid in alive(pids):
        os.kill(pid, signal.SIGKILL)


def test_kill_9_of_the_batch_process_ends_its_workers(tmp_path: Path) -> None:
    out = tmp_path / "out"
    command = [str(Path(sys.executable).with_name("kehoach")), "batch", str(PLAN), "--units", "vn:all",
               "-o", str(out), "--jobs", "3", "--quiet"]
    env = {**os.environ, "KEHOACH_NO_SERVER": "1"}  # the batch process must be our child, not a server's
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    workers: set[int] = set()
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None:  # mid-run: workers up, documents coming
            workers |= children(process.pid)
            if len(workers) >= 3 and len(list(out.glob("*.docx"))) >= 3:
                break
            time.sleep(0.05)
        assert process.poll() is None and len(workers) >= 3, process.stderr.read().decode(errors="replace")[-2000:]
        process.kill()
        process.wait(timeout=30)
        assert process.returncode == -signal.SIGKILL
        assert wait_until_gone(workers) == set()
        assert len(list(out.glob("*.docx"))) < 3321  # it was stopped mid-run, not after the whole country
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        kill_all(workers)


def test_a_worker_notices_its_parent_is_gone_without_the_kernel_signal() -> None:
    """The portable fallback (no prctl, e.g. macOS): the worker watches ``getppid()``."""
    read, write = os.pipe()
    middle = os.fork()
    if middle == 0:  # the "batch process": starts a worker, reports its pid, dies without a word
        try:
            os.close(read)
            grandchild = os.fork()
            if grandchild == 0:
                try:
                    worker.exit_with_parent(os.getppid(), deathsig=False)
                    time.sleep(GONE_WITHIN * 4)  # a worker waiting for work that never comes
                finally:
                    os._exit(0)
            os.write(write, str(grandchild).encode())
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        orphan = int(pipe.read())
    os.waitpid(middle, 0)
    try:
        assert wait_until_gone({orphan}) == set()
    finally:
        kill_all({orphan})


def test_a_worker_whose_parent_died_before_it_started_exits_at_once() -> None:
    child = os.fork()
    if child == 0:
        try:
            worker.exit_with_parent(os.getppid() + 1, deathsig=False)  # "the batch process" is not our parent
        finally:
            os._exit(0)  # reached only if the worker did not notice
    _, status = os.waitpid(child, 0)
    assert os.waitstatus_to_exitcode(status) == 1
