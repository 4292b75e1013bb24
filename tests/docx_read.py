"""Read formatting back from a produced .docx, independently of the writer's code.

Effective run formatting resolves run → character style → paragraph style (and its basedOn chain)
→ document defaults, the way Word does for the properties tested here (size, bold, italic, fonts).
Effective paragraph formatting resolves paragraph → style chain → pPrDefault.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

import docx
from docx.oxml.ns import qn
from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W, "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
_TRUE = {None, "1", "true", "on"}


def open_docx(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def part_xml(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read(name))


def paragraph_text(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(qn("w:t"))).strip()


def body_paragraphs(doc) -> list[etree._Element]:
    """Every w:p of the body, including those inside table cells, in document order."""
    return list(doc.element.body.iter(qn("w:p")))


def find_paragraph(doc, text: str, *, exact: bool = False) -> etree._Element:
    for p in body_paragraphs(doc):
        have = paragraph_text(p)
        if (have == text) if exact else (text in have):
            return p
    raise AssertionError(f"no paragraph containing {text!r}")


def _flag(rpr: etree._Element | None, tag: str) -> bool | None:
    if rpr is None:
        return None
    el = rpr.find(qn(f"w:{tag}"))
    if el is None:
        return None
    return el.get(qn("w:val")) in _TRUE


class Styles:
    def __init__(self, doc):
        self.root = doc.styles.element
        self.by_id = {s.get(qn("w:styleId")): s for s in self.root.iter(qn("w:style"))}
        defaults = self.root.find(qn("w:docDefaults"))
        self.rpr_default = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        self.ppr_default = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}")
        default_para = [s for s in self.root.iter(qn("w:style"))
                        if s.get(qn("w:type")) == "paragraph" and s.get(qn("w:default")) in _TRUE - {None}]
        self.default_paragraph = default_para[0].get(qn("w:styleId")) if default_para else None

    def chain(self, style_id: str | None) -> list[etree._Element]:
        out = []
        while style_id and style_id in self.by_id and len(out) < 20:
            style = self.by_id[style_id]
            out.append(style)
            based = style.find(qn("w:basedOn"))
            style_id = based.get(qn("w:val")) if based is not None else None
        return out


@dataclass
class RunFormat:
    size_pt: float | None
    bold: bool
    italic: bool


def _paragraph_style_id(p: etree._Element, styles: Styles) -> str | None:
    ps = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return ps.get(qn("w:val")) if ps is not None else styles.default_paragraph


def run_format(doc, p: etree._Element, r: etree._Element) -> RunFormat:
    styles = Styles(doc)
    layers = [r.find(qn("w:rPr"))]
    rstyle = r.find(f"{qn('w:rPr')}/{qn('w:rStyle')}")
    if rstyle is not None:
        layers += [s.find(qn("w:rPr")) for s in styles.chain(rstyle.get(qn("w:val")))]
    layers += [s.find(qn("w:rPr")) for s in styles.chain(_paragraph_style_id(p, styles))]
    layers.append(styles.rpr_default)

    def first(getter):
        for layer in layers:
            value = getter(layer)
            if value is not None:
                return value
        return None

    def size(layer):
        if layer is None:
            return None
        sz = layer.find(qn("w:sz"))
        return int(sz.get(qn("w:val"))) / 2 if sz is not None else None

    return RunFormat(first(size), bool(first(lambda l: _flag(l, "b"))),
                     bool(first(lambda l: _flag(l, "i"))))


def text_runs(p: etree._Element) -> list[etree._Element]:
    return [r for r in p.iter(qn("w:r")) if "".join(t.text or "" for t in r.iter(qn("w:t"))).strip()]


def uniform_format(doc, p: etree._Element) -> RunFormat:
    """The format shared by every text run of ``p`` (asserts they agree)."""
    formats = {(f.size_pt, f.bold, f.italic) for f in (run_format(doc, p, r) for r in text_runs(p))}
    assert len(formats) == 1, f"runs of {paragraph_text(p)!r} differ: {formats}"
    return RunFormat(*formats.pop())


@dataclass
class ParaFormat:
    align: str | None
    first_line: int
    left: int
    right: int
    before: int
    after: int
    line: int | None
    line_rule: str | None


def paragraph_format(doc, p: etree._Element) -> ParaFormat:
    styles = Styles(doc)
    layers = [p.find(qn("w:pPr"))]
    layers += [s.find(qn("w:pPr")) for s in styles.chain(_paragraph_style_id(p, styles))]
    layers.append(styles.ppr_default)

    def attr(tag: str, name: str):
        for layer in layers:
            if layer is None:
                continue
            el = layer.find(qn(f"w:{tag}"))
            if el is not None and el.get(qn(f"w:{name}")) is not None:
                return el.get(qn(f"w:{name}"))
        return None

    def num(tag, name, default=0):
        value = attr(tag, name)
        return int(value) if value is not None else default

    line = attr("spacing", "line")
    return ParaFormat(attr("jc", "val"), num("ind", "firstLine"), num("ind", "left"),
                      num("ind", "right"), num("spacing", "before"), num("spacing", "after"),
                      int(line) if line else None, attr("spacing", "lineRule"))


def has_borders(tbl: etree._Element) -> bool:
    """True when any table edge draws a line (table-level borders; no table style is used)."""
    borders = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblBorders')}")
    if borders is None:
        return False
    return any(edge.get(qn("w:val")) not in ("nil", "none") for edge in borders)
