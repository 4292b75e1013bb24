"""Batch generation (tạo hàng loạt): one plan per district, commune or ward from one template plan.

Per unit: render the ``{{ unit.* }}`` placeholders of the template's plain data, apply the row's
dotted overrides, validate, lint, render .docx, write it atomically to ``OUT/<slug>.docx``. A unit
that fails is recorded with its diagnostics and skipped; the others still build.

The manifest ``OUT/manifest.json`` records each unit's input hash and output sha256, and is rewritten
every few seconds and at the end, so that a re-run (after Ctrl-C, a kill, or an edit to one row)
skips the units that are already done and builds the rest.

Work is split across processes in chunks; each worker compiles the placeholders and warms the
renderer (and a LibreOffice for ``--pdf``) once, not per document.

The manifest bookkeeping is in ``manifest``, one unit's build in ``worker``, output names in ``naming``.
"""

from __future__ import annotations

import errno
import os
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, BrokenExecutor, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..common.diagnostics import Code, Diagnostic, KehoachError, Severity
from ..common.fileio import write_atomic
from ..common.i18n import tr
from ..source.loader import Source, parse_yaml, read_text
from ..common.zipcache import reproducible_zip
from .manifest import (
    BUILT,
    FAILED,
    MANIFEST,
    SKIPPED,
    Job,
    Result,
    _clean_stale_temporaries,
    _files_of,
    _merged,
    _previous,
    _prune,
    _removed_units,
    _templates_hash,
    _unchanged,
    input_hash,
    sha256,
    write_manifest,
)
from .naming import _check_pattern, output_names
from .placeholders import Placeholders
from .shards import batch_digest, shard_of
from .slug import confined, slugify
from .units import UnitTable, read_units
from .worker import Renderer, _start_worker, _stop_worker, build_chunk, build_unit


# The codes raised here, explained by ``kehoach rules`` (cli/codes.py gathers them).
CODES = (
    Code("KH064", "error", "Không đặt được tệp đầu ra của lô", "Batch output cannot be laid out",
         "Thư mục đầu ra của `batch` là một tệp hoặc không tạo được, hoặc mẫu tên tệp (--name) dùng cột không có.",
         "The `batch` output folder is a file or cannot be made, or the file name pattern (--name) uses a missing "
         "column."),
    Code("KH065", "error", "Tiến trình con dừng bất thường", "Worker process died",
         "Một tiến trình dựng song song dừng bất thường; các văn bản đã dựng được giữ lại, chạy lại lệnh để dựng "
         "tiếp.",
         "A parallel build worker stopped unexpectedly; documents already built are kept, run the command again "
         "to continue."),
)

__all__ = ["BUILT", "FAILED", "MANIFEST", "SKIPPED", "Job", "Options", "Report", "Result", "build_unit",
           "input_hash", "output_names", "run", "sha256", "write_manifest", "write_zip"]

MANIFEST_EVERY = 2.0  # seconds between manifest rewrites while a batch runs
CHUNK = 16  # units per task sent to a worker: fewer round trips between processes
PDF_CHUNK = 2  # PDF conversion is slow: small chunks keep Ctrl-C responsive


@dataclass
class Options:
    plan: Path
    units: str
    out: Path
    jobs: int | None = None
    name: str | None = None  # output name pattern, e.g. "{slug}-kh.docx"
    zip: bool = False
    pdf: bool = False
    templates: Path | None = None
    force: bool = False
    prune: bool = False  # delete the outputs of units no longer in the table
    shard: tuple[int, int] | None = None  # (I, N): build only share I of N (shards.py)
    pdf_a: bool = False  # the PDFs as PDF/A-2b


@dataclass
class Report:
    results: list[Result]
    out: Path
    archive: Path | None = None
    pruned: list[str] = field(default_factory=list)  # files of removed units deleted by --prune
    leftovers: list[str] = field(default_factory=list)  # files of removed units still in OUT

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def exit_code(self) -> int:
        return 1 if self.count(FAILED) else 0

    def findings(self) -> dict[Severity, int]:
        """How many errors, warnings and notes (info) this run's units reported, by severity."""
        counts = dict.fromkeys(Severity, 0)
        for result in self.results:
            for diagnostic in result.diagnostics:
                counts[diagnostic.severity] += 1
        return counts


def _usage(code: str, message: str, path: Any = None) -> KehoachError:
    return KehoachError([Diagnostic(code, message, Severity.error, str(path) if path is not None else None)], 2)


def write_zip(out: Path, plan: Path, results: list[Result]) -> Path:
    """OUT/<plan>.zip with every document built or kept, in name order, with fixed timestamps."""
    names = sorted(n for r in results if r.status in (BUILT, SKIPPED) for n in (r.output, r.pdf) if n)
    data = reproducible_zip([(name, (out / name).read_bytes()) for name in names],
                            compress_type=zipfile.ZIP_STORED)  # .docx and .pdf are compressed already
    return write_atomic(confined(out, slugify(plan.stem, fallback="batch") + ".zip"), data)


