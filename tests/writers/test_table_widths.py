"""Data-table column widths from their content, rows that split only when very tall: read back
from the .docx (the rendered pages are checked in test_layout_pdf.py)."""

from __future__ import annotations

from pathlib import Path

from docx.oxml.ns import qn

from docx_read import open_docx
from kehoach.common import nd30
from kehoach.compose.document import (Document, Letterhead, ParaKind, Paragraph, Part, Run, Table,
                                      TableCell, Title)
from kehoach.build import render
from kehoach.common.textwidth import text_width_em
from kehoach.source.loader import load_text
from kehoach.writers.docx import write_docx

TEXT_W = 9355  # A4 portrait text width in twips (210 - 30 - 15 mm)
PAD = 2 * round(nd30.TABLE_CELL_MARGIN_CM * 1440 / 2.54)


def grid(table: Table) -> tuple[list[int], list]:
    part = Part(Letterhead([], ["SỞ Y TẾ"], None, None), Title("KẾ HOẠCH", ["Thử"]),
                [Paragraph(ParaKind.body, [Run("Bảng:")]), table], None)
    doc = open_docx(write_docx(Document([part], title="t")))
    tbl = [t for t in doc.element.body.iter(qn("w:tbl"))][-1]
    widths = [int(c.get(qn("w:w"))) for c in tbl.iter(qn("w:gridCol"))]
    return widths, tbl.findall(qn("w:tr"))


def widest_word(text: str, bold: bool) -> int:
    return max(round(text_width_em(word, bold=bold) * nd30.TABLE_TEXT_PT * 20) for word in text.split())


NAMES = ["Trung tâm Dịch vụ việc làm và Giáo dục nghề nghiệp tỉnh", "Sở Nội vụ", "Ủy ban nhân dân xã"]


def table(rows, widths=None, header=("STT", "Tên đơn vị", "CHỈ TIÊU CHUẨN", "Ghi chú")) -> Table:
    return Table(header=[[TableCell(h, bold=True, align="center") for h in header]], rows=rows,
                 widths_cm=widths or [None] * len(header))


def test_free_columns_take_widths_from_their_content():
    rows = [[TableCell(str(n), align="center"), TableCell(name), TableCell("95%"), TableCell("")]
            for n, name in enumerate(NAMES, 1)]
    widths, _ = grid(table(rows))
    assert sum(widths) <= TEXT_W
    assert len(set(widths)) > 1  # not one equal share each
    assert widths[1] == max(widths)  # the names get the room
    for width, header in zip(widths, ("STT", "Tên đơn vị", "CHỈ TIÊU CHUẨN", "Ghi chú")):
        assert width >= widest_word(header, bold=True) + PAD, header  # no header word breaks


def test_plan_widths_that_must_shrink_keep_header_words_whole():
    rows = [[TableCell("1"), TableCell(NAMES[0]), TableCell("95%"), TableCell("")]]
    widths, _ = grid(table(rows, widths=[0.6, 14.0, 1.0, 4.0]))  # 19.6 cm asked, 16.5 cm there
    assert sum(widths) <= TEXT_W
    assert widths[0] >= widest_word("STT", bold=True) + PAD
    assert widths[2] >= widest_word("CHUẨN", bold=True) + PAD


def test_only_very_tall_rows_may_split_across_pages():
    tall = " ".join(["Nội dung rất dài của một nhiệm vụ được giao cho nhiều cơ quan phối hợp."] * 40)
    rows = [[TableCell("1"), TableCell(NAMES[0]), TableCell("95%"), TableCell("")],
            [TableCell("2"), TableCell(tall), TableCell("95%"), TableCell("")]]
    _, trs = grid(table(rows))
    can_split = [tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is None for tr in trs]
    assert can_split == [False, False, True]  # header, a short row, the tall row
    assert trs[0].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None


def test_plan_widths_too_narrow_for_their_words_take_the_unused_page_width():
    """A width the plan set for smaller text ("1.035.809" in 2.2 cm at 12 pt) would break the
    figure at 13-14 pt: the column gets what its longest word needs from the width the table
    leaves unused, and the others keep theirs."""
    rows = [[TableCell("1"), TableCell(NAMES[0]), TableCell("1.035.809.000"), TableCell("")]]
    widths, _ = grid(table(rows, widths=[1.0, 8.0, 1.5, 3.0]))  # 13.5 cm of 16.5
    assert widths[2] >= widest_word("1.035.809.000", bold=False) + PAD
    assert widths[1] == round(8.0 * 1440 / 2.54) and sum(widths) <= TEXT_W


def test_a_table_a_little_wider_than_the_text_stays_portrait_and_fits_the_text_width():
    # r13 (a provincial decision) sets its appendix table at 17 cm for 2 cm margins: portrait, as
    # printed, its columns shrunk in proportion to our 16.5 cm — not a landscape page.
    plan = (Path(__file__).resolve().parents[1] / "fixtures" / "minimal_plan.yaml").read_text(encoding="utf-8")
    plan += """appendices:
  - title: THẨM QUYỀN TIẾP NHẬN KÊ KHAI GIÁ
    tables:
      - columns:
          - {title: STT, width: 1.17}
          - {title: "Tên hàng hóa, dịch vụ", width: 4.73}
          - {title: Cơ quan tham mưu, width: 4.0}
          - {title: Cơ quan tiếp nhận kê khai giá, width: 7.1}
        rows:
          - ["1", "Xăng, dầu thành phẩm", "", Sở Công Thương]
"""
    loaded = load_text(plan, "r13-shape.yaml")
    assert loaded.plan is not None
    doc = open_docx(render(loaded.plan, "docx"))
    assert not [s for s in doc.element.body.iter(qn("w:pgSz")) if s.get(qn("w:orient")) == "landscape"]
    tbl = list(doc.element.body.iter(qn("w:tbl")))[-1]
    widths = [int(c.get(qn("w:w"))) for c in tbl.iter(qn("w:gridCol"))]
    assert TEXT_W - 20 <= sum(widths) <= TEXT_W
    # in the plan's proportions (STT a little wider, so that its header word stays whole)
    shares = [w / sum(widths) for w in widths]
    assert all(abs(share - cm / 17.0) <= 0.03 for share, cm in zip(shares, [1.17, 4.73, 4.0, 7.1]))
