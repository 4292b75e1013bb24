"""Độ mật and độ khẩn (ô 10a, 10b) in the plan, the documents and the metadata; the bookmarks the
.docx carries for the PDF's signing fields (issue 25). No LibreOffice here: the .docx is read back."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

from lxml import etree

from kehoach.build import render
from kehoach.model.marks import priority
from kehoach.source.loader import load_path, load_text
from kehoach.writers.docx.wml import twips_mm
from kehoach.exporters.metadata import edxml_header, outgoing

ROOT = Path(__file__).resolve().parents[2]
AN_GIANG = ROOT / "examples" / "003-an-giang-xkld.yaml"
BAC_KAN = ROOT / "examples" / "004-bac-kan-pbgdpl.yaml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def plan_with(path: Path, **top: str):
    text = "".join(f"{key}: {value}\n" for key, value in top.items()) + path.read_text("utf-8")
    loaded = load_text(text, str(path))
    assert loaded.plan is not None, loaded.diagnostics
    return loaded


def document_xml(docx: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        return etree.fromstring(package.read("word/document.xml"))


def test_levels_are_read_in_any_case_and_old_tone_placement():
    loaded = plan_with(AN_GIANG, classification="TỐI MẬT", urgency="hoả tốc")
    assert (loaded.plan.classification, loaded.plan.urgency) == ("Tối mật", "Hỏa tốc")
    bad = load_text("urgency: rất khẩn\n" + AN_GIANG.read_text("utf-8"), "plan.yaml")
    assert bad.plan is None and any(d.code == "KH103" and d.line == 1 for d in bad.diagnostics)
    assert [priority(u) for u in (None, "Khẩn", "Thượng khẩn", "Hỏa tốc")] == [0, 1, 2, 3]


def test_stamps_print_under_the_number_in_boxes_of_the_decree_size():
    loaded = plan_with(AN_GIANG, classification="Mật", urgency="Thượng khẩn")
    root = document_xml(render(loaded.plan, "docx"))
    number_cell = next(tc for tc in root.iter(f"{W}tc") if "".join(t.text or "" for t in tc.iter(f"{W}t")).startswith("Số:"))
    boxes = number_cell.findall(f"{W}tbl")
    texts = ["".join(t.text or "" for t in box.iter(f"{W}t")) for box in boxes]
    assert texts == ["MẬT", "THƯỢNG KHẨN"]  # ô 10a above ô 10b
    widths = [int(box.find(f"{W}tblGrid/{W}gridCol").get(f"{W}w")) for box in boxes]
    assert widths == [twips_mm(20), twips_mm(40)]
    for box in boxes:
        height = box.find(f"{W}tr/{W}trPr/{W}trHeight")
        assert height.get(f"{W}hRule") == "exact" and int(height.get(f"{W}val")) == twips_mm(8)
        assert {e.get(f"{W}val") for e in box.find(f"{W}tblPr/{W}tblBorders")} == {"single"}
        assert {e.get(f"{W}color") for e in box.find(f"{W}tblPr/{W}tblBorders")} == {"FF0000"}
        run = box.find(f".//{W}r")
        assert run.find(f"{W}rPr/{W}b") is not None and run.find(f"{W}rPr/{W}sz").get(f"{W}val") == "26"
    assert number_cell[-1].tag == f"{W}p"  # a cell ends with a paragraph
    assert "MẬT" in render(loaded.plan, "txt").decode() and 'class="stamp">THƯỢNG KHẨN' in render(
        loaded.plan, "html").decode()
    plain = document_xml(render(load_path(AN_GIANG).plan, "docx"))
    assert not any("".join(t.text or "" for t in tc.iter(f"{W}t")).startswith("Số:") and tc.find(f"{W}tbl")
                   is not None for tc in plain.iter(f"{W}tc"))


def test_metadata_priority_and_a_tuyet_mat_plan_without_its_subject():
    urgent = plan_with(AN_GIANG, urgency="Hỏa tốc").plan
    data, _ = outgoing(urgent, [])
    assert data["Priority"] == 3 and data["Classification"] is None and data["Subject"]
    assert b"<edXML:Priority>3</edXML:Priority>" in edxml_header(data)
    assert b"<edXML:Priority>0</edXML:Priority>" in edxml_header(outgoing(load_path(AN_GIANG).plan, [])[0])
    secret, _ = outgoing(plan_with(AN_GIANG, classification="Tuyệt mật").plan, [])
    assert secret["Subject"] == "" and secret["Classification"] == "Tuyệt mật"
    mat, _ = outgoing(plan_with(AN_GIANG, classification="Mật").plan, [])
    assert mat["Subject"]  # only Tuyệt mật forbids it


def test_a_secret_plan_gets_no_edxml(tmp_path):
    (tmp_path / "plan.yaml").write_text("classification: Mật\n" + AN_GIANG.read_text("utf-8"), "utf-8")
    env = {**os.environ, "KEHOACH_NO_SERVER": "1"}
    done = subprocess.run([sys.executable, "-m", "kehoach", "build", "plan.yaml", "--metadata"], cwd=tmp_path,
                          capture_output=True, env=env)
    assert done.returncode == 0, done.stderr.decode()
    assert "KH057" in done.stderr.decode()
    assert (tmp_path / "plan.metadata.json").is_file() and not (tmp_path / "plan.edxml").exists()
    assert json.loads((tmp_path / "plan.metadata.json").read_text("utf-8"))["Classification"] == "Mật"


def bookmarks(docx: bytes) -> dict[str, etree._Element]:
    """The bookmarks by name, without the "_" that hides them in Word (every one has it)."""
    found = {b.get(f"{W}name"): b for b in document_xml(docx).iter(f"{W}bookmarkStart")}
    assert all(name.startswith("_kh") for name in found)
    return {name[1:]: b for name, b in found.items()}


def test_a_draft_marks_its_blanks_signer_and_appendices():
    plan = load_path(BAC_KAN).plan  # number blank, "ngày … tháng 5 năm 2024"
    marks = bookmarks(render(plan, "docx"))
    assert {"khNumber", "khNumberEnd", "khDay", "khDayEnd", "khSignerTitle", "khSignerTitleEnd",
            "khSignerName", "khPrintedM5Y2024"} <= set(marks)
    assert "khMonth" not in marks and "khYear" not in marks
    ids = [b.get(f"{W}id") for b in marks.values()]
    assert len(ids) == len(set(ids))
    # the marks sit right around the blank: the text before khNumber is "Số: ", after khNumberEnd "/…"
    p = marks["khNumber"].getparent()
    before, after, seen = [], [], None
    for el in p:
        if el.tag == f"{W}bookmarkStart":
            seen = el.get(f"{W}name")[1:]
        elif el.tag == f"{W}r":
            (before if seen is None else after if seen == "khNumberEnd" else []).append(
                "".join(t.text or "" for t in el.iter(f"{W}t")))
    assert "".join(before) == "Số: " and "".join(after).startswith("/")
    numbered = bookmarks(render(load_path(AN_GIANG).plan, "docx"))
    assert "khNumber" not in numbered and "khDay" not in numbered and "khSignerTitle" in numbered


def test_appendix_marks_count_the_appendices():
    plan = load_path(ROOT / "examples" / "daklak-0134-kh-ubnd.yaml").plan
    marks = bookmarks(render(plan, "docx"))
    assert {"khAppendix1", "khAppendix2"} <= set(marks) and "khAppendix3" not in marks


def test_destination_names_are_read_however_libreoffice_escapes_the_underscore():
    from kehoach.writers.pdf_fields import mark_name

    assert [mark_name(n) for n in ("/5FkhNumber", "/_khDay", "/khYear", "/#5FkhAppendix1")] == [
        "khNumber", "khDay", "khYear", "khAppendix1"]
    assert mark_name("/Chapter1") is None and mark_name("/5Fother") is None
