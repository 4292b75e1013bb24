"""False alarms seen on correct real text (issue 16): each is a sentence of a real plan that a rule
used to report, checked together with a variant the rule must still catch."""

from __future__ import annotations

from pathlib import Path

from kehoach.lint import lint
from kehoach.lint.config import Config
from kehoach.lint.rules.registry import complete_example
from kehoach.source.loader import load_path


def codes(tmp_path: Path, fragment: str, name: str = "plan.yaml") -> list[tuple[str, str]]:
    path = tmp_path / name
    path.write_text(complete_example(fragment), encoding="utf-8")
    loaded = load_path(path)
    assert loaded.plan is not None, [str(d) for d in loaded.diagnostics]
    return [(d.code, d.message) for d in lint(loaded, config=Config())]


def only(found: list[tuple[str, str]], code: str) -> list[str]:
    return [message for c, message in found if c == code]


def test_kh303_health_facilities_are_not_the_health_department(tmp_path: Path) -> None:
    fragment = """\
preamble:
  paragraphs:
    - Các cơ sở y tế trên địa bàn tỉnh tổ chức tiêm chủng; trụ sở tư pháp xã được sửa chữa.
"""
    assert only(codes(tmp_path, fragment), "KH303") == []
    wrong = fragment.replace("Các cơ sở y tế", "Giao sở y tế")
    [message] = only(codes(tmp_path, wrong), "KH303")
    assert '"Sở Y tế"' in message


def test_kh203_reads_the_issue_date_not_cited_dates(tmp_path: Path) -> None:
    # Đắk Lắk 0134/KH-UBND cites "Nghị định số 08/2022/NĐ-CP ngày 10/1/2022": the decree's business.
    fragment = """\
preamble:
  bases:
    - Căn cứ Nghị định số 08/2022/NĐ-CP ngày 10/1/2022 của Chính phủ
    - Căn cứ Quyết định số 01348/QĐ-UBND ngày 18/09/2025 của UBND tỉnh
"""
    found = codes(tmp_path, fragment)
    assert only(found, "KH203") == []
    notes = only(found, "KH214")  # a note (info) that never fails a run
    assert len(notes) == 2 and '"10/01/2022"' in notes[0] and '"18/9/2025"' in notes[1]
    # the plan's own date (2024-03-05 in the base letterhead) repeated in the text is checked
    own = "preamble:\n  paragraphs: [Kế hoạch số 12/KH-STP ngày 5/3/2024 thay thế kế hoạch trước.]\n"
    [message] = only(codes(tmp_path, own), "KH203")
    assert '"05/3/2024"' in message


ASSIGNMENTS = """\
sections:
  - role: assignments
    items:
      - {body: Sở Nội vụ, text: Chủ trì.}
      - {body: Sở Y tế, text: Phối hợp.}
      - {body: Sở Khoa học và Công nghệ, text: Phối hợp.}
      - {body: Ngân hàng Nhà nước chi nhánh tỉnh, text: Phối hợp.}
      - {body: Trung tâm Công nghệ thông tin, text: Phối hợp.}
      - {body: "Các cơ sở sản xuất giống, NTTS thương phẩm", text: Giám sát chất lượng nước.}
"""


def test_kh402_grouped_recipients_and_abbreviations(tmp_path: Path) -> None:
    fragment = ASSIGNMENTS + """\
recipients:
  items:
    - "Sở: Nội vụ, Y tế, KHCN"
    - NHNN CN tỉnh
    - TT CNTT
    - CT, các PCT UBND tỉnh
"""
    assert only(codes(tmp_path, fragment), "KH402") == []


def test_kh402_departments_named_by_their_short_fields(tmp_path: Path) -> None:
    # Đắk Lắk 0134/KH-UBND: "- Các Sở: NNMT, TC, CT, KHCN;"
    fragment = """\
sections:
  - role: assignments
    items:
      - {body: "Sở Nông nghiệp và Môi trường:", text: Chủ trì.}
      - {body: "Sở Tài chính:", text: Bố trí kinh phí.}
      - {body: "UBND các xã/phường:", text: Triển khai.}
recipients:
  items:
    - "Các Sở: NNMT, TC, CT, KHCN"
    - UBND các xã, phường
"""
    assert only(codes(tmp_path, fragment), "KH402") == []


def test_kh402_bare_section_recipient(tmp_path: Path) -> None:
    fragment = """\
sections:
  - role: purpose
    items: [Nâng cao nhận thức.]
  - role: solutions
    items: [Tổ chức hội nghị.]
  - role: budget
    text: [Ngân sách tỉnh.]
  - role: assignments
    items:
      - {body: Công an tỉnh, text: Phối hợp.}
recipients:
  items: [Mục IV, Sở Tư pháp]
"""
    assert only(codes(tmp_path, fragment), "KH402") == []
    assert only(codes(tmp_path, fragment.replace("Mục IV", "Mục III")), "KH402")


def test_kh402_a_ministry_is_not_a_department(tmp_path: Path) -> None:
    fragment = """\
sections:
  - role: assignments
    items:
      - {body: Sở Khoa học và Công nghệ, text: Chủ trì.}
recipients:
  items: [Bộ Khoa học và Công nghệ]
"""
    [message] = only(codes(tmp_path, fragment), "KH402")
    assert "Sở Khoa học và Công nghệ" in message


def test_kh302_official_unit_names_are_names(tmp_path: Path) -> None:
    # the list writes "Xã Đàm Thuỷ" (new style) and "Xã Lạc Thủy" (old style)
    fragment = """\
title: Về văn hóa và thủy lợi xã Đàm Thuỷ
preamble:
  paragraphs: [Ủy ban nhân dân xã Đàm Thuỷ ban hành Kế hoạch hòa nhập.]
"""
    assert only(codes(tmp_path, fragment), "KH302") == []
    wrong = fragment.replace("Kế hoạch hòa nhập", "Kế hoạch hoà nhập")
    [message] = only(codes(tmp_path, wrong), "KH302")
    # the example quoted is the word itself in the plan's usual style, not an unrelated word
    assert "'hoà'" in message and "'hòa'" in message


def test_kh401_two_decisions_of_one_day_are_not_a_typo(tmp_path: Path) -> None:
    fragment = """\
preamble:
  bases:
    - >-
      Căn cứ Quyết định số 1746/QĐ-TTg ngày 30/12/2023 của Thủ tướng Chính phủ; Quyết định số
      1747/QĐ-TTg ngày 30/12/2023 của Thủ tướng Chính phủ
"""
    assert only(codes(tmp_path, fragment), "KH401") == []
