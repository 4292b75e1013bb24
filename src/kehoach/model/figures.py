"""Figures of targets and due dates of reporting rules, as plans write them.

A target's value may be one figure ("trên 90%"), several ("1,2 triệu tấn" and "500 triệu USD"),
figures of several indicators, or figures per area ("khu đô thị", "khu công nghiệp"); a target may
have years (``milestones``) or none (``value``: a campaign's target). A reporting rule may have
several due dates ("trước ngày 01/6 và 15/11").
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import model_validator

from .base import F, Model


class Figure(Model):
    """Một con số của chỉ tiêu: giá trị, đơn vị, và (nếu có) chỉ tiêu hoặc địa bàn nó thuộc về."""

    value: str | float = F("Giá trị", "Giá trị (ví dụ 1.2, 'trên 90%').")
    unit: str | None = F("Đơn vị tính", "Đơn vị tính của con số này (ví dụ 'triệu tấn', 'triệu USD'); mặc "
                         "định đơn vị của chỉ tiêu.", None)
    indicator: str | None = F("Chỉ tiêu", "Chỉ tiêu mà con số này đo (ví dụ 'kim ngạch xuất khẩu'), in trước "
                              "giá trị.", None)
    area: str | None = F("Địa bàn", "Địa bàn, khu vực của con số (ví dụ 'khu đô thị', 'khu công nghiệp').",
                         None)


TargetValue = str | float | Figure | list[str | float | Figure]
TARGET_VALUE_HELP = (
    "Một giá trị ('trên 90%', 95), hoặc một con số có đơn vị/chỉ tiêu/địa bàn ({value, unit, indicator, "
    "area}), hoặc danh sách nhiều con số (ví dụ sản lượng và kim ngạch; khu đô thị và khu công nghiệp)."
)


def figures_of(value: Any) -> list[str | float | Figure]:
    """The figures of a target value: always a list."""
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


_DUE = re.compile(r"^\s*(\d{1,2})\s*/\s*(\d{1,2})\s*$")


class DueDate(Model):
    """Một ngày hạn báo cáo trong năm: ngày và tháng (viết gọn '01/6')."""

    day: int = F("Ngày", "Ngày hạn (1–31).", ge=1, le=31)
    month: int | None = F("Tháng", "Tháng hạn (1–12); bỏ trống khi hạn là một ngày của mỗi tháng/quý.", None,
                          ge=1, le=12)

    @model_validator(mode="before")
    @classmethod
    def _short_form(cls, value: Any) -> Any:
        if isinstance(value, int):
            return {"day": value}
        if isinstance(value, str):
            match = _DUE.match(value)
            if not match:
                raise ValueError(f"'{value}' is not a due date: write it as day/month ('01/6', '15/11')")
            return {"day": int(match[1]), "month": int(match[2])}
        return value
