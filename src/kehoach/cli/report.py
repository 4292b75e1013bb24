"""Output formats for diagnostics: text (rich), json, github (workflow commands) and sarif.

Formats are separate from rules (as in yamllint and ruff): each takes the diagnostics of one run and
the files that were checked, and returns a string.

JSON format (stable; ``version`` changes only when a field changes meaning or disappears)::

    {
      "version": 1,
      "diagnostics": [
        {"path": "plan.yaml", "line": 3, "col": 1, "code": "KH102",
         "severity": "error", "message": "khóa `signatur` không hợp lệ; …"}
      ],
      "summary": {"files": 1, "errors": 1, "warnings": 0, "info": 0}
    }

``line`` and ``col`` are 1-based and may be null (a file that could not be read). ``severity`` is
``error``, ``warning`` or ``info``. Diagnostics are ordered by path, line, column, code.
"""

from __future__ import annotations

import io
import json
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from urllib.parse import quote

from .. import __version__
from ..common.diagnostics import Diagnostic, Severity
from ..common.i18n import tr

FORMATS = ("text", "json", "github", "sarif")

def code_title(code: str) -> str:
    from .codes import CODES

    if code in CODES:
        return CODES[code].title
    try:
        from ..pipeline.check import rules

        known = rules()
        if code in known:
            return known[code].title
    except Exception:  # noqa: BLE001 - a broken rule module must not break reporting
        pass
    return code


