"""Loading: hostile YAML, encodings, and pydantic errors rewritten as located plain messages."""

from __future__ import annotations

import ast
import codecs
import re
import sys
import unicodedata
from pathlib import Path

import pytest

import kehoach.source.loader as load_module
from kehoach.common.diagnostics import Severity
from kehoach.source.encoding import MAX_BYTES, guess_legacy_encoding
from kehoach.common.i18n import set_lang
from kehoach.source.loader import MAX_DEPTH, load_path
from kehoach.source.messages import MODEL_MESSAGES, translate_model_message

FIXTURES = Path(__file__).parents[1] / "fixtures"
BAD = FIXTURES / "bad"
PLAN = (FIXTURES / "minimal_plan.yaml").read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def _vietnamese():
    set_lang("vi")
    yield
    set_lang("vi")


def only(path: Path):
    """The single diagnostic of loading ``path``."""
    diagnostics = load_path(path).diagnostics
    assert len(diagnostics) == 1, diagnostics
    return diagnostics[0]


def plan_with(tmp_path: Path, old: str, new: str) -> Path:
    assert old in PLAN
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN.replace(old, new, 1), encoding="utf-8")
    return path


def test_minimal_plan_loads_clean():
    loaded = load_path(FIXTURES / "minimal_plan.yaml")
    assert loaded.diagnostics == []
    assert loaded.plan.letterhead.number == "05"
    assert loaded.plan.signature.name == "Nguyễn Văn An"


# --------------------------------------------------------------------------------------------
# Hostile YAML
# --------------------------------------------------------------------------------------------


def test_invalid_yaml_is_located():
    d = only(BAD / "invalid_yaml.yaml")
    assert (d.code, d.line, d.col) == ("KH001", 3, 8)
    assert d.message.startswith("YAML không hợp lệ: ")
    assert "flow sequence" in d.message


def test_duplicate_key_points_at_the_second_key():
    d = only(BAD / "duplicate_key.yaml")
    assert (d.code, d.line, d.col) == ("KH002", 9, 1)
    assert d.message == "khóa `title` bị lặp lại"
    assert d.source_line.startswith("title: Phòng")


def test_billion_laughs_is_stopped():
    d = only(BAD / "alias_bomb.yaml")
    assert d.code == "KH003"
    assert "alias bomb" in d.message
    assert d.line == 1  # the innermost list, where the budget ran out


@pytest.mark.parametrize("text, line", [
    ("a: " + "[" * 10_000 + "]" * 10_000 + "\n", 1),
    ("".join("  " * i + "k:\n" for i in range(2_000)), MAX_DEPTH + 1),  # 4 MB: 10k would be 100 MB
])
def test_ten_thousand_levels_is_a_located_error(tmp_path, text, line):
    path = tmp_path / "deep.yaml"
    path.write_text(text)
    d = only(path)
    assert (d.code, d.line) == ("KH004", line)
    assert d.message == f"lồng nhau quá sâu (hơn {MAX_DEPTH} cấp)"


def test_nesting_at_the_limit_is_accepted(tmp_path):
    path = tmp_path / "ok.yaml"
    path.write_text("a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n")
    assert all(d.code != "KH004" for d in load_path(path).diagnostics)


def test_recursion_error_from_the_composer_becomes_kh004(tmp_path, monkeypatch):
    # Simulate a ruamel without max_depth: the composer recurses until Python gives up.
    monkeypatch.setattr(load_module, "MAX_DEPTH", 10**6)
    path = tmp_path / "deep.yaml"
    path.write_text("".join(" " * i + "k:\n" for i in range(1_500)))  # past Python's default limit of 1000
    limit = sys.getrecursionlimit()
    d = only(path)
    assert sys.getrecursionlimit() == limit
    assert d.code == "KH004"


def test_self_referencing_alias_is_too_deep(tmp_path):
    path = tmp_path / "loop.yaml"
    path.write_text("a: &a [*a]\n")
    d = only(path)
    assert (d.code, d.line, d.col) == ("KH004", 1, 4)


# --------------------------------------------------------------------------------------------
# Encodings and reading
# --------------------------------------------------------------------------------------------


def test_huge_file_is_refused(tmp_path):
    path = tmp_path / "huge.yaml"
    path.write_bytes(b"# " + b"x" * MAX_BYTES + b"\n")
    d = only(path)
    assert d.code == "KH005"
    assert d.message.startswith("tệp quá lớn (hơn 5 MB)")


def test_binary_data_is_refused_at_the_first_control_byte():
    d = only(BAD / "binary.yaml")
    assert (d.code, d.line, d.col) == ("KH006", 2, 12)
    assert "0x00" in d.message
    assert "\x00" not in d.source_line  # never echoed to a terminal


