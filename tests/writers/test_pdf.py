"""PDF output through LibreOffice: what the PDF itself says (pages, header numbers, text, fonts),
the warm converter used by batch, and every way the conversion can fail cleanly."""

from __future__ import annotations

import io
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import pytest
from docx import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from pypdf import PdfReader

from kehoach.writers import fonts, pdf, soffice
from kehoach.common.diagnostics import KehoachError
from kehoach.common.i18n import set_lang

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
POPPLER = shutil.which("pdftotext") and shutil.which("pdffonts")
needs_soffice = pytest.mark.skipif(not SOFFICE, reason="LibreOffice (soffice) is not installed; CI installs "
                                   "libreoffice-writer-nogui")
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils (pdftotext, pdffonts) is not installed")

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
SIGNER = "Nguyễn Văn Ánh"
A4_POINTS = (595.28, 841.89)


# -- reading a PDF back ----------------------------------------------------------------------------

def page_text(pdf_path: Path, page: int) -> str:
    return subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf_path), "-"],
                          capture_output=True, text=True, check=True).stdout


def first_lines(text: str, count: int = 3) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()][:count]


def embedded_fonts(pdf_path: Path) -> list[tuple[str, str]]:
    """(font name without subset prefix, emb column) for each font pdffonts lists."""
    out = subprocess.run(["pdffonts", str(pdf_path)], capture_output=True, text=True, check=True).stdout
    rows = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        # name type... encoding emb sub uni object ID: emb is the 5th column from the end
        rows.append((parts[0].split("+", 1)[-1], parts[-5]))
    return rows


def assert_a4(pdf_path: Path) -> int:
    """Every page is A4, portrait or (appendices with wide tables) landscape; page 1 is portrait."""
    reader = PdfReader(str(pdf_path))
    for number, page in enumerate(reader.pages, 1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        size = (width, height) if number == 1 or height > width else (height, width)
        assert size == pytest.approx(A4_POINTS, abs=1), f"page {number} is {width}x{height} pt"
    return len(reader.pages)


def assert_decree_pages(pdf_path: Path) -> None:
    """No number at the top of page 1, "2" at the top of page 2 unless page 2 starts a new part
    (a one-page decision followed by the plan it issues, which numbers its own pages)."""
    top1 = first_lines(page_text(pdf_path, 1))
    assert not any(re.fullmatch(r"\d+", line) for line in top1), top1
    page2 = page_text(pdf_path, 2)
    if QUOC_HIEU in " ".join(first_lines(page2, 3)):
        assert not any(re.fullmatch(r"\d+", line) for line in first_lines(page2)), first_lines(page2)
    else:
        assert first_lines(page2, 1) == ["2"]


def repeated_table_headers(plan_path: Path, pages: list[str]) -> Counter:
    """Words of appendix table headers that the PDF repeats on each further page of the table."""
    from kehoach.source.loader import load_path

    def titles(columns):
        for column in columns:
            yield column.title
            yield from titles(column.columns)

    extra: Counter = Counter()
    for appendix in load_path(plan_path).plan.appendices:
        for table in appendix.tables:
            header = Counter(re.findall(r"\w+", " ".join(titles(table.columns))))
            # Columns interleave in the PDF's text, so a page shows the header when it has its words.
            shown = sum(header <= Counter(re.findall(r"\w+", page)) for page in pages)
            for _ in range(max(shown - 1, 0)):
                extra += header
    return extra


def assert_serif_fonts_embedded(pdf_path: Path) -> None:
    rows = embedded_fonts(pdf_path)
    assert rows, "no fonts in the PDF"
    for name, emb in rows:
        assert re.match(r"(TimesNewRoman|LiberationSerif)", name), name
        assert emb == "yes", (name, emb)


# -- a small Decree-30-like .docx made here, so the converter is tested on its own -----------------

def _page_field(paragraph) -> None:
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == " PAGE ":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)


