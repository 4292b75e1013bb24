"""A generated plan that puts every page-break hazard of issue 24 in front of the renderer: a long
ministry letterhead, deep lists whose items introduce their children without a colon, rows taller
than a third of a page, merged body cells, group rows, dense tables (13 pt) and one set at 12 pt, a
long closing paragraph and a long Nơi nhận with a nested group keeping its own "Lưu".
``filler`` paragraphs shift everything down so each hazard meets a page foot in some variant."""

from __future__ import annotations

LONG = ("Các cơ quan, đơn vị căn cứ chức năng, nhiệm vụ được giao chủ động xây dựng kế hoạch chi tiết, "
        "bố trí nguồn lực và tổ chức thực hiện có hiệu quả các nhiệm vụ, giải pháp đã đề ra")


def _quoted(text: str) -> str:
    return '"' + text.replace('"', "'") + '"'


def stress_yaml(filler: int = 0) -> str:
    out = ["""\
letterhead:
  parent: [ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG]
  issuer: [SỞ NÔNG NGHIỆP, VÀ MÔI TRƯỜNG]
  abbreviation: SNNMT
  number: "15"
  place: Lâm Đồng
  date: 2026-01-05
title: Phát triển doanh nghiệp và sản phẩm công nghiệp nông thôn tiêu biểu giai đoạn 2026 - 2030
sections:
  - role: purpose
    items:"""]
    out += [f"      - {_quoted(LONG + ' (' + str(n) + ').')}" for n in range(1, 4 + filler // 3)]
    out += [f"      - {_quoted('Dòng ' + str(n) + '.')}" for n in range(filler % 3)]
    out.append("""\
  - role: solutions
    heading: NHIỆM VỤ, GIẢI PHÁP
    items:""")
    for group in range(1, 4):
        out.append(f"      - heading: Nhóm nhiệm vụ thứ {group}")
        out.append("        items:")
        for point in range(1, 4):
            out.append(f"          - text: Thông số, tần suất quan trắc của điểm {group}.{point}")
            out.append("            items:")
            for leaf in range(1, 4):
                out.append(f"              - text: {_quoted(LONG + f' ({group}.{point}.{leaf}).')}")
    out.append("""\
  - role: assignments
    heading: TỔ CHỨC THỰC HIỆN
    items:
      - {body: Sở Tài chính, text: Chủ trì tham mưu bố trí kinh phí thực hiện.}
      - {body: Sở Công Thương, text: Chủ trì hướng dẫn phát triển sản phẩm.}""")
    out.append(f"closing: {_quoted(' '.join([LONG + '.'] * 4) + ' Trên đây là Kế hoạch của Sở')}")
    out.append("""\
signature: {authority: KT, head_title: GIÁM ĐỐC, title: PHÓ GIÁM ĐỐC, name: Nguyễn Văn An}
recipients:
  items:
    - Sở Tài chính
    - Sở Công Thương""")
    out += [f"    - Phòng, ban, đơn vị số {n}" for n in range(1, 19)]
    out.append("""\
    - name: "UBND tỉnh:"
      items: [CT, các PCT, "Lưu: VT"]
  archive: {units: [VT, KHTC]}
appendices:
  - title: Danh mục nhiệm vụ và điểm quan trắc
    tables:
      - columns: [{title: TT, align: center}, {title: Nội dung}, {title: Chủ trì}, {title: Thời gian}, {title: Ghi chú}]
        rows:""")
    for group in range(1, 4):
        out.append(f"          - {{number: {['I', 'II', 'III'][group - 1]}, group: Nhóm {group}}}")
        for n in range(1, 5):
            text = LONG + ". " + LONG if n == 2 else f"Nhiệm vụ {group}.{n}"
            if n == 1:
                out.append(f"          - [{{value: '{group}.{n}', rows: 2}}, {_quoted(text)}, Sở Tài chính,"
                           f" Quý I, {{value: Ghi chú gộp {group}, rows: 3}}]")
            elif n in (2, 3):
                out.append(f"          - [{_quoted(text * (3 if n == 2 else 1))}, Sở Công Thương, Quý II]"
                           if n == 2 else f"          - ['{group}.{n}', {_quoted(text)}, Sở Nội vụ, Quý III]")
            else:
                out.append(f"          - ['{group}.{n}', {{value: {_quoted(text + ' gộp ngang')}, cols: 2}}, Quý IV, '']")
    out.append("""\
      - font_size: 12
        valign: top
        columns: [{title: A}, {title: B}, {title: C}, {title: D}, {title: E}, {title: F}, {title: G}]
        rows:
          - ["1", "2", "3", "4", "5", "6", "7"]
      - columns: [{title: A}, {title: B}, {title: C}, {title: D}, {title: E}, {title: F}, {title: G}]
        rows:
          - ["1", {value: "2-3", cols: 2}, "4", "5", "6", "7"]""")
    return "\n".join(out) + "\n"
