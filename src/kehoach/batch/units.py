"""Units tables (bảng đơn vị): one row per district, commune or ward that receives its own plan.

A table comes from a CSV, YAML or XLSX file, or from the official list of communes and wards after
the 2025 reorganisation (``vn:<province-slug>``, ``vn:all``, from the ``vietnam-provinces``
package). Columns are free; a column whose name contains a dot (``letterhead.place``) overrides that
plan field. Empty cells are left out of the row, so that ``{{ unit.leader | default('…') }}`` in the
plan decides what an unfilled column means.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
import re
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..common.diagnostics import Code, Diagnostic, KehoachError, Severity
from ..common.i18n import tr
from ..source.loader import Source, parse_yaml, read_text
from .former_provinces import FORMER_PROVINCES
from .slug import slugify


# The codes raised here, explained by ``kehoach rules`` (cli/codes.py gathers them).
CODES = (
    Code("KH060", "error", "Không đọc được bảng đơn vị", "Cannot read the units table",
         "Tệp bảng đơn vị (.csv/.yaml/.xlsx) không đọc được: không tồn tại, sai bảng mã (cần UTF-8), tệp XLSX hỏng "
         "hoặc định dạng không hỗ trợ.",
         "The units table (.csv/.yaml/.xlsx) cannot be read: missing, wrong encoding (UTF-8 needed), a broken XLSX "
         "file or an unsupported format."),
    Code("KH061", "error", "Bảng đơn vị sai cấu trúc", "Malformed units table",
         "Bảng đơn vị có cột không tên hoặc lặp lại, dòng có số ô khác số cột, CSV hỏng, hoặc tệp YAML không phải "
         "một danh sách đơn vị.",
         "The units table has a nameless or duplicate column, a row whose cell count differs from the columns, "
         "broken CSV, or a YAML file that is not a list of units."),
    Code("KH062", "error", "Không có tỉnh, thành phố", "Unknown province",
         "Tên ở vn:<tỉnh> hoặc --province không khớp tỉnh, thành phố nào hiện hành; thông báo gợi ý tên gần nhất.",
         "The name in vn:<province> or --province matches no current province or city; the message suggests "
         "the nearest names."),
    Code("KH063", "error", "Bảng đơn vị trống", "Empty units table",
         "Bảng đơn vị không có dòng nào để dựng.", "The units table has no rows to build."),
    Code("KH164", "warning", "Hai dấu cách liền nhau trong bảng đơn vị", "Two spaces in a row in the units table",
         "Một ô của bảng đơn vị có hai dấu cách liền nhau (ví dụ «Phường  An Nhơn»); văn bản dùng một dấu cách để "
         "tiêu đề và tên đơn vị không in sai. Sửa ô đó trong bảng để hết cảnh báo.",
         "A cell of the units table has two spaces in a row (e.g. «Phường  An Nhơn»); the document uses one space so "
         "that the letterhead and the unit's name are not printed wrong. Fix the cell to silence the warning."),
)

VN_PREFIX = "vn:"
# Columns of `kehoach units` output: the official data, then columns left empty for the user.
VN_COLUMNS = ["name", "type", "code", "province", "place"]
EDITABLE_COLUMNS = ["leader", "title", "abbreviation"]


@dataclass
class Unit:
    """One row of a units table: its non-empty fields and where each cell is in the file."""

    index: int  # 0-based position in the table
    fields: dict[str, Any]
    path: str | None = None
    line: int | None = None
    cells: dict[str, tuple[int | None, int | None]] = field(default_factory=dict)  # column -> (line, col)
    notes: list[Diagnostic] = field(default_factory=list)  # warnings about the row itself (KH164)

    @property
    def label(self) -> str:
        """How messages name the unit: its name, else its row number."""
        name = self.fields.get("name")
        return str(name) if name not in (None, "") else tr("dòng {n}", "row {n}", n=self.index + 1)

    def overrides(self) -> dict[str, Any]:
        """Dotted columns (``signature.name``) and their values, in column order."""
        return {key: value for key, value in self.fields.items() if "." in key}

    def diagnostic(self, column: str | None, code: str, message: str) -> Diagnostic:
        line, col = self.cells.get(column, (self.line, None)) if column else (self.line, None)
        return Diagnostic(code, message, Severity.error, self.path, line, col)


@dataclass
class UnitTable:
    spec: str  # what the user passed to --units
    units: list[Unit]
    columns: list[str]
    path: Path | None = None  # the file, when the table is one
    header_line: int | None = None  # the line of the column names (CSV, XLSX)


def _usage_error(code: str, message: str, path: str | None = None, line: int | None = None,
                 col: int | None = None) -> KehoachError:
    return KehoachError([Diagnostic(code, message, Severity.error, path, line, col)], exit_code=2)


# --------------------------------------------------------------------------------------------
# Cell values
# --------------------------------------------------------------------------------------------


def _clean(value: Any) -> Any:
    """A cell as plan data: NFC text without surrounding blanks, whole floats as ints; '' → None."""
    if isinstance(value, str):
        value = unicodedata.normalize("NFC", value).strip()
        return value or None
    if isinstance(value, float) and value.is_integer():
        return int(value)  # spreadsheets store 5 as 5.0
    if isinstance(value, dt.datetime):
        return value.date() if value.time() == dt.time() else value.isoformat()
    return value


def _header(names: list[Any], path: str, line: int, cols: list[int | None]) -> list[str]:
    header: list[str] = []
    for name, col in zip(names, cols):
        text = _clean(name)
        if text is None:
            raise _usage_error("KH061", tr("cột không có tên ở dòng tiêu đề", "a column has no name in the header"),
                               path, line, col)
        text = str(text)
        if text in header:
            raise _usage_error("KH061", tr("cột `{c}` bị lặp lại", "duplicate column `{c}`", c=text), path, line, col)
        header.append(text)
    return header


def _unit(index: int, header: list[str], values: list[Any], path: str, line: int,
          cols: list[int | None]) -> Unit:
    unit = Unit(index, {}, path, line)
    for name, value, col in zip(header, values, cols):
        value = _clean(value)
        unit.cells[name] = (line, col)
        if value is not None:
            unit.fields[name] = value
    return unit


# --------------------------------------------------------------------------------------------
# Files
# --------------------------------------------------------------------------------------------


def _read_csv(path: Path) -> UnitTable:
    text = _decoded(path)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(path, text))
    rows: list[tuple[int, list[str]]] = []
    try:
        for values in reader:
            if any(v.strip() for v in values):
                rows.append((reader.line_num, values))
    except csv.Error as exc:
        raise _usage_error("KH061", tr("CSV không hợp lệ: {e}", "invalid CSV: {e}", e=exc), str(path),
                           reader.line_num) from None
    if not rows:
        raise _usage_error("KH063", tr("bảng đơn vị trống", "the units table is empty"), str(path))
    (header_line, names), body = rows[0], rows[1:]
    header = _header(names, str(path), header_line, [None] * len(names))
    units = []
    for index, (line, values) in enumerate(body):
        if len(values) > len(header):
            raise _usage_error("KH061", tr("dòng có {n} ô, bảng có {m} cột", "the row has {n} cells, the table has {m} columns",
                                           n=len(values), m=len(header)), str(path), line)
        units.append(_unit(index, header, values, str(path), line, [None] * len(header)))
    return UnitTable(str(path), units, header, path, header_line)


def _delimiter(path: Path, text: str) -> str:
    """',' by default; ';' when the header uses it (Excel in a Vietnamese locale); tab for .tsv."""
    if path.suffix.lower() == ".tsv":
        return "\t"
    first = text.split("\n", 1)[0]
    return ";" if first.count(";") > first.count(",") else ","


def _read_xlsx(path: Path) -> UnitTable:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken or foreign file
        raise _usage_error("KH060", tr("không đọc được tệp XLSX: {e}", "cannot read the XLSX file: {e}", e=exc),
                           str(path)) from None
    try:
        sheet = book.worksheets[0]
        rows = [(n, list(values)) for n, values in enumerate(sheet.iter_rows(values_only=True), start=1)
                if any(_clean(v) is not None for v in values)]
    finally:
        book.close()
    if not rows:
        raise _usage_error("KH063", tr("bảng đơn vị trống", "the units table is empty"), str(path))
    (header_line, names), body = rows[0], rows[1:]
    while names and _clean(names[-1]) is None:  # trailing formatted-but-empty columns
        names.pop()
    cols = list(range(1, len(names) + 1))
    header = _header(names, str(path), header_line, cols)
    units = [_unit(i, header, values[: len(header)], str(path), line, cols) for i, (line, values) in enumerate(body)]
    return UnitTable(str(path), units, header, path, header_line)


def _read_yaml(path: Path) -> UnitTable:
    source = Source(str(path), _decoded(path))
    data = parse_yaml(source)  # KehoachError (exit 2) on bad YAML
    loc: tuple[Any, ...] = ()
    if isinstance(data, dict) and isinstance(data.get("units"), list):
        data, loc = data["units"], ("units",)
    if not isinstance(data, list) or not all(isinstance(row, dict) for row in data):
        line, col = source.locate(loc)
        raise _usage_error("KH061", tr("tệp YAML phải là một danh sách đơn vị (mỗi đơn vị một bảng khóa: giá trị)",
                                       "the YAML file must be a list of units (each a mapping of keys to values)"),
                           str(path), line, col)
    columns: list[str] = []
    units = []
    for index, row in enumerate(data):
        line, _ = source.locate((*loc, index))
        unit = Unit(index, {}, str(path), line)
        for key, value in row.items():
            key = str(key)
            if key not in columns:
                columns.append(key)
            unit.cells[key] = source.locate((*loc, index, key))
            value = _clean(value)
            if value is not None:
                unit.fields[key] = value
        units.append(unit)
    if not units:
        raise _usage_error("KH063", tr("bảng đơn vị trống", "the units table is empty"), str(path))
    return UnitTable(str(path), units, columns, path)


def _decoded(path: Path) -> str:
    try:
        text, _notes = read_text(path)
    except UnicodeDecodeError:
        raise _usage_error("KH060", tr("tệp không phải UTF-8; hãy lưu lại với mã UTF-8",
                                       "the file is not UTF-8; save it again as UTF-8"), str(path)) from None
    return text


READERS = {".csv": _read_csv, ".tsv": _read_csv, ".yaml": _read_yaml, ".yml": _read_yaml, ".xlsx": _read_xlsx}


_SPACES = re.compile(r"[ \u00a0]{2,}")


def _single_spaced(table: UnitTable) -> UnitTable:
    """Runs of spaces in a cell written as one space, with a KH164 warning: vietnam-provinces
    2025.10.1 itself spells ten names "Phường  An Nhơn", and a letterhead must not print that."""
    for unit in table.units:
        for column, value in list(unit.fields.items()):
            if isinstance(value, str) and _SPACES.search(value.strip()):
                fixed = _SPACES.sub(" ", value.strip())
                unit.fields[column] = fixed
                note = unit.diagnostic(column, "KH164", tr(
                    "cột `{c}` có hai dấu cách liền nhau: «{v}» được viết thành «{f}»",
                    "column `{c}` has two spaces in a row: «{v}» is written «{f}»", c=column, v=value, f=fixed))
                unit.notes.append(replace(note, severity=Severity.warning))
    return table


def read_units(spec: str) -> UnitTable:
    """The units table named by ``spec``: a file path, ``vn:<province-slug>`` or ``vn:all``; runs of
    spaces in its cells are written as one (KH164).

    Raises KehoachError (exit 2) when it cannot be read.
    """
    return _single_spaced(_read_units(spec))


def _read_units(spec: str) -> UnitTable:
    if spec.startswith(VN_PREFIX):
        query = spec[len(VN_PREFIX):]
        rows = all_communes() if query == "all" else communes(find_province(query, where=spec))
        units = [Unit(i, {k: v for k, v in row.items() if v not in (None, "")}, spec) for i, row in enumerate(rows)]
        return UnitTable(spec, units, VN_COLUMNS + EDITABLE_COLUMNS)
    path = Path(spec)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise _usage_error("KH060", tr("không hỗ trợ loại tệp `{s}`: dùng .csv, .yaml hoặc .xlsx",
                                       "unsupported file type `{s}`: use .csv, .yaml or .xlsx", s=path.suffix or spec), spec)
    if not path.is_file():
        raise _usage_error("KH060", tr("không tìm thấy tệp đơn vị", "units file not found"), spec)
    return reader(path)


# --------------------------------------------------------------------------------------------
# The official list (vietnam-provinces)
# --------------------------------------------------------------------------------------------


def _province_key(text: str) -> str:
    """Accent-insensitive key of a province name: "Tỉnh An Giang", "an-giang", "AN GIANG" → "an-giang"."""
    slug = slugify(text, fallback="")
    for prefix in ("thanh-pho-", "tinh-", "tp-"):
        if slug.startswith(prefix):
            return slug[len(prefix):]
    return slug


def provinces() -> list[Any]:
    from vietnam_provinces import Province

    return sorted(Province.iter_all(), key=lambda p: int(p.code))


def province_slug(province: Any) -> str:
    return province.codename.replace("_", "-")


def find_province(query: str, where: str = "--province") -> Any:
    """The province named by ``query`` (accents, case and "Tỉnh"/"Thành phố" ignored).

    Raises KehoachError (exit 2) suggesting the nearest names; ``where`` says what the user typed it in.
    """
    key = _province_key(query)
    by_key = {province_slug(p): p for p in provinces()}
    if key in by_key:
        return by_key[key]
    former = {_province_key(name): (name, now, act) for name, (now, act) in FORMER_PROVINCES.items()}
    if key in former:
        name, now, act = former[key]
        province = by_key[_province_key(now)]
        raise _usage_error("KH062", tr(
            "không còn tỉnh {old}: từ năm 2025, {old} thuộc {new}{act}; dùng `{slug}`",
            "there is no province {old} any more: since 2025, {old} is part of {new}{act}; use `{slug}`",
            old=name, new=province.name, slug=province_slug(province),
            act=f" ({tr('Nghị quyết', 'Resolution')} {act})" if act else ""), where)
    nearest = difflib.get_close_matches(key, list(by_key), n=3, cutoff=0.5)
    hint = ", ".join(f"{by_key[k].name} ({k})" for k in nearest) or ", ".join(sorted(by_key))
    raise _usage_error("KH062", tr("không có tỉnh, thành phố `{q}`; có phải: {h}?",
                                   "no province or city `{q}`; did you mean: {h}?", q=query, h=hint), where)


def _place(name: str, kind: str) -> str:
    """Địa danh of a commune: its name without "Xã"/"Phường", unless that leaves a number ("Phường 1")."""
    prefix = kind[:1].upper() + kind[1:] + " "
    bare = name[len(prefix):] if name.startswith(prefix) else name
    return name if bare.isdigit() else bare


def communes(province: Any) -> list[dict[str, str]]:
    """The communes, wards and special zones of ``province``, by official code."""
    from vietnam_provinces import Ward

    wards = sorted(Ward.iter_by_province(province.code), key=lambda w: int(w.code))
    # vietnam-provinces 2025.10.1 spells ten names with two spaces ("Phường  An Nhơn"): one here
    return [
        {
            "name": " ".join(w.name.split()),
            "type": w.division_type.value,
            "code": f"{int(w.code):05d}",
            "province": province.name,
            "place": _place(" ".join(w.name.split()), w.division_type.value),
            **dict.fromkeys(EDITABLE_COLUMNS, ""),
        }
        for w in wards
    ]


def all_communes() -> list[dict[str, str]]:
    return [row for province in provinces() for row in communes(province)]


def communes_csv(rows: list[dict[str, str]]) -> bytes:
    """The rows as a UTF-8 CSV (with a BOM, so that Excel opens Vietnamese text correctly)."""
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=VN_COLUMNS + EDITABLE_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")
