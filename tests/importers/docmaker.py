"""Word documents made with python-docx the way other tools make them (not by kehoach's writer):
a tab-aligned letterhead, Word automatic numbering, TCVN3 legacy fonts."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from lxml import etree

from kehoach.importers.legacy import TCVN3

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_TO_TCVN3 = {value: key for key, value in TCVN3.items()}


def to_tcvn3(text: str) -> str:
    """Unicode → the 8-bit text a .VnTime document stores (upper-case toned letters written as
    lower case, as in a .VnTimeH run)."""
    out = []
    for ch in text:
        if ch in _TO_TCVN3:
            out.append(_TO_TCVN3[ch])
        elif ch.lower() in _TO_TCVN3 and not ch.isascii():
            out.append(_TO_TCVN3[ch.lower()])
        else:
            out.append(ch)
    return "".join(out)


SHOWN: list[str] = []  # the text each maker put on the page, in Unicode, in reading order


def _para(doc, text="", *, bold=False, italic=False, center=False, font=None, runs=None, style=None, shown=None):
    SHOWN.append(shown if shown is not None else "".join(r[0] for r in runs or [(text,)]))
    p = doc.add_paragraph(style=style)
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for part, part_bold, part_italic in runs or [(text, bold, italic)]:
        run = p.add_run(part)
        run.bold = part_bold
        run.italic = part_italic
        if font:
            run.font.name = font
    return p


BODY = [
    ("I.", "MỤC ĐÍCH, YÊU CẦU", True),
    ("1.", "Mục đích", True),
    ("", "Nâng cao nhận thức của cán bộ, công chức về phòng chống thiên tai trên địa bàn.", False),
    ("2.", "Yêu cầu", True),
    ("-", "Bảo đảm sự phối hợp chặt chẽ giữa các cơ quan, đơn vị.", False),
    ("-", "Triển khai kịp thời, thiết thực, hiệu quả.", False),
    ("II.", "NHIỆM VỤ, GIẢI PHÁP", True),
    ("1.", "Tuyên truyền, phổ biến", True),
    ("a)", "Tổ chức hội nghị phổ biến kiến thức cho người dân các xã.", False),
    ("b)", "Đăng tải tin bài trên cổng thông tin điện tử của huyện.", False),
    ("2.", "Kiểm tra, đôn đốc việc thực hiện ở cơ sở.", False),
    ("III.", "TỔ CHỨC THỰC HIỆN", True),
    ("1.", "Phòng Nông nghiệp và Phát triển nông thôn", True),
    ("", "Chủ trì, theo dõi, tổng hợp kết quả thực hiện Kế hoạch này.", False),
    ("2.", "Phòng Tài chính - Kế hoạch", True),
    ("", "Bố trí kinh phí thực hiện theo quy định.", False),
]
CLOSING = "Trên đây là Kế hoạch phòng chống thiên tai năm 2025 của Ủy ban nhân dân huyện./."


def tab_letterhead_docx(path: Path) -> tuple[Path, str]:
    """A plan whose letterhead and closing are tab-aligned paragraphs (no table), labels typed."""
    doc = docx.Document()
    SHOWN.clear()
    # Tab-aligned lines read column by column: bodies and number, then Quốc hiệu and date.
    _para(doc, runs=[("UBND TỈNH AN GIANG", False, False), ("\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, False)],
          shown="")
    _para(doc, runs=[("ỦY BAN NHÂN DÂN HUYỆN CHỢ MỚI", True, False), ("\t\tĐộc lập - Tự do - Hạnh phúc", True, False)],
          shown="")
    _para(doc, runs=[("Số: 15/KH-UBND", False, False), ("\t\tChợ Mới, ngày 05 tháng 3 năm 2025", False, True)],
          shown="")
    SHOWN.extend(["UBND TỈNH AN GIANG", "ỦY BAN NHÂN DÂN HUYỆN CHỢ MỚI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                  "Độc lập - Tự do - Hạnh phúc", "Số: 15/KH-UBND", "Chợ Mới, ngày 05 tháng 3 năm 2025"])
    _para(doc)
    _para(doc, "KẾ HOẠCH", bold=True, center=True)
    _para(doc, "Phòng chống thiên tai năm 2025", bold=True, center=True)
    _para(doc)
    _para(doc, "Căn cứ Luật Phòng, chống thiên tai năm 2013;", italic=True)
    _para(doc, "Ủy ban nhân dân huyện ban hành Kế hoạch phòng chống thiên tai năm 2025 như sau:")
    for label, text, bold in BODY:
        _para(doc, f"{label} {text}".strip(), bold=bold)
    _para(doc, CLOSING)
    _para(doc, runs=[("Nơi nhận:", True, True), ("\t\tTM. ỦY BAN NHÂN DÂN", True, False)], shown="")
    _para(doc, runs=[("- UBND tỉnh (b/c);", False, False), ("\t\tKT. CHỦ TỊCH", True, False)], shown="")
    _para(doc, runs=[("- Các phòng, ban huyện;", False, False), ("\t\tPHÓ CHỦ TỊCH", True, False)], shown="")
    _para(doc, "- Lưu: VT, NN.", shown="")
    _para(doc, runs=[("\t\tNguyễn Văn Bình", True, False)], shown="")
    SHOWN.extend(["Nơi nhận:", "- UBND tỉnh (b/c);", "- Các phòng, ban huyện;", "- Lưu: VT, NN.",
                  "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Bình"])
    doc.save(path)
    return path, "\n".join(SHOWN)


def _numbering(doc) -> None:
    """One list definition: I. → 1. → a) → -, as numId 7."""
    numbering = doc.part.numbering_part.element
    abstract = etree.SubElement(numbering, qn("w:abstractNum"))
    abstract.set(qn("w:abstractNumId"), "77")
    for ilvl, (fmt, text) in enumerate([("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)"),
                                        ("bullet", "-")]):
        lvl = etree.SubElement(abstract, qn("w:lvl"))
        lvl.set(qn("w:ilvl"), str(ilvl))
        etree.SubElement(lvl, qn("w:start")).set(qn("w:val"), "1")
        etree.SubElement(lvl, qn("w:numFmt")).set(qn("w:val"), fmt)
        etree.SubElement(lvl, qn("w:lvlText")).set(qn("w:val"), text)
    # abstractNum elements must come before num elements
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    num = etree.SubElement(numbering, qn("w:num"))
    num.set(qn("w:numId"), "7")
    etree.SubElement(num, qn("w:abstractNumId")).set(qn("w:val"), "77")


def _numbered(p, level: int) -> None:
    ppr = p._p.get_or_add_pPr()
    numpr = etree.SubElement(ppr, qn("w:numPr"))
    etree.SubElement(numpr, qn("w:ilvl")).set(qn("w:val"), str(level))
    etree.SubElement(numpr, qn("w:numId")).set(qn("w:val"), "7")


def _table_letterhead(doc, left, right, font=None, encode=lambda s: s) -> None:
    SHOWN.extend(text for text, _b, _f in left + right)
    table = doc.add_table(rows=2, cols=2)
    for cell, lines in zip(table.rows[0].cells, (left, right)):
        cell.paragraphs[0].text = ""
        for index, (text, bold, upper_font) in enumerate(lines):
            p = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
            run = p.add_run(encode(text))
            run.bold = bold
            if font:
                run.font.name = upper_font or font
    return table


LEVELS = {"I.": 0, "II.": 0, "III.": 0, "1.": 1, "2.": 1, "a)": 2, "b)": 2, "-": 3}


def numbered_docx(path: Path) -> tuple[Path, str]:
    """The same plan with a table letterhead and every label from Word's automatic numbering."""
    doc = docx.Document()
    SHOWN.clear()
    _numbering(doc)
    table = _table_letterhead(doc, [("UBND TỈNH AN GIANG", False, None), ("ỦY BAN NHÂN DÂN HUYỆN CHỢ MỚI", True, None)],
                              [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, None), ("Độc lập - Tự do - Hạnh phúc", True, None)])
    table.rows[1].cells[0].paragraphs[0].text = "Số: 15/KH-UBND"
    table.rows[1].cells[1].paragraphs[0].text = "Chợ Mới, ngày 05 tháng 3 năm 2025"
    SHOWN.extend(["Số: 15/KH-UBND", "Chợ Mới, ngày 05 tháng 3 năm 2025"])
    _para(doc, "KẾ HOẠCH", bold=True, center=True)
    _para(doc, "Phòng chống thiên tai năm 2025", bold=True, center=True)
    _para(doc)
    _para(doc, "Căn cứ Luật Phòng, chống thiên tai năm 2013;", italic=True)
    _para(doc, "Ủy ban nhân dân huyện ban hành Kế hoạch phòng chống thiên tai năm 2025 như sau:")
    for label, text, bold in BODY:
        p = _para(doc, text, bold=bold, shown=f"{label} {text}".strip())
        if label:
            _numbered(p, LEVELS[label])
    _para(doc, CLOSING)
    closing = doc.add_table(rows=1, cols=2)
    left, right = closing.rows[0].cells
    left.paragraphs[0].text = "Nơi nhận:"
    for line in ("- UBND tỉnh (b/c);", "- Các phòng, ban huyện;", "- Lưu: VT, NN."):
        left.add_paragraph(line)
    right.paragraphs[0].text = "TM. ỦY BAN NHÂN DÂN"
    for line in ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "Nguyễn Văn Bình"):
        right.add_paragraph(line)
    SHOWN.extend(["Nơi nhận:", "- UBND tỉnh (b/c);", "- Các phòng, ban huyện;", "- Lưu: VT, NN.",
                  "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Bình"])
    doc.save(path)
    return path, "\n".join(SHOWN)


