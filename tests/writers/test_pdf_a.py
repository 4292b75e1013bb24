"""PDF for signing (issue 17): PDF/A-2b through LibreOffice, and the same plan gives the same PDF bytes.

No PDF/A validator (veraPDF) can be installed here from PyPI or Debian, so the checks below read the
file with pikepdf (qpdf) and assert what ISO 19005-2 level B requires that a conversion can get wrong:
the XMP identification, every font embedded, the output intent with its ICC profile, no encryption,
and the document's metadata.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest

from kehoach.writers.pdf_stamp import _icc_with_date, stamp_time

ROOT = Path(__file__).resolve().parents[2]
AN_GIANG = ROOT / "examples" / "003-an-giang-xkld.yaml"
needs_office = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")


def _build(tmp: Path, name: str, *args: str, tz: str = "UTC", env: dict | None = None) -> Path:
    environment = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
    environment.update({"KEHOACH_NO_SERVER": "1", "TZ": tz, **(env or {})})
    out = tmp / name
    done = subprocess.run([sys.executable, "-m", "kehoach", "build", str(AN_GIANG), "-o", str(out), *args],
                          cwd=tmp, capture_output=True, env=environment)
    assert done.returncode == 0, done.stderr.decode()
    return out


def test_stamp_time_prefers_source_date_epoch(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert stamp_time(dt.date(2025, 11, 18)) == dt.datetime(2025, 11, 18, tzinfo=dt.timezone.utc)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert stamp_time(dt.date(2025, 11, 18)) == dt.datetime(2023, 11, 14, 22, 13, 20, tzinfo=dt.timezone.utc)


def test_an_icc_header_gets_the_date_and_nothing_else_changes():
    header = bytearray(128)
    header[36:40] = b"acsp"
    header[24:36] = bytes(range(12))
    stamped = _icc_with_date(bytes(header) + b"tail", dt.datetime(2024, 1, 29, tzinfo=dt.timezone.utc))
    assert stamped[24:36] == bytes([0x07, 0xE8, 0, 1, 0, 29, 0, 0, 0, 0, 0, 0])
    assert stamped[36:40] == b"acsp" and stamped.endswith(b"tail") and len(stamped) == len(header) + 4
    assert _icc_with_date(b"not a profile", dt.datetime.now(dt.timezone.utc)) == b"not a profile"


@needs_office
@pytest.mark.parametrize("args", [(), ("--pdf-a",)], ids=["pdf", "pdf-a"])
def test_same_plan_same_pdf_bytes_in_any_time_zone(tmp_path, args):
    first = _build(tmp_path, "utc.pdf", *args, tz="UTC")
    second = _build(tmp_path, "hcm.pdf", *args, tz="Asia/Ho_Chi_Minh")
    assert first.read_bytes() == second.read_bytes()
    with pikepdf.open(first) as pdf:
        assert str(pdf.docinfo["/CreationDate"]) == "D:20240129000000Z"  # the plan's date, not the clock
        assert len(pdf.trailer.ID) == 2


@needs_office
def test_source_date_epoch_dates_the_pdf(tmp_path):
    out = _build(tmp_path, "epoch.pdf", "--pdf-a", env={"SOURCE_DATE_EPOCH": "1700000000"})
    with pikepdf.open(out) as pdf:
        assert str(pdf.docinfo["/CreationDate"]) == "D:20231114221320Z"
        assert b"<xmp:CreateDate>2023-11-14T22:13:20Z</xmp:CreateDate>" in pdf.Root.Metadata.read_bytes()


def _fonts(pdf: pikepdf.Pdf):
    for page in pdf.pages:
        for font in page.Resources.get("/Font", {}).values():
            yield font
            for descendant in font.get("/DescendantFonts", []):
                yield descendant


@needs_office
def test_pdf_a_2b_identification_fonts_output_intent_and_metadata(tmp_path):
    out = _build(tmp_path, "signed.pdf", "--pdf-a")
    with pikepdf.open(out) as pdf:
        assert not pdf.is_encrypted
        xmp = pdf.Root.Metadata.read_bytes().decode("utf-8")
        assert re.search(r"<pdfaid:part>2</pdfaid:part>", xmp) and re.search(r"<pdfaid:conformance>B<", xmp)
        assert "Triển khai thực hiện Kế hoạch số 147-KH/TU" in xmp  # dc:title
        assert "Ủy ban nhân dân tỉnh An Giang" in xmp  # dc:creator: the issuer
        assert str(pdf.Root.Lang) == "vi-VN"
        assert str(pdf.docinfo["/Subject"]).startswith("Triển khai thực hiện Kế hoạch số 147")
        intents = pdf.Root.OutputIntents
        assert len(intents) == 1 and intents[0].S == "/GTS_PDFA1"
        profile = intents[0].DestOutputProfile.read_bytes()
        assert profile[36:40] == b"acsp" and profile[24:26] == (2024).to_bytes(2, "big")
        fonts = list(_fonts(pdf))
        assert fonts
        for font in fonts:
            descriptor = font.get("/FontDescriptor")
            if descriptor is None:  # a Type0 parent: its descendant carries the descriptor
                continue
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), font.get("/BaseFont")


@needs_office
def test_configuration_asks_for_pdf_a_and_the_flag_overrides_it(tmp_path):
    (tmp_path / "kehoach.toml").write_text("pdf_a = true\n", encoding="utf-8")
    shutil.copy(AN_GIANG, tmp_path / "plan.yaml")
    env = {**os.environ, "KEHOACH_NO_SERVER": "1"}
    for args, expected in [((), True), (("--no-pdf-a",), False)]:
        done = subprocess.run([sys.executable, "-m", "kehoach", "build", "plan.yaml", "-o", "out.pdf", *args],
                              cwd=tmp_path, capture_output=True, env=env)
        assert done.returncode == 0, done.stderr.decode()
        with pikepdf.open(tmp_path / "out.pdf") as pdf:
            assert ("/OutputIntents" in pdf.Root) is expected


@needs_office
def test_the_warm_converter_of_a_batch_writes_pdf_a_too(tmp_path):
    from kehoach.build import render
    from kehoach.source.loader import load_path
    from kehoach.writers.pdf import Converter

    docx = render(load_path(AN_GIANG).plan, "docx")
    created = dt.datetime(2024, 1, 29, tzinfo=dt.timezone.utc)
    with Converter(pdf_a=True, created=created) as converter:
        first = converter.convert(docx, tmp_path / "a.pdf")
        second = converter.convert(docx, tmp_path / "b.pdf")
    assert converter.mode in ("listener", "batch")
    assert first.read_bytes() == second.read_bytes()
    with pikepdf.open(first) as pdf:
        assert "/OutputIntents" in pdf.Root and "<pdfaid:part>2<" in pdf.Root.Metadata.read_bytes().decode()
