"""The enacting sentence as offices write it, with its emphasis; markup-like characters kept."""

from __future__ import annotations

import kehoach
from kehoach.build import render
from kehoach.importers import import_plan

from realshapes import BODY, plan_docx


def _import_and_rebuild(tmp_path, body):
    imported = import_plan(plan_docx(tmp_path / "plan.docx", body=body))
    plan_file = tmp_path / "plan.yaml"
    plan_file.write_text(imported.yaml, "utf-8")
    return imported, render(kehoach.load(plan_file), "txt").decode("utf-8")


def test_an_enacting_sentence_without_ban_hanh_is_not_a_basis(tmp_path):
    enacting = ("Để triển khai có hiệu quả công tác cải cách hành chính, Ủy ban nhân dân tỉnh xây dựng Kế hoạch "
                "với những nội dung cụ thể như sau:")
    body = [[("Căn cứ Luật Tổ chức chính quyền địa phương năm 2025;", False, True)], enacting, *BODY[2:]]
    imported, text = _import_and_rebuild(tmp_path, body)
    preamble = imported.data["preamble"]
    assert preamble["enacting"] == {"text": enacting}
    assert all("như sau" not in basis for basis in preamble["bases"])
    assert "như sau:." not in text and enacting in text


def test_emphasis_inside_the_enacting_sentence_is_kept(tmp_path):
    body = [BODY[0], [("Ủy ban nhân dân tỉnh ban hành Kế hoạch với chủ đề ", False, False),
                      ("“Tăng cường kỷ cương, đổi mới sáng tạo”", True, True), (" như sau:", False, False)],
            *BODY[2:]]
    imported, _text = _import_and_rebuild(tmp_path, body)
    assert "***“Tăng cường kỷ cương, đổi mới sáng tạo”***" in imported.data["preamble"]["enacting"]["text"]


def test_a_multiplication_star_survives(tmp_path):
    body = [*BODY[:3], "1. Tỷ lệ hồ sơ đúng hạn = b/a * 100% và tỷ lệ trễ hạn = c/a * 100%.", *BODY[4:]]
    _imported, text = _import_and_rebuild(tmp_path, body)
    assert "b/a * 100% và tỷ lệ trễ hạn = c/a * 100%" in text


def test_bold_italic_then_italic_only_keeps_both():
    """r07: a bold-italic parenthesis followed by an italic "; " was written as '***…*****;*', which
    the markup cannot read, so the whole paragraph lost its emphasis."""
    from kehoach.importers.blocks import Run
    from kehoach.importers.emphasis import marked
    from kehoach.model import markup

    text = marked([Run("tỉnh "), Run("(ít nhất 1 buổi)", True, True), Run("; ", False, True), Run("phối hợp.")])
    assert text == "tỉnh ***(ít nhất 1 buổi)**;* phối hợp."
    spans = [(s.text, s.bold, s.italic) for s in markup.spans(text)]
    assert ("(ít nhất 1 buổi)", True, True) in spans and (";", False, True) in spans
