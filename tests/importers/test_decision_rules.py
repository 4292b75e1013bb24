"""A legal decision (2025 law) and the Quy định it issues (r13): imported as the decision and a
plan of kind QUY ĐỊNH whose Chương/Mục/Điều are labels kept as written, then built back."""

from __future__ import annotations

import kehoach
from kehoach.build import render
from kehoach.importers import import_plan

from realshapes import decision_with_rules_docx


def _imported(tmp_path):
    imported = import_plan(decision_with_rules_docx(tmp_path / "qd.docx"))
    plan_file = tmp_path / "qd.yaml"
    plan_file.write_text(imported.yaml, "utf-8")
    return imported, render(kehoach.load(plan_file), "txt").decode("utf-8")


def test_the_decision_of_the_2025_law(tmp_path):
    imported, text = _imported(tmp_path)
    data = imported.data
    assert (data["letterhead"]["number"], data["letterhead"]["symbol"]) == ("07/2025", "QĐ-UBND")
    decision = data["decision"]
    assert "authority" not in decision
    assert decision["enacting"] == ("Ủy ban nhân dân tỉnh ban hành Quyết định Quy định quản lý nhà nước về giá trên "
                                    "địa bàn tỉnh")
    assert len(decision["articles"]) == 3 and len(decision["bases"]) == 2
    assert decision["signature"] == {"on_behalf_of": "ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH", "name": "Phạm Hoàng Sơn"}
    assert "Số: 07/2025/QĐ-UBND" in text
    assert "QUYẾT ĐỊNH:" not in text
    assert "Theo đề nghị của Giám đốc Sở Tài chính tại Tờ trình số 1666/TTr-STC ngày 14 tháng 8 năm 2025;" in text
    assert "Ủy ban nhân dân tỉnh ban hành Quyết định Quy định quản lý nhà nước về giá trên địa bàn tỉnh." in text


def test_the_rules_keep_chuong_muc_dieu(tmp_path):
    imported, text = _imported(tmp_path)
    data = imported.data
    assert data["kind"] == "QUY ĐỊNH"
    assert data["title"] == "Quản lý nhà nước về giá trên địa bàn tỉnh"
    sections = data["sections"]
    assert [(s["label"], s["heading"]) for s in sections] == [
        ("Chương I", "QUY ĐỊNH CHUNG"), ("Chương II", "QUY ĐỊNH CỤ THỂ"), ("Chương III", "TỔ CHỨC THỰC HIỆN")]
    first = sections[0]["items"]
    assert [(i["label"], i["heading"]) for i in first] == [("Điều 1.", "Phạm vi điều chỉnh"),
                                                            ("Điều 2.", "Đối tượng áp dụng")]
    parts = sections[1]["items"]
    assert [(p["label"], p["heading"]) for p in parts] == [("Mục 1.", "BÌNH ỔN GIÁ, KÊ KHAI GIÁ"), ("Mục 2.", "ĐỊNH GIÁ")]
    assert parts[0]["items"][0]["label"] == "Điều 3."
    assert "Chương I\n\nQUY ĐỊNH CHUNG\n" in text  # on two lines, as a Quy định prints its chapters
    for line in ["QUY ĐỊNH", "Điều 1. Phạm vi điều chỉnh", "Mục 1. BÌNH ỔN GIÁ, KÊ KHAI GIÁ",
                 "Điều 3. Bình ổn giá", "1. Danh mục hàng hóa bình ổn giá theo Luật Giá.",
                 "a) Sở Tài chính tham mưu Ủy ban nhân dân tỉnh chỉ đạo công tác bình ổn giá;",
                 "(Ban hành kèm theo Quyết định số 07/2025/QĐ-UBND ngày 10 tháng 9 năm 2025 của UBND tỉnh Thái Nguyên)"]:
        assert line in text, line
    assert not [n for n in imported.notes if "kiểm tra" in n[1]]


def test_the_attached_rules_print_no_letterhead_when_the_original_has_none(tmp_path):
    imported, text = _imported(tmp_path)
    assert imported.data["generated"]["attachment_letterhead"] is False
    assert text.count("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") == 1


