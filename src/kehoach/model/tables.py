"""Appendices (phụ lục): text, items and tables (the tables themselves are in ``table``)."""

from __future__ import annotations

from pydantic import field_validator

from .base import F, Id, Model, Paragraphs, _as_list, _text_items
from .body import Item
from .table import BodyCell, Cell, Column, GroupRow, SpanCell, Table, cell_value, row_grid

__all__ = ["Appendix", "BodyCell", "Cell", "Column", "GroupRow", "SpanCell", "Table", "cell_value", "row_grid"]


class Appendix(Model):
    """Phụ lục kèm theo kế hoạch."""

    id: Id | None = F("Mã", "Mã ổn định để phần khác tham chiếu tới.", None)
    label: str | None = F(
        "Nhãn", "Nhãn phụ lục (ví dụ: 'PHỤ LỤC I', 'Phụ lục 01'); mặc định 'Phụ lục I', 'Phụ lục II'… như Nghị định 30.", None
    )
    title: str = F("Tên phụ lục", "Tên phụ lục.")
    note: str | None = F(
        "Dòng kèm theo",
        "Nguyên văn dòng '(Kèm theo Kế hoạch số … ngày … của …)'; mặc định sinh từ mẫu.",
        None,
    )
    text: Paragraphs = F("Đoạn văn", "Các đoạn văn của phụ lục.", default_factory=list)
    items: list[Item] = F("Các khoản", "Các khoản của phụ lục.", default_factory=list)
    tables: list[Table] = F("Bảng", "Các bảng của phụ lục.", default_factory=list)
    landscape: bool | None = F(
        "Trang ngang", "Trình bày phụ lục trên trang ngang; mặc định tự chọn theo độ rộng bảng.", None
    )

    _paragraphs = field_validator("text", mode="before")(_as_list)
    _items = field_validator("items", mode="before")(_text_items)
