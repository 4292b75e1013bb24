"""``kehoach init``: a commented starter plan that loads, fails check until filled in, never overwrites."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

import kehoach
from kehoach.cli.main import _register, app
from kehoach.source.loader import load_path
from kehoach.model import Role

_register()


def test_starter_plan_loads_with_zero_errors(tmp_path):
    target = tmp_path / "kehoach.yaml"
    result = CliRunner().invoke(app, ["init", str(target)])
    assert result.exit_code == 0
    assert "kehoach.schema.json" in result.stdout
    text = target.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=./kehoach.schema.json"
    loaded = load_path(target)
    assert loaded.diagnostics == []
    assert [s.role for s in loaded.plan.sections] == [Role.situation, Role.goals, Role.solutions, Role.assignments]
    # Unfilled, the starter fails `check`: one KH131 at each "..." left (and nothing else).
    found = kehoach.check(target)
    assert [d.code for d in found if d.code != "KH131"] == ["KH230"]  # and the draft's note (info)
    found = [d for d in found if d.code == "KH131"]
    placeholder_lines = {n for n, line in enumerate(text.splitlines(), 1)
                         if "..." in line.split("#")[0] and not line.lstrip().startswith("#")}
    assert {d.line for d in found} == placeholder_lines and len(placeholder_lines) >= 15
    result = CliRunner().invoke(app, ["check", str(target)])
    assert result.exit_code == 1 and "KH131" in result.stdout


def test_a_filled_in_starter_passes_check_strict(tmp_path):
    target = tmp_path / "kehoach.yaml"
    CliRunner().invoke(app, ["init", str(target)])
    text = target.read_text(encoding="utf-8")
    filled = (text.replace("UBND TỈNH ...", "UBND TỈNH KIÊN GIANG").replace("SỞ ...", "SỞ TƯ PHÁP")
              .replace("S...", "STP").replace("Sở ...", "Sở Tư pháp").replace("...", "nội dung"))
    target.write_text(filled, encoding="utf-8")
    # the starter is a draft: only the note of what the văn thư fills in (KH230, info) remains
    assert [(d.code, d.severity.value) for d in kehoach.check(target)] == [("KH230", "info")]


def test_starter_is_commented_for_each_section(tmp_path):
    target = tmp_path / "plan.yaml"
    CliRunner().invoke(app, ["init", str(target)])
    lines = target.read_text(encoding="utf-8").splitlines()
    commented = [line for line in lines if line.lstrip().startswith("- role:")]
    assert len(commented) == 4 and all("#" in line for line in commented)


def test_refuses_to_overwrite(tmp_path):
    target = tmp_path / "plan.yaml"
    target.write_text("giữ nguyên\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["init", str(target)])
    assert result.exit_code == 2
    assert f"{target}: KH011 tệp đã có; không ghi đè" in result.stderr
    assert target.read_text(encoding="utf-8") == "giữ nguyên\n"


def test_default_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["init"])
    assert result.exit_code == 0
    assert Path("kehoach.yaml").is_file()


def test_init_writes_the_schema_its_modeline_points_at_and_keeps_it_current(tmp_path):
    from kehoach.cli.commands.schema import schema_text

    target = tmp_path / "kehoach.yaml"
    result = CliRunner().invoke(app, ["init", str(target)])
    modeline = target.read_text(encoding="utf-8").splitlines()[0]
    schema = tmp_path / modeline.split("$schema=")[1]  # ./kehoach.schema.json, beside the plan
    assert schema.resolve() == (tmp_path / "kehoach.schema.json").resolve()
    assert schema.read_text(encoding="utf-8") == schema_text()
    assert "đã ghi" in result.stdout
    # A second plan in the folder: the schema is left as it is when current ...
    result = CliRunner().invoke(app, ["init", str(tmp_path / "other.yaml")])
    assert result.exit_code == 0 and "đã đúng phiên bản" in result.stdout
    # ... and brought up to date when an older kehoach wrote it.
    schema.write_text('{"title": "old"}\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["init", str(tmp_path / "third.yaml")])
    assert result.exit_code == 0 and "đã cập nhật" in result.stdout
    assert schema.read_text(encoding="utf-8") == schema_text()
