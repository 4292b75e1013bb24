"""The head of a document: the letterhead (ô 1-4), the title block (ô 5a) and the rules under them.

Rules under the issuer, the Tiêu ngữ and the trích yếu are the bottom border of an empty, small
paragraph placed right under the text, narrowed with equal left/right indents to the wanted length
(a fraction of the text line's width, estimated from Times New Roman's glyph widths). Borders on
paragraphs survive editing and render the same in Word and LibreOffice, unlike drawn shapes.
"""

from __future__ import annotations

from lxml import etree

from ...common import nd30, vn
from ...compose.document import Letterhead, Title
from ...common.textwidth import (
    LETTERHEAD_SLACK_CM,
    TITLE_AVAILABLE_TWIPS,
    balanced_title_lines,
    letterhead_body_pt,
    letterhead_column_cm,
    letterhead_line_cm,
    text_width_em,
    title_width_twips,
)
from .tables import _cell, _table
from ...common.ooxml import w
from .wml import TEXT_W_PORTRAIT, _p, _text_p, eighth_points, half_points, twips_cm, twips_mm, twips_pt


def _rule(parent: etree._Element, available: int, length: float, spaced: bool = False) -> None:
    """A rule ``length`` twips long, centred in ``available`` twips: the bottom border of an empty,
    small paragraph, narrowed by equal indents. ``spaced``: the rule under an italic note line
    keeps some space from it (KH Rule Spaced)."""
    length = max(min(int(length), available), 200)
    side = (available - length) // 2
    p = _p("KHRuleSpaced" if spaced else "KHRule", parent)
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
                fraction: float, spaced: bool = False) -> None:
    widest = max((text_width_em(line, bold=True) for line in lines), default=0) * size_pt
    _rule(parent, available, min(twips_pt(widest), available) * fraction, spaced)



def _sized(p: etree._Element, size_pt: float) -> etree._Element:
    """Print every run of ``p`` at ``size_pt`` instead of its style's size."""
    for run in p.iter(w("r")):
        rpr = run.find(w("rPr"))
        if rpr is None:
            rpr = etree.Element(w("rPr"))
            run.insert(0, rpr)
        for tag in ("sz", "szCs"):
            etree.SubElement(rpr, w(tag)).set(w("val"), half_points(size_pt))
    return p


def _letterhead_left_width(head: Letterhead, size_pt: float) -> int:
    """The ô 2-3 column: its default width, widened (into the Quốc hiệu's column) when a line the plan (or
    the composer) broke on purpose would otherwise wrap, but only as far as keeps the lines clear of
    the Quốc hiệu (``letterhead_column_cm``); longer lines wrap anyway and keep the default."""
    default = twips_cm(nd30.LETTERHEAD_LEFT_CM)
    widest = twips_cm(max([letterhead_line_cm(line, bold=False, size_pt=size_pt) for line in head.parent]
                          + [letterhead_line_cm(line, bold=True, size_pt=size_pt) for line in head.issuer],
                          default=0))
    if default < widest <= twips_cm(letterhead_column_cm()):
        return widest
    return default


def _place_date_pt(text: str, column: int) -> float:
    """14 pt, or 13 pt (Phụ lục I, II.4 allows 13 to 14) when the line would wrap at 14 pt."""
    for size in (nd30.PLACE_DATE_PT, nd30.PLACE_DATE_MIN_PT):
        if twips_pt(text_width_em(text) * size) + twips_cm(nd30.PLACE_DATE_SLACK_CM) <= column:
            return size
    return nd30.PLACE_DATE_MIN_PT


def _national_name_pt(head: Letterhead, size: float, left: int) -> float:
    """13 pt, or 12 pt (Phụ lục I, II.1.a allows 12 to 13) when a body name widened its column so far
    that the Quốc hiệu at 13 pt would come closer to it than LETTERHEAD_GAP_CM."""
    widest = max([letterhead_line_cm(line, bold=False, size_pt=size) for line in head.parent]
                 + [letterhead_line_cm(line, bold=True, size_pt=size) for line in head.issuer], default=0)
    line_end = (left + twips_cm(widest - LETTERHEAD_SLACK_CM)) // 2  # centred in its column
    right = TEXT_W_PORTRAIT - left
    for pt in (nd30.NATIONAL_NAME_PT, nd30.NATIONAL_NAME_MIN_PT):
        national = twips_pt(text_width_em(vn.upper(head.national_name), bold=True) * pt)
        if left + (right - national) // 2 - line_end >= twips_cm(nd30.LETTERHEAD_GAP_CM):
            return pt
    return nd30.NATIONAL_NAME_MIN_PT


