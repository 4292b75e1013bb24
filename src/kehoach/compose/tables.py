"""Tables: a model ``Table`` becomes a document table (merged header cells, spanning group rows),
and whether it needs a landscape page.
"""

from __future__ import annotations

from .. import model as m
from ..common import nd30
from . import document as doc
from .emphasis import paragraphs
from .text import cell_text


def cell(value: str, **kwargs) -> doc.TableCell:
    """A cell whose text may hold inline emphasis and several paragraphs (one per line)."""
    lines = paragraphs(value)
    plain = "\n".join("".join(run.text for run in line) for line in lines)
    return doc.TableCell(plain, paragraphs=lines, **kwargs)

PORTRAIT_TEXT_WIDTH_CM = 21.0 - 3.0 - 1.5  # A4 minus the default left and right margins
# Word tables run a little into the margins (real plans set 2 cm margins: a 17 cm table, as r13's
# appendices), and the .docx writer shrinks columns to the text width in proportion, keeping words
# whole: only a table more than a tenth wider than the portrait text needs a landscape page.
PORTRAIT_OVERRUN = 1.1
MAX_PORTRAIT_COLUMNS = 7


def table(source: m.Table) -> doc.Table:
    """A model table → a document table with merged header cells and spanning group rows."""
    leaves = source.leaf_columns()
    width = len(leaves)

    def depth(columns: list[m.Column]) -> int:
        return max((1 + depth(c.columns) if c.columns else 1) for c in columns) if columns else 0

    rows_needed = depth(source.columns)
    header: list[list[doc.TableCell]] = [[] for _ in range(rows_needed)]

    def place(columns: list[m.Column], row: int) -> None:
        for column in columns:
            if column.columns:
                header[row].append(cell(column.title, col_span=len(column.leaves()), bold=True,
                                                 align="center"))
                place(column.columns, row + 1)
            else:
                header[row].append(cell(column.title, row_span=rows_needed - row, bold=True,
                                                 align="center"))

    place(source.columns, 0)
    rows: list[list[doc.TableCell]] = []
    groups: set[int] = set()
    grid = m.row_grid(source.rows, width)
    for row, laid in zip(source.rows, grid):
        if isinstance(row, m.GroupRow):
            # Its number in the TT column (when given), the title spanning the middle columns, its own
            # figures (subtotals) in the last ones. The model rejects more cells than columns.
            groups.add(len(rows))
            cells = []
            if row.number is not None:
                cells.append(cell(str(row.number), bold=True, align="center"))
            span = width - len(cells) - len(row.cells)
            cells.append(cell(row.group, col_span=span, bold=True))
            cells += [cell(cell_text(value), bold=True, align=leaf.align)
                      for value, leaf in zip(row.cells, leaves[width - len(row.cells):])]
            rows.append(cells)
        else:
            # A merged body cell starts where the grid says; the positions it covers are left out,
            # as in HTML (the writers draw them as continued merges).
            rows.append([cell(cell_text(m.cell_value(value)), align=leaves[column].align,
                              col_span=value.cols if isinstance(value, m.SpanCell) else 1,
                              row_span=value.rows if isinstance(value, m.SpanCell) else 1)
                         for column, value in filter(None, laid)])
    return doc.Table(header=header, rows=rows, widths_cm=[leaf.width for leaf in leaves], title=source.title,
                     group_rows=frozenset(groups), font_pt=font_size(source), valign=source.valign)


def font_size(source: m.Table) -> float:
    """The table's text size: the plan's, else 14 pt, 13 pt for a dense table."""
    if source.font_size is not None:
        return source.font_size
    dense = len(source.leaf_columns()) >= nd30.DENSE_TABLE_COLUMNS
    return nd30.DENSE_TABLE_TEXT_PT if dense else nd30.TABLE_TEXT_PT


def needs_landscape(source: m.Table) -> bool:
    """A table clearly wider than a portrait page's text width (or with many columns) goes landscape."""
    if source.landscape is not None:
        return source.landscape
    leaves = source.leaf_columns()
    width = sum(leaf.width or 0 for leaf in leaves)
    return width > PORTRAIT_TEXT_WIDTH_CM * PORTRAIT_OVERRUN or len(leaves) > MAX_PORTRAIT_COLUMNS
