"""Plain-text input: a wrapped line that starts with "- " or "1." inside a paragraph is not a new
item when the text separates its paragraphs by blank lines; a multiplication sign is text."""

from __future__ import annotations

from kehoach.importers import import_plan

TEXT = """ỦY BAN NHÂN DÂN TỈNH AN GIANG

Số: 15/KH-UBND

KẾ HOẠCH
Kiểm tra năm 2025

Ủy ban nhân dân tỉnh ban hành Kế hoạch kiểm tra năm 2025 như sau:

I. MỤC ĐÍCH

1. Tỷ lệ đúng hạn = b/a * 100% và tỷ lệ trễ = c/a * 100%; mã 5*3.

2. Bảo đảm khách quan, đúng quy định, kịp thời và hiệu quả trong
- toàn bộ quá trình kiểm tra, theo khoản
1. Điều 5 của Quy định.

3. Báo cáo kết quả gồm:
- Số đơn vị được kiểm tra;
- Kiến nghị.

II. TỔ CHỨC THỰC HIỆN

Sở Nội vụ chủ trì thực hiện./.

Nơi nhận:
- Bộ Nội vụ;
- Lưu: VT, NC.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Nguyễn Văn A
"""


def test_wrapped_label_lines_continue_their_paragraph(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(TEXT, "utf-8")
    items = import_plan(path).data["sections"][0]["items"]
    texts = [item if isinstance(item, str) else item["text"][0] for item in items]
    assert texts[1] == ("Bảo đảm khách quan, đúng quy định, kịp thời và hiệu quả trong - toàn bộ quá trình kiểm "
                        "tra, theo khoản 1. Điều 5 của Quy định.")
    assert len(items) == 3
    assert [c if isinstance(c, str) else c["text"][0] for c in items[2]["items"]] == \
        ["Số đơn vị được kiểm tra;", "Kiến nghị."]


def test_a_multiplication_sign_is_kept_escaped(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(TEXT, "utf-8")
    first = import_plan(path).data["sections"][0]["items"][0]
    assert first == r"Tỷ lệ đúng hạn = b/a \* 100% và tỷ lệ trễ = c/a \* 100%; mã 5\*3."
