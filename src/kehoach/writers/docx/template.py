"""The base document, read once per process from the shipped ``templates/docx/base.docx`` (made
by ``base_maker``) and kept as bytes: styles, settings and the page-number header; and the section
properties (page size, margins, headers) that point at it."""

from __future__ import annotations

import functools
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ... import __version__
from ...common import nd30
from ...common.ooxml import R_NS, w
from ...common.resources import templates_dir
from .wml import MARGIN_LEFT, MARGIN_RIGHT, PAGE_H, PAGE_W, twips_mm


@dataclass(frozen=True)
class _Template:
    parts: dict[str, bytes]  # every zip entry except document.xml and core.xml
    document_root: bytes  # document.xml with an empty body
    header_default_rid: str
    header_first_rid: str


def base_path() -> Path:
    """Where the shipped base document is (``base_maker`` writes it there)."""
    return templates_dir() / "docx" / "base.docx"


@functools.lru_cache(maxsize=1)
def _template() -> _Template:
    # No python-docx here: importing it and building this document cost every cold build ~70 ms.
    with zipfile.ZipFile(base_path()) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    root = etree.fromstring(parts.pop("word/document.xml"))
    body = root.find(w("body"))
    refs = {ref.get(w("type")): ref.get(f"{{{R_NS}}}id") for ref in body.iter(w("headerReference"))}
    for child in list(body):
        body.remove(child)
    parts.pop("docProps/core.xml")
    parts["docProps/app.xml"] = _app_xml()
    return _Template(parts, etree.tostring(root), refs["default"], refs["first"])


_APP = """<?xml version='1.0' encoding='UTF-8' standalone='yes'?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" \
xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">\
<Application>{application}</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>\
<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>\
<HyperlinksChanged>false</HyperlinksChanged></Properties>"""


def _app_xml() -> bytes:
    """docProps/app.xml naming kehoach (and its version) as the application that wrote the file."""
    # __version__ is the package's one version (pyproject reads it from there): asking the installed
    # metadata instead searched every folder of sys.path on each cold build.
    return _APP.format(application=f"kehoach/{__version__}").encode("utf-8")


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
