"""Footnotes (issue 12, point 4): ``[^id]`` in any text, ``footnotes: {id: text}``. The .docx is read
back (a real footnotes part, its relationship and content type, reference marks numbered in reading
order, styles), the .html/.txt notes, the PDF page foot, the lint findings and the markup itself."""

from __future__ import annotations

import io
import shutil
import subprocess
import textwrap
import zipfile
from pathlib import Path

import pytest
from docx.oxml.ns import qn

import kehoach
from kehoach.build import render
from kehoach.model import markup

from docx_read import body_paragraphs, open_docx, part_xml, run_format

PLAN = textwrap.dedent("""\
    letterhead: {issuer: ỦY BAN NHÂN DÂN XÃ HÒA PHÚ, abbreviation: UBND, number: "12", place: Đắk Lắk,
                 date: 2025-11-18}
    title: Chuyển đổi số
    preamble:
      bases: ["Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025[^luat];"]
    sections:
      - heading: MỤC ĐÍCH
        text: ["Các thôn vùng khó khăn[^thon] được ưu tiên; **số liệu[^tk]** năm 2024 và \\\\[^ giữ nguyên]."]
        items: ["Rà soát các thôn[^thon]."]
    closing: Trên đây là kế hoạch.
    signature: {on_behalf_of: Ủy ban nhân dân, title: Chủ tịch, name: Nguyễn Văn A}
    recipients:
      items: ["UBND các xã, phường[^ds]"]
      archive: {units: [VT]}
    footnotes:
      luat: Luật số 72/2025/QH15.
      thon: Gồm *12 thôn*.
      tk: Niên giám thống kê.
      ds: Gồm 40 xã, phường.
    """)
NOTES = ["Luật số 72/2025/QH15.", "Gồm 12 thôn.", "Niên giám thống kê.", "Gồm 40 xã, phường."]


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    path = tmp_path_factory.mktemp("fn") / "plan.yaml"
    path.write_text(PLAN, "utf-8")
    return kehoach.load(path)


@pytest.fixture(scope="module")
def docx_bytes(plan) -> bytes:
    return render(plan, "docx")


def test_markup_reads_references_and_escapes():
    spans = markup.spans("xã[^1] **đậm[^a]** \\[^2] [^ x]")
    assert [(s.text, s.bold, s.note) for s in spans] == [
        ("xã", False, None), ("", False, "1"), (" ", False, None), ("đậm", True, None), ("", True, "a"),
        (" [^2] [^ x]", False, None)]
    assert markup.plain("xã[^1].") == "xã."
    assert [(n.offset, n.id) for n in markup.notes("a[^1]b[^x]")] == [(1, "1"), (6, "x")]
    assert markup.spans(markup.escape("[^1] *")) == [markup.Span("[^1] *")]


def test_docx_has_a_footnotes_part_related_and_typed(docx_bytes):
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as archive:
        assert "word/footnotes.xml" in archive.namelist()
        types = archive.read("[Content_Types].xml").decode()
        rels = archive.read("word/_rels/document.xml.rels").decode()
    assert 'PartName="/word/footnotes.xml"' in types and "footnotes+xml" in types
    assert 'relationships/footnotes" Target="footnotes.xml"' in rels
    notes = part_xml(docx_bytes, "word/footnotes.xml").findall(qn("w:footnote"))
    assert [(n.get(qn("w:type")), n.get(qn("w:id"))) for n in notes[:2]] == [
        ("separator", "0"), ("continuationSeparator", "1")]
    texts = ["".join(t.text for t in n.iter(qn("w:t"))).strip() for n in notes[2:]]
    assert texts == NOTES
    assert all(n.find(f".//{qn('w:footnoteRef')}") is not None for n in notes[2:])


def test_references_are_numbered_in_reading_order(docx_bytes):
    doc = open_docx(docx_bytes)
    refs = [el.get(qn("w:id")) for el in doc.element.body.iter(qn("w:footnoteReference"))]
    # luat, thon, tk in the body, ds in Nơi nhận (after the signature block); the second "thon" is a repeat
    assert refs == ["2", "3", "4", "5"]
    ids = {n.get(qn("w:id")): "".join(t.text for t in n.iter(qn("w:t"))).strip()
           for n in part_xml(docx_bytes, "word/footnotes.xml").findall(qn("w:footnote"))}
    assert [ids[r] for r in refs] == NOTES
    # The reference sits where the author put it: after "khó khăn", before the tool's ";" of a basis
    paras = body_paragraphs(doc)
    basis = next(p for p in paras if "Căn cứ" in "".join(t.text or "" for t in p.iter(qn("w:t"))))
    children = [("ref" if r.find(qn("w:footnoteReference")) is not None else
                 "".join(t.text or "" for t in r.iter(qn("w:t")))) for r in basis.iter(qn("w:r"))]
    assert children[-2:] == ["ref", "."] and children[-3].endswith("2025")


