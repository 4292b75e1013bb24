"""How headings, labels and numbers are set: emphasis per level, numbering schemes and patterns.

A numbering *scheme* is a list of label *patterns*, one per level, written as the first label of
that level reads: ``"1."``, ``"1.1."`` (continues its parent's number), ``"a)"``, ``"A."``, ``"I."``,
``"i."``, ``"(1)"``, or a bullet (``"-"``, ``"+"``, ``"•"``, ``"*"``). Past the end of the list the
levels continue with "-" then "+". Named schemes stand for the lists real plans use.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Annotated, Literal

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema

from ..common import vn
from .base import F, Model

Emphasis = Literal["bold", "italic", "bold-italic", "plain"]

SCHEMES: dict[str, list[str]] = {
    "standard": ["1.", "a)", "-", "+"],
    "decimal": ["1.", "1.1.", "1.1.1.", "-", "+"],
    "decimal-2": ["1.", "1.1.", "-", "+"],
    "decimal-letter": ["1.", "1.1.", "a)", "-", "+"],
    "letter": ["a)", "-", "+"],
    "roman": ["I.", "1.", "a)", "-", "+"],
    "dash": ["-", "+"],
    "plus": ["+"],
}

SECTIONS = "I."  # the sections' pattern unless a plan's styles say otherwise

# A counted pattern: what comes before the counter, the counter, what follows it.
PATTERN = re.compile(r"^(?P<pre>\(?)(?P<counter>1(?:\.1)*|a|A|I|i)(?P<post>[.)]?)$")
BULLETS = ("-", "+", "•", "*", "–", "o")


def label_for(pattern: str, index: int, parent_number: str) -> str:
    """The ``index``-th (0-based) label of a level numbered by ``pattern`` ("1.", "1.1.", "a)", "-").

    A dotted pattern ("1.1.") continues its parent's number; under a parent without a decimal
    number (a literal label, a letter) it falls back to "a)".
    """
    match = PATTERN.match(pattern)
    if not match:
        return pattern  # a bullet
    counter, pre, post = match.group("counter"), match.group("pre"), match.group("post")
    if "." in counter:
        if not parent_number:
            return f"{vn.letter(index)})"
        return f"{pre}{parent_number}.{index + 1}{post}"
    number = {"1": str(index + 1), "a": vn.letter(index), "A": vn.letter(index).upper(),
              "I": vn.roman(index + 1), "i": vn.roman(index + 1).lower()}[counter]
    return f"{pre}{number}{post}"


def printed_labels(typed: Iterable[str | None], pattern: str, parent_number: str = "") -> list[str]:
    """The labels of one list as printed: a typed label as typed, the others numbered by ``pattern``
    in turn; a typed label takes no number from the sequence (compose prints by this, lint judges it)."""
    out, count = [], 0
    for label in typed:
        if label is None:
            label = label_for(pattern, count, parent_number)
            count += 1
        out.append(label)
    return out


def deeper(patterns: list[str]) -> list[str]:
    """The patterns of the next level down: past the end of a scheme, "-" then "+"."""
    rest = patterns[1:]
    if rest:
        return rest
    last = patterns[0] if patterns else "-"
    return ["+"] if last in ("-", "+") else ["-", "+"]


def _check_pattern(pattern: str) -> str:
    if pattern in BULLETS or PATTERN.match(pattern):
        return pattern
    raise ValueError(
        f"'{pattern}' is not a label pattern: write the first label of the level as it reads "
        f"('1.', '1.1.', 'a)', 'A.', 'I.', '(1)', '-', '+') or a scheme name ({', '.join(SCHEMES)})")


def _scheme(value: object) -> object:
    """A scheme name, one pattern, or a list of patterns → the list of patterns."""
    if isinstance(value, str):
        if value in SCHEMES:
            return list(SCHEMES[value])
        return [value]
    return value


_PATTERN_JSON = {"type": "string", "pattern": r"^(\(?(1(\.1)*|a|A|I|i)[.)]?|[-+•*–o])$"}
Pattern = Annotated[str, AfterValidator(_check_pattern), WithJsonSchema(_PATTERN_JSON)]
Numbering = Annotated[list[Pattern], Field(min_length=1), BeforeValidator(_scheme), WithJsonSchema({"anyOf": [
    {"enum": list(SCHEMES)}, _PATTERN_JSON, {"type": "array", "items": _PATTERN_JSON, "minItems": 1}]})]
NUMBERING_HELP = (
    "Kiểu đánh số các cấp: tên kiểu (standard: 1. → a) → - → +; decimal: 1. → 1.1. → 1.1.1. → - → +; "
    "decimal-2: 1. → 1.1. → - → +; decimal-letter: 1. → 1.1. → a) → - → +; roman: I. → 1. → a) → - → +; "
    "letter: a) → - → +; dash: - → +) hoặc danh sách mẫu số thứ tự từng cấp, viết như số đầu tiên của "
    "cấp đó ('1.', '1.1.', 'a)', 'A.', 'I.', '(1)', '-', '+'); hết danh sách thì tiếp '-' rồi '+'."
)


def emphasis_flags(value: Emphasis | None) -> tuple[bool, bool]:
    """(bold, italic) of an emphasis value."""
    return (value in ("bold", "bold-italic"), value in ("italic", "bold-italic"))


class Styles(Model):
    """Cách trình bày mặc định của tiêu đề và số thứ tự theo cấp (0 = mục I., 1 = khoản 1., 2 = điểm a), …)."""

    headings: dict[int, Emphasis] = F(
        "Kiểu chữ tiêu đề theo cấp",
        "Kiểu chữ của tiêu đề (và số thứ tự đi cùng) theo cấp: bold (đậm), italic (nghiêng), "
        "bold-italic (đậm nghiêng), plain (đứng thường). Mặc định: cấp 0 và 1 đậm, các cấp dưới thường; "
        "tiêu đề cùng dòng (run_in) đậm. Ví dụ {1: bold, 2: italic}.",
        default_factory=dict,
    )
    labels: dict[int, Emphasis] = F(
        "Kiểu chữ số thứ tự theo cấp",
        "Kiểu chữ riêng của số thứ tự theo cấp (ví dụ số in đậm, nội dung đứng thường: {1: bold}). "
        "Mặc định: như tiêu đề; khoản chỉ có nội dung thì thường.",
        default_factory=dict,
    )
    sections: Pattern = F(
        "Số thứ tự các mục lớn",
        "Mẫu số thứ tự của các mục lớn: 'I.' (mặc định), 'A.' (như kế hoạch cấp xã), '1.'.",
        SECTIONS,
    )
    numbering: Numbering | None = F(
        "Kiểu đánh số mặc định", NUMBERING_HELP + " Áp dụng cho mọi mục không ghi 'numbering'.", None
    )
