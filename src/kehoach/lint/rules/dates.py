"""KH203, KH214: dates written in text follow the decree's zero padding (Phụ lục I, Mục II.4.b)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...common.diagnostics import Severity
from ...common.i18n import tr
from ...model import date_parts
from ...common.vn import pad_day, pad_month
from .registry import Context, Finding, Fix, rule

# Each pattern opens with a literal or a digit so that the regex engine skips ahead quickly.
# They run on lower-cased text ("Ngày" at a sentence start included).
_MONTH_WORDS = re.compile(r"tháng\s+(?P<m>\d{1,2})\b")  # "tháng 03 năm 2024"
_DAY_BEFORE = re.compile(r"ngày\s+(?P<d>\d{1,2})\s+\Z")  # "ngày 5 " just before "tháng"
_DATE_AFTER_MONTH = re.compile(r"\s+năm\s+\d{4}|\s*[,.;:)]|\s*(?:\n|\Z)")  # a month of a date, not "3 tháng"
_DMY = re.compile(r"(?P<d>\d{1,2})/(?P<m>\d{1,2})/\d{4}(?![\d/])")  # "04/8/2021", tried where "/" is
_DAY_SLASH = re.compile(r"ngày\s+(?P<d>\d{1,2})/(?P<m>\d{1,2})(?![\d/])")  # "ngày 5/11"
_MONTH_SLASH = re.compile(r"tháng\s+(?P<m>\d{1,2})/\d{4}(?![\d/])")  # "tháng 03/2024"


def _valid(day: int | None, month: int) -> bool:
    return 1 <= month <= 12 and (day is None or 1 <= day <= 31)


def _replace(text: str, match: re.Match[str], group: str, value: str, offset: int = 0) -> str:
    """``text`` (a slice starting ``offset`` into the matched string) with ``group`` replaced."""
    start, end = match.start(group) - match.start() - offset, match.end(group) - match.start() - offset
    return text[:start] + value + text[end:]


_SLASH = re.compile(r"/\d")


def _slash_matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern``'s matches, tried only just before a "/" followed by a digit: a scan led by a
    literal is much faster than trying a digit-led pattern at every digit of a long plan."""
    if pattern is not _DMY:
        yield from pattern.finditer(text)
        return
    end = -1
    for slash in _SLASH.finditer(text):
        start = max(slash.start() - 2, end, 0)
        match = pattern.search(text, start, slash.start() + 10)  # "/mm/yyyy" and one more character
        if match and match.start() <= slash.start() and match.start() >= end:
            end = match.end()
            yield match


def wrong_dates(text: str, lowered: str | None = None) -> Iterator[tuple[int, str, str]]:
    """(position, as written, as the decree writes it) for each badly padded date in ``text``.

    ``lowered`` is ``text.lower()`` when the caller has it already (same positions).
    """
    original, text = text, (lowered if lowered is not None else text.lower())
    for match in _MONTH_WORDS.finditer(text):
        month = match.group("m")
        day_match = _DAY_BEFORE.search(text, max(0, match.start() - 16), match.start())
        if day_match is None and not _DATE_AFTER_MONTH.match(text, match.end()):
            continue  # "trong 3 tháng 10 ngày" is a duration; "tháng 03/2024" is handled below
        day = day_match.group("d") if day_match else None
        if not _valid(int(day) if day else None, int(month)):
            continue
        good_month = pad_month(int(month))
        good_day = pad_day(int(day)) if day else None
        if (day, month) != (good_day, good_month):
            start = day_match.start() if day_match else match.start()
            written = original[start: match.end()]
            fixed = written[: len(written) - len(month)] + good_month
            if day_match:
                at = day_match.start("d") - start
                fixed = fixed[:at] + good_day + fixed[at + len(day):]
            yield start, written, fixed
    for pattern in (_DMY, _DAY_SLASH, _MONTH_SLASH):
        for match in _slash_matches(pattern, text):
            if pattern is _DMY and match.start() and text[match.start() - 1] in "0123456789/":
                continue  # part of a longer number ("2021/5/2020")
            day = match.groupdict().get("d")
            month = match.group("m")
            if not _valid(int(day) if day else None, int(month)):
                continue
            good_day, good_month = (pad_day(int(day)) if day else None), pad_month(int(month))
            if (day, month) == (good_day, good_month):
                continue
            written = fixed = original[match.start(): match.end()]
            fixed = _replace(fixed, match, "m", good_month)
            if day:
                fixed = _replace(fixed, match, "d", good_day)  # the day comes first: offsets still hold
            yield match.start(), written, fixed


_FULL_DATE = re.compile(r"(?:ngày\s+)?(\d{1,2})(?:/|\s+tháng\s+)(\d{1,2})(?:/|\s+năm\s+)(\d{4})", re.I)


def _date_at(text: str, position: int) -> tuple[int, int, int] | None:
    """(day, month, year) of the full date written at ``position``, if it is one."""
    match = _FULL_DATE.match(text, position)
    return (int(match.group(1)), int(match.group(2)), int(match.group(3))) if match else None


