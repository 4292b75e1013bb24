"""``kehoach init [FILE]``: write a commented starter plan (the ministry appendix's outline)."""

from __future__ import annotations

from pathlib import Path

import typer

from ...common.diagnostics import Diagnostic, KehoachError, Severity
from ...common.fileio import write_atomic
from ...common.i18n import tr
from ...common.resources import templates_dir
from ..app import app
from ..failures import reported

SCHEMA_FILE = "kehoach.schema.json"  # where the starter's modeline points: beside the plan


def starter_plan() -> bytes:
    """The starter plan: situation, goals, solutions, assignments, with the schema modeline first."""
    return (templates_dir() / "init" / "plan.yaml").read_bytes()


@app.command()
def init(
    file: Path = typer.Argument(Path("kehoach.yaml"), help="Tệp kế hoạch mới (mặc định: kehoach.yaml)."),
) -> None:
    """Tạo tệp kế hoạch mẫu có chú thích: tình hình, mục tiêu, giải pháp, tổ chức thực hiện."""
    with reported():
        if file.exists() or file.is_symlink():
            raise KehoachError([Diagnostic("KH011", tr(
                "tệp đã có; không ghi đè (chọn tên khác hoặc xóa tệp cũ)",
                "the file already exists; not overwriting it (choose another name or remove it)"),
                Severity.error, str(file))], 2)
        write_atomic(file, starter_plan())
        schema_state = sync_schema(file.parent / SCHEMA_FILE)
    schema_words = {
        "written": tr("đã ghi {s}", "wrote {s}"),
        "updated": tr("đã cập nhật {s} theo phiên bản kehoach này", "updated {s} to this kehoach version"),
        "current": tr("{s} đã đúng phiên bản", "{s} is up to date"),
    }[schema_state].format(s=file.parent / SCHEMA_FILE)
    typer.echo(tr("Đã tạo {f}; {s} (lược đồ cho trình soạn thảo: gợi ý khóa, mô tả tiếng Việt). "
                  "Điền các chỗ '...' rồi chạy `kehoach check {f}`.",
                  "Created {f}; {s} (the schema editors use for completion and Vietnamese help). "
                  "Fill in the '...' then run `kehoach check {f}`.", f=file, s=schema_words))


def sync_schema(target: Path) -> str:
    """Write the JSON Schema the starter's modeline names, or bring it up to date; returns
    "written", "updated" or "current"."""
    from .schema import schema_text

    text = schema_text().encode("utf-8")
    try:
        current = target.read_bytes()
    except FileNotFoundError:
        current = None
    except OSError:
        current = b""
    if current == text:
        return "current"
    write_atomic(target, text)
    return "written" if current is None else "updated"
