"""The inline emphasis markup: spans, literal asterisks, escapes and unbalanced markers."""

from __future__ import annotations

import pytest

from kehoach.model.markup import Span, escape, plain, spans, unbalanced


def test_bold_italic_and_both() -> None:
    assert spans("a **b** c *d* ***e***") == [
        Span("a "), Span("b", bold=True), Span(" c "), Span("d", italic=True), Span(" "),
        Span("e", bold=True, italic=True)]


def test_nesting_and_three_star_split() -> None:
    assert spans("**đậm *và nghiêng* đậm**") == [
        Span("đậm ", bold=True), Span("và nghiêng", bold=True, italic=True), Span(" đậm", bold=True)]
    assert spans("***a* b**") == [Span("a", bold=True, italic=True), Span(" b", bold=True)]
    assert spans("***a** b*") == [Span("a", bold=True, italic=True), Span(" b", italic=True)]


@pytest.mark.parametrize("text", ["5 * 3 = 15", "* Lưu ý", "ghi chú (*)", "x****y", "****"])
def test_literal_asterisks_are_not_markup(text: str) -> None:
    assert spans(text) == [Span(text)]
    assert unbalanced(text) == []


def test_escapes() -> None:
    assert spans(r"\*không nghiêng\* a\_b \\ c\d") == [Span("*không nghiêng* a_b \\ c\\d")]
    assert plain(escape("**x** \\")) == "**x** \\"


def test_unbalanced_marker_is_printed_and_located() -> None:
    text = "Báo cáo **trước 19h00 hằng ngày; *Lưu ý:* giữ."
    assert plain(text) == "Báo cáo **trước 19h00 hằng ngày; Lưu ý: giữ."
    assert [(u.offset, u.marker) for u in unbalanced(text)] == [(8, "**")]
    assert [(u.offset, u.marker) for u in unbalanced("a *b")] == [(2, "*")]
    assert [(u.offset, u.marker) for u in unbalanced("a* b")] == [(1, "*")]
