"""`kehoach import --format json / --output-format / --select / --ignore`: the importer's notes come out
as `kehoach check` reports findings (same reporters, same JSON shape), each at the line of its comment in
the written YAML and naming its document; the filters act on what is reported, never on the YAML."""

from __future__ import annotations

import json
import re
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from kehoach.cli.codes import CODES
from kehoach.cli.main import _register, app, main
from kehoach.common.i18n import set_lang

# A letterhead with no bold line, no number and no place line, a section number out of sequence and no
# signature: six notes of six kinds (KH511, KH513, KH514, KH515, KH522, KH527).
SHAKY = ["ỦY BAN NHÂN DÂN", "TỈNH HÀ TĨNH", "KẾ HOẠCH", "Tổ chức hội nghị", "I. MỤC ĐÍCH", "1. Một việc.",
         "III. NỘI DUNG", "1. Hai việc."]
COMMENT = re.compile(r"# kiểm tra \((KH\d{3})\): ")


def shaky_docx(path: Path, paragraphs: list[str] = SHAKY) -> Path:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def run(*args: str):
    _register("import")
    result = CliRunner().invoke(app, [*args])
    assert "Traceback" not in result.output
    return result


def report(result) -> dict:
    return json.loads(result.stdout)  # the whole of stdout is the report


def codes(document: dict) -> list[str]:
    return [item["code"] for item in document["diagnostics"]]


def test_json_holds_each_note_at_its_comment_in_the_yaml(tmp_path: Path) -> None:
    source = shaky_docx(tmp_path / "ke-hoach.docx")
    result = run("import", str(source), "--format", "json")
    assert result.exit_code == 0, result.output  # notes are not errors
    document = report(result)
    written = tmp_path / "ke-hoach.yaml"
    lines = written.read_text("utf-8").splitlines()
    assert sorted(codes(document)) == sorted(COMMENT.findall("\n".join(lines)))
    assert {"KH511", "KH513", "KH514", "KH515", "KH522", "KH527"} == set(codes(document))
    for item in document["diagnostics"]:
        assert set(item) == {"path", "line", "col", "code", "severity", "message"}  # check's shape
        assert item["path"] == str(written) and item["severity"] == "info"
        comment = lines[item["line"] - 1]
        assert comment[item["col"] - 1:].startswith(f"# kiểm tra ({item['code']}): ")
        assert f"({source}" in item["message"]  # the document it comes from
    literal = next(item for item in document["diagnostics"] if item["code"] == "KH522")
    assert literal["message"] == f"sections.1.label ({source}, đoạn 7): số mục khác thứ tự (ghi nguyên văn)"
    assert document["summary"] == {"files": 1, "errors": 0, "warnings": 0, "info": 6}
    assert document["imports"] == [{"document": str(source), "plan": str(written),
                                    "recognised": ["2 mục, 2 khoản/điểm, 0 phụ lục"], "notes": 6, "hidden": 0}]


def test_the_json_shape_is_checks(tmp_path: Path) -> None:
    """The same reporter: a plan checked and a document imported give items with the same keys."""
    source = shaky_docx(tmp_path / "a.docx")
    imported = report(run("import", str(source), "--format", "json"))
    _register("check")
    checked = json.loads(CliRunner().invoke(app, ["check", "--format", "json", str(tmp_path / "a.yaml")]).stdout)
    assert checked["diagnostics"], "the imported plan has findings to compare with"
    assert {tuple(item) for item in imported["diagnostics"]} == {tuple(item) for item in checked["diagnostics"]}
    assert set(imported["summary"]) == set(checked["summary"]) and imported["version"] == checked["version"]


def test_ignore_hides_a_code_from_the_report_but_not_from_the_yaml(tmp_path: Path) -> None:
    source = shaky_docx(tmp_path / "plan.docx")
    result = run("import", str(source), "--format", "json", "--ignore", "kh522")
    assert result.exit_code == 0, result.output
    document = report(result)
    assert "KH522" not in codes(document) and "KH527" in codes(document)
    assert document["imports"][0]["hidden"] == 1 and document["summary"]["info"] == 5
    assert "KH522" in COMMENT.findall((tmp_path / "plan.yaml").read_text("utf-8"))  # the review list stays whole


def test_ignore_on_the_screen_says_what_it_hid(tmp_path: Path) -> None:
    source = shaky_docx(tmp_path / "plan.docx")
    result = run("import", str(source), "--ignore", "KH51")
    assert result.exit_code == 0, result.output
    assert "2 chỗ cần kiểm tra (KH522 ×1, KH527 ×1;" in result.stderr
    assert "KH513" not in result.stderr
    assert "4 chỗ cần kiểm tra khác không liệt kê (--select/--ignore); tệp vẫn ghi đủ." in result.stderr
    assert result.stdout == f"{tmp_path / 'plan.yaml'}\n"
    assert len(COMMENT.findall((tmp_path / "plan.yaml").read_text("utf-8"))) == 6


