"""The plan schema (mô hình Kế hoạch): pydantic v2 models with English keys.

Every field carries a Vietnamese ``title`` and ``description``: they become the hover help of the
JSON Schema in an editor. ``extra="forbid"`` everywhere so that a misspelt key is an error.

The body of a plan is an ordered list of ``Section`` objects with free headings. A section may
carry a ``role`` which gives it a default heading (from the wording templates) and tells the lint
rules what its items mean (tasks in ``solutions``, targets in ``goals``, duties in ``assignments``).
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

PARTIAL_DATE_PATTERN = r"^\d{4}(-\d{1,2})?$"


def F(title: str, description: str, default: Any = ..., **kwargs: Any) -> Any:
    """A field with its Vietnamese title and description (shown by editors as hover help)."""
    return Field(default, title=title, description=description, **kwargs)


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, validate_default=False)


# A paragraph or several: YAML authors write either a string or a list of strings.
Paragraphs = list[str]


def _as_list(value: Any) -> Any:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return value


def _shorthand_list(value: Any, key: str) -> Any:
    """A list whose string items stand for ``{key: item}``; other values are left to pydantic."""
    items = _as_list(value)
    if not isinstance(items, list):
        return items  # pydantic reports "expects a list" at the right place
    return [{key: v} if isinstance(v, str) else v for v in items]


def _text_items(value: Any) -> Any:
    """Items written as bare strings are items with that text."""
    return _shorthand_list(value, "text")


def _named_items(value: Any) -> Any:
    """Recipients written as bare strings are recipients with that name."""
    return _shorthand_list(value, "name")


def _titled_columns(value: Any) -> Any:
    """Columns written as bare strings are columns with that title."""
    return _shorthand_list(value, "title")


# --------------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------------

# A document date: a full date (2025-11-18), month and year only ("2024-05", a draft whose day is
# still blank), a year only ("2024") or nothing at all (a draft).
DocDate = dt.date | Annotated[str, Field(pattern=PARTIAL_DATE_PATTERN)]


def date_parts(value: DocDate | None) -> tuple[int | None, int | None, int | None]:
    """(day, month, year) of a document date; missing parts are None."""
    if value is None:
        return (None, None, None)
    if isinstance(value, dt.date):
        return (value.day, value.month, value.year)
    year, _, month = value.partition("-")
    return (None, int(month) if month else None, int(year))


# --------------------------------------------------------------------------------------------
# Letterhead (ô 1–4)
# --------------------------------------------------------------------------------------------


class Letterhead(Model):
    """Phần đầu văn bản: cơ quan chủ quản, cơ quan ban hành, số, ký hiệu, địa danh, ngày tháng."""

    parent: Paragraphs = F(
        "Cơ quan chủ quản",
        "Tên cơ quan, tổ chức chủ quản trực tiếp (nếu có), mỗi phần tử là một dòng; "
        "in hoa, không đậm (ví dụ: UBND TỈNH KIÊN GIANG).",
        default_factory=list,
    )
    issuer: Paragraphs = F(
        "Cơ quan ban hành",
        "Tên cơ quan, tổ chức ban hành văn bản, mỗi phần tử là một dòng; in hoa, đậm.",
    )
    issuer_name: str | None = F(
        "Tên cơ quan trong câu văn",
        "Tên cơ quan ban hành như viết trong câu văn, dùng ở dòng 'Kèm theo Kế hoạch … của …' "
        "(ví dụ: Ủy ban nhân dân tỉnh Nghệ An). Mặc định lấy từ dòng tên cơ quan ban hành.",
        None,
    )
    abbreviation: str = F(
        "Chữ viết tắt cơ quan ban hành",
        "Chữ viết tắt tên cơ quan ban hành dùng trong ký hiệu văn bản (ví dụ: UBND, LĐLĐ).",
    )
    number: str | None = F(
        "Số văn bản",
        "Số của văn bản, giữ nguyên số 0 ở đầu (ví dụ: '05', '0134'); để trống với bản dự thảo.",
        None,
    )
    symbol: str | None = F(
        "Ký hiệu văn bản",
        "Ký hiệu văn bản (ví dụ: KH-UBND, KH-LĐLĐ). Mặc định ghép chữ viết tắt tên loại văn bản "
        "và chữ viết tắt cơ quan ban hành.",
        None,
    )
    place: str = F("Địa danh", "Tên đơn vị hành chính nơi cơ quan ban hành đóng trụ sở "
                   "(ví dụ: Nghệ An, Bắc Kạn, Phường 12).")
    date: DocDate | None = F(
        "Ngày ban hành",
        "Ngày ban hành: ngày đầy đủ (2025-11-18), chỉ tháng và năm ('2024-05') hoặc để trống "
        "với bản dự thảo.",
        None,
    )

    _lines = field_validator("parent", "issuer", mode="before")(_as_list)

    @field_validator("number", mode="before")
    @classmethod
    def _number_as_text(cls, value: Any) -> Any:
        # YAML reads 05 as the integer 5: keep numbers as text so leading zeros survive.
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        return value


# --------------------------------------------------------------------------------------------
# Preamble
# --------------------------------------------------------------------------------------------


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


# --------------------------------------------------------------------------------------------
# Body: sections and items
# --------------------------------------------------------------------------------------------


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


ID_PATTERN = r"^[a-z0-9][a-z0-9_.-]*$"
Id = Annotated[str, Field(pattern=ID_PATTERN)]


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
    text: Paragraphs = F("Nội dung", "Các đoạn văn của khoản/điểm.", default_factory=list)
    items: list[Item] = F("Các ý con", "Các khoản/điểm con.", default_factory=list)

    # A task (nhiệm vụ)
    lead: str | None = F("Cơ quan chủ trì", "Cơ quan, đơn vị chủ trì thực hiện nhiệm vụ.", None)
    partners: list[str] = F(
        "Cơ quan phối hợp", "Các cơ quan, đơn vị phối hợp thực hiện.", default_factory=list
    )
    deadline: str | dt.date | None = F(
        "Thời hạn",
        "Thời gian hoàn thành: ngày (2025-11-30) hoặc chữ ('Thường xuyên', 'Quý IV/2025').",
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
    milestones: dict[int, str | float] = F(
        "Mốc theo năm",
        "Giá trị chỉ tiêu theo năm, ví dụ {2025: 'trên 90%', 2030: 'trên 95%'}.",
        default_factory=dict,
    )
    unit: str | None = F("Đơn vị tính", "Đơn vị tính của chỉ tiêu (%, người, cuộc…).", None)
    owner: str | None = F("Cơ quan theo dõi", "Cơ quan chịu trách nhiệm theo dõi chỉ tiêu.", None)

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

    _paragraphs = field_validator("text", mode="before")(_as_list)
    _partners = field_validator("partners", "covers", mode="before")(_as_list)
    _items = field_validator("items", mode="before")(_text_items)

    @property
    def is_task(self) -> bool:
        return bool(self.lead or self.partners or self.deadline or self.product or self.covers)

    @property
    def is_target(self) -> bool:
        return bool(self.indicator or self.milestones)


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
    numbering: Literal["standard", "decimal", "decimal-2"] = F(
        "Kiểu đánh số",
        "standard: 1. → a) → - → +; decimal: 1. → 1.1. → 1.1.1. → - → +; "
        "decimal-2: 1. → 1.1. → - → +.",
        "standard",
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


# --------------------------------------------------------------------------------------------
# Signature and recipients (ô 7, 9b)
# --------------------------------------------------------------------------------------------


class Signature(Model):
    """Chữ ký: [TM. tập thể] / [KT.|Q.|TL.|TUQ. chức vụ người đứng đầu] / chức vụ / họ tên."""

    on_behalf_of: str | None = F(
        "Thay mặt (TM.)", "Tên tập thể lãnh đạo hoặc cơ quan sau 'TM.' (ví dụ: ỦY BAN NHÂN DÂN).", None
    )
    authority: Literal["KT", "Q", "TL", "TUQ"] | None = F(
        "Quyền hạn ký",
        "KT. (ký thay), Q. (quyền), TL. (thừa lệnh), TUQ. (thừa ủy quyền).",
        None,
    )
    head_title: str | None = F(
        "Chức vụ người đứng đầu",
        "Chức vụ người đứng đầu sau KT./TL./TUQ. (ví dụ: CHỦ TỊCH).",
        None,
    )
    title: str = F("Chức vụ người ký", "Chức vụ của người ký (ví dụ: PHÓ CHỦ TỊCH).")
    name: str = F("Họ và tên", "Họ và tên người ký, không ghi học hàm, học vị.")


class Recipient(Model):
    """Một nơi nhận: tên, mục đích (để báo cáo…), các nơi nhận con."""

    name: str = F("Tên nơi nhận", "Tên cơ quan, nhóm cơ quan, hoặc 'Như trên'.")
    purpose: str | None = F("Mục đích", "Mục đích gửi (ví dụ: 'để báo cáo', 'b/c').", None)
    ref: str | None = F(
        "Tham chiếu", "Mã một mục/khoản của kế hoạch mà nơi nhận này chỉ tới (ví dụ: 'Như Mục IV').", None
    )
    items: list[Recipient] = F("Nơi nhận con", "Các nơi nhận con.", default_factory=list)

    _items = field_validator("items", mode="before")(_named_items)


class RecipientGroup(Model):
    """Một nhóm nơi nhận có tiêu đề (ví dụ: 'Gửi bản điện tử:')."""

    heading: str = F("Tiêu đề nhóm", "Tiêu đề của nhóm nơi nhận.")
    items: list[Recipient] = F("Nơi nhận", "Các nơi nhận trong nhóm.", default_factory=list)

    _items = field_validator("items", mode="before")(_named_items)


class Archive(Model):
    """Dòng cuối 'Lưu: VT, <đơn vị soạn thảo> (số bản).'"""

    units: list[str] = F("Nơi lưu", "Các nơi lưu, thường là VT và đơn vị soạn thảo.", default_factory=lambda: ["VT"])
    copies: int | None = F("Số bản lưu", "Số bản lưu (nếu cần).", None, ge=1)

    _units = field_validator("units", mode="before")(_as_list)


class Recipients(Model):
    """Nơi nhận."""

    items: list[Recipient] = F("Nơi nhận", "Các nơi nhận, mỗi phần tử một dòng.", default_factory=list)
    groups: list[RecipientGroup] = F(
        "Nhóm nơi nhận", "Các nhóm nơi nhận có tiêu đề, sau các nơi nhận chung.", default_factory=list
    )
    archive: Archive = F("Lưu", "Dòng 'Lưu: VT, …'.", default_factory=Archive)

    _items = field_validator("items", mode="before")(_named_items)


# --------------------------------------------------------------------------------------------
# Appendices and tables
# --------------------------------------------------------------------------------------------


class Column(Model):
    """Một cột của bảng; cột có cột con tạo ô tiêu đề gộp."""

    title: str = F("Tiêu đề cột", "Tiêu đề cột.")
    width: float | None = F("Độ rộng (cm)", "Độ rộng cột tính bằng cm.", None, gt=0)
    align: Literal["left", "center", "right", "justify"] = F("Căn lề", "Căn lề nội dung cột.", "left")
    columns: list[Column] = F("Cột con", "Các cột con (tiêu đề gộp ở trên).", default_factory=list)

    _columns = field_validator("columns", mode="before")(_titled_columns)

    def leaves(self) -> list[Column]:
        if not self.columns:
            return [self]
        return [leaf for child in self.columns for leaf in child.leaves()]


Cell = str | int | float | None


class GroupRow(Model):
    """Dòng nhóm trải hết chiều ngang bảng (ví dụ: 'I. Nhóm nhiệm vụ …')."""

    group: str = F("Dòng nhóm", "Nội dung dòng nhóm, trải hết các cột.")
    cells: list[Cell] = F(
        "Ô", "Các ô của dòng nhóm khi nhóm có số liệu riêng (ví dụ: tổng phụ).", default_factory=list
    )


class Table(Model):
    """Một bảng: cột (có thể gộp tiêu đề), các dòng, dòng nhóm."""

    title: str | None = F("Tên bảng", "Tên bảng (nếu có).", None)
    columns: list[Column] = F("Cột", "Các cột của bảng.")
    rows: list[list[Cell] | GroupRow] = F("Dòng", "Các dòng của bảng.", default_factory=list)
    landscape: bool | None = F(
        "Trang ngang", "Trình bày trên trang ngang; mặc định tự chọn theo độ rộng bảng.", None
    )

    _columns = field_validator("columns", mode="before")(_titled_columns)

    def leaf_columns(self) -> list[Column]:
        return [leaf for column in self.columns for leaf in column.leaves()]

    @model_validator(mode="after")
    def _row_widths(self) -> Table:
        width = len(self.leaf_columns())
        for index, row in enumerate(self.rows):
            if isinstance(row, list) and len(row) != width:
                raise ValueError(f"row {index + 1} has {len(row)} cells, the table has {width} columns")
        return self


class Appendix(Model):
    """Phụ lục kèm theo kế hoạch."""

    id: Id | None = F("Mã", "Mã ổn định để phần khác tham chiếu tới.", None)
    label: str | None = F(
        "Nhãn", "Nhãn phụ lục (ví dụ: 'PHỤ LỤC I', 'PHỤ LỤC 01'); mặc định đánh số La Mã.", None
    )
    title: str = F("Tên phụ lục", "Tên phụ lục.")
    note: str | None = F(
        "Dòng kèm theo",
        "Nguyên văn dòng '(Kèm theo Kế hoạch số … ngày … của …)'; mặc định sinh từ mẫu.",
        None,
    )
    text: Paragraphs = F("Đoạn văn", "Các đoạn văn của phụ lục.", default_factory=list)
    items: list[Item] = F("Các khoản", "Các khoản của phụ lục.", default_factory=list)
    tables: list[Table] = F("Bảng", "Các bảng của phụ lục.", default_factory=list)
    landscape: bool | None = F(
        "Trang ngang", "Trình bày phụ lục trên trang ngang; mặc định tự chọn theo độ rộng bảng.", None
    )

    _paragraphs = field_validator("text", mode="before")(_as_list)
    _items = field_validator("items", mode="before")(_text_items)


# --------------------------------------------------------------------------------------------
# Decision wrapper (Quyết định ban hành kèm theo)
# --------------------------------------------------------------------------------------------


class Article(Model):
    """Một Điều của quyết định."""

    heading: str | None = F("Tiêu đề điều", "Tiêu đề của Điều (nếu có).", None)
    text: Paragraphs = F("Nội dung", "Các đoạn văn của Điều.", default_factory=list)
    items: list[Item] = F("Các khoản", "Các khoản của Điều.", default_factory=list)

    _paragraphs = field_validator("text", mode="before")(_as_list)
    _items = field_validator("items", mode="before")(_text_items)


class Decision(Model):
    """Quyết định ban hành kèm theo kế hoạch/chương trình; số, ngày trong 'letterhead' là của quyết định."""

    title: str = F("Trích yếu quyết định", "Trích yếu của quyết định (ví dụ: Về ban hành Chương trình …).")
    authority: str = F(
        "Thẩm quyền ban hành",
        "Dòng thẩm quyền dưới trích yếu (ví dụ: BỘ TRƯỞNG BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI).",
    )
    authority_name: str | None = F(
        "Thẩm quyền trong câu văn",
        "Thẩm quyền ban hành như viết trong câu văn, dùng ở dòng '(Ban hành kèm theo Quyết định số … "
        "của …)' (ví dụ: Bộ trưởng Bộ Lao động - Thương binh và Xã hội). Mặc định là tên cơ quan ban hành.",
        None,
    )
    bases: Paragraphs = F("Căn cứ", "Các dòng căn cứ của quyết định.", default_factory=list)
    proposal: str | None = F("Xét đề nghị", "Dòng 'Xét đề nghị của …'.", None)
    articles: list[Article] = F("Các điều", "Các Điều của quyết định.")
    recipients: Recipients | None = F("Nơi nhận", "Nơi nhận của quyết định.", None)
    signature: Signature = F("Chữ ký", "Chữ ký của quyết định.")

    _paragraphs = field_validator("bases", mode="before")(_as_list)


# --------------------------------------------------------------------------------------------
# The plan
# --------------------------------------------------------------------------------------------


class Period(Model):
    """Giai đoạn thực hiện kế hoạch."""

    start: int = F("Năm bắt đầu", "Năm bắt đầu giai đoạn.", ge=1900, le=2200)
    end: int = F("Năm kết thúc", "Năm kết thúc giai đoạn.", ge=1900, le=2200)
    outlook: int | None = F("Định hướng đến năm", "Năm định hướng (ví dụ: 2030).", None, ge=1900, le=2200)

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise ValueError("`end` is before `start`")
        if self.outlook is not None and self.outlook < self.end:
            raise ValueError("`outlook` is before `end`")
        return self


KINDS: dict[str, str] = {
    # Phụ lục III, I: type names and their abbreviations (those a plan-like document uses).
    "KẾ HOẠCH": "KH",
    "CHƯƠNG TRÌNH": "CTr",
    "ĐỀ ÁN": "ĐA",
    "PHƯƠNG ÁN": "PA",
    "DỰ ÁN": "DA",
    "HƯỚNG DẪN": "HD",
    "BÁO CÁO": "BC",
    "QUYẾT ĐỊNH": "QĐ",
}


class Plan(Model):
    """Một kế hoạch (hoặc chương trình, đề án) viết bằng YAML."""

    profile: str | None = F(
        "Hồ sơ hướng dẫn",
        "Tên hồ sơ yêu cầu của cơ quan cấp trên mà kế hoạch phải theo (ví dụ: ldte-2021, ke-hoach).",
        None,
    )
    kind: Literal[tuple(KINDS)] = F(  # type: ignore[valid-type]
        "Tên loại văn bản", "Tên loại văn bản, in hoa (mặc định KẾ HOẠCH).", "KẾ HOẠCH"
    )
    letterhead: Letterhead = F("Phần đầu văn bản", "Cơ quan ban hành, số, ký hiệu, địa danh, ngày.")
    title: str = F("Trích yếu", "Trích yếu nội dung kế hoạch (dòng dưới chữ KẾ HOẠCH).")
    period: Period | None = F("Giai đoạn", "Giai đoạn thực hiện kế hoạch.", None)
    preamble: Preamble | None = F("Phần mở đầu", "Căn cứ, đoạn dẫn và câu ban hành.", None)
    sections: list[Section] = F("Các mục", "Các mục của kế hoạch theo thứ tự (I., II., …).")
    closing: Paragraphs = F(
        "Đoạn kết", "Các đoạn kết thúc kế hoạch (trước dấu './.').", default_factory=list
    )
    signature: Signature | None = F(
        "Chữ ký", "Chữ ký; bỏ trống khi kế hoạch ban hành kèm theo quyết định.", None
    )
    recipients: Recipients | None = F("Nơi nhận", "Nơi nhận của kế hoạch.", None)
    appendices: list[Appendix] = F("Phụ lục", "Các phụ lục kèm theo.", default_factory=list)
    decision: Decision | None = F(
        "Quyết định ban hành",
        "Quyết định ban hành kế hoạch này như văn bản kèm theo; khi có, số và ngày là của quyết định.",
        None,
    )

    _paragraphs = field_validator("closing", mode="before")(_as_list)

    @model_validator(mode="after")
    def _signed_once(self) -> Plan:
        if self.decision is None and self.signature is None:
            raise ValueError("a plan needs `signature` (or a `decision` that signs it)")
        return self

    @property
    def kind_abbreviation(self) -> str:
        return KINDS[self.decision and "QUYẾT ĐỊNH" or self.kind]

    @property
    def symbol(self) -> str:
        """Ký hiệu: given, or the type abbreviation and the issuer's abbreviation."""
        return self.letterhead.symbol or f"{self.kind_abbreviation}-{self.letterhead.abbreviation}"

    @property
    def issuer_name(self) -> str:
        lh = self.letterhead
        return lh.issuer_name or " ".join(lh.issuer)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a plan file (Vietnamese titles and descriptions)."""
    schema = Plan.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    _allow_shorthands(schema)
    return schema


# Models whose list items may be written as a bare string (see ``_shorthand_list``).
_SHORTHAND_REFS = {"#/$defs/Item", "#/$defs/Recipient", "#/$defs/Column"}


def _allow_shorthands(node: Any) -> None:
    """Let the schema accept what the before-validators accept: a string for a list of strings,
    and a string item in lists of items, recipients and columns."""
    if isinstance(node, list):
        for child in node:
            _allow_shorthands(child)
        return
    if not isinstance(node, dict):
        return
    for value in node.values():
        _allow_shorthands(value)
    for key, prop in list(node.get("properties", {}).items()):
        if prop.get("type") != "array":
            continue
        items = prop.get("items", {})
        if items == {"type": "string"}:
            meta = {k: prop.pop(k) for k in ("title", "description", "default") if k in prop}
            node["properties"][key] = {**meta, "anyOf": [{"type": "string"}, prop]}
        elif items.get("$ref") in _SHORTHAND_REFS:
            prop["items"] = {"anyOf": [items, {"type": "string"}]}

