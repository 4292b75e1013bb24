"""Word plans with tables made the way offices make them (python-docx: merged cells through
gridSpan/vMerge, header rows not marked, grid lines some rows skip), for the table importer's tests.

``plan_docx(path, body)`` writes a complete plan (table letterhead, type name, trích yếu, căn cứ,
enacting sentence, Nơi nhận and signature) around what ``body(doc)`` adds; ``appendix`` adds a
Phụ lục after the signature. ``grid_table`` lays a table out from a compact description.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from lxml import etree


def para(doc, text: str, bold: bool = False, center: bool = False, italic: bool = False):
    p = doc.add_paragraph()
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run(text)
    run.bold = bold
    run.italic = italic
    return p


def _letterhead(doc) -> None:
    table = doc.add_table(rows=2, cols=2)
    left, right = table.rows[0].cells
    left.paragraphs[0].add_run("UBND TỈNH LÂM ĐỒNG")
    left.add_paragraph().add_run("SỞ NỘI VỤ").bold = True
    right.paragraphs[0].add_run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").bold = True
    right.add_paragraph().add_run("Độc lập - Tự do - Hạnh phúc").bold = True
    table.rows[1].cells[0].paragraphs[0].text = "Số: 15/KH-SNV"
    table.rows[1].cells[1].paragraphs[0].text = "Lâm Đồng, ngày 05 tháng 3 năm 2025"


def _closing(doc) -> None:
    para(doc, "Trên đây là Kế hoạch tuyên truyền cải cách hành chính năm 2025 của Sở Nội vụ./.")
    table = doc.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.paragraphs[0].add_run("Nơi nhận:").bold = True
    for line in ("- UBND tỉnh (b/c);", "- Các phòng thuộc Sở;", "- Lưu: VT, CCHC."):
        left.add_paragraph(line)
    right.paragraphs[0].add_run("GIÁM ĐỐC").bold = True
    right.add_paragraph("")
    right.add_paragraph().add_run("Nguyễn Văn Bình").bold = True


def plan_docx(path: Path, body: Callable, after: Callable | None = None) -> Path:
    """A plan whose body is what ``body(doc)`` writes; ``after(doc)`` writes its appendices."""
    doc = docx.Document()
    _letterhead(doc)
    para(doc, "KẾ HOẠCH", bold=True, center=True)
    para(doc, "Tuyên truyền cải cách hành chính năm 2025", bold=True, center=True)
    para(doc, "Căn cứ Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ;", italic=True)
    para(doc, "Sở Nội vụ ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2025 như sau:")
    body(doc)
    _closing(doc)
    if after is not None:
        doc.add_page_break()
        after(doc)
    doc.save(path)
    return path


def appendix(doc, title: str = "BIỂU MẪU THỐNG KÊ") -> None:
    para(doc, "PHỤ LỤC", bold=True, center=True)
    para(doc, title, bold=True, center=True)
    para(doc, "(Kèm theo Kế hoạch số 15/KH-SNV ngày 05 tháng 3 năm 2025 của Sở Nội vụ)", italic=True, center=True)


def grid_table(doc, rows: list[list], bold_rows: int = 1, grid: int | None = None):
    """A table from rows of cells: a string is a cell; ``(text, n)`` a cell over n columns; ``"^"``
    continues the cell above (vMerge); ``None`` a grid column the row skips at its end (gridAfter).
    The first ``bold_rows`` rows are bold, as offices set their headers (no repeat-header mark)."""
    width = grid or max(sum(c[1] if isinstance(c, tuple) else 1 for c in row if c is not None) for row in rows)
    table = doc.add_table(rows=len(rows), cols=width)
    table.style = doc.styles["Table Grid"]
    skips: list[tuple[int, int]] = []
    for r, row in enumerate(rows):
        column = 0
        after = 0
        for value in row:
            if value is None:
                after += 1
                continue
            text, span = value if isinstance(value, tuple) else (value, 1)
            cell = table.cell(r, column)
            if span > 1:
                cell = cell.merge(table.cell(r, column + span - 1))
            if text == "^":
                tcpr = cell._tc.get_or_add_tcPr()
                etree.SubElement(tcpr, qn("w:vMerge"))  # continue
                above = table.rows[r - 1].cells[column]._tc.get_or_add_tcPr()
                if above.find(qn("w:vMerge")) is None:
                    etree.SubElement(above, qn("w:vMerge")).set(qn("w:val"), "restart")
            elif text:
                cell.paragraphs[0].add_run(text).bold = r < bold_rows
            column += span
        if after:
            skips.append((r, after))
    for r, after in skips:  # last: python-docx finds cells by position while the rows are full
        _skip_at_end(table.rows[r], after)
    return table


def _skip_at_end(row, count: int) -> None:
    """Remove the row's last ``count`` cells and declare them skipped (w:gridAfter), as Word does for
    a row narrower than the grid."""
    tr = row._tr
    for tc in tr.findall(qn("w:tc"))[-count:]:
        tr.remove(tc)
    trpr = tr.get_or_add_trPr()
    etree.SubElement(trpr, qn("w:gridAfter")).set(qn("w:val"), str(count))
