"""Tables: the borderless layout tables of the letterhead and closing, and data tables with header
rows, merged cells and column widths fitted to the page."""

from __future__ import annotations

import re

from lxml import etree

from ...common import nd30
from ...compose.document import Table, TableCell
from ...common.textwidth import text_width_em
from ...common.ooxml import w
from .wml import CELL_MARGIN, _p, _runs, _text_p, eighth_points, half_points, twips_cm, twips_pt


def _table(parent: etree._Element, widths: list[int], borders: bool,
           cell_margin: int = CELL_MARGIN) -> etree._Element:
    tbl = etree.SubElement(parent, w("tbl"))
    tblpr = etree.SubElement(tbl, w("tblPr"))
    tblw = etree.SubElement(tblpr, w("tblW"))
    tblw.set(w("w"), str(sum(widths)))
    tblw.set(w("type"), "dxa")
    etree.SubElement(tblpr, w("jc")).set(w("val"), "center")
    bdr = etree.SubElement(tblpr, w("tblBorders"))
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = etree.SubElement(bdr, w(side))
        if borders:
            edge.set(w("val"), "single")
            edge.set(w("sz"), eighth_points(nd30.TABLE_BORDER_PT))
            edge.set(w("space"), "0")
            edge.set(w("color"), "000000")
        else:
            edge.set(w("val"), "nil")
    etree.SubElement(tblpr, w("tblLayout")).set(w("type"), "fixed")
    mar = etree.SubElement(tblpr, w("tblCellMar"))
    for side in ("left", "right"):
        m = etree.SubElement(mar, w(side))
        m.set(w("w"), str(cell_margin))
        m.set(w("type"), "dxa")
    grid = etree.SubElement(tbl, w("tblGrid"))
    for width in widths:
        etree.SubElement(grid, w("gridCol")).set(w("w"), str(width))
    return tbl


def _cell(tr: etree._Element, width: int, span: int = 1, vmerge: str | None = None,
          valign: str | None = None) -> etree._Element:
    tc = etree.SubElement(tr, w("tc"))
    tcpr = etree.SubElement(tc, w("tcPr"))
    tcw = etree.SubElement(tcpr, w("tcW"))
    tcw.set(w("w"), str(width))
    tcw.set(w("type"), "dxa")
    if span > 1:
        etree.SubElement(tcpr, w("gridSpan")).set(w("val"), str(span))
    if vmerge is not None:
        vm = etree.SubElement(tcpr, w("vMerge"))
        if vmerge:
            vm.set(w("val"), vmerge)
    if valign:
        etree.SubElement(tcpr, w("vAlign")).set(w("val"), valign)
    return tc



def _words_twips(text: str, bold: bool, size: float = nd30.TABLE_TEXT_PT) -> tuple[int, int]:
    """(widest word, whole text) of ``text`` printed at ``size`` points, in twips."""
    words = text.split() or [""]
    widest = max(twips_pt(text_width_em(word, bold=bold) * size) for word in words)
    return widest, max(twips_pt(text_width_em(line, bold=bold) * size) for line in text.split("\n"))


def _content_widths(table: Table) -> tuple[list[int], list[int]]:
    """Per column: the least width that breaks no word (header words included) and the width that
    prints every cell on one line; cell padding and a rounding slack included."""
    columns = table.column_count
    pad = 2 * CELL_MARGIN + _SLACK
    least, most = [pad] * columns, [pad] * columns
    for row_index, row in enumerate(table.placed()):
        header = row_index < len(table.header)
        for column, cell in row:
            if cell is None or column >= columns:
                continue
            if cell.col_span == 1 and cell.text:
                word, whole = _words_twips(cell.text, bold=header or cell.bold, size=table.font_pt)
                least[column] = max(least[column], word + pad)
                most[column] = max(most[column], whole + pad)
    return least, most


_SLACK = twips_cm(0.1)  # rounding in the width estimate


