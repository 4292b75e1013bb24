"""Pydantic errors rewritten as plain, located messages (Vietnamese, English with ``--lang en``).

Codes: KH101 a required field is missing, KH102 an unknown key (with the nearest valid key),
KH103 a value of the wrong type or outside what the field allows.

Pydantic reports one error per member of a union (``str | date``) and puts the member's name in the
error's ``loc``; those names are not YAML keys. ``describe_all`` strips them by walking the loaded
data, and collapses the members' errors into one message.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import types
import typing
from typing import Any

from pydantic import BaseModel

from ..common.diagnostics import Code, Diagnostic
from ..common.i18n import tr
from ..model import ID_PATTERN, PARTIAL_DATE_PATTERN, Plan


# The codes raised here, explained by ``kehoach rules`` (cli/codes.py gathers them).
CODES = (
    Code("KH101", "error", "Thiếu trường bắt buộc", "Missing required field",
         "Lược đồ kế hoạch yêu cầu trường này (ví dụ `letterhead`, `title`, `signature.name`).",
         "The plan schema requires this field (for example `letterhead`, `title`, `signature.name`)."),
    Code("KH102", "error", "Khóa không hợp lệ", "Unknown key",
         "Khóa không có trong lược đồ; thường là gõ sai, thông báo gợi ý khóa gần nhất. `kehoach schema` cho trình "
         "soạn thảo gợi ý khóa khi gõ.",
         "The key is not in the schema, usually a typo; the message suggests the nearest key. `kehoach schema` "
         "lets editors complete keys as you type."),
    Code("KH103", "error", "Giá trị sai kiểu hoặc không hợp lệ", "Wrong type or invalid value",
         "Giá trị không đúng kiểu lược đồ cần (văn bản, số, ngày, danh sách…) hoặc không thuộc các giá trị cho phép.",
         "The value is not of the type the schema needs (text, number, date, list…) or not one of the allowed "
         "values."),
)

Loc = tuple[str | int, ...]


def dotted(loc: Loc) -> str:
    """``sections[2].items[0].lead``: the YAML keys of a location."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


# ------------------------------------------------------------------------------------------------
# Which model a location points into (for the valid keys of an unknown key)
# ------------------------------------------------------------------------------------------------


