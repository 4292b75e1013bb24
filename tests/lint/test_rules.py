"""Every rule's docstring examples: the Passes example has no finding of that code, Fails has one."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach.lint.config import Config
from kehoach.source.loader import load_path
from kehoach.lint import RULES, lint
from kehoach.lint.rules.registry import BASE_EXAMPLE, complete_example


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


# --------------------------------------------------------------------------------------------
# The text scanners behind the rules, on the forms the decree and the seeds use
# --------------------------------------------------------------------------------------------

from kehoach.lint.rules.citations import _typo  # noqa: E402
from kehoach.lint.rules.dates import wrong_dates  # noqa: E402
from kehoach.lint.rules.signature import KNOWN_TITLES, suggest_title  # noqa: E402
from kehoach.lint.rules.text import MOJIBAKE, _garbled, fold_tones, tone_words  # noqa: E402


@pytest.mark.parametrize("text, expected", [
    ("ngày 05 tháng 03 năm 2024", [("ngày 05 tháng 03", "ngày 05 tháng 3")]),
    ("Ngày 5 tháng 1 năm 2020", [("Ngày 5 tháng 1", "Ngày 05 tháng 01")]),
    ("ngày 4/8/2021", [("4/8/2021", "04/8/2021")]),
    ("Tháng 03/2024", [("Tháng 03/2024", "Tháng 3/2024")]),
    ("trước ngày 5/11", [("ngày 5/11", "ngày 05/11")]),
    ("ngày 04 tháng 8 năm 2021, ngày 15 tháng 02 năm 2024, 04/8/2021, 12/7/2021", []),
    ("Nghị định số 30/2020/NĐ-CP; Quý I/2025; trong 3 tháng 03 ngày; hoàn thành trong tháng 8/2021", []),
])
def test_wrong_dates(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(written, fixed) for _, written, fixed in wrong_dates(text)] == expected


def test_tone_styles_and_folding() -> None:
    text = "Uỷ ban hoà giải, thuỷ lợi, quý, hoàn thành; hòa nhập, thủy sản, Ủy ban, CỘNG HÒA"
    old, new = tone_words(text)
    assert [w for _, w in new] == ["Uỷ", "hoà", "thuỷ"]
    assert [w for _, w in old] == ["hòa", "thủy", "Ủy", "HÒA"]
    assert fold_tones("Uỷ ban hoà giải thuỷ lợi quý khoẻ") == "Ủy ban hòa giải thủy lợi quý khỏe"


@pytest.mark.parametrize("text, garbled", [
    ("KÕ ho¹ch", True), ("Keá hoaïch", True), ("Káº¿ hoáº¡ch", True), ("Kế hoạch © 2024", False),
])
def test_mojibake(text: str, garbled: bool) -> None:
    assert any(_garbled(text, m) for m in MOJIBAKE.finditer(text)) is garbled


def test_citation_number_typos_and_title_suggestions() -> None:
    assert _typo("217", "2178") and _typo("2178", "2187") and _typo("2178", "2179")
    assert not _typo("124", "1251") and not _typo("2178", "2178")
    assert suggest_title("THỊ TRƯỞNG", KNOWN_TITLES, prefer_deputy=True) == "THỨ TRƯỞNG"
    assert suggest_title("PHÓ CHỦ TICH", KNOWN_TITLES, prefer_deputy=True) == "PHÓ CHỦ TỊCH"
    assert suggest_title("KẾ TOÁN", KNOWN_TITLES, prefer_deputy=False) is None


# --------------------------------------------------------------------------------------------
# `kehoach rules`
# --------------------------------------------------------------------------------------------

from typer.testing import CliRunner  # noqa: E402

from kehoach.cli.main import _register, app  # noqa: E402
from kehoach.common.i18n import set_lang  # noqa: E402

_register()


def test_rules_command_lists_every_rule() -> None:
    result = CliRunner().invoke(app, ["rules"], env={"COLUMNS": "250"})
    assert result.exit_code == 0
    for code, rule in RULES.items():
        row = next(line for line in result.output.splitlines() if f" {code} " in line)
        assert rule.name in row and rule.severity.value in row and rule.locator in row


def test_rules_command_explains_one_with_its_examples() -> None:
    try:
        result = CliRunner().invoke(app, ["--lang", "en", "rules", "kh206"], env={"COLUMNS": "250"})
    finally:
        set_lang("vi")  # the option sets the process's language: restore it for the other tests
    assert result.exit_code == 0
    out = result.output
    assert out.startswith("KH206 known-title (warning) — unknown signer title")
    assert "Enforces: NĐ 30, Phụ lục I, Mục II.7; Điều 13" in out
    passes, fails = out.index("Passes:"), out.index("Fails:")
    assert "title: THỨ TRƯỞNG" in out[passes:fails] and "title: THỊ TRƯỞNG" in out[fails:]


def test_rules_command_unknown_code_exits_2() -> None:
    result = CliRunner().invoke(app, ["rules", "KH999"])
    assert result.exit_code == 2 and "KH999" in result.output


def test_batch_template_placeholders_are_checked_per_unit_not_in_the_template(tmp_path: Path) -> None:
    text = complete_example("""\
letterhead:
  issuer: "{{ unit.issuer | upper }}"
  abbreviation: "{{ unit.abbreviation | default('UBND') }}"
  number: "{{ unit.number }}"
  place: "{{ unit.place }}"
signature:
  title: "{{ unit.title | upper }}"
  name: "{{ unit.leader }}"
