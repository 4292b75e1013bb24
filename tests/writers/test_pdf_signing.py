"""Ready for ký số (issue 25): the PDF/A draft's signing fields, signed with pyHanko, numbered with
`kehoach issue`, sealed, and pyHanko's validator on every signature.

Every example is built as a draft (number blank, date of month and year only) through the real
LibreOffice; field rectangles are checked against the words ``pdftotext -bbox`` finds on the page.
Certificates are throw-away ones made here with ``cryptography``.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pikepdf
import pytest
from lxml import etree

from kehoach.common import vn
from kehoach.build import render
from kehoach.source.loader import load_path
from kehoach.writers.pdf_fields import read_fields

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
XHTML = "{http://www.w3.org/1999/xhtml}"
pytestmark = pytest.mark.skipif(not ((shutil.which("soffice") or shutil.which("libreoffice"))
                                     and shutil.which("pdftotext")),
                                reason="needs LibreOffice (soffice) and poppler-utils (pdftotext)")


def norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def as_draft(plan):
    """The plan as kehoach builds it for e-office: number blank, only month and year printed."""
    head = plan.letterhead
    year = head.date.year if isinstance(head.date, dt.date) else 2026
    month = head.date.month if isinstance(head.date, dt.date) else 3
    return plan.model_copy(update={"letterhead": head.model_copy(update={"number": None,
                                                                          "date": f"{year}-{month:02d}"})})


@dataclass
class Word:
    page: int
    x0: float
    y0: float  # PDF user space: y grows upwards
    x1: float
    y1: float
    text: str


def words_of(pdf: Path) -> list[Word]:
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, check=True).stdout
    root = etree.fromstring(out, etree.XMLParser(recover=True, huge_tree=True))
    found = []
    for index, page in enumerate(root.iter(f"{XHTML}page")):
        height = float(page.get("height"))
        for w in page.iter(f"{XHTML}word"):
            found.append(Word(index, float(w.get("xMin")), height - float(w.get("yMax")), float(w.get("xMax")),
                              height - float(w.get("yMin")), norm(w.text or "")))
    return found


def line_of(words: list[Word], text: str, page: int | None = None) -> Word:
    """The box of the first run of words on one line that reads ``text``."""
    return lines_of(words, text, page)[0]


def lines_of(words: list[Word], text: str, page: int | None = None) -> list[Word]:
    """The boxes of every run of words on one line that reads ``text``."""
    wanted = norm(text).split()
    found = []
    for i, first in enumerate(words):
        if (page is not None and first.page != page) or first.text != wanted[0]:
            continue
        run = words[i:i + len(wanted)]
        if [w.text for w in run] == wanted and all(w.page == first.page and abs(w.y0 - first.y0) < 3 for w in run):
            found.append(Word(first.page, min(w.x0 for w in run), min(w.y0 for w in run), max(w.x1 for w in run),
                              max(w.y1 for w in run), text))
    assert found, f"{text!r} not found"
    return found


@pytest.fixture(scope="module")
def drafts(tmp_path_factory) -> dict[str, tuple[object, Path]]:
    """Every example as a PDF/A draft, by one warm LibreOffice (as a batch does)."""
    from kehoach.writers.pdf import Converter

    folder = tmp_path_factory.mktemp("drafts")
    plans = {}
    for path in EXAMPLES:
        loaded = load_path(path)
        assert loaded.plan is not None, loaded.diagnostics
        plans[path.stem] = as_draft(loaded.plan)
    documents = {stem: render(plan, "docx") for stem, plan in plans.items()}
    with Converter(pdf_a=True) as converter:
        converter.convert_many([(documents[stem], folder / f"{stem}.pdf") for stem in plans])
    return {stem: (plan, folder / f"{stem}.pdf", appendix_labels(documents[stem]), cited_numbers(documents[stem]))
            for stem, plan in plans.items()}


def cited_numbers(docx: bytes) -> int:
    """How many note lines of the .docx cite the draft's own blank number (bookmarks khRefNNumber)."""
    import re
    import zipfile

    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        return len(re.findall(rb'w:name="_khRef\d+Number"', package.read("word/document.xml")))


def appendix_labels(docx: bytes) -> int:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        return package.read("word/document.xml").count(b'w:val="KHAppendixLabel"')


