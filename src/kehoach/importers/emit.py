"""A Plan → YAML as a person writes it: the fields given, block style, the examples' key order
(``plain``), long paragraphs folded (``>-``), short strings plain where that is safe and double-quoted
otherwise, the schema modeline first, "# kiểm tra (KH5nn): …" comments right above the entries at the
plan paths of the importer's notes.

The emitter is written here for speed (ruamel's round-trip dumper spends ~0.3 s on a 26-page plan,
most of it analysing scalars) and checked, not trusted: the text is read back with ruamel's C loader
and must give the same data, else ruamel's dumper writes it instead.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re

from typing import TYPE_CHECKING

from .notes import GENERAL, Note
from .plain import plain

if TYPE_CHECKING:
    from ..model import Plan

MODELINE = "yaml-language-server: $schema=./kehoach.schema.json"
WIDTH = 100
FOLD_AT = 70  # strings longer than this are folded when they do not fit on their key's line

_SPECIAL_PLAIN = re.compile(
    r"^(?:[-+]?(?:\d[\d_]*)?(?:\.\d*)?(?:[eE][-+]?\d+)?|0[xob][0-9a-fA-F_]+|[-+]?\.(?:inf|nan)"
    r"|true|false|null|~|yes|no|on|off|y|n|=|<<)$", re.I)
_DATE_LIKE = re.compile(r"^\d{4}-\d{1,2}(?:-\d{1,2})?")
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")


def _plain_ok(text: str) -> bool:
    if not text or text != text.strip() or _UNSAFE.search(text):
        return False
    if text[0] in _INDICATORS or ": " in text or " #" in text or text.endswith(":"):
        return False
    return not (_SPECIAL_PLAIN.match(text) or _DATE_LIKE.match(text))


def _key(key) -> str:
    """A mapping key as YAML must read it back: a footnote id '1' quoted, or it reads as an integer."""
    if isinstance(key, int) and not isinstance(key, bool):
        return str(key)  # a level number ("headings: {0: plain}") stays a number
    text = str(key)
    return text if _plain_ok(text) else _quoted(text)


def _comment(text: str) -> str:
    """A comment's text on one line, with no character YAML forbids (a note may quote the original)."""
    text = text.replace("\r", " ").replace("\n", " ")
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _foldable(text: str) -> bool:
    return text == text.strip() and "  " not in text and not _UNSAFE.search(text) and "\n" not in text


