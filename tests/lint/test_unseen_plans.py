"""Misses and a wrong message seen on plans the rules had not been tuned on: the "Xét đề nghị" line's
end (KH216) says what compose really prints, TM. before a name in lower case or a single-head agency
(KH205), KT. above a signer who is no deputy (KH204), a valid syllable typed with the wrong tone
("phố biến", KH307)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach.compose.composer import compose
from kehoach.lint import lint
from kehoach.lint.config import Config
from kehoach.lint.fix import plan_fixes
from kehoach.lint.rules.registry import complete_example
from kehoach.source.loader import load_path, load_text


def found(tmp_path: Path, fragment: str, code: str) -> list:
    path = tmp_path / "plan.yaml"
    path.write_text(complete_example(fragment), encoding="utf-8")
    loaded = load_path(path)
    assert loaded.plan is not None, [str(d) for d in loaded.diagnostics]
    return [d for d in lint(loaded, config=Config()) if d.code == code]


def printed(text: str) -> list[str]:
    """Every paragraph of the composed document, as printed."""
    loaded = load_text(text, "/nonexistent/plan.yaml")
    assert loaded.plan is not None
    return [block.text for part in compose(loaded.plan).parts for block in part.blocks if hasattr(block, "text")]


# -- KH216: the proposal line's end -----------------------------------------------------------------

PREAMBLE = "preamble:\n  bases: [Căn cứ Luật Tổ chức chính quyền địa phương]\n  proposal: Xét đề nghị của Giám đốc Sở Tư pháp{end}\n"
DECISION = """decision:
  title: Ban hành Kế hoạch phổ biến pháp luật
  bases: [Căn cứ Luật Tổ chức chính quyền địa phương]
  proposal: Xét đề nghị của Giám đốc Sở Tư pháp{end}
  articles:
    - text: [Ban hành kèm theo Quyết định này Kế hoạch.]
  signature: {{on_behalf_of: Ủy ban nhân dân, authority: KT, head_title: Chủ tịch, title: Phó Chủ tịch, name: Lê Văn A}}
"""


def _proposal_printed(text: str) -> str:
    [line] = [p for p in printed(text) if "đề nghị của Giám đốc" in p]
    return line


@pytest.mark.parametrize(("fragment", "adds_stop"), [(PREAMBLE, False), (DECISION, True)], ids=["plan", "decision"])
def test_kh216_says_what_compose_prints_and_its_fix_ends_the_line_with_a_full_stop(
        fragment: str, adds_stop: bool, tmp_path: Path) -> None:
    """The message once said kehoach adds the full stop to every proposal line: compose prints a
    plan's line as typed (a comma dropped left no mark at all) and adds "." only to a decision's line
    typed without a mark."""
    [finding] = found(tmp_path, fragment.format(end=","), "KH216")
    assert ("công cụ tự thêm dấu chấm" in finding.message) is adds_stop
    assert ("đúng như đã gõ" in finding.message) is not adds_stop
    # What the message claims, read from the composed document.
    assert _proposal_printed(complete_example(fragment.format(end=""))).endswith(".") is adds_stop
    assert _proposal_printed(complete_example(fragment.format(end=","))).endswith(",")
    # The fix leaves a line that prints with its full stop, and nothing more to say.
    result = plan_fixes(load_path(tmp_path / "plan.yaml"), unsafe=True, config=Config(select=["KH216"]))
    fixed = result.fixed.decode("utf-8")
    assert _proposal_printed(fixed) == "Xét đề nghị của Giám đốc Sở Tư pháp."
    (tmp_path / "plan.yaml").write_text(fixed, encoding="utf-8")
    assert [d for d in lint(load_path(tmp_path / "plan.yaml"), config=Config()) if d.code == "KH216"] == []


def test_kh216_english_message(tmp_path: Path) -> None:
    from kehoach.common.i18n import set_lang

    set_lang("en")
    try:
        [plan] = found(tmp_path, PREAMBLE.format(end=","), "KH216")
        [decision] = found(tmp_path, DECISION.format(end=";"), "KH216")
    finally:
        set_lang("vi")
    assert "prints this line as typed" in plan.message and "adds" not in plan.message
    assert "';'" in decision.message and "the tool then adds the full stop" in decision.message


@pytest.mark.parametrize("place", ["line", "enacting"])
def test_kh216_a_plans_proposal_before_its_enacting_sentence_is_not_judged(place: str, tmp_path: Path) -> None:
    """"Xét đề nghị …," then "Ủy ban nhân dân tỉnh ban hành Kế hoạch … như sau:" is one sentence (what
    the importer reads from a real plan); in the enacting place compose writes the comma itself."""
    fragment = (f"generated: {{proposal_place: {place}}}\n" + PREAMBLE.format(end=",")
                + "  enacting: {body: Ủy ban nhân dân tỉnh}\n")
    assert found(tmp_path, fragment, "KH216") == []
    sentence = [p for p in printed(complete_example(fragment)) if "đề nghị" in p or "ban hành Kế hoạch" in p]
    assert sentence[0].startswith("Xét đề nghị của Giám đốc Sở Tư pháp, ") or (
        sentence == ["Xét đề nghị của Giám đốc Sở Tư pháp,", sentence[1]] and sentence[1].startswith("Ủy ban"))
