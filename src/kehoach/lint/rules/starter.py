"""KH131: the "..." placeholders of the ``kehoach init`` starter left in a plan.

Only the starter's own unfilled values are reported (read from ``templates/init/plan.yaml``, so the
rule follows the starter when it changes): an author's ellipsis — "...", "…", ",...", "...)",
"2025...", "doanh nghiệp ..." — is text, never a placeholder.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from ...common.diagnostics import Severity
from ...common.i18n import tr
from ...common.resources import templates_dir
from .registry import Context, Finding, rule


def _strings(value: Any, loc: tuple) -> Iterator[tuple[tuple, str]]:
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, child in value.items():
            yield from _strings(child, (*loc, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _strings(child, (*loc, index))


def _normal(text: str) -> str:
    """Spaces, case and the years (an author edits "2026 - 2030" first) do not count."""
    text = re.sub(r"[\d\-–]+", " ", text)
    return " ".join(text.split()).casefold()


@lru_cache(maxsize=1)
def starter_values() -> frozenset[str]:
    """The starter's values that hold a "..." to fill in, normalised (spaces, case, years)."""
    from ruamel.yaml import YAML  # the loader's own YAML library; read once, on first use

    with open(templates_dir() / "init" / "plan.yaml", encoding="utf-8") as handle:
        data = YAML(typ="safe").load(handle)
    return frozenset(_normal(text) for _, text in _strings(data, ()) if "..." in text)


def is_starter_value(text: str) -> bool:
    """Whether ``text`` is a value of the starter left as it was. (A run of dots, "….......", is a
    blank printed for filling in by hand, as real plans print it; "…" is not the starter's mark.)"""
    return "..." in text and _normal(text) in starter_values()


@rule("KH131", "starter-placeholder", Severity.error, "kehoach init",
      ("còn chỗ '...' của kế hoạch mẫu chưa điền", "a '...' placeholder of the starter is left"))
def starter_placeholder(ctx: Context) -> Iterator[Finding]:
    """`kehoach init` writes a starter plan whose values to fill in are marked "...": "SỞ ...",
    "S...", "Thực hiện ... giai đoạn 2026 - 2030". A plan that still has one of those values as the
    starter wrote it would print it; replace each with the real text. An author's own ellipsis
    ("tài liệu...", "(xoài, nhãn,…)", "doanh nghiệp ...") is text and is never reported.

    Tiếng Việt:

        `kehoach init` viết kế hoạch mẫu có các chỗ cần điền đánh dấu "...": "SỞ ...", "S...", "Thực
        hiện ... giai đoạn 2026 - 2030". Giá trị nào còn giữ nguyên như kế hoạch mẫu sẽ in ra văn
        bản; hãy thay bằng nội dung thật. Dấu ba chấm của chính người viết ("tài liệu...", "(xoài,
        nhãn,…)", "doanh nghiệp ...") là văn bản nên không bao giờ bị báo.

    Passes:

        title: Hỗ trợ doanh nghiệp ... và hộ kinh doanh (xoài, nhãn,…)

    Fails:

        title: Thực hiện ... giai đoạn 2026 - 2030
    """
    for loc, text in _strings(ctx.loaded.data, ()):
        if is_starter_value(text):
            yield Finding(loc, tr(
                "còn chỗ '...' của kế hoạch mẫu chưa điền: '{t}'; thay bằng nội dung thật",
                "a '...' placeholder of the starter is left: '{t}'; replace it with the real text",
                t=text if len(text) <= 60 else text[:57] + "…"), snippet="...")
