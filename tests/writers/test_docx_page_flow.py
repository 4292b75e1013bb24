"""How the .docx asks pages to break (issue 24), read back from the XML: keep-with-next on every line
that introduces what follows (an item whose children follow, colon or not), the closing block in
two rows (the signature and the recipients beside it never split; the rest of a long Nơi nhận may
continue), nested Nơi nhận lines indented, long table rows free to split under a repeated header,
table text at 14 pt (13 pt in a dense table, or the plan's size) centred vertically."""

from __future__ import annotations

from docx.oxml.ns import qn

from docx_read import find_paragraph, open_docx, paragraph_format, paragraph_text, run_format, text_runs
from kehoach.build import render
from kehoach.source.loader import load_text

PLAN = """\
letterhead:
  issuer: [ỦY BAN NHÂN DÂN, TỈNH LÂM ĐỒNG]
  abbreviation: UBND
  number: "12"
  place: Lâm Đồng
  date: 2026-01-05
title: Quan trắc môi trường
sections:
  - role: solutions
    items:
      - text: Thông số, tần suất quan trắc
        items:
          - Độ pH, nhiệt độ, độ mặn.
          - Kim loại nặng.
      - Quan trắc đột xuất khi có sự cố.
  - role: assignments
    items: [{body: Sở Tài chính, text: Chủ trì.}]
closing: Trên đây là Kế hoạch quan trắc môi trường của Ủy ban nhân dân tỉnh
signature: {title: CHỦ TỊCH, name: Nguyễn Văn A}
recipients:
  items:
    - Sở Tài chính
    - name: "UBND tỉnh:"
      items: [CT, các PCT, "Lưu: VT"]
RECIPIENTS
appendices:
  - title: Danh mục
    tables:
      - columns: [{title: TT}, {title: Nội dung}, {title: Ghi chú}]
        rows:
          - ["1", Ngắn, ""]
          - ["2", "LONG", ""]
      - font_size: 12
        valign: top
        columns: [{title: A}, {title: B}, {title: C}, {title: D}, {title: E}, {title: F}, {title: G}]
        rows:
          - ["1", "2", "3", "4", "5", "6", "7"]
      - columns: [{title: A}, {title: B}, {title: C}, {title: D}, {title: E}, {title: F}, {title: G}]
        rows:
          - ["1", "2", "3", "4", "5", "6", "7"]
"""
LONG = "Các cơ quan, đơn vị chủ động xây dựng kế hoạch chi tiết và tổ chức thực hiện. " * 12


def _document(recipients: int = 0):
    extra = "".join(f"    - Đơn vị số {n}\n" for n in range(1, recipients + 1))
    text = PLAN.replace("RECIPIENTS\n", extra).replace("LONG", LONG.strip())
    loaded = load_text(text, "plan.yaml")
    assert loaded.plan is not None, loaded.diagnostics
    return open_docx(render(loaded.plan, "docx"))


def _keeps(doc, p) -> bool:
    """keepNext as Word resolves it: the paragraph's own setting, else its style's."""
    own = p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}")
    if own is not None:
        return own.get(qn("w:val")) in (None, "1", "true", "on")
    style_id = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}").get(qn("w:val"))
    style = next(s for s in doc.styles.element.iter(qn("w:style")) if s.get(qn("w:styleId")) == style_id)
    return style.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None


def test_an_item_whose_children_follow_keeps_with_them_colon_or_not() -> None:
    doc = _document()
    assert _keeps(doc, find_paragraph(doc, "Thông số, tần suất quan trắc"))
    assert not _keeps(doc, find_paragraph(doc, "Kim loại nặng."))  # its sibling follows, not a child
    assert not _keeps(doc, find_paragraph(doc, "Quan trắc đột xuất"))


def _closing_rows(doc):
    closing = next(t for t in doc.element.body.iter(qn("w:tbl")) if "Nơi nhận:" in "".join(
        x.text or "" for x in t.iter(qn("w:t"))))
    return closing.findall(qn("w:tr"))


def test_a_short_closing_is_one_row_that_never_splits() -> None:
    rows = _closing_rows(_document())
    assert len(rows) == 1
    assert rows[0].find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None


