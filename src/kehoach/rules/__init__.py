"""Lint rules (quy tắc kiểm tra). Filled in by issue 4."""

from __future__ import annotations

from ..diagnostics import Diagnostic


def lint(loaded) -> list[Diagnostic]:  # noqa: ANN001 - replaced by the rule engine
    return []