def field_types(tp: Any) -> list[Any]:
    """The concrete types of an annotation: Optional/Union/Annotated unwrapped."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return field_types(typing.get_args(tp)[0])
    if origin in (typing.Union, types.UnionType):
        return [m for arg in typing.get_args(tp) for m in field_types(arg)]
    return [tp]


def model_at(loc: Loc) -> type[BaseModel] | None:
    """The model whose mapping is at ``loc`` (None when the location is not inside a model)."""
    current: list[Any] = [Plan]
    for part in loc:
        following: list[Any] = []
        for tp in current:
            if isinstance(part, int) and typing.get_origin(tp) is list:
                following += field_types(typing.get_args(tp)[0])
            elif isinstance(part, str) and isinstance(tp, type) and issubclass(tp, BaseModel):
                field = tp.model_fields.get(part)
                if field is not None:
                    following += field_types(field.annotation)
        current = following
    models = [tp for tp in current if isinstance(tp, type) and issubclass(tp, BaseModel)]
    return models[0] if models else None


def nearest_key(key: str, choices: list[str]) -> str | None:
    matches = difflib.get_close_matches(key, choices, n=1, cutoff=0.6)
    return matches[0] if matches else None


# ------------------------------------------------------------------------------------------------
# Words for values and expectations
# ------------------------------------------------------------------------------------------------


def _kind_of(value: Any) -> str:
    if value is None:
        return tr("giá trị rỗng", "an empty value")
    if isinstance(value, bool):
        return tr("giá trị đúng/sai", "a true/false value")
    if isinstance(value, (int, float)):
        return tr("số {v}", "the number {v}", v=value)
    if isinstance(value, dt.date):
        return tr("ngày {v}", "the date {v}", v=value.isoformat())
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "…"
        return tr("văn bản `{v}`", "the text `{v}`", v=shown)
    if isinstance(value, list):
        return tr("một danh sách", "a list")
    if isinstance(value, dict):
        return tr("một bảng khóa: giá trị", "a mapping of keys")
    return type(value).__name__


def _pattern_words(pattern: str) -> str:
    if pattern == PARTIAL_DATE_PATTERN:
        return tr("tháng và năm (YYYY-MM) hoặc chỉ năm (YYYY)", "a month and year (YYYY-MM) or a year (YYYY)")
    if pattern == ID_PATTERN:
        return tr("mã gồm chữ thường không dấu, số, '-', '_', '.' (ví dụ: giam-ldte)",
                  "an id of lowercase ASCII letters, digits, '-', '_', '.' (e.g. reduce-child-labour)")
    return tr("văn bản theo mẫu `{p}`", "text matching `{p}`", p=pattern)


_EXPECTS = {
    "string_type": ("văn bản (chuỗi)", "text"),
    "int_type": ("số nguyên", "a whole number"),
    "int_parsing": ("số nguyên", "a whole number"),
    "int_from_float": ("số nguyên (không có phần thập phân)", "a whole number (no fractional part)"),
    "float_type": ("số", "a number"),
    "float_parsing": ("số", "a number"),
    "bool_type": ("true hoặc false", "true or false"),
    "bool_parsing": ("true hoặc false", "true or false"),
    "list_type": ("danh sách (các dòng bắt đầu bằng '- ')", "a list (lines starting with '- ')"),
    "dict_type": ("bảng khóa: giá trị", "a mapping of keys to values"),
    "model_type": ("bảng khóa: giá trị", "a mapping of keys to values"),
    "model_attributes_type": ("bảng khóa: giá trị", "a mapping of keys to values"),
    "date_type": ("ngày (YYYY-MM-DD)", "a date (YYYY-MM-DD)"),
    "date_parsing": ("ngày (YYYY-MM-DD)", "a date (YYYY-MM-DD)"),
    "date_from_datetime_parsing": ("ngày (YYYY-MM-DD)", "a date (YYYY-MM-DD)"),
    "date_from_datetime_inexact": ("ngày (YYYY-MM-DD)", "a date (YYYY-MM-DD)"),
    "none_required": ("giá trị rỗng", "an empty value"),
}

_BOUNDS = {
    "greater_than_equal": ("ge", "lớn hơn hoặc bằng {b}", "greater than or equal to {b}"),
    "greater_than": ("gt", "lớn hơn {b}", "greater than {b}"),
    "less_than_equal": ("le", "nhỏ hơn hoặc bằng {b}", "less than or equal to {b}"),
    "less_than": ("lt", "nhỏ hơn {b}", "less than {b}"),
}


def _expectation(error: dict[str, Any]) -> str | None:
    """What the field expected, in words, for type-like errors (None for other kinds)."""
    kind = error["type"]
    if kind in _EXPECTS:
        vi, en = _EXPECTS[kind]
        return tr(vi, en)
    if kind == "string_pattern_mismatch":
        return _pattern_words(error["ctx"]["pattern"])
    if kind in ("literal_error", "enum"):
        return tr("một trong: {v}", "one of: {v}", v=error["ctx"]["expected"].replace("'", "`"))
    return None


# ------------------------------------------------------------------------------------------------
# Messages raised by model validators (model.py), translated by pattern
# ------------------------------------------------------------------------------------------------

# (regex on the English message, Vietnamese, English, a function giving a more precise loc suffix)
MODEL_MESSAGES: list[tuple[str, str, str]] = [
    (r"enacting needs `body` or `text`",
     "câu ban hành cần `body` (cơ quan ban hành) hoặc `text` (nguyên văn)",
     "the enacting sentence needs `body` (the enacting body) or `text` (the literal sentence)"),
    (r"a section needs `heading` or `role`",
     "mục cần `heading` (tiêu đề) hoặc `role` (vai trò)",
     "a section needs `heading` or `role`"),
    (r"row (?P<row>\d+) has (?P<cells>\d+) cells, the table has (?P<cols>\d+) columns",
     "dòng {row} có {cells} ô, nhưng bảng có {cols} cột",
     "row {row} has {cells} cells, but the table has {cols} columns"),
    # Merged body cells ({value: …, rows: N, cols: M}) laid on the table's grid (model.table.row_grid).
    (r"group row (?P<row>\d+) cuts through a merged cell above it",
     "dòng nhóm {row} cắt ngang một ô gộp dọc ở trên nó: ô gộp phải kết thúc trước dòng nhóm",
     "group row {row} cuts through a merged cell above it: the merged cell must end before the group row"),
    (r"row (?P<row>\d+) has too few cells for the table's (?P<cols>\d+) columns \(merged cells counted\)",
     "dòng {row} thiếu ô so với {cols} cột của bảng (đã tính các ô gộp và các vị trí ô gộp che)",
     "row {row} has too few cells for the table's {cols} columns (merged cells and the positions they "
     "cover counted)"),
    (r"row (?P<row>\d+): a merged cell runs past the table's (?P<cols>\d+) columns or into a merged cell above",
     "dòng {row}: một ô gộp vượt quá {cols} cột của bảng hoặc chồng lên một ô gộp dọc ở trên",
     "row {row}: a merged cell runs past the table's {cols} columns or into a merged cell above"),
    (r"row (?P<row>\d+) has more cells than the table's (?P<cols>\d+) columns \(merged cells counted\)",
     "dòng {row} thừa ô so với {cols} cột của bảng (đã tính các ô gộp; vị trí ô gộp che thì bỏ qua ở dòng sau)",
     "row {row} has more cells than the table's {cols} columns (merged cells counted; a position a merged "
     "cell covers is left out of the rows below)"),
    (r"a merged cell runs past the last row of the table",
     "một ô gộp dọc (rows) trải quá dòng cuối của bảng",
     "a merged cell (rows) runs past the last row of the table"),
    (r"`end` is before `start`",
     "năm kết thúc (`end`) trước năm bắt đầu (`start`)", "`end` is before `start`"),
    (r"`outlook` is before `end`",
     "năm định hướng (`outlook`) trước năm kết thúc (`end`)", "`outlook` is before `end`"),
    (r"a plan needs `signature` \(or a `decision` that signs it, or `status: draft` / `status: attachment`\)",
     "kế hoạch ban hành cần `signature` (chữ ký), hoặc một `decision` (quyết định) ký ban hành nó; bản dự thảo "
     "ghi `status: draft`, văn bản kèm theo ghi `status: attachment`",
     "an issued plan needs `signature` (or a `decision` that signs it); a draft says `status: draft`, an "
     "attached document `status: attachment`"),
    (r"group row (?P<row>\d+) has (?P<cells>\d+) cells but only (?P<room>\d+) columns are left beside its "
     r"title(?P<number>.*?) \(the table has (?P<cols>\d+) columns\)",
     "dòng nhóm {row} có {cells} ô nhưng bên cạnh tên nhóm (và số thứ tự) chỉ còn {room} cột (bảng có {cols} cột)",
     "group row {row} has {cells} cells but only {room} columns are left beside its title (and number; the "
     "table has {cols} columns)"),
    (r"'(?P<pattern>.*)' is not a label pattern: .*",
     "'{pattern}' không phải mẫu số thứ tự: ghi nhãn đầu tiên của cấp như khi đọc ('1.', '1.1.', 'a)', 'A.', "
     "'I.', '(1)', '-', '+') hoặc tên một kiểu đánh số (standard, decimal, decimal-2, decimal-letter, roman, "
     "letter, dash)",
     "'{pattern}' is not a label pattern: write the first label of the level as it reads ('1.', '1.1.', 'a)', "
     "'A.', 'I.', '(1)', '-', '+') or a scheme name (standard, decimal, decimal-2, decimal-letter, roman, "
     "letter, dash)"),
    (r"task_table\.show starts with `number`, has `content` and names each column once",
     "`task_table.show` bắt đầu bằng `number`, có `content` và ghi mỗi cột một lần",
     "`task_table.show` starts with `number`, has `content` and names each column once"),
    (r"'(?P<value>.*)' is not a due date: .*",
     "'{value}' không phải ngày hạn: ghi ngày/tháng ('01/6', '15/11')",
     "'{value}' is not a due date: write it as day/month ('01/6', '15/11')"),
]


def translate_model_message(message: str) -> tuple[str, dict[str, str]] | None:
    """The translated message of a model validator, and the values captured from it."""
    for pattern, vi, en in MODEL_MESSAGES:
        match = re.fullmatch(pattern, message)
        if match:
            return tr(vi, en, **match.groupdict()), match.groupdict()
    return None


# ------------------------------------------------------------------------------------------------
# One error
# ------------------------------------------------------------------------------------------------


def describe(error: dict[str, Any], source: Any, loc: Loc | None = None) -> Diagnostic:
    """One pydantic error as a located diagnostic; ``loc`` is its YAML location (union tags removed)."""
    loc = tuple(error["loc"]) if loc is None else loc
    kind = error["type"]
    field = dotted(loc)
    if kind == "missing":
        return source.diagnostic(loc, "KH101", tr(
            "thiếu trường bắt buộc `{f}`", "missing required field `{f}`", f=field))
    if kind == "extra_forbidden":
        key = str(loc[-1])
        model = model_at(loc[:-1])
        choices = list(model.model_fields) if model else []
        suggestion = nearest_key(key, choices)
        if suggestion:
            message = tr("khóa `{k}` không hợp lệ; có phải ý bạn là `{s}`?",
                         "unknown key `{k}`; did you mean `{s}`?", k=key, s=suggestion)
        elif choices:
            message = tr("khóa `{k}` không hợp lệ; các khóa hợp lệ: {c}",
                         "unknown key `{k}`; valid keys: {c}", k=key, c=", ".join(choices))
        else:
            message = tr("khóa `{k}` không hợp lệ", "unknown key `{k}`", k=key)
        return source.diagnostic(loc, "KH102", message)
    if kind == "value_error":
        original = str(error.get("ctx", {}).get("error", error["msg"]))
        translated = translate_model_message(original)
        if translated:
            message, values = translated
            if "row" in values:  # point at the row itself, not at the table
                loc = (*loc, "rows", int(values["row"]) - 1)
        else:
            message = original
        prefix = f"`{field}`: " if field else ""
        return source.diagnostic(loc, "KH103", prefix + message)
    if kind in _BOUNDS:
        key, vi, en = _BOUNDS[kind]
        return source.diagnostic(loc, "KH103", tr("`{f}`: phải " + vi + " (nhận được {v})",
                                                  "`{f}`: must be " + en + " (got {v})",
                                                  f=field, b=error["ctx"][key], v=error["input"]))
    if kind in ("literal_error", "enum"):
        allowed = re.findall(r"'([^']*)'", error["ctx"]["expected"])
        suggestion = nearest_key(str(error["input"]), allowed)
        message = tr("`{f}`: giá trị `{v}` không hợp lệ; chọn một trong: {a}",
                     "`{f}`: `{v}` is not allowed; choose one of: {a}",
                     f=field, v=error["input"], a=", ".join(allowed))
        if suggestion:
            message += tr(" (có phải ý bạn là `{s}`?)", " (did you mean `{s}`?)", s=suggestion)
        return source.diagnostic(loc, "KH103", message)
    expected = _expectation(error)
    if expected:
        return source.diagnostic(loc, "KH103", tr("`{f}`: cần {e}, nhận được {g}", "`{f}`: expects {e}, got {g}",
                                                  f=field, e=expected, g=_kind_of(error["input"])))
    return source.diagnostic(loc, "KH103", f"`{field}`: {error['msg']}")  # rare pydantic types


# ------------------------------------------------------------------------------------------------
# All errors of one validation: union tags stripped, union members collapsed
# ------------------------------------------------------------------------------------------------


def _split_loc(loc: tuple[Any, ...], data: Any) -> tuple[Loc, Loc | None, Any]:
    """(YAML location, location of the union the error came through or None, the union member)."""
    real: list[Any] = []
    union_at: Loc | None = None
    member = None
    current = data
    for part in loc:
        if part == "[key]":  # the error is about a mapping key itself
            continue
        if isinstance(current, dict) and part in current:
            current = current[part]
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            current = current[part]
        elif isinstance(part, str) and union_at is None and not _is_field_name(tuple(real), part):
            union_at, member = tuple(real), part  # e.g. "constrained-str", "date", "GroupRow"
            continue
        else:
            current = None  # a missing key, below the data we have
        real.append(part)
    return tuple(real), union_at, member


def _is_field_name(loc: Loc, part: str) -> bool:
    model = model_at(loc)
    return model is not None and part in model.model_fields


def _collapse_unions(errors: list[dict[str, Any]], data: Any) -> list[tuple[dict[str, Any], Loc]]:
    """(error, YAML location) pairs, with the errors of each union's members reduced to one."""
    plain: list[tuple[dict[str, Any], Loc]] = []
    unions: dict[Loc, dict[Any, list[tuple[dict[str, Any], Loc]]]] = {}
    for error in errors:
        real, union_at, member = _split_loc(tuple(error["loc"]), data)
        if union_at is None:
            plain.append((error, real))
        else:
            unions.setdefault(union_at, {}).setdefault(member, []).append((error, real))
    for union_at, members in unions.items():
        # A member that got past the type check (its errors are deeper, e.g. a missing key inside a
        # mapping) is the one the author meant: report its errors only.
        deeper = [errs for errs in members.values() if all(len(real) > len(union_at) for _, real in errs)]
        if deeper:
            plain.extend(min(deeper, key=len))
            continue
        expected: list[str] = []
        for errs in members.values():
            words = _expectation(errs[0][0])
            if words and words not in expected:
                expected.append(words)
        first = next(iter(members.values()))[0][0]
        plain.append(({"type": "union", "expected": expected, "input": first["input"]}, union_at))
    return plain


