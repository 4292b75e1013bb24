"""``kehoach tasks PLAN [--format csv|json|ics] [-o OUT]``: the plan's tasks for a task tracker."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from ...diagnostics import Diagnostic, KehoachError, Severity
from ...i18n import tr
from ..app import app
from ..report import print_text
from .check import internal_error

SUFFIXES = {".csv": "csv", ".json": "json", ".ics": "ics"}


def _format_of(output: Path | None, fmt: str | None) -> str:
    from ...writers.tasks import FORMATS

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
    try:
        fmt = _format_of(output, fmt)
        from ...build import load_checked
        from ...fileio import is_stream, write_atomic
        from ...writers.tasks import WRITERS

        loaded_plan, findings = load_checked(plan)
        if findings:
            print_text(findings)
        data = WRITERS[fmt](loaded_plan)
        if output is None:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
            return
        written = write_atomic(output, data, protect=(plan,))
    except KehoachError as exc:
        print_text(exc.diagnostics)
        raise typer.Exit(exc.exit_code) from None
    except Exception as exc:  # noqa: BLE001 - a bug must still end as a diagnostic, not a traceback
        print_text([internal_error(str(plan), exc)])
        raise typer.Exit(2) from None
    if not is_stream(written):
        typer.echo(str(written))
