"""What a batch tells its user (issue 11.14): notes are counted as notes, and a table with the wrong
column headers is one error that names the columns the plan reads."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from typer.testing import CliRunner

from kehoach.batch.runner import MANIFEST, Options, run
from kehoach.cli.main import _register, app
from kehoach.common.diagnostics import KehoachError, Severity

_register()

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "batch"
PLAN = EXAMPLE / "plan.yaml"


def batch(*args: object, lang: str = "en") -> tuple[int, str]:
    result = CliRunner().invoke(app, ["--lang", lang, "batch", *map(str, args)])
    return result.exit_code, result.output


def severities(out: Path) -> Counter:
    units = json.loads((out / MANIFEST).read_text("utf-8"))["units"]
    return Counter(d["severity"] for unit in units for d in unit["diagnostics"])


# A unit name no letterhead break can fit in its column: a KH213 note (the build breaks real names
# after "ỦY BAN NHÂN DÂN" and before the unit, so real units get none).
OVERLONG = "Xã Tân Phước Hưng Thịnh Vượng Đông Tây Nam Bắc"


def test_notes_are_counted_as_notes_not_warnings(tmp_path: Path) -> None:
    units = tmp_path / "units.csv"
    units.write_text("name,place\n" + "".join(f"{OVERLONG} {n},Tân Phước\n" for n in range(1, 6)),
                     encoding="utf-8")
    out = tmp_path / "out"
    code, output = batch(PLAN, "--units", units, "-o", out, "-j", 1)
    found = severities(out)
    # a KH213 note on each letterhead, and a KH230 one: the plan is a draft (number and day blank)
    assert code == 0 and found["info"] == 10 and found["warning"] == 0, output
    assert f"In the units: 0 error(s), 0 warning(s), 10 note(s) (details: {out / MANIFEST})" in output
    assert "warnings in built units" not in output

    code, output = batch(PLAN, "--units", units, "-o", tmp_path / "vi", "-j", 1, "--force", lang="vi")
    assert "Trong các đơn vị: 0 lỗi, 0 cảnh báo, 10 ghi chú" in output
    assert "5 cảnh báo" not in output


def test_errors_warnings_and_notes_are_counted_apart(tmp_path: Path) -> None:
    units = tmp_path / "units.csv"
    units.write_text("name,place,sections.0.heading\n"
                     f"{OVERLONG},Vĩnh Hòa,\n"  # a note (KH213)
                     "Xã An Phú,An Phú,mục đích và yêu cầu\n"  # a lower-case section heading: a warning (KH211)
                     ",Không Tên,\n", encoding="utf-8")  # no name: errors (KH160), the unit fails
    out = tmp_path / "out"
    code, output = batch(PLAN, "--units", units, "-o", out, "-j", 1)
    found = severities(out)
    assert code == 1 and found["error"] >= 1 and found["warning"] == 1 and found["info"] >= 1, output
    assert (f"In the units: {found['error']} error(s), 1 warning(s), {found['info']} note(s)" in output), output

    report = run(Options(PLAN, str(units), out, jobs=1, force=True))
    assert report.findings() == {Severity.error: found["error"], Severity.warning: 1, Severity.info: found["info"]}


def test_a_table_with_the_wrong_headers_is_one_error_naming_the_columns(tmp_path: Path) -> None:
    units = tmp_path / "units.csv"
    units.write_text("\n" + "Tên,Mã\n" + "".join(f"Xã Số {n},{n}\n" for n in range(1, 13)), encoding="utf-8")
    out = tmp_path / "out"
    code, output = batch(PLAN, "--units", units, "-o", out)
    assert code == 2, output
    assert output.count("KH061") == 1 and "KH160" not in output, output
    assert output.startswith(f"{units}:2: KH061"), output  # located at the header line (after a blank line)
    assert f"`name` ({PLAN}:11), `place` ({PLAN}:14)" in output  # needed: no `| default(...)` in the plan
    assert "The plan reads the columns: name, abbreviation, place, target, title, leader" in output
    assert "the table has: Tên, Mã" in output
    assert not out.exists()


def test_a_yaml_table_without_a_needed_key_is_one_error_too(tmp_path: Path) -> None:
    units = tmp_path / "units.yaml"
    units.write_text("- name: Xã A\n- name: Xã B\n", encoding="utf-8")  # no `place` in any row
    try:
        run(Options(PLAN, str(units), tmp_path / "out"))
    except KehoachError as exc:
        assert exc.exit_code == 2 and [d.code for d in exc.diagnostics] == ["KH061"]
        assert "`place`" in exc.diagnostics[0].message and "`name`" not in exc.diagnostics[0].message
        assert (exc.diagnostics[0].path, exc.diagnostics[0].line) == (str(units), 1)
    else:
        raise AssertionError("a table without `place` must not start")


def test_a_column_that_only_some_rows_leave_empty_still_fails_those_rows_alone(tmp_path: Path) -> None:
    units = tmp_path / "units.csv"
    units.write_text("name,place\nXã A,A\nXã B,\n", encoding="utf-8")  # the column exists: per-unit error
    code, output = batch(PLAN, "--units", units, "-o", tmp_path / "out", "-j", 1)
    assert code == 1 and "KH061" not in output and "unit «Xã B» has no field `unit.place`" in output
    assert "1 built, 0 unchanged (skipped), 1 failed" in output


def test_a_column_read_with_a_default_is_not_needed(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN.read_text("utf-8").replace("{{ unit.place }}", "{{ unit.place | default('Vĩnh Hòa') }}"),
                    encoding="utf-8")
    units = tmp_path / "units.csv"
    units.write_text("name\nXã A\n", encoding="utf-8")
    code, output = batch(plan, "--units", units, "-o", tmp_path / "out", "-j", 1)
    assert code == 0 and "KH061" not in output, output
