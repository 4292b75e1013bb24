"""How values and labels are written: pure string functions, no document tree.

Punctuation the decree asks for (``strip_end``, ``end_mark``), numbers, money and dates as printed
in Vietnamese, and the computed labels of items (1. → a) → - → +, or decimal 1.1.).
"""

from __future__ import annotations

import datetime as dt

from .. import model as m
from ..common import vn
from ..model.style import deeper, label_for
from ..common.vn import decimal_number as number_of  # noqa: F401  (shared with the importers)
from ..common.vn import strip_end

BLANK = vn.DATE_BLANK  # a date part left blank in a draft
NUMBER_BLANK = vn.NUMBER_BLANK  # a draft's number, wide enough for the văn thư's stamp


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


def number_text(number: str | None) -> str:
    """The document number as printed: leading zero under 10, blank for a draft."""
    if not number:
        return NUMBER_BLANK
    return f"0{number}" if number.isdigit() and len(number) == 1 else number


def money(amount: int) -> str:
    """1500000000 → '1.500.000.000' (Vietnamese thousands separator)."""
    return f"{amount:,}".replace(",", ".")


def decimal(value: float) -> str:
    """4.3 → '4,3' (Vietnamese decimal comma); whole numbers lose their '.0'."""
    if float(value).is_integer():
        return str(int(value))
    return str(value).replace(".", ",")


def sentence_case(kind: str) -> str:
    """'KẾ HOẠCH' → 'Kế hoạch', as the type name reads inside a sentence."""
    return kind[:1] + kind[1:].lower()


def inline(title: str) -> str:
    """A trích yếu as it reads inside a sentence: first letter lower case unless an acronym."""
    if len(title) > 1 and title[1].islower():
        return title[0].lower() + title[1:]
    return title


def cell_text(value: m.Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return money(value) if abs(value) >= 10_000 else str(value)
    if isinstance(value, float):
        return decimal(value)
    return value


def date_text(value: str | dt.date) -> str:
    return vn.date_numeric(value.day, value.month, value.year) if isinstance(value, dt.date) else value


# --------------------------------------------------------------------------------------------
# Labels
# --------------------------------------------------------------------------------------------


def item_label(scheme: str | list[str], level: int, index: int, parent_number: str) -> str:
    """The computed label of the ``index``-th (0-based) item at ``level`` (1 = khoản) of a scheme."""
    patterns = list(m.SCHEMES[scheme]) if isinstance(scheme, str) else list(scheme)
    for _ in range(level - 1):
        patterns = deeper(patterns)
    return label_for(patterns[0], index, parent_number)
