"""A table row's cells merged across columns, read as one cell whose text is read once.

OOXML says a merge across columns two ways: one cell with ``gridSpan`` (what Word writes today), or
Word 97's form kept for compatibility, a ``hMerge="restart"`` cell followed by ``hMerge`` continue
cells, each its own ``w:tc``. Word shows a merged region as one cell: continue cells become part of
the restart cell's span. A Word 97 file (.doc) keeps a copy of the merged text in every merged cell
it covers, so a continue cell that repeats the text is not read again. LibreOffice's .doc import
folds such cells into one ``gridSpan`` cell but keeps every copy, joined with nothing between them
("ABCABCABC" over three columns): a cell spanning columns whose text is exactly 2..span copies of one
text is read as one copy. Cells that are not merged keep their text, repeated or not.
"""

from __future__ import annotations

from .blocks import Cell, Para, Run


def fold_row(cells: list[Cell], hmerge: list[str]) -> list[Cell]:
    """The row's cells as the page shows them: ``hmerge[i]`` is cell i's hMerge ("" | "restart" |
    "continue"); a continue cell widens the cell before it, copies of the merged text read once."""
    out: list[Cell] = []
    for cell, merge in zip(cells, hmerge):
        target = out[-1] if out and not out[-1].filler else None
        if merge == "continue" and target is not None:
            target.span += cell.span
            if cell.text and cell.text != target.text:  # different text: kept, as vMerge keeps it
                target.paras.extend(p for p in cell.paras if p.full_text.strip())
            continue
        out.append(cell)
    for cell in out:
        if cell.span > 1:
            cell.paras = _one_copy(cell.paras, cell.span)
    return out


def _one_copy(paras: list[Para], span: int) -> list[Para]:
    """The paragraphs of one copy when their text is ``k`` copies of one text, 2 <= k <= span."""
    if any(p.label for p in paras):
        return paras
    text = "\n".join("".join(run.text for run in p.runs) for p in paras)
    body = text.strip()
    for copies in range(span, 1, -1):
        size, rest = divmod(len(body), copies)
        if rest or not any(ch.isalpha() for ch in body[:size]) or body[:size] * copies != body:
            continue
        return _cut(paras, len(text) - len(text.lstrip()) + size)
    return paras


def _cut(paras: list[Para], keep: int) -> list[Para]:
    """The paragraphs' first ``keep`` characters (a paragraph break counts as one)."""
    out: list[Para] = []
    for para in paras:
        runs: list[Run] = []
        for run in para.runs:
            if keep <= 0:
                break
            runs.append(Run(run.text[:keep], run.bold, run.italic))
            keep -= len(run.text)
        out.append(Para(runs, para.label, para.align, para.style))
        keep -= 1
        if keep <= 0:
            break
    return out
