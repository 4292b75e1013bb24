"""Tables of real Word files (issue 22, tables): a table inside the body becomes the enclosing item's
``tables:``; merges in the header nest columns, merges in the body become span cells; two- and
three-level headers; the size from the whole grid; captions kept with their table; group rows with
merges. Each document is made here with python-docx the way offices make them."""

from __future__ import annotations

from pathlib import Path

import yaml

import kehoach
from kehoach.build import render
from kehoach.common.diagnostics import Severity
from kehoach.importers import import_plan
from kehoach.model import Plan

from tablemaker import appendix, grid_table, para, plan_docx

SCHEDULE = [["TT", "Nội dung", "Trách nhiệm thực hiện", "Thời gian"],
            ["1", "Giải đáp vướng mắc về thủ tục đất đai", "Lãnh đạo Sở Nông nghiệp", "Tháng 3/2025"],
            ["2", "Giải đáp vướng mắc về thủ tục đầu tư", "Lãnh đạo Sở Tài chính", "Tháng 4/2025"]]


def imported(tmp_path: Path, body, after=None):
    """(the imported data, its notes as 'path: message', the written plan file)."""
    source = plan_docx(tmp_path / "plan.docx", body, after)
    result = import_plan(source)
    out = tmp_path / "plan.yaml"
    out.write_text(result.yaml, "utf-8")
    notes = [".".join(map(str, path)) + ": " + message for path, message in result.notes]
    return result.data, notes, out


def titles(columns: list) -> list:
    """The header as titles only (widths and alignment left out): a leaf is its title, a group
    {title: [its columns]}."""
    out = []
    for column in columns:
        if isinstance(column, str):
            out.append(column)
        elif column.get("columns"):
            out.append({column["title"]: titles(column["columns"])})
        else:
            out.append(column["title"])
    return out


def errors(path: Path) -> list[str]:
    return [f"{d.code} {d.message}" for d in kehoach.check(path) if d.severity is Severity.error]


def test_a_body_table_is_its_items_table_not_pipe_paragraphs(tmp_path):
    def body(doc):
        para(doc, "I. NHIỆM VỤ", bold=True)
        para(doc, "1. Tổ chức chương trình đối thoại", bold=True)
        para(doc, "Báo và Phát thanh, Truyền hình tỉnh tổ chức chương trình gồm các chuyên mục sau:")
        grid_table(doc, SCHEDULE)
        para(doc, "Chương trình phát vào tối thứ Sáu hằng tuần.")
        para(doc, "2. Kiểm tra việc thực hiện", bold=True)
        para(doc, "Sở Nội vụ kiểm tra định kỳ.")

    data, _notes, out = imported(tmp_path, body)
    item = data["sections"][0]["items"][0]
    assert item["text"] == ["Báo và Phát thanh, Truyền hình tỉnh tổ chức chương trình gồm các chuyên mục sau:"]
    table = item["tables"][0]
    assert [c if isinstance(c, str) else c["title"] for c in table["columns"]] == SCHEDULE[0]
    assert table["rows"] == SCHEDULE[1:]
    # the paragraph after the table stays after it: an unlabelled paragraph below the item's text
    assert item["items"] == [{"label": "", "text": ["Chương trình phát vào tối thứ Sáu hằng tuần."]}]
    assert " | " not in out.read_text("utf-8")
    assert errors(out) == []
    text = render(kehoach.load(out), "txt").decode()
    assert text.index("gồm các chuyên mục sau:") < text.index("Lãnh đạo Sở Tài chính") \
        < text.index("Chương trình phát vào tối thứ Sáu")


