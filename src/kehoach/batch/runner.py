"""Batch generation (tạo hàng loạt): one plan per district, commune or ward from one template plan.

Per unit: render the ``{{ unit.* }}`` placeholders of the template's plain data, apply the row's
dotted overrides, validate, lint, render .docx, write it atomically to ``OUT/<slug>.docx``. A unit
that fails is recorded with its diagnostics and skipped; the others still build.

The manifest ``OUT/manifest.json`` records each unit's input hash and output sha256, and is rewritten
every few seconds and at the end, so that a re-run (after Ctrl-C, a kill, or an edit to one row)
skips the units that are already done and builds the rest.

Work is split across processes in chunks; each worker compiles the placeholders and warms the
renderer (and a LibreOffice for ``--pdf``) once, not per document.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import signal
import time
import zipfile
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, BrokenExecutor, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .. import __version__
from ..diagnostics import Diagnostic, KehoachError, Severity, has_errors
from ..fileio import write_atomic
from ..i18n import tr
from ..source.loader import Loaded, Source, parse_yaml, read_text
from ..model import Plan
from .placeholders import Placeholders, UnitFailed, override_path
from .slug import UniqueSlugs, confined, slugify
from .units import Unit, UnitTable, read_units
from ..zipcache import reproducible_zip

MANIFEST = "manifest.json"
BUILT, SKIPPED, FAILED = "built", "skipped-unchanged", "failed"
MANIFEST_EVERY = 2.0  # seconds between manifest rewrites while a batch runs
CHUNK = 16  # units per task sent to a worker: fewer round trips between processes
PDF_CHUNK = 2  # PDF conversion is slow: small chunks keep Ctrl-C responsive

Renderer = Callable[..., bytes]  # build.render(plan, fmt, *, templates=None) -> bytes


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


@dataclass
class Job:
    """One unit to build: its row and where its document goes."""

    unit: Unit
    output: str  # file name inside OUT
    input_hash: str


@dataclass
class Result:
    index: int
    name: str
    input_hash: str
    output: str
    status: str
    output_sha256: str | None = None
    pdf: str | None = None
    pdf_sha256: str | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "input_hash": self.input_hash,
            "output": self.output,
            "output_sha256": self.output_sha256,
            "pdf": self.pdf,
            "pdf_sha256": self.pdf_sha256,
            "status": self.status,
            "diagnostics": [{k: v for k, v in d.to_dict().items() if k != "source_line"} for d in self.diagnostics],
        }


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


def _usage(code: str, message: str, path: Any = None) -> KehoachError:
    return KehoachError([Diagnostic(code, message, Severity.error, str(path) if path is not None else None)], 2)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --------------------------------------------------------------------------------------------
# One unit (runs in a worker process)
# --------------------------------------------------------------------------------------------


@dataclass
class _Template:
    """What every unit shares: the template plan, compiled once per process."""

    source: Source
    placeholders: Placeholders
    out: Path
    templates: Path | None
    renderer: Renderer | None
    pdf: bool


_template: _Template | None = None
_converter: Any = None


def _start_worker(source: Source, data: Any, out: Path, templates: Path | None, renderer: Renderer | None,
                  pdf: bool, in_pool: bool) -> None:
    """Per-process set-up: compile placeholders, warm the renderer and, for --pdf, LibreOffice."""
    global _template, _converter
    if in_pool:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops the pool
    _template = _Template(source, Placeholders(data, source), out, templates, renderer, pdf)
    if pdf:
        from multiprocessing.util import Finalize

        from ..writers.pdf import Converter

        _converter = Converter().__enter__()
        if in_pool:
            Finalize(None, _converter.close, exitpriority=10)


def _stop_worker() -> None:
    global _template, _converter
    if _converter is not None:
        _converter.close()
    _template = _converter = None


def _render(plan: Plan, templates: Path | None) -> bytes:
    assert _template is not None
    if _template.renderer is not None:
        return _template.renderer(plan, "docx", templates=templates)
    from ..build import render

    return render(plan, "docx", templates=templates)


def _named(unit: Unit, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Diagnostics whose message names the unit (lint and schema messages do not know it)."""
    prefix = f"«{unit.label}»"
    return [d if prefix in d.message else replace(d, message=f"{prefix}: {d.message}") for d in diagnostics]


