"""Where the cursor is in a plan, read from the text's indentation (the buffer may not parse while
being typed): the keys above it, the model of the mapping it is in, and the field it names.

A path is a tuple of keys and ``0`` for "an item of a list" (the model does not depend on which
item), ready for ``source.messages.model_at``.
"""

from __future__ import annotations

import enum
import re
import typing
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from ...source.messages import field_types, model_at

# "  - - key: value" → the dashes and the key of a block line.
_LINE = re.compile(r"^(?P<indent> *)(?P<dashes>(?:- +)*)(?:(?P<key>[A-Za-z_][\w-]*) *:(?=\s|$))?")


@dataclass(frozen=True)
class Line:
    content: int  # column (0-based) where the line's content starts after indentation and dashes
    dashes: tuple[int, ...]  # columns of its "- " list indicators
    key: str | None
    key_col: int | None


def parse_line(text: str) -> Line | None:
    """The block structure of one line; None for a blank line or a comment."""
    stripped = text.strip()
    if not stripped or stripped.startswith("#"):
        return None
    match = _LINE.match(text)
    indent = len(match.group("indent"))
    dashes = tuple(indent + m.start() for m in re.finditer(r"-", match.group("dashes") or ""))
    content = match.end("dashes")
    key = match.group("key")
    return Line(content, dashes, key, content if key else None)


def path_at(lines: list[str], row: int, column: int, *, dash: bool = False) -> tuple[Any, ...]:
    """The path of the mapping that holds a key written at ``column`` on line ``row`` (0-based), or
    with ``dash``, of the list that holds an item whose "- " is at ``column``."""
    path: list[Any] = []
    col = column
    owner_may_share_column = dash  # a key may own a list whose dashes sit in its own column
    for index in range(row - 1, -1, -1):
        line = parse_line(lines[index]) if index < len(lines) else None
        if line is None:
            continue
        if line.key is not None and (line.key_col < col or (owner_may_share_column and line.key_col <= col)):
            path.insert(0, line.key)
            path[0:0] = [0] * len(line.dashes)  # "- key:" is the key of an item of a list
            col = line.dashes[0] if line.dashes else line.key_col
            owner_may_share_column = bool(line.dashes)
            if col == 0:
                break
        elif line.dashes and line.dashes[0] < col:  # a sibling key inside the same list item
            inner = [d for d in line.dashes if d < col]
            path[0:0] = [0] * len(inner)
            col = inner[0]
            owner_may_share_column = True
    return tuple(path)


def cursor_context(lines: list[str], row: int, character: int) -> tuple[tuple[Any, ...], Line | None, str]:
    """(path of the enclosing mapping, the cursor line's structure, the text before the cursor)."""
    text = lines[row] if row < len(lines) else ""
    before = text[:character]
    line = parse_line(text)
    if line is None:  # a blank line: the cursor's column says where a new key would go
        indent = len(before) - len(before.lstrip(" "))
        return path_at(lines, row, indent), None, before
    if line.dashes:
        path = (*path_at(lines, row, line.dashes[0], dash=True), *([0] * len(line.dashes)))
    else:
        path = path_at(lines, row, line.content)
    return path, line, before


def field_at(path: tuple[Any, ...], key: str) -> FieldInfo | None:
    model = model_at(path)
    return model.model_fields.get(key) if model is not None else None


def model_fields(path: tuple[Any, ...]) -> dict[str, FieldInfo]:
    model = model_at(path)
    return dict(model.model_fields) if model is not None else {}


def allowed_values(field: FieldInfo) -> list[str]:
    """The enumerated values of a field (Literal, Enum, bool), as YAML text."""
    values: list[str] = []
    for tp in field_types(field.annotation):
        if typing.get_origin(tp) is typing.Literal:
            values += [str(v) for v in typing.get_args(tp)]
        elif isinstance(tp, type) and issubclass(tp, enum.Enum):
            values += [str(member.value) for member in tp]
        elif tp is bool:
            values += ["true", "false"]
        elif typing.get_origin(tp) is list:
            for inner in field_types(typing.get_args(tp)[0]):
                if typing.get_origin(inner) is typing.Literal:
                    values += [str(v) for v in typing.get_args(inner)]
                elif isinstance(inner, type) and issubclass(inner, enum.Enum):
                    values += [str(member.value) for member in inner]
    return list(dict.fromkeys(values))


def is_model_field(field: FieldInfo) -> bool:
    """A field whose value is a mapping (or a list of mappings): completion inserts a new line after it."""
    for tp in field_types(field.annotation):
        if typing.get_origin(tp) is list:
            tp = typing.get_args(tp)[0]
        if any(isinstance(t, type) and issubclass(t, BaseModel) for t in field_types(tp)):
            return True
    return False


def field_help(key: str, field: FieldInfo) -> str:
    """Markdown: the field's title once, then its description (when it says more than the title)."""
    title = field.title or key
    text = f"**{title}** (`{key}`)"
    description = (field.description or "").strip()
    if description and description.rstrip(".") != title.rstrip("."):
        text += "\n\n" + description
    values = allowed_values(field)
    if values and values != ["true", "false"]:
        text += "\n\n" + ", ".join(f"`{v}`" for v in values)
    return text