def test_a_table_under_a_section_is_an_unlabelled_item_where_it_stands(tmp_path):
    def body(doc):
        para(doc, "I. NHIỆM VỤ", bold=True)
        para(doc, "Lịch phát sóng các chuyên mục:")
        grid_table(doc, SCHEDULE)
        para(doc, "1. Kiểm tra việc thực hiện", bold=True)
        para(doc, "II. KINH PHÍ", bold=True)
        para(doc, "Kinh phí do ngân sách tỉnh bảo đảm.")

    data, _notes, out = imported(tmp_path, body)
    section = data["sections"][0]
    assert section["text"] == ["Lịch phát sóng các chuyên mục:"]
    first = section["items"][0]
    assert first["label"] == "" and "text" not in first and first["tables"][0]["rows"] == SCHEDULE[1:]
    assert section["items"][1] == {"heading": "Kiểm tra việc thực hiện"}
    assert errors(out) == []


def test_a_table_before_the_first_section_stays_text_with_a_located_note(tmp_path):
    def body(doc):
        grid_table(doc, SCHEDULE[:2])
        para(doc, "I. NHIỆM VỤ", bold=True)
        para(doc, "1. Kiểm tra việc thực hiện.")

    data, notes, _out = imported(tmp_path, body)
    assert "1 | Giải đáp vướng mắc về thủ tục đất đai | Lãnh đạo Sở Nông nghiệp | Tháng 3/2025" in \
        data["preamble"]["paragraphs"]
    assert any(n.startswith("preamble.paragraphs: bảng trước mục đầu tiên") for n in notes)
    assert "enacting" in data["preamble"]  # the enacting sentence is still the last paragraph


def test_a_merged_heading_that_is_not_bold_nests_its_columns(tmp_path):
    """r09: 'Thời gian' merged down two rows beside 'Phòng ban đào tạo' over 'Sáng | Chiều'."""
    def body(doc):
        para(doc, "I. NỘI DUNG", bold=True)
        para(doc, "1. Đào tạo cho các phòng", bold=True)
        grid_table(doc, [["Thời gian: 1/2 ngày", ("Phòng ban đào tạo", 2)],
                         ["^", "Sáng", "Chiều"],
                         ["Ngày 02/01/2011", "Văn phòng", "Phòng Bưu chính"],
                         ["Ngày 03/01/2011", "Phòng Viễn thông", "Phòng Thanh tra"]], bold_rows=0)

    data, _notes, out = imported(tmp_path, body)
    table = data["sections"][0]["items"][0]["tables"][0]
    assert titles(table["columns"]) == ["Thời gian: 1/2 ngày", {"Phòng ban đào tạo": ["Sáng", "Chiều"]}]
    assert table["rows"] == [["Ngày 02/01/2011", "Văn phòng", "Phòng Bưu chính"],
                             ["Ngày 03/01/2011", "Phòng Viễn thông", "Phòng Thanh tra"]]
    assert errors(out) == []


def _statistics(doc, header: list[list]) -> None:
    appendix(doc)
    para(doc, "Biểu mẫu 1")
    para(doc, "Công tác chỉ đạo điều hành", bold=True, center=True)
    grid_table(doc, [*header,
                     ["1.", "Số văn bản chỉ đạo đã ban hành", "Văn bản", "82", ""],
                     ["2.", "Tỷ lệ hoàn thành kế hoạch", "%", "100", ""]], bold_rows=len(header))


def _body(doc):
    para(doc, "I. NHIỆM VỤ", bold=True)
    para(doc, "1. Thống kê số liệu.")


def test_two_level_header_with_vmerge_nests_and_passes_check(tmp_path):
    header = [["STT", "Chỉ tiêu thống kê", ("Kết quả thống kê", 2), "Ghi chú"],
              ["^", "^", "Đơn vị tính", "Số liệu", "^"]]
    data, _notes, out = imported(tmp_path, _body, lambda doc: _statistics(doc, header))
    table = data["appendices"][0]["tables"][0]
    assert titles(table["columns"]) == ["STT", "Chỉ tiêu thống kê", {"Kết quả thống kê": ["Đơn vị tính", "Số liệu"]},
                                        "Ghi chú"]
    assert table["rows"][0] == ["1.", "Số văn bản chỉ đạo đã ban hành", "Văn bản", "82", ""]
    assert errors(out) == []  # KH103 was the collapsed header


