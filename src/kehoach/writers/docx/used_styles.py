"""Only the styles a document uses go into its ``word/styles.xml``.

python-docx's default template defines ~190 styles and Word's latent-style table (~370 kB); a plan
uses about thirty of them. ``base_maker`` prunes the shipped base document's sheet once to the ~40
styles a document can refer to; each document is then pruned from those. LibreOffice parses every one when it opens the file, which made loading
the .docx 3-4 times slower than writing the PDF (benchmarks/README.md, "PDF/A for the country").
The styles a part refers to (w:pStyle, w:rStyle, w:tblStyle, w:numStyleLink, w:styleLink), the
styles they are based on, linked to or followed by, and the defaults of each type are kept, in the
template's order; the latent-style table (a hint for Word's style gallery) is dropped. Word and
LibreOffice still offer their built-in styles to an author who edits the file.
"""

from __future__ import annotations

import copy
import functools
import re

from lxml import etree

from ...common.ooxml import w

_REFERENCE = re.compile(rb'<w:(?:pStyle|rStyle|tblStyle|numStyleLink|styleLink) w:val="([^"]+)"')
_CHAINS = ("basedOn", "link", "next")


def used_style_ids(parts: dict[str, bytes]) -> frozenset[str]:
    """The style ids the XML parts of the package (other than styles.xml) refer to."""
    found: set[str] = set()
    for name, data in parts.items():
        if name.startswith("word/") and name.endswith(".xml") and name != "word/styles.xml":
            found.update(match.decode("utf-8") for match in _REFERENCE.findall(data))
    return frozenset(found)


@functools.lru_cache(maxsize=4)
def _parsed(styles_xml: bytes) -> etree._Element:
    """The parsed styles without the latent-style table, which every pruned copy drops (only
    python-docx's whole sheet, which ``base_maker`` prunes, still has one)."""
    root = etree.fromstring(styles_xml)
    for latent in root.findall(w("latentStyles")):
        root.remove(latent)
    return root


@functools.lru_cache(maxsize=64)  # a batch uses a handful of distinct sets: serialise each once
def pruned_styles(styles_xml: bytes, used: frozenset[str]) -> bytes:
    """``styles_xml`` with only the styles in ``used``, their chains and the defaults."""
    root = _parsed(styles_xml)
    styles = {style.get(w("styleId")): style for style in root.iter(w("style"))}
    keep = set(used) | {sid for sid, style in styles.items() if style.get(w("default")) == "1"}
    pending = list(keep)
    while pending:
        style = styles.get(pending.pop())
        if style is None:
            continue
        for tag in _CHAINS:
            target = style.find(w(tag))
            sid = target.get(w("val")) if target is not None else None
            if sid and sid not in keep:
                keep.add(sid)
                pending.append(sid)
    out = etree.Element(root.tag, root.attrib, nsmap=root.nsmap)  # only the kept subtrees are copied
    out.text = root.text
    out.extend(copy.deepcopy(child) for child in root
               if child.tag != w("style") or child.get(w("styleId")) in keep)
    return etree.tostring(out, xml_declaration=True, encoding="UTF-8", standalone=True)