def own_date(ctx: Context) -> tuple[int, int, int] | None:
    day, month, year = date_parts(ctx.plan.letterhead.date)
    return (day, month, year) if day and month and year else None


def _wrong(ctx: Context, own: bool) -> Iterator[Finding]:
    """Badly padded dates that are (``own``) or are not the plan's own issue date."""
    issued = own_date(ctx)
    if "wrong_dates" not in ctx.memo:  # KH203 and KH214 share one scan
        ctx.memo["wrong_dates"] = list(wrong_dates(ctx.corpus.text, ctx.corpus.lowered))
    for position, written, fixed in ctx.memo["wrong_dates"]:
        if (issued is not None and _date_at(ctx.corpus.text, position) == issued) is not own:
            continue
        loc = ctx.corpus.where(position)[0]
        if own:
            message = tr("ngày ban hành \"{w}\" phải viết \"{f}\" (chỉ ngày 1–9 và tháng 1, 2 có số 0 ở trước)",
                         "the issue date \"{w}\" must be written \"{f}\" (only days 1–9 and months 1, 2 take a "
                         "leading zero)", w=written, f=fixed)
        else:
            message = tr("ghi chú: ngày \"{w}\" của văn bản được dẫn, theo cách của Nghị định 30 là \"{f}\" "
                         "(giữ nguyên nếu văn bản gốc ghi như vậy)",
                         "note: the cited date \"{w}\" would be \"{f}\" in Decree 30's style (keep it if the "
                         "cited document writes it so)", w=written, f=fixed)
        yield Finding(loc, message, snippet=written, fix=Fix(written, fixed, safe=own))


@rule("KH203", "date-padding", Severity.warning, "NĐ 30, Phụ lục I, Mục II.4.b",
      ("ngày ban hành viết sai số 0", "issue date written with wrong zero padding"), fix="safe")
def date_padding(ctx: Context) -> Iterator[Finding]:
    """The document's own date of issue is written with the decree's zero padding: days 1–9 and
    months 1–2 take a leading zero, months 3–12 never do ("ngày 04 tháng 8 năm 2021", "04/8/2021").
    kehoach prints the letterhead date itself; this rule checks the issue date where the text
    repeats it (an appendix's "Kèm theo Kế hoạch số … ngày …"). Dates of cited documents are the
    cited document's business: see KH214. A warning with a safe fix: the date is the author's own
    text, printed as typed, and a real office's plan with "tháng 09" can still be issued.

    Tiếng Việt:

        Ngày từ 1 đến 9 và tháng 1, 2 có số 0 đứng trước; tháng 3 đến 12 thì không.

        "ngày 04 tháng 8 năm 2021", "ngày 15 tháng 02 năm 2024", "04/8/2021" là đúng; "ngày 05 tháng 03
        năm 2024" và "ngày 4/8/2021" là sai. Là cảnh báo (có sửa tự động): ngày do người soạn gõ, được in
        như đã gõ.

    Passes:

        preamble:
          bases:
            - Căn cứ Kế hoạch số 12/KH-UBND ngày 4/8/2021 của Ủy ban nhân dân tỉnh
          paragraphs:
            - Kế hoạch số 12/KH-STP ngày 05/3/2024 thay thế kế hoạch trước.

    Fails:

        preamble:
          paragraphs:
            - Kế hoạch số 12/KH-STP ngày 05 tháng 03 năm 2024 thay thế kế hoạch trước.

    Fixed:

        preamble:
          paragraphs:
            - Kế hoạch số 12/KH-STP ngày 05 tháng 3 năm 2024 thay thế kế hoạch trước.
    """
    yield from _wrong(ctx, own=True)


@rule("KH214", "cited-date-padding", Severity.info, "NĐ 30, Phụ lục I, Mục II.4.b",
      ("ngày của văn bản được dẫn viết khác kiểu Nghị định 30", "a cited date is padded unlike Decree 30"), fix="unsafe")
def cited_date_padding(ctx: Context) -> Iterator[Finding]:
    """A note, never a failure: a date in the text other than the plan's own issue date ("ngày
    10/1/2022" in a cited decree) is padded unlike Decree 30 writes dates. The cited document's own
    text may write it so; change it only for consistency.

    Tiếng Việt:

        Chỉ là ghi chú, không bao giờ chặn: một ngày trong văn bản (không phải ngày ban hành của kế
        hoạch, ví dụ "ngày 10/1/2022" của văn bản được dẫn) ghi số 0 khác cách Nghị định 30 ghi ngày.
        Văn bản được dẫn có thể tự ghi như vậy; chỉ sửa cho thống nhất.

    Passes:

        preamble:
          bases:
            - Căn cứ Kế hoạch số 12/KH-UBND ngày 04/8/2021 của Ủy ban nhân dân tỉnh

    Fails:

        preamble:
          bases:
            - Căn cứ Kế hoạch số 12/KH-UBND ngày 4/8/2021 của Ủy ban nhân dân tỉnh

    Fixed:

        preamble:
          bases:
            - Căn cứ Kế hoạch số 12/KH-UBND ngày 04/8/2021 của Ủy ban nhân dân tỉnh
    """
    yield from _wrong(ctx, own=False)
