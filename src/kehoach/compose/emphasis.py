"""Plan text with inline emphasis (``**đậm**``, ``*nghiêng*``) → document runs, parsed once here.

The markup itself is described in ``model/markup.py``. Punctuation the decree asks for is applied
to runs, not to the marked-up string, so that "./." or ";" added at the end of a bold phrase is set
upright like the rest of the paragraph.
"""

from __future__ import annotations

from collections.abc import Callable

from ..common import vn
from ..common.vn import strip_end
from ..model import markup
from . import document as doc


def runs(text: str, *, bold: bool = False, italic: bool = False, upper: bool = False) -> list[doc.Run]:
    """The runs of ``text``; ``bold``/``italic`` are added to every run (a bold heading). With
    ``upper`` the text is in capitals but for what the author typed in italics: a note after a
    Roman heading ("III. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU *(chi tiết Phụ lục đính kèm)*") keeps its case.

    A footnote reference ``[^id]`` is an empty run with its ``note_id``; ``footnotes.number``
    numbers them once the document is composed."""
    return [doc.Run(vn.upper(span.text) if upper and not span.italic else span.text, bold=bold or span.bold,
                    italic=italic or span.italic, note_id=span.note or "")
            for span in markup.spans(text)]


def paragraphs(text: str) -> list[list[doc.Run]]:
    """A table cell's paragraphs: one per line of ``text``."""
    return [runs(line) for line in text.split("\n")]


def retail(parts: list[doc.Run], change: Callable[[str], str]) -> list[doc.Run]:
    """``parts`` with ``change`` applied to the text at their end (strip ";", add "./.").

    What ``change`` keeps of the last run keeps its emphasis; what it adds is a plain run, so a
    mark added after an emphasised phrase is not emphasised. Footnote references at the end stay
    with the words before them and the end punctuation goes after them ("… các xã¹;", "… xã¹./."),
    also when the author typed it before the reference.
    """
    notes: list[doc.Run] = []
    while parts and _is_note(parts[-1]):
        notes.insert(0, parts[-1])
        parts = parts[:-1]
    if not parts:
        text = change("")
        return notes + [doc.Run(text)] if text else notes
    last = parts[-1]
    new = change(last.text)
    keep = 0
    if notes:
        base = strip_end(last.text)
        keep = len(base) if new.startswith(base) else 0
    else:
        while keep < min(len(new), len(last.text)) and new[keep] == last.text[keep]:
            keep += 1
    head, tail = new[:keep], new[keep:]
    out = parts[:-1]
    if head:
        out.append(doc.Run(head, bold=last.bold, italic=last.italic))
    out += notes
    if tail:
        out.append(doc.Run(tail))
    return _merge(out)


def _is_note(run: doc.Run) -> bool:
    return bool(run.note or run.note_id)


def _merge(parts: list[doc.Run]) -> list[doc.Run]:
    merged: list[doc.Run] = []
    for run in parts:
        if _is_note(run):
            merged.append(run)
        elif merged and not _is_note(merged[-1]) and (merged[-1].bold, merged[-1].italic) == (run.bold, run.italic):
            merged[-1] = doc.Run(merged[-1].text + run.text, bold=run.bold, italic=run.italic)
        elif run.text:
            merged.append(run)
    return merged
