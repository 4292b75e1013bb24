"""Every date the tool writes follows the decree's padding (Phụ lục I, II.4.b), the one its own
KH203 enforces on typed text: days 1–9 and months 1–2 with a leading zero, months 3–12 without."""

from __future__ import annotations

import copy
import datetime as dt
import re

import pytest

from kehoach.build import render
from kehoach.lint.rules.dates import wrong_dates
from kehoach.model import Plan
from tests.docx_read import body_paragraphs, open_docx, paragraph_text
from tests.writers.test_text_html import DATA

DEADLINES = {dt.date(2025, 9, 20): "20/9/2025", dt.date(2025, 2, 5): "05/02/2025",
             dt.date(2026, 12, 3): "03/12/2026", dt.date(2025, 1, 31): "31/01/2025"}


def plan() -> Plan:
    data = copy.deepcopy(DATA)
    data["letterhead"]["date"] = dt.date(2025, 3, 4)
    data["sections"].append({"role": "solutions", "items": [
        {"text": f"Nhiệm vụ {i}.", "lead": "Sở Tư pháp", "deadline": day} for i, day in enumerate(DEADLINES)]})
    return Plan.model_validate(data)


def written_text(fmt: str) -> str:
    data = render(plan(), fmt)
    if fmt == "docx":
        return "\n".join(paragraph_text(p) for p in body_paragraphs(open_docx(data)))
    text = data.decode("utf-8")
    return re.sub(r"<[^>]+>", "", text) if fmt == "html" else text


@pytest.mark.parametrize("fmt", ["docx", "html", "txt"])
def test_every_written_date_passes_kh203(fmt: str) -> None:
    text = written_text(fmt)
    for expected in DEADLINES.values():
        assert expected in text
    assert "20/09/2025" not in text
    assert "ngày 04 tháng 3 năm 2025" in text
    assert list(wrong_dates(text)) == []
