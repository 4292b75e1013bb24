"""Approximate printed width of a line in Times New Roman, for sizing rules under text.

Advance widths (thousandths of an em) of Liberation Serif, which is metric-compatible with Times
New Roman, for printable ASCII. A Vietnamese letter is as wide as its base letter (tone marks and
the breve/circumflex sit above it; đ, ơ, ư are close enough to d, o, u).
"""

from __future__ import annotations

import functools
import unicodedata

_ASCII = "".join(chr(code) for code in range(32, 127))
_REGULAR = (
    "250 333 408 500 500 833 778 180 333 333 500 564 250 333 250 278 500 500 500 500 500 500 500 "
    "500 500 500 278 278 564 564 564 444 921 722 667 667 722 611 556 722 722 333 389 722 611 889 "
    "722 722 556 722 667 556 611 722 722 944 722 722 611 333 278 333 469 500 333 444 500 444 500 "
    "444 333 500 500 278 278 500 278 778 500 500 500 500 333 389 278 500 500 722 500 500 444 480 "
    "200 480 541")
_BOLD = (
    "250 333 555 500 500 1000 833 278 333 333 500 570 250 333 250 278 500 500 500 500 500 500 500 "
    "500 500 500 333 333 570 570 570 500 930 722 667 722 722 667 611 778 778 389 500 778 667 944 "
    "722 778 611 778 722 556 667 722 722 1000 722 722 667 333 278 333 581 500 333 500 556 444 556 "
    "444 333 500 556 278 333 556 278 833 556 500 556 556 444 389 333 556 500 722 500 500 444 394 "
    "220 394 520")
_WIDTHS = {
    False: dict(zip(_ASCII, map(int, _REGULAR.split()), strict=True)),
    True: dict(zip(_ASCII, map(int, _BOLD.split()), strict=True)),
}
_BASE = str.maketrans("đĐơƠưƯ", "dDoOuU")
_UNKNOWN = 600  # anything else: about the width of a wide lower-case letter


@functools.lru_cache(maxsize=4096)
def _base_letter(char: str) -> str:
    return unicodedata.normalize("NFD", char.translate(_BASE))[0]


def text_width_em(text: str, bold: bool = False) -> float:
    """Width of ``text`` in ems: multiply by the font size in points to get points."""
    table = _WIDTHS[bold]
    return sum(table.get(_base_letter(char), _UNKNOWN) for char in text) / 1000


LETTERHEAD_SLACK_CM = 0.15  # rounding in the width estimate


def letterhead_line_cm(line: str, *, bold: bool) -> float:
    """Printed width in cm of one line of a letterhead body name (ô 2), upper-cased as printed,
    slack for the estimate included: bold is the issuing body, regular its parent body."""
    from .vn import upper
    from .nd30 import ISSUER_PT, PARENT_PT

    points = text_width_em(upper(line), bold=bold) * (ISSUER_PT if bold else PARENT_PT)
    return points * 2.54 / 72 + LETTERHEAD_SLACK_CM


def letterhead_column_cm() -> float:
    """The widest a letterhead body line may be before it wraps: the ô 2-3 column, widened into the
    left margin as far as the writer allows."""
    from .nd30 import LETTERHEAD_LEFT_CM, LETTERHEAD_MAX_OUTDENT_CM

    return LETTERHEAD_LEFT_CM + LETTERHEAD_MAX_OUTDENT_CM
