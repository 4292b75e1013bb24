"""How a plan prints its tasks (nhiệm vụ): the wording of the inline task lines, and the generated
appendix table "Danh mục nhiệm vụ" that gathers the tasks of chosen sections.

A task is kept once, structured (``lead``, ``partners``, ``deadline``, ``product`` on an item); each
section chooses with ``tasks: inline | table | both`` whether its tasks print under the section
(with the lines set by ``task_labels``), in the generated table, or in both.
"""

from __future__ import annotations

from typing import Literal

from pydantic import field_validator, model_validator

from .base import F, Model, _as_list

TaskLine = Literal["content", "lead", "partners", "deadline", "product"]
TaskForm = Literal["inline", "table", "both"]
TASK_LINES: tuple[str, ...] = ("content", "lead", "partners", "deadline", "product")
TaskColumn = Literal["number", "content", "lead", "partners", "deadline", "product", "owner"]
# The columns printed by default; "owner" (theo dõi, kiểm tra, đôn đốc) only when ``show`` names it.
TASK_COLUMNS: tuple[str, ...] = ("number", "content", "lead", "partners", "deadline", "product")


class TaskLabels(Model):
    """Các dòng thuộc tính in dưới một nhiệm vụ: nhãn, dòng nào được in và dấu cuối dòng.

    Đặt cho cả kế hoạch (``task_labels`` ở gốc) hoặc cho một mục (``task_labels`` của mục, ghi đè
    từng khóa của kế hoạch).
    """

    content: str | None = F(
        "Nhãn dòng nội dung",
        "Nhãn của dòng nội dung (ví dụ 'Nội dung thực hiện'). Khi có và nhiệm vụ có tiêu đề ('heading'), "
        "các đoạn văn của nhiệm vụ in thành dòng '- Nội dung thực hiện: …' dưới tiêu đề; mặc định các "
        "đoạn văn in như đoạn văn thường.",
        None,
    )
    lead: str = F("Nhãn dòng chủ trì", "Nhãn của dòng cơ quan chủ trì (ví dụ 'Cơ quan thực hiện/chủ trì').",
                  "Cơ quan chủ trì")
    partners: str = F("Nhãn dòng phối hợp", "Nhãn của dòng cơ quan phối hợp.", "Cơ quan phối hợp")
    deadline: str = F("Nhãn dòng thời gian", "Nhãn của dòng thời hạn (ví dụ 'Thời gian').", "Thời gian thực hiện")
    product: str = F("Nhãn dòng sản phẩm", "Nhãn của dòng sản phẩm (ví dụ 'Sản phẩm dự kiến').", "Sản phẩm")
    lines: list[TaskLine] = F(
        "Các dòng được in",
        "Các dòng được in và thứ tự của chúng: content, lead, partners, deadline, product (mặc định tất cả "
        "theo thứ tự đó). Dòng không có trong danh sách không được in (vẫn dùng cho kiểm tra và bảng).",
        default_factory=lambda: list(TASK_LINES),
    )
    end: str | None = F(
        "Dấu cuối mỗi dòng",
        "Dấu đặt cuối mỗi dòng (ví dụ '.' hoặc ';'), thay cho dấu tác giả gõ; mặc định không thêm dấu.",
        None,
    )
    last_end: str | None = F(
        "Dấu cuối dòng cuối",
        "Dấu đặt cuối dòng cuối cùng của nhiệm vụ (ví dụ '.' khi các dòng trước kết thúc bằng ';'); mặc "
        "định như 'end'.",
        None,
    )

    _lines = field_validator("lines", mode="before")(_as_list)

    def merged(self, over: TaskLabels | None) -> TaskLabels:
        """These labels with the keys ``over`` sets (a section's own) put on top."""
        if over is None:
            return self
        return self.model_copy(update={key: getattr(over, key) for key in over.model_fields_set})


class TaskColumns(Model):
    """Tiêu đề các cột của bảng Danh mục nhiệm vụ."""

    number: str = F("Cột số thứ tự", "Tiêu đề cột số thứ tự.", "TT")
    content: str = F("Cột nội dung", "Tiêu đề cột nội dung nhiệm vụ.", "Nội dung")
    lead: str = F("Cột chủ trì", "Tiêu đề cột cơ quan chủ trì.", "Cơ quan chủ trì")
    partners: str = F("Cột phối hợp", "Tiêu đề cột cơ quan phối hợp.", "Cơ quan phối hợp")
    deadline: str = F("Cột thời gian", "Tiêu đề cột thời hạn.", "Thời gian hoàn thành")
    product: str = F("Cột sản phẩm", "Tiêu đề cột sản phẩm.", "Sản phẩm")
    owner: str = F("Cột theo dõi", "Tiêu đề cột cơ quan theo dõi, kiểm tra, đôn đốc ('owner' của nhiệm vụ).",
                   "Theo dõi, kiểm tra, đôn đốc")


class TaskTable(Model):
    """Phụ lục 'Danh mục nhiệm vụ' sinh từ các nhiệm vụ của những mục ghi ``tasks: table`` hoặc ``both``."""

    label: str | None = F(
        "Nhãn phụ lục", "Nhãn phụ lục (ví dụ 'PHỤ LỤC'); mặc định đánh số như các phụ lục khác.", None
    )
    title: str = F("Tên phụ lục", "Tên phụ lục (in hoa khi dựng).", "Danh mục nhiệm vụ")
    note: str | None = F(
        "Dòng kèm theo",
        "Nguyên văn dòng '(Kèm theo Kế hoạch số …)'; mặc định sinh từ mẫu attachment_note.j2 như các phụ "
        "lục khác (generated.appendix_notes: false để bỏ).",
        None,
    )
    position: int = F(
        "Vị trí phụ lục",
        "Thứ tự của phụ lục này trong các phụ lục (1 = đầu tiên, mặc định); lớn hơn số phụ lục thì đứng cuối.",
        1,
        ge=1,
    )
    group_by: Literal["section", "item"] = F(
        "Nhóm theo",
        "section: mỗi mục lớn một nhóm I, II, … với tiêu đề của mục (mặc định); item: mỗi khoản cấp 1 "
        "của các mục đó một nhóm, với tiêu đề hoặc nội dung của khoản.",
        "section",
    )
    group_case: Literal["upper", "as-written"] = F(
        "Chữ của dòng nhóm",
        "upper: tiêu đề dòng nhóm in hoa (mặc định); as-written: in như tiêu đề mục/khoản đã viết.",
        "upper",
    )
    columns: TaskColumns = F("Tiêu đề cột", "Tiêu đề các cột của bảng.", default_factory=TaskColumns)
    show: list[TaskColumn] = F(
        "Các cột được in",
        "Các cột của bảng và thứ tự của chúng: number, content, lead, partners, deadline, product (mặc định "
        "các cột đó theo thứ tự đó), owner (cơ quan theo dõi, kiểm tra, đôn đốc: chỉ in khi ghi ở đây). Cột "
        "number đứng đầu và cột content phải có.",
        default_factory=lambda: list(TASK_COLUMNS),
    )
    landscape: bool = F("Trang ngang", "Trình bày phụ lục trên trang ngang (mặc định có).", True)

    _show = field_validator("show", mode="before")(_as_list)

    @model_validator(mode="after")
    def _number_first(self) -> TaskTable:
        if not self.show or self.show[0] != "number" or "content" not in self.show \
                or len(set(self.show)) != len(self.show):
            raise ValueError("task_table.show starts with `number`, has `content` and names each column once")
        return self
