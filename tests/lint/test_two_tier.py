"""The 2025 two-tier state: district-level bodies and places that no longer exist are reported for a
plan dated on or after the reform date (data: templates/admin-units.toml), accepted before it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kehoach.lint import lint
from kehoach.lint.config import Config
from kehoach.lint.rules.registry import complete_example
from kehoach.lint.rules.two_tier import reform
from kehoach.source.loader import load_path

PLAN = """\
letterhead:
  issuer: [ỦY BAN NHÂN DÂN, TỈNH {PROVINCE}]
  abbreviation: UBND
  number: "12"
  place: {PLACE}
  date: {DATE}
sections:
  - {{role: purpose, items: [Nâng cao nhận thức.]}}
  - {{role: solutions, items: [Tổ chức hội nghị.]}}
  - role: assignments
    items:
      - {{body: "Ủy ban nhân dân các huyện, thị xã, thành phố", text: Triển khai.}}
      - {{body: Phòng Tư pháp các huyện, text: Hướng dẫn.}}
      - {{body: UBND huyện Chợ Mới (cũ), text: Bàn giao hồ sơ.}}
      - {{body: Huyện ủy, text: Lãnh đạo.}}
preamble:
  bases: [Căn cứ Quyết định số 5/QĐ-UBND ngày 04/01/2024 của UBND huyện Chợ Mới]
"""


def findings(tmp_path: Path, date: str, place: str = "An Giang", province: str = "AN GIANG") -> list:
    path = tmp_path / f"plan-{date}.yaml"
    path.write_text(complete_example(PLAN.format(DATE=date, PLACE=place, PROVINCE=province)), encoding="utf-8")
    return [d for d in lint(load_path(path), config=Config()) if d.code in ("KH221", "KH222")]


def test_the_reform_date_and_list_are_data() -> None:
    assert reform().date == dt.date(2025, 7, 1)
    assert "vietnam-provinces" in reform().units_list


def test_after_the_reform_district_bodies_are_reported(tmp_path: Path) -> None:
    found = findings(tmp_path, "2025-07-01")
    assert [(d.code, d.line) for d in found] == [("KH221", 12), ("KH221", 13), ("KH221", 15)]
    assert "Ủy ban nhân dân các huyện" in found[0].message and "01/07/2025" in found[0].message
    # "(cũ)" marks history, and a cited basis names the body that issued it then: neither is reported


def test_before_the_reform_they_are_accepted(tmp_path: Path) -> None:
    assert findings(tmp_path, "2025-06-30", place="Kiên Giang", province="KIÊN GIANG") == []


@pytest.mark.parametrize("place, current", [("Kiên Giang", False), ("Hà Giang", False), ("An Giang", True),
                                            ("Đắk Lắk", True), ("Ea Kao", True), ("Tuy Hoà", True)])
def test_after_the_reform_the_place_is_a_current_province_or_commune(tmp_path: Path, place: str,
                                                                     current: bool) -> None:
    found = [d for d in findings(tmp_path, "2025-11-25", place=place) if d.code == "KH222"]
    assert (found == []) is current


TABLE_PLAN = """\
letterhead:
  issuer: [ỦY BAN NHÂN DÂN, TỈNH AN GIANG]
  abbreviation: UBND
  number: "12"
  place: An Giang
  date: 2025-11-20
appendices:
  - title: Phân công nhiệm vụ
    tables:
      - columns: [{title: TT}, {title: Nhiệm vụ}, {title: Cơ quan}]
        rows:
          - ["1", Rà soát hồ sơ của phòng Văn hóa, Phòng Văn hóa - Xã hội các xã]
          - ["2", Tổng hợp, "Ủy ban nhân dân các huyện, thị xã"]
          - ["3", Kiểm tra, Phòng Tư pháp của huyện]
"""


def test_kh221_reads_each_table_cell_on_its_own(tmp_path: Path) -> None:
    """Issue 26.10: "phòng Văn hóa" in one cell and "huyện" in another were one match (a NUL and
    newlines in the message, the wrong cell, the valid cell flagged, a repeated finding)."""
    path = tmp_path / "plan.yaml"
    path.write_text(complete_example(TABLE_PLAN), encoding="utf-8")
    found = [d for d in lint(load_path(path), config=Config()) if d.code == "KH221"]
    assert [(d.line, d.message.split("'")[1]) for d in found] == [
        (13, "Ủy ban nhân dân các huyện"), (14, "Phòng Tư pháp của huyện")]
    assert all(d.message.isprintable() for d in found)


def test_no_message_carries_control_characters() -> None:
    from kehoach.lint import printable
    assert printable("'a\x00\nb' (x)\t") == "'a b' (x) "
