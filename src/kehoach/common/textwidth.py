"""Approximate printed width of a line in Times New Roman, for sizing rules under text.

Advance widths (thousandths of an em) of Liberation Serif, which is metric-compatible with Times
New Roman, for printable ASCII. A Vietnamese letter is as wide as its base letter (tone marks and
the breve/circumflex sit above it; đ, ơ, ư are close enough to d, o, u).
"""

from __future__ import annotations

import functools
import re
import unicodedata

from . import nd30
from .vn import upper

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


class _CharWidths(dict):
    """Each character's width (its base letter's, else ``_UNKNOWN``), worked out the first time the
    character is met: ``text_width_em`` then sums with ``map`` over the text, not a Python loop per
    character (the .docx writer measures every paragraph, some 70,000 characters for a 28-page plan)."""

    def __init__(self, widths: dict[str, int]) -> None:
        super().__init__()
        self.widths = widths

    def __missing__(self, char: str) -> int:
        width = self[char] = self.widths.get(_base_letter(char), _UNKNOWN)
        return width


_CHAR_WIDTHS = {bold: _CharWidths(widths) for bold, widths in _WIDTHS.items()}


def text_width_em(text: str, bold: bool = False) -> float:
    """Width of ``text`` in ems: multiply by the font size in points to get points."""
    return sum(map(_CHAR_WIDTHS[bold].__getitem__, text)) / 1000  # integer thousandths: exact


LETTERHEAD_SLACK_CM = 0.15  # rounding in the width estimate

# Where a local body's name breaks by custom: after "ỦY BAN NHÂN DÂN" / "HỘI ĐỒNG NHÂN DÂN", and
# before an administrative unit ("SỞ …" / "TỈNH AN GIANG"). "XÃ HỘI" is a word of a ministry's
# name ("… VÀ XÃ HỘI", "BẢO HIỂM XÃ HỘI"), not a commune.
_UNIT_BREAK = re.compile(r"(?:(?<=BAN NHÂN DÂN)|(?<=ĐỒNG NHÂN DÂN)) (?=\S)"
                         r"| (?=(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ(?! HỘI)|PHƯỜNG|THỊ TRẤN|ĐẶC KHU) )")
# A unit's own name still too wide breaks after its hyphen ("PHƯỜNG VĂN MIẾU -" / "QUỐC TỬ GIÁM"),
# else after the unit word ("PHƯỜNG" / "TRƯƠNG QUANG TRỌNG").
_COUNCIL = re.compile(r"(?:ỦY|UỶ) BAN NHÂN DÂN (?=\S)|HỘI ĐỒNG NHÂN DÂN (?=\S)")
_HYPHEN_BREAK = re.compile(r"(?<= -) ")
_UNIT_WORD_BREAK = re.compile(r"(?<=^TỈNH) |(?<=^THÀNH PHỐ) |(?<=^XÃ) |(?<=^PHƯỜNG) |(?<=^ĐẶC KHU) "
                              r"|(?<=^THỊ TRẤN) |(?<=^HUYỆN) |(?<=^QUẬN) |(?<=^THỊ XÃ) ")


def letterhead_line_cm(line: str, *, bold: bool, size_pt: float | None = None) -> float:
    """Printed width in cm of one line of a letterhead body name (ô 2), upper-cased as printed,
    slack for the estimate included: bold is the issuing body, regular its parent body; at
    ``size_pt`` (default: the size the decree's figures give the line)."""
    from .nd30 import ISSUER_PT, PARENT_PT

    size = size_pt or (ISSUER_PT if bold else PARENT_PT)
    return text_width_em(upper(line), bold=bold) * size * 2.54 / 72 + LETTERHEAD_SLACK_CM