def issued_part(plan):
    """The plan or decision whose signature block and appendices the fields belong to."""
    return plan.decision or plan


@pytest.mark.parametrize("stem", [p.stem for p in EXAMPLES])
def test_fields_lie_on_the_signer_block_the_blanks_and_the_appendices(drafts, stem):
    plan, pdf, appendix_count, cited_count = drafts[stem]
    fields = {f.name: f for f in read_fields(pdf.read_bytes())}
    words = words_of(pdf)
    signature = issued_part(plan).signature
    name = line_of(words, signature.name)
    # the position line right above the name (the same words may be printed elsewhere too)
    title = min((w for w in lines_of(words, vn.upper(signature.title), page=name.page) if w.y0 > name.y1),
                key=lambda w: w.y0)
    # ô 7c: on the signer's page, between the position line and the name, across their centre
    signer = fields["kehoach.ky_duyet"]
    assert signer.page == title.page == name.page
    x0, y0, x1, y1 = signer.rect
    assert name.y1 <= y0 < y1 <= title.y0, (signer.rect, title, name)
    for line in (title, name):
        centre = (line.x0 + line.x1) / 2
        assert x0 < centre < x1 and abs((x0 + x1) / 2 - centre) < 12
    assert y1 - y0 >= 50 and x1 - x0 >= 150  # room for a signature image and a line of text
    # ô 8: the seal over the left third of the signature
    seal = fields["kehoach.dong_dau"]
    sx0, sy0, sx1, sy1 = seal.rect
    assert seal.page == signer.page and sx0 < x0 < sx1 and abs(sx1 - (x0 + (x1 - x0) / 3)) < 1
    assert sy0 < (y0 + y1) / 2 < sy1
    # the blank number: after "Số:", before "/KH-…", on that line
    number = fields["kehoach.so"]
    so = line_of(words, "Số:", page=0)
    symbol = next(w for w in words if w.page == 0 and w.text.startswith("/") and abs(w.y0 - so.y0) < 3)
    nx0, ny0, nx1, ny1 = number.rect
    assert number.page == 0 and so.x1 <= nx0 < nx1 <= symbol.x0 + 0.5 and ny0 < so.y0 + 2 < ny1
    # the blank day: between "ngày" and "tháng" of the place and date line
    day = fields["kehoach.ngay"]
    ngay = next(w for w in words if w.page == 0 and w.text == "ngày")
    thang = next(w for w in words if w.page == 0 and w.text == "tháng" and abs(w.y0 - ngay.y0) < 3)
    dx0, dy0, dx1, dy1 = day.rect
    assert ngay.x1 <= dx0 < dx1 <= thang.x0 + 0.5 and dy0 < ngay.y0 + 2 < dy1
    assert "kehoach.thang" not in fields and "kehoach.nam" not in fields  # printed: no slot
    # a note line citing the draft itself ("(Kèm theo Kế hoạch số      /KH-UBND ngày …)"): its blank
    # number between "số" and "/KH-…" on that line, its blank day between "ngày" and "tháng"
    symbol_text = "/" + plan.symbol
    for n in range(1, cited_count + 1):
        for key, before, after in (("so", "số", symbol_text), ("ngay", "ngày", "tháng")):
            field = fields[f"kehoach.{key}_{n}"]
            fx0, fy0, fx1, fy1 = field.rect
            line = [w for w in words if w.page == field.page and fy0 < w.y0 + 2 < fy1]
            assert any(w.text == before and w.x1 <= fx0 + 0.5 and fx0 - w.x1 < 8 for w in line), (key, n, field)
            assert any(w.text.startswith(after) and fx1 <= w.x0 + 0.5 and w.x0 - fx1 < 8 for w in line), (key, n)
    assert f"kehoach.so_{cited_count + 1}" not in fields
    # each appendix: top right of its first page, above its label
    labels = [w for w in words if w.text.casefold() == "phụ" and any(
        v.page == w.page and v.text.casefold().startswith("lục") and abs(v.y0 - w.y0) < 3 for v in words)]
    appendices = [f"kehoach.phu_luc_{n}" for n in range(1, appendix_count + 1)]
    assert sorted(f for f in fields if f.startswith("kehoach.phu_luc_")) == sorted(appendices)
    for key in appendices:
        field = fields[key]
        page_words = [w for w in words if w.page == field.page]
        label = next(w for w in labels if w.page == field.page)
        ax0, ay0, ax1, ay1 = field.rect
        assert ay0 > label.y1 and ax1 > max(w.x1 for w in page_words) - 1  # above the label, at the right
        assert all(not (w.x1 > ax0 and w.x0 < ax1 and w.y1 > ay0 and w.y0 < ay1) for w in page_words)


