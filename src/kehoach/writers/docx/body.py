"""The document body: paragraphs and blocks (with the keeps ``flow`` plans), the closing block
(``closing``), and each part and appendix in a section of its own."""

from __future__ import annotations

import functools

from lxml import etree

from ...common import nd30, vn
from ...compose.document import AppendixPart, Block, Document, Paragraph, ParaKind, Part, Table
from ...common.textwidth import TITLE_AVAILABLE_TWIPS, balanced_title_lines
from .anchors import add_anchors
from .closing import _closing
from .flow import _MAX_WHOLE_CLOSING_LINES, _free, _is_lead_in, _keep_next, _keeps, _last_sentences, _lines
from .letterhead import _letterhead, _rule_under, _title
from .tables import _data_table
from .template import _sect_pr, _Template
from ...common.ooxml import w
from .wml import TEXT_W_LANDSCAPE, TEXT_W_PORTRAIT, _p, _run, _runs, _text_p

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
    add_anchors(body)  # where the PDF's signing fields go (writers/pdf_fields)


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
