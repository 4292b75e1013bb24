"""Pipe tables with merged cells as kehoach's .txt writes them (and MultiMarkdown): nothing between
two pipes ("||") is the cell before spanning that column; a blank cell ("|  |") stays a cell. So a
.txt built by kehoach imports back with its merged header and its group rows."""

from __future__ import annotations

from pathlib import Path

from kehoach.importers import import_plan
from kehoach.importers.blocks import Table
from kehoach.importers.text import read_text

PIPED = """\
| TT | Nội dung | Thời gian || Ghi chú |
|  |  | Bắt đầu | Kết thúc |  |
|---|---|---|---|---|
| I | NHÓM MỘT ||||
| 1 | Họp | Quý I | Quý II |  |
"""

PLAN = """\
letterhead:
  issuer: [ỦY BAN NHÂN DÂN, TỈNH NGHỆ AN]
  abbreviation: UBND
  number: "45"
  place: Nghệ An
  date: 2025-11-05
title: Phòng thủ dân sự năm 2026
sections:
  - role: purpose
    items: [Bảo đảm thống nhất.]
signature: {title: CHỦ TỊCH, name: Nguyễn Văn A}
appendices:
  - title: Danh mục nhiệm vụ
    tables:
      - columns: [TT, Nội dung, {title: Thời gian, columns: [Bắt đầu, Kết thúc]}, Ghi chú]
        rows:
          - {number: "I", group: KIỆN TOÀN BAN CHỈ HUY}
          - ["1", Tổ chức lại Ban Chỉ huy, Quý I, Quý II, Làm ngay]
"""


def test_adjacent_pipes_span_the_cell_before() -> None:
    table = read_text(PIPED.encode(), Path("x.txt")).blocks[0]
    assert isinstance(table, Table) and table.header_rows == 2
    spans = [[(cell.text, cell.span) for cell in row] for row in table.rows]
    assert spans[0] == [("TT", 1), ("Nội dung", 1), ("Thời gian", 2), ("Ghi chú", 1)]
    assert spans[1] == [("", 1), ("", 1), ("Bắt đầu", 1), ("Kết thúc", 1), ("", 1)]  # blanks stay cells
    assert spans[2] == [("I", 1), ("NHÓM MỘT", 4)]
    assert spans[3] == [("1", 1), ("Họp", 1), ("Quý I", 1), ("Quý II", 1), ("", 1)]


def test_built_text_imports_back_with_its_merges(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from kehoach.cli.main import _register, app

    _register()
    plan, text = tmp_path / "plan.yaml", tmp_path / "plan.txt"
    plan.write_text(PLAN, "utf-8")
    result = CliRunner().invoke(app, ["build", str(plan), "-o", str(text)])
    assert result.exit_code in (0, 1), result.output
    table = import_plan(text).data["appendices"][0]["tables"][0]
    assert table["columns"][2] == {"title": "Thời gian", "columns": ["Bắt đầu", "Kết thúc"]}
    assert table["rows"][0] == {"number": "I", "group": "KIỆN TOÀN BAN CHỈ HUY"}
    assert table["rows"][1] == ["1", "Tổ chức lại Ban Chỉ huy", "Quý I", "Quý II", "Làm ngay"]
