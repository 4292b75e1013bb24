"""Pydantic errors rewritten as plain, located messages."""

from __future__ import annotations

from typing import Any

from .diagnostics import Diagnostic
from .i18n import tr


def dotted(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def describe(error: dict[str, Any], source: Any) -> Diagnostic:
    loc = tuple(error["loc"])
    if error["type"] == "missing":
        message = tr("thiếu trường bắt buộc `{f}`", "missing required field `{f}`", f=dotted(loc))
    else:
        message = f"`{dotted(loc)}`: {error['msg']}"
    return source.diagnostic(loc, "KH101", message)
