"""common/vn.py: the text helpers compose prints with and the importers and lint read with."""

from __future__ import annotations

import pytest

from kehoach.common import vn


@pytest.mark.parametrize(("number", "printed"), [("5", "05"), ("12", "12"), ("0", "00"), ("07/2025", "07/2025"),
                                                 ("", vn.NUMBER_BLANK), (None, vn.NUMBER_BLANK)])
def test_number_text(number: str | None, printed: str) -> None:
    assert vn.number_text(number) == printed


def test_sentence_case_and_inline_title() -> None:
    assert vn.sentence_case("KẾ HOẠCH") == "Kế hoạch" and vn.sentence_case("QUYẾT ĐỊNH") == "Quyết định"
    assert vn.inline_title("Triển khai Đề án 06") == "triển khai Đề án 06"
    assert vn.inline_title("UBND tỉnh") == "UBND tỉnh"  # an acronym keeps its case
    assert vn.inline_title("A") == "A"


def test_money() -> None:
    assert vn.money(1_500_000_000) == "1.500.000.000"
    assert vn.money(-25_000) == "-25.000" and vn.money(999) == "999"


def test_strip_end_takes_off_one_typed_mark_and_keeps_an_ellipsis() -> None:
    assert vn.strip_end("Sở Tài chính;") == "Sở Tài chính"
    assert vn.strip_end("Các sở, ngành. ,") == "Các sở, ngành"
    assert vn.strip_end("và các đơn vị khác...") == "và các đơn vị khác..."
