"""Provinces that no longer exist since the 2025 reorganisation, and the province each is part of now.

Resolution 202/2025/QH15 of the National Assembly (12/06/2025) merged the 63 provinces and cities
into 34; Thừa Thiên Huế had become the centrally-run city of Huế on 01/01/2025. The
vietnam-provinces releases that run on Python 3.11 (2025.x) list only today's provinces, so the
29 + 1 names that are gone are kept here, by the name people still type; each target is a name
that vietnam-provinces knows (a test checks every one).
"""

from __future__ import annotations

MERGED_2025 = "202/2025/QH15"  # a resolution (nghị quyết) of the National Assembly

# Former province → (the province it is part of now, the act that merged it, when one is cited).
FORMER_PROVINCES: dict[str, tuple[str, str | None]] = {
    "Hà Giang": ("Tuyên Quang", MERGED_2025),
    "Yên Bái": ("Lào Cai", MERGED_2025),
    "Bắc Kạn": ("Thái Nguyên", MERGED_2025),
    "Vĩnh Phúc": ("Phú Thọ", MERGED_2025),
    "Hòa Bình": ("Phú Thọ", MERGED_2025),
    "Bắc Giang": ("Bắc Ninh", MERGED_2025),
    "Thái Bình": ("Hưng Yên", MERGED_2025),
    "Hải Dương": ("Hải Phòng", MERGED_2025),
    "Hà Nam": ("Ninh Bình", MERGED_2025),
    "Nam Định": ("Ninh Bình", MERGED_2025),
    "Quảng Bình": ("Quảng Trị", MERGED_2025),
    "Thừa Thiên Huế": ("Huế", None),
    "Quảng Nam": ("Đà Nẵng", MERGED_2025),
    "Kon Tum": ("Quảng Ngãi", MERGED_2025),
    "Bình Định": ("Gia Lai", MERGED_2025),
    "Phú Yên": ("Đắk Lắk", MERGED_2025),
    "Ninh Thuận": ("Khánh Hòa", MERGED_2025),
    "Đắk Nông": ("Lâm Đồng", MERGED_2025),
    "Bình Thuận": ("Lâm Đồng", MERGED_2025),
    "Bình Phước": ("Đồng Nai", MERGED_2025),
    "Bình Dương": ("Hồ Chí Minh", MERGED_2025),
    "Bà Rịa - Vũng Tàu": ("Hồ Chí Minh", MERGED_2025),
    "Long An": ("Tây Ninh", MERGED_2025),
    "Tiền Giang": ("Đồng Tháp", MERGED_2025),
    "Bến Tre": ("Vĩnh Long", MERGED_2025),
    "Trà Vinh": ("Vĩnh Long", MERGED_2025),
    "Sóc Trăng": ("Cần Thơ", MERGED_2025),
    "Hậu Giang": ("Cần Thơ", MERGED_2025),
    "Bạc Liêu": ("Cà Mau", MERGED_2025),
    "Kiên Giang": ("An Giang", MERGED_2025),
}
