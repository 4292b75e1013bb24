"""TCVN3 and VNI text to Unicode by font."""

import unicodedata

import pytest

from kehoach.importers.legacy import convert, from_tcvn3, from_vni, legacy_of


@pytest.mark.parametrize("stored, font, expected", [
    ("Së Tµi chÝnh", ".VnTime", "Sở Tài chính"),
    ("KÕ ho¹ch ph¸t triÓn kinh tÕ - x· héi", ".VnTime", "Kế hoạch phát triển kinh tế - xã hội"),
    ("§¶ng bé tØnh", ".VnTime", "Đảng bộ tỉnh"),
    ("ñy ban nh©n d©n", ".VnTimeH", "ỦY BAN NHÂN DÂN"),
    ("Keá hoaïch", "VNI-Times", "Kế hoạch"),
    ("Sôû Taøi chính", "VNI-Times", "Sở Tài chính"),
    ("ñaàu tö, ngöôøi lao ñoäng", "VNI-Times", "đầu tư, người lao động"),
    ("UÛY BAN NHAÂN DAÂN", "VNI-Times", "ỦY BAN NHÂN DÂN"),
    ("Sở Tài chính", "Times New Roman", "Sở Tài chính"),
])
def test_convert_by_font(stored, font, expected):
    result = convert(stored, font)
    assert result == expected
    assert unicodedata.is_normalized("NFC", result)


def test_legacy_font_names():
    assert legacy_of(".VnTime") == legacy_of(".VnArialH") == "TCVN3"
    assert legacy_of("VNI-Times") == legacy_of("VNI-Helve") == "VNI"
    assert legacy_of("Times New Roman") is None and legacy_of(None) is None


def test_every_tcvn3_letter_is_distinct_and_vietnamese():
    letters = "ăâêôơưđàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
    from kehoach.importers.legacy import TCVN3
    assert set(letters) <= set(TCVN3.values())
    assert len(set(TCVN3.values())) == len(TCVN3)
    assert from_tcvn3("".join(k for k, v in TCVN3.items() if v in letters)) != ""
    assert from_vni("") == ""
