"""The importer's notes carry their codes, as findings do.

A note has a code that ``kehoach rules`` explains in both languages (declared beside the code that
says it), its comment in the YAML says the code, the command counts the notes by code and says where
in the original each one stands.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kehoach.cli.codes import CODES
from kehoach.cli.main import _register, app
from kehoach.importers import import_plan
from kehoach.importers.notes import Note, said

_register()
# Each declared beside the code that says it. KH518 (the line under the trích yếu left out) is no
# longer said: that line is imported as the plan's title_note.
NOTE_CODES = [f"KH{n}" for n in range(510, 530) if n != 518]

# A plan typed as text with no number or place line, a section number out of sequence and no
# signature: five notes of five kinds.
SHAKY = """ỦY BAN NHÂN DÂN
TỈNH HÀ TĨNH

KẾ HOẠCH
Tổ chức hội nghị

I. MỤC ĐÍCH
1. Một việc.
III. NỘI DUNG
1. Hai việc.
"""


def _shaky(tmp_path: Path) -> Path:
    source = tmp_path / "ke-hoach.txt"
    source.write_text(SHAKY, "utf-8")
    return source


def test_every_note_has_a_declared_code_and_its_comment_says_it(tmp_path: Path) -> None:
    imported = import_plan(_shaky(tmp_path))
    codes = [note.code for note in imported.notes]
    assert sorted(codes) == ["KH513", "KH514", "KH515", "KH522", "KH527"]
    for note in imported.notes:
        assert isinstance(note, Note)
        path, message = note  # still the (plan path, message) pair callers unpack
        assert message == note.text and note.vi and note.en and note.vi != note.en
    comments = re.findall(r"# kiểm tra \((KH\d+)\): ", imported.yaml)
    assert sorted(comments) == sorted(codes)
    assert "# kiểm tra:" not in imported.yaml


def test_a_note_knows_where_it_stands_in_the_original(tmp_path: Path) -> None:
    imported = import_plan(_shaky(tmp_path))
    literal = next(note for note in imported.notes if note.code == "KH522")
    assert literal.path == ("sections", 1, "label")
    # "III. NỘI DUNG" is the text's sixth paragraph: the letterhead's two lines, with no blank line
    # between them, are one
    assert literal.at == ("paragraph", 6)
    assert literal.where == "đoạn 6"
    missing = next(note for note in imported.notes if note.code == "KH527")
    assert missing.at is None and missing.where == ""  # about no one block: the signature is missing


def test_a_note_of_the_signature_stands_where_the_closing_starts(tmp_path: Path) -> None:
    source = tmp_path / "ky.txt"
    source.write_text("\n\n".join([
        "ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 5/KH-UBND", "Huế, ngày 2 tháng 3 năm 2025",
        "KẾ HOẠCH", "Về việc thử", "Ủy ban ban hành Kế hoạch về việc thử như sau:", "I. MỤC ĐÍCH",
        "1. Một việc.", "Nơi nhận:", "- Sở A;", "CHỦ TỊCH"]) + "\n", "utf-8")
    unnamed = [note for note in import_plan(source).notes if note.code == "KH528"]
    assert [(note.path, note.where) for note in unnamed] == [(("signature", "name"), "đoạn 10")]  # "Nơi nhận:"


def test_a_note_said_in_vietnamese_keeps_its_english(monkeypatch) -> None:
    from kehoach.common.i18n import set_lang

    message = said("KH516", "dòng «{t}»", "line «{t}»", t="X")
    assert message == "dòng «X»" and message.code == "KH516"
    note = Note(("letterhead",), message)
    set_lang("en")
    try:
        assert note.text == "line «X»"
    finally:
        set_lang("vi")


def test_a_note_knows_the_line_of_its_comment(tmp_path: Path) -> None:
    imported = import_plan(_shaky(tmp_path))
    lines = imported.yaml.splitlines()
    for note in imported.notes:
        comment = lines[note.line - 1].strip()
        assert comment.startswith(f"# kiểm tra ({note.code}): ") and comment.endswith(note.text)


def test_a_note_survives_copy_and_pickle(tmp_path: Path) -> None:
    import copy
    import pickle

    note = next(n for n in import_plan(_shaky(tmp_path)).notes if n.code == "KH522")
    for again in (copy.deepcopy(note), pickle.loads(pickle.dumps(note))):
        assert again == note and (again.code, again.vi, again.en, again.at) == (note.code, note.vi, note.en, note.at)


def test_the_command_counts_the_notes_by_code(tmp_path: Path) -> None:
    source = _shaky(tmp_path)
    result = CliRunner().invoke(app, ["import", str(source)])
    assert result.exit_code == 0, result.output
    assert "5 chỗ cần kiểm tra (KH513 ×1, KH514 ×1, KH515 ×1, KH522 ×1, KH527 ×1;" in result.output
    written = source.with_suffix(".yaml").read_text("utf-8").splitlines()
    line = next(n for n, text in enumerate(written, 1) if "# kiểm tra (KH522)" in text)
    assert f"  {source.with_suffix('.yaml')}:{line}: KH522 sections.1.label (đoạn 6): số mục khác thứ tự" \
        in result.output
    english = CliRunner().invoke(app, ["--lang", "en", "import", str(source), "--force"])
    assert f":{line}: KH522 sections.1.label (paragraph 6): the section number breaks the sequence" in english.output


@pytest.mark.parametrize("code", NOTE_CODES)
def test_kehoach_rules_explains_every_note_code_in_both_languages(code: str) -> None:
    assert code in CODES
    explained = CODES[code]
    assert explained.severity == "info"  # a note never fails a command
    assert explained.title_vi != explained.title_en and explained.explanation_vi != explained.explanation_en
    vi = CliRunner().invoke(app, ["rules", code])
    en = CliRunner().invoke(app, ["--lang", "en", "rules", code])
    assert vi.exit_code == en.exit_code == 0
    assert explained.title_vi in vi.output and explained.title_en in en.output
