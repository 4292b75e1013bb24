"""Partial documents (point 6 of issue 12): a draft without signature, an attachment without number."""

from __future__ import annotations

import datetime as dt

import pytest

from docx_read import body_paragraphs, open_docx, paragraph_text
from kehoach.compose.composer import compose
from kehoach.model import Plan
from kehoach.writers.docx import write_docx
from kehoach.writers.text import write_text

BASE = {
    "letterhead": {"parent": "UBND tỉnh Đắk Lắk", "issuer": "Sở Y tế", "abbreviation": "SYT",
                   "number": "7", "place": "Đắk Lắk", "date": dt.date(2025, 11, 20)},
    "title": "Phòng, chống dịch",
    "sections": [{"role": "purpose", "items": ["Chủ động."]}],
    "recipients": {"items": ["Bộ Y tế"]},
}


def texts(data: dict) -> tuple[list[str], str]:
    document = compose(Plan.model_validate(data))
    return [paragraph_text(p) for p in body_paragraphs(open_docx(write_docx(document)))], write_text(document).decode()


def test_an_issued_plan_still_needs_a_signature() -> None:
    with pytest.raises(ValueError, match="needs `signature`"):
        Plan.model_validate(BASE)


def test_draft_without_signature_keeps_its_recipients() -> None:
    paragraphs, text = texts({**BASE, "status": "draft"})
    assert "- Bộ Y tế;" in paragraphs and "Nơi nhận:" in paragraphs


def test_attachment_has_no_number_date_or_signature() -> None:
    paragraphs, text = texts({**BASE, "status": "attachment", "recipients": None})
    assert not any(p.startswith("Số:") for p in paragraphs)
    assert not any("ngày 20 tháng 11 năm 2025" in p for p in paragraphs)
    assert "Nơi nhận:" not in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in paragraphs
