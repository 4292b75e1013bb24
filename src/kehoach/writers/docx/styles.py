"""The "KH …" paragraph styles and the document defaults: Times New Roman, vi-VN, the Decree 30
sizes and spacing, written into the template's styles.xml."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from ...common import nd30
from ...common.ooxml import w
from .wml import LINE_240THS, half_points, twips_cm, twips_pt


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
    # Closing sentences flow like body text; only the last (the one ending "./.") keeps with the
    # signature block (body.py), so a long closing cannot empty the page before it.
    StyleSpec("KHClosing", "KH Closing", **_BODY, based_on="KHBody"),
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
    StyleSpec("KHRule", "KH Rule", 4, align="center", keep_next=True),
    # The rule under an italic "(Kèm theo …)" line: space above it, and the 6 pt after it that the
    # note line itself no longer has (Phụ lục III, Mẫu 1.3 and 2.1).
    StyleSpec("KHRuleSpaced", "KH Rule Spaced", 4, align="center", before=twips_pt(2),
              after=twips_pt(6), keep_next=True),
    # Title (ô 5a).
    StyleSpec("KHTypeName", "KH Type Name", nd30.TYPE_NAME_PT, align="center", bold=True,
              before=twips_pt(nd30.TITLE_SPACE_BEFORE_PT), keep_next=True),
    StyleSpec("KHSubject", "KH Subject", nd30.SUBJECT_PT, align="center", bold=True, keep_next=True),
    StyleSpec("KHTitleNote", "KH Title Note", nd30.APPENDIX_NOTE_PT, align="center", italic=True,
              keep_next=True),
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
              italic=True, keep_next=True),
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
    # Widow and orphan control (Word's default for Normal): a paragraph never leaves one line alone
    # at the foot or the head of a page, and the "./." line takes a line of its paragraph along.
    etree.SubElement(ppr, w("widowControl"))
    spacing = etree.SubElement(ppr, w("spacing"))
    spacing.set(w("after"), "0")
    spacing.set(w("line"), "240")
    spacing.set(w("lineRule"), "auto")
