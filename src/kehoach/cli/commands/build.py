"""``kehoach build PLAN [-o OUT]``: write the document an officer signs (.docx, .html, .txt, .pdf)."""

from __future__ import annotations

from pathlib import Path

import typer

from ...build import FORMATS, load_checked, resolve_output, write_output
from ..app import app
from ...diagnostics import KehoachError
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
) -> None:
    """Dựng văn bản từ tệp kế hoạch; từ chối khi kế hoạch còn lỗi."""
    if str(plan) == "-" and output is None:
        raise typer.BadParameter(tr("đọc kế hoạch từ đầu vào chuẩn (-) thì cần -o TỆP",
                                    "a plan read from stdin (-) needs -o FILE"), param_hint="-o")
    try:
        output, fmt = resolve_output(plan, output, fmt)
        loaded_plan, findings = load_checked(plan)
        if findings:  # warnings and notes: shown, but they do not stop the build
            print_text(findings)
        written = write_output(loaded_plan, output, fmt, templates=templates, protect=(plan,))
    except KehoachError as exc:
        print_text(exc.diagnostics)
        raise typer.Exit(exc.exit_code) from None
    except Exception as exc:  # noqa: BLE001 - a bug must still end as a diagnostic, not a traceback
        print_text([internal_error(str(plan), exc)])
        raise typer.Exit(2) from None
    typer.echo(str(written))