def test_select_keeps_only_the_selected(tmp_path: Path) -> None:
    source = shaky_docx(tmp_path / "plan.docx")
    by_prefix = report(run("import", str(source), "--format", "json", "--select", "KH52"))
    assert sorted(codes(by_prefix)) == ["KH522", "KH527"]
    one = report(run("import", str(source), "--force", "--format", "json", "--select", "KH514,KH515"))
    assert sorted(codes(one)) == ["KH514", "KH515"]
    # check's semantics: --ignore wins over a shorter --select prefix
    both = report(run("import", str(source), "--force", "--format", "json", "--select", "KH5", "--ignore", "KH51"))
    assert sorted(codes(both)) == ["KH522", "KH527"]


@pytest.mark.parametrize("args", [["--format", "xml"], ["--ignore", "KH2"], ["--select", "KH999"],
                                  ["--output-format", "yaml"], ["--format", "json", "--output-format", "github"]])
def test_a_bad_option_is_a_usage_error_and_writes_nothing(tmp_path: Path, args: list[str]) -> None:
    source = shaky_docx(tmp_path / "plan.docx")
    result = run("import", str(source), *args)
    assert result.exit_code == 2, result.output
    assert [p.name for p in tmp_path.iterdir()] == ["plan.docx"]
    assert result.stdout == ""


def said(capsys, *args: str) -> tuple[int, str]:
    """The exit code and stderr of the command line as a user runs it (kehoach's own usage messages)."""
    with pytest.raises(SystemExit) as stop:
        main(list(args))
    set_lang("vi")
    return stop.value.code or 0, capsys.readouterr().err


def test_a_bad_format_is_said_clearly(tmp_path: Path, capsys) -> None:
    source = str(shaky_docx(tmp_path / "plan.docx"))
    assert said(capsys, "import", source, "--format", "xml") == (2, (
        "Cách dùng: kehoach import [TÙY CHỌN] DOCUMENTS...\nXem 'kehoach import -h' để biết cách dùng.\n\n"
        "Lỗi: giá trị không hợp lệ cho --format: định dạng `xml` không có; chọn: text | json\n"))
    code, english = said(capsys, "--lang", "en", "import", source, "--format", "xml")
    assert code == 2 and english.endswith("Error: Invalid value for --format: unknown format `xml`; choose: text | json\n")
    code, unknown = said(capsys, "import", source, "--ignore", "KH2")
    assert code == 2 and unknown.endswith("Lỗi: giá trị không hợp lệ cho --ignore: không có ghi chú nào của lệnh nhập "
                                          "có mã hoặc tiền tố `KH2` (KH510–KH529, xem `kehoach rules`)\n")
    assert [p.name for p in tmp_path.iterdir()] == ["plan.docx"]


def test_the_yaml_and_the_report_cannot_share_the_screen(tmp_path: Path) -> None:
    source = shaky_docx(tmp_path / "plan.docx")
    for args in (["--format", "json"], ["--output-format", "sarif"], ["--output-format", "github=-"]):
        result = run("import", str(source), "-o", "-", *args)
        assert result.exit_code == 2 and "FMT=" in result.stderr and result.stdout == "", args
    assert [p.name for p in tmp_path.iterdir()] == ["plan.docx"]


def test_several_documents_in_one_report_each_note_naming_its_document(tmp_path: Path) -> None:
    first = shaky_docx(tmp_path / "first.docx")
    second = shaky_docx(tmp_path / "second.docx", [*SHAKY[:6], "II. NỘI DUNG", "1. Hai việc."])  # in sequence
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not a zip")
    result = run("import", str(first), str(broken), str(second), "--format", "json")
    assert result.exit_code == 2  # as before: the worst of the documents, the others imported
    document = report(result)
    by_path: dict[str, list[dict]] = {}
    for item in document["diagnostics"]:
        by_path.setdefault(item["path"], []).append(item)
    assert set(by_path) == {str(tmp_path / "first.yaml"), str(broken), str(tmp_path / "second.yaml")}
    assert all(f"({first}" in item["message"] for item in by_path[str(tmp_path / "first.yaml")])
    assert all(f"({second}" in item["message"] for item in by_path[str(tmp_path / "second.yaml")])
    assert "KH522" in [i["code"] for i in by_path[str(tmp_path / "first.yaml")]]
    assert "KH522" not in [i["code"] for i in by_path[str(tmp_path / "second.yaml")]]
    assert [i["severity"] for i in by_path[str(broken)]] == ["error"]
    assert document["summary"]["files"] == 3 and document["summary"]["errors"] == 1
    assert [entry["plan"] for entry in document["imports"]] == [str(tmp_path / "first.yaml"), None,
                                                                str(tmp_path / "second.yaml")]


