"""Output file names of a batch: ``--name`` patterns such as ``{code}.docx``, slugged and unique."""

from __future__ import annotations

import re

from ..common.diagnostics import Diagnostic, KehoachError, Severity
from ..common.i18n import tr
from .slug import UniqueSlugs, slugify
from .units import UnitTable

_FIELD = re.compile(r"\{([^{}]*)\}")


def _usage(code: str, message: str) -> KehoachError:
    return KehoachError([Diagnostic(code, message, Severity.error)], 2)


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

