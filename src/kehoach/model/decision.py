"""The decision (Quyết định) that issues a plan as its attachment: articles, recipients, signature."""

from __future__ import annotations

from pydantic import field_validator

from .base import F, Model, Paragraphs, _as_list, _text_items
from .body import Item
from .signature import Recipients, Signature


class Article(Model):
    """Một Điều của quyết định."""

    heading: str | None = F("Tiêu đề điều", "Tiêu đề của Điều (nếu có).", None)
    text: Paragraphs = F("Nội dung", "Các đoạn văn của Điều.", default_factory=list)
    items: list[Item] = F("Các khoản", "Các khoản của Điều.", default_factory=list)

    _paragraphs = field_validator("text", mode="before")(_as_list)
    _items = field_validator("items", mode="before")(_text_items)


class Decision(Model):
    """Quyết định ban hành kèm theo kế hoạch/chương trình; số, ngày trong 'letterhead' là của quyết định."""

    title: str = F("Trích yếu quyết định", "Trích yếu của quyết định (ví dụ: Về ban hành Chương trình …).")
    authority: str | None = F(
        "Thẩm quyền ban hành",
        "Dòng thẩm quyền dưới trích yếu (ví dụ: BỘ TRƯỞNG BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI). Văn bản quy "
        "phạm pháp luật theo Luật năm 2025 không có dòng này mà có câu ban hành (enacting).",
        None,
    )
    authority_name: str | None = F(
        "Thẩm quyền trong câu văn",
        "Thẩm quyền ban hành như viết trong câu văn, dùng ở dòng '(Ban hành kèm theo Quyết định số … "
        "của …)' (ví dụ: Bộ trưởng Bộ Lao động - Thương binh và Xã hội). Mặc định là tên cơ quan ban hành.",
        None,
    )
    bases: Paragraphs = F("Căn cứ", "Các dòng căn cứ của quyết định.", default_factory=list)
    proposal: str | None = F("Xét đề nghị", "Dòng 'Xét đề nghị của …'.", None)
    enacting: str | None = F(
        "Câu ban hành",
        "Câu ban hành sau phần căn cứ của văn bản quy phạm pháp luật (ví dụ: 'Ủy ban nhân dân tỉnh ban hành "
        "Quyết định Quy định …'); khi có, thay cho dòng 'QUYẾT ĐỊNH:' và các dòng căn cứ, đề nghị kết thúc "
        "bằng dấu ';'.",
        None,
    )
    articles: list[Article] = F("Các điều", "Các Điều của quyết định.")
    recipients: Recipients | None = F("Nơi nhận", "Nơi nhận của quyết định.", None)
    signature: Signature = F("Chữ ký", "Chữ ký của quyết định.")

    _paragraphs = field_validator("bases", mode="before")(_as_list)
