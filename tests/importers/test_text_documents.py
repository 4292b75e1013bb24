"""Plain-text public documents: a decision issuing a programme, and an official letter (not a plan)."""

from pathlib import Path

import pytest

import kehoach
from kehoach.build import render
from kehoach.common.diagnostics import KehoachError
from kehoach.importers import import_plan

from wordcompare import differences, match_ratio

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"


def test_decision_issuing_a_programme_from_text(tmp_path):
    source = FIXTURES / "qd-224-ldtbxh-2012.txt"
    out = tmp_path / "qd.yaml"
    out.write_text(import_plan(source).yaml, "utf-8")
    plan = kehoach.load(out)
    decision = plan.decision
    assert decision is not None and plan.kind == "CHƯƠNG TRÌNH"
    assert plan.title.startswith("CÔNG TÁC")  # "CHƯƠNG TRÌNH CÔNG TÁC" on one line, then the rest
    assert decision.authority == "BỘ TRƯỞNG BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"
    assert len(decision.bases) == 3 and decision.proposal.startswith("Xét đề nghị")
    assert len(decision.articles) == 3
    assert (decision.signature.title, decision.signature.name) == ("BỘ TRƯỞNG", "Phạm Thị Hải Chuyền")
    assert len(decision.recipients.items) == 7
    assert (plan.letterhead.number, str(plan.letterhead.date)) == ("224", "2012-02-27")
    assert [s.role.value for s in plan.sections] == ["goals", "solutions", "assignments"]
    text = source.read_text("utf-8")
    rebuilt = render(plan, "txt").decode("utf-8")
    ratio, *_ = match_ratio(text, rebuilt)
    assert ratio >= 0.99, differences(text, rebuilt)  # measured: 13155 of 13179 words (99.82%)


def test_an_official_letter_is_not_a_plan():
    with pytest.raises(KehoachError) as caught:
        import_plan(FIXTURES / "cv-5732-vp-kgvx-2021.txt")
    assert caught.value.diagnostics[0].code == "KH505"
