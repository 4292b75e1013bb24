"""Lint judges labels as the composer prints them: one walk (model/numbering.py, on model/style.py's
``printed_labels``) numbers a list for both, the sections by the plan's own ``styles.sections``
pattern included, a ``tasks: table`` section without the tasks it sends to the table."""

from __future__ import annotations

from pathlib import Path

from kehoach.compose.composer import compose
from kehoach.lint import lint
from kehoach.lint.config import Config
from kehoach.lint.rules.registry import complete_example
from kehoach.source.loader import load_path

SECTIONS_BY_LETTER = """\
styles: {sections: "A."}
sections:
  - {role: purpose, items: [Nâng cao nhận thức.]}
  - {label: "B.", role: solutions, heading: NHIỆM VỤ, items: [Tổ chức hội nghị.]}
  - {role: assignments, items: [{body: Sở Tư pháp, text: Chủ trì.}]}
"""


def _loaded(tmp_path: Path, fragment: str):
    path = tmp_path / "plan.yaml"
    path.write_text(complete_example(fragment), encoding="utf-8")
    loaded = load_path(path)
    assert loaded.plan is not None, [str(d) for d in loaded.diagnostics]
    return loaded


def test_kh210_numbers_the_sections_by_the_plans_own_pattern(tmp_path: Path) -> None:
    loaded = _loaded(tmp_path, SECTIONS_BY_LETTER)
    headings = [b.label for b in compose(loaded.plan).parts[0].blocks if getattr(b, "level", None) == 0 and b.label]
    assert headings == ["A.", "B.", "B."]  # the typed "B." takes no letter: the next section prints "B." again
    [repeat] = [d for d in lint(loaded, config=Config()) if d.code == "KH210"]
    assert repeat.line == 5  # the numbered section printed after the typed "B."
    assert "'B.'" in repeat.message and "A., B., …" in repeat.message


def test_kh210_quiet_when_the_typed_label_continues_the_plans_pattern(tmp_path: Path) -> None:
    fragment = SECTIONS_BY_LETTER.replace('label: "B."', 'label: "Phần B"')
    loaded = _loaded(tmp_path, fragment)
    assert not [d for d in lint(loaded, config=Config()) if d.code == "KH210"]


# A "tasks: table" section prints its tasks only in the generated "Danh mục nhiệm vụ": the items
# around them are numbered without them, and KH212 judges the labels as printed.
TASKS_IN_THE_TABLE = """\
sections:
  - role: purpose
    text: [Nâng cao nhận thức.]
  - role: solutions
    heading: NHIỆM VỤ
    tasks: table
    items:
      - {{heading: Tổ chức hội nghị tập huấn, lead: Sở Tư pháp, deadline: "2026-06"}}
      - {{heading: Kiểm tra đôn đốc, items: [{{text: Các sở kiểm tra định kỳ.}}]}}
      - {{label: "{typed}", heading: Sơ kết, items: [{{text: Báo cáo kết quả.}}]}}
  - {{role: assignments, items: [{{body: Sở Tư pháp, text: Chủ trì.}}]}}
"""


def _item_labels(loaded) -> list[str]:
    """The khoản labels the composer prints in the second section (NHIỆM VỤ)."""
    labels: list[str] = []
    section = 0
    for block in compose(loaded.plan).parts[0].blocks:
        level = getattr(block, "level", None)
        section += level == 0
        if section == 2 and level == 1 and block.label:
            labels.append(block.label)
    return labels


def test_kh212_judges_a_task_table_sections_labels_as_printed(tmp_path: Path) -> None:
    # The task goes to the table: the body prints "1." then the typed "2.", in order. The walk
    # that counted the task too printed "1." for it, "2." for the next item, and called the typed
    # "2." a repeat.
    loaded = _loaded(tmp_path, TASKS_IN_THE_TABLE.format(typed="2."))
    assert _item_labels(loaded) == ["1.", "2."]
    assert [b for b in compose(loaded.plan).parts[0].blocks
            if "Tổ chức hội nghị" in "".join(r.text for r in getattr(b, "runs", []))] == []  # in the table only
    assert not [d for d in lint(loaded, config=Config()) if d.code == "KH212"]


def test_kh212_sees_a_gap_the_task_table_leaves(tmp_path: Path) -> None:
    # Typed "3." after the one item the body prints ("1."): a gap on the page, which the walk that
    # counted the task ("1.", "2.", then "3.") did not see.
    loaded = _loaded(tmp_path, TASKS_IN_THE_TABLE.format(typed="3."))
    assert _item_labels(loaded) == ["1.", "3."]
    [gap] = [d for d in lint(loaded, config=Config()) if d.code == "KH212"]
    assert "'3.'" in gap.message and "'1.'" in gap.message
    assert loaded.source.text.splitlines()[gap.line - 1].strip().startswith('- {label: "3."')
