"""The letter "đ)" between "d)" and "e)": KH219 owns the question (Decree 30 letters điểm in the
Vietnamese alphabet, a b c d đ e g …), for points typed in the text and for items' labels alike;
KH212 (repeated or out-of-order labels) leaves that one pair to it and judges every other gap."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach.common.i18n import set_lang
from kehoach.compose.composer import compose
from kehoach.lint import lint
from kehoach.lint.config import Config
from kehoach.lint.rules.registry import complete_example
from kehoach.source.loader import load_path

LABELS = """\
sections:
  - role: solutions
    items:
      - heading: Tổ chức thực hiện
        numbering: letter
        items:
{items}
"""


def _items(*labels: str | None) -> str:
    """Five children with these typed labels (None: numbered by the tool)."""
    texts = ["Rà soát chính sách.", "Tập huấn.", "Truyền thông.", "Kiểm tra.", "Sơ kết.", "Tổng kết."]
    lines = []
    for label, text in zip(labels, texts):
        lines.append(f"          - {text}" if label is None else f'          - {{label: "{label}", text: {text}}}')
    return LABELS.format(items="\n".join(lines))


def _findings(tmp_path: Path, fragment: str, *codes: str):
    path = tmp_path / "plan.yaml"
    path.write_text(complete_example(fragment), encoding="utf-8")
    loaded = load_path(path)
    assert loaded.plan is not None, [str(d) for d in loaded.diagnostics]
    return loaded, [d for d in lint(loaded, config=Config()) if d.code in codes]


def _printed(loaded) -> list[str]:
    return [b.label for b in compose(loaded.plan).parts[0].blocks if getattr(b, "level", None) == 2 and b.label]


@pytest.mark.parametrize("labels", [
    ("a)", "b)", "c)", "d)", "e)"),  # every label typed
    (None, None, None, None, "e)"),  # "d)" numbered by the tool, "e)" typed after it
    (None, None, None, "d)", "e)"),
])
def test_e_after_d_is_kh219s_finding_and_not_kh212s(labels, tmp_path: Path) -> None:
    loaded, found = _findings(tmp_path, _items(*labels), "KH212", "KH219")
    assert _printed(loaded) == ["a)", "b)", "c)", "d)", "e)"]
    [finding] = found
    assert finding.code == "KH219"
    assert '"e)"' in finding.message and '"d)"' in finding.message and 'thiếu "đ)"' in finding.message
    line = loaded.source.text.splitlines()[finding.line - 1]
    assert 'label: "e)"' in line  # at the typed label


@pytest.mark.parametrize("labels", [
    ("a)", "b)", "c)", "d)", "đ)", "e)"),
    (None, None, None, None, "đ)", "e)"),
    (None, None, None, None, None, None),  # the tool's letters: a b c d đ e
])
def test_d_stroke_e_is_quiet_for_both_rules(labels, tmp_path: Path) -> None:
    loaded, found = _findings(tmp_path, _items(*labels), "KH212", "KH219")
    assert _printed(loaded) == ["a)", "b)", "c)", "d)", "đ)", "e)"]
    assert found == []


def test_other_gaps_stay_kh212s(tmp_path: Path) -> None:
    """"c)" then "e)" skips "d)" and "đ)": a gap KH212 reports; KH219 says nothing of it."""
    loaded, found = _findings(tmp_path, _items("a)", "b)", "c)", "e)"), "KH212", "KH219")
    assert [d.code for d in found] == ["KH212"]
    assert "'e)'" in found[0].message and "'c)'" in found[0].message


def test_capital_letters_and_brackets_keep_their_form(tmp_path: Path) -> None:
    loaded, found = _findings(tmp_path, _items("(a)", "(b)", "(c)", "(d)", "(e)"), "KH212", "KH219")
    [finding] = found
    assert finding.code == "KH219" and 'thiếu "(đ)"' in finding.message
    loaded, found = _findings(tmp_path, _items("A.", "B.", "C.", "D.", "E."), "KH212", "KH219")
    [finding] = found
    assert finding.code == "KH219" and 'thiếu "Đ."' in finding.message
    # "d)" then "E." are two different forms: no pair to judge
    loaded, found = _findings(tmp_path, _items("a)", "b)", "c)", "d)", "E."), "KH219")
    assert found == []


def test_typed_in_the_text_too(tmp_path: Path) -> None:
    fragment = """\
sections:
  - role: solutions
    items:
      - text:
          - a) Rà soát chính sách.
          - b) Tập huấn.
          - c) Truyền thông.
          - d) Kiểm tra.
          - {e}) Tổng kết.
"""
    _, found = _findings(tmp_path, fragment.format(e="e"), "KH212", "KH219")
    assert [d.code for d in found] == ["KH219"] and '"đ)"' in found[0].message
    fragment = fragment.replace("          - {e}) Tổng kết.", "          - đ) Sơ kết.\n          - e) Tổng kết.")
    assert _findings(tmp_path, fragment, "KH212", "KH219")[1] == []


def test_english_message(tmp_path: Path) -> None:
    set_lang("en")
    try:
        _, [finding] = _findings(tmp_path, _items("a)", "b)", "c)", "d)", "e)"), "KH212", "KH219")
    finally:
        set_lang("vi")
    assert finding.message == ('label "e)" is printed straight after "d)": "đ)" is missing '
                               "(the Vietnamese alphabet: a, b, c, d, đ, e, g, h …)")
