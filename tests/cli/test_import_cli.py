"""`kehoach import` on the command line: exit codes, nothing written on failure, summary on stderr,
no overwriting."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kehoach.cli.main import _register, app

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "importers"))
from test_bad_input import CASES, good_docx  # noqa: E402  (the bad documents, made once)


@pytest.mark.parametrize("name", ["truncated.docx", "letter.docx", "encrypted.docx"])
def test_cli_exits_2_and_writes_nothing(name, tmp_path):
    code, make = CASES[name]
    path = make(tmp_path / name)
    out = tmp_path / "plan.yaml"
    _register("import")
    result = CliRunner().invoke(app, ["import", str(path), "-o", str(out)])
    assert result.exit_code == 2
    assert code in result.output
    assert "Traceback" not in result.output
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no temporary file left either


def test_cli_imports_and_reports(tmp_path):
    source = tmp_path / "plan.docx"
    source.write_bytes(good_docx())
    _register("import")
    result = CliRunner().invoke(app, ["import", str(source)])
    assert result.exit_code == 0, result.output
    written = tmp_path / "plan.yaml"
    assert written.is_file()
    assert written.read_text("utf-8").startswith("# yaml-language-server: $schema=./kehoach.schema.json\n")
    assert "3 mục" in result.output  # the summary (stderr)
    _register("check")  # commands register on demand: run alone, this test has only 'import'
    check = CliRunner().invoke(app, ["check", str(written)])
    assert check.exit_code in (0, 1) and "error" not in check.output.lower()


def test_cli_refuses_to_overwrite_the_source(tmp_path):
    source = tmp_path / "plan.txt"
    source.write_text("KẾ HOẠCH\n", "utf-8")
    _register("import")
    result = CliRunner().invoke(app, ["import", str(source), "-o", str(source)])
    assert result.exit_code == 2 and "KH011" in result.output
    assert source.read_text("utf-8") == "KẾ HOẠCH\n"


def test_cli_does_not_overwrite_an_existing_plan_without_force(tmp_path):
    source = tmp_path / "plan.docx"
    source.write_bytes(good_docx())
    existing = tmp_path / "plan.yaml"
    existing.write_text("# my work\n", "utf-8")
    _register("import")
    refused = CliRunner().invoke(app, ["import", str(source)])
    assert refused.exit_code == 2 and "KH011" in refused.output
    assert existing.read_text("utf-8") == "# my work\n"
    forced = CliRunner().invoke(app, ["import", str(source), "--force"])
    assert forced.exit_code == 0 and existing.read_text("utf-8").startswith("# yaml-language-server")
