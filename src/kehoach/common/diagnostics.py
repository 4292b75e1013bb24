"""Diagnostics (phát hiện): what check, build and batch report, each at ``path:line:col``.

Codes: KH0xx reading the file (encoding, YAML; KH030/KH031 warnings on text YAML reads otherwise
than meant; KH09x the preview and language servers), KH1xx structure and profile (schema, required
sections), KH2xx Decree 30 formatting, KH3xx Vietnamese text, KH4xx cross-references.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from enum import Enum
from typing import Any


class Severity(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


@dataclass(frozen=True)
class Diagnostic:
    code: str
    message: str
    severity: Severity = Severity.error
    path: str | None = None
    line: int | None = None  # 1-based
    col: int | None = None  # 1-based
    source_line: str | None = field(default=None, compare=False)  # the YAML line, for display

    def location(self) -> str:
        """"file:line:col", or "" for a problem of no file (a missing tool, a bad option): it is
        never labelled <stdin>, which would send the reader looking for input they did not give."""
        if not self.path:
            return ""
        parts = [self.path]
        if self.line is not None:
            parts.append(str(self.line))
            if self.col is not None:
                parts.append(str(self.col))
        return ":".join(parts)

    def __str__(self) -> str:
        where = self.location()
        return f"{where}: {self.code} {self.message}" if where else f"{self.code} {self.message}"

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["severity"] = self.severity.value
        return data


def has_errors(diagnostics: list[Diagnostic]) -> bool:
    return any(d.severity is Severity.error for d in diagnostics)


class KehoachError(Exception):
    """A failure that ends a command with located diagnostics and an exit code (1 or 2)."""

    def __init__(self, diagnostics: list[Diagnostic], exit_code: int = 2) -> None:
        super().__init__("\n".join(str(d) for d in diagnostics))
        self.diagnostics = diagnostics
        self.exit_code = exit_code


@dataclass(frozen=True)
class Code:
    """What a code means, for ``kehoach rules CODE``: declared beside the code that raises it (a module's
    ``CODES``, gathered by the index ``cli/codes.py``); lint rules explain themselves (``lint.rules.registry``)."""

    code: str
    severity: str  # error | warning | info
    title_vi: str
    title_en: str
    explanation_vi: str
    explanation_en: str
    generated: Callable[[], tuple[str, str]] | None = None  # (vi, en) from a registry, read when shown

    @property
    def title(self) -> str:
        from .i18n import tr

        return tr(self.title_vi, self.title_en)

    @property
    def explanation(self) -> str:
        from .i18n import tr

        if self.generated is not None:
            return tr(*self.generated())
        return tr(self.explanation_vi, self.explanation_en)
