"""What the Đắk Lắk plan 0134/KH-UBND needed of the importer: bases ended with the source's own
marks, and group rows numbered "1.1", "1.1.1" (not only "I", "1", "a") read back as group rows."""

from pathlib import Path

import pytest
import yaml

import kehoach
from kehoach.build import render
from kehoach.importers import import_plan
from kehoach.importers.common import basis_marks
from kehoach.model import GroupRow

PLAN = """\
letterhead: {{issuer: [ỦY BAN NHÂN DÂN, TỈNH ĐẮK LẮK], abbreviation: UBND, number: "5", symbol: KH-UBND, place: Đắk Lắk, date: 2025-11-25}}
title: Quan trắc môi trường
{generated}
preamble:
  bases: {bases}
  enacting: {{text: "Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:"}}
sections:
  - role: goals
    items: [Quan trắc môi trường nuôi trồng thủy sản.]
appendices:
  - title: Dự toán kinh phí
    tables:
      - columns: [TT, Chỉ tiêu, Số lượng, Thành tiền]
        rows:
          - {{number: I, group: Quan trắc, cells: ["30"]}}
          - {{number: "1.1", group: Vùng nuôi tôm, cells: ["20"]}}
          - {{number: "1.1.1", group: Mẫu nước nguồn cấp, cells: ["20"]}}
          - ["-", Nhiệt độ, "2", "20"]
          - {{group: Tổng, cells: ["30"]}}
signature: {{authority: KT, on_behalf_of: ỦY BAN NHÂN DÂN, head_title: CHỦ TỊCH, title: PHÓ CHỦ TỊCH, name: Trương Công Thái}}
recipients: {{items: [UBND các xã, phường]}}
"""


@pytest.mark.parametrize(("texts", "switches"), [
    (["Căn cứ A;", "Căn cứ B."], {}),
    (["Căn cứ A;", "Căn cứ B;"], {"last_basis_mark": ";"}),
    (["Căn cứ A.", "Căn cứ B;"], {"basis_marks": "keep"}),
    (["Căn cứ A", "Căn cứ B;"], {}),  # a missing mark is not a style to keep
])
def test_basis_marks_switches(texts, switches):
    assert basis_marks(texts) == switches


def rebuilt(tmp_path: Path, generated: str, bases: list[str]):
    source = tmp_path / "plan.yaml"
    source.write_text(PLAN.format(generated=generated, bases=yaml.safe_dump(bases, allow_unicode=True,
                                                                             default_flow_style=True).strip()), "utf-8")
    original = kehoach.load(source)
    docx = tmp_path / "plan.docx"
    docx.write_bytes(render(original, "docx"))
    out = tmp_path / "imported.yaml"
    out.write_text(import_plan(docx).yaml, "utf-8")
    return original, kehoach.load(out), yaml.safe_load(out.read_text("utf-8"))


def test_bases_keep_the_marks_they_were_printed_with(tmp_path):
    original, imported, data = rebuilt(tmp_path, "generated: {basis_marks: keep}",
                                       ["Căn cứ Luật Thủy sản năm 2017.", "Căn cứ Luật Bảo vệ môi trường năm 2020;"])
    assert data["generated"]["basis_marks"] == "keep"
    assert render(imported, "txt") == render(original, "txt")


def test_dotted_group_numbers_read_back_as_group_rows(tmp_path):
    original, imported, _ = rebuilt(tmp_path, "", ["Căn cứ Luật Thủy sản năm 2017"])
    rows = imported.appendices[0].tables[0].rows
    assert [(r.number, r.cells) for r in rows if isinstance(r, GroupRow)] == [
        ("I", ["30"]), ("1.1", ["20"]), ("1.1.1", ["20"]), (None, ["30"])]
    assert render(imported, "txt") == render(original, "txt")
