"""The label knowledge compose prints with, the importers read back with and lint judges with, kept
once below all three (common/vn.py, model/style.py)."""

from __future__ import annotations

import pytest

from kehoach.common.vn import DECIMAL_LABEL, decimal_number, roman, roman_value
from kehoach.model.style import label_for, printed_labels


def test_roman_value_reads_back_what_roman_writes() -> None:
    assert [roman_value(roman(n)) for n in range(1, 40)] == list(range(1, 40))
    assert roman_value(roman(59), most=59) == 59 and roman_value(roman(59)) is None


@pytest.mark.parametrize("text", ["IIII", "IC", "iv", "", "C", "D", "M", "A"])
def test_roman_value_refuses_what_is_no_numeral_of_a_label(text: str) -> None:
    assert roman_value(text) is None  # "C", "D", "M" are letters of a label at the default bound


@pytest.mark.parametrize(("label", "number"), [("1.2.", "1.2"), ("3.", "3"), ("1.2", "1.2"), ("a)", ""),
                                               ("I.", ""), ("1.a.", ""), ("", "")])
def test_decimal_number(label: str, number: str) -> None:
    assert decimal_number(label) == number
    assert bool(DECIMAL_LABEL.match(label)) == bool(number)


def test_printed_labels_a_typed_label_takes_no_number() -> None:
    assert printed_labels([None, "5.", None], "1.") == ["1.", "5.", "2."]
    assert printed_labels([None, None], "1.1.", "3") == ["3.1.", "3.2."]
    assert printed_labels([None, "Phần B", None], "A.") == ["A.", "Phần B", "B."]
    assert printed_labels([None] * 6, "a)") == [label_for("a)", i, "") for i in range(6)] == \
        ["a)", "b)", "c)", "d)", "đ)", "e)"]