def test_sarif_into_a_file_and_the_summary_on_the_screen(tmp_path: Path) -> None:
    source = shaky_docx(tmp_path / "plan.docx")
    target = tmp_path / "reports" / "notes.sarif"
    result = run("import", str(source), "--output-format", f"sarif={target}", "--ignore", "KH511")
    assert result.exit_code == 0, result.output
    assert "5 chỗ cần kiểm tra" in result.stderr and result.stdout == f"{tmp_path / 'plan.yaml'}\n"
    sarif = json.loads(target.read_text("utf-8"))
    results = sarif["runs"][0]["results"]
    assert sorted(r["ruleId"] for r in results) == ["KH513", "KH514", "KH515", "KH522", "KH527"]
    assert {r["level"] for r in results} == {"note"}
    rules = {rule["id"]: rule["shortDescription"]["text"] for rule in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["KH522"] == CODES["KH522"].title_vi


def test_github_annotations_on_the_screen(tmp_path: Path) -> None:
    source = shaky_docx(tmp_path / "plan.docx")
    result = run("import", str(source), "--output-format", "github", "--select", "KH522")
    assert result.exit_code == 0, result.output
    line = next(n for n, text in enumerate((tmp_path / "plan.yaml").read_text("utf-8").splitlines(), 1)
                if "(KH522)" in text)
    assert result.stdout == (f"::notice file={tmp_path / 'plan.yaml'},line={line},col=3,title=KH522::"
                             f"sections.1.label ({source}, đoạn 7): số mục khác thứ tự (ghi nguyên văn)\n")
    assert result.stderr == ""  # a machine format on the screen: no summary around it


def test_english(tmp_path: Path) -> None:
    source = shaky_docx(tmp_path / "plan.docx")
    document = report(run("--lang", "en", "import", str(source), "--format", "json"))
    literal = next(item for item in document["diagnostics"] if item["code"] == "KH522")
    assert literal["message"] == (f"sections.1.label ({source}, paragraph 7): the section number breaks the "
                                  "sequence (kept as written)")
    assert document["imports"][0]["recognised"] == ["2 sections, 2 items, 0 appendices"]
    text = run("--lang", "en", "import", str(source), "--force", "--ignore", "KH522")
    assert "5 places to check (KH511 ×1, KH513 ×1" in text.stderr
    assert "1 more places to check not listed (--select/--ignore); the file still marks them all." in text.stderr


def test_every_reported_code_is_explained_in_both_languages(tmp_path: Path) -> None:
    source = shaky_docx(tmp_path / "plan.docx")
    _register()
    for code in set(codes(report(run("import", str(source), "--format", "json")))):
        vi = CliRunner().invoke(app, ["rules", code])
        en = CliRunner().invoke(app, ["--lang", "en", "rules", code])
        assert vi.exit_code == en.exit_code == 0
        assert CODES[code].title_vi in vi.stdout and CODES[code].title_en in en.stdout


def test_text_into_a_file_is_checks_text_report(tmp_path: Path) -> None:
    source = shaky_docx(tmp_path / "plan.docx")
    target = tmp_path / "notes.txt"
    result = run("import", str(source), "--output-format", f"text={target}", "--select", "KH527")
    assert result.exit_code == 0, result.output
    written = tmp_path / "plan.yaml"
    line = next(n for n, text in enumerate(written.read_text("utf-8").splitlines(), 1) if "(KH527)" in text)
    assert target.read_text("utf-8") == (
        f"{written}:{line}:1: KH527 signature ({source}): không tìm thấy Nơi nhận và chữ ký\n"
        f"{line:>5} | # kiểm tra (KH527): không tìm thấy Nơi nhận và chữ ký\n"
        "      | ^\n"
        "1 tệp: 0 lỗi, 0 cảnh báo, 1 ghi chú.\n")
    assert f"{written}:{line}: KH527 signature: không tìm thấy Nơi nhận và chữ ký" in result.stderr  # the screen's


def test_json_to_the_screen_named_with_a_dash(tmp_path: Path) -> None:
    source = shaky_docx(tmp_path / "plan.docx")
    result = run("import", str(source), "--output-format", "json=-", "--select", "KH527")
    assert result.exit_code == 0 and codes(report(result)) == ["KH527"] and result.stderr == ""
