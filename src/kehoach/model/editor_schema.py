"""The JSON Schema as editors read it (yaml-language-server): pydantic's output, tidied for hover and
completion without changing what it accepts, except that it is as lenient as the loader.

- ``anyOf`` of plain types ("text or empty", "text or a list of texts") becomes one schema with a
  list of types: yaml-language-server shows the title of every ``anyOf`` member that matches, and an
  untitled member borrows the field's title, so such a field's hover read "Số văn bản || Số văn bản".
  Members that cannot merge (a date or a month) carry the field's title and a description of their own.
- A description that only repeats the title is dropped (the hover would show it twice).
- ``"default": null`` is dropped: completion inserted it as a literal ``null``.
- A ``number`` field accepts an integer too: the loader keeps ``number: 05`` as the text "05", but
  an editor's YAML parser reads 05 as the integer 5.
"""

from __future__ import annotations

from typing import Any

# Keys of a member that a merged schema can carry without changing its meaning: each applies to
# values of its own type only (pattern to strings, minimum to numbers, items to arrays).
_MERGEABLE = {"type", "pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "items",
              "minLength", "maxLength", "format"}
_TYPE_WORDS = {
    "string": "văn bản", "integer": "số nguyên", "number": "số", "boolean": "đúng/sai", "array": "danh sách",
    "object": "bảng khóa", "null": "để trống",
}


def editor_friendly(node: Any) -> None:
    """Tidy a JSON Schema in place (see the module's docstring)."""
    if isinstance(node, list):
        for child in node:
            editor_friendly(child)
        return
    if not isinstance(node, dict):
        return
    for value in list(node.values()):
        editor_friendly(value)
    if "default" in node and node["default"] is None:
        del node["default"]
    title, description = node.get("title"), node.get("description")
    if isinstance(title, str) and isinstance(description, str) and \
            description.strip().rstrip(".").casefold() == title.strip().rstrip(".").casefold():
        del node["description"]  # "Tên phụ lục" then "Tên phụ lục.": the hover would say it twice
    if "anyOf" in node:
        _merge_any_of(node)
    for key, prop in node.get("properties", {}).items():
        if key == "number" and isinstance(prop, dict):
            _accept_integer(prop)


def _member_type(member: dict[str, Any]) -> str | None:
    kind = member.get("type")
    return kind if isinstance(kind, str) and set(member) <= _MERGEABLE else None


def _merge_any_of(node: dict[str, Any]) -> None:
    plain = {m["type"] for m in node["anyOf"] if set(m) == {"type"} and isinstance(m["type"], str)}
    # "text or a date": a date is text already.
    members = node["anyOf"] = [m for m in node["anyOf"] if set(m) == {"type"} or _member_type(m) not in plain]
    types = [_member_type(m) for m in members]
    if all(types) and len(set(types)) == len(types):
        merged: dict[str, Any] = {"type": types}
        for member in members:
            merged.update({k: v for k, v in member.items() if k != "type"})
        del node["anyOf"]
        node.update(merged)
        return
    # What cannot merge (a date or a month; a mapping or its one-line shorthand): yaml-language-server
    # titles the hover with the first matching schema, a member before the field, and joins the titles
    # of all members with "||" when every member compares equal to a matching one (title,
    # description and properties alike). So each member carries the field's title, and a
    # description that tells it from the others.
    title, description = node.get("title"), node.get("description", "")
    own = [m for m in members if "$ref" not in m and m.get("type") != "null"]
    for member in members:
        if "$ref" in member:
            continue
        if title:
            member.setdefault("title", title)
        if member.get("type") == "null":
            member.setdefault("description", "Để trống.")
        elif len(own) > 1:
            member.setdefault("description", f"{description} ({_describe(member)})".strip())
        elif description:
            member.setdefault("description", description)


def _describe(member: dict[str, Any]) -> str:
    if member.get("format") == "date":
        return "ngày YYYY-MM-DD"
    if "pattern" in member and "\\d{4}" in member["pattern"]:
        return "tháng năm YYYY-MM, hoặc năm YYYY"
    if "pattern" in member:
        return "mã"
    kind = member.get("type")
    return _TYPE_WORDS.get(kind, str(kind)) if isinstance(kind, str) else "giá trị"


def _accept_integer(prop: dict[str, Any]) -> None:
    kind = prop.get("type")
    if kind == "string":
        prop["type"] = ["string", "integer"]
    elif isinstance(kind, list) and "string" in kind and "integer" not in kind:
        kind.insert(kind.index("string") + 1, "integer")
