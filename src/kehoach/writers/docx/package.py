"""The .docx package: ``docProps/core.xml``, the zip with fixed timestamps, and ``write_docx``."""

from __future__ import annotations

from lxml import etree

from ...common import nd30
from ...compose.document import Document
from ...common.zipcache import reproducible_zip
from . import footnotes
from .body import _build_body
from .template import _template
from .used_styles import pruned_styles, used_style_ids
from ...common.ooxml import w
from .wml import _XML_UNSAFE

FIXED_ZIP_DATE = (1980, 1, 1, 0, 0, 0)

_CORE = """<?xml version='1.0' encoding='UTF-8' standalone='yes'?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
<dc:title>{title}</dc:title><dc:subject>{title}</dc:subject><dc:creator>{author}</dc:creator><cp:lastModifiedBy></cp:lastModifiedBy>\
<cp:revision>1</cp:revision><dc:language>{lang}</dc:language>{dates}</cp:coreProperties>"""
_DATES = """<dcterms:created xsi:type="dcterms:W3CDTF">{date}</dcterms:created>\
<dcterms:modified xsi:type="dcterms:W3CDTF">{date}</dcterms:modified>"""


def _core_date(document: Document) -> str:
    """The plan's own date, never the clock, so that a build is byte-stable: a draft dated by month
    or year only takes the first day of it; an undated plan has no dates."""
    day, month, year = document.date
    if year is None:
        return ""
    return _DATES.format(date=f"{year:04d}-{month or 1:02d}-{day or 1:02d}T00:00:00Z")

def _escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as entities, as ``xml.sax.saxutils.escape`` writes them (importing that
    module imports urllib.request, http.client and ssl: some 10 ms of every cold build)."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def _core_xml(document: Document) -> bytes:
    return _CORE.format(title=_escape(_XML_UNSAFE.sub("", document.title)),
                        author=_escape(_XML_UNSAFE.sub("", document.author)),
                        lang=nd30.LANGUAGE, dates=_core_date(document)).encode("utf-8")


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
    if document.footnotes:
        footnotes.add_part(parts, document.footnotes)
    parts["word/styles.xml"] = pruned_styles(parts["word/styles.xml"], used_style_ids(parts))
    return _zip(parts)