def test_a_four_digit_number_fits_every_drafts_blank(drafts, tmp_path):
    """The blank is as wide as real drafts leave it ("Số:" and 11 spaces): the number a văn thư
    stamps, four digits here, is drawn at the line's own size, not shrunk to fit a narrow slot."""
    import re

    from kehoach.writers.pdf_fields import SLOT_SIZE_PT

    for stem, (plan, draft, _, _) in drafts.items():
        day = f"{plan.letterhead.date}-05"
        issued = tmp_path / f"{stem}.issued.pdf"
        done = kehoach("issue", str(draft), "--number", "1234", "--date", day, "-o", str(issued), cwd=tmp_path)
        assert done.returncode == 0, done.stderr.decode()
        with pikepdf.open(issued) as doc:
            slot = next(k for k in doc.Root.AcroForm.Fields[0].Kids if str(k.T) == "so")
            drawn = re.search(rb"/F1 ([0-9.]+) Tf", slot.AP.N.read_bytes())
            x0, _, x1, _ = (float(v) for v in slot.Rect)
        assert drawn and float(drawn.group(1)) == SLOT_SIZE_PT["Number"], (stem, drawn)
        assert x1 - x0 >= 5 * 0.5 * SLOT_SIZE_PT["Number"], stem  # room for five digits, half an em each
        text = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(issued), "-"], capture_output=True,
                              check=True).stdout.decode()
        assert "1234" in text, stem


def test_a_numbered_plan_gets_signature_fields_but_no_slots(tmp_path):
    from kehoach.build import write_output

    plan = load_path(ROOT / "examples" / "003-an-giang-xkld.yaml").plan
    pdf = write_output(plan, tmp_path / "an-giang.pdf", "pdf", pdf_a=True)
    names = {f.name for f in read_fields(pdf.read_bytes())}
    assert {"kehoach.ky_duyet", "kehoach.dong_dau"} <= names
    assert not names & {"kehoach.so", "kehoach.ngay", "kehoach.thang", "kehoach.nam"}
    with pikepdf.open(pdf) as doc:
        assert "/Dests" not in doc.Root  # the anchors served their purpose and are gone
        for field in doc.Root.AcroForm.Fields[0].Kids:
            assert int(field.F) & 4 and "/N" in field.AP  # printed, with an appearance (PDF/A)
    plain = write_output(plan, tmp_path / "plain.pdf", "pdf", pdf_a=False)
    assert read_fields(plain.read_bytes()) == []


# -- signing, issuing, sealing ------------------------------------------------------------------

