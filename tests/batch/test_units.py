"""Units tables: CSV, YAML, XLSX files and the official commune list (vn:<province>, vn:all)."""

import csv
import io
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from kehoach.cli.main import _register, app
from kehoach.common.diagnostics import KehoachError
from kehoach.common.i18n import set_lang
from kehoach.batch.units import EDITABLE_COLUMNS, VN_COLUMNS, _place, communes, find_province, read_units

_register()


def test_csv_rows_keep_text_drop_empty_cells_and_know_their_lines(tmp_path: Path) -> None:
    path = tmp_path / "units.csv"
    path.write_text("\ufeffname,leader,code,signature.name\n"
                    "Xa\u0303 Vĩnh Hòa, Nguyễn Văn An ,05,\n"
                    "\n"
                    "Phường Long Xuyên,,30307,Trần Thị Bích\n", encoding="utf-8")
    table = read_units(str(path))
    assert table.columns == ["name", "leader", "code", "signature.name"]
    first, second = table.units
    assert first.fields == {"name": "Xã Vĩnh Hòa", "leader": "Nguyễn Văn An", "code": "05"}  # NFC, stripped, "05" kept
    assert second.fields == {"name": "Phường Long Xuyên", "code": "30307", "signature.name": "Trần Thị Bích"}
    assert (first.line, second.line) == (2, 4)
    assert second.overrides() == {"signature.name": "Trần Thị Bích"}
    assert second.label == "Phường Long Xuyên"


def test_csv_with_semicolons_as_excel_writes_it(tmp_path: Path) -> None:
    path = tmp_path / "units.csv"
    path.write_text("name;place\r\nXã A, B;A\r\n", encoding="utf-8")
    assert read_units(str(path)).units[0].fields == {"name": "Xã A, B", "place": "A"}


def test_csv_duplicate_column_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "units.csv"
    path.write_text("name,place,name\nA,B,C\n", encoding="utf-8")
    with pytest.raises(KehoachError) as err:
        read_units(str(path))
    assert err.value.exit_code == 2
    assert err.value.diagnostics[0].code == "KH061" and "`name`" in err.value.diagnostics[0].message
    assert err.value.diagnostics[0].line == 1


def test_xlsx_rows_with_cell_positions(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["name", "target", "leader", "letterhead.place"])
    sheet.append(["Xã Vĩnh Hòa", 8.0, None, "Vĩnh Hòa"])
    sheet.append([None, None, None, None])
    sheet.append(["Xã Mỹ Hòa Hưng", 12.5, "Lê Văn Cường", None])
    path = tmp_path / "units.xlsx"
    book.save(path)
    table = read_units(str(path))
    assert [u.fields for u in table.units] == [
        {"name": "Xã Vĩnh Hòa", "target": 8, "letterhead.place": "Vĩnh Hòa"},
        {"name": "Xã Mỹ Hòa Hưng", "target": 12.5, "leader": "Lê Văn Cường"},
    ]
    assert table.units[0].cells["letterhead.place"] == (2, 4)
    assert table.units[1].line == 4


@pytest.mark.parametrize("text", [
    "- name: Xã Vĩnh Hòa\n  target: 8\n- name: Xã Mỹ Hòa Hưng\n  signature.name: Lê Văn Cường\n",
    "units:\n  - name: Xã Vĩnh Hòa\n    target: 8\n  - name: Xã Mỹ Hòa Hưng\n    signature.name: Lê Văn Cường\n",
])
def test_yaml_list_or_units_key(tmp_path: Path, text: str) -> None:
    path = tmp_path / "units.yaml"
    path.write_text(text, encoding="utf-8")
    table = read_units(str(path))
    assert [u.fields for u in table.units] == [
        {"name": "Xã Vĩnh Hòa", "target": 8}, {"name": "Xã Mỹ Hòa Hưng", "signature.name": "Lê Văn Cường"}]
    assert table.units[1].cells["signature.name"][0] == text.splitlines().index(
        next(line for line in text.splitlines() if "signature.name" in line)) + 1


def test_yaml_that_is_not_a_list_of_rows(tmp_path: Path) -> None:
    path = tmp_path / "units.yml"
    path.write_text("name: Xã A\n", encoding="utf-8")
    with pytest.raises(KehoachError) as err:
        read_units(str(path))
    assert err.value.exit_code == 2 and err.value.diagnostics[0].code == "KH061"


@pytest.mark.parametrize("spec, code", [("units.txt", "KH060"), ("missing.csv", "KH060"), ("vn:an-giag", "KH062")])
def test_unreadable_tables_are_usage_errors(tmp_path: Path, spec: str, code: str) -> None:
    if spec == "units.txt":
        (tmp_path / spec).write_text("name\nA\n")
    with pytest.raises(KehoachError) as err:
        read_units(spec if spec.startswith("vn:") else str(tmp_path / spec))
    assert err.value.exit_code == 2 and err.value.diagnostics[0].code == code


