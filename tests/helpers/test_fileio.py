"""Atomic output writing: no partial file, input protected, ordinary permissions."""

from __future__ import annotations

import os
import stat

import pytest

from kehoach.diagnostics import KehoachError
from kehoach.fileio import write_atomic


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
