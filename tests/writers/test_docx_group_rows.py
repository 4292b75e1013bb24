"""Group rows of an appendix table never end a page: each paragraph of the row keeps with the next
row, whether the group's number is written in its text ("I. TUYÊN TRUYỀN", split by the writer) or
given apart (``number: "1.1"``, a cell of its own before the spanning name)."""

from __future__ import annotations

from pathlib import Path

from docx.oxml.ns import qn

from docx_read import open_docx, paragraph_text
from kehoach.build import render
from kehoach.source.loader import load_path

PLAN = """\
letterhead: {issuer: [ỦY BAN NHÂN DÂN, TỈNH ĐẮK LẮK], abbreviation: UBND, number: "5", symbol: KH-UBND,
             place: Đắk Lắk, date: 2025-11-25}
title: Quan trắc môi trường
sections:
  - role: goals
    items: [Quan trắc môi trường nuôi trồng thủy sản.]
appendices:
  - title: Dự toán kinh phí
    tables:
      - columns: [TT, Chỉ tiêu, Số lượng, Thành tiền]
        rows:
          - {number: "1.1", group: Vùng nuôi tôm, cells: ["20"]}
          - ["-", Nhiệt độ, "2", "20"]
          - {group: Tổng, cells: ["20"]}
signature: {authority: KT, on_behalf_of: ỦY BAN NHÂN DÂN, head_title: CHỦ TỊCH, title: PHÓ CHỦ TỊCH, name: A}
recipients: {items: [UBND các xã, phường]}
"""


def test_numbered_and_unnumbered_group_rows_keep_with_the_next_row(tmp_path: Path) -> None:
    source = tmp_path / "plan.yaml"
    source.write_text(PLAN, "utf-8")
    loaded = load_path(source)
    assert loaded.plan is not None, loaded.diagnostics
    doc = open_docx(render(loaded.plan, "docx"))
    table = doc.tables[-1]._tbl
    rows = table.findall(qn("w:tr"))

    def keeps(row) -> bool:
        return all(p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None for p in row.iter(qn("w:p")))

    texts = [[paragraph_text(tc) for tc in r.findall(qn("w:tc"))] for r in rows]
    assert texts[1] == ["1.1", "Vùng nuôi tôm", "20"]
    assert [keeps(r) for r in rows[1:]] == [True, False, True]
