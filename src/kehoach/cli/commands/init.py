"""``kehoach init [FILE]``: write a commented starter plan (the ministry appendix's outline)."""

from __future__ import annotations

from pathlib import Path

import typer

from ..app import app
from ...diagnostics import Diagnostic, KehoachError, Severity
from ...fileio import write_atomic
from ...i18n import tr
from ...resources import templates_dir
from ..report import print_text


def starter_plan() -> bytes:
    """The starter plan: situation, goals, solutions, assignments, with the schema modeline first."""
    return (templates_dir() / "init" / "plan.yaml").read_bytes()


@app.command()
def init(
    file: Path = typer.Argument(Path("kehoach.yaml"), help="Tệp kế hoạch mới (mặc định: kehoach.yaml)."),
) -> None:
    """Tạo tệp kế hoạch mẫu có chú thích: tình hình, mục tiêu, giải pháp, tổ chức thực hiện."""
    try:
        if file.exists() or file.is_symlink():
            raise KehoachError([Diagnostic("KH011", tr(
                "tệp đã có; không ghi đè (chọn tên khác hoặc xóa tệp cũ)",
                "the file already exists; not overwriting it (choose another name or remove it)"),
                Severity.error, str(file))], 2)
        write_atomic(file, starter_plan())
    except KehoachError as exc:
        print_text(exc.diagnostics)
        raise typer.Exit(exc.exit_code) from None
    typer.echo(tr("Đã tạo {f}. Gợi ý: chạy `kehoach schema -o kehoach.schema.json` để trình soạn thảo gợi ý "
                  "và kiểm tra khóa; `kehoach check {f}` để kiểm tra.",
                  "Created {f}. Tip: run `kehoach schema -o kehoach.schema.json` for editor completion and "
                  "checks; `kehoach check {f}` to check it.", f=file))
