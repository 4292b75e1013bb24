"""The document body: paragraphs, blocks, the closing (ô 7, 9b), and each part and appendix in a
section of its own."""

from __future__ import annotations

import functools
import re

from lxml import etree

from ... import nd30, vn
from ...compose.document import (AppendixPart, Block, Closing, Document, ParaKind, Paragraph, Part,
                                 RecipientLine, Run, Signature, Table)
from ...textwidth import TITLE_AVAILABLE_TWIPS, balanced_title_lines, text_width_em
from .letterhead import _letterhead, _rule_under, _title
from .tables import _cell, _data_table, _table
from .template import _sect_pr, _Template
from .wml import TEXT_W_LANDSCAPE, TEXT_W_PORTRAIT, _p, _run, _runs, _text_p, twips_cm, twips_pt, w

_PARA_STYLE = {
    ParaKind.basis: "KHBasis",
    ParaKind.body: "KHBody",
    ParaKind.heading: "KHHeading",
    ParaKind.item: "KHItem",
    ParaKind.article: "KHArticle",
    ParaKind.closing: "KHClosing",
    ParaKind.centered: "KHCentered",
}


def _paragraph(parent: etree._Element, para: Paragraph) -> None:
    p = _p(_PARA_STYLE[para.kind], parent)
    # A roman mục heading comes upper case from compose (Phụ lục I, II.6), unless the plan keeps it
    # as written (section.heading_case): the writer draws the case it is given.
    if para.label:
        _run(p, para.label + " ", bold=para.bold or para.label_bold, italic=para.italic or para.label_italic)
    _runs(p, para.runs, bold=para.bold, italic=para.italic)



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


def _blocks(parent: etree._Element, blocks: list[Block], available: int, closing: bool = False) -> None:
    """The blocks of a part or an appendix; ``closing``: a closing block (Nơi nhận, signature)
    follows, and the last paragraph (the "./." line, or a decision's last article) goes with it."""
    last = len(blocks) - 1
    keeps = _keeps(blocks, available)
    for index, block in enumerate(blocks):
        if isinstance(block, Table):
            _data_table(parent, block, available)
            if index == last and closing:  # the closing block never opens a page alone
                for p in parent[-1].findall(f"{w('tr')}[last()]/{w('tc')}/{w('p')}"):
                    _keep_next(p)
            continue
        if index == last and (closing or block.kind is ParaKind.closing):
            _closing_paragraph(parent, block, available)
            continue
        _paragraph(parent, block)
        if keeps[index]:
            _keep_next(parent[-1])
            if index and isinstance(blocks[index - 1], Table) and _is_lead_in(block):
                # LibreOffice lets a lead-in right after a table stay at the foot of a page; the
                # table's last row keeping with it (Word's reading of keepNext in a row) moves both.
                for p in parent[-2].findall(f"{w('tr')}[last()]/{w('tc')}/{w('p')}"):
                    _keep_next(p)
        elif block.kind is ParaKind.heading:
            _free(parent[-1])  # its style keeps; here the chain is cut, or nothing follows


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


def _closing_paragraph(parent: etree._Element, para: Paragraph, available: int) -> None:
    """The last paragraph before the closing block goes with it. LibreOffice moves a kept paragraph
    whole, so a long one is printed as two: its last sentences (a few lines, kept with the
    signature) and what comes before (free to stay on the page before, which is not emptied)."""
    lines = _lines(para, available)
    # Up to a few lines it moves whole (and stays one paragraph, as the author wrote it).
    cut = _last_sentences(para, available) if lines > _MAX_WHOLE_CLOSING_LINES else None
    if cut is None:
        _paragraph(parent, para)
        if lines <= _MAX_WHOLE_CLOSING_LINES:  # else it stays where it falls, rather than move whole
            _keep_next(parent[-1])
        return
    head, tail = cut
    _paragraph(parent, head)
    _paragraph(parent, tail)
    _keep_next(parent[-1])


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


# Single-spaced lines as LibreOffice sets Times New Roman: about 1.15 times the size.
def _line_twips(size_pt: float) -> int:
    return twips_pt(size_pt * 1.15)


def _signature_twips(sig: Signature | None) -> int:
    """The signature column's height: its lines, the space above, the room for the signature."""
    if sig is None:
        return 0
    lines = len(sig.authority_lines) + 2
    return (lines * _line_twips(nd30.SIGNATURE_PT) + twips_pt(nd30.CLOSING_SPACE_BEFORE_PT)
            + twips_pt(nd30.SIGNATURE_SPACE_PT))