def _validate(data: Any, unit: Unit, source: Source) -> tuple[Plan | None, list[Diagnostic]]:
    """The unit's Plan, or its schema errors located in the template, or in the units file for an
    error inside an overridden field."""
    from ..source.messages import describe

    if not isinstance(data, dict):
        return None, [source.diagnostic((), "KH104", tr("tệp kế hoạch phải là một bảng khóa: giá trị (mapping)",
                                                       "a plan file must be a mapping of keys to values"))]
    try:
        return Plan.model_validate(data), []
    except ValidationError as exc:
        overridden = {override_path(column): column for column in unit.overrides()}
        problems = []
        for error in exc.errors(include_url=False):
            loc = tuple(error["loc"])
            column = next((c for path, c in overridden.items() if loc[: len(path)] == path), None)
            if column is None:
                problems.append(describe(error, source))
            else:
                line, col = unit.cells.get(column, (unit.line, None))
                cell = Source(unit.path, "", {override_path(column): (line, col)} if line else {})
                problems.append(describe(error, cell))
        return None, problems


def build_unit(job: Job) -> Result:
    """Check and build one unit; never raises for a problem in the unit's data."""
    assert _template is not None
    unit, t = job.unit, _template
    result = Result(unit.index, unit.label, job.input_hash, job.output, FAILED)
    try:
        data = t.placeholders.render(unit)
        plan, problems = _validate(data, unit, t.source)
        if plan is None:
            result.diagnostics = _named(unit, problems)
            return result
        from ..lint import lint

        findings = lint(Loaded(t.source, data, plan, []))
        result.diagnostics = _named(unit, findings)
        if has_errors(findings):
            return result
        docx = _render(plan, t.templates)
        target = confined(t.out, job.output)
        write_atomic(target, docx)
        result.output_sha256 = sha256(docx)
        if t.pdf:
            pdf_path = target.with_suffix(".pdf")
            _converter.convert(docx, pdf_path)
            result.pdf, result.pdf_sha256 = pdf_path.name, sha256(pdf_path.read_bytes())
        result.status = BUILT
    except UnitFailed as exc:
        result.diagnostics = exc.diagnostics
    except KehoachError as exc:
        result.diagnostics += _named(unit, exc.diagnostics)
    except Exception as exc:  # a bug in a renderer must cost one unit, not the batch (Ctrl-C still stops it)
        result.diagnostics.append(Diagnostic("KH163", tr(
            "«{u}»: lỗi khi dựng văn bản: {e}", "«{u}»: building the document failed: {e}",
            u=unit.label, e=f"{type(exc).__name__}: {exc}"), Severity.error, unit.path, unit.line))
    return result


def build_chunk(jobs: list[Job]) -> list[Result]:
    return [build_unit(job) for job in jobs]


# --------------------------------------------------------------------------------------------
# Planning the batch (parent process)
# --------------------------------------------------------------------------------------------

_FIELD = re.compile(r"\{([^{}]*)\}")


def _check_pattern(pattern: str, table: UnitTable) -> None:
    known = set(table.columns) | {"slug", "index"}
    for name in _FIELD.findall(pattern):
        if name not in known:
            raise _usage("KH064", tr("mẫu tên `{p}`: không có cột `{f}` (có: {c})",
                                     "name pattern `{p}`: no column `{f}` (available: {c})",
                                     p=pattern, f=name, c=", ".join(sorted(known))))


def output_names(table: UnitTable, pattern: str | None) -> list[str]:
    """Each unit's file name: slugged, ASCII, unique in the batch, always ending in .docx."""
    slugs = UniqueSlugs()
    names = []
    for unit in table.units:
        slug = slugify(unit.fields.get("name", ""), fallback=f"unit-{unit.index + 1}")
        stem = slug
        if pattern:
            values = {**{k: str(v) for k, v in unit.fields.items()}, "slug": slug, "index": str(unit.index + 1)}
            text = _FIELD.sub(lambda m: values.get(m.group(1), ""), pattern)
            text = text[:-5] if text.lower().endswith(".docx") else text
            stem = slugify(text, fallback=slug)
        names.append(slugs.claim(stem) + ".docx")
    return names


def _templates_hash(folder: Path | None) -> str:
    if folder is None:
        return ""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def input_hash(plan_bytes: bytes, unit: Unit, templates_hash: str) -> str:
    """What a unit's document depends on: template plan, its row, kehoach's version, the templates."""
    row = json.dumps(unit.fields, sort_keys=True, ensure_ascii=False, default=str, separators=(",", ":"))
    parts = [sha256(plan_bytes), sha256(row.encode()), __version__, templates_hash]
    return sha256("\n".join(parts).encode())


