"""WordprocessingML basics: unit conversions, page geometry and the paragraph/run elements every part of
the document is built from (the namespaces and ``w()`` are common/ooxml's, shared with the importer)."""

from __future__ import annotations

import re

from lxml import etree

from ...common import nd30
from ...common.ooxml import w

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


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
        if line != line.strip() or "  " in line:  # a draft's blank "Số:      /KH-UBND" keeps its width
            t.set(XML_SPACE, "preserve")


FOOTNOTE_REFERENCE_STYLE = "FootnoteReference"  # Word's own style ids, so Word's tools find them
FOOTNOTE_TEXT_STYLE = "FootnoteText"


def footnote_id(number: int) -> int:
    """The w:id of footnote ``number``: ids 0 and 1 are the separator and continuation separator."""
    return number + 1


def _note_ref(p: etree._Element, number: int, repeat: bool, bold: bool = False, italic: bool = False) -> None:
    """A footnote reference mark: Word's w:footnoteReference (Word prints the number), or for a
    note referenced again, its number set as a reference mark."""
    run = etree.SubElement(p, w("r"))
    rpr = etree.SubElement(run, w("rPr"))
    etree.SubElement(rpr, w("rStyle")).set(w("val"), FOOTNOTE_REFERENCE_STYLE)
    if bold:
        etree.SubElement(rpr, w("b"))
    if italic:
        etree.SubElement(rpr, w("i"))
    if repeat:
        etree.SubElement(run, w("t")).text = str(number)
    else:
        etree.SubElement(run, w("footnoteReference")).set(w("id"), str(footnote_id(number)))


def _runs(p: etree._Element, runs, bold: bool = False, italic: bool = False) -> None:
    """Append ``runs`` (compose's document runs), adding ``bold``/``italic`` to each."""
    for run in runs:
        if run.note:
            _note_ref(p, run.note, run.repeat, bold=bold or run.bold, italic=italic or run.italic)
        elif run.text:
            _run(p, run.text, bold=bold or run.bold, italic=italic or run.italic)


def _text_p(style: str, text: str, parent: etree._Element | None = None, **emphasis) -> etree._Element:
    p = _p(style, parent)
    if text:
        _run(p, text, **emphasis)
    return p
