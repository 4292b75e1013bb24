"""A format and a reader are one registry line each (issue 21 point 2): a dummy writer and a dummy
reader added to ``pipeline.formats.WRITERS`` and ``importers.readers.READERS`` only are known to
``build -o x.dummy``, ``import x.dummy``, both help texts and ``kehoach rules``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kehoach.cli.main import main
from kehoach.common.i18n import set_lang
from kehoach.importers import readers
from kehoach.pipeline import formats

FIXTURES = Path(__file__).parents[1] / "fixtures"
PLAN = FIXTURES / "minimal_plan.yaml"
TEXT_PLAN = FIXTURES / "import" / "markdown-plan.md"


def run(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    set_lang("vi")
    out, err = capsys.readouterr()
    return exit_info.value.code or 0, out, err


def _write_dummy(document) -> bytes:
    return ("DUMMY " + document.title).encode("utf-8")


def _read_dummy(data: bytes, path: Path):
    from kehoach.importers.text import read_text

    assert data.startswith(b"DUMMY\n")
    return read_text(data[len(b"DUMMY\n"):], path)


@pytest.fixture
def dummy_formats(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(formats.WRITERS, "dummy", formats.Writer("dummy", (".dummy",), _write_dummy))
    monkeypatch.setattr(readers, "READERS", [*readers.READERS, readers.Reader("dummy", (".dmy",), _read_dummy)])


def test_build_writes_a_registered_format(dummy_formats, tmp_path: Path, capsys) -> None:
    plan = tmp_path / "plan.yaml"
    shutil.copy(PLAN, plan)
    code, out, err = run(capsys, "build", str(plan), "-o", str(tmp_path / "x.dummy"))
    assert code == 0, err
    assert (tmp_path / "x.dummy").read_bytes().startswith(b"DUMMY ")
    code, _, err = run(capsys, "build", str(plan), "-o", "-", "--format", "dummy")
    assert code == 0, err


def test_import_reads_a_registered_reader(dummy_formats, tmp_path: Path, capsys) -> None:
    source = tmp_path / "plan.dmy"
    source.write_bytes(b"DUMMY\n" + TEXT_PLAN.read_bytes())
    code, out, err = run(capsys, "import", str(source))
    assert code == 0, err
    assert "letterhead:" in (tmp_path / "plan.yaml").read_text("utf-8")


def test_help_pages_and_rules_list_them(dummy_formats, capsys) -> None:
    for lang in ("vi", "en"):
        _, build_help, _ = run(capsys, "--lang", lang, "build", "--help")
        assert ".dummy" in build_help and "dummy" in build_help.split("--format")[1]
        _, import_help, _ = run(capsys, "--lang", lang, "import", "--help")
        assert ".dmy" in import_help
        for code, shown in (("KH050", "dummy"), ("KH051", ".dummy"), ("KH501", ".dmy")):
            status, text, _ = run(capsys, "--lang", lang, "rules", code)
            assert status == 0 and shown in text, (lang, code, text)


def test_without_the_lines_they_are_unknown(tmp_path: Path, capsys) -> None:
    code, _, err = run(capsys, "build", str(PLAN), "-o", str(tmp_path / "x.dummy"))
    assert code == 2 and "KH051" in err and ".docx, .html, .txt hoặc .pdf" in err
    source = tmp_path / "plan.dmy"
    source.write_bytes(b"DUMMY\n" + TEXT_PLAN.read_bytes())
    code, _, err = run(capsys, "import", str(source))
    assert code == 2 and "KH501" in err and ".docx, .doc, .odt, .txt, .md" in err
