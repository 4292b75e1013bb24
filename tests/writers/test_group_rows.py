"""Group rows (point 9 of issue 12): number in the TT column, title spanning, subtotals; too many
cells is a located error instead of silently dropped text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from docx.oxml.ns import qn

from docx_read import find_paragraph, open_docx, run_format, text_runs
from kehoach.compose.composer import compose
from kehoach.model import Plan
from kehoach.source.loader import load_path
from kehoach.writers.docx import write_docx
from kehoach.writers.text import write_text

BASE = {
    "letterhead": {"parent": "UBND tỉnh Đắk Lắk", "issuer": "Ủy ban nhân dân tỉnh", "abbreviation": "UBND",
                   "number": "134", "place": "Đắk Lắk", "date": dt.date(2025, 11, 20)},
    "title": "Ứng phó với mưa lũ",
    "sections": [{"role": "purpose", "items": ["Chủ động."]}],
    "signature": {"on_behalf_of": "Ủy ban nhân dân", "title": "Chủ tịch", "name": "Lê Văn A"},
}
COLUMNS = ["TT", "Nội dung", "Số lượng", "Thành tiền"]


def build(rows):
    data = {**BASE, "appendices": [{"title": "Dự toán", "tables": [{"columns": COLUMNS, "rows": rows}]}]}
    document = compose(Plan.model_validate(data))
    return write_docx(document), write_text(document).decode()


def _row_of(doc, text):
    p = find_paragraph(doc, text, exact=True)
    tr = p.getparent().getparent()
    cells = tr.findall(qn("w:tc"))
    spans = []
    for tc in cells:
        span = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
        spans.append(int(span.get(qn("w:val"))) if span is not None else 1)
    texts = ["".join(t.text for t in tc.iter(qn("w:t"))) for tc in cells]
    return texts, spans, p


def test_group_row_with_number_title_and_subtotal() -> None:
    data, text = build([{"number": "I", "group": "Hỗ trợ người dân", "cells": [150_000_000]},
                        [1, "Gạo", 10, 50_000_000], [2, "Nước", 20, 100_000_000]])
    doc = open_docx(data)
    texts, spans, p = _row_of(doc, "Hỗ trợ người dân")
    assert texts == ["I", "Hỗ trợ người dân", "150.000.000"] and spans == [1, 2, 1]
    assert all(run_format(doc, p, r).bold for r in text_runs(p))
    assert "| I | Hỗ trợ người dân || 150.000.000 |" in text  # the title spans two columns


def test_group_row_without_figures_spans_everything_but_its_number() -> None:
    data, _ = build([{"number": "II", "group": "Khắc phục hậu quả"}, [1, "Dọn dẹp", 1, 0]])
    texts, spans, _ = _row_of(open_docx(data), "Khắc phục hậu quả")
    assert texts == ["II", "Khắc phục hậu quả"] and spans == [1, 3]
    data, _ = build([{"group": "Cộng", "cells": [30, 150_000_000]}])
    texts, spans, _ = _row_of(open_docx(data), "Cộng")
    assert texts == ["Cộng", "30", "150.000.000"] and spans == [2, 1, 1]


def test_too_many_group_cells_is_a_located_error(tmp_path: Path) -> None:
    # Before, the first cells were dropped without a word.
    with pytest.raises(ValueError, match="group row 1 has 3 cells but only 2 columns"):
        Plan.model_validate({**BASE, "appendices": [{"title": "Dự toán", "tables": [
            {"columns": COLUMNS, "rows": [{"number": "I", "group": "Nhóm", "cells": ["a", 1, 2]}]}]}]})
    path = tmp_path / "plan.yaml"
    path.write_text(
        "letterhead: {parent: UBND tỉnh Đắk Lắk, issuer: Ủy ban nhân dân tỉnh, abbreviation: UBND, number: '1',"
        " place: Đắk Lắk, date: 2025-11-20}\ntitle: Ứng phó\nsections: [{role: purpose, items: [Chủ động.]}]\n"
        "signature: {on_behalf_of: Ủy ban nhân dân, title: Chủ tịch, name: Lê Văn A}\n"
        "appendices:\n  - title: Dự toán\n    tables:\n      - columns: [TT, Nội dung, Tiền]\n"
        "        rows:\n          - group: Nhóm\n            cells: [Ghi chú, 1, 2]\n", encoding="utf-8")
    loaded = load_path(path)
    assert loaded.plan is None
    assert any("dòng nhóm 1 có 3 ô" in d.message and d.line is not None for d in loaded.diagnostics)