def ordered(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    return sorted(diagnostics, key=lambda d: (d.path or "", d.line or 0, d.col or 0, d.code, d.message))


def summary(diagnostics: list[Diagnostic], files: list[str]) -> dict[str, int]:
    count = {severity: sum(d.severity is severity for d in diagnostics) for severity in Severity}
    return {"files": len(files), "errors": count[Severity.error], "warnings": count[Severity.warning],
            "info": count[Severity.info]}


# ------------------------------------------------------------------------------------------------
# text
# ------------------------------------------------------------------------------------------------

# Control characters (C0 but tab and newline, DEL, C1) that plan text can carry through YAML escapes
# ("\e]52;…" writes the clipboard, "\e[2J" clears the screen): shown as \xNN, never sent raw.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def shown(text: str) -> str:
    """``text`` with its control characters written as escapes, safe for a terminal."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


_STYLE = {Severity.error: "bold red", Severity.warning: "bold yellow", Severity.info: "bold cyan"}


def format_text(diagnostics: list[Diagnostic], files: list[str] | None, *, color: bool = False) -> str:
    """``path:line:col: CODE message``, the YAML line under it with a caret at the column, and a
    summary line (left out when ``files`` is None)."""
    lines = _text_lines(diagnostics, files)
    if not color:
        return "".join("".join(text for text, _style in line) + "\n" for line in lines)
    # rich only for a terminal: plain output (CI logs, pipes, pre-commit) does not pay for importing it
    from rich.console import Console
    from rich.text import Text

    console = Console(file=io.StringIO(), force_terminal=True, width=10_000, highlight=False, emoji=False,
                      markup=False)
    for line in lines:
        console.print(Text.assemble(*line), soft_wrap=True)
    return console.file.getvalue()  # type: ignore[attr-defined]


def _text_lines(diagnostics: list[Diagnostic], files: list[str] | None) -> list[list[tuple[str, str]]]:
    """The text report as lines of (text, rich style) segments."""
    lines: list[list[tuple[str, str]]] = []
    for diag in ordered(diagnostics):
        style = _STYLE[diag.severity]
        where = [(shown(diag.location()), "bold"), (": ", "")] if diag.location() else []
        lines.append([*where, (diag.code, style), (" " + shown(diag.message), "")])
        if diag.source_line is not None and diag.line is not None:
            gutter = f"{diag.line:>5} | "
            lines.append([(gutter, "dim"), (shown(diag.source_line.expandtabs(1)), "")])
            if diag.col is not None:
                lines.append([(" " * (len(gutter) - 2) + "| " + " " * (diag.col - 1) + "^", style)])
    if files is None:
        return lines
    total = summary(diagnostics, files)
    if diagnostics:
        line = tr("{f} tệp: {e} lỗi, {w} cảnh báo, {i} ghi chú.", "{f} file(s): {e} error(s), {w} warning(s), "
                  "{i} note(s).", f=total["files"], e=total["errors"], w=total["warnings"], i=total["info"])
    else:
        line = tr("{f} tệp: không có lỗi.", "{f} file(s): no problems found.", f=total["files"])
    lines.append([(line, "bold")])
    return lines


def use_color(stream: object) -> bool:
    """Colour on ``stream``: never with NO_COLOR, always with FORCE_COLOR (https://no-color.org,
    https://force-color.org; an empty value counts as unset, FORCE_COLOR=0 as off), else on a terminal."""
    import os

    if os.environ.get("NO_COLOR"):
        return False
    force = os.environ.get("FORCE_COLOR")
    if force:
        return force != "0"
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def print_text(diagnostics: list[Diagnostic], files: list[str] | None = None) -> None:
    """Diagnostics in the text format on stderr (coloured on a terminal): for commands that fail."""
    sys.stderr.write(format_text(diagnostics, files, color=use_color(sys.stderr)))
    sys.stderr.flush()


# ------------------------------------------------------------------------------------------------
# json
# ------------------------------------------------------------------------------------------------


def format_json(diagnostics: list[Diagnostic], files: list[str], *, extra: dict | None = None) -> str:
    """The JSON document above; ``extra`` adds top-level keys (``coverage`` with ``--coverage``)."""
    items = [{"path": d.path, "line": d.line, "col": d.col, "code": d.code, "severity": d.severity.value,
              "message": d.message} for d in ordered(diagnostics)]
    document = {"version": 1, "diagnostics": items, "summary": summary(diagnostics, files), **(extra or {})}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


# ------------------------------------------------------------------------------------------------
# github: workflow commands, shown as annotations on the pull request
# ------------------------------------------------------------------------------------------------

_GITHUB_COMMAND = {Severity.error: "error", Severity.warning: "warning", Severity.info: "notice"}


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def format_github(diagnostics: list[Diagnostic], files: list[str]) -> str:
    lines = []
    for diag in ordered(diagnostics):
        props = [f"file={_escape_property(diag.path or '')}"]
        if diag.line is not None:
            props.append(f"line={diag.line}")
            if diag.col is not None:
                props.append(f"col={diag.col}")
        props.append(f"title={_escape_property(diag.code)}")
        lines.append(f"::{_GITHUB_COMMAND[diag.severity]} {','.join(props)}::{_escape_data(diag.message)}\n")
    return "".join(lines)


# ------------------------------------------------------------------------------------------------
# sarif 2.1.0: code scanning in GitHub, Azure DevOps, editors
# ------------------------------------------------------------------------------------------------

_SARIF_LEVEL = {Severity.error: "error", Severity.warning: "warning", Severity.info: "note"}
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"


def _artifact_uri(path: str) -> str:
    candidate = Path(path)
    if candidate.is_absolute():
        return candidate.as_uri()
    return quote(candidate.as_posix())


def format_sarif(diagnostics: list[Diagnostic], files: list[str]) -> str:
    diagnostics = ordered(diagnostics)
    codes = sorted({d.code for d in diagnostics})
    rules = [{"id": code, "name": code, "shortDescription": {"text": code_title(code)}} for code in codes]
    results = []
    for diag in diagnostics:
        result: dict = {"ruleId": diag.code, "ruleIndex": codes.index(diag.code),
                        "level": _SARIF_LEVEL[diag.severity], "message": {"text": diag.message}}
        if diag.path:
            physical: dict = {"artifactLocation": {"uri": _artifact_uri(diag.path)}}
            if diag.line is not None:
                physical["region"] = {"startLine": diag.line}
                if diag.col is not None:
                    physical["region"]["startColumn"] = diag.col
                if diag.source_line is not None:
                    physical["region"]["snippet"] = {"text": diag.source_line}
            result["locations"] = [{"physicalLocation": physical}]
        results.append(result)
    document = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "kehoach", "version": __version__,
                                "informationUri": "https://pypi.org/project/kehoach/", "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


FORMATTERS: dict[str, Callable[[list[Diagnostic], list[str]], str]] = {
    "text": format_text,
    "json": format_json,
    "github": format_github,
    "sarif": format_sarif,
}
