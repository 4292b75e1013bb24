"""The .docx writer: a Document block tree to the bytes of a Decree 30 Word file.

python-docx builds the package once per process (styles, page setup, the page-number header);
that template is kept as bytes. Each render then only writes ``word/document.xml`` (WordprocessingML
built with lxml, every paragraph pointing at a named "KH …" style that carries the formatting) and
``docProps/core.xml``, and zips the parts with fixed timestamps, so the same Document always gives
the same bytes. All Decree 30 figures come from ``nd30.py``.

Rules under the issuer, the Tiêu ngữ and the trích yếu are the top border of an empty, small
paragraph placed right under the text, narrowed with equal left/right indents to the wanted length
(a fraction of the text line's width, estimated from Times New Roman's glyph widths). Borders on
paragraphs survive editing and render the same in Word and LibreOffice, unlike drawn shapes.
"""

from __future__ import annotations

import copy
import functools
import io
import re
import zipfile
from dataclasses import dataclass
from xml.sax.saxutils import escape

import docx
from docx.enum.section import WD_HEADER_FOOTER
from lxml import etree

from .. import vn
from ..compose.document import (AppendixPart, Block, Closing, Document, Letterhead, ParaKind, Paragraph,
                        Part, Table, TableCell, Title)
from ..zipcache import reproducible_zip
from .. import nd30
from ..textwidth import letterhead_column_cm, letterhead_line_cm, text_width_em

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
FIXED_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
FIXED_CORE_DATE = "2020-03-05T00:00:00Z"  # the decree's date: metadata must not vary between builds


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def twips_mm(mm: float) -> int:
    return round(mm * 1440 / 25.4)


def twips_cm(cm: float) -> int:
    return twips_mm(cm * 10)


def twips_pt(pt: float) -> int:
    return round(pt * 20)


def half_points(pt: float) -> str:
    return str(round(pt * 2))


def eighth_points(pt: float) -> str:
    return str(round(pt * 8))


PAGE_W = twips_mm(nd30.PAGE_WIDTH_MM)
PAGE_H = twips_mm(nd30.PAGE_HEIGHT_MM)
MARGIN_LEFT = twips_mm(nd30.MARGIN_LEFT_MM)
MARGIN_RIGHT = twips_mm(nd30.MARGIN_RIGHT_MM)
TEXT_W_PORTRAIT = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT
TEXT_W_LANDSCAPE = PAGE_H - MARGIN_LEFT - MARGIN_RIGHT
CELL_MARGIN = twips_cm(nd30.TABLE_CELL_MARGIN_CM)
LINE_240THS = str(round(nd30.LINE_SPACING * 240))
# Characters XML 1.0 cannot carry; dropped from plan text rather than failing the build.
_XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


# --- Styles --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StyleSpec:
    """A paragraph style: the formatting every paragraph of one kind shares."""

    style_id: str
    name: str
    size_pt: float
    align: str = "left"  # w:jc value
    bold: bool = False
    italic: bool = False
    first_line: int = 0  # twips
    before: int = 0  # twips
    after: int = 0
    line: str = "240"  # 240ths of a line (auto)
    keep_next: bool = False
    based_on: str | None = None


_BODY = dict(size_pt=nd30.BODY_PT, align="both", first_line=twips_cm(nd30.FIRST_LINE_INDENT_CM),
             before=twips_pt(nd30.PARAGRAPH_SPACE_BEFORE_PT),
             after=twips_pt(nd30.PARAGRAPH_SPACE_AFTER_PT), line=LINE_240THS)

