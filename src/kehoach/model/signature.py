"""The end of the document: the signature block (ô 7) and the recipients (ô 9b)."""

from __future__ import annotations

from typing import Literal

from pydantic import field_validator

from .base import F, Model, _as_list, _named_items


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
