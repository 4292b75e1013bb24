"""KH219–KH220: lists typed in the text and appendix tables count the way the decree counts."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...common.diagnostics import Severity
from ...common.i18n import tr
from ...model import GroupRow, cell_value, row_grid
from ...model.numbering import Numbered, every_list, item_lists
from ...source.loader import Loc
from ...common.vn import LETTERS
from .registry import Context, Finding, rule, tables_of, walk_items

_LETTER_POINT = re.compile(r"^\s*([a-zđ])\)\s")
_LETTER_LABEL = re.compile(r"^(\(?)([a-zđ])([.)])$", re.I)  # "d)", "(d)", "D.": a letter label
_D, _E = LETTERS.index("d"), LETTERS.index("e")


def _paragraph_lists(ctx: Context) -> Iterator[tuple[Loc, list[str]]]:
    """Every list of paragraphs a person typed (``text:`` of sections, items, appendices)."""
    plan = ctx.plan
    for s, section in enumerate(plan.sections):
        yield ("sections", s, "text"), section.text
        for loc, item in walk_items(section.items, ("sections", s, "items")):
            yield (*loc, "text"), item.text
    for a, appendix in enumerate(plan.appendices):
        yield ("appendices", a, "text"), appendix.text
        for loc, item in walk_items(appendix.items, ("appendices", a, "items")):
            yield (*loc, "text"), item.text


def _item_lists(ctx: Context) -> Iterator[tuple[Loc, list[Numbered]]]:
    """Every list of items as the body prints it (model/numbering), with its plan path."""
    for top, numbered in item_lists(ctx.plan):
        yield from every_list(top, numbered)


def _letters(points: list[tuple[Loc, str]]) -> Iterator[Finding]:
    """Points "a)", "b)" … in the decree's alphabet (a b c d đ e g h …), from "a)" without gaps."""
    expected = 0
    for loc, letter in points:
        index = LETTERS.index(letter)
        if index == 0:
            expected = 0
        if index != expected:
            missing = LETTERS[expected] if expected < len(LETTERS) else "?"
            yield Finding(loc, tr("điểm \"{l})\" đứng sau \"{p})\": thiếu hoặc sai thứ tự (chữ cái tiếng Việt: "
                                  "a, b, c, d, đ, e, g, h …; điểm cần có là \"{m})\")",
                                  "point \"{l})\" follows \"{p})\": one is missing or out of order (the Vietnamese "
                                  "alphabet: a, b, c, d, đ, e, g, h …; expected \"{m})\")",
                                  l=letter, p=LETTERS[expected - 1] if expected else "—", m=missing),
                          snippet=f"{letter})")
        expected = index + 1


@rule("KH219", "point-letters", Severity.warning, "NĐ 30, Phụ lục I, Mục II.6.c",
      ("các điểm a), b), … thiếu chữ hoặc sai thứ tự", "points a), b), … skip a letter or are out of order"))