STYLES = [
    StyleSpec("KHBody", "KH Body", **_BODY),
    StyleSpec("KHBasis", "KH Basis", **_BODY, based_on="KHBody"),
    StyleSpec("KHItem", "KH Item", **_BODY, based_on="KHBody"),
    StyleSpec("KHArticle", "KH Article", **_BODY, based_on="KHBody"),
    StyleSpec("KHHeading", "KH Heading", **_BODY, keep_next=True, based_on="KHBody"),
    # The closing sentence stays on the page of the signature block (never a signature alone).
    StyleSpec("KHClosing", "KH Closing", **_BODY, keep_next=True, based_on="KHBody"),
    StyleSpec("KHCentered", "KH Centered", nd30.BODY_PT, align="center",
              before=twips_pt(nd30.PARAGRAPH_SPACE_BEFORE_PT), line=LINE_240THS),
    # Letterhead (ô 1-4): single spacing, centred in its column.
    StyleSpec("KHParent", "KH Parent", nd30.PARENT_PT, align="center"),
    StyleSpec("KHIssuer", "KH Issuer", nd30.ISSUER_PT, align="center", bold=True),
    StyleSpec("KHNumber", "KH Number", nd30.NUMBER_PT, align="center", before=twips_pt(6)),
    StyleSpec("KHNationalName", "KH National Name", nd30.NATIONAL_NAME_PT, align="center", bold=True),
    StyleSpec("KHMotto", "KH Motto", nd30.MOTTO_PT, align="center", bold=True),
    StyleSpec("KHPlaceDate", "KH Place Date", nd30.PLACE_DATE_PT, align="center", italic=True,
              before=twips_pt(6)),
    StyleSpec("KHRule", "KH Rule", 4, align="center"),
    # Title (ô 5a).
    StyleSpec("KHTypeName", "KH Type Name", nd30.TYPE_NAME_PT, align="center", bold=True,
              before=twips_pt(nd30.TITLE_SPACE_BEFORE_PT), keep_next=True),
    StyleSpec("KHSubject", "KH Subject", nd30.SUBJECT_PT, align="center", bold=True, keep_next=True),
    StyleSpec("KHTitleNote", "KH Title Note", nd30.APPENDIX_NOTE_PT, align="center", italic=True),
    # Closing (ô 7, 9b).
    StyleSpec("KHRecipientsLabel", "KH Recipients Label", nd30.RECIPIENTS_LABEL_PT, bold=True,
              italic=True, before=twips_pt(nd30.CLOSING_SPACE_BEFORE_PT)),
    StyleSpec("KHRecipients", "KH Recipients", nd30.RECIPIENTS_PT),
    StyleSpec("KHSignature", "KH Signature", nd30.SIGNATURE_PT, align="center", bold=True),
    StyleSpec("KHSignerName", "KH Signer Name", nd30.SIGNER_NAME_PT, align="center", bold=True,
              before=twips_pt(nd30.SIGNATURE_SPACE_PT)),
    # Appendices (Phụ lục I, III.1) and tables.
    StyleSpec("KHAppendixLabel", "KH Appendix Label", nd30.APPENDIX_LABEL_PT, align="center",
              bold=True, keep_next=True),
    StyleSpec("KHAppendixTitle", "KH Appendix Title", nd30.APPENDIX_TITLE_PT, align="center",
              bold=True, keep_next=True),
    StyleSpec("KHAppendixNote", "KH Appendix Note", nd30.APPENDIX_NOTE_PT, align="center",
              italic=True, after=twips_pt(6)),
    StyleSpec("KHTableTitle", "KH Table Title", nd30.BODY_PT, align="center", bold=True,
              before=twips_pt(6), after=twips_pt(6), keep_next=True),
    StyleSpec("KHTableText", "KH Table Text", nd30.TABLE_TEXT_PT, before=twips_pt(2), after=twips_pt(2)),
    StyleSpec("KHPageNumber", "KH Page Number", nd30.PAGE_NUMBER_PT, align="center"),
]


def _rfonts() -> etree._Element:
    el = etree.Element(w("rFonts"))
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        el.set(w(slot), nd30.FONT)
    return el


