"""Merged body cells (SpanCell): positions a span covers are left out of the rows it covers."""

import pytest
from pydantic import ValidationError

from kehoach.model import SpanCell, Table, cell_value, row_grid

COLUMNS = ["TT", "Tên", "Ghi chú"]


def table(rows):
    return Table.model_validate({"columns": COLUMNS, "rows": rows})


def test_vertical_and_horizontal_spans_fill_the_grid():
    t = table([[1, "a", {"value": "chung", "rows": 2}], [2, "b"], [{"value": "x", "cols": 2}, "y"]])
    grid = row_grid(t.rows, 3)
    assert [cell_value(c) if c else None for _, c in [e or (None, None) for e in grid[1]]] == [2, "b", None]
    assert grid[1][2] is None and isinstance(grid[0][2][1], SpanCell)
    assert grid[2][1] is None and grid[2][2] == (2, "y")


@pytest.mark.parametrize("rows, words", [
    ([[1, "a", {"value": "c", "rows": 3}], [2, "b"]], "past the last row"),
    ([[1, "a", {"value": "c", "rows": 2}], [2, "b", "extra"]], "more cells"),
    ([[1, {"value": "a", "cols": 3}]], "runs past"),
    ([[1, "a"]], "2 cells"),
])
def test_spans_that_do_not_fit_are_refused(rows, words):
    with pytest.raises(ValidationError, match=words):
        table(rows)
