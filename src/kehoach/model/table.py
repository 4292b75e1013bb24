"""A table as plans print it: columns with merged headings, rows, group rows (with a number and
figures). Appendices hold tables, and so may an item of the body (a targets table by area)."""

from __future__ import annotations

from typing import Literal

from pydantic import field_validator, model_validator

from .base import F, Model, _titled_columns


class Column(Model):
    """Một cột của bảng; cột có cột con tạo ô tiêu đề gộp."""

    title: str = F("Tiêu đề cột", "Tiêu đề cột.")
    width: float | None = F("Độ rộng (cm)", "Độ rộng cột tính bằng cm.", None, gt=0)
    align: Literal["left", "center", "right", "justify"] = F("Căn lề", "Căn lề nội dung cột.", "left")
    columns: list[Column] = F("Cột con", "Các cột con (tiêu đề gộp ở trên).", default_factory=list)

    _columns = field_validator("columns", mode="before")(_titled_columns)

    def leaves(self) -> list[Column]:
        if not self.columns:
            return [self]
        return [leaf for child in self.columns for leaf in child.leaves()]


Cell = str | int | float | None


class SpanCell(Model):
    """Ô gộp trong thân bảng: một giá trị trải nhiều dòng và/hoặc nhiều cột.

    The positions it covers are left out of the rows it covers (as in HTML): a cell with
    ``rows: 2`` in row 3 means row 4 lists one cell fewer, starting after that column."""

    value: Cell = F("Nội dung ô", "Nội dung của ô gộp.", None)
    rows: int = F("Số dòng gộp", "Số dòng ô này trải xuống (gộp dọc), tính cả dòng của nó.", 1, ge=1)
    cols: int = F("Số cột gộp", "Số cột ô này trải sang phải (gộp ngang), tính cả cột của nó.", 1, ge=1)


BodyCell = Cell | SpanCell


def cell_value(cell: BodyCell) -> Cell:
    """The printed value of a body cell, merged or not."""
    return cell.value if isinstance(cell, SpanCell) else cell


def row_grid(rows: list, width: int) -> list[list[tuple[int, BodyCell] | None]]:
    """Lay body rows on a grid of ``width`` columns, honouring spans.

    Returns, per plain row (group rows give ``[]``), one entry per column: ``(column, cell)`` where a
    cell starts, ``None`` where a span from above or from the left covers the position. Raises
    ValueError when a row does not fill the grid exactly or a span runs past the table."""
    grid: list[list[tuple[int, BodyCell] | None]] = []
    below: dict[int, int] = {}  # column -> rows still covered by a span from above
    for index, row in enumerate(rows):
        if not isinstance(row, list):
            if below:
                raise ValueError(f"group row {index + 1} cuts through a merged cell above it")
            grid.append([])
            continue
        line: list[tuple[int, BodyCell] | None] = []
        cells = iter(row)
        column = 0
        while column < width:
            if below.get(column):
                line.append(None)
                column += 1
                continue
            try:
                cell = next(cells)
            except StopIteration:
                raise ValueError(f"row {index + 1} has too few cells for the table's {width} columns "
                                 "(merged cells counted)") from None
            span_cols = cell.cols if isinstance(cell, SpanCell) else 1
            span_rows = cell.rows if isinstance(cell, SpanCell) else 1
            if column + span_cols > width or any(below.get(c) for c in range(column, column + span_cols)):
                raise ValueError(f"row {index + 1}: a merged cell runs past the table's {width} columns "
                                 "or into a merged cell above")
            line.append((column, cell))
            line.extend([None] * (span_cols - 1))
            for c in range(column, column + span_cols):
                if span_rows > 1:
                    below[c] = span_rows
            column += span_cols
        if next(cells, _END) is not _END:
            raise ValueError(f"row {index + 1} has more cells than the table's {width} columns "
                             "(merged cells counted)")
        below = {c: n - 1 for c, n in below.items() if n - 1 > 0}
        grid.append(line)
    if below:
        raise ValueError("a merged cell runs past the last row of the table")
    return grid


_END = object()



class GroupRow(Model):
    """Dòng nhóm trải hết chiều ngang bảng (ví dụ: 'I. Nhóm nhiệm vụ …')."""

    number: str | int | None = F(
        "Số thứ tự nhóm",
        "Số thứ tự của nhóm đặt ở cột đầu (cột TT), ví dụ 'I'; khi có, tiêu đề nhóm trải các cột còn lại.",
        None,
    )
    group: str = F("Dòng nhóm", "Nội dung (tiêu đề) dòng nhóm, trải các cột không có số liệu.")
    cells: list[Cell] = F(
        "Ô số liệu",
        "Các ô số liệu của dòng nhóm (ví dụ: tổng phụ), điền vào các cột cuối bảng; tiêu đề nhóm trải "
        "các cột còn lại. Số ô phải nhỏ hơn số cột (trừ cả cột số thứ tự nếu có).",
        default_factory=list,
    )


class Table(Model):
    """Một bảng: cột (có thể gộp tiêu đề), các dòng, dòng nhóm."""

    title: str | None = F("Tên bảng", "Tên bảng (nếu có).", None)
    columns: list[Column] = F("Cột", "Các cột của bảng.")
    rows: list[list[BodyCell] | GroupRow] = F(
        "Dòng", "Các dòng của bảng. Ô gộp ghi dạng {value: …, rows: 2} (gộp dọc) hoặc {value: …, cols: 2} "
        "(gộp ngang); các vị trí bị ô gộp che thì bỏ qua ở dòng sau.", default_factory=list)
    landscape: bool | None = F(
        "Trang ngang", "Trình bày trên trang ngang; mặc định tự chọn theo độ rộng bảng.", None
    )
    font_size: float | None = F(
        "Cỡ chữ trong bảng (pt)",
        "Cỡ chữ của nội dung bảng; mặc định 14 như văn bản thật, 13 khi bảng dày (từ 7 cột trở lên).",
        None, ge=8, le=16)
    valign: Literal["top", "center", "bottom"] = F(
        "Căn dọc ô", "Căn nội dung ô theo chiều dọc: giữa (center, mặc định như văn bản thật), trên (top), "
        "dưới (bottom).", "center")

    _columns = field_validator("columns", mode="before")(_titled_columns)

    def leaf_columns(self) -> list[Column]:
        return [leaf for column in self.columns for leaf in column.leaves()]

    @model_validator(mode="after")
    def _row_widths(self) -> Table:
        width = len(self.leaf_columns())
        merged = any(isinstance(cell, SpanCell) for row in self.rows if isinstance(row, list) for cell in row)
        if merged:
            row_grid(self.rows, width)  # checks every row's width, spans counted
        for index, row in enumerate(self.rows):
            if isinstance(row, list) and len(row) != width and not merged:
                raise ValueError(f"row {index + 1} has {len(row)} cells, the table has {width} columns")
            if isinstance(row, GroupRow):
                room = width - 1 - (row.number is not None)  # the title needs one column
                if len(row.cells) > room:
                    raise ValueError(
                        f"group row {index + 1} has {len(row.cells)} cells but only {max(room, 0)} columns are "
                        f"left beside its title{' and number' if row.number is not None else ''} "
                        f"(the table has {width} columns)")
        return self