def point_letters(ctx: Context) -> Iterator[Finding]:
    """Points typed as "a)", "b)" at the start of paragraphs or items follow the Vietnamese alphabet
    from "a)": a, b, c, d, đ, e, g, h, i, k … — "e)" straight after "d)" skips "đ)" (Phụ lục I,
    Mục II.6.c: điểm are lettered in the Vietnamese alphabet). The same holds for the labels of items
    (``label: "e)"`` printed after "d)", typed or numbered by the tool): this rule owns the "đ)"
    question, KH212 every other repeat or gap in labels. An office that letters without "đ" (a, b,
    c, d, e …) turns this rule off (``ignore = ["KH219"]``) and keeps KH212.

    Tiếng Việt:

        Các điểm gõ "a)", "b)" ở đầu đoạn hay đầu khoản theo thứ tự chữ cái tiếng Việt từ "a)": a, b, c,
        d, đ, e, g, h, i, k … — "e)" ngay sau "d)" là bỏ sót "đ)" (Phụ lục I, Mục II.6.c: điểm đánh
        bằng chữ cái tiếng Việt). Số thứ tự của khoản cũng vậy (`label: "e)"` in ngay sau "d)", gõ tay
        hay do công cụ đánh): quy tắc này xét chữ "đ)", KH212 xét mọi chỗ lặp hay sai thứ tự khác. Cơ
        quan quen đánh không có "đ" (a, b, c, d, e …) thì tắt quy tắc này (`ignore = ["KH219"]`), vẫn
        giữ KH212.

    Passes:

        sections:
          - role: solutions
            items:
              - text:
                  - a) Rà soát chính sách.
                  - b) Tập huấn.
                  - c) Truyền thông.
                  - d) Kiểm tra.
                  - đ) Sơ kết.
                  - e) Tổng kết.
              - heading: Tổ chức thực hiện
                numbering: letter
                items:
                  - Rà soát chính sách.
                  - Tập huấn.
                  - Truyền thông.
                  - Kiểm tra.
                  - {label: "đ)", text: Sơ kết.}
                  - {label: "e)", text: Tổng kết.}

    Fails:

        sections:
          - role: solutions
            items:
              - text:
                  - a) Rà soát chính sách.
                  - b) Tập huấn.
                  - c) Truyền thông.
                  - d) Kiểm tra.
                  - e) Tổng kết.
              - heading: Tổ chức thực hiện
                items:
                  - {label: "a)", text: Rà soát chính sách.}
                  - {label: "b)", text: Tập huấn.}
                  - {label: "c)", text: Truyền thông.}
                  - {label: "d)", text: Kiểm tra.}
                  - {label: "e)", text: Tổng kết.}
    """
    for loc, paragraphs in _paragraph_lists(ctx):
        points = [((*loc, i), m.group(1)) for i, p in enumerate(paragraphs) if (m := _LETTER_POINT.match(p))]
        yield from _letters(points)
    for loc, items in _item_lists(ctx):
        points = []
        for node in items:
            first = node.item.text[0] if node.item.text else ""
            if node.item.label is None and (match := _LETTER_POINT.match(first)):
                points.append(((*loc, node.index, "text", 0), match.group(1)))
        yield from _letters(points)
        yield from _skipped_d_stroke(loc, items)


def _skipped_d_stroke(loc: Loc, items: list[Numbered]) -> Iterator[Finding]:
    """"e)" printed straight after "d)" in a list of items where either label is typed (the tool's
    own letters always have "đ)"). Every other gap or repeat in labels is KH212's."""
    before: tuple[Numbered, re.Match[str]] | None = None
    for node in items:
        match = _LETTER_LABEL.match(node.label.strip())
        if match and before and (node.item.label is not None or before[0].item.label is not None):
            previous = before[1]
            same_form = (previous.group(1), previous.group(3)) == (match.group(1), match.group(3))
            if same_form and LETTERS.index(previous.group(2).lower()) == _D and \
                    LETTERS.index(match.group(2).lower()) == _E:
                stroke = "đ" if match.group(2).islower() else "Đ"
                missing = f"{match.group(1)}{stroke}{match.group(3)}"
                typed = node.item.label is not None
                yield Finding((*loc, node.index, "label") if typed else (*loc, node.index), tr(
                    "số thứ tự \"{l}\" in ngay sau \"{p}\": thiếu \"{m}\" (chữ cái tiếng Việt: a, b, c, d, đ, e, "
                    "g, h …)", "label \"{l}\" is printed straight after \"{p}\": \"{m}\" is missing (the "
                    "Vietnamese alphabet: a, b, c, d, đ, e, g, h …)", l=node.label, p=before[0].label, m=missing),
                    snippet=node.item.label if typed else None)
        before = (node, match) if match else None


_GROUP_LEVEL = [
    (re.compile(r"^[IVXLC]+[.)]?\s"), 1),  # "I. KIỆN TOÀN …"
    (re.compile(r"^[A-Z][.)]\s"), 0),  # "A. PHẦN …"
    (re.compile(r"^\d+[.)]\s"), 2),  # "1. …"
    (re.compile(r"^\d+\.\d+"), 3),  # "1.1 …"
    (re.compile(r"^[a-zđ]\)\s"), 4),  # "a) …"
]


def _level(group: str) -> int | None:
    for pattern, level in _GROUP_LEVEL:
        if pattern.match(group.strip()):
            return level
    return None