""")
    assert _lint_text(tmp_path, text) == []


@pytest.mark.parametrize("recipients, missing", [
    (["Sở Tài chính", "Công an tỉnh", "UBND các huyện, thị xã, thành phố"], []),
    (["Như trên"], []),
    (["Như Mục II"], []),  # the assignments section is the second
    ([{"name": "Các sở, ngành liên quan", "ref": "to-chuc"}], []),
    (["Sở, ban, ngành, đoàn thể tỉnh", "UBND huyện, thị xã, thành phố"], []),  # generic group (seed 003)
    (["Sở Tài chính"], ["Công an tỉnh", "Ủy ban nhân dân các huyện, thị xã, thành phố"]),
    (["Như Mục I"], ["Sở Tài chính", "Công an tỉnh", "Ủy ban nhân dân các huyện, thị xã, thành phố"]),
])
def test_bodies_with_duties_reach_the_recipients(tmp_path: Path, recipients: list, missing: list[str]) -> None:
    import json

    text = complete_example(f"""\
sections:
  - role: purpose
    items: [Nâng cao nhận thức.]
  - role: assignments
    id: to-chuc
    items:
      - {{body: Sở Tài chính, text: Bố trí kinh phí.}}
      - {{body: Công an tỉnh, text: Phối hợp.}}
      - body: Ủy ban nhân dân các huyện, thị xã, thành phố
        text: Triển khai.
recipients:
  items: {json.dumps(recipients, ensure_ascii=False)}
""")
    found = [d for d in _lint_text(tmp_path, text) if d.code == "KH402"]
    assert [d.message.split("'")[1] for d in found] == missing


# --------------------------------------------------------------------------------------------
# Hostile text: every rule survives it and every finding is located
# --------------------------------------------------------------------------------------------

import json  # noqa: E402
import unicodedata  # noqa: E402

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = st.sampled_from(["ngày", "tháng", "năm", "Công văn số", "/", "-", "–", "Sở", "Ủy ban nhân dân", "hoà",
                           "hòa", "5", "05", "12", "2021", "QĐ-TTg", "Như Mục", "IV", "Lưu:", ";", ".", "{{", "KÕ"])
# NFC text only: the loader normalises before any rule runs (and reading non-NFC input is the
# loader's own test's business).
_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=14).map(" ".join).filter(
    lambda text: unicodedata.is_normalized("NFC", text))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(paragraphs=st.lists(_TEXT, max_size=4), title=_TEXT, number=_TEXT, recipient=_TEXT, label=_TEXT)
def test_rules_survive_hostile_text(tmp_path: Path, paragraphs: list[str], title: str, number: str,
                                    recipient: str, label: str) -> None:
    plan = {
        "letterhead": {"issuer": "SỞ TƯ PHÁP", "abbreviation": "STP", "place": "An Giang", "number": number or None},
        "title": title.strip() or "Kế hoạch",
        "period": {"start": 2021, "end": 2025},
        "preamble": {"paragraphs": paragraphs},
        "sections": [{"heading": title.strip() or "MỤC", "label": label.strip() or None,
                      "items": [{"text": paragraphs or ["x"], "deadline": title or None, "lead": recipient or None}]},
                     {"role": "assignments", "items": [{"body": recipient.strip() or "Sở Tư pháp", "text": "Chủ trì."}]}],
        "signature": {"authority": "KT", "head_title": "GIÁM ĐỐC", "title": title.strip() or "PHÓ GIÁM ĐỐC",
                      "name": "Nguyễn Văn An"},
        "recipients": {"items": [recipient.strip() or "Sở Tư pháp"], "archive": {"units": ["VT"]}},
    }
    path = tmp_path / "hostile.yaml"
    path.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    loaded = load_path(path)
    if loaded.plan is None:
        return  # the schema refused it: not the rules' business
    for diag in lint(loaded, config=Config()):
        assert diag.code in RULES and diag.line is not None and diag.col is not None


def test_letterhead_break_is_suggested_before_the_administrative_unit() -> None:
    from kehoach.lint.rules.letterhead import suggested_break
    from kehoach.common.textwidth import letterhead_column_cm, letterhead_line_cm

    assert suggested_break("ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU", bold=True) == (
        "ỦY BAN NHÂN DÂN", "TỈNH BÀ RỊA - VŨNG TÀU")
    assert suggested_break("Ủy ban nhân dân xã Tân Phú Đông", bold=True) == ("Ủy ban nhân dân", "xã Tân Phú Đông")
    # "XÃ HỘI" belongs to the ministry's name: no commune to break before
    assert suggested_break("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", bold=True) is None
    # the widths behind the finding: one line too wide, each half of the suggestion fits
    assert letterhead_line_cm("ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU", bold=True) > letterhead_column_cm()
    assert letterhead_line_cm("TỈNH BÀ RỊA - VŨNG TÀU", bold=True) <= letterhead_column_cm()


def test_families_are_registered_from_their_explicit_list():
    import ast
    from pathlib import Path

    from kehoach.lint.rules import FAMILIES

    folder = Path(__file__).parents[2] / "src" / "kehoach" / "lint" / "rules"
    modules = {p.stem for p in folder.glob("*.py")
               if any(isinstance(d, ast.Call) and getattr(d.func, "id", "") == "rule"
                      for node in ast.walk(ast.parse(p.read_text("utf-8"))) if isinstance(node, ast.FunctionDef)
                      for d in node.decorator_list)}
    assert set(FAMILIES) == modules
    from kehoach.lint import RULES

    assert {rule.check.__module__.rsplit(".", 1)[1] for rule in RULES.values()} == set(FAMILIES)