def tcvn3_docx(path: Path) -> tuple[Path, str]:
    """The same plan typed in TCVN3: body in .VnTime, upper-case lines in .VnTimeH."""
    doc = docx.Document()
    SHOWN.clear()
    _table_letterhead(doc, [("UBND TỈNH AN GIANG", False, ".VnTimeH"), ("ỦY BAN NHÂN DÂN HUYỆN CHỢ MỚI", True, ".VnTimeH")],
                      [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, ".VnTimeH"), ("Độc lập - Tự do - Hạnh phúc", True, None)],
                      font=".VnTime", encode=to_tcvn3)
    table = doc.tables[0]
    SHOWN.extend(["Số: 15/KH-UBND", "Chợ Mới, ngày 05 tháng 3 năm 2025"])
    for cell, text in zip(table.rows[1].cells, ("Số: 15/KH-UBND", "Chợ Mới, ngày 05 tháng 3 năm 2025")):
        run = cell.paragraphs[0].add_run(to_tcvn3(text))
        run.font.name = ".VnTime"

    def line(text, upper=False, **kw):
        # TCVN3 has no upper-case toned letters: "Ủy ban nhân dân" is typed "UBND" in .VnTime text
        text = text.replace("Ủy ban nhân dân", "UBND")
        return _para(doc, to_tcvn3(text.lower() if upper else text), font=".VnTimeH" if upper else ".VnTime",
                     shown=text, **kw)

    line("KẾ HOẠCH", upper=True, bold=True, center=True)
    line("PHÒNG CHỐNG THIÊN TAI NĂM 2025", upper=True, bold=True, center=True)
    _para(doc)
    line("Căn cứ Luật Phòng, chống thiên tai năm 2013;", italic=True)
    line("Ủy ban nhân dân huyện ban hành Kế hoạch phòng chống thiên tai năm 2025 như sau:")
    for label, text, bold in BODY:
        line(f"{label} {text}".strip(), upper=text.isupper(), bold=bold)
    line(CLOSING)
    closing = doc.add_table(rows=1, cols=2)
    left, right = closing.rows[0].cells
    for cell, lines in ((left, ["Nơi nhận:", "- UBND tỉnh (b/c);", "- Các phòng, ban huyện;", "- Lưu: VT, NN."]),
                        (right, ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "Nguyễn Văn Bình"])):
        for index, text in enumerate(lines):
            SHOWN.append(text)
            p = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
            upper = text.isupper()
            run = p.add_run(to_tcvn3(text.lower() if upper else text))
            run.font.name = ".VnTimeH" if upper else ".VnTime"
    doc.save(path)
    return path, "\n".join(SHOWN)


