"""Exporters escape for their format whatever the plan text holds (issue 26.7): .edxml has only XML 1.0
characters, the tasks CSV neutralises formula prefixes, the ICS has no bare CR, and the PDF/A XMP title
is escaped once and equals the info dictionary's title."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import shutil
from pathlib import Path

import pikepdf
import pytest
from lxml import etree

from kehoach.source.loader import load_text
from kehoach.exporters.metadata import edxml_header, outgoing
from kehoach.writers.pdf_stamp import reproducible
from kehoach.exporters.tasks import _ics_text, write_csv, write_ics

ROOT = Path(__file__).resolve().parents[2]
KIEN_GIANG = ROOT / "examples" / "kien-giang-ldte.yaml"
HOSTILE = "=HYPERLINK(\\\"http://x\\\")\\x01\\x0b\\r tiếp\\r\\ntheo \\uFFFE hết"  # YAML escapes


def _hostile_plan():
    text = KIEN_GIANG.read_text(encoding="utf-8")
    text = text.replace("        heading: Rà soát, hoàn thiện chính sách\n",
                        f'        heading: "{HOSTILE}"\n', 1)
    text = text.replace("        lead: Sở Lao động - Thương binh và Xã hội\n",
                        '        lead: "@SUM(1+1)"\n', 1)
    text = re.sub(r"\ntitle: >-\n", lambda _m: f'\ntitle: "{HOSTILE} & <b>"\nold_title: >-\n', text, count=1)
    text = re.sub(r"\nold_title: >-\n(  .*\n)+", "\n", text, count=1)
    loaded = load_text(text, "plan.yaml")
    assert loaded.plan is not None, loaded.diagnostics
    return loaded.plan


def test_csv_cells_that_start_like_a_formula_are_text():
    table = list(csv.reader(io.StringIO(write_csv(_hostile_plan()).decode("utf-8-sig"))))
    cells = [cell for row in table[1:] for cell in row]
    assert any(cell.startswith("'=HYPERLINK") for cell in cells)
    assert "'@SUM(1+1)" in cells
    assert not [cell for cell in cells if cell.lstrip(" ")[:1] in ("=", "+", "-", "@", "\t", "\r")]


def test_ics_has_no_bare_cr_and_no_control_characters():
    ics = write_ics(_hostile_plan())
    lines = ics.split(b"\r\n")
    assert all(b"\r" not in line and b"\n" not in line for line in lines)
    assert not re.search(rb"[\x00-\x08\x0b-\x1f\x7f]", b"".join(lines))
    unfolded = ics.replace(b"\r\n ", b"").decode("utf-8")
    assert "SUMMARY:'=HYPERLINK" not in unfolded and "tiếp theo" in unfolded
    assert _ics_text("a\r\nb\rc\nd\x00") == "a\\nb\\nc\\nd"  # breaks kept as RFC 5545 writes them
    assert all(len(line) <= 75 for line in lines)


def test_edxml_is_well_formed_with_control_characters_in_the_plan():
    data, _problems = outgoing(_hostile_plan(), [])
    header = edxml_header(data)
    root = etree.fromstring(header)  # raises on a character XML 1.0 forbids
    subject = root.find(".//{*}Subject").text
    assert "tiếp" in subject and "hết" in subject and "\x01" not in subject and "\ufffe" not in subject


def test_xmp_title_is_escaped_once_and_equals_the_info_title():
    pdf = pikepdf.new()
    pdf.add_blank_page()
    title = "Kế hoạch A & B <c> \"d\""
    pdf.docinfo["/Title"] = title
    pdf.docinfo["/Subject"] = title
    # What LibreOffice writes: the title escaped twice.
    twice = title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("&", "&amp;")
    xmp = ('<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
           '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" '
           'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title><rdf:Alt><rdf:li xml:lang="x-default">'
           f'{twice}</rdf:li></rdf:Alt></dc:title><dc:description><rdf:Alt><rdf:li xml:lang="x-default">{twice}'
           '</rdf:li></rdf:Alt></dc:description></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>')
    pdf.Root.Metadata = pdf.make_stream(xmp.encode("utf-8"))
    buffer = io.BytesIO()
    pdf.save(buffer)
    out = reproducible(buffer.getvalue(), dt.datetime(2024, 1, 2, tzinfo=dt.timezone.utc))
    with pikepdf.open(io.BytesIO(out)) as done:
        with done.open_metadata() as meta:
            assert meta["dc:title"] == str(done.docinfo["/Title"]) == title
            assert meta["dc:description"] == title


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_real_pdf_a_keeps_the_titles_equal(tmp_path):
    import subprocess
    import sys

    source = KIEN_GIANG.read_text(encoding="utf-8")
    plan = tmp_path / "plan.yaml"
    plan.write_text(re.sub(r"\ntitle: >-\n", "\ntitle: >-\n  Điều & chỉnh <b>\n  ", source, count=1), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "kehoach", "build", str(plan), "-o", str(tmp_path / "p.pdf"),
                           "--pdf-a"], capture_output=True, env={"KEHOACH_NO_SERVER": "1", "PATH": "/usr/bin:/bin",
                                                                  "HOME": str(tmp_path)})
    assert done.returncode == 0, done.stderr.decode()
    with pikepdf.open(tmp_path / "p.pdf") as pdf, pdf.open_metadata() as meta:
        assert meta["dc:title"] == str(pdf.docinfo["/Title"])
        assert "Điều & chỉnh <b>" in meta["dc:title"]
