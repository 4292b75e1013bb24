"""Slugs: ASCII file names from unit names, unique in a batch, never outside the output folder."""

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kehoach.batch.slug import MAX_LENGTH, WINDOWS_DEVICES, UniqueSlugs, confined, slugify


@pytest.mark.parametrize("name, slug", [
    ("Xã Vĩnh Hòa", "xa-vinh-hoa"),
    ("Đặc khu Phú Quốc", "dac-khu-phu-quoc"),
    ("PHƯỜNG ĐỒNG XOÀI", "phuong-dong-xoai"),
    ("Phường 1", "phuong-1"),
    ("Xã  Mỹ   Hòa Hưng ", "xa-my-hoa-hung"),
    ("../../x", "x"),
    ("a/b\\c:d*e?.docx", "a-b-c-d-e-docx"),
    ("Xa\u0303 Vi\u0303nh Ho\u0300a", "xa-vinh-hoa"),  # NFD input
])
def test_slugify(name: str, slug: str) -> None:
    assert slugify(name) == slug


@pytest.mark.parametrize("name, slug", [
    ("CON", "con-file"), ("nul", "nul-file"), ("Aux", "aux-file"), ("PRN", "prn-file"),
    ("COM1", "com1-file"), ("lpt9", "lpt9-file"), ("COM0", "com0-file"),
    ("CON.docx", "con-docx"), ("nul.txt", "nul-txt"),  # the dot becomes a dash: no longer a device name
    (" con ", "con-file"), ("Cộn", "con-file"),  # blanks and accents are gone before the check
    ("COM10", "com10"), ("Xã Con", "xa-con"), ("console", "console"),  # not device names
])
def test_windows_device_names_are_never_a_slug(name: str, slug: str) -> None:
    assert slugify(name) == slug


def test_a_device_name_fallback_is_made_safe_too() -> None:
    assert slugify("", fallback="nul") == "nul-file"


def test_units_named_like_devices_get_files_windows_can_open(tmp_path: Path) -> None:
    from kehoach.batch.naming import output_names
    from kehoach.batch.units import read_units

    units = tmp_path / "units.csv"
    units.write_text("name,code\nCON,NUL\nnul,COM1\nCon,lpt1\n", encoding="utf-8")
    table = read_units(str(units))
    assert output_names(table, None) == ["con-file.docx", "nul-file.docx", "con-file-2.docx"]
    assert output_names(table, "{code}.docx") == ["nul-file.docx", "com1-file.docx", "lpt1-file.docx"]
    for name in output_names(table, None) + output_names(table, "{code}"):
        assert name.split(".")[0] not in WINDOWS_DEVICES


def test_nothing_left_gives_the_fallback() -> None:
    assert slugify("../..", fallback="unit-3") == "unit-3"
    assert slugify("", fallback="unit-1") == "unit-1"


def test_long_names_are_cut_without_a_trailing_dash() -> None:
    slug = slugify("Xã " + "rất dài " * 40)
    assert len(slug) <= MAX_LENGTH and not slug.endswith("-")


def test_unique_slugs_number_repeats_from_two() -> None:
    slugs = UniqueSlugs()
    assert [slugs.claim(s) for s in ["xa-an-phu", "xa-an-phu", "xa-an-phu", "xa-an-phu-2"]] == [
        "xa-an-phu", "xa-an-phu-2", "xa-an-phu-3", "xa-an-phu-2-2"]


def test_confined_refuses_paths_outside_the_folder(tmp_path: Path) -> None:
    assert confined(tmp_path, "xa-vinh-hoa.docx") == tmp_path.resolve() / "xa-vinh-hoa.docx"
    for bad in ["../x.docx", "sub/x.docx", "/etc/passwd"]:
        with pytest.raises(ValueError):
            confined(tmp_path, bad)


@given(st.text(max_size=200))
def test_any_name_gives_a_plain_file_name_inside_the_folder(name: str) -> None:
    slug = slugify(name, fallback="unit")
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug)
    assert slug not in WINDOWS_DEVICES
    assert confined(Path("/tmp/out"), slug + ".docx").parent == Path("/tmp/out").resolve()
