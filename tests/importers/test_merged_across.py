"""Cells merged across columns are read once, whatever form the merge takes: a gridSpan cell holding
one copy per column it covers (LibreOffice's .doc import of a Word 97 merge, a Thái Nguyên decision's
"Hàng hóa, dịch vụ …" group row read three times), Word 97's hMerge restart/continue cells each holding
a copy; cells that are not merged keep their repeated text."""

import io
import zipfile
from pathlib import Path

import docx as python_docx
import yaml

from kehoach.importers import import_plan
from kehoach.importers.blocks import Table
from kehoach.importers.docx import read_docx

from tablemaker import appendix, grid_table, para, plan_docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TITLE = "Hàng hóa, dịch vụ thực hiện kê khai giá trên địa bàn tỉnh"


def _tc(text: str, props: str = "", bold: bool = True) -> str:
    rpr = "<w:rPr><w:b/><w:bCs/></w:rPr>" if bold else ""
    return (f"<w:tc><w:tcPr><w:tcW w:w=\"2000\" w:type=\"dxa\"/>{props}</w:tcPr>"
            f"<w:p><w:r>{rpr}<w:t>{text}</w:t></w:r></w:p></w:tc>")


def _table(rows: list[list[str]]) -> str:
    grid = "".join('<w:gridCol w:w="2000"/>' for _ in range(4))
    body = "".join(f"<w:tr><w:trPr></w:trPr>{''.join(row)}</w:tr>" for row in rows)
    return f"<w:tbl><w:tblPr/><w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl><w:p/>"


def _read(tmp_path: Path, body_xml: str) -> Table:
    buffer = io.BytesIO()
    python_docx.Document().save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name in source.namelist():
            data = source.read(name)
            if name == "word/document.xml":
                data = (f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}">'
                        f'<w:body>{body_xml}</w:body></w:document>').encode()
            archive.writestr(name, data)
    blocks = read_docx(out.getvalue(), tmp_path / "doc.docx").blocks
    return next(b for b in blocks if isinstance(b, Table))


def _row(table: Table, index: int) -> list[tuple[str, int]]:
    return [(cell.text, cell.span) for cell in table.rows[index]]


def test_a_spanning_cell_holding_a_copy_per_column_is_read_once(tmp_path):
    # The XML LibreOffice writes for r13's group row: "A", then one cell over three columns whose
    # single run holds the three copies Word 97 kept in the cells it merged.
    table = _read(tmp_path, _table([[_tc("A"), _tc(TITLE * 3, '<w:gridSpan w:val="3"/>')],
                                    [_tc("B"), _tc(TITLE * 2, '<w:gridSpan w:val="3"/>')]]))
    assert _row(table, 0) == [("A", 1), (TITLE, 3)]
    assert _row(table, 1) == [("B", 1), (TITLE, 3)]  # fewer copies than columns: still one
    assert table.rows[0][1].paras[0].bold


def test_copies_over_several_paragraphs_are_cut_after_the_first_copy(tmp_path):
    # Two-paragraph cells joined end to start: "Một", "HaiMột", "Hai".
    cell = ('<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>Dòng một</w:t></w:r></w:p>'
            '<w:p><w:r><w:t>Dòng hai</w:t></w:r><w:r><w:t>Dòng một</w:t></w:r></w:p>'
            '<w:p><w:r><w:t>Dòng hai</w:t></w:r></w:p></w:tc>')
    table = _read(tmp_path, _table([[_tc("1"), _tc("x"), cell]]))
    assert _row(table, 0) == [("1", 1), ("x", 1), ("Dòng một\nDòng hai", 2)]


def test_word97_hmerge_cells_are_one_cell_read_once(tmp_path):
    restart, cont = '<w:hMerge w:val="restart"/>', "<w:hMerge/>"
    table = _read(tmp_path, _table([
        [_tc("A"), _tc(TITLE, restart), _tc(TITLE, cont), _tc(TITLE, '<w:hMerge w:val="continue"/>')],
        [_tc("B"), _tc("Nhóm", restart), _tc("", cont), _tc("Ghi chú")],
        [_tc("C"), _tc("Đầu", restart), _tc("thêm", cont), _tc("Cuối")],
    ]))
    assert _row(table, 0) == [("A", 1), (TITLE, 3)]
    assert _row(table, 1) == [("B", 1), ("Nhóm", 2), ("Ghi chú", 1)]
    assert _row(table, 2) == [("C", 1), ("Đầu\nthêm", 2), ("Cuối", 1)]  # different text: kept


def test_repeated_text_in_cells_not_merged_is_kept(tmp_path):
    table = _read(tmp_path, _table([
        [_tc("Có"), _tc("Có"), _tc("Có"), _tc("Có")],
        [_tc("1"), _tc("Sở Tài chínhSở", '<w:gridSpan w:val="3"/>')],  # not whole copies
        [_tc("2"), _tc("1111", '<w:gridSpan w:val="3"/>')],  # a number, not text: left as written
        [_tc("3"), _tc("NamNamNam", '<w:gridSpan w:val="2"/>'), _tc("x")],  # 3 copies > 2 columns
    ]))
    assert _row(table, 0) == [("Có", 1)] * 4
    assert _row(table, 1) == [("1", 1), ("Sở Tài chínhSở", 3)]
    assert _row(table, 2) == [("2", 1), ("1111", 3)]
    assert _row(table, 3) == [("3", 1), ("NamNamNam", 2), ("x", 1)]


def test_imported_group_row_title_appears_once(tmp_path):
    def after(doc):
        appendix(doc, "DANH SÁCH KÊ KHAI GIÁ")
        para(doc, "Bảng 1. Danh sách", bold=True, center=True)
        grid_table(doc, [["STT", "Tên hàng hóa, dịch vụ", "Cơ quan tham mưu", "Cơ quan tiếp nhận"],
                         ["A", (TITLE * 3, 3)],
                         ["1", "Xăng, dầu thành phẩm", "Sở Công Thương", "Sở Công Thương"],
                         ["2", "Khí dầu mỏ hóa lỏng", "Sở Công Thương", "Sở Công Thương"]])

    path = plan_docx(tmp_path / "plan.docx", lambda doc: para(doc, "I. MỤC ĐÍCH"), after)
    plan = yaml.safe_load(import_plan(path).yaml)
    rows = plan["appendices"][0]["tables"][0]["rows"]
    assert rows[0] == {"number": "A", "group": TITLE}
