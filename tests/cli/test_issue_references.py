"""`kehoach issue` fills the draft's own number and day wherever a note line cites the document
itself ("(Ban hành kèm theo Kế hoạch số      /KH-UBND ngày …)" under the title, "(Kèm theo Kế hoạch
số …)" under an appendix title), and leaves blank what cites another document: another ký hiệu (the
decision not issued yet), or the same ký hiệu with another month. Built through the real LibreOffice,
read back with pdftotext; the bookmarks that place the fields are read from the .docx."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import unicodedata
import zipfile
from pathlib import Path

import pytest

from kehoach.build import render
from kehoach.source.loader import load_text
from kehoach.writers.fonts import installed_serif_family
from kehoach.writers.pdf_fields import read_fields

BLANK = " " * 10
PLAN = f"""\
letterhead:
  issuer: [ỦY BAN NHÂN DÂN, TỈNH NGHỆ AN]
  abbreviation: UBND
  number: null
  place: Nghệ An
  date: 2026-03
title: Phòng thủ dân sự năm 2026
title_note: "(Ban hành kèm theo Kế hoạch số {BLANK}/KH-UBND ngày      tháng 3 năm 2026 của Ủy ban nhân dân tỉnh)"
sections:
  - role: purpose
    items: [Bảo đảm thống nhất.]
  - role: assignments
    items: [{{body: Sở Tài chính, text: Bố trí kinh phí.}}]
signature: {{title: CHỦ TỊCH, name: Nguyễn Văn A}}
recipients: {{items: [Sở Tài chính], archive: {{units: [VT]}}}}
appendices:
  - title: Danh sách xã
    text: [Xã Nghi Lộc.]
  - title: Biểu mẫu báo cáo
    note: "(Kèm theo Quyết định số {BLANK}/QĐ-UBND ngày      tháng 3 năm 2026 của Chủ tịch UBND tỉnh)"
    text: [Mẫu số 01.]
  - title: Kế hoạch năm trước
    note: "(Kèm theo Kế hoạch số {BLANK}/KH-UBND ngày      tháng 02 năm 2026 của Ủy ban nhân dân tỉnh)"
    text: [Đã thực hiện.]
