"""Tables into the schema's appendix tables: header rows (merged cells) into column groups, rows
that one cell spans into group rows, grid widths into column widths."""

from __future__ import annotations

import re

from .blocks import Cell, Table
from .emphasis import para_marked

_ALIGN = {"center": "center", "right": "right", "both": "justify", "justify": "justify"}


def _grid(table: Table) -> list[list[tuple[int, Cell] | None]]:
    """Each row expanded to grid columns: (cell id, cell) per column, vMerge continuations pointing at
    the cell they continue."""
    width = table.columns
    grid: list[list] = []
    ident = 0
    for r, row in enumerate(table.rows):
        line: list = []
        for cell in row:
            column = len(line)
            if cell.merge == "continue" and r and column < len(grid[r - 1]) and grid[r - 1][column]:
                origin = grid[r - 1][column]
            else:
                ident += 1
                origin = (ident, cell)
            line.extend([origin] * cell.span)
        line.extend([None] * (width - len(line)))
        grid.append(line)
    return grid


BOLD = (True, False)


def _text(cell: Cell, base: tuple[bool, bool] = (False, False)) -> str:
    """The cell's paragraphs, one a line, with the emphasis ``base`` (a bold header) does not give
    written as inline markup."""
    return "\n".join(para_marked(p, base) for p in cell.paras if p.full_text.strip())


def _header_rows(table: Table, grid) -> int:
    if table.header_rows:
        return min(table.header_rows, len(table.rows) - 1) if len(table.rows) > 1 else table.header_rows
    count = 0
    for r, row in enumerate(table.rows):
        paras = [p for c in row for p in c.paras if p.text]
        if paras and all(p.bold for p in paras) and r < len(table.rows) - 1:
            count += 1
            # a row whose cells merge down into the next row keeps the header open
            below = grid[r + 1] if r + 1 < len(grid) else []
            if not any(grid[r][c] is not None and c < len(below) and below[c] is grid[r][c]
                       for c in range(len(grid[r]))):
                break
        else:
            break
    return max(count, 1)


def convert(table: Table) -> dict:
    grid = _grid(table)
    width = table.columns
    header = _header_rows(table, grid)

    def columns(row: int, start: int, end: int) -> list:
        out: list = []
        column = start
        while column < end:
            origin = grid[row][column]
            span = 1
            while origin is not None and column + span < end and grid[row][column + span] is origin:
                span += 1
            title = _text(origin[1], BOLD) if origin else ""
            below = row + 1 < header and grid[row + 1][column] is not origin
            if below and span >= 1 and origin is not None and not _all_same(grid, row + 1, column, span, origin):
                out.append({"title": title, "columns": columns(row + 1, column, column + span)})
            else:
                out.append({"title": title})
            column += span
        return out

    cols = columns(0, 0, width) if grid else []
    leaves = _leaves(cols)
    widths = table.widths_cm if len(table.widths_cm) == width else []
    for index, leaf in enumerate(leaves):
        if widths and widths[index] > 0:
            leaf["width"] = round(widths[index], 2)
    rows: list = []
    aligns: list[list[str]] = [[] for _ in range(width)]
    for r in range(header, len(table.rows)):
        line = grid[r]
        origins = []
        for column, origin in enumerate(line):
            if not origins or origins[-1][1] is not origin:
                origins.append((column, origin))
        first_span = sum(1 for o in line if o is line[0]) if line and line[0] else 1
        numbered = _numbered_group(line, width)
        if numbered is not None:  # "I." in the number column, its name beside it
            rows.append(numbered)
            continue
        if first_span > 1 and line[0] is not None:
            group = {"group": _text(line[0][1], BOLD)}
            rest = [_text(o[1], BOLD) if o else "" for c, o in origins[1:]]
            # A figure in a (bold) group row is read against the row's bold, like its title.
            rest = [value if _continued(grid, r, c, o) else "" for (c, o), value in zip(origins[1:], rest)]
            if rest and len(rest) == width - first_span:
                group["cells"] = rest
            elif rest:
                group["group"] = " ".join([group["group"], *[v for v in rest if v]])
            rows.append(group)
            continue
        cells = []
        for column in range(width):
            origin = line[column]
            if origin is None or (column and line[column - 1] is origin):
                cells.append("")
                continue
            cells.append(_continued(grid, r, column, origin))
            if origin and origin[1].paras and origin[1].paras[0].align:
                aligns[column].append(origin[1].paras[0].align)
        rows.append(cells)
    for index, leaf in enumerate(leaves):
        found = [a for a in aligns[index] if a]
        if found:
            best = max(set(found), key=found.count)
            if best in _ALIGN:
                leaf["align"] = _ALIGN[best]
    return {"columns": [_short(c) for c in cols], "rows": rows}


def _continued(grid, row: int, column: int, origin) -> str:
    """A cell's text, or '' where it continues a cell merged from the row above."""
    if origin is None:
        return ""
    if row and column < len(grid[row - 1]) and grid[row - 1][column] is origin:
        return ""
    return _text(origin[1])


def _all_same(grid, row, column, span, origin) -> bool:
    return all(grid[row][c] is origin for c in range(column, column + span))


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


_GROUP_NUMBER = re.compile(r"^(?:[IVXLCDM]+|\d+(?:\.\d+)*|[a-zđ])[.)]?$")  # "I", "1", "1.1.1", "a"


def _bold(cell: Cell) -> bool:
    runs = [run for para in cell.paras for run in para.runs if run.text.strip()]
    return bool(runs) and all(run.bold for run in runs)


def _numbered_group(line: list, width: int) -> dict | None:
    """The group row the writer sets as a number cell and its name beside it, across every other
    column or across those left of its figures, all in bold ("I." | "Tuyên truyền" | "15.000.000"),
    as the plan writes it: {"number": "I.", "group": "Tuyên truyền", "cells": ["15.000.000"]}."""
    if width < 3 or not line or line[0] is None or line[1] is None or line[1] is line[0]:
        return None
    origins = []
    for origin in line:
        if origin is None:
            return None
        if not origins or origins[-1] is not origin:
            origins.append(origin)
    number, name = _text(origins[0][1], BOLD), _text(origins[1][1], BOLD)
    if not _GROUP_NUMBER.match(number) or not name:
        return None
    figures = origins[2:]
    if figures and not all(_bold(origin[1]) for origin in origins[:2]):
        return None  # "1" | "Tuyên truyền" | "15.000.000": an ordinary row
    group: dict = {"number": number, "group": name}
    if figures:
        group["cells"] = [_text(origin[1], BOLD) for origin in figures]
    return group
