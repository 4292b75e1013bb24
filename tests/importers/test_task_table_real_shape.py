"""r01's appendix "Phân công thực hiện nhiệm vụ" as its Word file holds it: seven columns in its own
order (STT | Nhiệm vụ | Sản phẩm | Thời gian hoàn thành | Chủ trì thực hiện | Phối hợp thực hiện |
Theo dõi, kiểm tra, đôn đốc), group rows "I | Cải cách thể chế | | …" written as the headings are
(not in capitals, the title in the second column and the other cells empty). When its groups are
the plan's top-level items, the table becomes tasks whose rebuild prints the same table; when a
group row names no heading of the plan, or a cell is merged, it stays a table with a note saying why. The .docx is made here with python-docx (tablemaker)."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

import kehoach
from kehoach.build import render
from kehoach.importers import import_plan

from tablemaker import grid_table, para, plan_docx

HEADER = ["STT", "Nhiệm vụ", "Sản phẩm", "Thời gian hoàn thành", "Chủ trì thực hiện", "Phối hợp thực hiện",
          "Theo dõi, kiểm tra, đôn đốc"]
GROUPS = ["Cải cách thể chế", "Cải cách thủ tục hành chính"]
TASKS = [
    [["1", "Cập nhật văn bản quy phạm pháp luật trên cơ sở dữ liệu quốc gia.", "Văn bản được cập nhật",
      "Thường xuyên", "Sở Tư pháp", "", "Sở Tư pháp"],
     ["2", "Công bố danh mục văn bản hết hiệu lực.", "Danh mục văn bản", "Trước ngày 31/01 hằng năm",
      "Sở Tư pháp", "UBND các xã, phường", "Sở Tư pháp"]],
    [["1", "Rà soát, đơn giản hóa thủ tục hành chính.", "Phương án đơn giản hóa", "Hằng năm",
      "Các sở, ban, ngành", "Văn phòng UBND tỉnh", "Văn phòng UBND tỉnh"]],
]


def table_rows(groups: list[str], merged: bool = False) -> list[list]:
    rows: list[list] = [list(HEADER)]
    for number, (group, tasks) in enumerate(zip(groups, TASKS), 1):
        rows.append(["I" * number, group, "", "", "", "", ""])
        rows += [list(task) for task in tasks]
    if merged:  # r01: "Theo phân công tại Quyết định …" over Chủ trì and Phối hợp
        rows[-1] = [*rows[-1][:4], ("Theo phân công tại Quyết định số 1441/QĐ-UBND", 2), rows[-1][6]]
    return rows


def make(path: Path, groups: list[str] = GROUPS, merged: bool = False) -> Path:
    def body(doc):
        para(doc, "I. MỤC ĐÍCH, YÊU CẦU", bold=True)
        para(doc, "1. Nâng cao hiệu quả cải cách hành chính trên địa bàn tỉnh.")
        para(doc, "II. CHỈ TIÊU, NHIỆM VỤ", bold=True)
        para(doc, "1. Cải cách thể chế", bold=True)
        para(doc, "Hoàn thiện thể chế, nâng cao chất lượng văn bản quy phạm pháp luật.")
        para(doc, "2. Cải cách thủ tục hành chính", bold=True)
        para(doc, "Cắt giảm, đơn giản hóa thủ tục hành chính.")

    def after(doc):
        para(doc, "PHỤ LỤC", bold=True, center=True)
        para(doc, "PHÂN CÔNG THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH", bold=True, center=True)
        para(doc, "(Kèm theo Kế hoạch số 15/KH-SNV ngày 05 tháng 3 năm 2025 của Sở Nội vụ)", italic=True, center=True)
        grid_table(doc, table_rows(groups, merged))

    return plan_docx(path, body, after)


def printed(table) -> list[list[str]]:
    """Each row's text as a reader sees it: a merged cell once, empty cells left out."""
    out = []
    for row in table.rows:
        texts: list[str] = []
        for cell in row.cells:
            text = " ".join(cell.text.split())
            if text and (not texts or texts[-1] != text):
                texts.append(text)
        out.append(texts)
    return out


def test_the_real_header_shape_lifts_and_prints_the_same_table(tmp_path):
    source = make(tmp_path / "r01-shape.docx")
    imported = import_plan(source)
    data = imported.data
    assert "appendices" not in data, imported.yaml[-1500:]
    config = data["task_table"]
    assert config["show"] == ["number", "content", "product", "deadline", "lead", "partners", "owner"]
    assert config["group_by"] == "item" and config["group_case"] == "as-written"
    assert config["columns"] == {"number": "STT", "content": "Nhiệm vụ", "lead": "Chủ trì thực hiện",
                                 "partners": "Phối hợp thực hiện"}  # the others are the default titles
    section = data["sections"][1]
    assert section["tasks"] == "table"
    first = section["items"][0]["items"][0]
    assert first["owner"] == "Sở Tư pháp" and first["lead"] == "Sở Tư pháp" and "partners" not in first
    assert section["items"][0]["items"][1]["partners"] == ["UBND các xã, phường"]
    assert not [n for n in imported.notes if n[0][:1] in (("task_table",), ("appendices",))]
    # the rebuild prints the original's table: same rows, same columns, the same text in each row
    plan_file = tmp_path / "plan.yaml"
    plan_file.write_text(imported.yaml, "utf-8")
    rebuilt = docx.Document(io.BytesIO(render(kehoach.load(plan_file), "docx"))).tables[-1]
    original = docx.Document(str(source)).tables[-1]
    assert (len(rebuilt.rows), len(rebuilt.columns)) == (len(original.rows), len(original.columns))
    assert printed(rebuilt) == printed(original)
    assert "Hoàn thiện thể chế" in render(kehoach.load(plan_file), "txt").decode()  # the body kept


@pytest.mark.parametrize(("groups", "merged", "why"), [
    # r01 names a group "Cải cách tổ chức bộ máy hành chính nhà nước" over "Cải cách tổ chức bộ máy"
    (["Cải cách thể chế", "Cải cách thủ tục hành chính nhà nước"], False, "không khớp"),
    (GROUPS, True, "ô gộp"),
])
def test_what_would_print_otherwise_stays_a_table_with_a_note(tmp_path, groups, merged, why):
    imported = import_plan(make(tmp_path / "r01-shape.docx", groups, merged))
    assert "task_table" not in imported.data and len(imported.data["appendices"]) == 1
    notes = [message for path, message in imported.notes if path[:1] == ("appendices",)]
    assert any("Danh mục nhiệm vụ" in message and why in message for message in notes), notes
    assert not any("owner" in item for item in imported.data["sections"][1]["items"] if isinstance(item, dict))


def test_group_rows_that_differ_from_the_headings_in_case_print_in_capitals(tmp_path):
    """The rule before group_case: a group row that names its heading but in another case lifts, and
    the generated table prints it in capitals."""
    imported = import_plan(make(tmp_path / "r01-shape.docx", ["Cải cách Thể chế", "Cải cách thủ tục hành chính"]))
    assert "group_case" not in imported.data["task_table"]
    plan_file = tmp_path / "plan.yaml"
    plan_file.write_text(imported.yaml, "utf-8")
    rebuilt = docx.Document(io.BytesIO(render(kehoach.load(plan_file), "docx"))).tables[-1]
    assert ["I", "CẢI CÁCH THỂ CHẾ"] in printed(rebuilt)
