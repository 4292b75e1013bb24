"""Inline emphasis (point 1 of issue 12) read back from the .docx, the .html and the .txt."""

from __future__ import annotations

import datetime as dt
import re

from docx.oxml.ns import qn

from docx_read import find_paragraph, open_docx, run_format, text_runs
from kehoach.compose.composer import compose
from kehoach.model import Plan
from kehoach.writers.docx import write_docx
from kehoach.writers.html import write_html
from kehoach.writers.text import write_text

DATA = {
    "letterhead": {"parent": "UBND tỉnh Đắk Lắk", "issuer": "Sở Y tế", "abbreviation": "SYT", "number": "7",
                   "place": "Đắk Lắk", "date": dt.date(2025, 11, 20)},
    "title": "Phòng, chống dịch",
    "preamble": {"bases": ["Căn cứ Luật **Phòng, chống** bệnh truyền nhiễm"]},
    "sections": [
        {"role": "purpose", "items": [
            "Báo cáo **trước 19h00 hằng ngày** về Sở Y tế.",
            {"heading": "Yêu cầu", "run_in": True, "text": "*Lưu ý:* giá 5 * 3 \\* đồng."}]},
        {"role": "assignments", "items": [{"body": "Sở Tài chính", "run_in": True,
                                          "text": "Bố trí ***kinh phí***"}]},
    ],
    "closing": "Trên đây là Kế hoạch ***phòng, chống dịch***",
    "signature": {"on_behalf_of": "Ủy ban nhân dân", "title": "Chủ tịch", "name": "Lê Văn A"},
    "recipients": {"items": ["Bộ Y tế *(để báo cáo)*"], "archive": {"units": ["VT"]}},
    "appendices": [{"title": "Chỉ tiêu", "tables": [{
        "columns": ["TT", "Nội dung", "Điểm"],
        "rows": [[1, "Tiêm chủng\n*đủ liều*", "**10**"]]}]}],
}


def _render():
    document = compose(Plan.model_validate(DATA))
    return document, write_docx(document), write_html(document).decode(), write_text(document).decode()


def _runs(doc, p):
    return [("".join(t.text for t in r.iter(qn("w:t"))), run_format(doc, p, r).bold,
             run_format(doc, p, r).italic) for r in text_runs(p)]


def test_docx_runs_carry_emphasis_at_the_right_offsets() -> None:
    _, data, _, _ = _render()
    doc = open_docx(data)
    p = find_paragraph(doc, "Báo cáo trước 19h00")
    assert _runs(doc, p) == [("1. ", False, False), ("Báo cáo ", False, False),
                             ("trước 19h00 hằng ngày", True, False), (" về Sở Y tế.", False, False)]
    p = find_paragraph(doc, "Lưu ý:")
    runs = _runs(doc, p)
    assert ("Lưu ý:", False, True) in runs
    assert "".join(text for text, _, _ in runs) == "2. Yêu cầu: Lưu ý: giá 5 * 3 * đồng."
    # the end mark after an emphasised phrase is upright
    p = find_paragraph(doc, "Trên đây")
    assert _runs(doc, p)[-2:] == [("phòng, chống dịch", True, True), ("./.", False, False)]
    p = find_paragraph(doc, "Bố trí")
    assert _runs(doc, p)[-1] == ("kinh phí", True, True)
    # the basis is italic throughout, the marked words bold too, the ";"/"." not bold
    p = find_paragraph(doc, "Căn cứ Luật")
    assert _runs(doc, p) == [("Căn cứ Luật ", False, True), ("Phòng, chống", True, True),
                             (" bệnh truyền nhiễm.", False, True)]


def test_docx_recipients_and_cells() -> None:
    _, data, _, _ = _render()
    doc = open_docx(data)
    p = find_paragraph(doc, "Bộ Y tế")
    assert ("(để báo cáo)", False, True) in _runs(doc, p)
    # a cell with two lines is two paragraphs (no w:br), the second italic
    cell = find_paragraph(doc, "Tiêm chủng", exact=True).getparent()
    paragraphs = cell.findall(qn("w:p"))
    assert [_runs(doc, p) for p in paragraphs] == [[("Tiêm chủng", False, False)], [("đủ liều", False, True)]]
    assert not list(cell.iter(qn("w:br")))
    p = find_paragraph(doc, "10", exact=True)
    assert _runs(doc, p) == [("10", True, False)]


def test_html_uses_strong_and_em() -> None:
    _, _, page, _ = _render()
    assert "Báo cáo <strong>trước 19h00 hằng ngày</strong> về Sở Y tế." in page
    assert "<em>Lưu ý:</em> giá 5 * 3 * đồng." in page
    assert "<em><strong>kinh phí</strong></em>" in page or "<strong><em>kinh phí</em></strong>" in page
    assert "<p>Tiêm chủng</p><p><em>đủ liều</em></p>" in page
    assert "Bộ Y tế <em>(để báo cáo)</em>;" in page
    assert "**" not in page and not re.search(r"\\\*", page)


def test_text_drops_markers() -> None:
    _, _, _, text = _render()
    assert "1. Báo cáo trước 19h00 hằng ngày về Sở Y tế." in text
    assert "2. Yêu cầu: Lưu ý: giá 5 * 3 * đồng." in text
    assert "- Bộ Y tế (để báo cáo);" in text
    assert "| 1 | Tiêm chủng đủ liều | 10 |" in text
    assert "**" not in text and "\\" not in text