"""


def plan(text: str = PLAN):
    loaded = load_text(text, "plan.yaml")
    assert loaded.plan is not None, loaded.diagnostics
    return loaded.plan


def bookmarks_by_style(docx: bytes) -> dict[str, list[str]]:
    """Our bookmark names (without the hiding "_") in the paragraphs of each style."""
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        xml = package.read("word/document.xml").decode()
    out: dict[str, list[str]] = {}
    for paragraph in re.findall(r"<w:p[ >].*?</w:p>", xml, re.S):
        style = re.search(r'<w:pStyle w:val="([^"]+)"', paragraph)
        names = re.findall(r'<w:bookmarkStart [^>]*w:name="_(kh[^"]+)"', paragraph)
        if style and names:
            out.setdefault(style[1], []).extend(names)
    return out


def test_only_notes_citing_the_document_itself_are_bookmarked() -> None:
    marks = bookmarks_by_style(render(plan(), "docx"))
    # The title note and the generated note of appendix I cite the draft: its number and blank day
    # (the month and year are printed alike); the two other appendix notes cite other documents.
    assert marks["KHTitleNote"] == ["khRef1Number", "khRef1NumberEnd", "khRef1Day", "khRef1DayEnd"]
    assert marks["KHAppendixNote"] == ["khRef2Number", "khRef2NumberEnd", "khRef2Day", "khRef2DayEnd"]
    # A numbered plan prints its number in the notes: nothing of its own is blank.
    numbered = render(plan(PLAN.replace("number: null", 'number: "45"').replace("date: 2026-03", "date: 2026-03-05")),
                      "docx")
    assert not any(name.startswith("khRef") for names in bookmarks_by_style(numbered).values() for name in names)


def test_the_draft_with_bookmarked_notes_is_valid_ooxml(tmp_path: Path) -> None:
    """The bookmarks split the note's run where a blank starts and ends: the package stays valid
    (openxml-audit, as tests/writers/test_docx_valid.py checks every example) and the note's text
    is unchanged."""
    audit = pytest.importorskip("openxml_audit", reason="openxml-audit is in the `test` extra")
    path = tmp_path / "draft.docx"
    path.write_bytes(render(plan(), "docx"))
    result = audit.OpenXmlValidator(strict=True).validate(path)
    assert [f"{e.part_uri} {e.path}: {e.description}" for e in result.errors] == []
    with zipfile.ZipFile(path) as package:
        xml = package.read("word/document.xml").decode()
    note = next(p for p in re.findall(r"<w:p[ >].*?</w:p>", xml, re.S) if "KHTitleNote" in p)
    assert "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", note)) == \
        f"(Ban hành kèm theo Kế hoạch số {BLANK}/KH-UBND ngày      tháng 3 năm 2026 của Ủy ban nhân dân tỉnh)"


def test_a_note_with_a_blank_month_follows_the_letterhead() -> None:
    """An undated draft (month blank too): the note's blank day and month are the document's when
    the letterhead leaves the same parts blank; a note printing a month the letterhead leaves blank
    cites something else."""
    undated = PLAN.replace("date: 2026-03", 'date: "2026"').replace("tháng 3 năm 2026 của Ủy", "tháng      năm 2026 của Ủy")
    marks = bookmarks_by_style(render(plan(undated), "docx"))
    assert marks["KHTitleNote"] == ["khRef1Number", "khRef1NumberEnd", "khRef1Day", "khRef1DayEnd",
                                    "khRef1Month", "khRef1MonthEnd"]
    # The generated note of appendix I prints the letterhead's own date, blanks and all.
    assert marks["KHAppendixNote"][:2] == ["khRef2Number", "khRef2NumberEnd"]
    only_month_printed = PLAN.replace("date: 2026-03", 'date: "2026"')  # the title note still says tháng 3
    marks = bookmarks_by_style(render(plan(only_month_printed), "docx"))
    assert "KHTitleNote" not in marks


def pdf_text(pdf: Path) -> str:
    """The page text as laid out (the letterhead's two columns side by side), each line's spaces
    collapsed, lines joined by " | "."""
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True).stdout.decode()
    lines = (" ".join(unicodedata.normalize("NFC", line).split()) for line in out.splitlines())
    return " | ".join(line for line in lines if line)


@pytest.mark.skipif(not ((shutil.which("soffice") or shutil.which("libreoffice")) and shutil.which("pdftotext")
                         and installed_serif_family() is not None),
                    reason="needs LibreOffice, poppler-utils (pdftotext) and a Times-metric serif")
def test_issue_fills_the_notes_citing_the_draft_and_nothing_else(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text(PLAN, "utf-8")
    env = {**os.environ, "KEHOACH_NO_SERVER": "1"}

    def kehoach(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "kehoach", *args], capture_output=True, cwd=tmp_path, env=env)

    built = kehoach("build", "plan.yaml", "-o", "plan.pdf", "--pdf-a")
    assert built.returncode in (0, 1), built.stderr.decode()  # KH230: a draft, as it should be
    fields = {f.name: f for f in read_fields((tmp_path / "plan.pdf").read_bytes())}
    cited = {name for name in fields if re.fullmatch(r"kehoach\.(so|ngay|thang|nam)_\d+", name)}
    assert cited == {"kehoach.so_1", "kehoach.ngay_1", "kehoach.so_2", "kehoach.ngay_2"}
    assert fields["kehoach.so_1"].page == 0 and fields["kehoach.so_2"].page == 1  # title note, appendix I
    before = pdf_text(tmp_path / "plan.pdf")
    assert "Kế hoạch số /KH-UBND ngày tháng 3 năm 2026" in before

    done = kehoach("issue", "plan.pdf", "-n", "45", "-d", "2026-03-05")
    assert done.returncode == 0, done.stderr.decode()
    text = pdf_text(tmp_path / "plan.issued.pdf")
    assert "Số: 45/KH-UBND" in text and "Nghệ An, ngày 05 tháng 3 năm 2026" in text
    assert "(Ban hành kèm theo Kế hoạch số 45/KH-UBND ngày 05 tháng 3 năm 2026" in text
    assert "(Kèm theo Kế hoạch số 45/KH-UBND ngày 05 tháng 3 năm 2026 của" in text
    # Another document's blanks stay blank: the decision's, and a plan of another month.
    assert "(Kèm theo Quyết định số /QĐ-UBND ngày tháng 3 năm 2026" in text
    assert "(Kèm theo Kế hoạch số /KH-UBND ngày tháng 02 năm 2026" in text
    assert text.count("45/KH-UBND") == 3 and text.count("ngày 05 tháng") == 3
