"""Located errors of the importers (all exit 2; nothing is written).

- KH501 the file is not a document kehoach can import (unknown extension, not a .docx/.odt zip)
- KH502 the document is password-protected (an encrypted Office file)
- KH503 the document is corrupt (a broken zip or XML part)
- KH504 the document has no text
- KH505 the document is not a plan: no recognisable part (letterhead, KẾ HOẠCH/QUYẾT ĐỊNH, sections)
- KH506 LibreOffice could not convert a .doc/.odt file (not found: KH070, with the install command)
"""

from __future__ import annotations

from pathlib import Path

from ..common.diagnostics import Diagnostic, KehoachError, Severity


def import_error(code: str, message: str, path: str | Path | None, line: int | None = None) -> KehoachError:
    return KehoachError([Diagnostic(code, message, Severity.error, str(path) if path else None, line)], 2)
