"""KH203: dates written in text follow the decree's zero padding (Phụ lục I, Mục II.4.b)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..diagnostics import Severity
from ..i18n import tr
from ..vn import pad_day, pad_month
from .registry import Context, Finding, rule

# "ngày 5 tháng 03 năm 2024", "ngày 05 tháng 3", "tháng 03 năm 2024", "04/8/2021", "ngày 4/8", "tháng 03/2024"
_WORDS = re.compile(r"\b(?:ngày\s+(?P<d>\d{1,2})\s+)?tháng\s+(?P<m>\d{1,2})(?=\s+năm\s+\d{4}|\s*[,.;:)]|\s*$)"
                    r"|\bngày\s+(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\b", re.I)
_SLASH = re.compile(r"(?<![\d/])(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})(?![\d/])"
                    r"|\bngày\s+(?P<d2>\d{1,2})/(?P<m2>\d{1,2})(?![\d/])"
                    r"|\btháng\s+(?P<m3>\d{1,2})/(?P<y3>\d{4})(?![\d/])", re.I)


def _valid(day: int | None, month: int) -> bool:
    return 1 <= month <= 12 and (day is None or 1 <= day <= 31)


def _fix(day: str | None, month: str) -> tuple[str | None, str]:
    return (pad_day(int(day)) if day else None), pad_month(int(month))


def wrong_dates(text: str) -> Iterator[tuple[str, str]]:
    """(as written, as the decree writes it) for each badly padded date in ``text``."""
    seen: set[int] = set()
    for match in _WORDS.finditer(text):
        day = match.group("d") or match.group("d2")
        month = match.group("m") or match.group("m2")
        if match.start() in seen or not _valid(int(day) if day else None, int(month)):
            continue
        seen.add(match.start())
        good_day, good_month = _fix(day, month)
        if (day, month) != (good_day, good_month):
            written = match.group(0)
            fixed = re.sub(r"tháng\s+\d+", f"tháng {good_month}", written, flags=re.I)
            if day:
                fixed = re.sub(r"ngày\s+\d+", f"ngày {good_day}", fixed, flags=re.I)
            yield written, fixed
    for match in _SLASH.finditer(text):
        day = match.group("d") or match.group("d2")
        month = match.group("m") or match.group("m2") or match.group("m3")
        if not _valid(int(day) if day else None, int(month)):
            continue
        good_day, good_month = _fix(day, month)
        if (day, month) != (good_day, good_month):
            written = match.group(0)
            if match.group("m3"):
                yield written, re.sub(r"\d{1,2}/", f"{good_month}/", written, count=1)
            else:
                prefix = written[: written.index(day)]
                rest = written[written.index("/", len(prefix)) + 1:]
                rest = good_month + rest[len(month):]
                yield written, f"{prefix}{good_day}/{rest}"


@rule("KH203", "date-padding", Severity.error, "NĐ 30, Phụ lục I, Mục II.4.b",
      ("ngày tháng viết sai số 0", "date written with wrong zero padding"))
def date_padding(ctx: Context) -> Iterator[Finding]:
    """Days 1–9 and months 1–2 take a leading zero; months 3–12 never do.

    "ngày 04 tháng 8 năm 2021", "ngày 15 tháng 02 năm 2024", "04/8/2021" are right;
    "ngày 05 tháng 03 năm 2024" and "ngày 4/8/2021" are not.

    Passes:

        preamble:
          bases:
            - Căn cứ Kế hoạch số 12/KH-UBND ngày 04/8/2021 của Ủy ban nhân dân tỉnh

    Fails:

        preamble:
          bases:
            - Căn cứ Kế hoạch số 12/KH-UBND ngày 05 tháng 03 năm 2024 của Ủy ban nhân dân tỉnh
    """
    for loc, text in ctx.texts:
        if "/" not in text and "tháng" not in text.lower():
            continue
        for written, fixed in wrong_dates(text):
            yield Finding(loc, tr("ngày tháng \"{w}\" phải viết \"{f}\" (chỉ ngày 1–9 và tháng 1, 2 có số 0 ở trước)",
                                  "date \"{w}\" must be written \"{f}\" (only days 1–9 and months 1, 2 take a leading zero)",
                                  w=written, f=fixed), snippet=written)
