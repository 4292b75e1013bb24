"""``kehoach build PLAN [-o OUT]``: write the document an officer signs (.docx, .html, .txt, .pdf)."""

from __future__ import annotations

from pathlib import Path

import typer

from ..build import FORMATS, build_file
from ..cli import app
from ..diagnostics import Diagnostic, KehoachError


def print_diagnostics(diagnostics: list[Diagnostic]) -> None:
    """Findings on stderr, as ``check`` prints them (``kehoach.report`` when it is there)."""
    try:
        from ..report import print_text  # type: ignore[attr-defined]
    except ImportError:
        for diagnostic in diagnostics:
            typer.echo(str(diagnostic), err=True)
        return
    print_text(diagnostics)


@app.command()
def build(
    plan: Path = typer.Argument(..., help="Tệp kế hoạch YAML.", show_default=False),
    output: Path | None = typer.Option(
        None, "-o", "--output", help="Tệp đầu ra; đuôi .docx/.html/.txt/.pdf chọn định dạng (mặc định: cạnh tệp "
        "kế hoạch, đuôi .docx)."),
    fmt: str | None = typer.Option(
        None, "--format", "-f", help=f"Định dạng đầu ra: {' | '.join(FORMATS)} (mặc định theo đuôi tệp đầu ra)."),
    templates: Path | None = typer.Option(
        None, "--templates", help="Thư mục mẫu lời văn (.j2) thay cho mẫu mặc định cùng tên."),
) -> None:
    """Dựng văn bản từ tệp kế hoạch; từ chối khi kế hoạch còn lỗi."""
    try:
        written = build_file(plan, output, fmt=fmt, templates=templates)
    except KehoachError as exc:
        print_diagnostics(exc.diagnostics)
        raise typer.Exit(exc.exit_code) from None
    typer.echo(str(written))