def test_two_level_header_drawn_with_empty_cells_nests_too(tmp_path):
    """r11's last table: the cells under STT and Ghi chú are empty cells, not vMerge."""
    header = [["STT", "Chỉ tiêu thống kê", ("Kết quả thống kê", 2), "Ghi chú"],
              ["", "", "Đơn vị tính", "Số liệu", ""]]
    data, _notes, out = imported(tmp_path, _body, lambda doc: _statistics(doc, header))
    table = data["appendices"][0]["tables"][0]
    assert titles(table["columns"]) == ["STT", "Chỉ tiêu thống kê", {"Kết quả thống kê": ["Đơn vị tính", "Số liệu"]},
                                        "Ghi chú"]
    assert len(table["rows"]) == 2
    assert errors(out) == []


def test_three_level_header(tmp_path):
    header = [["TT", "Nội dung", ("Kinh phí (triệu đồng)", 4), "Ghi chú"],
              ["^", "^", ("Năm 2025", 2), ("Năm 2026", 2), "^"],
              ["^", "^", "Dự toán", "Thực hiện", "Dự toán", "Thực hiện", "^"]]

    def after(doc):
        appendix(doc, "KINH PHÍ THỰC HIỆN")
        grid_table(doc, [*header, ["1", "Hội nghị", "10", "9", "12", "", ""]], bold_rows=3)

    data, _notes, out = imported(tmp_path, _body, after)
    table = data["appendices"][0]["tables"][0]
    assert titles(table["columns"]) == ["TT", "Nội dung", {"Kinh phí (triệu đồng)": [
        {"Năm 2025": ["Dự toán", "Thực hiện"]}, {"Năm 2026": ["Dự toán", "Thực hiện"]}]}, "Ghi chú"]
    assert table["rows"] == [["1", "Hội nghị", "10", "9", "12", "", ""]]
    assert errors(out) == []


def test_captions_are_kept_with_their_table(tmp_path):
    def body(doc):
        para(doc, "I. NHIỆM VỤ", bold=True)
        para(doc, "1. Tổ chức chương trình đối thoại", bold=True)
        para(doc, "Bảng 1. Lịch phát sóng")
        grid_table(doc, SCHEDULE)

    header = [["STT", "Chỉ tiêu thống kê", ("Kết quả thống kê", 2), "Ghi chú"],
              ["^", "^", "Đơn vị tính", "Số liệu", "^"]]
    data, _notes, out = imported(tmp_path, body, lambda doc: _statistics(doc, header))
    assert data["sections"][0]["items"][0]["tables"][0]["title"] == "Bảng 1. Lịch phát sóng"
    appended = data["appendices"][0]
    assert appended["tables"][0]["title"] == "Biểu mẫu 1\nCông tác chỉ đạo điều hành"
    assert "text" not in appended  # the caption lines are no longer loose paragraphs
    text = render(kehoach.load(out), "txt").decode()
    assert text.index("Biểu mẫu 1") < text.index("Số văn bản chỉ đạo đã ban hành")


