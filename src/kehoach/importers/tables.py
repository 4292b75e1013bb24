"""Tables into the schema's tables: header rows (merged cells, two or three levels) into nested
column groups, body cells merged across rows or columns into ``{value, rows, cols}`` span cells,
rows that one cell spans into group rows, grid widths into column widths.

Word's grid is read whole: every row's ``gridSpan`` (and ``gridBefore``/``gridAfter``) is laid on
the table's grid, grid lines no row uses are dropped (they are invisible on the page), and a
``vMerge`` continuation extends the cell above it instead of becoming an empty cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..common.diagnostics import Code
from ..common.i18n import tr
from .blocks import Cell, Para, Table
from .emphasis import para_marked
from .notes import said

_ALIGN = {"center": "center", "right": "right", "both": "justify", "justify": "justify"}
BOLD = (True, False)


@dataclass(eq=False)
class _Span:
    """One cell as the page shows it: where it starts on the grid and how far it reaches."""

    cell: Cell
    top: int
    left: int
    rows: int = 1
    cols: int = 1
    extra: list[Para] = field(default_factory=list)  # paragraphs of its continuation cells

    @property
    def paras(self) -> list[Para]:
        return [*self.cell.paras, *self.extra]


def _text(span: _Span, base: tuple[bool, bool] = (False, False)) -> str:
    """The cell's paragraphs, one a line, with the emphasis ``base`` (a bold header) does not give
    written as inline markup."""
    return "\n".join(para_marked(p, base) for p in span.paras if p.full_text.strip())


def _bold(span: _Span) -> bool:
    runs = [run for para in span.paras for run in para.runs if run.text.strip()]
    return bool(runs) and all(run.bold for run in runs)


# -- the grid ---------------------------------------------------------------------------------

def _columns_used(table: Table) -> tuple[list[int], int]:
    """The grid lines some row starts a cell on (the others are invisible) and the grid's width."""
    width = table.columns
    starts = {0}
    for row in table.rows:
        position = 0
        for cell in row:
            if position < width:
                starts.add(position)
            position += cell.span
    return sorted(starts), width


def _grid(table: Table) -> tuple[list[list[_Span | None]], list[float]]:
    """Each row as one entry per visible column: the span that covers it (None where no cell is)."""
    lines, grid_width = _columns_used(table)
    width = len(lines)
    bounds = [*lines, grid_width]

    def index(position: int) -> int:  # the visible column holding grid column ``position``
        return sum(1 for line in lines if line <= position) - 1

    grid: list[list[_Span | None]] = []
    for r, row in enumerate(table.rows):
        line: list[_Span | None] = [None] * width
        position = 0
        for cell in row:
            start, position = position, position + cell.span
            if cell.filler or start >= grid_width:
                continue
            first, last = index(start), index(min(position, grid_width) - 1)
            cols = last - first + 1
            above = grid[r - 1][first] if r else None
            if cell.merge == "continue" and above is not None and above.left == first and \
                    above.cols == cols and above.top + above.rows == r:
                above.rows += 1
                above.extra.extend(p for p in cell.paras if p.full_text.strip())
                span = above
            else:
                span = _Span(cell, r, first, 1, cols)
            for column in range(first, last + 1):
                line[column] = span
        grid.append(line)
    widths = table.widths_cm
    merged = [round(sum(widths[bounds[k]:bounds[k + 1]]), 2) for k in range(width)] \
        if len(widths) == grid_width else []
    return grid, merged


def _spans_of(line: list[_Span | None]) -> list[_Span]:
    out: list[_Span] = []
    for span in line:
        if span is not None and (not out or out[-1] is not span):
            out.append(span)
    return out


# -- the header -------------------------------------------------------------------------------

def _header_rows(table: Table, grid: list[list[_Span | None]]) -> int:
    """Rows marked as repeated headers (at least the first row), extended down as far as a header
    cell is merged down, and over a row of sub-titles under a header cell spanning columns."""
    total = len(grid)
    header = max(table.header_rows, 1)
    while header < total - 1:
        bottom = max((s.top + s.rows for line in grid[:header] for s in line if s is not None), default=header)
        if bottom > header:
            header = bottom
        elif _sub_titles(grid, header):
            header += 1
        else:
            break
    header = min(header, total - 1) if total > 1 else total
    _absorb_blanks(grid, header)
    return header


def _sub_titles(grid: list[list[_Span | None]], row: int) -> bool:
    """Whether ``row`` holds the sub-titles of a header cell above that spans columns ('Kết quả
    thống kê' over 'Đơn vị tính | Số liệu') while its other cells are empty: a merge drawn with
    borders instead of vMerge."""
    above, line = grid[row - 1], grid[row]
    width = len(line)
    spanning = [s for s in _spans_of(above) if 1 < s.cols < width]
    if not spanning or None in line:
        return False
    under = {c for s in spanning for c in range(s.left, s.left + s.cols)}
    for span in _spans_of(line):
        columns = set(range(span.left, span.left + span.cols))
        if columns <= under:
            if span.top != row or not _text(span) or len(_text(span)) > 60:
                return False
        elif columns & under or not _blank_under(above, span):
            return False
    return True