def make_signer(common_name: str):
    from asn1crypto import keys as asn1_keys
    from asn1crypto import x509 as asn1_x509
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    # RSA, as the Vietnamese CAs issue: an EC key makes pyHanko declare PDF 2.0 (ISO 32002), beyond PDF/A-2
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.KeyUsage(True, True, False, False, False, True, False, False, False), critical=True)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    certificate = asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))
    private = asn1_keys.PrivateKeyInfo.load(key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    signer = signers.SimpleSigner(signing_cert=certificate, signing_key=private,
                                  cert_registry=SimpleCertificateStore.from_certs([certificate]))
    return signer, certificate


def sign(data: bytes, field: str, signer, *, certify: bool = False) -> bytes:
    """Sign ``field`` as a signing tool would, its visible text in an embedded font (pyHanko's
    default appearance uses Courier, not embedded: the test keeps PDF/A to see what kehoach does)."""
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.sign import fields, signers
    from pyhanko.stamp import TextStampStyle

    font = subprocess.run(["fc-match", "-f", "%{file}", "Liberation Serif"], capture_output=True, text=True,
                          check=True).stdout
    style = TextStampStyle(stamp_text="%(signer)s\n%(ts)s",
                           text_box_style=TextBoxStyle(font=GlyphAccumulatorFactory(font)))
    meta = signers.PdfSignatureMetadata(field_name=field, certify=certify,
                                        docmdp_permissions=fields.MDPPerm.FILL_FORMS if certify else None)
    pdf_signer = signers.PdfSigner(meta, signer=signer, stamp_style=style)
    return pdf_signer.sign_pdf(IncrementalPdfFileWriter(io.BytesIO(data))).getvalue()


def statuses(data: bytes, roots) -> dict:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    reader = PdfFileReader(io.BytesIO(data))
    return {sig.field_name: validate_pdf_signature(sig, ValidationContext(trust_roots=roots))
            for sig in reader.embedded_signatures}


def kehoach(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "KEHOACH_NO_SERVER": "1"}
    return subprocess.run([sys.executable, "-m", "kehoach", *args], capture_output=True, cwd=cwd, env=env)


def fonts_embedded(doc: pikepdf.Pdf) -> bool:
    for obj in doc.objects:
        if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/FontDescriptor":
            if not any(key in obj for key in ("/FontFile", "/FontFile2", "/FontFile3")):
                return False
    return True


@pytest.fixture(scope="module")
def signed_path(drafts, tmp_path_factory):
    """The Nghệ An draft (with an appendix) through the whole e-office path."""
    folder = tmp_path_factory.mktemp("issue")
    plan, draft, _, _ = drafts["nghe-an-980-kh-ubnd"]
    leader, leader_cert = make_signer("Nguyen Van De")
    seal, seal_cert = make_signer("UBND tinh Nghe An")
    signed = folder / "signed.pdf"
    signed.write_bytes(sign(draft.read_bytes(), "kehoach.ky_duyet", leader, certify=True))
    month = plan.letterhead.date
    day = f"{month}-05"
    done = kehoach("issue", str(signed), "--number", "123", "--date", day, cwd=folder)
    assert done.returncode == 0, done.stderr.decode()
    issued = folder / "signed.issued.pdf"
    assert done.stdout.decode().strip() == str(issued)
    sealed = folder / "sealed.pdf"
    sealed.write_bytes(sign(issued.read_bytes(), "kehoach.dong_dau", seal))
    return {"draft": draft, "signed": signed, "issued": issued, "sealed": sealed, "day": day,
            "roots": [leader_cert, seal_cert], "folder": folder}


def test_leader_signature_survives_the_number_and_the_seal(signed_path):
    from pyhanko.sign.diff_analysis import ModificationLevel

    roots = signed_path["roots"]
    signed = statuses(signed_path["signed"].read_bytes(), roots)
    assert signed["kehoach.ky_duyet"].bottom_line and signed["kehoach.ky_duyet"].modification_level \
        is ModificationLevel.NONE
    issued = statuses(signed_path["issued"].read_bytes(), roots)["kehoach.ky_duyet"]
    assert issued.intact and issued.valid and issued.docmdp_ok and issued.bottom_line
    assert issued.modification_level is ModificationLevel.FORM_FILLING  # the fill, and nothing else
    sealed = statuses(signed_path["sealed"].read_bytes(), roots)
    assert set(sealed) == {"kehoach.ky_duyet", "kehoach.dong_dau"}
    assert all(s.intact and s.valid and s.docmdp_ok and s.bottom_line for s in sealed.values())
    assert sealed["kehoach.ky_duyet"].modification_level is ModificationLevel.FORM_FILLING
    assert sealed["kehoach.dong_dau"].modification_level is ModificationLevel.NONE
    # an incremental update: the signed bytes are the start of the issued file, which is the start
    # of the sealed one
    assert signed_path["issued"].read_bytes().startswith(signed_path["signed"].read_bytes())
    assert signed_path["sealed"].read_bytes().startswith(signed_path["issued"].read_bytes())


def test_the_number_and_day_are_printed_and_pdf_a_survives(signed_path):
    sealed = signed_path["sealed"]
    text = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(sealed), "-"], capture_output=True,
                          check=True).stdout.decode()
    assert "123" in text and "05" in text
    with pikepdf.open(sealed) as doc:
        xmp = doc.Root.Metadata.read_bytes()
        assert b'pdfaid:part="2"' in xmp or b"<pdfaid:part>2</pdfaid:part>" in xmp
        assert "/OutputIntents" in doc.Root and fonts_embedded(doc)
        assert str(doc.Root.get("/Version", "/1.7")) < "/2" and doc.pdf_version < "2"  # PDF/A-2 is PDF 1.7
        values = {str(k.T): str(k.get("/V", "")) for k in doc.Root.AcroForm.Fields[0].Kids}
    assert values["so"] == "123" and values["ngay"] == "05"
    # the appendix note citing the draft reads the same number and day (kehoach.so_1, ngay_1)
    assert values["so_1"] == "123" and values["ngay_1"] == "05"
    laid_out = subprocess.run(["pdftotext", "-layout", str(sealed), "-"], capture_output=True, check=True).stdout
    assert "(Kèm theo Kế hoạch số 123/KH-UBND ngày 05 tháng" in norm(laid_out.decode())
    metadata = []
    for name in ("signed", "issued"):  # the fill leaves the Info dictionary and the XMP as they were
        with pikepdf.open(signed_path[name]) as doc:
            metadata.append((dict(doc.docinfo), doc.Root.Metadata.read_bytes()))
    assert metadata[0] == metadata[1]
    with pikepdf.open(signed_path["issued"]) as doc:
        for kid in doc.Root.AcroForm.Fields[0].Kids:
            if kid.get("/FT") == "/Tx":  # digits are half an em wide: 500 thousandths, not font units
                cid_font = kid.AP.N.Resources.Font.F1.DescendantFonts[0]
                assert cid_font.FontDescriptor.get("/FontFile2") is not None or "/FontFile3" in cid_font.FontDescriptor
                assert {float(w) for item in cid_font.W if isinstance(item, pikepdf.Array) for w in item} == {500.0}
    if shutil.which("pdffonts"):
        listed = subprocess.run(["pdffonts", str(sealed)], capture_output=True, check=True).stdout.decode()
        for row in listed.splitlines()[2:]:
            assert row.split()[-5] == "yes", row  # the "emb" column