def _quoted(text: str) -> str:
    """Double-quoted; characters YAML reads as line breaks or forbids (NEL, LS, PS, C1) escaped."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(text, ensure_ascii=False))


def _fold(text: str, room: int) -> list[str]:
    lines: list[str] = []
    while len(text) > room:
        cut = text.rfind(" ", 0, room)
        if cut <= 0:
            cut = text.find(" ", room)
            if cut < 0:
                break
        lines.append(text[:cut])
        text = text[cut + 1:]
    lines.append(text)
    return lines


class _Writer:
    def __init__(self, notes: dict[tuple, list[tuple]]) -> None:
        self.out: list[str] = []
        self.notes = notes  # plan path → the (path, message) notes whose comment goes above it
        self.written: list[tuple[tuple, int]] = []  # (note, index of its comment in ``out``)

    def comments(self, path: tuple, column: int) -> None:
        for note in self.notes.pop(path, []):
            self.written.append((note, len(self.out)))
            self.out.append(" " * column + f"# {_comment(_check(note[1]))}")

    def scalar(self, value, column: int, prefix: str) -> None:
        """``prefix`` is the text before the value on its line ("key: ", "- ")."""
        pad = " " * column
        if isinstance(value, bool):
            self.out.append(f"{pad}{prefix}{'true' if value else 'false'}")
        elif isinstance(value, (int, float)):
            self.out.append(f"{pad}{prefix}{value}")
        elif isinstance(value, dt.date):
            self.out.append(f"{pad}{prefix}{value.isoformat()}")
        elif value is None:
            self.out.append(f"{pad}{prefix}null")
        elif isinstance(value, (list, dict)):  # only empty ones reach here
            self.out.append(f"{pad}{prefix}{'[]' if isinstance(value, list) else '{}'}")
        else:
            text = str(value)
            inner = " " * (column + 2)
            if "\n" in text:
                lines = text.split("\n")
                if all(line == line.rstrip() and not _UNSAFE.search(line) for line in lines) and \
                        not lines[0].startswith(" ") and all(lines):
                    self.out.append(f"{pad}{prefix}|-")
                    self.out.extend(inner + line for line in lines)
                else:
                    self.out.append(f"{pad}{prefix}{_quoted(text)}")
                return
            rendered = text if _plain_ok(text) else _quoted(text)
            if column + len(prefix) + len(rendered) <= WIDTH or len(text) <= FOLD_AT or not _foldable(text):
                self.out.append(f"{pad}{prefix}{rendered}")
                return
            self.out.append(f"{pad}{prefix}>-")
            self.out.extend(inner + line for line in _fold(text, max(WIDTH - len(inner), 40)))

    def node(self, value, column: int, prefix: str, path: tuple) -> None:
        pad = " " * column
        if isinstance(value, dict):
            if not value:
                self.out.append(f"{pad}{prefix}{{}}")
                return
            first = True
            for key, child in value.items():
                if first and prefix:
                    # the first key shares the "- " line of its list item
                    self.entry(key, child, column + len(prefix), path + (key,), lead=pad + prefix)
                else:
                    self.entry(key, child, column + (len(prefix) if prefix else 0), path + (key,))
                first = False
            return
        if isinstance(value, list):
            if not value:
                self.out.append(f"{pad}{prefix}[]")
                return
            if prefix:
                self.out.append(f"{pad}{prefix.rstrip()}")
            for index, child in enumerate(value):
                self.item(child, column + 2 if prefix else column, path + (index,))
            return
        self.scalar(value, column, prefix)

    def entry(self, key: str, value, column: int, path: tuple, lead: str | None = None) -> None:
        if lead is None:
            self.comments(path, column)
        head = lead if lead is not None else " " * column
        if isinstance(value, (dict, list)) and value:
            self.out.append(f"{head}{_key(key)}:")
            if isinstance(value, dict):
                for child_key, child in value.items():
                    self.entry(child_key, child, column + 2, path + (child_key,))
            else:
                for index, child in enumerate(value):
                    self.item(child, column + 2, path + (index,))
        else:
            start = len(self.out)
            self.scalar(value, column, f"{_key(key)}: ")
            if lead is not None:  # replace the indentation with the item's "- " lead
                self.out[start] = lead + self.out[start][column:]

    def item(self, value, column: int, path: tuple) -> None:
        self.comments(path, column)
        if isinstance(value, dict) and value:
            keys = list(value.items())
            first_key, first_value = keys[0]
            self.comments(path + (first_key,), column)  # above the "- " line it shares
            self.entry(first_key, first_value, column + 2, path + (first_key,), lead=" " * column + "- ")
            for key, child in keys[1:]:
                self.entry(key, child, column + 2, path + (key,))
        elif isinstance(value, list) and value:
            start = len(self.out)
            for index, child in enumerate(value):
                self.item(child, column + 2, path + (index,))
            self.out[start] = " " * column + "- " + self.out[start][column + 2:]
        else:
            self.scalar(value, column, "- ")


def _nearest(data, path: tuple) -> tuple:
    """The longest prefix of ``path`` that exists in ``data``."""
    node = data
    found: tuple = ()
    for step in path:
        if isinstance(node, dict) and step in node or isinstance(node, list) and isinstance(step, int) \
                and 0 <= step < len(node):
            node = node[step]
            found += (step,)
        else:
            break
    return found


def _check(message: str, path: tuple | None = None) -> str:
    """A note as its comment says it: "kiểm tra (KH514): …", with its plan path when it is not in place."""
    where = f"{'.'.join(map(str, path)) or '/'}: " if path is not None else ""
    return f"kiểm tra ({getattr(message, 'code', GENERAL)}): {where}{message}"


def dump(plan: Plan, notes: list[tuple[tuple, str]], header: list[str]) -> str:
    """The YAML of ``plan`` with ``notes`` ((plan path, message) pairs, ``notes.Note``) as comments above
    their entries; ``header`` lines go at the top."""
    return write_yaml(plain(plan), notes, header)


def write_yaml(data: dict, notes: list[tuple[tuple, str]], header: list[str]) -> str:
    """Plain data (``plain``) → the text, read back to prove it. Each ``notes.Note`` learns the line
    of its comment in the text (``line``), so the command can list the notes as findings are listed."""
    placed: dict[tuple, list[tuple]] = {}
    extra: list[tuple[tuple, str]] = []  # (note, its comment at the top of the file)
    for note in notes:
        path, message = note
        target = _nearest(data, path)
        if target:
            placed.setdefault(target, []).append(note)
        else:
            extra.append((note, _check(message)))
    writer = _Writer(placed)
    for index, (key, value) in enumerate(data.items()):
        if index:
            writer.out.append("")
        writer.entry(key, value, 0, (key,))
    for path, pending in writer.notes.items():  # a place the writer never visited: say it at the top
        extra += [(note, _check(note[1], path)) for note in pending]
    top = [MODELINE, *header]
    head = [f"# {_comment(line)}" for line in (*top, *(comment for _note, comment in extra))]
    text = "\n".join([*head, "", *writer.out]) + "\n"
    if _reads_back(text, data):
        _set_lines([(note, len(top) + 1 + k) for k, (note, _comment_text) in enumerate(extra)])
        _set_lines([(note, len(head) + 2 + index) for note, index in writer.written])  # a blank line after the head
        return text
    # Never write what does not read back as the data; the careful dumper cannot place comments, so
    # every note goes to the top of the file with its location: none is lost.
    located = [_check(message, path) for path, message in notes]
    _set_lines([(note, len(top) + 1 + k) for k, note in enumerate(notes)])
    return _ruamel_dump(data, [f"# {_comment(line)}" for line in (*top, *located)])


def _set_lines(lines: list[tuple[tuple, int]]) -> None:
    for note, line in lines:
        if isinstance(note, Note):
            note.line = line


def _reads_back(text: str, data: dict) -> bool:
    from ruamel.yaml import YAML

    try:
        return YAML(typ="safe").load(text) == data
    except Exception:  # noqa: BLE001 - any failure means: use the careful dumper
        return False


def _ruamel_dump(data: dict, head: list[str]) -> str:
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # no folded plain scalars: a folded line reads as a joined paragraph (KH031)
    yaml.allow_unicode = True
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    return "\n".join([*head, "", buffer.getvalue()])
