"""``kehoach check PATH…``: load, validate and lint plans; report in text, json, github or sarif.

Exit codes a CI can trust: 0 clean, 1 findings (errors; warnings too with ``--strict``), 2 usage
error, unreadable input (KH0xx) or an internal error (KH000). Info notes never fail a run.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ...common.diagnostics import Diagnostic, KehoachError, Severity
from ...common.fileio import write_atomic
from ...common.i18n import tr
from ...source.config import Selection
from ...source.loader import Loaded
from ..app import app
from ..failures import internal_error, reported
from ..report import FORMATS, FORMATTERS, format_json, format_text, use_color
from ..usage import H

if TYPE_CHECKING:
    from ...pipeline.check import Checked

# A folder without plans: said (a warning), but not a failure even with --strict, as ruff: a CI job
# set up before the first plan is added passes.
NO_PLANS = "KH010"


@dataclass
class CheckRun:
    """What checking a set of paths found."""

    files: list[str] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    checked: list[Checked] = field(default_factory=list)  # the files whose configuration could be read
    unreadable: bool = False  # a path could not be read, or the environment failed: exit 2

    @property
    def loaded(self) -> list[Loaded]:
        return [checked.loaded for checked in self.checked]

    def exit_code(self, *, strict: bool) -> int:
        if self.unreadable:
            return 2
        failing = {Severity.error, Severity.warning} if strict else {Severity.error}
        return 1 if any(d.severity in failing and not _no_plans(d) for d in self.diagnostics) else 0


def _is_reading_failure(diag: Diagnostic) -> bool:
    """KH0xx errors: the file (or a profile, a font, the configuration) could not be read."""
    return diag.severity is Severity.error and diag.code.startswith("KH0")


def _no_plans(diag: Diagnostic) -> bool:
    return diag.code == NO_PLANS and diag.severity is Severity.warning


def plan_files(paths: list[Path], *, force_exclude: bool = False) -> tuple[list[Path], list[Diagnostic]]:
    """The files to check: each file as given (filtered like a folder's with ``force_exclude``),
    each folder searched recursively for plans (lint.discovery: names, content, include/exclude,
    .gitignore). A folder without plans is a warning (KH010). Raises KehoachError for a broken
    configuration."""
    from ...lint.discovery import named_file_selected, plans_in

    files: list[Path] = []
    problems: list[Diagnostic] = []
    for path in paths:
        if path.is_dir():
            found = plans_in(path)
            if not found and not force_exclude:
                problems.append(Diagnostic(NO_PLANS, tr(
                    "thư mục không có tệp kế hoạch nào (*.kehoach.yaml, hoặc tệp .yaml/.yml có khóa "
                    "`letterhead`; xem `include` trong kehoach.toml)",
                    "the folder has no plan files (*.kehoach.yaml, or .yaml/.yml files with a `letterhead` "
                    "key; see `include` in kehoach.toml)"), Severity.warning, str(path)))
            files.extend(found)
        elif str(path) == "-" or not force_exclude or not path.is_file() or named_file_selected(path):
            files.append(path)  # a missing file is reported by load_path (KH010)
    return files, problems


def check_paths(paths: list[Path], *, profile: str | None = None, force_exclude: bool = False,
                selection: Selection | None = None) -> CheckRun:
    from ...pipeline.check import check_path

    run = CheckRun()
    try:
        files, problems = plan_files(paths, force_exclude=force_exclude)
    except KehoachError as exc:  # a broken kehoach.toml: the environment, exit 2
        files, problems = [], exc.diagnostics
        run.unreadable = True
    run.diagnostics += problems
    for path in files:
        run.files.append(str(path))
        try:
            checked = check_path(path, profile=profile, selection=selection)
            found = checked.findings
            if checked.broken_setup:  # a broken profile or configuration: the environment, exit 2
                run.unreadable = True
            else:
                run.checked.append(checked)
        except Exception as exc:  # noqa: BLE001 - never a traceback: report it, located at the file
            found = [internal_error(str(path), exc)]
        run.diagnostics += found
        if any(_is_reading_failure(d) for d in found):
            run.unreadable = True
    return run


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
    for checked in run.checked:
        loaded = checked.loaded
        if not loaded.source.path:
            continue
        result = plan_fixes(loaded, unsafe=unsafe, profile=profile, config=checked.config)
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


def codes_of(values: list[str] | None) -> tuple[str, ...]:
    """``--select KH2,KH301 --select KH4`` → ("KH2", "KH301", "KH4"), upper-cased."""
    return tuple(code.strip().upper() for value in values or () for code in value.split(",") if code.strip())


def require_known(options: dict[str, list[str] | None], known: list[str], unknown: tuple[str, str]) -> None:
    """Every code or prefix given to ``options`` (option → its values) starts some code of ``known``;
    else a usage error (exit 2) saying ``unknown`` (vi, en; ``{c}`` the code): a typo must not switch
    the checks off unnoticed."""
    for hint, values in options.items():
        for code in codes_of(values):
            if not any(name.startswith(code) for name in known):
                raise typer.BadParameter(tr(*unknown, c=code), param_hint=hint)


def selection_of(select: list[str] | None, extend_select: list[str], ignore: list[str]) -> Selection:
    """The command line's rule selection (applied over the configuration's); a code or prefix that
    names no rule is a usage error (exit 2)."""
    from ...pipeline.check import rules

    known = list(rules()) if select or extend_select or ignore else []
    require_known({"--select": select, "--extend-select": extend_select, "--ignore": ignore}, known, (
        "không có quy tắc nào có mã hoặc tiền tố `{c}` (xem `kehoach rules`)",
        "no rule has the code or prefix `{c}` (see `kehoach rules`)"))
    return Selection(codes_of(select) if select else None, codes_of(extend_select), codes_of(ignore))


def planned_outputs(fmt: str | None, output_format: list[str]) -> list[tuple[str, Path | None]]:
    """The reports to write: ``--format`` (already checked) on the screen, each ``--output-format
    FMT[=FILE]`` on the screen or into its file; text on the screen when neither is given. Two on the
    screen are a usage error: run together, they could be parsed as neither."""
    outputs = [parse_output_format(value) for value in output_format]
    if fmt is not None or not outputs:
        outputs.insert(0, (fmt or "text", None))
    screen = [name for name, target in outputs if target is None or str(target) == "-"]
    if len(screen) > 1:
        raise typer.BadParameter(tr(
            "chỉ một định dạng được in ra màn hình ({f}); ghi các định dạng khác vào tệp: FMT=TỆP",
            "only one format can go to the screen ({f}); write the others to files: FMT=FILE",
            f=", ".join(screen)), param_hint="--output-format")
    return outputs


SELECT_OPTION = typer.Option(None, "--select", metavar="CODES", help=H(
    "Chỉ chạy các quy tắc có mã hoặc tiền tố này (ví dụ KH2,KH301), thay cho `select` của kehoach.toml.",
    "Run only the rules with these codes or prefixes (e.g. KH2,KH301), instead of kehoach.toml's `select`."))
EXTEND_SELECT_OPTION = typer.Option([], "--extend-select", metavar="CODES", help=H(
    "Chạy thêm các quy tắc này ngoài `select` của kehoach.toml.",
    "Also run these rules, on top of kehoach.toml's `select`."))
IGNORE_OPTION = typer.Option([], "--ignore", metavar="CODES", help=H(
    "Bỏ qua các quy tắc có mã hoặc tiền tố này (thêm vào `ignore` của kehoach.toml).",
    "Skip the rules with these codes or prefixes (added to kehoach.toml's `ignore`)."))


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
    select: list[str] | None = SELECT_OPTION,
    extend_select: list[str] = EXTEND_SELECT_OPTION,
    ignore: list[str] = IGNORE_OPTION,
) -> None:
    """Kiểm tra kế hoạch: cú pháp YAML, lược đồ và các quy tắc trình bày."""
    selection = selection_of(select, extend_select, ignore)
    with reported():
        if fmt is not None and fmt not in ("text", "json"):
            raise typer.BadParameter("text | json", param_hint="--format")
        outputs = planned_outputs(fmt, output_format)
        run = check_paths(paths, profile=profile, force_exclude=force_exclude, selection=selection)
        if fix or diff or unsafe_fixes:
            changes = _fix(run, write=not diff, unsafe=unsafe_fixes, profile=profile)
            if diff:
                sys.stdout.write(changes)
                raise typer.Exit(1 if changes else 0)
            if changes:  # report what is left after fixing
                fix_problems = [d for d in run.diagnostics if d.code in ("KH013", "KH014")]
                run = check_paths(paths, profile=profile, force_exclude=force_exclude, selection=selection)
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
    raise typer.Exit(run.exit_code(strict=strict))
