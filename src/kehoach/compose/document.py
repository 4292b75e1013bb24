"""The Document block tree: what compose produces and every writer (.docx, .html, .txt) reads.

It says *what* is on the page (a letterhead, a numbered heading, a paragraph of body text, a
signature block) and never *how* it looks: sizes, fonts and indents belong to each writer (for
.docx, the Decree 30 figures in ``nd30.py``). Text here is final: labels computed, wording
rendered, punctuation added. (The importer's ``blocks`` are another tree on purpose: the page as a
reader finds it, Word's grid and merges as read, no kinds yet; see importers/blocks.py.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

# Control characters a plan can carry through YAML escapes ("\e[2J", "\x9b"): no document shows
# them, and raw in a .txt or .html they reach a terminal (cat, less -r) or a browser.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def without_controls(text: str) -> str:
    """``text`` without control characters (tab and newline kept)."""
    return _CONTROL.sub("", text)


@dataclass(frozen=True)
class Run:
    """A stretch of text with one emphasis (run-in headings are bold runs inside a paragraph).

    Emphasis the author typed inline (``**đậm**``, ``*nghiêng*``) is already split into runs here:
    writers never see the markers.
    """

    text: str
    bold: bool = False
    italic: bool = False
    # A footnote reference (its text is empty): the note's number, 1..n in order of first
    # reference. ``repeat`` marks a later reference to a note already referenced (Word gives each
    # footnote one reference mark; a repeat is printed as its number). ``note_id`` is the author's
    # id, set by emphasis.runs and resolved to ``note`` once the whole document is composed.
    note: int = 0
    repeat: bool = False
    note_id: str = ""


@dataclass
class Footnote:
    """A footnote: its number and its text as runs (inline emphasis parsed)."""

    number: int
    runs: list[Run]

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


class ParaKind(str, Enum):
    basis = "basis"  # "Căn cứ …;" preamble lines (italic when the plan says so)
    body = "body"  # ordinary body paragraph: justified, first-line indent
    heading = "heading"  # a numbered heading line: "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích"
    item = "item"  # a numbered/bulleted item whose text follows its label: "a) …", "- …", "+ …"
    article = "article"  # "Điều 1. …" in a decision
    closing = "closing"  # closing paragraph(s); the last one ends with "./."
    centered = "centered"  # centred lines (a decision's "QUYẾT ĐỊNH:", its authority line)


@dataclass
class Paragraph:
    """One body paragraph. ``label`` is the computed or literal number ("I.", "1.", "a)", "-")."""

    kind: ParaKind
    runs: list[Run]
    label: str = ""
    level: int = 0  # 0 = roman section heading, 1 = "1.", 2 = "a)" / "1.1.", 3 = "-", 4 = "+"
    bold: bool = False  # the whole paragraph (label included) is bold
    italic: bool = False
    # Only the label is bold while the text is not: "Điều 1. Ban hành …", and a run-in heading
    # "1. Sở Tài chính: …" (whose heading run is bold too). Ignored when ``bold`` is set.
    label_bold: bool = False
    label_italic: bool = False  # the label alone is italic (a plan's per-level label style)

    @property
    def text(self) -> str:
        body = "".join(run.text for run in self.runs)
        return f"{self.label} {body}".strip() if self.label else body


@dataclass
class Letterhead:
    """ô 1–4: bodies on the left, Quốc hiệu/Tiêu ngữ on the right, number and place/date below."""

    parent: list[str]  # upper case, not bold
    issuer: list[str]  # upper case, bold, short rule under it
    number_line: str | None  # "Số: 05/KH-UBND", "Số:      /KH-UBND"; None when the document has no number
    place_date: str | None  # "Nghệ An, ngày 18 tháng 11 năm 2025"; None when undated (an attachment)
    stamps: list[str] = field(default_factory=list)  # ô 10a độ mật, ô 10b độ khẩn, upper case ("MẬT", "KHẨN")
    national_name: str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    motto: str = "Độc lập - Tự do - Hạnh phúc"


@dataclass
class Title:
    """ô 5a: the type name ("KẾ HOẠCH") and the trích yếu, centred bold, short rule under it."""

    kind: str
    lines: list[str]
    note: str | None = None  # "(Ban hành kèm theo Quyết định số … )" under the title of an attachment


@dataclass
class Signature:
    """ô 7a–7c: authority lines ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"), title, name."""

    authority_lines: list[str]
    title: str
    name: str


@dataclass
class RecipientLine:
    """One line of Nơi nhận, punctuation included ("- Sở Tài chính;", "- Lưu: VT, NC.")."""

    text: str
    level: int = 0  # nested items ("+ LĐVP;") have level 1
    heading: bool = False  # a group heading ("Gửi bản điện tử:")
    runs: list[Run] = field(default_factory=list)  # ``text`` with its emphasis; empty = one plain run

    def spans(self) -> list[Run]:
        return self.runs or [Run(self.text)]


