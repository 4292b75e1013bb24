"""Plan data → YAML as a person writes it: block style, the examples' key order, long paragraphs
folded, short strings plain where safe, the schema modeline first, "# kiểm tra: …" comments where
the importer is unsure (ruamel.yaml round-trip types carry the comments)."""

from __future__ import annotations

import io

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

MODELINE = "yaml-language-server: $schema=./kehoach.schema.json"
WIDTH = 100
FOLD_AT = 80  # strings longer than this are folded over several lines


def _scalar(value, column: int):
    if not isinstance(value, str):
        return value
    if "\n" in value:
        return LiteralScalarString(value)
    if len(value) + column <= WIDTH - 4 or len(value) <= FOLD_AT // 2 or value != value.strip() or "  " in value:
        return value
    folded = FoldedScalarString(value)
    room = max(WIDTH - column - 2, 40)
    positions = []
    start = 0
    while len(value) - start > room:
        cut = value.rfind(" ", start, start + room)
        if cut <= start:
            cut = value.find(" ", start + room)
            if cut < 0:
                break
        # a fold must not land next to another space or before '#'
        if value[cut + 1:cut + 2] in (" ", "#", "") or value[cut - 1:cut] == " ":
            break
        positions.append(cut)
        start = cut + 1
    if positions:
        folded.fold_pos = positions
    return folded


def _convert(value, column: int):
    if isinstance(value, dict):
        out = CommentedMap()
        for key, child in value.items():
            out[key] = _convert(child, column + 2)
        return out
    if isinstance(value, list):
        out = CommentedSeq()
        for child in value:
            out.append(_convert(child, column + 4))
        return out
    return _scalar(value, column)


def _place(root, path: tuple, message: str) -> bool:
    """Attach ``# kiểm tra: message`` before the node at ``path`` (or its nearest existing parent)."""
    node = root
    parent, key, depth = None, None, 0
    for index, step in enumerate(path):
        if isinstance(node, CommentedMap) and step in node:
            parent, key, depth = node, step, index + 1
        elif isinstance(node, CommentedSeq) and isinstance(step, int) and step < len(node):
            parent, key, depth = node, step, index + 1
        else:
            break
        node = node[step]
    if parent is None:
        return False
    parent.yaml_set_comment_before_after_key(key, before=f"kiểm tra: {message}",
                                             indent=_indent(root, path[:depth]))
    return True


def _indent(root, path: tuple) -> int:
    """The column where the entry at ``path`` starts (mappings indent 2; "- " items at +2)."""
    column = 0
    node = root
    for step in path[:-1]:
        node = node[step]
        column += 2
    return column


def dump(data: dict, notes: list[tuple[tuple, str]], header: list[str]) -> str:
    root = _convert(data, 0)
    for path, message in notes:
        if not _place(root, path, message):
            header = [*header, f"kiểm tra: {message}"]
    root.yaml_set_start_comment("\n".join([MODELINE, *header]))
    yaml = YAML()
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # folding is decided above, per string
    yaml.allow_unicode = True
    buffer = io.StringIO()
    yaml.dump(root, buffer)
    return _spaced(buffer.getvalue())


def _spaced(text: str) -> str:
    """A blank line before each top-level key (and the comments just above it), as the examples."""
    lines = text.split("\n")
    out: list[str] = []
    seen_key = False
    for line in lines:
        if line[:1].isalpha():
            if seen_key:
                back = len(out)
                while back > 0 and out[back - 1].startswith("#"):
                    back -= 1
                out.insert(back, "")
            seen_key = True
        out.append(line)
    return "\n".join(out)
