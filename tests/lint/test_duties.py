"""KH409 (an order to a body above the issuer without "Đề nghị") and KH410 (a task table's row with
no lead agency), on wording from real plans (issue 23's misses): warnings with what to write."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach.common.diagnostics import Severity
from kehoach.lint import lint
from kehoach.lint.config import Config
from kehoach.lint.rules.duties import body_rank
from kehoach.lint.rules.registry import complete_example
from kehoach.source.loader import load_path


def codes(tmp_path: Path, fragment: str, code: str) -> list:
    path = tmp_path / "plan.yaml"
    path.write_text(complete_example(fragment), encoding="utf-8")
    loaded = load_path(path)
    assert loaded.plan is not None, [str(d) for d in loaded.diagnostics]
    return [d for d in lint(loaded, config=Config()) if d.code == code]


COMMUNE = """\
letterhead:
  issuer: [ỦY BAN NHÂN DÂN, XÃ ĐÀM THỦY]
  abbreviation: UBND
  place: Cao Bằng
  date: 2025-09-15
sections:
  - role: assignments
    heading: {heading}
    items:
      - body: Công an xã
        text: [Chủ trì, phối hợp với các ngành bảo đảm an ninh, trật tự trong thời gian diễn ra lễ hội.]
      - body: {body}
        text: [{text}]
"""


def commune(heading: str = "TỔ CHỨC THỰC HIỆN", body: str = "Công an tỉnh",
            text: str = "Chỉ đạo lực lượng chức năng hỗ trợ Công an xã kiểm tra, xử lý vi phạm.") -> str:
    return COMMUNE.format(heading=heading, body=body, text=text)


def test_kh409_a_commune_plan_orders_the_province_police(tmp_path: Path) -> None:
    [order] = codes(tmp_path, commune(), "KH409")
    assert order.severity is Severity.warning and order.line == 12
    assert "Công an tỉnh" in order.message and "Đề nghị Công an tỉnh" in order.message


@pytest.mark.parametrize("fragment", [
    commune(body="Đề nghị Công an tỉnh"),  # asked in the body's own name
    commune(text="Đề nghị chỉ đạo lực lượng chức năng hỗ trợ Công an xã kiểm tra."),  # in its text
    commune(heading="ĐỀ NGHỊ CÁC CƠ QUAN CẤP TỈNH"),  # in the heading above
    commune(body="Ủy ban Mặt trận Tổ quốc Việt Nam xã"),  # a body of the commune
    commune(body="Ủy ban MTTQ Việt Nam và các đoàn thể"),  # no level in the name: not judged
])
def test_kh409_asked_or_within_authority(tmp_path: Path, fragment: str) -> None:
    assert codes(tmp_path, fragment, "KH409") == []


def test_kh409_levels_of_issuers(tmp_path: Path) -> None:
    department = """\
letterhead:
  parent: ỦY BAN NHÂN DÂN TỈNH AN GIANG
  issuer: SỞ TƯ PHÁP
  abbreviation: STP
  place: An Giang
sections:
  - role: assignments
    items:
      - {body: "Phòng Phổ biến, giáo dục pháp luật", text: [Chủ trì tổ chức hội nghị.]}
      - {body: Ủy ban nhân dân tỉnh, text: [Chỉ đạo các sở, ngành phối hợp.]}
