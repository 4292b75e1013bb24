"""Appendix profiles: the shipped files, selection, coverage, and the profile rules on real plans."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach.lint.config import Config, find_config
from kehoach.common.diagnostics import KehoachError
from kehoach.source.loader import load_path
from kehoach.lint.profiles import UnknownProfile, available, coverage, load, profiles_dir, select
from kehoach.lint import lint

SEED_000_GROUPS = {  # seed 000, appendix point 3: the six solution groups, in order
    "policy": "Rà soát, hoàn thiện chính sách",
    "communication": "Truyền thông, giáo dục, vận động xã hội",
    "capacity": "Nâng cao năng lực",
    "intervention": "Tăng cường phòng ngừa, phát hiện, hỗ trợ, can thiệp",
    "models": "Xây dựng và triển khai các mô hình",
    "integration": "Lồng ghép mục tiêu, nhiệm vụ, giải pháp",
}

PLAN = """\
profile: ldte-2021
letterhead: {{issuer: [SỞ LAO ĐỘNG - THƯƠNG BINH, VÀ XÃ HỘI], abbreviation: SLĐTBXH, place: Kiên Giang}}
title: Phòng, chống lao động trẻ em
period: {{start: 2021, end: 2025, outlook: 2030}}
sections:
  - role: situation
    text: Năm 2020 có 120 trẻ em lao động.
  - role: goals
    text: Mục tiêu hằng năm giảm số trẻ em lao động.
    items:
      - {{indicator: Tỷ lệ trẻ em được hỗ trợ, milestones: {{2025: 90%, 2030: 95%}}}}
  - role: solutions
    lead: Sở Lao động - Thương binh và Xã hội
    items:
      - {{text: Rà soát chính sách., covers: [policy]}}
      - {{text: Truyền thông., covers: [communication, capacity]}}
{extra_tasks}
  - role: assignments
    items:
      - {{body: Sở Lao động - Thương binh và Xã hội, focal: true, text: Đầu mối; báo cáo hằng năm trước ngày 25/11.}}
signature: {{authority: KT, head_title: GIÁM ĐỐC, title: PHÓ GIÁM ĐỐC, name: Nguyễn Văn An}}
recipients:
  items: [Sở Lao động - Thương binh và Xã hội]
