"""``kehoach build PLAN [-o OUT]``: write the document an officer signs (.docx, .html, .txt, .pdf)."""

from __future__ import annotations

from pathlib import Path

import typer

from ...build import FORMATS, check_metadata, load_checked_source, resolve_output, write_metadata, write_output
from ..app import app
from ...diagnostics import Diagnostic, KehoachError, Severity
from ...fileio import is_stream
from ...i18n import tr
from ..report import print_text
from .check import internal_error

# Findings on stderr, as ``check`` prints them; batch and units import it from here.
print_diagnostics = print_text


@app.command()
def build(
    plan: Path = typer.Argument(..., help="Tệp kế hoạch YAML; - là đầu vào chuẩn (khi đó cần -o).", metavar="PLAN",
                              show_default=False),
    output: Path | None = typer.Option(
        None, "-o", "--output", metavar="FILE", help="Tệp đầu ra; đuôi .docx/.html/.txt/.pdf chọn định dạng (mặc định: cạnh tệp "
        "kế hoạch, đuôi .docx)."),
    fmt: str | None = typer.Option(
        None, "--format", "-f", metavar="FMT", help=f"Định dạng đầu ra: {' | '.join(FORMATS)} (mặc định theo đuôi tệp đầu ra)."),
    templates: Path | None = typer.Option(
        None, "--templates", metavar="DIR", help="Thư mục mẫu lời văn (.j2) thay cho mẫu mặc định cùng tên."),
    pdf_a: bool | None = typer.Option(
        None, "--pdf-a/--no-pdf-a", help="PDF theo chuẩn PDF/A-2b (nhúng phông, có ô ký số; bản dự thảo có ô số, "
        "ngày để cấp bằng kehoach issue); mặc định theo cấu hình pdf_a.", show_default=False),
    metadata: bool = typer.Option(
        False, "--metadata", help="Ghi kèm thông tin văn bản đi (Phụ lục VI, .metadata.json) và tiêu đề edXML "
        "(.edxml) cho hệ thống quản lý văn bản."),
) -> None:
    """Dựng văn bản từ tệp kế hoạch; từ chối khi kế hoạch còn lỗi."""
    if str(plan) == "-" and output is None:
        raise typer.BadParameter(tr("đọc kế hoạch từ đầu vào chuẩn (-) thì cần -o TỆP",
                                    "a plan read from stdin (-) needs -o FILE"), param_hint="-o")
    try:
        output, fmt = resolve_output(plan, output, fmt)
        if metadata and is_stream(output):  # no "beside the document" for stdout or a device
            raise KehoachError([Diagnostic("KH056", tr(
                "--metadata ghi tệp cạnh văn bản nên cần đầu ra là một tệp (không phải -, thiết bị hay FIFO)",
                "--metadata writes files beside the document, so the output must be a file (not -, a device "
                "or a FIFO)"), Severity.error, str(output))], exit_code=2)
        loaded, findings = load_checked_source(plan)
        data = None
        if metadata:
            data, problems = check_metadata(loaded)
            findings = findings + problems
            if any(d.severity is Severity.error for d in problems):
                raise KehoachError(findings, exit_code=1)  # refused before anything is written
        if findings:  # warnings and notes: shown, but they do not stop the build
            print_text(findings)
        if pdf_a is None:
            from ...lint.config import find_config

            pdf_a = find_config(plan.resolve().parent).pdf_a
        written = write_output(loaded.plan, output, fmt, templates=templates, protect=(plan,), pdf_a=pdf_a)
        extra = write_metadata(data, output, written) if data is not None else []
    except KehoachError as exc:
        print_text(exc.diagnostics)
        raise typer.Exit(exc.exit_code) from None
    except Exception as exc:  # noqa: BLE001 - a bug must still end as a diagnostic, not a traceback
        print_text([internal_error(str(plan), exc)])
        raise typer.Exit(2) from None
    for path in (written, *extra):
        if not is_stream(path):  # the document itself may be on stdout
            typer.echo(str(path))
