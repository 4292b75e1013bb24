"""The head of a document: the letterhead (ô 1-4), the title block (ô 5a) and the rules under them.

Rules under the issuer, the Tiêu ngữ and the trích yếu are the bottom border of an empty, small
paragraph placed right under the text, narrowed with equal left/right indents to the wanted length
(a fraction of the text line's width, estimated from Times New Roman's glyph widths). Borders on
paragraphs survive editing and render the same in Word and LibreOffice, unlike drawn shapes.
"""

from __future__ import annotations

from lxml import etree

from ... import nd30, vn
from ...compose.document import Letterhead, Title
from ...textwidth import letterhead_column_cm, letterhead_line_cm, text_width_em
from .tables import _cell, _table
from .wml import TEXT_W_PORTRAIT, _p, _text_p, eighth_points, twips_cm, twips_pt, w

def _rule(parent: etree._Element, available: int, length: float) -> None:
    """A rule ``length`` twips long, centred in ``available`` twips: the bottom border of an empty,
    small paragraph, narrowed by equal indents."""
    length = max(min(int(length), available), 200)
    side = (available - length) // 2
    p = _p("KHRule", parent)
    ppr = p[0]
    border = etree.SubElement(etree.SubElement(ppr, w("pBdr")), w("bottom"))
    border.set(w("val"), "single")
    border.set(w("sz"), eighth_points(nd30.RULE_WIDTH_PT))
    border.set(w("space"), "0")
    border.set(w("color"), "000000")
    ind = etree.SubElement(ppr, w("ind"))
    ind.set(w("left"), str(side))
    ind.set(w("right"), str(side))


def _rule_under(parent: etree._Element, lines: list[str], size_pt: float, available: int,
                fraction: float) -> None:
    widest = max((text_width_em(line, bold=True) for line in lines), default=0) * size_pt
    _rule(parent, available, min(twips_pt(widest), available) * fraction)



def _letterhead_left_width(head: Letterhead) -> int:
    """The ô 2-3 column: its default width, widened (into the left margin) when a line the plan
    broke on purpose would otherwise wrap; longer lines wrap anyway and keep the default."""
    default = twips_cm(nd30.LETTERHEAD_LEFT_CM)
    widest = twips_cm(max([letterhead_line_cm(line, bold=False) for line in head.parent]
                          + [letterhead_line_cm(line, bold=True) for line in head.issuer], default=0))
    if default < widest <= twips_cm(letterhead_column_cm()):
        return widest
    return default


def _letterhead(body: etree._Element, head: Letterhead) -> None:
    left = _letterhead_left_width(head)
    right = TEXT_W_PORTRAIT - twips_cm(nd30.LETTERHEAD_LEFT_CM)
    widths = [left, right]
    tbl = _table(body, widths, borders=False, cell_margin=0)
    if left + right > TEXT_W_PORTRAIT:
        tblpr = tbl[0]
        tblpr.find(w("jc")).set(w("val"), "left")
        ind = etree.Element(w("tblInd"))
        ind.set(w("w"), str(TEXT_W_PORTRAIT - left - right))
        ind.set(w("type"), "dxa")
        tblpr.find(w("jc")).addnext(ind)
    inner = widths

    tr = etree.SubElement(tbl, w("tr"))
    bodies = _cell(tr, widths[0])
    for line in head.parent:
        _text_p("KHParent", vn.upper(line), bodies)
    for line in head.issuer:
        _text_p("KHIssuer", vn.upper(line), bodies)
    if head.issuer:
        _rule_under(bodies, head.issuer, nd30.ISSUER_PT, inner[0], nd30.SHORT_RULE_FRACTION)
    motto = _cell(tr, widths[1])
    _text_p("KHNationalName", vn.upper(head.national_name), motto)
    _text_p("KHMotto", head.motto, motto)
    _rule_under(motto, [head.motto], nd30.MOTTO_PT, inner[1], nd30.MOTTO_RULE_FRACTION)

    # Number and place/date share one row so they sit on the same line (Phụ lục I, II.4).
    if head.number_line is None and head.place_date is None:
        return
    tr = etree.SubElement(tbl, w("tr"))
    _text_p("KHNumber", head.number_line or "", _cell(tr, widths[0]))
    _text_p("KHPlaceDate", head.place_date or "", _cell(tr, widths[1]))


def _title(body: etree._Element, title: Title) -> None:
    _text_p("KHTypeName", vn.upper(title.kind), body)
    for line in title.lines:
        _text_p("KHSubject", line, body)
    _rule_under(body, title.lines or [title.kind], nd30.SUBJECT_PT, TEXT_W_PORTRAIT,
                nd30.SHORT_RULE_FRACTION)
    if title.note:
        _text_p("KHTitleNote", title.note, body)
