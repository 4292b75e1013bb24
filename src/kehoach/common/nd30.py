"""Decree 30/2020/NĐ-CP figures for the .docx writer, each next to the locator it comes from.

Locators point into Phụ lục I of Decree 30/2020/NĐ-CP (Thể thức và kỹ thuật trình bày văn bản hành chính).
"[practice]" marks a figure the decree leaves open, chosen the way most offices do it.
Sizes are in points, lengths in millimetres or centimetres; the writer converts them to twips and
half-points. Where the decree gives a range, the chosen value sits inside it.
"""

from __future__ import annotations

from .vn import roman

# --- Page (Phụ lục I, Phần I, Mục I) -------------------------------------------------------------

FONT = "Times New Roman"  # Phụ lục I, Mục I: phông chữ Times New Roman, Unicode TCVN 6909:2001
LANGUAGE = "vi-VN"  # the text is Vietnamese (spell-checking, hyphenation in Word)

PAGE_WIDTH_MM = 210  # Phụ lục I, Mục I: khổ A4 (210 mm x 297 mm)
PAGE_HEIGHT_MM = 297  # Phụ lục I, Mục I: khổ A4, theo chiều dài (portrait)
MARGIN_TOP_MM = 20  # Phụ lục I, Mục I: cách mép trên 20 - 25 mm
MARGIN_BOTTOM_MM = 20  # Phụ lục I, Mục I: cách mép dưới 20 - 25 mm
MARGIN_LEFT_MM = 30  # Phụ lục I, Mục I: cách mép trái 30 - 35 mm
MARGIN_RIGHT_MM = 15  # Phụ lục I, Mục I: cách mép phải 15 - 20 mm


def text_width_cm() -> float:
    """The width of a portrait page's text area."""
    return (PAGE_WIDTH_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM) / 10
HEADER_DISTANCE_MM = 10  # [practice] the page number sits inside the top margin (Phụ lục I, Mục I)

PAGE_NUMBER_PT = 14  # Phụ lục I, Mục I: số trang cỡ chữ 13 đến 14, kiểu chữ đứng, canh giữa lề trên
HIDE_FIRST_PAGE_NUMBER = True  # Phụ lục I, Mục I: không hiển thị số trang thứ nhất
# Phụ lục I, III.1.đ: số trang của Phụ lục được đánh số riêng theo từng Phụ lục; each appendix (and
# each part of a decision wrapper) restarts at 1 and, like the document, hides its first number.

# --- Size set (Phụ lục I, Mục V footnote: cỡ chữ trong cùng một văn bản phải thống nhất) ---------
# The footnote pairs Quốc hiệu 13 / Tiêu ngữ 14 / date 14, or 12 / 13 / 13. We use the first pair.

NATIONAL_NAME_PT = 13  # Phụ lục I, II.1.a: Quốc hiệu in hoa, cỡ chữ 12 đến 13, đứng, đậm
NATIONAL_NAME_MIN_PT = 12  # ... at 12 pt when a wide body name needs room beside it
MOTTO_PT = 14  # Phụ lục I, II.1.b: Tiêu ngữ cỡ chữ 13 đến 14, đứng, đậm
PLACE_DATE_PT = 14  # Phụ lục I, II.4: địa danh và thời gian cỡ chữ 13 đến 14, nghiêng
PARENT_PT = 13  # Phụ lục I, II.2: cơ quan chủ quản in hoa, cỡ chữ 12 đến 13, đứng (not bold)
ISSUER_PT = 13  # Phụ lục I, II.2: cơ quan ban hành in hoa, cỡ chữ 12 đến 13, đứng, đậm
NUMBER_PT = 13  # Phụ lục I, II.3: số, ký hiệu cỡ chữ 13, đứng
# Phụ lục I, III.2.b: dấu mức độ khẩn, hình chữ nhật viền đơn 30 x 8 mm (HỎA TỐC), 40 x 8 mm (THƯỢNG
# KHẨN), 20 x 8 mm (KHẨN); chữ in hoa, Times New Roman 13 đến 14, đứng, đậm; mực đỏ tươi; ô 10b.
URGENCY_STAMP_MM = {"HỎA TỐC": 30, "THƯỢNG KHẨN": 40, "KHẨN": 20}
# Phụ lục I, III.2.a: dấu chỉ độ mật (ô 10a) "khắc sẵn theo quy định của pháp luật về bảo vệ bí mật nhà
# nước"; its form is not in Decree 30. [unverified] widths of the state-secrets forms (TT 24/2020/TT-BCA,
# Mẫu 02, as remembered: one border, 20/30/40 x 8 mm, red ink); the stamp printed here is a marker, the
# văn thư stamps the official one.
CLASSIFICATION_STAMP_MM = {"MẬT": 20, "TỐI MẬT": 30, "TUYỆT MẬT": 40}
STAMP_HEIGHT_MM = 8  # Phụ lục I, III.2.b
STAMP_PT = 13  # Phụ lục I, III.2.b: cỡ chữ 13 đến 14 (Mục V example 13)
STAMP_COLOR = "FF0000"  # Phụ lục I, III.2.b: "màu đỏ tươi"; TT 24/2020: mực màu đỏ for the secrecy stamps

TYPE_NAME_PT = 14  # Phụ lục I, II.5.a: tên loại in hoa, cỡ chữ 13 đến 14, đứng, đậm
SUBJECT_PT = 14  # Phụ lục I, II.5.a: trích yếu cỡ chữ 13 đến 14, đứng, đậm
TITLE_SPACE_BEFORE_PT = 18  # [practice] a gap between the letterhead and "KẾ HOẠCH"
TITLE_SPACE_AFTER_PT = 6  # [practice] a gap between the trích yếu's rule and the body

