"""Reading a plan file's bytes as text.

(Minimal first version: UTF-8 with an optional BOM. Hardening against hostile input is tracked in
issue 2.)
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from .diagnostics import Diagnostic, KehoachError, Severity
from .i18n import tr


def decode(path: Path) -> tuple[str, list[Diagnostic]]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise KehoachError([Diagnostic("KH010", tr("không đọc được tệp: {e}", "cannot read file: {e}",
                                                   e=exc.strerror or exc), Severity.error, str(path))]) from None
    text = raw.decode("utf-8-sig")
    normalised = unicodedata.normalize("NFC", text)
    return normalised, []
