"""What every model module builds on: the ``Model`` base class, ``F`` (a field with its Vietnamese
hover help), the before-validators that accept shorthands (a string for a list, a string item for
an object), and the id and document date types.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

PARTIAL_DATE_PATTERN = r"^\d{4}(-\d{1,2})?$"
ID_PATTERN = r"^[a-z0-9][a-z0-9_.-]*$"
Id = Annotated[str, Field(pattern=ID_PATTERN)]

def F(title: str, description: str, default: Any = ..., **kwargs: Any) -> Any:
    """A field with its Vietnamese title and description (shown by editors as hover help)."""
    return Field(default, title=title, description=description, **kwargs)


class Model(BaseModel):
    # defer_build: a model's validator is built when first used, not at import. A plan needs only
    # Plan's (it holds the nested models' schemas), so a cold check or build does not compile the
    # thirty nested models' own validators as well.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, validate_default=False, defer_build=True)


# A paragraph or several: YAML authors write either a string or a list of strings.
Paragraphs = list[str]


def _as_list(value: Any) -> Any:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return value


def _shorthand_list(value: Any, key: str) -> Any:
    """A list whose string items stand for ``{key: item}``; other values are left to pydantic."""
    items = _as_list(value)
    if not isinstance(items, list):
        return items  # pydantic reports "expects a list" at the right place
    return [{key: v} if isinstance(v, str) else v for v in items]


def _text_items(value: Any) -> Any:
    """Items written as bare strings are items with that text."""
    return _shorthand_list(value, "text")


def _named_items(value: Any) -> Any:
    """Recipients written as bare strings are recipients with that name."""
    return _shorthand_list(value, "name")


def _titled_columns(value: Any) -> Any:
    """Columns written as bare strings are columns with that title."""
    return _shorthand_list(value, "title")

# A document date: a full date (2025-11-18), month and year only ("2024-05", a draft whose day is
# still blank), a year only ("2024") or nothing at all (a draft).
DocDate = dt.date | Annotated[str, Field(pattern=PARTIAL_DATE_PATTERN)]


def date_parts(value: DocDate | None) -> tuple[int | None, int | None, int | None]:
    """(day, month, year) of a document date; missing parts are None."""
    if value is None:
        return (None, None, None)
    if isinstance(value, dt.date):
        return (value.day, value.month, value.year)
    year, _, month = value.partition("-")
    return (None, int(month) if month else None, int(year))