def test_issue_refuses_and_writes_nothing(signed_path, drafts, tmp_path):
    folder = signed_path["folder"]
    issued = signed_path["issued"]
    before = issued.read_bytes()
    again = kehoach("issue", str(issued), "-n", "124", "-d", signed_path["day"], "-o", str(tmp_path / "x.pdf"),
                    cwd=folder)
    assert again.returncode == 2 and "KH075" in again.stderr.decode() and not (tmp_path / "x.pdf").exists()
    assert issued.read_bytes() == before
    month, year = signed_path["day"][5:7], signed_path["day"][:4]
    other = f"{year}-{int(month) % 12 + 1:02d}-05"
    wrong = kehoach("--lang", "en", "issue", str(signed_path["signed"]), "-n", "5", "-d", other, "-o",
                    str(tmp_path / "y.pdf"), cwd=folder)
    assert wrong.returncode == 2 and "KH077" in wrong.stderr.decode() and "contradicts" in wrong.stderr.decode()
    assert not (tmp_path / "y.pdf").exists()
    for args, code in ((["-n", "0"], "KH076"), (["-n", "12a"], "KH076"), (["-d", "2026-02-30"], "KH077"),
                       (["-d", "05/12/2026"], "KH077")):
        options = {"-n": "5", "-d": signed_path["day"]}
        options.update(dict(zip(args[::2], args[1::2])))
        done = kehoach("issue", str(signed_path["signed"]), *[x for kv in options.items() for x in kv], "-o",
                       str(tmp_path / "z.pdf"), cwd=folder)
        assert done.returncode == 2 and code in done.stderr.decode(), (args, done.stderr.decode())
        assert "Traceback" not in done.stderr.decode() and not (tmp_path / "z.pdf").exists()
    not_pdf = tmp_path / "plan.pdf"
    not_pdf.write_text("not a pdf")
    done = kehoach("issue", str(not_pdf), "-n", "5", "-d", "2026-03-05", cwd=tmp_path)
    assert done.returncode == 2 and "KH074" in done.stderr.decode()
    assert not (tmp_path / "plan.issued.pdf").exists()