def test_vn_an_giang_is_the_official_list() -> None:
    table = read_units("vn:an-giang")
    assert len(table.units) > 50
    assert all(u.fields["name"] and u.fields["province"] == "An Giang" for u in table.units)
    names = {u.fields["name"]: u.fields for u in table.units}
    assert names["Đặc khu Phú Quốc"]["type"] == "đặc khu" and names["Đặc khu Phú Quốc"]["place"] == "Phú Quốc"
    codes = [u.fields["code"] for u in table.units]
    assert len(set(codes)) == len(codes) and all(len(c) == 5 and c.isdigit() for c in codes)
    assert "leader" not in table.units[0].fields  # empty editable columns are left to `| default(...)`


def test_vn_all_covers_every_province() -> None:
    table = read_units("vn:all")
    assert len({u.fields["province"] for u in table.units}) == 34
    assert len(table.units) > 3000


@pytest.mark.parametrize("query", ["An Giang", "an-giang", "AN GIANG", "Tỉnh An Giang", "an giang"])
def test_province_names_match_without_accents_or_prefix(query: str) -> None:
    assert find_province(query).name == "An Giang"


def test_city_prefix_is_optional() -> None:
    assert find_province("Hà Nội").name == "Thành phố Hà Nội"


def test_unknown_province_suggests_the_nearest() -> None:
    with pytest.raises(KehoachError) as err:
        find_province("An Giag")
    assert err.value.exit_code == 2
    assert "An Giang (an-giang)" in err.value.diagnostics[0].message


def test_place_keeps_numbered_names_whole() -> None:
    assert _place("Xã Vĩnh Hòa", "xã") == "Vĩnh Hòa"
    assert _place("Phường 1", "phường") == "Phường 1"
    assert _place("Đặc khu Côn Đảo", "đặc khu") == "Côn Đảo"


def test_units_command_writes_an_editable_csv(tmp_path: Path) -> None:
    out = tmp_path / "an-giang.csv"
    result = CliRunner().invoke(app, ["units", "--province", "An Giang", "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert list(rows[0]) == VN_COLUMNS + EDITABLE_COLUMNS
    assert [r["name"] for r in rows] == [r["name"] for r in communes(find_province("An Giang"))]
    assert all(r["leader"] == "" for r in rows)
    assert read_units(str(out)).units[0].fields["province"] == "An Giang"  # the file reads back as a table


def test_units_command_unknown_province_exits_2_with_suggestions() -> None:
    result = CliRunner().invoke(app, ["--lang", "en", "units", "--province", "Kien Gang"])
    assert result.exit_code == 2
    assert "KH062" in result.output and "did you mean" in result.output


@pytest.mark.parametrize("query, now, slug", [
    ("Kiên Giang", "An Giang", "an-giang"), ("kien-giang", "An Giang", "an-giang"),
    ("Tỉnh Bình Dương", "Thành phố Hồ Chí Minh", "ho-chi-minh"),
    ("Bà Rịa - Vũng Tàu", "Thành phố Hồ Chí Minh", "ho-chi-minh"), ("BAC LIEU", "Cà Mau", "ca-mau"),
    ("Thừa Thiên Huế", "Thành phố Huế", "hue"), ("Hoà Bình", "Phú Thọ", "phu-tho"),  # old-style accent
])
def test_a_province_merged_in_2025_says_which_province_it_is_now(query: str, now: str, slug: str) -> None:
    set_lang("vi")  # an earlier CLI test may have left English on
    with pytest.raises(KehoachError) as err:
        find_province(query)
    message = err.value.diagnostics[0].message
    assert err.value.exit_code == 2 and err.value.diagnostics[0].code == "KH062"
    assert f"thuộc {now}" in message and f"dùng `{slug}`" in message, message
    assert "có phải" not in message  # not "did you mean" a look-alike name


def test_every_former_province_points_at_a_province_of_today() -> None:
    from kehoach.batch.former_provinces import FORMER_PROVINCES
    from kehoach.batch.units import _province_key, province_slug, provinces

    today = {province_slug(p) for p in provinces()}
    assert len(today) == 34 and len(FORMER_PROVINCES) == 63 - 34 + 1  # 29 merged away, Thừa Thiên Huế renamed
    assert not {_province_key(name) for name in FORMER_PROVINCES} & today
    assert {_province_key(now) for now, _act in FORMER_PROVINCES.values()} <= today


def test_units_command_names_the_province_a_merged_one_is_part_of_now() -> None:
    result = CliRunner().invoke(app, ["--lang", "en", "units", "--province", "Kiên Giang"])
    assert result.exit_code == 2
    assert ("KH062 there is no province Kiên Giang any more: since 2025, Kiên Giang is part of An Giang "
            "(Resolution 202/2025/QH15); use `an-giang`") in result.output
