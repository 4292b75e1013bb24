"""KH401: the same document cited twice carries the same number, ký hiệu and date."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ...common.diagnostics import Severity
from ...common.i18n import tr
from ...model import date_parts
from ...source.loader import Loc
from ...common.vn import date_numeric
from .registry import Context, Finding, Fix, rule

_TYPES = (r"Công văn|Quyết định|Nghị quyết|Nghị định|Kế hoạch|Chỉ thị|Thông tư|Hướng dẫn|Thông báo|"
          r"Chương trình|Đề án|Kết luận|Văn bản|Tờ trình|Báo cáo|Công điện|Thông tri|Quy định")
# "Công văn số 2178/LĐTBXH-TE ngày 12/7/2021", "Kế hoạch số 147-KH/TU ngày 28/12/2023",
# "Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020". Found by the number and ký hiệu (a digit
# opens the pattern, so the engine skips ahead fast), then the type before it and the date after it.
# Each part of the ký hiệu opens with a capital or a digit; a space typed beside a separator
# ("57- NQ/TW", "66/2018/QĐ- UBND") is read as part of the citation, to compare spellings.
# (The look-behind after the first digit starts a number only at the first digit of a run: without
# it a long run of digits is retried from each of its digits, which was quadratic.)
_NUMBER = re.compile(r"(?P<number>\d(?<!\d\d)\d*)(?P<symbol>(?:[ ]?[/-][ ]?[A-ZĐ0-9][\w&.]*(?<!\.))+)")
_TYPE_BEFORE = re.compile(rf"(?<!\w)(?P<type>{_TYPES})\s+(?:số\s+)?\Z", re.I)
_DATE_AFTER = re.compile(r"\s+ngày\s+(?:(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})\s*/\s*(?P<y>\d{4})"
                         r"|(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>\d{4}))")
_LONGEST_TYPE = 40  # characters looked at before a number for its type


@dataclass(frozen=True)
class Citation:
    loc: Loc
    type: str | None  # None: the plan's own number
    number: str
    symbol: str  # without the leading "/" or "-" and a year part ("2020/NĐ-CP" → "NĐ-CP")
    date: tuple[int, int, int] | None
    written: str
    raw_symbol: str = ""  # as typed, spaces included


def _same_document(first: Citation, later: Citation) -> bool:
    """Two citations with one number and different ký hiệu are one document mistyped when their
    dates agree (or one has none) and the ký hiệu are alike ("LĐTBXH-TE" / "LĐTBXH-TR"); "123/UBND-VX"
    and "123/SYT-NV" of different days are two offices' documents."""
    if first.date and later.date and first.date != later.date:
        return False
    return difflib.SequenceMatcher(None, first.symbol.upper(), later.symbol.upper()).ratio() >= 0.6


def _in_capitals(citation: Citation) -> bool:
    return citation.written.isupper()


def _spacing(raw: str) -> str:
    return re.sub(r"\s+", "", raw)


def _symbol(raw: str) -> str:
    return re.sub(r"^[/-](\d{4}/)?", "", _spacing(raw))


def citations(ctx: Context) -> list[Citation]:
    """Every citation of the plan (and its own number), computed once per plan."""
    if "citations" not in ctx.memo:
        ctx.memo["citations"] = _citations(ctx)
    return ctx.memo["citations"]


def _citations(ctx: Context) -> list[Citation]:
    out = []
    lh = ctx.plan.letterhead
    if lh.number:  # the plan itself, as its appendices' notes cite it
        day, month, year = date_parts(lh.date)
        own_date = (day, month, year) if day and month and year else None
        out.append(Citation(("letterhead", "number"), None, lh.number.lstrip("0") or "0", ctx.plan.symbol,
                            own_date, f"{lh.number}/{ctx.plan.symbol}"))
    text = ctx.corpus.text
    for loc, m in ctx.corpus.finditer(_NUMBER):
        if m.start() and text[m.start() - 1].isalnum():
            continue
        kind = _TYPE_BEFORE.search(text, max(0, m.start() - _LONGEST_TYPE), m.start())
        if kind is None:
            continue
        when = _DATE_AFTER.match(text, m.end())
        date = None
        if when:
            day, month, year = (when.group("d") or when.group("d2"), when.group("m") or when.group("m2"),
                                when.group("y") or when.group("y2"))
            date = (int(day), int(month), int(year))
        written = text[kind.start(): when.end() if when else m.end()]
        out.append(Citation(loc, kind.group("type").capitalize(), m.group("number").lstrip("0") or "0",
                            _symbol(m.group("symbol")), date, written, m.group("symbol")))
    return out


