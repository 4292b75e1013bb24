"""Every line kehoach adds can be changed or left out (point 5 of issue 12), read back from the files."""

from __future__ import annotations

import copy
import datetime as dt

import pytest

from docx_read import body_paragraphs, find_paragraph, open_docx, paragraph_text, run_format, text_runs
from kehoach.compose.composer import compose
from kehoach.model import Plan
from kehoach.writers.docx import write_docx
from kehoach.writers.html import write_html
from kehoach.writers.text import write_text

BASE = {
    "letterhead": {"parent": "UBND tỉnh Đắk Lắk", "issuer": "Ủy ban nhân dân tỉnh", "abbreviation": "UBND",
                   "number": "134", "place": "Đắk Lắk", "date": dt.date(2025, 11, 20)},
    "title": "Ứng phó với mưa lũ",
    "preamble": {"bases": ["Căn cứ Luật Phòng, chống thiên tai;", "Căn cứ Chỉ thị số 05/CT-UBND"],
                 "proposal": "Theo đề nghị của Sở Nông nghiệp và Môi trường.",
                 "enacting": {"body": "Ủy ban nhân dân tỉnh"}},
    "sections": [{"role": "purpose", "items": [{"text": "Chủ động ứng phó;", "lead": "Sở Nông nghiệp và Môi trường"}]}],
    "signature": {"on_behalf_of": "Ủy ban nhân dân", "title": "Chủ tịch", "name": "Lê Văn A"},
    "appendices": [{"title": "Danh sách xã", "text": "Xã Ea Phê."}],
}


def build(generated: dict | None = None, **changes):
    data = copy.deepcopy(BASE)
    data.update(changes)
    if generated is not None:
        data["generated"] = generated
    document = compose(Plan.model_validate(data))
    data = write_docx(document)
    texts = [paragraph_text(p) for p in body_paragraphs(open_docx(data))]
    return data, texts, write_text(document).decode(), write_html(document).decode()


def test_defaults_add_the_usual_lines() -> None:
    _, texts, text, page = build()
    assert "Căn cứ Chỉ thị số 05/CT-UBND." in texts
    assert any(t.startswith("Trên đây là kế hoạch") and t.endswith("./.") for t in texts)
    assert "- Cơ quan chủ trì: Sở Nông nghiệp và Môi trường" in text
    assert "Nơi nhận:" in texts and "- Lưu: VT." in texts
    assert any(t.startswith("(Kèm theo Kế hoạch số 134/KH-UBND") for t in texts)
    assert "Nơi nhận:" in text and "Nơi nhận:" in page


def test_every_generated_line_can_be_left_out() -> None:
    data, texts, text, page = build({"closing": False, "archive_line": False, "appendix_notes": False,
                                     "task_lines": False, "basis_marks": "keep", "end_mark": False})
    joined = "\n".join(texts)
    assert "Trên đây" not in joined and "Trên đây" not in text
    assert "Lưu: VT" not in joined and "Nơi nhận:" not in joined
    assert "Nơi nhận:" not in text and "Nơi nhận:" not in page
    assert "Kèm theo" not in joined and "Kèm theo" not in text
    assert "Cơ quan chủ trì" not in joined
    assert "./." not in joined
    # the author's punctuation on the căn cứ stays as typed
    assert "Căn cứ Luật Phòng, chống thiên tai;" in texts and "Căn cứ Chỉ thị số 05/CT-UBND" in texts
    assert "1. Chủ động ứng phó;" in texts


def test_no_closing_sentence_puts_the_end_mark_on_the_last_paragraph() -> None:
    _, texts, _, _ = build({"closing": False})
    assert "1. Chủ động ứng phó./." not in texts  # a task line follows it
    assert "- Cơ quan chủ trì: Sở Nông nghiệp và Môi trường./." in texts


@pytest.mark.parametrize("mark", [";", ","])
def test_last_basis_mark(mark: str) -> None:
    _, texts, _, _ = build({"last_basis_mark": mark})
    assert f"Căn cứ Chỉ thị số 05/CT-UBND{mark}" in texts


def test_proposal_form_and_place() -> None:
    data, texts, _, page = build({"proposal_place": "enacting", "proposal_italic": True})
    sentence = ("Theo đề nghị của Sở Nông nghiệp và Môi trường, Ủy ban nhân dân tỉnh ban hành Kế hoạch "
                "ứng phó với mưa lũ như sau:")
    assert sentence in texts
    assert not any(t == "Theo đề nghị của Sở Nông nghiệp và Môi trường." for t in texts)
    doc = open_docx(data)
    p = find_paragraph(doc, "Theo đề nghị")
    formats = [(r.xpath("string(.)"), run_format(doc, p, r).italic) for r in text_runs(p)]
    assert formats[0] == ("Theo đề nghị của Sở Nông nghiệp và Môi trường,", True)
    assert formats[1][1] is False
    # on its own line, italic
    data, texts, _, _ = build({"proposal_italic": True})
    doc = open_docx(data)
    p = find_paragraph(doc, "Theo đề nghị của Sở Nông nghiệp và Môi trường.", exact=True)
    assert all(run_format(doc, p, r).italic for r in text_runs(p))


def test_attached_plan_without_repeated_letterhead_or_note() -> None:
    decision = {"authority": "Chủ tịch Ủy ban nhân dân tỉnh", "title": "Ban hành Kế hoạch ứng phó",
                "bases": ["Căn cứ Luật Tổ chức chính quyền địa phương"],
                "articles": [{"text": "Ban hành kèm theo Quyết định này Kế hoạch."}],
                "signature": {"authority": "KT", "head_title": "Chủ tịch", "title": "Phó Chủ tịch",
                              "name": "Lê Văn B"}}
    _, texts, text, _ = build(decision=decision, signature=None)
    assert any(t.startswith("(Ban hành kèm theo Quyết định số") for t in texts)
    assert texts.count("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") == 2
    _, texts, text, _ = build({"attachment_letterhead": False, "issued_with_note": False},
                              decision=decision, signature=None)
    assert not any("Ban hành kèm theo Quyết định số" in t for t in texts)
    assert texts.count("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") == 1
