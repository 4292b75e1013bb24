"""``kehoach build``: formats, refusals with exit codes, atomic writes, template overrides."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

import kehoach.lint
from kehoach.build import build_file
from kehoach.cli.main import _register, app
from kehoach.common.diagnostics import Diagnostic, Severity

_register()
runner = CliRunner()

PLAN = """\
letterhead:
  parent: UBND tỉnh Kiên Giang
  issuer: Sở Lao động - Thương binh và Xã hội
  abbreviation: SLĐTBXH
  number: 05
  place: Kiên Giang
  date: 2025-03-04
title: Phòng, chống lao động trẻ em <năm> 2025 {{ x }}
sections:
  - role: purpose
    items:
      - heading: Mục đích
        text: Nâng cao nhận thức & trách nhiệm.
  - role: assignments
    items:
      - body: Sở Tài chính
        run_in: true
        text: Bố trí kinh phí.
signature:
  authority: KT
  head_title: Giám đốc
  title: Phó Giám đốc
  name: Nguyễn Văn An
recipients:
  items: [UBND tỉnh, Sở Tài chính]
  archive: {units: [VT, PBVCSTE]}
"""


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "ke-hoach.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return path


def run(*args: str):
    return runner.invoke(app, ["build", *args])


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".") or p.suffix == ".tmp")


def test_txt_output(plan_file: Path) -> None:
    out = plan_file.with_name("out.txt")
    result = run(str(plan_file), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(out)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert "Số: 05/KH-SLĐTBXH" in lines
    assert "Kiên Giang, ngày 04 tháng 3 năm 2025" in lines
    assert "Phòng, chống lao động trẻ em <năm> 2025 {{ x }}" in lines
    assert "2. Sở Tài chính: Bố trí kinh phí./." not in lines  # the default closing comes after it
    assert lines[lines.index("Nơi nhận:") + 1:lines.index("Nơi nhận:") + 3] == ["- UBND tỉnh;", "- Sở Tài chính;"]


def test_default_output_is_docx_beside_the_plan(plan_file: Path) -> None:
    result = run(str(plan_file))
    expected = plan_file.with_suffix(".docx")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(expected)
    with zipfile.ZipFile(expected) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
    assert "Số: 05/KH-SLĐTBXH" in body and "Nguyễn Văn An" in body


def test_html_output_escapes_plan_text(plan_file: Path) -> None:
    out = plan_file.with_name("out.html")
    assert run(str(plan_file), "-o", str(out)).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "Phòng, chống lao động trẻ em &lt;năm&gt; 2025 {{ x }}" in page
    assert "Nâng cao nhận thức &amp; trách nhiệm." in page
    assert "<năm>" not in page


def test_format_option_overrides_the_suffix(plan_file: Path) -> None:
    out = plan_file.with_name("review.md")
    assert run(str(plan_file), "-o", str(out), "--format", "txt").exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("UBND TỈNH KIÊN GIANG\n")


def test_same_input_same_bytes(plan_file: Path, tmp_path: Path) -> None:
    for suffix in (".txt", ".html", ".docx"):
        first, second = tmp_path / f"a{suffix}", tmp_path / f"b{suffix}"
        build_file(plan_file, first)
        build_file(plan_file, second)
        assert first.read_bytes() == second.read_bytes(), suffix


def test_unknown_suffix_is_a_usage_error(plan_file: Path) -> None:
    out = plan_file.with_name("out.odt")
    result = run(str(plan_file), "-o", str(out))
    assert result.exit_code == 2
    assert "KH051" in result.stderr and ".odt" in result.stderr
    assert not out.exists()
    assert run(str(plan_file), "--format", "rtf").exit_code == 2


def test_invalid_plan_is_refused_with_located_diagnostics(plan_file: Path) -> None:
    plan_file.write_text(PLAN.replace("  place: Kiên Giang\n", "  place: Kiên Giang\n  colour: red\n"),
                         encoding="utf-8")
    result = run(str(plan_file))
    assert result.exit_code == 1
    assert f"{plan_file}:7:3:" in result.stderr and "colour" in result.stderr
    assert not plan_file.with_suffix(".docx").exists()


def test_unreadable_yaml_is_exit_2(plan_file: Path) -> None:
    plan_file.write_text("letterhead: [unclosed\n", encoding="utf-8")
    result = run(str(plan_file))
    assert result.exit_code == 2
    assert str(plan_file) in result.stderr and "KH001" in result.stderr


def test_lint_errors_refuse_the_build(plan_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def failing_lint(loaded, **_):
        return [loaded.source.diagnostic(("letterhead", "number"), "KH201", "số văn bản sai")]

    monkeypatch.setattr(kehoach.lint, "lint", failing_lint)
    result = run(str(plan_file))
    assert result.exit_code == 1
    assert f"{plan_file}:5:3: KH201 số văn bản sai" in result.stderr
    assert not plan_file.with_suffix(".docx").exists()


def test_lint_warnings_do_not_refuse(plan_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kehoach.lint, "lint", lambda loaded, **_: [
        Diagnostic("KH301", "chú ý", Severity.warning, str(plan_file), 1, 1)])
    result = run(str(plan_file), "-o", str(plan_file.with_suffix(".txt")))
    assert result.exit_code == 0
    assert f"{plan_file}:1:1: KH301 chú ý" in result.stderr  # shown, not blocking
    assert plan_file.with_suffix(".txt").exists()


def test_never_overwrites_the_input(plan_file: Path) -> None:
    result = run(str(plan_file), "-o", str(plan_file), "--format", "txt")
    assert result.exit_code == 2 and "KH011" in result.stderr
    assert plan_file.read_text(encoding="utf-8") == PLAN


def test_unwritable_destination_is_exit_2(plan_file: Path) -> None:
    blocker = plan_file.with_name("a-file")
    blocker.write_text("x", encoding="utf-8")
    result = run(str(plan_file), "-o", str(blocker / "out.txt"))
    assert result.exit_code == 2 and "KH012" in result.stderr


def test_ctrl_c_while_writing_leaves_no_file(plan_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = plan_file.with_name("out.txt")

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)  # the temporary file is written, then Ctrl-C
    with pytest.raises(KeyboardInterrupt):
        build_file(plan_file, out)
    assert not out.exists()
    assert leftovers(plan_file.parent) == []


def test_ctrl_c_while_rendering_leaves_no_file(plan_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kehoach.writers.text

    def interrupted(document):
        raise KeyboardInterrupt

    monkeypatch.setattr(kehoach.writers.text, "write_text", interrupted)
    out = plan_file.with_name("out.txt")
    with pytest.raises(KeyboardInterrupt):
        build_file(plan_file, out)
    assert not out.exists() and leftovers(plan_file.parent) == []


def test_templates_override_from_the_command_line(plan_file: Path, tmp_path: Path) -> None:
    folder = tmp_path / "mau"
    folder.mkdir()
    (folder / "heading.j2").write_text("{{ role }} riêng", encoding="utf-8")
    out = plan_file.with_name("out.txt")
    assert run(str(plan_file), "-o", str(out), "--templates", str(folder)).exit_code == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert "I. PURPOSE RIÊNG" in lines and "II. ASSIGNMENTS RIÊNG" in lines


def test_templates_from_the_configuration_and_the_command_line_wins(plan_file: Path) -> None:
    from kehoach.source.config import find_config

    for name, word in (("mau", "riêng"), ("khac", "khác")):
        folder = plan_file.parent / name
        folder.mkdir()
        (folder / "heading.j2").write_text("{{ role }} " + word, encoding="utf-8")
    (plan_file.parent / "kehoach.toml").write_text('templates = "mau"\n', encoding="utf-8")  # beside the file
    find_config.cache_clear()
    out = plan_file.with_name("out.txt")
    assert run(str(plan_file), "-o", str(out)).exit_code == 0
    assert "I. PURPOSE RIÊNG" in out.read_text(encoding="utf-8").splitlines()
    assert run(str(plan_file), "-o", str(out), "--templates", str(plan_file.parent / "khac")).exit_code == 0
    assert "I. PURPOSE KHÁC" in out.read_text(encoding="utf-8").splitlines()
    find_config.cache_clear()


def test_hostile_template_fails_cleanly_in_a_real_process(plan_file: Path, tmp_path: Path) -> None:
    folder = tmp_path / "mau"
    folder.mkdir()
    (folder / "enacting.j2").write_text("x\n{{ body.__class__.__mro__[1].__subclasses__() }}\n", encoding="utf-8")
    (folder / "closing.j2").write_text("{{ ''.__class__.__mro__ }}", encoding="utf-8")
    out = plan_file.with_name("out.txt")
    kehoach = shutil.which("kehoach", path=str(Path(sys.executable).parent)) or "kehoach"
    proc = subprocess.run([kehoach, "build", str(plan_file), "-o", str(out), "--templates", str(folder)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert f"{folder / 'closing.j2'}:1: KH043" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not out.exists()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_pdf_output(plan_file: Path) -> None:
    out = plan_file.with_name("out.pdf")
    result = run(str(plan_file), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF")
    assert leftovers(plan_file.parent) == []


def test_an_internal_error_is_a_diagnostic_not_a_traceback(plan_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kehoach.writers.text

    def broken(document):
        raise ValueError("boom")

    monkeypatch.setattr(kehoach.writers.text, "write_text", broken)
    result = run(str(plan_file), "-o", str(plan_file.with_suffix(".txt")))
    assert result.exit_code == 2
    assert "KH000" in result.stderr and "ValueError: boom" in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert not plan_file.with_suffix(".txt").exists()