def _typo(a: str, b: str) -> bool:
    """Numbers that differ like a slip of the keyboard: a digit dropped, added, changed or two swapped.

    (Two decisions of one body on one day are common — 124/QĐ-TTg and 1251/QĐ-TTg of 22/7/2011 —
    so a different number alone is not a mismatch.)
    """
    if a == b:
        return False
    if len(a) == len(b):
        diffs = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
        swapped = len(diffs) == 2 and diffs[1] == diffs[0] + 1 and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]]
        return len(diffs) == 1 or swapped
    short, long = sorted((a, b), key=len)
    return len(long) - len(short) == 1 and any(long[:i] + long[i + 1:] == short for i in range(len(long)))


_ONE_DAY = 10  # numbers closer than this, of one ký hiệu and one day, are that day's run of documents


def _fmt_date(date: tuple[int, int, int] | None) -> str:
    return date_numeric(*date) if date else "—"


@rule("KH401", "citation-mismatch", Severity.warning, "NĐ 30, Phụ lục I, Mục II.6 (trích dẫn văn bản)",
      ("một văn bản được trích dẫn với số, ký hiệu hoặc ngày khác nhau",
       "one document cited with different numbers, ký hiệu or dates"))
def citation_mismatch(ctx: Context) -> Iterator[Finding]:
    """A document cited twice (or the plan's own number cited in its appendices) keeps the same
    number, ký hiệu and date: same type and number with another ký hiệu or date, or the same
    ký hiệu and date with another number, is a typo in one of them (seed 000 cites its own
    dispatch 2178/LĐTBXH-TE as "217/LĐTBXH-TE"). Spacing counts too: "57- NQ/TW" beside "57-NQ/TW"
    is one resolution written two ways. Close numbers of one date (1746/QĐ-TTg and 1747/QĐ-TTg of
    30/12/2023; 304 to 308/QĐ-STC of one day) are that day's documents, not a typo; so are one number of two years (numbers
    start again each year), and one number with unlike ký hiệu of different days (two offices). A
    warning: which of the two is right, only the original can say.

    Tiếng Việt:

        Một văn bản được trích dẫn hai lần (hoặc số của chính kế hoạch được nhắc trong phụ lục) phải
        cùng số, ký hiệu và ngày: cùng loại và số mà khác ký hiệu hoặc ngày, hoặc cùng ký hiệu và
        ngày mà khác số, là gõ sai một chỗ (mẫu 000 dẫn công văn 2178/LĐTBXH-TE của chính nó thành
        "217/LĐTBXH-TE"). Cùng số nhưng khác năm (số văn bản đánh lại từ đầu mỗi năm), hoặc ký hiệu
        khác hẳn và khác ngày (hai cơ quan), hoặc số gần nhau cùng ký hiệu cùng ngày (các văn bản một
        cơ quan ban hành trong ngày: 304 đến 308/QĐ-STC) là các văn bản khác nhau. Là cảnh báo: chỉ bản gốc mới cho biết
        chỗ nào đúng.

    Passes:

        preamble:
          paragraphs:
            - Thực hiện Công văn số 2178/LĐTBXH-TE ngày 12/7/2021 của Bộ.
            - Theo Công văn số 2178/LĐTBXH-TE ngày 12/7/2021, các tỉnh báo cáo.

    Fails:

        preamble:
          paragraphs:
            - Thực hiện Công văn số 2178/LĐTBXH-TE ngày 12/7/2021 của Bộ.
            - Theo Công văn số 217/LĐTBXH-TE ngày 12/7/2021, các tỉnh báo cáo.
    """
    found = citations(ctx)
    reported: set[tuple[Loc, str]] = set()
    for i, later in enumerate(found):
        for first in found[:i]:
            if later.written == first.written:
                continue
            same_kind = first.type is None or later.type is None or first.type.lower() == later.type.lower()
            problem = None
            if same_kind and first.number == later.number and first.type and later.type:
                if first.symbol == later.symbol and first.raw_symbol != later.raw_symbol \
                        and _spacing(first.raw_symbol) == _spacing(later.raw_symbol):
                    problem = tr("khoảng trắng trong số, ký hiệu", "spacing of its number and ký hiệu")
                elif (first.symbol != later.symbol and not (_in_capitals(first) or _in_capitals(later))
                      or first.symbol.upper() != later.symbol.upper()) and _same_document(first, later):
                    # (a heading in capitals prints "1899/QĐ-TTG" for "1899/QĐ-TTg": the same ký hiệu)
                    problem = tr("ký hiệu", "ký hiệu")
                elif first.symbol.upper() == later.symbol.upper() and first.date and later.date \
                        and first.date != later.date and first.date[2] == later.date[2]:
                    # (numbers start again each year: "Kế hoạch số 45/KH-UBND" of 2023 and of 2024 are two)
                    problem = tr("ngày", "date")
            elif first.symbol == later.symbol and first.date and first.date == later.date \
                    and _typo(first.number, later.number) \
                    and (None in (first.type, later.type) or abs(int(first.number) - int(later.number)) >= _ONE_DAY):
                # (1746/QĐ-TTg and 1747/QĐ-TTg of 30/12/2023, 304 to 308/QĐ-STC of 04/10/2025, Nghị quyết
                # 14 and 19/NQ-HĐND of one session: one office's documents of one day; the plan's own
                # number is known, so a slip in citing it is one)
                problem = tr("số", "number")
            if problem and (later.loc, later.written) not in reported:
                reported.add((later.loc, later.written))
                yield Finding(later.loc, tr(
                    "'{w}' khác {p} với '{f}' (ngày {d}) đã dẫn trước: cùng một văn bản phải ghi như nhau",
                    "'{w}' differs in its {p} from '{f}' ({d}) cited before: one document is written one way",
                    w=later.written, p=problem, f=first.written, d=_fmt_date(first.date)),
                    snippet=later.written)
                break


