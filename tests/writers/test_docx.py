"""The .docx writer, checked by reading the produced file back (python-docx / lxml), not the writer.

Documents are built by hand so these tests do not depend on compose.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import uuid
import zipfile
from pathlib import Path

import pytest
from docx.oxml.ns import qn

from docx_read import (find_paragraph, has_borders, open_docx, paragraph_format, paragraph_text,
                       part_xml, run_format, text_runs, uniform_format)
from kehoach.compose.document import (AppendixPart, Closing, Document, Letterhead, ParaKind, Paragraph,
                              Part, RecipientLine, Run, Signature, Table, TableCell, Title)
from kehoach.writers.docx import write_docx

A4 = (11906, 16838)
MARGINS = {"top": 1134, "bottom": 1134, "left": 1701, "right": 850}
SIGNER = "Nguyễn Văn An"
NATIONAL = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


def _body(text: str) -> Paragraph:
    return Paragraph(ParaKind.body, [Run(text)])


def _task_table() -> Table:
    return Table(
        header=[[TableCell("TT", row_span=2), TableCell("Nhiệm vụ", row_span=2),
                 TableCell("Thời gian", col_span=2)],
                [TableCell("Bắt đầu"), TableCell("Kết thúc")]],
        rows=[[TableCell("I. TUYÊN TRUYỀN", col_span=4, bold=True)],
              [TableCell("1", align="center"), TableCell("Hội nghị triển khai"), TableCell("01/3"),
               TableCell("15/3")]],
        widths_cm=[1.2, None, 3.0, 3.0], title="Bảng tiến độ")


def plan_part(issuer: list[str] | None = None, landscape: bool = True) -> Part:
    head = Letterhead(parent=["UBND tỉnh Nghệ An"], issuer=issuer or ["SỞ GIÁO DỤC VÀ ĐÀO TẠO"],
                      number_line="Số: 05/KH-SGDĐT", place_date="Nghệ An, ngày 05 tháng 01 năm 2025")
    blocks = [
        Paragraph(ParaKind.basis, [Run("Căn cứ Luật Giáo dục ngày 14 tháng 6 năm 2019;")], italic=True),
        Paragraph(ParaKind.heading, [Run("MỤC ĐÍCH, YÊU CẦU")], label="I.", level=0, bold=True),
        Paragraph(ParaKind.heading, [Run("Mục đích")], label="1.", level=1, bold=True),
        _body("Nâng cao chất lượng giáo dục toàn diện cho học sinh trên địa bàn tỉnh."),
        Paragraph(ParaKind.item, [Run("Thời gian: "), Run("tháng 3 năm 2025", italic=True)],
                  label="a)", level=2),
        Paragraph(ParaKind.article, [Run("Ban hành kèm theo Quyết định này.")], label="Điều 1.",
                  label_bold=True),
        Paragraph(ParaKind.closing, [Run("Trên đây là Kế hoạch triển khai của Sở./.")]),
    ]
    closing = Closing(
        [RecipientLine("- Bộ Giáo dục và Đào tạo (để b/c);"), RecipientLine("- UBND tỉnh;"),
         RecipientLine("- Lưu: VT, GDTrH.")],
        Signature(["KT. GIÁM ĐỐC"], "Phó Giám đốc", SIGNER))
    appendix = AppendixPart("PHỤ LỤC I", "Danh mục nhiệm vụ",
                            "(Kèm theo Kế hoạch số 05/KH-SGDĐT ngày 05 tháng 01 năm 2025)",
                            [_task_table()], landscape=landscape)
    return Part(head, Title("Kế hoạch", ["Triển khai nhiệm vụ năm học 2025 - 2026"]), blocks,
                closing, [appendix])


def plan_document(**kw) -> Document:
    return Document([plan_part(**kw)], title="Kế hoạch triển khai nhiệm vụ", author="Sở GDĐT Nghệ An")


@pytest.fixture(scope="module")
def data() -> bytes:
    return write_docx(plan_document())


@pytest.fixture(scope="module")
def doc(data):
    return open_docx(data)


def _sect_prs(doc):
    return list(doc.element.body.iter(qn("w:sectPr")))


def _attr(el, name):
    return el.get(qn(f"w:{name}"))


# --- Page, fonts, language -----------------------------------------------------------------------


def test_main_section_is_a4_portrait_with_decree_margins(doc):
    first = _sect_prs(doc)[0]
    size = first.find(qn("w:pgSz"))
    assert (int(_attr(size, "w")), int(_attr(size, "h"))) == A4
    assert _attr(size, "orient") in (None, "portrait")
    margins = first.find(qn("w:pgMar"))
    assert {k: int(_attr(margins, k)) for k in MARGINS} == MARGINS


def test_times_new_roman_on_every_slot_and_no_theme_fonts(data):
    styles = part_xml(data, "word/styles.xml")
    default = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}")
    slots = ("ascii", "hAnsi", "eastAsia", "cs")
    assert {_attr(default, s) for s in slots} == {"Times New Roman"}
    all_fonts = list(styles.iter(qn("w:rFonts")))
    assert len(all_fonts) > 20
    for rfonts in all_fonts:
        assert {_attr(rfonts, s) for s in slots} == {"Times New Roman"}
        assert not [a for a in rfonts.attrib if "theme" in a.lower()]
    for style in styles.iter(qn("w:style")):
        if _attr(style, "type") != "numbering":
            assert style.find(f"{qn('w:rPr')}/{qn('w:rFonts')}") is not None, _attr(style, "styleId")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert "word/stylesWithEffects.xml" not in archive.namelist()


def test_language_is_vietnamese(data):
    styles = part_xml(data, "word/styles.xml")
    lang = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    assert _attr(lang, "val") == "vi-VN"


# --- Letterhead (ô 1-4) --------------------------------------------------------------------------


@pytest.mark.parametrize("text,size,bold,italic", [
    (NATIONAL, 13, True, False),
    ("Độc lập - Tự do - Hạnh phúc", 14, True, False),
    ("UBND TỈNH NGHỆ AN", 13, False, False),
    ("SỞ GIÁO DỤC VÀ ĐÀO TẠO", 13, True, False),
    ("Số: 05/KH-SGDĐT", 13, False, False),
    ("Nghệ An, ngày 05 tháng 01 năm 2025", 14, False, True),
    ("KẾ HOẠCH", 14, True, False),
    ("Triển khai nhiệm vụ năm học 2025 - 2026", 14, True, False),
])
def test_letterhead_and_title_formatting(doc, text, size, bold, italic):
    assert_centred_line(doc, text, size, bold, italic)


def assert_centred_line(doc, text, size, bold, italic):
    p = find_paragraph(doc, text, exact=True)
    fmt = uniform_format(doc, p)
    assert (fmt.size_pt, fmt.bold, fmt.italic) == (size, bold, italic)
    assert paragraph_format(doc, p).align == "center"


def test_parent_body_is_upper_cased(doc):
    find_paragraph(doc, "UBND TỈNH NGHỆ AN", exact=True)


def test_number_and_date_share_a_row_under_bodies_and_motto(doc):
    letterhead = doc.tables[0]
    assert letterhead.rows[0].cells[0].text.startswith("UBND TỈNH NGHỆ AN")
    assert NATIONAL in letterhead.rows[0].cells[1].text
    assert letterhead.rows[1].cells[0].text == "Số: 05/KH-SGDĐT"
    assert letterhead.rows[1].cells[1].text == "Nghệ An, ngày 05 tháng 01 năm 2025"


def _rule_after(p):
    rule = p.getnext()
    border = rule.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}")
    assert border is not None and _attr(border, "val") == "single"
    assert paragraph_text(rule) == ""
    return rule


def _rule_length(doc, rule, available):
    fmt = paragraph_format(doc, rule)
    assert fmt.left == fmt.right, "the rule is centred"
    return available - fmt.left - fmt.right


def _cell_width(p):
    tc = p.getparent()
    return int(_attr(tc.find(f"{qn('w:tcPr')}/{qn('w:tcW')}"), "w"))


def test_issuer_has_a_short_centred_rule_and_motto_a_full_one(doc):
    issuer = find_paragraph(doc, "SỞ GIÁO DỤC VÀ ĐÀO TẠO", exact=True)
    short = _rule_length(doc, _rule_after(issuer), _cell_width(issuer))
    motto = find_paragraph(doc, "Độc lập - Tự do - Hạnh phúc", exact=True)
    full = _rule_length(doc, _rule_after(motto), _cell_width(motto))
    # "Độc lập - Tự do - Hạnh phúc" in 14 pt bold is about 6 cm (3400 twips) wide.
    assert 3000 < full < 3800
    # 1/3 to 1/2 of the issuer line (about 6 cm in 13 pt bold).
    assert 0.33 * 3400 < short < 0.5 * 3600


def test_issuer_rule_follows_the_name_length():
    short_name = open_docx(write_docx(Document([plan_part(issuer=["SỞ Y TẾ"])], title="t")))
    p = find_paragraph(short_name, "SỞ Y TẾ", exact=True)
    assert _rule_length(short_name, _rule_after(p), _cell_width(p)) < 900


def test_subject_has_a_short_rule(doc):
    subject = find_paragraph(doc, "Triển khai nhiệm vụ năm học 2025 - 2026", exact=True)
    length = _rule_length(doc, _rule_after(subject), 11906 - 1701 - 850)
    assert 1500 < length < 3500


def test_letterhead_and_closing_tables_have_no_borders(doc):
    letterhead, closing = doc.tables[0]._tbl, doc.tables[1]._tbl
    for tbl in (letterhead, closing):
        assert tbl.find(f"{qn('w:tblPr')}/{qn('w:tblStyle')}") is None
        assert not has_borders(tbl)
    assert "Nơi nhận:" in doc.tables[1].rows[0].cells[0].text


# --- Body ----------------------------------------------------------------------------------------


def test_basis_line_is_italic_body_size(doc):
    p = find_paragraph(doc, "Căn cứ Luật Giáo dục")
    fmt = uniform_format(doc, p)
    assert (fmt.size_pt, fmt.bold, fmt.italic) == (14, False, True)


def test_body_paragraph_layout(doc):
    p = find_paragraph(doc, "Nâng cao chất lượng giáo dục")
    fmt = uniform_format(doc, p)
    assert (fmt.size_pt, fmt.bold, fmt.italic) == (14, False, False)
    layout = paragraph_format(doc, p)
    assert layout.align == "both"
    assert layout.first_line in (567, 720)
    assert layout.before + layout.after >= 120
    assert layout.line_rule == "auto" and 240 <= layout.line <= 360


def test_roman_heading_is_bold(doc):
    # Its case comes from compose (upper unless section.heading_case says as-written).
    p = find_paragraph(doc, "I. MỤC ĐÍCH, YÊU CẦU", exact=True)
    fmt = uniform_format(doc, p)
    assert fmt.bold and fmt.size_pt == 14


def test_numbered_heading_is_bold(doc):
    assert uniform_format(doc, find_paragraph(doc, "1. Mục đích", exact=True)).bold


def test_runs_keep_their_own_emphasis(doc):
    p = find_paragraph(doc, "a) Thời gian:")
    formats = {paragraph_text(r): run_format(doc, p, r) for r in [*text_runs(p)]}
    italic = {text: fmt.italic for text, fmt in formats.items()}
    assert italic == {"a)": False, "Thời gian:": False, "tháng 3 năm 2025": True}


def test_article_label_bold_text_plain(doc):
    p = find_paragraph(doc, "Điều 1. Ban hành")
    bold = {paragraph_text(r): run_format(doc, p, r).bold for r in text_runs(p)}
    assert bold == {"Điều 1.": True, "Ban hành kèm theo Quyết định này.": False}


def test_body_ends_with_end_mark(doc):
    assert find_paragraph(doc, "Trên đây là Kế hoạch").getnext() is not None
    assert paragraph_text(find_paragraph(doc, "Trên đây là Kế hoạch")).endswith("./.")


# --- Closing (ô 7, 9b) ---------------------------------------------------------------------------


def test_recipients_label_and_items(doc):
    label = find_paragraph(doc, "Nơi nhận:", exact=True)
    fmt = uniform_format(doc, label)
    assert (fmt.size_pt, fmt.bold, fmt.italic) == (12, True, True)
    for text in ("- UBND tỉnh;", "- Lưu: VT, GDTrH."):
        item = find_paragraph(doc, text, exact=True)
        fmt = uniform_format(doc, item)
        assert (fmt.size_pt, fmt.bold, fmt.italic) == (11, False, False)
        layout = paragraph_format(doc, item)
        assert (layout.first_line, layout.left, layout.align) == (0, 0, "left")
        assert layout.line in (None, 240)


@pytest.mark.parametrize("text", ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", SIGNER])
def test_signature_lines_bold_centred(doc, text):
    p = find_paragraph(doc, text, exact=True)
    fmt = uniform_format(doc, p)
    assert (fmt.size_pt, fmt.bold) == (14, True)
    assert paragraph_format(doc, p).align == "center"


def test_signature_leaves_room_to_sign(doc):
    name = find_paragraph(doc, SIGNER, exact=True)
    assert paragraph_format(doc, name).before >= 1000


# --- Page numbers --------------------------------------------------------------------------------


def _header_xml(data, doc, kind):
    rels = doc.part.rels
    ref = [r for r in _sect_prs(doc)[0].iter(qn("w:headerReference")) if _attr(r, "type") == kind][0]
    target = rels[ref.get(qn("r:id"))].target_ref
    return part_xml(data, "word/" + target)


def test_page_number_field_in_header_hidden_on_first_page(data, doc):
    header = _header_xml(data, doc, "default")
    instr = "".join(t.text for t in header.iter(qn("w:instrText")))
    assert instr.strip() == "PAGE"
    p = header.find(qn("w:p"))
    assert _attr(p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}"), "val")
    first = _header_xml(data, doc, "first")
    assert not list(first.iter(qn("w:instrText")))
    assert "".join(t.text or "" for t in first.iter(qn("w:t"))) == ""
    for sect in _sect_prs(doc):
        assert sect.find(qn("w:titlePg")) is not None


def test_page_number_is_centred_14pt(data, doc):
    # The header part's paragraph uses a style from styles.xml: resolve it there.
    header = _header_xml(data, doc, "default")
    style_id = _attr(header.find(f"{qn('w:p')}/{qn('w:pPr')}/{qn('w:pStyle')}"), "val")
    style = [s for s in part_xml(data, "word/styles.xml").iter(qn("w:style"))
             if _attr(s, "styleId") == style_id][0]
    assert _attr(style.find(f"{qn('w:pPr')}/{qn('w:jc')}"), "val") == "center"
    assert int(_attr(style.find(f"{qn('w:rPr')}/{qn('w:sz')}"), "val")) in (26, 28)


# --- Appendices ----------------------------------------------------------------------------------


def test_appendix_is_its_own_landscape_section_numbered_from_one(doc):
    sections = _sect_prs(doc)
    assert len(sections) == 2
    appendix = sections[1]
    size = appendix.find(qn("w:pgSz"))
    assert (int(_attr(size, "w")), int(_attr(size, "h"))) == (A4[1], A4[0])
    assert _attr(size, "orient") == "landscape"
    assert _attr(appendix.find(qn("w:pgNumType")), "start") == "1"
    assert _attr(appendix.find(qn("w:type")), "val") == "nextPage"
    # The section break sits after the closing block, before the appendix label.
    label = find_paragraph(doc, "PHỤ LỤC I", exact=True)
    previous_break = label.getprevious()
    assert previous_break.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None


def test_portrait_appendix_when_not_landscape():
    doc = open_docx(write_docx(plan_document(landscape=False)))
    size = _sect_prs(doc)[1].find(qn("w:pgSz"))
    assert (int(_attr(size, "w")), int(_attr(size, "h"))) == A4


@pytest.mark.parametrize("text,size,bold,italic", [
    ("PHỤ LỤC I", 14, True, False),
    ("DANH MỤC NHIỆM VỤ", 14, True, False),
    ("(Kèm theo Kế hoạch số 05/KH-SGDĐT ngày 05 tháng 01 năm 2025)", 14, False, True),
])
def test_appendix_heading_lines(doc, text, size, bold, italic):
    assert_centred_line(doc, text, size, bold, italic)


def test_appendix_table_merges_header_repeat_and_group_row(doc):
    table = doc.tables[2]._tbl
    assert has_borders(table)
    rows = table.findall(qn("w:tr"))
    repeated = [r.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None for r in rows]
    assert repeated == [True, True, False, False]
    grid = [int(_attr(c, "w")) for c in table.iter(qn("w:gridCol"))]
    assert len(grid) == 4 and grid[0] == 680  # 1.2 cm
    first, second, group, data_row = ([tc for tc in r.findall(qn("w:tc"))] for r in rows)

    def span(tc):
        el = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
        return int(_attr(el, "val")) if el is not None else 1

    def vmerge(tc):
        el = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
        return None if el is None else (_attr(el, "val") or "continue")

    assert [span(tc) for tc in first] == [1, 1, 2]
    assert [vmerge(tc) for tc in first] == ["restart", "restart", None]
    assert [vmerge(tc) for tc in second] == ["continue", "continue", None, None]
    assert [paragraph_text(tc) for tc in second] == ["", "", "Bắt đầu", "Kết thúc"]
    # The group row's number sits in the number column, aligned like its numbers; its name spans
    # the rest; the row keeps with the next one (never last on a page).
    assert [span(tc) for tc in group] == [1, 3]
    assert paragraph_format(doc, group[0].find(qn("w:p"))).align == "center"
    assert all(uniform_format(doc, tc.find(qn("w:p"))).bold for tc in group)
    assert all(tc.find(f"{qn('w:p')}/{qn('w:pPr')}/{qn('w:keepNext')}") is not None for tc in group)
    assert len(data_row) == 4
    assert not uniform_format(doc, data_row[1].find(qn("w:p"))).bold
    assert paragraph_format(doc, data_row[0].find(qn("w:p"))).align == "center"
    assert all(uniform_format(doc, tc.find(qn("w:p"))).bold for tc in first)


# --- Decision wrapper ----------------------------------------------------------------------------


def test_each_part_starts_a_new_section_in_order():
    decision = Part(
        Letterhead([], ["BỘ NỘI VỤ"], "Số: 15/QĐ-BNV", "Hà Nội, ngày 05 tháng 3 năm 2025"),
        Title("Quyết định", ["Ban hành Kế hoạch triển khai"]),
        [Paragraph(ParaKind.centered, [Run("QUYẾT ĐỊNH:")], bold=True),
         Paragraph(ParaKind.article, [Run("Ban hành kèm theo Quyết định này Kế hoạch./.")],
                   label="Điều 1.", label_bold=True)],
        Closing([RecipientLine("- Lưu: VT, VP.")], Signature([], "Bộ trưởng", "Trần Văn B")))
    plan = plan_part(landscape=False)
    plan.appendices = []
    doc = open_docx(write_docx(Document([decision, plan], title="QĐ")))
    sections = _sect_prs(doc)
    assert len(sections) == 2
    assert all(_attr(s.find(qn("w:pgNumType")), "start") == "1" for s in sections)
    texts = [paragraph_text(p) for p in doc.element.body.iter(qn("w:p"))]
    assert texts.index("QUYẾT ĐỊNH") < texts.index("Trần Văn B") < texts.index("KẾ HOẠCH")
    centered = find_paragraph(doc, "QUYẾT ĐỊNH:", exact=True)
    assert paragraph_format(doc, centered).align == "center"
    assert uniform_format(doc, centered).bold


# --- Package -------------------------------------------------------------------------------------


def test_same_document_same_bytes_with_fixed_dates(data):
    assert write_docx(plan_document()) == data
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
        assert infos[0].filename == "[Content_Types].xml"
        assert {info.date_time for info in infos} == {(1980, 1, 1, 0, 0, 0)}
        assert archive.testzip() is None


def test_core_properties(doc):
    core = doc.core_properties
    assert core.title == "Kế hoạch triển khai nhiệm vụ"
    assert core.author == "Sở GDĐT Nghệ An"
    assert core.last_modified_by == ""
    assert core.revision == 1
    assert core.created is None and core.modified is None  # an undated Document: no dates at all


def test_core_dates_are_the_plan_date():
    """Created/modified are the plan's date (byte-stable), not the decree's 2020-03-05."""
    dated = open_docx(write_docx(Document([plan_part()], title="t", date=(18, 11, 2025))))
    assert dated.core_properties.created == dated.core_properties.modified
    assert dated.core_properties.created.isoformat().startswith("2025-11-18")


def test_control_characters_and_markup_in_text_are_plain_text():
    part = plan_part()
    part.blocks.append(_body("Giá trị <b>{{ x }}</b> & \x01ký tự"))
    doc = open_docx(write_docx(Document([part], title="a\x02b & <c>")))
    find_paragraph(doc, "Giá trị <b>{{ x }}</b> & ký tự", exact=True)
    assert doc.core_properties.title == "ab & <c>"


# --- A real client -------------------------------------------------------------------------------


def convert_to_pdf(docx_path: Path, out_dir: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.skip("LibreOffice (soffice) is not installed")
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    profile = out_dir / f"lo-profile-{uuid.uuid4().hex}"
    subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(out_dir), str(docx_path)],
                   check=True, capture_output=True, timeout=120)
    pdf = out_dir / (docx_path.stem + ".pdf")
    assert pdf.is_file() and pdf.stat().st_size > 1000
    return pdf


def pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True, timeout=60).stdout


def test_libreoffice_converts_it(tmp_path, data):
    source = tmp_path / "plan.docx"
    source.write_bytes(data)
    text = pdf_text(convert_to_pdf(source, tmp_path))
    assert NATIONAL in text
    assert SIGNER in text
    # Page 1 shows no number; the appendix (its own numbering) is on a later page.
    pages = text.split("\f")
    assert "PHỤ LỤC I" in pages[-2] or "PHỤ LỤC I" in pages[-1]
    assert pages[0].splitlines()[0].strip() != "1"


def test_closing_sentence_keeps_with_signature_block(doc):
    # The last closing paragraph (the "./." line) keeps with the signature block on the paragraph
    # itself; the KH Closing style does not, so earlier closing paragraphs do not chain onto it and
    # cannot empty the page before the signature.
    p = find_paragraph(doc, "Trên đây là Kế hoạch")
    assert p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None
    style = doc.styles.element.get_by_id("KHClosing")
    assert style.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is None
    assert p.getnext().tag == qn("w:tbl")  # the closing table follows directly


def test_undated_unnumbered_letterhead_has_no_blank_row():
    part = plan_part()
    part.letterhead = Letterhead([], ["SỞ Y TẾ"], None, None)
    doc = open_docx(write_docx(Document([part], title="t")))
    assert len(doc.tables[0].rows) == 1


def test_too_wide_table_is_shrunk_to_the_page():
    part = plan_part(landscape=False)
    part.appendices[0].blocks = [Table(header=[[TableCell("A"), TableCell("B")]],
                                       rows=[[TableCell("1"), TableCell("2")]],
                                       widths_cm=[12.0, 12.0])]
    doc = open_docx(write_docx(Document([part], title="t")))
    grid = [int(_attr(c, "w")) for c in doc.tables[2]._tbl.iter(qn("w:gridCol"))]
    assert sum(grid) <= 11906 - 1701 - 850
    assert grid[0] == grid[1]


def test_empty_document_is_still_a_valid_a4_page():
    doc = open_docx(write_docx(Document([], title="")))
    (sect,) = _sect_prs(doc)
    size = sect.find(qn("w:pgSz"))
    assert (int(_attr(size, "w")), int(_attr(size, "h"))) == A4
