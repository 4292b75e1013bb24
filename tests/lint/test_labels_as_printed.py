"""Lint judges labels as the composer prints them: one function (model/style.py ``printed_labels``)
numbers a list for both, the sections by the plan's own ``styles.sections`` pattern included."""

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
