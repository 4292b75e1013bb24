"""styles.xml holds only the styles the document uses (LibreOffice opens the file faster), and the
pages come out the same as with the template's whole style sheet."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx.oxml.ns import qn
from lxml import etree

import kehoach
from kehoach.build import render
from kehoach.writers.docx.base_maker import python_docx_parts
from kehoach.writers.docx.used_styles import used_style_ids
from kehoach.writers.pdf import convert_docx_bytes_to_pdf

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
POPPLER = shutil.which("pdftotext")


def parts_of(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def with_parts(data: bytes, replaced: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in source.namelist():
            archive.writestr(name, replaced.get(name, source.read(name)))
    return out.getvalue()


@pytest.mark.parametrize("stem", ["002-bo-ldtbxh-qd-224", "hcm-dong-hung-thuan"])
def test_only_used_styles_and_their_chains_are_written(stem):
    data = render(kehoach.load(EXAMPLES / f"{stem}.yaml"), "docx")
    parts = parts_of(data)
    styles = etree.fromstring(parts["word/styles.xml"])
    defined = {s.get(qn("w:styleId")): s for s in styles.iter(qn("w:style"))}
    used = used_style_ids(parts)
    assert used and used <= set(defined)  # every reference resolves
    for style in defined.values():  # every chain resolves
        for tag in ("w:basedOn", "w:link", "w:next"):
            target = style.find(qn(tag))
            assert target is None or target.get(qn("w:val")) in defined
    assert styles.find(qn("w:latentStyles")) is None
    assert styles.find(qn("w:docDefaults")) is not None
    template = etree.fromstring(python_docx_parts()["word/styles.xml"])  # python-docx's whole sheet
    unused = {s.get(qn("w:styleId")) for s in template.iter(qn("w:style"))} - set(defined)
    assert "Heading1" in unused and len(defined) < len(unused)  # the template's extra styles are gone
    defaults = [s for s in template.iter(qn("w:style")) if s.get(qn("w:default")) == "1"]
    assert all(s.get(qn("w:styleId")) in defined for s in defaults)


def word_boxes(pdf: Path) -> str:
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, check=True, text=True).stdout
    return "\n".join(re.findall(r"<word [^>]*>[^<]*</word>", html))


@pytest.mark.skipif(not (SOFFICE and POPPLER), reason="needs LibreOffice and poppler-utils")
def test_pages_are_the_same_as_with_the_whole_style_sheet(tmp_path):
    data = render(kehoach.load(EXAMPLES / "nghe-an-980-kh-ubnd.yaml"), "docx")
    whole = with_parts(data, {"word/styles.xml": python_docx_parts()["word/styles.xml"]})
    convert_docx_bytes_to_pdf(data, tmp_path / "pruned.pdf")
    convert_docx_bytes_to_pdf(whole, tmp_path / "whole.pdf")
    assert word_boxes(tmp_path / "pruned.pdf") == word_boxes(tmp_path / "whole.pdf")
