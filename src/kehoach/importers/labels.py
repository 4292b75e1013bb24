"""Labels in front of paragraphs ("I.", "1.", "1.1.", "a)", "-", "+") and their kinds (labels of one
kind are siblings in the outline; a Quy định's Chương/Mục/Điều are kinds of their own, see ``legal``)."""

from __future__ import annotations

import re

from . import legal

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
    legal_kind = legal.kind_of(label)
    if legal_kind:
        return legal_kind
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
