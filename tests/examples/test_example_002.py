"""Example 002: decision 224/QĐ-LĐTBXH (Bộ Lao động - Thương binh và Xã hội, 27/02/2012) and the
2012 work programme it issues. The decision signs; the programme is its attachment."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

import pytest

import kehoach
from kehoach.common.diagnostics import Severity
from kehoach.model import Plan, Role
from kehoach.lint.rules.registry import walk_items

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "002-bo-ldtbxh-qd-224.yaml"
SEED = Path(__file__).parents[1] / "fixtures" / "seeds" / "002_580adc5e3e93c63e.txt"

# A seed line's own label: I.  1.  1.1.  9.2  -  +  *
LABEL = re.compile(r"^(?:[IVX]+\.|\d+(?:\.\d+)*\.?|[-+*])\s+")


@pytest.fixture(scope="module")
def plan() -> Plan:
    return kehoach.load(EXAMPLE)


def strings(value):
    """Every string held anywhere in a model (pydantic dump)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)


def test_checks_without_errors() -> None:
    # Warnings remain where the example keeps the seed's own wording verbatim (agency
    # capitalisation, dash styles, the trích yếu in capitals, "Xét đề nghị …,", "Như điều 3"; each
    # listed in tests/lint/test_real_plans.py); `kehoach check` passes with them, `--strict` would not.
    found = kehoach.check(EXAMPLE)
    assert [d for d in found if d.severity is Severity.error] == []
    assert {d.code for d in found} <= {"KH303", "KH304", "KH215", "KH216", "KH218"}


def test_letterhead_is_the_decisions(plan: Plan) -> None:
    lh = plan.letterhead
    assert lh.issuer == ["BỘ LAO ĐỘNG - THƯƠNG BINH", "VÀ XÃ HỘI"]
    assert lh.abbreviation == "LĐTBXH"
    assert lh.number == "224"  # text, not the integer 224
    assert lh.date == dt.date(2012, 2, 27)
    assert lh.place == "Hà Nội"
    assert plan.symbol == "QĐ-LĐTBXH"  # computed: the decision's type, not the programme's (CTr)


def test_decision_articles_recipients_and_signature(plan: Plan) -> None:
    decision = plan.decision
    assert decision.authority == "BỘ TRƯỞNG BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"
    assert len(decision.bases) == 3 and all(b.startswith("Căn cứ ") for b in decision.bases)
    assert not any(b.endswith(";") for b in decision.bases)  # the tool punctuates
    assert decision.proposal.startswith("Xét đề nghị của Vụ trưởng Vụ Kế hoạch")
    assert len(decision.articles) == 3
    assert decision.articles[1].text == ["Quyết định này có hiệu lực kể từ ngày ký."]
    recipients = decision.recipients
    assert [r.purpose for r in recipients.items][:3] == ["để thực hiện", "để chỉ đạo thực hiện", "để báo cáo"]
    assert not any(r.name.startswith("-") or r.name.endswith(";") for r in recipients.items)
    assert recipients.archive.units == ["VT", "KHTC"]
    assert (decision.signature.title, decision.signature.name) == ("BỘ TRƯỞNG", "Phạm Thị Hải Chuyền")
    assert decision.signature.authority is None


def test_programme_is_unsigned_and_has_three_sections(plan: Plan) -> None:
    assert plan.kind == "CHƯƠNG TRÌNH"
    assert plan.signature is None and plan.recipients is None
    assert [s.role for s in plan.sections] == [Role.goals, Role.solutions, Role.assignments]
    assert [s.numbering for s in plan.sections] == [None, ["1.", "1.1.", "-", "+"], None]
    goals, solutions, assignments = plan.sections
    assert len(goals.items) == 8
    assert len(solutions.items) == 14 and all(group.heading for group in solutions.items)
    assert len(assignments.items) == 4
    assert not assignments.items[-1].text[-1].endswith("./.")  # the tool adds the end mark


def test_irregular_seed_labels_are_kept_literally(plan: Plan) -> None:
    groups = plan.sections[1].items
    assert [i.label for i in groups[8].items] == [None, "9.2", "9.3.", "9.4."]
    assert [i.label for i in groups[10].items] == ["11.1.", "11.2.", "11.3."]
    # Points under 1.1. are dashes: the two-level decimal scheme computes them, no literal label.
    assert {i.label for i in groups[0].items[0].items} == {None}
    # 5.2. has "+" projects one level above where the scheme puts "+", with "*" lines under them.
    projects = groups[4].items[1].items[2].items
    assert [p.label for p in projects] == ["+", "+"]
    assert [line.label for line in projects[0].items] == ["*", "*"]


def test_lead_units_are_named(plan: Plan) -> None:
    solutions = plan.sections[1]
    leads = [item.lead for _loc, item in walk_items(solutions.items, ()) if item.lead]
    assert len(leads) >= 38
    assert leads[0] == "Vụ Pháp chế"
    assert "Cục Việc làm, Sở Lao động – Thương binh và Xã hội các tỉnh, thành phố" in leads
    # Every lead is quoted from its own item's text, so the build adds no "Cơ quan chủ trì" line.
    for _loc, item in walk_items(solutions.items, ()):
        if item.lead:
            assert item.lead in " ".join([item.heading or "", *item.text]), item.lead


def test_text_is_clean_nfc_without_control_characters(plan: Plan) -> None:
    # Folded (>-) scalars once came back with ruamel's "\a" fold markers in them.
    for text in strings(plan.model_dump(mode="json")):
        assert unicodedata.is_normalized("NFC", text), text
        assert not re.search(r"[\x00-\x1f]", text.replace("\n", "")), repr(text)


def body_texts(plan: Plan) -> list[str]:
    """The programme's headings and paragraphs in reading order, without labels."""
    out = list(plan.preamble.paragraphs) + [plan.preamble.enacting.text]
    for section in plan.sections:
        out.append(section.heading)
        out += section.text
        for _loc, item in walk_items(section.items, ()):
            if item.heading:
                out.append(item.heading)
            out += item.text
    return out


def missing_in_order(paragraphs: list[str], texts: list[str]) -> list[str]:
    missing, position = [], 0
    for paragraph in paragraphs:
        found = next((i for i in range(position, len(texts)) if texts[i] == paragraph), None)
        if found is None:
            missing.append(paragraph)
        else:
            position = found + 1
    return missing


# Corrections the example makes to the seed (each commented in the YAML): the dates that rule
# KH203 flags.
CORRECTIONS = {
    "ngày 25/04/2011": "ngày 25/4/2011",
    "trong tháng 2 năm 2012": "trong tháng 02 năm 2012",
}


def seed_body() -> list[str]:
    text = SEED.read_text(encoding="utf-8")
    for wrong, right in CORRECTIONS.items():
        assert text.count(wrong) == 1, wrong  # a correction that no longer applies is a stale test
        text = text.replace(wrong, right)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    start = next(i for i, line in enumerate(lines) if line.startswith("Triển khai thực hiện nhiệm vụ năm 2012"))
    body = [LABEL.sub("", line) for line in lines[start:]]
    body[-1] = body[-1].removesuffix("./.")  # the end mark is the tool's
    return body


def test_programme_body_is_the_seeds_verbatim_and_in_order(plan: Plan) -> None:
    body = seed_body()
    assert len(body) > 200
    assert missing_in_order(body, body_texts(plan)) == []


def test_order_check_notices_a_dropped_point(plan: Plan) -> None:
    dropped = plan.sections[1].items[2].items[0].items.pop(1)  # 3.1., second dash
    assert missing_in_order(seed_body(), body_texts(plan)) == dropped.text
