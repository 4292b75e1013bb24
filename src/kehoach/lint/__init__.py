"""Lint rules (quy tắc kiểm tra): run the selected rules on a loaded plan.

``lint(loaded)`` is what ``kehoach check`` calls after loading. Rules live one family per module;
importing a module registers its rules (see ``registry.py``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..common.diagnostics import Diagnostic, Severity
from ..source.config import Config, find_config
from ..source.loader import Loaded, Source
from .profiles import UnknownProfile, select
from .rules import register_all
from .rules.registry import RULES, Context, Finding, Rule

register_all()  # the families of rules/__init__.py's FAMILIES, in that order

__all__ = ["RULES", "Rule", "lint"]

_IGNORE = re.compile(r"#\s*kehoach:\s*ignore(?:\[([^\]]*)\])?")
SNIPPET_SEARCH_LINES = 300  # how far below its key a snippet of a block text may sit


def _ignored_lines(text: str) -> dict[int, set[str] | None]:
    """Line → codes silenced on it (None: every code), from ``# kehoach: ignore[...]`` comments."""
    out: dict[int, set[str] | None] = {}
    if "kehoach:" not in text:
        return out
    for number, line in enumerate(text.splitlines(), start=1):
        match = _IGNORE.search(line)
        if match:
            codes = match.group(1)
            out[number] = {c.strip() for c in codes.split(",") if c.strip()} if codes else None
    return out


def _silenced(code: str, lines: tuple[int | None, ...], ignored: dict[int, set[str] | None]) -> bool:
    for line in lines:
        if line in ignored:
            codes = ignored[line]
            if codes is None or any(code.startswith(c) for c in codes):
                return True
    return False


def _find_snippet(lines: list[str], snippet: str, line: int, col: int | None) -> tuple[int, int | None]:
    """Where ``snippet`` starts at or below (line, col); a folded block may break it across lines,
    so its first words are tried when the whole is not found."""
    words = snippet.split()
    candidates = [snippet] + [" ".join(words[:n]) for n in range(len(words) - 1, 1, -1)]
    first = line - 1
    last = min(len(lines), first + SNIPPET_SEARCH_LINES)
    for candidate in candidates:
        for index in range(first, last):
            found = lines[index].find(candidate, (col - 1) if index == first and col else 0)
            if found >= 0:
                return index + 1, found + 1
    return line, col


# Control characters (NUL, newlines, tabs, escapes) never reach a message: a rule quoting plan text
# would otherwise break one-line output, JSON consumers and SARIF (issue 26.10).
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def printable(message: str) -> str:
    """``message`` on one line: each run of control characters becomes one space."""
    return _CONTROL.sub(" ", message) if _CONTROL.search(message) else message


def _place(source: Source, lines: list[str], finding: Finding, code: str, severity: Severity) -> Diagnostic:
    """A diagnostic at the finding's loc, moved onto the exact words when a snippet is given.

    (``Source.diagnostic`` does the same without the snippet; ``lines`` is split once per plan.)
    """
    line, col = source.locate(finding.loc)
    if line is not None and finding.snippet:
        line, col = _find_snippet(lines, finding.snippet, line, col)
    text = lines[line - 1] if line is not None and 0 < line <= len(lines) else None
    return Diagnostic(code, printable(finding.message), severity, source.path, line, col, text)


def lint(loaded: Loaded, *, profile: str | None = None, config: Config | None = None) -> list[Diagnostic]:
    """Findings of every selected rule on ``loaded.plan``, located and sorted by line and column.

    ``profile`` (a name or a path) overrides the plan's ``profile:``. ``config`` defaults to the
    configuration found upwards from the plan file. Raises KehoachError (exit code 2) for a broken
    configuration or profile file. A plan that did not validate has no findings here: its schema
    errors are already in ``loaded.diagnostics``.
    """
    diagnostics = [diag for _, _, diag in run_rules(loaded, profile=profile, config=config)]
    kept = dict.fromkeys(diagnostics)  # one report per place and message
    return sorted(kept, key=lambda d: (d.line or 0, d.col or 0, d.code))  # stable: a rule's own order stays


def run_rules(loaded: Loaded, *, profile: str | None = None,
              config: Config | None = None) -> Iterator[tuple[Rule, Finding, Diagnostic]]:
    """(rule, finding, located diagnostic) of every selected rule, ignore comments applied, in rule
    order: what ``lint`` reports and what ``lint.fix`` fixes."""
    if loaded.plan is None:
        return
    source = loaded.source
    base = Path(source.path).parent if source.path else Path.cwd()
    config = config or find_config(base)
    ctx = Context(loaded, config)
    try:
        ctx.profile = select(loaded, profile, config)
    except UnknownProfile as exc:
        ctx.profile_error = str(exc)
    lines = source.lines
    ignored = _ignored_lines(source.text)
    for rule in RULES.values():
        if not config.enabled(rule.code) or (rule.needs_profile and ctx.profile is None):
            continue
        severity = config.severity_of(rule.code, rule.severity)
        for finding in rule.check(ctx):
            diag = _place(source, lines, finding, rule.code, severity)
            # A comment cannot sit inside a block scalar: one on its key's line covers the block.
            if not ignored or not _silenced(rule.code, (diag.line, source.locate(finding.loc)[0]), ignored):
                yield rule, finding, diag