def _grid_widths(table: Table, available: int) -> list[int]:
    """Column widths: the plan's where it gives them; the others from their content (a column
    gets what its longest cell needs, shares of the rest in proportion to what it could use);
    never so narrow that a word (a header's "CHUẨN", "STT") breaks, while the page allows."""
    least, most = _content_widths(table)
    widths = [twips_cm(cm) if cm else None for cm in table.widths_cm]
    free = [i for i, width in enumerate(widths) if width is None]
    if free:
        rest = max(available - sum(width for width in widths if width), 0)
        low = sum(least[i] for i in free)
        high = sum(most[i] for i in free)
        for i in free:
            if high <= rest:  # everything on one line: spread what is left in proportion
                widths[i] = most[i] * rest // high
            elif low <= rest:  # words whole: the room above that goes where the text is longest
                extra = (rest - low) * (most[i] - least[i]) // max(high - low, 1)
                widths[i] = least[i] + extra
            else:
                widths[i] = least[i]
    total = sum(widths)
    if total > available:  # too wide for the page: shrink in proportion
        widths = [width * available // total for width in widths]
    # A column whose words would break (a plan's width set for a smaller text, a figure
    # "1.035.809", a group number "VIII") gets its least width: from the page's unused width first,
    # then from the columns wider than theirs.
    short = [i for i in range(len(widths)) if widths[i] < least[i]]
    need = sum(least[i] - widths[i] for i in short)
    room = max(available - sum(widths), 0)
    spare = sum(widths[i] - least[i] for i in range(len(widths)) if widths[i] > least[i])
    if short and need <= room + spare:
        taken = max(need - room, 0)
        for i in range(len(widths)):
            if widths[i] < least[i]:
                widths[i] = least[i]
            elif widths[i] > least[i] and taken:
                widths[i] -= (widths[i] - least[i]) * taken // spare
        excess = sum(widths) - available
        if excess > 0:  # what the rounding down left over comes off the widest column
            widest = max(range(len(widths)), key=lambda i: widths[i] - least[i])
            widths[widest] -= excess
    return widths


_KEEP_ROW_TWIPS = twips_cm(nd30.TABLE_KEEP_ROW_CM)


def _row_height(row: list[tuple[int, TableCell | None]], widths: list[int], size: float) -> int:
    """Estimated printed height of a row (its cells placed on the grid): its tallest cell's
    wrapped lines (a cell merged down counts whole: a row that starts one cannot end before it)."""
    lines = 1
    for column, cell in row:
        if cell is None:
            continue
        width = sum(widths[column:column + cell.col_span]) - 2 * CELL_MARGIN
        if cell.text and width > 0:
            _, whole = _words_twips(cell.text, bold=cell.bold, size=size)
            lines = max(lines, -(-whole // width) + cell.text.count("\n"))
    return lines * twips_pt(size * nd30.LINE_SPACING) + twips_pt(4)


_GROUP_NUMBER = re.compile(r"^((?:[IVXLCDM]+|\d+|[a-zđ])[.)]?)\s+(\S.*)$", re.S)


def _split_group_number(row: list[TableCell], columns: int, number_align: str | None) -> list[TableCell]:
    """A group row "III. Tên nhóm" spanning the table: its number in the first column, aligned
    like that column's numbers, and its name across the others."""
    first = row[0] if row else None
    if first is None or number_align is None or first.col_span < 2:
        return row
    match = _GROUP_NUMBER.match(first.text)
    if not match:
        return row
    number = TableCell(match.group(1), bold=True, align=number_align)
    name = TableCell(match.group(2), col_span=first.col_span - 1, bold=True, align=first.align)
    return [number, name, *row[1:]]


def _is_group(table: Table, index: int) -> bool:
    """A row that heads a group: compose says which; a table made elsewhere marks one by a first
    cell spanning columns."""
    if table.group_rows is not None:
        return index in table.group_rows
    row = table.rows[index]
    return any(cell.col_span >= 2 for cell in row[:2])


def _number_align(table: Table) -> str | None:
    """The alignment of the first column when it holds numbers ("1", "2", …); None otherwise."""
    for index, row in enumerate(table.rows):
        if row and row[0].col_span == 1 and not _is_group(table, index):
            return row[0].align if re.fullmatch(r"[\dIVXLCDM.)]{1,6}", row[0].text.strip()) else None
    return None


def _data_table(parent: etree._Element, table: Table, available: int) -> None:
    if table.title:
        _text_p("KHTableTitle", table.title, parent)
    widths = _grid_widths(table, available)
    columns = len(widths)
    tbl = _table(parent, widths, borders=True)
    number_align = _number_align(table)
    valign = None if table.valign == "top" else table.valign
    # Cells still covered by a vertical merge from above: column -> (remaining rows, span).
    pending: dict[int, list[int]] = {}
    placed = table.placed()
    for row_index, row in enumerate([*table.header, *table.rows]):
        is_header = row_index < len(table.header)
        # A group row spans columns: its first cell ("I. TUYÊN TRUYỀN"), or the name after its own
        # number cell (a numbered group row).
        group = not is_header and _is_group(table, row_index - len(table.header))
        if group:
            row = _split_group_number(row, columns, number_align)
        tr = etree.SubElement(tbl, w("tr"))
        trpr = etree.SubElement(tr, w("trPr"))
        if is_header or _row_height(placed[row_index], widths, table.font_pt) <= _KEEP_ROW_TWIPS:
            etree.SubElement(trpr, w("cantSplit"))
        if is_header:
            etree.SubElement(trpr, w("tblHeader"))
        cells = iter(row)
        column = 0
        while column < columns:
            if column in pending:
                left, span = pending[column]
                covered = _cell(tr, sum(widths[column:column + span]), span, "", "center" if is_header else valign)
                _size(_text_p("KHTableText", "", covered), table.font_pt)
                if left <= 1:
                    del pending[column]
                else:
                    pending[column][0] = left - 1
                column += span
                continue
            cell = next(cells, None)
            if cell is None:  # a short row: fill it so every row covers the grid
                _size(_text_p("KHTableText", "", _cell(tr, widths[column])), table.font_pt)
                column += 1
                continue
            span = max(1, min(cell.col_span, columns - column))
            merge = "restart" if cell.row_span > 1 else None
            tc = _cell(tr, sum(widths[column:column + span]), span, merge,
                       "center" if is_header else valign)
            if cell.row_span > 1:
                pending[column] = [cell.row_span - 1, span]
            _table_cell_text(tc, cell, is_header, group=group, size=table.font_pt)
            column += span
        if group:  # a group row never ends a page: it keeps with the row after it
            for ppr in tr.iter(w("pPr")):
                ppr.find(w("pStyle")).addnext(etree.Element(w("keepNext")))


_ALIGN = {"left": "left", "center": "center", "right": "right", "justify": "both"}


def _size(p: etree._Element, size: float) -> None:
    """Set a table paragraph (its mark and runs) at ``size`` when it differs from the style's."""
    if size == nd30.TABLE_TEXT_PT:
        return
    value = half_points(size)
    mark = etree.SubElement(p[0], w("rPr"))  # last in pPr
    for rpr in [mark, *(_run_pr(run) for run in p.iter(w("r")))]:
        etree.SubElement(rpr, w("sz")).set(w("val"), value)
        etree.SubElement(rpr, w("szCs")).set(w("val"), value)


def _run_pr(run: etree._Element) -> etree._Element:
    rpr = run.find(w("rPr"))
    if rpr is None:
        rpr = etree.Element(w("rPr"))
        run.insert(0, rpr)
    return rpr  # holds only rStyle/b/i here: sz, szCs follow them in CT_RPr's order


def _table_cell_text(tc: etree._Element, cell: TableCell, header: bool, group: bool,
                     size: float = nd30.TABLE_TEXT_PT) -> None:
    """One paragraph per paragraph of the cell (a cell must hold at least one), runs as composed."""
    align = "center" if header else _ALIGN.get(cell.align, "left")
    for runs in cell.lines() or [[]]:
        p = _p("KHTableText", tc)
        if align != "left":
            etree.SubElement(p[0], w("jc")).set(w("val"), align)
        _runs(p, runs, bold=cell.bold or header or group)
        _size(p, size)