def make_docx(pages: int = 3, marker: str = "") -> bytes:
    """A4 document with ``pages`` pages (explicit breaks), PAGE header hidden on page 1."""
    doc = DocxDocument()
    style = doc.styles["Normal"]
    style.font.name, style.font.size = "Times New Roman", Pt(14)
    fonts_el = style.element.rPr.rFonts
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts_el.set(qn(slot), "Times New Roman")
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.different_first_page_header_footer = True
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_field(header)
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run(QUOC_HIEU).bold = True
    doc.add_paragraph(f"Kế hoạch thử {marker}".strip())
    for page in range(1, pages + 1):
        doc.add_paragraph(f"Nội dung trang {page}. " + "Triển khai thực hiện đúng quy định. " * 10)
        if page < pages:
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_paragraph(SIGNER).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def one_shot_pdf(tmp_path_factory) -> Path:
    if not SOFFICE:
        pytest.skip("LibreOffice (soffice) is not installed")
    target = tmp_path_factory.mktemp("oneshot") / "plan.pdf"
    assert pdf.convert_docx_bytes_to_pdf(make_docx(3), target) == target
    return target


@needs_soffice
@needs_poppler
def test_one_shot_pdf_follows_the_docx_pages(one_shot_pdf):
    assert assert_a4(one_shot_pdf) == 3
    assert_decree_pages(one_shot_pdf)
    assert first_lines(page_text(one_shot_pdf, 3), 1) == ["3"]
    text = " ".join(page_text(one_shot_pdf, 1).split())
    assert QUOC_HIEU in text
    assert SIGNER in " ".join(page_text(one_shot_pdf, 3).split())
    assert_serif_fonts_embedded(one_shot_pdf)
    # Nothing but the PDF is left in the destination folder.
    assert [p.name for p in one_shot_pdf.parent.iterdir()] == ["plan.pdf"]


@needs_soffice
@needs_poppler
def test_warm_converter_matches_one_shot_and_keeps_order(one_shot_pdf, tmp_path):
    docs = [(make_docx(pages, marker=f"số {pages}"), tmp_path / f"doc{pages}.pdf") for pages in (1, 2, 3)]
    with pdf.Converter() as converter:
        assert converter.mode == "listener"
        written = converter.convert_many(docs)
        # A path input works too and the same LibreOffice is reused.
        office = converter._office
        source = tmp_path / "in.docx"
        source.write_bytes(make_docx(3))
        converter.convert_file(source, tmp_path / "from-file.pdf")
        assert converter._office is office
    assert written == [pdf_path for _, pdf_path in docs]
    for pages, pdf_path in zip((1, 2, 3), written):
        assert assert_a4(pdf_path) == pages
        assert f"Kế hoạch thử số {pages}" in page_text(pdf_path, 1)
    # Same layout as the one-shot path: page by page the same text.
    warm = tmp_path / "from-file.pdf"
    assert [page_text(warm, n) for n in (1, 2, 3)] == [page_text(one_shot_pdf, n) for n in (1, 2, 3)]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["doc1.pdf", "doc2.pdf", "doc3.pdf", "in.docx", "from-file.pdf"])


@needs_soffice
@needs_poppler
def test_batch_fallback_converts_a_list_in_one_run(tmp_path):
    docs = [(make_docx(pages, marker=f"số {pages}"), tmp_path / "sub" / f"doc{pages}.pdf") for pages in (2, 1)]
    (tmp_path / "sub").mkdir()  # outputs never create a missing folder (issue 26.9)
    with pdf.Converter(use_listener=False) as converter:
        assert converter.mode == "batch"
        converter.convert_many(docs)
    for pages, (_, pdf_path) in zip((2, 1), docs):
        assert assert_a4(pdf_path) == pages
        assert f"Kế hoạch thử số {pages}" in page_text(pdf_path, 1)


# -- finding LibreOffice and the fonts -------------------------------------------------------------

def _hide_soffice(monkeypatch, tmp_path, candidates=()):
    monkeypatch.delenv("KEHOACH_SOFFICE", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path / "empty-path"))
    monkeypatch.setattr(soffice, "_install_candidates", lambda: list(candidates))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_missing_soffice_exits_2_with_install_commands(monkeypatch, tmp_path, lang):
    _hide_soffice(monkeypatch, tmp_path)
    monkeypatch.setattr(fonts, "installed_serif_family", lambda: "Liberation Serif")
    set_lang(lang)
    try:
        with pytest.raises(KehoachError) as caught:
            pdf.convert_docx_bytes_to_pdf(b"PK", tmp_path / "out.pdf")
    finally:
        set_lang("vi")
    error = caught.value
    assert error.exit_code == 2
    assert [d.code for d in error.diagnostics] == ["KH070"]
    message = error.diagnostics[0].message
    assert "sudo apt-get install libreoffice-writer fonts-liberation" in message
    assert "winget install TheDocumentFoundation.LibreOffice" in message
    assert ("không tìm thấy LibreOffice" if lang == "vi" else "LibreOffice (soffice) was not found") in message
    assert not (tmp_path / "out.pdf").exists()