def test_body_merges_become_span_cells_and_no_empty_continuation_rows(tmp_path):
    """r01: one task over two rows (TT and Nhiệm vụ merged down), one agency over two columns."""
    rows = [["STT", "Nhiệm vụ", "Sản phẩm", "Thời gian", "Chủ trì", "Phối hợp", "Theo dõi"],
            ["1", "Rà soát thủ tục", "Quyết định", "Hằng năm", ("Theo phân công tại Quyết định 1441", 2), "VP UBND"],
            ["2", "Tham mưu kế hoạch kiểm tra", "Kế hoạch kiểm tra", "Tháng 01", "Sở Nội vụ", "Các sở", "Sở Nội vụ"],
            ["^", "^", "Kế hoạch tuyên truyền", "Tháng 02", "Sở Nội vụ", "", "Sở Nội vụ"],
            ["^", "^", "^", "^", "^", "^", "^"],  # nothing new on the page: dropped
            ["3", "Đánh giá chỉ số", "Báo cáo", "Quý IV", "Sở Nội vụ", "Các sở", "Sở Nội vụ"]]

    def after(doc):
        appendix(doc, "DANH MỤC NHIỆM VỤ")
        grid_table(doc, rows)

    data, _notes, out = imported(tmp_path, _body, after)
    table = data["appendices"][0]["tables"][0]
    assert table["rows"] == [
        ["1", "Rà soát thủ tục", "Quyết định", "Hằng năm", {"value": "Theo phân công tại Quyết định 1441", "cols": 2},
         "VP UBND"],
        [{"value": "2", "rows": 2}, {"value": "Tham mưu kế hoạch kiểm tra", "rows": 2}, "Kế hoạch kiểm tra",
         "Tháng 01", "Sở Nội vụ", "Các sở", "Sở Nội vụ"],
        ["Kế hoạch tuyên truyền", "Tháng 02", "Sở Nội vụ", "", "Sở Nội vụ"],
        ["3", "Đánh giá chỉ số", "Báo cáo", "Quý IV", "Sở Nội vụ", "Các sở", "Sở Nội vụ"]]
    plan = Plan.model_validate(yaml.safe_load(out.read_text("utf-8")))  # row_grid accepts the spans
    assert len(plan.appendices[0].tables[0].leaf_columns()) == 7


def test_the_size_comes_from_the_whole_grid_not_the_first_row(tmp_path):
    """A header row narrower than the body (its last cells missing, gridAfter) and a grid line no
    row uses (invisible on the page)."""
    rows = [["TT", "Đơn vị", "Chỉ tiêu 1", "Chỉ tiêu 2", "Chỉ tiêu 3", "Chỉ tiêu 4", "Chỉ tiêu 5", None, None],
            ["1", "Xã A", "1", "2", "3", "4", "5", "6", "7"],
            ["2", "Xã B", "1", "2", "3", "4", "5", "6", "7"]]

    def after(doc):
        appendix(doc, "CHỈ TIÊU THEO XÃ")
        grid_table(doc, rows)
        grid_table(doc, [["TT", ("Nội dung", 2), "Ghi chú"], ["1", ("Hội nghị", 2), "Có"]])

    data, notes, out = imported(tmp_path, _body, after)
    wide, narrow = data["appendices"][0]["tables"]
    assert titles(wide["columns"])[6:] == ["Chỉ tiêu 5", "", ""]
    assert wide["rows"][0] == ["1", "Xã A", "1", "2", "3", "4", "5", "6", "7"]
    assert titles(narrow["columns"]) == ["TT", "Nội dung", "Ghi chú"] and narrow["rows"] == [["1", "Hội nghị", "Có"]]
    Plan.model_validate(yaml.safe_load(out.read_text("utf-8")))


def test_group_rows_keep_working_with_merges(tmp_path):
    rows = [["TT", "Nội dung", "Năm 2025", "Năm 2026"],
            ["I", ("Tuyên truyền", 3)],
            ["1", "Hội nghị", "10", "12"],
            [("Tổng cộng", 2), "10", "12"],
            ["II", ("Kiểm tra", 3)],
            ["1", "Đoàn kiểm tra", "3", ""],
            ["B", ("Dịch vụ khác", 3)],  # r13: a letter for the group, its title over the other columns
            ["1", "Tư vấn", "1", "2"],
            [("Tổng hai năm", 2), ("27", 2)]]  # a figure over two columns: not a group row's cells

    def after(doc):
        appendix(doc, "KINH PHÍ")
        table = grid_table(doc, rows)
        for r in (1, 3, 4, 6):  # group rows are bold
            for cell in table.rows[r].cells:
                for run in (run for p in cell.paragraphs for run in p.runs):
                    run.bold = True

    data, _notes, out = imported(tmp_path, _body, after)
    got = data["appendices"][0]["tables"][0]["rows"]
    assert got[0] == {"number": "I", "group": "Tuyên truyền"}
    assert got[2] == {"group": "Tổng cộng", "cells": ["10", "12"]}
    assert got[3] == {"number": "II", "group": "Kiểm tra"}
    assert got[5] == {"number": "B", "group": "Dịch vụ khác"}
    assert got[7] == [{"value": "Tổng hai năm", "cols": 2}, {"value": "27", "cols": 2}]
    assert errors(out) == []


