"""compose: Plan → Document (labels, punctuation, dates, wording templates, decision wrapper)."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest

from kehoach.compose import document as doc
from kehoach.common.vn import DATE_BLANK as BLANK
from kehoach.common.vn import NUMBER_BLANK, strip_end
from kehoach.compose.composer import compose, end_mark, needs_landscape, table
from kehoach.common.diagnostics import KehoachError
from kehoach.model import Plan, Table

BASE: dict[str, Any] = {
    "letterhead": {
        "parent": "UBND tỉnh Nghệ An",
        "issuer": "Sở Lao động - Thương binh và Xã hội",
        "abbreviation": "SLĐTBXH",
        "number": "5",
        "place": "Nghệ An",
        "date": dt.date(2025, 1, 5),
    },
    "title": "Thực hiện Chương trình phòng ngừa lao động trẻ em",
    "sections": [{"role": "purpose", "text": "Nâng cao nhận thức."}],
    "signature": {"on_behalf_of": "Ủy ban nhân dân", "authority": "KT", "head_title": "Chủ tịch",
                  "title": "Phó Chủ tịch", "name": "Lê Văn A"},
}


def plan(**changes: Any) -> Plan:
    data = copy.deepcopy(BASE)
    for key, value in changes.items():
        if key.startswith("letterhead_"):
            data["letterhead"][key.removeprefix("letterhead_")] = value
        else:
            data[key] = value
    return Plan.model_validate(data)


def paragraphs(document: doc.Document, part: int = 0) -> list[doc.Paragraph]:
    return [b for b in document.parts[part].blocks if isinstance(b, doc.Paragraph)]


def texts(document: doc.Document, part: int = 0) -> list[str]:
    return [p.text for p in paragraphs(document, part)]


# -- letterhead ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("number", "expected"), [
    ("5", "Số: 05/KH-SLĐTBXH"),
    ("0134", "Số: 0134/KH-SLĐTBXH"),
    ("980", "Số: 980/KH-SLĐTBXH"),
    (None, "Số:           /KH-SLĐTBXH"),  # "Số:" and 11 spaces, as real drafts for signing print it
])
def test_number_line(number: str | None, expected: str) -> None:
    assert compose(plan(letterhead_number=number)).parts[0].letterhead.number_line == expected


@pytest.mark.parametrize(("date", "expected"), [
    (dt.date(2025, 1, 5), "Nghệ An, ngày 05 tháng 01 năm 2025"),
    (dt.date(2021, 8, 4), "Nghệ An, ngày 04 tháng 8 năm 2021"),
    (dt.date(2025, 11, 18), "Nghệ An, ngày 18 tháng 11 năm 2025"),
    ("2024-05", f"Nghệ An, ngày {BLANK} tháng 5 năm 2024"),
    (None, f"Nghệ An, ngày {BLANK} tháng {BLANK} năm {BLANK}"),
])
def test_place_date_padding_and_draft_blanks(date: Any, expected: str) -> None:
    assert compose(plan(letterhead_date=date)).parts[0].letterhead.place_date == expected


def test_letterhead_bodies_upper_case_and_title() -> None:
    part = compose(plan()).parts[0]
    assert part.letterhead.parent == ["UBND TỈNH NGHỆ AN"]
    assert part.letterhead.issuer == ["SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"]
    assert part.title.kind == "KẾ HOẠCH"
    assert part.title.lines == ["Thực hiện Chương trình phòng ngừa lao động trẻ em"]


# -- preamble -----------------------------------------------------------------------------------


def test_bases_get_semicolons_and_a_final_full_stop() -> None:
    document = compose(plan(preamble={"bases": ["Căn cứ Luật Trẻ em năm 2016;", "Căn cứ Nghị định số 1,",
                                                "Thực hiện Kế hoạch số 2."],
                                      "enacting": {"body": "Sở Lao động - Thương binh và Xã hội"}}))
    bases = paragraphs(document)[:3]
    assert [p.text for p in bases] == ["Căn cứ Luật Trẻ em năm 2016;", "Căn cứ Nghị định số 1;",
                                       "Thực hiện Kế hoạch số 2."]
    assert all(p.kind is doc.ParaKind.basis and p.italic for p in bases)
    assert texts(document)[3] == ("Sở Lao động - Thương binh và Xã hội ban hành Kế hoạch thực hiện Chương trình "
                                  "phòng ngừa lao động trẻ em như sau:")


def test_bases_upright_when_plan_says_so_and_literal_enacting() -> None:
    document = compose(plan(preamble={"bases": ["Căn cứ A"], "bases_italic": False,
                                      "enacting": {"text": "Sở ban hành Kế hoạch với nội dung sau:"}}))
    first, second = paragraphs(document)[:2]
    assert (first.text, first.italic) == ("Căn cứ A.", False)
    assert second.text == "Sở ban hành Kế hoạch với nội dung sau:"


# -- labels ---------------------------------------------------------------------------------------


def test_section_and_item_labels_standard() -> None:
    letters = [f"điểm {i}" for i in range(7)]
    document = compose(plan(sections=[
        {"role": "purpose", "items": [{"heading": "Mục đích", "text": "Nâng cao."}, "Khoản hai."]},
        {"heading": "Nhiệm vụ", "items": [{"text": "Khoản có điểm.", "items": [
            {"text": "Điểm a.", "items": [{"text": "Ý.", "items": ["Ý nhỏ."]}]}, *letters[1:]]}]},
    ]))
    labelled = [(p.label, p.text) for p in paragraphs(document) if p.label]
    assert labelled[:4] == [("I.", "I. MỤC ĐÍCH, YÊU CẦU"), ("1.", "1. Mục đích"), ("2.", "2. Khoản hai."),
                            ("II.", "II. NHIỆM VỤ")]
    assert [label for label, _ in labelled[4:]] == ["1.", "a)", "-", "+", "b)", "c)", "d)", "đ)", "e)", "g)"]
    heading = paragraphs(document)[0]
    assert heading.bold and heading.kind is doc.ParaKind.heading
    khoan = paragraphs(document)[1]
    assert khoan.bold and khoan.kind is doc.ParaKind.heading  # a khoản with a heading is bold
    plain = paragraphs(document)[3]
    assert plain.kind is doc.ParaKind.item and not plain.bold


def test_decimal_numbering() -> None:
    document = compose(plan(sections=[{"heading": "Giải pháp", "numbering": "decimal", "items": [
        {"heading": "Nhóm một", "items": [{"text": "Một.", "items": ["Chi tiết.", {"text": "Hai.", "items": ["Ý."]}]},
                                          "Hai."]},
        {"heading": "Nhóm hai", "items": ["Ba."]},
    ]}]))
    assert [p.label for p in paragraphs(document)][:-1] == ["I.", "1.", "1.1.", "1.1.1.", "1.1.2.", "-", "1.2.",
                                                       "2.", "2.1."]


def test_two_level_decimal_numbering_then_dash_and_plus() -> None:
    document = compose(plan(sections=[{"heading": "Giải pháp", "numbering": "decimal-2", "items": [
        {"heading": "Nhóm một", "items": [{"text": "Một.", "items": [{"text": "Ý.", "items": ["Ý nhỏ."]}, "Ý hai."]},
                                          "Hai."]},
    ]}]))
    assert [p.label for p in paragraphs(document)][:-1] == ["I.", "1.", "1.1.", "-", "+", "-", "1.2."]


def test_literal_labels_do_not_take_a_number() -> None:
    document = compose(plan(sections=[
        {"heading": "Một", "items": ["A.", {"label": "*", "text": "Ghi chú."}, {"label": "", "text": "Đoạn."}, "B."]},
        {"heading": "Phần riêng", "label": "A."},
        {"heading": "Hai"},
    ]))
    assert [(p.label, p.kind.value) for p in paragraphs(document)] == [
        ("I.", "heading"), ("1.", "item"), ("*", "item"), ("", "body"), ("2.", "item"),
        ("A.", "heading"), ("II.", "heading"), ("", "closing")]


def test_run_in_heading_is_one_paragraph_with_a_bold_first_run() -> None:
    document = compose(plan(sections=[{"role": "assignments", "items": [
        {"body": "Sở Tài chính", "run_in": True, "text": ["Bố trí kinh phí.", "Hướng dẫn thanh toán."]},
        {"heading": "Thời gian thực hiện:", "run_in": True, "text": "Từ năm 2023 đến năm 2030."},
        {"body": "Ủy ban MTTQ Việt Nam tỉnh", "request": True, "text": "Phối hợp tuyên truyền."},
    ]}]))
    ps = paragraphs(document)
    first = ps[1]
    assert first.text == "1. Sở Tài chính: Bố trí kinh phí."
    assert [(r.text, r.bold) for r in first.runs] == [("Sở Tài chính: ", True), ("Bố trí kinh phí.", False)]
    assert first.label_bold and not first.bold
    assert (ps[2].kind, ps[2].text) == (doc.ParaKind.body, "Hướng dẫn thanh toán.")
    assert ps[3].text == "2. Thời gian thực hiện: Từ năm 2023 đến năm 2030."
    assert (ps[4].text, ps[4].bold) == ("3. Đề nghị Ủy ban MTTQ Việt Nam tỉnh", True)
    assert ps[5].text == "Phối hợp tuyên truyền."


def test_target_sentence_and_task_lines() -> None:
    document = compose(plan(sections=[
        {"role": "goals", "items": [
            {"indicator": "cán bộ được tập huấn", "milestones": {2030: 95.5, 2025: "trên 90%"}, "unit": "%"},
            {"indicator": "cuộc truyền thông", "milestones": {2025: 2}, "unit": "cuộc/năm"}]},
        {"role": "solutions", "items": [
            {"text": "Sở Tư pháp tổ chức tập huấn.", "lead": "Sở Tư pháp", "partners": ["Sở Nội vụ"],
             "deadline": dt.date(2025, 11, 30), "product": "Báo cáo"}]},
    ]))
    t = texts(document)
    assert t[1] == "1. Phấn đấu đến năm 2025 đạt trên 90% và đến năm 2030 đạt 95,5% cán bộ được tập huấn."
    assert t[2] == "2. Phấn đấu đến năm 2025 đạt 2 cuộc/năm cuộc truyền thông."
    # The lead is already named in the text, so only the missing attributes get a line.
    assert t[4:8] == ["1. Sở Tư pháp tổ chức tập huấn.", "- Cơ quan phối hợp: Sở Nội vụ",
                      "- Thời gian thực hiện: 30/11/2025", "- Sản phẩm: Báo cáo"]


def test_budget_lines_use_the_thousands_separator() -> None:
    document = compose(plan(sections=[{"role": "budget", "budget": {
        "text": "Nguồn ngân sách tỉnh.", "lines": [{"name": "Tập huấn", "amount": 1_500_000_000,
                                                   "lines": [{"name": "Tài liệu", "amount": 20_000_000}]}],
        "total": 1_520_000_000}}]))
    assert texts(document)[1:5] == ["Nguồn ngân sách tỉnh.", "- Tập huấn: 1.500.000.000 đồng",
                                    "+ Tài liệu: 20.000.000 đồng", "Tổng cộng: 1.520.000.000 đồng."]


def test_reporting_rule_sentence() -> None:
    document = compose(plan(sections=[{"role": "reporting", "reporting": [
        {"reporter": "Các phòng, ban", "recipient": "UBND thành phố", "frequency": "annual",
         "due_day": 10, "due_month": 12}]}]))
    assert texts(document)[1] == ("Các phòng, ban báo cáo hằng năm kết quả thực hiện về UBND thành phố "
                                  "trước ngày 10 tháng 12.")


# -- closing, end mark, signature, recipients ------------------------------------------------


@pytest.mark.parametrize(("typed", "expected"), [
    ("Đề nghị triển khai thực hiện", "Đề nghị triển khai thực hiện./."),
    ("Đề nghị triển khai thực hiện.", "Đề nghị triển khai thực hiện./."),
    ("Đề nghị triển khai thực hiện./.", "Đề nghị triển khai thực hiện./."),
    ("Đề nghị triển khai thực hiện;", "Đề nghị triển khai thực hiện./."),
])
def test_end_mark_once(typed: str, expected: str) -> None:
    assert end_mark(typed) == expected
    document = compose(plan(closing=["Trên đây là kế hoạch.", typed]))
    assert texts(document)[-2:] == ["Trên đây là kế hoạch.", expected]
    assert sum(t.count("./.") for t in texts(document)) == 1


def test_default_closing_sentence() -> None:
    last = paragraphs(compose(plan()))[-1]
    assert last.kind is doc.ParaKind.closing
    assert last.text == ("Trên đây là kế hoạch thực hiện Chương trình phòng ngừa lao động trẻ em của "
                         "Sở Lao động - Thương binh và Xã hội. Đề nghị các cơ quan, đơn vị liên quan triển khai "
                         "thực hiện./.")


def test_signature_lines_upper_case() -> None:
    sig = compose(plan()).parts[0].closing.signature
    assert (sig.authority_lines, sig.title, sig.name) == (["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"], "PHÓ CHỦ TỊCH",
                                                          "Lê Văn A")


def test_recipients_punctuation() -> None:
    document = compose(plan(recipients={
        "items": [{"name": "Bộ LĐTBXH", "purpose": "để báo cáo"}, "Các sở, ngành;",
                  {"name": "UBND các huyện", "items": ["UBND huyện A.", "UBND huyện B"]}],
        "groups": [{"heading": "Gửi bản giấy", "items": ["Phòng Tư pháp"]}],
        "archive": {"units": ["VT", "NC"], "copies": 2}}))
    lines = document.parts[0].closing.recipients
    assert [(line.text, line.level, line.heading) for line in lines] == [
        ("- Bộ LĐTBXH (để báo cáo);", 0, False), ("- Các sở, ngành;", 0, False), ("- UBND các huyện;", 0, False),
        ("+ UBND huyện A;", 1, False), ("+ UBND huyện B;", 1, False), ("Gửi bản giấy:", 0, True),
        ("- Phòng Tư pháp;", 0, False), ("- Lưu: VT, NC (2).", 0, False)]
    assert [line.text for line in lines if line.text.endswith(".")] == ["- Lưu: VT, NC (2)."]


def test_recipients_default_to_the_archive_line() -> None:
    assert [line.text for line in compose(plan()).parts[0].closing.recipients] == ["- Lưu: VT."]


# -- appendices and tables ----------------------------------------------------------------------


def test_appendix_labels_and_notes() -> None:
    one = compose(plan(appendices=[{"title": "Danh mục nhiệm vụ", "text": "Xem bảng."}])).parts[0].appendices
    assert (one[0].label, one[0].title) == ("Phụ lục", "DANH MỤC NHIỆM VỤ")  # Phụ lục I, III.1.b
    assert one[0].note == ("(Kèm theo Kế hoạch số 05/KH-SLĐTBXH ngày 05 tháng 01 năm 2025 của Sở Lao động - "
                           "Thương binh và Xã hội)")
    two = compose(plan(appendices=[{"title": "Một"}, {"title": "Hai", "label": "PHỤ LỤC 02", "note": "(riêng)"}],
                       letterhead_number=None, letterhead_date=None)).parts[0].appendices
    assert [(a.label, a.note) for a in two] == [
        ("Phụ lục I", f"(Kèm theo Kế hoạch số {NUMBER_BLANK}/KH-SLĐTBXH ngày {BLANK} tháng {BLANK} năm {BLANK} của "
                      "Sở Lao động - Thương binh và Xã hội)"),
        ("PHỤ LỤC 02", "(riêng)")]


def test_table_header_spans_group_rows_and_cells() -> None:
    source = Table.model_validate({
        "columns": [{"title": "TT", "width": 1}, {"title": "Nội dung", "width": 6},
                    {"title": "Thời gian", "columns": ["Bắt đầu", "Kết thúc"]}],
        "rows": [{"group": "I. Nhóm một"}, [1, "Việc một", 2025, None], {"group": "Cộng", "cells": [1_500_000]},
                 ["2", "Việc hai", 4.5, "2026"]]})
    result = table(source)
    assert [[(c.text, c.col_span, c.row_span) for c in row] for row in result.header] == [
        [("TT", 1, 2), ("Nội dung", 1, 2), ("Thời gian", 2, 1)], [("Bắt đầu", 1, 1), ("Kết thúc", 1, 1)]]
    assert [[(c.text, c.col_span) for c in row] for row in result.rows] == [
        [("I. Nhóm một", 4)], [("1", 1), ("Việc một", 1), ("2025", 1), ("", 1)],
        [("Cộng", 3), ("1.500.000", 1)], [("2", 1), ("Việc hai", 1), ("4,5", 1), ("2026", 1)]]
    assert result.rows[0][0].bold and not result.rows[1][0].bold
    assert result.widths_cm == [1, 6, None, None]


@pytest.mark.parametrize(("columns", "landscape", "expected"), [
    ([{"title": "A", "width": 8}, {"title": "B", "width": 8}], None, False),
    ([{"title": "A", "width": 9}, {"title": "B", "width": 8}], None, False),  # 17 cm: shrunk to the page
    ([{"title": "A", "width": 10}, {"title": "B", "width": 8.5}], None, True),  # 18.5 cm
    ([{"title": str(i)} for i in range(8)], None, True),
    ([{"title": str(i)} for i in range(7)], None, False),
    ([{"title": "A", "width": 20}], False, False),
])
def test_landscape_when_too_wide(columns: list, landscape: bool | None, expected: bool) -> None:
    source = Table.model_validate({"columns": columns, "landscape": landscape})
    assert needs_landscape(source) is expected
    document = compose(plan(appendices=[{"title": "Bảng", "tables": [{"columns": columns, "landscape": landscape}]}]))
    assert document.parts[0].appendices[0].landscape is expected


# -- decision wrapper ---------------------------------------------------------------------------


@pytest.mark.parametrize(("typed", "printed"), [
    # Mẫu 1.2/1.3 (NĐ 30) print "Theo đề nghị của ….": a typed "." stays (issue 23), a typed "," too.
    ("Theo đề nghị của Giám đốc Sở Nội vụ.", "Theo đề nghị của Giám đốc Sở Nội vụ."),
    ("Xét đề nghị của Vụ trưởng Vụ Kế hoạch – Tài chính,", "Xét đề nghị của Vụ trưởng Vụ Kế hoạch – Tài chính,"),
    ("Theo đề nghị của Chánh Văn phòng", "Theo đề nghị của Chánh Văn phòng."),
])
def test_decision_proposal_keeps_its_typed_punctuation(typed: str, printed: str) -> None:
    document = compose(plan(
        signature=None, decision={"title": "Về ban hành Kế hoạch", "authority": "Chủ tịch Ủy ban nhân dân tỉnh",
                                  "bases": ["Căn cứ Luật Tổ chức chính quyền địa phương;"], "proposal": typed,
                                  "articles": [{"text": "Ban hành kèm theo Quyết định này Kế hoạch."}],
                                  "signature": {"title": "Chủ tịch", "name": "Lê Văn A"}}))
    assert printed in [p.text for p in paragraphs(document, 0)]


def test_decision_wrapper_parts() -> None:
    document = compose(plan(
        kind="CHƯƠNG TRÌNH", signature=None, letterhead_number="224", letterhead_date=dt.date(2012, 2, 27),
        decision={"title": "Về ban hành Chương trình công tác năm 2012",
                  "authority": "Bộ trưởng Bộ Lao động - Thương binh và Xã hội",
                  "bases": ["Căn cứ Nghị định số 186/2007/NĐ-CP;", "Căn cứ Nghị quyết số 01/NQ-CP."],
                  "proposal": "Xét đề nghị của Vụ trưởng Vụ Kế hoạch - Tài chính.",
                  "articles": [{"text": "Ban hành kèm theo Quyết định này Chương trình công tác năm 2012."},
                               {"heading": "Hiệu lực", "text": "Quyết định này có hiệu lực kể từ ngày ký."}],
                  "signature": {"title": "Bộ trưởng", "name": "Phạm Thị Hải Chuyền"}},
        appendices=[{"title": "Chỉ tiêu"}]))
    decision, attached = document.parts
    assert decision.letterhead.number_line == "Số: 224/QĐ-SLĐTBXH"
    assert decision.letterhead.place_date == "Nghệ An, ngày 27 tháng 02 năm 2012"
    assert (decision.title.kind, decision.title.lines) == ("QUYẾT ĐỊNH", ["Về ban hành Chương trình công tác năm 2012"])
    ps = paragraphs(document, 0)
    assert [(p.kind.value, p.text) for p in ps] == [
        ("centered", "BỘ TRƯỞNG BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"),
        ("basis", "Căn cứ Nghị định số 186/2007/NĐ-CP;"), ("basis", "Căn cứ Nghị quyết số 01/NQ-CP;"),
        ("body", "Xét đề nghị của Vụ trưởng Vụ Kế hoạch - Tài chính."), ("centered", "QUYẾT ĐỊNH:"),
        ("article", "Điều 1. Ban hành kèm theo Quyết định này Chương trình công tác năm 2012."),
        ("article", "Điều 2. Hiệu lực"), ("body", "Quyết định này có hiệu lực kể từ ngày ký./.")]
    assert ps[5].label_bold and not ps[5].bold and ps[6].bold
    assert decision.closing.signature.title == "BỘ TRƯỞNG"
    assert decision.appendices == []
    # The attached plan: issuer and motto only, the note naming the decision, no signature.
    assert (attached.letterhead.number_line, attached.letterhead.place_date) == (None, None)
    assert attached.letterhead.issuer == ["SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"]
    assert attached.title.kind == "CHƯƠNG TRÌNH"
    assert attached.title.note == ("(Ban hành kèm theo Quyết định số 224/QĐ-SLĐTBXH ngày 27 tháng 02 năm 2012 "
                                   "của Sở Lao động - Thương binh và Xã hội)")
    assert attached.closing is None
    assert texts(document, 1)[-1] == "Nâng cao nhận thức./."
    assert attached.appendices[0].note.startswith("(Kèm theo Quyết định số 224/QĐ-SLĐTBXH ngày 27 tháng 02 năm 2012")


def test_attachment_notes_cite_the_decisions_authority_when_given() -> None:
    decision = {"title": "Về ban hành Chương trình", "authority": "BỘ TRƯỞNG BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI",
                "authority_name": "Bộ trưởng Bộ Lao động - Thương binh và Xã hội",
                "articles": [{"text": "Ban hành kèm theo Quyết định này Chương trình."}],
                "signature": {"title": "Bộ trưởng", "name": "Phạm Thị Hải Chuyền"}}
    document = compose(plan(kind="CHƯƠNG TRÌNH", signature=None, letterhead_number="224",
                            letterhead_date=dt.date(2012, 2, 27), decision=decision,
                            appendices=[{"title": "Chỉ tiêu"}]))
    attached = document.parts[1]
    assert attached.title.note.endswith("của Bộ trưởng Bộ Lao động - Thương binh và Xã hội)")
    assert attached.appendices[0].note.endswith("của Bộ trưởng Bộ Lao động - Thương binh và Xã hội)")


# -- templates: overrides, data never evaluated, sandbox -------------------------------------


def test_template_override_dir_changes_a_heading(tmp_path) -> None:
    (tmp_path / "heading.j2").write_text('{{ {"purpose": "Mục đích của kế hoạch"}[role] }}', encoding="utf-8")
    document = compose(plan(), templates=tmp_path)
    assert texts(document)[0] == "I. MỤC ĐÍCH CỦA KẾ HOẠCH"
    # Templates not overridden still come from the defaults.
    assert texts(document)[-1].startswith("Trên đây là kế hoạch")


def test_jinja_syntax_in_plan_text_is_printed_literally() -> None:
    hostile = "{{ ''.__class__.__mro__ }} {% for x in range(3) %}x{% endfor %} {# c #}"
    document = compose(plan(title=f"Kế hoạch {hostile}", sections=[{"heading": hostile, "text": hostile}],
                            preamble={"enacting": {"body": hostile}}, closing=hostile))
    all_text = "\n".join(texts(document))
    assert f"I. {hostile.upper()}" in all_text  # upper-casing is the only change to a heading
    assert f"{hostile} ban hành Kế hoạch kế hoạch {hostile} như sau:" in all_text
    assert f"\n{hostile}\n" in all_text
    assert all_text.endswith(f"{hostile}./.")


def test_sandbox_blocks_attribute_escape_with_a_located_error(tmp_path) -> None:
    (tmp_path / "closing.j2").write_text("Đoạn kết\n{{ ''.__class__.__mro__[1].__subclasses__() }}\n",
                                         encoding="utf-8")
    with pytest.raises(KehoachError) as caught:
        compose(plan(), templates=tmp_path)
    diagnostic = caught.value.diagnostics[0]
    assert caught.value.exit_code == 2
    assert diagnostic.code == "KH043"
    assert (diagnostic.path, diagnostic.line) == (str(tmp_path / "closing.j2"), 2)


def test_template_syntax_and_undefined_errors_are_located(tmp_path) -> None:
    (tmp_path / "closing.j2").write_text("Một\nHai {% if %}\n", encoding="utf-8")
    with pytest.raises(KehoachError) as caught:
        compose(plan(), templates=tmp_path)
    d = caught.value.diagnostics[0]
    assert (d.code, d.path, d.line) == ("KH042", str(tmp_path / "closing.j2"), 2)
    (tmp_path / "closing.j2").write_text("Một\n\n{{ no_such_value }}\n", encoding="utf-8")
    with pytest.raises(KehoachError) as caught:
        compose(plan(), templates=tmp_path)
    d = caught.value.diagnostics[0]
    assert (d.code, d.path, d.line) == ("KH044", str(tmp_path / "closing.j2"), 3)
    assert "no_such_value" in d.message


def test_missing_templates_dir_is_a_usage_error(tmp_path) -> None:
    with pytest.raises(KehoachError) as caught:
        compose(plan(), templates=tmp_path / "nope")
    assert (caught.value.exit_code, caught.value.diagnostics[0].code) == (2, "KH040")


def test_strip_end_keeps_an_ellipsis() -> None:
    assert strip_end("Các Bộ, ngành…;") == "Các Bộ, ngành…"
    assert strip_end("và các đơn vị khác...") == "và các đơn vị khác..."


def test_title_over_several_lines_reads_as_one_in_sentences() -> None:
    document = compose(plan(title="Thực hiện Chương trình\nphòng ngừa lao động trẻ em",
                            preamble={"enacting": {"body": "Sở"}}))
    assert document.parts[0].title.lines == ["Thực hiện Chương trình", "phòng ngừa lao động trẻ em"]
    assert texts(document)[0] == "Sở ban hành Kế hoạch thực hiện Chương trình phòng ngừa lao động trẻ em như sau:"


def test_an_italic_note_after_a_roman_heading_keeps_its_case_in_the_docx() -> None:
    """Issue 23: "III. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU *(chi tiết Phụ lục đính kèm)*" (a real plan's
    heading): the heading prints in capitals, its italic note as typed, italic, in the same line."""
    from kehoach.build import render
    from tests.docx_read import find_paragraph, open_docx

    data = copy.deepcopy(BASE)
    data["sections"] = [
        {"role": "purpose", "text": "Nâng cao nhận thức."},
        {"heading": "Nhiệm vụ và giải pháp chủ yếu *(chi tiết Phụ lục đính kèm)*", "text": "Nội dung."},
    ]
    document = open_docx(render(Plan.model_validate(data), "docx"))
    heading = find_paragraph(document, "NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU")
    runs = [(r.findtext("w:t", namespaces=_W).strip(), r.find("w:rPr/w:i", namespaces=_W) is not None)
            for r in heading.iter(f"{{{_W['w']}}}r") if r.findtext("w:t", namespaces=_W)]
    text = "".join(t for t, _ in runs)
    assert "NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU" in text and "(chi tiết Phụ lục đính kèm)" in text
    assert "(CHI TIẾT" not in text
    assert [italic for t, italic in runs if "chi tiết" in t] == [True]
    assert not any(italic for t, italic in runs if "NHIỆM VỤ" in t)


_W = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