def test_issue_in_place_only_when_asked(signed_path, tmp_path):
    copy = tmp_path / "copy.pdf"
    data = signed_path["signed"].read_bytes()
    copy.write_bytes(data)
    done = kehoach("issue", str(copy), "-n", "9", "-d", signed_path["day"], "-o", str(copy), cwd=tmp_path)
    assert done.returncode == 0, done.stderr.decode()
    updated = copy.read_bytes()
    assert updated.startswith(data) and len(updated) > len(data)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.pdf"]  # no temporary file left


def test_the_field_locks_reach_the_signatures(signed_path):
    """The locks pdf_fields puts on the empty fields are what a signing tool (here pyHanko) signs
    with: the leader locks all but the slots and later signatures, at certification level 2; the
    seal fixes the number and day (in the appendix note citing the draft too)."""
    with pikepdf.open(signed_path["sealed"]) as doc:
        references = {str(kid.T): {str(ref.TransformMethod): ref.TransformParams for ref in kid.V.Reference}
                      for kid in doc.Root.AcroForm.Fields[0].Kids if kid.get("/FT") == "/Sig" and "/V" in kid}
        leader, seal = references["ky_duyet"], references["dong_dau"]
        assert int(leader["/DocMDP"].P) == 2
        assert leader["/FieldMDP"].Action == "/Exclude"
        assert {"kehoach.so", "kehoach.ngay", "kehoach.dong_dau", "kehoach.phu_luc_1"} <= {
            str(name) for name in leader["/FieldMDP"].Fields}
        assert seal["/FieldMDP"].Action == "/Include"
        # the number and day, where the letterhead prints them and where the appendix note cites them
        assert sorted(str(name) for name in seal["/FieldMDP"].Fields) == [
            "kehoach.ngay", "kehoach.ngay_1", "kehoach.so", "kehoach.so_1"]


def test_a_draft_with_fields_is_the_same_bytes_every_time(tmp_path):
    from kehoach.build import write_output

    plan = load_path(ROOT / "examples" / "004-bac-kan-pbgdpl.yaml").plan
    first = write_output(plan, tmp_path / "a.pdf", "pdf", pdf_a=True).read_bytes()
    second = write_output(plan, tmp_path / "b.pdf", "pdf", pdf_a=True).read_bytes()
    assert first == second
    names = {f.name for f in read_fields(first)}
    assert {"kehoach.ky_duyet", "kehoach.dong_dau", "kehoach.so", "kehoach.ngay"} <= names


def test_the_signer_field_follows_the_block_to_another_page_and_into_the_metadata(tmp_path):
    """The same plan with a longer closing pushes the signature block one page on: the field goes
    with it, and --metadata lists every field with its page and rectangle."""
    import json

    source = (ROOT / "examples" / "hcm-dong-hung-thuan.yaml").read_text("utf-8")
    filler = "Nội dung bổ sung để kéo dài văn bản, kiểm tra vị trí ô ký số khi khối chữ ký sang trang. " * 3
    longer = "closing:\n" + "".join(f"  - {filler.strip()}\n" for _ in range(14)) + source
    assert "\nclosing:" not in source
    env = {**os.environ, "KEHOACH_NO_SERVER": "1"}
    pages = []
    for name, text in (("short", source), ("long", longer)):
        (tmp_path / f"{name}.yaml").write_text(text, "utf-8")
        done = subprocess.run([sys.executable, "-m", "kehoach", "build", f"{name}.yaml", "-o", f"{name}.pdf",
                               "--pdf-a", "--metadata"], cwd=tmp_path, capture_output=True, env=env)
        assert done.returncode == 0, done.stderr.decode()
        pdf = tmp_path / f"{name}.pdf"
        signer = next(f for f in read_fields(pdf.read_bytes()) if f.name == "kehoach.ky_duyet")
        words = words_of(pdf)
        plan = load_path(tmp_path / f"{name}.yaml").plan
        name_line = line_of(words, plan.signature.name)
        assert signer.page == name_line.page and name_line.y1 <= signer.rect[1]
        pages.append(signer.page)
        listed = json.loads((tmp_path / f"{name}.metadata.json").read_text("utf-8"))["PdfFields"]
        assert {"name": "kehoach.ky_duyet", "kind": "signature", "page": signer.page + 1,
                "rect": [round(v, 2) for v in signer.rect]} in listed
        assert {f["name"] for f in listed} >= {"kehoach.dong_dau", "kehoach.phu_luc_1"}
    assert pages[1] > pages[0]
