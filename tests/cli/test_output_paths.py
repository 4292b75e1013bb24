"""Where outputs go: devices, FIFOs and descriptor names are written in place (never renamed over,
which as root would replace /dev/null with a regular file); ``-o -`` is standard output; a symlink's
target is replaced atomically and the link stays; any name the filesystem allows can be written."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kehoach.build import build_file
from kehoach.cli.main import _register, app

_register()
ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "examples" / "001-tra-vinh-ldld.yaml"
KEHOACH = str(Path(sys.executable).with_name("kehoach"))
runner = CliRunner()


@pytest.fixture(scope="module")
def expected_txt(tmp_path_factory) -> bytes:
    return build_file(PLAN, tmp_path_factory.mktemp("ref") / "ref.txt").read_bytes()


def test_a_fifo_is_written_in_place(tmp_path, expected_txt):
    fifo = tmp_path / "out.txt"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    build_file(PLAN, fifo)
    reader.join(10)
    assert received == [expected_txt]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]  # no temporary left beside it


def test_a_device_in_a_folder_stays_a_device(tmp_path):
    device = tmp_path / "null.txt"
    try:
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # a /dev/null of the test's own
    except (PermissionError, AttributeError):
        pytest.skip("creating a device node needs root on Linux")
    build_file(PLAN, device)
    assert stat.S_ISCHR(os.lstat(device).st_mode)


def test_dev_null_stays_a_character_device():
    result = runner.invoke(app, ["build", str(PLAN), "-o", os.devnull, "--format", "txt"])
    assert result.exit_code == 0, result.output
    assert stat.S_ISCHR(os.lstat(os.devnull).st_mode)
    assert result.stdout == ""  # nothing announced: the "path" is a device


@pytest.mark.skipif(not os.path.exists("/dev/stdout"), reason="no /dev/stdout")
def test_dev_stdout_writes_to_the_redirected_stdout(tmp_path, expected_txt):
    before = os.lstat("/dev/stdout")
    out = tmp_path / "redirected.txt"
    with open(out, "wb") as handle:
        proc = subprocess.run([KEHOACH, "build", str(PLAN), "-o", "/dev/stdout", "-f", "txt"], stdout=handle,
                              stderr=subprocess.PIPE, env={**os.environ, "KEHOACH_NO_SERVER": "1"})
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes() == expected_txt  # the document, and not its "path" after it
    after = os.lstat("/dev/stdout")
    assert (stat.S_IFMT(after.st_mode), after.st_ino) == (stat.S_IFMT(before.st_mode), before.st_ino)


def test_dash_is_standard_output(tmp_path, monkeypatch, expected_txt):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["build", str(PLAN), "-o", "-", "--format", "txt"])
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == expected_txt
    assert not Path("-").exists()


def test_dash_without_a_format_is_a_usage_error():
    result = runner.invoke(app, ["--lang", "en", "build", str(PLAN), "-o", "-"])
    assert result.exit_code == 2
    assert "KH051" in result.output and "--format" in result.output


def test_dash_for_check_schema_and_units(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    checked = runner.invoke(app, ["check", str(PLAN), "--output-format", "json=-"])
    assert checked.stdout.lstrip().startswith("{") or checked.stdout.lstrip().startswith("[")
    schema = runner.invoke(app, ["schema", "-o", "-"])
    assert schema.exit_code == 0 and schema.stdout.startswith("{") and schema.stdout.rstrip().endswith("}")
    units = runner.invoke(app, ["units", "-p", "An Giang", "-o", "-"])
    assert units.exit_code == 0 and units.stdout.count("\n") > 50 and not units.stdout.rstrip().endswith("-")
    assert not Path("-").exists()


def test_a_symlink_to_a_file_replaces_the_target_and_keeps_the_link(tmp_path, expected_txt):
    target = tmp_path / "real" / "plan.txt"
    target.parent.mkdir()
    target.write_bytes(b"old")
    target.chmod(0o640)
    old_inode = target.stat().st_ino
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    build_file(PLAN, link)
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_bytes() == expected_txt
    assert target.stat().st_ino != old_inode  # replaced by a rename (atomic), not rewritten in place
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # the file keeps its permissions
    assert sorted(p.name for p in target.parent.iterdir()) == ["plan.txt"]


def test_the_longest_name_the_filesystem_allows_can_be_written(tmp_path, expected_txt):
    name_max = os.pathconf(tmp_path, "PC_NAME_MAX")
    out = tmp_path / ("a" * (name_max - 4) + ".txt")
    out.touch()  # the filesystem allows it
    out.unlink()
    result = runner.invoke(app, ["build", str(PLAN), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == expected_txt


def test_metadata_needs_a_file_output(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for target in ("-", os.devnull):
        result = runner.invoke(app, ["--lang", "en", "build", str(PLAN), "-o", target, "-f", "txt", "--metadata"])
        assert result.exit_code == 2 and "KH056" in result.output
    assert list(tmp_path.iterdir()) == []
    assert not os.path.exists(os.devnull + ".metadata.json")
