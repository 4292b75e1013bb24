"""How the shipped base document ``templates/docx/base.docx`` is made: python-docx's default
document with the "KH …" styles, Decree 30 settings and the page-number headers.

Run by a maintainer after changing ``styles.py``, ``footnotes.styles()``, the settings below or
python-docx's default template; ``tests/writers/test_base_template.py`` fails while the shipped file
is out of date:

    python -m kehoach.writers.docx.base_maker

Why a shipped file: importing python-docx and building this document cost every cold ``kehoach
build`` some 70 ms (issue 21: cold build ≤ 2× pandoc). ``template.py`` now reads the file's parts,
and the output no longer depends on the installed python-docx's default template.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import docx
from lxml import etree

from ...common import nd30
from ...common.ooxml import w
from ...common.zipcache import reproducible_zip
from . import footnotes
from .styles import STYLES, _fix_fonts, _set_doc_defaults, _style_element
from .template import base_path
from .used_styles import pruned_styles, used_style_ids
from .wml import XML_SPACE

COMPATIBILITY_MODE = "15"
BASE_DATE = (1980, 1, 1, 0, 0, 0)  # fixed zip dates: the same sources make the same file


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


def _fix_settings(settings: etree._Element) -> None:
    """ISO 29500 requires w:percent on w:zoom; compatibility mode 15 is Word 2013 and later, so
    Word does not open the file in "Compatibility Mode"."""
    for zoom in settings.iter(w("zoom")):
        zoom.set(w("percent"), "100")
    for setting in settings.iter(w("compatSetting")):
        if setting.get(w("name")) == "compatibilityMode":
            setting.set(w("val"), COMPATIBILITY_MODE)


def make_base() -> bytes:
    """The bytes of ``base.docx``: an empty document whose section points at the two headers."""
    members = python_docx_parts()
    # Only the styles a kehoach document can refer to (ours, the notes', those of the template's own
    # parts), with their chains and the defaults: each document prunes again from these ~40 instead
    # of parsing python-docx's ~190 and Word's latent-style table every cold build. The result is
    # the same: what a document uses is always among them (tests/writers/test_base_template.py).
    members["word/styles.xml"] = pruned_styles(members["word/styles.xml"], referable_styles(members))
    return reproducible_zip(list(members.items()), date_time=BASE_DATE)


def python_docx_parts() -> dict[str, bytes]:
    """The parts of python-docx's default document with our styles, settings and headers."""
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

    buffer = io.BytesIO()
    doc.save(buffer)
    with zipfile.ZipFile(buffer) as archive:  # python-docx dates its members with the clock
        return {name: archive.read(name) for name in archive.namelist()}


def referable_styles(parts: dict[str, bytes]) -> frozenset[str]:
    """The style ids a document built on these parts can refer to."""
    ours = {spec.style_id for spec in STYLES} | {style.get(w("styleId")) for style in footnotes.styles()}
    return frozenset(ours) | used_style_ids(parts)


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else base_path()
    target.write_bytes(make_base())
    print(target)
