"""A rule's fix is one thing (issue 21 point 3): what ``kehoach rules`` says about it is what its findings
carry, and the editor's quick fix makes exactly the edit ``check --fix`` makes, for every fixable rule
(KH207 with a trailing comma and the unsafe KH102 key rename included)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pygls")

from lsprotocol import types  # noqa: E402

from kehoach.cli.lsp.analysis import analyse  # noqa: E402
from kehoach.cli.lsp.fixes import code_actions  # noqa: E402
from kehoach.lint import RULES, run_rules  # noqa: E402
from kehoach.lint.fix import plan_fixes  # noqa: E402
from kehoach.lint.rules.registry import complete_example  # noqa: E402
from kehoach.source.config import Config, find_config  # noqa: E402
from kehoach.source.loader import load_path, load_text  # noqa: E402

FIXABLE = sorted(code for code, rule in RULES.items() if rule.fix)
# Cases beyond the docstring examples: the editor once offered nothing where --fix removed a comma.
EXTRA = {
    "KH207-comma": ("KH207", "recipients:\n  items:\n    - Sở Tài chính,\n    - Sở Tư pháp\n"),
    "KH102-rename": ("KH102", "signature:\n  authority: KT\n  head_title: GIÁM ĐỐC\n  titel: PHÓ GIÁM ĐỐC\n"
                              "  name: Nguyễn Văn An\n"),
}


@pytest.fixture(autouse=True)
def _fresh_config():
    find_config.cache_clear()
    yield
    find_config.cache_clear()


def _safeties(code: str) -> set[bool]:
    """Whether each fix the rule's failing example gets is safe."""
    loaded = load_text(complete_example(RULES[code].examples[1]), "/nonexistent/plan.yaml")
    return {f.fix.safe for _, f, _ in run_rules(loaded, config=Config(select=[code])) if f.fix}


@pytest.mark.parametrize("code", sorted(RULES))
def test_a_rule_declares_the_fix_its_findings_carry(code):
    safeties = _safeties(code)
    declared = RULES[code].fix
    if declared is None:
        assert not safeties, f"{code} offers fixes: declare fix= on its @rule"
    else:
        assert safeties, f"{code} declares fix={declared!r} but its failing example gets no fix"
        expected = {"safe": {True}, "unsafe": {False}, "sometimes": {True, False}}[declared]
        assert safeties <= expected


def _editor_fixed(text: str, path: Path, code: str) -> str:
    """The buffer after applying every quick fix the editor offers on the findings of ``code``."""
    checked = analyse(text, str(path))
    wanted = [d for d in checked.diagnostics if d.code == code]
    assert wanted, f"no {code} finding in the editor"
    uri = path.as_uri()
    params = types.CodeActionParams(types.TextDocumentIdentifier(uri), wanted[0].range,
                                    types.CodeActionContext(diagnostics=wanted))
    actions = code_actions(params, text, str(path))
    edits = [edit for action in actions for edit in action.edit.changes[uri]]
    assert edits, f"the editor offers no fix for {code}"
    lines = text.split("\n")
    offsets = [0]
    for line in lines[:-1]:
        offsets.append(offsets[-1] + len(line) + 1)

    def at(position: types.Position) -> int:
        return offsets[position.line] + position.character

    for edit in sorted(edits, key=lambda e: at(e.range.start), reverse=True):
        text = text[: at(edit.range.start)] + edit.new_text + text[at(edit.range.end):]
    return text


def _cases():
    for code in FIXABLE:
        yield pytest.param(code, RULES[code].examples[1], id=code)
    for name, (code, fragment) in EXTRA.items():
        yield pytest.param(code, fragment, id=name)


@pytest.mark.parametrize(("code", "fragment"), list(_cases()))
def test_the_editor_fixes_as_check_fix_does(code, fragment, tmp_path):
    path = tmp_path / "plan.yaml"
    text = complete_example(fragment)
    path.write_text(text, encoding="utf-8")
    (tmp_path / "kehoach.toml").write_text(f'select = ["{code}"]\n', encoding="utf-8")  # this rule's fixes only
    result = plan_fixes(load_path(path), unsafe=True, config=find_config(tmp_path))
    assert result.fixed is not None, f"check --fix changes nothing for {code}"
    assert _editor_fixed(text, path, code) == result.fixed.decode("utf-8")


def test_the_comma_case_is_a_finding_with_a_fix():
    loaded = load_text(complete_example(EXTRA["KH207-comma"][1]), "/nonexistent/plan.yaml")
    (finding,) = [f for _, f, _ in run_rules(loaded, config=Config(select=["KH207"]))]
    assert (finding.fix.old, finding.fix.new) == ("Sở Tài chính,", "Sở Tài chính")


@pytest.mark.parametrize("code", FIXABLE)
def test_the_fixed_example_is_what_check_fix_makes_of_the_failing_one(code, tmp_path):
    rule = RULES[code]
    assert rule.fixed_example, f"{code} fixes: its docstring shows the failing example fixed under Fixed:"
    failing = rule.examples[1]
    path = tmp_path / "plan.yaml"
    path.write_text(complete_example(failing), encoding="utf-8")
    (tmp_path / "kehoach.toml").write_text(f'select = ["{code}"]\n', encoding="utf-8")
    result = plan_fixes(load_path(path), unsafe=True, config=find_config(tmp_path))
    assert result.fixed.decode("utf-8") == complete_example(rule.fixed_example)
    fixed = load_text(complete_example(rule.fixed_example), "/nonexistent/plan.yaml")
    assert not [f for _, f, _ in run_rules(fixed, config=Config(select=[code])) if f.fix]  # nothing left to fix


def test_a_rule_without_a_fix_shows_no_fixed_example():
    assert all(rule.fixed_example is None for rule in RULES.values() if not rule.fix)
