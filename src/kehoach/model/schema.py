"""The JSON Schema of a plan file, for editors: pydantic's schema plus the shorthands the
before-validators accept.
"""

from __future__ import annotations

from typing import Any

from .editor_schema import editor_friendly
from .plan import Plan


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a plan file (Vietnamese titles and descriptions)."""
    schema = Plan.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    _allow_shorthands(schema)
    editor_friendly(schema)  # as yaml-language-server reads it: one title per hover, no null defaults
    return schema


# Models whose list items may be written as a bare string (see ``_shorthand_list``).
_SHORTHAND_REFS = {"#/$defs/Item", "#/$defs/Recipient", "#/$defs/Column"}


def _allow_shorthands(node: Any) -> None:
    """Let the schema accept what the before-validators accept: a string for a list of strings,
    and a string item in lists of items, recipients and columns."""
    if isinstance(node, list):
        for child in node:
            _allow_shorthands(child)
        return
    if not isinstance(node, dict):
        return
    for value in node.values():
        _allow_shorthands(value)
    for key, prop in list(node.get("properties", {}).items()):
        if prop.get("type") != "array":
            continue
        items = prop.get("items", {})
        if items == {"type": "string"}:
            meta = {k: prop.pop(k) for k in ("title", "description", "default") if k in prop}
            node["properties"][key] = {**meta, "anyOf": [{"type": "string"}, prop]}
        elif items.get("$ref") in _SHORTHAND_REFS:
            prop["items"] = {"anyOf": [items, {"type": "string"}]}
