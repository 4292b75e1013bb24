"""Appendix tables survive the trip through Word: column groups (gridSpan + vMerge header), group rows
with their own figures, widths and alignment."""

from pathlib import Path

import kehoach
from kehoach.build import render
from kehoach.importers import import_plan

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "003-an-giang-xkld.yaml"

APPENDIX = """
appendices:
  - title: Dự toán kinh phí
    tables:
      - title: Bảng 1. Kinh phí theo năm
        columns:
          - {title: TT, width: 1.2, align: center}
          - {title: Nội dung, width: 6}
          - title: Kinh phí (đồng)
            columns:
              - {title: Năm 2025, width: 3, align: right}
              - {title: Năm 2026, width: 3, align: right}
          - {title: Ghi chú, width: 3}
        rows:
          - number: I.
            group: Tuyên truyền
            cells: ["15.000.000", "20.000.000", ""]
          - ["1", "Hội nghị", "10.000.000", "12.000.000", ""]
          - ["2", "Tờ rơi", "5.000.000", "8.000.000", "In 2 mặt"]
          - number: II.
            group: Kiểm tra
          - ["1", "Đoàn kiểm tra liên ngành", "3.000.000", "", ""]
"""


def test_table_with_column_groups_and_group_rows(tmp_path):
    source = tmp_path / "plan.yaml"
    source.write_text(EXAMPLE.read_text("utf-8") + APPENDIX, "utf-8")
    original = kehoach.load(source)
    built = tmp_path / "plan.docx"
    built.write_bytes(render(original, "docx"))
    out = tmp_path / "imported.yaml"
    out.write_text(import_plan(built).yaml, "utf-8")
    imported = kehoach.load(out)
    table, table0 = imported.appendices[0].tables[0], original.appendices[0].tables[0]
    assert table.title == table0.title
    assert [c.title for c in table.columns] == [c.title for c in table0.columns]
    assert [c.title for c in table.columns[2].columns] == ["Năm 2025", "Năm 2026"]
    assert [leaf.align for leaf in table.leaf_columns()] == [leaf.align for leaf in table0.leaf_columns()]
    assert [round(leaf.width, 1) for leaf in table.leaf_columns()] == [1.2, 6.0, 3.0, 3.0, 3.0]
    assert table.rows == table0.rows
    assert render(imported, "txt") == render(original, "txt")
