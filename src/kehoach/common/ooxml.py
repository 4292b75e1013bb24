"""The Office Open XML namespaces, written once for both directions: the importer reads Word's XML
with them and the .docx writer writes it (issue 21: the WordprocessingML namespace lived in both)."""

from __future__ import annotations

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"  # WordprocessingML, w:
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"  # r:id of a part
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"  # mc:AlternateContent
CONTENT_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"  # [Content_Types].xml
PACKAGE_RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"  # *.rels


def w(tag: str) -> str:
    """The Clark name of a WordprocessingML element or attribute: ``w("p")`` is ``{…/main}p``."""
    return f"{{{W_NS}}}{tag}"
