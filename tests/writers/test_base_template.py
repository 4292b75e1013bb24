"""The base document a .docx is built on ships as ``templates/docx/base.docx``: it is what
``base_maker`` makes with python-docx from the styles and settings of today, and its smaller
style sheet gives every document the styles python-docx's whole sheet gave it."""

from __future__ import annotations

import zipfile
from io import BytesIO

from lxml import etree

from pathlib import Path

import pytest

import kehoach
from kehoach.build import render
from kehoach.writers.docx.base_maker import make_base, python_docx_parts
from kehoach.writers.docx.used_styles import pruned_styles, used_style_ids
from kehoach.writers.docx.template import _template, base_path
from kehoach.common.ooxml import w


def test_the_shipped_base_document_is_up_to_date_with_its_sources() -> None:
    # Fails after an edit of styles.py, footnotes.styles() or base_maker until
    # `python -m kehoach.writers.docx.base_maker` is run again.
    assert base_path().read_bytes() == make_base()


def test_the_base_document_is_a_word_file_whose_section_points_at_both_headers() -> None:
    with zipfile.ZipFile(BytesIO(base_path().read_bytes())) as archive:
        assert archive.testzip() is None
        names = set(archive.namelist())
    assert {"[Content_Types].xml", "word/document.xml", "word/styles.xml", "word/settings.xml"} <= names
    template = _template()
    rels = etree.fromstring(template.parts["word/_rels/document.xml.rels"])
    targets = {rel.get("Id"): rel.get("Target") for rel in rels}
    headers = {targets[template.header_default_rid], targets[template.header_first_rid]}
    assert len(headers) == 2 and all(f"word/{h}" in template.parts for h in headers)
    # the default header holds the PAGE field, the first page's header none (no number on page 1)
    assert b" PAGE " in template.parts[f"word/{targets[template.header_default_rid]}"]
    assert b" PAGE " not in template.parts[f"word/{targets[template.header_first_rid]}"]
    # The body is emptied for each document; the kehoach styles are in styles.xml.
    assert b"<w:p" not in template.document_root and w("body").split("}")[1].encode() in template.document_root
    assert b'w:styleId="KHPageNumber"' in template.parts["word/styles.xml"]
    assert "word/document.xml" not in template.parts and "docProps/core.xml" not in template.parts


EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.yaml"))


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_each_example_prunes_to_the_same_styles_from_the_base_as_from_python_docxs_whole_sheet(example):
    data = render(kehoach.load(example), "docx")
    with zipfile.ZipFile(BytesIO(data)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    used = used_style_ids(parts)
    base = etree.fromstring(_template().parts["word/styles.xml"])
    assert used <= {style.get(w("styleId")) for style in base.iter(w("style"))}
    whole = python_docx_parts()["word/styles.xml"]
    assert parts["word/styles.xml"] == pruned_styles(whole, used)
