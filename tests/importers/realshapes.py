"""Small .docx files with the shapes real offices' Word files have (as e-office drafts sent for
signing): a two-column letterhead table whose number and day are blank runs of spaces, tabs or
underscores; a closing table whose cells hold several lines joined by soft breaks and runs of
spaces; text after the signature that belongs to an attachment."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH

Lines = list  # of str, or of (text, bold, italic) runs, or of a list of runs (one paragraph)


def _runs(paragraph, item) -> None:
    """``item``: "text", (text, bold, italic), or a list of such runs; "\n" is a soft line break."""
    runs = item if isinstance(item, list) else [item]
    for run in runs:
        text, bold, italic = (run, False, False) if isinstance(run, str) else run
        parts = text.split("\n")
        r = paragraph.add_run()
        for index, part in enumerate(parts):
            if index:
                r.add_break()
            r.add_text(part)
        r.bold, r.italic = bold, italic


def _cell(cell, lines: Lines) -> None:
    for index, item in enumerate(lines):
        p = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _runs(p, item)


HEAD_LEFT = [("ỦY BAN NHÂN DÂN", True, False), ("TỈNH LÂM ĐỒNG", True, False)]
HEAD_RIGHT = [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, False), ("Độc lập - Tự do - Hạnh phúc", True, False)]
BODY = [
    [("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", False, True)],
    "Ủy ban nhân dân tỉnh ban hành Kế hoạch kiểm tra năm 2026 như sau:",
    [("I. MỤC ĐÍCH, YÊU CẦU", True, False)],
    "1. Kiểm tra việc thực hiện nhiệm vụ cải cách hành chính của các sở, ngành.",
    "2. Bảo đảm khách quan, đúng quy định.",
    [("II. TỔ CHỨC THỰC HIỆN", True, False)],
    "Sở Nội vụ chủ trì, theo dõi, tổng hợp kết quả thực hiện Kế hoạch này./.",
]
CLOSING_LEFT = [[("Nơi nhận:", True, True)], "- Bộ Nội vụ;", "- Các sở, ban, ngành thuộc tỉnh;", "- Lưu: VT, NC."]
CLOSING_RIGHT = [[("KT. CHỦ TỊCH", True, False)], [("PHÓ CHỦ TỊCH", True, False)], "", "",
                 [("Nguyễn Ngọc Phúc", True, False)]]


def plan_docx(path: Path, *, number: Lines | None = None, date: Lines | None = None, body: Lines | None = None,
              closing_left: Lines | None = None, closing_right: Lines | None = None, after: Lines = (),
              title: str = "Kiểm tra công tác cải cách hành chính năm 2026", kind: str = "KẾ HOẠCH",
              closing_as_paragraphs: bool = False) -> Path:
    """A plan as an office's Word file holds it. ``number`` goes under the issuer (left cell),
    ``date`` under the motto (right cell); ``after`` are paragraphs after the closing table.
    ``closing_as_paragraphs``: no closing table, the signature typed as paragraphs, Nơi nhận under it."""
    doc = docx.Document()
    table = doc.add_table(rows=2, cols=2)
    _cell(table.rows[0].cells[0], HEAD_LEFT)
    _cell(table.rows[0].cells[1], HEAD_RIGHT)
    _cell(table.rows[1].cells[0], number if number is not None else ["Số:           /KH-UBND"])
    _cell(table.rows[1].cells[1], date if date is not None else [("Lâm Đồng, ngày      tháng 3 năm 2026", False, True)])
    for text in (kind, title):
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _runs(p, (text, True, False))
    for item in body if body is not None else BODY:
        _runs(doc.add_paragraph(), item)
    if closing_as_paragraphs:
        for item in [*(closing_right or CLOSING_RIGHT), *(closing_left or CLOSING_LEFT)]:
            _runs(doc.add_paragraph(), item)
        doc.save(path)
        return path
    closing = doc.add_table(rows=1, cols=2)
    _cell(closing.rows[0].cells[0], closing_left if closing_left is not None else CLOSING_LEFT)
    _cell(closing.rows[0].cells[1], closing_right if closing_right is not None else CLOSING_RIGHT)
    for item in after:
        _runs(doc.add_paragraph(), item)
    doc.save(path)
    return path


def decision_with_rules_docx(path: Path) -> Path:
    """r13's shape: a legal decision of the 2025 law (number with its year, no authority line, bases
    closed by an enacting sentence instead of "QUYẾT ĐỊNH:") and the Quy định it issues, divided
    into Chương, Mục, Điều, with its "(Ban hành kèm theo …)" after a soft break in the title."""
    doc = docx.Document()
    table = doc.add_table(rows=2, cols=2)
    _cell(table.rows[0].cells[0], [("ỦY BAN NHÂN DÂN\nTỈNH THÁI NGUYÊN", True, False)])
    _cell(table.rows[0].cells[1], HEAD_RIGHT)
    _cell(table.rows[1].cells[0], ["Số: 07/2025/QĐ-UBND"])
    _cell(table.rows[1].cells[1], [("Thái Nguyên, ngày 10 tháng 9 năm 2025", False, True)])

    def para(item, center=False):
        p = doc.add_paragraph()
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _runs(p, item)

    para(("QUYẾT ĐỊNH", True, False), center=True)
    para(("Ban hành Quy định quản lý nhà nước về giá trên địa bàn tỉnh", True, False), center=True)
    para(("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", False, True))
    para(("Căn cứ Luật Giá ngày 19 tháng 6 năm 2023;", False, True))
    para(("Theo đề nghị của Giám đốc Sở Tài chính tại Tờ trình số 1666/TTr-STC ngày 14 tháng 8 năm 2025;",
          False, True))
    para(("Ủy ban nhân dân tỉnh ban hành Quyết định Quy định quản lý nhà nước về giá trên địa bàn tỉnh.", False, True))
    para([("Điều 1.", True, False), (" Ban hành kèm theo Quyết định này Quy định quản lý nhà nước về giá.", False, False)])
    para([("Điều 2.", True, False), (" Quyết định này có hiệu lực thi hành kể từ ngày 10 tháng 9 năm 2025.", False, False)])
    para([("Điều 3.", True, False), (" Chánh Văn phòng Ủy ban nhân dân tỉnh và các cơ quan liên quan chịu trách "
                                      "nhiệm thi hành Quyết định này./.", False, False)])
    closing = doc.add_table(rows=1, cols=2)
    _cell(closing.rows[0].cells[0], [[("Nơi nhận:\n", True, True), ("- Bộ Tài chính;\n- Các sở, ban, ngành của tỉnh;"
                                                                    "\n- Lưu: VT, KT.", False, False)]])
    _cell(closing.rows[0].cells[1], [[("TM. ỦY BAN NHÂN DÂN", True, False), ("\n", False, False),
                                      ("CHỦ TỊCH", True, False), ("\n\n\n\n", False, False),
                                      ("Phạm Hoàng Sơn", True, False)]])
    para(("QUY ĐỊNH", True, False), center=True)
    para([("Quản lý nhà nước về giá trên địa bàn tỉnh\n", True, False),
          ("(Ban hành kèm theo Quyết định số 07/2025/QĐ-UBND ngày 10 tháng 9 năm 2025 của UBND tỉnh Thái Nguyên)",
           False, True)], center=True)
    para(("Chương I", True, False), center=True)
    para(("QUY ĐỊNH CHUNG", True, False), center=True)
    para(("Điều 1. Phạm vi điều chỉnh", True, False))
    para("1. Quy định này quy định việc quản lý nhà nước về giá trên địa bàn tỉnh.")
    para("2. Những nội dung không quy định tại Quy định này thì áp dụng theo Luật Giá.")
    para(("Điều 2. Đối tượng áp dụng", True, False))
    para("Cơ quan nhà nước, tổ chức, cá nhân kinh doanh hàng hóa, dịch vụ trên địa bàn tỉnh.")
    para(("Chương II", True, False), center=True)
    para(("QUY ĐỊNH CỤ THỂ", True, False), center=True)
    para(("Mục 1. BÌNH ỔN GIÁ, KÊ KHAI GIÁ", True, False))
    para(("Điều 3. Bình ổn giá", True, False))
    para("1. Danh mục hàng hóa bình ổn giá theo Luật Giá.")
    para("a) Sở Tài chính tham mưu Ủy ban nhân dân tỉnh chỉ đạo công tác bình ổn giá;")
    para("b) Các sở, ngành tổ chức triển khai thực hiện.")
    para(("Mục 2. ĐỊNH GIÁ", True, False))
    para(("Điều 4. Định giá", True, False))
    para("Ủy ban nhân dân tỉnh quyết định giá hàng hóa, dịch vụ theo thẩm quyền.")
    para(("Chương III", True, False), center=True)
    para(("TỔ CHỨC THỰC HIỆN", True, False), center=True)
    para(("Điều 5. Trách nhiệm thi hành", True, False))
    para("Sở Tài chính chủ trì, theo dõi việc thực hiện Quy định này./.")
    doc.save(path)
    return path
