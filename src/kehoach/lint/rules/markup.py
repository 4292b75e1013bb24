"""KH310 inline emphasis: every ``**`` / ``*`` marker has its partner.

The markup is described in ``model/markup.py``; a marker without its partner is printed as typed,
so an older plan with a stray asterisk renders as before, and this rule says where it is.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...common.diagnostics import Severity
from ...common.i18n import tr
from ...model import markup
from .recipients import entries
from .registry import Context, Finding, Loc, rule, tables_of


def marked_texts(ctx: Context) -> Iterator[tuple[Loc, str]]:
    """Every text that may carry inline markup, with its loc (the free texts, recipients, cells)."""
    yield from ctx.texts
    for entry in entries(ctx):
        yield entry.loc, entry.recipient.name
        if entry.recipient.purpose:
            yield (*entry.loc[:-1], "purpose"), entry.recipient.purpose
    for here, table in tables_of(ctx.plan):
        for r, row in enumerate(table.rows):
            if not isinstance(row, list):
                for c, value in enumerate(row.cells):
                    if isinstance(value, str):
                        yield (*here, "rows", r, "cells", c), value


def _snippet(text: str, offset: int) -> str:
    """The marker and the word it touches, as typed (points the finding at its column)."""
    end = offset
    while end < len(text) and text[end] == "*":
        end += 1
    while end < len(text) and not text[end].isspace() and end - offset < 24:
        end += 1
    start = offset
    if end == offset + 1 or text[offset + 1: end].strip("*") == "":
        while start > 0 and not text[start - 1].isspace() and offset - start < 24:
            start -= 1
    return text[start:end]


@rule("KH310", "unbalanced-emphasis", Severity.warning,
      "kehoach: chữ đậm/nghiêng trong văn bản (**đậm**, *nghiêng*)",
      ("dấu nhấn mạnh '*' thiếu cặp", "an emphasis marker '*' without its partner"))
def unbalanced_emphasis(ctx: Context) -> Iterator[Finding]:
    """Inline emphasis is written ``**đậm**``, ``*nghiêng*`` or ``***đậm nghiêng***``; a marker
    whose partner is missing is printed as a literal asterisk. Close it, or write ``\\*`` for an
    asterisk that is meant literally. (An asterisk between spaces, "(*)" and "****" are literal
    already.)

    Tiếng Việt:

        Chữ nhấn mạnh trong văn bản viết `**đậm**`, `*nghiêng*` hoặc `***đậm nghiêng***`; một dấu mở
        không có dấu đóng sẽ in ra thành dấu sao. Đóng lại, hoặc viết `\\*` cho dấu sao muốn in. (Dấu
        sao đứng giữa hai dấu cách, "(*)" và "****" đã là dấu sao thường.)

    Passes:

        title: Kế hoạch phổ biến pháp luật
        preamble:
          paragraphs: ["Báo cáo **trước 19h00 hằng ngày**; *Lưu ý:* giá 5 * 3 \\\\* đồng (*)."]

    Fails:

        title: Kế hoạch phổ biến pháp luật
        preamble:
          paragraphs: ["Báo cáo **trước 19h00 hằng ngày; *Lưu ý:* giữ nguyên."]
    """
    for loc, text in marked_texts(ctx):
        if "*" not in text:
            continue
        for found in markup.unbalanced(text):
            yield Finding(loc, tr(
                "dấu '{m}' không có dấu đóng/mở tương ứng nên được in nguyên: thêm dấu còn thiếu, "
                "hoặc viết '\\*' nếu là dấu sao thật",
                "'{m}' has no matching marker and is printed as typed: add the missing one, or "
                "write '\\*' for a literal asterisk", m=found.marker), snippet=_snippet(text, found.offset))
