"""KH402 reads Nơi nhận lines the way officers write them (issue 23): abbreviations, group lines, the
issuer's own officers. Cases from real plans (public administrative texts; sources named)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach.lint import lint
from kehoach.lint.config import Config
from kehoach.lint.recipient_names import covers, group_covers, issuers_own, name_forms
from kehoach.lint.rules.registry import complete_example
from kehoach.source.loader import load_path

MTTQ_XA = """\
letterhead:
  parent: ỦY BAN MTTQ VIỆT NAM HUYỆN CHÂU THÀNH
  issuer: ỦY BAN MTTQ VIỆT NAM XÃ TÂN HÒA
  abbreviation: MTTQ
  number: "05"
  place: Tân Hòa
  date: 2024-12-02
sections:
  - role: assignments
    items:
{duties}
recipients:
  items:
{recipients}
  archive: {{units: [VT]}}
"""


def kh402(tmp_path: Path, duties: list[str], recipients: list[str]) -> list[str]:
    text = MTTQ_XA.format(duties="\n".join(f"      - {{body: \"{d}\", text: Thực hiện.}}" for d in duties),
                          recipients="\n".join(f"    - \"{r}\"" for r in recipients))
    path = tmp_path / "plan.yaml"
    path.write_text(complete_example(text), encoding="utf-8")
    return [d.message.split("'")[1] for d in lint(load_path(path), config=Config()) if d.code == "KH402"]


def test_a_commune_front_plan_s_recipients_cover_its_duties(tmp_path: Path) -> None:
    """Issue 23's eight false alarms on a commune Mặt trận plan (election of 2026)."""
    duties = ["Ban Thường trực Ủy ban MTTQ xã", "Các tổ chức chính trị - xã hội xã",
              "Ban công tác Mặt trận các thôn", "Các đồng chí Ủy viên Ủy ban MTTQ xã",
              "Hội Nông dân xã", "Công an xã"]
    recipients = ["BTT Ủy ban MTTQ VN huyện", "Các tổ chức thành viên MTTQ xã", "Ban công tác MT thôn"]
    assert kh402(tmp_path, duties, recipients) == ["Công an xã"]


@pytest.mark.parametrize(("recipient", "body", "expected"), [
    ("BTT Ủy ban MTTQ VN xã", "Ban Thường trực Ủy ban MTTQ xã", True),
    ("Ban công tác MT thôn", "Ban công tác Mặt trận các thôn", True),
    ("TT HĐND xã", "Thường trực Hội đồng nhân dân xã", True),  # TT: the standing body …
    ("TT Y tế huyện", "Trung tâm Y tế huyện", True),  # … or a centre
    ("Bộ KH&CN", "Sở Khoa học và Công nghệ", False),  # a ministry is not a department
])
def test_abbreviations(recipient: str, body: str, expected: bool) -> None:
    assert covers(name_forms(recipient, {}), name_forms(body, {})) is expected


@pytest.mark.parametrize(("recipient", "body", "expected"), [
    # UBND tỉnh Lâm Đồng, Kế hoạch kiểm tra CCHC năm 2026: "- Các cơ quan chuyên môn thuộc UBND tỉnh;"
    ("Các cơ quan chuyên môn thuộc UBND tỉnh", "Sở Nội vụ", True),
    ("Các cơ quan chuyên môn thuộc UBND tỉnh", "Các cơ quan, đơn vị được kiểm tra", True),
    ("Các cơ quan chuyên môn thuộc UBND tỉnh", "Công an tỉnh", False),
    # Sở TT&TT Phú Thọ, Kế hoạch đào tạo quản lý văn bản (2011): "- Các phòng, ban thuộc Sở;"
    ("Các phòng, ban thuộc Sở", "Phòng Công nghệ thông tin", True),
    ("Các phòng, ban thuộc Sở", "Văn phòng Sở", True),
    ("Các phòng, ban thuộc Sở", "Các phòng ban tham gia đào tạo", True),
    ("Các tổ chức thành viên MTTQ xã", "Đoàn Thanh niên Cộng sản Hồ Chí Minh xã", True),
    ("Các đoàn thể", "Hội Liên hiệp Phụ nữ xã", True),
    ("Các tổ chức thành viên", "Công an xã", False),
    ("Sở, ban, ngành, đoàn thể tỉnh", "Ngân hàng Chính sách xã hội tỉnh", True),
    ("Sở, ban, ngành, đoàn thể tỉnh", "UBND các xã, phường", False),
    ("UBND các xã, phường, đặc khu", "Ủy ban nhân dân các xã", True),
])
def test_group_lines(recipient: str, body: str, expected: bool) -> None:
    assert group_covers(recipient, body) is expected


def test_the_issuers_own_officers() -> None:
    issuer = name_forms("ỦY BAN MTTQ VIỆT NAM XÃ TÂN HÒA", {})
    assert issuers_own("Ban Thường trực Ủy ban MTTQ Việt Nam xã", issuer, {})
    assert issuers_own("Các Phó Chủ tịch", issuer, {})
    assert not issuers_own("Chủ tịch Hội Nông dân xã", issuer, {})
    assert not issuers_own("Hội Nông dân xã", issuer, {})