@needs_soffice
def test_soffice_found_in_install_folder_when_not_on_path(monkeypatch, tmp_path):
    real = Path(SOFFICE).resolve()
    _hide_soffice(monkeypatch, tmp_path, candidates=[tmp_path / "nope" / "soffice", real])
    assert pdf.find_soffice() == real
    monkeypatch.setenv("KEHOACH_SOFFICE", "/opt/custom/soffice")
    assert pdf.find_soffice() == Path("/opt/custom/soffice")


def _executable(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


@pytest.fixture
def fresh_font_cache():
    fonts.installed_serif_family.cache_clear()
    yield
    fonts.installed_serif_family.cache_clear()


@pytest.mark.skipif(sys.platform == "win32", reason="uses a shell script as fake fc-list")
@pytest.mark.parametrize(("listing", "expected"), [
    ("DejaVu Serif\nDejaVu Sans,DejaVu Sans Condensed\n", None),
    ("DejaVu Serif\nLiberation Serif,Liberation Serif Bold\n", "Liberation Serif"),
    ("Times New Roman\nLiberation Serif\n", "Times New Roman"),
    ("Liberation Sans\nTimes New Roman Cyr\n", None),  # a different family, not a prefix match
])
def test_font_check_reads_fc_list(monkeypatch, tmp_path, fresh_font_cache, listing, expected):
    bin_dir = tmp_path / "bin"
    _executable(bin_dir / "fc-list", f"#!/bin/sh\nprintf '%s' '{listing}'\n")
    monkeypatch.setenv("PATH", str(bin_dir))
    monkeypatch.setattr(fonts, "_font_dirs", lambda: [])  # only fc-list may answer
    assert fonts.installed_serif_family() == expected


def test_font_check_without_fontconfig_looks_in_font_folders(monkeypatch, tmp_path, fresh_font_cache):
    monkeypatch.setenv("PATH", str(tmp_path / "empty-path"))
    font_dir = tmp_path / "fonts"
    (font_dir / "truetype" / "dejavu").mkdir(parents=True)
    (font_dir / "truetype" / "dejavu" / "DejaVuSerif.ttf").write_bytes(b"")
    monkeypatch.setattr(fonts, "_font_dirs", lambda: [tmp_path / "missing", font_dir])
    assert fonts.installed_serif_family() is None
    (font_dir / "truetype" / "liberation").mkdir()
    (font_dir / "truetype" / "liberation" / "LiberationSerif-Regular.ttf").write_bytes(b"")
    fonts.installed_serif_family.cache_clear()
    assert fonts.installed_serif_family() == "Liberation Serif"


def test_font_check_result_is_cached(monkeypatch, tmp_path, fresh_font_cache):
    calls = []
    monkeypatch.setattr(fonts, "_families_from_fc_list", lambda fc: calls.append(fc) or {"Liberation Serif"})
    monkeypatch.setattr(fonts.shutil, "which", lambda name: "/usr/bin/fc-list")
    assert fonts.installed_serif_family() == fonts.installed_serif_family() == "Liberation Serif"
    assert len(calls) == 1


def test_missing_fonts_exit_2_before_converting(monkeypatch, tmp_path):
    monkeypatch.setattr(fonts, "installed_serif_family", lambda: None)
    # A converter that would leave a trace if it were started.
    fake = _executable(tmp_path / "soffice", f"#!/bin/sh\ntouch {tmp_path / 'started'}\n")
    monkeypatch.setenv("KEHOACH_SOFFICE", str(fake))
    target = tmp_path / "out.pdf"
    for attempt in (lambda: pdf.convert_docx_bytes_to_pdf(b"PK", target), lambda: pdf.Converter().__enter__()):
        with pytest.raises(KehoachError) as caught:
            attempt()
        assert caught.value.exit_code == 2
        diagnostic = caught.value.diagnostics[0]
        assert diagnostic.code == "KH071"
        assert "sudo apt-get install fonts-liberation" in diagnostic.message
        assert "ttf-mscorefonts-installer" in diagnostic.message
        assert "ngắt dòng" in diagnostic.message  # says why: line breaks would differ
    assert sorted(p.name for p in tmp_path.iterdir()) == ["soffice"]


# -- failures: the converter's own words, timeouts, nothing partial left ---------------------------

@pytest.mark.skipif(sys.platform == "win32", reason="uses a shell script as fake soffice")
def test_converter_failure_shows_its_output(monkeypatch, tmp_path):
    fake = _executable(tmp_path / "bin" / "soffice",
                       "#!/bin/sh\necho 'Warning: failed to launch javaldx - java may not function correctly'\n"
                       "echo 'Error: disk quota exceeded on /home' >&2\nexit 81\n")
    monkeypatch.setenv("KEHOACH_SOFFICE", str(fake))
    target = tmp_path / "out" / "plan.pdf"
    target.parent.mkdir()
    target.write_bytes(b"previous version")
    with pytest.raises(KehoachError) as caught:
        pdf.convert_docx_bytes_to_pdf(make_docx(1), target)
    diagnostic = caught.value.diagnostics[0]
    assert (caught.value.exit_code, diagnostic.code, diagnostic.path) == (2, "KH072", str(target))
    assert "mã thoát 81" in diagnostic.message
    assert "Error: disk quota exceeded on /home" in diagnostic.message
    assert "javaldx" not in diagnostic.message
    assert target.read_bytes() == b"previous version"
    assert [p.name for p in target.parent.iterdir()] == ["plan.pdf"]


@needs_soffice
def test_unreadable_docx_reports_libreoffice_error(tmp_path):
    with pytest.raises(KehoachError) as caught:
        pdf.convert_docx_bytes_to_pdf(b"PK\x03\x04not a docx", tmp_path / "bad.pdf")
    diagnostic = caught.value.diagnostics[0]
    assert diagnostic.code == "KH072"
    assert "source file could not be loaded" in diagnostic.message
    assert list(tmp_path.iterdir()) == []


def _processes_mentioning(text: str) -> list[str]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
            except OSError:
                continue
            if text in cmdline:
                found.append(f"{entry.name}: {cmdline}")
    return found


@needs_soffice
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc to look for leftover processes")
def test_one_shot_timeout_kills_libreoffice_and_writes_nothing(monkeypatch, tmp_path):
    private = tmp_path / "private-tmp"
    private.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(private))
    target = tmp_path / "out" / "plan.pdf"
    started = time.monotonic()
    with pytest.raises(KehoachError) as caught:
        pdf.convert_docx_bytes_to_pdf(make_docx(2), target, timeout=0.3)
    assert time.monotonic() - started < 15
    diagnostic = caught.value.diagnostics[0]
    assert (caught.value.exit_code, diagnostic.code) == (2, "KH073")
    assert "0.3 giây" in diagnostic.message
    assert _processes_mentioning(str(private)) == []
    assert list(private.iterdir()) == []
    assert not target.parent.exists() or list(target.parent.iterdir()) == []


