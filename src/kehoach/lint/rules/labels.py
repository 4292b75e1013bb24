"""KH210–KH212: section and item labels as printed, and Roman-level headings (Phụ lục I, Mục II.6.c, V.6.b)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...common.diagnostics import Severity
from ...common.i18n import tr
from ...model.numbering import Numbered, every_list, item_lists
from ...model.numbering import section_labels as printed_sections
from ...model.style import SECTIONS, printed_labels
from ...source.loader import Loc
from ...common.vn import DECIMAL_LABEL, LETTERS, roman_value, upper
from .registry import Context, Finding, rule


def label_value(label: str) -> int | None:
    """The ordinal a literal label stands for: "II." → 2, "Phần III" → 3, "2.1." → None (not a sequence)."""
    core = label.strip().rstrip(".):").strip()
    core = re.sub(r"(?i)^(phần|mục|chương)\s+", "", core)
    if core.isupper() and (numeral := roman_value(core, most=59)):
        return numeral
    if core.isdigit():
        return int(core)
    if core.lower() in LETTERS and len(core) == 1:
        return LETTERS.index(core.lower()) + 1
    return None


def _sibling_labels(labelled: list[tuple[Loc, str | None]]) -> Iterator[Finding]:
    """Repeated or out-of-order literal labels among siblings (sections, or the items of one list)."""
    seen: dict[str, int] = {}
    previous: int | None = None
    for index, (loc, label) in enumerate(labelled):
        if not label or not any(c.isalnum() for c in label):
            continue  # no number, or a bullet ("*", "-")
        key = label.strip().rstrip(".)").upper()
        if key in seen:
            yield Finding(loc, tr("số thứ tự '{l}' đã dùng ở phần tử thứ {n} cùng cấp",
                                  "label '{l}' is already used by sibling {n}", l=label, n=seen[key] + 1))
            continue
        seen[key] = index
        value = label_value(label)
        if value is not None and previous is not None and value != previous + 1:
            yield Finding(loc, tr("số thứ tự '{l}' không liền sau số trước đó",
                                  "label '{l}' does not follow the one before", l=label))
        if value is not None:
            previous = value


@rule("KH210", "section-labels", Severity.error, "NĐ 30, Phụ lục I, Mục II.6.c",
      ("số thứ tự mục lặp lại hoặc sai thứ tự", "section labels repeated or out of order"))
def section_labels(ctx: Context) -> Iterator[Finding]:
    """Section labels are never repeated and count up in order (I., II., III.): the literal ones
    (``label:``) among themselves, and every label as printed — a literal "V." after four numbered
    sections repeats the "V." the next numbered section takes (literal labels take no number).

    Tiếng Việt:

        Số thứ tự mục ghi tay (`label:`) không lặp lại và tăng dần (I., II., III.).

    Passes:

        sections:
          - {label: "Phần I", heading: TÌNH HÌNH, text: Nội dung.}
          - {label: "Phần II", heading: NHIỆM VỤ, text: Nội dung.}

    Fails:

        sections:
          - {heading: MỤC ĐÍCH, text: Nội dung.}
          - {label: "II.", heading: NHIỆM VỤ, text: Nội dung.}
          - {heading: TỔ CHỨC THỰC HIỆN, text: Nội dung.}
    """
    sections = ctx.plan.sections
    yield from _sibling_labels([(("sections", s, "label"), sec.label) for s, sec in enumerate(sections)])
    printed: dict[str, int] = {}
    pattern = ctx.plan.styles.sections if ctx.plan.styles else SECTIONS
    labels = printed_sections(ctx.plan)  # as the composer prints them
    for s, (section, label) in enumerate(zip(sections, labels)):
        key = label.strip().rstrip(".)").upper()
        if key and any(c.isalnum() for c in key) and key in printed and \
                (section.label is not None or sections[printed[key]].label is not None):
            yield Finding(("sections", s) + (("label",) if section.label is not None else ()), tr(
                "mục thứ {n} in số '{l}' trùng với mục thứ {m} (nhãn gõ tay không lấy số trong dãy {d})",
                "section {n} prints '{l}' like section {m} (a typed label takes no number from {d})",
                n=s + 1, l=label, m=printed[key] + 1, d=", ".join(printed_labels([None, None], pattern)) + ", …"))
        printed.setdefault(key, s)


@rule("KH212", "item-labels", Severity.warning, "NĐ 30, Phụ lục I, Mục II.6.c",
      ("số thứ tự khoản lặp lại hoặc sai thứ tự", "item labels repeated or out of order"))
def item_labels(ctx: Context) -> Iterator[Finding]:
    """The labels of the items of one list, as printed, are never repeated and count up in order:
    a typed label (``label: "11.2."``) is compared with the label printed before it, typed or
    numbered by the tool ("1., 2., 3." computed then a typed "5."; "d)" computed then a typed "g)").
    The lists are those the body prints: a ``tasks: table`` section's tasks go to the task table and
    take no number. Bullets ("*", "-") are free. "e)" straight after "d)" (no "đ)") is left to KH219,
    which owns the Vietnamese alphabet: an office that letters without "đ" turns KH219 off and keeps
    this rule. (A warning: a faithful transcription may keep a source's slip, such as the two "11.2."
    of seed 002.)

    Tiếng Việt:

        Số thứ tự các khoản của một danh sách, như được in ra, không lặp lại và tăng dần: nhãn gõ
        tay (`label: "11.2."`) được so với nhãn in ngay trước nó, dù nhãn đó gõ tay hay do công cụ
        đánh số ("1., 2., 3." tự đánh rồi "5." gõ tay; "d)" tự đánh rồi "g)"). Danh sách là danh sách
        được in: nhiệm vụ của mục `tasks: table` in trong bảng nhiệm vụ, không lấy số. Gạch đầu dòng
        ("*", "-") thì tự do. "e)" ngay sau "d)" (thiếu "đ)") do KH219 xét (thứ tự chữ cái tiếng
        Việt): cơ quan đánh không có "đ" tắt KH219, vẫn giữ quy tắc này. (Chỉ là cảnh báo: bản chép
        trung thành có thể giữ lỗi của bản gốc.)

    Passes:

        sections:
          - role: solutions
            items:
              - {label: "1.1.", text: Rà soát chính sách.}
              - {label: "1.2.", text: Tập huấn.}
          - role: assignments
            items:
              - heading: Kiểm tra
                numbering: letter
                items: [Cấp tỉnh., Cấp huyện., Cấp xã., Thôn., {label: "đ)", text: Tổ dân phố.}]

    Fails:

        sections:
          - role: solutions
            items:
              - Rà soát chính sách.
              - Tập huấn.
              - Kiểm tra.
              - {label: "5.", text: Sơ kết.}
    """
    for top, numbered in item_lists(ctx.plan):
        for loc, items in every_list(top, numbered):
            if any(node.item.label for node in items):
                yield from _printed_sequence(loc, items)


def _sequence_key(label: str) -> tuple[str, str, int] | None:
    """(kind, prefix, value) of a label in a sequence: "5." → ("1", "", 5), "g)" → ("a", "", 7),
    "2.3." → ("1", "2", 3); None for a bullet or free text."""
    core = label.strip().rstrip(".):").strip().lstrip("(")
    if DECIMAL_LABEL.match(core):
        prefix, _, last = core.rpartition(".")
        return "1", prefix, int(last)
    if len(core) == 1 and core.lower() in LETTERS:
        return "a", "", LETTERS.index(core.lower()) + 1
    if numeral := roman_value(core, most=59):
        return "I", "", numeral
    return None


_D, _E = LETTERS.index("d") + 1, LETTERS.index("e") + 1


def _follows(before: tuple[str, str, int], value: tuple[str, str, int]) -> bool:
    """``value`` comes next after ``before``; "d)" → "e)" too: the missing "đ)" is KH219's to say."""
    return value[2] == before[2] + 1 or (value[0] == "a" and (before[2], value[2]) == (_D, _E))


