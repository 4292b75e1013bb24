"""``kehoach check``: messages, locations, exit codes and the four output formats."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from kehoach.cli.main import _register, app
from kehoach.common.diagnostics import Diagnostic, Severity
from kehoach.cli.report import format_text

FIXTURES = Path(__file__).parents[1] / "fixtures"
BAD = FIXTURES / "bad"
PLAN_PATH = FIXTURES / "minimal_plan.yaml"
PLAN = PLAN_PATH.read_text(encoding="utf-8")
SARIF_SCHEMA = json.loads((FIXTURES / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))

_register()


def check(*args: str | Path):
    result = CliRunner().invoke(app, [str(a) for a in args])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def test_clean_plan_exits_0():
    result = check("check", PLAN_PATH)
    assert result.exit_code == 0
    assert result.stdout == "1 tệp: không có lỗi.\n"


def test_finding_shows_location_line_and_caret():
    result = check("check", BAD / "unknown_key.yaml")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == f"{BAD / 'unknown_key.yaml'}:33:1: KH102 khóa `signatur` không hợp lệ; có phải ý bạn là `signature`?"
    assert lines[1] == "   33 | signatur:"
    assert lines[2] == "      | ^"
    assert lines[3] == "1 tệp: 1 lỗi, 0 cảnh báo, 0 ghi chú."
    assert "\x1b[" not in result.stdout  # not a terminal: no colour codes


def test_caret_sits_under_the_column():
    result = check("check", BAD / "tab_indent.yaml")
    source, caret = result.stdout.splitlines()[1:3]
    assert caret.index("^") == source.index("|") + 2 + 0  # column 1


def test_colour_on_a_terminal():
    diag = Diagnostic("KH102", "x", Severity.error, "p.yaml", 1, 3, "a: b")
    coloured = format_text([diag], ["p.yaml"], color=True)
    assert "\x1b[" in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == format_text([diag], ["p.yaml"], color=False)


@pytest.mark.parametrize("name, code, line, col, exit_code, words", [
    ("invalid_yaml.yaml", "KH001", 3, 8, 2, "YAML không hợp lệ"),
    ("duplicate_key.yaml", "KH002", 9, 1, 2, "khóa `title` bị lặp lại"),
    ("alias_bomb.yaml", "KH003", 1, 28, 2, "alias bomb"),
    ("binary.yaml", "KH006", 2, 12, 2, "dữ liệu nhị phân"),
    ("cp1258.yaml", "KH007", 2, 18, 2, "bảng mã Windows-1258"),
    ("tcvn3.yaml", "KH007", 1, 9, 2, "bảng mã TCVN3"),
    ("vni.yaml", "KH007", 1, 10, 2, "bảng mã VNI"),
    ("tab_indent.yaml", "KH008", 3, 1, 2, "tab"),
    ("unknown_key.yaml", "KH102", 33, 1, 1, "có phải ý bạn là `signature`?"),
    ("missing_field.yaml", "KH101", 33, 1, 1, "thiếu trường bắt buộc `signature.name`"),
])
def test_bad_inputs(name, code, line, col, exit_code, words):
    result = check("check", BAD / name)
    assert result.exit_code == exit_code
    first = result.stdout.splitlines()[0]
    assert first.startswith(f"{BAD / name}:{line}:{col}: {code} ")
    assert words in first


def test_deep_nesting_and_huge_file(tmp_path):
    deep = tmp_path / "deep.yaml"
    deep.write_text("a: " + "[" * 10_000 + "]" * 10_000 + "\n")
    huge = tmp_path / "huge.yaml"
    huge.write_bytes(b"a: " + b"x" * (6 * 1024 * 1024) + b"\n")
    result = check("check", "--format", "json", deep, huge)
    assert result.exit_code == 2
    found = [(d["code"], d["line"]) for d in json.loads(result.stdout)["diagnostics"]]
    assert found == [("KH004", 1), ("KH005", None)]


def test_bom_is_accepted_and_nfd_note_never_fails():
    assert check("check", BAD / "bom.yaml").exit_code == 0
    result = check("check", "--strict", BAD / "nfd.yaml")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"{BAD / 'nfd.yaml'}:8:10: KH009 ")


def test_strict_fails_on_warnings(tmp_path):
    path = tmp_path / "plan.yaml"
    # The focal agency is no longer among the recipients: a warning (KH402), not an error.
    path.write_text(PLAN.replace("    - Sở Lao động - Thương binh và Xã hội\n", ""), encoding="utf-8")
    relaxed = check("check", "--format", "json", path)
    assert relaxed.exit_code == 0
    assert [d["severity"] for d in json.loads(relaxed.stdout)["diagnostics"]] == ["warning"]
    assert check("check", "--strict", path).exit_code == 1


def test_folders_are_searched_recursively(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    (tmp_path / "a" / "good.yaml").write_text(PLAN, encoding="utf-8")
    (tmp_path / "a" / "b" / "bad.yml").write_text(PLAN.replace("signature:", "signatur:"), encoding="utf-8")
    (tmp_path / "a" / "notes.txt").write_text("signatur: x")
    (tmp_path / ".git" / "hidden.yaml").write_text("{")
    result = check("check", "--format", "json", tmp_path)
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["summary"] == {"files": 2, "errors": 1, "warnings": 0, "info": 0}
    assert [(d["path"], d["line"], d["code"]) for d in report["diagnostics"]] == [
        (str(tmp_path / "a" / "b" / "bad.yml"), 33, "KH102")]


def test_force_exclude_filters_named_files_like_a_folder_search(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "ci.yml").write_text("on: [push]\njobs: {}\n", encoding="utf-8")
    (tmp_path / ".pre-commit-config.yaml").write_text("repos: []\n", encoding="utf-8")
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    named = ["plan.yaml", ".github/workflows/ci.yml", ".pre-commit-config.yaml"]
    assert check("check", *named).exit_code == 1  # named files are always checked: not plans
    forced = check("check", "--force-exclude", "--format", "json", *named)
    assert forced.exit_code == 0, forced.stdout
    assert json.loads(forced.stdout)["summary"]["files"] == 1
    nothing = check("check", "--force-exclude", ".pre-commit-config.yaml")
    assert (nothing.exit_code, nothing.stdout) == (0, "0 tệp: không có lỗi.\n")


def test_empty_folder_and_missing_path_exit_2(tmp_path):
    result = check("check", tmp_path, tmp_path / "nothing.yaml")
    assert result.exit_code == 2
    assert f"{tmp_path}: KH010 thư mục không có tệp kế hoạch nào" in result.stdout
    assert f"{tmp_path / 'nothing.yaml'}: KH010 không tìm thấy tệp" in result.stdout


def test_unreadable_input_wins_over_findings():
    result = check("check", BAD / "unknown_key.yaml", BAD / "binary.yaml")
    assert result.exit_code == 2


def test_english():
    result = check("--lang", "en", "check", BAD / "missing_field.yaml")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0].endswith("KH101 missing required field `signature.name`")
    assert result.stdout.splitlines()[-1] == "1 file(s): 1 error(s), 0 warning(s), 0 note(s)."


def test_json_format_is_stable():
    result = check("check", "--format", "json", BAD / "unknown_key.yaml", PLAN_PATH)
    assert json.loads(result.stdout) == {
        "version": 1,
        "diagnostics": [{
            "path": str(BAD / "unknown_key.yaml"), "line": 33, "col": 1, "code": "KH102", "severity": "error",
            "message": "khóa `signatur` không hợp lệ; có phải ý bạn là `signature`?",
        }],
        "summary": {"files": 2, "errors": 1, "warnings": 0, "info": 0},
    }


def test_github_workflow_commands(tmp_path):
    result = check("check", "--output-format", "github", BAD / "unknown_key.yaml", BAD / "nfd.yaml")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"::notice file={BAD / 'nfd.yaml'},line=8,col=10,title=KH009::văn bản ở dạng tổ hợp (NFD) đã được "
        "chuẩn hóa sang dạng dựng sẵn (NFC)",
        f"::error file={BAD / 'unknown_key.yaml'},line=33,col=1,title=KH102::khóa `signatur` không hợp lệ; "
        "có phải ý bạn là `signature`?",
    ]


def test_sarif_validates_against_the_official_schema(tmp_path):
    out = tmp_path / "out" / "kehoach.sarif"
    result = check("check", "--format", "text", "--output-format", f"sarif={out}",
                   BAD / "unknown_key.yaml", BAD / "nfd.yaml", BAD / "binary.yaml")
    assert result.exit_code == 2
    assert "KH102" in result.stdout  # --format still goes to the screen
    sarif = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(sarif)
    run = sarif["runs"][0]
    assert run["tool"]["driver"]["name"] == "kehoach"
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["KH006", "KH009", "KH102"]
    assert [(r["ruleId"], r["level"]) for r in run["results"]] == [
        ("KH006", "error"), ("KH009", "note"), ("KH102", "error")]
    region = run["results"][2]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (33, 1)


def test_sarif_with_no_findings_is_valid():
    result = check("check", "--output-format", "sarif", PLAN_PATH)
    assert result.exit_code == 0
    sarif = json.loads(result.stdout)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(sarif)
    assert sarif["runs"][0]["results"] == []


def test_output_never_overwrites_an_input(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    result = check("check", "--output-format", f"json={plan}", plan)
    assert result.exit_code == 2
    assert "KH011" in result.stderr
    assert plan.read_text(encoding="utf-8") == PLAN


@pytest.mark.parametrize("args", [
    ["--format", "xml"],
    ["--output-format", "xml"],
    ["--output-format", "json="],
])
def test_usage_errors_exit_2(args):
    result = check("check", *args, PLAN_PATH)
    assert result.exit_code == 2


def test_unexpected_exception_is_kh000_not_a_traceback(monkeypatch):
    import kehoach.lint

    def broken(loaded, **_):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(kehoach.lint, "lint", broken)
    result = check("check", PLAN_PATH)
    assert result.exit_code == 2
    assert result.stdout.startswith(f"{PLAN_PATH}: KH000 lỗi nội bộ của kehoach (ZeroDivisionError: division by zero)")


def test_coverage_is_printed():
    result = check("check", "--coverage", "--profile", "ldte-2021", PLAN_PATH)
    assert result.exit_code == 1  # the profile asks for solution groups the plan lacks
    coverage = result.stdout.split("\n\n", 1)[1]
    assert coverage.startswith(f"{PLAN_PATH}\n")
    assert "ldte-2021" in coverage
    as_json = check("check", "--format", "json", "--coverage", "--profile", "ldte-2021", PLAN_PATH)
    assert list(json.loads(as_json.stdout)["coverage"]) == [str(PLAN_PATH)]


def test_unknown_profile_for_coverage_exits_2():
    result = check("check", "--coverage", "--profile", "no-such-profile", PLAN_PATH)
    assert result.exit_code == 2
    assert "no-such-profile" in result.stdout


# --------------------------------------------------------------------------------------------
# Property: whatever the bytes, a located result and an exit code, never a traceback
# --------------------------------------------------------------------------------------------

YAMLISH = st.text(alphabet=st.sampled_from(list("abcdeđếệ: -[]{}&*!|>'\"#\n\t,?%@`0123456789.\u0301\ufeff")),
                  max_size=200)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(max_size=300), YAMLISH.map(lambda t: t.encode("utf-8")),
                      st.sampled_from([PLAN]).map(lambda t: t.encode("utf-8"))))
def test_random_input_never_crashes(tmp_path, data):
    path = tmp_path / "random.yaml"
    path.write_bytes(data)
    result = check("check", "--format", "json", path)
    assert result.exit_code in (0, 1, 2)
    report = json.loads(result.stdout)
    assert all(d["path"] == str(path) and d["code"] != "KH000" for d in report["diagnostics"])
    if result.exit_code == 0:
        assert all(d["severity"] != "error" for d in report["diagnostics"])


def test_a_folder_without_plans_is_a_warning_with_exit_0(tmp_path):
    (tmp_path / "ci.yaml").write_text("on: push\n", encoding="utf-8")
    for strict in ((), ("--strict",)):
        result = check("check", *strict, tmp_path)
        assert result.exit_code == 0, result.stdout
        assert f"{tmp_path}: KH010 thư mục không có tệp kế hoạch nào" in result.stdout


def _mistakes(tmp_path: Path) -> Path:
    """A plan with an error (KH202, a Quyết định's ký hiệu on a plan), a warning about its number
    (KH201, no leading zero) and a warning (KH303, a lower-case agency)."""
    from kehoach.lint.rules.registry import complete_example

    plan = tmp_path / "plan.yaml"
    plan.write_text(complete_example(
        "letterhead:\n  issuer: SỞ TƯ PHÁP\n  abbreviation: STP\n  number: 5\n  symbol: QĐ-STP\n  place: An Giang\n"
        "  date: 2024-03-05\n"
        "preamble:\n  paragraphs:\n    - Giao sở tài chính bố trí kinh phí.\n"), encoding="utf-8")
    return plan


def _codes_of(result) -> set[str]:
    return {d["code"] for d in json.loads(result.stdout)["diagnostics"]}


def test_select_ignore_and_extend_select_on_the_command_line(tmp_path):
    plan = _mistakes(tmp_path)
    assert {"KH201", "KH303"} <= _codes_of(check("check", "--format", "json", plan))
    assert _codes_of(check("check", "--format", "json", "--select", "KH201", plan)) == {"KH201"}
    ignored = check("check", "--format", "json", "--ignore", "KH2", "--ignore", "KH1,KH4", plan)
    assert ignored.exit_code == 0 and "KH201" not in _codes_of(ignored) and "KH303" in _codes_of(ignored)
    (tmp_path / "kehoach.toml").write_text('select = ["KH2"]\n', encoding="utf-8")
    from kehoach.source.config import find_config

    find_config.cache_clear()
    assert "KH303" not in _codes_of(check("check", "--format", "json", plan))
    assert "KH303" in _codes_of(check("check", "--format", "json", "--extend-select", "kh303", plan))
    find_config.cache_clear()


def test_build_takes_the_selection_too(tmp_path):
    plan = _mistakes(tmp_path)
    assert check("build", plan, "-o", tmp_path / "out.txt").exit_code == 1
    assert check("build", "--ignore", "KH201", plan, "-o", tmp_path / "out.txt").exit_code == 1  # a warning
    result = check("build", "--ignore", "KH202", plan, "-o", tmp_path / "out.txt")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out.txt").is_file()


def test_a_selection_that_names_no_rule_is_a_usage_error(tmp_path):
    plan = _mistakes(tmp_path)
    for option in ("--select", "--extend-select", "--ignore"):
        result = check("check", option, "KH2O1", plan)
        assert result.exit_code == 2, result.output
        assert "KH2O1" in result.output
    assert check("check", "--select", "kh2", plan).exit_code == 1  # a prefix, in any case


def test_build_issues_a_real_office_plan_whose_own_text_has_mistakes_and_check_reports_them(tmp_path):
    """A real decision (Thái Nguyên 07/2025/QĐ-UBND, dated 10/9/2025) whose Phụ lục writes its own
    date "tháng 09" and, once, 12/9 instead of 10/9 (issue 22): the author's own text, printed as
    typed, so `build` writes the document and `check` still reports both, as warnings."""
    from kehoach.lint.rules.registry import complete_example

    plan = tmp_path / "plan.yaml"
    plan.write_text(complete_example(
        "letterhead:\n  issuer: ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN\n  abbreviation: UBND\n  number: \"07\"\n"
        "  place: Thái Nguyên\n  date: 2025-09-10\n"
        "preamble:\n  paragraphs:\n"
        "    - (Kèm theo Quyết định số 07/2025/QĐ-UBND ngày 10 tháng 09 năm 2025 của UBND tỉnh Thái Nguyên)\n"
        "    - (Kèm theo Quyết định số 07/2025/QĐ-UBND ngày 12 tháng 9 năm 2025 của UBND tỉnh Thái Nguyên)\n"),
        encoding="utf-8")
    built = check("build", plan, "-o", tmp_path / "out.txt")
    assert built.exit_code == 0, built.output
    assert "tháng 09 năm 2025" in (tmp_path / "out.txt").read_text(encoding="utf-8")  # printed as typed
    found = json.loads(check("check", "--format", "json", plan).stdout)["diagnostics"]
    severities = {d["code"]: d["severity"] for d in found}
    assert severities.get("KH203") == "warning" and severities.get("KH405") == "warning", found
    assert "error" not in severities.values(), found