def _style_element(spec: StyleSpec) -> etree._Element:
    style = etree.Element(w("style"))
    style.set(w("type"), "paragraph")
    style.set(w("customStyle"), "1")
    style.set(w("styleId"), spec.style_id)
    etree.SubElement(style, w("name")).set(w("val"), spec.name)
    if spec.based_on:
        etree.SubElement(style, w("basedOn")).set(w("val"), spec.based_on)
    etree.SubElement(style, w("qFormat"))
    ppr = etree.SubElement(style, w("pPr"))
    if spec.keep_next:
        etree.SubElement(ppr, w("keepNext"))
    spacing = etree.SubElement(ppr, w("spacing"))
    spacing.set(w("before"), str(spec.before))
    spacing.set(w("after"), str(spec.after))
    spacing.set(w("line"), spec.line)
    spacing.set(w("lineRule"), "auto")
    ind = etree.SubElement(ppr, w("ind"))
    ind.set(w("left"), "0")
    ind.set(w("right"), "0")
    ind.set(w("firstLine"), str(spec.first_line))
    etree.SubElement(ppr, w("jc")).set(w("val"), spec.align)
    rpr = etree.SubElement(style, w("rPr"))
    rpr.append(_rfonts())
    etree.SubElement(rpr, w("b")).set(w("val"), "1" if spec.bold else "0")
    etree.SubElement(rpr, w("i")).set(w("val"), "1" if spec.italic else "0")
    etree.SubElement(rpr, w("sz")).set(w("val"), half_points(spec.size_pt))
    etree.SubElement(rpr, w("szCs")).set(w("val"), half_points(spec.size_pt))
    return style


_THEME_ATTRS = [w(a) for a in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")]


def _fix_fonts(styles_root: etree._Element) -> None:
    """Times New Roman on every rFonts slot, vi-VN, no theme fonts, in defaults and every style."""
    for rfonts in styles_root.iter(w("rFonts")):
        for attr in _THEME_ATTRS:
            rfonts.attrib.pop(attr, None)
        for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
            rfonts.set(w(slot), nd30.FONT)
    for lang in styles_root.iter(w("lang")):
        for attr in ("val", "eastAsia", "bidi"):
            lang.set(w(attr), nd30.LANGUAGE)
    for style in styles_root.iter(w("style")):
        if style.get(w("type")) == "numbering":
            continue
        rpr = style.find(w("rPr"))
        if rpr is None:
            rpr = etree.SubElement(style, w("rPr"))
            # rPr must follow pPr and precede table properties.
            anchor = style.find(w("tblPr"))
            if anchor is not None:
                anchor.addprevious(rpr)
        if rpr.find(w("rFonts")) is None:
            rstyle = rpr.find(w("rStyle"))
            if rstyle is not None:
                rstyle.addnext(_rfonts())
            else:
                rpr.insert(0, _rfonts())


def _set_doc_defaults(styles_root: etree._Element) -> None:
    rpr = styles_root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
    for child in list(rpr):
        rpr.remove(child)
    rpr.append(_rfonts())
    etree.SubElement(rpr, w("sz")).set(w("val"), half_points(nd30.BODY_PT))
    etree.SubElement(rpr, w("szCs")).set(w("val"), half_points(nd30.BODY_PT))
    lang = etree.SubElement(rpr, w("lang"))
    for attr in ("val", "eastAsia", "bidi"):
        lang.set(w(attr), nd30.LANGUAGE)
    ppr = styles_root.find(f"{w('docDefaults')}/{w('pPrDefault')}/{w('pPr')}")
    for child in list(ppr):
        ppr.remove(child)
    spacing = etree.SubElement(ppr, w("spacing"))
    spacing.set(w("after"), "0")
    spacing.set(w("line"), "240")
    spacing.set(w("lineRule"), "auto")


# --- Template (built once per process) -----------------------------------------------------------


@dataclass(frozen=True)
class _Template:
    parts: dict[str, bytes]  # every zip entry except document.xml and core.xml
    document_root: bytes  # document.xml with an empty body
    header_default_rid: str
    header_first_rid: str


def _page_number_paragraph(paragraph) -> None:
    """A centred PAGE field (Phụ lục I, Mục I: canh giữa trong phần lề trên)."""
    p = paragraph._p
    ppr = p.get_or_add_pPr()
    for old in ppr.findall(w("pStyle")):  # the template's "Header" style
        ppr.remove(old)
    style = etree.Element(w("pStyle"))
    style.set(w("val"), "KHPageNumber")
    ppr.insert(0, style)
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "2"),
                       ("end", None)):
        run = etree.SubElement(p, w("r"))
        if kind:
            etree.SubElement(run, w("fldChar")).set(w("fldCharType"), kind)
        elif text.strip() == "PAGE":
            instr = etree.SubElement(run, w("instrText"))
            instr.set(XML_SPACE, "preserve")
            instr.text = text
        else:
            etree.SubElement(run, w("t")).text = text


