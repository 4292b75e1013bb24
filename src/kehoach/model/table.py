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
    rows: list[list[Cell] | GroupRow] = F("Dòng", "Các dòng của bảng.", default_factory=list)
    landscape: bool | None = F(
        "Trang ngang", "Trình bày trên trang ngang; mặc định tự chọn theo độ rộng bảng.", None
    )

    _columns = field_validator("columns", mode="before")(_titled_columns)

    def leaf_columns(self) -> list[Column]:
        return [leaf for column in self.columns for leaf in column.leaves()]

    @model_validator(mode="after")
    def _row_widths(self) -> Table:
        width = len(self.leaf_columns())
        for index, row in enumerate(self.rows):
            if isinstance(row, list) and len(row) != width:
                raise ValueError(f"row {index + 1} has {len(row)} cells, the table has {width} columns")
            if isinstance(row, GroupRow):
                room = width - 1 - (row.number is not None)  # the title needs one column
                if len(row.cells) > room:
                    raise ValueError(
                        f"group row {index + 1} has {len(row.cells)} cells but only {max(room, 0)} columns are "
                        f"left beside its title{' and number' if row.number is not None else ''} "
                        f"(the table has {width} columns)")
        return self