"""
ALL_GROUPS = "      - {text: Can thiệp; mô hình; lồng ghép., covers: [intervention, models, integration]}"


def _write(tmp_path: Path, text: str, name: str = "plan.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_profiles_validate_and_ldte_follows_seed_000() -> None:
    assert {"ldte-2021", "ke-hoach"} <= set(available())
    ldte = load("ldte-2021")
    assert {g.id: g.title for g in ldte.groups} == SEED_000_GROUPS
    assert [g.id for g in ldte.groups] == list(SEED_000_GROUPS)
    assert ldte.sections == ["situation", "goals", "solutions", "assignments"]
    assert (ldte.targets.annual, ldte.targets.years, ldte.targets.outlook) == (True, [2025], 2030)
    assert ldte.focal_required and ldte.lead_required
    assert (ldte.report.due_day, ldte.report.due_month) == (25, 11)
    generic = load("ke-hoach")
    assert generic.sections == ["purpose", "solutions|content", "assignments"] and generic.groups == []
    assert profiles_dir().name == "profiles" and (profiles_dir() / "ldte-2021.yaml").is_file()


def test_complete_plan_is_clean_and_coverage_lists_every_group(tmp_path: Path) -> None:
    loaded = load_path(_write(tmp_path, PLAN.format(extra_tasks=ALL_GROUPS)))
    assert loaded.diagnostics == []
    assert lint(loaded, config=Config()) == []
    result = coverage(loaded)
    data = result.to_dict()
    assert data["profile"] == "ldte-2021" and data["uncovered"] == []
    assert {g["id"]: g["tasks"] for g in data["groups"]} == {
        "policy": ["III.1"], "communication": ["III.2"], "capacity": ["III.2"],
        "intervention": ["III.3"], "models": ["III.3"], "integration": ["III.3"]}
    assert "✓ capacity — Nâng cao năng lực: III.2" in result.render_text()


def test_uncovered_groups_are_reported_and_rendered(tmp_path: Path) -> None:
    path = _write(tmp_path, PLAN.format(extra_tasks=""))
    loaded = load_path(path)
    uncovered = [d for d in lint(loaded, config=Config()) if d.code == "KH112"]
    assert [d.message.split("`")[1] for d in uncovered] == ["intervention", "models", "integration"]
    solutions_line = path.read_text(encoding="utf-8").splitlines().index("  - role: solutions") + 1
    assert {d.line for d in uncovered} == {solutions_line}
    result = coverage(loaded)
    assert [g.id for g in result.uncovered] == ["intervention", "models", "integration"]
    text = result.render_text()
    assert "✗ models — Xây dựng và triển khai các mô hình" in text
    assert text.splitlines()[-1].endswith("intervention, models, integration")


def test_profile_argument_overrides_the_plan_and_unknown_name_is_located(tmp_path: Path) -> None:
    path = _write(tmp_path, PLAN.format(extra_tasks=ALL_GROUPS).replace("profile: ldte-2021", "profile: ldte-2012"))
    loaded = load_path(path)
    [unknown] = lint(loaded, config=Config())
    assert (unknown.code, unknown.line, unknown.col) == ("KH100", 1, 1) and "ldte-2012" in unknown.message
    # the argument wins: the generic profile wants a purpose section, which this plan lacks
    codes = {d.code for d in lint(loaded, profile="ke-hoach", config=Config())}
    assert codes == {"KH110"}
    with pytest.raises(UnknownProfile):
        coverage(loaded)


def test_profile_by_path_relative_to_the_plan_and_invalid_profile_file(tmp_path: Path) -> None:
    (tmp_path / "mine.yaml").write_text("name: mine\ntitle: Của tôi\nsections: [budget]\n", encoding="utf-8")
    path = _write(tmp_path, PLAN.format(extra_tasks=ALL_GROUPS).replace("profile: ldte-2021", "profile: ./mine.yaml"))
    loaded = load_path(path)
    assert select(loaded).name == "mine"
    [missing] = lint(loaded, config=Config())
    assert missing.code == "KH110" and "`budget`" in missing.message
    (tmp_path / "broken.yaml").write_text("name: broken\ntitle: x\nsections: [budgte]\n", encoding="utf-8")
    with pytest.raises(KehoachError) as caught:
        lint(loaded, profile=str(tmp_path / "broken.yaml"), config=Config())
    [diag] = caught.value.diagnostics
    assert diag.code == "KH021" and diag.path.endswith("broken.yaml") and caught.value.exit_code == 2


def test_config_default_profile_applies_when_the_plan_names_none(tmp_path: Path) -> None:
    (tmp_path / "kehoach.toml").write_text('profile = "ke-hoach"\n', encoding="utf-8")
    path = _write(tmp_path, PLAN.format(extra_tasks=ALL_GROUPS).replace("profile: ldte-2021\n", ""))
    find_config.cache_clear()
    codes = {d.code for d in lint(load_path(path))}
    assert codes == {"KH110"}  # ke-hoach wants a purpose section


def test_missing_lead_focal_report_and_target_years(tmp_path: Path) -> None:
    text = (PLAN.format(extra_tasks=ALL_GROUPS)
            .replace("    lead: Sở Lao động - Thương binh và Xã hội\n", "")
            .replace("focal: true, ", "")
            .replace("; báo cáo hằng năm trước ngày 25/11", "")
            .replace(", 2030: 95%", ""))
    path = _write(tmp_path, text)
    found = lint(load_path(path), config=Config())
    lines = path.read_text(encoding="utf-8").splitlines()
    by_code: dict[str, list[int]] = {}
    for d in found:
        by_code.setdefault(d.code, []).append(d.line)
    task_lines = [n for n, line in enumerate(lines, 1) if "covers:" in line]
    assert by_code["KH115"] == task_lines  # every leaf task of the solutions section, none has a lead
    assignments = lines.index("  - role: assignments") + 1
    assert by_code["KH114"] == [assignments] and by_code["KH116"] == [assignments]
    assert by_code["KH117"] == [lines.index("  - role: goals") + 1]
    assert set(by_code) == {"KH114", "KH115", "KH116", "KH117"}


def test_config_profile_path_is_relative_to_the_configuration(tmp_path: Path) -> None:
    (tmp_path / "profiles").mkdir()
    (tmp_path / "profiles" / "mine.yaml").write_text("name: mine\ntitle: x\nsections: [budget]\n", encoding="utf-8")
    (tmp_path / "kehoach.toml").write_text('profile = "profiles/mine.yaml"\n', encoding="utf-8")
    (tmp_path / "plans" / "2024").mkdir(parents=True)
    path = _write(tmp_path / "plans" / "2024", PLAN.format(extra_tasks=ALL_GROUPS).replace("profile: ldte-2021\n", ""))
    find_config.cache_clear()
    assert select(load_path(path)).name == "mine"


@pytest.mark.parametrize("sentence, reported", [
    ("Đầu mối; báo cáo hằng năm trước ngày 25/11.", False),
    ("Đầu mối; báo cáo hằng năm trước ngày 20 tháng 11.", False),
    ("Đầu mối; báo cáo hằng năm trước ngày 10/12.", True),  # after the ministry's deadline
    ("Đầu mối; họp tổng kết ngày 20/11.", True),  # a day in November, but not a report's
])
def test_report_deadline_in_text(tmp_path: Path, sentence: str, reported: bool) -> None:
    text = PLAN.format(extra_tasks=ALL_GROUPS).replace("Đầu mối; báo cáo hằng năm trước ngày 25/11.", sentence)
    codes = [d.code for d in lint(load_path(_write(tmp_path, text)), config=Config())]
    assert ("KH116" in codes) is reported
