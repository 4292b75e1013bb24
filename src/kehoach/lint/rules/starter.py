"""KH131: the "..." placeholders of the ``kehoach init`` starter left in a plan."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ...diagnostics import Severity
from ...i18n import tr
from .registry import Context, Finding, rule

# "..." standing alone or after a single letter ("Sở ...", "S...", "..."), not the ellipsis that
# ends a word in real text ("em...", "Twitter...)").
PLACEHOLDER = re.compile(r"(?<![^\W\d_][^\W\d_])(?<!\.)\.\.\.(?!\.)")


def _strings(value: Any, loc: tuple) -> Iterator[tuple[tuple, str]]:
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, child in value.items():
            yield from _strings(child, (*loc, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _strings(child, (*loc, index))


@rule("KH131", "starter-placeholder", Severity.error, "kehoach init",
      ("còn chỗ '...' của kế hoạch mẫu chưa điền", "a '...' placeholder of the starter is left"))
def starter_placeholder(ctx: Context) -> Iterator[Finding]:
    """`kehoach init` writes a starter plan whose values to fill in are marked "...": "SỞ ...",
    "S...", "Thực hiện ... giai đoạn". A plan that still has one would print it; replace each with
    the real text (an ellipsis that ends a word, "tài liệu..." is text and is not reported).

    Tiếng Việt:

        `kehoach init` viết kế hoạch mẫu có các chỗ cần điền đánh dấu "...": "SỞ ...", "S...", "Thực
        hiện ... giai đoạn". Kế hoạch còn một chỗ như thế sẽ in nguyên ra văn bản; hãy thay bằng nội
        dung thật (dấu ba chấm ở cuối một từ, như "tài liệu...", là văn bản nên không bị báo).

    Passes:

        title: Thực hiện công tác phòng, chống lao động trẻ em

    Fails:

        title: Thực hiện ... giai đoạn 2026 - 2030
    """
    for loc, text in _strings(ctx.loaded.data, ()):
        if PLACEHOLDER.search(text):
            yield Finding(loc, tr(
                "còn chỗ '...' của kế hoạch mẫu chưa điền: '{t}'; thay bằng nội dung thật",
                "a '...' placeholder of the starter is left: '{t}'; replace it with the real text",
                t=text if len(text) <= 60 else text[:57] + "…"), snippet="...")
