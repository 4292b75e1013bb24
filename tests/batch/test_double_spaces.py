"""Unit names with two spaces in a row (vietnam-provinces 2025.10.1 spells ten that way, e.g.
"Phường  An Nhơn") are printed with one space; a units file that has them gets a KH164 warning at the
cell (issue 26.9)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from kehoach.batch.runner import BUILT, MANIFEST, Options, run
from kehoach.batch.units import communes, find_province, read_units
from kehoach.compose.composer import compose

PLAN = Path(__file__).resolve().parents[2] / "examples" / "batch" / "plan.yaml"
UNITS = PLAN.with_name("units.csv")


def test_the_official_list_has_no_double_space():
    rows = communes(find_province("ho-chi-minh"))
    assert "Phường An Nhơn" in {row["name"] for row in rows}
    assert not [row for row in rows if re.search("  ", row["name"] + row["place"])]


def test_a_units_file_with_a_double_space_is_fixed_with_a_located_warning(tmp_path):
    units = tmp_path / "units.csv"
    lines = UNITS.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].replace("Phường Long Xuyên", "Phường  Long  Xuyên")
    units.write_text("\n".join(lines) + "\n", encoding="utf-8")
    table = read_units(str(units))
    unit = table.units[1]
    assert unit.fields["name"] == "Phường Long Xuyên"
    assert [(n.code, n.severity.value, n.line) for n in unit.notes] == [("KH164", "warning", 3)]

    def issuer(plan, fmt, templates=None) -> bytes:
        return json.dumps(compose(plan, templates=templates).parts[0].letterhead.issuer,
                          ensure_ascii=False).encode("utf-8")

    out = tmp_path / "out"
    report = run(Options(PLAN, str(units), out, jobs=1), renderer=issuer)
    assert report.count(BUILT) == len(report.results)
    entries = json.loads((out / MANIFEST).read_text("utf-8"))["units"]
    entry = next(e for e in entries if e["name"] == "Phường Long Xuyên")
    # KH230 (info) lists what the văn thư fills in on the batch example, a draft; the unit's own warning is KH164
    assert [d["code"] for d in entry["diagnostics"] if d["code"] != "KH230"] == ["KH164"]
    printed = " ".join(json.loads((out / entry["output"]).read_text("utf-8")))
    assert "PHƯỜNG LONG XUYÊN" in printed and "  " not in printed
