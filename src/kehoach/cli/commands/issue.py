"""``kehoach issue FILE.pdf --number N --date YYYY-MM-DD [-o OUT]``: the văn thư numbers and dates a
signed draft (writers/pdf_issue), keeping every signature already on it valid."""

from __future__ import annotations

from pathlib import Path

import typer

from ...common.diagnostics import Diagnostic, KehoachError, Severity
from ...common.i18n import tr
from ..app import app
from ..report import print_text
from .check import internal_error

MAX_PDF_BYTES = 200 * 1024 * 1024  # a plan with appendices is a few MB; more is the wrong file


def default_output(pdf: Path) -> Path:
    """Beside the draft: plan.pdf → plan.issued.pdf (the draft itself is kept)."""
    return pdf.with_name(f"{pdf.stem}.issued{pdf.suffix or '.pdf'}")


def _read(pdf: Path) -> bytes:
    try:
        if pdf.stat().st_size > MAX_PDF_BYTES:
            raise KehoachError([Diagnostic("KH074", tr(
                "tệp PDF lớn quá {m} MB; có lẽ chọn nhầm tệp", "the PDF is larger than {m} MB; perhaps the wrong file",
                m=MAX_PDF_BYTES // (1024 * 1024)), Severity.error, str(pdf))], exit_code=2)
        return pdf.read_bytes()
    except OSError as exc:
        raise KehoachError([Diagnostic("KH010", tr("không đọc được tệp: {e}", "cannot read the file: {e}",
                                                   e=exc.strerror or exc), Severity.error, str(pdf))],
                           exit_code=2) from None


@app.command()
def issue(
    pdf: Path = typer.Argument(..., help="Tệp PDF/A dự thảo (dựng bằng kehoach build --pdf-a), đã hoặc chưa ký.",
                               metavar="FILE.pdf", show_default=False),
    number: str = typer.Option(..., "--number", "-n", help="Số văn bản do văn thư cấp (chữ số Ả Rập).",
                               show_default=False),
    date: str = typer.Option(..., "--date", "-d", help="Ngày ban hành, dạng NĂM-THÁNG-NGÀY (ví dụ 2026-12-05).",
                             show_default=False),
    output: Path | None = typer.Option(
        None, "-o", "--output", metavar="FILE",
        help="Tệp ghi ra (mặc định: cạnh tệp vào, đuôi .issued.pdf); ghi đè tệp vào chỉ khi -o chính là tệp đó."),
) -> None:
    """Cấp số và ngày cho văn bản PDF đã ký, giữ nguyên hiệu lực các chữ ký số đã có."""
    try:
        from ...common.fileio import write_atomic
        from ...writers.pdf_issue import issue_pdf, number_text, parse_date

        number_text(number, pdf)  # a bad number or date is refused before the PDF is read
        day = parse_date(date, pdf)
        data = _read(pdf)
        target = output if output is not None else default_output(pdf)
        # -o naming the input is the văn thư's explicit choice: the update only appends to it.
        protect = () if output is not None and output.resolve() == pdf.resolve() else (pdf,)
        written = write_atomic(target, issue_pdf(data, number, day, path=pdf), protect=protect)
    except KehoachError as exc:
        print_text(exc.diagnostics)
        raise typer.Exit(exc.exit_code) from None
    except Exception as exc:  # noqa: BLE001 - a bug must still end as a diagnostic, not a traceback
        print_text([internal_error(str(pdf), exc)])
        raise typer.Exit(2) from None
    from ...common.fileio import is_stream

    if not is_stream(written):
        typer.echo(str(written))
