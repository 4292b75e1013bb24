"""kehoach: compile Vietnamese administrative plans (Kế hoạch) from YAML under Decree 30/2020/NĐ-CP."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the launcher imports this package on every run: keep it free of pathlib
    from pathlib import Path

__version__ = "0.1.0"

__all__ = ["load", "check", "__version__"]


def load(path: str | Path):
    """Load and validate a plan file; raise ``KehoachError`` with located diagnostics if it is invalid."""
    from .common.diagnostics import KehoachError, has_errors
    from .source.loader import load_path

    loaded = load_path(path)
    if loaded.plan is None or has_errors(loaded.diagnostics):
        raise KehoachError(loaded.diagnostics, exit_code=1 if loaded.data is not None else 2)
    return loaded.plan


def check(path: str | Path) -> list:
    """All diagnostics for one plan file: reading, schema, configuration and lint rules."""
    from .pipeline.check import check_path

    return check_path(path).findings
