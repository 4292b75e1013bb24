"""Targets and reporting as written (point 8 of issue 12): a target without a year, with several
figures or per area; a reporting rule with several due dates or inside an agency's duties. Read back
from the .docx and the .txt; the lint rules and ``kehoach tasks`` read the same forms."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

from docx_read import body_paragraphs, open_docx, paragraph_text
from kehoach.compose.composer import compose
from kehoach.lint import lint as lint_loaded
from kehoach.model import Plan
from kehoach.source.loader import load_path
from kehoach.writers.docx import write_docx
from kehoach.exporters.tasks import task_rows, write_csv, write_ics
from kehoach.writers.text import write_text

BASE = {
    "letterhead": {"parent": "UBND tỉnh An Giang", "issuer": "Ủy ban nhân dân tỉnh", "abbreviation": "UBND",
                   "number": "12", "place": "An Giang", "date": dt.date(2025, 11, 20)},
    "title": "Chiến dịch làm sạch môi trường",
    "period": {"start": 2025, "end": 2026},
    "sections": [
        {"role": "goals", "items": [
            {"indicator": "tỷ lệ hộ dân được tuyên truyền", "value": "100%"},
            {"indicator": "xuất khẩu gạo", "milestones": {2025: [
                {"value": 1.2, "unit": "triệu tấn"}, {"indicator": "kim ngạch", "value": 500, "unit": "triệu USD"}]}},
            {"indicator": "tỷ lệ chất thải rắn được thu gom", "unit": "%", "value": [
                {"value": 95, "area": "khu đô thị"}, {"value": 100, "area": "khu công nghiệp"}]},
            {"indicator": "tỷ lệ xã đạt chuẩn", "milestones": {2025: "trên 90%", 2026: 95}, "unit": "%"},
        ]},
        {"role": "assignments", "items": [
            {"body": "Sở Nông nghiệp và Môi trường", "run_in": True, "text": "Chủ trì theo dõi chiến dịch.",
             "reporting": [{"recipient": "Ủy ban nhân dân tỉnh", "due": ["01/6", "15/11"]}]}],
         "reporting": [{"reporter": "Các sở, ngành", "frequency": "biannual", "recipient": "Sở Nội vụ",
                        "due": ["1/6", "15/11"]},
                       {"frequency": "annual", "due_day": 25, "due_month": 11}]},
    ],
    "signature": {"on_behalf_of": "Ủy ban nhân dân", "title": "Chủ tịch", "name": "Lê Văn A"},
}
EXPECTED = [
    "1. Phấn đấu tỷ lệ hộ dân được tuyên truyền đạt 100%.",
    "2. Phấn đấu đến năm 2025 đạt 1,2 triệu tấn và kim ngạch 500 triệu USD xuất khẩu gạo.",
    "3. Phấn đấu tỷ lệ chất thải rắn được thu gom đạt 95% tại khu đô thị và 100% tại khu công nghiệp.",
    # the form every plan had before: unchanged
    "4. Phấn đấu đến năm 2025 đạt trên 90% và đến năm 2026 đạt 95% tỷ lệ xã đạt chuẩn.",
    "1. Sở Nông nghiệp và Môi trường: Chủ trì theo dõi chiến dịch.",
    "Báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh trước ngày 01/6 và 15/11.",
    "Các sở, ngành báo cáo 6 tháng, hằng năm kết quả thực hiện về Sở Nội vụ trước ngày 01/6 và 15/11.",
    "Các cơ quan, đơn vị báo cáo hằng năm kết quả thực hiện trước ngày 25 tháng 11.",
]


def test_targets_and_reporting_read_as_written_in_docx_and_text() -> None:
    document = compose(Plan.model_validate(BASE))
    texts = [paragraph_text(p) for p in body_paragraphs(open_docx(write_docx(document)))]
    text = write_text(document).decode()
    for line in EXPECTED:
        assert line in texts, line
        assert line in text, line


def _loaded(tmp_path: Path, text: str):
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return load_path(path)


HEAD = """letterhead: {parent: UBND tỉnh An Giang, issuer: Ủy ban nhân dân tỉnh, abbreviation: UBND, number: '12',
  place: An Giang, date: 2025-11-20}
