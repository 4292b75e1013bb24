"""Small command-line items a new user tripped on (issue 26.9): `check | head` ends quietly, two
reports are never run together on the screen, a problem of no file is not labelled <stdin>, -V."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from kehoach import __version__
from kehoach.cli.main import _register, app
from kehoach.cli.report import format_text
from kehoach.common.diagnostics import Diagnostic, Severity

_register()
ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "examples" / "001-tra-vinh-ldld.yaml"
runner = CliRunner()
ENV = {**os.environ, "KEHOACH_NO_SERVER": "1"}


def test_check_into_a_reader_that_leaves_early_ends_quietly(tmp_path):
    text = PLAN.read_text(encoding="utf-8") + "".join(f"khoa_la_{i}: x\n" for i in range(200))
    for index in range(60):  # far more findings than a pipe holds (64 kB)
        (tmp_path / f"plan-{index}.yaml").write_text(text, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "kehoach", "check", str(tmp_path)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=ENV)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader leaves before the report is written (`| head` once it has enough)
    err = proc.stderr.read()
    assert proc.wait() == 0
    assert err == b"", err.decode(errors="replace")  # no "internal error", no BrokenPipeError


def test_two_screen_formats_are_refused():
    result = runner.invoke(app, ["--lang", "en", "check", str(PLAN), "--output-format", "json",
                                 "--output-format", "sarif"])
    assert result.exit_code == 2 and "only one format" in result.output
    result = runner.invoke(app, ["--lang", "en", "check", str(PLAN), "--format", "text", "--output-format", "json=-"])
    assert result.exit_code == 2
    one = runner.invoke(app, ["check", str(PLAN), "--output-format", "json"])
    assert one.exit_code == 0 and one.stdout.lstrip().startswith("{")


def test_a_problem_of_no_file_is_not_labelled_stdin():
    lonely = Diagnostic("KH091", "needs pygls", Severity.error)
    assert str(lonely) == "KH091 needs pygls"
    assert "<stdin>" not in format_text([lonely], None) and "KH091 needs pygls" in format_text([lonely], None)
    located = Diagnostic("KH102", "x", Severity.error, "-", 3, 1)
    assert str(located).startswith("-:3:1: KH102")  # real standard input keeps its name


def test_short_version_option():
    for flag in ("-V", "--version"):
        result = runner.invoke(app, [flag])
        assert result.exit_code == 0 and result.stdout.strip() == f"kehoach {__version__}"
