"""Captions kept with their table: "Biểu mẫu 1", "Bảng 2. …", or a bold line right above a table
(or both, the number line first) are taken off the text and become the table's caption, which the
table converter writes as its ``title``."""

from __future__ import annotations

import re

from .blocks import Para, Table
from .labels import split_label


CAPTION = re.compile(r"^(?:Biểu mẫu|Biểu|Bảng|Phụ biểu|Mẫu)\s*(?:số\s*)?[0-9IVXLC]+[a-z]?\b", re.IGNORECASE)


def _caption_line(block, numbered_only: bool = False) -> bool:
    if not isinstance(block, Para):
        return False
    text = " ".join(block.full_text.split())
    if not text or len(text) > 200:
        return False
    if CAPTION.match(text):
        return True
    if numbered_only or block.label or text.endswith((":", ";", ",")):
        return False
    return block.bold and not split_label(text)[0]  # a labelled line is a heading of the plan


def attach(blocks: list) -> list:
    """``blocks`` with the caption right above each table ("Biểu mẫu 1", a bold line, or both) taken
    off the text and kept as the table's caption."""
    out: list = []
    for block in blocks:
        if isinstance(block, Table) and not block.caption:
            lines: list[str] = []
            at = _previous_text(out)
            if at is not None and _caption_line(out[at]):
                lines.append(" ".join(out.pop(at).full_text.split()))
                at = _previous_text(out)
                if not CAPTION.match(lines[0]) and at is not None and _caption_line(out[at], numbered_only=True):
                    lines.insert(0, " ".join(out.pop(at).full_text.split()))
            block.caption = "\n".join(lines)
        out.append(block)
    return out


def _previous_text(blocks: list) -> int | None:
    """The index of the last block with text, over empty paragraphs; None when a table or nothing."""
    for index in range(len(blocks) - 1, -1, -1):
        block = blocks[index]
        if not isinstance(block, Para):
            return None
        if block.full_text.strip():
            return index
    return None
