"""Every example's .docx is a valid OOXML package: the openxml-audit validator (a Python port of the
Open XML SDK's checks) finds nothing, and our own checks cover what it lets through (a required
attribute it does not enforce, the compatibility mode, the package metadata, leftover parts)."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from kehoach.build import render
from kehoach.source.loader import load_path

openxml_audit = pytest.importorskip("openxml_audit", reason="openxml-audit is in the `test` extra")

EXAMPLES = sorted((Path(__file__).parents[2] / "examples").glob("*.yaml"))
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
EXPECTED_DATES = {  # the plan's letterhead date, never the clock or the decree's date
    "001-tra-vinh-ldld": "2021-09-15T00:00:00Z",
    "004-bac-kan-pbgdpl": "2024-05-01T00:00:00Z",  # a draft dated by month: its first day
    "daklak-0134-kh-ubnd": "2025-11-25T00:00:00Z",
    "nghe-an-980-kh-ubnd": "2025-11-18T00:00:00Z",
}


@pytest.fixture(scope="module")
def docx_files(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("valid")
    out = {}
    for path in EXAMPLES:
        loaded = load_path(path)
        assert loaded.plan is not None, loaded.diagnostics
        out[path.stem] = folder / f"{path.stem}.docx"
        out[path.stem].write_bytes(render(loaded.plan, "docx"))
    return out


def audit_findings(path: Path) -> list[str]:
    """Every error and warning openxml-audit reports, as 'part path: description' lines."""
    validator = openxml_audit.OpenXmlValidator(strict=True)
    result = validator.validate(path)
    return [f"{error.part_uri} {error.path}: {error.description}" for error in result.errors]


def package_findings(data: bytes) -> list[str]:
    """What a schema validator lets through but Word shows: w:zoom without its required w:percent
    (ISO 29500-1, 17.15.1.95), a compatibility mode below 15 (Word's "Compatibility Mode"), an
    application name that is not ours, the template's leftover customXml part."""
    findings = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        settings = etree.fromstring(archive.read("word/settings.xml"))
        app = archive.read("docProps/app.xml").decode("utf-8")
        rels = archive.read("word/_rels/document.xml.rels").decode("utf-8")
    for zoom in settings.iter(f"{W}zoom"):
        if zoom.get(f"{W}percent") is None:
            findings.append("w:zoom has no w:percent")
    modes = [s.get(f"{W}val") for s in settings.iter(f"{W}compatSetting")
             if s.get(f"{W}name") == "compatibilityMode"]
    if modes != ["15"]:
        findings.append(f"compatibility mode {modes}, not 15")
    application = re.search(r"<Application>([^<]*)</Application>", app)
    if not application or not re.fullmatch(r"kehoach/\d+(\.\d+)*\S*", application.group(1)):
        findings.append(f"app.xml names {application and application.group(1)!r}, not kehoach/<version>")
    if any(name.startswith("customXml/") for name in names) or "customXml" in rels:
        findings.append("leftover customXml part")
    return findings


@pytest.mark.parametrize("stem", [p.stem for p in EXAMPLES])
def test_openxml_audit_finds_nothing(docx_files, stem):
    assert audit_findings(docx_files[stem]) == []


@pytest.mark.parametrize("stem", [p.stem for p in EXAMPLES])
def test_package_details_word_shows(docx_files, stem):
    assert package_findings(docx_files[stem].read_bytes()) == []


def test_the_audit_catches_a_schema_error(docx_files, tmp_path):
    """The validator does read our parts: an unknown element in a paragraph is reported."""
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(docx_files["001-tra-vinh-ldld"]) as source, zipfile.ZipFile(broken, "w") as out:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"</w:pPr>", b"<w:bogus/></w:pPr>", 1)
            out.writestr(item, data)
    assert any("bogus" in finding for finding in audit_findings(broken))


def test_package_checks_catch_the_template_defaults(docx_files):
    """The defaults python-docx's template ships (no w:percent, mode 14, "Microsoft Macintosh
    Word", a customXml bibliography part) are each reported."""
    data = docx_files["001-tra-vinh-ldld"].read_bytes()
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w") as out:
        for item in source.infolist():
            part = source.read(item)
            if item.filename == "word/settings.xml":
                part = re.sub(rb' w:percent="\d+"', b"", part).replace(b'w:val="15"', b'w:val="14"')
            elif item.filename == "docProps/app.xml":
                part = re.sub(rb"<Application>[^<]*", b"<Application>Microsoft Macintosh Word", part)
            out.writestr(item, part)
        out.writestr("customXml/item1.xml", b"<b:Sources xmlns:b='x'/>")
    assert len(package_findings(buffer.getvalue())) == 4


@pytest.mark.parametrize("stem", sorted(EXPECTED_DATES))
def test_core_dates_come_from_the_plan(docx_files, stem):
    with zipfile.ZipFile(docx_files[stem]) as archive:
        core = archive.read("docProps/core.xml").decode("utf-8")
    dates = re.findall(r"<dcterms:(created|modified)[^>]*>([^<]*)<", core)
    assert dates == [("created", EXPECTED_DATES[stem]), ("modified", EXPECTED_DATES[stem])]


def test_the_stress_plan_is_valid_too(tmp_path):
    """Merged body cells, table text sizes and alignments, nested Nơi nhận indents, the closing
    block's two rows, cut keep chains: the generated stress plan passes the same audit."""
    from kehoach.source.loader import load_text
    from stress_plan import stress_yaml

    loaded = load_text(stress_yaml(3), "stress.yaml")
    assert loaded.plan is not None, loaded.diagnostics
    path = tmp_path / "stress.docx"
    data = render(loaded.plan, "docx")
    path.write_bytes(data)
    assert audit_findings(path) == []
    assert package_findings(data) == []
