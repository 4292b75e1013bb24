"""Độ mật (ô 10a) and độ khẩn (ô 10b) of a document: Decree 30, Phụ lục I, Mục III.2.

The levels are the law's words: độ mật TUYỆT MẬT, TỐI MẬT, MẬT (Luật Bảo vệ bí mật nhà nước 2018,
Điều 8), mức độ khẩn HỎA TỐC, THƯỢNG KHẨN, KHẨN. A plan writes them in ordinary case ("Mật",
"Thượng khẩn"); the old tone placement ("Hoả tốc") and any case are accepted.
"""

from __future__ import annotations

import unicodedata
from typing import Any, Literal

Classification = Literal["Mật", "Tối mật", "Tuyệt mật"]
Urgency = Literal["Khẩn", "Thượng khẩn", "Hỏa tốc"]

CLASSIFICATIONS: tuple[str, ...] = ("Mật", "Tối mật", "Tuyệt mật")  # lowest first
URGENCIES: tuple[str, ...] = ("Khẩn", "Thượng khẩn", "Hỏa tốc")  # lowest first
_OLD_TONES = {"hoả": "hỏa"}


def _key(text: str) -> str:
    words = unicodedata.normalize("NFC", text).strip().lower().split()
    return " ".join(_OLD_TONES.get(word, word) for word in words)


def normalise_level(value: Any, levels: tuple[str, ...]) -> Any:
    """'THƯỢNG KHẨN', 'thượng khẩn' → 'Thượng khẩn'; anything else is left for the validator to refuse."""
    if isinstance(value, str):
        for level in levels:
            if _key(value) == _key(level):
                return level
    return value


def priority(urgency: str | None) -> int:
    """The edXML/Phụ lục VI Priority number: 0 thường, 1 khẩn, 2 thượng khẩn, 3 hỏa tốc.

    The order follows the decree's levels; the figures match the Priority codes public e-office
    integrations send (the QCVN 102 text itself was not at hand to check them)."""
    return URGENCIES.index(urgency) + 1 if urgency in URGENCIES else 0
