"""Every rule's docstring examples: the Passes example has no finding of that code, Fails has one."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach.config import Config
from kehoach.load import load_path
from kehoach.rules import RULES, lint
from kehoach.rules.registry import BASE_EXAMPLE, complete_example


def _lint_text(tmp_path: Path, text: str) -> list:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    loaded = load_path(path)
    assert loaded.plan is not None, [str(d) for d in loaded.diagnostics]
    return lint(loaded, config=Config())


def test_base_example_passes_every_rule(tmp_path: Path) -> None:
    assert _lint_text(tmp_path, "".join(BASE_EXAMPLE.values())) == []


@pytest.mark.parametrize("code", sorted(RULES))
def test_passing_example(code: str, tmp_path: Path) -> None:
    passing, _ = RULES[code].examples
    found = [d for d in _lint_text(tmp_path, complete_example(passing)) if d.code == code]
    assert found == []


@pytest.mark.parametrize("code", sorted(RULES))
def test_failing_example(code: str, tmp_path: Path) -> None:
    _, failing = RULES[code].examples
    text = complete_example(failing)
    found = [d for d in _lint_text(tmp_path, text) if d.code == code]
    assert found, f"{code} did not fire on its Fails example"
    # located inside the example, on a line that belongs to it
    example_lines = failing.count("\n") + 1
    assert all(d.line is not None and 1 <= d.line <= example_lines for d in found), [str(d) for d in found]
    assert all(d.severity is RULES[code].severity for d in found)


def test_every_rule_documents_locator_and_summary() -> None:
    for code, rule in RULES.items():
        assert rule.locator and rule.summary[0] and rule.summary[1], code
        assert rule.explanation and "Passes:" not in rule.explanation, code