@pytest.mark.parametrize("name, encoding, line, col", [
    ("cp1258.yaml", "Windows-1258", 2, 18),
    ("tcvn3.yaml", "TCVN3", 1, 9),
    ("vni.yaml", "VNI", 1, 10),
])
def test_legacy_encodings_are_named(name, encoding, line, col):
    d = only(BAD / name)
    assert (d.code, d.line, d.col) == ("KH007", line, col)
    assert f"có vẻ được lưu bằng bảng mã {encoding}." in d.message


def test_latin1_bytes_are_not_called_vietnamese(tmp_path):
    path = tmp_path / "latin.yaml"
    path.write_bytes("title: 1 500 €\n".encode("cp1252"))
    assert guess_legacy_encoding(path.read_bytes()) is None
    d = only(path)
    assert d.message == "tệp không phải UTF-8 (byte 0x80); hãy lưu lại với mã UTF-8"


def test_bom_is_accepted():
    loaded = load_path(BAD / "bom.yaml")
    assert loaded.diagnostics == []
    assert loaded.plan.letterhead.parent == ["UBND TỈNH KIÊN GIANG"]
    assert loaded.source.positions[("letterhead",)] == (1, 1)


def test_utf16_with_bom_is_accepted(tmp_path):
    path = tmp_path / "utf16.yaml"
    path.write_bytes(codecs.BOM_UTF16_LE + PLAN.encode("utf-16-le"))
    loaded = load_path(path)
    assert loaded.diagnostics == []
    assert loaded.plan.title.startswith("Phòng, chống")


def test_tab_indentation_is_located():
    d = only(BAD / "tab_indent.yaml")
    assert (d.code, d.line, d.col) == ("KH008", 3, 1)
    assert d.message == "dùng ký tự tab để thụt lề; YAML chỉ cho phép dấu cách"


def test_nfd_text_is_normalised_with_a_note():
    loaded = load_path(BAD / "nfd.yaml")
    assert [(d.code, d.severity, d.line, d.col) for d in loaded.diagnostics] == [("KH009", Severity.info, 8, 10)]
    assert loaded.plan.title == unicodedata.normalize("NFC", loaded.plan.title)
    assert loaded.plan.title.startswith("Phòng, chống")


def test_non_nfc_character_without_combining_mark_is_normalised(tmp_path):
    # U+F900 is not NFC on its own (NFC maps it to U+8C48) and carries no combining mark.
    path = tmp_path / "compat.yaml"
    path.write_text(PLAN.replace("Phòng, chống", "Phòng \uf900 chống", 1), encoding="utf-8")
    loaded = load_path(path)
    assert [d.code for d in loaded.diagnostics] == ["KH009"]
    assert "\u8c48" in loaded.plan.title


@pytest.mark.parametrize("make, message", [
    (lambda tmp: tmp / "missing.yaml", "không tìm thấy tệp"),
    (lambda tmp: tmp, "là một thư mục, không phải tệp kế hoạch"),
])
def test_unreadable_paths(tmp_path, make, message):
    d = only(make(tmp_path))
    assert (d.code, d.message, d.line) == ("KH010", message, None)


@pytest.mark.skipif(sys.platform == "win32" or (hasattr(__import__("os"), "geteuid") and __import__("os").geteuid() == 0),
                    reason="root reads every file")
def test_permission_denied(tmp_path):
    path = tmp_path / "secret.yaml"
    path.write_text(PLAN)
    path.chmod(0)
    assert only(path).message == "không có quyền đọc tệp"


# --------------------------------------------------------------------------------------------
# Schema errors in plain words
# --------------------------------------------------------------------------------------------


def test_unknown_key_suggests_the_nearest():
    d = only(BAD / "unknown_key.yaml")
    assert (d.code, d.line, d.col) == ("KH102", 33, 1)
    assert d.message == "khóa `signatur` không hợp lệ; có phải ý bạn là `signature`?"


def test_unknown_key_without_a_near_one_lists_the_valid_keys(tmp_path):
    d = only(plan_with(tmp_path, "title: Phòng", "zzzzz: 1\ntitle: Phòng"))
    assert (d.code, d.line) == ("KH102", 8)
    assert d.message.startswith("khóa `zzzzz` không hợp lệ; các khóa hợp lệ: profile, kind, status, letterhead, title")


def test_missing_field_uses_the_dotted_yaml_path():
    d = only(BAD / "missing_field.yaml")
    assert (d.code, d.line, d.col) == ("KH101", 33, 1)
    assert d.message == "thiếu trường bắt buộc `signature.name`"


def test_misspelt_key_does_not_also_report_the_missing_one(tmp_path):
    d = only(plan_with(tmp_path, "    - name: UBND tỉnh", "    - nam: UBND tỉnh"))
    assert d.message == "khóa `nam` không hợp lệ; có phải ý bạn là `name`?"


