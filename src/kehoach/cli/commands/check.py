"""``kehoach check PATH…``: load, validate and lint plans; report in text, json, github or sarif.

Exit codes a CI can trust: 0 clean, 1 findings (errors; warnings too with ``--strict``), 2 usage
error, unreadable input (KH0xx) or an internal error (KH000). Info notes never fail a run.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

import typer

from ..app import app
from ...diagnostics import Diagnostic, KehoachError, Severity
from ...fileio import write_atomic
from ...i18n import tr
from ...source.loader import Loaded, load_path
from ..usage import CLICK_EXCEPTION
from ..report import FORMATS, FORMATTERS, format_json, format_text, print_text, use_color

@dataclass
class CheckRun:
    """What checking a set of paths found."""

    files: list[str] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    loaded: list[Loaded] = field(default_factory=list)
    unreadable: bool = False  # a path could not be read, or the environment failed: exit 2

    def exit_code(self, *, strict: bool) -> int:
        if self.unreadable:
            return 2
        failing = {Severity.error, Severity.warning} if strict else {Severity.error}
        return 1 if any(d.severity in failing for d in self.diagnostics) else 0


def _is_reading_failure(diag: Diagnostic) -> bool:
    """KH0xx errors: the file (or a profile, a font, the configuration) could not be read."""
    return diag.severity is Severity.error and diag.code.startswith("KH0")


def plan_files(paths: list[Path], *, force_exclude: bool = False) -> tuple[list[Path], list[Diagnostic]]:
    """The files to check: each file as given (filtered like a folder's with ``force_exclude``),
    each folder searched recursively for plans (lint.discovery: names, content, include/exclude,
    .gitignore). Raises KehoachError for a broken configuration."""
    from ...lint.discovery import named_file_selected, plans_in

    files: list[Path] = []
    problems: list[Diagnostic] = []
    for path in paths:
        if path.is_dir():
            found = plans_in(path)
            if not found and not force_exclude:
                problems.append(Diagnostic("KH010", tr(
                    "thư mục không có tệp kế hoạch nào (*.kehoach.yaml, hoặc tệp .yaml/.yml có khóa "
                    "`letterhead`; xem `include` trong kehoach.toml)",
                    "the folder has no plan files (*.kehoach.yaml, or .yaml/.yml files with a `letterhead` "
                    "key; see `include` in kehoach.toml)"), Severity.error, str(path)))
            files.extend(found)
        elif str(path) == "-" or not force_exclude or not path.is_file() or named_file_selected(path):
            files.append(path)  # a missing file is reported by load_path (KH010)
    return files, problems


def internal_error(path: str | None, exc: BaseException) -> Diagnostic:
    return Diagnostic("KH000", tr(
        "lỗi nội bộ của kehoach ({t}: {e}); xin báo lỗi kèm tệp này",
        "kehoach internal error ({t}: {e}); please report it with this file",
        t=type(exc).__name__, e=exc), Severity.error, path)


def check_paths(paths: list[Path], *, profile: str | None = None, force_exclude: bool = False) -> CheckRun:
    from ...lint import lint  # the rule engine (issue 4)

    run = CheckRun()
    try:
        files, problems = plan_files(paths, force_exclude=force_exclude)
    except KehoachError as exc:  # a broken kehoach.toml: the environment, exit 2
        files, problems = [], exc.diagnostics
    run.diagnostics += problems
    run.unreadable = bool(problems)
    for path in files:
        run.files.append(str(path))
        try:
            loaded = load_path(path)
            found = list(loaded.diagnostics)
            if loaded.plan is not None:
                found += lint(loaded, profile=profile)
            run.loaded.append(loaded)
        except KehoachError as exc:  # a broken profile or configuration: the environment, exit 2
            found = exc.diagnostics
            run.unreadable = True
        except Exception as exc:  # noqa: BLE001 - never a traceback: report it, located at the file
            found = [internal_error(str(path), exc)]
        run.diagnostics += found
        if any(_is_reading_failure(d) for d in found):
            run.unreadable = True
    return run


def _reader_left() -> None:
    """The reader of the report went away (`kehoach check | head`): end quietly with 0, as ruff does.
    Standard output is pointed at the null device so that the final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
    raise typer.Exit(0)


def parse_output_format(value: str) -> tuple[str, Path | None]:
    """``sarif=out.sarif`` → ("sarif", Path("out.sarif")); ``json`` → ("json", None)."""
    name, _, target = value.partition("=")
    name = name.strip().lower()
    if name not in FORMATS:
        raise typer.BadParameter(tr("định dạng `{n}` không có; chọn: {c}", "unknown format `{n}`; choose: {c}",
                                    n=name, c=" | ".join(FORMATS)), param_hint="--output-format")
    if _ and not target:
        raise typer.BadParameter(tr("thiếu tên tệp sau '='", "missing file name after '='"),
                                 param_hint="--output-format")
    return name, Path(target) if target else None


def _coverage_report(run: CheckRun, profile: str | None) -> tuple[str, dict]:
    """Profile coverage of every valid plan, as text and as data."""
    try:
        from ...lint.profiles import UnknownProfile, coverage
    except ImportError:
        raise KehoachError([Diagnostic("KH000", tr(
            "--coverage chưa dùng được: thiếu mô-đun hồ sơ (kehoach.profiles)",
            "--coverage is not available: the profiles module (kehoach.profiles) is missing"))], 2) from None
    texts, data = [], {}
    for loaded in run.loaded:
        if loaded.plan is None:
            continue
        try:
            result = coverage(loaded, profile)
        except UnknownProfile as exc:
            raise KehoachError([Diagnostic("KH021", tr("không tìm thấy hồ sơ `{p}`", "profile `{p}` not found",
                                                       p=exc), Severity.error, loaded.source.path)], 2) from None
        texts.append(f"{loaded.source.path}\n{result.render_text()}")
        data[str(loaded.source.path)] = result.to_dict()
    return "\n".join(texts), data


def _fix(run: CheckRun, *, write: bool, unsafe: bool, profile: str | None) -> str:
    """Apply (or, with ``write=False``, only diff) the fixes of every loaded file; problems go into
    ``run.diagnostics``. Returns the unified diff, or a summary line per fixed file."""
    from ...lint.fix import plan_fixes, write_fixed

    out = []
    for loaded in run.loaded:
        if not loaded.source.path:
            continue
        result = plan_fixes(loaded, unsafe=unsafe, profile=profile)
        run.diagnostics += result.problems
        if result.fixed is None:
            continue
        if not write:
            out.append(result.diff())
            continue
        problem = write_fixed(result)
        if problem:
            run.diagnostics.append(problem)
        else:
            out.append(tr("{p}: đã sửa {n} chỗ ({c})\n", "{p}: fixed {n} ({c})\n", p=result.path,
                          n=len(result.applied), c=", ".join(sorted(set(result.applied)))))
    if write and out:
        sys.stderr.write("".join(out))
    return "".join(out)


def _render(name: str, run: CheckRun, *, color: bool, coverage: tuple[str, dict] | None) -> str:
    if name == "text":
        text = format_text(run.diagnostics, run.files, color=color)
        return text + ("\n" + coverage[0] + "\n" if coverage and coverage[0] else "")
    if name == "json":
        return format_json(run.diagnostics, run.files, extra={"coverage": coverage[1]} if coverage else None)
    return FORMATTERS[name](run.diagnostics, run.files)


@app.command()
def check(
    paths: list[Path] = typer.Argument(..., help="Tệp kế hoạch YAML hoặc thư mục (tìm kế hoạch đệ quy, bỏ qua tệp git bỏ qua); - là đầu vào chuẩn.",
                                       metavar="PATHS",
                                       show_default=False),
    fmt: str | None = typer.Option(None, "--format", metavar="text|json", help="Định dạng ra màn hình: text (mặc định) hoặc json."),
    output_format: list[str] = typer.Option(
        [], "--output-format", metavar="FMT[=FILE]",
        help="Định dạng text | json | github | sarif, ra màn hình hoặc vào FILE; dùng nhiều lần được."),
    strict: bool = typer.Option(False, "--strict", help="Cảnh báo cũng làm lệnh thất bại (mã thoát 1)."),
    profile: str | None = typer.Option(None, "--profile", help="Hồ sơ hướng dẫn (tên hoặc tệp), thay cho `profile:` "
                                       "trong kế hoạch."),
    coverage: bool = typer.Option(False, "--coverage", help="In mức bao phủ các nhóm giải pháp của hồ sơ."),
    force_exclude: bool = typer.Option(
        False, "--force-exclude", help="Lọc cả các tệp ghi trên dòng lệnh như khi tìm trong thư mục: bỏ qua tệp "
        "không phải kế hoạch và tệp thuộc `exclude` (dùng cho pre-commit)."),
    fix: bool = typer.Option(False, "--fix", help="Sửa tại chỗ những lỗi sửa được mà không đổi nội dung "
                             "(NFC, kiểu dấu thanh, dấu ';' gõ thừa, viết hoa tên cơ quan, số 0 của ngày ban hành)."),
    diff: bool = typer.Option(False, "--diff", help="In các thay đổi --fix sẽ làm (unified diff), không ghi tệp."),
    unsafe_fixes: bool = typer.Option(False, "--unsafe-fixes", help="Sửa cả những lỗi mà cách sửa có thể đổi "
                                      "nội dung (ví dụ đổi khóa lạ thành khóa gần nhất); kèm --fix hoặc --diff."),
) -> None:
    """Kiểm tra kế hoạch: cú pháp YAML, lược đồ và các quy tắc trình bày."""
    try:
        if fmt is not None and fmt not in ("text", "json"):
            raise typer.BadParameter("text | json", param_hint="--format")
        outputs = [parse_output_format(value) for value in output_format]
        if fmt is not None or not outputs:
            outputs.insert(0, (fmt or "text", None))
        screen = [name for name, target in outputs if target is None or str(target) == "-"]
        if len(screen) > 1:  # two reports run together on one screen can be parsed as neither
            raise typer.BadParameter(tr(
                "chỉ một định dạng được in ra màn hình ({f}); ghi các định dạng khác vào tệp: FMT=TỆP",
                "only one format can go to the screen ({f}); write the others to files: FMT=FILE",
                f=", ".join(screen)), param_hint="--output-format")
        run = check_paths(paths, profile=profile, force_exclude=force_exclude)
        if fix or diff or unsafe_fixes:
            changes = _fix(run, write=not diff, unsafe=unsafe_fixes, profile=profile)
            if diff:
                sys.stdout.write(changes)
                raise typer.Exit(1 if changes else 0)
            if changes:  # report what is left after fixing
                fix_problems = [d for d in run.diagnostics if d.code in ("KH013", "KH014")]
                run = check_paths(paths, profile=profile, force_exclude=force_exclude)
                run.diagnostics += fix_problems
                run.unreadable = run.unreadable or any(d.code == "KH013" for d in fix_problems)
        try:
            report_coverage = _coverage_report(run, profile) if coverage else None
        except KehoachError as exc:
            run.diagnostics += exc.diagnostics
            run.unreadable = True
            report_coverage = None
        protect = tuple(Path(f) for f in run.files)
        for name, target in outputs:
            color = target is None and name == "text" and use_color(sys.stdout)
            rendered = _render(name, run, color=color, coverage=report_coverage)
            if target is None:
                sys.stdout.write(rendered)
            else:
                # a report's folder is created, as ruff's --output-file does (CI writes reports/…)
                write_atomic(target, rendered.encode("utf-8"), protect=protect, make_parents=True)
        sys.stdout.flush()
    except (typer.Exit, typer.Abort, CLICK_EXCEPTION):  # usage errors: typer prints them, exit 2
        raise
    except BrokenPipeError:
        _reader_left()
    except KehoachError as exc:  # e.g. an output file that cannot be written
        print_text(exc.diagnostics)
        raise typer.Exit(exc.exit_code) from None
    except Exception as exc:  # noqa: BLE001 - never a traceback
        print_text([internal_error(None, exc)])
        raise typer.Exit(2) from None
    raise typer.Exit(run.exit_code(strict=strict))
