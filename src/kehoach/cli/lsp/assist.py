"""Hover and completion from the schema: the field under the cursor, the keys a mapping may hold,
the values a field allows. The titles and descriptions are the models' own (those of the JSON
Schema ``kehoach schema`` writes), in Vietnamese."""

from __future__ import annotations

from lsprotocol import types

from ...common.diagnostics import Diagnostic
from .outline import allowed_values, cursor_context, field_at, field_help, is_model_field, model_fields


def _rule_help(code: str) -> str | None:
    from ...pipeline.check import rules
    from ..codes import CODES

    rule = rules().get(code)
    if rule is not None:
        return f"**{rule.code}** {rule.title} ({rule.locator})\n\n{rule.explanation}"
    if code in CODES:
        return f"**{code}** {CODES[code].title}\n\n{CODES[code].explanation}"
    return None


def hover(text: str, position: types.Position, findings: list[Diagnostic]) -> types.Hover | None:
    lines = text.splitlines()
    parts: list[str] = []
    if position.line < len(lines):
        path, line, _ = cursor_context(lines, position.line, position.character)
        if line is not None and line.key is not None:
            field = field_at(path, line.key)
            if field is not None:
                parts.append(field_help(line.key, field))
    for diag in findings:
        if diag.line == position.line + 1:
            explanation = _rule_help(diag.code)
            if explanation and explanation not in parts:
                parts.append(explanation)
    if not parts:
        return None
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)))


def completion(text: str, position: types.Position) -> types.CompletionList:
    lines = text.splitlines()
    items: list[types.CompletionItem] = []
    path, line, before = cursor_context(lines, position.line, position.character)
    if line is not None and line.key is not None and before.find(":", line.key_col) != -1:
        # After "key:": the values the field allows.
        field = field_at(path, line.key)
        if field is not None:
            for value in allowed_values(field):
                items.append(types.CompletionItem(label=value, kind=types.CompletionItemKind.EnumMember,
                                                  detail=field.title))
        return types.CompletionList(is_incomplete=False, items=items)
    present = _keys_of_mapping(lines, position.line, path)
    for key, field in model_fields(path).items():
        if key in present:
            continue
        nested = is_model_field(field)
        items.append(types.CompletionItem(
            label=key, kind=types.CompletionItemKind.Property, detail=field.title,
            documentation=types.MarkupContent(kind=types.MarkupKind.Markdown, value=field_help(key, field)),
            insert_text=f"{key}:" if nested else f"{key}: ", filter_text=key))
    return types.CompletionList(is_incomplete=False, items=items)


def _keys_of_mapping(lines: list[str], row: int, path: tuple) -> set[str]:
    """Keys already written in the mapping at ``path`` around ``row`` (same path, next to it)."""
    found = set()
    current = lines[row] if row < len(lines) else ""
    own = cursor_context(lines, row, len(current))[1]
    if own is not None and own.dashes:  # the cursor is on the "- key:" line that opens its item
        return found
    for step in (-1, 1):
        index = row + step
        while 0 <= index < len(lines) and abs(index - row) < 400:
            other_path, other, _ = cursor_context(lines, index, len(lines[index]))
            if other is not None and other.key is not None and other_path == path:
                if other.dashes and step == 1:
                    break  # the next item of the list
                found.add(other.key)
                if other.dashes:
                    break  # the line that opens this item
            elif other is not None and len(other_path) < len(path):
                break  # left the mapping
            index += step
    return found