def _recipient_twips(line: RecipientLine, width: int) -> int:
    text = "".join(run.text for run in line.spans())
    lines = max(1, -(-twips_pt(text_width_em(text) * nd30.RECIPIENTS_PT) // max(width, 1)))
    return lines * _line_twips(nd30.RECIPIENTS_PT)


# [practice] the Nơi nhận lines that always stay beside the signature (and, without a signature,
# with "Nơi nhận:"), so the block never opens a page alone.
_RECIPIENTS_KEPT = 3


def _closing(body: etree._Element, closing: Closing) -> None:
    """Nơi nhận and the signature side by side, in a borderless table of two rows: the first (the
    signature and the recipients beside it) never splits; the second (the rest of a long Nơi nhận)
    may continue on the next page, as real plans do. No border and no padding: one block to read."""
    left = twips_cm(nd30.CLOSING_LEFT_CM)
    widths = [left, TEXT_W_PORTRAIT - left]
    tbl = _table(body, widths, borders=False, cell_margin=0)
    room = _signature_twips(closing.signature) - twips_pt(nd30.CLOSING_SPACE_BEFORE_PT) - _line_twips(
        nd30.RECIPIENTS_LABEL_PT)
    # Beside the signature: as many lines as reach its foot (the row then ends with a line of
    # recipients, so the second row follows with no gap), at least a few.
    beside, used = 0, 0
    for line in closing.recipients:
        if beside >= _RECIPIENTS_KEPT and used >= room:
            break
        beside, used = beside + 1, used + _recipient_twips(line, left)
    first, rest = closing.recipients[:beside], closing.recipients[beside:]
    tr = etree.SubElement(tbl, w("tr"))
    etree.SubElement(etree.SubElement(tr, w("trPr")), w("cantSplit"))
    recipients = _cell(tr, widths[0])
    if closing.recipients:
        _text_p("KHRecipientsLabel", "Nơi nhận:", recipients)
        _recipient_lines(recipients, first)
    else:
        _p("KHRecipients", recipients)
    _signature(_cell(tr, widths[1]), closing.signature)
    if rest:
        tr = etree.SubElement(tbl, w("tr"))
        _recipient_lines(_cell(tr, widths[0]), rest)
        _p("KHSignature", _cell(tr, widths[1]))


def _recipient_lines(cell: etree._Element, lines: list[RecipientLine]) -> None:
    for line in lines:
        p = _p("KHRecipients", cell)
        if line.level:  # a nested line sits under its parent, indented per level
            ind = etree.SubElement(p[0], w("ind"))
            ind.set(w("left"), str(twips_cm(nd30.RECIPIENTS_NESTED_INDENT_CM * line.level)))
        _runs(p, line.spans(), italic=line.heading)


def _signature(signer: etree._Element, sig: Signature | None) -> None:
    if sig is None:
        _p("KHSignature", signer)
        return
    lines = [*sig.authority_lines, sig.title]
    for index, line in enumerate(lines):
        p = _text_p("KHSignature", vn.upper(line), signer)
        if index == 0:  # level with "Nơi nhận:" (Phụ lục I, II.9.d)
            spacing = etree.SubElement(p[0], w("spacing"))
            spacing.set(w("before"), str(twips_pt(nd30.CLOSING_SPACE_BEFORE_PT)))
    _text_p("KHSignerName", sig.name, signer)


def _end_section(body: etree._Element, sect: etree._Element) -> None:
    """Close the section so far: its sectPr goes in the pPr of its last paragraph."""
    last = body[-1] if len(body) else None
    if last is None or last.tag != w("p"):
        # A section that ends on a table needs a paragraph to carry its sectPr. Make it 1 pt high
        # with no spacing, so that it cannot spill onto a page of its own (a blank numbered page).
        last = _hairline(body)
    last[0].append(sect)


def _hairline(body: etree._Element) -> etree._Element:
    """An empty paragraph 1 pt high with no spacing."""
    p = _p("KHBody", body)
    spacing = etree.SubElement(p[0], w("spacing"))
    for attr, value in (("before", "0"), ("after", "0"), ("line", "20"), ("lineRule", "exact")):
        spacing.set(w(attr), value)
    r_pr = etree.SubElement(p[0], w("rPr"))
    etree.SubElement(r_pr, w("sz")).set(w("val"), "2")
    return p


def _build_body(body: etree._Element, document: Document, template: _Template) -> None:
    sections: list[tuple[bool, callable]] = []  # (landscape, fill)
    for part in document.parts:
        sections.append((False, functools.partial(_part_main, part=part)))
        for appendix in part.appendices:
            sections.append((appendix.landscape, functools.partial(_appendix, appendix=appendix)))
    if not sections:  # nothing to write: still a valid, empty A4 page
        sections.append((False, lambda body: _p("KHBody", body)))
    if document.footnotes:
        # LibreOffice sets a document that opens on a table (the letterhead) a line lower when the
        # page has footnotes (25.6 mm from the top instead of 20); a hairline paragraph before the
        # table keeps the letterhead at the top margin.
        _hairline(body)
    for index, (landscape, fill) in enumerate(sections):
        fill(body)
        sect = _sect_pr(template, landscape)
        if index < len(sections) - 1:
            _end_section(body, sect)
        else:
            body.append(sect)


def _part_main(body: etree._Element, part: Part) -> None:
    if part.letterhead:
        _letterhead(body, part.letterhead)
    _title(body, part.title)
    _blocks(body, part.blocks, TEXT_W_PORTRAIT, closing=part.closing is not None)
    if part.closing:
        _closing(body, part.closing)


def _appendix(body: etree._Element, appendix: AppendixPart) -> None:
    available = TEXT_W_LANDSCAPE if appendix.landscape else TEXT_W_PORTRAIT
    _text_p("KHAppendixLabel", appendix.label, body)
    # A long title breaks into balanced lines (line breaks in one paragraph), never inside a
    # compound ("TRÊN ĐỊA / BÀN") when another break fits, as the trích yếu does.
    title = vn.upper(appendix.title)
    lines = balanced_title_lines(title, available - (TEXT_W_PORTRAIT - TITLE_AVAILABLE_TWIPS))
    _text_p("KHAppendixTitle", "\n".join(lines), body)
    if appendix.note:
        _text_p("KHAppendixNote", appendix.note, body)
    # Phụ lục III, Mẫu 2.1: a short rule under the "(Kèm theo …)" line (under the title without one).
    _rule_under(body, lines, nd30.APPENDIX_TITLE_PT, available, nd30.SHORT_RULE_FRACTION,
                spaced=bool(appendix.note))
    _blocks(body, appendix.blocks, available)
