"""Vietnamese text helpers (tiếng Việt): date wording, numbering sequences, case, end marks, a reference's
number and type name as sentences print them."""

from __future__ import annotations

import re
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


_ROMAN_VALUES = {roman(n): n for n in range(1, 100)}


def roman_value(numeral: str, most: int = 39) -> int | None:
    """'IV' → 4: the number ``roman`` writes as ``numeral`` (upper case), None when it writes none up
    to ``most`` (at most 99): above it "C", "D", "M" are the letters of a label "C.", not numbers."""
    value = _ROMAN_VALUES.get(numeral)
    return value if value is not None and value <= most else None


def letter(index: int) -> str:
    """The index-th (0-based) điểm letter: a, b, c, d, đ, e, g … y, then aa, bb …"""
    base = LETTERS[index % len(LETTERS)]
    return base * (index // len(LETTERS) + 1)


def money(amount: int) -> str:
    """1500000000 → '1.500.000.000' (Vietnamese thousands separator)."""
    return f"{amount:,}".replace(",", ".")


def pad_day(day: int) -> str:
    """Days 1–9 take a leading zero (Phụ lục I, II.4.b)."""
    return f"{day:02d}"


def pad_month(month: int) -> str:
    """Only months 1 and 2 take a leading zero (Phụ lục I, II.4.b)."""
    return f"{month:02d}" if month <= 2 else str(month)


def date_numeric(day: int, month: int, year: int) -> str:
    """'20/9/2025', '04/02/2025': the padding of ``date_words`` (what KH203 enforces)."""
    return f"{pad_day(day)}/{pad_month(month)}/{year}"


# What a draft sent for signing leaves blank for the văn thư (Decree 30, Điều 15.3), as real drafts
# print it: "Số:" and 11 spaces before "/KH-UBND" (the median of real drafts, 9 to 13), room for a
# stamped number of four or five digits; "ngày", 7 spaces, "tháng" for the day.
NUMBER_BLANK = " " * 10  # after "Số: "
DATE_BLANK = " " * 5  # between "ngày " and " tháng" (and a blank month or year)


def date_words(day: int | None, month: int | None, year: int | None, blank: str = DATE_BLANK) -> str:
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


def strip_end(text: str) -> str:
    """``text`` without the ; . , an author may have typed at its end (an ellipsis stays). The
    composer adds the mark the decree asks for; the importer takes off the one typed."""
    text = text.rstrip()
    while text.endswith((";", ",")) or (text.endswith(".") and not text.endswith("..")):
        text = text[:-1].rstrip()
    return text


DECIMAL_LABEL = re.compile(r"^\d+(\.\d+)*\.?$")  # "2.", "1.2.", "1.2": a decimal label


def decimal_number(label: str) -> str:
    """'1.2.' → '1.2': the part a decimal child label continues from ('' if not decimal), as the
    composer prints a child's label, the importer reads it back and lint judges it."""
    return label.rstrip(".") if DECIMAL_LABEL.match(label) else ""


# How compose prints a document's reference, and how the importer tells a reference that compose
# would print again from one to keep as written.


def number_text(number: str | None) -> str:
    """The document number as printed: leading zero under 10, blank for a draft."""
    if not number:
        return NUMBER_BLANK  # a draft's number, wide enough for the văn thư's stamp
    return f"0{number}" if number.isdigit() and len(number) == 1 else number


def sentence_case(kind: str) -> str:
    """'KẾ HOẠCH' → 'Kế hoạch', as the type name reads inside a sentence."""
    return kind[:1] + kind[1:].lower()


def inline_title(title: str) -> str:
    """A trích yếu as it reads inside a sentence: first letter lower case unless an acronym."""
    if len(title) > 1 and title[1].islower():
        return title[0].lower() + title[1:]
    return title