@pytest.mark.parametrize("old, new, line, message", [
    ("title: Phòng, chống lao động trẻ em giai đoạn 2021 - 2025", "title: [x]", 8,
     "`title`: cần văn bản (chuỗi), nhận được một danh sách"),
    ("start: 2021", "start: hai", 10, "`period.start`: cần số nguyên, nhận được văn bản `hai`"),
    ("partners: [Sở Thông tin và Truyền thông]", "partners: {a: 1}", 26,
     "`sections[2].items[0].partners`: cần danh sách (các dòng bắt đầu bằng '- '), nhận được một bảng khóa: giá trị"),
    ("focal: true", "focal: maybe", 31, "`sections[3].items[0].focal`: cần true hoặc false, nhận được văn bản `maybe`"),
    ("start: 2021", "start: 1800", 10, "`period.start`: phải lớn hơn hoặc bằng 1900 (nhận được 1800)"),
    ("authority: KT", "authority: XX", 34,
     "`signature.authority`: giá trị `XX` không hợp lệ; chọn một trong: KT, Q, TL, TUQ"),
    ("role: situation", "role: situaton", 14,
     "`sections[0].role`: giá trị `situaton` không hợp lệ; chọn một trong: purpose, viewpoints, situation, goals, "
     "content, scope, solutions, budget, rewards, assignments, reporting (có phải ý bạn là `situation`?)"),
    ("id: giam-ldte", "id: Giảm LĐTE", 18,
     "`sections[1].items[0].id`: cần mã gồm chữ thường không dấu, số, '-', '_', '.' (ví dụ: giam-ldte), "
     "nhận được văn bản `Giảm LĐTE`"),
    ("end: 2025", "end: 2019", 9, "`period`: năm kết thúc (`end`) trước năm bắt đầu (`start`)"),
    ("    items:\n      - body: Sở Lao động - Thương binh và Xã hội\n        focal: true\n        text: Là cơ quan",
     "    items: 5\n    text: Là cơ quan", 29,
     "`sections[3].items`: cần danh sách (các dòng bắt đầu bằng '- '), nhận được số 5"),
])
def test_wrong_values(tmp_path, old, new, line, message):
    d = only(plan_with(tmp_path, old, new))
    assert (d.code, d.line, d.message) == ("KH103", line, message)


def test_union_members_collapse_into_one_message(tmp_path):
    # letterhead.date is `date | "YYYY-MM" | "YYYY"`: pydantic reports each member.
    d = only(plan_with(tmp_path, "date: 2025-03-14", "date: 14/03/2025"))
    assert (d.code, d.line, d.col) == ("KH103", 7, 3)
    assert d.message == ("`letterhead.date`: văn bản `14/03/2025` không hợp lệ; cần ngày (YYYY-MM-DD) "
                         "hoặc tháng và năm (YYYY-MM) hoặc chỉ năm (YYYY)")


def test_union_member_that_matched_the_shape_reports_its_own_errors(tmp_path):
    table = ("appendices:\n  - title: T\n    tables:\n      - columns: [A, B]\n"
             "        rows:\n          - [1, 2, 3]\n          - {grp: x}\nrecipients:")
    diagnostics = load_path(plan_with(tmp_path, "recipients:", table)).diagnostics
    # A row that is a mapping is a group row: its misspelt key is the one error, not "expects a list".
    assert [(d.code, d.line, d.col, d.message) for d in diagnostics] == [
        ("KH102", 44, 14, "khóa `grp` không hợp lệ; có phải ý bạn là `group`?")]


def test_row_width_error_points_at_the_row(tmp_path):
    table = ("appendices:\n  - title: T\n    tables:\n      - columns: [A, B]\n"
             "        rows:\n          - [1, 2]\n          - [1, 2, 3]\nrecipients:")
    d = only(plan_with(tmp_path, "recipients:", table))
    assert (d.code, d.line, d.col) == ("KH103", 44, 13)
    assert d.message == "`appendices[0].tables[0]`: dòng 2 có 3 ô, nhưng bảng có 2 cột"


def test_a_plan_must_be_a_mapping(tmp_path):
    path = tmp_path / "list.yaml"
    path.write_text("- a\n- b\n")
    assert only(path).code == "KH104"


def test_english_messages(tmp_path):
    set_lang("en")
    assert only(BAD / "unknown_key.yaml").message == "unknown key `signatur`; did you mean `signature`?"
    assert only(BAD / "missing_field.yaml").message == "missing required field `signature.name`"
    assert only(BAD / "duplicate_key.yaml").message == "duplicate key `title`"
    assert only(plan_with(tmp_path, "start: 2021", "start: hai")).message == \
        "`period.start`: expects a whole number, got the text `hai`"


