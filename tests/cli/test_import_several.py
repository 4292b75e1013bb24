"""`kehoach import A B C`: several documents at once, one warm sandboxed LibreOffice for the .doc/.odt
among them (issue 22: a .doc under 2 s with a warm converter), the same YAML as one at a time."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kehoach.cli.main import _register, app
from kehoach.importers import convert

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "importers"))
from test_bad_input import good_docx  # noqa: E402
from test_convert_sandbox import counting_server, linking_odt  # noqa: E402

needs_office = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")


def _odts(folder: Path, names: list[str]) -> list[Path]:
    """Office documents made by LibreOffice itself from a good .docx (one run for all)."""
    sources = []
    for name in names:
        source = folder / f"{name}.docx"
        source.write_bytes(good_docx())
        sources.append(str(source))
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                    "--convert-to", "odt", "--outdir", str(folder), *sources], capture_output=True, check=True,
                   timeout=300)
    for source in sources:
        Path(source).unlink()
    return [folder / f"{name}.odt" for name in names]


def _no_one_off_conversion(*args, **kwargs):
    raise AssertionError("a document of a several-document import was converted by a LibreOffice of its own")


@needs_office
def test_several_documents_share_one_warm_office_and_import_as_one_at_a_time(tmp_path, monkeypatch):
    alone, first, second = _odts(tmp_path, ["alone", "first", "second"])
    _register("import")
    single = CliRunner().invoke(app, ["import", str(alone)])
    assert single.exit_code == 0, single.output
    monkeypatch.setattr(convert, "convert_to_docx", _no_one_off_conversion)
    several = CliRunner().invoke(app, ["import", str(first), str(second)])
    assert several.exit_code == 0, several.output
    expected = (tmp_path / "alone.yaml").read_text("utf-8").replace("alone.odt", "{}")
    for name in ("first", "second"):
        assert (tmp_path / f"{name}.yaml").read_text("utf-8").replace(f"{name}.odt", "{}") == expected


@needs_office
def test_the_warm_office_fetches_no_link(tmp_path, monkeypatch):
    """The warm LibreOffice is as closed as a one-off one: a linked image is never fetched."""
    monkeypatch.setattr(convert, "convert_to_docx", _no_one_off_conversion)
    with counting_server() as (base, requests):
        documents = [linking_odt(tmp_path / f"links{i}.odt", base) for i in range(2)]
        _register("import")
        result = CliRunner().invoke(app, ["import", *map(str, documents)])
    # Converted by the warm office (a one-off conversion would be an internal error, KH000), then
    # recognised as no plan (KH505: the test document has no type line).
    assert result.output.count("KH505") == 2 and "KH000" not in result.output, result.output
    assert requests == []


def test_output_is_for_one_document_only(tmp_path):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    for path in (first, second):
        path.write_text("KẾ HOẠCH\n", "utf-8")
    _register("import")
    result = CliRunner().invoke(app, ["import", str(first), str(second), "-o", str(tmp_path / "x.yaml")])
    assert result.exit_code == 2
    assert "KH011" in result.output and "-o" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]


def test_a_bad_document_does_not_stop_the_others(tmp_path):
    bad, good = tmp_path / "bad.docx", tmp_path / "good.docx"
    bad.write_bytes(b"PK\x03\x04 not a zip")
    good.write_bytes(good_docx())
    _register("import")
    result = CliRunner().invoke(app, ["import", str(bad), str(good)])
    assert result.exit_code == 2
    assert (tmp_path / "good.yaml").is_file()
    assert not (tmp_path / "bad.yaml").exists()
    assert "Traceback" not in result.output
