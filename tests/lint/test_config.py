"""Configuration: found upwards from the plan, select/ignore by prefix, severity overrides, the
agency directory, extra titles, ignore comments, and located errors for a broken file."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehoach.lint.config import Config, find_config
from kehoach.common.diagnostics import KehoachError, Severity
from kehoach.source.loader import load_path
from kehoach.lint import lint
from kehoach.lint.rules.registry import complete_example

PLAN = complete_example("""\
letterhead:
  issuer: SỞ TƯ PHÁP
  abbreviation: STP
  number: 5
  place: An Giang
  date: 2024-03-05  # the text repeats the issue date: KH203 checks it
preamble:
  paragraphs:
    - Giao sở tài chính bố trí kinh phí từ ngày 05 tháng 03 năm 2024.
""")


@pytest.fixture(autouse=True)
def _fresh_config_cache():
    find_config.cache_clear()
    yield
    find_config.cache_clear()


def _plan(folder: Path, text: str = PLAN) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _codes(path: Path) -> list[tuple[str, str]]:
    return [(d.code, d.severity.value) for d in lint(load_path(path))]


def test_defaults_without_any_configuration(tmp_path: Path) -> None:
    assert _codes(_plan(tmp_path / "a")) == [("KH201", "warning"), ("KH303", "warning"), ("KH203", "warning")]


def test_kehoach_toml_found_upwards_selects_ignores_and_overrides(tmp_path: Path) -> None:
    (tmp_path / "kehoach.toml").write_text(
        'select = ["KH2", "KH3"]\nignore = ["KH20"]\n[severity]\nKH303 = "error"\n', encoding="utf-8")
    path = _plan(tmp_path / "deep" / "er")
    assert _codes(path) == [("KH303", "error")]
    assert find_config(path.parent).path == str(tmp_path / "kehoach.toml")


def test_more_specific_select_wins_over_a_broad_ignore(tmp_path: Path) -> None:
    (tmp_path / "kehoach.toml").write_text('ignore = ["KH2"]\nselect = ["KH", "KH203"]\n', encoding="utf-8")
    assert _codes(_plan(tmp_path)) == [("KH303", "warning"), ("KH203", "warning")]


def test_pyproject_tool_table_and_pyproject_without_it(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.kehoach]\nignore = ["KH3"]\n', encoding="utf-8")
    (tmp_path / "inner").mkdir()
    (tmp_path / "inner" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert _codes(_plan(tmp_path / "inner" / "plans")) == [("KH201", "warning"), ("KH203", "warning")]


def test_agency_directory_names_are_capitalised_and_understood_as_recipients(tmp_path: Path) -> None:
    (tmp_path / "kehoach.toml").write_text(
        'select = ["KH303", "KH402"]\n'
        '[[agencies]]\nname = "Trung tâm Trợ giúp pháp lý"\nshort = ["TTTGPL"]\nabbreviation = "TGPL"\n',
        encoding="utf-8")
    text = complete_example("""\
preamble:
  paragraphs: [Giao trung tâm trợ giúp pháp lý tổ chức tư vấn.]
sections:
  - role: assignments
    items:
      - {body: Trung tâm Trợ giúp pháp lý, text: Tư vấn.}
      - {body: Sở Nội vụ, text: Phối hợp.}
recipients:
  items: [TTTGPL]
""")
    path = _plan(tmp_path, text)
    found = lint(load_path(path))
    assert [(d.code, d.line) for d in found] == [("KH303", 2), ("KH402", 7)]
    assert '"Trung tâm Trợ giúp pháp lý"' in found[0].message and "Sở Nội vụ" in found[1].message


def test_extra_titles(tmp_path: Path) -> None:
    text = complete_example("signature: {title: TRƯỞNG ĐOÀN KIỂM TRA, name: Lê Văn A}\n")
    assert _codes(_plan(tmp_path / "a", text)) == []
    text = complete_example("signature: {title: ĐỘI TRƯỞNG, name: Lê Văn A}\n")
    assert _codes(_plan(tmp_path / "b", text)) == [("KH206", "warning")]
    (tmp_path / "b" / "kehoach.toml").write_text('titles = ["Đội trưởng"]\n', encoding="utf-8")
    find_config.cache_clear()
    assert _codes(_plan(tmp_path / "b", text)) == []


def test_ignore_comments_silence_one_line(tmp_path: Path) -> None:
    text = PLAN.replace("  number: 5\n", "  number: 5  # kehoach: ignore[KH201]\n").replace(
        "năm 2024.\n", "năm 2024.  # kehoach: ignore\n")
    path = _plan(tmp_path, text)
    assert _codes(path) == []
    other = PLAN.replace("  number: 5\n", "  number: 5  # kehoach: ignore[KH203, KH3]\n")
    assert [c for c, _ in _codes(_plan(tmp_path / "b", other))] == ["KH201", "KH303", "KH203"]  # by column


@pytest.mark.parametrize("content, where", [
    ("select = [\n", None),
    ('selectt = ["KH2"]\n', "selectt"),
    ('[severity]\nKH201 = "fatal"\n', "severity.KH201"),
])
def test_broken_configuration_is_a_located_exit_2_error(tmp_path: Path, content: str, where: str | None) -> None:
    (tmp_path / "kehoach.toml").write_text(content, encoding="utf-8")
    with pytest.raises(KehoachError) as caught:
        lint(load_path(_plan(tmp_path / "p")))
    [diag] = caught.value.diagnostics
    assert caught.value.exit_code == 2 and diag.code == "KH020" and diag.path == str(tmp_path / "kehoach.toml")
    if where:
        assert f"`{where}`" in diag.message


def test_config_object_api() -> None:
    config = Config(select=["KH2"], ignore=["KH21"], severity={"KH203": "info"})
    assert config.enabled("KH203") and not config.enabled("KH211") and not config.enabled("KH301")
    assert config.severity_of("KH203", Severity.error) is Severity.info
    assert config.severity_of("KH201", Severity.error) is Severity.error


def test_agency_directory_short_forms_in_running_text(tmp_path: Path) -> None:
    (tmp_path / "kehoach.toml").write_text(
        'select = ["KH304"]\n[[agencies]]\nname = "Sở Lao động - Thương binh và Xã hội"\nshort = ["Sở LĐTBXH"]\n',
        encoding="utf-8")
    text = complete_example("""\
