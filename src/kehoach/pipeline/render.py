"""Rendering and writing a checked plan (dựng, ghi): Plan → Document → bytes → an atomic file.

``render`` composes the plan and hands the Document to the format's writer (``formats.WRITERS``);
``write_output`` writes it atomically (never the input, never a partial file); ``write_pdf`` is the
one PDF recipe (render .docx → convert with LibreOffice → stamp the plan's date), used by ``build``
and by batch's ``--pdf``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ..model import Plan
from .formats import WRITERS, unsupported


def preload(fmt: str) -> None:
    """Import what checking and rendering ``fmt`` need (the rules, compose, the writer): a process
    that forks workers does it once, and the workers inherit it."""
    from .. import lint  # noqa: F401
    from ..compose import composer  # noqa: F401

    writer = WRITERS[fmt]
    if writer.write is not None:
        writer.function()


def render(plan: Plan, fmt: str, *, templates: Path | None = None) -> bytes:
    """The bytes of ``plan`` written as ``fmt`` (a format with a writer of its own: docx, html, txt)."""
    from ..compose.composer import compose

    writer = WRITERS.get(fmt)
    if writer is None or writer.write is None:
        raise unsupported(fmt)
    return writer.function()(compose(plan, templates=templates))


def paged_flows(plan: Plan, *, templates: Path | None = None) -> tuple[str, str]:
    """(the A4 sheets of ``plan`` as HTML flows, the document's title): what the preview shows."""
    from ..compose.composer import compose
    from ..writers.paged_html import flows_html

    document = compose(plan, templates=templates)
    return flows_html(document), document.title


def page_assets() -> tuple[str, str]:
    """(the CSS of A4 sheets, the script that paginates them): what the preview page embeds."""
    from ..writers.paged_html import PAGE_CSS, PAGINATE_JS

    return PAGE_CSS, PAGINATE_JS


def plan_day(plan: Plan) -> dt.date | None:
    """The plan's issue date when it is a whole date (what a PDF is stamped with)."""
    return plan.letterhead.date if isinstance(plan.letterhead.date, dt.date) else None


def write_pdf(plan: Plan, output: Path, *, docx: bytes | None = None, templates: Path | None = None,
              protect: tuple[Path, ...] = (), pdf_a: bool = False, converter: Any = None) -> Path:
    """``plan`` as a PDF at ``output``: its .docx (``docx`` when already rendered) converted by a warm
    ``converter`` (batch) or a one-off LibreOffice, dated with the plan's date so that the same plan
    gives the same bytes; PDF/A-2b with ``pdf_a`` (a converter has its own setting)."""
    from ..writers.pdf_stamp import stamp_time

    source = docx if docx is not None else render(plan, WRITERS["pdf"].after or "docx", templates=templates)
    created = stamp_time(plan_day(plan))
    if converter is not None:
        return converter.convert(source, output, protect=protect, created=created)
    from ..writers.pdf import convert_docx_bytes_to_pdf

    return convert_docx_bytes_to_pdf(source, output, protect=protect, pdf_a=pdf_a, created=created)


def write_output(plan: Plan, output: Path, fmt: str, *, templates: Path | None = None,
                 protect: tuple[Path, ...] = (), pdf_a: bool = False) -> Path:
    """Render ``plan`` as ``fmt`` and write it to ``output`` atomically (a PDF as PDF/A-2b with
    ``pdf_a``)."""
    from ..common.fileio import write_atomic

    writer = WRITERS.get(fmt)
    if writer is None:
        raise unsupported(fmt)
    if writer.after is not None:
        return write_pdf(plan, output, templates=templates, protect=protect, pdf_a=pdf_a)
    return write_atomic(output, render(plan, fmt, templates=templates), protect=protect)
