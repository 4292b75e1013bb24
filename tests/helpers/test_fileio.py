"""Atomic output writing: no partial file, input protected, ordinary permissions."""

from __future__ import annotations

import os
import stat

import pytest

from kehoach.common.diagnostics import KehoachError
from kehoach.common.fileio import write_atomic


def test_writes_bytes_with_umask_permissions(tmp_path):
    old = os.umask(0o022)
    try:
        path = write_atomic(tmp_path / "out.docx", b"abc")
    finally:
        os.umask(old)
    assert path.read_bytes() == b"abc"
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["out.docx"]


def test_refuses_to_overwrite_the_input(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text("x")
    with pytest.raises(KehoachError) as caught:
        write_atomic(plan, b"new", protect=(plan,))
    assert caught.value.diagnostics[0].code == "KH011"
    assert plan.read_text() == "x"


def test_unwritable_destination_is_a_located_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(KehoachError) as caught:
        write_atomic(blocker / "out.docx", b"abc")  # parent is a file
    assert caught.value.exit_code == 2
    assert caught.value.diagnostics[0].code == "KH012"
    assert caught.value.diagnostics[0].path == str(blocker / "out.docx")


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="per-user scratch root")
def test_scratch_folders_of_dead_processes_are_swept_live_ones_kept(tmp_path, monkeypatch):
    import subprocess
    import sys
    import tempfile
    import time

    from kehoach.common import fileio

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    mine = fileio.make_scratch("pdf")
    root = mine.parent
    assert stat.S_IMODE(root.stat().st_mode) == 0o700
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True).stdout.strip()
    old = time.time() - fileio.STALE_SECONDS - 1
    stale, recent, alive = root / f"{dead}-pdf-a", root / f"{dead}-pdf-b", root / f"{os.getppid()}-pdf-c"
    for folder in (stale, recent, alive):
        (folder / "profile").mkdir(parents=True)
    os.utime(stale, (old, old))
    os.utime(alive, (old, old))
    other = fileio.make_scratch("pdf")
    assert not stale.exists() and recent.exists() and alive.exists() and mine.exists()
    for folder in (mine, other):
        fileio.remove_scratch(folder)
    assert root.exists()  # recent and alive are still in it


def test_a_scratch_root_of_someone_else_is_not_used(tmp_path, monkeypatch):
    import tempfile

    from kehoach.common import fileio

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    (tmp_path / f"kehoach-tmp-{os.getuid()}").symlink_to(tmp_path)
    folder = fileio.make_scratch("pdf")
    assert folder.parent == tmp_path and folder.name.startswith("kehoach-pdf-")
    fileio.remove_scratch(folder)
