"""Vietnamese text helpers (tiếng Việt): date wording, numbering sequences, case."""

from __future__ import annotations

import unicodedata

# Điểm labels use the Vietnamese alphabet without f, j, w, z (and with đ after d).
LETTERS = "a b c d đ e g h i k l m n o p q r s t u v x y".split()

_ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def roman(number: int) -> str:
    out = ""
    for value, numeral in _ROMAN:
        while number >= value:
            out += numeral
            number -= value
    return out


def letter(index: int) -> str:
    """The index-th (0-based) điểm letter: a, b, c, d, đ, e, g … y, then aa, bb …"""
    base = LETTERS[index % len(LETTERS)]
    return base * (index // len(LETTERS) + 1)


def pad_day(day: int) -> str:
    """Days 1–9 take a leading zero (Phụ lục I, II.4.b)."""
    return f"{day:02d}"


def pad_month(month: int) -> str:
    """Only months 1 and 2 take a leading zero (Phụ lục I, II.4.b)."""
    return f"{month:02d}" if month <= 2 else str(month)


def date_numeric(day: int, month: int, year: int) -> str:
    """'20/9/2025', '04/02/2025': the padding of ``date_words`` (what KH203 enforces)."""
    return f"{pad_day(day)}/{pad_month(month)}/{year}"


def date_words(day: int | None, month: int | None, year: int | None, blank: str = "     ") -> str:
    """'ngày 05 tháng 01 năm 2020'; missing parts are left blank for a draft."""
    d = pad_day(day) if day else blank
    m = pad_month(month) if month else blank
    y = str(year) if year else blank
    return f"ngày {d} tháng {m} năm {y}"


def upper(text: str) -> str:
    """Upper case that keeps Vietnamese letters composed (NFC)."""
    return unicodedata.normalize("NFC", text.upper())


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)
