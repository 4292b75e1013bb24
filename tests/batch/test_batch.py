"""``kehoach batch``: one document per unit, checked first, confined to OUT, resumable, same bytes."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from docx_read import body_paragraphs, open_docx, paragraph_text
from typer.testing import CliRunner

from kehoach.batch.runner import BUILT, FAILED, MANIFEST, SKIPPED, Options, output_names, run, sha256
from kehoach.build import render
from kehoach.cli.main import _register, app
from kehoach.common.diagnostics import Diagnostic, KehoachError, Severity
from kehoach.batch.units import read_units

_register()

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "batch"
PLAN = EXAMPLE / "plan.yaml"
UNITS = EXAMPLE / "units.csv"
HEADER = "name,place,leader,title,abbreviation,code,target,signature.authority,signature.head_title\n"


def batch(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["--lang", "en", "batch", *map(str, args)])
    return result.exit_code, result.output


def texts(path: Path) -> list[str]:
    return [paragraph_text(p) for p in body_paragraphs(open_docx(path.read_bytes()))]


def manifest(out: Path) -> dict[str, dict]:
    return {entry["output"]: entry for entry in json.loads((out / MANIFEST).read_text("utf-8"))["units"]}


def units_csv(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "units.csv"
    path.write_text(HEADER + "".join(row + "\n" for row in rows), encoding="utf-8")
    return path


def test_example_batch_builds_one_document_per_unit_with_its_own_values(tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, output = batch(PLAN, "--units", UNITS, "-o", out, "--jobs", 2)
    assert code == 0, output
    assert sorted(p.name for p in out.glob("*.docx")) == [
        "dac-khu-phu-quoc.docx", "phuong-chau-doc.docx", "phuong-long-xuyen.docx", "xa-my-hoa-hung.docx",
        "xa-vinh-hoa.docx"]
    assert "5 built, 0 unchanged (skipped), 0 failed" in output

    vinh_hoa = texts(out / "xa-vinh-hoa.docx")
    # letterhead (issuer), broken after "ỦY BAN NHÂN DÂN" as letterheads print it
    assert vinh_hoa[vinh_hoa.index("ỦY BAN NHÂN DÂN") + 1] == "XÃ VĨNH HÒA"
    assert any(t.startswith("Vĩnh Hòa, ngày") for t in vinh_hoa)  # place
    signature = vinh_hoa.index("TM. ỦY BAN NHÂN DÂN")  # signer: title from `| default`-less column, name
    assert vinh_hoa[signature: signature + 3] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn An"]
    assert any("đạt 08 người lao động của xã Vĩnh Hòa" in t for t in vinh_hoa)  # local target
    assert not any("{{" in t for t in vinh_hoa)

    long_xuyen = texts(out / "phuong-long-xuyen.docx")
    assert "PHƯỜNG LONG XUYÊN" in long_xuyen
    assert any(t.startswith("Long Xuyên, ngày") for t in long_xuyen)
    signature = long_xuyen.index("KT. CHỦ TỊCH")  # dotted overrides signature.authority / head_title
    assert long_xuyen[signature - 1: signature + 3] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH",
                                                         "Trần Thị Bích"]
    assert any("đạt 25 người lao động của phường Long Xuyên" in t for t in long_xuyen)
    assert not any("Vĩnh Hòa" in t for t in long_xuyen)

    entries = manifest(out)
    assert {e["status"] for e in entries.values()} == {BUILT}
    for name, entry in entries.items():
        assert entry["output_sha256"] == __import__("hashlib").sha256((out / name).read_bytes()).hexdigest()


def test_a_bad_unit_fails_alone_and_says_which_unit_field_and_line(tmp_path: Path) -> None:
    units = units_csv(
        tmp_path,
        "Xã Vĩnh Hòa,Vĩnh Hòa,Nguyễn Văn An,Chủ tịch,UBND,31012,08,,",
        "Xã Không Địa Danh,,Lê Văn B,Chủ tịch,UBND,1,3,,",  # no place: {{ unit.place }} has no value
        "Xã Sai Quyền,Sai Quyền,Lê Văn C,Chủ tịch,UBND,2,3,XYZ,",  # signature.authority must be KT/Q/TL/TUQ
    )
    out = tmp_path / "out"
    code, output = batch(PLAN, "--units", units, "-o", out, "-j", 1)
    assert code == 1
    place_line = next(n for n, line in enumerate(PLAN.read_text("utf-8").splitlines(), 1)
                      if line.strip().startswith("place:"))
    assert f"{PLAN}:{place_line}:" in output and "KH160" in output
    assert "unit «Xã Không Địa Danh» has no field `unit.place`" in output
    assert f"{units}:4" in output and "«Xã Sai Quyền»" in output and "signature.authority" in output
    assert sorted(p.name for p in out.glob("*.docx")) == ["xa-vinh-hoa.docx"]
    statuses = {k: v["status"] for k, v in manifest(out).items()}
    assert statuses == {"xa-vinh-hoa.docx": BUILT, "xa-khong-dia-danh.docx": FAILED, "xa-sai-quyen.docx": FAILED}
    failed = manifest(out)["xa-khong-dia-danh.docx"]
    assert failed["output_sha256"] is None and failed["diagnostics"][0]["code"] == "KH160"
    assert failed["diagnostics"][0]["line"] == place_line


def test_a_unit_named_dot_dot_stays_inside_out(tmp_path: Path) -> None:
    units = units_csv(tmp_path, "../../x,X,A,Chủ tịch,UBND,1,3,,", "/etc/passwd,Y,B,Chủ tịch,UBND,2,3,,")
    out = tmp_path / "a" / "out"
    code, output = batch(PLAN, "--units", units, "-o", out, "-j", 1, "--name", "../{name}.docx")
    assert code == 0, output
    assert sorted(p.name for p in out.iterdir()) == ["etc-passwd.docx", MANIFEST, "x.docx"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "units.csv"]
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["out"]


def test_names_are_unique_and_follow_the_pattern(tmp_path: Path) -> None:
    units = units_csv(tmp_path, "Xã An Phú,An Phú,A,,,30001,1,,", "Xã An Phú,An Phú,B,,,30002,1,,", "Xã An Phú,,C,,,,1,,")
    table = read_units(str(units))
    assert output_names(table, None) == ["xa-an-phu.docx", "xa-an-phu-2.docx", "xa-an-phu-3.docx"]
    assert output_names(table, "{code}.docx") == ["30001.docx", "30002.docx", "xa-an-phu.docx"]
    assert output_names(table, "{slug}-kh") == ["xa-an-phu-kh.docx", "xa-an-phu-kh-2.docx", "xa-an-phu-kh-3.docx"]
    code, output = batch(PLAN, "--units", units, "-o", tmp_path / "out", "--name", "{ma}.docx")
    assert code == 2 and "KH064" in output and "`ma`" in output


def test_rerun_skips_unchanged_units_and_rebuilds_a_changed_row(tmp_path: Path) -> None:
    out = tmp_path / "out"
    rows = UNITS.read_text("utf-8").splitlines()[1:]
    units = units_csv(tmp_path, *rows)
    assert batch(PLAN, "--units", units, "-o", out, "-j", 2)[0] == 0
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.glob("*.docx")}

    code, output = batch(PLAN, "--units", units, "-o", out, "-j", 2)
    assert code == 0 and "0 built, 5 unchanged (skipped)" in output
    assert {e["status"] for e in manifest(out).values()} == {SKIPPED}
    assert {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.glob("*.docx")} == before

    rows[2] = rows[2].replace(",10,", ",12,")  # Xã Mỹ Hòa Hưng: new local target
    units = units_csv(tmp_path, *rows)
    code, output = batch(PLAN, "--units", units, "-o", out, "-j", 2)
    assert code == 0 and "1 built, 4 unchanged (skipped)" in output
    assert manifest(out)["xa-my-hoa-hung.docx"]["status"] == BUILT
    assert any("đạt 12 người lao động" in t for t in texts(out / "xa-my-hoa-hung.docx"))

    (out / "xa-vinh-hoa.docx").write_bytes(b"edited by hand")  # an output that no longer matches
    (out / "phuong-chau-doc.docx").unlink()
    code, output = batch(PLAN, "--units", units, "-o", out, "-j", 1)
    assert "2 built, 3 unchanged (skipped)" in output
    assert (out / "xa-vinh-hoa.docx").read_bytes() == before["xa-vinh-hoa.docx"][0]

    assert "5 built" in batch(PLAN, "--units", units, "-o", out, "--force")[1]


class InterruptAfter:
    """The real renderer, interrupted (as by Ctrl-C) when the n-th document is about to be written."""

    def __init__(self, n: int) -> None:
        self.left = n

    def __call__(self, plan, fmt, *, templates=None) -> bytes:
        if self.left == 0:
            raise KeyboardInterrupt
        self.left -= 1
        return render(plan, fmt, templates=templates)


def test_an_interrupted_batch_resumes_to_the_same_bytes(tmp_path: Path) -> None:
    whole, resumed = tmp_path / "whole", tmp_path / "resumed"
    run(Options(PLAN, str(UNITS), whole, jobs=1))
    with pytest.raises(KeyboardInterrupt):
        run(Options(PLAN, str(UNITS), resumed, jobs=1), renderer=InterruptAfter(2))
    assert len(list(resumed.glob("*.docx"))) == 2
    assert not [p for p in resumed.iterdir() if p.name.endswith(".tmp")]  # no partial file
    assert sorted(e["status"] for e in manifest(resumed).values()) == [BUILT, BUILT]

    report = run(Options(PLAN, str(UNITS), resumed, jobs=2))
    assert (report.count(SKIPPED), report.count(BUILT)) == (2, 3)
    assert {p.name: p.read_bytes() for p in resumed.glob("*.docx")} == {
        p.name: p.read_bytes() for p in whole.glob("*.docx")}


def test_a_killed_run_leaves_temporaries_that_the_next_run_removes(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    stale = out / ".kh-abc123.tmp"  # what write_atomic leaves when killed mid-write
    stale.write_bytes(b"PK\x03\x04partial")
    older = out / ".xa-vinh-hoa.docx.abc123.tmp"  # and the name earlier versions gave it
    older.write_bytes(b"PK\x03\x04partial")
    assert run(Options(PLAN, str(UNITS), out, jobs=1)).exit_code == 0
    assert not stale.exists() and not older.exists()


def test_zip_holds_every_document_in_name_order_and_is_reproducible(tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, output = batch(PLAN, "--units", UNITS, "-o", out, "--zip")
    assert code == 0, output
    archive = out / "plan.zip"
    with zipfile.ZipFile(archive) as z:
        names = z.namelist()
        assert names == sorted(p.name for p in out.glob("*.docx"))
        assert all(z.read(n) == (out / n).read_bytes() for n in names)
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    first = archive.read_bytes()
    shutil.rmtree(out)
    batch(PLAN, "--units", UNITS, "-o", out, "--zip", "-j", 1)
    assert archive.read_bytes() == first


def test_whole_batch_problems_are_usage_errors(tmp_path: Path) -> None:
    afile = tmp_path / "out"
    afile.write_text("")
    code, output = batch(PLAN, "--units", UNITS, "-o", afile)
    assert code == 2 and "KH064" in output

    bad_units = tmp_path / "units.csv"
    bad_units.write_text("name,name\nA,B\n", encoding="utf-8")
    code, output = batch(PLAN, "--units", bad_units, "-o", tmp_path / "o2")
    assert code == 2 and "KH061" in output and not (tmp_path / "o2").exists()


def test_a_placeholder_that_does_not_compile_fails_the_batch_once(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN.read_text("utf-8").replace("{{ unit.place }}", "{{ unit.place }"), encoding="utf-8")
    code, output = batch(plan, "--units", UNITS, "-o", tmp_path / "out")
    assert code == 1 and output.count("KH161") == 1
    assert not (tmp_path / "out").exists()


def test_placeholders_run_in_a_sandbox(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN.read_text("utf-8").replace(
        "{{ unit.place }}", "{{ unit.__class__.__init__.__globals__ }}"), encoding="utf-8")
    code, output = batch(plan, "--units", UNITS, "-o", tmp_path / "out", "-j", 1)
    assert code == 1 and "KH160" in output and "has no field `unit.__" in output
    assert not list((tmp_path / "out").glob("*.docx"))


def test_vn_units_build_with_defaults_for_empty_columns(tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, output = batch(PLAN, "--units", "vn:an-giang", "-o", out, "--name", "{code}")
    assert code == 0, output
    assert len(list(out.glob("*.docx"))) == len(read_units("vn:an-giang").units)
    phu_quoc = texts(out / "31078.docx")
    assert "ĐẶC KHU PHÚ QUỐC" in phu_quoc and "CHỦ TỊCH" in phu_quoc
    assert any("đạt ít nhất 05 người lao động của đặc khu Phú Quốc" in t for t in phu_quoc)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL])
def test_a_signalled_run_resumes_to_the_same_bytes(tmp_path: Path, sig: int) -> None:
    whole, resumed = tmp_path / "whole", tmp_path / "resumed"
    assert run(Options(PLAN, "vn:an-giang", whole, jobs=2)).exit_code == 0
    command = [str(Path(sys.executable).with_name("kehoach")), "batch", str(PLAN), "--units", "vn:an-giang",
               "-o", str(resumed), "--jobs", "1", "--quiet"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,  # Ctrl-C as in a terminal
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 60
    while len(list(resumed.glob("*.docx"))) < 10 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    process.send_signal(sig)
    _, stderr = process.communicate(timeout=60)
    built = len(list(resumed.glob("*.docx")))
    state = f"exit {process.returncode}, {built} built, stderr: {stderr.decode(errors='replace')[-500:]}"
    if process.returncode in (130, -signal.SIGKILL):  # stopped mid-way (it may also have finished first)
        assert built < len(list(whole.glob("*.docx"))), state
        if sig == signal.SIGINT:
            assert "chạy lại lệnh để dựng tiếp".encode() in stderr, state

    report = run(Options(PLAN, "vn:an-giang", resumed, jobs=2))
    assert report.exit_code == 0 and report.count(BUILT) + report.count(SKIPPED) == len(report.results), state
    assert not [p for p in resumed.iterdir() if p.name.endswith(".tmp")], state  # leftovers of a kill removed
    assert {p.name: p.read_bytes() for p in resumed.glob("*.docx")} == {
        p.name: p.read_bytes() for p in whole.glob("*.docx")}


def test_pdf_without_libreoffice_is_an_environment_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kehoach.writers.pdf

    def missing() -> Path:
        raise KehoachError([Diagnostic("KH040", "LibreOffice (soffice) not found", Severity.error)])

    monkeypatch.setattr(kehoach.writers.pdf, "find_soffice", missing)
    code, output = batch(PLAN, "--units", UNITS, "-o", tmp_path / "out", "--pdf")
    assert code == 2 and "KH040 LibreOffice (soffice) not found" in output
    assert not (tmp_path / "out").exists()


def test_pdf_adds_a_pdf_per_unit_from_a_warm_libreoffice(tmp_path: Path) -> None:
    from pypdf import PdfReader

    from kehoach.writers import pdf

    try:
        pdf.find_soffice()
    except KehoachError:
        pytest.skip("LibreOffice is not installed")
    units = units_csv(tmp_path, *UNITS.read_text("utf-8").splitlines()[1:3])
    out = tmp_path / "out"
    code, output = batch(PLAN, "--units", units, "-o", out, "--pdf", "--zip", "-j", 1)
    assert code == 0, output
    text = " ".join(page.extract_text() for page in PdfReader(out / "phuong-long-xuyen.pdf").pages)
    assert "PHƯỜNG LONG XUYÊN" in text and "Trần Thị Bích" in text
    entry = manifest(out)["xa-vinh-hoa.docx"]
    assert entry["pdf"] == "xa-vinh-hoa.pdf"
    assert entry["pdf_sha256"] == __import__("hashlib").sha256((out / "xa-vinh-hoa.pdf").read_bytes()).hexdigest()
    with zipfile.ZipFile(out / "plan.zip") as z:
        assert z.namelist() == ["phuong-long-xuyen.docx", "phuong-long-xuyen.pdf", "xa-vinh-hoa.docx",
                                "xa-vinh-hoa.pdf"]
    (out / "xa-vinh-hoa.pdf").unlink()  # a missing PDF is rebuilt, the complete unit is not
    assert "1 built, 1 unchanged (skipped)" in batch(PLAN, "--units", units, "-o", out, "--pdf", "-j", 1)[1]


def test_dotted_columns_override_targets_and_a_wrong_path_is_located_in_the_units_file(tmp_path: Path) -> None:
    units = tmp_path / "units.yaml"
    units.write_text(
        "- name: Xã Vĩnh Hòa\n"
        "  place: Vĩnh Hòa\n"
        "  leader: Nguyễn Văn An\n"
        "  sections.1.items.0.milestones.2026: 30\n"  # the first target of the goals section
        "  letterhead.number: '07'\n"
        "- name: Xã Lạc Đường\n"
        "  place: Lạc Đường\n"
        "  sections.9.heading: MỤC KHÔNG CÓ\n", encoding="utf-8")
    out = tmp_path / "out"
    code, output = batch(PLAN, "--units", units, "-o", out, "-j", 1)
    assert code == 1
    assert f"{units}:8:3: KH162 unit «Xã Lạc Đường»: column `sections.9.heading` does not point at a plan field" \
        in output
    vinh_hoa = texts(out / "xa-vinh-hoa.docx")
    assert any("đạt 30 người lao động của xã Vĩnh Hòa" in t for t in vinh_hoa)
    assert "Số: 07/KH-UBND" in vinh_hoa
    assert not (out / "xa-lac-duong.docx").exists()


def _worker_dies(plan, fmt, *, templates=None) -> bytes:
    os._exit(3)  # as if the worker were killed


def test_a_dead_worker_stops_the_batch_with_a_message_not_a_traceback(tmp_path: Path) -> None:
    with pytest.raises(KehoachError) as err:
        run(Options(PLAN, str(UNITS), tmp_path / "out", jobs=2), renderer=_worker_dies)
    assert err.value.exit_code == 2 and err.value.diagnostics[0].code == "KH065"
    assert (tmp_path / "out" / MANIFEST).exists() and not list((tmp_path / "out").glob("*.docx"))


def test_files_of_units_that_left_the_table_are_reported_and_pruned_only_when_asked(tmp_path: Path) -> None:
    """After a reorganisation the units table loses rows: their old documents must not sit silently
    among the new ones. They are named on every run until --prune removes them; a file changed by
    hand is never deleted."""
    out = tmp_path / "out"
    rows = UNITS.read_text("utf-8").splitlines()[1:]
    assert batch(PLAN, "--units", units_csv(tmp_path, *rows), "-o", out, "-j", 1)[0] == 0
    (out / "notes.docx").write_bytes(b"not kehoach's")  # a file the manifest never listed
    smaller = units_csv(tmp_path, *rows[:3])  # the last two units are gone

    code, output = batch(PLAN, "--units", smaller, "-o", out, "-j", 1)
    assert code == 0 and "0 built, 3 unchanged (skipped)" in output
    gone = ["dac-khu-phu-quoc.docx", "phuong-chau-doc.docx"]
    assert all(name not in manifest(out) for name in gone)
    assert all((out / name).is_file() for name in gone)
    assert "2 file(s) of units no longer in the table are still in" in output and "--prune" in output
    recorded = json.loads((out / MANIFEST).read_text("utf-8"))["removed_units"]
    assert [entry["output"] for entry in recorded] == gone

    # still reported on the next run: the manifest carries them forward
    assert "2 file(s) of units no longer in the table" in batch(PLAN, "--units", smaller, "-o", out)[1]

    (out / "dac-khu-phu-quoc.docx").write_bytes(b"edited by hand")
    code, output = batch(PLAN, "--units", smaller, "-o", out, "--prune")
    assert code == 0
    assert not (out / "phuong-chau-doc.docx").exists()
    assert (out / "dac-khu-phu-quoc.docx").read_bytes() == b"edited by hand"
    assert (out / "notes.docx").read_bytes() == b"not kehoach's"
    assert "Removed 1 file(s)" in output and "changed by hand, so they are kept" in output
    assert sorted(p.name for p in out.glob("*.docx")) == sorted(
        [*manifest(out), "dac-khu-phu-quoc.docx", "notes.docx"])

    (out / "dac-khu-phu-quoc.docx").unlink()  # the officer removes it: nothing left to report
    code, output = batch(PLAN, "--units", smaller, "-o", out)
    assert "no longer in the table" not in output
    assert "removed_units" not in json.loads((out / MANIFEST).read_text("utf-8"))


def test_prune_waits_for_the_whole_table(tmp_path: Path) -> None:
    out = tmp_path / "out"
    rows = UNITS.read_text("utf-8").splitlines()[1:]
    run(Options(PLAN, str(units_csv(tmp_path, *rows)), out, jobs=1))
    smaller = units_csv(tmp_path, *rows[:3])
    with pytest.raises(KeyboardInterrupt):
        run(Options(PLAN, str(smaller), out, jobs=1, force=True, prune=True), renderer=InterruptAfter(1))
    assert (out / "phuong-chau-doc.docx").is_file()  # interrupted: nothing pruned
    assert run(Options(PLAN, str(smaller), out, jobs=1, prune=True)).pruned == [
        "dac-khu-phu-quoc.docx", "phuong-chau-doc.docx"]


def test_a_manifest_pointing_outside_out_is_never_pruned(tmp_path: Path) -> None:
    out = tmp_path / "out"
    rows = UNITS.read_text("utf-8").splitlines()[1:]
    smaller = units_csv(tmp_path, *rows[:3])
    run(Options(PLAN, str(smaller), out, jobs=1))
    outside = tmp_path / "precious.pdf"
    outside.write_bytes(b"keep me")
    data = json.loads((out / MANIFEST).read_text("utf-8"))
    data["removed_units"] = [{"name": "x", "output": "x.docx", "output_sha256": None,
                              "pdf": "../precious.pdf", "pdf_sha256": sha256(b"keep me")}]
    (out / "x.docx").write_bytes(b"x")
    (out / MANIFEST).write_text(json.dumps(data), encoding="utf-8")
    report = run(Options(PLAN, str(smaller), out, jobs=1, prune=True))
    assert outside.read_bytes() == b"keep me"
    assert report.pruned == [] and (out / "x.docx").is_file()
