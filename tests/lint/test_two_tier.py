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


REORGANISED = """\
letterhead:
  issuer: [ỦY BAN NHÂN DÂN, TỈNH AN GIANG]
  abbreviation: UBND
  number: "12"
  place: An Giang
  date: {date}
preamble:
  bases:
    - Căn cứ Quyết định số 12/QĐ-BLĐTBXH ngày 05/01/2024 của Bộ Lao động - Thương binh và Xã hội
  paragraphs:
    - Thực hiện Công văn số 45/SKHĐT-TH ngày 10/12/2024 của Sở Kế hoạch và Đầu tư; các cơ quan chức năng ở tỉnh và các huyện, thị xã phối hợp.
sections:
  - role: assignments
    items:
      - {{body: Sở Lao động - Thương binh và Xã hội, text: Chủ trì.}}
      - {{body: Sở TN&MT, text: Phối hợp.}}
      - {{body: Ban Dân tộc HĐND tỉnh, text: Giám sát.}}
      - {{body: Ủy ban nhân dân tỉnh Kiên Giang (cũ), text: Bàn giao hồ sơ.}}
      - {{body: Sở Tài chính tỉnh Bạc Liêu, text: Phối hợp.}}
recipients:
  items:
    - Sở Nội vụ
    - UBND huyện, thị xã, thành phố
  archive: {{units: [VT]}}
"""


def reorganisation(tmp_path: Path, date: str) -> list[tuple[str, str]]:
    path = tmp_path / f"plan-{date}.yaml"
    path.write_text(complete_example(REORGANISED.format(date=date)), encoding="utf-8")
    return [(d.code, d.message.split("'")[1]) for d in lint(load_path(path), config=Config())
            if d.code in ("KH221", "KH223")]


def test_the_2025_reorganisation_in_full(tmp_path: Path) -> None:
    """Issue 23: in a plan dated 20/11/2025 the merged departments, a district as a place and the
    Nơi nhận line are reported, each with its successor; cited documents and "(cũ)" are history."""
    found = reorganisation(tmp_path, "2025-11-20")
    assert sorted(found) == sorted([
        ("KH221", "các huyện, thị xã"),
        ("KH223", "Sở Lao động - Thương binh và Xã hội"),
        ("KH223", "Sở TN&MT"),
        ("KH223", "tỉnh Bạc Liêu"),
        ("KH221", "UBND huyện"),
    ])
    path = tmp_path / "plan-2025-11-20.yaml"
    messages = [d.message for d in lint(load_path(path), config=Config()) if d.code == "KH223"]
    assert any("Sở Nội vụ" in m and "Nghị định 45/2025/NĐ-CP" in m for m in messages)
    assert any("Sở Nông nghiệp và Môi trường" in m for m in messages)
    assert any("Cà Mau" in m for m in messages)


def test_before_the_changes_nothing_is_reported(tmp_path: Path) -> None:
    assert reorganisation(tmp_path, "2025-02-20") == []
    # between 1 March and 1 July: the departments are merged, the districts and provinces not yet
    assert {code for code, _ in reorganisation(tmp_path, "2025-04-10")} == {"KH223"}
    assert ("KH223", "tỉnh Bạc Liêu") not in reorganisation(tmp_path, "2025-04-10")


def test_the_former_provinces_are_the_batch_list() -> None:
    from kehoach.batch.former_provinces import FORMER_PROVINCES

    assert reform().former_provinces == {old: new for old, (new, _) in FORMER_PROVINCES.items()}


def test_no_rule_puts_control_characters_in_a_message(tmp_path: Path) -> None:
    """Issue 26.10 at its root: whatever a rule quotes, the message reaching the outputs is one line
    of printable text (here quotes of a text holding a tab, a vertical tab and line breaks)."""
    text = complete_example(
        'letterhead:\n  issuer: [ỦY BAN NHÂN DÂN, TỈNH AN GIANG]\n  abbreviation: UBND\n  number: "12"\n'
        "  place: An Giang\n  date: 2025-11-20\n"
        'preamble:\n  paragraphs: ["Giao Phòng\\tTư pháp\\x0bcấp\\ntỉnh của huyện và Sở Lao động –\\nThương binh và Xã hội,\\n'
        'số số\\u2028 kính phí cảu Chỉnh Phủ"]\n')
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    found = lint(load_path(path), config=Config())
    assert {d.code for d in found} >= {"KH221", "KH223", "KH307"}
    assert all(d.message.isprintable() for d in found), [d.message for d in found if not d.message.isprintable()]


def test_a_merged_province_spoken_of_as_history(tmp_path: Path) -> None:
    text = REORGANISED.format(date="2025-11-20").replace(
        "      - {body: Sở Tài chính tỉnh Bạc Liêu, text: Phối hợp.}",
        "      - {body: Ủy ban nhân dân xã Vĩnh Hậu, text: 'Rà soát hồ sơ nguyên là tỉnh Bạc Liêu và tỉnh Sóc Trăng cũ.'}")
    path = tmp_path / "plan.yaml"
    path.write_text(complete_example(text), encoding="utf-8")
    found = [d.message for d in lint(load_path(path), config=Config()) if d.code == "KH223"]
    assert not any("Bạc Liêu" in m or "Sóc Trăng" in m for m in found)


@pytest.mark.parametrize("paragraph", [
    # UBND tỉnh Lâm Đồng, Báo cáo CCHC năm 2025 (December 2025): the year before the merger, told.
    "Trước sáp nhập tỉnh, Ủy ban nhân dân các tỉnh Bình Thuận, Lâm Đồng, Đắk Nông đã ban hành các Kế hoạch "
    "theo dõi tình hình thi hành pháp luật. Tỉnh Đắk Nông cũng đã thực hiện hướng dẫn các sở, ban, ngành.",
    "Thực hiện kiểm tra 41 văn bản QPPL là Nghị quyết QPPL của HĐND cấp huyện và Quyết định QPPL của Ủy ban "
    "nhân dân cấp huyện (trước sáp nhập) ban hành.",
    "Ủy ban nhân dân tỉnh Đắk Nông ban hành Kế hoạch số 62/KH-UBND ngày 23/01/2025 về việc theo dõi tình "
    "hình thi hành pháp luật trên địa bàn tỉnh năm 2025.",
])
def test_a_report_of_the_year_tells_the_time_before_the_merger(tmp_path: Path, paragraph: str) -> None:
    text = REORGANISED.format(date="2025-12-10").replace(
        "    - Thực hiện Công văn số 45/SKHĐT-TH ngày 10/12/2024 của Sở Kế hoạch và Đầu tư; các cơ quan chức "
        "năng ở tỉnh và các huyện, thị xã phối hợp.", f"    - {paragraph}")
    path = tmp_path / "plan.yaml"
    path.write_text(complete_example(text), encoding="utf-8")
    found = [(d.code, d.line) for d in lint(load_path(path), config=Config()) if d.code in ("KH221", "KH223")]
    assert all(line != 11 for _, line in found), found  # the paragraph's line: nothing in it
    # … while the same names told as today's are still reported
    current = text.replace(paragraph, "Giao Ủy ban nhân dân tỉnh Đắk Nông và HĐND cấp huyện phối hợp.")
    path.write_text(complete_example(current), encoding="utf-8")
    assert {d.code for d in lint(load_path(path), config=Config()) if d.line == 11} == {"KH221", "KH223"}