def _previous(out: Path) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    """The ``units`` and ``removed_units`` entries of an earlier run's manifest, by output name;
    empty when there is none or it is unreadable."""
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))

        def by_output(key: str) -> dict[str, dict[str, Any]]:
            return {e["output"]: e for e in data.get(key, []) if isinstance(e, dict) and "output" in e}

        return by_output("units"), by_output("removed_units")
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}, {}


def _files_of(entry: dict[str, Any]) -> list[tuple[str, str | None]]:
    """(file name, recorded sha256) of a manifest entry's .docx and .pdf."""
    files = [(entry["output"], entry.get("output_sha256"))]
    if entry.get("pdf"):
        files.append((entry["pdf"], entry.get("pdf_sha256")))
    return files


def _removed_units(out: Path, recorded: dict[str, dict[str, Any]], current: set[str]) -> dict[str, dict[str, Any]]:
    """Entries of units that are no longer in the table and still have a file in OUT."""
    removed = {}
    for name, entry in recorded.items():
        if name in current:
            continue
        try:
            paths = [confined(out, file) for file, _sha in _files_of(entry)]
        except ValueError:  # a manifest edited to point outside OUT: not ours to touch
            continue
        if any(path.is_file() for path in paths):
            removed[name] = {k: entry.get(k) for k in ("name", "output", "output_sha256", "pdf", "pdf_sha256")}
    return removed


def _prune(out: Path, removed: dict[str, dict[str, Any]]) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """Delete the removed units' files that are still exactly what kehoach wrote; a file changed by
    hand is kept. Returns the deleted names and the entries that still have a file."""
    deleted: list[str] = []
    kept: dict[str, dict[str, Any]] = {}
    for name, entry in removed.items():
        for file, recorded_sha in _files_of(entry):
            path = confined(out, file)
            if path.is_file() and recorded_sha and _file_sha(path) == recorded_sha:
                path.unlink()
                deleted.append(file)
        if any(confined(out, file).is_file() for file, _sha in _files_of(entry)):
            kept[name] = entry
    return sorted(deleted), kept


def _file_sha(path: Path) -> str | None:
    try:
        return sha256(path.read_bytes())
    except OSError:
        return None


def _unchanged(job: Job, entry: dict[str, Any] | None, out: Path, pdf: bool) -> Result | None:
    """A skipped-unchanged result when the earlier output is still exactly what this run would write."""
    if not entry or entry.get("input_hash") != job.input_hash or entry.get("status") not in (BUILT, SKIPPED):
        return None
    if not entry.get("output_sha256") or _file_sha(out / job.output) != entry["output_sha256"]:
        return None
    if pdf and (not entry.get("pdf") or _file_sha(out / entry["pdf"]) != entry.get("pdf_sha256")):
        return None
    return Result(job.unit.index, job.unit.label, job.input_hash, job.output, SKIPPED, entry["output_sha256"],
                  entry.get("pdf") if pdf else None, entry.get("pdf_sha256") if pdf else None)


def write_manifest(out: Path, plan: Path, results: list[Result],
                   removed: dict[str, dict[str, Any]] | None = None) -> None:
    """OUT/manifest.json, atomically, with a stable key order (same run, same bytes).

    ``removed_units`` (only when there are any) keeps the entries of units that left the table
    while their files are still in OUT, so that a later ``--prune`` knows them and their hashes."""
    doc: dict[str, Any] = {
        "kehoach": __version__,
        "plan": plan.name,
        "units": [r.to_json() for r in sorted(results, key=lambda r: r.index)],
    }
    if removed:
        doc["removed_units"] = [removed[name] for name in sorted(removed)]
    text = json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    write_atomic(out / MANIFEST, text.encode("utf-8"))


def write_zip(out: Path, plan: Path, results: list[Result]) -> Path:
    """OUT/<plan>.zip with every document built or kept, in name order, with fixed timestamps."""
    names = sorted(n for r in results if r.status in (BUILT, SKIPPED) for n in (r.output, r.pdf) if n)
    data = reproducible_zip([(name, (out / name).read_bytes()) for name in names],
                            compress_type=zipfile.ZIP_STORED)  # .docx and .pdf are compressed already
    return write_atomic(confined(out, slugify(plan.stem, fallback="batch") + ".zip"), data)


