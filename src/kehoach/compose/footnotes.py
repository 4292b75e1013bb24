"""Footnotes: the references ``[^id]`` of a composed document numbered 1..n, and the notes' text.

Numbering is done once the whole document is composed, walking it in reading order (each part's
paragraphs and tables, its Nơi nhận, its appendices), so that the numbers are the ones Word gives
footnotes in the order of their reference marks. A note referenced again keeps its number (the
repeat is printed as that number, see ``Run.repeat``). A reference to an id the plan does not
define is printed as typed ("[^x]", like an unbalanced emphasis marker) and reported by KH407;
a note never referenced is not printed (KH408).
"""

from __future__ import annotations

from collections.abc import Iterator

from . import document as doc
from . import emphasis


def _run_lists(document: doc.Document) -> Iterator[list[doc.Run]]:
    """Every list of runs of ``document``, in reading order (each list is changed in place)."""

    def blocks(items: list[doc.Block]) -> Iterator[list[doc.Run]]:
        for block in items:
            if isinstance(block, doc.Paragraph):
                yield block.runs
            else:
                for row in (*block.header, *block.rows):
                    for cell in row:
                        yield from cell.paragraphs

    for part in document.parts:
        yield from blocks(part.blocks)
        if part.closing:
            for line in part.closing.recipients:
                yield line.runs
        for appendix in part.appendices:
            yield from blocks(appendix.blocks)


def number(document: doc.Document, texts: dict[str, str]) -> None:
    """Number the references of ``document`` and set its ``footnotes`` from ``texts`` (id → text)."""
    numbers: dict[str, int] = {}
    for runs in _run_lists(document):
        if not any(run.note_id for run in runs):
            continue
        for index, run in enumerate(runs):
            if not run.note_id:
                continue
            if run.note_id not in texts:
                runs[index] = doc.Run(f"[^{run.note_id}]", bold=run.bold, italic=run.italic)
                continue
            repeat = run.note_id in numbers
            if not repeat:
                numbers[run.note_id] = len(numbers) + 1
            runs[index] = doc.Run("", bold=run.bold, italic=run.italic, note=numbers[run.note_id],
                                  repeat=repeat, note_id=run.note_id)
    document.footnotes = [doc.Footnote(n, _note_runs(texts[note_id])) for note_id, n in numbers.items()]


def _note_runs(text: str) -> list[doc.Run]:
    """A note's text as runs; a reference inside a note is not a note of its own (printed as typed)."""
    return [doc.Run(f"[^{run.note_id}]", bold=run.bold, italic=run.italic) if run.note_id else run
            for run in emphasis.runs(text)]
