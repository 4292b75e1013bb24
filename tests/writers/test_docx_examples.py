"""Every example plan, composed and written as .docx, read back and opened by LibreOffice."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
import uuid
from pathlib import Path

import pytest
from docx.oxml.ns import qn

from docx_read import (find_paragraph, open_docx, paragraph_format, paragraph_text, text_runs,
                       run_format, uniform_format)
from kehoach.compose.document import Document, ParaKind, Paragraph
from kehoach.writers.docx import write_docx

compose_module = pytest.importorskip("kehoach.compose.composer", reason="compose is not there yet")
from kehoach.source.loader import load_path  # noqa: E402

EXAMPLES = sorted((Path(__file__).parents[2] / "examples").glob("*.yaml"))
NATIONAL = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


def _compose(path: Path) -> Document:
    loaded = load_path(path)
    assert loaded.plan is not None, loaded.diagnostics
    return compose_module.compose(loaded.plan)


@pytest.fixture(scope="module")
def rendered() -> dict[str, tuple[Document, bytes]]:
    out = {}
    for path in EXAMPLES:
        document = _compose(path)
        out[path.stem] = (document, write_docx(document))
    return out


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def test_there_are_examples():
    assert len(EXAMPLES) >= 4


@pytest.mark.parametrize("stem", [p.stem for p in EXAMPLES])
def test_example_page_setup_and_header(rendered, stem):
    _, data = rendered[stem]
    doc = open_docx(data)
    for sect in doc.element.body.iter(qn("w:sectPr")):
        size = sect.find(qn("w:pgSz"))
        dims = sorted((int(size.get(qn("w:w"))), int(size.get(qn("w:h")))))
        assert dims == [11906, 16838]
        margins = sect.find(qn("w:pgMar"))
        assert [int(margins.get(qn(f"w:{k}"))) for k in ("top", "bottom", "left", "right")] == [
            1134, 1134, 1701, 850]
        assert sect.find(qn("w:titlePg")) is not None


@pytest.mark.parametrize("stem", [p.stem for p in EXAMPLES])
def test_example_letterhead_and_signature(rendered, stem):
    document, data = rendered[stem]
    doc = open_docx(data)
    part = document.parts[0]
    national = find_paragraph(doc, NATIONAL, exact=True)
    # 12 to 13 pt (Phụ lục I, II.1.a): 12 beside a body name wide enough to need the room (002).
    assert (uniform_format(doc, national).size_pt, uniform_format(doc, national).bold) in ((13, True), (12, True))
    motto = find_paragraph(doc, "Độc lập - Tự do - Hạnh phúc", exact=True)
    assert (uniform_format(doc, motto).size_pt, uniform_format(doc, motto).bold) == (14, True)
    if part.letterhead.place_date:
        date = find_paragraph(doc, _norm(part.letterhead.place_date)[:12])
        assert uniform_format(doc, date).italic
    for current in document.parts:
        if current.closing and current.closing.signature:
            name = find_paragraph(doc, current.closing.signature.name, exact=True)
            assert uniform_format(doc, name).bold
        if current.closing and current.closing.recipients:
            label = find_paragraph(doc, "Nơi nhận:", exact=True)
            fmt = uniform_format(doc, label)
            assert (fmt.size_pt, fmt.bold, fmt.italic) == (12, True, True)


def _body_paragraphs(document: Document) -> list[Paragraph]:
    out = []
    for part in document.parts:
        out += [b for b in part.blocks if isinstance(b, Paragraph)]
        for appendix in part.appendices:
            out += [b for b in appendix.blocks if isinstance(b, Paragraph)]
    return out


@pytest.mark.parametrize("stem", [p.stem for p in EXAMPLES])
def test_example_every_paragraph_written_in_order(rendered, stem):
    document, data = rendered[stem]
    written = [_norm(paragraph_text(p)) for p in open_docx(data).element.body.iter(qn("w:p"))]
    position = 0
    for para in _body_paragraphs(document):
        want = _norm(para.text)  # the case is compose's (a roman heading comes upper case)
        while position < len(written) and written[position] != want:
            position += 1
        assert position < len(written), f"missing or out of order: {want[:80]!r}"


@pytest.mark.parametrize("stem", [p.stem for p in EXAMPLES])
def test_example_body_paragraph_formatting(rendered, stem):
    document, data = rendered[stem]
    doc = open_docx(data)
    body = [p for p in _body_paragraphs(document) if p.kind is ParaKind.body and p.text.strip()]
    assert body
    for para in body[:15]:
        p = find_paragraph(doc, _norm(para.text)[:60])
        layout = paragraph_format(doc, p)
        assert layout.align == "both"
        assert layout.first_line in (567, 720)
        assert layout.before + layout.after >= 120
        assert 240 <= layout.line <= 360
        assert {run_format(doc, p, r).size_pt for r in text_runs(p)} == {14}


@pytest.mark.parametrize("stem", [p.stem for p in EXAMPLES])
def test_example_is_deterministic(rendered, stem):
    document, data = rendered[stem]
    assert write_docx(_compose(next(p for p in EXAMPLES if p.stem == stem))) == data


def test_libreoffice_converts_every_example(rendered, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice or not shutil.which("pdftotext"):
        pytest.skip("LibreOffice (soffice) or pdftotext is not installed")
    sources = []
    for stem, (_, data) in rendered.items():
        sources.append(tmp_path / f"{stem}.docx")
        sources[-1].write_bytes(data)
    profile = tmp_path / f"lo-profile-{uuid.uuid4().hex}"
    subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), *map(str, sources)],
                   check=True, capture_output=True, timeout=120 * len(sources))
    for stem, (document, _) in rendered.items():
        pdf = tmp_path / f"{stem}.pdf"
        assert pdf.is_file(), stem
        text = _norm(subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True,
                                    text=True, timeout=60).stdout)
        assert NATIONAL in text, stem
        for part in document.parts:
            if part.closing and part.closing.signature:
                assert part.closing.signature.name in text, stem
