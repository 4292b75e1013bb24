"""The document body: paragraphs, blocks, the closing (ô 7, 9b), and each part and appendix in a
section of its own."""

from __future__ import annotations

import functools

from lxml import etree

from ... import nd30, vn
from ...compose.document import AppendixPart, Block, Closing, Document, ParaKind, Paragraph, Part, Table
from .anchors import add_anchors
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


def _blocks(parent: etree._Element, blocks: list[Block], available: int) -> None:
    last = len(blocks) - 1
    for index, block in enumerate(blocks):
        if isinstance(block, Table):
            _data_table(parent, block, available)
            continue
        _paragraph(parent, block)
        if index < last and (_is_lead_in(block) or isinstance(blocks[index + 1], Table)):
            _keep_next(parent[-1])  # a lead-in, or the line introducing a table
            if index and isinstance(blocks[index - 1], Table) and _is_lead_in(block):
                # LibreOffice lets a lead-in right after a table stay at the foot of a page; the
                # table's last row keeping with it (Word's reading of keepNext in a row) moves both.
                for p in parent[-2].findall(f"{w('tr')}[last()]/{w('tc')}/{w('p')}"):
                    _keep_next(p)
        elif index == last and block.kind is ParaKind.closing:
            _keep_next(parent[-1])  # the "./." line goes with the signature block


def _closing(body: etree._Element, closing: Closing) -> None:
    left = twips_cm(nd30.CLOSING_LEFT_CM)
    widths = [left, TEXT_W_PORTRAIT - left]
    tbl = _table(body, widths, borders=False, cell_margin=0)
    tr = etree.SubElement(tbl, w("tr"))
    etree.SubElement(etree.SubElement(tr, w("trPr")), w("cantSplit"))
    recipients = _cell(tr, widths[0])
    if closing.recipients:
        _text_p("KHRecipientsLabel", "Nơi nhận:", recipients)
        for line in closing.recipients:
            p = _p("KHRecipients", recipients)
            _runs(p, line.spans(), italic=line.heading)
    else:
        _p("KHRecipients", recipients)
    signer = _cell(tr, widths[1])
    sig = closing.signature
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
        last = _p("KHBody", body)
        spacing = etree.SubElement(last[0], w("spacing"))
        for attr, value in (("before", "0"), ("after", "0"), ("line", "20"), ("lineRule", "exact")):
            spacing.set(w(attr), value)
        r_pr = etree.SubElement(last[0], w("rPr"))
        etree.SubElement(r_pr, w("sz")).set(w("val"), "2")
    last[0].append(sect)


def _build_body(body: etree._Element, document: Document, template: _Template) -> None:
    sections: list[tuple[bool, callable]] = []  # (landscape, fill)
    for part in document.parts:
        sections.append((False, functools.partial(_part_main, part=part)))
        for appendix in part.appendices:
            sections.append((appendix.landscape, functools.partial(_appendix, appendix=appendix)))
    if not sections:  # nothing to write: still a valid, empty A4 page
        sections.append((False, lambda body: _p("KHBody", body)))
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
    _blocks(body, part.blocks, TEXT_W_PORTRAIT)
    if part.closing:
        _closing(body, part.closing)


def _appendix(body: etree._Element, appendix: AppendixPart) -> None:
    _text_p("KHAppendixLabel", appendix.label, body)
    _text_p("KHAppendixTitle", vn.upper(appendix.title), body)
    if appendix.note:
        _text_p("KHAppendixNote", appendix.note, body)
    # Phụ lục III, Mẫu 2.1: a short rule under the "(Kèm theo …)" line (under the title without one).
    _rule_under(body, [vn.upper(appendix.title)], nd30.APPENDIX_TITLE_PT,
                TEXT_W_LANDSCAPE if appendix.landscape else TEXT_W_PORTRAIT, nd30.SHORT_RULE_FRACTION,
                spaced=bool(appendix.note))
    _blocks(body, appendix.blocks, TEXT_W_LANDSCAPE if appendix.landscape else TEXT_W_PORTRAIT)
