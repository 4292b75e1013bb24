"""The plan itself (the root of a YAML file): its kind, period and every part of the document."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, field_validator, model_validator

from .base import F, Model, Paragraphs, _as_list
from .body import Preamble, Section
from .decision import Decision
from .generated import Generated
from .letterhead import Letterhead
from .marks import CLASSIFICATIONS, URGENCIES, Classification, Urgency, normalise_level
from .markup import FOOTNOTE_ID
from .signature import Recipients, Signature
from .style import Styles
from .tables import Appendix
from .tasks import TaskLabels, TaskTable


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
    # What a decision issues when it is not a plan: a Quy định or Quy chế (Chương, Mục, Điều).
    "QUY ĐỊNH": "QyĐ",
    "QUY CHẾ": "QC",
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
    status: Literal["issued", "draft", "attachment"] = F(
        "Tình trạng văn bản",
        "issued: văn bản ban hành (mặc định; phải có chữ ký); draft: dự thảo (chưa có chữ ký, số, nơi nhận "
        "vẫn được); attachment: văn bản kèm theo một văn bản khác (không có số, ngày, chữ ký riêng).",
        "issued",
    )
    letterhead: Letterhead = F("Phần đầu văn bản", "Cơ quan ban hành, số, ký hiệu, địa danh, ngày.")
    title: str = F("Trích yếu", "Trích yếu nội dung kế hoạch (dòng dưới chữ KẾ HOẠCH).")
    title_note: str | None = F(
        "Dòng dưới trích yếu",
        "Nguyên văn dòng in nghiêng dưới trích yếu, ví dụ '(Ban hành kèm theo Quyết định số      /QĐ-UBND "
        "ngày      tháng 3 năm 2026 của Chủ tịch UBND tỉnh)': kế hoạch do một quyết định ban hành nhưng "
        "đứng riêng trong tệp (quyết định không ghi trong 'decision'). Chỗ trống số, ngày giữ nguyên để văn "
        "thư điền. Khi có 'decision', dòng này thay dòng sinh từ mẫu issued_with_note.j2.",
        None,
    )
    classification: Classification | None = F(
        "Độ mật",
        "Độ mật của văn bản có nội dung bí mật nhà nước: Mật, Tối mật hoặc Tuyệt mật (ô 10a, in dưới số, ký "
        "hiệu). Văn bản mật không gửi qua trục liên thông: không tạo tệp .edxml; Tuyệt mật không ghi trích yếu "
        "trong thông tin văn bản đi.",
        None,
    )
    urgency: Urgency | None = F(
        "Độ khẩn",
        "Mức độ khẩn: Khẩn, Thượng khẩn hoặc Hỏa tốc (ô 10b, khung chữ nhật viền đơn dưới số, ký hiệu).",
        None,
    )
    period: Period | None = F("Giai đoạn", "Giai đoạn thực hiện kế hoạch.", None)
    styles: Styles | None = F(
        "Trình bày", "Kiểu chữ tiêu đề và số thứ tự theo cấp, kiểu đánh số mặc định.", None
    )
    generated: Generated | None = F(
        "Dòng tự thêm",
        "Bật/tắt hoặc đổi các dòng công cụ tự thêm (câu kết, dấu sau căn cứ, 'Lưu: VT', dòng kèm theo…).",
        None,
    )
    task_labels: TaskLabels | None = F(
        "Nhãn các dòng nhiệm vụ",
        "Nhãn các dòng thuộc tính in dưới mỗi nhiệm vụ (ví dụ {lead: 'Cơ quan thực hiện/chủ trì', deadline: "
        "'Thời gian'}), các dòng được in và dấu cuối dòng; mỗi mục có thể ghi đè.",
        None,
    )
    task_table: TaskTable | None = F(
        "Phụ lục Danh mục nhiệm vụ",
        "Nhãn, tên, dòng kèm theo, vị trí và tiêu đề cột của phụ lục Danh mục nhiệm vụ sinh từ các mục ghi "
        "'tasks: table' hoặc 'both'. Phụ lục chỉ được sinh khi có mục như vậy.",
        None,
    )
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
    footnotes: dict[Annotated[str, Field(pattern=FOOTNOTE_ID)], str] = F(
        "Chú thích (footnote)",
        "Nội dung các chú thích cuối trang, theo mã: `footnotes: {1: \"Gồm các xã …\"}`. Trong lời văn "
        "(đoạn, khoản, ô bảng, nơi nhận, đoạn kết…) viết `[^1]` ở chỗ đặt số chú thích; các chú thích được "
        "đánh số 1, 2, … theo thứ tự xuất hiện lần đầu. Nội dung có thể có **đậm**, *nghiêng*. Viết `\\[^` "
        "để in nguyên dấu '[^'.",
        default_factory=dict,
    )
    decision: Decision | None = F(
        "Quyết định ban hành",
        "Quyết định ban hành kế hoạch này như văn bản kèm theo; khi có, số và ngày là của quyết định.",
        None,
    )

    _paragraphs = field_validator("closing", mode="before")(_as_list)

    @field_validator("classification", mode="before")
    @classmethod
    def _classification(cls, value: Any) -> Any:
        return normalise_level(value, CLASSIFICATIONS)

    @field_validator("urgency", mode="before")
    @classmethod
    def _urgency(cls, value: Any) -> Any:
        return normalise_level(value, URGENCIES)

    @field_validator("footnotes", mode="before")
    @classmethod
    def _footnote_keys(cls, value: Any) -> Any:
        """YAML reads ``1:`` as a number: a footnote's id is the text of its key."""
        if isinstance(value, dict):
            return {str(key) if isinstance(key, int) and not isinstance(key, bool) else key: text
                    for key, text in value.items()}
        return value

    @model_validator(mode="after")
    def _signed_once(self) -> Plan:
        if self.decision is None and self.signature is None and self.status == "issued":
            raise ValueError("a plan needs `signature` (or a `decision` that signs it, or `status: draft` "
                             "/ `status: attachment`)")
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
