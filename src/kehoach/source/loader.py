"""Loading a plan file: bytes → text → YAML nodes with positions → plain data → ``Plan``.

The YAML is composed into nodes (ruamel.yaml) and turned into plain Python values here, not by
ruamel's constructor, so that every key, item and scalar keeps its line and column, numbers with
leading zeros stay text ("05"), and aliases are expanded under a budget.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import MappingEndEvent, MappingStartEvent, SequenceEndEvent, SequenceStartEvent
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.resolver import VersionedResolver

try:  # ruamel.yaml >= 0.19 limits the composer's depth itself
    from ruamel.yaml.composer import MaxDepthExceededError
except ImportError:  # pragma: no cover - older ruamel recurses instead; see parse_yaml
    class MaxDepthExceededError(MarkedYAMLError):  # type: ignore[no-redef]
        pass

from ..common.diagnostics import Code, Diagnostic, KehoachError, Severity
from ..common.i18n import tr
from ..model import Plan
from ..model.walk import Loc
from .hints import explain_yaml_error, scalar_hints


# The codes raised here, explained by ``kehoach rules`` (cli/codes.py gathers them).
CODES = (
    Code("KH001", "error", "YAML không hợp lệ", "Invalid YAML",
         "Tệp không phải YAML đúng cú pháp (thiếu dấu đóng ngoặc, thụt lề lệch, dấu ':' thừa…). Vị trí báo là chỗ "
         "trình đọc YAML phát hiện lỗi; lỗi thật thường ở ngay đó hoặc dòng trên.",
         "The file is not valid YAML (an unclosed bracket, uneven indentation, a stray ':'…). The position is "
         "where the YAML reader noticed it; the mistake is there or on the line above."),
    Code("KH002", "error", "Khóa bị lặp lại", "Duplicate key",
         "Một khóa xuất hiện hai lần trong cùng một bảng khóa; YAML sẽ lặng lẽ giữ giá trị sau, nên kehoach từ chối.",
         "A key appears twice in one mapping; YAML would silently keep the later value, so kehoach refuses it."),
    Code("KH003", "error", "Tệp quá phức tạp (alias bomb)", "File too complex (alias bomb)",
         "Tệp dùng bí danh YAML (&, *) nhân lên quá nhiều nút; một kế hoạch thật không cần thế. Giới hạn này bảo "
         "vệ máy khỏi tệp độc hại.",
         "The file's YAML aliases (&, *) expand to too many nodes; no real plan needs that. The limit protects the "
         "machine from hostile files."),
    Code("KH004", "error", "Lồng nhau quá sâu", "Nested too deeply",
         "Các bảng khóa, danh sách lồng nhau sâu quá giới hạn; hãy làm phẳng cấu trúc.",
         "Mappings and lists are nested deeper than the limit; flatten the structure."),
    Code("KH104", "error", "Tệp kế hoạch không phải bảng khóa", "Plan file is not a mapping",
         "Cấp ngoài cùng của tệp kế hoạch phải là một bảng khóa: giá trị (letterhead:, title:, …), không phải danh "
         "sách, một văn bản, hay tệp trống.",
         "The top level of a plan file must be a mapping of keys to values (letterhead:, title:, …), not a list, "
         "a single text or an empty file."),
)

# Nodes reached again through an alias (each use of an alias counts its whole subtree). Plain nodes
# are bounded by the file size (encoding.MAX_BYTES): a 40,000-row table is a plan, not a bomb.
MAX_ALIAS_NODES = 200_000
MAX_DEPTH = 64


@dataclass
class Source:
    """The text of a plan file and the position of every key and item in it."""

    path: str | None
    text: str
    positions: dict[Loc, tuple[int, int]] = field(default_factory=dict)  # 1-based (line, col)
    hints: list[Diagnostic] = field(default_factory=list)  # KH030/KH031 found while converting

    @property
    def lines(self) -> list[str]:
        return self.text.splitlines()

    def locate(self, loc: Loc) -> tuple[int | None, int | None]:
        """Position of ``loc``, or of its nearest located ancestor."""
        loc = tuple(loc)
        while loc:
            if loc in self.positions:
                return self.positions[loc]
            loc = loc[:-1]
        return self.positions.get((), (None, None))

    def line_text(self, line: int | None) -> str | None:
        if line is None:
            return None
        lines = self.lines
        return lines[line - 1] if 0 < line <= len(lines) else None

    def diagnostic(self, loc: Loc, code: str, message: str, severity: Severity = Severity.error) -> Diagnostic:
        line, col = self.locate(loc)
        return Diagnostic(code, message, severity, self.path, line, col, self.line_text(line))


@dataclass
class Loaded:
    """A loaded plan: the model (None when invalid), its source and what loading found."""

    source: Source
    data: Any = None
    plan: Plan | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)


class _Converter:
    """Composed YAML nodes → plain values, recording positions."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.seen: set[int] = set()  # ids of the nodes converted once (the tree holds them all alive)
        self.expanded = 0
        self.lines = source.lines
        self.hints: list[Diagnostic] = []  # warnings about text YAML read otherwise than meant

    def convert(self, node: Node, loc: Loc, depth: int = 0) -> Any:
        if id(node) in self.seen:
            self.expanded += 1
            if self.expanded > MAX_ALIAS_NODES:
                raise self._fail(node, "KH003", tr(
                    "tệp quá phức tạp (alias mở rộng ra hơn {n} phần tử): có thể là 'alias bomb'",
                    "file too complex (aliases expand to more than {n} elements): possibly an alias bomb",
                    n=MAX_ALIAS_NODES))
        else:
            self.seen.add(id(node))
        if depth > MAX_DEPTH:
            raise _too_deep(self.source, node.start_mark.line + 1, node.start_mark.column + 1)
        self.source.positions.setdefault(loc, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, MappingNode):
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, ScalarNode):
                    raise self._fail(key_node, "KH001", tr("khóa phải là một chuỗi", "a key must be a string"))
                if key_node.value == "<<":
                    raise self._fail(key_node, "KH001", tr(
                        "không hỗ trợ khóa gộp '<<'", "merge keys '<<' are not supported"))
                key = self.scalar(key_node)
                if key in result:
                    raise self._fail(key_node, "KH002", tr(
                        "khóa `{key}` bị lặp lại", "duplicate key `{key}`", key=key))
                child = (*loc, key)
                self.source.positions[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
                result[key] = self.convert(value_node, child, depth + 1)
            return result
        if isinstance(node, SequenceNode):
            return [self.convert(item, (*loc, i), depth + 1) for i, item in enumerate(node.value)]
        if not node.style:  # type: ignore[attr-defined]  # plain text: a '#' or a line break may not mean what the author meant
            self.hints += scalar_hints(node, self.lines, self.source.path)
        return self.scalar(node)

    def scalar(self, node: ScalarNode) -> Any:
        tag = node.tag if isinstance(node.tag, str) else node.tag.value  # type: ignore[attr-defined]
        value = node.value
        if node.style == ">":
            # The round-trip scanner marks each fold of a folded scalar with "\a" (its constructor
            # removes them; we build values from nodes ourselves).
            value = value.replace("\a", "")
        if node.style:  # quoted or block scalars are always text
            return value
        if tag.endswith(":null"):
            return None
        if tag.endswith(":bool"):
            return value.lower() in ("true", "yes", "on")
        if tag.endswith(":int"):
            digits = value.lstrip("+-")
            if len(digits) > 1 and digits.startswith("0") and digits.isdigit():
                return value  # "05", "0134": a document number keeps its zeros
            try:
                return int(value.replace("_", ""), 0)
            except ValueError:
                return value
        if tag.endswith(":float"):
            try:
                return float(value.replace("_", ""))
            except ValueError:
                return value
        if tag.endswith(":timestamp"):
            match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", value)
            if match:
                try:
                    return dt.date(*map(int, match.groups()))
                except ValueError:
                    return value
            return value
        return value

    def _fail(self, node: Node, code: str, message: str) -> KehoachError:
        line, col = node.start_mark.line + 1, node.start_mark.column + 1
        return KehoachError([Diagnostic(code, message, Severity.error, self.source.path, line, col,
                                        self.source.line_text(line))])


def _too_deep(source: Source, line: int | None = None, col: int | None = None) -> KehoachError:
    return KehoachError([Diagnostic("KH004", tr(
        "lồng nhau quá sâu (hơn {n} cấp)", "nested too deeply (more than {n} levels)", n=MAX_DEPTH),
        Severity.error, source.path, line, col, source.line_text(line))])


def _first_too_deep(source: Source) -> tuple[int | None, int | None]:
    """Where nesting first passes MAX_DEPTH, found from the parser's event stream (no recursion)."""
    depth = 0
    try:
        for event in YAML(typ="rt", pure=True).parse(source.text):
            if isinstance(event, (MappingStartEvent, SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    return event.start_mark.line + 1, event.start_mark.column + 1
            elif isinstance(event, (MappingEndEvent, SequenceEndEvent)):
                depth -= 1
    except (YAMLError, RecursionError):
        pass
    return None, None


# The C parser (ruamel.yaml.clib) composes ~10x faster than the pure one, but it recurses natively
# (a segfault at ~100,000 levels), so it only gets documents that cannot nest deeper than this.
C_COMPOSE_MAX_BOUND = 1000


class _Yaml12Resolver(VersionedResolver):
    """YAML 1.2 scalars, without asking the scanner for each scalar which version it reads (the C
    parser has no scanner to ask: every lookup failed through two AttributeErrors, a third of the
    loading time)."""

    processing_version = (1, 2)


_LINE_OPENING = re.compile(r"^[ ?-]*", re.M)


def _nesting_bound(text: str) -> int:
    """A quick upper bound of the nesting depth, without parsing: flow brackets, plus twice the
    longest run of indentation and block indicators ("- ", "? ") opening a line."""
    block = max(map(len, _LINE_OPENING.findall(text)), default=0)
    return text.count("[") + text.count("{") + 2 * block + 2


def _deeper_than(text: str, limit: int) -> bool:
    """Whether the document nests deeper than ``limit``, from the C parser's events. libyaml parses
    with an explicit stack (it is its composer that recurses), and the walk stops as soon as the
    limit is passed, so a hostile document costs no more than its first ``limit`` levels. Brackets
    in quoted strings, block scalars and comments are text to the parser, so they do not count."""
    depth = 0
    try:
        for event in YAML(typ="safe", pure=False).parse(text):
            if isinstance(event, (MappingStartEvent, SequenceStartEvent)):
                depth += 1
                if depth > limit:
                    return True
            elif isinstance(event, (MappingEndEvent, SequenceEndEvent)):
                depth -= 1
    except YAMLError:
        return True  # the pure parser reports the error, with its usual message
    return False


def c_parser_is_safe(text: str, limit: int = C_COMPOSE_MAX_BOUND) -> bool:
    """True when ``text`` may be composed by the C parser: surely shallow by the quick bound, or,
    when that bound is passed (many brackets, long indentation), shallow by the parser's events."""
    if _nesting_bound(text) <= C_COMPOSE_MAX_BOUND:
        return True
    return not _deeper_than(text, limit)


def safe_yaml(text: str) -> YAML:
    """A YAML 1.2 safe loader for ``text`` (profiles, configuration-like files): ruamel's C parser
    unless the document may nest too deep for it, the pure-Python parser then."""
    yaml = YAML(typ="safe", pure=not c_parser_is_safe(text))
    yaml.Resolver = _Yaml12Resolver
    return yaml


def parse_yaml(source: Source) -> Any:
    """The plain data of ``source.text``, filling ``source.positions``; raises KehoachError."""
    # Deeper than MAX_DEPTH is an error: the pure parser reports where (see _first_too_deep).
    if c_parser_is_safe(source.text, MAX_DEPTH + 1):
        yaml = YAML(typ="safe", pure=False)  # the C parser when ruamel.yaml.clib is installed
        yaml.Resolver = _Yaml12Resolver
    else:
        yaml = YAML(typ="rt", pure=True)
    # ruamel ≥ 0.19 stops composing past this depth; older versions recurse until RecursionError,
    # which is caught below. Composer depth counts the root node as 1.
    yaml.max_depth = MAX_DEPTH + 1
    try:
        node = yaml.compose(source.text)
    except MaxDepthExceededError as exc:
        mark = exc.problem_mark
        raise _too_deep(source, mark.line + 1, mark.column + 1) from None
    except RecursionError:
        raise _too_deep(source, *_first_too_deep(source)) from None
    except MarkedYAMLError as exc:
        message, line, col = explain_yaml_error(exc, source.lines)
        raise KehoachError([Diagnostic("KH001", message, Severity.error, source.path, line, col,
                                       source.line_text(line))]) from None
    except YAMLError as exc:
        raise KehoachError([Diagnostic("KH001", tr("YAML không hợp lệ: {p}", "invalid YAML: {p}", p=exc),
                                       Severity.error, source.path)]) from None
    if node is None:
        return None
    converter = _Converter(source)
    data = converter.convert(node, ())
    source.hints = converter.hints
    return data


def validate(data: Any, source: Source) -> tuple[Plan | None, list[Diagnostic]]:
    """``Plan`` from plain data, or the schema errors located in the source."""
    if not isinstance(data, dict):
        return None, [source.diagnostic((), "KH104", tr(
            "tệp kế hoạch phải là một bảng khóa: giá trị (mapping)", "a plan file must be a mapping of keys to values"))]
    try:
        return Plan.model_validate(data), []
    except ValidationError as exc:
        from .messages import describe_all  # plain-language rewrite of pydantic errors: a valid plan never needs it

        return None, describe_all(exc.errors(include_url=False), data, source)


def read_text(path: Path) -> tuple[str, list[Diagnostic]]:
    """The decoded text of a plan file and notes about its encoding; raises KehoachError."""
    from .encoding import decode  # encoding detection and NFC normalisation

    return decode(path)


def _position(diag: Diagnostic) -> tuple[int, int]:
    return diag.line or 0, diag.col or 0


def load_text(text: str, path: str | Path) -> Loaded:
    """Load and validate a plan given as text (an editor's unsaved buffer) that lives at ``path``."""
    from .encoding import decode_text

    source = Source(str(path), text)
    notes: list[Diagnostic] = []
    try:
        source.text, notes = decode_text(text, path)
        data = parse_yaml(source)
        plan, errors = validate(data, source)
    except KehoachError as exc:
        return Loaded(source, diagnostics=notes + exc.diagnostics)
    except RecursionError:
        return Loaded(source, diagnostics=notes + _too_deep(source).diagnostics)
    return Loaded(source, data, plan, sorted(notes + source.hints + errors, key=_position))


def load_path(path: str | Path) -> Loaded:
    """Load and validate one plan file. Problems are returned as diagnostics, never raised."""
    path = Path(path)
    source = Source(str(path), "")
    notes: list[Diagnostic] = []
    try:
        source.text, notes = read_text(path)
        data = parse_yaml(source)
        plan, errors = validate(data, source)
    except KehoachError as exc:
        return Loaded(source, diagnostics=notes + exc.diagnostics)
    except RecursionError:  # a last guard: parse_yaml and the depth limit should prevent it
        return Loaded(source, diagnostics=notes + _too_deep(source).diagnostics)
    return Loaded(source, data, plan, sorted(notes + source.hints + errors, key=_position))