def _clean_stale_temporaries(out: Path) -> None:
    """Remove the temporary files a killed run left behind (write_atomic names them .<name>.*.tmp)."""
    for path in out.glob(".*.tmp"):
        if path.is_file() and (".docx." in path.name or ".pdf." in path.name or f".{MANIFEST}." in path.name):
            path.unlink(missing_ok=True)


def _chunks(items: list[Job], size: int) -> Iterator[list[Job]]:
    for start in range(0, len(items), size):
        yield items[start: start + size]


# --------------------------------------------------------------------------------------------
# Running the batch
# --------------------------------------------------------------------------------------------


def run(options: Options, *, renderer: Renderer | None = None,
        progress: Callable[[int, int], None] | None = None) -> Report:
    """Build every unit of ``options.units`` from ``options.plan``.

    Raises KehoachError for problems with the whole batch (exit 2: unreadable plan or units file,
    OUT is a file; exit 1: a placeholder that does not compile). ``renderer`` replaces
    ``build.render`` (tests). ``progress(done, total)`` is called as units finish.
    Ctrl-C (KeyboardInterrupt) is re-raised after the manifest records the finished units.
    """
    out = options.out
    if out.exists() and not out.is_dir():
        raise _usage("KH064", tr("thư mục đầu ra là một tệp", "the output folder is a file"), out)
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
    Placeholders(data, source)  # a placeholder that does not compile fails the batch once, not per unit
    table = read_units(options.units)
    if not table.units:
        raise _usage("KH063", tr("bảng đơn vị trống", "the units table is empty"), options.units)
    if options.name:
        _check_pattern(options.name, table)

    out.mkdir(parents=True, exist_ok=True)
    _clean_stale_temporaries(out)
    plan_bytes = options.plan.read_bytes()
    templates_hash = _templates_hash(options.templates)
    jobs = [Job(unit, name, input_hash(plan_bytes, unit, templates_hash))
            for unit, name in zip(table.units, output_names(table, options.name))]

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
    worker_args = (source, data, out, options.templates, renderer, options.pdf)
    last_write = time.monotonic()
    try:
        workers = min(options.jobs or os.cpu_count() or 1, max(1, len(todo)))
        size = PDF_CHUNK if options.pdf else max(1, min(CHUNK, -(-len(todo) // (workers * 4))))
        for results in _execute(todo, workers, size, worker_args):
            record(results)
            if time.monotonic() - last_write >= MANIFEST_EVERY:
                write_manifest(out, options.plan, _merged(done, jobs, previous), removed)
                last_write = time.monotonic()
        pruned: list[str] = []
        if options.prune:  # only once every unit of the table is done: never on Ctrl-C
            pruned, removed = _prune(out, removed)
    finally:
        # Also on Ctrl-C: the next run skips what is finished here.
        write_manifest(out, options.plan, _merged(done, jobs, previous), removed)

    results = [done[job.unit.index] for job in jobs]
    leftovers = sorted(file for entry in removed.values() for file, _sha in _files_of(entry)
                       if confined(out, file).is_file())
    report = Report(results, out, pruned=pruned, leftovers=leftovers)
    if options.zip:
        report.archive = write_zip(out, options.plan, results)
    return report


def _merged(done: dict[int, Result], jobs: list[Job], previous: dict[str, dict[str, Any]]) -> list[Result]:
    """This run's results, plus the earlier entry of each unit not reached yet (still valid to resume)."""
    merged = []
    for job in jobs:
        if job.unit.index in done:
            merged.append(done[job.unit.index])
        elif job.output in previous:
            entry = previous[job.output]
            merged.append(Result(job.unit.index, job.unit.label, entry.get("input_hash", ""), job.output,
                                 entry.get("status", FAILED), entry.get("output_sha256"),
                                 entry.get("pdf"), entry.get("pdf_sha256")))
    return merged


def _execute(todo: list[Job], workers: int, size: int, worker_args: tuple) -> Iterator[list[Result]]:
    """Results chunk by chunk: in this process for one worker, else in a pool of processes."""
    if not todo:
        return
    if workers <= 1:
        _start_worker(*worker_args, in_pool=False)
        try:
            for job in todo:
                yield [build_unit(job)]
        finally:
            _stop_worker()
        return
    import multiprocessing

    from .. import build, lint as rules  # noqa: F401  imported once here, inherited by forked workers (0.4 s each)

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method),
                               initializer=_start_worker, initargs=(*worker_args, True))
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