@functools.lru_cache(maxsize=1)
def _template() -> _Template:
    doc = docx.Document()
    part = doc.part
    # Drop parts that carry theme fonts or a stale preview: stylesWithEffects, the thumbnail.
    for rid, rel in list(part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            part.drop_rel(rid)
    for rid, rel in list(part.package.rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            part.package.rels.pop(rid)
    styles_root = doc.styles.element
    _set_doc_defaults(styles_root)
    for spec in STYLES:
        styles_root.append(_style_element(spec))
    _fix_fonts(styles_root)
    settings = doc.settings.element
    for lang in settings.iter(w("themeFontLang")):
        lang.set(w("val"), nd30.LANGUAGE)

    section = doc.sections[0]
    section.different_first_page_header_footer = nd30.HIDE_FIRST_PAGE_NUMBER
    _page_number_paragraph(section.header.paragraphs[0])
    section.header.is_linked_to_previous = False
    section.first_page_header.is_linked_to_previous = False  # an empty header: no number on page 1
    refs = {ref.get(w("type")): ref.get(f"{{{R_NS}}}id")
            for ref in section._sectPr.iter(w("headerReference"))}

    buffer = io.BytesIO()
    doc.save(buffer)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    root = etree.fromstring(parts.pop("word/document.xml"))
    body = root.find(w("body"))
    for child in list(body):
        body.remove(child)
    parts.pop("docProps/core.xml")
    return _Template(parts, etree.tostring(root), refs["default"], refs["first"])


# --- Building blocks -----------------------------------------------------------------------------


def _p(style: str, parent: etree._Element | None = None) -> etree._Element:
    p = etree.Element(w("p")) if parent is None else etree.SubElement(parent, w("p"))
    ppr = etree.SubElement(p, w("pPr"))
    etree.SubElement(ppr, w("pStyle")).set(w("val"), style)
    return p


def _run(p: etree._Element, text: str, bold: bool = False, italic: bool = False) -> None:
    """Append a run; only emphasis beyond the paragraph style is written on the run."""
    run = etree.SubElement(p, w("r"))
    if bold or italic:
        rpr = etree.SubElement(run, w("rPr"))
        if bold:
            etree.SubElement(rpr, w("b"))
        if italic:
            etree.SubElement(rpr, w("i"))
    for index, line in enumerate(text.split("\n")):
        if index:
            etree.SubElement(run, w("br"))
        t = etree.SubElement(run, w("t"))
        line = _XML_UNSAFE.sub("", line)
        t.text = line
        if line != line.strip():
            t.set(XML_SPACE, "preserve")


def _text_p(style: str, text: str, parent: etree._Element | None = None, **emphasis) -> etree._Element:
    p = _p(style, parent)
    if text:
        _run(p, text, **emphasis)
    return p


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


def _table(parent: etree._Element, widths: list[int], borders: bool,
           cell_margin: int = CELL_MARGIN) -> etree._Element:
    tbl = etree.SubElement(parent, w("tbl"))
    tblpr = etree.SubElement(tbl, w("tblPr"))
    tblw = etree.SubElement(tblpr, w("tblW"))
    tblw.set(w("w"), str(sum(widths)))
    tblw.set(w("type"), "dxa")
    etree.SubElement(tblpr, w("jc")).set(w("val"), "center")
    bdr = etree.SubElement(tblpr, w("tblBorders"))
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = etree.SubElement(bdr, w(side))
        if borders:
            edge.set(w("val"), "single")
            edge.set(w("sz"), eighth_points(nd30.TABLE_BORDER_PT))
            edge.set(w("space"), "0")
            edge.set(w("color"), "000000")
        else:
            edge.set(w("val"), "nil")
    etree.SubElement(tblpr, w("tblLayout")).set(w("type"), "fixed")
    mar = etree.SubElement(tblpr, w("tblCellMar"))
    for side in ("left", "right"):
        m = etree.SubElement(mar, w(side))
        m.set(w("w"), str(cell_margin))
        m.set(w("type"), "dxa")
    grid = etree.SubElement(tbl, w("tblGrid"))
    for width in widths:
        etree.SubElement(grid, w("gridCol")).set(w("w"), str(width))
    return tbl


def _cell(tr: etree._Element, width: int, span: int = 1, vmerge: str | None = None,
          valign: str | None = None) -> etree._Element:
    tc = etree.SubElement(tr, w("tc"))
    tcpr = etree.SubElement(tc, w("tcPr"))
    tcw = etree.SubElement(tcpr, w("tcW"))
    tcw.set(w("w"), str(width))
    tcw.set(w("type"), "dxa")
    if span > 1:
        etree.SubElement(tcpr, w("gridSpan")).set(w("val"), str(span))
    if vmerge is not None:
        vm = etree.SubElement(tcpr, w("vMerge"))
        if vmerge:
            vm.set(w("val"), vmerge)
    if valign:
        etree.SubElement(tcpr, w("vAlign")).set(w("val"), valign)
    return tc


# --- Document parts ------------------------------------------------------------------------------


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
    # Phụ lục I, II.6 (Scheme B): a roman mục heading is upper case.
    upper = para.kind is ParaKind.heading and para.level == 0
    if para.label:
        _run(p, para.label + " ", bold=para.bold or para.label_bold, italic=para.italic)
    for run in para.runs:
        _run(p, vn.upper(run.text) if upper else run.text, bold=para.bold or run.bold,
             italic=para.italic or run.italic)


def _grid_widths(table: Table, available: int) -> list[int]:
    fixed = [twips_cm(cm) if cm else None for cm in table.widths_cm]
    free = [i for i, width in enumerate(fixed) if width is None]
    if free:
        rest = available - sum(width for width in fixed if width)
        share = max(rest // len(free), twips_cm(1.5))
        for i in free:
            fixed[i] = share
    total = sum(fixed)
    if total > available:  # too wide for the page: shrink every column in proportion
        fixed = [width * available // total for width in fixed]
    return fixed


def _data_table(parent: etree._Element, table: Table, available: int) -> None:
    if table.title:
        _text_p("KHTableTitle", table.title, parent)
    widths = _grid_widths(table, available)
    columns = len(widths)
    tbl = _table(parent, widths, borders=True)
    # Cells still covered by a vertical merge from above: column -> (remaining rows, span).
    pending: dict[int, list[int]] = {}
    for row_index, row in enumerate([*table.header, *table.rows]):
        is_header = row_index < len(table.header)
        tr = etree.SubElement(tbl, w("tr"))
        trpr = etree.SubElement(tr, w("trPr"))
        etree.SubElement(trpr, w("cantSplit"))
        if is_header:
            etree.SubElement(trpr, w("tblHeader"))
        cells = iter(row)
        column = 0
        while column < columns:
            if column in pending:
                left, span = pending[column]
                _text_p("KHTableText", "", _cell(tr, sum(widths[column:column + span]), span, ""))
                if left <= 1:
                    del pending[column]
                else:
                    pending[column][0] = left - 1
                column += span
                continue
            cell = next(cells, None)
            if cell is None:  # a short row: fill it so every row covers the grid
                _text_p("KHTableText", "", _cell(tr, widths[column]))
                column += 1
                continue
            span = max(1, min(cell.col_span, columns - column))
            merge = "restart" if cell.row_span > 1 else None
            tc = _cell(tr, sum(widths[column:column + span]), span, merge,
                       "center" if is_header else None)
            if cell.row_span > 1:
                pending[column] = [cell.row_span - 1, span]
            _table_cell_text(tc, cell, is_header, group=span == columns and not is_header)
            column += span


_ALIGN = {"left": "left", "center": "center", "right": "right", "justify": "both"}


def _table_cell_text(tc: etree._Element, cell: TableCell, header: bool, group: bool) -> None:
    p = _p("KHTableText", tc)
    align = "center" if header else _ALIGN.get(cell.align, "left")
    if align != "left":
        etree.SubElement(p[0], w("jc")).set(w("val"), align)
    if cell.text:
        _run(p, cell.text, bold=cell.bold or header or group)


def _blocks(parent: etree._Element, blocks: list[Block], available: int) -> None:
    for block in blocks:
        if isinstance(block, Table):
            _data_table(parent, block, available)
        else:
            _paragraph(parent, block)


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
            _text_p("KHRecipients", line.text, recipients, italic=line.heading)
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


def _sect_pr(template: _Template, landscape: bool) -> etree._Element:
    sect = etree.Element(w("sectPr"))
    for kind, rid in (("default", template.header_default_rid), ("first", template.header_first_rid)):
        ref = etree.SubElement(sect, w("headerReference"))
        ref.set(w("type"), kind)
        ref.set(f"{{{R_NS}}}id", rid)
    etree.SubElement(sect, w("type")).set(w("val"), "nextPage")
    size = etree.SubElement(sect, w("pgSz"))
    if landscape:  # Phụ lục I, Mục I: landscape only for wide tables
        size.set(w("w"), str(PAGE_H))
        size.set(w("h"), str(PAGE_W))
        size.set(w("orient"), "landscape")
    else:
        size.set(w("w"), str(PAGE_W))
        size.set(w("h"), str(PAGE_H))
    margins = etree.SubElement(sect, w("pgMar"))
    for attr, value in (("top", twips_mm(nd30.MARGIN_TOP_MM)), ("right", MARGIN_RIGHT),
                        ("bottom", twips_mm(nd30.MARGIN_BOTTOM_MM)), ("left", MARGIN_LEFT),
                        ("header", twips_mm(nd30.HEADER_DISTANCE_MM)),
                        ("footer", twips_mm(nd30.HEADER_DISTANCE_MM)), ("gutter", 0)):
        margins.set(w(attr), str(value))
    # Every part and appendix numbers its own pages from 1 (Phụ lục I, III.1.đ).
    etree.SubElement(sect, w("pgNumType")).set(w("start"), "1")
    etree.SubElement(sect, w("cols")).set(w("space"), "720")
    if nd30.HIDE_FIRST_PAGE_NUMBER:
        etree.SubElement(sect, w("titlePg"))
    return sect


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
    _blocks(body, appendix.blocks, TEXT_W_LANDSCAPE if appendix.landscape else TEXT_W_PORTRAIT)


# --- Package -------------------------------------------------------------------------------------

_CORE = """<?xml version='1.0' encoding='UTF-8' standalone='yes'?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
<dc:title>{title}</dc:title><dc:creator>{author}</dc:creator><cp:lastModifiedBy></cp:lastModifiedBy>\
<cp:revision>1</cp:revision><dc:language>{lang}</dc:language>\
<dcterms:created xsi:type="dcterms:W3CDTF">{date}</dcterms:created>\
<dcterms:modified xsi:type="dcterms:W3CDTF">{date}</dcterms:modified></cp:coreProperties>"""

def _core_xml(document: Document) -> bytes:
    return _CORE.format(title=escape(_XML_UNSAFE.sub("", document.title)),
                        author=escape(_XML_UNSAFE.sub("", document.author)),
                        lang=nd30.LANGUAGE, date=FIXED_CORE_DATE).encode("utf-8")


def _zip(parts: dict[str, bytes]) -> bytes:
    """Zip with fixed dates, attributes and order: the same parts always give the same bytes."""
    names = sorted(parts, key=lambda name: (name != "[Content_Types].xml", name))
    # The template's fixed parts are compressed once per process, not once per document (batch).
    return reproducible_zip([(name, parts[name]) for name in names], date_time=FIXED_ZIP_DATE)


def write_docx(document: Document) -> bytes:
    """Render ``document`` as a Decree 30 .docx; the same Document always gives the same bytes."""
    template = _template()
    root = etree.fromstring(template.document_root)
    body = root.find(w("body"))
    _build_body(body, document, template)
    parts = dict(template.parts)
    parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                                standalone=True)
    parts["docProps/core.xml"] = _core_xml(document)
    return _zip(parts)
