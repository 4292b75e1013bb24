"""``kehoach build PLAN [-o OUT]``: write the document an officer signs (.docx, .html, .txt, .pdf)."""

from __future__ import annotations

from pathlib import Path

import typer

from ...common.diagnostics import Code, Diagnostic, KehoachError, Severity
from ...common.fileio import is_stream
from ...common.i18n import tr
from ...pipeline.formats import WRITERS, resolve_output, suffixes
from ..app import app
from ..failures import reported
from ..report import print_text
from ..usage import HG
from .check import EXTEND_SELECT_OPTION, IGNORE_OPTION, SELECT_OPTION, selection_of


# The code raised here, explained by ``kehoach rules`` (cli/codes.py gathers it).
CODES = (
    Code("KH056", "error", "--metadata cần đầu ra là tệp", "--metadata needs a file output",
         "--metadata ghi tệp thông tin văn bản cạnh văn bản, nên đầu ra (-o) phải là một tệp, không phải -, thiết bị "
         "hay FIFO.",
         "--metadata writes its files beside the document, so the output (-o) must be a file, not -, a device or "
         "a FIFO."),
)

# Findings on stderr, as ``check`` prints them; batch and units import it from here.
print_diagnostics = print_text


@app.command()
def build(
    plan: Path = typer.Argument(..., help="Tệp kế hoạch YAML; - là đầu vào chuẩn (khi đó cần -o).", metavar="PLAN",
                              show_default=False),
    output: Path | None = typer.Option(
        None, "-o", "--output", metavar="FILE", help=HG(lambda: (
            f"Tệp đầu ra; đuôi {'/'.join(suffixes())} chọn định dạng (mặc định: cạnh tệp kế hoạch, đuôi .docx).",
            f"Output file; its suffix {'/'.join(suffixes())} picks the format (default: beside the plan, .docx)."))),
    fmt: str | None = typer.Option(
        None, "--format", "-f", metavar="FMT", help=HG(lambda: (
            f"Định dạng đầu ra: {' | '.join(WRITERS)} (mặc định theo đuôi tệp đầu ra).",
            f"Output format: {' | '.join(WRITERS)} (default: from the output file's suffix)."))),
    templates: Path | None = typer.Option(
        None, "--templates", metavar="DIR", help="Thư mục mẫu lời văn (.j2) thay cho mẫu mặc định cùng tên."),
    pdf_a: bool | None = typer.Option(
        None, "--pdf-a/--no-pdf-a", help="PDF theo chuẩn PDF/A-2b (nhúng phông, có ô ký số; bản dự thảo có ô số, "
        "ngày để cấp bằng kehoach issue); mặc định theo cấu hình pdf_a.", show_default=False),
    metadata: bool = typer.Option(
        False, "--metadata", help="Ghi kèm thông tin văn bản đi (Phụ lục VI, .metadata.json) và tiêu đề edXML "
        "(.edxml) cho hệ thống quản lý văn bản."),
    select: list[str] | None = SELECT_OPTION,
    extend_select: list[str] = EXTEND_SELECT_OPTION,
    ignore: list[str] = IGNORE_OPTION,
) -> None:
    """Dựng văn bản từ tệp kế hoạch; từ chối khi kế hoạch còn lỗi."""
    if str(plan) == "-" and output is None:
        raise typer.BadParameter(tr("đọc kế hoạch từ đầu vào chuẩn (-) thì cần -o TỆP",
                                    "a plan read from stdin (-) needs -o FILE"), param_hint="-o")
    from ...pipeline.check import check_path
    from ...pipeline.metadata import check_metadata, write_metadata
    from ...pipeline.render import write_output

    with reported(plan):
        output, fmt = resolve_output(plan, output, fmt)
        if metadata and is_stream(output):  # no "beside the document" for stdout or a device
            raise KehoachError([Diagnostic("KH056", tr(
                "--metadata ghi tệp cạnh văn bản nên cần đầu ra là một tệp (không phải -, thiết bị hay FIFO)",
                "--metadata writes files beside the document, so the output must be a file (not -, a device "
                "or a FIFO)"), Severity.error, str(output))], exit_code=2)
        checked = check_path(plan, selection=selection_of(select, extend_select, ignore)).require_clean()
        findings = checked.findings
        data = None
        if metadata:
            data, problems = check_metadata(checked.loaded, checked.config)
            findings = findings + problems
            if any(d.severity is Severity.error for d in problems):
                raise KehoachError(findings, exit_code=1)  # refused before anything is written
        if findings:  # warnings and notes: shown, but they do not stop the build
            print_text(findings)
        if pdf_a is None:
            pdf_a = checked.config.pdf_a if checked.config else False
        written = write_output(checked.loaded.plan, output, fmt, templates=checked.templates(templates),  # type: ignore[arg-type]
                               protect=(plan,), pdf_a=pdf_a)
        extra = write_metadata(data, output, written) if data is not None else []
    for path in (written, *extra):
        if not is_stream(path):  # the document itself may be on stdout
            typer.echo(str(path))
