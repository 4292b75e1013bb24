"""`kehoach issue` on a small PDF made here (no LibreOffice): the slots pdf_fields adds from named
destinations, filled as an incremental update; a certification signature made before stays valid.
CI runs this file with the lowest pyHanko allowed, so the floor is proved here too."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest

from kehoach.writers.fonts import installed_serif_family
from kehoach.writers.pdf_fields import add_fields, read_fields

pytestmark = pytest.mark.skipif(installed_serif_family() is None, reason="no Times New Roman / Liberation Serif")


def draft_pdf(path: Path, printed: str | None = "khPrintedM3Y2026", undated: bool = False, cited: bool = False) -> Path:
    """One A4 page with the marks LibreOffice would export for a draft, turned into fields;
    ``undated``: month and year blank too, the year's blank collapsed at the end of the line;
    ``cited``: a note line under the title cites the draft's own blank number and day (khRef1…)."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595.3, 841.9))
    page = pdf.pages[0].obj
    marks = {"khNumber": (146.0, 742.8), "khNumberEnd": (166.0, 742.8), "khDay": (390.5, 742.8),
             "khDayEnd": (408.0, 742.8), "khSignerTitle": (373.1, 550.5), "khSignerTitleEnd": (477.4, 550.5),
             "khSignerName": (368.5, 462.4)}
    if printed:
        marks[printed] = (300.0, 742.8)
    if undated:
        marks.update({"khMonth": (440.0, 742.8), "khMonthEnd": (457.5, 742.8), "khYear": (490.0, 742.8),
                      "khYearEnd": (490.0, 742.8)})
    if cited:
        marks.update({"khRef1Number": (250.0, 680.0), "khRef1NumberEnd": (288.5, 680.0),
                      "khRef1Day": (380.0, 680.0), "khRef1DayEnd": (397.5, 680.0),
                      # a blank the line broke in two: no room on the page, left blank
                      "khRef2Number": (500.0, 650.0), "khRef2NumberEnd": (90.0, 634.0)})
    pdf.Root.Dests = pikepdf.Dictionary({f"/{name}": pikepdf.Array([page, pikepdf.Name.XYZ, x, y, 0])
                                         for name, (x, y) in marks.items()})
    fields = add_fields(pdf)
    assert {f.name for f in fields} == {"kehoach.ky_duyet", "kehoach.dong_dau", "kehoach.so", "kehoach.ngay"} | (
        {"kehoach.thang", "kehoach.nam"} if undated else set()) | (
        {"kehoach.so_1", "kehoach.ngay_1"} if cited else set())
    pdf.save(path)
    return path


def kehoach(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "KEHOACH_NO_SERVER": "1"}
    return subprocess.run([sys.executable, "-m", "kehoach", *args], capture_output=True, cwd=cwd, env=env)


def test_issue_fills_the_slots_beside_the_draft(tmp_path):
    draft = draft_pdf(tmp_path / "plan.pdf")
    before = draft.read_bytes()
    done = kehoach("issue", "plan.pdf", "--number", "7", "--date", "2026-03-05", cwd=tmp_path)
    assert done.returncode == 0, done.stderr.decode()
    issued = tmp_path / "plan.issued.pdf"
    assert done.stdout.decode().strip() == "plan.issued.pdf" and draft.read_bytes() == before
    data = issued.read_bytes()
    assert data.startswith(before) and data.count(b"%%EOF") == before.count(b"%%EOF") + 1  # one update
    with pikepdf.open(issued) as pdf:
        values = {str(kid.T): str(kid.V) for kid in pdf.Root.AcroForm.Fields[0].Kids if kid.get("/FT") == "/Tx"}
        assert values == {"so": "07", "ngay": "05"}  # a leading zero under 10 (Phụ lục I, II.3)
    assert [f.name for f in read_fields(data)][:2] == ["kehoach.ky_duyet", "kehoach.dong_dau"]