TASK_HEADER = ["TT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Sản phẩm"]


def _task_plan(tmp_path: Path, rows: list[list]):
    def body(doc):
        para(doc, "I. TUYÊN TRUYỀN, PHỔ BIẾN", bold=True)
        para(doc, "Tuyên truyền sâu rộng đến cán bộ và Nhân dân.")
        para(doc, "II. RÀ SOÁT VĂN BẢN", bold=True)
        para(doc, "Rà soát các văn bản của tỉnh.")

    def after(doc):
        appendix(doc, "DANH MỤC NHIỆM VỤ")
        table = grid_table(doc, [TASK_HEADER, *rows])
        for r, row in enumerate(rows, 1):  # group rows in bold, as offices set them
            if row[0] in ("I", "II"):
                for run in (run for cell in table.rows[r].cells for p in cell.paragraphs for run in p.runs):
                    run.bold = True

    return imported(tmp_path, body, after)


def test_a_word_task_table_with_merged_group_rows_becomes_tasks(tmp_path):
    data, _notes, out = _task_plan(tmp_path, [
        ["I", ("Tuyên truyền, phổ biến", 5)],
        ["1", "Biên soạn tài liệu", "Sở Tư pháp", "Sở Nội vụ", "Quý I/2026", "Tài liệu"],
        ["II", ("Rà soát văn bản", 5)],
        ["1", "Rà soát quy chế phối hợp", "Sở Nội vụ", "", "Quý II/2026", "Báo cáo"]])
    assert "appendices" not in data
    assert data["sections"][0]["tasks"] == "table"
    assert data["sections"][1]["items"] == [{"text": "Rà soát quy chế phối hợp", "lead": "Sở Nội vụ",
                                             "deadline": "Quý II/2026", "product": "Báo cáo"}]
    assert errors(out) == []


def test_a_task_table_with_merged_body_cells_stays_a_table_with_a_note(tmp_path):
    data, notes, out = _task_plan(tmp_path, [
        ["I", ("Tuyên truyền, phổ biến", 5)],
        ["1", "Biên soạn tài liệu", "Sở Tư pháp", "Sở Nội vụ", "Quý I/2026", "Tài liệu"],
        ["^", "^", "^", "^", "Quý III/2026", "Tài liệu bổ sung"],
        ["II", ("Rà soát văn bản", 5)],
        ["1", "Rà soát quy chế phối hợp", "Sở Nội vụ", "", "Quý II/2026", "Báo cáo"]])
    rows = data["appendices"][0]["tables"][0]["rows"]
    assert rows[1][0] == {"value": "1", "rows": 2} and rows[2] == ["Quý III/2026", "Tài liệu bổ sung"]
    assert any("ô gộp" in n and n.startswith("appendices.0.tables.0") for n in notes)
    assert "tasks" not in data["sections"][0]
    Plan.model_validate(yaml.safe_load(out.read_text("utf-8")))


