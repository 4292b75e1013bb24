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