def test_emphasis_inside_an_article_is_kept(tmp_path):
    import docx

    path = decision_with_rules_docx(tmp_path / "qd.docx")
    document = docx.Document(path)
    article = next(p for p in document.paragraphs if p.text.startswith("Điều 2."))
    article.add_run(" Riêng ")
    article.add_run("Điều 5").italic = True
    article.add_run(" áp dụng từ năm 2026.")
    document.save(path)
    articles = import_plan(path).data["decision"]["articles"]
    assert articles[1]["text"][0].endswith("2025. Riêng *Điều 5* áp dụng từ năm 2026.")


def test_a_chapter_named_on_its_own_line(tmp_path):
    """"Chương I. QUY ĐỊNH CHUNG" on one line is the same chapter as on two."""
    import docx

    path = decision_with_rules_docx(tmp_path / "qd.docx")
    document = docx.Document(path)
    paragraphs = document.paragraphs
    first = next(i for i, p in enumerate(paragraphs) if p.text == "Chương I")
    paragraphs[first].runs[0].text = "Chương I. QUY ĐỊNH CHUNG"
    paragraphs[first + 1]._p.getparent().remove(paragraphs[first + 1]._p)
    document.save(path)
    sections = import_plan(path).data["sections"]
    assert [(s["label"], s["heading"]) for s in sections][:2] == [("Chương I", "QUY ĐỊNH CHUNG"),
                                                                  ("Chương II", "QUY ĐỊNH CỤ THỂ")]


def test_a_chapter_prints_centred_on_two_lines_in_word(tmp_path):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from docx_read import find_paragraph, open_docx, paragraph_format, uniform_format

    _imported(tmp_path)
    document = open_docx(render(kehoach.load(tmp_path / "qd.yaml"), "docx"))
    for text in ("Chương I", "QUY ĐỊNH CHUNG"):
        paragraph = find_paragraph(document, text, exact=True)
        assert paragraph_format(document, paragraph).align == "center"
        assert uniform_format(document, paragraph).bold


def test_emphasis_inside_a_decision_basis_is_kept(tmp_path):
    import docx

    path = decision_with_rules_docx(tmp_path / "qd.docx")
    document = docx.Document(path)
    basis = next(p for p in document.paragraphs if p.text.startswith("Căn cứ Luật Giá"))
    basis.runs[0].text = "Căn cứ Luật Giá ngày 19 tháng 6 năm 2023 "
    run = basis.add_run("(sửa đổi năm 2024)")
    run.italic, run.bold = True, True
    basis.add_run(";").italic = True
    document.save(path)
    bases = import_plan(path).data["decision"]["bases"]
    assert bases[1] == "Căn cứ Luật Giá ngày 19 tháng 6 năm 2023 **(sửa đổi năm 2024)**"


def test_an_appendix_title_and_its_note_in_one_paragraph(tmp_path):
    """r13's Phụ lục: its name, a soft break and "(Kèm theo …)" in one paragraph; the note cites the
    decision as the original prints it (here dated 12/9, a mistake of the original, kept)."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    path = decision_with_rules_docx(tmp_path / "qd.docx")
    document = docx.Document(path)
    for text, bold in (("PHỤ LỤC", True), ("DANH MỤC HÀNG HÓA KÊ KHAI GIÁ", True)):
        p = document.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(text).bold = bold
    p = document.paragraphs[-1]
    p.runs[0].add_break()
    p.add_run("(Kèm theo Quyết định số 07/2025/QĐ-UBND ngày 12 tháng 9 năm 2025 của UBND tỉnh Thái Nguyên)").italic = True
    document.add_paragraph("Danh mục gồm xăng dầu và khí dầu mỏ hóa lỏng.")
    document.save(path)
    appendix = import_plan(path).data["appendices"][0]
    assert appendix["title"] == "DANH MỤC HÀNG HÓA KÊ KHAI GIÁ"
    assert appendix["note"] == ("(Kèm theo Quyết định số 07/2025/QĐ-UBND ngày 12 tháng 9 năm 2025 của UBND tỉnh "
                                "Thái Nguyên)")
