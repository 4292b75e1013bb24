"""The whole ``kehoach check`` of an editor buffer, as LSP diagnostics.

The buffer is checked as the file it will be saved as: reading (YAML, tabs, NFC), the schema, every
lint rule with the plan's profile and the configuration found from the file's folder. Each finding
becomes an LSP diagnostic with its code, severity and a range over the words at fault (the quoted
words of the message when they stand at the finding's column, else the rest of the line); quick fixes are
the rules' own (fixes.py).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from lsprotocol import types

from ...common.diagnostics import Diagnostic, Severity
from ...common.i18n import tr
from ..failures import internal_error

SEVERITIES = {
    Severity.error: types.DiagnosticSeverity.Error,
    Severity.warning: types.DiagnosticSeverity.Warning,
    Severity.info: types.DiagnosticSeverity.Information,
}
_QUOTED = re.compile(r"`([^`]+)`|'([^']+)'")


@dataclass
class Checked:
    """What one check of a buffer found (kept per document for hover and quick fixes)."""

    text: str
    findings: list[Diagnostic] = field(default_factory=list)
    diagnostics: list[types.Diagnostic] = field(default_factory=list)


def check_text(text: str, path: str) -> list[Diagnostic]:
    """Every finding of ``check`` on ``text`` as the content of ``path``."""
    from ...pipeline.check import check_text as check_buffer
    from ...pipeline.check import forget_configuration

    forget_configuration()  # a long-running process: kehoach.toml may have been edited since
    return check_buffer(text, path).findings


def _span(line_text: str, start: int, message: str) -> int:
    """Where the words at fault end: a word the message quotes, when it stands at ``start``."""
    for match in _QUOTED.finditer(message):
        quoted = match.group(1) or match.group(2)
        if quoted and line_text.startswith(quoted, start):
            return start + len(quoted)
    rest = line_text[start:]
    comment = re.search(r"\s#", rest)
    end = start + len((rest[: comment.start()] if comment else rest).rstrip())
    return max(end, start + 1)


def to_lsp(diag: Diagnostic, lines: list[str], path: str) -> types.Diagnostic:
    message = diag.message
    if diag.path and diag.path != path:  # a finding in the profile or configuration file
        message = f"{diag.path}: {message}"
    if diag.line is None or diag.path not in (None, path):
        start = types.Position(0, 0)
        end = types.Position(0, len(lines[0]) if lines else 0)
    else:
        row = min(max(diag.line - 1, 0), max(len(lines) - 1, 0))
        text = lines[row] if lines else ""
        col = max((diag.col or 1) - 1, 0)
        if diag.col is None:
            col = len(text) - len(text.lstrip())
        start = types.Position(row, col)
        end = types.Position(row, _span(text, col, diag.message))
    return types.Diagnostic(
        range=types.Range(start, end), message=message, severity=SEVERITIES[diag.severity],
        code=diag.code, source="kehoach")


def analyse(text: str, uri_path: str) -> Checked:
    """Check ``text`` (the buffer of ``uri_path``); the diagnostics are ranged on the buffer itself."""
    try:
        findings = check_text(text, uri_path)
    except Exception as exc:  # noqa: BLE001 - the server stays up; the finding says what failed
        findings = [internal_error(uri_path, exc)]
    lines = text.splitlines()
    if not unicodedata.is_normalized("NFC", text):
        # Positions were computed on the NFC text: rank them on its lines (the quick fix converts).
        lines = unicodedata.normalize("NFC", text).splitlines()
    diagnostics = [to_lsp(d, lines, uri_path) for d in findings]
    return Checked(text, findings, diagnostics)


def too_large(text: str, uri_path: str, limit: int) -> Checked:
    """One finding on the first line instead of a check: the buffer is over the size a plan may have."""
    finding = Diagnostic("KH005", tr(
        "văn bản quá lớn ({n} ký tự, giới hạn {m}): không kiểm tra", "the document is too large ({n} characters, "
        "the limit is {m}): not checked", n=len(text), m=limit), Severity.error, uri_path, 1, 1)
    first = text[:2000].split("\n", 1)[0]
    return Checked(text, [finding], [to_lsp(finding, [first], uri_path)])


def nfc_edit(text: str) -> types.TextEdit | None:
    """The whole buffer replaced by its NFC form, or None when it already is NFC."""
    if unicodedata.is_normalized("NFC", text):
        return None
    lines = text.split("\n")
    end = types.Position(len(lines) - 1, len(lines[-1]))
    return types.TextEdit(types.Range(types.Position(0, 0), end), unicodedata.normalize("NFC", text))


def path_of(uri: str) -> str:
    from pygls.uris import to_fs_path

    return to_fs_path(uri) or str(Path.cwd() / "untitled.yaml")
