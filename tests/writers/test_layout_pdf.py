"""Layout on the rendered pages: every example converted to PDF by LibreOffice and read back with
``pdftotext -bbox-layout`` (word positions), the way a records clerk (văn thư) looks at it.

What the .docx asks for (styles, keepNext, widths) is checked in the XML elsewhere; here we check
what a reader sees: pages filled, no heading or group row left at the foot of a page, the closing
block on one page, letterhead and title lines not wrapped, tables inside the margins."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest
from docx.oxml.ns import qn
from lxml import etree

from docx_read import body_paragraphs, open_docx
from kehoach.common import nd30
from kehoach.build import render
from kehoach.source.loader import load_path

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(not (SOFFICE and shutil.which("pdftotext")),
                                reason="needs LibreOffice (soffice) and poppler-utils (pdftotext)")

EXAMPLES = sorted((Path(__file__).parents[2] / "examples").glob("*.yaml"))
MM = 72 / 25.4  # points per millimetre
XHTML = "{http://www.w3.org/1999/xhtml}"
QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MIN_FILL = 0.75  # a page but the last of a part is at least this full, unless a table or appendix follows
TABLE_LINE_MAX_PT = 17.0  # a 13 pt (dense) table line is about 16.9 pt high as pdftotext boxes it; 14 pt 18.2
LETTERHEAD_STYLES = {"KHParent", "KHIssuer", "KHNationalName", "KHMotto", "KHNumber", "KHPlaceDate",
                     "KHTypeName", "KHSubject", "KHAppendixTitle"}
HEADING_STYLES = {"KHHeading", "KHTableTitle", "KHAppendixLabel", "KHAppendixTitle", "KHAppendixNote",
                  "KHTitleNote"}


def norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


@dataclass
class Line:
    top: float
    bottom: float
    left: float
    right: float
    text: str


@dataclass
class Page:
    number: int
    width: float
    height: float
    lines: list[Line]  # visual lines, top to bottom; the page number at the top left out

    @property
    def content(self) -> list[Line]:
        return self.lines

    def fill(self) -> float:
        top, bottom = nd30.MARGIN_TOP_MM * MM, self.height - nd30.MARGIN_BOTTOM_MM * MM
        return (max(line.bottom for line in self.lines) - top) / (bottom - top) if self.lines else 0.0

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


def read_pages(pdf: Path) -> list[Page]:
    """Words grouped into visual lines by their baseline (a row of a two-column table is one
    line: "BỘ LAO ĐỘNG - THƯƠNG BINH CỘNG HÒA XÃ HỘI …")."""
    out = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, check=True).stdout
    root = etree.fromstring(out, etree.XMLParser(recover=True, huge_tree=True))
    pages = []
    for number, page in enumerate(root.iter(f"{XHTML}page"), 1):
        words = [(float(w.get("yMax")), float(w.get("yMin")), float(w.get("xMin")), float(w.get("xMax")),
                  w.text or "") for w in page.iter(f"{XHTML}word")]
        words.sort()
        lines: list[list[tuple]] = []
        for word in words:
            if lines and abs(lines[-1][0][0] - word[0]) < 3:
                lines[-1].append(word)
            else:
                lines.append([word])
        visual = []
        for group in lines:
            group.sort(key=lambda w: w[2])
            visual.append(Line(min(w[1] for w in group), max(w[0] for w in group), min(w[2] for w in group),
                               max(w[3] for w in group), norm(" ".join(w[4] for w in group))))
        header_limit = nd30.MARGIN_TOP_MM * MM
        visual = [v for v in visual if not (v.bottom < header_limit and re.fullmatch(r"\d+", v.text))]
        pages.append(Page(number, float(page.get("width")), float(page.get("height")), visual))
    return pages


@dataclass
class Rendered:
    stem: str
    pages: list[Page]
    paragraphs: list[tuple[str, str, bool]]  # (style, text, in a table) in document order
    lines_kept: list[str]  # letterhead and title lines as the .docx breaks them
    group_rows: list[str]
    signers: list[str]
    kept: list[str]  # paragraphs outside tables that keep with the next (style or their own)
    pdf: Path | None = None


def _keeps_next(p, style: etree._Element | None) -> bool:
    own = p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}")
    if own is not None:
        return own.get(qn("w:val")) in (None, "1", "true", "on")
    return style is not None and style.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None


def docx_facts(data: bytes) -> tuple[list[tuple[str, str, bool]], list[str], list[str], list[str], list[str]]:
    doc = open_docx(data)
    styles = {s.get(qn("w:styleId")): s for s in doc.styles.element.iter(qn("w:style"))}
    paragraphs, kept, groups, signers, keeping, free = [], [], [], [], [], []
    for p in body_paragraphs(doc):
        style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        style = style.get(qn("w:val")) if style is not None else ""
        pieces, current = [], []
        for el in p.iter(qn("w:t"), qn("w:br")):
            if el.tag == qn("w:br"):
                pieces.append("".join(current))
                current = []
            else:
                current.append(el.text or "")
        pieces.append("".join(current))
        text = norm(" ".join(pieces))
        in_table = any(a.tag == qn("w:tbl") for a in p.iterancestors())
        paragraphs.append((style, text, in_table))
        if text and not in_table:
            (keeping if _keeps_next(p, styles.get(style)) else free).append(text)
        if style in LETTERHEAD_STYLES:
            kept += [norm(piece) for piece in pieces if norm(piece)]
        if style == "KHSignerName" and text:
            signers.append(text)
    for tbl in doc.element.body.iter(qn("w:tbl")):
        if tbl.find(f"{qn('w:tblPr')}/{qn('w:tblBorders')}/{qn('w:top')}").get(qn("w:val")) == "nil":
            continue  # a layout table (letterhead, closing)
        for tr in tbl.findall(qn("w:tr")):
            header = tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
            paragraphs_of_row = list(tr.iter(qn("w:p")))
            # A group row, whatever its shape, is the row the .docx keeps with the next one (a row
            # with a merged body cell is not one).
            if not header and paragraphs_of_row and all(
                    p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None for p in paragraphs_of_row):
                groups.append(norm(" ".join(t.text or "" for t in tr.iter(qn("w:t")))))
    # A text the document also prints without a keep (a repeated sentence) cannot be told apart.
    return paragraphs, kept, groups, signers, [text for text in keeping if text not in free]


def render_pages(documents: dict[str, bytes], folder: Path) -> dict[str, Rendered]:
    """Each .docx converted by one warm LibreOffice, read back as pages and facts."""
    from kehoach.writers.pdf import Converter

    with Converter() as converter:
        converter.convert_many([(data, folder / f"{stem}.pdf") for stem, data in documents.items()])
    return {stem: Rendered(stem, read_pages(folder / f"{stem}.pdf"), *docx_facts(data), pdf=folder / f"{stem}.pdf")
            for stem, data in documents.items()}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, Rendered]:
    documents = {}
    for path in EXAMPLES:
        loaded = load_path(path)
        assert loaded.plan is not None, loaded.diagnostics
        documents[path.stem] = render(loaded.plan, "docx")
    return render_pages(documents, tmp_path_factory.mktemp("layout"))


STEMS = [p.stem for p in EXAMPLES]


def starts_part(page: Page) -> bool:
    return QUOC_HIEU in " ".join(line.text for line in page.lines[:3])


def starts_appendix(page: Page) -> bool:
    return bool(page.lines) and re.match(r"(?i)phụ lục\b", page.lines[0].text) is not None


def starts_table(page: Page) -> bool:
    return bool(page.lines) and page.lines[0].bottom - page.lines[0].top < TABLE_LINE_MAX_PT


# The signature block (which never splits) may force a page break; then only the last lines of the
# body (at most this many: a short closing paragraph moves whole) go along with it.
CLOSING_TAIL_LINES = 6


def signature_forced(following: Page) -> bool:
    at = next((i for i, line in enumerate(following.lines) if line.text.startswith("Nơi nhận:")), None)
    return at is not None and at <= CLOSING_TAIL_LINES


def assert_filled(pages: list[Page]) -> None:
    for page, following in zip(pages, pages[1:]):
        if starts_part(following) or starts_appendix(following) or starts_table(following):
            continue  # the last page of a part, or a page before a table that could not start on it
        if signature_forced(following):
            continue  # the signature block did not fit: a few body lines went with it
        assert page.fill() >= MIN_FILL, (
            f"page {page.number} is {page.fill():.0%} full; page {following.number} starts "
            f"{following.lines[0].text[:60]!r}")


@pytest.mark.parametrize("stem", STEMS)
def test_no_page_is_left_mostly_empty(rendered, stem):
    assert_filled(rendered[stem].pages)


def ends_with(tail_lines: list[Line], text: str) -> bool:
    """Whether the last one to three lines of a page end with the whole of ``text``."""
    for count in (1, 2, 3):
        tail = " ".join(line.text for line in tail_lines[-count:])
        if tail == text or (tail.endswith(" " + text) and count > 1) or tail.endswith(text) and \
                len(tail) <= len(text) + 2:
            return True
    return False


def assert_nothing_left_at_the_foot(r: Rendered) -> None:
    keep = [text for style, text, in_table in r.paragraphs
            if text and not in_table and (style in HEADING_STYLES or text.endswith(":"))]
    keep += r.group_rows
    # Every line the .docx asks to keep with what follows: headings, items whose children follow,
    # captions, the last lines before the signature block.
    for page in r.pages[:-1]:
        for text in keep:
            assert not ends_with(page.lines, text), f"{r.stem}: page {page.number} ends with {text[:70]!r}"


@pytest.mark.parametrize("stem", STEMS)
def test_no_heading_lead_in_or_group_row_ends_a_page(rendered, stem):
    assert_nothing_left_at_the_foot(rendered[stem])


def assert_closing_together(r: Rendered) -> None:
    closings = [page for page in r.pages if any(line.text.startswith("Nơi nhận:") for line in page.lines)]
    assert len(closings) == len(r.signers) >= 1
    for page, signer in zip(closings, r.signers):
        assert any(signer in line.text for line in page.lines), f"page {page.number}: {signer} elsewhere"
        at = next(i for i, line in enumerate(page.lines) if line.text.startswith("Nơi nhận:"))
        assert any(line.text.endswith("./.") for line in page.lines[:at]), \
            f"{r.stem}: page {page.number}: the ./. line is not on the page of Nơi nhận"


@pytest.mark.parametrize("stem", STEMS)
def test_signature_end_mark_and_recipients_share_a_page(rendered, stem):
    assert_closing_together(rendered[stem])


def first_line_words(pdf: Path) -> list[tuple[float, float, str]]:
    """(xMin, xMax, text) of the words on the first line of page 1, left to right."""
    out = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True,
                         check=True).stdout
    root = etree.fromstring(out, etree.XMLParser(recover=True, huge_tree=True))
    words = [(float(w.get("yMax")), float(w.get("xMin")), float(w.get("xMax")), norm(w.text or ""))
             for w in root.iter(f"{XHTML}word")]
    top = min(words)[0]
    return sorted((x0, x1, text) for y, x0, x1, text in words if abs(y - top) < 3)


LETTERHEAD_GAP_MM = 4  # the body name and the Quốc hiệu read as two blocks, not one run


@pytest.mark.parametrize("stem", STEMS)
def test_letterhead_body_name_stands_clear_of_the_quoc_hieu(rendered, stem):
    words = first_line_words(rendered[stem].pdf)
    national = next(i for i, (_, _, text) in enumerate(words) if text == "CỘNG")
    assert national > 0, words
    body_end, national_start = words[national - 1][1], words[national][0]
    assert national_start - body_end >= LETTERHEAD_GAP_MM * MM, (
        f"{words[national - 1][2]!r} ends {(national_start - body_end) / MM:.1f} mm before the Quốc hiệu")
    assert words[0][0] >= nd30.MARGIN_LEFT_MM * MM - 1


@pytest.mark.parametrize("stem", STEMS)
def test_letterhead_starts_at_the_top_margin(rendered, stem):
    """Footnotes on page 1 (hcm-dong-hung-thuan) do not push the letterhead down a line."""
    first = rendered[stem].pages[0].lines[0]
    assert first.top - nd30.MARGIN_TOP_MM * MM < 2 * MM, f"{first.text[:40]!r} starts at {first.top / MM:.1f} mm"


@pytest.mark.parametrize("stem", STEMS)
def test_letterhead_and_title_lines_do_not_wrap(rendered, stem):
    r = rendered[stem]
    visual = [line.text for page in r.pages for line in page.lines]
    for text in r.lines_kept:
        assert any(text in line for line in visual), f"{text!r} is not on one line"


@pytest.mark.parametrize("stem", STEMS)
def test_everything_fits_the_page_width(rendered, stem):
    for page in rendered[stem].pages:
        left = nd30.MARGIN_LEFT_MM * MM
        right = page.width - nd30.MARGIN_RIGHT_MM * MM
        # Nothing, the letterhead included (a wide body name widens its column into the Quốc hiệu's,
        # not into the margin), starts inside the margin.
        for line in page.lines:
            assert line.left >= left - 2 and line.right <= right + 2, (
                f"page {page.number}: {line.text[:60]!r} spans {line.left:.0f}-{line.right:.0f} pt, "
                f"text area {left:.0f}-{right:.0f}")


# -- a sweep: the same plan with the content shifted down line by line ----------------------------
# The examples put a heading or a group row at the foot of a page only by chance. Here a plan is
# rendered with 0, 1, 2 … filler lines before its second mục, so that every block of it (the heading,
# a lead-in line, a table's group rows, the closing and the signature block) lands at the foot of a
# page in one variant or another.

def sweep_document(filler: int):
    from kehoach.compose.document import (Closing, Document, Letterhead, ParaKind, Paragraph, Part,
                                          RecipientLine, Run, Signature, Table, TableCell, Title)

    def body(text: str) -> Paragraph:
        return Paragraph(ParaKind.body, [Run(text)])

    long = ("Các cơ quan, đơn vị căn cứ chức năng, nhiệm vụ được giao chủ động xây dựng kế hoạch, bố trí "
            "nguồn lực và tổ chức thực hiện có hiệu quả các nhiệm vụ, giải pháp đã đề ra.")
    rows = []
    for group, name in enumerate(["I. TUYÊN TRUYỀN, PHỔ BIẾN", "II. KIỂM TRA, GIÁM SÁT",
                                  "III. SƠ KẾT, TỔNG KẾT"], 1):
        rows.append([TableCell(name, col_span=4, bold=True)])
        rows += [[TableCell(str(n), align="center"), TableCell(f"Nhiệm vụ {group}.{n}: {long[:90]}"),
                  TableCell("Phòng Văn hóa - Xã hội"), TableCell("Quý II")] for n in range(1, 5)]
    table = Table(header=[[TableCell("STT"), TableCell("Nội dung"), TableCell("Chủ trì"),
                           TableCell("Thời gian")]], rows=rows, widths_cm=[None] * 4)
    blocks = [Paragraph(ParaKind.heading, [Run("MỤC ĐÍCH, YÊU CẦU")], label="I.", bold=True)]
    blocks += [body(long) for _ in range(9)]
    blocks += [body(f"Dòng {n}.") for n in range(filler)]
    blocks += [Paragraph(ParaKind.heading, [Run("NỘI DUNG")], label="II.", bold=True),
               body("Trọng tâm:"), body(long), table, body("Nhóm 1:"), body(long), body(long),
               Paragraph(ParaKind.closing, [Run(long + " " + long)]),
               Paragraph(ParaKind.closing, [Run("Trên đây là Kế hoạch của Ủy ban nhân dân phường./.")])]
    head = Letterhead([], ["ỦY BAN NHÂN DÂN", "PHƯỜNG BẾN THÀNH"], "Số: 01/KH-UBND",
                      "Thành phố Hồ Chí Minh, ngày 05 tháng 01 năm 2026")
    closing = Closing([RecipientLine(f"- Đơn vị {n};") for n in range(1, 7)] + [RecipientLine("- Lưu: VT.")],
                      Signature(["TM. ỦY BAN NHÂN DÂN"], "CHỦ TỊCH", "Nguyễn Văn An"))
    part = Part(head, Title("KẾ HOẠCH", ["Tổ chức thực hiện nhiệm vụ năm 2026"]), blocks, closing)
    return Document([part], title="Kế hoạch")


SWEEP = range(0, 36, 2)


@pytest.fixture(scope="module")
def swept(tmp_path_factory) -> dict[str, Rendered]:
    from kehoach.writers.docx import write_docx

    documents = {f"sweep-{n:02d}": write_docx(sweep_document(n)) for n in SWEEP}
    return render_pages(documents, tmp_path_factory.mktemp("sweep"))


def test_sweep_keeps_headings_lead_ins_group_rows_and_the_closing_together(swept):
    assert len({len(r.pages) for r in swept.values()}) > 1  # the content did cross page feet
    for r in swept.values():
        assert r.group_rows and r.signers
        assert_nothing_left_at_the_foot(r)
        assert_closing_together(r)
        assert_filled(r.pages)
