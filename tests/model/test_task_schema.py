"""The new task, target and reporting keys are in the editor's schema with Vietnamese help, and a
wording template written before ``lines`` existed still renders."""

from __future__ import annotations

import copy
from pathlib import Path

from kehoach.compose.composer import compose
from kehoach.model import Plan, json_schema
from kehoach.writers.text import write_text
from tests.writers.test_task_forms import BASE

VIETNAMESE = set("ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")


def _vietnamese(text: str) -> bool:
    return bool(set(text.lower()) & VIETNAMESE)


def test_new_keys_have_vietnamese_titles_and_descriptions() -> None:
    defs = json_schema()["$defs"]
    fields = {"Section": ["tasks", "task_labels"], "Item": ["value", "reporting", "assigned_tasks", "deadline"],
              "TaskLabels": ["content", "lead", "lines", "end", "last_end"],
              "TaskTable": ["label", "title", "note", "position", "group_by", "columns", "landscape"],
              "Figure": ["value", "unit", "indicator", "area"], "ReportingRule": ["due"], "DueDate": ["day", "month"]}
    for model, keys in fields.items():
        for key in keys:
            prop = defs[model]["properties"][key]
            assert prop["title"] and _vietnamese(prop["title"] + " " + prop["description"]), (model, key)
    assert set(defs["Section"]["properties"]["tasks"]["anyOf"][0]["enum"]) == {"inline", "table", "both"}


def test_a_task_template_written_before_lines_still_renders(tmp_path: Path) -> None:
    (tmp_path / "task.j2").write_text("{% if lead %}Chủ trì: {{ lead }}\n{% endif %}"
                                      "{% if deadline %}Hạn: {{ deadline }}\n{% endif %}", encoding="utf-8")
    text = write_text(compose(Plan.model_validate(copy.deepcopy(BASE)), templates=tmp_path)).decode()
    assert "- Chủ trì: Sở Tư pháp" in text and "- Hạn: 31/3/2026" in text
