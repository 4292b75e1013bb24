"""The lines kehoach writes that the plan did not: each has a default and a switch here.

docs/generated-lines.md lists every such line with the key (here, or a template) that controls it.
"""

from __future__ import annotations

from typing import Literal

from .base import F, Model


class Generated(Model):
    """Các dòng công cụ tự thêm vào văn bản: bật/tắt hoặc đổi cách trình bày từng dòng."""

    closing: bool = F(
        "Câu kết mặc định",
        "Thêm câu kết 'Trên đây là kế hoạch … triển khai thực hiện./.' khi kế hoạch không ghi 'closing' "
        "(lời văn ở mẫu closing.j2). false: không thêm; dấu './.' đặt sau đoạn cuối của nội dung.",
        True,
    )
    end_mark: bool = F(
        "Dấu kết thúc './.'", "Thêm './.' sau đoạn cuối của nội dung. false: giữ nguyên dấu tác giả gõ.", True
    )
    basis_marks: Literal["auto", "keep"] = F(
        "Dấu cuối các dòng căn cứ",
        "auto: bỏ dấu tác giả gõ ở cuối mỗi dòng căn cứ, thêm ';' và dấu của dòng cuối (last_basis_mark); "
        "keep: giữ nguyên dấu như đã gõ.",
        "auto",
    )
    last_basis_mark: Literal[".", ";", ","] = F(
        "Dấu sau dòng căn cứ cuối",
        "Dấu sau dòng căn cứ cuối khi basis_marks là auto: '.' (mặc định), ';' hoặc ',' (ví dụ khi dòng "
        "'Theo đề nghị …' nối tiếp).",
        ".",
    )
    proposal_italic: bool = F(
        "Dòng 'Theo đề nghị' in nghiêng", "In nghiêng dòng 'Theo đề nghị của …' (mặc định đứng).", False
    )
    proposal_place: Literal["line", "enacting"] = F(
        "Vị trí dòng 'Theo đề nghị'",
        "line: một đoạn riêng, giữ nguyên văn (mặc định); enacting: đặt ở đầu câu ban hành "
        "('Theo đề nghị của …, Ủy ban nhân dân tỉnh ban hành Kế hoạch … như sau:').",
        "line",
    )
    archive_line: bool = F(
        "Dòng 'Lưu: VT'",
        "Thêm dòng '- Lưu: VT, … .' vào Nơi nhận (đơn vị lưu ở recipients.archive). false: không thêm; "
        "khi kế hoạch cũng không có nơi nhận thì bỏ cả chữ 'Nơi nhận:'.",
        True,
    )
    attachment_letterhead: bool = F(
        "Lặp phần đầu ở kế hoạch kèm theo",
        "Khi quyết định ban hành kế hoạch kèm theo: lặp tên cơ quan và Quốc hiệu ở đầu kế hoạch. false: bỏ.",
        True,
    )
    issued_with_note: bool = F(
        "Dòng '(Ban hành kèm theo …)'",
        "Dòng '(Ban hành kèm theo Quyết định số …)' dưới tên kế hoạch kèm theo quyết định (mẫu "
        "issued_with_note.j2). false: bỏ.",
        True,
    )
    appendix_notes: bool = F(
        "Dòng '(Kèm theo …)' của phụ lục",
        "Dòng '(Kèm theo Kế hoạch số … )' dưới tên phụ lục khi phụ lục không ghi 'note' (mẫu "
        "attachment_note.j2). false: bỏ.",
        True,
    )
    task_lines: bool = F(
        "Dòng thuộc tính nhiệm vụ",
        "Các dòng '- Cơ quan chủ trì: …', '- Cơ quan phối hợp: …', '- Thời gian thực hiện: …', "
        "'- Sản phẩm: …' dưới một nhiệm vụ (mẫu task.j2). false: không in (vẫn dùng cho kiểm tra).",
        True,
    )