def test_row_numbers_count_across_a_number_merged_down(tmp_path):
    """KH220 reads the STT column as laid out: '2' over two rows, then '3', is in sequence (the
    row under the merged '2' has no STT cell of its own, its first cell is another column's)."""
    rows = [["STT", "Nhiệm vụ", "Sản phẩm"], ["1", "Rà soát", "Quyết định"],
            ["2", "Kiểm tra", "Kế hoạch"], ["^", "7", "Báo cáo"], ["3", "Đánh giá", "Báo cáo"]]

    def after(doc):
        appendix(doc, "DANH MỤC NHIỆM VỤ")
        grid_table(doc, rows)

    data, _notes, out = imported(tmp_path, _body, after)
    assert data["appendices"][0]["tables"][0]["rows"][2] == ["7", "Báo cáo"]
    assert [d.code for d in kehoach.check(out) if d.code == "KH220"] == []


def test_a_title_typed_in_the_tables_first_row_is_its_title(tmp_path):
    def after(doc):
        appendix(doc, "KINH PHÍ")
        grid_table(doc, [[("BẢNG TỔNG HỢP KINH PHÍ", 3)], ["TT", "Nội dung", "Kinh phí"], ["1", "Hội nghị", "10"]])

    data, notes, out = imported(tmp_path, _body, after)
    table = data["appendices"][0]["tables"][0]
    assert table["title"] == "BẢNG TỔNG HỢP KINH PHÍ"
    assert titles(table["columns"]) == ["TT", "Nội dung", "Kinh phí"] and table["rows"] == [["1", "Hội nghị", "10"]]
    assert not any("gộp" in n for n in notes)
    assert errors(out) == []


def test_a_header_cell_over_columns_the_rows_split_is_kept_on_the_first_with_a_note(tmp_path):
    def after(doc):
        appendix(doc, "DANH SÁCH")
        grid_table(doc, [["TT", ("Nội dung", 2)], ["1", "Hội nghị", "Quý I"], ["2", "Tập huấn", "Quý II"]])

    data, notes, out = imported(tmp_path, _body, after)
    table = data["appendices"][0]["tables"][0]
    assert titles(table["columns"]) == ["TT", "Nội dung", ""]
    assert table["rows"] == [["1", "Hội nghị", "Quý I"], ["2", "Tập huấn", "Quý II"]]
    assert any(n.startswith("appendices.0.tables.0: tiêu đề cột 'Nội dung' gộp 2 cột") for n in notes)


def test_a_table_in_the_decision_is_not_lost_silently(tmp_path):
    """An article holds no table: the import says so, with the table's first words, where it was."""
    import docx

    example = Path(__file__).resolve().parents[2] / "examples" / "002-bo-ldtbxh-qd-224.yaml"
    source = tmp_path / "decision.docx"
    source.write_bytes(render(kehoach.load(example), "docx"))
    document = docx.Document(source)
    article = next(p for p in document.paragraphs if p.text.startswith("Điều 2"))
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Đơn vị", "Số lượng đoàn kiểm tra"
    article._p.addnext(table._tbl)
    document.save(source)
    notes = [(path, message) for path, message in import_plan(source).notes if path == ("decision", "articles")]
    assert notes == [(("decision", "articles"), "bảng trong quyết định không được nhập: Đơn vị Số lượng đoàn kiểm tra")]


def test_an_item_table_built_by_kehoach_comes_back_to_the_same_item(tmp_path):
    """Round trip through kehoach's own .docx: an item's two-level table (as the Đắk Lắk targets by
    area) is read back into the same item, same columns and rows, and the file passes check."""
    example = Path(__file__).resolve().parents[2] / "examples" / "003-an-giang-xkld.yaml"
    data = yaml.safe_load(example.read_text("utf-8"))
    item = data["sections"][1]["items"][0]
    targets = {"title": "Bảng 1. Chỉ tiêu theo khu vực",
               "columns": [{"title": "TT", "width": 1.2, "align": "center"}, {"title": "Khu vực", "width": 5},
                           {"title": "Chỉ tiêu (người)", "columns": [{"title": "Năm 2025", "width": 3},
                                                                   {"title": "Năm 2026", "width": 3}]}],
               "rows": [["1", "Đô thị", "120", "150"], ["2", "Nông thôn", "300", "320"]]}
    item["tables"] = [targets]
    original = Plan.model_validate(data)
    built = tmp_path / "plan.docx"
    built.write_bytes(render(original, "docx"))
    out = tmp_path / "imported.yaml"
    out.write_text(import_plan(built).yaml, "utf-8")
    back = yaml.safe_load(out.read_text("utf-8"))["sections"][1]["items"][0]["tables"]
    assert [t["title"] for t in back] == ["Bảng 1. Chỉ tiêu theo khu vực"]
    assert titles(back[0]["columns"]) == ["TT", "Khu vực", {"Chỉ tiêu (người)": ["Năm 2025", "Năm 2026"]}]
    assert back[0]["rows"] == targets["rows"]
    assert errors(out) == []


