"""Tables: the borderless layout tables of the letterhead and closing, and data tables with header
rows, merged cells and column widths fitted to the page."""

from __future__ import annotations

from lxml import etree

from ... import nd30
from ...compose.document import Table, TableCell
from .wml import CELL_MARGIN, _p, _run, _text_p, eighth_points, twips_cm, w

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



def _grid_widths(table: Table, available: int) -> list[int]:
    fixed = [twips_cm(cm) if cm else None for cm in table.widths_cm]
    free = [i for i, width in enumerate(fixed) if width is None]
    if free:
        rest = available - sum(width for width in fixed if width)
        share = max(rest // len(free), twips_cm(1.5))
        for i in free:
            fixed[i] = share
    total = sum(fixed)
    if total > available:  # too wide for the page: shrink every column in proportion
        fixed = [width * available // total for width in fixed]
    return fixed


def _data_table(parent: etree._Element, table: Table, available: int) -> None:
    if table.title:
        _text_p("KHTableTitle", table.title, parent)
    widths = _grid_widths(table, available)
    columns = len(widths)
    tbl = _table(parent, widths, borders=True)
    # Cells still covered by a vertical merge from above: column -> (remaining rows, span).
    pending: dict[int, list[int]] = {}
    for row_index, row in enumerate([*table.header, *table.rows]):
        is_header = row_index < len(table.header)
        tr = etree.SubElement(tbl, w("tr"))
        trpr = etree.SubElement(tr, w("trPr"))
        etree.SubElement(trpr, w("cantSplit"))
        if is_header:
            etree.SubElement(trpr, w("tblHeader"))
        cells = iter(row)
        column = 0
        while column < columns:
            if column in pending:
                left, span = pending[column]
                _text_p("KHTableText", "", _cell(tr, sum(widths[column:column + span]), span, ""))
                if left <= 1:
                    del pending[column]
                else:
                    pending[column][0] = left - 1
                column += span
                continue
            cell = next(cells, None)
            if cell is None:  # a short row: fill it so every row covers the grid
                _text_p("KHTableText", "", _cell(tr, widths[column]))
                column += 1
                continue
            span = max(1, min(cell.col_span, columns - column))
            merge = "restart" if cell.row_span > 1 else None
            tc = _cell(tr, sum(widths[column:column + span]), span, merge,
                       "center" if is_header else None)
            if cell.row_span > 1:
                pending[column] = [cell.row_span - 1, span]
            _table_cell_text(tc, cell, is_header, group=span == columns and not is_header)
            column += span


_ALIGN = {"left": "left", "center": "center", "right": "right", "justify": "both"}


def _table_cell_text(tc: etree._Element, cell: TableCell, header: bool, group: bool) -> None:
    """One paragraph per paragraph of the cell (a cell must hold at least one), runs as composed."""
    align = "center" if header else _ALIGN.get(cell.align, "left")
    for runs in cell.lines() or [[]]:
        p = _p("KHTableText", tc)
        if align != "left":
            etree.SubElement(p[0], w("jc")).set(w("val"), align)
        for run in runs:
            if run.text:
                _run(p, run.text, bold=cell.bold or header or group or run.bold, italic=run.italic)
