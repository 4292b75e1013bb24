"""The text of a plan: the preamble, then sections (free headings, an optional ``Role``)
whose items are paragraphs, tasks, targets or assignments, with a section's budget and reporting rules.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Literal

from pydantic import field_validator, model_validator

from .base import F, Id, Model, Paragraphs, _as_list, _text_items
from .figures import TARGET_VALUE_HELP, DueDate, TargetValue
from .style import NUMBERING_HELP, Emphasis, Numbering
from .table import Table
from .tasks import TaskForm, TaskLabels


class Enacting(Model):
    """Câu ban hành: '<cơ quan> ban hành Kế hoạch … như sau:'."""

    body: str | None = F(
        "Cơ quan ban hành trong câu",
        "Chủ thể ban hành trong câu ban hành (ví dụ: Ủy ban nhân dân tỉnh, Ban Thường vụ Liên đoàn "
        "Lao động tỉnh).",
        None,
    )
    text: str | None = F(
        "Nguyên văn câu ban hành",
        "Nguyên văn câu ban hành; khi có, thay cho câu sinh từ mẫu.",
        None,
    )

    @model_validator(mode="after")
    def _needs_body_or_text(self) -> Enacting:
        if not self.body and not self.text:
            raise ValueError("enacting needs `body` or `text`")
        return self


class Preamble(Model):
    """Phần mở đầu: căn cứ, thực hiện, đoạn dẫn, 'Theo đề nghị của …', câu ban hành."""

    bases: Paragraphs = F(
        "Căn cứ",
        "Các dòng 'Căn cứ …' / 'Thực hiện …', mỗi dòng một phần tử; dấu ';' sau mỗi dòng và '.' "
        "sau dòng cuối được thêm khi dựng văn bản.",
        default_factory=list,
    )
    bases_italic: bool = F("Căn cứ in nghiêng", "Trình bày các dòng căn cứ bằng chữ nghiêng.", True)
    paragraphs: Paragraphs = F(
        "Đoạn dẫn", "Các đoạn văn mở đầu, giữ nguyên văn.", default_factory=list
    )
    proposal: str | None = F(
        "Theo đề nghị của", "Dòng 'Theo đề nghị của …' (nếu có), giữ nguyên văn.", None
    )
    enacting: Enacting | None = F("Câu ban hành", "Câu ban hành kế hoạch.", None)

    _lines = field_validator("bases", "paragraphs", mode="before")(_as_list)

class Role(str, Enum):
    """Vai trò của một mục: cho tiêu đề mặc định và ý nghĩa của các phần tử trong mục."""

    purpose = "purpose"  # MỤC ĐÍCH, YÊU CẦU
    viewpoints = "viewpoints"  # QUAN ĐIỂM
    situation = "situation"  # TÌNH HÌNH
    goals = "goals"  # MỤC TIÊU
    content = "content"  # NỘI DUNG
    scope = "scope"  # ĐỐI TƯỢNG, PHẠM VI
    solutions = "solutions"  # NHIỆM VỤ, GIẢI PHÁP
    budget = "budget"  # KINH PHÍ
    rewards = "rewards"  # KHEN THƯỞNG
    assignments = "assignments"  # TỔ CHỨC THỰC HIỆN
    reporting = "reporting"  # CHẾ ĐỘ BÁO CÁO

class Frequency(str, Enum):
    monthly = "monthly"
    quarterly = "quarterly"
    biannual = "biannual"
    annual = "annual"
    once = "once"
    adhoc = "adhoc"


class ReportingRule(Model):
    """Một quy định báo cáo: ai báo cáo ai, định kỳ, hạn."""

    text: str | None = F("Nguyên văn", "Nguyên văn quy định báo cáo; khi có, thay cho câu sinh từ mẫu.", None)
    reporter: str | None = F("Cơ quan báo cáo", "Cơ quan, đơn vị gửi báo cáo.", None)
    recipient: str | None = F("Nơi nhận báo cáo", "Cơ quan nhận báo cáo.", None)
    frequency: Frequency | None = F("Định kỳ", "Tần suất báo cáo.", None)
    due_day: int | None = F("Ngày hạn", "Ngày hạn trong tháng (ví dụ 25).", None, ge=1, le=31)
    due_month: int | None = F("Tháng hạn", "Tháng hạn (với báo cáo năm, ví dụ 11).", None, ge=1, le=12)
    due: list[DueDate] = F(
        "Các ngày hạn",
        "Nhiều ngày hạn trong năm, viết 'ngày/tháng' (ví dụ ['01/6', '15/11'] cho 'trước ngày 01/6 và "
        "15/11'); thay cho due_day/due_month.",
        default_factory=list,
    )

    _due = field_validator("due", mode="before")(_as_list)

    def due_dates(self) -> list[tuple[int, int | None]]:
        """(day, month) of every due date this rule names: ``due``, else ``due_day``/``due_month``."""
        if self.due:
            return [(d.day, d.month) for d in self.due]
        return [(self.due_day, self.due_month)] if self.due_day else []


class Item(Model):
    """Một khoản/điểm/ý (1. → a) → - → +): đoạn văn, tiêu đề, nhiệm vụ, chỉ tiêu hoặc phân công.

    Một phần tử có thể viết gọn là một chuỗi: ``- Nội dung…``.
    """

    id: Id | None = F("Mã", "Mã ổn định để phần khác tham chiếu tới (chữ thường, số, '-', '_').", None)
    label: str | None = F(
        "Số thứ tự ghi đè",
        "Số thứ tự ghi nguyên văn thay cho số tự tính (ví dụ: '1.1.', '*'); chuỗi rỗng để bỏ số.",
        None,
    )
    heading: str | None = F("Tiêu đề", "Tiêu đề của khoản/điểm (ví dụ: 'Mục đích').", None)
    run_in: bool = F(
        "Tiêu đề cùng dòng",
        "Tiêu đề in đậm đứng đầu đoạn văn đầu tiên, cùng một dòng ('1. Sở Tài chính: …').",
        False,
    )
    heading_style: Emphasis | None = F(
        "Kiểu chữ tiêu đề",
        "Kiểu chữ của tiêu đề khoản/điểm (và số thứ tự đi cùng): bold, italic, bold-italic, plain. "
        "Mặc định theo cấp (styles.headings).",
        None,
    )
    label_style: Emphasis | None = F(
        "Kiểu chữ số thứ tự",
        "Kiểu chữ riêng của số thứ tự (ví dụ số in đậm, nội dung đứng thường): bold, italic, "
        "bold-italic, plain. Mặc định như tiêu đề, hoặc theo cấp (styles.labels).",
        None,
    )
    numbering: Numbering | None = F(
        "Kiểu đánh số các ý con",
        "Đánh số riêng cho các ý con của khoản/điểm này (ví dụ '-' để các ý con là gạch đầu dòng). "
        + NUMBERING_HELP,
        None,
    )
    text: Paragraphs = F(
        "Nội dung",
        "Các đoạn văn của khoản/điểm. Mọi đoạn văn có thể viết **đậm**, *nghiêng*, ***đậm nghiêng***; "
        "'\\*' là dấu sao thường.",
        default_factory=list,
    )
    items: list[Item] = F("Các ý con", "Các khoản/điểm con.", default_factory=list)

    # A task (nhiệm vụ)
    lead: str | None = F("Cơ quan chủ trì", "Cơ quan, đơn vị chủ trì thực hiện nhiệm vụ.", None)
    partners: list[str] = F(
        "Cơ quan phối hợp", "Các cơ quan, đơn vị phối hợp thực hiện.", default_factory=list
    )
    deadline: str | dt.date | list[str | dt.date] | None = F(
        "Thời hạn",
        "Thời gian hoàn thành: ngày (2025-11-30) hoặc chữ ('Thường xuyên', 'Quý IV/2025'); nhiều thời hạn "
        "viết thành danh sách (in nối bằng 'và').",
        None,
    )
    product: str | None = F("Sản phẩm", "Sản phẩm dự kiến của nhiệm vụ.", None)
    covers: list[str] = F(
        "Nhóm giải pháp",
        "Mã các nhóm giải pháp (theo hồ sơ hướng dẫn) mà nhiệm vụ này thực hiện.",
        default_factory=list,
    )

    # A target (chỉ tiêu)
    indicator: str | None = F("Chỉ tiêu", "Nội dung chỉ tiêu (ví dụ: tỷ lệ trẻ em lao động được hỗ trợ).", None)
    milestones: dict[int, TargetValue] = F(
        "Mốc theo năm",
        "Giá trị chỉ tiêu theo năm, ví dụ {2025: 'trên 90%', 2030: 'trên 95%'}. Giá trị mỗi năm: "
        + TARGET_VALUE_HELP,
        default_factory=dict,
    )
    value: TargetValue | None = F(
        "Giá trị (không theo năm)",
        "Giá trị chỉ tiêu không gắn với năm (chỉ tiêu của một đợt, chiến dịch). " + TARGET_VALUE_HELP,
        None,
    )
    unit: str | None = F("Đơn vị tính", "Đơn vị tính của chỉ tiêu (%, người, cuộc…).", None)
    owner: str | None = F(
        "Cơ quan theo dõi",
        "Cơ quan chịu trách nhiệm theo dõi chỉ tiêu; với một nhiệm vụ: cơ quan theo dõi, kiểm tra, đôn đốc "
        "(cột 'owner' của bảng Danh mục nhiệm vụ, khi task_table.show ghi cột này).",
        None,
    )

    # An assignment (phân công)
    body: str | None = F(
        "Cơ quan được phân công",
        "Cơ quan, đơn vị được giao nhiệm vụ; dùng làm tiêu đề nếu không có 'heading'.",
        None,
    )
    request: bool = F(
        "Đề nghị",
        "Cơ quan không thuộc quyền chỉ đạo của cơ quan ban hành: tiêu đề mở đầu bằng 'Đề nghị'.",
        False,
    )
    focal: bool = F("Cơ quan đầu mối", "Cơ quan đầu mối theo dõi, tổng hợp việc thực hiện.", False)
    tables: list[Table] = F(
        "Bảng trong khoản",
        "Các bảng in ngay sau các đoạn văn của khoản, trong thân kế hoạch (ví dụ bảng chỉ tiêu chia theo khu "
        "vực đô thị, khu công nghiệp); cùng cấu trúc với bảng của phụ lục.",
        default_factory=list,
    )
    reporting: list[ReportingRule] = F(
        "Chế độ báo cáo trong nhiệm vụ",
        "Quy định báo cáo nằm trong nhiệm vụ của cơ quan này (in sau các đoạn văn của khoản); cơ quan báo "
        "cáo mặc định là cơ quan được phân công ('body').",
        default_factory=list,
    )
    assigned_tasks: bool = F(
        "Liệt kê nhiệm vụ được giao",
        "Với một khoản phân công ('body'): in dưới khoản các nhiệm vụ mà cơ quan này chủ trì (nhiệm vụ có "
        "'lead' trùng tên cơ quan), mỗi nhiệm vụ một dòng '-'.",
        False,
    )

    _paragraphs = field_validator("text", mode="before")(_as_list)
    _partners = field_validator("partners", "covers", mode="before")(_as_list)
    _items = field_validator("items", mode="before")(_text_items)

    @property
    def is_task(self) -> bool:
        return bool(self.lead or self.partners or self.deadline or self.product or self.covers)

    @property
    def is_target(self) -> bool:
        return bool(self.indicator or self.milestones or self.value is not None)

    @property
    def deadlines(self) -> list[str | dt.date]:
        """Every deadline of a task (a list, however the plan wrote it)."""
        if self.deadline is None:
            return []
        return list(self.deadline) if isinstance(self.deadline, list) else [self.deadline]


class BudgetLine(Model):
    """Một dòng dự toán kinh phí."""

    name: str = F("Nội dung chi", "Tên khoản chi.")
    amount: int | None = F("Số tiền", "Số tiền (đồng).", None)
    lines: list[BudgetLine] = F("Các khoản con", "Các khoản chi con.", default_factory=list)
    note: str | None = F("Ghi chú", "Ghi chú (cách tính, nguồn).", None)


class Budget(Model):
    """Kinh phí: nguồn kinh phí (lời văn) hoặc dự toán theo khoản."""

    text: Paragraphs = F("Nguồn kinh phí", "Các đoạn văn về nguồn kinh phí.", default_factory=list)
    lines: list[BudgetLine] = F("Dự toán", "Các khoản dự toán.", default_factory=list)
    total: int | None = F("Tổng cộng", "Tổng kinh phí ghi trong kế hoạch (đồng).", None)
    currency: str = F("Đơn vị tiền", "Đơn vị tiền tệ.", "đồng")

    _paragraphs = field_validator("text", mode="before")(_as_list)


class Section(Model):
    """Một mục lớn của kế hoạch (I., II., …), tiêu đề tự do, có thể mang một vai trò."""

    id: Id | None = F("Mã", "Mã ổn định để phần khác tham chiếu tới.", None)
    role: Role | None = F(
        "Vai trò",
        "Vai trò của mục (purpose, situation, goals, content, scope, solutions, budget, rewards, "
        "assignments, reporting); cho tiêu đề mặc định.",
        None,
    )
    heading: str | None = F("Tiêu đề", "Tiêu đề của mục; mặc định theo vai trò.", None)
    label: str | None = F(
        "Số thứ tự ghi đè", "Số thứ tự ghi nguyên văn (ví dụ: 'A.', 'Phần I').", None
    )
    numbering: Numbering | None = F(
        "Kiểu đánh số", NUMBERING_HELP + " Mặc định theo styles.numbering, không có thì standard.", None
    )
    heading_style: Emphasis | None = F(
        "Kiểu chữ tiêu đề", "Kiểu chữ của tiêu đề mục: bold (mặc định), italic, bold-italic, plain.", None
    )
    heading_case: Literal["upper", "as-written"] = F(
        "Chữ hoa của tiêu đề",
        "upper (mặc định): tiêu đề mục in hoa toàn bộ; as-written: in đúng như đã gõ (bản gốc viết thường).",
        "upper",
    )
    label_style: Emphasis | None = F(
        "Kiểu chữ số thứ tự", "Kiểu chữ riêng của số thứ tự mục (mặc định như tiêu đề).", None
    )
    lead: str | None = F(
        "Cơ quan chủ trì chung",
        "Cơ quan chủ trì áp dụng cho các nhiệm vụ trong mục không ghi riêng.",
        None,
    )
    text: Paragraphs = F("Đoạn mở đầu", "Các đoạn văn đứng ngay dưới tiêu đề mục.", default_factory=list)
    items: list[Item] = F("Các khoản", "Các khoản, điểm của mục.", default_factory=list)
    budget: Budget | None = F("Kinh phí", "Kinh phí (mục có vai trò budget).", None)
    reporting: list[ReportingRule] = F(
        "Chế độ báo cáo", "Các quy định báo cáo.", default_factory=list
    )
    closing: Paragraphs = F("Đoạn kết mục", "Các đoạn văn ở cuối mục.", default_factory=list)
    tasks: TaskForm | None = F(
        "Cách in nhiệm vụ",
        "inline: các nhiệm vụ in trong mục, kèm các dòng thuộc tính (mặc định); table: nhiệm vụ chỉ in "
        "trong phụ lục Danh mục nhiệm vụ sinh tự động (task_table), trong mục chỉ còn các khoản không "
        "phải nhiệm vụ (các ý con của một nhiệm vụ cũng thành dòng của bảng, nhận cơ quan chủ trì của "
        "nhiệm vụ); both: in cả hai nơi.",
        None,
    )
    task_labels: TaskLabels | None = F(
        "Nhãn các dòng nhiệm vụ của mục",
        "Nhãn, các dòng được in và dấu cuối dòng của nhiệm vụ trong mục này; ghi đè từng khóa của "
        "task_labels của kế hoạch.",
        None,
    )
    closing_italic: bool = F(
        "Đoạn kết mục in nghiêng",
        "In nghiêng các đoạn kết mục, như dòng '(Chi tiết Danh mục nhiệm vụ tại Phụ lục kèm theo)'.",
        False,
    )

    _paragraphs = field_validator("text", "closing", mode="before")(_as_list)
    _items = field_validator("items", mode="before")(_text_items)

    @model_validator(mode="after")
    def _needs_heading(self) -> Section:
        if not self.heading and self.role is None:
            raise ValueError("a section needs `heading` or `role`")
        return self
