"""The two real plans imported from their crawled text: the result loads against the schema, its
findings are the document's own (no structure errors), and it rebuilds to ≥ 99% of its words."""

from __future__ import annotations

from pathlib import Path

import pytest

import kehoach
from kehoach.build import render
from kehoach.importers import import_plan
from kehoach.model.style import SCHEMES

from wordcompare import differences, match_ratio

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "real-plans"


def crawl(name: str) -> str:
    """The crawled page as an officer copies it: without the SOURCE line the fixture starts with."""
    text = (FIXTURES / f"{name}.txt").read_text("utf-8")
    return text.split("\n", 1)[1] if text.startswith("SOURCE:") else text


def imported(name: str, tmp_path: Path):
    copied = tmp_path / f"{name}.txt"
    copied.write_text(crawl(name), "utf-8")
    result = import_plan(copied)
    out = tmp_path / f"{name}.yaml"
    out.write_text(result.yaml, "utf-8")
    return result, out, kehoach.load(out)


@pytest.mark.parametrize("name", ["daklak-0134-kh-ubnd-2025", "nghean-980-kh-ubnd-2025"])
def test_real_plan_rebuilds_to_its_words(name, tmp_path):
    _result, out, plan = imported(name, tmp_path)
    source = crawl(name)
    rebuilt = render(plan, "txt").decode("utf-8")
    ratio, matched, total, _ = match_ratio(source, rebuilt)
    # Measured: Đắk Lắk 7315 of 7321 words (99.92%), Nghệ An 1947 of 1947 (100%).
    assert ratio >= 0.99, differences(source, rebuilt)
    errors = {d.code for d in kehoach.check(out) if d.severity.value == "error"}
    # The schema accepts the file (kehoach.load above), and nothing stops its build: the originals'
    # own slips (dates not padded per the decree, KH203) are warnings (issue 23).
    assert errors == set()


def test_daklak_structure(tmp_path):
    _result, _out, plan = imported("daklak-0134-kh-ubnd-2025", tmp_path)
    lh = plan.letterhead
    assert (lh.number, lh.symbol, lh.place, str(lh.date)) == ("0134", "KH-UBND", "Đắk Lắk", "2025-11-25")
    assert lh.issuer == ["ỦY BAN NHÂN DÂN", "TỈNH ĐẮK LẮK"]
    assert len(plan.preamble.bases) == 16
    assert plan.preamble.enacting is not None
    assert [s.heading.upper().rstrip(".") for s in plan.sections] == [
        "MỤC TIÊU", "NỘI DUNG KẾ HOẠCH", "DỰ TOÁN KINH PHÍ THỰC HIỆN:", "TỔ CHỨC THỰC HIỆN"]
    # 1. → 1.1. → 1.1.1. → a. (then - and +): the original's scheme, so no literal labels there
    assert plan.sections[1].numbering == ["1.", "1.1.", "1.1.1.", "a."]
    timing = plan.sections[0].items[2]  # "**3. Thời gian thực hiện: **Từ năm 2026 - 2030."
    assert (timing.heading, timing.run_in, timing.text) == ("Thời gian thực hiện:", True, ["Từ năm 2026 - 2030."])
    sig = plan.signature
    assert (sig.on_behalf_of, sig.authority, sig.head_title, sig.title, sig.name) == (
        "ỦY BAN NHÂN DÂN", "KT", "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trương Công Thái")
    assert len(plan.recipients.items) == 7
    assert plan.recipients.archive.units == ["VT", "NNMT (Q-05b)"]
    # The original sets its labels in capitals; the decree's default is "Phụ lục I" (Phụ lục I, III.1.b).
    assert [a.label for a in plan.appendices] == ["PHỤ LỤC I", "PHỤ LỤC II"]
    assert all(a.tables for a in plan.appendices)
    assert plan.period.start == 2026 and plan.period.end == 2030


def test_nghean_structure(tmp_path):
    _result, _out, plan = imported("nghean-980-kh-ubnd-2025", tmp_path)
    assert (plan.letterhead.number, plan.letterhead.issuer_name) == ("980", "UBND tỉnh Nghệ An")
    assert [s.role.value for s in plan.sections] == ["purpose", "content", "budget", "assignments"]
    content = plan.sections[1]
    assert len(content.items) == 8
    assert content.closing == ["(Chi tiết Danh mục nhiệm vụ tại Phụ lục kèm theo)"] and content.closing_italic
    assert plan.closing[-1].startswith("Yêu cầu các sở")
    assert plan.signature.name == "Nguyễn Văn Đệ"
    assert plan.recipients.archive.units == ["VT", "NC (TP, Dũng)"]
    table = plan.appendices[0].tables[0]
    assert [c.title for c in table.columns[:6]] == [
        "TT", "Nội dung thực hiện", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành",
        "Sản phẩm dự kiến"]
