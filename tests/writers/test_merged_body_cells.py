"""Merged body cells ({value: …, rows: N, cols: M}): a cell spanning rows and columns in the body of
a table, as real appendices print them (Đắk Lắk 0134 Phụ lục I: a Ghi chú over several points, a
point's TT and name over its two rows). Read back from the .docx (vMerge restart/continue,
gridSpan), the .html (rowspan/colspan) and the .txt (columns kept in line); the rules that walk
table rows read the merged cells' text."""

from __future__ import annotations

from docx.oxml.ns import qn

from docx_read import open_docx
from kehoach.build import render
from kehoach.lint import lint
from kehoach.source.loader import load_text

PLAN = """\
letterhead:
  issuer: [ỦY BAN NHÂN DÂN, TỈNH ĐẮK LẮK]
  abbreviation: UBND
  number: "12"
  place: Đắk Lắk
  date: 2025-11-05
title: Quan trắc môi trường nuôi trồng thủy sản
sections:
  - role: goals
    items: [Quan trắc định kỳ.]
  - role: assignments
    items: [{body: Sở Nông nghiệp và Môi trường, text: Chủ trì.}]
signature: {title: CHỦ TỊCH, name: Nguyễn Văn A}
recipients: {items: [Sở Tài chính], archive: {units: [VT]}}
appendices:
  - title: Vị trí quan trắc
    tables:
      - columns: [{title: TT, align: center}, {title: Tên điểm}, {title: X}, {title: "Y"}, {title: Ghi chú}]
        rows:
          - number: "I"
            group: Vùng nuôi nước ngọt
          - [{value: "13", rows: 2}, {value: Phường Ea Kao, rows: 2}, "449860", "1393759", {value: GHICHU, rows: 3}]
          - [{value: Vị trí theo thực tế lấy mẫu, cols: 2}]
          - ["14", Xã Ea Na, "443253", "1382289"]
          - ["15", Xã Nam Ka, "450549", "1358013", "cuối"]
"""


def _plan():
    loaded = load_text(PLAN, "merged.yaml")
    assert loaded.plan is not None, loaded.diagnostics
    return loaded.plan


def _appendix_table(data: bytes):
    return open_docx(data).element.body.findall(qn("w:tbl"))[-1]


def _cells(tr) -> list[tuple[str, str | None, int, str]]:
    """(text, vMerge value or None, gridSpan, vAlign) of each cell of a row."""
    out = []
    for tc in tr.findall(qn("w:tc")):
        tcpr = tc.find(qn("w:tcPr"))
        vm = tcpr.find(qn("w:vMerge"))
        span = tcpr.find(qn("w:gridSpan"))
        valign = tcpr.find(qn("w:vAlign"))
        out.append(("".join(t.text or "" for t in tc.iter(qn("w:t"))),
                    None if vm is None else vm.get(qn("w:val"), "continue"),
                    int(span.get(qn("w:val"))) if span is not None else 1,
                    valign.get(qn("w:val")) if valign is not None else "top"))
    return out


def test_docx_merges_body_cells_down_and_across() -> None:
    tbl = _appendix_table(render(_plan(), "docx"))
    rows = tbl.findall(qn("w:tr"))[1:]  # after the header row
    first, second, third, fourth = (_cells(tr) for tr in rows[1:5])
    assert [c[:3] for c in first] == [("13", "restart", 1), ("Phường Ea Kao", "restart", 1),
                                     ("449860", None, 1), ("1393759", None, 1), ("GHICHU", "restart", 1)]
    assert [c[:3] for c in second] == [("", "continue", 1), ("", "continue", 1),
                                      ("Vị trí theo thực tế lấy mẫu", None, 2), ("", "continue", 1)]
    assert [c[:3] for c in third] == [("14", None, 1), ("Xã Ea Na", None, 1), ("443253", None, 1),
                                     ("1382289", None, 1), ("", "continue", 1)]
    assert [c[:3] for c in fourth][-1] == ("cuối", None, 1)
    # Real plans centre the text of body cells vertically (r01: 460 of 465 cells).
    assert {c[3] for row in (first, second, third, fourth) for c in row} == {"center"}
    # Every row covers the five grid columns.
    for tr in rows:
        assert sum(c[2] for c in _cells(tr)) == 5


def test_html_prints_rowspan_and_colspan() -> None:
    html = render(_plan(), "html").decode("utf-8")
    assert 'rowspan="2" style="text-align:center"><p>13</p>' in html
    assert 'rowspan="3"' in html and 'colspan="2"' in html
    # The covered positions are left out, as in HTML: the second row has one cell.
    body = html.split("<tbody>")[-1]
    second_row = body.split("<tr>")[3]
    assert second_row.count("<td") == 1


def test_text_keeps_the_columns_in_line() -> None:
    text = render(_plan(), "txt").decode("utf-8")
    assert "| 13 | Phường Ea Kao | 449860 | 1393759 | GHICHU |" in text
    # The cell over X and Y is followed by "|" for the column it covers (it once printed one cell
    # fewer than the header); the positions covered from above are blank.
    assert "|  |  | Vị trí theo thực tế lấy mẫu ||  |" in text
    assert "| 14 | Xã Ea Na | 443253 | 1382289 |  |" in text
    assert "| I | Vùng nuôi nước ngọt ||||\n" in text  # the group title spans the four other columns


def test_rules_read_merged_cells() -> None:
    """A merged cell's text is checked like any cell's (an old-style tone mark "Uỷ" inside it is
    reported at the merged cell's line and column), and the table rules walk merged rows: the
    STT of a merged first cell is read (13 does not count from 1)."""
    text = PLAN.replace("Phường Ea Kao", "Uỷ ban Ea Kao", 1)
    findings = lint(load_text(text, "merged.yaml"))
    assert not any(f.code == "KH000" for f in findings)
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "Uỷ ban" in row)
    column = text.splitlines()[line - 1].index("Uỷ ban") + 1
    assert ("KH302", line) in {(f.code, f.line) for f in findings}
    assert any(f.code == "KH302" and f.line == line and f.col >= column for f in findings)
    assert any(f.code == "KH220" and "13" in f.message for f in findings)
