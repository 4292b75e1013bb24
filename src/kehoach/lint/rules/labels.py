"""KH210–KH211: section numbering and Roman-level headings (Phụ lục I, Mục V, 6.b)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...diagnostics import Severity
from ...i18n import tr
from ...vn import LETTERS, roman, upper
from ...source.loader import Loc
from ...model import Item
from .registry import Context, Finding, rule

_ROMANS = {roman(n): n for n in range(1, 60)}


def label_value(label: str) -> int | None:
    """The ordinal a literal label stands for: "II." → 2, "Phần III" → 3, "2.1." → None (not a sequence)."""
    core = label.strip().rstrip(".):").strip()
    core = re.sub(r"(?i)^(phần|mục|chương)\s+", "", core)
    if core.upper() in _ROMANS and core.isupper():
        return _ROMANS[core]
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
    count = 0
    for s, section in enumerate(sections):
        if section.label is None:
            label = f"{roman(count + 1)}."
            count += 1
        else:
            label = section.label
        key = label.strip().rstrip(".)").upper()
        if key and any(c.isalnum() for c in key) and key in printed and \
                (section.label is not None or sections[printed[key]].label is not None):
            yield Finding(("sections", s) + (("label",) if section.label is not None else ()), tr(
                "mục thứ {n} in số '{l}' trùng với mục thứ {m} (nhãn gõ tay không lấy số trong dãy I., II., …)",
                "section {n} prints '{l}' like section {m} (a typed label takes no number from I., II., …)",
                n=s + 1, l=label, m=printed[key] + 1))
        printed.setdefault(key, s)


@rule("KH212", "item-labels", Severity.warning, "NĐ 30, Phụ lục I, Mục II.6.c",
      ("số thứ tự khoản lặp lại hoặc sai thứ tự", "item labels repeated or out of order"))
def item_labels(ctx: Context) -> Iterator[Finding]:
    """Literal labels of the items of one list (``label: "11.2."``) are never repeated and count up
    in order; bullets ("*", "-") and empty labels are free. (A warning: a faithful transcription may
    keep a source's slip, such as the two "11.2." of seed 002.)

    Tiếng Việt:

        Số thứ tự ghi tay của các khoản trong một danh sách (`label: "11.2."`) không lặp lại và tăng
        dần; gạch đầu dòng ("*", "-") và nhãn trống thì tự do. (Chỉ là cảnh báo: bản chép trung thành có
        thể giữ lỗi của bản gốc, như hai khoản "11.2." của mẫu 002.)

    Passes:

        sections:
          - role: solutions
            items:
              - {label: "1.1.", text: Rà soát chính sách.}
              - {label: "1.2.", text: Tập huấn.}

    Fails:

        sections:
          - role: solutions
            items:
              - {label: "1.1.", text: Rà soát chính sách.}
              - {label: "1.1.", text: Tập huấn.}
    """
    lists: list[tuple[Loc, list[Item]]] = [(("sections", s, "items"), sec.items) for s, sec in enumerate(ctx.plan.sections)]
    lists += [(("appendices", a, "items"), app.items) for a, app in enumerate(ctx.plan.appendices)]
    while lists:
        loc, items = lists.pop()
        if any(item.label for item in items):
            yield from _sibling_labels([((*loc, i, "label"), item.label) for i, item in enumerate(items)])
        lists += [((*loc, i, "items"), item.items) for i, item in enumerate(items) if item.items]


@rule("KH211", "section-heading-case", Severity.warning, "NĐ 30, Phụ lục I, Mục V, 6.b",
      ("tiêu đề mục La Mã viết thường", "Roman-level heading typed in lower case"))
def section_heading_case(ctx: Context) -> Iterator[Finding]:
    """A Roman-level section heading (I., II. …) is printed in capitals: "I. MỤC ĐÍCH, YÊU CẦU".
    kehoach upper-cases it when building, so nothing wrong reaches the page; but a heading typed
    in lower case ("Mục đích, yêu cầu") usually copies a source that got it wrong, or is meant to be
    a khoản under a section. Write it in capitals, or use ``role:`` and its default heading.

    Tiếng Việt:

        Tiêu đề mục cấp La Mã (I., II. …) in hoa: "I. MỤC ĐÍCH, YÊU CẦU". kehoach tự in hoa khi dựng nên
        trang in không sai; nhưng tiêu đề gõ chữ thường ("Mục đích, yêu cầu") thường là chép từ bản sai,
        hoặc thật ra là một khoản. Hãy gõ in hoa, hoặc dùng `role:` với tiêu đề mặc định.

    Passes:

        sections:
          - {heading: "MỤC ĐÍCH, YÊU CẦU", text: Nội dung.}

    Fails:

        sections:
          - {heading: "Mục đích, yêu cầu", text: Nội dung.}
    """
    for s, section in enumerate(ctx.plan.sections):
        heading = section.heading
        if heading and heading != upper(heading):
            yield Finding(("sections", s, "heading"), tr(
                "tiêu đề mục cấp La Mã in hoa: viết \"{u}\"", "a Roman-level heading is in capitals: write \"{u}\"",
                u=upper(heading)), snippet=heading)