title: Chiến dịch làm sạch môi trường
period: {start: 2025, end: 2026}
signature: {on_behalf_of: Ủy ban nhân dân, title: Chủ tịch, name: Lê Văn A}
"""


def test_several_deadlines_are_checked_and_exported_each(tmp_path: Path) -> None:
    loaded = _loaded(tmp_path, HEAD + """sections:
  - role: solutions
    items:
      - {text: Rà soát kế hoạch., lead: Sở Tư pháp, deadline: [Quý II/2026, Quý IV/2026]}
      - {text: Tổng kết., lead: Sở Nội vụ, deadline: [Quý IV/2026, Quý I/2028]}
""")
    findings = [d for d in lint_loaded(loaded) if d.code == "KH120"]
    # the second deadline of the second task is outside 2025–2026, located on that list entry
    assert len(findings) == 1 and "2028" in findings[0].message
    assert findings[0].line == 10 and findings[0].col > 50
    rows = task_rows(loaded.plan)
    assert rows[0].deadline == "Quý II/2026; Quý IV/2026"
    assert rows[0].periods == [("2026-04-01", "2026-06-30"), ("2026-10-01", "2026-12-31")]
    assert (rows[0].start, rows[0].due) == ("2026-04-01", "2026-12-31")
    ics = write_ics(loaded.plan).decode()
    assert ics.count("BEGIN:VTODO") == 4 and "DUE;VALUE=DATE:20260630" in ics and "DUE;VALUE=DATE:20260930" not in ics
    assert "2026-04-01; 2026-10-01" in write_csv(loaded.plan).decode("utf-8-sig")


def test_a_deadline_list_with_text_only_entries_guesses_no_period(tmp_path: Path) -> None:
    loaded = _loaded(tmp_path, HEAD + """sections:
  - role: solutions
    items:
      - {text: Rà soát., lead: Sở Tư pháp, deadline: [Quý II/2026, Thường xuyên]}
""")
    row = task_rows(loaded.plan)[0]
    assert row.periods == [] and row.start is None and row.due is None


def test_report_deadline_rule_sees_several_dates_and_duties(tmp_path: Path) -> None:
    duties = """profile: ldte-2021
sections:
  - role: assignments
    items:
      - body: Sở Lao động - Thương binh và Xã hội
        focal: true
        text: Tổng hợp.
        reporting:
          - {frequency: annual, due: ["{day}/11", "15/12"]}
"""
    codes = lambda day: {d.code for d in lint_loaded(_loaded(tmp_path, HEAD + duties.replace("{day}", day)))}
    assert "KH116" not in codes("20")  # 20/11 is before the profile's 25/11
    assert "KH116" in codes("30")


def test_a_due_date_that_is_not_day_month_is_a_located_error(tmp_path: Path) -> None:
    loaded = _loaded(tmp_path, HEAD + """sections:
  - role: reporting
    reporting:
      - {frequency: annual, due: [trước 1/6]}
""")
    assert loaded.plan is None
    assert any("không phải ngày hạn" in d.message and d.line == 9 for d in loaded.diagnostics)


def test_figure_words_are_spell_checked_like_other_text(tmp_path: Path) -> None:
    plan = Plan.model_validate(copy.deepcopy(BASE))
    from kehoach.lint.rules.registry import walk_texts
    texts = dict(walk_texts(plan))
    assert texts[("sections", 0, "items", 2, "value", 0, "area")] == "khu đô thị"
    assert texts[("sections", 0, "items", 1, "milestones", 2025, 1, "indicator")] == "kim ngạch"
