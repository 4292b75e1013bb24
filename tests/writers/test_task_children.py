"""A task's own sub-items in a ``tasks: table`` section (any role): the body leaves the task out with
everything below it, so each sub-item becomes a row of the task table inheriting the lead, as a
solutions section's leaves always did; the tasks export lists the same rows. Read back from the
.docx table, the .txt and the CSV/JSON/ICS export."""

from __future__ import annotations

import copy
import json

import pytest
from docx.oxml.ns import qn

from docx_read import open_docx, paragraph_text
from kehoach.compose.composer import compose
from kehoach.exporters.tasks import task_rows, write_csv, write_ics, write_json
from kehoach.model import Plan
from kehoach.model.numbering import section_items
from kehoach.model.walk import tasks_of
from kehoach.writers.docx import write_docx
from kehoach.writers.text import write_text

# The shape of the plan that lost its text (a content section, a task with a plain sub-item).
BASE = {
    "letterhead": {"parent": "UBND TỈNH KIÊN GIANG", "issuer": "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI",
                   "abbreviation": "SLĐTBXH", "number": "05", "place": "Kiên Giang", "date": "2025-03-14"},
    "title": "Phòng, chống lao động trẻ em giai đoạn 2021 - 2025",
    "sections": [
        {"role": "content", "heading": "NỘI DUNG", "tasks": "table", "items": [
            {"heading": "Tổ chức hội nghị", "lead": "Sở Tư pháp", "items": [
                {"text": "Chuẩn bị tài liệu tuyên truyền cho hội nghị."},
                {"heading": "Hậu cần", "items": [{"text": "Bố trí hội trường."}]}]},
            {"text": "Tuyên truyền, nâng cao nhận thức.", "lead": "Sở Lao động - Thương binh và Xã hội",
             "deadline": "Thường xuyên"},
            {"heading": "Kiểm tra", "text": "Kiểm tra việc thực hiện."}]},
    ],
    "signature": {"authority": "KT", "head_title": "GIÁM ĐỐC", "title": "PHÓ GIÁM ĐỐC", "name": "Nguyễn Văn An"},
}
CHILDREN = ["Chuẩn bị tài liệu tuyên truyền cho hội nghị.", "Hậu cần", "Bố trí hội trường."]


def plan(**section) -> Plan:
    data = copy.deepcopy(BASE)
    data["sections"][0].update(section)
    return Plan.model_validate(data)


def table_rows(docx: bytes) -> list[list[str]]:
    doc = open_docx(docx)
    for tbl in doc.element.body.iter(qn("w:tbl")):
        rows = [["\n".join(paragraph_text(p) for p in tc.iter(qn("w:p"))) for tc in tr.findall(qn("w:tc"))]
                for tr in tbl.findall(qn("w:tr"))]
        if rows and rows[0][:2] == ["TT", "Nội dung"]:
            return rows
    raise AssertionError("no task table")


@pytest.mark.parametrize("role", ["content", "solutions", "assignments", None])
def test_a_tasks_sub_items_are_rows_inheriting_the_lead(role) -> None:
    built = compose(plan(role=role, heading="NỘI DUNG"))
    rows = table_rows(write_docx(built))
    contents = {row[1]: row for row in rows[1:] if len(row) > 2}
    for child in CHILDREN:
        assert contents[child][2] == "Sở Tư pháp", (child, rows)
    # In plan order, right after their task; the number runs on.
    order = [row[1] for row in rows[1:] if len(row) > 2]
    assert order[:4] == ["Tổ chức hội nghị", *CHILDREN]
    assert [row[0] for row in rows[2:6]] == ["1", "2", "3", "4"]
    # The body prints them nowhere (they are rows); the item that is no task stays in the body
    # (a solutions section's leaves are all tasks: there it is a row too).
    text = write_text(built).decode()
    for child in CHILDREN:
        assert text.count(child) == 1, child
    assert ("1. Kiểm tra" in text) is (role != "solutions")


def test_the_body_numbering_and_the_walk_agree() -> None:
    """The numbered body keeps only what is no task: the rescued rows take no label there."""
    p = plan()
    kept = [node.item.heading for node in section_items(p, p.sections[0])]
    assert kept == ["Kiểm tra"]
    loc_of = {t.item.heading or t.item.text[0]: t.loc for t in tasks_of(p)}
    assert loc_of["Hậu cần"] == ("sections", 0, "items", 0, "items", 1)
    assert loc_of["Bố trí hội trường."] == ("sections", 0, "items", 0, "items", 1, "items", 0)


@pytest.mark.parametrize("form", ["inline", "both"])
def test_inline_and_both_keep_sub_items_in_the_body(form) -> None:
    """Where the body prints the task, its sub-items stay its sub-items: no new rows or tasks."""
    p = plan(tasks=form)
    assert [t.item.heading or t.item.text[0] for t in tasks_of(p)] == [
        "Tổ chức hội nghị", "Tuyên truyền, nâng cao nhận thức."]
    text = write_text(compose(p)).decode()
    for child in CHILDREN:
        assert child in text


def test_the_export_lists_the_same_rows_as_the_table() -> None:
    p = plan()
    rows = task_rows(p)
    assert [(r.content, r.lead) for r in rows] == [
        ("Tổ chức hội nghị", "Sở Tư pháp"),
        ("Chuẩn bị tài liệu tuyên truyền cho hội nghị.", "Sở Tư pháp"),
        ("Hậu cần", "Sở Tư pháp"), ("Bố trí hội trường.", "Sở Tư pháp"),
        ("Tuyên truyền, nâng cao nhận thức.", "Sở Lao động - Thương binh và Xã hội")]
    assert [r.id for r in rows][:4] == ["s1.1", "s1.1.1", "s1.1.2", "s1.1.2.1"]
    table = [row[1] for row in table_rows(write_docx(compose(p)))[1:] if len(row) > 2]
    assert [r.content for r in rows] == table
    csv = write_csv(p).decode("utf-8-sig")
    data = json.loads(write_json(p))
    ics = write_ics(p).decode()
    for child in CHILDREN:
        assert child in csv
        assert child in [t["content"] for t in data["tasks"]]
        assert f"SUMMARY:{child}" in ics.replace("\r\n ", "")


def test_a_target_row_says_its_sentence() -> None:
    """A target with no text that becomes a row prints its values and owner as the body would (the
    target's sentence), not only its indicator: the figures are in no other cell."""
    p = plan(items=[{"heading": "Giảm lao động trẻ em", "lead": "Sở Tư pháp", "items": [
        {"indicator": "trẻ em lao động được hỗ trợ", "milestones": {2025: "trên 90%"}, "owner": "Sở Y tế"}]}])
    rows = table_rows(write_docx(compose(p)))
    cell = next(row[1] for row in rows if "trẻ em lao động được hỗ trợ" in row[1])
    assert "trên 90%" in cell and "Sở Y tế" in cell
