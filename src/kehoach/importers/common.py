"""What the recognisers share: text clean-up, the markers of a plan's parts, a paragraph's pieces."""

from __future__ import annotations

import re

from ..common import vn
from .blocks import Para, Run, Table
from .frame import Line

PREAMBLE_BASIS = re.compile(r"^(Căn cứ|Thực hiện)\b")
PROPOSAL = re.compile(r"^(Theo|Xét) đề nghị\b")
NOTE = re.compile(r"^\((Ban hành )?[Kk]èm theo\b")
APPENDIX = re.compile(r"^PHỤ LỤC\b", re.I)
ARTICLE = re.compile(r"^Điều\s+\d+\s*[.:]\s*(?P<rest>.*)$", re.S)
PERIOD = re.compile(r"giai đoạn\s+(\d{4})\s*[-–]\s*(\d{4})", re.I)


def clean(text: str) -> str:
    return " ".join(text.replace("\t", " ").split())


# A blank the văn thư fills in, as an imported line keeps it: what compose prints, the spaces around
# it included ("Kế hoạch số" + 11 spaces + "/KH-UBND", "ngày" + 7 spaces + "tháng", "ngày" + 6 + "/").
NUMBER_SLOT = " " + vn.NUMBER_BLANK
SLOT = " " + vn.DATE_BLANK
_SLOT_GAP = re.compile(r"(?:(?<=\b[Ss]ố)|(?<=ngày)|(?<=tháng))(?:[ \t\u00a0]{2,}|\t)(?=/|tháng\b|năm\b)")


def clean_keeping_slots(text: str) -> str:
    """``clean`` that keeps the blanks of a draft's reference ("Kế hoạch số      /KH-UBND ngày
    tháng 3 năm 2026"): a tab or a run of spaces between "số"/"ngày"/"tháng" and "/"/"tháng"/"năm"."""
    out, last = [], 0
    for gap in _SLOT_GAP.finditer(text):
        slot = NUMBER_SLOT if text[:gap.start()].endswith(("số", "Số")) else SLOT
        out += [clean(text[last:gap.start()]), slot if text[gap.end():].startswith("/") else slot + " "]
        last = gap.end()
    return "".join(out) + clean(text[last:])


# A gap the văn thư fills in ("Số:          /KH-UBND", "ngày      tháng 3 năm"): its spaces, tabs or
# underscores are a blank slot of one line, not the gap between two columns.
_SLOT_BEFORE = re.compile(r"(?:\bSố\s*:|\bsố|\bngày|\btháng)[\s_.…]*$", re.I)
_SLOT_AFTER = re.compile(r"^[\s_.…]*(?:/|tháng\b|năm\b)", re.I)
_COLUMN_GAP = re.compile(r"\t+| {8,}")


def _column_cuts(text: str) -> list[tuple[int, int]]:
    """(start, end) of the gaps that separate columns in one line of text."""
    return [(m.start(), m.end()) for m in _COLUMN_GAP.finditer(text)
            if not (_SLOT_BEFORE.search(text[:m.start()]) and _SLOT_AFTER.match(text[m.end():]))]


def segments(para: Para) -> list[tuple[int, Line]]:
    """(column, line) pieces of a paragraph: split at line breaks, then at tabs or long runs of spaces
    (a tab-aligned letterhead puts the right column after one or more tabs), except inside a blank
    slot of a number or a date."""
    out: list[tuple[int, Line]] = []
    lines: list[list[tuple[str, Run]]] = [[]]
    for run in para.runs:
        parts = run.text.split("\n")
        for index, part in enumerate(parts):
            if index:
                lines.append([])
            lines[-1].append((part, run))
    for pieces in lines:
        text = "".join(p for p, _ in pieces)
        leading_tab = text[:1] == "\t" or text.startswith(" " * 8)
        cuts = _column_cuts(text)
        chunks: list[list[tuple[str, Run]]] = [[]]
        position = 0
        for part, run in pieces:
            start = position
            position += len(part)
            offset = start
            for cut_start, cut_end in cuts:
                if cut_end <= start or cut_start >= position:
                    continue
                if cut_start > offset:
                    chunks[-1].append((part[offset - start:cut_start - start], run))
                if cut_start >= start:
                    chunks.append([])
                offset = max(offset, min(cut_end, position))
            if offset < position:
                chunks[-1].append((part[offset - start:], run))
        for index, chunk in enumerate(chunks):
            text = "".join(p for p, _ in chunk).strip()
            if not text:
                continue
            visible = [r for p, r in chunk if p.strip()]
            column = 1 if (index > 0 or leading_tab) else 0
            out.append((column, Line(text, all(r.bold for r in visible), all(r.italic for r in visible))))
    return out


def lines_of(blocks: list) -> tuple[list[Line], list[Line]]:
    left: list[Line] = []
    right: list[Line] = []
    for block in blocks:
        if isinstance(block, Table):
            for row in block.rows:
                for index, cell in enumerate(row):
                    for para in cell.paras:
                        for column, line in segments(para):
                            (left if index == 0 and column == 0 else right).append(line)
        elif isinstance(block, Para):
            for column, line in segments(block):
                (left if column == 0 else right).append(line)
    return left, right


def text_of(block) -> str:
    if isinstance(block, Para):
        return block.full_text
    if isinstance(block, Table):
        return " ".join(p.full_text for p in block.all_paras())
    return ""


def is_closing_table(block) -> bool:
    return isinstance(block, Table) and any(
        re.match(r"^\s*Nơi\s+nhận\s*:?", p.text, re.I) for p in block.all_paras())


def is_closing_para(block) -> bool:
    return isinstance(block, Para) and bool(re.match(r"^\s*Nơi\s+nhận\s*:?", block.text, re.I))


def basis_marks(texts: list[str]) -> dict:
    """The ``generated`` switches that print the bases with the marks their source ends them with:
    none when those are kehoach's (";" after each, "." after the last), ``last_basis_mark`` when
    only the last differs, ``basis_marks: keep`` when the source ends them some other way (each
    must end with a mark: a missing one is not a style to keep)."""
    marks = [text.rstrip()[-1:] for text in texts]
    if not marks or any(mark not in ";.," for mark in marks) or any(t.rstrip().endswith("..") for t in texts):
        return {}
    if all(mark == ";" for mark in marks[:-1]):
        return {} if marks[-1] == "." else {"last_basis_mark": marks[-1]}
    return {"basis_marks": "keep"}


def unmark(text: str) -> str:
    """'… thực hiện./.' → '… thực hiện.' (the composer adds the end mark again)."""
    text = text.rstrip()
    if text.endswith("./."):
        return text[:-2]
    if text.endswith("/."):
        return text[:-2]
    return text
