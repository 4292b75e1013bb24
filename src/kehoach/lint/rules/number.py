"""KH201–KH202: the document number and ký hiệu (ô 3; Phụ lục I, Mục II.3; Phụ lục III)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...common.diagnostics import Severity
from ...common.i18n import tr
from ...common.vn import number_text
from .registry import Context, Finding, is_placeholder, rule


@rule("KH201", "number-format", Severity.warning, "NĐ 30, Phụ lục I, Mục II.3",
      ("số văn bản sai quy cách", "malformed document number"))
def number_format(ctx: Context) -> Iterator[Finding]:
    """The number is digits only; numbers below 10 take a leading zero ("05", not "5"). A legal
    document (a decision issuing a Quy định) numbers with its year, as the law on legal documents
    asks: "07/2025" ("Số: 07/2025/QĐ-UBND"). A warning: kehoach prints a number below 10 with its
    zero anyway, and the văn thư gives the number when the plan is issued.

    Tiếng Việt:

        Số văn bản chỉ gồm chữ số; số nhỏ hơn 10 có số 0 đứng trước ("05", không phải "5"). Văn bản quy
        phạm pháp luật (quyết định ban hành một Quy định) ghi số kèm năm: "07/2025" ("Số: 07/2025/QĐ-UBND").
        Là cảnh báo: kehoach tự in số 0 trước số nhỏ hơn 10, và văn thư cấp số khi ban hành.

    Passes:

        letterhead:
          issuer: SỞ TƯ PHÁP
          abbreviation: STP
          number: "05"
          place: An Giang

    Fails:

        letterhead:
          issuer: SỞ TƯ PHÁP
          abbreviation: STP
          number: 5
          place: An Giang
    """
    number = ctx.plan.letterhead.number
    if not number or is_placeholder(number):
        return
    loc = ("letterhead", "number")
    if re.fullmatch(r"\d+/\d{4}", number):  # a legal document's "số/năm"
        number = number.split("/")[0]
    if not number.isascii() or not number.isdigit():
        yield Finding(loc, tr("số văn bản chỉ gồm chữ số (đang là '{n}')",
                              "a document number is digits only (found '{n}')", n=number))
    elif int(number) < 10 and len(number) < 2:
        yield Finding(loc, tr("số nhỏ hơn 10 phải có số 0 ở trước: viết \"{p}\"",
                              "numbers below 10 take a leading zero: write \"{p}\"", p=number_text(number)))  # as compose prints it


def _without_year(symbol: str) -> str:
    """A legal normative document carries its year before the type: "07/2025/QĐ-UBND" (Luật Ban hành
    văn bản quy phạm pháp luật; NĐ 30, Phụ lục I, Mục II.3): the ký hiệu proper follows the year."""
    return re.sub(r"^\d{4}/", "", symbol)


@rule("KH202", "symbol-format", Severity.error, "NĐ 30, Phụ lục I, Mục II.3; Phụ lục III",
      ("ký hiệu văn bản sai quy cách", "malformed ký hiệu"))
def symbol_format(ctx: Context) -> Iterator[Finding]:
    """The ký hiệu is the type abbreviation of Phụ lục III, "-", the issuer's abbreviation; no spaces.

    KH for a Kế hoạch, CTr for a Chương trình …, QĐ when a decision issues the plan.

    A legal normative decision carries its year first ("07/2025/QĐ-UBND"): the year is not part of
    the ký hiệu compared.

    Tiếng Việt:

        Ký hiệu gồm chữ viết tắt tên loại văn bản theo Phụ lục III, dấu "-", chữ viết tắt tên cơ
        quan ban hành; không có dấu cách.

        KH cho Kế hoạch, CTr cho Chương trình…, QĐ khi kế hoạch được ban hành kèm theo quyết định.
        Văn bản quy phạm pháp luật ghi năm trước tên loại ("07/2025/QĐ-UBND"): năm không thuộc phần
        ký hiệu được so.

    Passes:

        letterhead:
          issuer: SỞ TƯ PHÁP
          abbreviation: STP
          symbol: KH-STP
          place: An Giang

    Fails:

        letterhead:
          issuer: SỞ TƯ PHÁP
          abbreviation: STP
          symbol: QĐ-STP
          place: An Giang
    """
    plan = ctx.plan
    lh = plan.letterhead
    if is_placeholder(lh.abbreviation) or is_placeholder(lh.symbol):
        return  # a batch template: checked per unit once rendered
    if any(c.isspace() for c in lh.abbreviation):
        yield Finding(("letterhead", "abbreviation"), tr(
            "chữ viết tắt cơ quan ban hành không có dấu cách: '{a}'", "no spaces in the issuer abbreviation: '{a}'",
            a=lh.abbreviation))
    if not lh.symbol:
        return  # built by the tool from the kind and the abbreviation
    expected = f"{plan.kind_abbreviation}-{lh.abbreviation}"
    loc = ("letterhead", "symbol")
    if any(c.isspace() for c in lh.symbol):
        yield Finding(loc, tr("ký hiệu văn bản không có dấu cách: viết \"{e}\"",
                              "no spaces inside a ký hiệu: write \"{e}\"", e=lh.symbol.replace(" ", "")))
    elif _without_year(lh.symbol).split("-", 1)[0] != plan.kind_abbreviation:
        yield Finding(loc, tr(
            "ký hiệu phải bắt đầu bằng chữ viết tắt tên loại '{k}' (Phụ lục III): viết \"{e}\"",
            "the ký hiệu must start with the type abbreviation '{k}' (Phụ lục III): write \"{e}\"",
            k=plan.kind_abbreviation, e=expected))
    elif _without_year(lh.symbol) != expected:
        yield Finding(loc, tr(
            "ký hiệu '{s}' không khớp chữ viết tắt cơ quan ban hành '{a}': viết \"{e}\"",
            "ký hiệu '{s}' does not match the issuer abbreviation '{a}': write \"{e}\"",
            s=lh.symbol, a=lh.abbreviation, e=expected))