def _letterhead(body: etree._Element, head: Letterhead) -> None:
    size = letterhead_body_pt(head.parent, head.issuer)
    # A wide body name widens its column into the Quốc hiệu's (the table keeps the text width: the
    # letterhead never starts inside the margin), and the Quốc hiệu may step down to 12 pt for room.
    left = _letterhead_left_width(head, size)
    widths = [left, TEXT_W_PORTRAIT - left]
    national_pt = _national_name_pt(head, size, left) if left > twips_cm(nd30.LETTERHEAD_LEFT_CM) \
        else nd30.NATIONAL_NAME_PT
    tbl = _table(body, widths, borders=False, cell_margin=0)
    inner = widths

    tr = etree.SubElement(tbl, w("tr"))
    bodies = _cell(tr, widths[0])
    for line in head.parent:
        p = _text_p("KHParent", vn.upper(line), bodies)
        if size != nd30.PARENT_PT:
            _sized(p, size)
    for line in head.issuer:
        p = _text_p("KHIssuer", vn.upper(line), bodies)
        if size != nd30.ISSUER_PT:
            _sized(p, size)
    if head.issuer:
        _rule_under(bodies, head.issuer, size, inner[0], nd30.SHORT_RULE_FRACTION)
    motto = _cell(tr, widths[1])
    national = _text_p("KHNationalName", vn.upper(head.national_name), motto)
    if national_pt != nd30.NATIONAL_NAME_PT:
        _sized(national, national_pt)
    _text_p("KHMotto", head.motto, motto)
    _rule_under(motto, [head.motto], nd30.MOTTO_PT, inner[1], nd30.MOTTO_RULE_FRACTION)

    # Number and place/date share one row so they sit on the same line (Phụ lục I, II.4).
    if head.number_line is None and head.place_date is None:
        return
    tr = etree.SubElement(tbl, w("tr"))
    number_cell = _cell(tr, widths[0])
    _text_p("KHNumber", head.number_line or "", number_cell)
    if head.stamps:
        _stamps(number_cell, head.stamps)
    place_date = _text_p("KHPlaceDate", head.place_date or "", _cell(tr, widths[1]))
    if head.place_date:
        date_size = _place_date_pt(head.place_date, widths[1])
        if date_size != nd30.PLACE_DATE_PT:
            _sized(place_date, date_size)


def _stamps(cell: etree._Element, stamps: list[str]) -> None:
    """ô 10a and 10b under the number (Phụ lục I, III.2): each word in a single-bordered red box of the
    decree's size, centred in the column, one under the other."""
    for text in stamps:
        _p("KHRule", cell)  # a small gap above each box
        mm = nd30.URGENCY_STAMP_MM.get(text) or nd30.CLASSIFICATION_STAMP_MM.get(text, 30)
        width = twips_mm(mm)
        box = _table(cell, [width], borders=True, cell_margin=0)
        for edge in box[0].find(w("tblBorders")):
            edge.set(w("color"), nd30.STAMP_COLOR)
        row = etree.SubElement(box, w("tr"))
        height = etree.SubElement(etree.SubElement(row, w("trPr")), w("trHeight"))
        height.set(w("val"), str(twips_mm(nd30.STAMP_HEIGHT_MM)))
        height.set(w("hRule"), "exact")
        p = _p("KHNumber", _cell(row, width, valign="center"))
        spacing = etree.SubElement(p[0], w("spacing"))
        spacing.set(w("before"), "0")
        spacing.set(w("after"), "0")
        run = etree.SubElement(p, w("r"))
        rpr = etree.SubElement(run, w("rPr"))
        etree.SubElement(rpr, w("b"))
        etree.SubElement(rpr, w("color")).set(w("val"), nd30.STAMP_COLOR)
        for tag in ("sz", "szCs"):
            etree.SubElement(rpr, w(tag)).set(w("val"), half_points(nd30.STAMP_PT))
        etree.SubElement(run, w("t")).text = text
    _p("KHRule", cell)  # a cell ends with a paragraph, not a table


def _title_lines(title: Title) -> tuple[str, list[str]]:
    """The type-name line and the trích yếu lines as printed. The plan's own breaks are kept; a
    line too wide for the page is balanced; a name in capitals whose first line is a word or two
    ("CHƯƠNG TRÌNH" / "CÔNG TÁC" / "LĨNH VỰC …") continues the type name's line instead of
    standing alone ("CHƯƠNG TRÌNH CÔNG TÁC" / "LĨNH VỰC …")."""
    available = TITLE_AVAILABLE_TWIPS
    kind = vn.upper(title.kind)
    lines = list(title.lines)
    if len(lines) > 1 and len(lines[0].split()) <= 2 and lines[0] == vn.upper(lines[0]) \
            and title_width_twips(f"{kind} {lines[0]}") <= available:
        kind = f"{kind} {lines.pop(0)}"
    return kind, [part for line in lines for part in balanced_title_lines(line)]


def _title(body: etree._Element, title: Title) -> None:
    kind, lines = _title_lines(title)
    _text_p("KHTypeName", kind, body)
    for line in lines:
        _text_p("KHSubject", line, body)
    # An attached document (Phụ lục III, Mẫu 1.3): the rule goes under its "(Ban hành kèm theo …)"
    # line, with space around it, not between the trích yếu and that line.
    if title.note:
        _text_p("KHTitleNote", title.note, body)
    _rule_under(body, lines or [kind], nd30.SUBJECT_PT, TEXT_W_PORTRAIT,
                nd30.SHORT_RULE_FRACTION, spaced=bool(title.note))
