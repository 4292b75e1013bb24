"""The country batch (every commune and ward, `vn:all`) prints every issuing body's name without a
KH213 note: the build breaks "ỦY BAN NHÂN DÂN PHƯỜNG BA ĐÌNH" after "ỦY BAN NHÂN DÂN" itself, and
every printed line fits its column."""

from __future__ import annotations

import json
from pathlib import Path

from kehoach.batch.runner import BUILT, MANIFEST, Options, run
from kehoach.compose.composer import compose
from kehoach.common.textwidth import letterhead_body_pt, letterhead_column_cm, letterhead_line_cm

PLAN = Path(__file__).resolve().parents[2] / "examples" / "batch" / "plan.yaml"


def letterhead_lines(plan, fmt, templates=None) -> bytes:
    """Stands in for the .docx writer (whose output the other batch tests read): the check runs
    before it exactly as in a real batch, and it records the composed letterhead, the lines the
    .docx prints, with their printed widths at the size the writer chooses."""
    head = compose(plan, templates=templates).parts[0].letterhead
    size = letterhead_body_pt(head.parent, head.issuer)
    rows = [(line, letterhead_line_cm(line, bold=True, size_pt=size)) for line in head.issuer]
    return json.dumps(rows, ensure_ascii=False).encode("utf-8")


def test_country_batch_has_no_letterhead_width_note(tmp_path: Path) -> None:
    out = tmp_path / "out"
    report = run(Options(PLAN, "vn:all", out, jobs=2), renderer=letterhead_lines)
    assert len(report.results) > 3000
    assert report.count(BUILT) == len(report.results)
    units = json.loads((out / MANIFEST).read_text("utf-8"))["units"]
    notes = [(u["name"], d["message"]) for u in units for d in u["diagnostics"] if d["code"] == "KH213"]
    assert notes == []
    column = letterhead_column_cm()
    broken = 0
    for unit in units:
        rows = json.loads((out / unit["output"]).read_text("utf-8"))
        assert all(width <= column for _, width in rows), (unit["name"], rows)
        assert rows[0][0] == "ỦY BAN NHÂN DÂN", rows
        broken += len(rows) > 1
    assert broken == len(units)  # "ỦY BAN NHÂN DÂN" / "PHƯỜNG …": never one run of text