def national_name_cm() -> float:
    from .nd30 import NATIONAL_NAME_PT

    return text_width_em("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True) * NATIONAL_NAME_PT * 2.54 / 72


@functools.lru_cache(maxsize=1)
def letterhead_column_cm() -> float:
    """The widest a letterhead body line may print before it wraps: its column widened into the
    left margin (at most LETTERHEAD_MAX_OUTDENT_CM) only while the line, centred in the column,
    stays LETTERHEAD_GAP_CM clear of the Quốc hiệu, which is centred in the right column."""
    from .nd30 import LETTERHEAD_GAP_CM, LETTERHEAD_LEFT_CM, LETTERHEAD_MAX_OUTDENT_CM, text_width_cm

    right = text_width_cm() - LETTERHEAD_LEFT_CM
    national_left = LETTERHEAD_LEFT_CM + (right - national_name_cm()) / 2
    # A column [-d, LEFT] centres a line of width L at (LEFT - d) / 2: its right edge must stay at
    # most national_left - gap; the widest L is at the largest d.
    widest = 2 * (national_left - LETTERHEAD_GAP_CM) - (LETTERHEAD_LEFT_CM - LETTERHEAD_MAX_OUTDENT_CM)
    return max(LETTERHEAD_LEFT_CM, min(widest, LETTERHEAD_LEFT_CM + LETTERHEAD_MAX_OUTDENT_CM))


def letterhead_body_pt(parent: list[str], issuer: list[str]) -> float:
    """The size of the body-name lines: the decree's 13 pt, or 12 pt (Phụ lục I, II.2 allows 12 to
    13) when a line the plan broke on purpose is too wide for the column at 13 pt but fits at 12;
    parent and issuer keep one size."""
    from .nd30 import ISSUER_PT, LETTERHEAD_MIN_PT

    column = letterhead_column_cm()
    lines = [(line, False) for line in parent] + [(line, True) for line in issuer]
    if all(letterhead_line_cm(line, bold=bold) <= column for line, bold in lines):
        return ISSUER_PT
    if all(letterhead_line_cm(line, bold=bold, size_pt=LETTERHEAD_MIN_PT) <= column for line, bold in lines):
        return LETTERHEAD_MIN_PT
    return ISSUER_PT


def _splits(line: str, pattern: re.Pattern[str]) -> list[tuple[str, str]]:
    printed = upper(line)
    return [(line[:m.start()].strip(), line[m.end():].strip()) for m in pattern.finditer(printed)]


def break_letterhead_line(line: str, *, bold: bool) -> list[str]:
    """A body-name line as it prints: kept whole when it fits the column, else broken where a
    reader expects it: after "ỦY BAN NHÂN DÂN", before the administrative unit ("ỦY BAN NHÂN DÂN" /
    "PHƯỜNG BA ĐÌNH"), and if the unit's name is still too wide, after its hyphen or its unit word;
    two lines rather than three, 13 pt rather than 12. Kept whole when nothing fits (KH213)."""
    from .nd30 import LETTERHEAD_LEFT_CM, LETTERHEAD_MIN_PT

    two = [[head, tail] for head, tail in _splits(line, _UNIT_BREAK)]
    # An Ủy ban / Hội đồng nhân dân always prints its unit on a line of its own, as letterheads do.
    council = _COUNCIL.match(upper(line))
    if letterhead_line_cm(line, bold=bold) <= LETTERHEAD_LEFT_CM:
        if not council:
            return [line]
        two = [[line[:council.end()].strip(), line[council.end():].strip()]]
    column = letterhead_column_cm()
    three = [[head, *pair] for head, tail in _splits(line, _UNIT_BREAK)
             for pattern in (_HYPHEN_BREAK, _UNIT_WORD_BREAK) for pair in _splits(tail, pattern)]
    for candidates in (two, three):
        for size in (None, LETTERHEAD_MIN_PT):
            for parts in candidates:
                if all(letterhead_line_cm(part, bold=bold, size_pt=size) <= column for part in parts):
                    return parts
    return [line]


# The trích yếu's lines. The writer breaks a line too wide for the page into balanced lines; the
# importer reads a built document's lines back and joins them when this breaking explains them, so
# one plan line round-trips as one line. Twips (1/20 pt), rounded as the .docx writer rounds.
def _twips_mm(mm: float) -> int:
    return round(mm * 1440 / 25.4)


_TITLE_SLACK_TWIPS = _twips_mm(8)  # [practice] rounding in the width estimate, and air at both ends
TITLE_AVAILABLE_TWIPS = (_twips_mm(nd30.PAGE_WIDTH_MM) - _twips_mm(nd30.MARGIN_LEFT_MM)
                         - _twips_mm(nd30.MARGIN_RIGHT_MM) - _TITLE_SLACK_TWIPS)


def title_width_twips(text: str) -> int:
    return round(text_width_em(text, bold=True) * nd30.SUBJECT_PT * 20)


# Two-syllable words (and a few longer ones) of plan titles that a title line never splits: "DOANH /
# NGHIỆP" or "SẢN / PHẨM" at a line end reads as two words. Written in capitals, compared so.
COMPOUNDS = frozenset("""
BẢO HIỂM|BẢO VỆ|BẢO ĐẢM|BÌNH ĐẲNG|BẠO LỰC|BỀN VỮNG|BỒI DƯỠNG|CHUYỂN ĐỔI|CHƯƠNG TRÌNH|CHẤT LƯỢNG|CHỈ THỊ
CÁN BỘ|CÔNG CHỨC|CÔNG NGHỆ|CÔNG NGHIỆP|CÔNG TÁC|CẢI CÁCH|CẢNH BÁO|CỘNG ĐỒNG|DOANH NGHIỆP|DU LỊCH|DÂN SỰ
DÂN TỘC|DỊCH BỆNH|DỊCH VỤ|GIA ĐÌNH|GIAI ĐOẠN|GIAO THÔNG|GIÁM SÁT|GIÁO DỤC|GIẢI PHÁP|GIẢM NGHÈO|HIỆU QUẢ
HÀNH CHÍNH|HẠ TẦNG|HỌC SINH|HỘI NHẬP|HỢP TÁC|KHOA HỌC|KHOÁNG SẢN|KHUYẾT TẬT|KIỂM TRA|KINH PHÍ|KINH TẾ
KẾ HOẠCH|LAO ĐỘNG|MA TÚY|MIỀN NÚI|MÔI TRƯỜNG|NGHỊ QUYẾT|NGHỊ ĐỊNH|NGUỒN LỰC|NHIỆM VỤ|NHÂN DÂN|NHÂN LỰC
NHÀ NƯỚC|NHÀ Ở|NÔNG NGHIỆP|NÔNG THÔN|NUÔI TRỒNG|PHÁP LUẬT|PHÁT TRIỂN|PHÒNG CHỐNG|PHÒNG NGỪA|PHÒNG THỦ
PHỔ BIẾN|PHỤ NỮ|QUAN TRẮC|QUỐC PHÒNG|QUỐC TẾ|QUẢN LÝ|QUYẾT ĐỊNH|SINH VIÊN|SÁNG TẠO|SẢN PHẨM|SẢN XUẤT
SỨC KHỎE|THANH NIÊN|THANH TRA|THIÊN TAI|THIỂU SỐ|THÀNH PHỐ|THÔNG TIN|THƯƠNG BINH|THƯƠNG MẠI|THỊ TRƯỜNG
THỦ TỤC|THỦY SẢN|THỰC HIỆN|TIÊU BIỂU|TRIỂN KHAI|TRẬT TỰ|TRẺ EM|TRỌNG ĐIỂM|TUYÊN TRUYỀN|TÀI NGUYÊN
VIÊN CHỨC|VIỆC LÀM|VĂN HÓA|VĂN BẢN|XUẤT KHẨU|XÂY DỰNG|XÃ HỘI|Y TẾ|ĐÀO TẠO|ĐÔ THỊ|ĐẤT ĐAI|ĐẦU TƯ
ĐỊA BÀN|ĐỊA PHƯƠNG|ĐỐI TƯỢNG|ĐỔI MỚI|ĐỀ ÁN|AN NINH|AN TOÀN|SỬ DỤNG|TỔ CHỨC|HOẠT ĐỘNG|CHÍNH SÁCH
CHÍNH QUYỀN|ỦY BAN|CƠ QUAN|ĐƠN VỊ|TỔNG KẾT|SƠ KẾT|BÁO CÁO|HƯỚNG DẪN|NÂNG CAO|TĂNG CƯỜNG|CHUYÊN ĐỀ
ỨNG DỤNG|DỮ LIỆU|TRỰC TUYẾN|MỤC TIÊU|QUỐC GIA|TIÊU CHÍ|NÔNG DÂN|CHĂM SÓC|BẢO TRỢ|HỢP TÁC XÃ
""".replace("\n", "|").strip("|").split("|"))
_WORD_EDGE = re.compile(r"^\W+|\W+$")


def splits_compound(before: str, after: str) -> bool:
    """Whether a line break between the words ``before`` and ``after`` cuts a compound."""
    left, right = _WORD_EDGE.sub("", before), _WORD_EDGE.sub("", after)
    return bool(left and right) and not re.search(r"\W$", before) and upper(f"{left} {right}") in COMPOUNDS


def balanced_title_lines(line: str, available: int = TITLE_AVAILABLE_TWIPS) -> list[str]:
    """A trích yếu line too wide for ``available`` twips, broken into as few lines as it needs, never
    inside a compound ("DOANH NGHIỆP") when another break fits, and of widths as even as the words
    allow (not a full line and an orphaned word or two)."""
    words = line.split()
    if title_width_twips(line) <= available or len(words) < 2:
        return [line]
    count = min(-(-title_width_twips(line) // available), len(words))

    @functools.cache
    def best(start: int, lines: int) -> tuple[int, int, tuple[int, ...]]:
        """(compounds cut, widest line, break positions) for words[start:] in ``lines`` lines."""
        if lines == 1:
            width = title_width_twips(" ".join(words[start:]))
            return (0 if width <= available else 1 << 20), width, ()  # a line too wide: never chosen
        result = (1 << 30, 1 << 30, ())
        for end in range(start + 1, len(words) - lines + 2):
            head = title_width_twips(" ".join(words[start:end]))
            if head > available:
                break
            cuts, rest, breaks = best(end, lines - 1)
            cuts += splits_compound(words[end - 1], words[end])
            result = min(result, (cuts, max(head, rest), (end, *breaks)))
        return result

    _, widest, breaks = best(0, count)
    if widest > available:  # no even split fits: let the paragraph wrap as it will
        return [line]
    edges = [0, *breaks, len(words)]
    return [" ".join(words[a:b]) for a, b in zip(edges, edges[1:])]


def join_balanced_title_lines(lines: list[str]) -> list[str]:
    """The plan's own lines behind ``lines`` as printed: each longest run of consecutive lines that
    ``balanced_title_lines`` would print from one line becomes that one line again."""
    result: list[str] = []
    i = 0
    while i < len(lines):
        for j in range(len(lines), i + 1, -1):
            joined = " ".join(lines[i:j])
            if balanced_title_lines(joined) == lines[i:j]:
                result.append(joined)
                i = j
                break
        else:
            result.append(lines[i])
            i += 1
    return result

