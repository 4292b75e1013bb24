"""Batch placeholders (chỗ điền theo đơn vị): ``{{ unit.name }}`` inside a plan's string values.

This is the one place where YAML values are treated as templates, and only in batch mode. They are
rendered by Jinja's immutable sandbox with strict undefined: a template can read the unit's fields
and call filters, nothing else, and a field the row does not have is an error naming the unit, the
field and the YAML position of the string. After rendering, dotted columns of the row
(``signature.name``) override plan fields.

The template strings are found and compiled once per plan; rendering a unit copies only the
containers on the way to a changed value, so the cost per unit is the cost of its placeholders.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from jinja2 import StrictUndefined, TemplateError, Undefined, UndefinedError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import missing

from ..common.diagnostics import Code, Diagnostic, KehoachError
from ..common.i18n import tr
from ..source.loader import Loc, Source
from ..common.vn import upper
from .units import Unit


# The codes raised here, explained by ``kehoach rules`` (cli/codes.py gathers them).
CODES = (
    Code("KH160", "error", "Đơn vị thiếu trường chỗ điền cần", "Unit lacks a placeholder field",
         "Kế hoạch mẫu có chỗ điền `{{ unit.<cột> }}` mà bảng đơn vị không có cột đó, hoặc dùng tên khác `unit.*`.",
         "The template plan has a `{{ unit.<column> }}` placeholder whose column the units table lacks, or uses "
         "a name other than `unit.*`."),
    Code("KH161", "error", "Chỗ điền không hợp lệ", "Invalid placeholder",
         "Một chỗ điền `{{ … }}` của kế hoạch mẫu sai cú pháp hoặc không tính được cho một đơn vị.",
         "A `{{ … }}` placeholder of the template plan is malformed or cannot be computed for a unit."),
    Code("KH162", "error", "Cột không chỉ tới trường kế hoạch", "Column is not a plan field",
         "Một cột có dấu chấm của bảng đơn vị (ví dụ `signature.name`) không chỉ tới trường nào của kế hoạch.",
         "A dotted column of the units table (for example `signature.name`) points at no field of the plan."),
)

MARKERS = ("{{", "{%", "{#")


class UnitFailed(Exception):
    """A unit whose plan cannot be produced; carries its diagnostics."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__("\n".join(map(str, diagnostics)))
        self.diagnostics = diagnostics


class MissingField(UndefinedError):
    def __init__(self, name: str | None, of_unit: bool, message: str | None = None) -> None:
        super().__init__(message)
        self.name = name
        self.of_unit = of_unit


class _Strict(StrictUndefined):
    """Strict undefined whose error remembers which name was missing."""

    __slots__ = ()

    def __init__(self, hint: str | None = None, obj: Any = missing, name: str | None = None,
                 exc: type = UndefinedError) -> None:
        super().__init__(hint, obj, name, functools.partial(MissingField, name, obj is not missing))


def lower_first(text: object) -> str:
    """A unit name inside a sentence: "Phường Long Xuyên" → "phường Long Xuyên" (``| lower`` would
    also lower the proper name)."""
    text = str(text)
    return text[:1].lower() + text[1:]


class NotAValue(TypeError):
    """A placeholder that gives a function, method or class instead of a value."""


def _value_only(value: Any) -> Any:
    """What ``{{ … }}`` prints must be data: a method or function would print as
    "<built-in method keys of dict object at 0x7f…>", a memory address, into a document."""
    if isinstance(value, Undefined):
        return value  # a missing field: its own error (KH160) when printed
    if callable(value) or isinstance(value, type):
        raise NotAValue(tr("kết quả là một hàm/phương thức, không phải giá trị (thiếu `()`, hay nhầm tên cột?)",
                           "the result is a function or method, not a value (a missing `()`, or a wrong "
                           "column name?)"))
    return value


_ADDRESS = re.compile(r" (?:object )?at 0x[0-9a-fA-F]+")


def _said(exc: BaseException) -> str:
    """An exception's message without memory addresses (they differ every run and mean nothing)."""
    return _ADDRESS.sub("", str(exc)) or type(exc).__name__


def _environment() -> ImmutableSandboxedEnvironment:
    env = ImmutableSandboxedEnvironment(undefined=_Strict, autoescape=False, keep_trailing_newline=True,
                                        finalize=_value_only)
    env.filters["upper"] = upper  # NFC-safe for Vietnamese
    env.filters["lower_first"] = lower_first
    return env


def _strings(data: Any, loc: Loc = ()) -> list[tuple[Loc, str]]:
    """Every string value in ``data`` that contains a Jinja marker, with its location."""
    if isinstance(data, dict):
        return [found for key, value in data.items() for found in _strings(value, (*loc, key))]
    if isinstance(data, list):
        return [found for i, value in enumerate(data) for found in _strings(value, (*loc, i))]
    if isinstance(data, str) and any(marker in data for marker in MARKERS):
        return [(loc, data)]
    return []


