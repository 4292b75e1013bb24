"""Word footnotes: the ``word/footnotes.xml`` part, its relationship and content type, and the two
styles Word uses for footnotes ("footnote text", "footnote reference").

Ids 0 and 1 are the separator (the short rule above the notes) and the continuation separator (the
full-width rule when a note runs on to the next page), as LibreOffice writes them; note ``n`` has
id ``n + 1`` (``wml.footnote_id``). Word numbers footnotes itself from their reference marks in
document order, which is the order compose numbered them in, so the printed numbers agree.
"""

from __future__ import annotations

from lxml import etree

from ...common import nd30
from ...compose.document import Footnote
from ...common.ooxml import CONTENT_TYPES_NS, PACKAGE_RELATIONSHIPS_NS, W_NS, w
from .wml import FOOTNOTE_REFERENCE_STYLE, FOOTNOTE_TEXT_STYLE, _runs, footnote_id, half_points

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
REL_ID = "rIdKHFootnotes"


def styles() -> list[etree._Element]:
    """The paragraph style of a note's text and the character style of its reference mark."""
    text = etree.Element(w("style"))
    text.set(w("type"), "paragraph")
    text.set(w("styleId"), FOOTNOTE_TEXT_STYLE)
    etree.SubElement(text, w("name")).set(w("val"), "footnote text")
    etree.SubElement(text, w("basedOn")).set(w("val"), "Normal")
    etree.SubElement(text, w("uiPriority")).set(w("val"), "99")
    etree.SubElement(text, w("unhideWhenUsed"))
    ppr = etree.SubElement(text, w("pPr"))
    spacing = etree.SubElement(ppr, w("spacing"))
    for attr, value in (("before", "0"), ("after", "0"), ("line", "240"), ("lineRule", "auto")):
        spacing.set(w(attr), value)
    etree.SubElement(ppr, w("jc")).set(w("val"), "both")
    rpr = etree.SubElement(text, w("rPr"))
    etree.SubElement(rpr, w("sz")).set(w("val"), half_points(nd30.FOOTNOTE_PT))
    etree.SubElement(rpr, w("szCs")).set(w("val"), half_points(nd30.FOOTNOTE_PT))

    mark = etree.Element(w("style"))
    mark.set(w("type"), "character")
    mark.set(w("styleId"), FOOTNOTE_REFERENCE_STYLE)
    etree.SubElement(mark, w("name")).set(w("val"), "footnote reference")
    etree.SubElement(mark, w("basedOn")).set(w("val"), "DefaultParagraphFont")
    etree.SubElement(mark, w("uiPriority")).set(w("val"), "99")
    etree.SubElement(mark, w("unhideWhenUsed"))
    etree.SubElement(etree.SubElement(mark, w("rPr")), w("vertAlign")).set(w("val"), "superscript")
    return [text, mark]


def _separator(root: etree._Element, note_id: int, kind: str) -> None:
    note = etree.SubElement(root, w("footnote"))
    note.set(w("type"), kind)
    note.set(w("id"), str(note_id))
    p = etree.SubElement(note, w("p"))
    spacing = etree.SubElement(etree.SubElement(p, w("pPr")), w("spacing"))
    for attr, value in (("after", "0"), ("line", "240"), ("lineRule", "auto")):
        spacing.set(w(attr), value)
    etree.SubElement(etree.SubElement(p, w("r")), w(kind))


def footnotes_xml(notes: list[Footnote]) -> bytes:
    root = etree.Element(w("footnotes"), nsmap={"w": W_NS})
    _separator(root, 0, "separator")
    _separator(root, 1, "continuationSeparator")
    for note in notes:
        element = etree.SubElement(root, w("footnote"))
        element.set(w("id"), str(footnote_id(note.number)))
        p = etree.SubElement(element, w("p"))
        etree.SubElement(etree.SubElement(p, w("pPr")), w("pStyle")).set(w("val"), FOOTNOTE_TEXT_STYLE)
        mark = etree.SubElement(p, w("r"))
        etree.SubElement(etree.SubElement(mark, w("rPr")), w("rStyle")).set(w("val"), FOOTNOTE_REFERENCE_STYLE)
        etree.SubElement(mark, w("footnoteRef"))
        space = etree.SubElement(etree.SubElement(p, w("r")), w("t"))
        space.text = " "
        space.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        _runs(p, note.runs)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def add_part(parts: dict[str, bytes], notes: list[Footnote]) -> None:
    """Add ``word/footnotes.xml`` to ``parts`` with its content type and document relationship."""
    parts["word/footnotes.xml"] = footnotes_xml(notes)
    types = etree.fromstring(parts["[Content_Types].xml"])
    override = etree.SubElement(types, f"{{{CONTENT_TYPES_NS}}}Override")
    override.set("PartName", "/word/footnotes.xml")
    override.set("ContentType", CONTENT_TYPE)
    parts["[Content_Types].xml"] = etree.tostring(types, xml_declaration=True, encoding="UTF-8",
                                                  standalone=True)
    rels = etree.fromstring(parts["word/_rels/document.xml.rels"])
    rel = etree.SubElement(rels, f"{{{PACKAGE_RELATIONSHIPS_NS}}}Relationship")
    rel.set("Id", REL_ID)
    rel.set("Type", REL_TYPE)
    rel.set("Target", "footnotes.xml")
    parts["word/_rels/document.xml.rels"] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8",
                                                           standalone=True)