def _row_level(row: GroupRow) -> int | None:
    """A group row's level: from its number when it has one ("I", "1", "1.1", "1.1.1", "a"), each
    dot one level deeper; else from the number written at the start of its text."""
    if row.number is None:
        return _level(row.group)
    number = str(row.number).strip().rstrip(".)")
    if re.fullmatch(r"[IVXLC]+", number):
        return 1
    if re.fullmatch(r"[A-Z]", number):
        return 0
    if re.fullmatch(r"\d+(?:\.\d+)*", number):
        return 2 + number.count(".")
    if re.fullmatch(r"[a-zđ]", number):
        return 20  # below every numbered level
    return None


@rule("KH220", "table-groups", Severity.warning, "NĐ 30, Phụ lục I, Mục II.6 (phụ lục, bảng)",
      ("nhóm trong bảng không có dòng, hoặc dòng không đánh số từ 1", "a table group has no rows, or rows do not count from 1"))
def table_groups(ctx: Context) -> Iterator[Finding]:
    """In an appendix table, each group row ("I. KIỆN TOÀN …") is followed by its rows (or by
    groups one level below it: "1.1" under "1", "a" under "1.1.1"; a group row that carries its own
    figures, a costed line or a total, needs no rows), and the rows' STT counts from 1 — within the group, or on from the
    previous group when the table numbers its rows straight through.

    Tiếng Việt:

        Trong bảng phụ lục, mỗi dòng nhóm ("I. KIỆN TOÀN …") có các dòng của nó theo sau (hoặc nhóm cấp
        dưới: "1.1" dưới "1", "a" dưới "1.1.1"; dòng nhóm có số liệu riêng — một khoản chi, một dòng
        tổng — không cần dòng con), và số thứ tự đếm từ 1 — trong nhóm, hoặc tiếp nối nhóm trước khi
        bảng đánh số liền.

    Passes:

        appendices:
          - title: Danh mục nhiệm vụ
            tables:
              - columns: [{title: TT}, {title: Nội dung}]
                rows:
                  - group: I. KIỆN TOÀN TỔ CHỨC
                  - ["1", Kiện toàn Ban Chỉ đạo]
                  - ["2", Ban hành quy chế]
                  - group: II. TUYÊN TRUYỀN
                  - ["1", Tổ chức hội nghị]

    Fails:

        appendices:
          - title: Danh mục nhiệm vụ
            tables:
              - columns: [{title: TT}, {title: Nội dung}]
                rows:
                  - group: I. KIỆN TOÀN TỔ CHỨC
                  - group: II. TUYÊN TRUYỀN
                  - ["2", Tổ chức hội nghị]
    """
    for here, table in tables_of(ctx.plan):
        rows = table.rows
        # the STT column of each row as laid out: a row under a number merged down has none of its own
        starts = row_grid(rows, len(table.leaf_columns()))
        last_number = 0
        for r, row in enumerate(rows):
            loc: Loc = (*here, "rows", r)
            if isinstance(row, GroupRow):
                level = _row_level(row)
                following = rows[r + 1] if r + 1 < len(rows) else None
                if any(cell not in (None, "") for cell in row.cells):
                    continue  # a group carrying its own figures (a costed line, a total) is an entry
                if following is None or (isinstance(following, GroupRow) and (
                        level is None or (_row_level(following) or 99) <= level)):
                    yield Finding((*loc, "group"), tr("nhóm \"{g}\" không có dòng nào",
                                                      "group \"{g}\" has no rows", g=row.group[:60]))
                continue
            first = starts[r][0][1] if starts[r] and starts[r][0] is not None else None
            first = cell_value(first) if first is not None else None
            text = str(first).strip().rstrip(".") if first is not None else ""
            if not text.isdigit():
                continue
            number = int(text)
            if number not in (1, last_number + 1):
                yield Finding((*loc, 0), tr("dòng số {n} không liền sau dòng trước (số {p}): thiếu dòng hoặc "
                                            "đánh số sai", "row {n} does not follow the row before ({p}): a row "
                                            "is missing or misnumbered", n=number, p=last_number or "—"))
            last_number = number