def _printed_sequence(loc: Loc, items: list[Numbered]) -> Iterator[Finding]:
    """Repeated or out-of-order labels in the printed sequence of one list, typed or computed (a
    typed "5." after three computed items, a typed "g)" after a computed "d)"); two computed labels
    in a row are always in order. A sibling is named by its place in the plan's list."""
    seen: dict[str, Numbered] = {}
    previous: tuple[Numbered, tuple[str, str, int]] | None = None
    for node in items:
        typed = node.item.label is not None
        here = (*loc, node.index, "label") if typed else (*loc, node.index)
        key = node.label.strip().rstrip(".)").upper()
        if not key or not any(c.isalnum() for c in key):
            continue  # a bullet
        if key in seen:
            yield Finding(here, tr("số thứ tự '{l}' đã in ở phần tử thứ {n} cùng cấp",
                                   "label '{l}' is already printed by sibling {n}",
                                   l=node.label, n=seen[key].index + 1))
            continue
        seen[key] = node
        value = _sequence_key(node.label)
        if value is None:
            continue
        if previous is not None and (typed or previous[0].item.label is not None):
            before = previous[1]
            if before[:2] == value[:2] and not _follows(before, value):
                yield Finding(here, tr("số thứ tự '{l}' không liền sau '{p}' in ngay trước nó",
                                       "label '{l}' does not follow '{p}', printed just before it",
                                       l=node.label, p=previous[0].label))
        previous = (node, value)


