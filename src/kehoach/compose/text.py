"""How values are written: pure string functions, no document tree.

Punctuation the decree asks for (``end_mark``, the decision's proposal line), cells' numbers and dates
as printed in Vietnamese. What the importers and lint need too lives below them: the typed end mark
``strip_end``, money, a document number, the type name in a sentence (common/vn.py), and the labels
(``label_for``, ``deeper``, ``printed_labels`` in model/style.py).
"""

from __future__ import annotations

import datetime as dt

from .. import model as m
from ..common import vn
from ..common.vn import strip_end


def proposal_line(text: str) -> str:
    """The decision's "Theo đề nghị …" line: its punctuation kept as typed (Mẫu 1.2/1.3 of Decree 30
    print "Theo đề nghị của ….", many offices write ","); "." when none is typed, as the forms do."""
    text = text.rstrip()
    return text if text.endswith((".", ",", ";", ":")) else text + "."


def end_mark(text: str) -> str:
    """``text`` ending with the body's end mark "./." exactly once."""
    text = text.rstrip()
    if text.endswith("./."):
        return text
    if text.endswith(".") and not text.endswith(".."):
        return text + "/."
    return strip_end(text) + "./."


def decimal(value: float) -> str:
    """4.3 → '4,3' (Vietnamese decimal comma); whole numbers lose their '.0'."""
    if float(value).is_integer():
        return str(int(value))
    return str(value).replace(".", ",")


def cell_text(value: m.Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return vn.money(value) if abs(value) >= 10_000 else str(value)
    if isinstance(value, float):
        return decimal(value)
    return value


def date_text(value: str | dt.date) -> str:
    return vn.date_numeric(value.day, value.month, value.year) if isinstance(value, dt.date) else value
