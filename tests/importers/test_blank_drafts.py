"""A draft sent for signing keeps its number and day blank for the văn thư: the import keeps them
blank (never a guessed symbol, never a third issuer line), the build prints the gaps."""

from __future__ import annotations

import datetime as dt
import re

import pytest

import kehoach
from kehoach.build import render
from kehoach.importers import import_plan

from realshapes import plan_docx


def _imported(tmp_path, **shape):
    return import_plan(plan_docx(tmp_path / "plan.docx", **shape))


def _rebuilt_text(tmp_path, imported) -> str:
    plan_file = tmp_path / "plan.yaml"
    plan_file.write_text(imported.yaml, "utf-8")
    return render(kehoach.load(plan_file), "txt").decode("utf-8")


@pytest.mark.parametrize("number_cell", [
    ["Số:           /KH-UBND"],
    ["Số:\t\t/KH-UBND"],
    ["Số: ________/KH-UBND"],
    ["Số:", "/KH-UBND"],  # "Số:" and its symbol on separate lines
    ["Số:\n            /KH-UBND"],  # a soft break after "Số:"
])
def test_a_blank_number_is_blank_with_its_symbol(tmp_path, number_cell):
    imported = _imported(tmp_path, number=number_cell)
    head = imported.data["letterhead"]
    assert head["number"] is None
    assert head["symbol"] == "KH-UBND"
    assert head["abbreviation"] == "UBND"
    assert head["issuer"] == ["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"]
    assert "number: null" in imported.yaml
    assert not [n for n in imported.notes if n[0][:1] == ("letterhead",)]


@pytest.mark.parametrize(("date_cell", "expected"), [
    ("Lâm Đồng, ngày      tháng 3 năm 2026", "2026-03"),
    ("Lâm Đồng, ngày\t\ttháng 3 năm 2026", "2026-03"),
    ("Lâm Đồng, ngày         tháng        năm 2026", "2026"),
    ("Lâm Đồng, ngày ... tháng ... năm 2026", "2026"),
    ("Lâm Đồng, ngày 10 tháng 9 năm 2025", dt.date(2025, 9, 10)),
    ("Lâm Đồng, ngày\n      tháng 3 năm 2026", "2026-03"),  # Word broke the line after "ngày"
])
def test_a_blank_day_keeps_place_month_and_year(tmp_path, date_cell, expected):
    head = _imported(tmp_path, date=[(date_cell, False, True)]).data["letterhead"]
    assert head["place"] == "Lâm Đồng"
    assert head["date"] == expected


def test_a_legal_documents_number_keeps_its_year(tmp_path):
    """Decree 30: a legal document's number is 'số/năm' ("Số: 07/2025/QĐ-UBND")."""
    imported = _imported(tmp_path, number=["Số: 07/2025/KH-UBND"])
    head = imported.data["letterhead"]
    assert (head["number"], head["symbol"]) == ("07/2025", "KH-UBND")
    assert "Số: 07/2025/KH-UBND" in _rebuilt_text(tmp_path, imported)


def test_the_rebuilt_draft_prints_the_gaps(tmp_path):
    imported = _imported(tmp_path, date=[("Lâm Đồng, ngày         tháng        năm 2026", False, True)])
    text = _rebuilt_text(tmp_path, imported)
    assert re.search(r"Số: {4,}/KH-UBND", text), text[:400]
    assert re.search(r"Lâm Đồng, ngày {4,}tháng {4,}năm 2026", text), text[:400]
    month = _rebuilt_text(tmp_path, _imported(tmp_path))
    assert re.search(r"Lâm Đồng, ngày {4,}tháng 3 năm 2026", month)


def test_a_blank_reference_in_an_attachment_note_stays_blank(tmp_path):
    """r04: the appendix note wraps onto a second paragraph and cites the draft with its blanks."""
    after = [[("PHỤ LỤC", True, False)], [("THỜI GIAN, ĐƠN VỊ ĐƯỢC KIỂM TRA", True, False)],
             [("(Kèm theo Kế hoạch số         /KH-UBND ngày      /01/2026 ", False, True)],
             [("của UBND tỉnh Lâm Đồng)", False, True)],
             "Các đơn vị được kiểm tra theo thời gian dưới đây."]
    imported = import_plan(plan_docx(tmp_path / "plan.docx", after=after))
    appendix = imported.data["appendices"][0]
    assert appendix["note"] == "(Kèm theo Kế hoạch số      /KH-UBND ngày      /01/2026 của UBND tỉnh Lâm Đồng)"
    assert appendix["text"] == ["Các đơn vị được kiểm tra theo thời gian dưới đây."]
    text = _rebuilt_text(tmp_path, imported)
    assert "(Kèm theo Kế hoạch số      /KH-UBND ngày      /01/2026 của UBND tỉnh Lâm Đồng)" in text


