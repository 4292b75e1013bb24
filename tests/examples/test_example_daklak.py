"""Example daklak-0134-kh-ubnd: the real plan 0134/KH-UBND of UBND tỉnh Đắk Lắk (25/11/2025), transcribed
in full with its two appendix tables (the monitoring points, the costed budget). Its rendered text says
what the crawled original says, word for word; its .docx is read back, not the model."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
import yaml
from docx.oxml.ns import qn

from docx_read import find_paragraph, open_docx, paragraph_text, uniform_format
from kehoach.build import render
from kehoach.model import GroupRow, Plan
from kehoach.source.loader import load_path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "daklak-0134-kh-ubnd.yaml"
SOURCE = ROOT / "tests" / "fixtures" / "real-plans" / "daklak-0134-kh-ubnd-2025.txt"
sys.path.insert(0, str(ROOT / "tests" / "importers"))
from wordcompare import differences, words  # noqa: E402

# The original's mistakes the example corrects (each marked "Corrected" in the example), as
# (crawl text, as the example prints it); each must still occur in the crawl.
ERRATA = [
    ("định số 66/2018/QĐ- UBND", "định số 66/2018/QĐ-UBND"),  # a space inside the ký hiệu (KH401)
]
MAX_LABELS = 5


@pytest.fixture(scope="module")
def plan() -> Plan:
    loaded = load_path(EXAMPLE)
    assert loaded.plan is not None, loaded.diagnostics
    return loaded.plan


@pytest.fixture(scope="module")
def document(plan: Plan):
    return open_docx(render(plan, "docx"))


def source_text() -> str:
    """The crawl as published (its SOURCE line left out), the example's corrections applied."""
    text = SOURCE.read_text(encoding="utf-8").split("\n", 1)[1]
    for wrong, right in ERRATA:
        assert text.count(wrong) == 1, f"erratum {wrong!r} no longer occurs once in the crawl"
        text = text.replace(wrong, right)
    return text


def test_rendered_text_is_the_original_word_for_word(plan: Plan) -> None:
    """Every word of the crawl, in order, and nothing else: the crawl's markup (table pipes, rules,
    emphasis marks) is left out on both sides by ``wordcompare.words``."""
    expected, actual = source_text(), render(plan, "txt").decode("utf-8")
    assert len(words(expected)) > 7000
    assert words(actual) == words(expected), differences(expected, actual)


def test_comparison_sees_a_changed_word(plan: Plan) -> None:
    actual = render(plan, "txt").decode("utf-8").replace("1.364.329.243", "1.364.329.234", 1)
    assert words(actual) != words(source_text())


def test_no_more_than_a_handful_of_literal_labels() -> None:
    def labels(node) -> int:
        if isinstance(node, dict):
            return ("label" in node) + sum(labels(v) for v in node.values())
        if isinstance(node, list):
            return sum(labels(v) for v in node)
        return 0

    count = labels(yaml.safe_load(EXAMPLE.read_text(encoding="utf-8")))
    assert 0 < count <= MAX_LABELS  # the two appendix labels "PHỤ LỤC I", "PHỤ LỤC II"


def test_every_correction_is_recorded_in_the_example() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert text.count("    # Corrected:") == len(ERRATA) + 1  # + the a./b. split


def budget_table(document):
    note = find_paragraph(document, "DỰ TOÁN KINH PHÍ QUAN TRẮC VÀ CẢNH BÁO")
    for el in note.itersiblings():
        if el.tag == qn("w:tbl"):
            return el
    raise AssertionError("no table after the budget appendix title")


def test_budget_table_groups_nest_and_carry_their_subtotals(plan: Plan, document) -> None:
    rows = plan.appendices[1].tables[0].rows
    groups = [r for r in rows if isinstance(r, GroupRow)]
    assert [g.number for g in groups][:6] == ["I", "1", "1.1", "1.1.1", "a", "b"]
    assert groups[-1].number is None and groups[-1].group.startswith("Tổng")
    table_rows = budget_table(document).findall(qn("w:tr"))
    texts = [[paragraph_text(c) for c in r.findall(qn("w:tc"))] for r in table_rows]
    # Each group row: its number, its title across the columns to "Thành tiền", its subtotal there.
    first = next(t for t in texts if t[:1] == ["I"])
    assert first[1] == "Quan trắc và cảnh báo môi trường NTTS" and first[2] == "1.364.329.243"
    total = next(t for t in texts if t and t[0].startswith("Tổng"))
    assert total[1] == "1.500.000.000"
    data = [t for t in texts if len(t) == 10]
    assert len(data) == 1 + sum(isinstance(r, list) for r in rows)  # + the header row
    assert len(data) > 140


def test_section_four_prints_as_the_original_sets_it(document) -> None:
    heading = find_paragraph(document, "IV. Tổ chức thực hiện.", exact=True)  # heading_case: as-written
    assert uniform_format(document, heading).bold


def test_split_points_a_and_b(document) -> None:
    """The crawl runs "a. Thời gian … hàng năm b. Địa điểm …" together; the example has two points."""
    a = find_paragraph(document, "a. Thời gian thực hiện: Từ tháng 3 đến tháng 11 hàng năm", exact=True)
    b = a.getnext()
    assert paragraph_text(b) == "b. Địa điểm, số điểm quan trắc"
    assert not re.search(r"\bb\. Địa điểm", paragraph_text(a))
