"""The Python API: kehoach.load(path) -> Plan and kehoach.check(path) -> list[Diagnostic]."""

from __future__ import annotations

from pathlib import Path

import pytest

import kehoach
import kehoach.build  # noqa: F401 - importing every layer must not shadow kehoach.load
import kehoach.compose.composer  # noqa: F401
import kehoach.source.loader  # noqa: F401
from kehoach.common.diagnostics import KehoachError
from kehoach.model import Plan

EXAMPLE = Path(__file__).parent.parent / "examples" / "003-an-giang-xkld.yaml"


def test_load_returns_the_plan_after_all_modules_are_imported():
    plan = kehoach.load(EXAMPLE)
    assert isinstance(plan, Plan)
    assert plan.letterhead.abbreviation == "UBND"
    assert plan.signature.name == "Lê Văn Phước"


def test_load_raises_located_diagnostics_for_an_invalid_plan(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(EXAMPLE.read_text(encoding="utf-8").replace("signature:", "signatur:", 1), encoding="utf-8")
    with pytest.raises(KehoachError) as caught:
        kehoach.load(bad)
    assert caught.value.exit_code == 1
    codes = {(d.code, d.path) for d in caught.value.diagnostics}
    assert ("KH102", str(bad)) in codes


def test_check_returns_findings_with_positions(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(EXAMPLE.read_text(encoding="utf-8").replace("number: \"52\"", "number: \"5\"", 1)
                    .replace("number: 52", "number: 5", 1), encoding="utf-8")
    found = [d for d in kehoach.check(plan) if d.code == "KH201"]
    assert len(found) == 1
    line = plan.read_text(encoding="utf-8").splitlines()[found[0].line - 1]
    assert "number" in line
