"""``kehoach tasks PLAN [--format csv|json|ics] [-o OUT]``: the plan's tasks for a task tracker."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from ...common.diagnostics import Code, Diagnostic, KehoachError, Severity
from ...common.i18n import tr
from ..app import app
from ..failures import reported
from ..report import print_text


# The code raised here, explained by ``kehoach rules`` (cli/codes.py gathers it).
CODES = (
    Code("KH053", "error", "Định dạng danh mục nhiệm vụ không hỗ trợ", "Unsupported task export format",
         "`kehoach tasks` ghi .csv, .json hoặc .ics; đổi đuôi tệp đầu ra hoặc --format.",
         "`kehoach tasks` writes .csv, .json or .ics; change the output suffix or --format."),
)

SUFFIXES = {".csv": "csv", ".json": "json", ".ics": "ics"}


def _format_of(output: Path | None, fmt: str | None) -> str:
    from ...exporters.tasks import FORMATS

    if fmt is None:
        # no file name to read a suffix from (the screen, or `-o -`): CSV, as without -o
        fmt = SUFFIXES.get(output.suffix.lower(), "") if output is not None and str(output) != "-" else "csv"
    if fmt not in FORMATS:
        raise KehoachError([Diagnostic("KH053", tr(
            "định dạng danh mục nhiệm vụ không hỗ trợ: {f} (chọn: csv, json, ics)",
            "unsupported task export format: {f} (choose csv, json or ics)", f=fmt or str(output)),
            Severity.error, str(output) if output else None)])
    return fmt


@app.command()
def tasks(
    plan: Path = typer.Argument(..., help="Tệp kế hoạch YAML.", show_default=False),
    output: Path | None = typer.Option(
        None, "-o", "--output", help="Tệp đầu ra; đuôi .csv/.json/.ics chọn định dạng (mặc định: in ra màn hình)."),
    fmt: str | None = typer.Option(
        None, "--format", "-f", help="csv | json | ics (mặc định theo đuôi tệp đầu ra, không có thì csv)."),
) -> None:
    """Xuất danh mục nhiệm vụ (nội dung, chủ trì, phối hợp, thời hạn, sản phẩm) cho hệ thống theo dõi."""
    from ...common.fileio import is_stream, write_atomic
    from ...pipeline.check import check_path

    with reported(plan):
        fmt = _format_of(output, fmt)
        from ...exporters.tasks import WRITERS

        checked = check_path(plan).require_clean()
        if checked.findings:
            print_text(checked.findings)
        data = WRITERS[fmt](checked.loaded.plan)
        if output is None:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
            return
        written = write_atomic(output, data, protect=(plan,))
    if not is_stream(written):
        typer.echo(str(written))
