"""Where pages may break in the body: which paragraphs keep with what follows (headings, lead-ins,
items whose children follow, captions), planned as chains measured in lines because LibreOffice
moves a kept paragraph whole; and where a long last paragraph is cut so only its last sentences go
with the signature block."""

from __future__ import annotations

import re

from lxml import etree

from ...common import nd30
from ...compose.document import Block, Paragraph, ParaKind, Run, Table
from ...common.textwidth import text_width_em
from ...common.ooxml import w
from .wml import twips_cm, twips_pt


def _keep_next(p: etree._Element) -> None:
    ppr = p[0]
    if ppr.find(w("keepNext")) is None:
        # keepNext follows pStyle in CT_PPrBase's sequence.
        ppr.find(w("pStyle")).addnext(etree.Element(w("keepNext")))


def _is_lead_in(para: Paragraph) -> bool:
    """A line that introduces what follows ("Trọng tâm:", "Nhóm 1:"): never last on a page."""
    return para.text.rstrip().endswith(":")


_OUTLINE = (ParaKind.heading, ParaKind.item, ParaKind.article)


def _introduces(para: Paragraph, following: Block) -> bool:
    """Whether ``para`` opens what ``following`` continues: a lead-in line, the line before a table
    (a caption, "Biểu mẫu 1"), a heading, or a labelled item whose children follow ("c. Thông số,
    tần suất quan trắc" above its "- pH", with or without a colon)."""
    if isinstance(following, Table) or _is_lead_in(para) or para.kind is ParaKind.heading:
        return True
    return (para.kind in _OUTLINE and isinstance(following, Paragraph) and following.kind in _OUTLINE
            and following.level > para.level)


# [practice] LibreOffice moves a paragraph kept with the next whole, so a chain of them moves as
# one block with the first lines of what follows: past this many lines a link of the chain is cut,
# and a paragraph longer than the second figure is never kept (a long paragraph's end at a page
# foot reads as the end of a paragraph, not as a lone lead-in).
_MAX_CHAIN_LINES = 8
_MAX_KEPT_LINES = 4


def _lines(para: Paragraph, available: int) -> int:
    """How many lines ``para`` takes in the body's size (an estimate from character widths)."""
    width = max(available - twips_cm(nd30.FIRST_LINE_INDENT_CM), 1)
    text_twips = twips_pt(text_width_em(para.text, bold=para.bold) * nd30.BODY_PT)
    return max(1, -(-text_twips // width))


def _lead_lines(block: Block | None, available: int) -> int:
    """The lines of ``block`` that a paragraph kept with it drags along: a paragraph's first two
    (widow control), a table's header rows and first rows."""
    if block is None:
        return 0
    if isinstance(block, Table):
        return len(block.header) + 3
    return min(_lines(block, available), 2)


def _keeps(blocks: list[Block], available: int) -> list[bool]:
    """Which paragraphs keep with the next block. Where a chain of kept paragraphs (with what it
    drags along) is too long, the weakest links go first: a paragraph kept only because a table
    follows or because its children do; a heading, a caption or a line ending with ":" only as a
    last resort."""
    last = len(blocks) - 1
    lines = [0 if isinstance(b, Table) else _lines(b, available) for b in blocks]
    keep = [isinstance(b, Paragraph) and i < last
            and lines[i] <= _MAX_KEPT_LINES and _introduces(b, blocks[i + 1])
            for i, b in enumerate(blocks)]
    start = 0
    while start <= last:
        if not keep[start]:
            start += 1
            continue
        end = start
        while end <= last and keep[end]:
            end += 1
        total = sum(lines[start:end]) + _lead_lines(blocks[end] if end <= last else None, available)
        links = sorted(range(start, end), key=lambda i: (_strong(blocks[i], blocks[i + 1], lines[i]), i))
        for link in links:
            if total <= _MAX_CHAIN_LINES:
                break
            keep[link] = False
            total -= lines[link]
        start = end
    return keep


def _strong(para: Paragraph, following: Block, lines: int) -> bool:
    """A heading, a lead-in line or a one-line caption over a table ("Biểu mẫu 1"): what must least
    of all end a page."""
    caption = isinstance(following, Table) and lines == 1
    return para.kind is ParaKind.heading or _is_lead_in(para) or caption


def _free(p: etree._Element) -> None:
    """Cut a keep chain here: keepNext off, whatever the style says."""
    ppr = p[0]
    keep = ppr.find(w("keepNext"))
    if keep is None:
        keep = etree.Element(w("keepNext"))
        ppr.find(w("pStyle")).addnext(keep)
    keep.set(w("val"), "0")


# A sentence ends before this: ". " then a capital letter (not "Điều 1. " inside a sentence: the
# next word must start a sentence, which a number does not).
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[A-ZÀ-Ỹ])")
_KEPT_TAIL_LINES = 3  # [practice] at most this many closing lines go along with the signature ...
_MAX_WHOLE_CLOSING_LINES = 6  # ... unless the whole paragraph is this short


def _last_sentences(para: Paragraph, available: int) -> tuple[Paragraph, Paragraph] | None:
    """``para`` cut before its last sentences (at most a few lines), or None: no sentence boundary
    there, or emphasis runs that a cut would have to split."""
    if len(para.runs) != 1 or para.runs[0].note:
        return None
    run = para.runs[0]
    for match in _SENTENCE_END.finditer(run.text):
        tail = Paragraph(para.kind, [Run(run.text[match.end():], run.bold, run.italic)], bold=para.bold,
                         italic=para.italic)
        if _lines(tail, available) <= _KEPT_TAIL_LINES:
            head = Paragraph(para.kind, [Run(run.text[:match.start()], run.bold, run.italic)],
                             label=para.label, level=para.level, bold=para.bold, italic=para.italic,
                             label_bold=para.label_bold, label_italic=para.label_italic)
            return head, tail
    return None