def _chunks(items: list[Job], size: int) -> Iterator[list[Job]]:
    for start in range(0, len(items), size):
        yield items[start: start + size]


# --------------------------------------------------------------------------------------------
# Running the batch
# --------------------------------------------------------------------------------------------


def _in_the_way(out: Path) -> Path | None:
    """The nearest existing part of ``out`` (itself or a parent), when it is not a folder."""
    existing = next((p for p in (out, *out.parents) if os.path.lexists(p)), None)
    return existing if existing is not None and not os.path.isdir(existing) else None


def _refuse_a_file_in_the_way(out: Path) -> None:
    blocker = _in_the_way(out)
    if blocker == out:
        raise _usage("KH064", tr("thư mục đầu ra là một tệp", "the output folder is a file"), out)
    if blocker is not None:
        raise _usage("KH064", tr("không tạo được thư mục đầu ra: `{p}` là một tệp, không phải thư mục",
                                 "cannot create the output folder: `{p}` is a file, not a folder", p=blocker), out)


def _make_output_folder(out: Path) -> None:
    """OUT and its parents, created; a located KH064 (exit 2) when it cannot be or is not writable."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=out):  # can files be written there (permissions, read-only disk)?
            pass
    except OSError as exc:
        _refuse_a_file_in_the_way(out)  # it appeared meanwhile
        existing = next((p for p in (out, *out.parents) if os.path.lexists(p)), out)
        if isinstance(exc, PermissionError) or exc.errno == errno.EROFS:
            raise _usage("KH064", tr("không có quyền ghi vào `{p}` ({e})", "no permission to write in `{p}` ({e})",
                                     p=existing, e=exc.strerror), out) from None
        raise _usage("KH064", tr("không tạo được thư mục đầu ra: {e}", "cannot create the output folder: {e}",
                                 e=exc.strerror or exc), out) from None


def _save_manifest(out: Path, plan: Path, results: list[Result], removed: dict[str, dict[str, Any]],
                   shard: dict[str, Any] | None = None) -> None:
    try:
        write_manifest(out, plan, results, removed, shard)
    except OSError as exc:  # the folder was removed or the disk filled up during the run
        raise _usage("KH064", tr("không ghi được {m}: {e}", "cannot write {m}: {e}", m=MANIFEST,
                                 e=exc.strerror or exc), out / MANIFEST) from None


def _check_columns(placeholders: Placeholders, table: UnitTable) -> None:
    """A table without a column the plan needs (wrong or translated headers) is one error naming the
    columns the plan reads, not one per placeholder and row."""
    missing, read = placeholders.columns(table.columns)
    if not missing:
        return
    source = placeholders.source
    where = ", ".join(f"`{name}` ({source.path}:{source.locate(loc)[0]})" for name, loc in missing)
    line = table.header_line or (table.units[0].line if table.units else None)
    raise KehoachError([Diagnostic("KH061", tr(
        "bảng đơn vị thiếu cột mà kế hoạch cần: {m}. Kế hoạch đọc các cột: {r}; bảng có: {c}",
        "the units table lacks columns the plan needs: {m}. The plan reads the columns: {r}; the table has: {c}",
        m=where, r=", ".join(read), c=", ".join(table.columns) or "—"),
        Severity.error, table.spec, line)], 2)


def run(options: Options, *, renderer: Renderer | None = None,
        progress: Callable[[int, int], None] | None = None) -> Report:
    """Build every unit of ``options.units`` from ``options.plan``.

    Raises KehoachError for problems with the whole batch (exit 2: unreadable plan or units file,
    OUT is a file or not writable; exit 1: a placeholder that does not compile). ``renderer`` replaces
    ``build.render`` (tests). ``progress(done, total)`` is called as units finish.
    Ctrl-C (KeyboardInterrupt) is re-raised after the manifest records the finished units.
    """
    out = options.out
    _refuse_a_file_in_the_way(out)
    if options.templates is None:  # the configuration's, as build and preview
        from ..source.config import config_for

        options.templates = config_for(options.plan).templates_dir()
    if options.templates is not None and not options.templates.is_dir():
        raise _usage("KH040", tr("không có thư mục mẫu", "templates folder not found"), options.templates)
    if options.pdf:
        from ..writers.fonts import require_serif_font
        from ..writers.pdf import find_soffice

        find_soffice()  # KehoachError (exit 2) with the module's message when LibreOffice is missing
        require_serif_font()

    source = Source(str(options.plan), "")
    source.text, _notes = read_text(options.plan)
    data = parse_yaml(source)
    placeholders = Placeholders(data, source)  # one that does not compile fails the batch once, not per unit
    table = read_units(options.units)
    if not table.units:
        raise _usage("KH063", tr("bảng đơn vị trống", "the units table is empty"), options.units)
    if options.name:
        _check_pattern(options.name, table)
    _check_columns(placeholders, table)

    _make_output_folder(out)
    _clean_stale_temporaries(out)
    plan_bytes = options.plan.read_bytes()
    # A PDF/A run must not skip units whose PDF was plain (and the other way round), nor a PDF/A made
    # before PDF/As had their signing fields.
    templates_hash = _templates_hash(options.templates) + ("|pdf-a+fields" if options.pdf and options.pdf_a else "")
    jobs = [Job(unit, name, input_hash(plan_bytes, unit, templates_hash))
            for unit, name in zip(table.units, output_names(table, options.name))]
    shard = None
    if options.shard:
        index, count = options.shard
        shard = {"index": index, "count": count, "units": len(jobs), "batch": batch_digest(plan_bytes, jobs)}
        jobs = [job for job in jobs if shard_of(job.unit.index, count) == index]

    recorded, removed_before = _previous(out)
    previous = {} if options.force else recorded
    removed = _removed_units(out, {**removed_before, **recorded}, {job.output for job in jobs})
    done: dict[int, Result] = {}
    todo: list[Job] = []
    for job in jobs:
        kept = _unchanged(job, previous.get(job.output), out, options.pdf)
        if kept is not None:
            done[job.unit.index] = kept
        else:
            todo.append(job)

    def record(results: list[Result]) -> None:
        for result in results:
            done[result.index] = result
        if progress:
            progress(len(done), len(jobs))

    if progress:
        progress(len(done), len(jobs))
    pdf_mode = ("pdf-a" if options.pdf_a else "pdf") if options.pdf else False
    worker_args = (source, data, out, options.templates, renderer, pdf_mode)
    last_write = time.monotonic()
    try:
        workers = min(options.jobs or os.cpu_count() or 1, max(1, len(todo)))
        size = PDF_CHUNK if options.pdf else max(1, min(CHUNK, -(-len(todo) // (workers * 4))))
        for results in _execute(todo, workers, size, worker_args):
            record(results)
            if time.monotonic() - last_write >= MANIFEST_EVERY:
                _save_manifest(out, options.plan, _merged(done, jobs, previous), removed, shard)
                last_write = time.monotonic()
        pruned: list[str] = []
        if options.prune:  # only once every unit of the table is done: never on Ctrl-C
            pruned, removed = _prune(out, removed)
    finally:
        # Also on Ctrl-C: the next run skips what is finished here.
        _save_manifest(out, options.plan, _merged(done, jobs, previous), removed, shard)

    results = [done[job.unit.index] for job in jobs]
    leftovers = sorted(file for entry in removed.values() for file, _sha in _files_of(entry)
                       if confined(out, file).is_file())
    report = Report(results, out, pruned=pruned, leftovers=leftovers)
    if options.zip:
        report.archive = write_zip(out, options.plan, results)
    return report


def _execute(todo: list[Job], workers: int, size: int, worker_args: tuple) -> Iterator[list[Result]]:
    """Results chunk by chunk: in this process for one worker, else in a pool of processes."""
    if not todo:
        return
    if workers <= 1:
        _start_worker(*worker_args, in_pool=False)  # type: ignore[misc]  # worker_args ends before in_pool
        try:
            for job in todo:
                yield [build_unit(job)]
        finally:
            _stop_worker()
        return
    import multiprocessing

    from ..pipeline.render import preload
    from .worker import FORMAT

    preload(FORMAT)  # imported once here, inherited by forked workers (0.4 s each)

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method),
                               initializer=_start_worker, initargs=(*worker_args, True, os.getpid()))
    pending: set[Future] = set()
    try:
        pending = {pool.submit(build_chunk, chunk) for chunk in _chunks(todo, size)}
        while pending:
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                yield future.result()
    except BrokenExecutor as exc:
        # A worker died (killed, out of memory) or could not start (e.g. LibreOffice for --pdf).
        raise _usage("KH065", tr("một tiến trình con dừng bất thường ({e}); chạy lại để dựng tiếp",
                                 "a worker process stopped unexpectedly ({e}); run again to continue",
                                 e=exc.__cause__ or exc)) from None
    except KeyboardInterrupt:
        # Let the chunks already running finish (their files are complete); drop the others.
        for future in pending:
            future.cancel()
        pool.shutdown(wait=True, cancel_futures=True)
        for future in pending:
            if future.done() and not future.cancelled() and future.exception() is None:
                yield future.result()
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