@needs_soffice
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc to look for leftover processes")
def test_warm_converter_recovers_after_timeout_and_bad_input(monkeypatch, tmp_path):
    private = tmp_path / "private-tmp"
    private.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(private))
    out = tmp_path / "out"
    out.mkdir()  # outputs never create a missing folder (issue 26.9)
    with pdf.Converter() as converter:
        converter.timeout = 0.001
        with pytest.raises(KehoachError) as caught:
            converter.convert(make_docx(1), out / "slow.pdf")
        assert caught.value.diagnostics[0].code == "KH073"
        assert converter._office is None  # the stuck LibreOffice was stopped
        converter.timeout = 60
        with pytest.raises(KehoachError) as caught:
            converter.convert(b"PK\x03\x04not a docx", out / "bad.pdf")
        assert caught.value.diagnostics[0].code == "KH072"
        assert caught.value.diagnostics[0].path == str(out / "bad.pdf")
        converter.convert(make_docx(2), out / "good.pdf")  # restarted, still usable
    assert sorted(p.name for p in out.iterdir()) == ["good.pdf"]
    assert len(PdfReader(str(out / "good.pdf")).pages) == 2
    assert _processes_mentioning(str(private)) == []
    assert list(private.iterdir()) == []


@needs_soffice
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc to look for leftover processes")
def test_warm_libreoffice_does_not_outlive_a_killed_worker(tmp_path):
    """A batch worker killed outright (no close()) must not leave its LibreOffice running."""
    private = tmp_path / "private-tmp"
    private.mkdir()
    script = (
        "import os, signal, sys\n"
        "from kehoach.writers import pdf\n"
        "converter = pdf.Converter().__enter__()\n"
        "converter.convert(sys.stdin.buffer.read(), sys.argv[1])\n"
        "print(converter._office.pid, flush=True)\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    result = subprocess.run([sys.executable, "-c", script, str(tmp_path / "a.pdf")], input=make_docx(1),
                            capture_output=True, env={**os.environ, "TMPDIR": str(private)}, timeout=120)
    assert result.returncode == -9, result.stderr
    assert (tmp_path / "a.pdf").is_file()
    deadline = time.monotonic() + 30
    while _processes_mentioning(str(private)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _processes_mentioning(str(private)) == []


def test_output_never_overwrites_the_input(tmp_path, monkeypatch):
    monkeypatch.setattr(fonts, "installed_serif_family", lambda: "Liberation Serif")
    source = tmp_path / "plan.docx"
    source.write_bytes(make_docx(1))
    before = source.read_bytes()
    if not SOFFICE:
        pytest.skip("LibreOffice (soffice) is not installed")
    with pytest.raises(KehoachError) as caught:
        pdf.convert_docx_file_to_pdf(source, source)
    assert caught.value.diagnostics[0].code == "KH011"
    assert source.read_bytes() == before


# -- the examples, built the way users build them ----------------------------------------------------

EXAMPLES = sorted(Path(__file__).resolve().parents[2].joinpath("examples").glob("*.yaml"))


def pdf_pages(pdf_path: Path) -> list[str]:
    return [page_text(pdf_path, n) for n in range(1, len(PdfReader(str(pdf_path)).pages) + 1)]


def load_example(example: Path):
    from kehoach.source.loader import load_path

    loaded = load_path(example)
    assert loaded.plan is not None, [str(d) for d in loaded.diagnostics]
    return loaded.plan


def signer_names(plan) -> list[str]:
    signatures = [plan.signature, plan.decision.signature if plan.decision else None]
    return [s.name for s in signatures if s is not None and s.name]


@pytest.fixture(scope="module")
def built_examples(tmp_path_factory) -> dict[str, dict[str, Path]]:
    """Every example written as .pdf, .docx and .txt the way ``kehoach build -o`` writes them once the
    plan has passed the linter (the linter's verdict on the verbatim seeds is not this file's
    subject); the .docx is also converted by the warm converter."""
    if not SOFFICE:
        pytest.skip("LibreOffice (soffice) is not installed")
    from kehoach.build import write_output

    out = tmp_path_factory.mktemp("examples")
    built: dict[str, dict[str, Path]] = {}
    for example in EXAMPLES:
        plan = load_example(example)
        files = {fmt: write_output(plan, out / f"{example.stem}.{fmt}", fmt, protect=(example,))
                 for fmt in ("pdf", "docx", "txt")}
        built[example.stem] = files
    with pdf.Converter() as converter:
        for files in built.values():
            files["warm"] = converter.convert_file(files["docx"], files["docx"].with_suffix(".warm.pdf"))
    return built


@needs_soffice
@needs_poppler
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_example_pdf(built_examples, example):
    files = built_examples[example.stem]
    pdf_path = files["pdf"]
    page_count = assert_a4(pdf_path)
    pages = pdf_pages(pdf_path)
    assert page_count == len(pages) >= 2
    assert_decree_pages(pdf_path)

    # Page numbers run 2, 3, … after each unnumbered first page (the plan itself, a plan attached to
    # a decision, an appendix): a missing, extra or misnumbered page breaks the sequence.
    previous = None
    for number, text in enumerate(pages, 1):
        top = first_lines(text, 1)[0]
        shown = int(top) if top.isdigit() else None
        if shown is None:
            flat = " ".join(text.split())
            assert number == 1 or QUOC_HIEU in flat or "PHỤ LỤC" in flat.upper(), f"page {number} has no number: {top!r}"
        else:
            assert shown == (previous + 1 if previous else 2), f"page {number} shows {shown}"
        previous = shown

    # Nothing lost, nothing added: the PDF has every word of the text rendering of the same plan,
    # and its only extra words are the page numbers.
    words = lambda text: Counter(re.findall(r"\w+", text))  # noqa: E731
    pdf_words = words("\n".join(pages))
    # A footnote mark reads "[1]" in the .txt; in the PDF the superscript number is glued to the word.
    txt_words = words(re.sub(r"(?<=\S)\[(\d+)\]", r"\1", files["txt"].read_text("utf-8")))
    assert txt_words - pdf_words == Counter()
    numbers_shown = Counter(t for t in (first_lines(p, 1)[0] for p in pages) if t.isdigit())
    assert pdf_words - txt_words <= numbers_shown + repeated_table_headers(example, pages)

    # The length is plausible for 13-14 pt text on A4 (about 1,000-2,500 characters a page).
    chars = [len("".join(text.split())) for text in pages]
    assert 900 <= sum(chars) / page_count <= 2800, chars

    flat = " ".join(" ".join(pages).split())
    assert QUOC_HIEU in " ".join(pages[0].split())
    for name in signer_names(load_example(example)):
        assert name in flat
    assert_serif_fonts_embedded(pdf_path)

    # The warm converter (batch) lays out the same pages as the one-shot build.
    assert pdf_pages(files["warm"]) == pages


@needs_soffice
@needs_poppler
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_example_pdf_has_no_blank_page(built_examples, example):
    pages = pdf_pages(built_examples[example.stem]["pdf"])
    for number, text in enumerate(pages, 1):
        lines = first_lines(text, 2)
        body = lines[1:] if lines and lines[0].isdigit() else lines
        assert body, f"page {number} is blank but for its number"


def test_every_example_is_covered():
    assert len(EXAMPLES) >= 3 and not any(p.parent.name == "batch" for p in EXAMPLES)


def test_build_pdf_without_libreoffice_exits_2(monkeypatch, tmp_path):
    from typer.testing import CliRunner

    from kehoach.cli.main import _register, app

    _register()
    _hide_soffice(monkeypatch, tmp_path)
    target = tmp_path / "out" / "plan.pdf"
    result = CliRunner().invoke(app, ["build", str(EXAMPLES[0]), "-o", str(target)])
    assert result.exit_code == 2, result.output
    assert "KH070" in result.output
    assert "sudo apt-get install libreoffice-writer fonts-liberation" in result.output
    assert "Traceback" not in result.output
    assert not target.exists()


@needs_soffice
@pytest.mark.skipif(not Path("/proc").is_dir() or not hasattr(os, "getuid"), reason="reads /proc; per-user folders")
def test_a_killed_pdf_build_leaves_a_scratch_folder_the_next_run_removes(monkeypatch, tmp_path):
    """SIGKILL of ``kehoach build -o x.pdf`` cannot clean up; its scratch folder is named after its
    PID in a per-user root, and the next conversion removes it once the PID is dead."""
    from kehoach.common import fileio

    private = tmp_path / "private-tmp"
    private.mkdir()
    root = private / f"kehoach-tmp-{os.getuid()}"
    plan = Path(__file__).parents[2] / "examples" / "001-tra-vinh-ldld.yaml"
    proc = subprocess.Popen([str(Path(sys.executable).with_name("kehoach")), "build", str(plan), "-o",
                             str(tmp_path / "x.pdf")], env={**os.environ, "TMPDIR": str(private),
                                                            "KEHOACH_NO_SERVER": "1"},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not (root.is_dir() and list(root.iterdir())) and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.kill()
    proc.wait()
    left = list(root.iterdir())
    assert [p.name.split("-")[:2] for p in left] == [[str(proc.pid), "pdf"]]
    for line in _processes_mentioning(str(private)):  # LibreOffice, orphaned by the kill
        os.kill(int(line.split(":")[0]), 9)
    monkeypatch.setattr(tempfile, "tempdir", str(private))
    old = time.time() - fileio.STALE_SECONDS - 1
    os.utime(left[0], (old, old))
    fresh = fileio.make_scratch("pdf")
    assert not left[0].exists()
    assert list(root.iterdir()) == [fresh]
    fileio.remove_scratch(fresh)
    assert list(private.iterdir()) == []
