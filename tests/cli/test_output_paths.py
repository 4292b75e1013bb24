"""Where outputs go: ``-o -``, descriptor names (/dev/stdout) and the null device are written in place
(never renamed over, which as root would replace /dev/null with a regular file); a FIFO or another
device at the output path is refused; a symlink there is replaced by the file and never followed
(issue 26.1: a link planted in a shared folder must not redirect the write); a missing folder is an
error, not created; any name the filesystem allows can be written."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kehoach.build import build_file
from kehoach.common.diagnostics import KehoachError
from kehoach.cli.main import _register, app

_register()
ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "examples" / "001-tra-vinh-ldld.yaml"
KEHOACH = str(Path(sys.executable).with_name("kehoach"))
runner = CliRunner()


@pytest.fixture(scope="module")
def expected_txt(tmp_path_factory) -> bytes:
    return build_file(PLAN, tmp_path_factory.mktemp("ref") / "ref.txt").read_bytes()


def test_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "out.txt"
    os.mkfifo(fifo)  # nobody reads it: opening it for writing would block for good
    result = runner.invoke(app, ["--lang", "en", "build", str(PLAN), "-o", str(fifo), "-f", "txt"])
    assert result.exit_code == 2 and "KH012" in result.output and "FIFO" in result.output
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]  # no temporary left beside it


def test_a_device_in_a_folder_is_refused(tmp_path):
    device = tmp_path / "null.txt"
    try:
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # a /dev/null of the test's own
    except (PermissionError, AttributeError):
        pytest.skip("creating a device node needs root on Linux")
    with pytest.raises(KehoachError):
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


WRITERS = [
    ["build", str(PLAN), "-f", "txt", "-o", "{out}"],
    ["build", str(PLAN), "-o", "{out}.docx"],
    ["tasks", str(PLAN), "-o", "{out}.csv"],
    ["tasks", str(PLAN), "-o", "{out}.ics"],
    ["check", str(PLAN), "--output-format", "json={out}"],
    ["check", str(PLAN), "--output-format", "sarif={out}"],
    ["schema", "-o", "{out}"],
    ["import", str(ROOT / "tests" / "fixtures" / "import" / "qd-224-ldtbxh-2012.txt"), "--force", "-o", "{out}"],
    ["units", "-p", "An Giang", "-o", "{out}"],
]


@pytest.mark.parametrize("argv", WRITERS, ids=lambda a: " ".join(a[:1] + a[-2:-1]))
def test_a_symlink_at_the_output_is_replaced_never_followed(tmp_path, argv):
    victim = tmp_path / "victim" / "secret"
    victim.parent.mkdir()
    victim.write_bytes(b"root-only")
    link = tmp_path / "out"
    argv = [a.replace("{out}", str(link)) for a in argv]
    out = Path(argv[-1].split("=", 1)[-1]) if "=" in argv[-1] else Path(argv[-1])
    out.symlink_to(victim)
    result = runner.invoke(app, argv)
    assert result.exit_code in (0, 1), result.output
    assert victim.read_bytes() == b"root-only"  # the link's target is untouched
    assert not out.is_symlink() and out.is_file() and out.stat().st_size > 0


def test_a_symlink_to_a_device_is_replaced_not_written_into(tmp_path):
    link = tmp_path / "plan.txt"
    link.symlink_to(os.devnull)
    build_file(PLAN, link)
    assert not link.is_symlink() and link.read_bytes()
    assert stat.S_ISCHR(os.lstat(os.devnull).st_mode)


def test_a_link_to_the_input_is_still_refused(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(PLAN.read_bytes())
    link = tmp_path / "out.txt"
    link.symlink_to(plan)
    with pytest.raises(KehoachError) as caught:
        build_file(plan, link)
    assert caught.value.diagnostics[0].code == "KH011"
    assert plan.read_bytes() == PLAN.read_bytes()


def test_a_missing_folder_is_an_error_not_created(tmp_path):
    out = tmp_path / "no-such-folder" / "plan.docx"
    result = runner.invoke(app, ["--lang", "en", "build", str(PLAN), "-o", str(out)])
    assert result.exit_code == 2 and "KH012" in result.output and "does not exist" in result.output
    assert not out.parent.exists()


def test_a_folder_at_the_output_is_refused(tmp_path):
    result = runner.invoke(app, ["--lang", "en", "tasks", str(PLAN), "-f", "csv", "-o", str(tmp_path)])
    assert result.exit_code == 2 and "KH012" in result.output


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


def test_tasks_to_standard_output_needs_no_format(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["tasks", str(PLAN), "-o", "-"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].count(",") >= 3  # a CSV header
    assert not Path("-").exists()
