"""``kehoach import DOCUMENT [-o PLAN.yaml]``: an existing plan (.docx, .doc, .odt, .txt, .md) → YAML."""

from __future__ import annotations

from pathlib import Path

import typer

from ...common.diagnostics import Diagnostic, KehoachError, Severity
from ...common.fileio import write_atomic
from ...common.i18n import tr
from ...importers.readers import shown_suffixes
from ..app import app
from ..failures import reported
from ..usage import HG


@app.command("import")
def import_(
    document: Path = typer.Argument(..., help=HG(lambda: (f"Văn bản kế hoạch: {', '.join(shown_suffixes())}.",
                                                         f"The plan document: {', '.join(shown_suffixes())}.")),
                                    show_default=False),
    output: Path | None = typer.Option(
        None, "-o", "--output", help="Tệp kế hoạch YAML ghi ra (mặc định: cạnh văn bản, đuôi .yaml)."),
    force: bool = typer.Option(False, "--force", help="Ghi đè tệp YAML đã có."),
) -> None:
    """Nhập một kế hoạch có sẵn (Word, LibreOffice, văn bản) thành tệp YAML để kiểm tra và dựng lại."""
    from ...importers import import_plan
    from ...importers.notes import by_code
    from ...writers.pdf import find_soffice

    with reported(document):
        target = output or document.with_suffix(".yaml")
        if target.resolve() == document.resolve():
            raise KehoachError([Diagnostic("KH011", tr(
                "tệp ghi ra trùng với văn bản nguồn", "the output file is the source document"),
                Severity.error, str(target))], 2)
        if (target.exists() or target.is_symlink()) and not force:
            raise KehoachError([Diagnostic("KH011", tr(
                "tệp đã có; không ghi đè (dùng --force để ghi đè, hoặc -o tên khác)",
                "the file already exists; not overwriting it (use --force, or -o another name)"),
                Severity.error, str(target))], 2)
        imported = import_plan(document, soffice=find_soffice)
        write_atomic(target, imported.yaml.encode("utf-8"), protect=(document,))
    err = typer.echo
    err(tr("Đã nhận ra: {s}", "Recognised: {s}", s="; ".join(imported.summary)), err=True)
    if imported.notes:
        counts = ", ".join(f"{code} ×{n}" for code, n in by_code(imported.notes))
        err(tr("{n} chỗ cần kiểm tra ({c}; ghi '# kiểm tra (mã):' trong tệp, `kehoach rules MÃ` giải thích):",
               "{n} places to check ({c}; marked '# kiểm tra (code):' in the file, `kehoach rules CODE` explains):",
               n=len(imported.notes), c=counts), err=True)
        for note in sorted(imported.notes, key=lambda n: n.line or 0):  # as findings: file:line: CODE
            where = ".".join(str(p) for p in note.path) or "/"
            at = f" ({note.where})" if note.where else ""
            line = f"{target}:{note.line}: " if note.line else ""
            err(f"  {line}{note.code} {where}{at}: {note.text}", err=True)
    typer.echo(str(target))