def _blank_under(above: list[_Span | None], span: _Span) -> bool:
    """An empty cell exactly under another: the rest of that cell, with a border Word draws."""
    top = above[span.left]
    return not _text(span) and top is not None and top is not span and \
        (top.left, top.cols, top.top + top.rows) == (span.left, span.cols, span.top)


def _absorb_blanks(grid: list[list[_Span | None]], header: int) -> None:
    """In the header, an empty cell under a cell of the same width is that cell continued."""
    for row in range(1, header):
        for span in _spans_of(grid[row]):
            if span.top == row and _blank_under(grid[row - 1], span):
                top = grid[row - 1][span.left]
                top.rows += span.rows
                for r in range(row, row + span.rows):
                    for column in range(span.left, span.left + span.cols):
                        grid[r][column] = top


def _header(grid, header: int, notes: list[str]) -> list[dict]:
    def columns(row: int, start: int, end: int) -> list[dict]:
        out: list[dict] = []
        column = start
        while column < end:
            span = grid[row][column]
            if span is None:
                out.append({"title": ""})
                column += 1
                continue
            left, right = max(span.left, start), min(span.left + span.cols, end)
            title = _text(span, BOLD)
            bottom = span.top + span.rows
            if bottom < header:
                out.append({"title": title, "columns": columns(bottom, left, right)})
            else:
                out.append({"title": title})
                if right - left > 1:  # a header leaf over body columns that split it
                    out += [{"title": ""} for _ in range(right - left - 1)]
                    notes.append(said("KH523", "tiêu đề cột '{t}' gộp {n} cột mà các dòng tách ra: ghi ở cột đầu, "
                                    "các cột sau để trống", "column heading '{t}' spans {n} columns the rows "
                                    "split: kept on the first, the others left blank", t=title, n=right - left))
            column = right
        return out

    return columns(0, 0, len(grid[0])) if grid else []


def _leaves(columns: list) -> list[dict]:
    out = []
    for column in columns:
        if column.get("columns"):
            out.extend(_leaves(column["columns"]))
        else:
            out.append(column)
    return out


def _short(column: dict):
    if column.get("columns"):
        column["columns"] = [_short(c) for c in column["columns"]]
    if list(column) == ["title"]:
        return column["title"]
    return column


# -- the body ---------------------------------------------------------------------------------

def _drop_covered_rows(grid, header: int) -> list[int]:
    """Body rows every cell of which continues a cell from above (nothing new on the page): the
    merged cells above lose that row. Returns the rows kept."""
    kept = []
    for r in range(header, len(grid)):
        spans = _spans_of(grid[r])
        if spans and all(s.top < r for s in spans) and all(s.top >= header for s in spans):
            for span in spans:
                span.rows -= 1
            continue
        if not spans:
            continue
        kept.append(r)
    return kept


# A group's number alone in its cell, as Word holds it (writers/docx/tables.py's _GROUP_NUMBER is another
# question: a number typed at the front of a group's title, "III. Tên nhóm", moved into the TT column).
_GROUP_NUMBER = re.compile(r"^(?:[IVXLCDM]+|[A-Z]|\d+(?:\.\d+)*|[a-zđ])[.)]?$")  # "A", "I", "1", "1.1.1", "a"


def _numbered_group(line: list[_Span | None], width: int) -> dict | None:
    """The group row the writer sets as a number cell and its name beside it, across every other
    column or across those left of its figures, all in bold ("I." | "Tuyên truyền" | "15.000.000"),
    as the plan writes it: {"number": "I.", "group": "Tuyên truyền", "cells": ["15.000.000"]}."""
    if width < 3 or None in line or line[1] is line[0]:
        return None
    spans = _spans_of(line)
    number, name = _text(spans[0], BOLD), _text(spans[1], BOLD)
    if not _GROUP_NUMBER.match(number) or not name:
        return None
    figures = spans[2:]
    if figures and not all(_bold(span) for span in spans[:2]):
        return None  # "1" | "Tuyên truyền" | "15.000.000": an ordinary row
    if any(span.cols > 1 for span in figures):
        return None  # a figure over two columns: the group row's cells are one a column
    group: dict = {"number": number, "group": name}
    if figures:
        group["cells"] = [_text(span, BOLD) for span in figures]
    return group


def _group(line: list[_Span | None], width: int) -> dict | None:
    """A row whose first cell spans several columns: its title, and its figures one a column."""
    first = line[0]
    if first is None or first.cols < 2:
        return None
    group: dict = {"group": _text(first, BOLD)}
    rest = _spans_of(line[first.cols:])
    values = [_text(span, BOLD) for span in rest]
    if rest and sum(span.cols for span in rest) == width - first.cols and all(s.cols == 1 for s in rest) \
            and None not in line:
        group["cells"] = values
    elif rest:
        return None  # figures over merged columns: a row of span cells keeps them where they stand
    return group