def describe_all(errors: list[dict[str, Any]], data: Any, source: Any) -> list[Diagnostic]:
    """Every error of one ``ValidationError``, each union reported once, in file order."""
    pairs = _collapse_unions(errors, data)
    # "nam: …" (unknown; did you mean `name`?) already explains why `name` is missing.
    explained = set()
    for error, loc in pairs:
        if error["type"] == "extra_forbidden":
            model = model_at(loc[:-1])
            suggestion = nearest_key(str(loc[-1]), list(model.model_fields) if model else [])
            if suggestion:
                explained.add((*loc[:-1], suggestion))
    diagnostics = []
    for error, loc in pairs:
        if error["type"] == "missing" and loc in explained:
            continue
        if error["type"] == "union":
            diagnostics.append(source.diagnostic(loc, "KH103", tr(
                "`{f}`: {g} không hợp lệ; cần {e}", "`{f}`: {g} is not valid; expects {e}",
                f=dotted(loc), g=_kind_of(error["input"]), e=tr(" hoặc ", " or ").join(error["expected"]))))
        else:
            diagnostics.append(describe(error, source, loc))
    return sorted(diagnostics, key=lambda d: (d.line or 0, d.col or 0))


def unknown_keys(errors: list[dict[str, Any]], data: Any) -> list[tuple[Loc, str]]:
    """(loc of the unknown key, the nearest valid key) for each unknown key that has one: what
    ``kehoach check --unsafe-fixes`` renames."""
    out = []
    for error, loc in _collapse_unions(errors, data):
        if error["type"] == "extra_forbidden":
            model = model_at(loc[:-1])
            suggestion = nearest_key(str(loc[-1]), list(model.model_fields) if model else [])
            if suggestion:
                out.append((loc, suggestion))
    return out
