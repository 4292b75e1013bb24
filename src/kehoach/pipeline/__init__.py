"""The pipeline (dây chuyền): the one way every door checks, renders and writes a plan.

``check_path`` / ``check_text`` / ``check_loaded`` (``check``) read a source, resolve its
configuration once and lint it into a ``Checked``; ``render`` / ``write_output`` / ``write_pdf``
(``render``) turn a checked plan into a format's bytes and an atomic file, with the formats in one
table (``formats.WRITERS``); ``metadata`` adds the e-office files of ``build --metadata``. The
API, ``check``, ``build``, ``tasks``, batch, the preview, the language server and the build server
all go through here (tests/architecture/test_layout.py holds them to it).
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

# name → module: imported on first use, so that a help page or ``kehoach rules`` reading the format
# table does not load the schema and the loader.
_EXPORTS = {
    "Checked": "check", "check_loaded": "check", "check_path": "check", "check_text": "check",
    "forget_configuration": "check",
    "WRITERS": "formats", "Writer": "formats", "output_format": "formats", "resolve_output": "formats",
    "render": "render", "write_output": "render", "write_pdf": "render",
}
__all__ = list(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_EXPORTS[name]}"), name)
