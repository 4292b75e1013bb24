"""Example nghe-an-980-kh-ubnd: the real plan 980/KH-UBND of UBND tỉnh Nghệ An (18/11/2025) and its
appendix, a landscape task table with group rows I–VIII. The .docx is read back, not the model."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx.oxml.ns import qn

from docx_read import find_paragraph, open_docx, paragraph_text, uniform_format
from kehoach.compose.composer import compose
from kehoach.source.loader import load_path
from kehoach.model import GroupRow, Plan
from kehoach.writers.docx import write_docx

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "nghe-an-980-kh-ubnd.yaml"
ISSUER_NAME = "UBND tỉnh Nghệ An"  # as the source's appendix note writes it
NOTE = f"(Kèm theo Kế hoạch số 980/KH-UBND ngày 18 tháng 11 năm 2025 của {ISSUER_NAME})"
A4_LONG_SIDE = "16838"  # twips
A4_SHORT_SIDE = "11906"


@pytest.fixture(scope="module")
def plan() -> Plan:
    loaded = load_path(EXAMPLE)
    assert loaded.plan is not None, loaded.diagnostics
    return loaded.plan


@pytest.fixture(scope="module")
def document(plan: Plan):
    return open_docx(write_docx(compose(plan)))


def label_paragraph(document):
    return find_paragraph(document, "PHỤ LỤC", exact=True)


def section_properties(document) -> list:
    """Every w:sectPr in document order: those closing a section inside a paragraph, then the body's."""
    body = document.element.body
    inner = [s for s in body.iter(qn("w:sectPr")) if s.getparent() is not body]
    return inner + [body.find(qn("w:sectPr"))]


def sections_around_label(document):
    """(sectPr of the section before the appendix label, sectPr of the label's own section)."""
    body = document.element.body
    order = {el: i for i, el in enumerate(body.iter())}
    label_at = order[label_paragraph(document)]
    sections = section_properties(document)
    before = [s for s in sections if s.getparent() is not body and order[s] < label_at]
    after = [s for s in sections if s.getparent() is body or order[s] > label_at]
    assert before and after
    return before[-1], after[0]


def appendix_table(document):
    note = find_paragraph(document, NOTE, exact=True)
    rule = note.getnext()  # the short rule under the note line (Phụ lục III, Mẫu 2.1)
    assert rule.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}") is not None
    table = rule.getnext()
    assert table is not None and table.tag == qn("w:tbl"), "the note's rule is not followed by the table"
    return table


def row_cells(row) -> list:
    return row.findall(qn("w:tc"))


def grid_span(cell) -> int:
    span = cell.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
    return int(span.get(qn("w:val"))) if span is not None else 1


def yaml_groups(plan: Plan) -> list[str]:
    """Each group row as it reads: its number (in the TT column, as the original) and its name."""
    rows = plan.appendices[0].tables[0].rows
    return [f"{row.number} {row.group}" for row in rows if isinstance(row, GroupRow)]


def test_issuer_name_is_the_notes() -> None:
    loaded = load_path(EXAMPLE)
    assert loaded.plan.letterhead.issuer_name == ISSUER_NAME
    assert loaded.plan.appendices[0].note is None  # composed by the tool, not typed


def test_appendix_starts_a_landscape_section(document) -> None:
    before, own = sections_around_label(document)
    size = before.find(qn("w:pgSz"))
    assert (size.get(qn("w:w")), size.get(qn("w:orient"))) == (A4_SHORT_SIDE, None)
    size = own.find(qn("w:pgSz"))
    assert size.get(qn("w:orient")) == "landscape"
    assert (size.get(qn("w:w")), size.get(qn("w:h"))) == (A4_LONG_SIDE, A4_SHORT_SIDE)
    kind = own.find(qn("w:type"))
    assert kind is None or kind.get(qn("w:val")) == "nextPage"


def test_appendix_page_numbers_restart(document) -> None:
    _, own = sections_around_label(document)
    numbering = own.find(qn("w:pgNumType"))
    assert numbering is not None and numbering.get(qn("w:start")) == "1"


def test_table_fits_the_landscape_text_width(document) -> None:
    _, own = sections_around_label(document)
    size, margins = own.find(qn("w:pgSz")), own.find(qn("w:pgMar"))
    text_width = int(size.get(qn("w:w"))) - int(margins.get(qn("w:left"))) - int(margins.get(qn("w:right")))
    grid = [int(col.get(qn("w:w"))) for col in appendix_table(document).iter(qn("w:gridCol"))]
    assert len(grid) == 6
    assert sum(grid) <= text_width + 2  # twip rounding of six cm widths


def test_header_row_repeats_on_every_page(document) -> None:
    rows = appendix_table(document).findall(qn("w:tr"))
    header = rows[0].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}")
    assert header is not None and header.get(qn("w:val"), "true") in {"1", "true", "on"}
    assert [paragraph_text(c) for c in row_cells(rows[0])] == [
        "TT", "Nội dung thực hiện", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành",
        "Sản phẩm dự kiến"]
    assert all(r.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None for r in rows[1:])


def test_group_rows_span_the_table(plan: Plan, document) -> None:
    groups = yaml_groups(plan)
    assert len(groups) == 8  # I–VIII
    rows = appendix_table(document).findall(qn("w:tr"))[1:]
    # A group row: its number in the TT column (aligned like that column), its name across the rest.
    spanning = [row_cells(r) for r in rows if len(row_cells(r)) == 2]
    assert len(spanning) == len(groups)
    assert all([grid_span(c) for c in cells] == [1, 5] for cells in spanning)
    assert [" ".join(paragraph_text(c) for c in cells) for cells in spanning] == [
        " ".join(g.split()) for g in groups]
    assert [g.split()[0] for g in groups] == ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]


def test_data_rows_have_six_cells(plan: Plan, document) -> None:
    rows = appendix_table(document).findall(qn("w:tr"))[1:]
    data = [row_cells(r) for r in rows if len(row_cells(r)) != 2]
    source = [r for r in plan.appendices[0].tables[0].rows if isinstance(r, list)]
    assert len(data) == len(source) == 18  # the crawl elides rows II.9… to VI.1
    assert all(len(cells) == 6 and all(grid_span(c) == 1 for c in cells) for cells in data)
    first = [paragraph_text(c) for c in data[0]]
    assert first[0] == "1" and first[4] == "Trước ngày 30/11/2025"


def test_note_line_is_italic_and_cites_the_plan(document) -> None:
    label = label_paragraph(document)
    title = label.getnext()
    note = title.getnext()
    assert paragraph_text(title).startswith("DANH MỤC NHIỆM VỤ TRIỂN KHAI THI HÀNH NGHỊ ĐỊNH")
    assert paragraph_text(note) == NOTE
    fmt = uniform_format(document, note)
    assert fmt.italic and not fmt.bold


def test_label_is_bold(document) -> None:
    fmt = uniform_format(document, label_paragraph(document))
    assert fmt.bold and not fmt.italic


def test_closing_note_to_the_appendix_is_italic_body_text(document) -> None:
    """closing_italic: the source sets "(Chi tiết … tại Phụ lục kèm theo)" in italics, as body text."""
    note = find_paragraph(document, "(Chi tiết Danh mục nhiệm vụ tại Phụ lục kèm theo)", exact=True)
    fmt = uniform_format(document, note)
    assert fmt.italic and not fmt.bold
    before = note.getprevious()  # the section's last item stays upright
    assert paragraph_text(before) == "8. Duy trì hoạt động phòng thủ dân sự thường xuyên."
    assert not uniform_format(document, before).italic