def _text_box(run, lines: list[tuple[str, bool]]) -> None:
    """A VML text box anchored in ``run`` holding ``lines`` (text, bold), as older Word files draw
    letterheads."""
    pict = etree.SubElement(run._r, qn("w:pict"))
    shape = etree.SubElement(pict, "{urn:schemas-microsoft-com:vml}shape")
    box = etree.SubElement(shape, "{urn:schemas-microsoft-com:vml}textbox")
    content = etree.SubElement(box, qn("w:txbxContent"))
    for text, bold in lines:
        p = etree.SubElement(content, qn("w:p"))
        r = etree.SubElement(p, qn("w:r"))
        if bold:
            etree.SubElement(etree.SubElement(r, qn("w:rPr")), qn("w:b"))
        etree.SubElement(r, qn("w:t")).text = text


def textbox_docx(path: Path) -> tuple[Path, str]:
    """The tab-letterhead plan, its letterhead drawn in two text boxes, with a footnote."""
    tab_letterhead_docx(path)
    doc = docx.Document(path)
    body = doc.element.body
    for _ in range(3):  # drop the three tab-aligned letterhead lines
        body.remove(body[0])
    anchor = doc.paragraphs[0].add_run()
    _text_box(anchor, [("UBND TỈNH AN GIANG", False), ("ỦY BAN NHÂN DÂN HUYỆN CHỢ MỚI", True),
                       ("Số: 15/KH-UBND", False)])
    _text_box(anchor, [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True), ("Độc lập - Tự do - Hạnh phúc", True),
                       ("Chợ Mới, ngày 05 tháng 3 năm 2025", False)])
    doc.save(path)
    return path, "\n".join(SHOWN)
