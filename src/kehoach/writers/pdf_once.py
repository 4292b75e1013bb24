"""PDF from one ``soffice --convert-to`` run (about 1.5 s, mostly LibreOffice's start-up): a single
``kehoach build -o plan.pdf``, and the warm ``pdf.Converter``'s fallback where no Python can drive
LibreOffice over UNO. The inputs are staged under unique names in a private temporary folder, and
every PDF is written with ``write_atomic`` once all of them exist: all PDFs or none.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

from ..common.fileio import make_scratch, remove_scratch, write_atomic
from ..common.i18n import tr
from .fonts import require_serif_font
from .pdf_stamp import reproducible, stamp_time
from ..common.process import kill_tree
from .soffice import clean_output, failure, find_soffice, popen, profile_arg, with_output

DEFAULT_TIMEOUT = 120.0  # seconds for one document (or one soffice run)
PDF_FILTER = "writer_pdf_Export"
# PDF/A-2b (ISO 19005-2, level B) for signing and archiving: LibreOffice embeds every font, writes
# the sRGB output intent and the XMP identification. Tagged PDF helps screen readers. The docx's
# bookmarks become named destinations: where writers/pdf_fields puts the signing fields.
PDF_A_OPTIONS = {"SelectPdfVersion": 2, "UseTaggedPDF": True, "ExportBookmarksToPDFDestination": True}

DocxSource = bytes | Path


def _filter_arg(pdf_a: bool) -> str:
    """The --convert-to argument; filter options as JSON (LibreOffice 7.4 and later)."""
    if not pdf_a:
        return f"pdf:{PDF_FILTER}"
    options = {name: {"type": "boolean" if isinstance(value, bool) else "long", "value": str(value).lower()
                      if isinstance(value, bool) else str(value)} for name, value in PDF_A_OPTIONS.items()}
    return f"pdf:{PDF_FILTER}:{json.dumps(options, separators=(',', ':'))}"


def finished(pdf: bytes, created: dt.datetime | None, pdf_a: bool = False) -> bytes:
    """Reproducible bytes; a PDF/A also gets its signing fields (writers/pdf_fields)."""
    return reproducible(pdf, created or stamp_time(None), fields=pdf_a)


def stage(items: list[tuple[DocxSource, Path]], folder: Path) -> list[Path]:
    """Copy the inputs under unique names, so that two documents called plan.docx cannot collide."""
    folder.mkdir(parents=True, exist_ok=True)
    staged = []
    for index, (source, _pdf) in enumerate(items):
        target = folder / f"{index:05d}.docx"
        if isinstance(source, bytes):
            target.write_bytes(source)
        else:
            try:
                shutil.copyfile(source, target)
            except OSError as exc:
                raise failure("KH072", tr("không đọc được tệp .docx: {e}", "cannot read the .docx file: {e}",
                                          e=exc.strerror or exc), source) from None
        staged.append(target)
    return staged


def convert_in_one_run(items: list[tuple[DocxSource, Path]], *, timeout: float,
                       protect: tuple[Path, ...] = (), pdf_a: bool = False,
                       created: dt.datetime | None = None) -> list[Path]:
    """Convert every item with a single ``soffice --convert-to`` run; write all PDFs or none."""
    if not items:
        return []
    require_serif_font()
    soffice = find_soffice()
    tmp_dir = make_scratch("pdf")
    try:
        staged = stage(items, tmp_dir / "in")
        out_dir = tmp_dir / "out"
        args = [str(soffice), "--headless", "--norestore", "--nolockcheck", "--nodefault", "--nologo",
                profile_arg(tmp_dir / "profile"), "--convert-to", _filter_arg(pdf_a),
                "--outdir", str(out_dir), *map(str, staged)]
        try:
            proc = popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        except OSError as exc:
            raise failure("KH072", tr("không chạy được LibreOffice ({p}): {e}", "cannot run LibreOffice ({p}): {e}",
                                      p=soffice, e=exc.strerror or exc)) from None
        try:
            raw, _ = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            kill_tree(proc)
            raise failure("KH073", tr(
                "LibreOffice chưa chuyển xong sang PDF sau {t:g} giây nên đã bị dừng; không ghi tệp PDF nào",
                "LibreOffice did not finish the PDF conversion within {t:g} seconds and was stopped; "
                "no PDF was written", t=timeout), items[0][1]) from None
        except BaseException:  # Ctrl-C: never leave a LibreOffice behind
            kill_tree(proc)
            raise
        output = clean_output(raw)
        produced = [out_dir / f"{path.stem}.pdf" for path in staged]
        missing = [pdf for (_src, pdf), made in zip(items, produced) if not made.is_file()]
        if proc.returncode != 0 or missing:
            raise failure("KH072", with_output(tr(
                "LibreOffice không tạo được PDF (mã thoát {rc})", "LibreOffice did not produce the PDF (exit code {rc})",
                rc=proc.returncode), output), (missing or [items[0][1]])[0])
        return [write_atomic(pdf, finished(made.read_bytes(), created, pdf_a), protect=protect)
                for (_src, pdf), made in zip(items, produced)]
    finally:
        remove_scratch(tmp_dir)


def convert_docx_bytes_to_pdf(docx_bytes: bytes, pdf_path: str | Path, *, timeout: float = DEFAULT_TIMEOUT,
                              protect: tuple[Path, ...] = (), pdf_a: bool = False,
                              created: dt.datetime | None = None) -> Path:
    """Convert one .docx (as bytes) to ``pdf_path`` with a one-off LibreOffice run; ``created`` is the
    date stamped in the PDF (default: SOURCE_DATE_EPOCH or a fixed date), ``pdf_a`` asks for PDF/A-2b."""
    return convert_in_one_run([(docx_bytes, Path(pdf_path))], timeout=timeout, protect=protect, pdf_a=pdf_a,
                              created=created)[0]


def convert_docx_file_to_pdf(docx_path: str | Path, pdf_path: str | Path, *, timeout: float = DEFAULT_TIMEOUT,
                             protect: tuple[Path, ...] = ()) -> Path:
    """Convert one .docx file to ``pdf_path`` with a one-off LibreOffice run."""
    return convert_in_one_run([(Path(docx_path), Path(pdf_path))], timeout=timeout,
                              protect=(Path(docx_path), *protect))[0]