"""
    [order] = codes(tmp_path, department, "KH409")
    assert "Ủy ban nhân dân tỉnh" in order.message
    province = department.replace("  parent: ỦY BAN NHÂN DÂN TỈNH AN GIANG\n  issuer: SỞ TƯ PHÁP\n  abbreviation: STP",
                                  "  issuer: [ỦY BAN NHÂN DÂN, TỈNH AN GIANG]\n  abbreviation: UBND")
    assert codes(tmp_path, province.replace("Ủy ban nhân dân tỉnh, text", "Công an tỉnh, text"), "KH409") == []
    [ministry] = codes(tmp_path, province.replace("Ủy ban nhân dân tỉnh, text", "Bộ Tư pháp, text"), "KH409")
    assert "Bộ Tư pháp" in ministry.message
    # A city that may be a province's (Bắc Kạn before 2025): its level is not said, nothing judged.
    city = province.replace("TỈNH AN GIANG", "THÀNH PHỐ BẮC KẠN").replace("Ủy ban nhân dân tỉnh, text",
                                                                        "Công an tỉnh, text")
    assert codes(tmp_path, city, "KH409") == []


@pytest.mark.parametrize(("name", "rank"), [
    ("Công an tỉnh", 3), ("Sở Lao động - Thương binh và Xã hội", 3), ("Bảo hiểm xã hội tỉnh", 3),
    ("UBND các xã trên địa bàn tỉnh", 1), ("Ủy ban nhân dân tỉnh", 4), ("Tỉnh ủy", 4), ("Bộ Công an", 5),
    ("Bộ Chỉ huy Quân sự tỉnh", 3), ("Trung tâm Y tế huyện", 2), ("Chính phủ", 6), ("Các tổ chức đoàn thể", None),
])
def test_body_levels(name: str, rank: int | None) -> None:
    assert body_rank(name) == rank


TABLE = """\
appendices:
  - title: Danh mục nhiệm vụ cải cách hành chính năm 2026
    tables:
      - columns: [{title: STT}, {title: Nhiệm vụ}, {title: Sản phẩm}, {title: Chủ trì thực hiện},
                  {title: Phối hợp thực hiện}]
        rows:
          - {number: I, group: Cải cách thể chế}
          - ["1", Đăng tải văn bản quy phạm pháp luật lên cơ sở dữ liệu quốc gia, Văn bản được đăng tải,
             {value: Sở Tư pháp, rows: 2}, ""]
          - ["2", Công bố danh mục văn bản hết hiệu lực, Danh mục, "Các sở, ngành"]
          - ["3", Rà soát thủ tục hành chính nội bộ, Báo cáo rà soát, "", Văn phòng UBND tỉnh]
          - ["", "", "", "", ""]
          - ["**II**", "**CẢI CÁCH TỔ CHỨC BỘ MÁY**", "", "", ""]  # a group read as a row (crawled text)
          - [Quyết định của Chủ tịch UBND tỉnh, "", "", "", ""]  # a line carried over from the row above
"""


def test_kh410_a_task_row_with_an_empty_lead_cell(tmp_path: Path) -> None:
    [missing] = codes(tmp_path, TABLE, "KH410")  # row 2's lead is merged from row 1; empty, group and carried rows are no tasks
    assert missing.severity is Severity.warning
    assert "Rà soát thủ tục hành chính nội bộ" in missing.message and "Chủ trì thực hiện" in missing.message
    assert missing.line == 11  # the row of task 3


def test_kh410_a_table_without_a_lead_column_is_not_judged(tmp_path: Path) -> None:
    assert codes(tmp_path, TABLE.replace("Chủ trì thực hiện", "Ghi chú"), "KH410") == []


def test_a_task_item_without_a_lead_is_a_warning_and_an_error_under_a_profile(tmp_path: Path) -> None:
    """A task (partners, a deadline) with no lead: KH410's warning; under a superior's guidance
    that requires a lead (profile ldte-2021), KH115's error instead — the build refuses only then."""
    fragment = ("sections:\n  - role: solutions\n    items:\n"
                "      - {text: Tổ chức hội nghị tập huấn., partners: [Sở Tư pháp], deadline: Quý II/2026}\n")
    [warning] = codes(tmp_path, fragment, "KH410")
    assert warning.severity is Severity.warning and warning.line == 4
    assert codes(tmp_path, fragment, "KH115") == []
    guided = "profile: ldte-2021\n" + fragment
    assert codes(tmp_path, guided, "KH410") == []
    [error] = codes(tmp_path, guided, "KH115")
    assert error.severity is Severity.error