def test_text_after_an_appendix_table_keeps_its_place(tmp_path):
    """r11-like: a note under the first table, then the next table. The appendix prints its text,
    items, tables in that order, so what follows a table becomes unlabelled items in order."""
    def after(doc):
        appendix(doc)
        para(doc, "Số liệu tính đến ngày 15/12/2025.")
        grid_table(doc, SCHEDULE)
        para(doc, "Ghi chú: thời gian có thể thay đổi.")
        grid_table(doc, SCHEDULE[:2])

    data, _notes, out = imported(tmp_path, _body, after)
    appended = data["appendices"][0]
    assert appended["text"] == ["Số liệu tính đến ngày 15/12/2025."] and "tables" not in appended
    first, second = appended["items"]
    assert first["label"] == "" and first["tables"][0]["rows"] == SCHEDULE[1:] and "text" not in first
    assert second["text"] == ["Ghi chú: thời gian có thể thay đổi."] and second["tables"][0]["rows"] == SCHEDULE[1:2]
    assert errors(out) == []
    text = render(kehoach.load(out), "txt").decode()
    assert text.index("15/12/2025") < text.index("Lãnh đạo Sở Tài chính") < text.index("Ghi chú: thời gian") \
        < text.rindex("Lãnh đạo Sở Nông nghiệp")


def test_the_summary_counts_tables_and_merged_cells(tmp_path):
    def body(doc):
        para(doc, "I. NHIỆM VỤ", bold=True)
        para(doc, "1. Tổ chức chương trình đối thoại", bold=True)
        grid_table(doc, SCHEDULE)

    def after(doc):
        appendix(doc, "DANH MỤC")
        grid_table(doc, [["TT", "Nội dung", "Thời gian"], ["1", "Hội nghị", "Quý I"], ["^", "Tập huấn", "Quý II"]])

    summary = import_plan(plan_docx(tmp_path / "plan.docx", body, after)).summary
    assert "bảng: 1 trong thân kế hoạch (tables: của khoản chứa bảng), 1 ở phụ lục, 1 ô gộp trong thân bảng " \
           "({value, rows, cols})" in summary


def test_a_table_nested_in_a_cell_does_not_widen_its_table(tmp_path):
    """The grid is the table's own (tblGrid), not its nested tables' grid columns too."""
    def after(doc):
        appendix(doc, "DANH SÁCH")
        table = grid_table(doc, [["TT", "Nội dung"], ["1", "Hội nghị"], ["2", "Tập huấn"]])
        nested = table.rows[1].cells[1].add_table(rows=1, cols=4)
        nested.rows[0].cells[0].text = "Sáng"

    data, _notes, out = imported(tmp_path, _body, after)
    table = data["appendices"][0]["tables"][0]
    assert titles(table["columns"]) == ["TT", "Nội dung"]
    assert table["columns"][0]["width"] == table["columns"][1]["width"]  # python-docx splits evenly
    assert table["rows"][0][0] == "1" and table["rows"][0][1].startswith("Hội nghị") and "Sáng" in table["rows"][0][1]
    assert errors(out) == []