def test_check_accepts_the_imported_draft_and_names_what_to_fill(tmp_path):
    from kehoach.common.diagnostics import Severity

    imported = _imported(tmp_path)
    plan_file = tmp_path / "plan.yaml"
    plan_file.write_text(imported.yaml, "utf-8")
    found = kehoach.check(plan_file)
    assert not [d for d in found if d.severity == Severity.error]
    drafts = [d for d in found if d.code == "KH230"]
    assert len(drafts) == 1 and drafts[0].severity == Severity.info
    assert "số, ngày" in drafts[0].message and "tháng" not in drafts[0].message


def test_a_number_on_the_line_under_so(tmp_path):
    head = _imported(tmp_path, number=["Số:", "05/KH-UBND"]).data["letterhead"]
    assert (head["number"], head["symbol"]) == ("05", "KH-UBND")


def test_the_html_keeps_the_gaps(tmp_path):
    """A browser collapses runs of spaces unless told otherwise: the number, the place/date and the
    attachment notes keep theirs (white-space: pre-wrap)."""
    import re as _re

    imported = _imported(tmp_path)
    plan_file = tmp_path / "plan.yaml"
    plan_file.write_text(imported.yaml, "utf-8")
    html = render(kehoach.load(plan_file), "html").decode("utf-8")
    assert _re.search(r'<div class="number">Số: {4,}/KH-UBND</div>', html)
    assert _re.search(r'<div class="place-date">Lâm Đồng, ngày {4,}tháng 3 năm 2026</div>', html)
    rule = _re.search(r"([^{}]*)\{\s*white-space:\s*pre-wrap;", html)
    assert rule and ".number" in rule.group(1) and ".place-date" in rule.group(1)


def test_a_title_note_of_a_plan_standing_alone_is_a_located_note(tmp_path):
    body = [[("(Ban hành kèm theo Quyết định số      /QĐ-UBND ngày    tháng    năm 2026 của UBND tỉnh)", False, True)],
            *__import__("realshapes").BODY]
    imported = _imported(tmp_path, body=body)
    notes = [message for path, message in imported.notes if path == ("title",)]
    assert len(notes) == 1 and "Ban hành kèm theo Quyết định số" in notes[0]
    assert "# kiểm tra (KH518): dòng «(Ban hành kèm theo" in imported.yaml


def test_a_tab_aligned_letterhead_with_blanks(tmp_path):
    """No table: each line holds the left column, tabs, the right column; the number and the day
    are blank runs of spaces inside their column."""
    import docx

    document = docx.Document()
    for left, right in (("UBND TỈNH LÂM ĐỒNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                        ("SỞ NỘI VỤ", "Độc lập - Tự do - Hạnh phúc"),
                        ("Số:          /KH-SNV", "Lâm Đồng, ngày        tháng 5 năm 2026")):
        document.add_paragraph(f"{left}\t\t\t{right}")
    for text in ("KẾ HOẠCH", "Kiểm tra công tác cải cách hành chính năm 2026",
                 "Sở Nội vụ ban hành Kế hoạch kiểm tra năm 2026 như sau:", "I. MỤC ĐÍCH",
                 "1. Kiểm tra việc thực hiện nhiệm vụ.", "II. TỔ CHỨC THỰC HIỆN", "Các phòng thực hiện./.",
                 "Nơi nhận:\t\t\tGIÁM ĐỐC", "- UBND tỉnh;", "- Lưu: VT, CCHC.", "\t\t\tTrần Hữu Tuấn"):
        document.add_paragraph(text)
    path = tmp_path / "tabs.docx"
    document.save(path)
    data = import_plan(path).data
    head = data["letterhead"]
    assert (head["number"], head["symbol"], head["place"], head["date"]) == (None, "KH-SNV", "Lâm Đồng", "2026-05")
    # no bold to tell them apart: the issuer is the line whose initials the symbol carries (SNV)
    assert (head["parent"], head["issuer"]) == (["UBND TỈNH LÂM ĐỒNG"], ["SỞ NỘI VỤ"])
    assert data["signature"] == {"title": "GIÁM ĐỐC", "name": "Trần Hữu Tuấn"}


def test_the_docx_keeps_the_gaps(tmp_path):
    """Word may collapse spaces in a w:t without xml:space="preserve": the blanks are marked to stay."""
    import zipfile
    from io import BytesIO

    imported = _imported(tmp_path)
    plan_file = tmp_path / "plan.yaml"
    plan_file.write_text(imported.yaml, "utf-8")
    xml = zipfile.ZipFile(BytesIO(render(kehoach.load(plan_file), "docx"))).read("word/document.xml").decode()
    # The signing anchors (bookmarks) may cut a line into several runs: read each paragraph's runs.
    lines = []
    for para in re.findall(r"<w:p>.*?</w:p>", xml):
        runs = re.findall(r"<w:t( xml:space=\"preserve\")?>([^<]*)</w:t>", para)
        assert all(kept for kept, text in runs if text != text.strip()), para  # no gap Word may collapse
        lines.append("".join(text for _, text in runs))
    assert any(re.fullmatch(r"Số: {4,}/KH-UBND", line) for line in lines)
    assert any(re.fullmatch(r"Lâm Đồng, ngày {4,}tháng 3 năm 2026", line) for line in lines)
