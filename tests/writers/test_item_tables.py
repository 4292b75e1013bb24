"""A table inside an item of the body (issue 12 point 8: targets by area, "urban / industrial-zone
columns"): printed right after the item's text, in .docx and .txt, and read by the table rules."""

from __future__ import annotations

from pathlib import Path

from docx.oxml.ns import qn

from docx_read import body_paragraphs, open_docx, paragraph_text
from kehoach.build import render
from kehoach.lint import lint
from kehoach.source.loader import load_path

PLAN = """\
letterhead:
  issuer: [ỦY BAN NHÂN DÂN, TỈNH AN GIANG]
  abbreviation: UBND
  number: "12"
  place: An Giang
  date: 2025-11-05
title: Phát triển nhà ở xã hội năm 2026
sections:
  - role: goals
    items:
      - text: "Chỉ tiêu theo khu vực:"
        tables:
          - columns: [{title: TT}, {title: Chỉ tiêu}, {title: Khu đô thị, align: right}, {title: Khu công nghiệp, align: right}]
            rows:
              - ["1", Số căn hộ, "1.200", "800"]
              - ["ROW2", "Diện tích (ha)", "12,5", "8"]
      - Hoàn thành đúng tiến độ.
  - role: assignments
    items: [{body: Sở Xây dựng, text: Chủ trì.}]
signature: {title: CHỦ TỊCH, name: Nguyễn Văn A}
recipients: {items: [Sở Xây dựng], archive: {units: [VT]}}
"""


def plan_file(tmp_path: Path, second_row: str = "2") -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN.replace("ROW2", second_row), "utf-8")
    return path


def test_an_items_table_follows_its_text_in_the_docx(tmp_path):
    loaded = load_path(plan_file(tmp_path))
    doc = open_docx(render(loaded.plan, "docx"))
    body = doc.element.body
    lead_in = next(p for p in body_paragraphs(doc) if paragraph_text(p).endswith("Chỉ tiêu theo khu vực:"))
    table = lead_in.getnext()
    assert table.tag == qn("w:tbl")
    rows = [[paragraph_text(p) for p in tr.iter(qn("w:p"))] for tr in table.iter(qn("w:tr"))]
    assert rows == [["TT", "Chỉ tiêu", "Khu đô thị", "Khu công nghiệp"], ["1", "Số căn hộ", "1.200", "800"],
                    ["2", "Diện tích (ha)", "12,5", "8"]]
    after = table.getnext()
    assert paragraph_text(after).endswith("Hoàn thành đúng tiến độ.")
    assert lead_in.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None  # the lead-in stays with its table


def test_an_items_table_in_the_text_output(tmp_path):
    text = render(load_path(plan_file(tmp_path)).plan, "txt").decode()
    at = text.index("Chỉ tiêu theo khu vực:")
    assert text.index("| TT | Chỉ tiêu | Khu đô thị | Khu công nghiệp |") > at
    assert text.index("| 2 | Diện tích (ha) | 12,5 | 8 |") < text.index("Hoàn thành đúng tiến độ.")


def test_table_rules_read_an_items_table(tmp_path):
    path = plan_file(tmp_path, second_row="3")
    findings = [d for d in lint(load_path(path)) if d.code == "KH220"]
    assert [(d.line, d.col) for d in findings] == [(16, 18)]  # the "3" of the second row


def test_a_section_heading_can_print_as_written(tmp_path):
    path = plan_file(tmp_path)
    path.write_text(path.read_text("utf-8").replace(
        "  - role: assignments\n", "  - role: assignments\n    heading: Tổ chức thực hiện.\n    heading_case: as-written\n"),
        "utf-8")
    text = render(load_path(path).plan, "txt").decode()
    assert "II. Tổ chức thực hiện." in text.splitlines()
    upper = render(load_path(plan_file(tmp_path)).plan, "txt").decode()
    assert "II. TỔ CHỨC THỰC HIỆN" in upper.splitlines()