# An italic note after a heading, or a note in brackets: printed as typed, not part of the heading.
_NOTE = re.compile(r"\*[^*]+\*|\([^()]*\)")


@rule("KH211", "section-heading-case", Severity.warning, "NĐ 30, Phụ lục I, Mục V, 6.b",
      ("tiêu đề mục La Mã viết thường", "Roman-level heading typed in lower case"))
def section_heading_case(ctx: Context) -> Iterator[Finding]:
    """A Roman-level section heading (I., II. …) is printed in capitals: "I. MỤC ĐÍCH, YÊU CẦU".
    kehoach upper-cases it when building, so nothing wrong reaches the page; but a heading typed
    in lower case ("Mục đích, yêu cầu") usually copies a source that got it wrong, or is meant to be
    a khoản under a section. Write it in capitals, or use ``role:`` and its default heading.

    A note after the heading, in italics or in brackets, is not judged: an italic one is printed as
    typed ("III. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU *(chi tiết Phụ lục đính kèm)*"), one in brackets
    only in upright letters is printed in capitals with the heading.

    Tiếng Việt:

        Tiêu đề mục cấp La Mã (I., II. …) in hoa: "I. MỤC ĐÍCH, YÊU CẦU". kehoach tự in hoa khi dựng
        nên trang in không sai; nhưng tiêu đề gõ chữ thường ("Mục đích, yêu cầu") thường là chép từ
        bản sai, hoặc thật ra là một khoản. Hãy gõ in hoa, hoặc dùng `role:` với tiêu đề mặc định.
        Ghi chú sau tiêu đề, nghiêng hay trong ngoặc, không bị xét: ghi chú nghiêng
        ("*(chi tiết Phụ lục đính kèm)*") được in như đã gõ, ghi chú trong ngoặc chữ đứng được in hoa
        cùng tiêu đề.

    Passes:

        sections:
          - {heading: "MỤC ĐÍCH, YÊU CẦU", text: Nội dung.}
          - {heading: "NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU *(chi tiết Phụ lục đính kèm)*", text: Nội dung.}

    Fails:

        sections:
          - {heading: "Mục đích, yêu cầu", text: Nội dung.}
    """
    for s, section in enumerate(ctx.plan.sections):
        heading = _NOTE.sub("", section.heading or "")  # "… CHỦ YẾU *(chi tiết Phụ lục đính kèm)*": a note
        if heading and heading != upper(heading):
            yield Finding(("sections", s, "heading"), tr(
                "tiêu đề mục cấp La Mã in hoa: viết \"{u}\"", "a Roman-level heading is in capitals: write \"{u}\"",
                u=upper(heading)), snippet=heading)
