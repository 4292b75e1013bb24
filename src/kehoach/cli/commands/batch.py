"""``kehoach batch PLAN --units UNITS -o OUT``: one document per district, commune or ward."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from ...common.diagnostics import Severity
from ...common.i18n import tr
from ..app import app
from ..failures import reported
from .build import print_diagnostics


def _progress_bar(quiet: bool):
    """A transient rich progress bar on stderr, or nothing when stderr is not a terminal."""
    if quiet or not sys.stderr.isatty():
        return None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                    console=Console(stderr=True), transient=True)


@app.command()
def batch(
    plan: Path = typer.Argument(..., help="Kế hoạch mẫu (YAML) có chỗ điền {{ unit.* }}; với --merge: thư mục "
                                "đầu ra của các phần.", show_default=False),
    more: list[Path] | None = typer.Argument(None, help="Với --merge: các thư mục phần còn lại.", show_default=False),
    units: str | None = typer.Option(None, "--units", "-u", help="Bảng đơn vị: tệp .csv/.yaml/.xlsx, vn:<tỉnh> hoặc "
                                     "vn:all.", show_default=False),
    out: Path = typer.Option(..., "-o", "--output", help="Thư mục đầu ra.", show_default=False),
    jobs: int | None = typer.Option(None, "--jobs", "-j", min=1, help="Số tiến trình (mặc định: số nhân CPU)."),
    name: str | None = typer.Option(None, "--name", help="Mẫu tên tệp, ví dụ '{slug}-kh.docx' hoặc '{code}.docx'."),
    zip_: bool = typer.Option(False, "--zip", help="Ghi thêm một tệp nén OUT/<kế hoạch>.zip."),
    pdf: bool = typer.Option(False, "--pdf", help="Ghi thêm bản PDF cho mỗi đơn vị (cần LibreOffice)."),
    pdf_a: bool = typer.Option(False, "--pdf-a", help="Bản PDF theo chuẩn PDF/A-2b (để ký số); kèm theo --pdf."),
    templates: Path | None = typer.Option(None, "--templates", help="Thư mục mẫu lời văn (.j2) thay cho mẫu mặc định."),
    force: bool = typer.Option(False, "--force", help="Dựng lại cả những đơn vị không thay đổi."),
    prune: bool = typer.Option(False, "--prune", help="Xóa văn bản của các đơn vị không còn trong bảng (trừ tệp "
                               "đã bị sửa tay), sau khi dựng xong."),
    shard: str | None = typer.Option(None, "--shard", help="Chỉ dựng phần I trong N phần (ví dụ 2/8), mỗi phần một "
                                     "thư mục đầu ra; ghép lại bằng --merge."),
    shards: int | None = typer.Option(None, "--shards", min=1, help="Số phần N, lấy phần từ biến JOB_COMPLETION_INDEX "
                                      "(Kubernetes Indexed Job)."),
    merge: bool = typer.Option(False, "--merge", help="Ghép các thư mục phần (PLAN và các đối số sau) vào -o."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Không hiện thanh tiến độ và dòng tổng kết."),
) -> None:
    """Tạo hàng loạt: mỗi đơn vị (huyện, xã, phường) một văn bản từ một kế hoạch mẫu."""
    if merge:
        _merge([plan, *(more or [])], out)
        return
    if more:
        raise typer.BadParameter(tr("chỉ một kế hoạch mẫu (nhiều thư mục chỉ dùng với --merge)",
                                    "one template plan only (several folders go with --merge)"), param_hint="PLAN")
    if units is None:
        raise typer.BadParameter(tr("cần bảng đơn vị", "a units table is needed"), param_hint="--units")
    from ...batch.runner import BUILT, FAILED, MANIFEST, SKIPPED, Options, run  # heavy: only when batching
    from ...batch.shards import parse_shard, shard_from_environment

    with reported():
        share = parse_shard(shard) if shard is not None else shard_from_environment(shards) if shards else None
    options = Options(plan, units, out, jobs, name, zip_, pdf or pdf_a, templates, force, prune, share, pdf_a)
    bar = _progress_bar(quiet)
    with reported():
        try:
            if bar is None:
                report = run(options)
            else:
                with bar:
                    task = bar.add_task(tr("Đang dựng", "Building"), total=None)
                    report = run(options, progress=lambda done, total: bar.update(task, completed=done, total=total))
        except KeyboardInterrupt:
            typer.echo(tr("Đã dừng. Các văn bản đã dựng được giữ lại; chạy lại lệnh để dựng tiếp phần còn lại.",
                          "Stopped. Documents already built are kept; run the command again to build the rest."), err=True)
            raise typer.Exit(130) from None
    for result in report.results:
        if result.status == FAILED:
            print_diagnostics(result.diagnostics)
    if not quiet:
        typer.echo(tr("{b} đã dựng, {s} không đổi (bỏ qua), {f} không dựng được → {o}",
                      "{b} built, {s} unchanged (skipped), {f} failed → {o}",
                      b=report.count(BUILT), s=report.count(SKIPPED), f=report.count(FAILED), o=out), err=True)
        found = report.findings()
        if any(found.values()):  # errors are printed above; warnings and notes of built units are in the manifest
            typer.echo(tr("Trong các đơn vị: {e} lỗi, {w} cảnh báo, {i} ghi chú (chi tiết: {m})",
                          "In the units: {e} error(s), {w} warning(s), {i} note(s) (details: {m})",
                          e=found[Severity.error], w=found[Severity.warning], i=found[Severity.info],
                          m=out / MANIFEST), err=True)
        if report.archive:
            typer.echo(str(report.archive), err=True)
        if report.pruned:
            typer.echo(tr("Đã xóa {n} tệp của đơn vị không còn trong bảng.",
                          "Removed {n} file(s) of units no longer in the table.", n=len(report.pruned)), err=True)
        if report.leftovers:
            shown = ", ".join(report.leftovers[:5]) + (", …" if len(report.leftovers) > 5 else "")
            typer.echo(tr("{n} tệp của đơn vị không còn trong bảng vẫn nằm trong {o}: {f}. {hint}",
                          "{n} file(s) of units no longer in the table are still in {o}: {f}. {hint}",
                          n=len(report.leftovers), o=out, f=shown,
                          hint=tr("Các tệp này đã bị sửa tay nên được giữ lại." if prune else
                                  "Thêm --prune để xóa.",
                                  "They were changed by hand, so they are kept." if prune else
                                  "Add --prune to remove them.")), err=True)
    raise typer.Exit(report.exit_code)


def _merge(folders: list[Path], out: Path) -> None:
    from ...batch.shards import merge

    with reported():
        merged = merge(folders, out)
    typer.echo(tr("Đã ghép {k} phần: {u} đơn vị, {f} tệp → {o}", "Merged {k} shards: {u} units, {f} files → {o}",
                  k=len(folders), u=merged.units, f=merged.files, o=out), err=True)
