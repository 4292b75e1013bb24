"""The base document, built with python-docx once per process and kept as bytes: styles, settings
and the page-number header; and the section properties (page size, margins, headers) that point
at it."""

from __future__ import annotations

import functools
import importlib.metadata
import io
import zipfile
from dataclasses import dataclass

import docx
from lxml import etree

from ...common import nd30
from . import footnotes
from .styles import STYLES, _fix_fonts, _set_doc_defaults, _style_element
from ...common.ooxml import R_NS, w
from .wml import MARGIN_LEFT, MARGIN_RIGHT, PAGE_H, PAGE_W, XML_SPACE, twips_mm


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
    # ... and the default template's leftover customXml bibliography part.
    for rid, rel in list(part.rels.items()):
        if rel.reltype.endswith(("/stylesWithEffects", "/customXml")):
            part.drop_rel(rid)
    for rid, rel in list(part.package.rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            part.package.rels.pop(rid)
    styles_root = doc.styles.element
    _set_doc_defaults(styles_root)
    for spec in STYLES:
        styles_root.append(_style_element(spec))
    styles_root.extend(footnotes.styles())
    _fix_fonts(styles_root)
    settings = doc.settings.element
    for lang in settings.iter(w("themeFontLang")):
        lang.set(w("val"), nd30.LANGUAGE)
    _fix_settings(settings)

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
    parts["docProps/app.xml"] = _app_xml()
    return _Template(parts, etree.tostring(root), refs["default"], refs["first"])



def _fix_settings(settings: etree._Element) -> None:
    """ISO 29500 requires w:percent on w:zoom; compatibility mode 15 is Word 2013 and later, so
    Word does not open the file in "Compatibility Mode"."""
    for zoom in settings.iter(w("zoom")):
        zoom.set(w("percent"), "100")
    for setting in settings.iter(w("compatSetting")):
        if setting.get(w("name")) == "compatibilityMode":
            setting.set(w("val"), COMPATIBILITY_MODE)


COMPATIBILITY_MODE = "15"

_APP = """<?xml version='1.0' encoding='UTF-8' standalone='yes'?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" \
xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">\
<Application>{application}</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>\
<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>\
<HyperlinksChanged>false</HyperlinksChanged></Properties>"""


def _app_xml() -> bytes:
    """docProps/app.xml naming kehoach (and its version) as the application that wrote the file."""
    try:
        version = importlib.metadata.version("kehoach")
    except importlib.metadata.PackageNotFoundError:  # running from a source tree
        version = "0"
    return _APP.format(application=f"kehoach/{version}").encode("utf-8")


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
