"""Build (dựng), the library's door: a plan file → one output file (.docx, .html, .txt or .pdf).

``build_file`` checks a plan file through the pipeline (``pipeline.check``), refuses one with
errors, and writes the output atomically (never the input, never a partial file, also not after
Ctrl-C). The names below are the pipeline's, kept here for code that imports them from
``kehoach.build``.
"""

from __future__ import annotations

from pathlib import Path

from .common.diagnostics import Diagnostic
from .model import Plan
from .pipeline.check import check_path
from .pipeline.formats import WRITERS, output_format, resolve_output  # noqa: F401
from .pipeline.metadata import check_metadata, metadata_paths, write_metadata  # noqa: F401
from .pipeline.render import render, write_output  # noqa: F401
from .source.loader import Loaded

FORMATS = tuple(WRITERS)


def load_checked(plan_path: Path) -> tuple[Plan, list[Diagnostic]]:
    """The plan of ``plan_path`` and its non-error findings; KehoachError (exit 1/2) on errors."""
    loaded, diagnostics = load_checked_source(plan_path)
    return loaded.plan, diagnostics  # type: ignore[return-value]


def load_checked_source(plan_path: Path) -> tuple[Loaded, list[Diagnostic]]:
    """As ``load_checked``, keeping the ``Loaded`` file (its text and positions) for later findings."""
    checked = check_path(plan_path).require_clean()
    return checked.loaded, checked.findings


def build_file(plan_path: str | Path, output: str | Path | None = None, *, fmt: str | None = None,
               templates: Path | None = None) -> Path:
    """Build ``plan_path`` into ``output``; KehoachError when the plan has errors or cannot be written."""
    plan_path = Path(plan_path)
    output, fmt = resolve_output(plan_path, output, fmt)
    checked = check_path(plan_path).require_clean()
    return write_output(checked.loaded.plan, output, fmt, templates=checked.templates(templates),  # type: ignore[arg-type]
                        protect=(plan_path,))