def test_a_long_recipients_list_continues_in_a_row_that_may_split() -> None:
    rows = _closing_rows(_document(recipients=30))
    assert len(rows) == 2
    first, rest = rows
    assert first.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None
    assert rest.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is None
    first_text = [paragraph_text(p) for p in first.iter(qn("w:p"))]
    # The signature with the first recipients beside it; the last lines in the row that may split.
    assert "Nguyễn Văn A" in first_text and "- Sở Tài chính;" in first_text
    assert 4 <= sum(t.startswith(("-", "+")) for t in first_text) < 20
    rest_text = [paragraph_text(p) for p in rest.iter(qn("w:p"))]
    assert rest_text[-2:] == ["- Lưu: VT.", ""] or "- Lưu: VT." in rest_text


def test_the_end_mark_paragraph_keeps_with_the_closing_block() -> None:
    doc = _document()
    assert _keeps(doc, find_paragraph(doc, "Trên đây là Kế hoạch"))


def test_nested_recipients_print_indented_with_their_own_archive_line() -> None:
    doc = _document()
    parent = find_paragraph(doc, "- UBND tỉnh:", exact=True)
    child = find_paragraph(doc, "+ CT;", exact=True)
    archive = find_paragraph(doc, "+ Lưu: VT.", exact=True)
    assert paragraph_format(doc, parent).left == 0
    assert paragraph_format(doc, child).left > 0
    assert paragraph_format(doc, archive).left == paragraph_format(doc, child).left


def _data_tables(doc):
    return [t for t in doc.element.body.iter(qn("w:tbl"))
            if t.find(f"{qn('w:tblPr')}/{qn('w:tblBorders')}/{qn('w:top')}").get(qn("w:val")) != "nil"]


def test_a_long_row_may_split_under_a_repeated_header() -> None:
    table = _data_tables(_document())[0]
    header, short, long = table.findall(qn("w:tr"))
    assert header.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    assert short.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None
    assert long.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is None


def _cell_looks(doc, table) -> set[tuple[float, str]]:
    out = set()
    for tr in table.findall(qn("w:tr"))[1:]:
        for tc in tr.findall(qn("w:tc")):
            valign = tc.find(f"{qn('w:tcPr')}/{qn('w:vAlign')}")
            for p in tc.iter(qn("w:p")):
                for r in text_runs(p):
                    out.add((run_format(doc, p, r).size_pt,
                             valign.get(qn("w:val")) if valign is not None else "top"))
    return out


def test_table_text_size_and_vertical_alignment() -> None:
    doc = _document()
    plain, set_by_plan, dense = _data_tables(doc)
    assert _cell_looks(doc, plain) == {(14.0, "center")}
    assert _cell_looks(doc, set_by_plan) == {(12.0, "top")}
    assert _cell_looks(doc, dense) == {(13.0, "center")}


def test_a_long_closing_paragraph_keeps_only_its_last_sentences_with_the_signature() -> None:
    """LibreOffice moves a kept paragraph whole: a closing over six lines is printed as two
    paragraphs, cut before its last sentences; only those keep with the closing block."""
    first = "Các sở, ban, ngành và địa phương tổ chức thực hiện nghiêm túc, hiệu quả các nội dung. " * 9
    loaded = load_text(PLAN.replace("RECIPIENTS\n", "").replace("LONG", "x").replace(
        "closing: Trên đây là", f"closing: {first}Trên đây là"), "plan.yaml")
    assert loaded.plan is not None, loaded.diagnostics
    doc = open_docx(render(loaded.plan, "docx"))
    head = find_paragraph(doc, "Các sở, ban, ngành")
    tail = find_paragraph(doc, "Trên đây là Kế hoạch")
    assert head is not tail
    assert paragraph_text(tail).startswith("Các sở") and paragraph_text(tail).endswith("./.")
    assert paragraph_text(head).endswith("các nội dung.")
    assert len(paragraph_text(tail)) < 250 < len(paragraph_text(head))  # a few lines kept, not all
    assert not _keeps(doc, head) and _keeps(doc, tail)
    # The plain text keeps the author's one paragraph.
    text = render(loaded.plan, "txt").decode("utf-8")
    assert "các nội dung. Trên đây là Kế hoạch" in text


def test_a_short_closing_paragraph_stays_one_paragraph_and_keeps_whole() -> None:
    """Up to six lines the author's paragraph is not cut: it moves whole with the signature."""
    first = "Các sở, ban, ngành và địa phương tổ chức thực hiện nghiêm túc, hiệu quả các nội dung. " * 3
    loaded = load_text(PLAN.replace("RECIPIENTS\n", "").replace("LONG", "x").replace(
        "closing: Trên đây là", f"closing: {first}Trên đây là"), "plan.yaml")
    doc = open_docx(render(loaded.plan, "docx"))
    closing = find_paragraph(doc, "Trên đây là Kế hoạch")
    assert paragraph_text(closing).startswith("Các sở") and _keeps(doc, closing)