def _replace(root: Any, path: tuple[Any, ...], value: Any) -> Any:
    """A copy of ``root`` with ``path`` set to ``value``; only the containers on the path are copied."""
    if not path:
        return value
    head, rest = path[0], path[1:]
    copy = dict(root) if isinstance(root, dict) else list(root)
    child = copy.get(head) if isinstance(copy, dict) else copy[head]
    copy[head] = _replace({} if child is None else child, rest, value)
    return copy


def _reading_row(values: dict[str, Any], read: list[str]) -> dict[str, Any]:
    """A row (a plain mapping to the sandbox) that appends each column read to ``read``."""

    class Row(dict):
        __slots__ = ()

        def __getitem__(self, key: Any) -> Any:
            if isinstance(key, str) and key not in read:
                read.append(key)
            return dict.__getitem__(self, key)

    return Row(values)


class Placeholders:
    """The placeholder strings of one template plan, compiled once."""

    def __init__(self, data: Any, source: Source) -> None:
        self.data = data
        self.source = source
        env = _environment()
        self.slots: list[tuple[Loc, Any]] = []
        problems: list[Diagnostic] = []
        for loc, text in _strings(data):
            try:
                self.slots.append((loc, env.from_string(text)))
            except TemplateError as exc:
                problems.append(source.diagnostic(loc, "KH161", tr(
                    "chỗ điền không hợp lệ: {e}", "invalid placeholder: {e}", e=_said(exc))))
        if problems:
            raise KehoachError(problems, exit_code=1)

    def columns(self, available: list[str]) -> tuple[list[tuple[str, Loc]], list[str]]:
        """(columns the placeholders need that ``available`` lacks, each with where it is first
        used; every column they read), found by filling every slot once from a row that has all of
        ``available``. A column read under ``| default(...)`` is not needed; one read only in a
        branch the probe row does not take is not seen (units then fail one by one, as before)."""
        read: list[str] = []
        missing: dict[str, Loc] = {}
        for loc, template in self.slots:
            row = _reading_row(dict.fromkeys(available, "x"), read)
            for _attempt in range(64):  # one more missing column per round
                try:
                    template.render(unit=row)
                    break
                except MissingField as exc:
                    # Not a column: outside ``unit``, or an attribute of the row object (unsafe).
                    if not exc.of_unit or exc.name is None or hasattr(dict, exc.name) or exc.name in row:
                        break
                    missing.setdefault(exc.name, loc)
                    dict.__setitem__(row, exc.name, "x")
                except Exception:  # an expression that needs real values: leave it to the units
                    break
        return list(missing.items()), read

    def render(self, unit: Unit) -> Any:
        """The plan data for ``unit``: placeholders rendered, then dotted columns applied.

        Raises UnitFailed with every problem found (not just the first).
        """
        data = self.data
        problems: list[Diagnostic] = []
        for loc, template in self.slots:
            try:
                data = _replace(data, loc, template.render(unit=unit.fields))
            except MissingField as exc:
                if exc.of_unit:
                    message = tr("đơn vị «{u}» không có trường `unit.{f}`", "unit «{u}» has no field `unit.{f}`",
                                 u=unit.label, f=exc.name)
                else:
                    message = tr("đơn vị «{u}»: `{f}` không xác định (chỉ dùng được `unit.<cột>`)",
                                 "unit «{u}»: `{f}` is undefined (only `unit.<column>` is available)",
                                 u=unit.label, f=exc.name)
                problems.append(self.source.diagnostic(loc, "KH160", message))
            except Exception as exc:  # sandbox violations, type errors inside an expression
                problems.append(self.source.diagnostic(loc, "KH161", tr(
                    "đơn vị «{u}»: không điền được chỗ điền: {e}", "unit «{u}»: cannot fill the placeholder: {e}",
                    u=unit.label, e=_said(exc))))
        data, override_problems = apply_overrides(data, unit)
        problems += override_problems
        if problems:
            raise UnitFailed(problems)
        return data


def override_path(column: str) -> tuple[str | int, ...]:
    """``sections.0.heading`` → ("sections", 0, "heading")."""
    return tuple(int(part) if part.isdigit() else part for part in column.split("."))


def _settable(data: Any, path: tuple[str | int, ...]) -> bool:
    """Whether ``path`` can be written in ``data``: through mappings (created when missing) and
    existing list items."""
    node = data
    for part in path[:-1]:
        if isinstance(node, dict):
            node = node.get(part)
            node = {} if node is None else node
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
        else:
            return False
    last = path[-1]
    return isinstance(node, dict) or (isinstance(node, list) and isinstance(last, int) and last < len(node))


def apply_overrides(data: Any, unit: Unit) -> tuple[Any, list[Diagnostic]]:
    """``data`` with each dotted column of ``unit`` written at its path."""
    problems = []
    for column, value in unit.overrides().items():
        path = override_path(column)
        if _settable(data, path):
            data = _replace(data, path, value)
        else:
            problems.append(unit.diagnostic(column, "KH162", tr(
                "đơn vị «{u}»: cột `{c}` không chỉ tới một trường của kế hoạch",
                "unit «{u}»: column `{c}` does not point at a plan field", u=unit.label, c=column)))
    return data, problems
