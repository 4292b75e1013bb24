"""Labels in front of paragraphs ("I.", "1.", "1.1.", "a)", "-", "+") and the labels kehoach computes.

``computed_label`` mirrors the composer's numbering (compose/composer.py ``item_label``) so that the
importer writes a literal ``label`` only where the original deviates from the scheme.
"""

from __future__ import annotations

import re

from .. import vn

_LABEL = re.compile(
    r"^(?P<label>"
    r"(?:[IVXLCDM]+\.)"  # roman: I.
    r"|(?:\d{1,2}(?:\.\d{1,2})+\.?)"  # decimal: 1.1. 1.1.1 2.3.
    r"|(?:\d{1,3}[.)])"  # 1. 1)
    r"|(?:[A-ZĐ]\.)"  # A.
    r"|(?:[a-zđ][.)])"  # a) a.
    r"|[-–—•+*]"  # bullets
    r")(?:\s+|$)(?P<rest>.*)$", re.S)


def split_label(text: str) -> tuple[str, str]:
    """('1.', 'Mục đích') for '1. Mục đích'; ('', text) when the text has no label."""
    match = _LABEL.match(text)
    if not match:
        return "", text
    label, rest = match.group("label"), match.group("rest")
    if label in "-–—•+*" and not rest:
        return "", text
    if label.endswith(".") and label[:-1].isalpha() and label[:-1].isupper() and len(label) == 2 and not rest:
        return "", text
    return label, rest.strip()


def kind_of(label: str) -> tuple:
    """A label's kind: labels of one kind are siblings in the outline."""
    if re.fullmatch(r"[IVXLCDM]+\.", label):
        return ("roman",)
    if re.fullmatch(r"[A-ZĐ]\.", label):
        return ("upper",)
    if re.fullmatch(r"\d{1,2}(?:\.\d{1,2})+\.?", label):
        return ("dec", label.rstrip(".").count(".") + 1)
    if re.fullmatch(r"\d{1,3}\.", label):
        return ("dec", 1)
    if re.fullmatch(r"\d{1,3}\)", label):
        return ("paren",)
    if re.fullmatch(r"[a-zđ][.)]", label):
        return ("letter",)
    if label in "-–—•":
        return ("dash",)
    return (label,)


DECIMAL_DEPTH = {"decimal": 3, "decimal-2": 2}


def computed_label(scheme: str, level: int, index: int, parent_number: str) -> str:
    """The label compose gives the ``index``-th (0-based) item at ``level`` (1 = khoản)."""
    if level == 1:
        return f"{index + 1}."
    depth = DECIMAL_DEPTH.get(scheme)
    if depth and parent_number:
        if level <= depth:
            return f"{parent_number}.{index + 1}."
        return "-" if level == depth + 1 else "+"
    if level == 2 or (scheme == "decimal" and level == 3):
        return f"{vn.letter(index)})"
    return "-" if level == 3 else "+"


def number_of(label: str) -> str:
    return label.rstrip(".") if re.fullmatch(r"\d+(\.\d+)*\.?", label) else ""