def test_without_a_signature_recipients_never_open_a_page_alone() -> None:
    """An unsigned draft: "Nơi nhận:" and its first lines share a row that never splits, and the
    last body paragraph keeps with that row, so no page holds only the Nơi nhận."""
    text = PLAN.replace("signature: {title: CHỦ TỊCH, name: Nguyễn Văn A}\n", "status: draft\n").replace(
        "RECIPIENTS\n", "".join(f"    - Đơn vị số {n}\n" for n in range(1, 20))).replace("LONG", "x")
    loaded = load_text(text, "plan.yaml")
    assert loaded.plan is not None, loaded.diagnostics
    doc = open_docx(render(loaded.plan, "docx"))
    first = _closing_rows(doc)[0]
    assert first.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None
    lines = [paragraph_text(p) for p in first.findall(f"{qn('w:tc')}/{qn('w:p')}")]
    assert lines[0] == "Nơi nhận:" and sum(line.startswith(("-", "+")) for line in lines) >= 3
    assert _keeps(doc, find_paragraph(doc, "Trên đây là Kế hoạch"))


def test_a_long_keep_chain_drops_its_weakest_link_first() -> None:
    """A heading, a lead-in, a long paragraph and a table would move as one block of a third of a
    page: the long paragraph's link to the table goes, the heading's and the lead-in's stay; a
    one-line caption keeps with its table."""
    from kehoach.compose.document import ParaKind, Paragraph, Run, Table, TableCell
    from kehoach.writers.docx.flow import _keeps
    from kehoach.writers.docx.wml import TEXT_W_PORTRAIT

    table = Table(header=[[TableCell("TT"), TableCell("Nội dung")]], rows=[[TableCell("1"), TableCell("A")]],
                  widths_cm=[None, None])
    blocks = [Paragraph(ParaKind.heading, [Run("NỘI DUNG")], label="II.", bold=True),
              Paragraph(ParaKind.body, [Run("Trọng tâm:")]),
              Paragraph(ParaKind.body, [Run(LONG[:300])]), table,
              Paragraph(ParaKind.body, [Run("Biểu mẫu 1")]), table]
    assert _keeps(blocks, TEXT_W_PORTRAIT) == [True, True, False, False, True, False]


def test_a_heading_cut_from_its_chain_has_its_keep_turned_off() -> None:
    """A heading's style keeps it with the next paragraph; where the chain is cut (a heading too
    long to move whole) the paragraph says keepNext off."""
    from kehoach.compose.document import Document, ParaKind, Paragraph, Part, Run, Title
    from kehoach.writers.docx import write_docx

    heading = Paragraph(ParaKind.heading, [Run(LONG[:400].upper())], label="II.", bold=True)
    part = Part(None, Title("KẾ HOẠCH", ["Thử"]), [heading, Paragraph(ParaKind.body, [Run("Nội dung.")])], None)
    doc = open_docx(write_docx(Document([part], title="x")))
    p = find_paragraph(doc, LONG[:30].upper())
    keep = p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}")
    assert keep is not None and keep.get(qn("w:val")) == "0"
    assert not _keeps(doc, p)


def test_a_body_ending_on_a_table_keeps_its_last_row_with_the_closing_block() -> None:
    from kehoach.compose.document import Closing, Document, Part, RecipientLine, Signature, Table, TableCell, Title
    from kehoach.writers.docx import write_docx

    table = Table(header=[[TableCell("TT"), TableCell("Nội dung")]],
                  rows=[[TableCell("1"), TableCell("Đầu")], [TableCell("2"), TableCell("CUỐI")]],
                  widths_cm=[None, None])
    closing = Closing([RecipientLine("- Lưu: VT.")], Signature([], "CHỦ TỊCH", "Nguyễn Văn A"))
    doc = open_docx(write_docx(Document([Part(None, Title("KẾ HOẠCH", ["Thử"]), [table], closing)], title="x")))
    assert _keeps(doc, find_paragraph(doc, "CUỐI")) and not _keeps(doc, find_paragraph(doc, "Đầu"))
