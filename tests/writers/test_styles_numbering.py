"""Heading and label emphasis (point 2) and numbering schemes (point 3) of issue 12, read back."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from docx.oxml.ns import qn

from docx_read import find_paragraph, open_docx, run_format, text_runs
from kehoach.compose.composer import compose
from kehoach.model import Plan
from kehoach.writers.docx import write_docx
from kehoach.writers.html import write_html
from kehoach.writers.text import write_text

BASE = {
    "letterhead": {"parent": "UBND huyện Krông Pắc", "issuer": "UBND xã Ea Phê", "abbreviation": "UBND",
                   "number": "15", "place": "Ea Phê", "date": dt.date(2025, 11, 20)},
    "title": "Phòng, chống thiên tai",
    "signature": {"on_behalf_of": "Ủy ban nhân dân", "title": "Chủ tịch", "name": "Lê Văn A"},
    "recipients": {"items": ["UBND huyện"], "archive": {"units": ["VT"]}},
}
TREE = [{"heading": "Chuẩn bị", "items": [
    {"heading": "Lực lượng", "items": [{"text": "Dân quân", "items": ["Tổ 1", {"text": "Tổ 2", "items": ["Ca sáng"]}]}]},
    "Vật tư"]}, "Tổng kết"]


def build(**changes):
    data = copy.deepcopy(BASE)
    data.update(changes)
    document = compose(Plan.model_validate(data))
    return write_docx(document), write_text(document).decode(), write_html(document).decode()


def labels(text: str, words: list[str]) -> list[str]:
    """The label in front of each of ``words`` in the .txt, in order."""
    lines = text.splitlines()
    out = []
    for word in words:
        line = next(line for line in lines if line.endswith(word) and line != word)
        out.append(line[: -len(word)].strip())
    return out


WORDS = ["Chuẩn bị", "Lực lượng", "Dân quân", "Tổ 1", "Tổ 2", "Ca sáng", "Vật tư", "Tổng kết"]


@pytest.mark.parametrize("scheme, expected", [
    ("standard", ["1.", "a)", "-", "+", "+", "+", "b)", "2."]),
    ("decimal", ["1.", "1.1.", "1.1.1.", "-", "-", "+", "1.2.", "2."]),
    ("decimal-2", ["1.", "1.1.", "-", "+", "+", "+", "1.2.", "2."]),
    ("decimal-letter", ["1.", "1.1.", "a)", "-", "-", "+", "1.2.", "2."]),
    (["1.", "a)", "-", "+"], ["1.", "a)", "-", "+", "+", "+", "b)", "2."]),
    (["I.", "1.", "a)"], ["I.", "1.", "a)", "-", "-", "+", "2.", "II."]),
])
def test_schemes_label_every_level(scheme, expected) -> None:
    data, text, _ = build(sections=[{"heading": "Nội dung", "numbering": scheme, "items": TREE}])
    assert labels(text, WORDS) == expected
    doc = open_docx(data)
    p = find_paragraph(doc, "Dân quân", exact=False)
    first = "".join(t.text for t in text_runs(p)[0].iter(qn("w:t")))
    assert first.strip() == expected[2]


def test_plan_default_scheme_and_lettered_sections() -> None:
    _, text, _ = build(styles={"sections": "A.", "numbering": "decimal"},
                       sections=[{"heading": "Mục đích", "items": ["Một"]}, {"heading": "Nội dung", "items": TREE}])
    assert "A. MỤC ĐÍCH" in text and "B. NỘI DUNG" in text
    assert labels(text, ["Lực lượng", "Dân quân"]) == ["1.1.", "1.1.1."]


def test_subtree_override_and_literal_label() -> None:
    tree = [{"heading": "Chuẩn bị", "numbering": "-", "items": ["Lực lượng", {"text": "Vật tư", "items": ["Xăng"]}]},
            {"label": "IV.", "text": "Lặp lại như bản gốc"}, "Tổng kết"]
    _, text, _ = build(sections=[{"heading": "Nội dung", "items": tree}])
    assert labels(text, ["Chuẩn bị", "Lực lượng", "Vật tư", "Xăng", "Lặp lại như bản gốc", "Tổng kết"]) == [
        "1.", "-", "-", "+", "IV.", "2."]


def test_bad_pattern_is_a_located_error() -> None:
    with pytest.raises(Exception) as error:
        Plan.model_validate({**BASE, "sections": [{"heading": "X", "numbering": ["1.", "x)"], "items": ["a"]}]})
    assert "numbering" in str(error.value) and "x)" in str(error.value)


def _fmt(doc, p):
    return [("".join(t.text for t in r.iter(qn("w:t"))), run_format(doc, p, r).bold, run_format(doc, p, r).italic)
            for r in text_runs(p)]


def test_heading_and_label_emphasis() -> None:
    sections = [{"heading": "Nội dung", "heading_style": "plain", "items": [
        {"heading": "Thường trực", "heading_style": "italic", "items": [
            {"heading": "Trực ban", "heading_style": "bold-italic", "label_style": "bold"}]},
        {"heading": "Dân quân", "run_in": True, "heading_style": "italic", "label_style": "plain",
         "text": "Sẵn sàng."},
        "Báo cáo kết quả."]}]
    data, _, page = build(styles={"labels": {1: "bold"}, "headings": {2: "italic"}}, sections=sections)
    doc = open_docx(data)
    assert _fmt(doc, find_paragraph(doc, "NỘI DUNG")) == [("I. ", False, False), ("NỘI DUNG", False, False)]
    assert _fmt(doc, find_paragraph(doc, "Thường trực")) == [("1. ", True, False), ("Thường trực", False, True)]
    assert _fmt(doc, find_paragraph(doc, "Trực ban")) == [("a) ", True, False), ("Trực ban", True, True)]
    assert _fmt(doc, find_paragraph(doc, "Dân quân")) == [
        ("2. ", False, False), ("Dân quân: ", False, True), ("Sẵn sàng.", False, False)]
    # the plan's per-level label style: bold number, upright text
    assert _fmt(doc, find_paragraph(doc, "Báo cáo kết quả")) == [("3. ", True, False), ("Báo cáo kết quả.", False, False)]
    assert "<strong>3. </strong>Báo cáo kết quả." in page
    assert "<strong>1. </strong><em>Thường trực</em>" in page


def test_plan_level_heading_default() -> None:
    data, _, _ = build(styles={"headings": {1: "italic"}},
                       sections=[{"heading": "Nội dung", "items": [{"heading": "Mục đích", "items": ["Một"]}]}])
    doc = open_docx(data)
    assert _fmt(doc, find_paragraph(doc, "Mục đích")) == [("1. ", False, True), ("Mục đích", False, True)]
