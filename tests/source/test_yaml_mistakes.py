"""The YAML mistakes an officer makes most, each a located message that says what to do (issue 15)."""

from __future__ import annotations

from pathlib import Path

import pytest

import kehoach
from kehoach.common.i18n import set_lang
from kehoach.source.loader import load_path

MINIMAL = (Path(__file__).resolve().parents[1] / "fixtures" / "minimal_plan.yaml").read_text("utf-8")
SITUATION = "    text: Năm 2020, toàn tỉnh có 120 trẻ em lao động trái quy định của pháp luật.\n"


@pytest.fixture(autouse=True)
def _vietnamese():
    set_lang("vi")
    yield
    set_lang("vi")


def _plan(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_a_colon_inside_unquoted_text_says_to_quote_it(tmp_path):
    assert SITUATION in MINIMAL
    text = MINIMAL.replace(SITUATION, "    text: Thời gian: ngày 20 tháng 3 năm 2025, toàn tỉnh tổ chức ra quân.\n")
    (found,) = load_path(_plan(tmp_path, text)).diagnostics
    assert found.code == "KH001"
    assert (found.line, found.col) == (_line_of(text, "Thời gian:"), len("    text: Thời gian") + 1)
    assert "ngoặc kép" in found.message and "`>-`" in found.message and "Thời gian" in found.message
    assert "mapping values" not in found.message
    set_lang("en")
    (found,) = load_path(_plan(tmp_path, text)).diagnostics
    assert "double quotes" in found.message and "`>-`" in found.message


def test_the_quoted_and_folded_forms_the_message_suggests_do_load(tmp_path):
    quoted = MINIMAL.replace(SITUATION, '    text: "Thời gian: ngày 20 tháng 3 năm 2025, toàn tỉnh ra quân."\n')
    folded = MINIMAL.replace(SITUATION, "    text: >-\n      Thời gian: ngày 20 tháng 3 năm 2025, toàn tỉnh ra quân.\n")
    for text in (quoted, folded):
        loaded = load_path(_plan(tmp_path, text))
        assert loaded.diagnostics == [] and loaded.plan.sections[0].text[0].startswith("Thời gian: ngày 20")


def test_a_hash_inside_unquoted_text_warns_that_the_sentence_was_cut(tmp_path):
    text = MINIMAL.replace(SITUATION, "    text: Năm 2020, toàn tỉnh có #120 trẻ em lao động trái quy định.\n")
    loaded = load_path(_plan(tmp_path, text))
    assert loaded.plan is not None and loaded.plan.sections[0].text == ["Năm 2020, toàn tỉnh có"]  # what YAML read
    (found,) = loaded.diagnostics
    assert found.code == "KH030" and found.severity.value == "warning"
    assert (found.line, found.col) == (_line_of(text, "#120"), text.splitlines()[_line_of(text, "#120") - 1].index("#") + 1)
    assert "#120 trẻ em lao động trái quy định." in found.message and "ngoặc kép" in found.message
    # Also "# lower-case words ending a sentence."; but a real comment set off by two spaces is not.
    text = MINIMAL.replace(SITUATION, "    text: Năm 2020, toàn tỉnh tuyên truyền # trên báo chí.\n")
    assert [d.code for d in load_path(_plan(tmp_path, text)).diagnostics] == ["KH030"]
    for comment in ("  # ghi chú của người soạn", " # corrected: the seed writes \"tinh\"", "  #note"):
        text = MINIMAL.replace(SITUATION, f"    text: Năm 2020, toàn tỉnh tuyên truyền.{comment}\n")
        assert load_path(_plan(tmp_path, text)).diagnostics == [], comment


def test_two_pasted_paragraphs_merged_into_one_warn_and_show_the_list_form(tmp_path):
    text = MINIMAL.replace(SITUATION, SITUATION + "      Năm 2021, con số này giảm còn 100 trẻ em.\n")
    loaded = load_path(_plan(tmp_path, text))
    assert len(loaded.plan.sections[0].text) == 1  # YAML folded the two lines into one paragraph
    (found,) = loaded.diagnostics
    assert found.code == "KH031" and found.severity.value == "warning"
    assert (found.line, found.col) == (_line_of(text, "Năm 2021"), 7)
    assert "- Đoạn thứ nhất." in found.message and "- Đoạn thứ hai." in found.message
    # The list form it shows gives two paragraphs and no warning.
    listed = MINIMAL.replace(SITUATION, "    text:\n      - Năm 2020, toàn tỉnh có 120 trẻ em.\n"
                                        "      - Năm 2021, con số này giảm còn 100 trẻ em.\n")
    loaded = load_path(_plan(tmp_path, listed))
    assert loaded.diagnostics == [] and len(loaded.plan.sections[0].text) == 2
    # A sentence that simply wraps onto the next line is not two paragraphs.
    wrapped = MINIMAL.replace(SITUATION, "    text: Năm 2020, toàn tỉnh có 120 trẻ em lao động\n"
                                         "      trái quy định của pháp luật.\n")
    assert load_path(_plan(tmp_path, wrapped)).diagnostics == []


def test_a_paragraph_pasted_at_column_0_is_reported_on_its_own_line(tmp_path):
    text = MINIMAL.replace(SITUATION, SITUATION + "Năm 2021, con số này giảm còn 100 trẻ em.\n")
    (found,) = load_path(_plan(tmp_path, text)).diagnostics
    assert found.code == "KH001"
    assert (found.line, found.col) == (_line_of(text, "Năm 2021"), 1)
    assert found.source_line == "Năm 2021, con số này giảm còn 100 trẻ em."
    assert "Thụt lề" in found.message and "could not find" not in found.message


def test_the_examples_have_none_of_these_mistakes():
    root = Path(__file__).resolve().parents[2]
    found = [str(d) for path in sorted((root / "examples").glob("*.yaml")) for d in kehoach.check(path)
             if d.code in ("KH030", "KH031", "KH131")]
    assert found == []
