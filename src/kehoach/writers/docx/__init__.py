"""The .docx writer: a Document block tree to the bytes of a Decree 30 Word file.

The base package (styles, page setup, the page-number header) ships built as
``templates/docx/base.docx`` (``base_maker`` makes it with python-docx) and is read once per
process. Each render then only writes ``word/document.xml`` (WordprocessingML built with lxml, every
paragraph pointing at a named "KH …" style that carries the formatting) and ``docProps/core.xml``,
and zips the parts with fixed timestamps, so the same Document always gives the same bytes. All
Decree 30 figures come from ``nd30.py``.

Modules: ``wml`` (units, paragraph and run elements; namespaces from common/ooxml), ``styles`` (the "KH …" styles),
``template`` (the shipped base document, section properties), ``base_maker`` (makes it),
``tables``, ``letterhead`` (letterhead, title block, rules), ``body`` (paragraphs, closing, parts,
appendices) and ``package`` (core.xml, zip, ``write_docx``).
"""

from .package import write_docx

__all__ = ["write_docx"]
