"""The YAML writer: what it writes reads back as the data, in a person's style, with comments in place."""

import datetime as dt

from hypothesis import given, settings, strategies as st
from ruamel.yaml import YAML

from kehoach.importers.emit import write_yaml as dump

TRICKY = ["yes", "No", "null", "~", "1.5", "05", "0x1F", "2024-05", "2024-05-01", "- item", "a: b", "x #y",
          "ends:", "#tag", "@at", "*star", "'quoted'", '"dq"', " lead", "trail ", "two  spaces", "tab\there",
          "line\nbreak", "", "[x]", "{x}", "%", "!bang", "|pipe", ">gt", "?q", "Điều 1.", "TT: TU, HĐND",
          "a" * 300, ("từ " * 60).strip(), "\u2028sep", "=", "<<"]


def load(text):
    return YAML(typ="safe").load(text)


def test_tricky_strings_read_back():
    data = {"letterhead": {"issuer": TRICKY, "number": "05", "date": dt.date(2025, 1, 2)},
            "sections": [{"heading": s, "items": [s, {"text": [s]}]} for s in TRICKY],
            "rows": [["1", "", None, 3, 2.5, True], [], {}], "empty": [], "none": {}}
    text = dump(data, [], [])
    assert load(text) == data


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(min_size=0, max_size=200), min_size=1, max_size=5))
def test_any_text_reads_back(texts):
    data = {"title": texts[0], "sections": [{"heading": "A", "text": texts}]}
    assert load(dump(data, [], [])) == data


def test_style_is_a_persons():
    long = "Căn cứ Nghị định số 186/2007/NĐ-CP ngày 25/12/2007 của Chính phủ quy định chức năng, " * 2
    data = {"letterhead": {"issuer": ["ỦY BAN NHÂN DÂN"], "number": "52"}, "title": long.strip(),
            "sections": [{"role": "purpose", "heading": "MỤC ĐÍCH", "items": ["Một", {"label": "-", "text": ["Hai"]}]}]}
    text = dump(data, [], ["Nhập từ x.docx"])
    lines = text.splitlines()
    assert lines[0] == "# yaml-language-server: $schema=./kehoach.schema.json"
    assert lines[1] == "# Nhập từ x.docx"
    assert '  number: "52"' in lines
    assert "title: >-" in lines and all(len(line) <= 100 for line in lines)
    assert "  - role: purpose" in lines and "      - label: \"-\"" in lines
    assert "" in lines[lines.index("title: >-") - 1:lines.index("title: >-")]  # blank line between top keys


def test_comments_sit_above_their_entry():
    data = {"letterhead": {"issuer": ["A"], "abbreviation": "X"}, "sections": [{"heading": "H", "items": ["a", "b"]}]}
    notes = [(("letterhead", "abbreviation"), "đoán"), (("sections", 0, "items", 1), "mục này"),
             (("nowhere",), "ở đầu tệp")]
    lines = dump(data, notes, []).splitlines()
    assert lines[lines.index("  abbreviation: X") - 1] == "  # kiểm tra (KH510): đoán"
    assert lines[lines.index("      - b") - 1] == "      # kiểm tra (KH510): mục này"
    assert "# kiểm tra (KH510): ở đầu tệp" in lines[:4]
    assert load("\n".join(lines)) == data


def test_footnote_keys_read_back_as_text_and_notes_stay():
    """Footnote ids '1', '2' are quoted (a bare `1:` reads back as an integer, which sent the file to
    the fallback dumper and lost every note); each note is a comment in the file."""
    data = {"title": "Kế hoạch", "sections": [{"heading": "MỤC ĐÍCH", "text": ["Đoạn[^1]."]}],
            "footnotes": {"1": "Chú thích một.", "2": "Chú thích hai."}}
    notes = [(("sections", 0, "heading"), "note one"), (("footnotes", "1"), "note two"), (("nowhere",), "note three")]
    text = dump(data, notes, [])
    assert load(text) == data
    assert "'1'" in text or '"1"' in text
    assert text.count("# kiểm tra (KH510):") == 3


def test_the_fallback_dumper_keeps_every_note(monkeypatch):
    import kehoach.importers.emit as emit

    monkeypatch.setattr(emit, "_reads_back", lambda text, data: False)
    data = {"title": "Kế hoạch " + "dài " * 40, "sections": [{"heading": "MỤC ĐÍCH"}]}
    from kehoach.importers.notes import Note

    notes = [Note(("sections", 0, "heading"), "note one"), Note(("title",), "note two")]
    text = emit.write_yaml(data, notes, ["header"])
    assert [text.splitlines()[note.line - 1] for note in notes] == [
        "# kiểm tra (KH510): sections.0.heading: note one", "# kiểm tra (KH510): title: note two"]
    assert load(text) == data
    assert "# kiểm tra (KH510): sections.0.heading: note one" in text and "# kiểm tra (KH510): title: note two" in text
    assert all(len(line) < 4096 for line in text.splitlines()) and "\n  dài" not in text


def test_integer_keys_stay_integers_and_the_emitter_is_used():
    """styles.headings has level numbers as keys: they read back as integers, so the file is the
    emitter's own (blank lines between parts), not the fallback's."""
    data = {"title": "Kế hoạch", "styles": {"headings": {0: "plain", 2: "bold"}}, "footnotes": {"1": "Một."}}
    text = dump(data, [], [])
    assert load(text) == data
    assert "\n\nstyles:" in text and "    0: plain" in text