def test_a_note_citing_the_draft_is_filled_with_the_same_values(tmp_path):
    """The note line's blanks are fields of their own, kehoach.so_1 and kehoach.ngay_1, filled with
    the letterhead's values and drawn in the note's type (14 pt italic: their appearance string)."""
    from kehoach.writers.pdf_fields import NOTE_DA

    draft_pdf(tmp_path / "plan.pdf", cited=True)
    fields = read_fields((tmp_path / "plan.pdf").read_bytes())
    # the blank broken over two lines (khRef2) has no field: it stays blank
    assert [(f.name, f.note) for f in fields if f.kind == "text"] == [
        ("kehoach.so", False), ("kehoach.ngay", False), ("kehoach.so_1", True), ("kehoach.ngay_1", True)]
    done = kehoach("issue", "plan.pdf", "-n", "7", "-d", "2026-03-05", cwd=tmp_path)
    assert done.returncode == 0, done.stderr.decode()
    with pikepdf.open(tmp_path / "plan.issued.pdf") as pdf:
        slots = {str(kid.T): kid for kid in pdf.Root.AcroForm.Fields[0].Kids if kid.get("/FT") == "/Tx"}
        assert {name: str(kid.V) for name, kid in slots.items()} == {"so": "07", "ngay": "05", "so_1": "07",
                                                                      "ngay_1": "05"}
        drawn = {name: (str(kid.DA), kid.AP.N.read_bytes()) for name, kid in slots.items()}
        # the leader's lock leaves them open, the seal's locks them with the letterhead's
        signer, seal = (next(k for k in pdf.Root.AcroForm.Fields[0].Kids if str(k.T) == n) for n in ("ky_duyet",
                                                                                                     "dong_dau"))
        assert {"kehoach.so_1", "kehoach.ngay_1"} <= {str(f) for f in signer.Lock.Fields} & {str(f) for f in
                                                                                             seal.Lock.Fields}
    assert drawn["so_1"][0] == drawn["ngay_1"][0] == NOTE_DA
    assert b"/F1 13.000 Tf" in drawn["so"][1] and b"/F1 14.000 Tf" in drawn["so_1"][1]
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(tmp_path / "plan.issued.pdf"), "-"], capture_output=True,
                              check=True).stdout.decode()
        assert text.split().count("07") == 2 and text.split().count("05") == 2, text


def test_an_undated_draft_gets_day_month_and_year(tmp_path):
    draft_pdf(tmp_path / "plan.pdf", printed=None, undated=True)
    year = next(f for f in read_fields((tmp_path / "plan.pdf").read_bytes()) if f.name == "kehoach.nam")
    assert year.rect[2] - year.rect[0] >= 28  # four digits, though the blank collapsed on the page
    done = kehoach("issue", "plan.pdf", "-n", "1200", "-d", "2027-02-09", cwd=tmp_path)
    assert done.returncode == 0, done.stderr.decode()
    with pikepdf.open(tmp_path / "plan.issued.pdf") as pdf:
        values = {str(kid.T): str(kid.V) for kid in pdf.Root.AcroForm.Fields[0].Kids if kid.get("/FT") == "/Tx"}
    assert values == {"so": "1200", "ngay": "09", "thang": "02", "nam": "2027"}  # months 1, 2 with a zero


@pytest.mark.parametrize(("args", "code", "english"), [
    (["-n", "5", "-d", "2026-04-05"], "KH077", "contradicts"),
    (["-n", "5", "-d", "2026-3-5"], "KH077", "YEAR-MONTH-DAY"),
    (["-n", "00", "-d", "2026-03-05"], "KH076", "Arabic digits"),
    (["-n", "123456789012", "-d", "2026-03-05"], "KH076", "at most 11"),
])
def test_bad_numbers_and_dates_are_refused_in_both_languages(tmp_path, args, code, english):
    draft_pdf(tmp_path / "plan.pdf")
    vietnamese = kehoach("issue", "plan.pdf", *args, cwd=tmp_path)
    assert vietnamese.returncode == 2 and f"plan.pdf: {code}" in vietnamese.stderr.decode()
    assert english not in vietnamese.stderr.decode()
    done = kehoach("--lang", "en", "issue", "plan.pdf", *args, cwd=tmp_path)
    assert done.returncode == 2 and code in done.stderr.decode() and english in done.stderr.decode()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.pdf"]  # nothing written


