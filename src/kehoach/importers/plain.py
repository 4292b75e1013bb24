"""A Plan → the plain data a person writes in plan.yaml: the fields that were given, in the examples'
key order, with the shorthands the schema reads back the same.

Only the fields set on a model are written (``model_fields_set``: what the author, or the importer,
gave), so a default stays implicit and the written file loads back to an equal Plan. Keys follow the
order of each model's fields, except where ``ORDER`` puts them as plans are read (a section's label
before its heading, an item's tables before its sub-items). Shorthands: an item that is only one
paragraph is that string, a recipient that is only a name is the name, a column that is only a title
is the title, a numbering is its scheme's name or its one pattern; the one paragraph of a task stays
on its key's line beside the task's lead and deadline, and so does that of an item that is only a line
of text over tasks (a group row of a task table).
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from pydantic import BaseModel

from ..model import Column, Item, Recipient
from .schemes import name_of

# Key order where it differs from the model's field order (fields not named here follow, in field order).
ORDER: dict[str, tuple[str, ...]] = {
    "Section": ("id", "label", "role", "heading", "heading_style", "heading_case", "label_style", "numbering",
                "tasks", "lead", "text", "items", "budget", "reporting", "closing", "closing_italic"),
    "Item": ("id", "label", "heading", "body", "run_in", "heading_style", "request", "label_style", "text",
             "lead", "partners", "deadline", "product", "tables", "numbering", "items"),
    "Column": ("title", "columns", "width", "align"),
    "Decision": ("title", "authority", "authority_name", "bases", "proposal", "enacting", "articles",
                 "signature", "recipients"),
    "Generated": ("basis_marks", "last_basis_mark", "proposal_italic", "proposal_place", "closing", "end_mark",
                  "archive_line", "attachment_letterhead"),
}
_TASK_FIELDS = ("lead", "partners", "deadline", "product")
_ORDERS: dict[type, list[str]] = {}


def _order(model: BaseModel) -> list[str]:
    cls = type(model)
    order = _ORDERS.get(cls)
    if order is None:
        first = [name for name in ORDER.get(cls.__name__, ()) if name in cls.model_fields]
        order = _ORDERS[cls] = first + [name for name in cls.model_fields if name not in first]
    return order


def plain(value: Any) -> Any:
    """``value`` (a Plan or any part of it) as YAML-ready data: dicts, lists, strings, numbers, dates."""
    if isinstance(value, BaseModel):
        return _model(value)
    if isinstance(value, list):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, Enum):
        return value.value
    return value


def _is_task(item: Any) -> bool:
    return isinstance(item, BaseModel) and any(name in item.model_fields_set for name in _TASK_FIELDS)


def _model(model: BaseModel) -> Any:
    given = model.model_fields_set
    data = {name: plain(getattr(model, name)) for name in _order(model) if name in given}
    if isinstance(data.get("numbering"), list):
        data["numbering"] = name_of(data["numbering"])
    if isinstance(model, Item):
        if list(data) == ["text"] and len(data["text"]) == 1:
            return data["text"][0]
        grouping = list(data) == ["text", "items"] and any(map(_is_task, model.items))
        if len(data.get("text") or ()) == 1 and (_is_task(model) or grouping):
            data["text"] = data["text"][0]
    elif isinstance(model, Recipient) and list(data) == ["name"] or isinstance(model, Column) and list(data) == ["title"]:
        return next(iter(data.values()))
    return data
