"""KH213: body names that would wrap inside the letterhead's column (ô 2; Phụ lục I, Mục II.2)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...diagnostics import Severity
from ...i18n import tr
from ...vn import upper
from ...textwidth import letterhead_column_cm, letterhead_line_cm
from .registry import Context, Finding, is_placeholder, rule

# Where a local body's name breaks by custom: before the administrative unit ("ỦY BAN NHÂN DÂN" /
# "TỈNH AN GIANG"). "XÃ HỘI" is a word of a ministry's name, not a commune.
_UNIT_WORD = re.compile(r" (?=(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ(?! HỘI)|PHƯỜNG|THỊ TRẤN|ĐẶC KHU) )")


def suggested_break(line: str, *, bold: bool) -> tuple[str, str] | None:
    """The line broken before its administrative unit, when both halves then fit; else None."""
    printed = upper(line)
    for match in _UNIT_WORD.finditer(printed):
        head, tail = line[:match.start()].strip(), line[match.end():].strip()
        if all(letterhead_line_cm(part, bold=bold) <= letterhead_column_cm() for part in (head, tail)):
            return head, tail
    return None


@rule("KH213", "letterhead-line-width", Severity.info, "NĐ 30, Phụ lục I, Mục II.2",
      ("Dòng tên cơ quan dài hơn ô của nó", "Body name line wider than its column"))
def letterhead_line_width(ctx: Context) -> Iterator[Finding]:
    """A line of the parent or issuing body's name wider than the letterhead's left column (about
    6.4 cm, 7.2 cm with the margin it may borrow) wraps wherever the width runs out; write the name
    as a list of lines broken where a reader expects it, usually before the administrative unit.

    Passes:

        letterhead:
          issuer:
            - ỦY BAN NHÂN DÂN
            - TỈNH AN GIANG
          abbreviation: UBND
          place: An Giang

    Fails:

        letterhead:
          issuer: ỦY BAN NHÂN DÂN TỈNH AN GIANG
          abbreviation: UBND
          place: An Giang
    """
    head = ctx.plan.letterhead
    column = letterhead_column_cm()
    for field, bold in (("parent", False), ("issuer", True)):
        for index, line in enumerate(getattr(head, field)):
            if is_placeholder(line):
                continue
            width = letterhead_line_cm(line, bold=bold)
            if width <= column:
                continue
            split = suggested_break(line, bold=bold)
            if split:
                advice = tr("tách thành hai dòng: '{a}' / '{b}'", "break it into two lines: '{a}' / '{b}'",
                            a=split[0], b=split[1])
            else:
                advice = tr("tách thành các dòng ở chỗ ngắt tự nhiên (viết `{f}` là danh sách dòng)",
                            "break it into lines where a reader expects (write `{f}` as a list of lines)",
                            f=field)
            yield Finding(("letterhead", field, index), tr(
                "dòng '{l}' rộng khoảng {w:.1f} cm, ô tên cơ quan chỉ chứa {c:.1f} cm nên sẽ tự xuống dòng "
                "ở chỗ bất kỳ; {advice}",
                "the line '{l}' is about {w:.1f} cm wide and the body-name column holds {c:.1f} cm, so it wraps "
                "wherever the width runs out; {advice}", l=line, w=width, c=column, advice=advice))