def _body_row(line: list[_Span | None], r: int, header: int, aligns: list[list[str]]) -> list:
    cells: list = []
    for column, span in enumerate(line):
        if span is None or span.top < header:  # no cell here, or a header cell merged down this far
            cells.append("")
        elif span.top < r or span.left != column:
            continue  # covered by a merged cell: left out, as the schema (and HTML) write it
        else:
            value = _text(span)
            if span.rows > 1 or span.cols > 1:
                cell: dict = {"value": value}
                if span.rows > 1:
                    cell["rows"] = span.rows
                if span.cols > 1:
                    cell["cols"] = span.cols
                cells.append(cell)
            else:
                cells.append(value)
                if span.paras and span.paras[0].align:
                    aligns[column].append(span.paras[0].align)
    return cells


def convert(table: Table, notes: list[str] | None = None) -> dict:
    """The schema's table for ``table``; ``notes`` gets what could not be kept as it was."""
    notes = [] if notes is None else notes
    table = _title_row(table)
    grid, widths = _grid(table)
    if not grid or not grid[0]:
        return {"columns": [""], "rows": []}
    width = len(grid[0])
    header = _header_rows(table, grid)
    cols = _header(grid, header, notes)
    leaves = _leaves(cols)
    for index, leaf in enumerate(leaves):
        if widths and widths[index] > 0:
            leaf["width"] = widths[index]
    rows: list = []
    aligns: list[list[str]] = [[] for _ in range(width)]
    for r in _drop_covered_rows(grid, header):
        line = grid[r]
        flat = all(s is None or (s.top == r and s.rows == 1) for s in line)
        group = (_numbered_group(line, width) or _group(line, width)) if flat else None
        rows.append(group if group is not None else _body_row(line, r, header, aligns))
    for index, leaf in enumerate(leaves):
        found = [a for a in aligns[index] if a]
        if found:
            best = max(set(found), key=found.count)
            if best in _ALIGN:
                leaf["align"] = _ALIGN[best]
    result: dict = {"columns": [_short(c) for c in cols], "rows": rows}
    if table.caption:
        result = {"title": table.caption, **result}
    return result


def _title_row(table: Table) -> Table:
    """A first row that is one cell across the whole table, above a header, is the table's title
    (the caption typed inside the table): it becomes the caption, the table starts below it."""
    if len(table.rows) < 3 or table.columns < 2:
        return table
    cells = [cell for cell in table.rows[0] if not cell.filler]
    if len(cells) != 1 or cells[0].span != table.columns or cells[0].merge or not cells[0].text.strip():
        return table
    caption = "\n".join(filter(None, [table.caption, " ".join(cells[0].text.split())]))
    return Table(table.rows[1:], max(table.header_rows - 1, 0), table.widths_cm, caption)


def summary(data: dict) -> list[str]:
    """What the import made of the tables: how many in the body (each in the item it stands in), how
    many in appendices, how many merged body cells kept as span cells."""
    body: list[dict] = []

    def walk(items) -> None:
        for item in items or []:
            if isinstance(item, dict):
                body.extend(item.get("tables") or [])
                walk(item.get("items"))

    for section in data.get("sections") or []:
        walk(section.get("items"))
    appended: list[dict] = []
    for appendix in data.get("appendices") or []:
        appended += appendix.get("tables") or []
        walk_from = len(body)
        walk(appendix.get("items"))
        appended += body[walk_from:]
        del body[walk_from:]
    spans = sum(1 for table in body + appended for row in table.get("rows", []) if isinstance(row, list)
                for cell in row if isinstance(cell, dict))
    if not body and not appended:
        return []
    return [tr("bảng: {b} trong thân kế hoạch (tables: của khoản chứa bảng), {a} ở phụ lục, {s} ô gộp trong "
               "thân bảng ({{value, rows, cols}})", "tables: {b} in the body (tables: of the item holding them), "
               "{a} in appendices, {s} merged body cells ({{value, rows, cols}})", b=len(body), a=len(appended),
               s=spans)]


# The notes said here, explained by ``kehoach rules`` (cli/codes.py reads them).
CODES = (
    Code("KH523", "info", "Tiêu đề cột gộp nhiều cột", "A column heading over split columns",
         "Một tiêu đề cột gộp nhiều cột mà các dòng lại tách ra: tiêu đề ghi ở cột đầu, các cột sau để trống. Ghi "
         "trong tệp YAML là '# kiểm tra (KH523): …' ngay trên mục liên quan.",
         "A column heading spans columns the rows split: it is kept on the first, the others are left blank. "
         "Written in the YAML as '# kiểm tra (KH523): …' right above the entry."),
)
