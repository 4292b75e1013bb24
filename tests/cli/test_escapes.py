"""Terminal escape sequences in plan text (OSC 52 writes the clipboard, CSI 2J clears the screen)
never reach a terminal raw: diagnostics show them escaped, documents leave them out."""

from __future__ import annotations

import datetime as dt
import re

from typer.testing import CliRunner

from kehoach.build import render
from kehoach.cli.main import _register, app
from kehoach.model import Plan
from tests.writers.test_text_html import DATA

_register()
runner = CliRunner()
OSC52 = "\x1b]52;c;cm0gLXJmIH4=\x07"
CLEAR = "\x1b[2J"
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")

# YAML double-quoted escapes: the file itself has no control bytes (those are KH006).
PLAN = r'''title: "Kế hoạch \e[2J thử"
"signatur\e]52;c;cm0gLXJmIH4=\a": 1
letterhead:
  date: "\e[2J\x9b"
'''


def test_text_diagnostics_show_control_characters_escaped(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    result = runner.invoke(app, ["check", str(plan)])
    assert result.exit_code == 1, result.output
    assert "KH102" in result.output and "KH103" in result.output
    assert not RAW.search(result.output.replace("\t", ""))
    assert r"signatur\x1b]52;c;cm0gLXJmIH4=\x07" in result.output
    assert r"\x1b[2J\x9b" in result.output


def test_a_file_name_with_an_escape_is_shown_escaped(tmp_path):
    plan = tmp_path / f"plan{CLEAR}.yaml"
    plan.write_text("title: x\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(plan)])
    assert CLEAR not in result.output and r"plan\x1b[2J.yaml" in result.output


def test_documents_leave_control_characters_out():
    data = {**DATA, "title": f"Phòng, chống {CLEAR}lao động{OSC52} trẻ em\x9b"}
    data["letterhead"] = {**DATA["letterhead"], "date": dt.date(2025, 11, 18)}
    plan = Plan.model_validate(data)
    for fmt in ("txt", "html"):
        text = render(plan, fmt).decode("utf-8")
        assert not RAW.search(text.replace("\t", "")), fmt
        assert "lao động" in text
