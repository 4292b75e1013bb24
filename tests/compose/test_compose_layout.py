"""Compose for issue 24: merged body cells become document cells with their spans (the positions
they cover left out, as in HTML), group rows are named as such whatever their shape, the table's
text size follows real plans, and a Nơi nhận group keeps its own "Lưu" line."""

from __future__ import annotations

from kehoach.compose.composer import compose
from kehoach.compose.tables import table
from kehoach.model import Table

from test_compose import plan


def _table(**changes) -> Table:
    data = {"columns": [{"title": "TT"}, {"title": "Tên"}, {"title": "X"}, {"title": "Ghi chú"}],
            "rows": [{"number": "I", "group": "Nhóm"},
                     [{"value": "1", "rows": 2}, "A", "1", {"value": "Chung", "rows": 2}],
                     [{"value": "B và C", "cols": 2}],
                     ["2", "D", "3", "E"]]}
    data.update(changes)
    return Table.model_validate(data)


def test_merged_body_cells_carry_their_spans_and_leave_covered_positions_out() -> None:
    composed = table(_table())
    rows = [[(c.text, c.row_span, c.col_span) for c in row] for row in composed.rows]
    assert rows[1] == [("1", 2, 1), ("A", 1, 1), ("1", 1, 1), ("Chung", 2, 1)]
    assert rows[2] == [("B và C", 1, 2)]
    assert composed.body_grid()[2] == [None, composed.rows[2][0], None]
    assert composed.group_rows == frozenset({0})  # the GroupRow, not the row with a wide cell


def test_table_text_size_real_plans_dense_and_set_by_the_plan() -> None:
    assert table(_table()).font_pt == 14 and table(_table()).valign == "center"
    dense = _table(columns=[{"title": str(n)} for n in range(7)], rows=[[str(n) for n in range(7)]])
    assert table(dense).font_pt == 13
    assert table(_table(font_size=12, valign="top")).font_pt == 12
    assert table(_table(font_size=12, valign="top")).valign == "top"


def test_nested_group_with_its_own_archive_line() -> None:
    """"- UBND tỉnh: + CT, các PCT; + Lưu: VT." as printed: the parent typed with its colon keeps
    it, the group's own "Lưu" ends with a full stop, the lines are nested one level."""
    document = compose(plan(recipients={
        "items": ["Sở Tài chính", {"name": "UBND tỉnh:", "items": ["CT, các PCT", "Lưu: VT"]}]}))
    lines = document.parts[0].closing.recipients
    assert [(line.text, line.level) for line in lines][:4] == [
        ("- Sở Tài chính;", 0), ("- UBND tỉnh:", 0), ("+ CT, các PCT;", 1), ("+ Lưu: VT.", 1)]