preamble:
  paragraphs:
    - Giao Sở LĐTBXH chủ trì.
    - Sở Lao động - Thương binh và Xã hội tổng hợp.
""")
    [short] = lint(load_path(_plan(tmp_path / "a", text)))
    assert (short.code, short.line, short.col) == ("KH304", 3, 12)
    assert "'Sở Lao động - Thương binh và Xã hội'" in short.message and "'Sở LĐTBXH'" in short.message
    introduced = text.replace("tổng hợp.", "tổng hợp (sau đây viết tắt là Sở LĐTBXH).")
    assert lint(load_path(_plan(tmp_path / "b", introduced))) == []


def test_ignore_comment_on_a_block_scalar_header_covers_its_lines(tmp_path: Path) -> None:
    text = PLAN.replace("  paragraphs:\n    - Giao sở tài chính bố trí kinh phí từ ngày 05 tháng 03 năm 2024.\n",
                        "  paragraphs:\n    - >-  # kehoach: ignore[KH203]\n      Giao sở tài chính bố trí kinh phí\n"
                        "      từ ngày 05 tháng 03 năm 2024.\n")
    found = lint(load_path(_plan(tmp_path, text)))
    assert [(d.code, d.line) for d in found] == [("KH201", 4), ("KH303", 10)]


def test_keys_wrapped_in_a_kehoach_table_are_explained(tmp_path: Path) -> None:
    (tmp_path / "kehoach.toml").write_text('[kehoach]\nignore = ["KH3"]\n', encoding="utf-8")
    with pytest.raises(KehoachError) as error:
        find_config(tmp_path)
    message = error.value.diagnostics[0].message
    assert error.value.diagnostics[0].code == "KH020"
    assert "`[kehoach]`" in message and "[tool.kehoach]" in message and "Extra inputs" not in message


def test_a_mistyped_key_gets_the_nearest_one(tmp_path: Path) -> None:
    (tmp_path / "kehoach.toml").write_text('ignores = ["KH3"]\n', encoding="utf-8")
    with pytest.raises(KehoachError) as error:
        find_config(tmp_path)
    assert "`ignores`" in error.value.diagnostics[0].message
    assert "có phải ý bạn là `ignore`" in error.value.diagnostics[0].message
    (tmp_path / "kehoach.toml").write_text('[[agencies]]\nname = "Sở Y tế"\nabreviation = "SYT"\n', encoding="utf-8")
    find_config.cache_clear()
    with pytest.raises(KehoachError) as error:
        find_config(tmp_path)
    assert "`abbreviation`" in error.value.diagnostics[0].message


def test_every_configuration_key_is_documented() -> None:
    from kehoach.source.config import Agency

    docs = (Path(__file__).parents[2] / "docs" / "configuration.md").read_text("utf-8")
    for key in [*Config.model_fields, *Agency.model_fields]:
        if key != "path":
            assert f"`{key}`" in docs, key


def test_the_command_line_selection_applies_over_the_configuration(tmp_path: Path) -> None:
    from kehoach.source.config import Selection

    (tmp_path / "kehoach.toml").write_text('select = ["KH2"]\nignore = ["KH203"]\n', encoding="utf-8")
    config = find_config(tmp_path)
    assert not config.enabled("KH303") and not config.enabled("KH203") and config.enabled("KH201")
    wider = Selection(extend_select=("KH303",)).apply(config)
    assert wider.enabled("KH303") and wider.enabled("KH201") and not wider.enabled("KH203")
    narrower = Selection(select=("KH203",), ignore=("KH201",)).apply(config)
    assert narrower.enabled("KH203") and not narrower.enabled("KH201") and not narrower.enabled("KH202")
