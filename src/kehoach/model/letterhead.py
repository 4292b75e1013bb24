"""The letterhead (ô 1–4): parent body, issuer, number and symbol, place and date."""

from __future__ import annotations

from typing import Any

from pydantic import field_validator

from .base import DocDate, F, Model, Paragraphs, _as_list


class Letterhead(Model):
    """Phần đầu văn bản: cơ quan chủ quản, cơ quan ban hành, số, ký hiệu, địa danh, ngày tháng."""

    parent: Paragraphs = F(
        "Cơ quan chủ quản",
        "Tên cơ quan, tổ chức chủ quản trực tiếp (nếu có), mỗi phần tử là một dòng; "
        "in hoa, không đậm (ví dụ: UBND TỈNH KIÊN GIANG).",
        default_factory=list,
    )
    issuer: Paragraphs = F(
        "Cơ quan ban hành",
        "Tên cơ quan, tổ chức ban hành văn bản, mỗi phần tử là một dòng; in hoa, đậm.",
    )
    issuer_name: str | None = F(
        "Tên cơ quan trong câu văn",
        "Tên cơ quan ban hành như viết trong câu văn, dùng ở dòng 'Kèm theo Kế hoạch … của …' "
        "(ví dụ: Ủy ban nhân dân tỉnh Nghệ An). Mặc định lấy từ dòng tên cơ quan ban hành.",
        None,
    )
    abbreviation: str = F(
        "Chữ viết tắt cơ quan ban hành",
        "Chữ viết tắt tên cơ quan ban hành dùng trong ký hiệu văn bản (ví dụ: UBND, LĐLĐ).",
    )
    number: str | None = F(
        "Số văn bản",
        "Số của văn bản, giữ nguyên số 0 ở đầu (ví dụ: '05', '0134'); văn bản quy phạm pháp luật ghi cả năm "
        "('07/2025'); null với bản dự thảo (in 'Số:      /KH-UBND' để văn thư điền).",
        None,
    )
    symbol: str | None = F(
        "Ký hiệu văn bản",
        "Ký hiệu văn bản (ví dụ: KH-UBND, KH-LĐLĐ). Mặc định ghép chữ viết tắt tên loại văn bản "
        "và chữ viết tắt cơ quan ban hành.",
        None,
    )
    place: str = F("Địa danh", "Tên đơn vị hành chính nơi cơ quan ban hành đóng trụ sở "
                   "(ví dụ: Nghệ An, Bắc Kạn, Phường 12).")
    date: DocDate | None = F(
        "Ngày ban hành",
        "Ngày ban hành: ngày đầy đủ (2025-11-18); bản dự thảo để trống ngày: chỉ tháng và năm ('2024-05', "
        "in 'ngày      tháng 5 năm 2024'), chỉ năm ('2024', ngày và tháng để trống) hoặc bỏ trống cả.",
        None,
    )

    _lines = field_validator("parent", "issuer", mode="before")(_as_list)

    @field_validator("number", mode="before")
    @classmethod
    def _number_as_text(cls, value: Any) -> Any:
        # YAML reads 05 as the integer 5: keep numbers as text so leading zeros survive.
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        return value