def test_already_numbered_or_without_slots_is_refused(tmp_path):
    draft_pdf(tmp_path / "plan.pdf")
    assert kehoach("issue", "plan.pdf", "-n", "5", "-d", "2026-03-05", cwd=tmp_path).returncode == 0
    again = kehoach("issue", "plan.issued.pdf", "-n", "6", "-d", "2026-03-05", "-o", "again.pdf", cwd=tmp_path)
    assert again.returncode == 2 and "KH075" in again.stderr.decode() and "05" in again.stderr.decode()
    plain = pikepdf.new()
    plain.add_blank_page()
    plain.save(tmp_path / "plain.pdf")
    done = kehoach("issue", "plain.pdf", "-n", "5", "-d", "2026-03-05", cwd=tmp_path)
    assert done.returncode == 2 and "KH074" in done.stderr.decode()
    (tmp_path / "notes.pdf").write_text("%PDF-1.7 not really")
    broken = kehoach("issue", "notes.pdf", "-n", "5", "-d", "2026-03-05", cwd=tmp_path)
    assert broken.returncode == 2 and "KH074" in broken.stderr.decode() and "Traceback" not in broken.stderr.decode()
    missing = kehoach("issue", "none.pdf", "-n", "5", "-d", "2026-03-05", cwd=tmp_path)
    assert missing.returncode == 2 and "KH010" in missing.stderr.decode()
    assert not (tmp_path / "again.pdf").exists() and not (tmp_path / "plain.issued.pdf").exists()


@pytest.mark.parametrize("cited", [False, True])
def test_a_certification_signature_stays_valid_after_the_fill(tmp_path, cited):
    from asn1crypto import keys as asn1_keys
    from asn1crypto import x509 as asn1_x509
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign import fields, signers
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Leader")])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(1).not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=9))
            .add_extension(x509.KeyUsage(True, True, False, False, False, True, False, False, False), critical=True)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    certificate = asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))
    signer = signers.SimpleSigner(
        signing_cert=certificate, cert_registry=SimpleCertificateStore.from_certs([certificate]),
        signing_key=asn1_keys.PrivateKeyInfo.load(key.private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())))
    draft = draft_pdf(tmp_path / "plan.pdf", cited=cited).read_bytes()  # cited: widgets in a note too
    meta = signers.PdfSignatureMetadata(field_name="kehoach.ky_duyet", certify=True,
                                        docmdp_permissions=fields.MDPPerm.FILL_FORMS)
    signed = signers.sign_pdf(IncrementalPdfFileWriter(io.BytesIO(draft)), meta, signer=signer).getvalue()
    (tmp_path / "signed.pdf").write_bytes(signed)
    # sealed before numbering: refused, since the seal's lock covers the slots
    seal = signers.PdfSignatureMetadata(field_name="kehoach.dong_dau")
    (tmp_path / "sealed.pdf").write_bytes(
        signers.sign_pdf(IncrementalPdfFileWriter(io.BytesIO(signed)), seal, signer=signer).getvalue())
    early = kehoach("issue", "sealed.pdf", "-n", "123", "-d", "2026-03-31", cwd=tmp_path)
    assert early.returncode == 2 and "KH078" in early.stderr.decode()
    (tmp_path / "sealed.pdf").unlink()
    done = kehoach("issue", "signed.pdf", "-n", "123", "-d", "2026-03-31", "-o", "signed.pdf", cwd=tmp_path)
    assert done.returncode == 0, done.stderr.decode()
    reader = PdfFileReader(io.BytesIO((tmp_path / "signed.pdf").read_bytes()))
    (signature,) = reader.embedded_signatures
    status = validate_pdf_signature(signature, ValidationContext(trust_roots=[certificate]))
    assert status.intact and status.valid and status.docmdp_ok and status.bottom_line
    assert status.modification_level is ModificationLevel.FORM_FILLING
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.pdf", "signed.pdf"]
