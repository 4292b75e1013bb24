"""`kehoach tasks`: the plan's assignments as CSV, JSON and iCalendar for a task tracker (issue 17)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kehoach.source.loader import load_path
from kehoach.exporters.deadlines import date_range
from kehoach.exporters.tasks import task_rows, write_csv, write_ics, write_json

ROOT = Path(__file__).resolve().parents[2]
KIEN_GIANG = ROOT / "examples" / "kien-giang-ldte.yaml"


@pytest.mark.parametrize("text, expected", [
    ("Quý IV/2025", (dt.date(2025, 10, 1), dt.date(2025, 12, 31))),
    ("quý 2 năm 2024", (dt.date(2024, 4, 1), dt.date(2024, 6, 30))),
    ("Tháng 9/2025", (dt.date(2025, 9, 1), dt.date(2025, 9, 30))),
    ("tháng 2 năm 2024", (dt.date(2024, 2, 1), dt.date(2024, 2, 29))),
    ("Năm 2022", (dt.date(2022, 1, 1), dt.date(2022, 12, 31))),
    ("6 tháng đầu năm 2025", (dt.date(2025, 1, 1), dt.date(2025, 6, 30))),
    ("6 tháng cuối năm 2025", (dt.date(2025, 7, 1), dt.date(2025, 12, 31))),
    ("Giai đoạn 2022 - 2025", (dt.date(2022, 1, 1), dt.date(2025, 12, 31))),
    ("trước ngày 20/9/2025.", (dt.date(2025, 9, 20), dt.date(2025, 9, 20))),
    (dt.date(2025, 11, 30), (dt.date(2025, 11, 30), dt.date(2025, 11, 30))),
])
def test_a_deadline_that_names_one_period_becomes_its_range(text, expected):
    assert date_range(text) == expected


@pytest.mark.parametrize("text", [
    "Thường xuyên", "Hằng năm", "Năm 2022 và các năm tiếp theo", "Quý III và Quý IV/2025",
    "31/02/2025", "tháng 13/2025", "Giai đoạn 2025 - 2022", None,
])
def test_a_deadline_that_is_not_one_period_stays_text_only(text):
    assert date_range(text) is None


def test_rows_carry_lead_partners_deadline_and_the_section():
    rows = task_rows(load_path(KIEN_GIANG).plan)
    assert len(rows) >= 5
    first = rows[0]
    assert first.id == "ra-soat-chinh-sach"
    assert first.section.startswith("IV. ")
    assert first.lead == "Sở Lao động - Thương binh và Xã hội"
    assert first.partners == ["Sở Tư pháp", "Sở Tài chính"]
    inherited = next(row for row in rows if row.id.startswith("s4.4."))  # a sub-item inherits its lead
    assert inherited.lead
    dated = next(row for row in rows if row.deadline == "Năm 2022")
    assert (dated.start, dated.due) == ("2022-01-01", "2022-12-31")
    assert len({row.id for row in rows}) == len(rows)


def test_csv_opens_in_excel_and_holds_every_task():
    plan = load_path(KIEN_GIANG).plan
    data = write_csv(plan)
    assert data.startswith("\ufeff".encode())  # Excel reads UTF-8 Vietnamese only with the BOM
    table = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert table[0][:4] == ["Mã", "Mục", "Nội dung", "Cơ quan chủ trì"]
    assert len(table) == 1 + len(task_rows(plan))
    assert table[1][4] == "Sở Tư pháp; Sở Tài chính"


def test_json_and_ics_are_the_same_bytes_every_time_and_ics_is_well_formed():
    plan = load_path(KIEN_GIANG).plan
    assert write_json(plan) == write_json(plan) and write_ics(plan) == write_ics(plan)
    data = json.loads(write_json(plan))
    assert data["document"]["symbol"] and data["tasks"][0]["lead"]
    ics = write_ics(plan).decode("utf-8")
    lines = ics.split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR" and lines[-1] == ""
    assert ics.count("BEGIN:VTODO") == len(task_rows(plan))
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)  # RFC 5545 folding
    assert "DUE;VALUE=DATE:20221231" in ics
    unfolded = ics.replace("\r\n ", "")
    assert "Rà soát\\, hoàn thiện chính sách" in unfolded  # commas escaped


def _kehoach(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "KEHOACH_NO_SERVER": "1"}
    return subprocess.run([sys.executable, "-m", "kehoach", *args], cwd=cwd, capture_output=True, env=env)


def test_command_writes_by_suffix_and_refuses_an_unknown_format(tmp_path):
    done = _kehoach("tasks", str(KIEN_GIANG), "-o", str(tmp_path / "t.ics"), cwd=tmp_path)
    assert done.returncode == 0, done.stderr.decode()
    assert (tmp_path / "t.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    shown = _kehoach("tasks", str(KIEN_GIANG), "--format", "json", cwd=tmp_path)
    assert shown.returncode == 0 and json.loads(shown.stdout)["tasks"]
    bad = _kehoach("tasks", str(KIEN_GIANG), "-o", str(tmp_path / "t.xlsx"), cwd=tmp_path)
    assert bad.returncode == 2 and b"KH053" in bad.stderr and b"Traceback" not in bad.stderr
    assert not (tmp_path / "t.xlsx").exists()


def test_a_plan_with_errors_exports_nothing(tmp_path):
    broken = tmp_path / "plan.yaml"
    broken.write_text("title: x\n", encoding="utf-8")
    done = _kehoach("tasks", str(broken), "-o", str(tmp_path / "t.csv"), cwd=tmp_path)
    assert done.returncode in (1, 2) and b"Traceback" not in done.stderr
    assert not (tmp_path / "t.csv").exists()
