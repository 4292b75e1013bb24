"""The fix engine (lint/fix.py): edits land on the words the rule found, never on a file that changed
since it was read, and never when the result would not read back with the same structure."""

from __future__ import annotations

import shutil
from pathlib import Path

from kehoach.lint import fix
from kehoach.lint.fix import plan_fixes, write_fixed
from kehoach.lint.rules.registry import complete_example
from kehoach.source.loader import load_path

FIX = Path(__file__).parents[1] / "fixtures" / "fix"


def test_a_file_changed_during_the_run_is_not_overwritten(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    shutil.copyfile(FIX / "plan.yaml", plan)
    result = plan_fixes(load_path(plan))
    assert result.fixed is not None
    edited = plan.read_bytes().replace(b"title: ", b"title:  ")  # the author saves meanwhile
    plan.write_bytes(edited)
    problem = write_fixed(result)
    assert problem is not None and problem.code == "KH013"
    assert plan.read_bytes() == edited


def test_only_the_reported_occurrence_changes(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    # "hoà" twice in the minority style, "hòa" once in a name of the official list would not count
    plan.write_text(complete_example("""\
title: Về văn hóa, thủy lợi và hòa giải
preamble:
  paragraphs:
    - Kế hoạch hoà nhập, hoà giải ở cơ sở; thủy sản, văn hóa.  # two words to respell
"""), encoding="utf-8")
    result = plan_fixes(load_path(plan))
    assert result.applied == ["KH302", "KH302"]
    assert "Kế hoạch hòa nhập, hòa giải ở cơ sở; thủy sản, văn hóa.  # two words to respell" \
        in result.fixed.decode("utf-8")


def test_a_fix_that_would_change_the_structure_is_not_written(tmp_path: Path, monkeypatch) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(complete_example("recipients:\n  items:\n    - Sở Tư pháp;\n"), encoding="utf-8")
    text = plan.read_text(encoding="utf-8")
    at = text.index("Sở Tư pháp;")
    # an edit that would turn the recipient's text into a mapping ("Sở: Tư pháp")
    monkeypatch.setattr(fix, "_rule_edits", lambda *args: [fix.Edit(at + 2, at + 2, ":", "KH207")])
    result = fix.plan_fixes(load_path(plan))
    assert result.fixed is None and [p.code for p in result.problems] == ["KH014"]