# Phụ lục I, II.2 and II.5.a: đường kẻ ngang dài từ 1/3 đến 1/2 độ dài dòng chữ, đặt cân đối.
SHORT_RULE_FRACTION = 0.4
# Phụ lục I, II.1.b: đường kẻ dưới Tiêu ngữ có độ dài bằng độ dài của dòng chữ.
MOTTO_RULE_FRACTION = 1.0
RULE_WIDTH_PT = 0.75  # [practice] nét liền: a thin solid line

# --- Body (Phụ lục I, II.6) ----------------------------------------------------------------------

BODY_PT = 14  # Phụ lục I, II.6: cỡ chữ từ 13 đến 14, canh đều hai lề, kiểu chữ đứng
FIRST_LINE_INDENT_CM = 1.27  # Phụ lục I, II.6: chữ đầu dòng lùi vào 1 cm hoặc 1,27 cm
PARAGRAPH_SPACE_BEFORE_PT = 6  # Phụ lục I, II.6: khoảng cách giữa các đoạn văn tối thiểu là 6pt
PARAGRAPH_SPACE_AFTER_PT = 0  # (the 6 pt above already separates paragraphs)
LINE_SPACING = 1.15  # Phụ lục I, II.6: tối thiểu là dòng đơn, tối đa là 1,5 lines

# --- Signature and Nơi nhận (Phụ lục I, II.7 and II.9) --------------------------------------------

SIGNATURE_PT = 14  # Phụ lục I, II.7: quyền hạn, chức vụ người ký in hoa, cỡ chữ 13 đến 14, đứng, đậm
SIGNER_NAME_PT = 14  # Phụ lục I, II.7: họ tên người ký cỡ chữ 13 đến 14, đứng, đậm
SIGNATURE_SPACE_PT = 72  # [practice] room for the handwritten signature and the seal (Điều 33)
CLOSING_SPACE_BEFORE_PT = 12  # [practice] gap between the body's "./." and the closing block
RECIPIENTS_LABEL_PT = 12  # Phụ lục I, II.9.d: "Nơi nhận:" cỡ chữ 12, nghiêng, đậm
RECIPIENTS_PT = 11  # Phụ lục I, II.9.d: danh sách nơi nhận cỡ chữ 11, đứng, sát lề trái
RECIPIENTS_NESTED_INDENT_CM = 0.5  # [practice] "+ CT, các PCT;" under "- UBND tỉnh:", per level

# --- Tables (the decree gives no widths; Phụ lục I, III.1 for appendices) -------------------------

# [practice] ô 2-3 column; the rest of the 16.5 cm text width (10.1 cm) holds the Quốc hiệu, about
# 9.6 cm wide in 13 pt bold. Letterhead and closing cells have no inner padding.
LETTERHEAD_LEFT_CM = 6.4
# [practice] a body name the plan breaks into lines ("BỘ LAO ĐỘNG - THƯƠNG BINH" / "VÀ XÃ HỘI") keeps
# each line whole: its column may widen by up to this much, taken from the Quốc hiệu's column (never
# from the margin: the letterhead starts at the text's left edge, as in real plans) ...
LETTERHEAD_MAX_OUTDENT_CM = 0.8
# ... but never closer than this to the Quốc hiệu, so the two columns read as two (ô 1 and ô 2).
LETTERHEAD_GAP_CM = 0.5
# Phụ lục I, II.2: tên cơ quan cỡ chữ 12 đến 13: a name too wide at 13 pt prints at 12 pt.
LETTERHEAD_MIN_PT = 12
# Phụ lục I, II.4: địa danh và thời gian cỡ chữ 13 đến 14: a place/date line too wide for its column
# at 14 pt prints at 13 pt, so it stays on one line ("Thành phố Hồ Chí Minh, ngày 18 tháng 11 năm 2025").
PLACE_DATE_MIN_PT = 13
PLACE_DATE_SLACK_CM = 0.3  # [practice] rounding in the width estimate (italic set with upright widths)
CLOSING_LEFT_CM = 7.5  # [practice] Nơi nhận column; the rest is the signature column
TABLE_CELL_MARGIN_CM = 0.19  # Word's default cell padding (108 twips)
def appendix_label(index: int, count: int) -> str:
    """Phụ lục I, III.1.b: the label "Phụ lục" (bold, 14 pt), numbered I, II, … when there are several."""
    return "Phụ lục" if count == 1 else f"Phụ lục {roman(index + 1)}"


APPENDIX_LABEL_PT = 14  # Phụ lục I, III.1: "Phụ lục" cỡ chữ 14, đứng, đậm, canh giữa
APPENDIX_TITLE_PT = 14  # Phụ lục I, III.1: tên phụ lục in hoa, cỡ chữ 13 đến 14, đứng, đậm
APPENDIX_NOTE_PT = 14  # Phụ lục I, III.1: dòng "(Kèm theo …)" cỡ chữ 13 đến 14, nghiêng
# [practice] table text: the decree fixes no size; real plans set it like the body, 14 pt (r01: 460
# of 465 cells, centred vertically), 13 pt in a dense table of this many columns or more.
TABLE_TEXT_PT = 14
DENSE_TABLE_TEXT_PT = 13
DENSE_TABLE_COLUMNS = 7
# [practice] a row up to this tall moves whole to the next page; a taller one may break across
# pages (real plans let long rows break, the header row repeated), so no page is left a third empty.
TABLE_KEEP_ROW_CM = 3.0
TABLE_BORDER_PT = 0.5  # [practice] single thin grid lines
# [practice] footnotes: the decree fixes no size. 12 pt, single spacing, justified: the size of
# "Nơi nhận:", two points under the body so a note reads as secondary yet stays
# legible in a photocopy (the National Assembly's consolidated texts set their notes at 12 pt too).
FOOTNOTE_PT = 12
