"""The letterhead's rules: KH213 body names that would wrap inside the letterhead's column (ô 2;
Phụ lục I, Mục II.2); KH230 what a draft leaves blank for the văn thư (ô 3, ô 4)."""

from __future__ import annotations

from collections.abc import Iterator

from ...common.diagnostics import Severity
from ...common.i18n import tr
from ...common.nd30 import LETTERHEAD_MIN_PT
from ...common.textwidth import break_letterhead_line, letterhead_column_cm, letterhead_line_cm
from .registry import Context, Finding, is_placeholder, rule


def suggested_break(line: str, *, bold: bool) -> tuple[str, str] | None:
    """The line broken before its administrative unit, as the build breaks it; None when it is
    not broken there (it fits, or no break makes both halves fit)."""
    parts = break_letterhead_line(line, bold=bold)
    return (parts[0], parts[1]) if len(parts) == 2 else None


@rule("KH213", "letterhead-line-width", Severity.info, "NĐ 30, Phụ lục I, Mục II.2",
      ("Dòng tên cơ quan dài hơn ô của nó", "Body name line wider than its column"))
def letterhead_line_width(ctx: Context) -> Iterator[Finding]:
    """A line of the parent or issuing body's name wider than the letterhead's left column (about
    6.4 cm, 6.7 cm with the margin it may borrow and still keep clear of the Quốc hiệu), even at
    12 pt, wraps wherever the width runs out. The build breaks a local body's name before its
    administrative unit itself ("ỦY BAN NHÂN DÂN" / "TỈNH AN GIANG"); any other long name must be
    written as a list of lines broken where a reader expects it.

    Tiếng Việt:

        Dòng tên cơ quan chủ quản hoặc cơ quan ban hành rộng hơn cột trái của phần đầu văn bản (khoảng
        6,4 cm, 7,2 cm nếu mượn lề) sẽ tự xuống dòng ở chỗ hết chỗ; hãy viết tên thành danh sách các
        dòng, ngắt ở chỗ người đọc chờ đợi, thường là trước tên đơn vị hành chính.

    Passes:

        letterhead:
          issuer: ỦY BAN NHÂN DÂN TỈNH AN GIANG
          abbreviation: UBND
          place: An Giang

    Fails:

        letterhead:
          issuer: TRUNG TÂM DỊCH VỤ VIỆC LÀM VÀ GIÁO DỤC NGHỀ NGHIỆP
          abbreviation: TTDVVL
          place: An Giang
    """
    head = ctx.plan.letterhead
    column = letterhead_column_cm()
    for field, bold in (("parent", False), ("issuer", True)):
        for index, line in enumerate(getattr(head, field)):
            if is_placeholder(line):
                continue
            parts = break_letterhead_line(line, bold=bold)
            widths = [letterhead_line_cm(part, bold=bold, size_pt=LETTERHEAD_MIN_PT) for part in parts]
            if max(widths) <= column:
                continue
            width = letterhead_line_cm(line, bold=bold)
            advice = tr("tách thành các dòng ở chỗ ngắt tự nhiên (viết `{f}` là danh sách dòng)",
                        "break it into lines where a reader expects (write `{f}` as a list of lines)",
                        f=field)
            yield Finding(("letterhead", field, index), tr(
                "dòng '{l}' rộng khoảng {w:.1f} cm, ô tên cơ quan chỉ chứa {c:.1f} cm nên sẽ tự xuống dòng "
                "ở chỗ bất kỳ; {advice}",
                "the line '{l}' is about {w:.1f} cm wide and the body-name column holds {c:.1f} cm, so it wraps "
                "wherever the width runs out; {advice}", l=line, w=width, c=column, advice=advice))


@rule("KH230", "draft-blanks", Severity.info, "NĐ 30, Điều 15 và Phụ lục I, ô 3, ô 4",
      ("Bản dự thảo: số, ngày còn để trống", "Draft: number or date left blank"))
def draft_blanks(ctx: Context) -> Iterator[Finding]:
    """A draft sent for signing leaves the number and the day blank: the văn thư fills them in when
    the document is issued (registered). Only a note of what must be filled before issuing: the
    build prints the blanks, as the office's own draft does. A plan with no date at all is a
    template and gets no note.

    Tiếng Việt:

        Chỉ là ghi chú, không bao giờ chặn: bản dự thảo trình ký để trống số và ngày ("Số:      /KH-UBND",
        "ngày      tháng 3 năm 2026"); văn thư điền khi đăng ký, ban hành văn bản. Ghi chú nêu những chỗ
        còn phải điền trước khi ban hành; bản dựng ra in chỗ trống như bản dự thảo của cơ quan.

    Passes:

        letterhead:
          issuer: ỦY BAN NHÂN DÂN TỈNH AN GIANG
          abbreviation: UBND
          number: "15"
          place: An Giang
          date: 2025-03-05

    Fails:

        letterhead:
          issuer: ỦY BAN NHÂN DÂN TỈNH AN GIANG
          abbreviation: UBND
          number: null
          place: An Giang
          date: "2025-03"
    """
    from ...model import date_parts

    head = ctx.plan.letterhead
    day, month, year = date_parts(head.date)
    if not year or is_placeholder(head.number):
        return  # no date at all: a template, not a dated draft; a batch fills the number per unit
    blanks = [name for name, empty in ((tr("số", "number"), not head.number), (tr("ngày", "day"), not day),
                                       (tr("tháng", "month"), not month), (tr("năm", "year"), not year)) if empty]
    if not blanks:
        return
    where = ("letterhead", "number") if not head.number else ("letterhead", "date")
    yield Finding(where, tr(
        "bản dự thảo: còn để trống {b}; văn thư điền khi ban hành (bản dựng ra in chỗ trống)",
        "draft: {b} left blank; the văn thư fills them in when the document is issued (the build prints the blanks)",
        b=", ".join(blanks)))
