"""Deadlines as officers write them → a date range, when the words leave no doubt.

A task's ``deadline`` is a date (2025-11-30) or free text. Task trackers want dates, so the text is
read as a range where it names one period and nothing else: "Quý IV/2025", "tháng 9/2025", "năm
2025", "6 tháng đầu năm 2025", "giai đoạn 2022 - 2025", "trước ngày 20/9/2025". Anything else ("Thường xuyên", "Hằng năm",
"Quý III và Quý IV/2025") stays text only: a guessed date is worse than none.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
_PREFIX = r"(?:(?:trước|trong|chậm nhất|hoàn thành|xong)\s+)*(?:(?:ngày|trong)\s+)?"
_YEAR = r"(?:/|-|\s+năm\s+)(\d{4})"
_DATE = re.compile(_PREFIX + r"(\d{1,2})/(\d{1,2})/(\d{4})", re.I)
_QUARTER = re.compile(_PREFIX + r"quý\s+(I{1,3}|IV|[1-4])" + _YEAR, re.I)
_MONTH = re.compile(_PREFIX + r"tháng\s+(\d{1,2})" + _YEAR, re.I)
_HALF = re.compile(_PREFIX + r"6\s+tháng\s+(đầu|cuối)\s+năm\s+(\d{4})", re.I)
_YEAR_ONLY = re.compile(_PREFIX + r"năm\s+(\d{4})", re.I)
_YEARS = re.compile(_PREFIX + r"(?:giai đoạn\s+|từ năm\s+)?(\d{4})\s*(?:-|–|đến(?: năm)?)\s*(\d{4})", re.I)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def date_range(deadline: str | dt.date | None) -> tuple[dt.date, dt.date] | None:
    """(first day, last day) of the period a deadline names, or None when it names no single one."""
    if deadline is None:
        return None
    if isinstance(deadline, dt.date):
        return deadline, deadline
    text = " ".join(deadline.split()).rstrip(".;,")
    try:
        if match := _DATE.fullmatch(text):
            day = dt.date(int(match[3]), int(match[2]), int(match[1]))
            return day, day
        if match := _QUARTER.fullmatch(text):
            quarter = _ROMAN.get(match[1].upper()) or int(match[1])
            year = int(match[2])
            return dt.date(year, 3 * quarter - 2, 1), _month_end(year, 3 * quarter)
        if match := _MONTH.fullmatch(text):
            year, month = int(match[2]), int(match[1])
            return dt.date(year, month, 1), _month_end(year, month)
        if match := _HALF.fullmatch(text):
            year = int(match[2])
            return (dt.date(year, 1, 1), dt.date(year, 6, 30)) if match[1].lower() == "đầu" else \
                (dt.date(year, 7, 1), dt.date(year, 12, 31))
        if (match := _YEARS.fullmatch(text)) and int(match[1]) <= int(match[2]):
            return dt.date(int(match[1]), 1, 1), dt.date(int(match[2]), 12, 31)
        if match := _YEAR_ONLY.fullmatch(text):
            year = int(match[1])
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:  # 31/02/2025, tháng 13: not a date, so not a range either
        return None
    return None
