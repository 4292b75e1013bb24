"""`kehoach build --metadata`: Phụ lục VI fields and the edXML header for e-office systems (issue 17)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from kehoach.source.loader import load_path
from kehoach.exporters.metadata import NAMESPACE, edxml_header, outgoing

ROOT = Path(__file__).resolve().parents[2]
AN_GIANG = ROOT / "examples" / "003-an-giang-xkld.yaml"
DIRECTORY = '''
[[agencies]]
name = "Ủy ban nhân dân tỉnh An Giang"
code = "000.00.00.H01"

[[agencies]]
name = "Ủy ban MTTQVN tỉnh"
code = "000.01.02.H01"

[[agencies]]
name = "Cổng TTĐT tỉnh"
short = ["Cổng thông tin điện tử tỉnh"]
code = "000.01.02.H01"
'''


def _kehoach(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "KEHOACH_NO_SERVER": "1"}
    return subprocess.run([sys.executable, "-m", "kehoach", *args], cwd=cwd, capture_output=True, env=env)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copy(AN_GIANG, tmp_path / "plan.yaml")
    (tmp_path / "kehoach.toml").write_text(DIRECTORY, encoding="utf-8")
    return tmp_path


def test_fields_come_from_the_plan_and_codes_from_the_directory(project):
    done = _kehoach("build", "plan.yaml", "--metadata", cwd=project)
    assert done.returncode == 0, done.stderr.decode()
    data = json.loads((project / "plan.metadata.json").read_text("utf-8"))
    assert data["OrganId"] == "000.00.00.H01" and data["OrganName"] == "Ủy ban nhân dân tỉnh An Giang"
    assert (data["CodeNumber"], data["CodeNotation"], data["IssuedDate"]) == ("52", "KH-UBND", "2024-01-29")
    assert data["TypeName"] == "Kế hoạch" and data["Subject"].startswith("Triển khai thực hiện Kế hoạch số 147")
    assert (data["Competence"], data["Position"], data["FullName"]) == ("TM. ỦY BAN NHÂN DÂN", "PHÓ CHỦ TỊCH",
                                                                        "Lê Văn Phước")
    assert data["draft"] is False and data["PageAmount"] is None  # pages are known only for a PDF
    coded = {r["OrganName"]: r["OrganId"] for r in data["Recipients"]}
    assert coded["Ủy ban MTTQVN tỉnh"] == "000.01.02.H01"
    # A recipient without a code is reported at its line, never given an invented one.
    stderr = done.stderr.decode()
    assert "KH055" in stderr and "Sở, ban, ngành, đoàn thể tỉnh" in stderr
    assert coded["Sở, ban, ngành, đoàn thể tỉnh"] == ""


def test_edxml_header_is_well_formed_and_routes_only_coded_bodies_once(project):
    (project / "out").mkdir()  # -o never creates a missing folder (issue 26.9)
    assert _kehoach("build", "plan.yaml", "--metadata", "-o", "out/kh.docx", cwd=project).returncode == 0
    root = etree.fromstring((project / "out" / "kh.edxml").read_bytes())
    ns = {"e": NAMESPACE}
    header = root.find("e:edXMLHeader/e:MessageHeader", ns)
    assert header.findtext("e:From/e:OrganId", namespaces=ns) == "000.00.00.H01"
    to_ids = [el.text for el in header.findall("e:To/e:OrganId", ns)]
    assert to_ids == ["000.01.02.H01"]  # two recipients share this code: one To; uncoded ones left out
    assert header.findtext("e:PromulgationInfo/e:PromulgationDate", namespaces=ns) == "29/01/2024"
    assert header.findtext("e:Code/e:CodeNotation", namespaces=ns) == "KH-UBND"
    assert header.findtext("e:SignerInfo/e:FullName", namespaces=ns) == "Lê Văn Phước"


def test_a_decision_is_the_issued_document():
    plan = load_path(ROOT / "examples" / "002-bo-ldtbxh-qd-224.yaml").plan
    data, _ = outgoing(plan, [])
    assert data["TypeName"] == "Quyết định" and data["CodeNotation"].startswith("QĐ-")
    assert data["Subject"] == " ".join(plan.decision.title.split())
    assert data["FullName"] == plan.decision.signature.name


def test_a_draft_leaves_number_and_date_to_the_system():
    plan = load_path(ROOT / "examples" / "004-bac-kan-pbgdpl.yaml").plan
    data, problems = outgoing(plan, [])
    assert data["draft"] is True and data["CodeNumber"] == "" and data["IssuedDate"] == ""
    assert any(p.code == "KH055" and p.loc == ("letterhead", "issuer") for p in problems)
    assert b"<edXML:PromulgationDate></edXML:PromulgationDate>" in edxml_header(data)


def test_a_value_too_long_for_its_field_is_a_located_error_and_nothing_is_written(project):
    text = (project / "plan.yaml").read_text("utf-8")
    text = text.replace("name: Lê Văn Phước", "name: " + "Nguyễn Thị Minh Khai " * 3)
    (project / "plan.yaml").write_text(text, encoding="utf-8")
    line = next(i for i, l in enumerate(text.splitlines(), 1) if "Nguyễn Thị Minh Khai" in l)
    done = _kehoach("build", "plan.yaml", "--metadata", cwd=project)
    assert done.returncode == 1
    assert f"plan.yaml:{line}:" in done.stderr.decode() and "KH054" in done.stderr.decode()
    assert not any(project.glob("plan.docx")) and not any(project.glob("plan.metadata.json"))


def test_a_malformed_agency_code_is_a_configuration_error(project):
    (project / "kehoach.toml").write_text('[[agencies]]\nname = "X"\ncode = "H01"\n', encoding="utf-8")
    done = _kehoach("build", "plan.yaml", "--metadata", cwd=project)
    assert done.returncode == 2 and b"KH020" in done.stderr and b"Traceback" not in done.stderr


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_page_amount_is_the_pdfs_page_count(project):
    done = _kehoach("build", "plan.yaml", "--metadata", "-o", "plan.pdf", cwd=project)
    assert done.returncode == 0, done.stderr.decode()
    pages = subprocess.run(["pdfinfo", str(project / "plan.pdf")], capture_output=True, text=True).stdout
    expected = int(next(l for l in pages.splitlines() if l.startswith("Pages:")).split()[1])
    assert json.loads((project / "plan.metadata.json").read_text("utf-8"))["PageAmount"] == expected
