"""``kehoach batch -o OUT`` where OUT cannot be made or written: a located KH064 and exit 2, never a
traceback (issue 11.2)."""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kehoach.cli.main import _register, app

_register()

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "batch"


def batch(out: Path, plan: Path = EXAMPLE / "plan.yaml", units: Path = EXAMPLE / "units.csv") -> tuple[int, str]:
    result = CliRunner().invoke(app, ["--lang", "en", "batch", str(plan), "--units", str(units), "-o", str(out),
                                      "-j", "1"])
    return result.exit_code, result.output + ("" if result.exception is None or isinstance(result.exception, SystemExit)
                                              else f"\nEXCEPTION {result.exception!r}")


@pytest.mark.parametrize("below", ["out", "a/b/out"])
def test_out_under_a_file_is_a_located_usage_error(tmp_path: Path, below: str) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("not a folder")
    out = a_file / below
    code, output = batch(out)
    assert code == 2, output
    assert f"{out}: KH064" in output, output  # located at OUT, as the user typed it
    assert f"`{a_file}` is a file, not a folder" in output, output
    assert "Traceback" not in output and "EXCEPTION" not in output
    assert a_file.read_text() == "not a folder"


def _as_nobody(action) -> tuple[int, str]:
    """``action()`` run in a forked child with the uid of ``nobody`` (root writes anywhere)."""
    import pwd

    try:
        nobody = pwd.getpwnam("nobody")
    except KeyError:
        pytest.skip("no `nobody` user to drop root's privileges to")
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        status = 70
        try:
            os.close(read)
            os.setgroups([])
            os.setgid(nobody.pw_gid)
            os.setuid(nobody.pw_uid)
            code, output = action()
            os.write(write, f"{code}\n{output}".encode())
            status = 0
        finally:
            os._exit(status)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        data = pipe.read().decode()
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0 and data, "the unprivileged child failed"
    code, _, output = data.partition("\n")
    return int(code), output


def test_read_only_parent_or_out_is_a_located_usage_error() -> None:
    batch(Path(tempfile.gettempdir()) / "kehoach-no-such" / "file.txt" / "out")  # imports every module we need,
    # before a child without root may not read the interpreter's own folders
    base = Path(tempfile.mkdtemp(prefix="kehoach-ro-"))
    try:
        base.chmod(0o755)
        plan, units = base / "plan.yaml", base / "units.csv"  # readable by anyone, wherever the checkout is
        shutil.copy(EXAMPLE / "plan.yaml", plan)
        shutil.copy(EXAMPLE / "units.csv", units)
        read_only = base / "read-only"
        read_only.mkdir()
        read_only.chmod(stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP | stat.S_IROTH | stat.S_IXOTH)
        for out in (read_only / "out", read_only / "nested" / "out", read_only):
            attempt = (lambda out=out: batch(out, plan, units))
            code, output = _as_nobody(attempt) if os.geteuid() == 0 else attempt()
            assert code == 2, output
            assert f"{out}: KH064" in output and f"no permission to write in `{read_only}`" in output, output
            assert "Traceback" not in output and "EXCEPTION" not in output, output
            assert list(read_only.iterdir()) == []
    finally:
        shutil.rmtree(base)
