"""``kehoach import DOCUMENT… [-o PLAN.yaml]``: existing plans (.docx, .doc, .odt, .txt, .md) → YAML.

Several documents are imported one after the other, each to its own .yaml beside it; a failure on
one is reported and the others go on (exit code: the worst). When two or more of them go through
LibreOffice (.doc, .odt), one sandboxed LibreOffice is kept warm for all of them instead of one
started per file (``writers.pdf.Converter`` with ``importers.convert``'s profile and limits).

The importer's notes (KH510–KH529) are reported as ``kehoach check`` reports findings, by the same
reporters (``--format json``, ``--output-format github|sarif=FILE``, info severity): each at the line
of its ``# kiểm tra (KH5nn):`` comment in the YAML written (an editor opens it there; a paragraph of a
Word file has no line to open), its message naming the document and the paragraph or table of the
original. ``--select``/``--ignore`` filter what is reported; the YAML keeps every comment, the
officer's review list. Notes never change the exit code: 0, or 2 when a document could not be imported.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ...common.diagnostics import Diagnostic, KehoachError, Severity
from ...common.fileio import is_stdout, write_atomic
from ...common.i18n import tr
from ...importers.readers import reader_for, shown_suffixes
from ..app import app
from ..failures import internal_error, reported
from ..report import FORMATTERS, format_json, format_text, print_text
from ..usage import HG, H
from .check import codes_of, planned_outputs, require_known

if TYPE_CHECKING:
    from ...importers import Imported
    from ...importers.notes import Note

ALSO_IN_YAML = ("; tệp YAML vẫn ghi đủ mọi chú thích '# kiểm tra' (danh sách để rà soát)",
                "; the YAML still holds every note's comment (the list to review)")


@app.command("import", help=H(
    "Nhập kế hoạch có sẵn (Word, LibreOffice, văn bản) thành tệp YAML để kiểm tra và dựng lại.\n\n"
    "Các chỗ cần kiểm tra (mã KH510–KH529, `kehoach rules MÃ` giải thích) được ghi thành chú thích "
    "'# kiểm tra (mã): …' trong tệp YAML và được báo như phát hiện của `kehoach check`: mỗi chỗ ở dòng chú thích "
    "của nó trong tệp YAML (trình soạn thảo mở được đúng dòng đó; một đoạn của tệp Word thì không có dòng để mở), "
    "lời báo nói văn bản nguồn và đoạn hoặc bảng của bản gốc. Chúng không làm lệnh thất bại: mã thoát 0, hoặc 2 "
    "khi có văn bản không nhập được.",
    "Import existing plans (Word, LibreOffice, text) as YAML files to check and build again.\n\n"
    "The places to check (codes KH510-KH529, explained by `kehoach rules CODE`) are written as comments in the "
    "YAML file and reported as `kehoach check` reports findings: each at the line of its comment in the YAML "
    "(an editor opens that line; a paragraph of a Word file has no line to open), the message naming the "
    "source document and the paragraph or table of the original. They do not fail the command: exit code 0, "
    "or 2 when a document could not be imported."))
def import_(
    documents: list[Path] = typer.Argument(..., help=HG(lambda: (
        f"Văn bản kế hoạch (một hoặc nhiều): {', '.join(shown_suffixes())}.",
        f"The plan documents (one or more): {', '.join(shown_suffixes())}.")), show_default=False),
    output: Path | None = typer.Option(
        None, "-o", "--output", help="Tệp kế hoạch YAML ghi ra (mặc định: cạnh văn bản, đuôi .yaml; chỉ khi nhập một văn bản)."),
    force: bool = typer.Option(False, "--force", help="Ghi đè tệp YAML đã có."),
    fmt: str | None = typer.Option(None, "--format", metavar="text|json", help=H(
        "Định dạng ra màn hình: text (mặc định: tóm tắt, các chỗ cần kiểm tra và tên tệp YAML ghi ra) hoặc json "
        "(các chỗ cần kiểm tra của mọi văn bản, như `kehoach check --format json` báo phát hiện).",
        "Format on screen: text (default: the summary, the places to check and the YAML file's name) or json "
        "(the places to check of every document, as `kehoach check --format json` reports findings).")),
    output_format: list[str] = typer.Option([], "--output-format", metavar="FMT[=FILE]", help=H(
        "Định dạng text | json | github | sarif của các ghi chú, ra màn hình hoặc vào FILE; dùng nhiều lần được.",
        "Format text | json | github | sarif of the notes, on screen or into FILE; may be repeated.")),
    select: list[str] | None = typer.Option(None, "--select", metavar="CODES", help=H(
        "Chỉ báo các ghi chú có mã hoặc tiền tố này (KH510–KH529, ví dụ KH52,KH513)" + ALSO_IN_YAML[0] + ".",
        "Report only the notes with these codes or prefixes (KH510–KH529, e.g. KH52,KH513)" + ALSO_IN_YAML[1]
        + ".")),
    ignore: list[str] = typer.Option([], "--ignore", metavar="CODES", help=H(
        "Không báo các ghi chú có mã hoặc tiền tố này (ví dụ KH522)" + ALSO_IN_YAML[0] + ".",
        "Do not report the notes with these codes or prefixes (e.g. KH522)" + ALSO_IN_YAML[1] + ".")),
) -> None:
    outcomes: list[_Outcome] = []
    with reported():
        if fmt is not None and fmt not in ("text", "json"):
            raise typer.BadParameter(tr("định dạng `{n}` không có; chọn: text | json",
                                        "unknown format `{n}`; choose: text | json", n=fmt), param_hint="--format")
        # FMT=- is the screen too: text there is the summary the importer always printed
        outputs = [(name, None if target is not None and is_stdout(target) else target)
                   for name, target in planned_outputs(fmt, output_format)]
        on_screen = [name for name, target in outputs if name != "text" and target is None]
        reports_on_screen = bool(on_screen)
        if output is not None and is_stdout(output) and reports_on_screen:
            raise typer.BadParameter(tr(
                "-o - in tệp YAML ra màn hình, nơi báo cáo {f} cũng in ra; ghi báo cáo vào tệp: FMT=TỆP",
                "-o - prints the YAML on the screen, where the {f} report goes too; write the report into a "
                "file: FMT=FILE", f=on_screen[0]), param_hint="--output-format")
        shown = _note_filter(select, ignore)
        if output is not None and len(documents) > 1:
            raise KehoachError([Diagnostic("KH011", tr(
                "-o chỉ dùng khi nhập một văn bản; nhiều văn bản thì mỗi tệp YAML được ghi cạnh văn bản của nó",
                "-o is for one document; with several, each YAML file is written beside its document"),
                Severity.error, str(output))], 2)
        with _warm_office(documents) as office:
            for document in documents:
                outcome = _import_one(document, output, force, office, shown)
                if not reports_on_screen:
                    _tell(outcome)
                outcomes.append(outcome)
        _report(outcomes, outputs)
    worst = max((outcome.exit_code for outcome in outcomes), default=0)
    if worst:
        raise typer.Exit(worst)


def _note_filter(select: list[str] | None, ignore: list[str]):
    """Which note codes are reported: ``check``'s syntax and prefix semantics (the longer prefix wins),
    without the configuration (its ``select``/``ignore`` are the lint rules'). A code or prefix naming no
    note is a usage error (exit 2)."""
    from ...importers.notes import is_note
    from ...source.config import Config, Selection
    from ..codes import CODES

    if select is None and not ignore:
        return lambda code: True
    require_known({"--select": select, "--ignore": ignore}, [code for code in CODES if is_note(code)], (
        "không có ghi chú nào của lệnh nhập có mã hoặc tiền tố `{c}` (KH510–KH529, xem `kehoach rules`)",
        "no note of the importer has the code or prefix `{c}` (KH510–KH529, see `kehoach rules`)"))
    config = Selection(codes_of(select) if select else None, (), codes_of(ignore)).apply(Config())
    return config.enabled


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


@dataclass
class _Outcome:
    """One document's import: the YAML written and its notes as findings, or why it failed."""

    document: Path
    target: Path
    imported: Imported | None = None
    listed: list[Note] = field(default_factory=list)  # the notes --select/--ignore let through
    hidden: int = 0
    failure: list[Diagnostic] = field(default_factory=list)
    exit_code: int = 0

    @property
    def findings(self) -> list[Diagnostic]:
        """The listed notes as findings, or the failure."""
        if self.imported is None:
            return self.failure
        lines = self.imported.yaml.splitlines()
        return [_finding(note, self.document, self.target, lines) for note in self.listed]


def _import_one(document: Path, output: Path | None, force: bool, office, shown) -> _Outcome:
    from ...importers import import_plan
    from ...writers.pdf import find_soffice

    target = output or document.with_suffix(".yaml")
    outcome = _Outcome(document, target)
    try:
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
    except KehoachError as exc:
        outcome.failure, outcome.exit_code = exc.diagnostics, exc.exit_code
        return outcome
    except Exception as exc:  # noqa: BLE001 - a bug ends as KH000 located at the document, never a traceback
        outcome.failure, outcome.exit_code = [internal_error(str(document), exc)], 2
        return outcome
    outcome.imported = imported
    outcome.listed = [note for note in imported.notes if shown(note.code)]
    outcome.hidden = len(imported.notes) - len(outcome.listed)
    return outcome


def _finding(note: Note, document: Path, target: Path, lines: list[str]) -> Diagnostic:
    """A note as a finding: at its comment in the YAML (the column of its '#'), the plan path and the
    document with its paragraph or table in the message."""
    comment = lines[note.line - 1] if note.line and note.line <= len(lines) else None
    col = comment.index("#") + 1 if comment is not None and "#" in comment else None
    place = ", ".join(part for part in (str(document), note.where) if part)
    return Diagnostic(note.code, f"{_plan_path(note)} ({place}): {note.text}", Severity.info, str(target),
                      note.line, col, comment)


def _plan_path(note: Note) -> str:
    return ".".join(str(p) for p in note.path) or "/"


def _tell(outcome: _Outcome) -> None:
    """The text on the screen, as the importer always said it: the summary and the places to check on
    stderr, the YAML's name on stdout (or the document's errors)."""
    from ...importers.notes import by_code

    if outcome.imported is None:
        print_text(outcome.failure)
        return
    err = typer.echo
    err(tr("Đã nhận ra: {s}", "Recognised: {s}", s="; ".join(outcome.imported.summary)), err=True)
    listed = outcome.listed
    if listed:
        counts = ", ".join(f"{code} ×{n}" for code, n in by_code(listed))
        err(tr("{n} chỗ cần kiểm tra ({c}; ghi '# kiểm tra (mã):' trong tệp, `kehoach rules MÃ` giải thích):",
               "{n} places to check ({c}; marked '# kiểm tra (code):' in the file, `kehoach rules CODE` explains):",
               n=len(listed), c=counts), err=True)
        for note in sorted(listed, key=lambda n: n.line or 0):  # as findings: file:line: CODE
            at = f" ({note.where})" if note.where else ""
            line = f"{outcome.target}:{note.line}: " if note.line else ""
            err(f"  {line}{note.code} {_plan_path(note)}{at}: {note.text}", err=True)
    if outcome.hidden:
        err(tr("{n} chỗ cần kiểm tra khác không liệt kê (--select/--ignore); tệp vẫn ghi đủ.",
               "{n} more places to check not listed (--select/--ignore); the file still marks them all.",
               n=outcome.hidden), err=True)
    typer.echo(str(outcome.target))


def _report(outcomes: list[_Outcome], outputs: list[tuple[str, Path | None]]) -> None:
    """Every report but the screen's text: the notes (and the failures) of all the documents, written by
    ``kehoach check``'s reporters; json adds ``imports``, one entry per document."""
    wanted = [(name, target) for name, target in outputs if not (name == "text" and target is None)]
    if not wanted:
        return
    diagnostics = [finding for outcome in outcomes for finding in outcome.findings]
    files = [str(outcome.document) for outcome in outcomes]
    imports = [{"document": str(outcome.document),
                "plan": str(outcome.target) if outcome.imported is not None else None,
                "recognised": outcome.imported.summary if outcome.imported is not None else [],
                "notes": len(outcome.imported.notes) if outcome.imported is not None else 0,
                "hidden": outcome.hidden} for outcome in outcomes]
    protect = (*(o.document for o in outcomes), *(o.target for o in outcomes if o.imported is not None))
    for name, target in wanted:
        if name == "json":
            rendered = format_json(diagnostics, files, extra={"imports": imports})
        elif name == "text":
            rendered = format_text(diagnostics, files)
        else:
            rendered = FORMATTERS[name](diagnostics, files)
        if target is None:
            sys.stdout.write(rendered)
            sys.stdout.flush()
        else:
            write_atomic(target, rendered.encode("utf-8"), protect=protect, make_parents=True)
