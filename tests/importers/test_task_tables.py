"""A "Danh mục nhiệm vụ" appendix table read back as structured tasks (issue 14): the tasks land in
the sections (or top-level items) their group rows name, with ``tasks: table`` and the ``task_table``
settings that print the same table again; a table whose groups match nothing stays a free table with
a "kiểm tra" note. The .docx is the one kehoach builds, read back by the importer."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

import kehoach
from kehoach.build import render
from kehoach.cli.main import _register, app
from kehoach.common.diagnostics import Severity
from kehoach.importers import import_plan
from kehoach.importers.tasks import column_kind
from kehoach.model import Plan

from wordcompare import differences

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "import" / "task-table-plan.yaml"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

_register()


def round_trip(plan: Plan, tmp_path: Path, suffix: str = "docx"):
    """(the imported data, the imported plan file, the original's text, the imported plan's text)."""
    source = tmp_path / f"plan.{suffix}"
    source.write_bytes(render(plan, suffix))
    imported = import_plan(source)
    out = tmp_path / "imported.yaml"
    out.write_text(imported.yaml, "utf-8")
    rebuilt = kehoach.load(out)
    return imported, out, render(plan, "txt").decode(), render(rebuilt, "txt").decode()


@pytest.fixture
def fixture_plan() -> Plan:
    return kehoach.load(FIXTURE)


@pytest.mark.parametrize("suffix", ["docx", "txt"])
def test_fixture_round_trip_gives_the_same_text(fixture_plan, tmp_path, suffix):
    imported, out, expected, actual = round_trip(fixture_plan, tmp_path, suffix)
    assert actual == expected, differences(expected, actual)
    assert "appendices" not in imported.data  # the table is generated again, not kept twice
    assert [s.get("tasks") for s in imported.data["sections"]] == [None, "table", "table", None]


def test_tasks_land_in_their_sections_with_every_field(fixture_plan, tmp_path):
    imported, *_ = round_trip(fixture_plan, tmp_path)
    sections = imported.data["sections"]
    assert sections[1]["heading"] == "TUYÊN TRUYỀN, PHỔ BIẾN PHÁP LUẬT"
    first, second = sections[1]["items"]
    assert first == {"text": "Biên soạn tài liệu giới thiệu Luật Phòng thủ dân sự", "lead": "Sở Tư pháp",
                     "partners": ["Bộ CHQS tỉnh", "Sở Văn hóa, Thể thao và Du lịch"],
                     "deadline": "Quý I/2026", "product": "Tài liệu giới thiệu Luật"}
    assert second["deadline"] == dt.date(2026, 3, 31)  # "31/3/2026" is the date it prints
    assert sections[1]["text"] == ["Tuyên truyền sâu rộng nội dung Luật đến cán bộ và Nhân dân."]
    review, proposal = sections[2]["items"]
    assert review["deadline"] == ["Quý II/2026", "Quý IV/2026"]  # "Quý II/2026; Quý IV/2026"
    assert "partners" not in review and "product" not in proposal  # empty cells: no field
    assert proposal["lead"] == "Bộ CHQS tỉnh" and proposal["partners"] == ["Sở Tư pháp"]


def test_task_table_settings_are_the_appendix(fixture_plan, tmp_path):
    imported, out, *_ = round_trip(fixture_plan, tmp_path)
    assert imported.data["task_table"] == {
        "title": "DANH MỤC NHIỆM VỤ TRIỂN KHAI LUẬT PHÒNG THỦ DÂN SỰ",
        "columns": {"content": "Nội dung nhiệm vụ", "product": "Sản phẩm dự kiến"}}
    keys = list(yaml.safe_load(out.read_text("utf-8")))
    assert keys.index("task_table") < keys.index("preamble")  # the schema's key order


def test_imported_tasks_are_seen_by_check_and_tasks(fixture_plan, tmp_path):
    _imported, out, *_ = round_trip(fixture_plan, tmp_path)
    assert [d for d in kehoach.check(out) if d.severity is Severity.error] == []
    result = CliRunner().invoke(app, ["tasks", str(out), "--format", "json"])
    assert result.exit_code == 0, result.output
    tasks = json.loads(result.stdout)["tasks"]
    assert [(t["section"], t["lead"], t["content"]) for t in tasks] == [
        ("II. TUYÊN TRUYỀN, PHỔ BIẾN PHÁP LUẬT", "Sở Tư pháp", "Biên soạn tài liệu giới thiệu Luật Phòng thủ dân sự"),
        ("II. TUYÊN TRUYỀN, PHỔ BIẾN PHÁP LUẬT", "Sở Tư pháp", "Tổ chức hội nghị phổ biến Luật cho cán bộ chủ chốt"),
        ("III. RÀ SOÁT VĂN BẢN", "Sở Tư pháp",
         "Rà soát văn bản quy phạm pháp luật của tỉnh liên quan đến phòng thủ dân sự"),
        ("III. RÀ SOÁT VĂN BẢN", "Bộ CHQS tỉnh", "Đề xuất sửa đổi, bổ sung quy chế phối hợp")]
    assert tasks[2]["deadline"] == "Quý II/2026; Quý IV/2026"
    assert tasks[0]["product"] == "Tài liệu giới thiệu Luật"


def _by_item(data: dict) -> dict:
    """The fixture with its tasks under the top-level items of one content section, grouped by item,
    the task table second among the appendices, with its own label and note, and only four columns
    in another order."""
    data = copy.deepcopy(data)
    sections = data["sections"]
    tasks = sections[1]["items"] + sections[2]["items"]
    content = {"role": "content", "heading": "NỘI DUNG", "tasks": "table", "items": [
        {"heading": "Tuyên truyền, phổ biến pháp luật", "items": ["Bám sát thực tiễn địa phương.", *tasks[:2]]},
        {"text": ["Rà soát văn bản."], "items": tasks[2:]},
        "Các nội dung khác do Sở Tư pháp hướng dẫn."]}
    data["sections"] = [sections[0], content, sections[3]]
    data["task_table"] = {"label": "PHỤ LỤC II", "title": "Danh mục nhiệm vụ",
                          "note": "(Kèm theo Kế hoạch số 45/KH-STP của Sở Tư pháp)", "position": 2,
                          "group_by": "item", "show": ["number", "content", "deadline", "lead"]}
    data["appendices"] = [{"label": "PHỤ LỤC I", "title": "Danh sách đơn vị", "text": ["Sở Tư pháp."]}]
    return data


def test_groups_that_are_items_give_group_by_item(tmp_path):
    data = yaml.safe_load(FIXTURE.read_text("utf-8"))
    plan = Plan.model_validate(_by_item(data))
    imported, _out, expected, actual = round_trip(plan, tmp_path)
    assert actual == expected, differences(expected, actual)
    config = imported.data["task_table"]
    assert config == {"label": "PHỤ LỤC II", "title": "DANH MỤC NHIỆM VỤ",
                      "note": "(Kèm theo Kế hoạch số 45/KH-STP của Sở Tư pháp)", "position": 2,
                      "group_by": "item", "show": ["number", "content", "deadline", "lead"]}
    items = imported.data["sections"][1]["items"]
    assert imported.data["sections"][1]["tasks"] == "table"
    assert items[0]["items"][0] == "Bám sát thực tiễn địa phương."  # the point stays, before the tasks
    assert [t["lead"] for t in items[0]["items"][1:]] == ["Sở Tư pháp", "Sở Tư pháp"]
    assert [t["lead"] for t in items[1]["items"]] == ["Sở Tư pháp", "Bộ CHQS tỉnh"]
    assert "product" not in items[0]["items"][1]  # no Sản phẩm column: nothing to read it from
    assert [a["title"] for a in imported.data["appendices"]] == ["DANH SÁCH ĐƠN VỊ"]


def test_groups_that_match_nothing_keep_the_table_and_say_why(tmp_path):
    data = yaml.safe_load(FIXTURE.read_text("utf-8"))
    for section in data["sections"]:
        section.pop("tasks", None)
        section["items"] = [i for i in section.get("items", []) if not (isinstance(i, dict) and i.get("lead"))] \
            or ["Thực hiện theo phụ lục."]
    data.pop("task_table")
    data["appendices"] = [{"title": "Danh mục nhiệm vụ", "tables": [{
        "columns": ["TT", "Nội dung", "Cơ quan chủ trì", "Thời gian thực hiện"],
        "rows": [{"number": "I", "group": "NHIỆM VỤ KHÁC"},
                 ["1", "Tập huấn nghiệp vụ", "Sở Tư pháp", "Quý III/2026"]]}]}]
    imported, out, expected, actual = round_trip(Plan.model_validate(data), tmp_path)
    assert actual == expected, differences(expected, actual)  # nothing dropped
    assert "task_table" not in imported.data
    assert imported.data["appendices"][0]["tables"][0]["rows"][1] == \
        ["1", "Tập huấn nghiệp vụ", "Sở Tư pháp", "Quý III/2026"]
    text = out.read_text("utf-8")
    assert "# kiểm tra (KH524): bảng có dạng Danh mục nhiệm vụ nhưng được giữ nguyên là bảng: nhóm 'NHIỆM VỤ KHÁC' " \
           "không khớp tiêu đề mục hay khoản nào của kế hoạch" in text


def test_nghe_an_task_table_stays_a_table_where_the_crawl_elides_rows(tmp_path):
    """The real plan's table lacks rows III–V and VI.1 (elided by its source): the generated table
    could not print it, so it stays as written, with the reason beside it."""
    imported, out, expected, actual = round_trip(kehoach.load(EXAMPLES / "nghe-an-980-kh-ubnd.yaml"), tmp_path)
    assert actual == expected, differences(expected, actual)
    assert "task_table" not in imported.data
    assert "nhiệm vụ '2' của nhóm 'TRIỂN KHAI THỰC HIỆN CÁC CHIẾN LƯỢC" in out.read_text("utf-8")


@pytest.mark.parametrize(("title", "kind"), [
    ("TT", "number"), ("STT", "number"), ("Số TT", "number"), ("Nội dung (nhiệm vụ)", "content"),
    ("Nhiệm vụ", "content"), ("Cơ quan chủ trì", "lead"), ("Đơn vị chủ trì", "lead"),
    ("Cơ quan phối hợp", "partners"), ("Thời gian hoàn thành", "deadline"), ("Thời gian thực hiện", "deadline"),
    ("Thời hạn", "deadline"), ("Sản phẩm dự kiến", "product"), ("Ghi chú", None), ("Kinh phí", None)])
def test_header_cells_name_the_task_fields(title, kind):
    assert column_kind(title) == kind