def test_reference_runs_are_superscript_and_the_note_text_12pt(docx_bytes):
    doc = open_docx(docx_bytes)
    styles = part_xml(docx_bytes, "word/styles.xml")
    ref_style = styles.find(f"{qn('w:style')}[@{qn('w:styleId')}='FootnoteReference']")
    assert ref_style.find(f".//{qn('w:vertAlign')}").get(qn("w:val")) == "superscript"
    text_style = styles.find(f"{qn('w:style')}[@{qn('w:styleId')}='FootnoteText']")
    assert text_style.find(f".//{qn('w:sz')}").get(qn("w:val")) == "24"
    for r in doc.element.body.iter(qn("w:r")):
        if r.find(qn("w:footnoteReference")) is not None:
            assert r.find(f"{qn('w:rPr')}/{qn('w:rStyle')}").get(qn("w:val")) == "FootnoteReference"
    # the repeated "thon" reference: its number, in the reference style
    repeat = [r for r in doc.element.body.iter(qn("w:r")) if r.find(f"{qn('w:rPr')}/{qn('w:rStyle')}") is not None
              and r.find(qn("w:t")) is not None]
    assert ["".join(t.text for t in r.iter(qn("w:t"))) for r in repeat] == ["2"]
    # "**số liệu[^tk]**": the reference inside bold text keeps its emphasis
    bold_ref = [r for r in doc.element.body.iter(qn("w:r")) if r.find(qn("w:footnoteReference")) is not None][2]
    assert run_format(doc, bold_ref.getparent(), bold_ref).bold


def test_the_same_plan_gives_the_same_bytes(plan, docx_bytes):
    assert render(plan, "docx") == docx_bytes


def test_txt_and_html_notes_at_the_end(plan):
    text = render(plan, "txt").decode()
    assert "Các thôn vùng khó khăn[2] được ưu tiên; số liệu[3] năm 2024 và [^ giữ nguyên]." in text
    assert "1. Rà soát các thôn[2]." in text and "- UBND các xã, phường[4];" in text
    assert text.rstrip().endswith("--------\n" + "\n".join(f"[{n}] {t}" for n, t in enumerate(NOTES, 1)))
    html = render(plan, "html").decode()
    assert '<sup class="fn"><a href="#fn-2" role="doc-noteref">2</a></sup> được ưu tiên' in html
    assert '<li id="fn-2" value="2"><p>Gồm <em>12 thôn</em>.</p></li>' in html
    assert html.index('<section class="footnotes"') > html.index("Nguyễn Văn A")
    from kehoach.compose.composer import compose
    from kehoach.writers.paged_html import write_paged_html
    paged = write_paged_html(compose(plan)).decode()
    assert 'id="fn-4"' in paged and paged.count('<section class="footnotes"') == 1


def test_lint_locates_undefined_and_unused_notes(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(PLAN.replace("Rà soát các thôn[^thon]", "Rà soát các thôn[^thôn]").replace(
        "  tk: Niên giám thống kê.\n", "  tk: Niên giám thống kê.\n  cu: Không dùng.\n"), "utf-8")
    found = {(d.code, d.line, d.col) for d in kehoach.check(path) if d.code in ("KH407", "KH408")}
    lines = path.read_text("utf-8").splitlines()
    item_line = next(i for i, line in enumerate(lines, 1) if "[^thôn]" in line)
    unused_line = next(i for i, line in enumerate(lines, 1) if "cu: Không dùng" in line)
    assert found == {("KH407", item_line, lines[item_line - 1].index("[^thôn]") + 1),
                     ("KH408", unused_line, lines[unused_line - 1].index("cu") + 1)}


def test_import_of_the_docx_gives_back_references_and_notes(plan, docx_bytes, tmp_path):
    from kehoach.importers import import_plan
    source = tmp_path / "fn.docx"
    source.write_bytes(docx_bytes)
    imported = import_plan(source)
    out = tmp_path / "imported.yaml"
    out.write_text(imported.yaml, "utf-8")
    again = kehoach.load(out)
    assert list(again.footnotes.values()) == ["Luật số 72/2025/QH15.", "Gồm 12 thôn.", "Niên giám thống kê.",
                                              "Gồm 40 xã, phường."]
    assert render(again, "txt") == render(plan, "txt")


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(not (SOFFICE and shutil.which("pdftotext")), reason="needs LibreOffice and pdftotext")
def test_pdf_sets_the_notes_at_the_page_foot(docx_bytes, tmp_path):
    source = tmp_path / "fn.docx"
    source.write_bytes(docx_bytes)
    subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=180)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "fn.pdf"), "-"], check=True,
                          capture_output=True, text=True).stdout
    page = text.split("\f")[0]
    lines = [line.strip() for line in page.splitlines() if line.strip()]
    signer = lines.index("Nguyễn Văn A")
    # The notes come after everything on the page, the signature block included, in number order.
    positions = [next(i for i, line in enumerate(lines) if note in line) for note in NOTES]
    assert positions == sorted(positions) and positions[0] > signer
