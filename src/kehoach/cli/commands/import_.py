"""``kehoach import DOCUMENT… [-o PLAN.yaml]``: existing plans (.docx, .doc, .odt, .txt, .md) → YAML.

Several documents are imported one after the other, each to its own .yaml beside it; a failure on
one is reported and the others go on (exit code: the worst). When two or more of them go through
LibreOffice (.doc, .odt), one sandboxed LibreOffice is kept warm for all of them instead of one
started per file (``writers.pdf.Converter`` with ``importers.convert``'s profile and limits).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import typer

from ...common.diagnostics import Diagnostic, KehoachError, Severity
from ...common.fileio import write_atomic
from ...common.i18n import tr
from ...importers.readers import reader_for, shown_suffixes
from ..app import app
from ..failures import reported
from ..usage import HG


@app.command("import")
def import_(
    documents: list[Path] = typer.Argument(..., help=HG(lambda: (
        f"Văn bản kế hoạch (một hoặc nhiều): {', '.join(shown_suffixes())}.",
        f"The plan documents (one or more): {', '.join(shown_suffixes())}.")), show_default=False),
    output: Path | None = typer.Option(
        None, "-o", "--output", help="Tệp kế hoạch YAML ghi ra (mặc định: cạnh văn bản, đuôi .yaml; chỉ khi nhập một văn bản)."),
    force: bool = typer.Option(False, "--force", help="Ghi đè tệp YAML đã có."),
) -> None:
    """Nhập kế hoạch có sẵn (Word, LibreOffice, văn bản) thành tệp YAML để kiểm tra và dựng lại."""
    if output is not None and len(documents) > 1:
        with reported():
            raise KehoachError([Diagnostic("KH011", tr(
                "-o chỉ dùng khi nhập một văn bản; nhiều văn bản thì mỗi tệp YAML được ghi cạnh văn bản của nó",
                "-o is for one document; with several, each YAML file is written beside its document"),
                Severity.error, str(output))], 2)
    worst = 0
    with _warm_office(documents) as office:
        for document in documents:
            try:
                _import_one(document, output, force, office)
            except typer.Exit as stop:
                worst = max(worst, stop.exit_code)
    if worst:
        raise typer.Exit(worst)


@contextlib.contextmanager
def _warm_office(documents: list[Path]) -> Iterator:
    """A sandboxed warm LibreOffice when two or more documents need one and this machine can drive
    one over UNO; else None (each document then starts its own, as a single import does)."""
    through_office = [d for d in documents if (r := reader_for(d.suffix.lower())) is not None and r.through_libreoffice]
    if len(through_office) < 2:
        yield None
        return
    from ...importers.convert import sandbox_options, write_profile
    from ...writers.pdf import Converter

    converter = Converter(profile_setup=write_profile, office_options=sandbox_options())
    try:
        converter.__enter__()
    except KehoachError:  # no LibreOffice, no serif font, or it did not start: each import says what it needs
        converter.close()  # the scratch folder the attempt made
        yield None
        return
    try:
        yield converter.to_docx if converter.mode == "listener" else None
    finally:
        converter.close()


def _import_one(document: Path, output: Path | None, force: bool, office) -> None:
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
        imported = import_plan(document, soffice=find_soffice, office=office)
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