def test_every_model_validator_message_is_translated():
    """Each ``raise ValueError(...)`` in the model package has a Vietnamese message here."""
    model_dir = Path(load_module.__file__).parents[1] / "model"
    raised = []  # (message with each {…} written as 1), read with ast: messages span lines
    for path in sorted(model_dir.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) \
                    and getattr(node.exc.func, "id", None) == "ValueError":
                message = node.exc.args[0]
                parts = message.values if isinstance(message, ast.JoinedStr) else [message]
                raised.append("".join(p.value if isinstance(p, ast.Constant) else "1" for p in parts))
    assert len(raised) >= 8
    for sample in raised:
        message = sample
        translated = translate_model_message(sample)
        assert translated is not None, message
        vi_text, _ = translated
        assert vi_text != sample, message
    assert len(MODEL_MESSAGES) == len(raised)


def test_safe_yaml_uses_the_c_parser_only_when_the_nesting_allows_it():
    from kehoach.source.loader import C_COMPOSE_MAX_BOUND, safe_yaml

    deep = "[" * (C_COMPOSE_MAX_BOUND + 1) + "]" * (C_COMPOSE_MAX_BOUND + 1)
    assert safe_yaml(deep).pure is True
    shallow = "roles: [situation, goals]\non: off\n"
    yaml = safe_yaml(shallow)
    assert yaml.pure is False
    assert yaml.load(shallow) == {"roles": ["situation", "goals"], "on": "off"}  # YAML 1.2: no yes/no/on/off booleans


def _big_table_plan(rows: int) -> str:
    table = "".join(f'      - [{i}, "Xã {i}", 10, 20, 30, "ghi chú"]\n' for i in range(1, rows + 1))
    return (PLAN + "appendices:\n  - title: Danh sách\n    tables:\n      - title: Bảng 1\n"
            "        columns: [TT, Xã, A, B, C, Ghi chú]\n        rows:\n" + table.replace("      - [", "          - ["))


def test_a_large_plan_without_aliases_is_not_an_alias_bomb(tmp_path):
    """42,000 rows of 6 cells (about 300,000 plain nodes, 2 MB): big, but no alias in it."""
    path = tmp_path / "big.yaml"
    path.write_text(_big_table_plan(42_000), encoding="utf-8")
    loaded = load_path(path)
    assert [d.code for d in loaded.diagnostics if d.severity is Severity.error] == []
    assert loaded.plan is not None and len(loaded.plan.appendices[0].tables[0].rows) == 42_000


def test_aliases_still_count_against_the_budget(tmp_path):
    """A few aliases of a big list: small file, over the budget once expanded."""
    items = "".join(f"    - x{i}\n" for i in range(1000))
    uses = "".join(f"  k{i}: *big\n" for i in range(300))
    path = tmp_path / "aliases.yaml"
    path.write_text(f"a:\n  base: &big\n{items}b:\n{uses}", encoding="utf-8")
    d = only(path)
    assert d.code == "KH003" and "alias" in d.message


BRACKETS_AS_TEXT = (
    PLAN
    + "notes: |\n" + "".join("  [[[ {{ ]]] }}\n" for _ in range(300))
    + "".join(f"# [[[{i}]]] {{{{\n" for i in range(300))
    + "other: " + '"' + "[" * 500 + '"\n'
)


def test_brackets_that_are_text_keep_the_fast_parser(monkeypatch):
    from kehoach.source.loader import C_COMPOSE_MAX_BOUND, Source, YAML, c_parser_is_safe, parse_yaml

    assert BRACKETS_AS_TEXT.count("[") + BRACKETS_AS_TEXT.count("{") > C_COMPOSE_MAX_BOUND
    assert c_parser_is_safe(BRACKETS_AS_TEXT, MAX_DEPTH + 1)
    composers = []

    def spy(*args, **kwargs):
        yaml = YAML(*args, **kwargs)
        composers.append(yaml.pure)
        return yaml

    monkeypatch.setattr(load_module, "YAML", spy)
    data = parse_yaml(Source("x.yaml", BRACKETS_AS_TEXT))
    assert data["other"] == "[" * 500
    assert composers[-1] is False  # composed by the C parser


@pytest.mark.parametrize("text", [
    "a: " + "[" * 2000 + "]" * 2000 + "\n",
    "a: " + "{x: " * 1100 + "1" + "}" * 1100 + "\n",
    "".join(" " * (2 * i) + f"k{i}:\n" for i in range(600)) + " " * 1200 + "v: 1\n",
])
def test_documents_that_do_nest_deep_are_not_given_to_the_c_parser(text):
    from kehoach.source.loader import c_parser_is_safe

    assert not c_parser_is_safe(text, MAX_DEPTH + 1)
