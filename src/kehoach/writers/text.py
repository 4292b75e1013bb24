"""Plain-text writer: the form a reviewer diffs in a pull request.

One paragraph per line and nothing wrapped, so that a change to one sentence changes one line.
Inline emphasis is not marked: the text is what a reader reads (the form the fidelity tests compare
with the original, word for word); emphasis changes show in the plan's own diff and in .docx/.html.
Blocks are separated by blank lines; tables are pipe rows, one cell per column whatever the merges
(`table_lines`); the output is UTF-8 and deterministic.

A footnote reference reads "[1]" where the author put it and the notes follow the document, after a
short rule, as "[1] text" lines (Pandoc's plain-text form): brackets rather than superscript digits
because "xã1" and "xã¹" both lose the mark in a word-for-word comparison or a font without "⁴".
"""

from __future__ import annotations

from ..compose import document as doc

RULE = "-" * 8  # stands for the short rules under the issuer and the trích yếu


def write_text(document: doc.Document) -> bytes:
    chunks: list[list[str]] = []
    for number, part in enumerate(document.parts):
        if number:
            chunks.append(["=" * 40])
        chunks += part_chunks(part)
    if document.footnotes:
        chunks.append([RULE, *(f"[{note.number}] {note.text}" for note in document.footnotes)])
    text = "\n\n".join("\n".join(chunk) for chunk in chunks) + "\n"
    return doc.without_controls(text).encode("utf-8")


def part_chunks(part: doc.Part) -> list[list[str]]:
    chunks: list[list[str]] = []
    if part.letterhead:
        lh = part.letterhead
        chunks.append([*lh.parent, *lh.issuer, RULE])
        chunks.append([lh.national_name, lh.motto, RULE])
        dated = [line for line in (lh.number_line, lh.place_date, *lh.stamps) if line]
        if dated:
            chunks.append(dated)
    title = [part.title.kind, *part.title.lines]
    if part.title.note:
        title.append(part.title.note)
    chunks.append([*title, RULE])
    chunks += [block_lines(block) for block in part.blocks]
    if part.closing:
        closing = part.closing
        if closing.recipients:
            chunks.append(["Nơi nhận:", *(("  " * line.level) + runs_text(line.spans())
                                          for line in closing.recipients)])
        if closing.signature:
            sig = closing.signature
            chunks.append([*sig.authority_lines, sig.title, "", sig.name])
    for appendix in part.appendices:
        chunks.append(["=" * 40])
        head = [appendix.label, appendix.title]
        if appendix.note:
            head.append(appendix.note)
        chunks.append([*head, RULE])
        chunks += [block_lines(block) for block in appendix.blocks]
    return chunks


def runs_text(runs: list[doc.Run]) -> str:
    return "".join(doc.note_mark(run) for run in runs)


def block_lines(block: doc.Block) -> list[str]:
    if isinstance(block, doc.Paragraph):
        text = runs_text(block.runs)
        text = f"{block.label} {text}".strip() if block.label else text
        return [" ".join(text.splitlines())]
    return table_lines(block)


def cell_text(cell: doc.TableCell) -> str:
    return " ".join(runs_text(line) for line in cell.lines())


def table_lines(table: doc.Table) -> list[str]:
    """Pipe rows with one cell per grid column, so that every row lines up with the header. A merged
    cell is printed once, in the first row and column it covers; a column it covers to its right is
    an empty cell without spaces ("||", MultiMarkdown's column span), a position it covers below is a
    blank cell ("|  |"). A cell of several paragraphs reads as one line, header cells too (a title
    typed over two lines once broke its header row in two). The words stay what the .docx prints."""
    lines = [table.title] if table.title else []
    laid = table.placed()
    header = len(table.header)
    lines += [pipe_row(line, table.column_count) for line in laid[:header]]
    lines.append("|" + "---|" * table.column_count)
    lines += [pipe_row(line, table.column_count) for line in laid[header:]]
    return lines


def pipe_row(line: list[tuple[int, doc.TableCell | None]], column_count: int) -> str:
    """One row laid on the grid (``Table.placed``): a cell, or ``None`` where a cell merged down
    from above covers the position, each followed by a "|" per further column it covers."""
    row = "|"
    for index, (column, cell) in enumerate(line):
        if cell is None:  # covered from above, as wide as the covering cell: up to the next entry
            following = line[index + 1][0] if index + 1 < len(line) else column_count
            row += "  |" + "|" * max(following - column - 1, 0)
        else:
            row += f" {cell_text(cell)} |" + "|" * max(cell.col_span - 1, 0)
    return row