@rule("KH406", "citation-spacing", Severity.warning, "NĐ 30, Phụ lục I, Mục II.3 (số, ký hiệu viết liền)",
      ("số, ký hiệu văn bản được dẫn có khoảng trắng", "a cited number and ký hiệu typed with a space"), fix="unsafe")
def citation_spacing(ctx: Context) -> Iterator[Finding]:
    """A number and ký hiệu are written without spaces: "66/2018/QĐ-UBND", "57-NQ/TW", not
    "66/2018/QĐ- UBND". (When the same document is also cited without the space, KH401 reports the
    variant instead.)

    Tiếng Việt:

        Số, ký hiệu văn bản viết liền, không có khoảng trắng: "66/2018/QĐ-UBND", "57-NQ/TW", không
        "66/2018/QĐ- UBND". (Khi cùng văn bản còn được dẫn không có khoảng trắng, KH401 báo biến thể
        thay cho quy tắc này.)

    Passes:

        preamble:
          bases: [Căn cứ Quyết định số 66/2018/QĐ-UBND ngày 28/12/2018 của UBND tỉnh]

    Fails:

        preamble:
          bases: [Căn cứ Quyết định số 66/2018/QĐ- UBND ngày 28/12/2018 của UBND tỉnh]

    Fixed:

        preamble:
          bases: [Căn cứ Quyết định số 66/2018/QĐ-UBND ngày 28/12/2018 của UBND tỉnh]
    """
    found = [c for c in citations(ctx) if c.type is not None]
    for citation in found:
        if not re.search(r"\s", citation.raw_symbol):
            continue
        if any(other.number == citation.number and other.symbol == citation.symbol
               and not re.search(r"\s", other.raw_symbol) for other in found):
            continue  # KH401's
        match = re.search(r"\d+" + re.escape(citation.raw_symbol), citation.written)
        if match is None:
            continue
        written = match.group(0)
        right = _spacing(written)
        yield Finding(citation.loc, tr("viết liền số, ký hiệu: \"{r}\", không phải \"{w}\"",
                                       "write the number and ký hiệu without spaces: \"{r}\", not \"{w}\"",
                                       r=right, w=written), snippet=written, fix=Fix(written, right, safe=False))
