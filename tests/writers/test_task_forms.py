"""Tasks kept once, printed in the forms plans use (point 7 of issue 12): labelled lines under a task,
the generated "Danh mục nhiệm vụ" appendix, and what each lead agency is assigned; read back from the
.docx (and the .txt where the words are what counts)."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from docx.oxml.ns import qn

from docx_read import body_paragraphs, find_paragraph, open_docx, paragraph_text, run_format, text_runs
from kehoach.compose.composer import compose
from kehoach.model import Plan
from kehoach.writers.docx import write_docx
from kehoach.writers.text import write_text

TASKS = [
    {"heading": "Kiện toàn Ban Chỉ huy", "text": "Tổ chức lại Ban Chỉ huy cấp tỉnh, cấp xã;",
     "lead": "Bộ CHQS tỉnh", "partners": ["Văn phòng Ban Chỉ huy", "các sở, ban, ngành"],
     "deadline": "Trước ngày 30/11/2025", "product": "Quyết định của Chủ tịch UBND tỉnh"},
    {"text": "Rà soát kế hoạch phòng thủ dân sự", "lead": "Sở Tư pháp", "deadline": dt.date(2026, 3, 31)},
]
BASE = {
    "letterhead": {"parent": "UBND tỉnh Nghệ An", "issuer": "Ủy ban nhân dân tỉnh", "abbreviation": "UBND",
                   "number": "980", "place": "Nghệ An", "date": dt.date(2025, 11, 18)},
    "title": "Triển khai Luật Phòng thủ dân sự",
    "sections": [
        {"role": "purpose", "items": ["Bảo đảm thống nhất."]},
        {"role": "solutions", "items": copy.deepcopy(TASKS)},
        {"heading": "Diễn tập phòng thủ dân sự", "items": [
            {"heading": "Diễn tập cấp tỉnh", "items": [
                {"text": "Xây dựng kịch bản diễn tập", "lead": "Bộ CHQS tỉnh", "deadline": "Quý II/2026"},
                {"text": "Tổ chức diễn tập", "lead": "Bộ CHQS tỉnh", "partners": ["Công an tỉnh"],
                 "deadline": "Năm 2026"}]},
            {"text": "Tổng kết diễn tập", "lead": "Sở Nội vụ", "product": "Báo cáo"}]},
        {"role": "assignments", "items": [
            {"body": "Bộ CHQS tỉnh", "run_in": True, "text": "Chủ trì thực hiện các nhiệm vụ:",
             "assigned_tasks": True}]},
    ],
    "signature": {"on_behalf_of": "Ủy ban nhân dân", "title": "Chủ tịch", "name": "Lê Văn A"},
    "appendices": [{"title": "Danh sách xã", "text": "Xã Nghi Lộc."}],
}


def build(**changes):
    data = copy.deepcopy(BASE)
    for key, value in changes.items():
        if key.startswith("section"):
            data["sections"][int(key[-1])].update(value)
        else:
            data[key] = value
    document = compose(Plan.model_validate(data))
    docx_data = write_docx(document)
    doc = open_docx(docx_data)
    return doc, [paragraph_text(p) for p in body_paragraphs(doc)], write_text(document).decode()


def task_table(doc):
    """The generated table: the one whose header starts with "TT" | "Nội dung"."""
    for tbl in doc.element.body.iter(qn("w:tbl")):
        rows = tbl.findall(qn("w:tr"))
        first = ["".join(t.text for t in tc.iter(qn("w:t"))) for tc in rows[0].findall(qn("w:tc"))]
        if first[:2] == ["TT", "Nội dung"]:
            return tbl, rows
    raise AssertionError("no task table")


def cells(row) -> tuple[list[str], list[int]]:
    texts, spans = [], []
    for tc in row.findall(qn("w:tc")):
        texts.append("\n".join(paragraph_text(p) for p in tc.iter(qn("w:p"))))
        span = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
        spans.append(int(span.get(qn("w:val"))) if span is not None else 1)
    return texts, spans


def test_default_lines_are_unchanged() -> None:
    _, texts, _ = build()
    assert "- Cơ quan chủ trì: Bộ CHQS tỉnh" in texts
    assert "- Cơ quan phối hợp: Văn phòng Ban Chỉ huy, các sở, ban, ngành" in texts
    assert "- Thời gian thực hiện: Trước ngày 30/11/2025" in texts
    assert "- Sản phẩm: Quyết định của Chủ tịch UBND tỉnh" in texts
    assert "1. Kiện toàn Ban Chỉ huy" in texts and "Tổ chức lại Ban Chỉ huy cấp tỉnh, cấp xã;" in texts


def test_labels_lines_and_end_marks_are_the_plans() -> None:
    labels = {"content": "Nội dung thực hiện", "lead": "Cơ quan thực hiện/chủ trì", "deadline": "Thời gian",
              "lines": ["content", "lead", "deadline"], "end": "."}
    doc, texts, _ = build(task_labels=labels)
    section = texts[texts.index("II. NHIỆM VỤ, GIẢI PHÁP"):texts.index("III. DIỄN TẬP PHÒNG THỦ DÂN SỰ")]
    assert section == [
        "II. NHIỆM VỤ, GIẢI PHÁP", "1. Kiện toàn Ban Chỉ huy",
        "- Nội dung thực hiện: Tổ chức lại Ban Chỉ huy cấp tỉnh, cấp xã.",
        "- Cơ quan thực hiện/chủ trì: Bộ CHQS tỉnh.", "- Thời gian: Trước ngày 30/11/2025.",
        # no heading: the text stays the item's own paragraph, no content line
        "2. Rà soát kế hoạch phòng thủ dân sự", "- Cơ quan thực hiện/chủ trì: Sở Tư pháp.", "- Thời gian: 31/3/2026."]
    assert not any("Sản phẩm" in t or "phối hợp" in t for t in section)
    # the label is part of an ordinary "-" line: upright, not bold
    p = find_paragraph(doc, "- Cơ quan thực hiện/chủ trì: Bộ CHQS tỉnh.", exact=True)
    assert not any(run_format(doc, p, r).bold for r in text_runs(p))


def test_a_section_overrides_the_plans_labels_key_by_key() -> None:
    _, texts, _ = build(task_labels={"deadline": "Thời gian", "end": ";", "last_end": "."},
                        section1={"task_labels": {"lead": "Đơn vị chủ trì"}})
    assert "- Đơn vị chủ trì: Sở Tư pháp;" in texts and "- Thời gian: 31/3/2026." in texts
    # another section keeps the plan's own
    assert "- Cơ quan chủ trì: Sở Nội vụ;" in texts


def test_table_form_moves_the_tasks_to_a_generated_appendix() -> None:
    doc, texts, text = build(section1={"tasks": "table"}, section2={"tasks": "table"},
                             task_table={"label": "PHỤ LỤC I", "note": "(Kèm theo Kế hoạch số 980/KH-UBND)"})
    # the tasks left their sections; the item around the nested ones stays, renumbered from 1
    body = texts[:texts.index("Nơi nhận:")]
    assert not any("Rà soát kế hoạch" in t or "Cơ quan chủ trì" in t for t in body)
    assert "1. Diễn tập cấp tỉnh" in body and not any("Tổng kết diễn tập" in t for t in body)
    # the appendix: first among the appendices, with the plan's label and note
    assert texts.index("PHỤ LỤC I") < texts.index("DANH MỤC NHIỆM VỤ") < texts.index("DANH SÁCH XÃ")
    assert "(Kèm theo Kế hoạch số 980/KH-UBND)" in texts and "Phụ lục II" in texts
    _, rows = task_table(doc)
    table = [cells(row) for row in rows]
    assert table[0] == (["TT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành",
                         "Sản phẩm"], [1] * 6)
    assert table[1] == (["I", "NHIỆM VỤ, GIẢI PHÁP"], [1, 5])
    assert table[2][0] == ["1", "Kiện toàn Ban Chỉ huy\nTổ chức lại Ban Chỉ huy cấp tỉnh, cấp xã;", "Bộ CHQS tỉnh",
                           "Văn phòng Ban Chỉ huy; các sở, ban, ngành", "Trước ngày 30/11/2025",
                           "Quyết định của Chủ tịch UBND tỉnh"]
    assert table[3][0][:2] == ["2", "Rà soát kế hoạch phòng thủ dân sự"] and table[3][0][4] == "31/3/2026"
    assert table[4] == (["II", "DIỄN TẬP PHÒNG THỦ DÂN SỰ"], [1, 5])
    assert [row[0][0] for row in table[5:]] == ["1", "2", "3"]  # numbered again inside the group
    assert table[7][0][1:3] == ["Tổng kết diễn tập", "Sở Nội vụ"]
    # the group row is bold, its number in the TT column
    group = rows[1].findall(qn("w:tc"))[1].find(qn("w:p"))
    assert all(run_format(doc, group, r).bold for r in text_runs(group))
    # a landscape page for the appendix by default
    orientations = [s.get(qn("w:orient")) for s in doc.element.body.iter(qn("w:pgSz"))]
    assert "landscape" in orientations
    assert "| I | NHIỆM VỤ, GIẢI PHÁP |" in text


def test_both_forms_and_grouping_by_item() -> None:
    doc, texts, _ = build(section2={"tasks": "both"}, task_table={"group_by": "item", "title": "Các nhiệm vụ"})
    assert "- Cơ quan chủ trì: Sở Nội vụ" in texts  # still inline
    assert "CÁC NHIỆM VỤ" in texts
    _, rows = task_table(doc)
    table = [cells(row)[0] for row in rows]
    # the nested tasks group under their top-level item; the top-level task under the section
    assert table[1] == ["I", "DIỄN TẬP CẤP TỈNH"] and table[2][:2] == ["1", "Xây dựng kịch bản diễn tập"]
    assert table[4] == ["II", "DIỄN TẬP PHÒNG THỦ DÂN SỰ"] and table[5][:2] == ["1", "Tổng kết diễn tập"]


def test_switching_forms_changes_the_output() -> None:
    _, inline, _ = build()
    _, tabled, _ = build(section1={"tasks": "table"})
    assert inline != tabled
    assert "DANH MỤC NHIỆM VỤ" not in inline and "DANH MỤC NHIỆM VỤ" in tabled
    # no section asks for the table: task_table alone adds nothing
    _, configured, _ = build(task_table={"title": "Danh mục"})
    assert configured == inline


def test_an_agency_lists_the_tasks_it_leads() -> None:
    _, texts, _ = build()
    start = texts.index("1. Bộ CHQS tỉnh: Chủ trì thực hiện các nhiệm vụ:")
    assert texts[start + 1:start + 4] == ["- Kiện toàn Ban Chỉ huy;", "- Xây dựng kịch bản diễn tập;",
                                          "- Tổ chức diễn tập."]


@pytest.mark.parametrize("bad", [{"tasks": "appendix"}, {"task_labels": {"lines": ["lead", "owner"]}}])
def test_unknown_forms_are_rejected(bad) -> None:
    data = copy.deepcopy(BASE)
    data["sections"][1].update(bad)
    with pytest.raises(ValueError):
        Plan.model_validate(data)


def test_the_table_prints_the_columns_show_names_in_its_order() -> None:
    doc, _, text = build(section1={"tasks": "table"},
                         task_table={"show": ["number", "content", "deadline", "lead"],
                                     "columns": {"deadline": "Thời hạn"}})
    _, rows = task_table(doc)
    assert cells(rows[0])[0] == ["TT", "Nội dung", "Thời hạn", "Cơ quan chủ trì"]
    assert cells(rows[2])[0] == ["1", "Kiện toàn Ban Chỉ huy\nTổ chức lại Ban Chỉ huy cấp tỉnh, cấp xã;",
                                 "Trước ngày 30/11/2025", "Bộ CHQS tỉnh"]
    assert "Quyết định của Chủ tịch UBND tỉnh" not in text  # no product column


@pytest.mark.parametrize("show", [["content", "number"], ["number", "lead"], ["number", "content", "content"]])
def test_show_starts_with_number_and_has_content_once(show) -> None:
    data = copy.deepcopy(BASE)
    data["task_table"] = {"show": show}
    with pytest.raises(ValueError):
        Plan.model_validate(data)
