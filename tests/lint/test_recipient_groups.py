"""A Nơi nhận group with its own "Lưu" line ("- UBND tỉnh: + CT, các PCT; + Lưu: VT.", issue 24):
KH224 accepts it inside a group and still refuses a top-level "Lưu:" typed as a recipient (two
"Lưu" lines would be printed)."""

from __future__ import annotations

from pathlib import Path

from kehoach.lint import lint
from kehoach.lint.config import Config
from kehoach.lint.rules.registry import complete_example
from kehoach.source.loader import load_path

GROUP = """\
recipients:
  items:
    - Sở Tài chính
    - name: "UBND tỉnh:"
      items: [CT, các PCT, "Lưu: VT"]
"""


def kh209(tmp_path: Path, fragment: str) -> list[int]:
    path = tmp_path / "plan.yaml"
    path.write_text(complete_example(fragment), encoding="utf-8")
    loaded = load_path(path)
    assert loaded.plan is not None, [str(d) for d in loaded.diagnostics]
    return [d.line for d in lint(loaded, config=Config()) if d.code == "KH224" and d.severity.value == "error"]


def test_a_group_may_keep_its_own_archive_line(tmp_path: Path) -> None:
    assert kh209(tmp_path, GROUP) == []


def test_a_top_level_archive_line_is_still_refused(tmp_path: Path) -> None:
    lines = kh209(tmp_path, GROUP + '    - "Lưu: VT, NC"\n')
    assert len(lines) == 1
