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
    # room for the văn thư's stamp, as real drafts leave it: "Số:" and 11 spaces (9-13 in real files)
    assert re.search(r"Số: {11}/KH-UBND", text), text[:400]
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
    # the number's blank as the build prints "Số:" (11 spaces), the day's as "ngày      tháng"
    note = f"(Kèm theo Kế hoạch số{' ' * 11}/KH-UBND ngày{' ' * 6}/01/2026 của UBND tỉnh Lâm Đồng)"
    assert appendix["note"] == note
    assert appendix["text"] == ["Các đơn vị được kiểm tra theo thời gian dưới đây."]
    assert note in _rebuilt_text(tmp_path, imported)


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


TITLE_NOTE = "(Ban hành kèm theo Quyết định số{0}/QĐ-UBND ngày{1}tháng 3 năm 2026 của Chủ tịch UBND tỉnh)"


@pytest.mark.parametrize("lines", [
    [TITLE_NOTE.format(" " * 8, "    ")],
    [TITLE_NOTE.format("\t\t", "\t")],
    # wrapped onto a second paragraph, as a long line sometimes is
    ["(Ban hành kèm theo Quyết định số         /QĐ-UBND ngày      tháng 3 năm 2026", "của Chủ tịch UBND tỉnh)"],
])
def test_the_line_under_a_plans_title_is_carried_with_its_blanks(tmp_path, lines):
    """A plan a decision issues, standing alone in its file: the "(Ban hành kèm theo …)" line under
    its trích yếu is kept verbatim, the blank number and day stay blank, and the build prints it
    there, in italics, as the original does."""
    from docx_read import find_paragraph, open_docx, paragraph_text, uniform_format

    body = [*[[(line, False, True)] for line in lines], *__import__("realshapes").BODY]
    imported = _imported(tmp_path, body=body)
    expected = TITLE_NOTE.format(" " * 11, " " * 7)  # the blanks the build prints for a draft
    assert imported.data["title_note"] == expected
    assert list(imported.data).index("title_note") == list(imported.data).index("title") + 1
    assert not [message for path, message in imported.notes if path == ("title",)]
    assert "preamble" in imported.data and "Ban hành kèm theo" not in str(imported.data["preamble"])
    text = _rebuilt_text(tmp_path, imported)
    assert f"Kiểm tra công tác cải cách hành chính năm 2026\n{expected}" in text, text[:600]
    plan_file = tmp_path / "plan.yaml"
    document = open_docx(render(kehoach.load(plan_file), "docx"))
    note = find_paragraph(document, expected.strip(), exact=True)
    previous = note.getprevious()
    assert paragraph_text(previous) == "Kiểm tra công tác cải cách hành chính năm 2026"
    assert uniform_format(document, note).italic


def test_a_decisions_own_line_gives_way_to_the_plans(tmp_path):
    """With a decision the line is generated (issued_with_note.j2); a plan's ``title_note`` replaces it."""
    from kehoach.compose.composer import compose

    plan = kehoach.load(__import__("pathlib").Path(__file__).resolve().parents[2] / "examples" / "002-bo-ldtbxh-qd-224.yaml")
    generated = compose(plan).parts[1].title.note
    assert generated and generated.startswith("(Ban hành kèm theo Quyết định số")
    own = plan.model_copy(update={"title_note": "(Ban hành kèm theo Quyết định số 224/QĐ-LĐTBXH)"})
    assert compose(own).parts[1].title.note == "(Ban hành kèm theo Quyết định số 224/QĐ-LĐTBXH)"
    assert compose(plan.model_copy(update={"decision": None, "signature": plan.decision.signature})
                   ).parts[0].title.note is None  # standing alone with no line: none printed


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


def test_a_drafts_built_appendix_note_reads_back_as_the_generated_one(tmp_path):
    """The build's '(Kèm theo Kế hoạch số           /KH-UBND ngày       tháng 11 năm 2025 của …)'
    imports back to no note at all (the rebuild generates the same line) and gives back the issuer's
    name, because the importer keeps a blank as wide as the build prints it."""
    from pathlib import Path

    plan = kehoach.load(Path(__file__).resolve().parents[2] / "examples" / "nghe-an-980-kh-ubnd.yaml")
    draft = plan.model_copy(update={"letterhead": plan.letterhead.model_copy(update={"number": None,
                                                                                      "date": "2025-11"})})
    assert draft.appendices and draft.appendices[0].note is None
    source = tmp_path / "draft.docx"
    source.write_bytes(render(draft, "docx"))
    data = import_plan(source).data
    assert [appendix.get("note") for appendix in data["appendices"]] == [None]
    assert data["letterhead"]["issuer_name"] == "UBND tỉnh Nghệ An"


def test_a_typed_plans_line_under_its_title_is_its_own_line(tmp_path):
    """In a .txt the line follows the trích yếu with no blank line between: it is not the trích
    yếu's wrap but the title note, blanks kept."""
    text = "\n".join([
        "UBND TỈNH LÂM ĐỒNG", "SỞ NỘI VỤ", "", "Số:          /KH-SNV", "Lâm Đồng, ngày      tháng 3 năm 2026", "",
        "KẾ HOẠCH", "Kiểm tra công tác cải cách hành chính năm 2026",
        "(Ban hành kèm theo Quyết định số          /QĐ-SNV ngày      tháng 3 năm 2026 của Giám đốc Sở Nội vụ)",
        "", "Sở Nội vụ ban hành Kế hoạch kiểm tra năm 2026 như sau:", "", "I. MỤC ĐÍCH, YÊU CẦU", "",
        "1. Kiểm tra việc thực hiện nhiệm vụ.", "", "II. TỔ CHỨC THỰC HIỆN", "", "Các phòng thực hiện./.", ""])
    source = tmp_path / "plan.txt"
    source.write_text(text, "utf-8")
    data = import_plan(source).data
    assert data["title"] == "Kiểm tra công tác cải cách hành chính năm 2026"
    assert data["title_note"] == TITLE_NOTE.format(" " * 11, " " * 7).replace(
        "QĐ-UBND", "QĐ-SNV").replace("Chủ tịch UBND tỉnh", "Giám đốc Sở Nội vụ")