@dataclass
class Closing:
    """ô 7 and 9b side by side: Nơi nhận on the left, the signature on the right."""

    recipients: list[RecipientLine]
    signature: Signature | None


@dataclass
class TableCell:
    text: str  # the plain text; paragraphs separated by "\n"
    col_span: int = 1
    row_span: int = 1
    bold: bool = False
    align: str = "left"  # left | center | right | justify
    # The cell's paragraphs as runs (inline emphasis parsed); empty = one plain paragraph per line.
    paragraphs: list[list[Run]] = field(default_factory=list)

    def lines(self) -> list[list[Run]]:
        """The cell's paragraphs, each a list of runs."""
        if self.paragraphs:
            return self.paragraphs
        return [[Run(line)] if line else [] for line in self.text.split("\n")] if self.text else []


@dataclass
class Table:
    """A table: header rows (with merged cells, repeated on every page) and body rows."""

    header: list[list[TableCell]]
    # Body rows; a position covered by a merged cell (row_span/col_span) from above or from the left
    # is left out, as in HTML.
    rows: list[list[TableCell]]
    widths_cm: list[float | None]  # one per leaf column; None = writer decides
    title: str | None = None
    # Indexes of the rows that head a group (they never end a page); None: a row whose first cell
    # spans two columns or more (a table not made by compose).
    group_rows: frozenset[int] | None = None
    font_pt: float = 14  # the cells' text size
    valign: str = "center"  # top | center | bottom: where the text sits in a taller cell

    @property
    def column_count(self) -> int:
        return len(self.widths_cm)

    def placed(self, rows: list[list[TableCell]] | None = None) -> list[list[tuple[int, TableCell | None]]]:
        """``rows`` (the header then the body, by default) laid on the grid: per row, ``(column,
        cell)`` for each cell and ``(column, None)`` where a cell merged down from a row above
        covers the position (once per covering cell, at its first column)."""
        laid: list[list[tuple[int, TableCell | None]]] = []
        below: dict[int, list[int]] = {}  # column -> [rows still covered, span]
        for row in ([*self.header, *self.rows] if rows is None else rows):
            line: list[tuple[int, TableCell | None]] = []
            cells = iter(row)
            column = 0
            while column < self.column_count:
                if column in below:
                    left, span = below[column]
                    line.append((column, None))
                    if left <= 1:
                        del below[column]
                    else:
                        below[column][0] = left - 1
                    column += span
                    continue
                cell = next(cells, None)
                if cell is None:
                    break
                if cell.row_span > 1:
                    below[column] = [cell.row_span - 1, max(cell.col_span, 1)]
                line.append((column, cell))
                column += max(cell.col_span, 1)
            line += [(column, cell) for cell in cells]  # past the grid: kept, for the writer to judge
            laid.append(line)
        return laid

    def body_grid(self) -> list[list[TableCell | None]]:
        """The body rows with ``None`` where a cell merged down from a row above covers the position:
        what a writer without merges prints."""
        return [[cell for _, cell in line] for line in self.placed(self.rows)]


Block = Paragraph | Table


@dataclass
class AppendixPart:
    """A Phụ lục: new page, own page numbering, label, upper-case bold title, italic note line."""

    label: str  # "Phụ lục I" (Phụ lục I, III.1.b), or the plan's own label
    title: str
    note: str | None  # "(Kèm theo Kế hoạch số 980/KH-UBND ngày … của …)"
    blocks: list[Block]
    landscape: bool = False


@dataclass
class Part:
    """One document with its own letterhead: a plan, or the decision that issues a plan."""

    letterhead: Letterhead | None
    title: Title
    blocks: list[Block]  # preamble, body, closing paragraphs, in order; the last ends with "./."
    closing: Closing | None
    appendices: list[AppendixPart] = field(default_factory=list)


@dataclass
class Document:
    """What is written: one part, or a decision followed by the plan it issues (seed 002)."""

    parts: list[Part]
    title: str  # for metadata (core properties, HTML <title>)
    author: str = ""  # the issuing body, for metadata
    date: tuple[int | None, int | None, int | None] = (None, None, None)  # (day, month, year), metadata
    footnotes: list[Footnote] = field(default_factory=list)  # in number order


def note_mark(run: Run) -> str:
    """A run as plain text: a footnote reference reads "[1]" (the .txt form, and what a reader of
    the plain text of a .docx sees at the reference)."""
    return f"[{run.note}]" if run.note else run.text
