"""``kehoach check --fix / --diff / --unsafe-fixes``: the fixed file is byte-identical to the
expected one (comments, order, quoting and line folding kept), a second --fix changes nothing,
--diff writes nothing."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from typer.testing import CliRunner

from kehoach.cli.main import _register, app

FIX = Path(__file__).parents[1] / "fixtures" / "fix"

_register()


def run(*args: str | Path):
    result = CliRunner().invoke(app, [str(a) for a in args])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def copy(tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    shutil.copyfile(FIX / name, target)
    return target


def test_fix_writes_the_expected_bytes_and_a_second_fix_changes_nothing(tmp_path: Path) -> None:
    plan = copy(tmp_path, "plan.yaml")
    os.chmod(plan, 0o640)
    result = run("check", plan, "--fix")
    assert plan.read_bytes() == (FIX / "expected.yaml").read_bytes()
    # what is left is reported: the two findings whose fix is unsafe (place name, cited date)
    assert result.exit_code == 0 and "KH217" in result.stdout and "KH214" in result.stdout
    assert "KH303" not in result.stdout and "KH207" not in result.stdout
    assert os.stat(plan).st_mode & 0o777 == 0o640  # the file keeps its permissions
    text = plan.read_text(encoding="utf-8")
    assert "# folded over two lines: the fix keeps the line break" in text
    assert '"Sở Tài chính"   # typed ";" — the tool adds it' in text
    before = plan.read_bytes()
    again = run("check", plan, "--fix")
    assert plan.read_bytes() == before and again.exit_code == 0
    assert run("check", plan, "--diff").stdout == ""


def test_unsafe_fixes_rename_an_unknown_key_then_fix_the_now_valid_plan(tmp_path: Path) -> None:
    plan = copy(tmp_path, "plan-unsafe.yaml")
    assert run("check", plan, "--fix").exit_code == 1  # safe fixes cannot mend an unknown key
    assert b"abreviation: STP" in plan.read_bytes()
    result = run("check", plan, "--fix", "--unsafe-fixes")
    assert plan.read_bytes() == (FIX / "expected-unsafe.yaml").read_bytes()
    assert result.exit_code == 0 and result.stdout.endswith("không có lỗi.\n")
    before = plan.read_bytes()
    run("check", plan, "--fix", "--unsafe-fixes")
    assert plan.read_bytes() == before


def test_diff_prints_the_changes_and_writes_nothing(tmp_path: Path) -> None:
    plan = copy(tmp_path, "plan.yaml")
    before = plan.read_bytes()
    result = run("check", plan, "--diff")
    assert plan.read_bytes() == before
    assert result.exit_code == 1
    assert f"--- a/{plan}" in result.stdout and f"+++ b/{plan}" in result.stdout
    assert "-      Giao sở tài chính phối hợp với Ủy Ban Nhân\n" in result.stdout
    assert "+      Giao Sở Tài chính phối hợp với Ủy ban nhân\n" in result.stdout
    assert "+    units: [VT, PBGDPL]\n" in result.stdout
    assert "KH2" not in result.stdout  # a diff, not the report
