"""One unit, built in a worker process: placeholders filled, validated, linted, rendered, written.

Each worker compiles the placeholders and warms the renderer (and a LibreOffice for ``--pdf``) once,
in ``_start_worker``, not per document.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..common.diagnostics import Code, Diagnostic, KehoachError, Severity, has_errors
from ..common.fileio import write_atomic
from ..common.i18n import tr
from ..model import Plan
from ..pipeline.formats import WRITERS
from ..source.loader import Loaded, Source
from .manifest import BUILT, FAILED, Job, Result, sha256
from .placeholders import Placeholders, UnitFailed, override_path
from .slug import confined
from .units import Unit


# The code raised here, explained by ``kehoach rules`` (cli/codes.py gathers it).
CODES = (
    Code("KH163", "error", "Dựng văn bản của một đơn vị thất bại", "Building one unit failed",
         "Dựng văn bản của một đơn vị gặp lỗi bất ngờ; chỉ đơn vị đó hỏng, các đơn vị khác vẫn được dựng. Xin báo "
         "lỗi kèm kế hoạch mẫu và dòng đơn vị.",
         "Building one unit's document failed unexpectedly; only that unit fails, the others are built. Please "
         "report it with the template plan and the unit's row."),
)

Renderer = Callable[..., bytes]  # build.render(plan, fmt, *, templates=None) -> bytes
FORMAT = "docx"  # what a unit is built as; --pdf converts it (WRITERS["pdf"].after)
PARENT_POLL = 0.5  # seconds between checks that the batch process is still alive
_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


@dataclass
class _Template:
    """What every unit shares: the template plan, compiled once per process."""

    source: Source
    placeholders: Placeholders
    out: Path
    templates: Path | None
    renderer: Renderer | None
    pdf: bool | str  # False, or "pdf" / "pdf-a" (PDF/A-2b)


_template: _Template | None = None
_converter: Any = None


def _start_worker(source: Source, data: Any, out: Path, templates: Path | None, renderer: Renderer | None,
                  pdf: bool | str, in_pool: bool, parent: int | None = None) -> None:
    """Per-process set-up: compile placeholders, warm the renderer and, for --pdf, LibreOffice.

    ``parent`` is the batch process's pid (it may have died before this worker got here)."""
    global _template, _converter
    if in_pool:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops the pool
        exit_with_parent(os.getppid() if parent is None else parent)
    _template = _Template(source, Placeholders(data, source), out, templates, renderer, pdf)
    if pdf:
        from multiprocessing.util import Finalize

        from ..writers.pdf import Converter

        _converter = Converter(pdf_a=pdf == "pdf-a").__enter__()
        if in_pool:
            Finalize(None, _converter.close, exitpriority=10)


def exit_with_parent(parent: int, *, deathsig: bool = True) -> None:
    """Make this worker leave when the batch process ``parent`` dies, even by ``kill -9`` (which
    gives it no chance to stop its pool): otherwise workers forked from it wait for work forever.

    On Linux the kernel sends SIGTERM at the parent's death (prctl PR_SET_PDEATHSIG); everywhere,
    and in case the parent died before that was set, a thread polls ``getppid()``, which changes
    when the process is re-parented. Either way LibreOffice (``--pdf``) is stopped before exiting.
    """
    signal.signal(signal.SIGTERM, _orphaned)  # also what the pool sends a worker it terminates
    if deathsig and sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
        except (OSError, AttributeError):  # no libc prctl (an unusual libc): the thread still watches
            pass
    if os.getppid() != parent:
        _orphaned()
    threading.Thread(target=_watch_parent, args=(parent,), name="kehoach-parent-watch", daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_POLL)
    _orphaned()


_leaving = threading.Lock()


def _orphaned(*_signal: Any) -> None:
    """The batch process is gone (or stopped this worker): stop LibreOffice, then exit at once."""
    if _leaving.acquire(blocking=False):
        try:
            if _converter is not None:
                _converter.close()
        finally:
            os._exit(1)


def _stop_worker() -> None:
    global _template, _converter
    if _converter is not None:
        _converter.close()
    _template = _converter = None


def _render(plan: Plan, templates: Path | None) -> bytes:
    assert _template is not None
    if _template.renderer is not None:
        return _template.renderer(plan, FORMAT, templates=templates)
    from ..pipeline.render import render

    return render(plan, FORMAT, templates=templates)


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
            result.diagnostics = _named(unit, [*unit.notes, *problems])
            return result
        from ..pipeline.check import check_loaded
        from ..pipeline.render import write_pdf

        checked = check_loaded(Loaded(t.source, data, plan, []))
        result.diagnostics = _named(unit, [*unit.notes, *checked.findings])
        if has_errors(checked.findings):
            return result
        docx = _render(plan, t.templates)
        target = confined(t.out, job.output)
        write_atomic(target, docx, make_parents=True)  # a --name pattern may hold folders
        result.output_sha256 = sha256(docx)
        if t.pdf:  # converted from the same .docx by the worker's warm LibreOffice: same unit, same PDF bytes
            pdf_path = write_pdf(plan, target.with_suffix(WRITERS["pdf"].suffixes[0]), docx=docx,
                                 converter=_converter)
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

