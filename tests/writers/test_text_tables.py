"""The .txt of a table with merged cells: one cell per grid column in every row, so that a value
stands under its header in the same position; a merged cell's text printed once, in the first row
and column it covers; a column it covers to its right is "||" (MultiMarkdown's column span), a
position it covers below is a blank cell. Built through the command line, as a reviewer does."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from kehoach.cli.main import _register, app

_register()

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
  - role: assignments
    items: [{body: Sở Tài chính, text: Bố trí kinh phí.}]
signature: {title: CHỦ TỊCH, name: Nguyễn Văn A}
recipients: {items: [Sở Tài chính], archive: {units: [VT]}}
appendices:
  - title: Danh mục nhiệm vụ
    tables:
      - columns:
          - {title: TT, align: center}
          - Nội dung
          - Cơ quan chủ trì
          - {title: Thời gian, columns: [Bắt đầu, Kết thúc]}
          - "Ghi chú\nkhác"
        rows:
          - {number: "I", group: KIỆN TOÀN BAN CHỈ HUY}
          - ["1", Tổ chức lại Ban Chỉ huy, {value: Bộ CHQS tỉnh, rows: 3}, Quý I, Quý II, {value: CHUNG, rows: 2}]
          - ["2", Ban hành quy chế, Quý II, Quý III]
          - ["3", Tập huấn, {value: CẢ NĂM 2026, cols: 2, rows: 2}, riêng]
          - ["4", Kiểm tra, Sở Nội vụ, Sở Nội vụ lưu]
"""
LEAF_COLUMNS = 6  # TT, Nội dung, Cơ quan chủ trì, Bắt đầu, Kết thúc (under Thời gian), Ghi chú


def table_rows(tmp_path: Path) -> list[list[str]]:
    """The appendix table's pipe rows, each split into its cells (the text between two pipes)."""
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, "utf-8")
    out = tmp_path / "x.txt"
    result = CliRunner().invoke(app, ["build", str(plan), "-o", str(out)])
    assert result.exit_code in (0, 1), result.output  # findings on a short plan are fine
    lines = out.read_text("utf-8").split("Danh mục nhiệm vụ".upper(), 1)[1].splitlines()
    rows = [line for line in lines if line.startswith("|") and not line.startswith("|---")]
    assert all(line.endswith("|") for line in rows)
    return [line[1:-1].split("|") for line in rows]


def test_every_row_has_one_cell_per_column(tmp_path: Path) -> None:
    rows = table_rows(tmp_path)
    assert len(rows) == 2 + 5  # two header rows, the group row and four rows
    assert {len(row) for row in rows} == {LEAF_COLUMNS}, rows


def test_values_stand_under_their_header(tmp_path: Path) -> None:
    header, leaves, group, first, second, third, fourth = table_rows(tmp_path)
    # "Thời gian" spans Bắt đầu and Kết thúc: printed once, the column it covers is "" (no space).
    # A title typed over two lines reads as one: the header row stays one line.
    assert header == [" TT ", " Nội dung ", " Cơ quan chủ trì ", " Thời gian ", "", " Ghi chú khác "]
    # The second header row: blank where the headers merged down cover it, the two leaves in place.
    assert leaves == ["  ", "  ", "  ", " Bắt đầu ", " Kết thúc ", "  "]
    assert group == [" I ", " KIỆN TOÀN BAN CHỈ HUY ", "", "", "", ""]
    assert first == [" 1 ", " Tổ chức lại Ban Chỉ huy ", " Bộ CHQS tỉnh ", " Quý I ", " Quý II ", " CHUNG "]
    # Bộ CHQS tỉnh and CHUNG merged down: blank below them, the row's own values still in their columns.
    assert second == [" 2 ", " Ban hành quy chế ", "  ", " Quý II ", " Quý III ", "  "]
    # A cell over two columns and two rows: its text once, "" for the column it covers, then the
    # next row blank under its first column and "" under the second.
    assert third == [" 3 ", " Tập huấn ", "  ", " CẢ NĂM 2026 ", "", " riêng "]
    assert fourth == [" 4 ", " Kiểm tra ", " Sở Nội vụ ", "  ", "", " Sở Nội vụ lưu "]


def test_merged_text_is_printed_once(tmp_path: Path) -> None:
    text = "|".join("|".join(row) for row in table_rows(tmp_path))
    for merged in ("Thời gian", "Bộ CHQS tỉnh", "CHUNG", "CẢ NĂM 2026", "KIỆN TOÀN BAN CHỈ HUY"):
        assert text.count(merged) == 1, merged
